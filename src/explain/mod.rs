//! What a result rests on, exactly: the fewest benchmarks that must rise to reach a target
//! rank (`raise`), and the fewest whose fall would lose the awarded one (`hold`).
//!
//! - **raise**: each chosen benchmark goes to the top of the scale (a rule benchmark may be
//!   rated directly; missing evidence counts as the lowest rating; a benchmark rated not
//!   applicable cannot change). The target defaults to the tier above the awarded one (at the
//!   top tier, its strong rank when it has one and the result is not strong; otherwise there
//!   is nothing to raise to). When even every benchmark at the top does not reach the target,
//!   the answer says which gates stay failing and how many points stay missing.
//! - **hold**: each chosen applicable benchmark goes to the bottom of the scale, and the set
//!   loses the awarded rank (the tier, or its "strong"); none when there is no tier.
//!
//! Ties go to the set whose sorted id list is smallest (byte order). The search is exact
//! (the rustdoc of `src/explain/cover.rs` says why) and its results are rescored by the scorer
//! itself. See `docs/explain.md`.
//!
//! ```
//! use gender_seal::{explain::{explain, ExplainOptions}, Assessment, Framework};
//! let fw = Framework::builtin("undp-gender-seal-co", "2021.2")?;
//! let mali = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
//! let e = explain(&fw, &mali, &ExplainOptions::default())?;
//! let raise = e.raise.as_ref().unwrap();
//! assert_eq!(&*raise.target, "gold");
//! assert!(raise.reachable);
//! assert_eq!(raise.changes, Some(raise.benchmarks.len()));
//! assert!(raise.benchmarks.iter().any(|b| &*b.id == "MS1")); // a Gold gate
//! assert!(e.hold.is_some());
//! # Ok::<(), gender_seal::Error>(())
//! ```

mod cover;
mod goal;

use std::sync::Arc;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Basis, Entry, FrameworkRef, Resolved};
use crate::error::{Error, ErrorKind, Result};
use crate::framework::Framework;
use crate::i18n::Lang;
use crate::id::Id;
use crate::num::decimal::{self, DecimalString};
use crate::score::ladder::Rank;
use crate::score::{GateFailure, Scorecard};
use crate::score::{dimension_total, gate_failure, tier_result};
use goal::{Start, Way};

/// Options of [`explain`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplainOptions {
    /// The rank `raise` aims for; `None` for the tier above the awarded one.
    pub target: Option<Rank>,
    /// Explain an assessment written for another version of the framework.
    pub allow_version_mismatch: bool,
    /// Language of the labels (falls back to English).
    pub lang: Lang,
}

impl Default for ExplainOptions {
    fn default() -> Self {
        ExplainOptions {
            target: None,
            allow_version_mismatch: false,
            lang: Lang::EN,
        }
    }
}

/// What a result rests on: what `explain --format json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// The framework scored against.
    pub framework: FrameworkRef,
    /// Office name.
    pub office: String,
    /// Assessment period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Language of the labels.
    pub lang: Lang,
    /// The exact percentage, rounded half-even to 4 decimals for reading.
    #[serde(with = "decimal::string")]
    #[schemars(with = "DecimalString")]
    pub percentage: Decimal,
    /// The official percentage.
    #[serde(with = "decimal::string")]
    #[schemars(with = "DecimalString")]
    pub percentage_rounded: Decimal,
    /// The awarded rank.
    pub rank: Standing,
    /// The fewest benchmarks to raise to reach the target; null when there is no rank above
    /// the awarded one and no target was given.
    pub raise: Option<Raise>,
    /// The fewest benchmarks whose lowering loses the awarded rank; null without a tier.
    pub hold: Option<Hold>,
}

/// A rank as people read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Standing {
    /// Tier id, or null for no tier.
    pub tier: Option<Id>,
    /// Level of the tier (1-based position in the ladder), 0 for none.
    pub level: usize,
    /// Whether it is strong.
    pub strong: bool,
    /// Label (the strong label when strong), or null for no tier.
    pub label: Option<Arc<str>>,
}

