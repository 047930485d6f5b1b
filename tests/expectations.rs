//! Regression expectations (docs/regression-testing.md): the repository's own file pins every fixture, a mutated
//! expectation fails with expected and actual side by side, and expectations that can never
//! pass are bad input.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use gender_seal::expect::{Expectations, Report, check, check_file, check_files};
use gender_seal::{ErrorKind, Format};
use serde_json::json;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_fixture_expectations_pass() {
    gender_seal::testing::assert_expectations(root().join("fixtures/expectations.json"));
}

#[test]
fn every_fixture_assessment_has_a_case_pinning_every_field() {
    let file = Expectations::from_path(root().join("fixtures/expectations.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let pinned: BTreeSet<&str> = file.cases.iter().map(|c| c.assessment.as_str()).collect();
    let mut assessments = BTreeSet::new();
    for entry in fs::read_dir(root().join("fixtures")).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let text = fs::read_to_string(&path).unwrap_or_default();
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        if doc.get("evidence").is_some() {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            assessments.insert(name.unwrap_or_default());
        }
    }
    let assessments: BTreeSet<&str> = assessments.iter().map(String::as_str).collect();
    assert_eq!(assessments.len(), 11, "{assessments:?}");
    assert_eq!(pinned, assessments);
    for case in &file.cases {
        let e = &case.expect;
        assert!(
            e.percentage.is_some()
                && e.percentage_rounded.is_some()
                && e.tier.is_some()
                && e.strong.is_some()
                && e.blocked.is_some()
                && e.dimensions.is_some(),
            "case '{}' does not pin every field",
            case.name
        );
    }
}

fn fixture_file() -> Expectations {
    Expectations::from_path(root().join("fixtures/expectations.json"))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Runs a (mutated) copy of the fixture file as if it were in `fixtures/`.
fn run(file: &Expectations) -> gender_seal::Result<gender_seal::expect::FileReport> {
    check(
        file,
        Path::new("fixtures"),
        "fixtures/expectations.json (mutated)",
    )
}

#[test]
fn a_wrong_tier_fails_with_expected_and_actual() {
    let mut file = fixture_file();
    file.cases[0].expect.tier = Some(Some("gold".into()));
    let report = run(&file).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.failed(), 1);
    let case = &report.cases[0];
    assert!(!case.passed);
    let failing: Vec<_> = case.checks.iter().filter(|c| !c.passed).collect();
    assert_eq!(failing.len(), 1);
    assert_eq!(failing[0].field, "tier");
    assert_eq!(failing[0].expected, json!("gold"));
    assert_eq!(failing[0].actual, json!("silver"));
    assert!(report.cases[1..].iter().all(|c| c.passed));
    let text = gender_seal::report::check(
        &Report::of(vec![report]),
        Format::Text,
        gender_seal::i18n::Lang::EN,
    )
    .into_text()
    .unwrap();
    insta::assert_snapshot!("failing_check_text", text);
}

#[test]
fn every_field_can_fail() {
    let mut file = fixture_file();
    let gated = file
        .cases
        .iter()
        .position(|c| c.assessment == "gated-office.json")
        .unwrap_or_default();
    let e = &mut file.cases[gated].expect;
    e.percentage = Some("82.9267".parse().unwrap_or_default());
    e.percentage_rounded = Some("82".parse().unwrap_or_default());
    e.strong = Some(false);
    e.blocked = Some(vec![]);
    if let Some(d) = e.dimensions.as_mut() {
        d.0[1].1 = None;
    }
    let report = run(&file).unwrap_or_else(|e| panic!("{e}"));
    let failing: Vec<(&str, String, String)> = report.cases[gated]
        .checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| {
            (
                c.field.as_str(),
                c.expected.to_string(),
                c.actual.to_string(),
            )
        })
        .collect();
    assert_eq!(
        failing,
        [
            ("percentage", "\"82.9267\"".into(), "\"82.9268\"".into()),
            ("percentage_rounded", "\"82\"".into(), "\"83\"".into()),
            ("strong", "false".into(), "true".into()),
            ("blocked", "[]".into(), "[\"gold\"]".into()),
            ("dimensions.IC", "null".into(), "\"83.3333\"".into()),
        ]
    );
    let md = gender_seal::report::check(
        &Report::of(vec![report]),
        Format::Markdown,
        gender_seal::i18n::Lang::FR,
    )
    .into_text()
    .unwrap();
    assert!(md.contains("| ✗ | `strong` | non | oui |"), "{md}");
    assert!(md.contains("**11 cas : 10 réussis, 1 en échec**"), "{md}");
}

