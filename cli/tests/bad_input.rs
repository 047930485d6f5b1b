//! Bad input, one test per class of docs/contract.md: every error names its kind, JSON path and problem
//! exactly at library level, and the CLI exits 2 with nothing on stdout and one message on
//! stderr naming the file, the path and the problem.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use gender_seal::{
    Assessment, Error, ErrorKind, Framework, MAX_DOCUMENT_BYTES, ScoreOptions, score,
};

/// A small valid framework; each case edits one line of it.
const FRAMEWORK: &str = r#"{
  "id": "bad-input",
  "version": "1",
  "title": {"en": "Bad input test framework", "fr": "Cadre de test des entrées invalides"},
  "rating_scale": [
    {"id": "not_met", "credit": 0, "label": "Not met"},
    {"id": "partially_met", "credit": 0.5, "label": "Partially met"},
    {"id": "met", "credit": 1, "label": "Met"}
  ],
  "rounding": {"decimals": 0, "mode": "half_up"},
  "dimensions": [
    {"id": "IC", "title": "In-house capacities", "benchmarks": [
      {"id": "IC1", "title": "Gender specialist", "weight": 1},
      {"id": "IC2", "title": "Staff trained", "weight": 2,
       "rule": {"unit": "percent", "ladder": [{"at_least": 75, "rating": "met"}, {"at_least": 50, "rating": "partially_met"}],
                "otherwise": "not_met"}}
    ]},
    {"id": "PR", "title": "Programmes", "benchmarks": [
      {"id": "PR1", "title": "Gender marker", "weight": 1, "allow_not_applicable": false},
      {"id": "PR2", "title": "Pay gap", "weight": 1,
       "rule": {"unit": "points", "ladder": [{"at_most": 5, "rating": "met"}, {"at_most": 10, "rating": "partially_met"}],
                "otherwise": "not_met", "bounds": [-100, 100]}}
    ]}
  ],
  "tiers": [
    {"id": "bronze", "min": 60, "strong_from": 64, "label": "Bronze", "strong_label": "Bronze-strong"},
    {"id": "silver", "min": 70, "label": "Silver"},
    {"id": "gold", "min": 80, "label": "Gold",
     "gates": [{"benchmark": "IC1", "at_least": "met"}, {"dimension": "PR", "at_least_percent": 70}]}
  ]
}
"#;

/// A valid assessment of [`FRAMEWORK`]; each case edits one line of it.
const ASSESSMENT: &str = r#"{
  "framework": {"id": "bad-input", "version": "1"},
  "office": "UNDP Testland (fictional)",
  "period": "2024",
  "evidence": {
    "IC1": {"rating": "met", "sources": ["ToR of the gender specialist"]},
    "IC2": {"value": 62},
    "PR1": {"rating": "partially_met"},
    "PR2": {"value": 4.5, "note": "pay gap in points"}
  }
}
"#;

/// `text` with `old` (which must occur exactly once) replaced by `new`.
fn edit(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "{old:?} must occur once");
    text.replacen(old, new, 1)
}

fn framework_with(old: &str, new: &str) -> String {
    edit(FRAMEWORK, old, new)
}

fn assessment_with(old: &str, new: &str) -> String {
    edit(ASSESSMENT, old, new)
}

/// A fresh file in the system temp directory holding `bytes`; removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "gender-seal-bad-input-{}-{n}-{name}.json",
            std::process::id()
        ));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }

    fn name(&self) -> String {
        self.0.display().to_string()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// `(location, message)` of every problem.
fn problems(e: &Error) -> Vec<(String, &str)> {
    e.problems()
        .iter()
        .map(|p| (p.location.to_string(), p.message.as_str()))
        .collect()
}

fn assert_error(e: &Error, kind: ErrorKind, expected: &[(&str, &str)]) {
    assert_eq!(e.kind(), kind, "{e}");
    let expected: Vec<(String, &str)> = expected.iter().map(|(l, m)| (l.to_string(), *m)).collect();
    assert_eq!(problems(e), expected);
}

/// What the CLI prints on stderr for these problems in `file`.
fn stderr_for(file: &str, expected: &[(&str, &str)]) -> String {
    let lines: Vec<String> = expected
        .iter()
        .map(|(path, message)| {
            if path.is_empty() {
                format!("{file}: {message}")
            } else {
                format!("{file}: {path}: {message}")
            }
        })
        .collect();
    format!("error: {}\n", lines.join("\n"))
}

/// Runs the CLI and checks: exit status 2, nothing on stdout, exactly `stderr`.
fn assert_cli_fails(args: &[&str], stderr: &str) {
    let out = assert_cmd::cargo::cargo_bin_cmd!("gender-seal")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "stdout: {:?}", out.stdout);
    assert_eq!(String::from_utf8_lossy(&out.stderr), stderr, "{args:?}");
}

