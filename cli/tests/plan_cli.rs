//! `gender-seal plan` end to end: the Mali answers (snapshots, both languages), the JSON
//! fields of docs/contract.md, the views, and bad input (exit 2, one message naming the file).

use assert_cmd::Command;
use serde_json::Value;

const MALI: &str = "fixtures/mali-2020.json";
const PLAN: &str = "fixtures/mali-2021-plan.json";

fn plan(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("gender-seal")
        .expect("binary")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args(["plan", "--baseline", MALI, PLAN])
        .args(args)
        .assert()
}

fn stdout(args: &[&str]) -> String {
    let out = plan(args).success().get_output().stdout.clone();
    String::from_utf8(out).expect("utf-8")
}

fn json(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout(&all)).expect("json")
}

fn failure(args: &[&str]) -> String {
    let out = plan(args).code(2).get_output().clone();
    assert!(out.stdout.is_empty(), "nothing on stdout on error");
    String::from_utf8(out.stderr).expect("utf-8")
}

fn ids(v: &Value) -> Vec<&str> {
    v.as_array()
        .expect("list")
        .iter()
        .map(|i| i.as_str().expect("id"))
        .collect()
}

#[test]
fn mali_gold_is_out_of_reach_with_this_plan() {
    let v = json(&["--target", "gold"]);
    assert_eq!(v["question"], "cheapest");
    assert_eq!(v["feasible"], false);
    // The best reachable instead: every activity that moves a benchmark, at the lowest cost.
    assert_eq!(
        ids(&v["activities"]),
        ["O1.3", "O1.4", "O2.1", "O2.3", "O3.1"]
    );
    assert_eq!(v["cost"], "19000");
    assert_eq!(v["scorecard"]["percentage_rounded"], "87");
    assert_eq!(v["scorecard"]["percentage"], "87.1795");
    assert_eq!(v["scorecard"]["tier"]["label"], "Silver-strong");
    assert_eq!(v["scorecard"]["period"], "2021");
    // 87 % is enough for Gold: two of its gates, which no activity raises, are what is missing.
    assert_eq!(v["shortfall"]["points_missing"], "0");
    let failing: Vec<&str> = v["shortfall"]["failing"]
        .as_array()
        .expect("failing")
        .iter()
        .map(|g| g["benchmark"].as_str().expect("benchmark"))
        .collect();
    assert_eq!(failing, ["PR3", "GR2"]);
    let planned: Vec<&str> = v["scorecard"]["benchmarks"]
        .as_array()
        .expect("benchmarks")
        .iter()
        .filter(|b| b["basis"] == "planned")
        .map(|b| b["id"].as_str().expect("id"))
        .collect();
    assert_eq!(planned, ["MS1", "MS5", "IC2", "CK1", "CK3"]);
    // The text report wraps its paragraphs: compare with the lines joined.
    let text = stdout(&["--target", "gold"]).replace("\n  ", " ");
    assert!(
        text.contains("No set of activities reaches Gold."),
        "{text}"
    );
    assert!(
        text.contains(
            "Still missing: PR3 GEN3 expenditure share: needs Met, is Partially met; GR2 Policy or legal change documented: needs Met, is Partially met."
        ),
        "{text}"
    );
}

#[test]
fn mali_best_use_of_the_funded_30000() {
    let v = json(&["--budget", "30000"]);
    assert_eq!(v["question"], "best");
    assert_eq!(v["budget"], "30000");
    assert_eq!(v["feasible"], true);
    assert_eq!(
        ids(&v["activities"]),
        ["O1.3", "O1.4", "O2.1", "O2.3", "O3.1"]
    );
    assert_eq!(v["cost"], "19000");
    assert_eq!(v["scorecard"]["percentage_rounded"], "87");
    assert_eq!(v["scorecard"]["tier"]["id"], "silver");
    assert_eq!(v["scorecard"]["tier"]["strong"], true);
    // Without a value, --budget takes the plan's budget (30,000).
    assert_eq!(json(&["--budget"])["activities"], v["activities"]);
}

#[test]
fn silver_strong_is_already_reached_and_free_activities_raise_the_percentage() {
    let v = json(&["--target", "silver:strong"]);
    assert_eq!(v["cost"], "0");
    assert_eq!(ids(&v["activities"]), ["O2.1", "O2.3"]);
    assert_eq!(v["scorecard"]["percentage_rounded"], "79");
    assert_eq!(v["scorecard"]["tier"]["label"], "Silver-strong");
}

