//! `gender-seal explain` and `gender-seal history` end to end: the Mali reports in every format
//! and both languages (snapshots), the laws the answers obey against `score`'s own output, an
//! unreachable target, rounds of one office in any order, and bad input (exit 2, nothing on
//! stdout, one message naming the file).
//!
//! Mali's figures appear only in the snapshots: the assertions compare with what `score`
//! says, so they hold when the default framework or the fixture changes.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const MALI: &str = "fixtures/mali-2020.json";

fn gs() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("gender-seal");
    cmd.current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    cmd
}

fn ok(args: &[&str]) -> String {
    let out = gs().args(args).output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    assert!(stderr.is_empty(), "{args:?}: {stderr}");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(&all)).expect("json")
}

fn bad(args: &[&str]) -> String {
    let out = gs().args(args).output().expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
    assert!(stderr.starts_with("error: "), "{stderr}");
    stderr
}

/// The Mali assessment with some evidence replaced (`(benchmark, evidence)`), and another
/// period, written to a scratch file.
fn mali_with(name: &str, period: &str, changes: &[(&str, Value)]) -> PathBuf {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join(MALI);
    let text = std::fs::read_to_string(path).expect("fixture");
    let mut doc: Value = serde_json::from_str(&text).expect("json");
    doc["period"] = Value::from(period);
    for (id, ev) in changes {
        doc["evidence"][*id] = ev.clone();
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).expect("scratch directory");
    }
    std::fs::write(&out, doc.to_string()).expect("write");
    out
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("list")
        .iter()
        .map(|b| b["id"].as_str().expect("id").to_string())
        .collect()
}

fn level(rank: &Value) -> u64 {
    rank["level"].as_u64().expect("level")
}

#[test]
fn mali_raise_and_hold_obey_the_scorecard() {
    let card = json(&["score", MALI]);
    let e = json(&["explain", MALI]);
    assert_eq!(e["percentage_rounded"], card["percentage_rounded"]);
    assert_eq!(e["rank"]["tier"], card["tier"]["id"]);
    assert_eq!(e["rank"]["strong"], card["tier"]["strong"]);
    // Raise aims at the next tier, and every gate failing there must rise.
    let raise = &e["raise"];
    assert_eq!(raise["target"], card["next"]["id"]);
    assert_eq!(raise["reachable"], true);
    let raised = ids(&raise["benchmarks"]);
    assert_eq!(raise["changes"].as_u64(), Some(raised.len() as u64));
    for gate in card["next"]["failing"].as_array().expect("failing") {
        let b = gate["benchmark"].as_str().expect("a benchmark gate");
        assert!(raised.iter().any(|r| r == b), "{b} must rise: {raised:?}");
    }
    let mut sorted = raised.clone();
    sorted.sort();
    assert_eq!(raised, sorted, "sets are in byte order of ids");
    assert!(level(&raise["result"]["rank"]) >= card["next"]["level"].as_u64().expect("level"));
    // Hold: lowering the set loses the rank.
    let hold = &e["hold"];
    assert_eq!(hold["losable"], true);
    let after = &hold["result"]["rank"];
    let now = (level(&e["rank"]), e["rank"]["strong"] == true);
    assert!((level(after), after["strong"] == true) < now);
    for b in raise["benchmarks"].as_array().into_iter().flatten() {
        // Marked assumed exactly when the scorecard's row says its evidence is.
        let row = card["benchmarks"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r["id"] == b["id"])
            .expect("the card has the benchmark");
        assert_eq!(b["assumed"], row["status"] == "assumed", "{}", b["id"]);
        assert_eq!(b["to"], "met");
    }
    // A target already reached needs nothing.
    let here = format!(
        "{}{}",
        card["tier"]["id"].as_str().expect("tier"),
        if card["tier"]["strong"] == true {
            ":strong"
        } else {
            ""
        }
    );
    let same = json(&["explain", MALI, "--target", &here]);
    assert_eq!(same["raise"]["changes"], 0);
    assert_eq!(same["raise"]["benchmarks"], Value::Array(Vec::new()));
}