/// A bad framework document: the library error, then `gender-seal validate` and
/// `gender-seal score --framework` on it.
fn bad_framework(name: &str, bytes: &[u8], kind: ErrorKind, expected: &[(&str, &str)]) {
    let e = Framework::from_json(bytes).unwrap_err();
    assert_error(&e, kind, expected);
    let file = TempFile::new(name, bytes);
    let stderr = stderr_for(&file.name(), expected);
    assert_cli_fails(&["validate", &file.name()], &stderr);
    let assessment = TempFile::new("assessment", ASSESSMENT.as_bytes());
    assert_cli_fails(
        &["score", "--framework", &file.name(), &assessment.name()],
        &stderr,
    );
}

/// A bad assessment of [`FRAMEWORK`]: the library error (parsing or scoring), then
/// `gender-seal score --framework` on it.
fn bad_assessment(name: &str, bytes: &[u8], kind: ErrorKind, expected: &[(&str, &str)]) {
    let fw = Framework::from_json(FRAMEWORK.as_bytes()).unwrap();
    let e = Assessment::from_json(bytes)
        .and_then(|a| score(&fw, &a, &ScoreOptions::default()).map(|_| ()))
        .unwrap_err();
    assert_error(&e, kind, expected);
    let file = TempFile::new(name, bytes);
    let framework = TempFile::new("framework", FRAMEWORK.as_bytes());
    assert_cli_fails(
        &["score", "--framework", &framework.name(), &file.name()],
        &stderr_for(&file.name(), expected),
    );
}

#[test]
fn the_base_documents_are_valid() {
    let fw = Framework::from_json(FRAMEWORK.as_bytes()).unwrap();
    let a = Assessment::from_json(ASSESSMENT.as_bytes()).unwrap();
    let card = score(&fw, &a, &ScoreOptions::default()).unwrap();
    // IC1 met 1, IC2 62 → partially met 1, PR1 partially met 0.5, PR2 4.5 ≤ 5 → met 1: 3.5 / 5.
    assert_eq!(card.percentage().to_string(), "70");
    assert_eq!(
        card.tier().map(|t| t.id.to_string()).as_deref(),
        Some("silver")
    );
}

