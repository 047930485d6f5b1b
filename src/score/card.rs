//! The result of scoring: what `score --format json` prints (docs/formats.md). Every decimal
//! is a normalised string; labels are in the language asked for.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Basis, Entry, EvidenceStatus, FrameworkRef, Warning};
use crate::error::{Error, ErrorKind, Result};
use crate::framework::{Framework, NOT_APPLICABLE_ID, Rounding};
use crate::i18n::Lang;
use crate::id::Id;
use crate::num::decimal::{self, Number};
use crate::num::fraction::Fraction;
use crate::score::ladder::{
    self, Award, GateInput, Rank, Shortfall, TierResult, TierShortfall, gate_failure, tier_result,
};
use crate::score::totals::{dimension_total, official, overall_fraction};

/// A scorecard: the result of [`score`](crate::score()).
///
/// Scoring computes what decides the result: the resolved rating of each benchmark, the exact
/// percentage, the official figure and the tier ladder's verdict (which tier, which gates fail,
/// which tiers are blocked or next, by index). Everything a reader sees is derived from those
/// and from the framework the card refers to, when asked: [`Scorecard::tier`],
/// [`Scorecard::next`], [`Scorecard::blocked`], [`Scorecard::percentage`], and the rows of
/// [`Scorecard::dimensions`] and [`Scorecard::benchmarks`]. Scoring so allocates nothing a
/// caller may never read (docs/PERFORMANCE.md). Serialising a scorecard writes the whole
/// document `score --format json` prints; every decimal there is a normalised string.
///
/// A card from [`score`](crate::score()) borrows its framework and assessment (`'a`); one from
/// [`score_shared`](crate::score_shared) shares the framework and owns the rest, and
/// [`Scorecard::into_owned`] turns the first into the second, so a function can return a
/// `Scorecard<'static>`:
///
/// ```
/// use gender_seal::{score, Assessment, Framework, Scorecard, ScoreOptions};
/// fn mali() -> Result<Scorecard<'static>, gender_seal::Error> {
///     let fw = Framework::builtin("undp-gender-seal-co", "2021.2")?;
///     let a = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
///     Ok(score(&fw, &a, &ScoreOptions::default())?.into_owned())
/// }
/// assert_eq!(mali()?.percentage_rounded().to_string(), "74");
/// # Ok::<(), gender_seal::Error>(())
/// ```
///
/// ```
/// use gender_seal::{score, Assessment, Framework, ScoreOptions};
/// let fw = Framework::builtin("undp-gender-seal-co", "2021.2")?;
/// let mali = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
/// let card = score(&fw, &mali, &ScoreOptions::default())?;
/// assert_eq!(card.percentage_rounded().to_string(), "74");
/// let ms1 = card.benchmarks().find(|b| &*b.id == "MS1").unwrap();
/// assert_eq!(&*ms1.rating, "partially_met");
/// let json = serde_json::to_value(&card).unwrap();
/// assert_eq!(json["benchmarks"].as_array().map(Vec::len), Some(41));
/// # Ok::<(), gender_seal::Error>(())
/// ```
#[derive(Clone)]
pub struct Scorecard<'a> {
    pub(crate) framework: Shared<'a, Framework>,
    pub(crate) office: Cow<'a, str>,
    pub(crate) period: Option<Cow<'a, str>>,
    pub(crate) lang: Lang,
    /// The exact percentage P.
    pub(crate) exact: Fraction,
    pub(crate) percentage_rounded: Decimal,
    /// The ladder's verdict, by index.
    pub(crate) award: Award,
    pub(crate) warnings: Vec<Warning>,
    pub(crate) entries: Vec<Entry>,
}

/// A value borrowed for `'a`, or shared behind an `Arc` (then the card is `'static`).
#[derive(Clone)]
pub(crate) enum Shared<'a, T> {
    Borrowed(&'a T),
    Owned(Arc<T>),
}

impl<T> Deref for Shared<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Shared::Borrowed(t) => t,
            Shared::Owned(t) => t,
        }
    }
}

