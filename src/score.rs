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

use crate::assessment::{
    Assessment, Entry, FrameworkRef, Warning, resolve_entry, same, unexplained,
};
use crate::decimal::{self, MICROS, Ratio, percent_of};
use crate::error::{Error, ErrorKind, Result};
use crate::fraction::{Fraction, Percent};
use crate::framework::{Aggregation, Framework, Gate, NOT_APPLICABLE};
use crate::scorecard::{
    BenchmarkResult, DimensionResult, GateFailure, Scorecard, TierResult, TierShortfall,
};
use crate::text::DEFAULT_LANG;
use crate::tier::{self, GateInput, Rank, Shortfall};

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
/// assert_eq!(card.percentage_rounded.to_string(), "74");
/// assert_eq!(&*card.tier.unwrap().label, "Silver-strong");
/// ```
///
/// # Errors
///
/// [`ErrorKind::FrameworkMismatch`] or [`ErrorKind::Invalid`] from
/// [`Assessment::resolve`]; [`ErrorKind::NotScorable`] when no benchmark is applicable.
pub fn score(fw: &Framework, assessment: &Assessment, options: &ScoreOptions) -> Result<Scorecard> {
    match score_in_order(fw, assessment, &options.lang) {
        Some(card) => card,
        None => score_resolved(fw, assessment, options),
    }
}

