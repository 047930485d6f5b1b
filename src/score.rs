//! Pure scoring (SPEC §5): `(&Framework, &Assessment) -> Scorecard`.
//!
//! Amounts are exact integers: weights and credits in millionths, so `earned = w × c` and
//! `possible = w` are counted in 10^-12 units (|sum| < 10^23 for the largest framework
//! allowed, far inside `i128`). Percentages are exact until they are rounded: `i128`
//! fractions where they fit (always, for flat aggregation and for dimensions), big rationals
//! beyond ([`Fraction`]).

use crate::id::Id;

use num_bigint::BigInt;
use rust_decimal::Decimal;

use crate::assessment::{Assessment, Entry, Warning};
use crate::decimal::{self, Ratio, percent_of};
use crate::error::{Error, ErrorKind, Result};
use crate::fraction::{Fraction, Percent};
use crate::framework::{Aggregation, Framework, Gate};
use crate::scorecard::{GateFailure, NOT_APPLICABLE_ID, Scorecard, TierResult};
use crate::text::DEFAULT_LANG;
use crate::tier::{self, GateInput, Rank};

/// Options of [`score`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreOptions {
    /// Score an assessment written for another version of the framework (with a warning).
    pub allow_version_mismatch: bool,
    /// Language of the labels (falls back to English).
    pub lang: String,
}

impl Default for ScoreOptions {
    fn default() -> Self {
        ScoreOptions {
            allow_version_mismatch: false,
            lang: DEFAULT_LANG.to_string(),
        }
    }
}

/// Scores an assessment against a framework.
///
/// ```
/// use gender_seal::{score, Assessment, Framework, ScoreOptions};
/// let fw = Framework::builtin("undp-gender-seal-co", "2021.1").unwrap();
/// let a = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json")).unwrap();
/// let card = score(&fw, &a, &ScoreOptions::default()).unwrap();
/// assert_eq!(card.percentage_rounded().to_string(), "74");
/// assert_eq!(&*card.tier().unwrap().label, "Silver-strong");
/// ```
///
/// # Errors
///
/// [`ErrorKind::FrameworkMismatch`] or [`ErrorKind::Invalid`] from
/// [`Assessment::resolve`]; [`ErrorKind::NotScorable`] when no benchmark is applicable.
pub fn score<'a>(
    fw: &'a Framework,
    assessment: &'a Assessment,
    options: &ScoreOptions,
) -> Result<Scorecard<'a>> {
    let resolved = assessment.resolve(fw, options.allow_version_mismatch)?;
    Scorecard::build(
        fw,
        assessment,
        resolved.entries,
        resolved.warnings,
        &options.lang,
    )
}

/// Exact totals of one dimension, in 10^-12 units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DimensionTotal {
    pub earned: i128,
    pub possible: i128,
    pub applicable: usize,
}

impl DimensionTotal {
    /// 100 × earned / possible, or `None` when nothing is applicable.
    pub(crate) fn percent(&self) -> Option<Ratio> {
        (self.applicable > 0).then(|| percent_of(self.earned, self.possible))
    }

    /// The same percentage as a [`Fraction`] (no big integers for any framework within the
    /// limits).
    pub(crate) fn fraction(&self) -> Option<Fraction> {
        if self.applicable > 0 {
            Fraction::percent(self.earned, self.possible)
        } else {
            None
        }
    }
}

/// Per-dimension totals for the given rating of each benchmark (`None`: not applicable).
pub(crate) fn totals(
    fw: &Framework,
    rating: impl Fn(usize) -> Option<usize>,
) -> Vec<DimensionTotal> {
    fw.dimensions()
        .iter()
        .map(|d| total_of(fw, d.benchmarks.clone(), d.benchmarks.clone().map(&rating)))
        .collect()
}

/// The totals of a range of benchmarks (a dimension, or all of them), given the rating of
/// each in order.
pub(crate) fn total_of(
    fw: &Framework,
    benchmarks: std::ops::Range<usize>,
    ratings: impl Iterator<Item = Option<usize>>,
) -> DimensionTotal {
    let scale = fw.ratings().len();
    let earned = fw
        .earned_units
        .get(benchmarks.start * scale..benchmarks.end * scale)
        .unwrap_or_default();
    let possible = fw.possible_units.get(benchmarks).unwrap_or_default();
    let mut t = DimensionTotal::default();
    for ((rating, w), earned) in ratings.zip(possible).zip(earned.chunks_exact(scale.max(1))) {
        if let Some(r) = rating {
            t.earned += earned.get(r).copied().unwrap_or_default();
            t.possible += w;
            t.applicable += 1;
        }
    }
    t
}

/// The exact overall percentage P, or `None` when no benchmark is applicable.
pub(crate) fn overall(fw: &Framework, totals: &[DimensionTotal]) -> Option<Ratio> {
    match fw.aggregation() {
        Aggregation::Flat => {
            let (e, p) = totals
                .iter()
                .fold((0i128, 0i128), |(e, p), t| (e + t.earned, p + t.possible));
            (p > 0).then(|| percent_of(e, p))
        }
        Aggregation::ByDimension => {
            let mut sum = Ratio::from_integer(BigInt::from(0));
            let mut weights = 0i128;
            for (t, w) in totals.iter().zip(&fw.dimension_weight_micros) {
                if let Some(p) = t.percent() {
                    sum += p * Ratio::from_integer(BigInt::from(*w));
                    weights += w;
                }
            }
            (weights > 0).then(|| sum / Ratio::from_integer(BigInt::from(weights)))
        }
    }
}

