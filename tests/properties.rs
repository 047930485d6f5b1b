//! Laws of the scoring engine, on random valid frameworks and assessments (see `model/`):
//! bounds, agreement with an exact reference, monotonicity, not applicable = removed, order
//! independence, exact rounding at and around halves, JSON round-trips.

mod model;

use gender_seal::score::{BenchmarkResult, DimensionResult, TierResult, TierShortfall};
use gender_seal::{
    Assessment, ErrorKind, Format, Framework, Number, Rank, ScoreOptions, Scorecard, score,
};
use model::{As, Bench, Dim, Ev, Fw, M, Mode, Style, TierM};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use rust_decimal::Decimal;
use serde_json::Value;

fn load(fw: &Fw) -> Framework {
    let json = model::framework_json(fw);
    Framework::from_json(&model::bytes(&json))
        .unwrap_or_else(|e| panic!("generated framework rejected: {e}\n{json:#}"))
}

/// Scores the model's assessment against its framework and reads the scorecard with `read`.
fn run<T>(fw: &Fw, a: &As, read: impl FnOnce(&Scorecard) -> T) -> Result<T, gender_seal::Error> {
    let framework = load(fw);
    let assessment = Assessment::from_json(&model::bytes(&model::assessment_json(fw, a)))?;
    score(&framework, &assessment, &ScoreOptions::default()).map(|card| read(&card))
}

/// The scorecard's whole JSON document.
fn document(card: &Scorecard) -> Value {
    serde_json::to_value(card).unwrap()
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

/// The scorecard agrees with the model's exact reference in every figure it reports.
fn check_against_reference(fw: &Fw, a: &As) -> Result<(), TestCaseError> {
    let Some(exp) = model::expected(fw, a) else {
        let e = run(fw, a, |_| ()).expect_err("nothing applicable must not score");
        prop_assert_eq!(e.kind(), ErrorKind::NotScorable);
        return Ok(());
    };
    run(fw, a, |card| agrees_with_reference(card, fw, &exp))
        .map_err(|e| TestCaseError::fail(e.to_string()))?
}

fn agrees_with_reference(
    card: &Scorecard,
    fw: &Fw,
    exp: &model::Expected,
) -> Result<(), TestCaseError> {
    let hundred = Decimal::from(100);
    prop_assert!(card.percentage() >= Decimal::ZERO && card.percentage() <= hundred);
    prop_assert!(
        card.percentage_rounded() >= Decimal::ZERO && card.percentage_rounded() <= hundred
    );
    prop_assert_eq!(card.percentage(), model::round(&exp.p, 4, Mode::HalfEven));
    prop_assert_eq!(card.percentage_rounded(), exp.official);
    for (d, pd) in card.dimensions().zip(&exp.dims) {
        let want = pd.as_ref().map(|p| model::round(p, 4, Mode::HalfEven));
        prop_assert_eq!(d.percentage, want, "dimension {}", d.id);
        if let Some(p) = d.percentage {
            prop_assert!(p >= Decimal::ZERO && p <= hundred);
        }
    }
    let tier = card.tier().map(|t| t.id.to_string());
    prop_assert_eq!(tier, exp.tier.map(|t| fw.tiers[t].id.clone()));
    prop_assert_eq!(card.tier().is_some_and(|t| t.strong), exp.strong);
    prop_assert_eq!(
        card.rank(),
        Rank {
            level: exp.tier.map_or(0, |t| t + 1),
            strong: exp.strong
        }
    );
    let blocked: Vec<String> = card.blocked().iter().map(|b| b.id.to_string()).collect();
    let want: Vec<String> = exp
        .blocked
        .iter()
        .map(|&t| fw.tiers[t].id.clone())
        .collect();
    prop_assert_eq!(blocked, want);
    let next = card.next().map(|n| (n.id.to_string(), n.points_missing));
    prop_assert_eq!(
        next,
        exp.next
            .map(|(t, missing)| (fw.tiers[t].id.clone(), missing))
    );
    for (b, r) in card.benchmarks().zip(&exp.ratings) {
        let want = r.map_or("not_applicable".to_string(), |r| fw.rating_id(r));
        prop_assert_eq!(&*b.rating, want.as_str(), "benchmark {}", b.id);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(192))]

    /// Score in [0, 100], and every reported figure equals the exact reference's.
    #[test]
    fn scores_agree_with_the_exact_reference((fw, a) in model::framework_and_assessment()) {
        check_against_reference(&fw, &a)?;
    }
}

