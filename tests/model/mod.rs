//! A model of frameworks and assessments for property tests: proptest strategies that build
//! only valid documents, their JSON, and an independent exact reference scorer (big rationals
//! and hand-written rounding), written from docs/methodology.md without looking at the library's code
//! paths.

#![allow(dead_code)]

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// Millionths per unit.
pub const M: i64 = 1_000_000;

/// Rounding modes, as the framework names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    HalfUp,
    HalfEven,
    Down,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::HalfUp => "half_up",
            Mode::HalfEven => "half_even",
            Mode::Down => "down",
        }
    }
}

/// How numbers and texts are written in the JSON (all forms must read the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `1.5`, labels as `{"en", "fr"}` objects.
    Plain,
    /// `"1.5"`, labels as plain strings.
    Strings,
    /// `15e-1`-like exponent forms.
    Exponent,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fw {
    /// Credit of each rating in millionths, non-decreasing.
    pub credits: Vec<i64>,
    pub by_dimension: bool,
    pub decimals: u32,
    pub mode: Mode,
    pub dims: Vec<Dim>,
    pub tiers: Vec<TierM>,
    pub style: Style,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dim {
    pub id: String,
    /// Millionths; only written with `by_dimension`.
    pub weight: Option<i64>,
    pub benchmarks: Vec<Bench>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bench {
    pub id: String,
    /// Millionths.
    pub weight: i64,
    pub rule: Option<RuleM>,
    pub allow_na: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RuleM {
    pub at_most: bool,
    /// `(threshold in millionths, rating)`, hardest first.
    pub steps: Vec<(i64, usize)>,
    pub otherwise: usize,
    pub percent: bool,
    /// Explicit bounds (millionths) for non-percent units.
    pub bounds: Option<(i64, i64)>,
}

impl RuleM {
    /// The inclusive range of values the assessment may give.
    pub fn range(&self) -> (i64, i64) {
        if self.percent {
            (0, 100 * M)
        } else {
            self.bounds.unwrap_or((-5_000 * M, 5_000 * M))
        }
    }

    /// docs/formats.md: the rating of the first step a value satisfies, else `otherwise`.
    pub fn rate(&self, v: i64) -> usize {
        self.steps
            .iter()
            .find(|(t, _)| if self.at_most { v <= *t } else { v >= *t })
            .map_or(self.otherwise, |s| s.1)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TierM {
    pub id: String,
    /// Millionths of a percentage point.
    pub min: i64,
    pub strong_from: Option<i64>,
    pub gates: Vec<GateM>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum GateM {
    Bench { id: String, at_least: usize },
    Dim { id: String, percent: i64 },
}

/// One evidence entry.
#[derive(Debug, Clone, PartialEq)]
pub enum Ev {
    Rated(usize),
    NotApplicable,
    /// Millionths.
    Value(i64),
}

/// An assessment: evidence in document order, each with an optional note.
#[derive(Debug, Clone, PartialEq)]
pub struct As {
    pub evidence: Vec<(String, Ev, Option<String>)>,
}

impl Fw {
    pub fn benchmarks(&self) -> impl Iterator<Item = (usize, &Bench)> {
        self.dims
            .iter()
            .enumerate()
            .flat_map(|(d, dim)| dim.benchmarks.iter().map(move |b| (d, b)))
    }

    pub fn bench(&self, id: &str) -> Option<&Bench> {
        self.benchmarks().map(|(_, b)| b).find(|b| b.id == id)
    }

    pub fn gated_benchmarks(&self) -> Vec<&str> {
        self.gates()
            .filter_map(|g| match g {
                GateM::Bench { id, .. } => Some(id.as_str()),
                GateM::Dim { .. } => None,
            })
            .collect()
    }

    pub fn gated_dimensions(&self) -> Vec<&str> {
        self.gates()
            .filter_map(|g| match g {
                GateM::Dim { id, .. } => Some(id.as_str()),
                GateM::Bench { .. } => None,
            })
            .collect()
    }

    fn gates(&self) -> impl Iterator<Item = &GateM> {
        self.tiers.iter().flat_map(|t| t.gates.iter())
    }

    pub fn rating_id(&self, r: usize) -> String {
        format!("r{r}")
    }
}

// ---------------------------------------------------------------------------------------
// Strategies

fn weight() -> impl Strategy<Value = i64> {
    prop_oneof![
        4 => (1..=10i64).prop_map(|u| u * M),
        3 => 1..=1_000_000 * M,
        1 => 1..=1_000i64,
        1 => Just(1_000_000 * M),
    ]
}

fn credits() -> impl Strategy<Value = Vec<i64>> {
    prop_oneof![
        Just(vec![0, M / 2, M]),
        prop::collection::vec(0..=M, 2..=5).prop_map(|mut v| {
            v.sort_unstable();
            v
        }),
        (2..=4usize).prop_map(|n| (0..n).map(|i| i as i64 * M / (n as i64 - 1)).collect()),
    ]
}

/// A rule on a scale of `n` ratings (indices resolved when the scale is known).
#[derive(Debug, Clone)]
struct RuleSeed {
    at_most: bool,
    thresholds: Vec<i64>,
    ratings: Vec<Index>,
    otherwise: Index,
    percent: bool,
    bounded: bool,
}

fn rule_seed() -> impl Strategy<Value = RuleSeed> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(any::<Index>(), 1..=3),
        any::<Index>(),
        prop::collection::vec(
            prop_oneof![(0..=100i64).prop_map(|u| u * M), 0..=100 * M],
            1..=3,
        ),
    )
        .prop_map(
            |(at_most, percent, bounded, ratings, otherwise, thresholds)| RuleSeed {
                at_most,
                thresholds,
                ratings,
                otherwise,
                percent,
                bounded,
            },
        )
}

impl RuleSeed {
    fn build(self, n: usize) -> RuleM {
        let mut t = self.thresholds;
        t.sort_unstable();
        t.dedup();
        if !self.at_most {
            t.reverse();
        }
        let mut r: Vec<usize> = self.ratings.iter().map(|i| i.index(n)).collect();
        r.truncate(t.len());
        t.truncate(r.len());
        r.sort_unstable_by(|a, b| b.cmp(a));
        let last = *r.last().unwrap_or(&0);
        RuleM {
            at_most: self.at_most,
            steps: t.into_iter().zip(r).collect(),
            otherwise: self.otherwise.index(last + 1),
            percent: self.percent,
            bounds: (!self.percent && self.bounded).then_some((-100 * M, 200 * M)),
        }
    }
}

#[derive(Debug, Clone)]
struct TierSeed {
    mins: Vec<i64>,
    strong: Vec<Option<Index>>,
    gates: Vec<Vec<(bool, Index, Index, i64)>>,
}

fn tier_seed() -> impl Strategy<Value = TierSeed> {
    let min = prop_oneof![
        4 => (0..=100i64).prop_map(|u| u * M),
        1 => (0..=200i64).prop_map(|u| u * M / 2),
        1 => 0..=100 * M,
    ];
    let gate = (
        any::<bool>(),
        any::<Index>(),
        any::<Index>(),
        prop_oneof![(0..=100i64).prop_map(|u| u * M), 0..=100 * M],
    );
    (
        prop::collection::vec(min, 1..=4),
        prop::collection::vec(prop::option::of(any::<Index>()), 4),
        prop::collection::vec(prop::collection::vec(gate, 0..=2), 4),
    )
        .prop_map(|(mins, strong, gates)| TierSeed {
            mins,
            strong,
            gates,
        })
}

fn decimal_places() -> impl Strategy<Value = u32> {
    prop_oneof![3 => Just(0u32), 2 => 1..=2u32, 1 => 3..=6u32]
}

fn mode() -> impl Strategy<Value = Mode> {
    prop_oneof![Just(Mode::HalfUp), Just(Mode::HalfEven), Just(Mode::Down)]
}

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        Just(Style::Plain),
        Just(Style::Strings),
        Just(Style::Exponent)
    ]
}

/// A valid random framework.
pub fn framework() -> impl Strategy<Value = Fw> {
    let bench = (
        weight(),
        prop::option::weighted(0.4, rule_seed()),
        prop::bool::weighted(0.85),
    );
    let dim = (
        prop::option::of(weight()),
        prop::collection::vec(bench, 1..=5),
    );
    (
        credits(),
        any::<bool>(),
        decimal_places(),
        mode(),
        prop::collection::vec(dim, 1..=4),
        tier_seed(),
        style(),
    )
        .prop_map(
            |(credits, by_dimension, decimals, mode, dims, tiers, style)| {
                let n = credits.len();
                let dims: Vec<Dim> = dims
                    .into_iter()
                    .enumerate()
                    .map(|(d, (w, benches))| Dim {
                        id: format!("D{d}"),
                        weight: if by_dimension { w } else { None },
                        benchmarks: benches
                            .into_iter()
                            .enumerate()
                            .map(|(b, (weight, rule, allow_na))| Bench {
                                id: format!("B{d}.{b}"),
                                weight,
                                rule: rule.map(|r| r.build(n)),
                                allow_na,
                            })
                            .collect(),
                    })
                    .collect();
                let tiers = build_tiers(tiers, &dims, n);
                Fw {
                    credits,
                    by_dimension,
                    decimals,
                    mode,
                    dims,
                    tiers,
                    style,
                }
            },
        )
}

fn build_tiers(seed: TierSeed, dims: &[Dim], n: usize) -> Vec<TierM> {
    let mut mins = seed.mins;
    mins.sort_unstable();
    mins.dedup();
    let benches: Vec<&str> = dims
        .iter()
        .flat_map(|d| d.benchmarks.iter().map(|b| b.id.as_str()))
        .collect();
    (0..mins.len())
        .map(|i| {
            let min = mins[i];
            // strong_from in (min, next min) or (min, 100].
            let (lo, hi) = match mins.get(i + 1) {
                Some(next) => (min + 1, next - 1),
                None => (min + 1, 100 * M),
            };
            let strong_from = seed.strong[i]
                .filter(|_| lo <= hi)
                .map(|ix| lo + ix.index((hi - lo + 1) as usize) as i64);
            let gates = seed.gates[i]
                .iter()
                .map(|(on_dim, target, rating, percent)| {
                    if *on_dim {
                        GateM::Dim {
                            id: dims[target.index(dims.len())].id.clone(),
                            percent: *percent,
                        }
                    } else {
                        GateM::Bench {
                            id: benches[target.index(benches.len())].to_string(),
                            at_least: rating.index(n),
                        }
                    }
                })
                .collect();
            TierM {
                id: format!("t{i}"),
                min,
                strong_from,
                gates,
            }
        })
        .collect()
}

/// Seeds for one evidence entry, resolved against the benchmark.
pub type EvSeed = (u8, Index, Index, i64, bool);

fn ev_seed() -> impl Strategy<Value = EvSeed> {
    (
        0..10u8,
        any::<Index>(),
        any::<Index>(),
        -1..=1i64,
        any::<bool>(),
    )
}

/// Evidence for a benchmark from its seed: missing, not applicable, rated, or a value (often
/// exactly on or a millionth around a threshold).
pub fn evidence_for(fw: &Fw, b: &Bench, seed: &EvSeed) -> Option<(Ev, Option<String>)> {
    let (kind, a, c, delta, note) = seed;
    let n = fw.credits.len();
    let note = note.then(|| format!("note on {}", b.id));
    let ev = match (kind, &b.rule) {
        (0, _) => return None,
        (1, _) if b.allow_na => Ev::NotApplicable,
        (6..=9, Some(rule)) => {
            let (lo, hi) = rule.range();
            let v = if *kind >= 8 && !rule.steps.is_empty() {
                rule.steps[a.index(rule.steps.len())].0 + delta
            } else {
                lo + c.index((hi - lo + 1) as usize) as i64
            };
            Ev::Value(v.clamp(lo, hi))
        }
        _ => Ev::Rated(a.index(n)),
    };
    Some((ev, note))
}

/// A valid random framework with a random assessment of it.
pub fn framework_and_assessment() -> impl Strategy<Value = (Fw, As)> {
    framework()
        .prop_flat_map(|fw| {
            let n = fw.benchmarks().count();
            (Just(fw), prop::collection::vec(ev_seed(), n))
        })
        .prop_map(|(fw, seeds)| {
            let evidence = fw
                .benchmarks()
                .zip(&seeds)
                .filter_map(|((_, b), s)| {
                    evidence_for(&fw, b, s).map(|(e, n)| (b.id.clone(), e, n))
                })
                .collect();
            (fw, As { evidence })
        })
}

// ---------------------------------------------------------------------------------------
// JSON

/// Decimal text of a number of millionths.
pub fn micros_text(m: i64) -> String {
    let sign = if m < 0 { "-" } else { "" };
    let a = m.unsigned_abs();
    let (int, frac) = (a / M as u64, a % M as u64);
    if frac == 0 {
        format!("{sign}{int}")
    } else {
        let f = format!("{frac:06}");
        format!("{sign}{int}.{}", f.trim_end_matches('0'))
    }
}

fn number(m: i64, style: Style) -> Value {
    match style {
        Style::Plain => serde_json::from_str(&micros_text(m)).unwrap(),
        Style::Strings => Value::String(micros_text(m)),
        // m × 10^-6, written with an exponent (the parser must scale exactly).
        Style::Exponent => serde_json::from_str(&format!("{m}e-6")).unwrap(),
    }
}

fn text(s: &str, style: Style) -> Value {
    match style {
        Style::Strings => json!(s),
        _ => json!({"en": s, "fr": format!("{s} (fr)")}),
    }
}

pub fn framework_json(fw: &Fw) -> Value {
    let st = fw.style;
    let scale: Vec<Value> = fw
        .credits
        .iter()
        .enumerate()
        .map(|(i, c)| json!({"id": fw.rating_id(i), "credit": number(*c, st), "label": text(&format!("Rating {i}"), st)}))
        .collect();
    let dims: Vec<Value> = fw
        .dims
        .iter()
        .map(|d| {
            let benches: Vec<Value> = d
                .benchmarks
                .iter()
                .map(|b| {
                    let mut o = json!({"id": b.id, "title": text(&format!("Benchmark {}", b.id), st), "weight": number(b.weight, st)});
                    if !b.allow_na {
                        o["allow_not_applicable"] = json!(false);
                    }
                    if let Some(r) = &b.rule {
                        let key = if r.at_most { "at_most" } else { "at_least" };
                        let ladder: Vec<Value> = r
                            .steps
                            .iter()
                            .map(|(t, rating)| json!({key: number(*t, st), "rating": fw.rating_id(*rating)}))
                            .collect();
                        let mut rule = json!({
                            "unit": if r.percent { "percent" } else { "points" },
                            "ladder": ladder,
                            "otherwise": fw.rating_id(r.otherwise),
                        });
                        if let Some((lo, hi)) = r.bounds {
                            rule["bounds"] = json!([number(lo, st), number(hi, st)]);
                        }
                        o["rule"] = rule;
                    }
                    o
                })
                .collect();
            let mut o = json!({"id": d.id, "title": text(&format!("Dimension {}", d.id), st), "benchmarks": benches});
            if let Some(w) = d.weight {
                o["weight"] = number(w, st);
            }
            o
        })
        .collect();
    let tiers: Vec<Value> = fw
        .tiers
        .iter()
        .map(|t| {
            let mut o = json!({"id": t.id, "min": number(t.min, st), "label": text(&format!("Tier {}", t.id), st)});
            if let Some(s) = t.strong_from {
                o["strong_from"] = number(s, st);
                o["strong_label"] = text(&format!("Tier {} strong", t.id), st);
            }
            if !t.gates.is_empty() {
                o["gates"] = t
                    .gates
                    .iter()
                    .map(|g| match g {
                        GateM::Bench { id, at_least } => {
                            json!({"benchmark": id, "at_least": fw.rating_id(*at_least)})
                        }
                        GateM::Dim { id, percent } => {
                            json!({"dimension": id, "at_least_percent": number(*percent, st)})
                        }
                    })
                    .collect();
            }
            o
        })
        .collect();
    json!({
        "id": "prop-fw",
        "version": "1",
        "title": text("Property test framework", st),
        "rating_scale": scale,
        "aggregation": if fw.by_dimension { "by_dimension" } else { "flat" },
        "rounding": {"decimals": fw.decimals, "mode": fw.mode.name()},
        "dimensions": dims,
        "tiers": tiers,
    })
}

pub fn assessment_json(fw: &Fw, a: &As) -> Value {
    let mut evidence = serde_json::Map::new();
    for (id, ev, note) in &a.evidence {
        let mut o = match ev {
            Ev::Rated(r) => json!({"rating": fw.rating_id(*r)}),
            Ev::NotApplicable => json!({"rating": "not_applicable"}),
            Ev::Value(v) => json!({"value": number(*v, fw.style)}),
        };
        if let Some(n) = note {
            o["note"] = json!(n);
        }
        evidence.insert(id.clone(), o);
    }
    json!({
        "framework": {"id": "prop-fw", "version": "1"},
        "office": "Property office (fictional)",
        "evidence": evidence,
    })
}

pub fn bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).unwrap()
}

