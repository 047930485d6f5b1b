//! Exit statuses and output of `check`, `diff` and `schema` (docs/contract.md): 0 success, 1 a failing
//! case or a change with `--fail-on-change`, 2 bad input with one message on stderr and
//! nothing on stdout.

use std::fs;
use std::path::PathBuf;

use assert_cmd::cargo::cargo_bin_cmd;

const DEFAULT: &str = "benchmarks/undp-co-2021.json";
const STRICT: &str = "benchmarks/undp-co-2021-strict.json";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = cargo_bin_cmd!("gender-seal")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn assert_bad_input(r: &Run, needle: &str) {
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "stdout on error: {}", r.stdout);
    assert!(r.stderr.contains(needle), "{}", r.stderr);
}

/// A copy of the fixture expectations with absolute paths, optionally mutated, in a scratch
/// folder.
fn expectations(name: &str, mutate: impl Fn(&mut serde_json::Value)) -> String {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let text = fs::read_to_string(root.join("fixtures/expectations.json")).unwrap_or_default();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    doc["framework"] = root.join(DEFAULT).display().to_string().into();
    for case in doc["cases"].as_array_mut().into_iter().flatten() {
        let a = root
            .join("fixtures")
            .join(case["assessment"].as_str().unwrap_or_default());
        case["assessment"] = a.display().to_string().into();
        if let Some(fw) = case["framework"].as_str() {
            case["framework"] = root.join("fixtures").join(fw).display().to_string().into();
        }
    }
    mutate(&mut doc);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-check");
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    fs::write(&path, doc.to_string()).unwrap_or_else(|e| panic!("{e}"));
    path.display().to_string()
}

#[test]
fn check_passes_on_the_fixtures() {
    let r = run(&["check", "fixtures/expectations.json"]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.ends_with("11 cases: 11 passed, 0 failed\n"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.is_empty());
    let r = run(&["check", "fixtures/expectations.json", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_default();
    assert_eq!(report["passed"], true);
    assert_eq!(report["cases"], 11);
}

#[test]
fn check_fails_with_expected_and_actual_on_a_mutated_expectation() {
    let path = expectations("wrong-tier.json", |doc| {
        doc["cases"][0]["expect"]["tier"] = "gold".into();
    });
    let r = run(&["check", "fixtures/expectations.json", &path]);
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("FAIL: Mali 2020 certification"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("✗  tier                gold      silver"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.ends_with("22 cases: 21 passed, 1 failed\n"),
        "{}",
        r.stdout
    );
    let r = run(&["check", &path, "--format", "json"]);
    assert_eq!(r.code, Some(1));
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_default();
    assert_eq!(report["failed"], 1);
    let tier = &report["files"][0]["cases"][0]["checks"][2];
    assert_eq!(
        (
            &tier["field"],
            &tier["expected"],
            &tier["actual"],
            &tier["passed"]
        ),
        (
            &"tier".into(),
            &"gold".into(),
            &"silver".into(),
            &false.into()
        )
    );
}

#[test]
fn check_bad_input_exits_2() {
    assert_bad_input(
        &run(&["check", "fixtures/nope.json"]),
        "fixtures/nope.json: cannot read file",
    );
    let path = expectations("typo.json", |doc| {
        doc["cases"][3]["expect"]["tire"] = "gold".into();
    });
    assert_bad_input(
        &run(&["check", &path]),
        "cases[3].expect.tire: unknown field `tire`",
    );
    let path = expectations("sliver.json", |doc| {
        doc["cases"][0]["expect"]["tier"] = "sliver".into();
    });
    assert_bad_input(&run(&["check", &path]), "did you mean 'silver'?");
    let path = expectations("missing.json", |doc| {
        doc["cases"][1]["assessment"] = "/no/such/assessment.json".into();
    });
    assert_bad_input(
        &run(&["check", &path]),
        "(case 'Gold: at least 80 % and every Gold gate met', cases[1] of",
    );
    assert_bad_input(&run(&["check"]), "EXPECTATIONS");
}

#[test]
fn diff_reports_moves_and_fails_on_change_only_when_asked() {
    let args = [
        "diff",
        "--from",
        DEFAULT,
        "--to",
        STRICT,
        "fixtures/mali-2020.json",
        "fixtures/gold-office.json",
    ];
    let r = run(&args);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("↓ down"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("2 offices: 0 up, 1 down, 1 same tier (1 of them"),
        "{}",
        r.stdout
    );
    let r = run(&[&args[..], &["--fail-on-change"]].concat());
    assert_eq!(r.code, Some(1));
    assert!(!r.stdout.is_empty());
    // No change: 0 even with --fail-on-change.
    let r = run(&[
        "diff",
        "--from",
        DEFAULT,
        "--to",
        DEFAULT,
        "fixtures/mali-2020.json",
        "--fail-on-change",
    ]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout
            .contains("1 office: 0 up, 0 down, 1 same tier (0 of them"),
        "{}",
        r.stdout
    );
    let r = run(&[
        "diff",
        "--from",
        DEFAULT,
        "--to",
        STRICT,
        "fixtures/mali-2020.json",
        "--format",
        "json",
    ]);
    let d: serde_json::Value = serde_json::from_str(&r.stdout).unwrap_or_default();
    assert_eq!(d["offices"][0]["to"]["ignored"][0], "PA5");
}

#[test]
fn diff_bad_input_exits_2() {
    assert_bad_input(
        &run(&[
            "diff",
            "--from",
            DEFAULT,
            "--to",
            "benchmarks/nope.json",
            "fixtures/mali-2020.json",
        ]),
        "benchmarks/nope.json: cannot read file",
    );
    assert_bad_input(
        &run(&["diff", "--from", DEFAULT, "--to", STRICT]),
        "ASSESSMENTS",
    );
    assert_bad_input(
        &run(&[
            "diff",
            "--from",
            DEFAULT,
            "--to",
            STRICT,
            "fixtures/expectations.json",
        ]),
        "fixtures/expectations.json: framework: invalid type: string",
    );
}

#[test]
fn schema_prints_each_kind_and_refuses_unknown_ones() {
    for kind in gender_seal::schema::kinds() {
        let r = run(&["schema", kind]);
        assert_eq!(r.code, Some(0), "{kind}: {}", r.stderr);
        let committed = fs::read_to_string(
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
                .join(format!("docs/schema/{kind}.json")),
        )
        .unwrap_or_default();
        assert_eq!(r.stdout, committed, "{kind}");
    }
    assert_bad_input(&run(&["schema", "plannn"]), "invalid value 'plannn'");
}
