//! The same evidence under two frameworks (two editions of the rules), side by side: what a
//! rule change does to each office before it ships.
//!
//! Each assessment is scored under both frameworks whatever framework it was written for
//! (that is the point), leniently: evidence for a benchmark a framework does not have is left
//! out and reported ([`Side::ignored`]), and a benchmark without evidence takes the lowest
//! rating as always ([`Side::unrated`]). Anything else wrong with the evidence (an unknown
//! rating, a value out of bounds, nothing applicable) is still an error.

use std::path::Path;

use crate::id::Id;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, FrameworkRef, ResolveOptions, WarningCode};
use crate::error::Result;
use crate::framework::Framework;
use crate::i18n::Lang;
use crate::load::shared::Shared;
use crate::num::decimal::{self, DecimalString};
use crate::score::ladder::Rank;
use crate::score::{Scorecard, TierResult};

/// One office's result under one framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Side {
    /// The exact percentage rounded half-even to 4 decimals.
    #[serde(with = "decimal::string")]
    #[schemars(with = "DecimalString")]
    pub percentage: Decimal,
    /// The official percentage, by this framework's rounding.
    #[serde(with = "decimal::string")]
    #[schemars(with = "DecimalString")]
    pub percentage_rounded: Decimal,
    /// The awarded tier, or null.
    pub tier: Option<TierResult>,
    /// Rank of the result.
    pub rank: Rank,
    /// Ids of the blocked tiers.
    pub blocked: Vec<Id>,
    /// Benchmarks with evidence that this framework does not have: left out.
    pub ignored: Vec<Id>,
    /// Benchmarks of this framework without evidence: rated lowest.
    pub unrated: Vec<Id>,
}

impl Side {
    fn of(card: &Scorecard) -> Side {
        let with = |code: WarningCode| {
            card.warnings
                .iter()
                .filter(|w| w.code == code)
                .filter_map(|w| w.benchmark.clone())
                .collect()
        };
        Side {
            percentage: card.percentage(),
            percentage_rounded: card.percentage_rounded,
            tier: card.tier(),
            rank: card.rank(),
            blocked: card.blocked().iter().map(|b| b.id.clone()).collect(),
            ignored: with(WarningCode::UnknownBenchmarkIgnored),
            unrated: with(WarningCode::MissingEvidence),
        }
    }

    /// The awarded tier id, if any.
    pub fn tier_id(&self) -> Option<&str> {
        self.tier.as_ref().map(|t| &*t.id)
    }
}

/// Which way an office's rank moves from the first framework to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// A higher rank (a higher tier, or strong).
    Up,
    /// A lower rank.
    Down,
    /// The same rank.
    Same,
}

/// One office under both frameworks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfficeDiff {
    /// The assessment file (as the caller named it).
    pub file: String,
    /// Office name.
    pub office: String,
    /// Assessment period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The framework the assessment says it was written for.
    pub written_for: FrameworkRef,
    /// Result under the first framework.
    pub from: Side,
    /// Result under the second framework.
    pub to: Side,
    /// Official percentage points gained (negative: lost), `to` − `from`.
    #[serde(with = "decimal::string")]
    #[schemars(with = "DecimalString")]
    pub points: Decimal,
    /// Which way the rank moves.
    pub movement: Movement,
    /// Whether the official result differs: the official percentage, the tier or "strong".
    pub changed: bool,
}

/// Counts over every office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// Number of offices.
    pub offices: usize,
    /// Offices whose rank rises.
    pub up: usize,
    /// Offices whose rank falls.
    pub down: usize,
    /// Offices whose rank stays.
    pub same: usize,
    /// Offices whose official result differs (a moved rank, or the same rank with another
    /// official percentage or tier id).
    pub changed: usize,
}

/// The diff of two frameworks over a set of assessments: what `diff --format json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diff {
    /// The first framework.
    pub from: FrameworkRef,
    /// The second framework.
    pub to: FrameworkRef,
    /// Language of the tier labels.
    pub lang: Lang,
    /// Each office, in the order given.
    pub offices: Vec<OfficeDiff>,
    /// Counts.
    pub summary: Summary,
}