#[test]
fn decimals_compare_as_exact_values_and_blocked_in_any_order() {
    // Parsed from text: JSON numbers stay exact decimals (never binary floating point).
    let file = Expectations::from_json(
        br#"{
        "framework": "../benchmarks/undp-co-2021.json",
        "cases": [
            {"name": "trailing zeros", "assessment": "mali-2020.json",
             "expect": {"percentage": "74.35900", "percentage_rounded": 74.0, "tier": "silver"}},
            {"name": "exponent", "assessment": "mali-2020.json",
             "expect": {"percentage_rounded": 7.4e1, "dimensions": {"CK": "6e1", "PA": 100.000}}},
            {"name": "order", "assessment": "ee3-floor-office.json",
             "expect": {"tier": null, "strong": false, "blocked": ["gold", "bronze", "silver"]}}
        ]
    }"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let report = run(&file).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.cases.iter().all(|c| c.passed), "{report:#?}");
    // Actual values are shown normalised, whatever the expectation's spelling.
    assert_eq!(report.cases[0].checks[1].expected, json!("74"));
}

#[test]
fn a_case_may_name_its_framework_or_use_the_built_in_one() {
    let file: Expectations = serde_json::from_value(json!({
        "cases": [
            {"name": "built in", "assessment": "mali-2020.json",
             "expect": {"percentage_rounded": "74"}},
            {"name": "own file", "assessment": "boundary-half.json",
             "framework": "../benchmarks/tiny-boundary.json", "expect": {"tier": "gold"}}
        ]
    }))
    .unwrap_or_else(|e| panic!("{e}"));
    let report = run(&file).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.cases.iter().all(|c| c.passed));
    assert_eq!(report.cases[1].framework.id, "tiny-boundary");
    assert_eq!(report.cases[1].assessment, "fixtures/boundary-half.json");
}

fn invalid(expect: serde_json::Value) -> Vec<(String, String)> {
    let file: Expectations = serde_json::from_value(json!({
        "framework": "../benchmarks/undp-co-2021.json",
        "cases": [{"name": "bad", "assessment": "mali-2020.json", "expect": expect}]
    }))
    .unwrap_or_else(|e| panic!("{e}"));
    let err = run(&file).map(|_| ()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
    assert_eq!(err.file(), Some("fixtures/expectations.json (mutated)"));
    err.problems()
        .iter()
        .map(|p| (p.location.to_string(), p.message.clone()))
        .collect()
}

#[test]
fn expectations_that_can_never_pass_are_bad_input() {
    assert_eq!(
        invalid(json!({})),
        [(
            "cases[0].expect".into(),
            "expects nothing; give at least one of percentage, percentage_rounded, tier, strong, blocked, dimensions".into()
        )]
    );
    let problems = invalid(json!({
        "percentage": "74.35897", "percentage_rounded": "74.4", "tier": "sliver",
        "blocked": ["gold", "gold"], "dimensions": {"GRR": 90}
    }));
    let paths: Vec<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "cases[0].expect.percentage",
            "cases[0].expect.percentage_rounded",
            "cases[0].expect.tier",
            "cases[0].expect.blocked[1]",
            "cases[0].expect.dimensions.GRR"
        ]
    );
    assert_eq!(
        problems[2].1,
        "unknown tier 'sliver' in framework 'undp-gender-seal-co' version '2021.2'; the ladder is bronze, silver, gold; did you mean 'silver'?"
    );
    assert!(problems[4].1.contains("did you mean 'GR'?"), "{problems:?}");
    assert_eq!(
        invalid(json!({"tier": null, "strong": true}))[0].1,
        "strong is true but tier is null: without a tier nothing is strong"
    );
}

#[test]
fn unreadable_or_unscorable_assessments_name_the_case() {
    let file: Expectations = serde_json::from_value(json!({
        "framework": "../benchmarks/tiny-boundary.json",
        "cases": [{"name": "wrong framework", "assessment": "mali-2020.json",
                   "expect": {"tier": "gold"}}]
    }))
    .unwrap_or_else(|e| panic!("{e}"));
    let err = run(&file).map(|_| ()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::FrameworkMismatch);
    assert_eq!(err.file(), Some("fixtures/mali-2020.json"));
    assert!(
        err.to_string().ends_with(
            "(case 'wrong framework', cases[0] of fixtures/expectations.json (mutated))"
        ),
        "{err}"
    );
    let err = check_file(root().join("fixtures/no-such-file.json"))
        .map(|_| ())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
}

#[test]
fn version_mismatch_is_allowed_only_when_asked() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("expect-version");
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let mali = fs::read_to_string(root().join("fixtures/mali-2020.json")).unwrap_or_default();
    fs::write(
        dir.join("mali-2019.json"),
        mali.replace("\"2021.2\"", "\"2019.1\""),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let fw = root().join("benchmarks/undp-co-2021.json");
    let write = |allow: serde_json::Value| {
        let path = dir.join("expectations.json");
        let doc = json!({
            "framework": fw,
            "cases": [{"name": "old version", "assessment": "mali-2019.json",
                       "allow_version_mismatch": allow, "expect": {"percentage_rounded": "74"}}]
        });
        fs::write(&path, doc.to_string()).unwrap_or_else(|e| panic!("{e}"));
        path
    };
    let err = check_files(&[write(json!(false))]).map(|_| ()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::FrameworkMismatch);
    let report = check_files(&[write(json!(true))]).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.passed);
}
