//! The office formats on the command line: `--format xlsx` with `-o` (or a pipe), refused on a
//! terminal without `-o`.

use std::path::PathBuf;

use assert_cmd::Command;

fn gs() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("gender-seal");
    cmd.current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    cmd
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("office-cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn xlsx_reports_go_to_the_output_file_or_a_pipe() {
    let dir = scratch("reports");
    let file = dir.join("mali.xlsx");
    let out = gs()
        .args(["score", "fixtures/mali-2020.json", "--format", "xlsx", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty());
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    // Standard output that is not a terminal takes the bytes as they are.
    let out = gs()
        .args(["score", "fixtures/mali-2020.json", "--format", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"PK\x03\x04"));
    // -o works for text formats too.
    let text = dir.join("mali.txt");
    gs().args(["score", "fixtures/mali-2020.json", "--output"])
        .arg(&text)
        .assert()
        .success()
        .stdout("");
    assert!(
        std::fs::read_to_string(&text)
            .unwrap()
            .contains("74 % — Silver-strong")
    );
    for args in [
        &[
            "plan",
            "--baseline",
            "fixtures/mali-2020.json",
            "fixtures/mali-2021-plan.json",
            "--timeline",
        ][..],
        &["history", "fixtures/mali-2020.json"][..],
        &["check", "fixtures/expectations.json"][..],
    ] {
        let out = gs().args(args).args(["--format", "xlsx"]).output().unwrap();
        assert!(out.stdout.starts_with(b"PK\x03\x04"), "{args:?}: {out:?}");
    }
}

#[test]
fn an_unwritable_output_file_is_exit_2_naming_it() {
    let out = gs()
        .args([
            "score",
            "fixtures/mali-2020.json",
            "-o",
            "/nonexistent-dir/x.xlsx",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("/nonexistent-dir/x.xlsx"), "{stderr}");
}

/// On a terminal (a pseudo-terminal made by `script`), a binary format without `-o` is exit 2
/// naming `--format` and `-o`. Skipped where `script` (util-linux) is missing.
#[test]
fn a_binary_format_is_refused_on_a_terminal() {
    let bin = assert_cmd::cargo::cargo_bin!("gender-seal");
    let cmd = format!(
        "{} score fixtures/mali-2020.json --format xlsx",
        bin.display()
    );
    let Ok(out) = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
    else {
        eprintln!("skipped: no `script` to make a terminal");
        return;
    };
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{shown}");
    assert!(
        shown.contains("--format xlsx") && shown.contains("-o FILE"),
        "{shown}"
    );
    assert!(!shown.contains("PK"), "{shown}");
}

#[test]
fn template_convert_score_and_plan_take_workbooks_and_csv() {
    let dir = scratch("chain");
    let template = dir.join("matrix.xlsx");
    gs().args(["template", "--lang", "fr", "-o"])
        .arg(&template)
        .assert()
        .success()
        .stdout("");
    assert!(std::fs::read(&template).unwrap().starts_with(b"PK\x03\x04"));
    let csv = dir.join("matrix.csv");
    gs().args(["template", "-o"]).arg(&csv).assert().success();
    assert!(
        std::fs::read_to_string(&csv)
            .unwrap()
            .contains("ID,Benchmark,What meeting it takes,Rating")
    );
    let plan_template = dir.join("plan.xlsx");
    gs().args(["template", "--plan", "-o"])
        .arg(&plan_template)
        .assert()
        .success();

    // JSON → xlsx → CSV → JSON, and every form scores alike.
    let xlsx = dir.join("mali.xlsx");
    let back_csv = dir.join("mali.csv");
    let back_json = dir.join("mali.json");
    gs().args(["convert", "fixtures/mali-2020.json", "--lang", "fr", "-o"])
        .arg(&xlsx)
        .assert()
        .success();
    gs().arg("convert")
        .arg(&xlsx)
        .arg("-o")
        .arg(&back_csv)
        .assert()
        .success();
    gs().arg("convert")
        .arg(&back_csv)
        .arg("-o")
        .arg(&back_json)
        .assert()
        .success();
    let score = |file: &std::path::Path| {
        let out = gs()
            .arg("score")
            .arg(file)
            .args(["--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        out.stdout
    };
    let expected = score(std::path::Path::new("fixtures/mali-2020.json"));
    for f in [&xlsx, &back_csv, &back_json] {
        assert_eq!(score(f), expected, "{}", f.display());
    }
    // --to overrides the extension; a CSV file named .txt is still read as CSV.
    let txt = dir.join("mali.txt");
    gs().arg("convert")
        .arg(&xlsx)
        .args(["--to", "csv", "-o"])
        .arg(&txt)
        .assert()
        .success();
    assert_eq!(score(&txt), expected);

    // A plan as a workbook plans as its JSON does.
    let plan = dir.join("plan-mali.xlsx");
    gs().args(["convert", "fixtures/mali-2021-plan.json", "-o"])
        .arg(&plan)
        .assert()
        .success();
    let planned = |file: &std::path::Path| {
        gs().args(["plan", "--baseline"])
            .arg(&xlsx)
            .arg(file)
            .args(["--budget", "30000", "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(
        planned(&plan),
        planned(std::path::Path::new("fixtures/mali-2021-plan.json"))
    );
}

#[test]
fn a_bad_cell_is_exit_2_naming_file_and_cell() {
    let dir = scratch("bad");
    let csv = dir.join("bad.csv");
    std::fs::write(
        &csv,
        "Office,UNDP Mali\nFramework,undp-gender-seal-co\nVersion,2021.2\n\nid,rating\nMS1,Partiellement\n",
    )
    .unwrap();
    let out = gs().arg("score").arg(&csv).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "error: {}: line 6, column rating: 'Partiellement' is not a rating of this framework; expected one of Not met, Partially met, Met, Not applicable\n",
            csv.display()
        )
    );
}
