//! The published JSON Schemas (`docs/schema/KIND.json`) are generated from the Rust types:
//! they must not drift from them, every fixture must validate against its schema, and so must
//! every JSON output. Regenerate with `UPDATE_SCHEMAS=1 cargo test --test schemas`.

use std::fs;
use std::path::{Path, PathBuf};

use gender_seal::expect::{Expectations, check_files};
use gender_seal::explain::{ExplainOptions, explain};
use gender_seal::history::{HistoryOptions, Round, history};
use gender_seal::plan::{Plan, Planner, Question, Views};
use gender_seal::schema::{kinds, schema, schema_text};
use gender_seal::{Assessment, Framework, ScoreOptions, score};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The validation errors of `instance` against the schema of `kind`, one line each.
fn errors(kind: &str, instance: &Value) -> Vec<String> {
    let schema = schema(kind).unwrap_or_else(|e| panic!("{e}"));
    let validator = jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("schema {kind} is not a valid JSON Schema: {e}"));
    validator
        .iter_errors(instance)
        .map(|e| format!("at '{}': {e}", e.instance_path()))
        .collect()
}

fn assert_valid(kind: &str, instance: &Value, what: &str) {
    let errs = errors(kind, instance);
    assert!(
        errs.is_empty(),
        "{what} does not validate against the {kind} schema:\n  {}",
        errs.join("\n  ")
    );
}

#[test]
fn committed_schemas_match_the_types() {
    let dir = root().join("docs/schema");
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some_and(|v| v == "1");
    let mut drift = Vec::new();
    for kind in kinds() {
        let path = dir.join(format!("{kind}.json"));
        let fresh = schema_text(kind).unwrap_or_else(|e| panic!("{e}"));
        if update {
            fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
            fs::write(&path, &fresh).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        } else if fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
            drift.push(format!("docs/schema/{kind}.json"));
        }
    }
    let known: Vec<String> = kinds().map(|k| format!("{k}.json")).collect();
    let stray: Vec<String> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
                .filter(|n| !known.contains(n))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        drift.is_empty() && stray.is_empty(),
        "the committed JSON Schemas differ from the Rust types.\n  out of date or missing: {drift:?}\n  \
         not a schema kind (remove): {stray:?}\nRegenerate with: UPDATE_SCHEMAS=1 cargo test --test schemas \
         (then review and commit docs/schema/)"
    );
}

#[test]
fn schemas_are_strict_about_unknown_fields() {
    for kind in ["framework", "assessment", "expectations"] {
        let s = schema(kind).unwrap_or_default();
        assert_eq!(s["additionalProperties"], false, "{kind}");
    }
}

/// The kind of a fixture file, from where it lives and its top-level keys.
fn kind_of(path: &Path, doc: &Value) -> &'static str {
    if path.parent().is_some_and(|p| p.ends_with("benchmarks")) || doc.get("rating_scale").is_some()
    {
        "framework"
    } else if doc.get("cases").is_some() {
        "expectations"
    } else if doc.get("evidence").is_some() {
        "assessment"
    } else if doc.get("activities").is_some() {
        "plan"
    } else {
        panic!(
            "cannot tell which format {} is: teach kind_of in tests/schemas.rs",
            path.display()
        )
    }
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_fixture_and_framework_validates_against_its_schema() {
    let files: Vec<PathBuf> = json_files("benchmarks")
        .into_iter()
        .chain(json_files("fixtures"))
        .chain(json_files("fixtures/published"))
        .chain(json_files("fixtures/programmes"))
        .collect();
    assert!(
        files.len() >= 14,
        "expected the shipped files, found {files:?}"
    );
    let mut seen = std::collections::BTreeSet::new();
    for path in files {
        let doc = read_json(&path);
        let kind = kind_of(&path, &doc);
        assert!(
            kinds().any(|k| k == kind),
            "{} is a {kind} file but there is no '{kind}' schema kind: add its line to KINDS in src/schema.rs",
            path.display()
        );
        assert_valid(kind, &doc, &path.display().to_string());
        seen.insert(kind);
    }
    assert!(seen.is_superset(&["framework", "assessment", "expectations"].into()));
}

