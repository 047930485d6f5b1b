//! The command line: `score` and `validate` outputs, and exit statuses (docs/contract.md): 0 success,
//! 2 bad input or usage with one message on stderr naming the file and the JSON path, and
//! nothing on stdout.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn gs() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("gender-seal");
    cmd.current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    cmd
}

/// Runs the command, expects success with nothing on stderr, and returns stdout.
fn ok(args: &[&str]) -> String {
    let out = gs().args(args).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    assert!(stderr.is_empty(), "{args:?}: {stderr}");
    stdout
}

/// Runs the command, expects exit 2 with nothing on stdout, and returns stderr.
fn bad(args: &[&str]) -> String {
    let out = gs().args(args).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
    assert!(stderr.starts_with("error: "), "{stderr}");
    stderr
}

/// A copy of the Mali assessment with `from` replaced by `to`, in a scratch directory.
fn mali_with(name: &str, from: &str, to: &str) -> PathBuf {
    let text = std::fs::read_to_string(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("fixtures/mali-2020.json"),
    )
    .unwrap();
    assert!(text.contains(from));
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

#[test]
fn score_mali_text_shows_silver_strong_and_golds_blockers() {
    let out = ok(&["score", "fixtures/mali-2020.json"]);
    assert!(out.starts_with("UNDP Mali — 2020\n"), "{out}");
    assert!(out.contains("Framework: undp-gender-seal-co, version 2021.2"));
    assert!(
        out.contains("Official percentage  74 % — Silver-strong"),
        "{out}"
    );
    assert!(out.contains("Exact percentage     74.359 %"), "{out}");
    assert!(out.contains("Toward Gold (next tier)"), "{out}");
    assert!(out.contains("6 points missing: Gold needs 80 %, the result is 74 %."));
    assert!(
        out.contains("- MS1 Costed gender strategy & action plan: needs Met, is Partially met")
    );
    assert!(out.contains("- PR3 GEN3 expenditure share: needs Met, is Partially met"));
    assert!(out.contains("- GR2 Policy or legal change documented: needs Met, is Partially met"));
    assert!(out.contains("Benchmarks not fully met (10)"));
    assert!(
        out.contains("Evidence             8 documented, 33 assumed"),
        "{out}"
    );
    assert!(out.contains("Met on assumed evidence (27)"), "{out}");
    assert!(
        out.contains("Partially met — rated directly (assumed)"),
        "{out}"
    );
    assert!(out.contains("None: no tier above the result reaches its minimum score."));
}

#[test]
fn score_mali_in_french() {
    let out = ok(&["score", "fixtures/mali-2020.json", "--lang", "fr"]);
    assert!(out.contains("74\u{202f}% — Argent-fort"), "{out}");
    assert!(out.contains("Niveau suivant : Or"), "{out}");
    assert!(out.contains("Il manque 6 points"), "{out}");
    assert!(
        out.contains("Pourcentage exact     74,359\u{202f}%"),
        "{out}"
    );
    assert!(out.contains("29 sur 39 points"), "{out}");
    assert!(
        out.contains("requis Atteint, obtenu Partiellement atteint"),
        "{out}"
    );
}

#[test]
fn score_mali_markdown() {
    let out = ok(&["score", "fixtures/mali-2020.json", "--format", "markdown"]);
    assert!(out.starts_with("# UNDP Mali — 2020\n"), "{out}");
    assert!(
        out.contains("| Official percentage | **74 % — Silver-strong** |"),
        "{out}"
    );
    assert!(out.contains("## Toward Gold (next tier)"), "{out}");
}

/// Every number in a scorecard is a decimal string, except these counts.
fn assert_decimals_are_strings(v: &Value, key: &str) {
    match v {
        Value::Number(_) => assert!(
            matches!(key, "level" | "benchmarks" | "applicable" | "decimals"),
            "'{key}' is a JSON number: {v}"
        ),
        Value::Array(a) => a.iter().for_each(|x| assert_decimals_are_strings(x, key)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| assert_decimals_are_strings(x, k)),
        _ => {}
    }
}

#[test]
fn score_json_has_every_field_of_the_spec() {
    let out = ok(&["score", "--format", "json", "fixtures/mali-2020.json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["framework"]["id"], "undp-gender-seal-co");
    assert_eq!(v["framework"]["version"], "2021.2");
    assert_eq!(v["office"], "UNDP Mali");
    assert_eq!(v["percentage"], "74.359");
    assert_eq!(v["percentage_rounded"], "74");
    assert_eq!(v["tier"]["id"], "silver");
    assert_eq!(v["tier"]["strong"], true);
    assert_eq!(v["tier"]["label"], "Silver-strong");
    assert_eq!(v["blocked"], Value::Array(vec![]));
    assert_eq!(v["next"]["id"], "gold");
    assert_eq!(v["next"]["points_missing"], "6");
    let failing: Vec<(&str, &str)> = v["next"]["failing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["benchmark"].as_str().unwrap(),
                g["actual"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        failing,
        [
            ("MS1", "partially_met"),
            ("PR3", "partially_met"),
            ("GR2", "partially_met")
        ]
    );

    let dims = v["dimensions"].as_array().unwrap();
    assert_eq!(dims.len(), 7);
    for d in dims {
        for field in ["id", "percentage", "earned", "possible"] {
            assert!(d[field].is_string(), "dimension {field}: {d}");
        }
    }
    assert_eq!(dims[0]["percentage"], "57.1429");
    assert_eq!(dims[0]["earned"], "4");
    assert_eq!(dims[0]["possible"], "7");

    let benchmarks = v["benchmarks"].as_array().unwrap();
    assert_eq!(benchmarks.len(), 41);
    for b in benchmarks {
        for field in [
            "id",
            "dimension",
            "rating",
            "basis",
            "weight",
            "credit",
            "earned",
        ] {
            assert!(b.get(field).is_some(), "benchmark without {field}: {b}");
        }
        let basis = b["basis"].as_str().unwrap();
        assert!(
            ["rated", "derived", "missing", "not_applicable"].contains(&basis),
            "{basis}"
        );
    }
    let ms5 = benchmarks.iter().find(|b| b["id"] == "MS5").unwrap();
    assert_eq!(ms5["dimension"], "MS");
    assert_eq!(ms5["rating"], "partially_met");
    assert_eq!(ms5["basis"], "derived");
    assert_eq!(ms5["weight"], "1");
    assert_eq!(ms5["status"], "documented");
    assert_eq!(ms5["credit"], "0");
    assert_eq!(ms5["earned"], "0");
    assert_eq!(v["warnings"], Value::Array(vec![]));
    assert_decimals_are_strings(&v, "");
}

#[test]
fn score_json_without_statuses_has_no_status_field() {
    // An assessment that gives no evidence status scores to the same JSON as before statuses.
    let out = ok(&["score", "--format", "json", "fixtures/gold-office.json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let benchmarks = v["benchmarks"].as_array().unwrap();
    assert!(
        benchmarks.iter().all(|b| b.get("status").is_none()),
        "{out}"
    );
    let text = ok(&["score", "fixtures/gold-office.json"]);
    assert!(!text.contains("Evidence "), "{text}");
    assert!(!text.contains("assumed"), "{text}");
}

#[test]
fn score_json_labels_follow_the_language() {
    let out = ok(&[
        "score",
        "fixtures/mali-2020.json",
        "--format",
        "json",
        "--lang",
        "fr",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["tier"]["label"], "Argent-fort");
    assert_eq!(v["next"]["label"], "Or");
}

#[test]
fn score_with_an_explicit_framework_file() {
    let out = ok(&[
        "score",
        "--framework",
        "benchmarks/tiny-boundary.json",
        "fixtures/boundary-half.json",
    ]);
    assert!(out.contains("80 % — Gold"), "{out}");
    assert!(out.contains("Gold is the top tier"), "{out}");
}

#[test]
fn validate_every_framework_in_benchmarks() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("benchmarks");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 3);
    for f in &files {
        let f = f.to_str().unwrap();
        let text = ok(&["validate", f]);
        assert!(text.contains(": valid."), "{f}: {text}");
        let fr = ok(&["validate", f, "--lang", "fr", "--format", "markdown"]);
        assert!(fr.contains(" : valide."), "{f}: {fr}");
        let json: Value = serde_json::from_str(&ok(&["validate", "--format", "json", f])).unwrap();
        assert!(json["id"].is_string() && json["version"].is_string(), "{f}");
        assert!(json["counts"]["benchmarks"].as_u64().unwrap() > 0, "{f}");
        for t in json["tiers"].as_array().unwrap() {
            assert!(t["min"].is_string(), "{f}: {t}");
            assert!(t["gates"].is_array(), "{f}: {t}");
        }
    }
}

#[test]
fn validate_json_summary_of_the_default_framework() {
    let v: Value = serde_json::from_str(&ok(&[
        "validate",
        "benchmarks/undp-co-2021.json",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(v["id"], "undp-gender-seal-co");
    assert_eq!(v["version"], "2021.2");
    assert_eq!(v["counts"]["dimensions"], 7);
    assert_eq!(v["counts"]["benchmarks"], 41);
    assert_eq!(v["counts"]["rule_benchmarks"], 27);
    assert_eq!(v["aggregation"], "flat");
    assert_eq!(v["rounding"]["mode"], "half_up");
    assert_eq!(v["tiers"][1]["strong_from"], "74");
    assert_eq!(v["tiers"][0]["gates"][0]["benchmark"], "EE3");
    assert_eq!(v["tiers"][0]["gates"][0]["at_least"], "partially_met");
    assert_eq!(v["tiers"][2]["gates"].as_array().unwrap().len(), 5);
}

#[test]
fn missing_file_names_the_file() {
    let err = bad(&["score", "fixtures/no-such-file.json"]);
    assert!(
        err.contains("fixtures/no-such-file.json: cannot read file"),
        "{err}"
    );
    let err = bad(&["validate", "benchmarks/no-such-file.json"]);
    assert!(
        err.contains("benchmarks/no-such-file.json: cannot read file"),
        "{err}"
    );
}

#[test]
fn unknown_framework_in_the_assessment_suggests_framework_flag() {
    let path = mali_with(
        "cli-unknown-framework.json",
        "undp-gender-seal-co",
        "undp-seal-xyz",
    );
    let p = path.to_str().unwrap();
    let err = bad(&["score", p]);
    assert!(
        err.contains(&format!(
            "{p}: framework.id: no built-in framework 'undp-seal-xyz'"
        )),
        "{err}"
    );
    assert!(err.contains("--framework"), "{err}");
    // Given a framework file, the mismatch is the assessment's fault, at framework.id.
    let err = bad(&["score", "--framework", "benchmarks/undp-co-2021.json", p]);
    assert!(
        err.contains(&format!(
            "{p}: framework.id: written for framework 'undp-seal-xyz'"
        )),
        "{err}"
    );
}

#[test]
fn version_mismatch_is_an_error_unless_allowed() {
    let path = mali_with("cli-old-version.json", "\"2021.2\"", "\"2020.1\"");
    let p = path.to_str().unwrap();
    let err = bad(&["score", p]);
    assert!(
        err.contains(&format!(
            "{p}: framework.version: no built-in framework 'undp-gender-seal-co' version '2020.1'"
        )),
        "{err}"
    );
    assert!(err.contains("--allow-version-mismatch"), "{err}");
    let err = bad(&["score", "--framework", "benchmarks/undp-co-2021.json", p]);
    assert!(
        err.contains(&format!(
            "{p}: framework.version: written for version '2020.1'"
        )),
        "{err}"
    );

    for args in [
        vec!["score", p, "--allow-version-mismatch"],
        vec![
            "score",
            "--framework",
            "benchmarks/undp-co-2021.json",
            p,
            "--allow-version-mismatch",
        ],
    ] {
        let out = ok(&args);
        assert!(out.contains("74 % — Silver-strong"), "{out}");
        assert!(out.contains("Warnings (1)"), "{out}");
        assert!(
            out.contains(
                "assessment written for version '2020.1', scored against version '2021.2'"
            ),
            "{out}"
        );
    }
}

#[test]
fn invalid_framework_names_file_and_path() {
    let text = std::fs::read_to_string(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("benchmarks/tiny-boundary.json"),
    )
    .unwrap();
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-bad-framework.json");
    std::fs::write(&path, text.replacen("\"weight\": 2", "\"weight\": 0", 1)).unwrap();
    let p = path.to_str().unwrap();
    let err = bad(&["validate", p]);
    assert_eq!(
        err.trim_end(),
        format!(
            "error: {p}: dimensions[0].benchmarks[2].weight: weight 0 out of range: weights lie in (0, 1000000]"
        )
    );
    let err = bad(&["score", "--framework", p, "fixtures/boundary-half.json"]);
    assert!(
        err.contains(&format!("{p}: dimensions[0].benchmarks[2].weight")),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2_with_nothing_on_stdout() {
    for args in [
        vec!["score"],
        vec!["score", "fixtures/mali-2020.json", "--lang", "de"],
        vec!["score", "fixtures/mali-2020.json", "--format", "pdf"],
        vec!["frobnicate"],
    ] {
        let out = gs().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn readme_sample_output_is_the_real_output() {
    let readme = std::fs::read_to_string(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("README.md"),
    )
    .unwrap();
    let marker = "<!-- sample: score fixtures/mali-2020.json";
    let start = readme.find(marker).expect("README sample marker");
    let block = &readme[start..];
    let body = &block[block.find("```text\n").unwrap() + 8..];
    let body = &body[..body.find("```\n").unwrap()];
    let out = ok(&["score", "fixtures/mali-2020.json"]);
    let parts: Vec<&str> = body.split("[…]\n").collect();
    assert_eq!(parts.len(), 2, "one elision in the README sample");
    assert!(
        out.starts_with(parts[0]),
        "README sample start differs:\n{out}"
    );
    assert!(out.ends_with(parts[1]), "README sample end differs:\n{out}");
}
