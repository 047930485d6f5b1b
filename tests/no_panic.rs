//! Never panic on arbitrary input: arbitrary bytes, arbitrary JSON values, and randomly
//! mutated real fixtures and generated frameworks go through `Framework::from_json`,
//! `Assessment::from_json` and `score`; plans through `Plan::from_json`, the planner's every
//! question and the plan reports; expectation files through `Expectations::from_json`. Each
//! returns `Ok` or `Err`, and an `Err` names at least one problem.

mod model;

use gender_seal::expect::Expectations;
use gender_seal::plan::{Question, Views};
use gender_seal::{
    Assessment, Error, Format, Framework, Plan, Planner, Rank, ScoreOptions, report, score,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

const FRAMEWORKS: &[&str] = &[
    include_str!("../benchmarks/undp-co-2021.json"),
    include_str!("../benchmarks/undp-co-2021-by-dimension.json"),
    include_str!("../benchmarks/tiny-boundary.json"),
];

const ASSESSMENTS: &[&str] = &[
    include_str!("../fixtures/mali-2020.json"),
    include_str!("../fixtures/gold-office.json"),
    include_str!("../fixtures/bronze-office.json"),
    include_str!("../fixtures/no-tier-office.json"),
    include_str!("../fixtures/gated-office.json"),
    include_str!("../fixtures/many-na-office.json"),
    include_str!("../fixtures/ee3-floor-office.json"),
    include_str!("../fixtures/by-dimension-office.json"),
    include_str!("../fixtures/boundary-half.json"),
    include_str!("../fixtures/boundary-below-half.json"),
];

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

fn check(e: &Error) {
    assert!(!e.problems().is_empty());
    assert!(e.problems().iter().all(|p| !p.message.is_empty()));
    let _ = e.to_string();
}

/// Loads both kinds of document from the bytes and scores whatever loads, against every
/// framework that loads (never panicking is the property; errors must say something).
fn exercise(framework: &[u8], assessment: &[u8]) {
    let fw = Framework::from_json(framework);
    let a = Assessment::from_json(assessment);
    let builtin = Framework::from_json(FRAMEWORKS[0].as_bytes()).unwrap();
    match (&fw, &a) {
        (Err(e), _) | (_, Err(e)) => check(e),
        _ => {}
    }
    if let Ok(a) = &a {
        for fw in [fw.as_ref().ok(), Some(&builtin)].into_iter().flatten() {
            for allow in [false, true] {
                let options = ScoreOptions {
                    allow_version_mismatch: allow,
                    lang: gender_seal::i18n::Lang::FR,
                };
                match score(fw, a, &options) {
                    Ok(card) => {
                        let _ = serde_json::to_string(&card).unwrap();
                        for format in [Format::Text, Format::Markdown, Format::Html] {
                            let _ = report::scorecard(&card, format);
                        }
                    }
                    Err(e) => check(&e),
                }
            }
        }
    }
}

const MALI_PLAN: &str = include_str!("../fixtures/mali-2021-plan.json");
const EXPECTATIONS: &str = include_str!("../fixtures/expectations.json");

/// Loads the bytes as a plan for the built-in framework and, when it loads, asks every
/// question with every view over the baseline (a fixture, or the bytes themselves when they
/// load as an assessment) and renders each answer in every format.
fn exercise_plan(plan: &[u8], baseline: &[u8]) {
    let fw = Framework::from_json(FRAMEWORKS[0].as_bytes()).unwrap();
    let _ = Expectations::from_json(plan).map_err(|e| check(&e));
    let plan = match Plan::from_json(plan, &fw) {
        Ok(plan) => plan,
        Err(e) => return check(&e),
    };
    let baseline = match Assessment::from_json(baseline) {
        Ok(a) => a,
        Err(e) => return check(&e),
    };
    // A small work budget keeps a hard generated plan quick: running out gives the best set
    // found (optimal: false), never a panic.
    let planner = match Planner::new(&fw, &baseline, &plan) {
        Ok(p) => p.with_limit(gender_seal::plan::Limit::Work(200_000)),
        Err(e) => return check(&e),
    };
    let questions = [
        Question::Cheapest(Rank::parse_target(&fw, "gold", gender_seal::i18n::Lang::EN).unwrap()),
        Question::Cheapest(
            Rank::parse_target(&fw, "silver:strong", gender_seal::i18n::Lang::EN).unwrap(),
        ),
        Question::Best(None),
        Question::Best(Some("0".parse().unwrap())),
        Question::WholePlan,
        Question::Committed,
    ];
    let views = Views {
        timeline: true,
        marginal: true,
    };
    for q in questions {
        match planner.what_if(q, views, gender_seal::i18n::Lang::FR) {
            Ok(w) => {
                for format in Format::ALL.iter().copied().filter(|f| !f.is_binary()) {
                    let _ = report::what_if(&w, &plan, &fw, format);
                }
            }
            Err(e) => check(&e),
        }
    }
}

/// Bytes that look a little like JSON.
fn jsonish_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop::sample::select(b"{}[]\":,0123456789.eE+- \nabtrunlsf\\".to_vec()),
        0..256,
    )
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes(bytes in prop_oneof![prop::collection::vec(any::<u8>(), 0..512), jsonish_bytes()]) {
        exercise(&bytes, &bytes);
        exercise_plan(&bytes, ASSESSMENTS[0].as_bytes());
    }
}

