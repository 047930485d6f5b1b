//! Hostile inputs, round 2 (issue #10): generated inputs at the sizes that failed, each class
//! through the binary: exit 2, nothing on stdout, a message naming the file, the JSON path (or
//! the flag) and the problem, and the run completes. No timing assertions: every input is large
//! enough that the quadratic version would be unmistakably slow, and small enough that the
//! tests stay fast.

use std::fs;
use std::path::PathBuf;

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::{Value, json};

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = cargo_bin_cmd!("gender-seal")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Exit 2, nothing on stdout, and stderr's lines starting with `lines` in order (each line is
/// `error: ` then the file then the text for the first, the file then the text after).
fn assert_fails(r: &Run, file: &str, lines: &[&str]) {
    assert_eq!(r.code, Some(2), "{}", clip(&r.stderr));
    assert!(r.stdout.is_empty(), "stdout on error: {}", clip(&r.stdout));
    let mut got = r.stderr.lines();
    for (i, want) in lines.iter().enumerate() {
        let want = if i == 0 {
            format!("error: {file}: {want}")
        } else {
            format!("{file}: {want}")
        };
        assert_eq!(got.next(), Some(want.as_str()), "{}", clip(&r.stderr));
    }
}

/// The last line of stderr.
fn last_line(r: &Run) -> &str {
    r.stderr.lines().last().unwrap_or_default()
}

fn clip(s: &str) -> String {
    s.chars().take(2000).collect()
}

/// A scratch file under the target's temp folder.
fn write(name: &str, text: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile");
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path.display().to_string()
}

/// A framework of `n` benchmarks named by `id`, in dimensions of at most 100, with one tier
/// (`bronze` at 50) carrying `gates`.
fn framework(n: usize, id: impl Fn(usize) -> String, gates: Value) -> Value {
    let dims: Vec<Value> = (0..n.div_ceil(100))
        .map(|d| {
            let benchmarks: Vec<Value> = (d * 100..n.min(d * 100 + 100))
                .map(|i| json!({"id": id(i), "title": "b", "weight": 1}))
                .collect();
            json!({"id": format!("D{d}"), "title": "d", "benchmarks": benchmarks})
        })
        .collect();
    json!({
        "id": "hostile", "version": "1", "title": "Hostile",
        "rating_scale": [
            {"id": "not_met", "credit": 0, "label": "Not met"},
            {"id": "met", "credit": 1, "label": "Met"}
        ],
        "rounding": {"decimals": 0, "mode": "half_up"},
        "dimensions": dims,
        "tiers": [{"id": "bronze", "min": 50, "label": "Bronze", "gates": gates}]
    })
}

fn assessment(evidence: Value) -> Value {
    json!({
        "framework": {"id": "hostile", "version": "1"},
        "office": "Hostile office", "period": "2026",
        "evidence": evidence
    })
}

fn b(i: usize) -> String {
    format!("B{i:05}")
}