#[test]
fn whole_plan_timeline_stays_silver_strong() {
    let v = json(&["--timeline"]);
    assert_eq!(v["question"], "whole_plan");
    assert_eq!(v["cost"], "64000");
    let line = v["timeline"].as_array().expect("timeline");
    let points: Vec<(u64, &str, &str, &str)> = line
        .iter()
        .map(|p| {
            (
                p["quarter"].as_u64().expect("quarter"),
                p["cost"].as_str().expect("cost"),
                p["percentage_rounded"].as_str().expect("pct"),
                p["tier"]["id"].as_str().expect("tier"),
            )
        })
        .collect();
    assert_eq!(
        points,
        [
            (0, "0", "74", "silver"),
            (1, "0", "74", "silver"),
            (2, "10000", "77", "silver"),
            (3, "10000", "77", "silver"),
            (4, "64000", "87", "silver"),
        ]
    );
    assert_eq!(ids(&line[2]["landed"]), ["O1.4"]);
}

#[test]
fn marginal_lists_every_other_activity_best_first() {
    let v = json(&["--marginal"]);
    assert_eq!(v["question"], "committed");
    let rows = v["marginal"].as_array().expect("marginal");
    assert_eq!(rows.len(), 16);
    let order: Vec<&str> = rows.iter().map(|r| r["id"].as_str().expect("id")).collect();
    assert_eq!(&order[..5], ["O2.1", "O2.3", "O1.3", "O3.1", "O1.4"]);
    assert_eq!(rows[0]["points_per_cost"], Value::Null);
    assert_eq!(rows[2]["points"], "3");
    assert_eq!(rows[2]["points_per_cost"], "0.00075");
    // One benchmark of 39 applicable, met instead of partially met: 100/39 points.
    assert_eq!(rows[2]["percentage_gain"], "2.5641");
    assert!(rows[5..].iter().all(|r| r["points"] == "0"));
    // On top of the funded set, no other activity adds a point.
    let v = json(&["--budget", "30000", "--marginal"]);
    let rows = v["marginal"].as_array().expect("marginal");
    assert_eq!(rows.len(), 11);
    assert!(rows.iter().all(|r| r["points"] == "0"));
}

/// Writes a file for one test under cargo's temporary directory.
fn temp(name: &str, text: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

/// Runs `plan` on the Mali baseline and a plan file given by path.
fn plan_file(path: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("gender-seal")
        .expect("binary")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args(["plan", "--baseline", MALI, path])
        .args(args)
        .assert()
}

/// The Mali plan with two hypothetical free activities that meet the two Gold gates no
/// activity of the plan raises (PR3, GR2), less the activities named in `without`.
fn plan_with_the_missing_gates(name: &str, without: &[&str]) -> String {
    let mut doc: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../fixtures/mali-2021-plan.json"
        ))
        .expect("plan"),
    )
    .expect("json");
    let acts = doc["activities"].as_array_mut().expect("activities");
    acts.retain(|a| !without.iter().any(|w| a["id"] == *w));
    acts.push(
        serde_json::json!({"id": "X.PR3", "title": "GEN3 at 15 % (hypothetical)",
        "cost": 0, "effects": [{"benchmark": "PR3", "value": 15}]}),
    );
    acts.push(
        serde_json::json!({"id": "X.GR2", "title": "A policy change (hypothetical)",
        "cost": 0, "effects": [{"benchmark": "GR2", "rating": "met"}]}),
    );
    temp(name, &doc.to_string())
}

#[test]
fn with_the_missing_gates_gold_costs_the_strategy_evaluation() {
    let path = plan_with_the_missing_gates("mali-with-gates.json", &[]);
    let out = plan_file(&path, &["--target", "gold", "--format", "json"])
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(v["feasible"], true);
    assert_eq!(
        ids(&v["activities"]),
        ["O1.4", "O2.1", "O2.3", "X.GR2", "X.PR3"]
    );
    assert_eq!(v["cost"], "10000");
    assert_eq!(v["scorecard"]["percentage_rounded"], "87");
    assert_eq!(v["scorecard"]["tier"]["id"], "gold");
}