#[test]
fn mali_reports() {
    insta::assert_snapshot!("explain_mali_text_en", ok(&["explain", MALI]));
    insta::assert_snapshot!(
        "explain_mali_text_fr",
        ok(&["explain", MALI, "--lang", "fr"])
    );
    insta::assert_snapshot!(
        "explain_mali_markdown_en",
        ok(&["explain", MALI, "--format", "markdown"])
    );
    insta::assert_snapshot!(
        "explain_mali_markdown_fr",
        ok(&["explain", MALI, "--format", "markdown", "--lang", "fr"])
    );
    insta::assert_snapshot!(
        "explain_mali_json",
        ok(&["explain", MALI, "--format", "json"])
    );
}

#[test]
fn a_gate_on_a_benchmark_not_applicable_is_out_of_reach() {
    let na = serde_json::json!({"rating": "not_applicable", "note": "no GEN3 budget line"});
    let path = mali_with("mali-pr3-na.json", "2020", &[("PR3", na)]);
    let file = path.to_str().expect("utf-8 path");
    let e = json(&["explain", file, "--target", "gold"]);
    let raise = &e["raise"];
    assert_eq!(raise["reachable"], false);
    assert_eq!(raise["changes"], Value::Null);
    let failing = raise["failing"].as_array().expect("failing");
    assert!(
        failing
            .iter()
            .any(|g| g["benchmark"] == "PR3" && g["actual"] == "not_applicable"),
        "{failing:?}"
    );
    let text = ok(&["explain", file, "--target", "gold"]);
    assert!(text.contains("Gold cannot be reached"), "{text}");
    assert!(text.contains("Gates that still fail:"), "{text}");
    let fr = ok(&["explain", file, "--target", "gold", "--lang", "fr"]);
    assert!(fr.contains("Or est hors d'atteinte"), "{fr}");
}

#[test]
fn bad_explain_input_exits_2() {
    let e = bad(&["explain", MALI, "--target", "platinum"]);
    assert!(
        e.contains("platinum") && e.contains("bronze (Bronze), silver (Silver), gold (Gold)"),
        "{e}"
    );
    let e = bad(&["explain", MALI, "--target", "gold:strong"]);
    assert!(e.contains("no strong qualifier"), "{e}");
    let e = bad(&["explain", "fixtures/no-such-file.json"]);
    assert!(e.contains("no-such-file.json"), "{e}");
    let e = bad(&[
        "explain",
        MALI,
        "--framework",
        "benchmarks/tiny-boundary.json",
    ]);
    assert!(
        e.contains("mali-2020.json") && e.contains("framework.id"),
        "{e}"
    );
}

/// A later round of Mali 2020 (at `name`): two Gold gates met, one result lower.
fn mali_2021(name: &str) -> PathBuf {
    mali_with(
        name,
        "2021",
        &[
            ("MS1", serde_json::json!({"rating": "met"})),
            ("PR3", serde_json::json!({"value": 15})),
            ("CK1", serde_json::json!({"rating": "met"})),
            ("GR1", serde_json::json!({"value": 10})),
        ],
    )
}

#[test]
fn history_of_two_rounds_in_any_order() {
    let later = mali_2021("mali-2021.json");
    let later = later.to_str().expect("utf-8 path");
    let h = json(&["history", later, MALI]);
    let periods: Vec<&str> = h["rounds"]
        .as_array()
        .expect("rounds")
        .iter()
        .map(|r| r["period"].as_str().expect("period"))
        .collect();
    assert_eq!(periods, ["2020", "2021"]);
    assert_eq!(
        h,
        json(&["history", MALI, later]),
        "the order given does not matter"
    );
    // The first round is the scorecard of the fixture.
    let card = json(&["score", MALI]);
    assert_eq!(h["rounds"][0]["percentage"], card["percentage"]);
    assert_eq!(h["rounds"][0]["tier"], card["tier"]);
    let step = &h["steps"][0];
    let moved: Vec<(String, String)> = step["benchmarks"]
        .as_array()
        .expect("moves")
        .iter()
        .map(|b| {
            let id = b["id"].as_str().expect("id").to_string();
            (id, b["direction"].as_str().expect("direction").to_string())
        })
        .collect();
    // Exactly the benchmarks whose rating differs between the two scorecards, in framework
    // order, up or down by credit.
    let after = json(&["score", later]);
    let rows = |c: &Value| c["benchmarks"].as_array().expect("rows").clone();
    let credit = |b: &Value| -> gender_seal::Decimal {
        b["credit"]
            .as_str()
            .expect("applicable")
            .parse()
            .expect("decimal")
    };
    let want: Vec<(String, String)> = rows(&card)
        .iter()
        .zip(rows(&after).iter())
        .filter(|(x, y)| x["rating"] != y["rating"])
        .map(|(x, y)| {
            let dir = if credit(y) > credit(x) { "up" } else { "down" };
            (x["id"].as_str().expect("id").to_string(), dir.to_string())
        })
        .collect();
    assert_eq!(moved, want);
    assert!(!want.is_empty());
}

