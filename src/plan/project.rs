//! Projection of a set of activities over a baseline (docs/plan.md), the quarterly timeline and
//! the marginal value of each activity. Every figure here comes from the scoring core
//! (`score::totals`, `overall`, `official`, `ladder::award`), never from the optimiser's model.

use crate::id::Id;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::model::AnyModel;
use super::{ActivitySet, Plan};
use crate::assessment::{Assessment, Basis, Entry, FrameworkRef, Resolved, Warning, WarningCode};
use crate::error::{Error, ErrorKind, Problems, Result};
use crate::framework::Framework;
use crate::i18n::Lang;
use crate::num::decimal::{self, Ratio, RoundingMode};
use crate::score::ladder::{self, GateInput, Rank};
use crate::score::{self, tier_result};
use crate::score::{Scorecard, TierResult};

/// A plan over a baseline: answers projection, timeline, marginal, cheapest and best.
#[derive(Debug, Clone)]
pub struct Planner<'a> {
    pub(crate) fw: &'a Framework,
    pub(crate) baseline: &'a Assessment,
    pub(crate) plan: &'a Plan,
    pub(crate) base: Vec<Entry>,
    pub(crate) warnings: Vec<Warning>,
    pub(crate) model: AnyModel,
    pub(crate) limit: super::Limit,
}

/// Rank and percentage of a set, exactly. Its `Debug` shows the exact percentage as `a/b`.
#[derive(Clone, PartialEq)]
pub struct Outcome {
    /// Rank of the projected result.
    pub rank: Rank,
    /// Exact percentage P.
    pub percentage: Ratio,
    /// Official percentage (P rounded by the framework's policy).
    pub official: Decimal,
    /// Total cost of the set.
    pub cost: Decimal,
}

impl std::fmt::Debug for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Outcome {
            rank,
            percentage,
            official,
            cost,
        } = self;
        f.debug_struct("Outcome")
            .field("rank", rank)
            .field("percentage", &decimal::AsFraction(percentage))
            .field("official", official)
            .field("cost", cost)
            .finish()
    }
}

/// The scorecard at the end of one quarter (0: the baseline).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelinePoint {
    /// 0 for the baseline, then 1 to 4.
    pub quarter: u8,
    /// Activities whose effects land in this quarter, in byte order.
    pub landed: Vec<Id>,
    /// Cumulative cost of the activities landed so far.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub cost: Decimal,
    /// Exact percentage, rounded half-even to 4 decimals.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub percentage: Decimal,
    /// Official percentage.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub percentage_rounded: Decimal,
    /// Awarded tier, or null.
    pub tier: Option<TierResult>,
    /// Rank.
    pub rank: Rank,
}

/// What one activity adds on its own to a base set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Marginal {
    /// Activity id.
    pub id: Id,
    /// Title in the language asked for.
    pub title: Arc<str>,
    /// Cost.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub cost: Decimal,
    /// Quarter its effects land.
    pub quarter: u8,
    /// Gain in official percentage points.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub points: Decimal,
    /// Gain in exact percentage, rounded half-even to 4 decimals.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub percentage_gain: Decimal,
    /// Rank of the base set.
    pub rank_before: Rank,
    /// Rank with the activity added.
    pub rank_after: Rank,
    /// Tier with the activity added, or null.
    pub tier_after: Option<TierResult>,
    /// Official points per unit of cost, rounded half-even to 8 decimals; null when free.
    #[serde(with = "decimal::string::option")]
    #[schemars(with = "Option<decimal::DecimalString>")]
    pub points_per_cost: Option<Decimal>,
}

/// Checks that a resolution and a plan were made against `fw` itself, not another framework
/// of the same id and version: one entry per benchmark with ratings on its scale, and every
/// effect's benchmark and rating index meaning what the plan's file says.
fn fits(fw: &Framework, resolved: &Resolved, plan: &Plan) -> Result<()> {
    let (benchmarks, ratings) = (fw.benchmarks().len(), fw.ratings().len());
    let other = |what: String| {
        Error::new(
            ErrorKind::Request,
            "",
            format!(
                "{what}: it was not made against this framework '{}' version '{}' ({benchmarks} benchmarks, {ratings} ratings)",
                fw.id(),
                fw.version()
            ),
        )
    };
    if resolved.entries.len() != benchmarks {
        return Err(other(format!(
            "the baseline's resolution has {} entries",
            resolved.entries.len()
        )));
    }
    if let Some((i, r)) = resolved
        .entries
        .iter()
        .enumerate()
        .find_map(|(i, e)| e.rating.filter(|&r| r >= ratings).map(|r| (i, r)))
    {
        return Err(other(format!(
            "the baseline's resolution rates benchmark {} with rating {r}",
            i + 1
        )));
    }
    let written = plan.file().activities.iter();
    for (i, (a, file)) in plan.activities().iter().zip(written).enumerate() {
        for (j, (e, ef)) in a.effects.iter().zip(&file.effects).enumerate() {
            if fw.benchmark_index(&ef.benchmark) != Some(e.benchmark) || e.rating >= ratings {
                return Err(other(format!(
                    "the plan's effect activities[{i}].effects[{j}] on '{}'",
                    ef.benchmark
                )));
            }
        }
        if a.effects.len() != file.effects.len() {
            return Err(other(format!("the plan's activity activities[{i}]")));
        }
    }
    if plan.activities().len() != plan.file().activities.len() {
        return Err(other("the plan".to_string()));
    }
    Ok(())
}