#[test]
fn an_unreachable_target_says_what_is_missing() {
    // Without the strategy evaluation (O1.4), MS1 stays partially met: no Gold even with the
    // two missing gates met.
    let path = plan_with_the_missing_gates("mali-without-evaluation.json", &["O1.4"]);
    let out = plan_file(&path, &["--target", "gold", "--format", "json"])
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(v["feasible"], false);
    // The best reachable: every activity that moves a benchmark, at the lowest cost.
    assert_eq!(
        ids(&v["activities"]),
        ["O1.3", "O2.1", "O2.3", "O3.1", "X.GR2", "X.PR3"]
    );
    assert_eq!(v["cost"], "9000");
    assert_eq!(v["scorecard"]["percentage_rounded"], "90");
    assert_eq!(v["scorecard"]["tier"]["id"], "silver");
    assert_eq!(v["shortfall"]["points_missing"], "0");
    let failing = &v["shortfall"]["failing"];
    assert_eq!(failing.as_array().expect("failing").len(), 1);
    assert_eq!(failing[0]["benchmark"], "MS1");
    assert_eq!(failing[0]["actual"], "partially_met");
    let text = plan_file(&path, &["--target", "gold"])
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).expect("utf-8");
    assert!(
        text.contains("No set of activities reaches Gold."),
        "{text}"
    );
    assert!(
        text.contains(
            "Still missing: MS1 Costed gender strategy & action plan: needs Met, is Partially met."
        ),
        "{text}"
    );
}

#[test]
fn bad_files_name_the_file_and_the_path() {
    let path = temp(
        "bad-plan.json",
        r#"{"framework": {"id": "undp-gender-seal-co", "version": "2021.2"}, "office": "o",
            "activities": [{"id": "A1", "title": "t", "cost": 0, "effects": [{"benchmark": "IC7", "rating": "met"}]}]}"#,
    );
    let out = plan_file(&path, &["--target", "gold"])
        .code(2)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).expect("utf-8"),
        format!(
            "error: {path}: activities[0].effects[0].benchmark: effect on unknown benchmark 'IC7'; did you mean 'IC1'?\n"
        )
    );
    let path = temp(
        "unknown-field-plan.json",
        r#"{"framework": {"id": "undp-gender-seal-co", "version": "2021.2"}, "office": "o", "activities": [], "budjet": 1}"#,
    );
    let out = plan_file(&path, &["--budget"]).code(2).get_output().clone();
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        err.starts_with(&format!("error: {path}: budjet: unknown field `budjet`")),
        "{err}"
    );
    let out = Command::cargo_bin("gender-seal")
        .expect("binary")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args([
            "plan",
            "--baseline",
            "fixtures/missing.json",
            PLAN,
            "--timeline",
        ])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        err.starts_with("error: fixtures/missing.json: cannot read file"),
        "{err}"
    );
}

#[test]
fn effects_on_benchmarks_the_baseline_rates_not_applicable_are_refused() {
    let path = temp(
        "na-plan.json",
        r#"{"framework": {"id": "undp-gender-seal-co", "version": "2021.2"}, "office": "o",
            "activities": [{"id": "A1", "title": "t", "cost": 0, "effects": [{"benchmark": "MS7", "value": 60}]}]}"#,
    );
    let out = Command::cargo_bin("gender-seal")
        .expect("binary")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args([
            "plan",
            "--baseline",
            "fixtures/many-na-office.json",
            &path,
            "--marginal",
        ])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert_eq!(
        String::from_utf8(out.stderr).expect("utf-8"),
        format!(
            "error: {path}: activities[0].effects[0].benchmark: effect on MS7, which the baseline rates not applicable; a plan cannot bring a benchmark into the score\n"
        )
    );
}

#[test]
fn mali_answers_in_text_and_markdown() {
    insta::assert_snapshot!("target_gold_en", stdout(&["--target", "gold"]));
    insta::assert_snapshot!(
        "target_gold_fr",
        stdout(&["--target", "gold", "--lang", "fr"])
    );
    insta::assert_snapshot!(
        "budget_30000_timeline_en",
        stdout(&["--budget", "30000", "--timeline"])
    );
    insta::assert_snapshot!(
        "budget_30000_timeline_fr",
        stdout(&["--budget", "30000", "--timeline", "--lang", "fr"])
    );
    insta::assert_snapshot!(
        "marginal_markdown_en",
        stdout(&["--marginal", "--format", "markdown"])
    );
}

#[test]
fn usage_errors_exit_2() {
    assert!(failure(&[]).contains("--target"));
    assert!(failure(&["--target", "gold", "--budget", "1"]).contains("cannot be used with"));
    assert!(failure(&["--timeline", "--marginal"]).contains("cannot be used with"));
    assert_eq!(
        failure(&["--target", "platinum"]),
        "error: unknown target tier 'platinum'; the ladder is bronze (Bronze), silver (Silver), gold (Gold)\n"
    );
    assert_eq!(
        failure(&["--target", "gold:weak"]),
        "error: unknown qualifier 'weak' in target 'gold:weak'; only ':strong' exists\n"
    );
    assert_eq!(
        failure(&["--budget", "30k"]),
        "error: --budget: '30k' is not a decimal number\n"
    );
    assert_eq!(
        failure(&["--budget=-5"]),
        "error: --budget: budget -5 is negative\n"
    );
}
