//! Exact totals: per dimension and overall, in integer 10^-12 units, and the exact overall
//! percentage P of resolved ratings (how aggregation works: docs/methodology.md).
//!
//! Weights and credits are millionths, so `earned = w × c` and `possible = w` are integers in
//! 10^-12 units (|sum| < 10^23 for the largest framework allowed, far inside `i128`).
//! Percentages stay exact until they are rounded: `i128` fractions where they fit (always, for
//! flat aggregation and for dimensions), big rationals beyond ([`Fraction`]).

use num_bigint::BigInt;
use rust_decimal::Decimal;

use crate::assessment::Entry;
use crate::error::Result;
use crate::framework::{Aggregation, Framework};
use crate::num::decimal::{Ratio, percent_of};
use crate::num::fraction::{Fraction, Percent};

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
pub(crate) fn overall_fraction(fw: &Framework, entries: &[Entry]) -> Option<Fraction> {
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