/// The totals of dimension `d` for resolved entries.
pub(crate) fn dimension_total(
    fw: &Framework,
    entries: &[Entry],
    d: usize,
) -> Option<DimensionTotal> {
    let range = fw.dimensions().get(d)?.benchmarks.clone();
    let ratings = entries.get(range.clone()).unwrap_or_default();
    Some(total_of(fw, range, ratings.iter().map(|e| e.rating)))
}

/// The exact overall percentage P of resolved entries, or `None` when no benchmark is
/// applicable: as [`overall`], without big integers unless an intermediate outgrows `i128`.
fn overall_fraction(fw: &Framework, entries: &[Entry]) -> Option<Fraction> {
    match fw.aggregation() {
        Aggregation::Flat => {
            let all = total_of(fw, 0..entries.len(), entries.iter().map(|e| e.rating));
            Fraction::percent(all.earned, all.possible)
        }
        Aggregation::ByDimension => {
            let totals = totals(fw, |b| entries.get(b).and_then(|e| e.rating));
            let dimensions: Vec<Option<Fraction>> =
                totals.iter().map(DimensionTotal::fraction).collect();
            let applicable = dimensions
                .iter()
                .zip(&fw.dimension_weight_micros)
                .filter_map(|(p, w)| p.as_ref().map(|p| (*w, p)));
            Fraction::weighted_mean(applicable).or_else(|| overall(fw, &totals).map(Fraction::Big))
        }
    }
}

/// The official percentage: P rounded by the framework's policy.
pub(crate) fn official(fw: &Framework, p: &impl Percent) -> Result<Decimal> {
    let r = fw.rounding();
    p.round(r.decimals, r.mode)
}

fn not_scorable() -> Error {
    Error::new(
        ErrorKind::NotScorable,
        "evidence",
        "no applicable benchmark: every benchmark is rated not applicable, so there is no percentage",
    )
}

impl<'a> Scorecard<'a> {
    /// Builds the scorecard of resolved entries (one per benchmark, in framework order).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotScorable`] when no benchmark is applicable.
    pub(crate) fn build(
        fw: &'a Framework,
        assessment: &'a Assessment,
        entries: Vec<Entry>,
        warnings: Vec<Warning>,
        lang: &str,
    ) -> Result<Scorecard<'a>> {
        let rating = |b: usize| entries[b].rating;
        let p = overall_fraction(fw, &entries).ok_or_else(not_scorable)?;
        let official = official(fw, &p)?;
        let dimension = |d: usize| dimension_total(fw, &entries, d)?.fraction();
        let gates = GateInput {
            ratings: &rating,
            dimensions: &dimension,
        };
        let award = tier::award(fw, official, &gates);
        Ok(Scorecard {
            framework: fw,
            office: &assessment.office,
            period: assessment.period.as_deref(),
            lang: Id::from(lang),
            exact: p,
            percentage_rounded: official,
            award,
            warnings,
            entries,
        })
    }
}

/// The awarded tier of a rank, labels in `lang`; `None` for rank 0.
pub(crate) fn tier_result(fw: &Framework, rank: Rank, lang: &str) -> Option<TierResult> {
    let tier = fw.tiers().get(rank.level.checked_sub(1)?)?;
    let label = match (&tier.strong_label, rank.strong) {
        (Some(l), true) => l.get(lang),
        _ => tier.label.get(lang),
    };
    Some(TierResult {
        id: tier.id.clone(),
        level: rank.level,
        strong: rank.strong,
        label,
    })
}

/// A failing gate, with the actual rating or percentage (`percent` gives a dimension's
/// unrounded percentage).
pub(crate) fn gate_failure<P: Percent>(
    fw: &Framework,
    tier: usize,
    gate: usize,
    entries: &[Entry],
    percent: &dyn Fn(usize) -> Option<P>,
) -> GateFailure {
    let t = &fw.tiers()[tier];
    match &t.gates[gate] {
        Gate::Benchmark {
            benchmark,
            at_least,
        } => GateFailure::Benchmark {
            tier: t.id.clone(),
            benchmark: fw.benchmarks()[*benchmark].id.clone(),
            required: fw.ratings()[*at_least].id.clone(),
            actual: entries[*benchmark]
                .rating
                .map_or_else(|| NOT_APPLICABLE_ID.clone(), |r| fw.ratings()[r].id.clone()),
        },
        Gate::Dimension {
            dimension,
            at_least_percent,
        } => GateFailure::Dimension {
            tier: t.id.clone(),
            dimension: fw.dimensions()[*dimension].id.clone(),
            required_percent: *at_least_percent,
            actual_percent: percent(*dimension).as_ref().map(decimal::report4),
        },
    }
}