/// The evidence with benchmark `id` rated `rating` directly.
fn with_rating(a: &As, id: &str, rating: Ev) -> As {
    let mut evidence: Vec<_> = a
        .evidence
        .iter()
        .filter(|(b, _, _)| b != id)
        .cloned()
        .collect();
    evidence.push((id.to_string(), rating, Some("set by the test".into())));
    As { evidence }
}

proptest! {
    #![proptest_config(config(128))]

    /// Rating a benchmark higher never lowers the exact percentage, the official one, nor the
    /// rank.
    #[test]
    fn rating_higher_never_lowers_score_or_rank(
        (fw, a) in model::framework_and_assessment(),
        pick in any::<Index>(),
        step in any::<Index>(),
    ) {
        let ratings = model::ratings(&fw, &a);
        let applicable: Vec<usize> = (0..ratings.len()).filter(|&i| ratings[i].is_some()).collect();
        prop_assume!(!applicable.is_empty());
        let i = applicable[pick.index(applicable.len())];
        let current = ratings[i].unwrap_or(0);
        let higher = current + step.index(fw.credits.len() - current);
        let id = fw.benchmarks().nth(i).map(|(_, b)| b.id.clone()).unwrap_or_default();
        let raised = with_rating(&a, &id, Ev::Rated(higher));
        let headline = |c: &Scorecard| (c.percentage(), c.percentage_rounded(), c.rank());
        let (before, after) = (run(&fw, &a, headline).unwrap(), run(&fw, &raised, headline).unwrap());
        let (p0, p1) = (model::expected(&fw, &a).unwrap().p, model::expected(&fw, &raised).unwrap().p);
        prop_assert!(p1 >= p0);
        prop_assert!(after.0 >= before.0);
        prop_assert!(after.1 >= before.1);
        prop_assert!(after.2 >= before.2, "{} then {}", before.2, after.2);
    }
}

/// `fw` without the benchmarks for which `remove` holds, and without dimensions left empty.
fn without(fw: &Fw, remove: impl Fn(&Bench) -> bool) -> Fw {
    let mut out = fw.clone();
    out.dims = fw
        .dims
        .iter()
        .map(|d| Dim {
            benchmarks: d
                .benchmarks
                .iter()
                .filter(|b| !remove(b))
                .cloned()
                .collect(),
            ..d.clone()
        })
        .filter(|d| !d.benchmarks.is_empty())
        .collect();
    out
}