// ---------------------------------------------------------------------------------------
// Reference scorer

fn ratio(n: i128, d: i128) -> BigRational {
    BigRational::new(BigInt::from(n), BigInt::from(d))
}

/// Rounds a non-negative rational to `decimals` places, by hand.
pub fn round(x: &BigRational, decimals: u32, mode: Mode) -> Decimal {
    assert!(!x.is_negative());
    let scale = num_traits::pow(BigInt::from(10), decimals as usize);
    let num = x.numer() * &scale;
    let den = x.denom().clone();
    let (q, r) = num.div_mod_floor(&den);
    let twice = &r * 2;
    let up = match mode {
        Mode::Down => false,
        Mode::HalfUp => twice >= den,
        Mode::HalfEven => twice > den || (twice == den && q.is_odd()),
    };
    let q = if up { q + BigInt::one() } else { q };
    let q: i128 = q.try_into().unwrap();
    Decimal::from_i128_with_scale(q, decimals)
}

fn dec(m: i64) -> Decimal {
    Decimal::new(m, 6)
}

/// What the scorecard must say, computed from the model.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    /// The exact percentage.
    pub p: BigRational,
    pub official: Decimal,
    /// Each dimension's exact percentage (`None`: nothing applicable).
    pub dims: Vec<Option<BigRational>>,
    /// Index of the awarded tier.
    pub tier: Option<usize>,
    pub strong: bool,
    pub blocked: Vec<usize>,
    pub next: Option<(usize, Decimal)>,
    /// Each benchmark's rating (`None`: not applicable), in framework order.
    pub ratings: Vec<Option<usize>>,
}

