//! gender-seal embedded in a host program (`tests/host/`, a crate of its own): the host's own
//! `f64` untagged enum parses with the library in its tree (the library does not force
//! serde_json's `arbitrary_precision` on it), the program scores Mali, and nothing only the
//! command line needs (`clap`) is in the host's dependency tree; with `default-features = false`
//! neither is anything of the `office` feature (calamine, csv, quick-xml, rust_xlsxwriter, zip).

use std::path::PathBuf;
use std::process::Command;

fn host() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/host")
}

/// `cargo ARGS` on the host crate, with its own target directory (the outer build holds this
/// workspace's); returns stdout, panicking with stderr on failure.
fn cargo(args: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let target = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/host");
    let out = Command::new(cargo)
        .args(args)
        .arg("--manifest-path")
        .arg(host().join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        .output()
        .unwrap_or_else(|e| panic!("cannot run cargo: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "cargo {args:?} failed:\n{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_host_with_an_f64_untagged_enum_works_and_pulls_no_clap() {
    let out = cargo(&["run", "--quiet", "--locked"]);
    assert_eq!(out, "budget 30000.5; Mali 74 %\n");
    let tree = cargo(&["tree", "--locked", "-e", "normal", "--prefix", "none"]);
    assert!(tree.contains("gender-seal v"), "{tree}");
    assert!(!tree.contains("clap"), "clap in the host's tree:\n{tree}");
    for office in ["calamine", "csv", "quick-xml", "rust_xlsxwriter", "zip"] {
        assert!(
            !tree.lines().any(|l| l.starts_with(&format!("{office} v"))),
            "{office} in a JSON-only host's tree:\n{tree}"
        );
    }
    let features = cargo(&[
        "tree",
        "--locked",
        "-e",
        "features",
        "-i",
        "serde_json",
        "--prefix",
        "none",
    ]);
    assert!(
        !features.contains("arbitrary_precision"),
        "arbitrary_precision forced on the host:\n{features}"
    );
}