/// Class 1: a 10 MB mantissa does not cancel a huge exponent in either direction.
#[test]
fn long_mantissas_cannot_cancel_huge_exponents() {
    let tiny_weight = format!("0.{}1e20000000", "0".repeat(9_999_999));
    let fw = framework(2, b, json!([])).to_string().replacen(
        r#""weight":1"#,
        &format!(r#""weight":"{tiny_weight}""#),
        1,
    );
    let fw_path = write("long-mantissa-framework.json", &fw);
    let r = run(&["validate", &fw_path]);
    assert_eq!(r.code, Some(2), "{}", clip(&r.stderr));
    assert!(
        r.stderr.starts_with(&format!(
            "error: {fw_path}: dimensions[0].benchmarks[0].weight: '0.{}…' is too large: at most 12 integer digits",
            "0".repeat(38)
        )),
        "{}",
        clip(&r.stderr)
    );
    let huge_value = format!("1{}e-20000000", "0".repeat(10_000_000));
    let a = assessment(json!({"B00000": {"rating": "met"}}))
        .to_string()
        .replacen(
            r#"{"rating":"met"}"#,
            &format!(r#"{{"value":{huge_value}}}"#),
            1,
        );
    let fw_path = write(
        "plain-framework.json",
        &framework(2, b, json!([])).to_string(),
    );
    let a_path = write("long-mantissa-assessment.json", &a);
    let r = run(&["score", "--framework", &fw_path, &a_path]);
    assert_eq!(r.code, Some(2), "{}", clip(&r.stderr));
    assert!(
        r.stderr.starts_with(&format!(
            "error: {a_path}: evidence.B00000.value: '1{}…' is too precise: at most 6 decimal places",
            "0".repeat(39)
        )),
        "{}",
        clip(&r.stderr)
    );
}

/// Class 2: 10,000 unknown evidence ids against 10,000 benchmarks.
#[test]
fn ten_thousand_unknown_evidence_ids() {
    let fw_path = write(
        "10k-framework.json",
        &framework(10_000, b, json!([])).to_string(),
    );
    let evidence: serde_json::Map<String, Value> = (0..10_000)
        .map(|i| (format!("C{i:05}"), json!({"rating": "met"})))
        .collect();
    let a_path = write("10k-unknown.json", &assessment(evidence.into()).to_string());
    let r = run(&["score", "--framework", &fw_path, &a_path]);
    assert_fails(
        &r,
        &a_path,
        &[
            "evidence.C00000: evidence for unknown benchmark 'C00000'; did you mean 'B00000'?",
            "evidence.C00001: evidence for unknown benchmark 'C00001'; did you mean 'B00001'?",
        ],
    );
    assert_eq!(r.stderr.lines().count(), 101);
    assert_eq!(last_line(&r), format!("{a_path}: and 9900 more problems"));
}

/// Class 2: 64-character near-miss ids, whose edit distances cannot stop early.
#[test]
fn long_near_miss_ids() {
    let long = |i: usize| format!("{}{i:05}", "b".repeat(59));
    let fw_path = write(
        "64-framework.json",
        &framework(10_000, long, json!([])).to_string(),
    );
    let evidence: serde_json::Map<String, Value> = (0..10_000)
        .map(|i| (format!("c{}", &long(i)[1..]), json!({"rating": "met"})))
        .collect();
    let a_path = write("64-unknown.json", &assessment(evidence.into()).to_string());
    let r = run(&["score", "--framework", &fw_path, &a_path]);
    let (wrong, right) = (format!("c{}", &long(0)[1..]), long(0));
    assert_fails(
        &r,
        &a_path,
        &[&format!(
            "evidence.{wrong}: evidence for unknown benchmark '{wrong}'; did you mean '{right}'?"
        )],
    );
    assert_eq!(last_line(&r), format!("{a_path}: and 9900 more problems"));
}

/// Class 2: 2,000 gates on unknown benchmarks.
#[test]
fn two_thousand_gates_on_unknown_benchmarks() {
    let gates: Vec<Value> = (0..2_000)
        .map(|i| json!({"benchmark": format!("C{i:05}"), "at_least": "met"}))
        .collect();
    let fw_path = write(
        "gates-framework.json",
        &framework(10_000, b, gates.into()).to_string(),
    );
    let r = run(&["validate", &fw_path]);
    assert_fails(
        &r,
        &fw_path,
        &[
            "tiers[0].gates[0].benchmark: gate on unknown benchmark 'C00000'; did you mean 'B00000'?",
        ],
    );
    assert_eq!(last_line(&r), format!("{fw_path}: and 1900 more problems"));
}

/// Class 2: 64 activities × 1,000 effects on unknown benchmarks.
#[test]
fn sixty_four_thousand_effects_on_unknown_benchmarks() {
    let fw_path = write(
        "effects-framework.json",
        &framework(10_000, b, json!([])).to_string(),
    );
    let a_path = write("effects-baseline.json", &assessment(json!({})).to_string());
    let activities: Vec<Value> = (0..64)
        .map(|a| {
            let effects: Vec<Value> = (0..1_000)
                .map(|e| json!({"benchmark": format!("C{:05}", a * 1_000 + e), "rating": "met"}))
                .collect();
            json!({"id": format!("A{a}"), "title": "a", "cost": 1, "effects": effects})
        })
        .collect();
    let plan = json!({
        "framework": {"id": "hostile", "version": "1"},
        "office": "Hostile office",
        "activities": activities
    });
    let plan_path = write("effects-plan.json", &plan.to_string());
    let r = run(&[
        "plan",
        "--framework",
        &fw_path,
        "--baseline",
        &a_path,
        &plan_path,
        "--budget",
        "10",
    ]);
    assert_fails(
        &r,
        &plan_path,
        &[
            "activities[0].effects[0].benchmark: effect on unknown benchmark 'C00000'; did you mean 'B00000'?",
        ],
    );
    assert_eq!(
        last_line(&r),
        format!("{plan_path}: and 63900 more problems")
    );
}

/// Class 3: `expect.blocked` with 200,000 distinct unknown tier ids, and duplicates found in
/// one pass.
#[test]
fn two_hundred_thousand_blocked_tiers() {
    let fw_path = write(
        "blocked-framework.json",
        &framework(3, b, json!([])).to_string(),
    );
    let a_path = write(
        "blocked-assessment.json",
        &assessment(json!({})).to_string(),
    );
    let mut blocked: Vec<String> = (0..200_000).map(|i| format!("t{i}")).collect();
    blocked.push("t0".into());
    let expectations = json!({
        "framework": fw_path,
        "cases": [{"name": "many", "assessment": a_path, "expect": {"blocked": blocked}}]
    });
    let e_path = write("blocked-expectations.json", &expectations.to_string());
    let r = run(&["check", &e_path]);
    assert_fails(
        &r,
        &e_path,
        &[
            "cases[0].expect.blocked[0]: unknown tier 't0' in framework 'hostile' version '1'; the ladder is bronze",
        ],
    );
    assert_eq!(last_line(&r), format!("{e_path}: and 199901 more problems"));
}

/// A 15 MB assessment of the 10,000-benchmark framework: every benchmark met, with long notes.
/// Each test names its own copy (`tag`): tests run in parallel, and one rewriting the file
/// while another reads it gave the reader a truncated assessment.
fn large_assessment(tag: &str) -> (String, String) {
    let fw_path = write(
        &format!("{tag}-large-framework.json"),
        &framework(10_000, b, json!([])).to_string(),
    );
    let note = "n".repeat(1_450);
    let evidence: serde_json::Map<String, Value> = (0..10_000)
        .map(|i| (b(i), json!({"rating": "met", "note": note})))
        .collect();
    let text = assessment(evidence.into()).to_string();
    assert!(
        text.len() > 14_000_000 && text.len() < 16_000_000,
        "{}",
        text.len()
    );
    (
        fw_path,
        write(&format!("{tag}-large-assessment.json"), &text),
    )
}

/// Class 5: forty cases on one 15 MB assessment parse it once and run one at a time.
#[test]
fn forty_cases_on_one_large_assessment() {
    let (fw_path, a_path) = large_assessment("check");
    let cases: Vec<Value> = (0..40)
        .map(|i| json!({"name": format!("case {i}"), "assessment": a_path, "expect": {"tier": "bronze", "percentage": 100}}))
        .collect();
    let e_path = write(
        "forty-cases.json",
        &json!({"framework": fw_path, "cases": cases}).to_string(),
    );
    let r = run(&["check", &e_path, "--format", "json"]);
    assert_eq!(r.code, Some(0), "{}", clip(&r.stderr));
    let report: Value = serde_json::from_str(&r.stdout).unwrap_or_default();
    assert_eq!(
        (report["cases"].as_u64(), report["failed"].as_u64()),
        (Some(40), Some(0))
    );
}

/// Class 5: the same large assessment forty times in `diff`.
#[test]
fn diff_of_one_large_assessment_forty_times() {
    let (fw_path, a_path) = large_assessment("diff");
    let mut args = vec![
        "diff", "--from", &fw_path, "--to", &fw_path, "--format", "json",
    ];
    args.extend(std::iter::repeat_n(a_path.as_str(), 40));
    let r = run(&args);
    assert_eq!(r.code, Some(0), "{}", clip(&r.stderr));
    let report: Value = serde_json::from_str(&r.stdout).unwrap_or_default();
    assert_eq!(report["summary"]["offices"].as_u64(), Some(40));
    assert_eq!(report["summary"]["same"].as_u64(), Some(40));
}

/// Class 5: one 1 MB office name among 2,001 offices pads no other row in a text table.
#[test]
fn one_huge_office_name_among_two_thousand_offices() {
    let fw_path = write(
        "offices-framework.json",
        &framework(3, b, json!([])).to_string(),
    );
    let mut small = assessment(json!({"B00000": {"rating": "met"}}));
    let mut paths = vec![];
    for i in 0..2_001 {
        small["office"] = if i == 1_000 {
            "O".repeat(1_000_000).into()
        } else {
            format!("Office {i}").into()
        };
        paths.push(write(&format!("office-{i}.json"), &small.to_string()));
    }
    let mut args = vec![
        "diff", "--from", &fw_path, "--to", &fw_path, "--format", "text",
    ];
    args.extend(paths.iter().map(String::as_str));
    let r = run(&args);
    assert_eq!(r.code, Some(0), "{}", clip(&r.stderr));
    // The wide name prints whole; the other 2,000 rows stay narrow.
    assert!(r.stdout.contains(&"O".repeat(1_000_000)));
    assert!(r.stdout.len() < 5_000_000, "{} bytes", r.stdout.len());
    let longest_other = r
        .stdout
        .lines()
        .filter(|l| !l.contains("OOOO"))
        .map(str::len)
        .max();
    assert!(longest_other < Some(400), "{longest_other:?}");
}

/// Class 6: a rule's `bounds` of the wrong length is a format error at its path.
#[test]
fn bounds_of_the_wrong_length_name_their_path() {
    for (bounds, len) in [("[0, 50, 5]", 3), ("[0]", 1), ("[0, 1, 2, 3, 4, 5]", 6)] {
        let fw = framework(2, b, json!([])).to_string().replacen(
            r#""weight":1"#,
            &format!(
                r#""weight":1,"rule":{{"unit":"points","ladder":[{{"at_least":5,"rating":"met"}}],"otherwise":"not_met","bounds":{bounds}}}"#
            ),
            1,
        );
        let path = write("bounds.json", &fw);
        let r = run(&["validate", &path]);
        assert_eq!(r.code, Some(2), "{}", r.stderr);
        let want = format!(
            "error: {path}: dimensions[0].benchmarks[0].rule.bounds: invalid length {len}, expected an array of length 2 at line 1 column "
        );
        assert!(r.stderr.starts_with(&want), "{}", r.stderr);
        assert!(r.stdout.is_empty());
    }
}

/// A baseline of benchmarks B00000-B00002 and a plan with one committed activity costing 50
/// and a plan budget of 20, written under names starting with `name` (tests run in parallel:
/// each writes its own files).
fn plan_files(name: &str, evidence: Value) -> (String, String, String) {
    let fw = write(
        &format!("{name}-framework.json"),
        &framework(3, b, json!([])).to_string(),
    );
    let a = write(
        &format!("{name}-baseline.json"),
        &assessment(evidence).to_string(),
    );
    let plan = json!({
        "framework": {"id": "hostile", "version": "1"},
        "office": "Hostile office",
        "budget": 20,
        "activities": [
            {"id": "A", "title": "a", "cost": 50, "committed": true,
             "effects": [{"benchmark": "B00000", "rating": "met"}]},
            {"id": "B", "title": "b", "cost": 5,
             "effects": [{"benchmark": "B00001", "rating": "met"}]}
        ]
    });
    (
        fw,
        a,
        write(&format!("{name}-plan.json"), &plan.to_string()),
    )
}

/// Class 6: budget problems name `--budget` for the flag and the plan file for its field.
#[test]
fn budget_problems_name_the_flag_or_the_plan_file() {
    let (fw, a, plan) = plan_files("budget", json!({}));
    let args = |budget: &'static str| -> Vec<String> {
        ["plan", "--framework", &fw, "--baseline", &a, &plan, budget]
            .iter()
            .map(|s| s.to_string())
            .collect()
    };
    let go = |budget| {
        let args = args(budget);
        run(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let r = go("--budget=-1");
    assert_eq!(r.code, Some(2));
    assert_eq!(r.stderr, "error: --budget: budget -1 is negative\n");
    let r = go("--budget=x");
    assert_eq!(r.stderr, "error: --budget: 'x' is not a decimal number\n");
    let r = go("--budget=10");
    assert_eq!(
        r.stderr,
        "error: --budget: the committed activities cost 50, more than the budget 10\n"
    );
    let r = go("--budget");
    assert_eq!(
        r.stderr,
        format!(
            "error: {plan}: budget: the committed activities cost 50, more than the budget 20\n"
        )
    );
    assert!(r.stdout.is_empty());
    // Within the budget, it answers.
    assert_eq!(go("--budget=60").code, Some(0));
}

/// Class 6: a baseline with every benchmark not applicable is the baseline's fault.
#[test]
fn an_all_not_applicable_baseline_is_blamed_on_the_baseline() {
    let na = json!({"rating": "not_applicable"});
    let (fw, a, plan) = plan_files("all-na", json!({"B00000": na, "B00001": na, "B00002": na}));
    // Effects on not-applicable benchmarks are the plan's problem: use a plan without them.
    let text = fs::read_to_string(&plan).unwrap_or_default();
    let mut doc: Value = serde_json::from_str(&text).unwrap_or_default();
    doc["activities"][0]["effects"] = json!([]);
    doc["activities"][1]["effects"] = json!([]);
    fs::write(&plan, doc.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let r = run(&[
        "plan",
        "--framework",
        &fw,
        "--baseline",
        &a,
        &plan,
        "--budget=100",
    ]);
    assert_fails(
        &r,
        &a,
        &["evidence: no applicable benchmark in the baseline: there is no percentage to plan for"],
    );
}
