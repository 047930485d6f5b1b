//! The Mali HTML report in a real browser: headless Chromium prints it to PDF and takes a
//! screenshot, in English and French; `pdftotext` (poppler-utils) reads the PDF back, and the
//! key figures must be in it, on a sensible number of A4 pages.
//!
//! Without Chromium or poppler-utils on the machine the test says so and passes, unless
//! `GENDER_SEAL_REQUIRE_BROWSER=1` (set by `.ci/run`, which installs them) makes it fail.
//! `UPDATE_SCREENSHOTS=1` copies the screenshots to `docs/img/` (shown in the README).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin_cmd;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The first of `names` found on `PATH` (or `GENDER_SEAL_CHROMIUM` for the browser).
fn tool(names: &[&str]) -> Option<PathBuf> {
    if names.contains(&"chromium") {
        if let Some(p) = std::env::var_os("GENDER_SEAL_CHROMIUM") {
            return Some(PathBuf::from(p));
        }
    }
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(n))
            .find(|p| p.is_file())
    })
}

/// Runs a command to its end, killing it after `limit` (a hung browser fails the test rather
/// than hanging it); returns its stdout.
fn run_bounded(cmd: &mut Command, limit: Duration) -> String {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                assert!(status.success(), "{cmd:?}: {status}");
                break;
            }
            Ok(None) if started.elapsed() > limit => {
                let _ = child.kill();
                panic!("{cmd:?} did not finish within {limit:?}");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => panic!("{cmd:?}: {e}"),
        }
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Headless Chromium with a fresh profile, no network chatter, no first-run dialogs.
fn chromium(browser: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// The text `pdftotext` reads, with every run of white space (no-break spaces too) one space.
fn words(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{202f}' || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn chromium_prints_the_mali_report_with_its_figures_in_both_languages() {
    let required = std::env::var_os("GENDER_SEAL_REQUIRE_BROWSER").is_some_and(|v| v == "1");
    let tools = (
        tool(&["chromium", "chromium-browser"]),
        tool(&["pdftotext"]),
        tool(&["pdfinfo"]),
    );
    let (Some(browser), Some(pdftotext), Some(pdfinfo)) = tools else {
        assert!(
            !required,
            "GENDER_SEAL_REQUIRE_BROWSER=1 but chromium, pdftotext or pdfinfo is missing: {tools:?}"
        );
        eprintln!(
            "skipped: the browser test needs chromium and poppler-utils (pdftotext, pdfinfo); \
             `apt-get install chromium poppler-utils` (found {tools:?})"
        );
        return;
    };
    let dir = root().join("target/html-browser");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let limit = Duration::from_secs(180);
    for (lang, expected) in [
        (
            "en",
            [
                "74 % — Silver-strong",
                "74.359 %",
                "29 of 39 points",
                "Every benchmark (41)",
                "The official percentage and each dimension, with the tier minimums",
                "Silver 70 %",
                "MS Management systems",
                "57.1429 %",
            ],
        ),
        (
            "fr",
            [
                "74 % — Argent-fort",
                "74,359 %",
                "29 sur 39 points",
                "Tous les critères (41)",
                "Le pourcentage officiel et chaque dimension, avec les minimums des niveaux",
                "Argent 70 %",
                "MS Systèmes de gestion",
                "57,1429 %",
            ],
        ),
    ] {
        let out = cargo_bin_cmd!("gender-seal")
            .current_dir(root())
            .args(["score", "fixtures/mali-2020.json", "--format", "html"])
            .args(["--lang", lang])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(0));
        let html = dir.join(format!("mali-{lang}.html"));
        std::fs::write(&html, &out.stdout).unwrap_or_else(|e| panic!("{e}"));
        let pdf = dir.join(format!("mali-{lang}.pdf"));
        let png = dir.join(format!("mali-report-{lang}.png"));
        let _ = std::fs::remove_file(&pdf);
        let _ = std::fs::remove_file(&png);

        let profile = dir.join(format!("profile-{lang}"));
        let _ = std::fs::remove_dir_all(&profile);
        run_bounded(
            chromium(&browser, &profile)
                .arg("--no-pdf-header-footer")
                .arg(format!("--print-to-pdf={}", pdf.display()))
                .arg(&html),
            limit,
        );
        let _ = std::fs::remove_dir_all(&profile);
        run_bounded(
            chromium(&browser, &profile)
                .arg("--window-size=1280,2000")
                .arg(format!("--screenshot={}", png.display()))
                .arg(&html),
            limit,
        );
        let _ = std::fs::remove_dir_all(&profile);

        let text = words(&run_bounded(
            Command::new(&pdftotext).arg(&pdf).arg("-"),
            limit,
        ));
        for figure in expected {
            assert!(
                text.contains(&words(figure)),
                "{lang}: no {figure:?} in {text}"
            );
        }
        // Every benchmark of the matrix made it to paper.
        for id in ["MS1", "MS7", "IC6", "EE6", "CK5", "PR7", "PA5", "GR5"] {
            assert!(text.contains(id), "{lang}: no {id}");
        }
        let info = run_bounded(Command::new(&pdfinfo).arg(&pdf), limit);
        let pages: u32 = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        assert!((2..=8).contains(&pages), "{lang}: {pages} pages");
        assert!(info.contains("(A4)"), "{lang}: not A4: {info}");

        let shot = std::fs::read(&png).unwrap_or_default();
        assert!(shot.starts_with(b"\x89PNG"), "{lang}: no screenshot");
        assert!(shot.len() > 20_000, "{lang}: an empty screenshot?");
        if std::env::var_os("UPDATE_SCREENSHOTS").is_some_and(|v| v == "1") {
            let docs = root().join("docs/img");
            std::fs::create_dir_all(&docs).unwrap_or_else(|e| panic!("{e}"));
            std::fs::copy(&png, docs.join(format!("mali-report-{lang}.png")))
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
