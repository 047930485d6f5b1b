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
use crate::decimal::{self, MICROS, Ratio, percent_of};
use crate::error::{Error, ErrorKind, Result};
use crate::fraction::{Fraction, Percent};
use crate::framework::{Aggregation, Framework, Gate};
use crate::scorecard::{GateFailure, NOT_APPLICABLE_ID, Scorecard, TierResult, TierShortfall};
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
        .map(|d| {
            let mut t = DimensionTotal::default();
            for b in d.benchmarks.clone() {
                if let Some(r) = rating(b) {
                    let w = fw.weight_micros[b];
                    t.earned += w * fw.credit_micros[r];
                    t.possible += w * i128::from(MICROS);
                    t.applicable += 1;
                }
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
        let totals = totals(fw, rating);
        let dim_percents: Vec<Option<Fraction>> =
            totals.iter().map(DimensionTotal::fraction).collect();
        let p = overall_fraction(fw, &totals, &dim_percents).ok_or_else(not_scorable)?;
        let official = official(fw, &p)?;
        let gates = GateInput {
            ratings: &rating,
            dimensions: &dim_percents,
        };
        let award = tier::award(fw, official, &gates);
        let rank = award.rank();
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
                    .map(|&(ti, gi)| gate_failure(fw, ti, gi, &entries, &dim_percents))
                    .collect(),
            }
        };
        let blocked = award
            .blocked
            .iter()
            .map(|s| shortfall(s, Decimal::ZERO))
            .collect();
        let next = award.next.as_ref().map(|(s, m)| shortfall(s, *m));
        Ok(Scorecard {
            framework: fw,
            office: &assessment.office,
            period: assessment.period.as_deref(),
            lang: Id::from(lang),
            percentage: decimal::report4(&p),
            percentage_rounded: official,
            tier: tier_result(fw, rank, lang),
            rank,
            blocked,
            next,
            warnings,
            entries,
            totals,
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

pub(crate) fn gate_failure(
    fw: &Framework,
    tier: usize,
    gate: usize,
    entries: &[Entry],
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
            actual_percent: dims[*dimension].as_ref().map(decimal::report4),
        },
    }
}