#[test]
fn malformed_json() {
    let bad = framework_with(r#""version": "1","#, r#""version": ,"#);
    bad_framework(
        "malformed",
        bad.as_bytes(),
        ErrorKind::Syntax,
        &[("", "expected value at line 3 column 14")],
    );
    let bad = assessment_with(r#""IC2": {"value": 62},"#, r#""IC2": {"value": 62}"#);
    bad_assessment(
        "malformed",
        bad.as_bytes(),
        ErrorKind::Syntax,
        &[("", "expected `,` or `}` at line 8 column 5")],
    );
    // Trailing data after the document.
    let bad = format!("{ASSESSMENT} {{}}");
    bad_assessment(
        "trailing",
        bad.as_bytes(),
        ErrorKind::Syntax,
        &[("", "trailing characters at line 12 column 2")],
    );
}

#[test]
fn wrong_type() {
    let bad = framework_with(r#""weight": 2,"#, r#""weight": true,"#);
    bad_framework(
        "wrong-type",
        bad.as_bytes(),
        ErrorKind::Format,
        &[(
            "dimensions[0].benchmarks[1].weight",
            "invalid type: boolean `true`, expected a decimal number (a JSON number or a string such as \"0.5\") at line 14 column 60",
        )],
    );
    let bad = framework_with(r#""title": "Programmes","#, r#""title": 7,"#);
    bad_framework(
        "wrong-type-text",
        bad.as_bytes(),
        ErrorKind::Format,
        &[(
            "dimensions[1].title",
            "invalid type: integer `7`, expected a string or an object of language → string at line 18 column 27",
        )],
    );
    // An array where an object is expected is a wrong type, not positional fields.
    let bad = framework_with(
        r#"{"id": "IC1", "title": "Gender specialist", "weight": 1}"#,
        r#"["IC1", "Gender specialist", 1]"#,
    );
    bad_framework(
        "array-for-object",
        bad.as_bytes(),
        ErrorKind::Format,
        &[(
            "dimensions[0].benchmarks[0]",
            "invalid type: sequence, expected a benchmark object at line 13 column 6",
        )],
    );
    let bad = assessment_with(
        r#""PR1": {"rating": "partially_met"},"#,
        r#""PR1": ["met"],"#,
    );
    bad_assessment(
        "array-for-object",
        bad.as_bytes(),
        ErrorKind::Format,
        &[(
            "evidence.PR1",
            "invalid type: sequence, expected an evidence object at line 8 column 11",
        )],
    );
    let bad = assessment_with(
        r#""office": "UNDP Testland (fictional)","#,
        r#""office": null,"#,
    );
    bad_assessment(
        "null-office",
        bad.as_bytes(),
        ErrorKind::Format,
        &[(
            "office",
            "invalid type: null, expected a string at line 3 column 16",
        )],
    );
}

#[test]
fn unknown_field() {
    let bad = framework_with(r#""weight": 2,"#, r#""wieght": 2,"#);
    bad_framework(
        "unknown-field",
        bad.as_bytes(),
        ErrorKind::Format,
        &[(
            "dimensions[0].benchmarks[1].wieght",
            "unknown field `wieght`, expected one of `id`, `title`, `weight`, `rule`, `allow_not_applicable`, `guidance`, `verification` at line 14 column 54",
        )],
    );
    let bad = assessment_with(r#""IC2": {"value": 62},"#, r#""IC2": {"valeu": 62},"#);
    bad_assessment(
        "unknown-field",
        bad.as_bytes(),
        ErrorKind::Format,
        &[(
            "evidence.IC2.valeu",
            "unknown field `valeu`, expected one of `rating`, `value`, `status`, `sources`, `note` at line 7 column 19",
        )],
    );
}

#[test]
fn duplicate_ids() {
    bad_framework(
        "duplicate-dimension",
        framework_with(r#"{"id": "IC", "title""#, r#"{"id": "PR", "title""#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "dimensions[1].id",
            "duplicate dimension id 'PR' (first at dimensions[0].id)",
        )],
    );
    bad_framework(
        "duplicate-benchmark",
        framework_with(r#"{"id": "PR2", "title""#, r#"{"id": "IC2", "title""#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "dimensions[1].benchmarks[1].id",
            "duplicate benchmark id 'IC2' (first at dimensions[0].benchmarks[1].id)",
        )],
    );
    bad_framework(
        "duplicate-rating",
        framework_with(
            r#"{"id": "met", "credit": 1, "label": "Met"}"#,
            r#"{"id": "met", "credit": 1, "label": "Met"}, {"id": "met", "credit": 1, "label": "Met again"}"#,
        )
        .as_bytes(),
        ErrorKind::Invalid,
        &[(
            "rating_scale[3].id",
            "duplicate rating id 'met' (first at rating_scale[2].id)",
        )],
    );
    bad_framework(
        "duplicate-tier",
        framework_with(r#"{"id": "silver""#, r#"{"id": "bronze""#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "tiers[1].id",
            "duplicate tier id 'bronze' (first at tiers[0].id)",
        )],
    );
    // A key given twice in an object is never "the last one wins".
    bad_assessment(
        "duplicate-evidence",
        assessment_with(
            r#""IC2": {"value": 62},"#,
            r#""IC2": {"value": 62}, "IC2": {"value": 90},"#,
        )
        .as_bytes(),
        ErrorKind::Format,
        &[("evidence", "duplicate key 'IC2' at line 7 column 31")],
    );
    bad_framework(
        "duplicate-field",
        framework_with(r#""version": "1","#, r#""version": "1", "version": "2","#).as_bytes(),
        ErrorKind::Format,
        &[("", "duplicate field `version` at line 3 column 27")],
    );
}

#[test]
fn unknown_ids() {
    bad_framework(
        "unknown-rule-rating",
        framework_with(
            r#"{"at_least": 50, "rating": "partially_met"}"#,
            r#"{"at_least": 50, "rating": "partially"}"#,
        )
        .as_bytes(),
        ErrorKind::Invalid,
        &[(
            "dimensions[0].benchmarks[1].rule.ladder[1].rating",
            "unknown rating 'partially'; expected one of not_met, partially_met, met",
        )],
    );
    bad_framework(
        "reserved-rating",
        framework_with(r#"{"id": "not_met""#, r#"{"id": "not_applicable""#).as_bytes(),
        ErrorKind::Invalid,
        &[
            (
                "rating_scale[0].id",
                "'not_applicable' is built in and reserved; leave it out of the scale",
            ),
            (
                "dimensions[0].benchmarks[1].rule.otherwise",
                "unknown rating 'not_met'; expected one of not_applicable, partially_met, met",
            ),
            (
                "dimensions[1].benchmarks[1].rule.otherwise",
                "unknown rating 'not_met'; expected one of not_applicable, partially_met, met",
            ),
        ],
    );
    bad_framework(
        "invalid-id",
        framework_with(r#"{"id": "PR2", "title""#, r#"{"id": "PR 2", "title""#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "dimensions[1].benchmarks[1].id",
            "invalid benchmark id 'PR 2': ids are 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
        )],
    );
    bad_assessment(
        "unknown-rating",
        assessment_with(r#"{"rating": "partially_met"}"#, r#"{"rating": "superb"}"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "evidence.PR1.rating",
            "unknown rating 'superb' for benchmark PR1; expected one of not_met, partially_met, met, not_applicable",
        )],
    );
}

#[test]
fn number_out_of_range() {
    bad_framework(
        "weight-zero",
        framework_with(r#""weight": 2,"#, r#""weight": 0,"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "dimensions[0].benchmarks[1].weight",
            "weight 0 out of range: weights lie in (0, 1000000]",
        )],
    );
    bad_framework(
        "weight-too-heavy",
        framework_with(r#""weight": 2,"#, r#""weight": "1000000.000001","#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "dimensions[0].benchmarks[1].weight",
            "weight 1000000.000001 out of range: weights lie in (0, 1000000]",
        )],
    );
    bad_framework(
        "credit",
        framework_with(r#""credit": 1,"#, r#""credit": 1.5,"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "rating_scale[2].credit",
            "credit 1.5 out of range: credits lie in [0, 1]",
        )],
    );
    bad_framework(
        "credit-decreasing",
        framework_with(r#""credit": 0.5,"#, r#""credit": 0.25,"#)
            .replacen(r#""credit": 0,"#, r#""credit": 0.3,"#, 1)
            .as_bytes(),
        ErrorKind::Invalid,
        &[(
            "rating_scale[1].credit",
            "credit 0.25 is below the previous rating's 0.3: credits must not decrease from lowest to highest rating",
        )],
    );
    bad_framework(
        "min",
        framework_with(r#""min": 80"#, r#""min": 120"#).as_bytes(),
        ErrorKind::Invalid,
        &[("tiers[2].min", "min 120 out of range: [0, 100]")],
    );
    bad_framework(
        "gate-percent",
        framework_with(r#""at_least_percent": 70"#, r#""at_least_percent": 170"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "tiers[2].gates[1].at_least_percent",
            "percentage 170 out of range: [0, 100]",
        )],
    );
    bad_framework(
        "rounding-decimals",
        framework_with(r#""decimals": 0"#, r#""decimals": 7"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "rounding.decimals",
            "rounding decimals 7 out of range: 0 to 6",
        )],
    );
    bad_framework(
        "rounding-mode",
        framework_with(r#""mode": "half_up""#, r#""mode": "half_odd""#).as_bytes(),
        ErrorKind::Format,
        &[(
            "rounding.mode",
            "unknown variant `half_odd`, expected one of `half_up`, `half_even`, `down` at line 10 column 48",
        )],
    );
    bad_framework(
        "dimension-weight-flat",
        framework_with(
            r#"{"id": "PR", "title": "Programmes","#,
            r#"{"id": "PR", "title": "Programmes", "weight": 2,"#,
        )
        .as_bytes(),
        ErrorKind::Invalid,
        &[(
            "dimensions[1].weight",
            "a dimension weight is allowed only with \"aggregation\": \"by_dimension\"",
        )],
    );
}

#[test]
fn number_too_precise_or_too_large() {
    bad_framework(
        "seven-decimals",
        framework_with(r#""weight": 2,"#, r#""weight": 0.1234567,"#).as_bytes(),
        ErrorKind::Format,
        &[(
            "dimensions[0].benchmarks[1].weight",
            "'0.1234567' is too precise: at most 6 decimal places at line 14 column 65",
        )],
    );
    bad_framework(
        "seven-decimals-string",
        framework_with(r#""credit": 0.5,"#, r#""credit": "0.5000001","#).as_bytes(),
        ErrorKind::Format,
        &[(
            "rating_scale[1].credit",
            "'0.5000001' is too precise: at most 6 decimal places at line 7 column 49",
        )],
    );
    bad_framework(
        "thirteen-digits",
        framework_with(r#""weight": 2,"#, r#""weight": 1234567890123,"#).as_bytes(),
        ErrorKind::Format,
        &[(
            "dimensions[0].benchmarks[1].weight",
            "'1234567890123' is too large: at most 12 integer digits at line 14 column 69",
        )],
    );
    bad_assessment(
        "value-too-precise",
        assessment_with(r#"{"value": 62}"#, r#"{"value": 62.0000001}"#).as_bytes(),
        ErrorKind::Format,
        &[(
            "evidence.IC2.value",
            "'62.0000001' is too precise: at most 6 decimal places at line 7 column 32",
        )],
    );
    bad_assessment(
        "value-exponent",
        assessment_with(r#"{"value": 62}"#, r#"{"value": 1e13}"#).as_bytes(),
        ErrorKind::Format,
        &[(
            "evidence.IC2.value",
            // serde_json hands over exponents with an explicit sign.
            "'1e13' is too large: at most 12 integer digits at line 7 column 26",
        )],
    );
}

#[test]
fn inconsistent_rule_ladder() {
    let ladder =
        r#"[{"at_least": 75, "rating": "met"}, {"at_least": 50, "rating": "partially_met"}]"#;
    let case = |name: &str, new_ladder: &str, expected: &[(&str, &str)]| {
        bad_framework(
            name,
            framework_with(ladder, new_ladder).as_bytes(),
            ErrorKind::Invalid,
            expected,
        );
    };
    case(
        "mixed-directions",
        r#"[{"at_least": 75, "rating": "met"}, {"at_most": 50, "rating": "partially_met"}]"#,
        &[(
            "dimensions[0].benchmarks[1].rule.ladder[1]",
            "steps mix 'at_least' and 'at_most'; use one direction per rule",
        )],
    );
    case(
        "non-monotone",
        r#"[{"at_least": 50, "rating": "met"}, {"at_least": 75, "rating": "partially_met"}]"#,
        &[(
            "dimensions[0].benchmarks[1].rule.ladder[1]",
            "threshold 75 after 50: thresholds must be strictly decreasing for 'at_least'",
        )],
    );
    case(
        "equal-thresholds",
        r#"[{"at_least": 50, "rating": "met"}, {"at_least": 50, "rating": "partially_met"}]"#,
        &[(
            "dimensions[0].benchmarks[1].rule.ladder[1]",
            "threshold 50 after 50: thresholds must be strictly decreasing for 'at_least'",
        )],
    );
    case(
        "ratings-rising",
        r#"[{"at_least": 75, "rating": "partially_met"}, {"at_least": 50, "rating": "met"}]"#,
        &[(
            "dimensions[0].benchmarks[1].rule.ladder[1].rating",
            "rating 'met' ranks above the previous step's: ratings must not rise as the steps get easier",
        )],
    );
    case(
        "both-bounds-in-a-step",
        r#"[{"at_least": 75, "at_most": 90, "rating": "met"}]"#,
        &[(
            "dimensions[0].benchmarks[1].rule.ladder[0]",
            "a step has exactly one of 'at_least' or 'at_most'",
        )],
    );
    case(
        "empty-ladder",
        "[]",
        &[(
            "dimensions[0].benchmarks[1].rule.ladder",
            "a rule needs at least one step",
        )],
    );
    bad_framework(
        "otherwise-above-last-step",
        framework_with(
            r#""otherwise": "not_met", "bounds""#,
            r#""otherwise": "met", "bounds""#,
        )
        .as_bytes(),
        ErrorKind::Invalid,
        &[(
            "dimensions[1].benchmarks[1].rule.otherwise",
            "'otherwise' rating 'met' ranks above the last step's",
        )],
    );
    bad_framework(
        "empty-bounds",
        framework_with(r#""bounds": [-100, 100]"#, r#""bounds": [100, -100]"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "dimensions[1].benchmarks[1].rule.bounds",
            "bounds [100, -100] are empty: the first must be below the second",
        )],
    );
}

#[test]
fn inconsistent_tier_ladder() {
    bad_framework(
        "min-not-increasing",
        framework_with(r#""min": 80"#, r#""min": 70"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "tiers[2].min",
            "min 70 is not above the previous tier's 70: tier minimums must strictly increase",
        )],
    );
    bad_framework(
        "strong-from-too-high",
        framework_with(r#""strong_from": 64"#, r#""strong_from": 75"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "tiers[0].strong_from",
            "strong_from 75 out of range: it must be above 60 and below the next tier's min 70",
        )],
    );
    bad_framework(
        "strong-from-at-min",
        framework_with(r#""strong_from": 64"#, r#""strong_from": 60"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "tiers[0].strong_from",
            "strong_from 60 out of range: it must be above 60 and below the next tier's min 70",
        )],
    );
    bad_framework(
        "strong-from-without-label",
        framework_with(r#", "strong_label": "Bronze-strong""#, "").as_bytes(),
        ErrorKind::Invalid,
        &[(
            "tiers[0].strong_label",
            "a tier with 'strong_from' needs a 'strong_label'",
        )],
    );
    bad_framework(
        "no-tiers",
        serde_json::to_string(&{
            let mut v: serde_json::Value = serde_json::from_str(FRAMEWORK).unwrap();
            v["tiers"] = serde_json::json!([]);
            v
        })
        .unwrap()
        .as_bytes(),
        ErrorKind::Invalid,
        &[("tiers", "0 tiers; a ladder needs 1 to 20")],
    );
}

#[test]
fn gate_on_unknown_ids() {
    bad_framework(
        "gate-benchmark",
        framework_with(r#"{"benchmark": "IC1""#, r#"{"benchmark": "IC3""#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "tiers[2].gates[0].benchmark",
            "gate on unknown benchmark 'IC3'; did you mean 'IC1'?",
        )],
    );
    bad_framework(
        "gate-dimension",
        framework_with(r#"{"dimension": "PR""#, r#"{"dimension": "RP""#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "tiers[2].gates[1].dimension",
            "gate on unknown dimension 'RP'; did you mean 'PR'?",
        )],
    );
    bad_framework(
        "gate-rating",
        framework_with(r#""at_least": "met"}"#, r#""at_least": "mett"}"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "tiers[2].gates[0].at_least",
            "unknown rating 'mett'; expected one of not_met, partially_met, met",
        )],
    );
    bad_framework(
        "gate-shape",
        framework_with(
            r#"{"benchmark": "IC1", "at_least": "met"}"#,
            r#"{"benchmark": "IC1", "at_least_percent": 50}"#,
        )
        .as_bytes(),
        ErrorKind::Invalid,
        &[(
            "tiers[2].gates[0]",
            "a gate is either {\"benchmark\", \"at_least\"} or {\"dimension\", \"at_least_percent\"}",
        )],
    );
}

#[test]
fn evidence_for_unknown_benchmark_suggests_the_nearest_id() {
    bad_assessment(
        "unknown-benchmark",
        assessment_with(r#""IC1": {"rating": "met""#, r#""IC7": {"rating": "met""#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "evidence.IC7",
            "evidence for unknown benchmark 'IC7'; did you mean 'IC1'?",
        )],
    );
    bad_assessment(
        "unknown-benchmark-far",
        assessment_with(
            r#""IC1": {"rating": "met""#,
            r#""Quality": {"rating": "met""#,
        )
        .as_bytes(),
        ErrorKind::Invalid,
        &[(
            "evidence.Quality",
            "evidence for unknown benchmark 'Quality'",
        )],
    );
}