#[test]
fn history_reports() {
    // Both rounds in the scratch directory, named plainly: the reports show the names given.
    let later = mali_2021("history-reports/mali-2021.json");
    let dir = later.parent().expect("scratch directory");
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    std::fs::copy(root.join(MALI), dir.join("mali-2020.json")).expect("copy");
    let run = |extra: &[&str]| {
        let out = gs()
            .current_dir(dir)
            .args(["history", "mali-2020.json", "mali-2021.json"])
            .args(extra)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{extra:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    insta::assert_snapshot!("history_mali_text_en", run(&[]));
    insta::assert_snapshot!("history_mali_text_fr", run(&["--lang", "fr"]));
    insta::assert_snapshot!("history_mali_markdown_en", run(&["--format", "markdown"]));
    insta::assert_snapshot!(
        "history_mali_markdown_fr",
        run(&["--format", "markdown", "--lang", "fr"])
    );
}

#[test]
fn history_refuses_mixed_offices_unless_asked() {
    let e = bad(&["history", MALI, "fixtures/gold-office.json"]);
    assert!(
        e.contains("gold-office.json") && e.contains("UNDP Mali"),
        "{e}"
    );
    let h = json(&[
        "history",
        MALI,
        "fixtures/gold-office.json",
        "fixtures/bronze-office.json",
        "--allow-mixed-offices",
    ]);
    assert_eq!(h["offices"].as_array().map(Vec::len), Some(3));
    let periods: Vec<&str> = h["rounds"]
        .as_array()
        .expect("rounds")
        .iter()
        .map(|r| r["period"].as_str().expect("period"))
        .collect();
    let mut sorted = periods.clone();
    sorted.sort();
    assert_eq!(periods, sorted);
    let text = ok(&[
        "history",
        MALI,
        "fixtures/gold-office.json",
        "--allow-mixed-offices",
    ]);
    assert!(text.contains("Office"), "{text}");
    bad(&["history"]);
    let e = bad(&["history", MALI, "fixtures/no-such-file.json"]);
    assert!(e.contains("no-such-file.json"), "{e}");
}

/// `history` on the fixtures: Papua New Guinea's published baseline and final rounds, and Mali
/// 2020 beside its 2021 projection (the whole 2021 plan's ratings, marked assumed).
#[test]
fn history_of_the_published_and_projected_fixtures() {
    let png = ok(&[
        "history",
        "--framework",
        "fixtures/published/met-over-applicable-1dp.json",
        "fixtures/published/png-final.json",
        "fixtures/published/png-baseline.json",
        "--format",
        "json",
    ]);
    let h: Value = serde_json::from_str(&png).expect("json");
    let rounds = h["rounds"].as_array().expect("rounds");
    // Ordered by period whatever the order given: 40.5 % then 73 %, Silver.
    assert_eq!(rounds[0]["percentage_rounded"], "40.5");
    assert_eq!(rounds[0]["tier"], Value::Null);
    assert_eq!(
        (rounds[0]["met"].as_u64(), rounds[0]["applicable"].as_u64()),
        (Some(15), Some(37))
    );
    assert_eq!(rounds[1]["percentage_rounded"], "73");
    assert_eq!(rounds[1]["tier"]["id"], "silver");
    assert_eq!(h["steps"][0]["movement"], "up");
    assert_eq!(
        h["steps"][0]["benchmarks"].as_array().map(Vec::len),
        Some(12)
    );

    let mali = ok(&["history", MALI, "fixtures/mali-2021-projected.json"]);
    insta::assert_snapshot!("history_mali_projected_text_en", mali);
    let fr = ok(&[
        "history",
        MALI,
        "fixtures/mali-2021-projected.json",
        "--lang",
        "fr",
        "--format",
        "markdown",
    ]);
    insta::assert_snapshot!("history_mali_projected_markdown_fr", fr);
    assert!(fr.contains("+13 points"), "{fr}");
}