impl<'a> Scorecard<'a> {
    /// The same card owning its office and period and sharing its framework: a borrowed
    /// framework is cloned once into an `Arc`, a shared one is kept.
    pub fn into_owned(self) -> Scorecard<'static> {
        let framework = match &self.framework {
            Shared::Borrowed(fw) => Arc::new((*fw).clone()),
            Shared::Owned(fw) => Arc::clone(fw),
        };
        self.with_framework(framework)
    }

    /// The same card owning its office and period and sharing `fw`, without a copy when the
    /// card was scored against that very framework (the same value in memory, as a planner
    /// over `fw` gives); otherwise as [`Scorecard::into_owned`]. A binding or a server that
    /// keeps its framework in an `Arc` returns the cards of borrowed results this way.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use gender_seal::{score, Assessment, Framework, ScoreOptions};
    /// let fw = Arc::new(Framework::builtin("undp-gender-seal-co", "2021.2")?);
    /// let a = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
    /// let card = score(&fw, &a, &ScoreOptions::default())?.into_shared(&fw);
    /// assert!(std::ptr::eq(card.framework(), &*fw));
    /// # Ok::<(), gender_seal::Error>(())
    /// ```
    pub fn into_shared(self, fw: &Arc<Framework>) -> Scorecard<'static> {
        match &self.framework {
            Shared::Borrowed(b) if std::ptr::eq(*b, &**fw) => {
                let fw = Arc::clone(fw);
                self.with_framework(fw)
            }
            _ => self.into_owned(),
        }
    }

    /// The card over `framework` (the same framework value, now shared), owning the rest.
    fn with_framework(self, framework: Arc<Framework>) -> Scorecard<'static> {
        Scorecard {
            framework: Shared::Owned(framework),
            office: Cow::Owned(self.office.into_owned()),
            period: self.period.map(|p| Cow::Owned(p.into_owned())),
            lang: self.lang,
            exact: self.exact,
            percentage_rounded: self.percentage_rounded,
            award: self.award,
            warnings: self.warnings,
            entries: self.entries,
        }
    }

    /// The framework scored against.
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    /// Office name.
    pub fn office(&self) -> &str {
        &self.office
    }

    /// Assessment period (a plan's projected scorecard carries the plan's period).
    pub fn period(&self) -> Option<&str> {
        self.period.as_deref()
    }

    /// Language of the labels.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The exact percentage, rounded half-even to 4 decimals for reading.
    pub fn percentage(&self) -> Decimal {
        crate::num::fraction::report4(&self.exact)
    }

    /// The official percentage: rounded by the framework's policy.
    pub fn percentage_rounded(&self) -> Decimal {
        self.percentage_rounded
    }

    /// The rounding policy applied (the framework's).
    pub fn rounding(&self) -> Rounding {
        self.framework().rounding()
    }

    /// The awarded tier, or `None`; its label in the card's language.
    pub fn tier(&self) -> Option<TierResult> {
        tier_result(self.framework(), self.rank(), self.lang)
    }

    /// Rank of the result.
    pub fn rank(&self) -> Rank {
        self.award.rank()
    }

    /// Tiers above the awarded one whose minimum is reached but whose gates fail.
    pub fn blocked(&self) -> Vec<TierShortfall> {
        self.award
            .blocked
            .iter()
            .map(|s| self.shortfall(s, Decimal::ZERO))
            .collect()
    }

    /// The lowest tier above the awarded one, or `None` at the top.
    pub fn next(&self) -> Option<TierShortfall> {
        let (s, missing) = self.award.next.as_ref()?;
        Some(self.shortfall(s, *missing))
    }

    /// A tier not reached, with its failing gates.
    fn shortfall(&self, s: &Shortfall, points_missing: Decimal) -> TierShortfall {
        let fw = self.framework();
        let dimension = |d: usize| dimension_total(fw, &self.entries, d)?.fraction();
        let t = &fw.tiers()[s.tier];
        TierShortfall {
            id: t.id.clone(),
            level: s.tier + 1,
            label: t.label.get(self.lang),
            points_missing,
            failing: self
                .award
                .failing(s)
                .iter()
                .map(|&(ti, gi)| gate_failure(fw, ti, gi, &self.entries, &dimension))
                .collect(),
        }
    }

    /// Warnings for the assessor.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The resolved evidence: one entry per benchmark, in framework order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Per dimension, in framework order, built when read.
    pub fn dimensions(&self) -> impl ExactSizeIterator<Item = DimensionResult> + '_ {
        let fw = self.framework();
        fw.dimensions()
            .iter()
            .enumerate()
            .map(|(i, d)| (d, dimension_total(fw, &self.entries, i).unwrap_or_default()))
            .map(|(d, t)| DimensionResult {
                id: d.id.clone(),
                percentage: t.fraction().as_ref().map(crate::num::fraction::report4),
                earned: decimal::scaled(t.earned, 12),
                possible: decimal::scaled(t.possible, 12),
                weight: d.weight,
                benchmarks: d.benchmarks.len(),
                applicable: t.applicable,
            })
    }

    /// Per benchmark, in framework order, built when read.
    pub fn benchmarks(&self) -> impl ExactSizeIterator<Item = BenchmarkResult> + '_ {
        let fw = self.framework();
        fw.benchmarks()
            .iter()
            .zip(&self.entries)
            .enumerate()
            .map(move |(i, (b, e))| {
                let rating = e.rating.map(|r| &fw.ratings()[r]);
                BenchmarkResult {
                    id: b.id.clone(),
                    dimension: fw.dimensions()[b.dimension].id.clone(),
                    rating: rating.map_or_else(|| NOT_APPLICABLE_ID.clone(), |r| r.id.clone()),
                    basis: e.basis,
                    status: e.status,
                    value: e.value,
                    weight: b.weight,
                    credit: rating.map(|r| r.credit),
                    earned: e
                        .rating
                        .map(|r| decimal::scaled(fw.earned_units[i * fw.ratings().len() + r], 12)),
                }
            })
    }

    /// The whole document of docs/contract.md, borrowed where it can be.
    fn document(&self) -> Document<'_> {
        Document {
            framework: FrameworkRef::of(self.framework()),
            office: &self.office,
            period: self.period.as_deref(),
            lang: self.lang,
            percentage: self.percentage(),
            percentage_rounded: self.percentage_rounded,
            rounding: self.rounding(),
            tier: self.tier(),
            rank: self.rank(),
            blocked: self.blocked(),
            next: self.next(),
            dimensions: self.dimensions().collect(),
            benchmarks: self.benchmarks().collect(),
            warnings: &self.warnings,
        }
    }
}