#[test]
fn both_or_neither_rating_and_value() {
    bad_assessment(
        "both",
        assessment_with(r#"{"value": 62}"#, r#"{"value": 62, "rating": "met"}"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "evidence.IC2",
            "evidence for IC2 has both 'rating' and 'value'; give one",
        )],
    );
    bad_assessment(
        "neither",
        assessment_with(r#"{"value": 62}"#, r#"{"note": "forgot"}"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "evidence.IC2",
            "evidence for IC2 has neither 'rating' nor 'value'",
        )],
    );
}

#[test]
fn value_on_a_benchmark_without_rule_or_out_of_bounds() {
    bad_assessment(
        "value-without-rule",
        assessment_with(r#"{"rating": "partially_met"}"#, r#"{"value": 3}"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "evidence.PR1.value",
            "PR1 has no indicator rule, so it takes a 'rating', not a 'value'",
        )],
    );
    bad_assessment(
        "percent-out-of-bounds",
        assessment_with(r#"{"value": 62}"#, r#"{"value": 100.5}"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "evidence.IC2.value",
            "value 100.5 out of bounds [0, 100] for IC2 (unit percent)",
        )],
    );
    bad_assessment(
        "explicit-bounds",
        assessment_with(r#"{"value": 4.5,"#, r#"{"value": -101,"#).as_bytes(),
        ErrorKind::Invalid,
        &[(
            "evidence.PR2.value",
            "value -101 out of bounds [-100, 100] for PR2 (unit points)",
        )],
    );
}