/// Keys the documents use, so that random objects get past the first unknown field.
const KEYS: &[&str] = &[
    "id",
    "version",
    "title",
    "description",
    "source",
    "rating_scale",
    "credit",
    "label",
    "aggregation",
    "rounding",
    "decimals",
    "mode",
    "dimensions",
    "benchmarks",
    "weight",
    "rule",
    "unit",
    "ladder",
    "at_least",
    "at_most",
    "rating",
    "otherwise",
    "bounds",
    "allow_not_applicable",
    "guidance",
    "verification",
    "tiers",
    "min",
    "strong_from",
    "strong_label",
    "gates",
    "benchmark",
    "dimension",
    "at_least_percent",
    "framework",
    "office",
    "period",
    "evidence",
    "value",
    "note",
    "sources",
    "en",
    "fr",
    "IC1",
    "MS1",
    "T1",
    "currency",
    "budget",
    "activities",
    "cost",
    "quarter",
    "committed",
    "effects",
    "cases",
    "name",
    "assessment",
    "expect",
    "percentage",
    "percentage_rounded",
    "tier",
    "strong",
    "blocked",
    "allow_version_mismatch",
];

/// Numbers and strings at the edges of every limit.
fn edge_value() -> impl Strategy<Value = Value> {
    let numbers = [
        "0",
        "-0",
        "1",
        "-1",
        "0.5",
        "100",
        "100.000001",
        "99.999999",
        "1000000",
        "1000000.000001",
        "0.000001",
        "0.0000001",
        "123456789012",
        "1234567890123",
        "1e2",
        "1e-6",
        "1e-7",
        "1e13",
        "1e400",
        "-1e400",
        "1e-400",
        "1E+999999999999999",
        "18446744073709551616",
        "3.5e0",
    ];
    let strings = [
        "",
        " ",
        "met",
        "not_met",
        "partially_met",
        "not_applicable",
        "flat",
        "by_dimension",
        "half_up",
        "half_even",
        "down",
        "percent",
        "undp-gender-seal-co",
        "2021.1",
        "0.5",
        "1e2",
        "x.",
        "IC1",
        "é",
        "\u{0}",
        "gold",
        "silver:strong",
    ];
    prop_oneof![
        prop::sample::select(numbers.to_vec()).prop_map(number),
        prop::sample::select(strings.to_vec()).prop_map(|s| Value::String(s.into())),
        prop::sample::select(numbers.to_vec()).prop_map(|s| Value::String(s.into())),
    ]
}

/// Marks a JSON number token inside a `Value` string: `serde_json::Value` without
/// `arbitrary_precision` cannot hold `1e400` or keep `0.30` as written, so number leaves are
/// strings with this prefix, written back as bare tokens by [`to_json`].
const NUMBER_MARK: &str = "\u{1}#";

fn number(token: &str) -> Value {
    Value::String(format!("{NUMBER_MARK}{token}"))
}

/// The JSON text of a value, number leaves ([`number`]) as bare tokens.
fn to_json(v: &Value) -> Result<Vec<u8>, serde_json::Error> {
    let text = serde_json::to_string(v)?;
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("\"\\u0001#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 8..];
        let end = after.find('"').unwrap_or(after.len());
        out.push_str(&after[..end]);
        rest = after.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out.into_bytes())
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        edge_value(),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        let key = prop_oneof![
            4 => prop::sample::select(KEYS.to_vec()).prop_map(String::from),
            1 => "[a-z_]{0,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_json_values(v in json_value()) {
        let bytes = to_json(&v).unwrap();
        exercise(&bytes, &bytes);
        exercise_plan(&bytes, ASSESSMENTS[0].as_bytes());
    }
}

/// JSON Pointers of every node below the root.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match v {
        Value::Object(m) => m
            .iter()
            .map(|(k, c)| (k.replace('~', "~0").replace('/', "~1"), c))
            .collect(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, c)| (i.to_string(), c))
            .collect(),
        _ => return,
    };
    for (k, c) in children {
        let p = format!("{at}/{k}");
        out.push(p.clone());
        pointers(c, p, out);
    }
}