/// The framework shows as its reference (id and version), not in full.
impl fmt::Debug for Scorecard<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scorecard")
            .field("framework", &FrameworkRef::of(self.framework()))
            .field("office", &self.office)
            .field("period", &self.period)
            .field("lang", &self.lang)
            .field("percentage", &self.percentage())
            .field("percentage_rounded", &self.percentage_rounded)
            .field("award", &self.award)
            .field("warnings", &self.warnings)
            .field("entries", &self.entries)
            .finish()
    }
}

/// Equal when scored against the same framework (the same value in memory) with the same
/// office, period, language, results and warnings.
impl PartialEq for Scorecard<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.framework(), other.framework())
            && self.office == other.office
            && self.period == other.period
            && self.lang == other.lang
            && self.exact == other.exact
            && self.percentage_rounded == other.percentage_rounded
            && self.award == other.award
            && self.warnings == other.warnings
            && self.entries == other.entries
    }
}

impl Serialize for Scorecard<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.document().serialize(serializer)
    }
}

impl JsonSchema for Scorecard<'_> {
    fn schema_name() -> Cow<'static, str> {
        Document::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        Document::json_schema(generator)
    }
}

/// A scorecard as JSON (docs/contract.md).
#[derive(Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Scorecard", description = "A scorecard.")]
struct Document<'s> {
    /// The framework scored against.
    framework: FrameworkRef,
    /// Office name.
    office: &'s str,
    /// Assessment period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    period: Option<&'s str>,
    /// Language of the labels.
    lang: Lang,
    /// The exact percentage, rounded half-even to 4 decimals for reading.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    percentage: Decimal,
    /// The official percentage: rounded by the framework's policy.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    percentage_rounded: Decimal,
    /// The rounding policy applied.
    rounding: Rounding,
    /// The awarded tier, or null.
    tier: Option<TierResult>,
    /// Rank of the result.
    rank: Rank,
    /// Tiers above the awarded one whose minimum is reached but whose gates fail.
    blocked: Vec<TierShortfall>,
    /// The lowest tier above the awarded one, or null at the top.
    next: Option<TierShortfall>,
    /// Per dimension, in framework order.
    dimensions: Vec<DimensionResult>,
    /// Per benchmark, in framework order.
    benchmarks: Vec<BenchmarkResult>,
    /// Warnings for the assessor.
    warnings: &'s [Warning],
}