/// Same result, up to the removed benchmarks and dimensions: `full` scored with them not
/// applicable, `reduced` scored without them (the scorecards' JSON documents).
fn assert_same_up_to_removed(
    full: Result<Value, gender_seal::Error>,
    reduced: Result<Value, gender_seal::Error>,
    reduced_fw: &Fw,
) -> Result<(), TestCaseError> {
    let (full, reduced) = match (full, reduced) {
        (Err(a), Err(b)) => {
            prop_assert_eq!(a.kind(), ErrorKind::NotScorable);
            prop_assert_eq!(b.kind(), ErrorKind::NotScorable);
            return Ok(());
        }
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => return Err(TestCaseError::fail(format!("{a:?}\nversus\n{b:?}"))),
    };
    let kept_bench = |id: &str| reduced_fw.bench(id).is_some();
    let kept_dim = |id: &str| reduced_fw.dims.iter().any(|d| d.id == id);
    let id = |v: &Value| v["id"].as_str().unwrap_or_default().to_string();
    let mut expected = full.clone();
    let list = |doc: &mut Value, key: &str| std::mem::take(doc[key].as_array_mut().unwrap());
    let benchmarks = list(&mut expected, "benchmarks");
    expected["benchmarks"] = benchmarks
        .into_iter()
        .filter(|b| kept_bench(&id(b)))
        .collect();
    let mut dimensions = list(&mut expected, "dimensions");
    dimensions.retain(|d| kept_dim(&id(d)));
    for (d, m) in dimensions.iter_mut().zip(&reduced_fw.dims) {
        d["benchmarks"] = m.benchmarks.len().into();
    }
    expected["dimensions"] = dimensions.into();
    prop_assert_eq!(expected, reduced);
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    /// Rating a benchmark not applicable is the same as removing it from the framework.
    #[test]
    fn not_applicable_is_the_same_as_removed(
        (fw, a) in model::framework_and_assessment(),
        pick in any::<Index>(),
    ) {
        let gated = fw.gated_benchmarks();
        let gated_dims = fw.gated_dimensions();
        let candidates: Vec<&Bench> = fw
            .benchmarks()
            .filter(|(d, b)| {
                b.allow_na
                    && !gated.contains(&b.id.as_str())
                    && (fw.dims[*d].benchmarks.len() > 1 || !gated_dims.contains(&fw.dims[*d].id.as_str()))
            })
            .map(|(_, b)| b)
            .collect();
        prop_assume!(!candidates.is_empty() && fw.benchmarks().count() > 1);
        let id = candidates[pick.index(candidates.len())].id.clone();
        let reduced = without(&fw, |b| b.id == id);
        let na = with_rating(&a, &id, Ev::NotApplicable);
        let dropped = As { evidence: a.evidence.iter().filter(|(b, _, _)| *b != id).cloned().collect() };
        assert_same_up_to_removed(run(&fw, &na, document), run(&reduced, &dropped, document), &reduced)?;
    }

    /// With by_dimension aggregation, a dimension whose benchmarks are all not applicable is
    /// the same as a framework without that dimension.
    #[test]
    fn a_dimension_all_not_applicable_is_the_same_as_removed(
        (fw, a) in model::framework_and_assessment(),
        pick in any::<Index>(),
        weights in prop::collection::vec(1..=5i64, 4),
    ) {
        let mut fw = fw;
        fw.by_dimension = true;
        for (d, w) in fw.dims.iter_mut().zip(&weights) {
            d.weight = Some(w * M);
        }
        let gated = fw.gated_benchmarks();
        let gated_dims = fw.gated_dimensions();
        let candidates: Vec<&Dim> = fw
            .dims
            .iter()
            .filter(|d| {
                !gated_dims.contains(&d.id.as_str())
                    && d.benchmarks.iter().all(|b| b.allow_na && !gated.contains(&b.id.as_str()))
            })
            .collect();
        prop_assume!(!candidates.is_empty() && fw.dims.len() > 1);
        let dim = candidates[pick.index(candidates.len())].clone();
        let ids: Vec<&str> = dim.benchmarks.iter().map(|b| b.id.as_str()).collect();
        let reduced = without(&fw, |b| ids.contains(&b.id.as_str()));
        let mut na = a.clone();
        for id in &ids {
            na = with_rating(&na, id, Ev::NotApplicable);
        }
        let dropped = As {
            evidence: a.evidence.iter().filter(|(b, _, _)| !ids.contains(&b.as_str())).cloned().collect(),
        };
        assert_same_up_to_removed(run(&fw, &na, document), run(&reduced, &dropped, document), &reduced)?;
    }
}