impl<'a> Planner<'a> {
    /// Puts `plan` over the `baseline` assessment, both written against `fw`.
    ///
    /// # Errors
    ///
    /// As [`Assessment::resolve`] for the baseline; then as [`Planner::from_resolved`].
    pub fn new(fw: &'a Framework, baseline: &'a Assessment, plan: &'a Plan) -> Result<Self> {
        let resolved = baseline.resolve(fw, false)?;
        Planner::from_resolved(fw, baseline, resolved, plan)
    }

    /// Puts `plan` over a baseline already resolved against `fw`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Request`] when the plan was validated against another framework, or the
    /// plan or the resolution against another framework of the same id and version (other
    /// benchmarks or ratings: never an index out of range); [`ErrorKind::Invalid`] for effects on benchmarks the baseline rates not applicable
    /// (each with its path in the plan); [`ErrorKind::NotScorable`] when nothing is
    /// applicable; [`ErrorKind::Request`] when the framework's weights are too irregular for
    /// exact integer planning.
    pub fn from_resolved(
        fw: &'a Framework,
        baseline: &'a Assessment,
        resolved: Resolved,
        plan: &'a Plan,
    ) -> Result<Self> {
        if *plan.framework() != FrameworkRef::of(fw) {
            return Err(Error::new(
                ErrorKind::Request,
                "",
                format!(
                    "the plan was validated against framework '{}' version '{}', not '{}' version '{}'",
                    plan.framework().id,
                    plan.framework().version,
                    fw.id(),
                    fw.version()
                ),
            ));
        }
        fits(fw, &resolved, plan)?;
        let mut p = Problems::default();
        for (i, a) in plan.activities().iter().enumerate() {
            for (j, e) in a.effects.iter().enumerate() {
                if resolved.entries[e.benchmark].rating.is_none() {
                    p.push(
                        format!("activities[{i}].effects[{j}].benchmark"),
                        format!(
                            "effect on {}, which the baseline rates not applicable; a plan cannot bring a benchmark into the score",
                            fw.benchmarks()[e.benchmark].id
                        ),
                    );
                }
            }
        }
        p.finish(ErrorKind::Invalid)?;
        let ratings: Vec<Option<usize>> = resolved.entries.iter().map(|e| e.rating).collect();
        let model = AnyModel::new(fw, plan, &ratings)?;
        let mut warnings = resolved.warnings;
        if plan.file().office != baseline.office {
            warnings.insert(
                0,
                Warning::new(
                    WarningCode::OfficeMismatch,
                    None,
                    vec![
                        ("plan_office", plan.file().office.clone()),
                        ("baseline_office", baseline.office.clone()),
                    ],
                ),
            );
        }
        Ok(Planner {
            fw,
            baseline,
            plan,
            base: resolved.entries,
            warnings,
            model,
            limit: super::DEFAULT_LIMIT,
        })
    }

    /// Sets how much search one question may do ([`super::DEFAULT_LIMIT`] by default); when
    /// it runs out, the answer is the best set found, marked not proven optimal, with a
    /// proven bound ([`super::Choice::optimal`]).
    #[must_use]
    pub fn with_limit(mut self, limit: super::Limit) -> Self {
        self.limit = limit;
        self
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        self.plan
    }

    /// The framework.
    pub fn framework(&self) -> &Framework {
        self.fw
    }

    /// The baseline's resolved entries, one per benchmark.
    pub fn baseline_entries(&self) -> &[Entry] {
        &self.base
    }

    /// Projected entries of a set: each benchmark at the highest rating among its baseline
    /// and the effects of the set's activities; raised ones have basis `planned`.
    pub fn entries(&self, set: ActivitySet) -> Vec<Entry> {
        let mut out = self.base.clone();
        for i in set.iter() {
            let Some(a) = self.plan.activities().get(i) else {
                continue;
            };
            for e in &a.effects {
                let cur = &mut out[e.benchmark];
                if cur.rating.is_some_and(|r| e.rating > r) {
                    *cur = Entry {
                        rating: Some(e.rating),
                        basis: Basis::Planned,
                        value: e.value,
                        status: None,
                    };
                }
            }
        }
        out
    }