/// One dimension's detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DimensionResult {
    /// Dimension id.
    pub id: Id,
    /// 100 × earned / possible, rounded half-even to 4 decimals; null when no benchmark is
    /// applicable.
    #[serde(with = "decimal::string::option")]
    #[schemars(with = "Option<decimal::DecimalString>")]
    pub percentage: Option<Decimal>,
    /// Σ weight × credit over applicable benchmarks.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub earned: Decimal,
    /// Σ weight over applicable benchmarks.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub possible: Decimal,
    /// Dimension weight (`by_dimension` aggregation; 1 otherwise).
    pub weight: Number,
    /// Number of benchmarks.
    pub benchmarks: usize,
    /// Number of applicable benchmarks.
    pub applicable: usize,
}

/// One benchmark's detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkResult {
    /// Benchmark id.
    pub id: Id,
    /// Dimension id.
    pub dimension: Id,
    /// Rating id, or `not_applicable`.
    pub rating: Id,
    /// How the rating was reached.
    pub basis: Basis,
    /// The evidence's status, when the assessment gives one (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EvidenceStatus>,
    /// The measured value, when derived by the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    /// Benchmark weight.
    pub weight: Number,
    /// Credit of the rating; null when not applicable.
    pub credit: Option<Number>,
    /// weight × credit; null when not applicable.
    #[serde(with = "decimal::string::option")]
    #[schemars(with = "Option<decimal::DecimalString>")]
    pub earned: Option<Decimal>,
}

fn not_scorable() -> Error {
    Error::new(
        ErrorKind::NotScorable,
        "evidence",
        "no applicable benchmark: every benchmark is rated not applicable, so there is no percentage",
    )
}

impl<'a> Scorecard<'a> {
    /// Builds the scorecard of resolved entries (one per benchmark, in framework order) for an
    /// office and period.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotScorable`] when no benchmark is applicable.
    pub(crate) fn build(
        framework: Shared<'a, Framework>,
        (office, period): (Cow<'a, str>, Option<Cow<'a, str>>),
        entries: Vec<Entry>,
        warnings: Vec<Warning>,
        lang: Lang,
    ) -> Result<Scorecard<'a>> {
        let fw = &*framework;
        let rating = |b: usize| entries[b].rating;
        let p = overall_fraction(fw, &entries).ok_or_else(not_scorable)?;
        let official = official(fw, &p)?;
        let dimension = |d: usize| dimension_total(fw, &entries, d)?.fraction();
        let gates = GateInput {
            ratings: &rating,
            dimensions: &dimension,
        };
        let award = ladder::award(fw, official, &gates);
        Ok(Scorecard {
            framework,
            office,
            period,
            lang,
            exact: p,
            percentage_rounded: official,
            award,
            warnings,
            entries,
        })
    }
}

/// The office and period of an assessment, borrowed.
pub(crate) fn named(a: &Assessment) -> (Cow<'_, str>, Option<Cow<'_, str>>) {
    (
        Cow::Borrowed(a.office.as_str()),
        a.period.as_deref().map(Cow::Borrowed),
    )
}