impl Standing {
    fn of(fw: &Framework, rank: Rank, lang: Lang) -> Standing {
        let t = tier_result(fw, rank, lang);
        Standing {
            level: rank.level,
            strong: rank.strong,
            tier: t.as_ref().map(|t| t.id.clone()),
            label: t.map(|t| t.label),
        }
    }
}

/// A result after some changes: the percentage and the rank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// The exact percentage, rounded half-even to 4 decimals.
    #[serde(with = "decimal::string")]
    #[schemars(with = "DecimalString")]
    pub percentage: Decimal,
    /// The official percentage.
    #[serde(with = "decimal::string")]
    #[schemars(with = "DecimalString")]
    pub percentage_rounded: Decimal,
    /// The rank.
    pub rank: Standing,
}

/// One benchmark of a set, and the change it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// Benchmark id.
    pub id: Id,
    /// Dimension id.
    pub dimension: Id,
    /// Rating id now.
    pub from: Id,
    /// Rating id after the change (the top of the scale to raise, the bottom to lower).
    pub to: Id,
    /// How the present rating was reached (`missing`: no evidence, the lowest rating).
    pub basis: Basis,
    /// Whether the present rating rests on evidence marked assumed.
    pub assumed: bool,
}

/// The fewest benchmarks that must rise to reach the target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Raise {
    /// Target tier id.
    pub target: Id,
    /// Whether the target is the tier's strong rank.
    pub strong: bool,
    /// Label of the target (the strong label when strong).
    pub label: Arc<str>,
    /// Whether raising benchmarks can reach the target at all.
    pub reachable: bool,
    /// How many benchmarks must rise (0 when the result already reaches the target); null when
    /// unreachable.
    pub changes: Option<usize>,
    /// One such set, in byte order of ids: of the smallest sets, the one whose sorted id list
    /// is smallest. Empty when unreachable.
    pub benchmarks: Vec<Change>,
    /// The result with these benchmarks raised; when unreachable, with every benchmark that
    /// can rise at the top of the scale.
    pub result: Outcome,
    /// When unreachable: the target's gates (its tier's and lower tiers') that still fail with
    /// every benchmark at the top.
    pub failing: Vec<GateFailure>,
    /// When unreachable: official percentage points still missing with every benchmark at the
    /// top; 0 otherwise.
    #[serde(with = "decimal::string")]
    #[schemars(with = "DecimalString")]
    pub points_missing: Decimal,
}

/// The fewest applicable benchmarks whose lowering loses the awarded rank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hold {
    /// Whether lowering benchmarks can lose the rank at all (false, e.g., for a lowest tier
    /// at 0 % without gates).
    pub losable: bool,
    /// How many benchmarks; null when the rank cannot be lost.
    pub changes: Option<usize>,
    /// One such set, in byte order of ids: of the smallest sets, the one whose sorted id list
    /// is smallest. Empty when the rank cannot be lost.
    pub benchmarks: Vec<Change>,
    /// The result with these benchmarks lowered; when the rank cannot be lost, with every
    /// applicable benchmark at the bottom of the scale.
    pub result: Outcome,
    /// The awarded rank's gates that fail after the lowering (empty when the percentage alone
    /// loses it).
    pub failing: Vec<GateFailure>,
}

