//! The published Seal results and the other programmes' files through the command line:
//! `validate` and `check` on each (the library side is `tests/published.rs`).

use std::path::PathBuf;

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// `gender-seal ARGS…` from the repository root: exit status and stdout.
fn cli(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::cargo_bin("gender-seal")
        .unwrap_or_else(|e| panic!("{e}"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_command_line_validates_and_checks_them() {
    for f in [
        "benchmarks/gender-seal-public-institutions.json",
        "benchmarks/un-swap-2-style.json",
        "fixtures/published/met-over-applicable.json",
        "fixtures/published/met-over-applicable-1dp.json",
        "fixtures/published/met-over-applicable-2dp.json",
    ] {
        let (code, out) = cli(&["validate", f]);
        assert_eq!(code, Some(0), "{f}");
        assert!(out.contains(": valid."), "{f}: {out}");
    }
    let (code, out) = cli(&[
        "check",
        "fixtures/published/expectations.json",
        "fixtures/programmes/expectations.json",
    ]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.ends_with("11 cases: 11 passed, 0 failed\n"), "{out}");
}
