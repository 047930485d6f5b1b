//! Published Seal results as regression tests: every published country-office figure is
//! benchmarks met ÷ benchmarks applicable, and `fixtures/published/expectations.json` checks
//! one minimal assessment per result against a generic framework of that rule. Other
//! programmes (the public-institutions Seal, a UN-SWAP 2.0 style framework) are framework
//! files with a sample assessment each: nothing about one Seal is hard-coded.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use gender_seal::expect::{Expectations, check_file};
use gender_seal::testing::assert_expectations;
use gender_seal::{Assessment, Framework};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The JSON files of a directory, sorted.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every assessment of `dir` (a file with `evidence`) is a case of its expectations file, and
/// every case says where its figures come from.
fn every_assessment_is_a_case_with_a_note(dir: &str) -> Expectations {
    let dir = root().join(dir);
    let file =
        Expectations::from_path(dir.join("expectations.json")).unwrap_or_else(|e| panic!("{e}"));
    let cases: BTreeSet<&str> = file.cases.iter().map(|c| c.assessment.as_str()).collect();
    let assessments: BTreeSet<String> = json_files(&dir)
        .into_iter()
        .filter(|p| Assessment::from_path(p).is_ok())
        .map(|p| file_name(&p))
        .collect();
    let assessments: BTreeSet<&str> = assessments.iter().map(String::as_str).collect();
    assert_eq!(cases, assessments, "{}", dir.display());
    for case in &file.cases {
        let note = case.note.as_deref().unwrap_or_default();
        assert!(!note.trim().is_empty(), "case '{}' has no note", case.name);
    }
    file
}

#[test]
fn published_results_are_benchmarks_met_over_applicable() {
    assert_expectations(root().join("fixtures/published/expectations.json"));
    let file = every_assessment_is_a_case_with_a_note("fixtures/published");
    assert_eq!(file.cases.len(), 9);
    // The history helper reads Papua New Guinea's two assessments under these names.
    for name in ["png-baseline.json", "png-final.json"] {
        assert!(file.cases.iter().any(|c| c.assessment == name), "{name}");
    }
    // Every case names its public source: an address, or the seeds for Mali.
    for case in &file.cases {
        let note = case.note.as_deref().unwrap_or_default();
        assert!(
            note.contains("https://") || note.contains("seed 000_6ae3b77cb3e1cf2e"),
            "case '{}' names no source: {note}",
            case.name
        );
    }
}

#[test]
fn the_published_figures_as_the_check_report_shows_them() {
    let report = check_file(root().join("fixtures/published/expectations.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let official = |name: &str| {
        let case = report
            .cases
            .iter()
            .find(|c| c.assessment.ends_with(name))
            .unwrap_or_else(|| panic!("{name}"));
        let check = case
            .checks
            .iter()
            .find(|c| c.field == "percentage_rounded")
            .unwrap_or_else(|| panic!("{name}: percentage_rounded"));
        check.actual.as_str().unwrap_or_default().to_string()
    };
    // Georgia 17/38 to two decimals and Papua New Guinea 15/37 to one, as published.
    assert_eq!(official("georgia-2021-baseline.json"), "44.74");
    assert_eq!(official("png-baseline.json"), "40.5");
    assert_eq!(official("maldives-2023.json"), "77");
    assert_eq!(official("mali-2020.json"), "74");
}

#[test]
fn other_programmes_validate_and_pass_their_expectations() {
    for f in [
        "benchmarks/gender-seal-public-institutions.json",
        "benchmarks/un-swap-2-style.json",
    ] {
        Framework::from_path(root().join(f)).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_expectations(root().join("fixtures/programmes/expectations.json"));
    let file = every_assessment_is_a_case_with_a_note("fixtures/programmes");
    assert_eq!(file.cases.len(), 2);
}