#[test]
fn schema_violations_are_caught() {
    // A misspelled field, a value that is not a decimal, a missing required field: the schemas
    // reject what the library rejects.
    let mut fw = read_json(&root().join("benchmarks/tiny-boundary.json"));
    fw["dimensions"][0]["benchmarks"][0]["wieght"] = Value::from(1);
    assert!(!errors("framework", &fw).is_empty());
    let mut a = read_json(&root().join("fixtures/mali-2020.json"));
    a["evidence"]["IC2"]["value"] = Value::from("sixty");
    let errs = errors("assessment", &a);
    assert!(
        errs.iter().any(|e| e.contains("/evidence/IC2/value")),
        "{errs:?}"
    );
    let mut e = read_json(&root().join("fixtures/expectations.json"));
    e["cases"][0]["expect"]
        .as_object_mut()
        .map(|o| o.insert("tire".into(), Value::from("gold")));
    assert!(!errors("expectations", &e).is_empty());
    e["cases"][0]
        .as_object_mut()
        .map(|o| o.remove("assessment"));
    assert!(!errors("expectations", &e).is_empty());
}

#[test]
fn outputs_validate_against_their_schemas() {
    // Every scorecard of the fixtures, in both languages.
    let file = Expectations::from_path(root().join("fixtures/expectations.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let fixtures = root().join("fixtures");
    for case in &file.cases {
        let fw_path = case.framework.as_ref().or(file.framework.as_ref());
        let fw = Framework::from_path(fixtures.join(fw_path.map_or("", String::as_str)))
            .unwrap_or_else(|e| panic!("{e}"));
        let a = Assessment::from_path(fixtures.join(&case.assessment))
            .unwrap_or_else(|e| panic!("{e}"));
        for lang in ["en", "fr"] {
            let options = ScoreOptions {
                lang: lang.parse().unwrap_or_default(),
                ..ScoreOptions::default()
            };
            let card = score(&fw, &a, &options).unwrap_or_else(|e| panic!("{e}"));
            let json = serde_json::to_value(&card).unwrap_or_default();
            assert_valid(
                "scorecard",
                &json,
                &format!("scorecard of {}", case.assessment),
            );
        }
    }
    // A check report, passing.
    let report =
        check_files(&[root().join("fixtures/expectations.json")]).unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_value(&report).unwrap_or_default();
    assert_valid("check-report", &json, "the check report");
    // A diff report with ignored evidence and a framework written for neither side.
    let from = Framework::from_path(root().join("benchmarks/undp-co-2021.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let to = Framework::from_path(root().join("benchmarks/undp-co-2021-strict.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let assessments: Vec<(String, Assessment)> = [
        "mali-2020.json",
        "by-dimension-office.json",
        "ee3-floor-office.json",
    ]
    .iter()
    .map(|f| {
        let a = Assessment::from_path(fixtures.join(f)).unwrap_or_else(|e| panic!("{e}"));
        (f.to_string(), a)
    })
    .collect();
    let d = gender_seal::diff::diff(&from, &to, &assessments, gender_seal::i18n::Lang::EN)
        .unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_value(&d).unwrap_or_default();
    assert_valid("diff-report", &json, "the diff report");
    // Plan answers for Mali: the cheapest Gold with timeline and marginal views, and the best
    // use of the funded budget.
    let fw = Framework::builtin("undp-gender-seal-co", "2021.2").unwrap_or_else(|e| panic!("{e}"));
    let baseline =
        Assessment::from_path(fixtures.join("mali-2020.json")).unwrap_or_else(|e| panic!("{e}"));
    let plan = Plan::from_path(fixtures.join("mali-2021-plan.json"), &fw)
        .unwrap_or_else(|e| panic!("{e}"));
    let planner = Planner::new(&fw, &baseline, &plan).unwrap_or_else(|e| panic!("{e}"));
    let gold = gender_seal::Rank::parse_target(&fw, "gold", gender_seal::i18n::Lang::EN)
        .unwrap_or_else(|e| panic!("{e}"));
    let views = Views {
        timeline: true,
        marginal: true,
    };
    for question in [Question::Cheapest(gold), Question::Best(None)] {
        let answer = planner
            .what_if(question, views, gender_seal::i18n::Lang::FR)
            .unwrap_or_else(|e| panic!("{e}"));
        let plan_json = serde_json::to_value(&answer).unwrap_or_default();
        assert_valid(
            "plan-report",
            &plan_json,
            &format!("the {question:?} answer"),
        );
    }
    // Outputs are normalised: a decimal with a trailing zero is not what the library writes.
    let mut bad = json;
    bad["offices"][0]["points"] = Value::from("2.0");
    assert!(!errors("diff-report", &bad).is_empty());
}

/// Every file kind accepts (and ignores) a top-level `"$schema"` string, the key editors use to
/// find a file's schema, and the published schemas allow it.
#[test]
fn a_schema_key_is_accepted_in_every_file_kind() {
    let dir = root();
    let with_schema = |path: &str, kind: &str| {
        let mut doc = read_json(&dir.join(path));
        doc["$schema"] = format!("../docs/schema/{kind}.json").into();
        assert_valid(kind, &doc, path);
        serde_json::to_vec(&doc).unwrap_or_default()
    };
    let fw = Framework::from_json(&with_schema("benchmarks/undp-co-2021.json", "framework"))
        .unwrap_or_else(|e| panic!("{e}"));
    let a = Assessment::from_json(&with_schema("fixtures/mali-2020.json", "assessment"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.schema.as_deref(), Some("../docs/schema/assessment.json"));
    let plan = with_schema("fixtures/mali-2021-plan.json", "plan");
    Plan::from_json(&plan, &fw).unwrap_or_else(|e| panic!("{e}"));
    let e = with_schema("fixtures/expectations.json", "expectations");
    let file: Expectations = serde_json::from_slice(&e).unwrap_or_else(|e| panic!("{e}"));
    assert!(file.schema.is_some());
    // Only a string: anything else is a format error at `$schema`.
    let mut doc = read_json(&dir.join("fixtures/mali-2020.json"));
    doc["$schema"] = 3.into();
    let err = Assessment::from_json(&serde_json::to_vec(&doc).unwrap_or_default())
        .map(|_| ())
        .unwrap_err();
    assert_eq!(err.problems()[0].location, "$schema");
}

#[test]
fn explain_and_history_outputs_validate_against_their_schemas() {
    // Explanations of every fixture of the default framework, in both languages, to the
    // default target and to each rank of the ladder (reachable, unreachable, already reached).
    let fixtures = root().join("fixtures");
    let fw = Framework::builtin("undp-gender-seal-co", "2021.2").unwrap_or_else(|e| panic!("{e}"));
    let targets = ["bronze", "silver", "silver:strong", "gold"];
    let mut offices = Vec::new();
    for file in [
        "mali-2020.json",
        "gold-office.json",
        "bronze-office.json",
        "no-tier-office.json",
        "gated-office.json",
        "many-na-office.json",
        "ee3-floor-office.json",
    ] {
        let a = Assessment::from_path(fixtures.join(file)).unwrap_or_else(|e| panic!("{e}"));
        for lang in [gender_seal::i18n::Lang::EN, gender_seal::i18n::Lang::FR] {
            for target in std::iter::once(None).chain(targets.iter().map(Some)) {
                let options = ExplainOptions {
                    target: target.map(|t| {
                        gender_seal::Rank::parse_target(&fw, t, gender_seal::i18n::Lang::EN)
                            .unwrap_or_else(|e| panic!("{e}"))
                    }),
                    lang,
                    ..ExplainOptions::default()
                };
                let e = explain(&fw, &a, &options).unwrap_or_else(|e| panic!("{e}"));
                let json = serde_json::to_value(&e).unwrap_or_default();
                assert_valid(
                    "explain-report",
                    &json,
                    &format!("explain {file} {target:?}"),
                );
            }
        }
        offices.push((file, a));
    }
    // A history of one office (Mali and a later round of it) and of mixed offices, allowed.
    let (_, mali) = &offices[0];
    let mut later = mali.clone();
    later.period = Some("2021".into());
    later.evidence.0.retain(|(id, _)| id != "GR1");
    let rounds = [
        Round {
            file: "mali-2021.json",
            framework: &fw,
            assessment: &later,
        },
        Round {
            file: "mali-2020.json",
            framework: &fw,
            assessment: mali,
        },
    ];
    let h = history(&rounds, &HistoryOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_valid(
        "history-report",
        &serde_json::to_value(&h).unwrap_or_default(),
        "history",
    );
    let mixed: Vec<Round<'_>> = offices
        .iter()
        .map(|(file, a)| Round {
            file,
            framework: &fw,
            assessment: a,
        })
        .collect();
    let options = HistoryOptions {
        allow_mixed_offices: true,
        lang: gender_seal::i18n::Lang::FR,
        ..HistoryOptions::default()
    };
    let h = history(&mixed, &options).unwrap_or_else(|e| panic!("{e}"));
    let mut json = serde_json::to_value(&h).unwrap_or_default();
    assert_valid("history-report", &json, "mixed history");
    // Decimals are normalised strings there too.
    json["rounds"][0]["dimensions"][0] = Value::from("50.0");
    assert!(!errors("history-report", &json).is_empty());
}