    /// Rank, exact and official percentage, and cost of a set.
    ///
    /// # Errors
    ///
    /// None in practice (percentages lie in [0, 100]); kept for the rounding's `Result`.
    pub fn evaluate(&self, set: ActivitySet) -> Result<Outcome> {
        let entries = self.entries(set);
        let rating = |b: usize| entries[b].rating;
        let totals = score::totals(self.fw, rating);
        let p = score::overall(self.fw, &totals).ok_or_else(|| {
            Error::new(
                ErrorKind::NotScorable,
                "evidence",
                "no applicable benchmark",
            )
        })?;
        let official = score::official(self.fw, &p)?;
        let dimension = |d: usize| totals.get(d).and_then(|t| t.percent());
        let gates = GateInput {
            ratings: &rating,
            dimensions: &dimension,
        };
        let rank = ladder::award(self.fw, official, &gates).rank();
        Ok(Outcome {
            rank,
            percentage: p,
            official,
            cost: self.plan.cost(set),
        })
    }

    /// The projected scorecard of a set, labels in `lang`; its period is the plan's when the
    /// plan names one (the baseline's otherwise).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotScorable`] when nothing is applicable (excluded by construction).
    pub fn scorecard(&self, set: ActivitySet, lang: Lang) -> Result<Scorecard<'a>> {
        let (office, baseline_period) = crate::score::named(self.baseline);
        let period = match &self.plan.file().period {
            Some(p) => Some(std::borrow::Cow::Borrowed(p.as_str())),
            None => baseline_period,
        };
        Scorecard::build(
            crate::score::Shared::Borrowed(self.fw),
            (office, period),
            self.entries(set),
            self.warnings.clone(),
            lang,
        )
    }

    /// The scorecard at the baseline (quarter 0) and at the end of each quarter 1–4, each with
    /// the activities of `set` landed by then, and their cumulative cost.
    ///
    /// # Errors
    ///
    /// As [`Planner::evaluate`].
    pub fn timeline(&self, set: ActivitySet, lang: Lang) -> Result<Vec<TimelinePoint>> {
        let acts = self.plan.activities();
        (0..=4u8)
            .map(|q| {
                let landed: ActivitySet = set.iter().filter(|&i| acts[i].quarter <= q).collect();
                let now: ActivitySet = set.iter().filter(|&i| acts[i].quarter == q).collect();
                let o = self.evaluate(landed)?;
                Ok(TimelinePoint {
                    quarter: q,
                    landed: if q == 0 {
                        Vec::new()
                    } else {
                        self.plan.ids(now)
                    },
                    cost: o.cost,
                    percentage: crate::num::fraction::report4(&o.percentage),
                    percentage_rounded: o.official,
                    tier: tier_result(self.fw, o.rank, lang),
                    rank: o.rank,
                })
            })
            .collect()
    }

    /// For each activity outside `base`, what it adds alone: official points, rank, cost and
    /// points per unit of cost. Sorted best first: higher rank reached, then more points per
    /// unit of cost (free activities that add points first), then more points, then more
    /// exact gain, then lower cost, then id in byte order.
    ///
    /// # Errors
    ///
    /// As [`Planner::evaluate`].
    pub fn marginal(&self, base: ActivitySet, lang: Lang) -> Result<Vec<Marginal>> {
        let before = self.evaluate(base)?;
        let mut rows = Vec::new();
        for (i, a) in self.plan.activities().iter().enumerate() {
            if base.contains(i) {
                continue;
            }
            let after = self.evaluate(base.with(i))?;
            let points = after.official - before.official;
            let gain = &after.percentage - &before.percentage;
            let cost = a.cost.value();
            let ratio = (!cost.is_zero())
                .then(|| decimal::decimal_ratio(points) / decimal::decimal_ratio(cost));
            rows.push((
                ratio.clone(),
                gain.clone(),
                Marginal {
                    id: a.id.clone(),
                    title: a.title.get(lang),
                    cost,
                    quarter: a.quarter,
                    points,
                    percentage_gain: crate::num::fraction::report4(&gain),
                    rank_before: before.rank,
                    rank_after: after.rank,
                    tier_after: tier_result(self.fw, after.rank, lang),
                    points_per_cost: ratio
                        .map(|r| decimal::round_ratio(&r, 8, RoundingMode::HalfEven))
                        .transpose()?,
                },
            ));
        }
        rows.sort_by(|(ra, ga, a), (rb, gb, b)| {
            b.rank_after
                .cmp(&a.rank_after)
                .then_with(|| value_for_money(rb, b.points).cmp(&value_for_money(ra, a.points)))
                .then_with(|| b.points.cmp(&a.points))
                .then_with(|| gb.cmp(ga))
                .then_with(|| a.cost.cmp(&b.cost))
                .then_with(|| a.id.as_bytes().cmp(b.id.as_bytes()))
        });
        Ok(rows.into_iter().map(|(_, _, m)| m).collect())
    }
}

/// Orders points per cost with free activities that add points above every ratio.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum ValueForMoney {
    Ratio(Ratio),
    Free,
}

fn value_for_money(ratio: &Option<Ratio>, points: Decimal) -> ValueForMoney {
    match ratio {
        Some(r) => ValueForMoney::Ratio(r.clone()),
        None if points > Decimal::ZERO => ValueForMoney::Free,
        None => ValueForMoney::Ratio(Ratio::default()),
    }
}