/// One random edit at one node: delete it, replace it by an edge value or a random value,
/// or misspell its key.
#[derive(Debug, Clone)]
enum Edit {
    Delete,
    Edge(Value),
    Random(Value),
    Rename,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => Just(Edit::Delete),
        3 => edge_value().prop_map(Edit::Edge),
        2 => json_value().prop_map(Edit::Random),
        1 => Just(Edit::Rename),
    ]
}

fn mutate(doc: &mut Value, edits: &[(Index, Edit)]) {
    for (at, edit) in edits {
        let mut all = Vec::new();
        pointers(doc, String::new(), &mut all);
        if all.is_empty() {
            return;
        }
        let ptr = &all[at.index(all.len())];
        let (parent, key) = ptr.rsplit_once('/').unwrap_or(("", ptr));
        let key = key.replace("~1", "/").replace("~0", "~");
        match edit {
            Edit::Edge(v) | Edit::Random(v) => {
                if let Some(node) = doc.pointer_mut(ptr) {
                    *node = v.clone();
                }
            }
            Edit::Delete | Edit::Rename => match doc.pointer_mut(parent) {
                Some(Value::Object(m)) => {
                    if let Some(v) = m.remove(&key)
                        && matches!(edit, Edit::Rename)
                    {
                        m.insert(format!("{key}x"), v);
                    }
                }
                Some(Value::Array(a)) => {
                    if let Ok(i) = key.parse::<usize>()
                        && i < a.len()
                    {
                        a.remove(i);
                    }
                }
                _ => {}
            },
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Mutated real frameworks and assessments.
    #[test]
    fn mutated_fixtures(
        fw_pick in any::<Index>(),
        a_pick in any::<Index>(),
        fw_edits in prop::collection::vec((any::<Index>(), edit()), 0..4),
        a_edits in prop::collection::vec((any::<Index>(), edit()), 0..4),
    ) {
        let mut fw: Value = serde_json::from_str(FRAMEWORKS[fw_pick.index(FRAMEWORKS.len())]).unwrap();
        let mut a: Value = serde_json::from_str(ASSESSMENTS[a_pick.index(ASSESSMENTS.len())]).unwrap();
        mutate(&mut fw, &fw_edits);
        mutate(&mut a, &a_edits);
        exercise(&to_json(&fw).unwrap(), &to_json(&a).unwrap());
    }

    /// The Mali plan and an expectations file, mutated, over a baseline fixture (mutated too).
    #[test]
    fn mutated_plans_and_expectations(
        a_pick in any::<Index>(),
        plan_edits in prop::collection::vec((any::<Index>(), edit()), 0..4),
        a_edits in prop::collection::vec((any::<Index>(), edit()), 0..2),
        e_edits in prop::collection::vec((any::<Index>(), edit()), 1..4),
    ) {
        let mut plan: Value = serde_json::from_str(MALI_PLAN).unwrap();
        let mut a: Value = serde_json::from_str(ASSESSMENTS[a_pick.index(ASSESSMENTS.len())]).unwrap();
        let mut e: Value = serde_json::from_str(EXPECTATIONS).unwrap();
        mutate(&mut plan, &plan_edits);
        mutate(&mut a, &a_edits);
        mutate(&mut e, &e_edits);
        exercise_plan(&to_json(&plan).unwrap(), &to_json(&a).unwrap());
        exercise_plan(&to_json(&e).unwrap(), ASSESSMENTS[0].as_bytes());
    }

    /// Mutated generated frameworks, with their own assessments (mutated too).
    #[test]
    fn mutated_generated_documents(
        (fw, a) in model::framework_and_assessment(),
        fw_edits in prop::collection::vec((any::<Index>(), edit()), 1..4),
        a_edits in prop::collection::vec((any::<Index>(), edit()), 0..3),
    ) {
        let mut fw_json = model::framework_json(&fw);
        let mut a_json = model::assessment_json(&fw, &a);
        mutate(&mut fw_json, &fw_edits);
        mutate(&mut a_json, &a_edits);
        exercise(&model::bytes(&fw_json), &model::bytes(&a_json));
    }
}

#[test]
fn pathological_documents() {
    let deep_array = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let deep_object = format!("{}1{}", "{\"id\":".repeat(200_000), "}".repeat(200_000));
    let unclosed = "[".repeat(200_000);
    let long_number = format!("{{\"weight\": 1{}}}", "0".repeat(100_000));
    let long_fraction = format!("{{\"weight\": 0.{}1}}", "0".repeat(100_000));
    let long_exponent = format!("{{\"weight\": 1e{}}}", "9".repeat(100_000));
    for doc in [
        deep_array,
        deep_object,
        unclosed,
        long_number,
        long_fraction,
        long_exponent,
        "\u{feff}".to_string(),
        "\u{feff}{}".to_string(),
        "null".to_string(),
        "\"\\ud800\"".to_string(),
    ] {
        exercise(doc.as_bytes(), doc.as_bytes());
        exercise_plan(doc.as_bytes(), doc.as_bytes());
    }
}
