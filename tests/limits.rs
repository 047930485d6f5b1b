//! Every limit of the SPEC (§2 and the file formats), for each file kind, at its bound (read)
//! and one step past it (refused, naming the JSON path and the limit).

use gender_seal::expect::Expectations;
use gender_seal::framework::{MAX_BENCHMARKS, MAX_DIMENSIONS, MAX_RATINGS, MAX_TIERS};
use gender_seal::plan::MAX_ACTIVITIES;
use gender_seal::{Assessment, Error, ErrorKind, Framework, MAX_DOCUMENT_BYTES, Plan};
use serde_json::{Value, json};

/// A framework of `dims` dimensions holding `benchmarks` benchmarks between them, `ratings`
/// ratings and `tiers` tiers.
fn framework(dims: usize, benchmarks: usize, ratings: usize, tiers: usize) -> Value {
    let scale: Vec<Value> = (0..ratings)
        .map(|r| {
            let credit = if r + 1 == ratings {
                "1".to_string()
            } else {
                format!("0.{r:02}")
            };
            json!({"id": format!("r{r}"), "credit": credit, "label": "r"})
        })
        .collect();
    let dimensions: Vec<Value> = (0..dims)
        .map(|d| {
            let list: Vec<Value> = (0..benchmarks)
                .filter(|b| b % dims == d)
                .map(|b| json!({"id": format!("B{b}"), "title": "b", "weight": 1}))
                .collect();
            json!({"id": format!("D{d}"), "title": "d", "benchmarks": list})
        })
        .collect();
    let ladder: Vec<Value> = (0..tiers)
        .map(|t| json!({"id": format!("t{t}"), "min": 1 + t * 4, "label": "t"}))
        .collect();
    json!({
        "id": "limits", "version": "1", "title": "Limits",
        "rating_scale": scale,
        "rounding": {"decimals": 0, "mode": "half_up"},
        "dimensions": dimensions,
        "tiers": ladder
    })
}

fn small() -> Value {
    framework(1, 2, 2, 1)
}

fn load_framework(v: &Value) -> gender_seal::Result<Framework> {
    Framework::from_json(v.to_string().as_bytes())
}

/// The error's problems as `(path, message)`.
fn problems(e: &Error) -> Vec<(String, String)> {
    e.problems()
        .iter()
        .map(|p| (p.location.to_string(), p.message.clone()))
        .collect()
}

/// `result` failed with a problem at `path` whose message contains `needle`.
fn refused<T>(result: gender_seal::Result<T>, path: &str, needle: &str) {
    let Err(e) = result else {
        panic!("accepted past its limit: {path} ({needle})");
    };
    assert!(
        problems(&e)
            .iter()
            .any(|(p, m)| p == path && m.contains(needle)),
        "{path}: {needle}: got {:?}",
        problems(&e).into_iter().take(3).collect::<Vec<_>>()
    );
}

fn read<T>(result: gender_seal::Result<T>, what: &str) -> T {
    result.unwrap_or_else(|e| panic!("{what} refused at its bound: {e}"))
}

#[test]
fn framework_counts() {
    read(
        load_framework(&framework(1, MAX_BENCHMARKS, 2, 1)),
        "benchmarks",
    );
    refused(
        load_framework(&framework(1, MAX_BENCHMARKS + 1, 2, 1)),
        "dimensions",
        "10001 benchmarks, at most 10000",
    );
    read(
        load_framework(&framework(MAX_DIMENSIONS, MAX_DIMENSIONS, 2, 1)),
        "dimensions",
    );
    refused(
        load_framework(&framework(MAX_DIMENSIONS + 1, MAX_DIMENSIONS + 1, 2, 1)),
        "dimensions",
        "101 dimensions, at most 100",
    );
    read(load_framework(&framework(1, 2, MAX_RATINGS, 1)), "ratings");
    refused(
        load_framework(&framework(1, 2, MAX_RATINGS + 1, 1)),
        "rating_scale",
        "21 ratings; it needs 2 to 20",
    );
    read(load_framework(&framework(1, 2, 2, MAX_TIERS)), "tiers");
    refused(
        load_framework(&framework(1, 2, 2, MAX_TIERS + 1)),
        "tiers",
        "21 tiers; a ladder needs 1 to 20",
    );
}