#[test]
fn not_applicable_where_not_allowed() {
    bad_assessment(
        "not-applicable",
        assessment_with(
            r#"{"rating": "partially_met"}"#,
            r#"{"rating": "not_applicable", "note": "no programme"}"#,
        )
        .as_bytes(),
        ErrorKind::Invalid,
        &[("evidence.PR1.rating", "PR1 may not be rated not applicable")],
    );
}

#[test]
fn framework_mismatch() {
    bad_assessment(
        "id-mismatch",
        assessment_with(r#""id": "bad-input""#, r#""id": "undp-gender-seal-co""#).as_bytes(),
        ErrorKind::FrameworkMismatch,
        &[(
            "framework.id",
            "written for framework 'undp-gender-seal-co' but scored against 'bad-input'",
        )],
    );
    let other_version = assessment_with(r#""version": "1""#, r#""version": "2""#);
    bad_assessment(
        "version-mismatch",
        other_version.as_bytes(),
        ErrorKind::FrameworkMismatch,
        &[(
            "framework.version",
            "written for version '2' of 'bad-input' but the framework is version '1'; allow a version mismatch to score it anyway",
        )],
    );
    // Allowed explicitly, it scores with a warning.
    let fw = Framework::from_json(FRAMEWORK.as_bytes()).unwrap();
    let a = Assessment::from_json(other_version.as_bytes()).unwrap();
    let options = ScoreOptions {
        allow_version_mismatch: true,
        ..ScoreOptions::default()
    };
    let card = score(&fw, &a, &options).unwrap();
    assert_eq!(
        card.warnings()[0].message(gender_seal::i18n::Lang::EN, |id| id.to_string()),
        "assessment written for version '2', scored against version '1'"
    );
    let file = TempFile::new("version-allowed", other_version.as_bytes());
    let framework = TempFile::new("framework", FRAMEWORK.as_bytes());
    let out = assert_cmd::cargo::cargo_bin_cmd!("gender-seal")
        .args(["score", "--allow-version-mismatch", "--framework"])
        .args([framework.name(), file.name()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    // Without --framework, the framework named must be built in.
    let unknown = TempFile::new("not-built-in", ASSESSMENT.as_bytes());
    assert_cli_fails(
        &["score", &unknown.name()],
        &stderr_for(
            &unknown.name(),
            &[(
                "framework.id",
                "no built-in framework 'bad-input' version '1' (built in: undp-gender-seal-co 2021.1, undp-gender-seal-co 2021.2); give the framework file with --framework FILE",
            )],
        ),
    );
}

#[test]
fn empty_file() {
    for (name, bytes) in [("empty", &b""[..]), ("blank", &b" \n\t\n"[..])] {
        bad_framework(name, bytes, ErrorKind::Syntax, &[("", "document is empty")]);
        bad_assessment(name, bytes, ErrorKind::Syntax, &[("", "document is empty")]);
    }
}

#[test]
fn huge_file() {
    let mut huge = Vec::with_capacity(MAX_DOCUMENT_BYTES + 1);
    huge.extend_from_slice(b"{\"office\": \"");
    huge.resize(MAX_DOCUMENT_BYTES, b'x');
    huge.extend_from_slice(b"\"}");
    let library = [("", "document too large: 16777218 bytes, at most 16777216")];
    assert_error(
        &Framework::from_json(&huge).unwrap_err(),
        ErrorKind::Syntax,
        &library,
    );
    assert_error(
        &Assessment::from_json(&huge).unwrap_err(),
        ErrorKind::Syntax,
        &library,
    );
    // The CLI stops reading at the limit.
    let file = TempFile::new("huge", &huge);
    let read = [("", "document too large: more than 16777216 bytes")];
    assert_error(
        &Framework::from_path(&file.0).unwrap_err(),
        ErrorKind::Syntax,
        &read,
    );
    let stderr = stderr_for(&file.name(), &read);
    assert_cli_fails(&["validate", &file.name()], &stderr);
    assert_cli_fails(&["score", &file.name()], &stderr);
    // Exactly at the limit is read (and then judged on its content).
    huge.truncate(MAX_DOCUMENT_BYTES - 2);
    huge.extend_from_slice(b"\"}");
    let e = Assessment::from_json(&huge).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Format);
    assert_eq!(
        e.problems()[0].message,
        "missing field `framework` at line 1 column 16777216"
    );
}

#[test]
fn deeply_nested_json() {
    let depth = 100_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    bad_framework(
        "deep",
        deep.as_bytes(),
        ErrorKind::Format,
        &[(
            "",
            "invalid type: sequence, expected a framework object at line 1 column 0",
        )],
    );
    // Nested where a string is expected: stops at the first level.
    let deep_note = assessment_with(
        r#""note": "pay gap in points""#,
        &format!(
            r#""note": {}{}"#,
            r#"{"a": "#.repeat(depth),
            "}".repeat(depth)
        ),
    );
    bad_assessment(
        "deep-note",
        deep_note.as_bytes(),
        ErrorKind::Format,
        &[(
            "evidence.PR2.note",
            "invalid type: map, expected a string at line 9 column 34",
        )],
    );
    // Nested under an unknown field: the field is refused before its value is read.
    let deep_unknown = assessment_with(
        r#""period": "2024","#,
        &format!(
            r#""period": "2024", "extra": {}{},"#,
            "[".repeat(depth),
            "]".repeat(depth)
        ),
    );
    bad_assessment(
        "deep-unknown",
        deep_unknown.as_bytes(),
        ErrorKind::Format,
        &[(
            "extra",
            "unknown field `extra`, expected one of `framework`, `office`, `period`, `evidence`, `$schema` at line 4 column 27",
        )],
    );
}

#[test]
fn nothing_applicable_is_not_scorable() {
    // The built-in framework lets every benchmark be not applicable.
    let fw = Framework::builtin("undp-gender-seal-co", "2021.1").unwrap();
    let evidence: serde_json::Map<String, serde_json::Value> = fw
        .benchmarks()
        .iter()
        .map(|b| {
            (
                b.id.to_string(),
                serde_json::json!({"rating": "not_applicable", "note": "test"}),
            )
        })
        .collect();
    let doc = serde_json::json!({
        "framework": {"id": "undp-gender-seal-co", "version": "2021.1"},
        "office": "UNDP Nowhere (fictional)",
        "evidence": evidence,
    })
    .to_string();
    let expected = [(
        "evidence",
        "no applicable benchmark: every benchmark is rated not applicable, so there is no percentage",
    )];
    let a = Assessment::from_json(doc.as_bytes()).unwrap();
    assert_error(
        &score(&fw, &a, &ScoreOptions::default()).unwrap_err(),
        ErrorKind::NotScorable,
        &expected,
    );
    let file = TempFile::new("all-not-applicable", doc.as_bytes());
    assert_cli_fails(
        &["score", &file.name()],
        &stderr_for(&file.name(), &expected),
    );
}

#[test]
fn validation_reports_every_problem() {
    let bad = framework_with(r#""weight": 2,"#, r#""weight": 0,"#)
        .replacen(r#""credit": 1,"#, r#""credit": 1.5,"#, 1)
        .replacen(r#""min": 80"#, r#""min": 120"#, 1);
    bad_framework(
        "three-mistakes",
        bad.as_bytes(),
        ErrorKind::Invalid,
        &[
            (
                "rating_scale[2].credit",
                "credit 1.5 out of range: credits lie in [0, 1]",
            ),
            (
                "dimensions[0].benchmarks[1].weight",
                "weight 0 out of range: weights lie in (0, 1000000]",
            ),
            ("tiers[2].min", "min 120 out of range: [0, 100]"),
        ],
    );
    // Every bad evidence entry is reported too.
    let bad = assessment_with(r#""IC1": {"rating": "met""#, r#""IC7": {"rating": "met""#)
        .replacen(r#"{"value": 62}"#, r#"{"value": 620}"#, 1)
        .replacen(
            r#"{"rating": "partially_met"}"#,
            r#"{"rating": "not_applicable"}"#,
            1,
        );
    bad_assessment(
        "three-bad-entries",
        bad.as_bytes(),
        ErrorKind::Invalid,
        &[
            (
                "evidence.IC7",
                "evidence for unknown benchmark 'IC7'; did you mean 'IC1'?",
            ),
            (
                "evidence.IC2.value",
                "value 620 out of bounds [0, 100] for IC2 (unit percent)",
            ),
            ("evidence.PR1.rating", "PR1 may not be rated not applicable"),
        ],
    );
}