/// Rating of each benchmark in framework order: missing → the lowest.
pub fn ratings(fw: &Fw, a: &As) -> Vec<Option<usize>> {
    fw.benchmarks()
        .map(
            |(_, b)| match a.evidence.iter().find(|(id, _, _)| *id == b.id) {
                None => Some(0),
                Some((_, Ev::NotApplicable, _)) => None,
                Some((_, Ev::Rated(r), _)) => Some(*r),
                Some((_, Ev::Value(v), _)) => Some(b.rule.as_ref().unwrap().rate(*v)),
            },
        )
        .collect()
}

/// docs/methodology.md on the model; `None` when nothing is applicable.
pub fn expected(fw: &Fw, a: &As) -> Option<Expected> {
    expected_from(fw, ratings(fw, a))
}

/// docs/methodology.md for given ratings (one per benchmark in framework order, `None`: not applicable).
pub fn expected_from(fw: &Fw, ratings: Vec<Option<usize>>) -> Option<Expected> {
    let mut dims = Vec::new();
    let (mut earned, mut possible) = (0i128, 0i128);
    let mut k = 0;
    for d in &fw.dims {
        let (mut e, mut p) = (0i128, 0i128);
        for b in &d.benchmarks {
            if let Some(r) = ratings[k] {
                e += i128::from(b.weight) * i128::from(fw.credits[r]);
                p += i128::from(b.weight) * i128::from(M);
            }
            k += 1;
        }
        earned += e;
        possible += p;
        dims.push((p > 0).then(|| ratio(100 * e, p)));
    }
    let p = if fw.by_dimension {
        let mut sum = BigRational::zero();
        let mut weights = 0i128;
        for (d, pd) in fw.dims.iter().zip(&dims) {
            if let Some(pd) = pd {
                let w = i128::from(d.weight.unwrap_or(M));
                sum += pd * ratio(w, 1);
                weights += w;
            }
        }
        if weights == 0 {
            return None;
        }
        sum / ratio(weights, 1)
    } else {
        if possible == 0 {
            return None;
        }
        ratio(100 * earned, possible)
    };
    let official = round(&p, fw.decimals, fw.mode);

    let bench_index = |id: &str| fw.benchmarks().position(|(_, b)| b.id == id).unwrap();
    let dim_index = |id: &str| fw.dims.iter().position(|d| d.id == id).unwrap();
    let holds = |g: &GateM| match g {
        GateM::Bench { id, at_least } => ratings[bench_index(id)].is_some_and(|r| r >= *at_least),
        GateM::Dim { id, percent } => dims[dim_index(id)]
            .as_ref()
            .is_some_and(|pd| *pd >= ratio(i128::from(*percent), i128::from(M))),
    };
    let mut gates_ok = true;
    let mut qualifies = Vec::new();
    for t in &fw.tiers {
        gates_ok &= t.gates.iter().all(holds);
        qualifies.push((official >= dec(t.min), gates_ok));
    }
    let tier = qualifies.iter().rposition(|(reached, ok)| *reached && *ok);
    let strong = tier
        .and_then(|t| fw.tiers[t].strong_from)
        .is_some_and(|s| official >= dec(s));
    let above = tier.map_or(0, |t| t + 1);
    let blocked = (above..fw.tiers.len())
        .filter(|&t| qualifies[t].0)
        .collect();
    let next = fw.tiers.get(above).map(|t| {
        let min = dec(t.min);
        (
            above,
            if official >= min {
                Decimal::ZERO
            } else {
                min - official
            },
        )
    });
    Some(Expected {
        p,
        official,
        dims,
        tier,
        strong,
        blocked,
        next,
        ratings,
    })
}