/// The general path of [`score`]: resolve every entry, then build the scorecard.
fn score_resolved(
    fw: &Framework,
    assessment: &Assessment,
    options: &ScoreOptions,
) -> Result<Scorecard> {
    let resolved = assessment.resolve(fw, options.allow_version_mismatch)?;
    Scorecard::build(
        fw,
        assessment,
        &resolved.entries,
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
    /// Counts benchmark `b` at rating index `rating` (`None`: not applicable, not counted).
    fn add(&mut self, fw: &Framework, b: usize, rating: Option<usize>) {
        if let Some(r) = rating {
            let w = fw.weight_micros[b];
            self.earned += w * fw.credit_micros[r];
            self.possible += w * i128::from(MICROS);
            self.applicable += 1;
        }
    }

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
        .map(|d| {
            let mut t = DimensionTotal::default();
            for b in d.benchmarks.clone() {
                t.add(fw, b, rating(b));
            }
            t
        })
        .collect()
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

/// The exact overall percentage P from the totals and the dimension percentages
/// (`DimensionTotal::fraction`), or `None` when no benchmark is applicable: as [`overall`],
/// without big integers unless an intermediate outgrows `i128`.
fn overall_fraction(
    fw: &Framework,
    totals: &[DimensionTotal],
    dimensions: &[Option<Fraction>],
) -> Option<Fraction> {
    match fw.aggregation() {
        Aggregation::Flat => {
            let (e, p) = totals
                .iter()
                .fold((0i128, 0i128), |(e, p), t| (e + t.earned, p + t.possible));
            Fraction::percent(e, p)
        }
        Aggregation::ByDimension => {
            let applicable = dimensions
                .iter()
                .zip(&fw.dimension_weight_micros)
                .filter_map(|(p, w)| p.as_ref().map(|p| (*w, p)));
            Fraction::weighted_mean(applicable).or_else(|| overall(fw, totals).map(Fraction::Big))
        }
    }
}

/// The official percentage: P rounded by the framework's policy.
pub(crate) fn official(fw: &Framework, p: &impl Percent) -> Result<Decimal> {
    let r = fw.rounding();
    p.round(r.decimals, r.mode)
}

/// `not_applicable` as an id in results.
const NOT_APPLICABLE_ID: Id = Id::from_static(NOT_APPLICABLE);

fn not_scorable() -> Error {
    Error::new(
        ErrorKind::NotScorable,
        "evidence",
        "no applicable benchmark: every benchmark is rated not applicable, so there is no percentage",
    )
}

/// The one-pass scorer of the common case: the assessment names this very framework and
/// version and gives evidence for every benchmark in the framework's order, none of it
/// invalid or worth a warning. Each benchmark is resolved, counted and reported as it is met,
/// without the intermediate entries of [`Assessment::resolve`]. `None` when anything is
/// unusual: the general path then scores (or rejects) the assessment, with the same
/// per-benchmark helpers, so both give the same scorecard.
fn score_in_order(fw: &Framework, a: &Assessment, lang: &str) -> Option<Result<Scorecard>> {
    let evidence = &a.evidence.0;
    if a.framework.id != fw.id()
        || a.framework.version != fw.version()
        || evidence.len() != fw.benchmarks().len()
    {
        return None;
    }
    let mut rows = Vec::with_capacity(evidence.len());
    let mut ratings = Vec::with_capacity(evidence.len());
    let mut totals = Vec::with_capacity(fw.dimensions().len());
    for d in fw.dimensions() {
        let mut t = DimensionTotal::default();
        for b in d.benchmarks.clone() {
            let (id, ev) = evidence.get(b)?;
            if !same(&fw.benchmarks()[b].id, id) {
                return None;
            }
            let entry = resolve_entry(fw, b, ev).ok()?;
            if unexplained(&entry, ev) {
                return None;
            }
            t.add(fw, b, entry.rating);
            ratings.push(entry.rating);
            rows.push(benchmark_result(fw, b, &entry));
        }
        totals.push(t);
    }
    let rating = |b: usize| ratings.get(b).copied().flatten();
    Some(Scorecard::finish(
        fw,
        a,
        &totals,
        rows,
        Vec::new(),
        &rating,
        lang,
    ))
}

impl Scorecard {
    /// Builds the scorecard of resolved entries (one per benchmark, in framework order).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotScorable`] when no benchmark is applicable.
    pub(crate) fn build(
        fw: &Framework,
        assessment: &Assessment,
        entries: &[Entry],
        warnings: Vec<Warning>,
        lang: &str,
    ) -> Result<Scorecard> {
        let rating = |b: usize| entries[b].rating;
        let totals = totals(fw, rating);
        let rows = entries
            .iter()
            .enumerate()
            .map(|(b, e)| benchmark_result(fw, b, e))
            .collect();
        Scorecard::finish(fw, assessment, &totals, rows, warnings, &rating, lang)
    }

    /// The scorecard of per-dimension totals and per-benchmark rows; `rating` gives a
    /// benchmark's rating index (for gates).
    fn finish(
        fw: &Framework,
        assessment: &Assessment,
        totals: &[DimensionTotal],
        benchmarks: Vec<BenchmarkResult>,
        warnings: Vec<Warning>,
        rating: &dyn Fn(usize) -> Option<usize>,
        lang: &str,
    ) -> Result<Scorecard> {
        let dim_percents: Vec<Option<Fraction>> =
            totals.iter().map(DimensionTotal::fraction).collect();
        let p = overall_fraction(fw, totals, &dim_percents).ok_or_else(not_scorable)?;
        let official = official(fw, &p)?;
        let gates = GateInput {
            ratings: rating,
            dimensions: &dim_percents,
        };
        let award = tier::award(fw, official, &gates);
        let shortfall = |s: &Shortfall, missing: Decimal| {
            let t = &fw.tiers()[s.tier];
            TierShortfall {
                id: t.id.clone(),
                level: s.tier + 1,
                label: t.label.get(lang),
                points_missing: missing,
                failing: award
                    .failing(s)
                    .iter()
                    .map(|&(ti, gi)| gate_failure(fw, ti, gi, rating, &dim_percents))
                    .collect(),
            }
        };
        let blocked = award
            .blocked
            .iter()
            .map(|s| shortfall(s, Decimal::ZERO))
            .collect();
        let next = award.next.as_ref().map(|(s, m)| shortfall(s, *m));
        let rank = award.rank();
        Ok(Scorecard {
            framework: FrameworkRef::of(fw),
            office: assessment.office.clone(),
            period: assessment.period.clone(),
            lang: lang.to_string(),
            percentage: decimal::report4(&p),
            percentage_rounded: official,
            rounding: fw.rounding(),
            tier: tier_result(fw, rank, lang),
            rank,
            blocked,
            next,
            dimensions: dimension_results(fw, totals, &dim_percents),
            benchmarks,
            warnings,
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

fn dimension_results(
    fw: &Framework,
    totals: &[DimensionTotal],
    percents: &[Option<impl Percent>],
) -> Vec<DimensionResult> {
    fw.dimensions()
        .iter()
        .zip(totals)
        .zip(percents)
        .map(|((d, t), p)| DimensionResult {
            id: d.id.clone(),
            percentage: p.as_ref().map(decimal::report4),
            earned: decimal::scaled(t.earned, 12),
            possible: decimal::scaled(t.possible, 12),
            weight: d.weight,
            benchmarks: d.benchmarks.len(),
            applicable: t.applicable,
        })
        .collect()
}

/// The scorecard row of benchmark `b` resolved to `e`.
#[inline]
fn benchmark_result(fw: &Framework, b: usize, e: &Entry) -> BenchmarkResult {
    let bench = &fw.benchmarks()[b];
    let rating = e.rating.map(|r| &fw.ratings()[r]);
    BenchmarkResult {
        id: bench.id.clone(),
        dimension: fw.dimensions()[bench.dimension].id.clone(),
        rating: rating.map_or(NOT_APPLICABLE_ID, |r| r.id.clone()),
        basis: e.basis,
        value: e.value,
        weight: bench.weight,
        credit: rating.map(|r| r.credit),
        earned: e.rating.map(|r| fw.earned[b * fw.ratings().len() + r]),
    }
}

pub(crate) fn gate_failure(
    fw: &Framework,
    tier: usize,
    gate: usize,
    rating: &dyn Fn(usize) -> Option<usize>,
    dims: &[Option<impl Percent>],
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
            actual: rating(*benchmark)
                .map_or_else(|| NOT_APPLICABLE_ID.clone(), |r| fw.ratings()[r].id.clone()),
        },
        Gate::Dimension {
            dimension,
            at_least_percent,
        } => GateFailure::Dimension {
            tier: t.id.clone(),
            dimension: fw.dimensions()[*dimension].id.clone(),
            required_percent: *at_least_percent,
            actual_percent: dims[*dimension].as_ref().map(decimal::report4),
        },
    }
}

#[cfg(test)]
mod tests;