#[test]
fn framework_numbers() {
    let weight = |w: Value| {
        let mut f = small();
        f["dimensions"][0]["benchmarks"][0]["weight"] = w;
        load_framework(&f)
    };
    let at = "dimensions[0].benchmarks[0].weight";
    read(weight(json!("1000000")), "weight 1,000,000");
    read(weight(json!("0.000001")), "weight 0.000001");
    refused(weight(json!("1000000.000001")), at, "1000000.000001");
    refused(weight(json!("0")), at, "weight");
    refused(weight(json!("0.0000001")), at, "at most 6 decimal places");
    refused(
        weight(json!("1234567890123")),
        at,
        "at most 12 integer digits",
    );
    let credit = |c: &str| {
        let mut f = small();
        f["rating_scale"][0]["credit"] = json!(c);
        load_framework(&f)
    };
    read(credit("0"), "credit 0");
    read(credit("0.999999"), "credit 0.999999");
    refused(credit("-0.000001"), "rating_scale[0].credit", "-0.000001");
    refused(credit("1.000001"), "rating_scale[0].credit", "1.000001");
    let tier_min = |m: &str| {
        let mut f = small();
        f["tiers"][0]["min"] = json!(m);
        load_framework(&f)
    };
    read(tier_min("100"), "tier min 100");
    refused(tier_min("100.000001"), "tiers[0].min", "100.000001");
    let gate = |pct: &str| {
        let mut f = small();
        f["tiers"][0]["gates"] = json!([{"dimension": "D0", "at_least_percent": pct}]);
        load_framework(&f)
    };
    read(gate("0"), "gate 0 %");
    read(gate("100"), "gate 100 %");
    refused(
        gate("100.000001"),
        "tiers[0].gates[0].at_least_percent",
        "out of range: [0, 100]",
    );
    refused(
        gate("-0.000001"),
        "tiers[0].gates[0].at_least_percent",
        "out of range: [0, 100]",
    );
    let bounds = |lo: &str, hi: &str| {
        let mut f = small();
        f["dimensions"][0]["benchmarks"][0]["rule"] = json!({
            "unit": "percent", "ladder": [{"at_least": 50, "rating": "r1"}],
            "otherwise": "r0", "bounds": [lo, hi]
        });
        load_framework(&f)
    };
    read(bounds("0", "100"), "percent bounds [0, 100]");
    refused(
        bounds("0", "100.000001"),
        "dimensions[0].benchmarks[0].rule.bounds",
        "exceed [0, 100]",
    );
}

#[test]
fn ids() {
    let id = |s: String| {
        let mut f = small();
        f["dimensions"][0]["benchmarks"][0]["id"] = json!(s);
        load_framework(&f)
    };
    read(id("a".repeat(64)), "64-character id");
    refused(
        id("a".repeat(65)),
        "dimensions[0].benchmarks[0].id",
        "ids are 1 to 64",
    );
}

fn assessment(evidence: Value) -> Value {
    json!({"framework": {"id": "limits", "version": "1"}, "office": "O", "period": "1",
           "evidence": evidence})
}

fn score_value(value: &str, bounds: [&str; 2]) -> gender_seal::Result<()> {
    let mut f = small();
    f["dimensions"][0]["benchmarks"][0]["rule"] = json!({
        "unit": "points", "ladder": [{"at_least": 5, "rating": "r1"}],
        "otherwise": "r0", "bounds": bounds
    });
    let fw = load_framework(&f)?;
    let a = Assessment::from_json(
        assessment(json!({"B0": {"value": value}}))
            .to_string()
            .as_bytes(),
    )?;
    gender_seal::score(&fw, &a, &gender_seal::ScoreOptions::default()).map(|_| ())
}

#[test]
fn assessment_values() {
    let wide = ["-999999999999.999999", "999999999999.999999"];
    read(score_value("999999999999.999999", wide), "largest value");
    read(score_value("-999999999999.999999", wide), "smallest value");
    read(score_value("0.000001", wide), "finest value");
    refused(
        score_value("1000000000000", wide),
        "evidence.B0.value",
        "at most 12 integer digits",
    );
    refused(
        score_value("0.0000001", wide),
        "evidence.B0.value",
        "at most 6 decimal places",
    );
    // The rule's bounds, at and one millionth past.
    read(score_value("100", ["0", "100"]), "value at the upper bound");
    read(score_value("0", ["0", "100"]), "value at the lower bound");
    refused(
        score_value("100.000001", ["0", "100"]),
        "evidence.B0.value",
        "100.000001",
    );
    refused(
        score_value("-0.000001", ["0", "100"]),
        "evidence.B0.value",
        "-0.000001",
    );
}