/// Explains an assessment's result: what raising reaches the target, what lowering loses the
/// rank.
///
/// # Errors
///
/// As [`score`](crate::score()); [`ErrorKind::Request`] for a target that is not a rank of the
/// framework's ladder.
pub fn explain(
    fw: &Framework,
    assessment: &Assessment,
    options: &ExplainOptions,
) -> Result<Explanation> {
    let resolved = assessment.resolve(fw, options.allow_version_mismatch)?;
    let ctx = Context {
        fw,
        assessment,
        resolved: &resolved,
        lang: options.lang,
    };
    let card = ctx.card(resolved.entries.clone())?;
    let rank = card.rank();
    let start = Start::new(fw, resolved.entries.iter().map(|e| e.rating).collect());
    let target = match options.target {
        Some(t) => Some(check_target(fw, t)?),
        None => next_rank(fw, rank),
    };
    let raise = match target {
        Some(t) => Some(ctx.raise(&start, &card, t)?),
        None => None,
    };
    let hold = if rank.level > 0 {
        Some(ctx.hold(&start, rank)?)
    } else {
        None
    };
    Ok(Explanation {
        framework: FrameworkRef::of(fw),
        office: assessment.office.clone(),
        period: assessment.period.clone(),
        lang: options.lang,
        percentage: card.percentage(),
        percentage_rounded: card.percentage_rounded(),
        rank: Standing::of(fw, rank, options.lang),
        raise,
        hold,
    })
}

/// The rank above `rank`: the next tier, or at the top tier its strong rank.
fn next_rank(fw: &Framework, rank: Rank) -> Option<Rank> {
    let tiers = fw.tiers();
    if rank.level < tiers.len() {
        return Some(Rank {
            level: rank.level + 1,
            strong: false,
        });
    }
    let top = tiers.last()?;
    (rank.level == tiers.len() && !rank.strong && top.strong_from.is_some()).then_some(Rank {
        level: rank.level,
        strong: true,
    })
}

fn check_target(fw: &Framework, t: Rank) -> Result<Rank> {
    let tier = t.level.checked_sub(1).and_then(|i| fw.tiers().get(i));
    match tier {
        Some(tier) if !t.strong || tier.strong_from.is_some() => Ok(t),
        _ => Err(Error::new(
            ErrorKind::Request,
            "target",
            format!(
                "target {t} is not a rank of the ladder: a tier level from 1 to {}, strong only where the tier has 'strong_from'",
                fw.tiers().len()
            ),
        )),
    }
}

/// What every part of an explanation reads.
struct Context<'a> {
    fw: &'a Framework,
    assessment: &'a Assessment,
    resolved: &'a Resolved,
    lang: Lang,
}

