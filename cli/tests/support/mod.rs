//! What the report tests share: running the binary from the repository root, every command's
//! report as (name, arguments, exit status), and the English catalogue's sentences a French
//! report must not print.

#![allow(dead_code)] // each test file uses its own part

use std::fs;
use std::path::PathBuf;

use assert_cmd::cargo::cargo_bin_cmd;

pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// `gender-seal ARGS…` from the repository root; expects exit status `code` and nothing on
/// stderr, returns stdout.
pub fn run(args: &[&str], code: i32) -> String {
    let out = cargo_bin_cmd!("gender-seal")
        .current_dir(root())
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    assert!(stderr.is_empty(), "{args:?}: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The fixture expectations with Mali's tier expectation made wrong, written under `target/`
/// with paths relative to it (so reports name the same paths on every machine). Cases are
/// renamed by their file: the names are data, in English in the fixture.
pub fn failing_expectations() -> &'static str {
    const PATH: &str = "target/every-report/expectations.json";
    let text = fs::read_to_string(root().join("fixtures/expectations.json")).unwrap_or_default();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    doc["framework"] = "../../benchmarks/undp-co-2021.json".into();
    for case in doc["cases"].as_array_mut().into_iter().flatten() {
        let a = case["assessment"].as_str().unwrap_or_default().to_string();
        case["name"] = a.trim_end_matches(".json").into();
        case["assessment"] = format!("../../fixtures/{a}").into();
        if let Some(fw) = case["framework"].as_str() {
            case["framework"] = format!("../../fixtures/{fw}").into();
        }
    }
    doc["cases"][0]["expect"]["tier"] = "gold".into();
    let path = root().join(PATH);
    fs::create_dir_all(path.parent().unwrap_or(&root())).unwrap_or_else(|e| panic!("{e}"));
    fs::write(&path, doc.to_string()).unwrap_or_else(|e| panic!("{e}"));
    PATH
}

/// Every command's report: (name, arguments, exit status).
pub fn commands() -> Vec<(&'static str, Vec<&'static str>, i32)> {
    let mali = "fixtures/mali-2020.json";
    let plan = ["plan", "--baseline", mali, "fixtures/mali-2021-plan.json"];
    let with = |base: &[&'static str], more: &[&'static str]| {
        base.iter().chain(more).copied().collect::<Vec<_>>()
    };
    vec![
        (
            "validate",
            vec!["validate", "benchmarks/undp-co-2021.json"],
            0,
        ),
        ("score", vec!["score", mali], 0),
        ("plan_target", with(&plan, &["--target", "gold"]), 0),
        (
            "plan_budget",
            with(&plan, &["--budget", "30000", "--timeline"]),
            0,
        ),
        ("plan_marginal", with(&plan, &["--marginal"]), 0),
        ("check", vec!["check", failing_expectations()], 1),
        (
            "diff",
            vec![
                "diff",
                "--from",
                "benchmarks/undp-co-2021-half-credit.json",
                "--to",
                "benchmarks/undp-co-2021.json",
                mali,
                "fixtures/gold-office.json",
                "fixtures/many-na-office.json",
            ],
            0,
        ),
        ("explain", vec!["explain", mali], 0),
        (
            "history",
            vec!["history", mali, "fixtures/mali-2021-projected.json"],
            0,
        ),
    ]
}

/// The English catalogue's sentences: every run of words between placeholders that the
/// French catalogue does not also contain, at least two words long.
pub fn english_sentences() -> Vec<String> {
    let strings = |lang: gender_seal::i18n::Lang| {
        let debug = format!("{:?}", lang.messages());
        let mut out = Vec::new();
        for (i, part) in debug.split('"').enumerate() {
            if i % 2 == 1 {
                out.extend(
                    part.split(['{', '}'])
                        .enumerate()
                        .filter(|(j, _)| j % 2 == 0)
                        .map(|(_, s)| s.trim().to_string()),
                );
            }
        }
        out
    };
    let french = strings(gender_seal::i18n::Lang::FR);
    strings(gender_seal::i18n::Lang::EN)
        .into_iter()
        .filter(|s| s.split_whitespace().count() >= 2 && !french.contains(s))
        .collect()
}