/// Scores each assessment under `from` and `to` and compares the results. `assessments` pairs
/// a name for reports (usually the file path) with the assessment.
///
/// ```
/// use gender_seal::{diff::{diff, Movement}, Assessment, Framework};
/// let dir = env!("CARGO_MANIFEST_DIR");
/// let from = Framework::from_path(format!("{dir}/benchmarks/undp-co-2021.json"))?;
/// let to = Framework::from_path(format!("{dir}/benchmarks/undp-co-2021-strict.json"))?;
/// let mali = Assessment::from_path(format!("{dir}/fixtures/mali-2020.json"))?;
/// let d = diff(&from, &to, &[("mali-2020.json".into(), mali)], gender_seal::i18n::Lang::EN)?;
/// assert_eq!(d.offices[0].movement, Movement::Down);
/// assert_eq!(&*d.offices[0].to.ignored[0], "PA5");
/// # Ok::<(), gender_seal::Error>(())
/// ```
///
/// # Errors
///
/// Any error scoring an assessment under either framework other than a framework mismatch or
/// evidence for an unknown benchmark (an unknown rating, a value out of bounds or for a
/// benchmark without a rule, nothing applicable), naming the assessment.
pub fn diff(
    from: &Framework,
    to: &Framework,
    assessments: &[(String, Assessment)],
    lang: Lang,
) -> Result<Diff> {
    let mut offices = Vec::with_capacity(assessments.len());
    let mut summary = Summary::default();
    for (file, a) in assessments {
        offices.push(office(from, to, file, a, lang, &mut summary)?);
    }
    Ok(Diff {
        from: FrameworkRef::of(from),
        to: FrameworkRef::of(to),
        lang,
        offices,
        summary,
    })
}

/// [`diff`] of assessment files, read one at a time: each distinct file is parsed once and
/// dropped after its last place in `paths`, so the same large assessment given forty times is
/// held once, and forty different ones one after another. Offices are named by their path.
///
/// # Errors
///
/// Any error reading an assessment (naming its file), and those of [`diff`].
pub fn diff_files<P: AsRef<Path>>(
    from: &Framework,
    to: &Framework,
    paths: &[P],
    lang: Lang,
) -> Result<Diff> {
    let paths: Vec<&Path> = paths.iter().map(AsRef::as_ref).collect();
    let mut loaded = Shared::new(paths.iter().copied().enumerate());
    let mut offices = Vec::with_capacity(paths.len());
    let mut summary = Summary::default();
    for (i, path) in paths.iter().enumerate() {
        let a = loaded.get(i, path, || Assessment::from_path(path))?;
        let file = path.display().to_string();
        offices.push(office(from, to, &file, &a, lang, &mut summary)?);
    }
    Ok(Diff {
        from: FrameworkRef::of(from),
        to: FrameworkRef::of(to),
        lang,
        offices,
        summary,
    })
}

/// One office under both frameworks, counted in `summary`.
fn office(
    from: &Framework,
    to: &Framework,
    file: &str,
    a: &Assessment,
    lang: Lang,
    summary: &mut Summary,
) -> Result<OfficeDiff> {
    let side = |fw: &Framework| -> Result<Side> {
        lenient_card(fw, a, lang)
            .map(|c| Side::of(&c))
            .map_err(|e| e.in_file(file))
    };
    let (f, t) = (side(from)?, side(to)?);
    let movement = match t.rank.cmp(&f.rank) {
        std::cmp::Ordering::Greater => Movement::Up,
        std::cmp::Ordering::Less => Movement::Down,
        std::cmp::Ordering::Equal => Movement::Same,
    };
    let changed = movement != Movement::Same
        || f.percentage_rounded != t.percentage_rounded
        || f.tier_id() != t.tier_id();
    summary.offices += 1;
    match movement {
        Movement::Up => summary.up += 1,
        Movement::Down => summary.down += 1,
        Movement::Same => summary.same += 1,
    }
    summary.changed += usize::from(changed);
    Ok(OfficeDiff {
        file: file.to_string(),
        office: a.office.clone(),
        period: a.period.clone(),
        written_for: a.framework.clone(),
        points: t.percentage_rounded - f.percentage_rounded,
        from: f,
        to: t,
        movement,
        changed,
    })
}

/// The scorecard of an assessment under any framework: another framework id or version is
/// accepted and evidence for benchmarks the framework lacks is left out, each with a warning.
fn lenient_card<'a>(fw: &'a Framework, a: &'a Assessment, lang: Lang) -> Result<Scorecard<'a>> {
    let options = ResolveOptions {
        allow_version_mismatch: true,
        allow_framework_mismatch: true,
        ignore_unknown_benchmarks: true,
    };
    let resolved = a.resolve_with(fw, &options)?;
    Scorecard::build(
        crate::score::Shared::Borrowed(fw),
        crate::score::named(a),
        resolved.entries,
        resolved.warnings,
        lang,
    )
}
