//! Scoring: `(&Framework, &Assessment) -> Scorecard` (docs/methodology.md).
//!
//! Three files, each above the one before: `totals` (exact per-dimension and overall totals
//! and the percentage P), `ladder` (the tier ladder: cumulative gates, the awarded tier, its
//! "strong" qualifier, blocked and next tiers, ranks and targets — one place per rule, which
//! the planner's integer model is pinned to by tests) and `card` (the [`Scorecard`], whose
//! rows are built when read).

pub(crate) mod card;
pub(crate) mod ladder;
pub(crate) mod totals;

use std::borrow::Cow;
use std::sync::Arc;

use crate::assessment::Assessment;
use crate::error::Result;
use crate::framework::Framework;
use crate::i18n::Lang;

pub use card::{BenchmarkResult, DimensionResult, Scorecard};
pub(crate) use card::{Shared, named};
pub use ladder::{GateFailure, Rank, TierResult, TierShortfall};
// What the planner and the other stages use of scoring, in one place.
pub(crate) use ladder::{gate_failure, tier_result};
pub(crate) use totals::{DimensionTotal, dimension_total, official, overall, totals};

/// Options of [`score`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreOptions {
    /// Score an assessment written for another version of the framework (with a warning).
    pub allow_version_mismatch: bool,
    /// Language of the labels (a text without it falls back to English).
    pub lang: Lang,
}

impl Default for ScoreOptions {
    fn default() -> Self {
        ScoreOptions {
            allow_version_mismatch: false,
            lang: Lang::EN,
        }
    }
}

/// Scores an assessment against a framework.
///
/// ```
/// use gender_seal::{score, Assessment, Framework, ScoreOptions};
/// let fw = Framework::builtin("undp-gender-seal-co", "2021.2").unwrap();
/// let a = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json")).unwrap();
/// let card = score(&fw, &a, &ScoreOptions::default()).unwrap();
/// assert_eq!(card.percentage_rounded().to_string(), "74");
/// assert_eq!(&*card.tier().unwrap().label, "Silver-strong");
/// ```
///
/// # Errors
///
/// [`ErrorKind::FrameworkMismatch`](crate::ErrorKind::FrameworkMismatch) or [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) from
/// [`Assessment::resolve`]; [`ErrorKind::NotScorable`](crate::ErrorKind::NotScorable) when no benchmark is applicable.
pub fn score<'a>(
    fw: &'a Framework,
    assessment: &'a Assessment,
    options: &ScoreOptions,
) -> Result<Scorecard<'a>> {
    let resolved = assessment.resolve(fw, options.allow_version_mismatch)?;
    Scorecard::build(
        Shared::Borrowed(fw),
        card::named(assessment),
        resolved.entries,
        resolved.warnings,
        options.lang,
    )
}

/// Scores an assessment against a shared framework: the card keeps the `Arc` and owns
/// everything else, so it outlives the assessment (a binding or a server keeps one framework
/// and scores many assessments against it).
///
/// ```
/// use std::sync::Arc;
/// use gender_seal::{score_shared, Assessment, Framework, ScoreOptions};
/// let fw = Arc::new(Framework::builtin("undp-gender-seal-co", "2021.2")?);
/// let card = {
///     let a = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
///     score_shared(&fw, &a, &ScoreOptions::default())?
/// };
/// assert_eq!(card.percentage_rounded().to_string(), "74");
/// # Ok::<(), gender_seal::Error>(())
/// ```
///
/// # Errors
///
/// As [`score`].
pub fn score_shared(
    fw: &Arc<Framework>,
    assessment: &Assessment,
    options: &ScoreOptions,
) -> Result<Scorecard<'static>> {
    let resolved = assessment.resolve(fw, options.allow_version_mismatch)?;
    Scorecard::build(
        Shared::Owned(Arc::clone(fw)),
        (
            Cow::Owned(assessment.office.clone()),
            assessment.period.clone().map(Cow::Owned),
        ),
        resolved.entries,
        resolved.warnings,
        options.lang,
    )
}