#[test]
fn document_size_and_depth() {
    // Exactly the size limit is read; one byte more is refused.
    let padded = |extra: usize| {
        let mut doc =
            br#"{"framework": {"id": "limits", "version": "1"}, "period": "1", "evidence": {}, "office": ""#
                .to_vec();
        let pad = MAX_DOCUMENT_BYTES - doc.len() - 2 + extra;
        doc.resize(doc.len() + pad, b'x');
        doc.extend_from_slice(b"\"}");
        doc
    };
    assert_eq!(padded(0).len(), MAX_DOCUMENT_BYTES);
    read(
        Assessment::from_json(&padded(0)),
        "a document of exactly 16 MiB",
    );
    refused(Assessment::from_json(&padded(1)), "", "document too large");
    let fw = read(load_framework(&small()), "framework");
    let plan_of = |doc: Vec<u8>| {
        // The same padding as a plan: `office` is last in both.
        let (from, to) = (
            r#""period": "1", "evidence": {}, "#,
            r#""activities": [], "#,
        );
        let to = format!("{to:<width$}", width = from.len());
        let text = String::from_utf8_lossy(&doc).replacen(from, &to, 1);
        assert_eq!(text.len(), doc.len());
        Plan::from_json(text.as_bytes(), &fw)
    };
    read(plan_of(padded(0)), "a plan of exactly 16 MiB");
    refused(plan_of(padded(1)), "", "document too large");
    // Nesting: the readers refuse a wrong type before descending, and serde_json's limit of
    // 128 levels stops the rest; either way an error, never a stack overflow.
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    for n in [127, 128, 129, 100_000] {
        assert!(Assessment::from_json(deep(n).as_bytes()).is_err(), "{n}");
        assert!(Framework::from_json(deep(n).as_bytes()).is_err(), "{n}");
    }
}

fn plan(activities: usize, cost: &str, budget: &str) -> Value {
    let list: Vec<Value> = (0..activities)
        .map(|i| {
            json!({"id": format!("A{i}"), "title": "a", "cost": cost,
                        "effects": [{"benchmark": "B0", "rating": "r1"}]})
        })
        .collect();
    json!({"framework": {"id": "limits", "version": "1"}, "office": "O", "budget": budget,
           "activities": list})
}

#[test]
fn plan_limits() {
    let fw = read(load_framework(&small()), "framework");
    let load = |v: Value| Plan::from_json(v.to_string().as_bytes(), &fw);
    read(load(plan(MAX_ACTIVITIES, "1", "1")), "64 activities");
    refused(
        load(plan(MAX_ACTIVITIES + 1, "1", "1")),
        "activities",
        "65 activities",
    );
    read(load(plan(1, "999999999999.999999", "0")), "largest cost");
    refused(
        load(plan(1, "1000000000000", "0")),
        "activities[0].cost",
        "at most 12 integer digits",
    );
    refused(
        load(plan(1, "0.0000001", "0")),
        "activities[0].cost",
        "at most 6 decimal places",
    );
    read(load(plan(1, "0", "0")), "cost and budget 0");
    refused(
        load(plan(1, "-0.000001", "0")),
        "activities[0].cost",
        "negative",
    );
    refused(load(plan(1, "0", "-0.000001")), "budget", "negative");
    let id = |s: String| {
        let mut p = plan(1, "1", "1");
        p["activities"][0]["id"] = json!(s);
        load(p)
    };
    read(id("a".repeat(64)), "64-character activity id");
    refused(id("a".repeat(65)), "activities[0].id", "ids are 1 to 64");
}

#[test]
fn expectation_limits() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("limits");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, v: &Value| {
        std::fs::write(dir.join(name), v.to_string()).unwrap_or_else(|e| panic!("{e}"));
    };
    write("fw.json", &small());
    write("a.json", &assessment(json!({"B0": {"rating": "r1"}})));
    let check = |expect: Value| -> gender_seal::Result<()> {
        let file = json!({"framework": "fw.json",
                          "cases": [{"name": "c", "assessment": "a.json", "expect": expect}]});
        let e = Expectations::from_json(file.to_string().as_bytes())?;
        gender_seal::expect::check(&e, &dir, "e.json").map(|_| ())
    };
    read(check(json!({"percentage": "100"})), "percentage 100");
    read(
        check(json!({"percentage": "0.0001"})),
        "percentage with 4 decimals",
    );
    refused(
        check(json!({"percentage": "0.00001"})),
        "cases[0].expect.percentage",
        "more than 4 decimal places",
    );
    refused(
        check(json!({"percentage": "0.0000001"})),
        "cases[0].expect.percentage",
        "at most 6 decimal places",
    );
    read(
        check(json!({"percentage_rounded": "74"})),
        "rounded to 0 decimals",
    );
    refused(
        check(json!({"percentage_rounded": "74.5"})),
        "cases[0].expect.percentage_rounded",
        "more than 0 decimal places",
    );
    assert_eq!(
        check(json!({"tier": "t9"})).map_err(|e| e.kind()),
        Err(ErrorKind::Invalid)
    );
}