impl<'a> Context<'a> {
    fn card(&self, entries: Vec<Entry>) -> Result<Scorecard<'a>> {
        Scorecard::build(
            crate::score::Shared::Borrowed(self.fw),
            crate::score::named(self.assessment),
            entries,
            Vec::new(),
            self.lang,
        )
    }

    /// The scorecard with `benchmarks` moved `way` (every one that can move, for `None`).
    fn moved(
        &self,
        start: &Start<'_>,
        way: Way,
        benchmarks: Option<&[usize]>,
    ) -> Result<Scorecard<'a>> {
        let to = start.moved(way);
        let mut entries = self.resolved.entries.clone();
        let lift = |e: &mut Entry| {
            if e.rating.is_some() {
                e.rating = Some(to);
            }
        };
        match benchmarks {
            Some(set) => {
                for &b in set {
                    if let Some(e) = entries.get_mut(b) {
                        lift(e);
                    }
                }
            }
            None => entries.iter_mut().for_each(lift),
        }
        self.card(entries)
    }

    fn outcome(&self, card: &Scorecard<'_>) -> Outcome {
        Outcome {
            percentage: card.percentage(),
            percentage_rounded: card.percentage_rounded(),
            rank: Standing::of(self.fw, card.rank(), self.lang),
        }
    }

    fn changes(&self, start: &Start<'_>, way: Way, set: &[usize]) -> Vec<Change> {
        let fw = self.fw;
        let rating_id = |r: Option<usize>| {
            r.and_then(|r| fw.ratings().get(r))
                .map(|r| r.id.clone())
                .unwrap_or_default()
        };
        set.iter()
            .map(|&b| {
                let e = &self.resolved.entries[b];
                Change {
                    id: fw.benchmarks()[b].id.clone(),
                    dimension: fw.dimensions()[fw.benchmarks()[b].dimension].id.clone(),
                    from: rating_id(e.rating),
                    to: rating_id(Some(start.moved(way))),
                    basis: e.basis,
                    assumed: self.resolved.is_assumed(b),
                }
            })
            .collect()
    }

    fn raise(&self, start: &Start<'_>, card: &Scorecard<'_>, target: Rank) -> Result<Raise> {
        let fw = self.fw;
        let label = tier_result(fw, target, self.lang)
            .map(|t| t.label)
            .unwrap_or_else(|| Arc::from(""));
        let tier = fw.tiers()[target.level - 1].id.clone();
        let found = if card.rank() >= target {
            Some(Vec::new())
        } else {
            goal::raise(start, target).and_then(|g| cover::solve(&g).map(|a| benchmarks_of(&g, &a)))
        };
        let Some(set) = found else {
            let top = self.moved(start, Way::Raise, None)?;
            let threshold = goal::threshold(fw, target).map_or(Decimal::ZERO, |t| t.value());
            return Ok(Raise {
                target: tier,
                strong: target.strong,
                label,
                reachable: false,
                changes: None,
                benchmarks: Vec::new(),
                result: self.outcome(&top),
                failing: failing_gates(&top, target.level),
                points_missing: (threshold - top.percentage_rounded()).max(Decimal::ZERO),
            });
        };
        let after = self.moved(start, Way::Raise, Some(&set))?;
        Ok(Raise {
            target: tier,
            strong: target.strong,
            label,
            reachable: true,
            changes: Some(set.len()),
            benchmarks: self.changes(start, Way::Raise, &set),
            result: self.outcome(&after),
            failing: Vec::new(),
            points_missing: Decimal::ZERO,
        })
    }

    fn hold(&self, start: &Start<'_>, rank: Rank) -> Result<Hold> {
        let fw = self.fw;
        let mut best: Option<Vec<usize>> = None;
        for g in goal::lower(start, rank) {
            let Some(a) = cover::solve(&g) else { continue };
            let set = benchmarks_of(&g, &a);
            let ids = |s: &[usize]| -> Vec<&[u8]> {
                s.iter()
                    .map(|&b| fw.benchmarks()[b].id.as_bytes())
                    .collect()
            };
            if best
                .as_ref()
                .is_none_or(|b| (set.len(), ids(&set)) < (b.len(), ids(b)))
            {
                best = Some(set);
            }
        }
        let Some(set) = best else {
            let bottom = self.moved(start, Way::Lower, None)?;
            return Ok(Hold {
                losable: false,
                changes: None,
                benchmarks: Vec::new(),
                result: self.outcome(&bottom),
                failing: Vec::new(),
            });
        };
        let after = self.moved(start, Way::Lower, Some(&set))?;
        Ok(Hold {
            losable: true,
            changes: Some(set.len()),
            benchmarks: self.changes(start, Way::Lower, &set),
            result: self.outcome(&after),
            failing: failing_gates(&after, rank.level),
        })
    }
}

/// The benchmarks of an answer, in id order.
fn benchmarks_of(goal: &cover::Goal, answer: &cover::Answer) -> Vec<usize> {
    answer
        .set
        .iter()
        .filter_map(|&i| goal.items.get(i).map(|it| it.benchmark))
        .collect()
}

/// The failing gates of tiers 1 to `level` of a scorecard, in ladder order.
fn failing_gates(card: &Scorecard<'_>, level: usize) -> Vec<GateFailure> {
    let fw = card.framework();
    let dimension = |d: usize| dimension_total(fw, card.entries(), d)?.fraction();
    card.award
        .failing
        .iter()
        .filter(|(tier, _)| *tier < level)
        .map(|&(tier, gate)| gate_failure(fw, tier, gate, card.entries(), &dimension))
        .collect()
}

#[cfg(test)]
mod tests;