/// Fisher–Yates with a small deterministic generator.
fn shuffle<T>(v: &mut [T], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        v.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// The scorecard's JSON document with its detail lists in id order.
fn sorted(card: &Scorecard) -> Value {
    let mut doc = document(card);
    for key in ["dimensions", "benchmarks", "warnings"] {
        if let Some(list) = doc[key].as_array_mut() {
            list.sort_by_key(|v| v.to_string());
        }
    }
    doc
}

proptest! {
    #![proptest_config(config(128))]

    /// Shuffling benchmarks within dimensions, dimensions, and evidence changes nothing but
    /// the order of the detail lists.
    #[test]
    fn order_changes_nothing_but_order((fw, a) in model::framework_and_assessment(), seed in 1..u64::MAX) {
        let mut seed = seed;
        let mut shuffled = fw.clone();
        for d in &mut shuffled.dims {
            shuffle(&mut d.benchmarks, &mut seed);
        }
        shuffle(&mut shuffled.dims, &mut seed);
        let mut evidence = a.evidence.clone();
        shuffle(&mut evidence, &mut seed);
        let (x, y) = (run(&fw, &a, sorted), run(&shuffled, &As { evidence }, sorted));
        match (x, y) {
            (Ok(x), Ok(y)) => prop_assert_eq!(x, y),
            (Err(x), Err(y)) => prop_assert_eq!(x, y),
            (x, y) => prop_assert!(false, "{:?}\nversus\n{:?}", x, y),
        }
    }
}

/// A framework of two benchmarks, A met and B not met, weighted so that P is exactly
/// `(k + ½) / 10^d` plus `delta / (2·10^d·s)`: on a half, or a hair above or below it.
fn half_framework(k: i64, d: u32, s: i64, delta: i64, mode: Mode, by_dimension: bool) -> (Fw, As) {
    let total = 2 * 10i64.pow(d + 2) * s; // millionths
    let a = (2 * k + 1) * s + delta;
    let bench = |id: &str, weight: i64| Bench {
        id: id.into(),
        weight,
        rule: None,
        allow_na: true,
    };
    // A tier whose minimum is the half rounded up: reached only when P rounds up.
    let unit = M / 10i64.pow(d);
    let min = (k + 1) * unit;
    let fw = Fw {
        credits: vec![0, M / 2, M],
        by_dimension,
        decimals: d,
        mode,
        dims: vec![Dim {
            id: "D".into(),
            weight: by_dimension.then_some(3 * M),
            benchmarks: vec![bench("A", a), bench("B", total - a)],
        }],
        tiers: vec![TierM {
            id: "up".into(),
            min: min.min(100 * M),
            strong_from: None,
            gates: vec![],
        }],
        style: Style::Plain,
    };
    let a = As {
        evidence: vec![
            ("A".into(), Ev::Rated(2), None),
            ("B".into(), Ev::Rated(0), None),
        ],
    };
    (fw, a)
}

fn mode() -> impl Strategy<Value = Mode> {
    prop_oneof![Just(Mode::HalfUp), Just(Mode::HalfEven), Just(Mode::Down)]
}

proptest! {
    #![proptest_config(config(256))]

    /// Official rounding at and a hair around halves, against closed-form answers.
    #[test]
    fn rounding_is_exact_at_and_around_halves(
        d in 0..=6u32,
        k_seed in any::<Index>(),
        s_pick in any::<Index>(),
        small in any::<bool>(),
        delta in -1..=1i64,
        mode in mode(),
        by_dimension in any::<bool>(),
    ) {
        let k = k_seed.index(100 * 10usize.pow(d)) as i64;
        // The hair is delta / (2s) of a rounding unit: s ≥ 2 keeps it below a quarter, and s
        // up to 5·10^(9-d) (weights stay ≤ 1,000,000) makes it as small as 10^-10 of a unit.
        let s = if small { 1 + s_pick.index(10) } else { 2 + s_pick.index(5 * 10usize.pow(9 - d) - 1) } as i64;
        let delta = if s == 1 { 0 } else { delta };
        let (fw, a) = half_framework(k, d, s, delta, mode, by_dimension);
        let total: i64 = fw.dims[0].benchmarks.iter().map(|b| b.weight).sum();
        prop_assume!(fw.dims[0].benchmarks.iter().all(|b| b.weight >= 1 && b.weight <= 1_000_000 * M));
        prop_assume!(total > 0);
        // k + ½ (+ a hair) in units of 10^-d: the closed-form rounding.
        let up = match (mode, delta.signum()) {
            (Mode::Down, _) | (_, -1) => false,
            (_, 1) => true,
            (Mode::HalfUp, _) => true,
            (Mode::HalfEven, _) => k % 2 == 1,
        };
        let want = Decimal::new(k + i64::from(up), d);
        let (official, tier) = run(&fw, &a, |c| (c.percentage_rounded(), c.tier().is_some())).unwrap();
        prop_assert_eq!(official, want);
        prop_assert_eq!(tier, up);
        check_against_reference(&fw, &a)?;
    }
}

#[test]
fn rounding_fixtures_on_the_boundary() {
    let fw = Framework::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benchmarks/tiny-boundary.json"
    ))
    .unwrap();
    for (file, official, display) in [
        ("boundary-half.json", "80", "79.5"),
        ("boundary-below-half.json", "79", "79.5"),
    ] {
        let a = Assessment::from_path(format!("{}/fixtures/{file}", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
        let card = score(&fw, &a, &ScoreOptions::default()).unwrap();
        assert_eq!(card.percentage_rounded().to_string(), official, "{file}");
        assert_eq!(card.percentage().to_string(), display, "{file}");
    }
}

proptest! {
    #![proptest_config(config(96))]

    /// The scorecard's JSON (the JSON report) reads back to the same figures, tiers and
    /// detail rows.
    #[test]
    fn scorecard_json_round_trips((fw, a) in model::framework_and_assessment()) {
        if let Ok(result) = run(&fw, &a, reads_back) {
            result?;
        }
    }
}

fn reads_back(card: &Scorecard) -> Result<(), TestCaseError> {
    let report = gender_seal::report::scorecard(card, Format::Json);
    let doc: Value = serde_json::from_slice(report.as_bytes()).unwrap();
    prop_assert_eq!(&doc, &document(card));
    let field = |key: &str| doc[key].clone();
    let decimal = |key: &str| field(key).as_str().and_then(|s| s.parse::<Decimal>().ok());
    prop_assert_eq!(decimal("percentage"), Some(card.percentage()));
    prop_assert_eq!(
        decimal("percentage_rounded"),
        Some(card.percentage_rounded())
    );
    let tier: Option<TierResult> = serde_json::from_value(field("tier")).unwrap();
    prop_assert_eq!(tier, card.tier());
    let blocked: Vec<TierShortfall> = serde_json::from_value(field("blocked")).unwrap();
    prop_assert_eq!(blocked, card.blocked());
    let next: Option<TierShortfall> = serde_json::from_value(field("next")).unwrap();
    prop_assert_eq!(next, card.next());
    let dimensions: Vec<DimensionResult> = serde_json::from_value(field("dimensions")).unwrap();
    prop_assert_eq!(dimensions, card.dimensions().collect::<Vec<_>>());
    let benchmarks: Vec<BenchmarkResult> = serde_json::from_value(field("benchmarks")).unwrap();
    prop_assert_eq!(benchmarks, card.benchmarks().collect::<Vec<_>>());
    Ok(())
}

/// A decimal within the input limits: up to 12 integer digits and 6 decimal places.
fn decimal_in_limits() -> impl Strategy<Value = Decimal> {
    (0..=6u32).prop_flat_map(|scale| {
        let max = 10i64.pow(12 + scale) - 1;
        prop_oneof![-max..=max, -1000i64..=1000].prop_map(move |m| Decimal::new(m, scale))
    })
}

proptest! {
    #![proptest_config(config(256))]

    /// Number: format then parse gives the same value and the same normalised text, in every
    /// JSON spelling (number, string, exponent).
    #[test]
    fn number_parse_and_format_round_trip(d in decimal_in_limits(), exp in -3..=3i32) {
        let text = gender_seal::num::format_decimal(d);
        let n: Number = text.parse().unwrap();
        prop_assert_eq!(n.value(), d);
        prop_assert_eq!(n.to_string(), text.clone());
        prop_assert!(!text.contains('e') && !text.ends_with('.'));
        prop_assert!(!text.contains('.') || !text.ends_with('0'));
        prop_assert_eq!(serde_json::from_str::<Number>(&text).unwrap(), n);
        prop_assert_eq!(serde_json::from_str::<Number>(&format!("\"{text}\"")).unwrap(), n);
        prop_assert_eq!(serde_json::to_string(&n).unwrap(), format!("\"{text}\""));
        prop_assert_eq!(Number::from_micros(n.micros()), n);
        // mantissa × 10^-scale, spelt with an exponent, shifted by `exp`.
        let (m, scale) = (d.mantissa(), d.scale() as i32);
        let shifted = format!("{m}{}e{}", "0".repeat(exp.max(0) as usize), -scale - exp.max(0));
        prop_assert_eq!(shifted.parse::<Number>().unwrap(), n, "{}", shifted);
        // One more decimal place is refused, never rounded.
        if scale == 6 && m % 10 != 0 {
            let finer = format!("{text}1");
            let e = finer.parse::<Number>().unwrap_err();
            prop_assert!(e.contains("too precise"), "{}", e);
        }
    }

    /// Beyond 12 integer digits is refused, never rounded.
    #[test]
    fn number_too_large_is_refused(int_digits in 13..=30usize, first in 1..=9u8) {
        let text = format!("{first}{}", "0".repeat(int_digits - 1));
        let e = text.parse::<Number>().unwrap_err();
        prop_assert!(e.contains("too large"), "{}", e);
    }
}
