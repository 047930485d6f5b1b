//! Every report of every command, in text and Markdown, in English and French, as snapshots
//! (`cli/tests/snapshots/every_report__*.snap`), and the French ones held to the French rules:
//! no English sentence of the catalogue, decimal commas, narrow no-break spaces.

use std::fs;
use std::path::PathBuf;

use assert_cmd::cargo::cargo_bin_cmd;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// `gender-seal ARGS…` from the repository root; expects exit status `code`, returns stdout.
fn run(args: &[&str], code: i32) -> String {
    let out = cargo_bin_cmd!("gender-seal")
        .current_dir(root())
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The fixture expectations with Mali's tier expectation made wrong, written under `target/`
/// with paths relative to it (so reports name the same paths on every machine). Cases are
/// renamed by their file: the names are data, in English in the fixture.
fn failing_expectations() -> &'static str {
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
fn commands() -> Vec<(&'static str, Vec<&'static str>, i32)> {
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
    ]
}

#[test]
fn every_report_in_both_languages_and_both_human_formats() {
    for (name, args, code) in commands() {
        for format in ["text", "markdown"] {
            for lang in ["en", "fr"] {
                let mut all = args.clone();
                all.extend(["--format", format, "--lang", lang]);
                let out = run(&all, code);
                insta::assert_snapshot!(format!("{name}_{format}_{lang}"), out);
            }
        }
    }
}

/// The English catalogue's sentences: every run of words between placeholders that the
/// French catalogue does not also contain, at least two words long.
fn english_sentences() -> Vec<String> {
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

#[test]
fn french_reports_print_no_english_sentence_and_french_numbers() {
    let english = english_sentences();
    assert!(english.len() > 50, "{english:?}");
    for (name, args, code) in commands() {
        for format in ["text", "markdown"] {
            let mut all = args.clone();
            all.extend(["--format", format, "--lang", "fr"]);
            let out = run(&all, code);
            // Framework texts (titles, guidance) are French in the shipped frameworks; office
            // names and file names are data.
            for s in &english {
                assert!(
                    !out.contains(s.as_str()),
                    "{name} {format}: English '{s}' in\n{out}"
                );
            }
            // No number written the English way: a digit, a point and a digit.
            let bytes = out.as_bytes();
            let english_decimal = bytes
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
            let allowed = ["2021.1", "2021.2", "O1.", "O2.", "O3."];
            if english_decimal {
                let stripped = allowed.iter().fold(out.clone(), |s, a| s.replace(a, ""));
                let still = stripped
                    .as_bytes()
                    .windows(3)
                    .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
                assert!(!still, "{name} {format}: an English decimal in\n{out}");
            }
            // A number keeps its percent sign with a narrow no-break space.
            let plain_space = bytes
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b' ' && w[2] == b'%');
            assert!(
                !plain_space,
                "{name} {format}: a plain space before % in\n{out}"
            );
        }
    }
}
