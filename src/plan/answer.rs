//! One answer of the `plan` command as data: the set chosen for a question, its projected
//! scorecard, what changed, what is still missing, and optionally the timeline and the
//! marginal value of the other activities. `plan --format json` prints it.

use crate::id::Id;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::project::{Marginal, Planner, TimelinePoint};
use super::{ActivitySet, Choice};
use crate::assessment::FrameworkRef;
use crate::error::Result;
use crate::framework::{Framework, NOT_APPLICABLE};
use crate::i18n::Lang;
use crate::num::decimal::{self, Number};
use crate::score::ladder::Rank;
use crate::score::tier_result;
use crate::score::{GateFailure, Scorecard, TierResult};

/// Which set an answer is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Question {
    /// The cheapest set reaching a rank.
    Cheapest(Rank),
    /// The best set within a budget (`None`: the plan's).
    Best(Option<Number>),
    /// Every activity of the plan.
    WholePlan,
    /// The committed activities only.
    Committed,
}

/// Optional parts of an answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Views {
    /// Add the timeline of the chosen set.
    pub timeline: bool,
    /// Add the marginal value of every activity outside the chosen set.
    pub marginal: bool,
}

/// The target of a `cheapest` question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetInfo {
    /// Tier id.
    pub id: Id,
    /// 1-based level.
    pub level: usize,
    /// Whether the strong qualifier is required.
    pub strong: bool,
    /// Label (the strong label when required).
    pub label: Arc<str>,
}

/// A benchmark the chosen set raises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// Benchmark id.
    pub benchmark: Id,
    /// Baseline rating id.
    pub from: Id,
    /// Projected rating id.
    pub to: Id,
    /// Activities of the set whose effect gives the projected rating, in byte order.
    pub by: Vec<Id>,
}

/// Why a target is out of reach with every activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Shortfall {
    /// Official percentage points still missing to the target's threshold.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub points_missing: Decimal,
    /// Gates of the target (and of lower tiers) still failing.
    pub failing: Vec<GateFailure>,
}

/// The answer to one plan question.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WhatIf<'a> {
    /// The framework.
    pub framework: FrameworkRef,
    /// Office (from the plan).
    pub office: String,
    /// Period the plan covers, when it names one.
    pub period: Option<String>,
    /// Currency of the costs, when the plan names one.
    pub currency: Option<String>,
    /// `cheapest`, `best`, `whole_plan` or `committed`.
    pub question: String,
    /// The target of a `cheapest` question.
    pub target: Option<TargetInfo>,
    /// The budget of a `best` question.
    #[serde(with = "decimal::string::option")]
    #[schemars(with = "Option<decimal::DecimalString>")]
    pub budget: Option<Decimal>,
    /// Whether the target is reached (false only for an unreachable target).
    pub feasible: bool,
    /// Chosen activity ids (committed included), in byte order.
    pub activities: Vec<Id>,
    /// Their total cost.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub cost: Decimal,
    /// Number of activities in the plan.
    pub plan_activities: usize,
    /// Cost of the whole plan.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub plan_cost: Decimal,
    /// Official percentage at the baseline.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub baseline_percentage_rounded: Decimal,
    /// Tier at the baseline.
    pub baseline_tier: Option<TierResult>,
    /// Benchmarks the set raises, in framework order.
    pub changes: Vec<Change>,
    /// When the target is out of reach: what is still missing with the best reachable set.
    pub shortfall: Option<Shortfall>,
    /// The set's scorecard quarter by quarter, when asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Vec<TimelinePoint>>,
    /// What each activity outside the set adds alone, best first, when asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marginal: Option<Vec<Marginal>>,
    /// Search nodes the optimiser visited (0 when nothing was optimised).
    pub search_nodes: u64,
    /// Whether the set is proven optimal; false when the search limit ran out first and the
    /// set is the best found (valid, perhaps not the best).
    pub optimal: bool,
    /// When not proven optimal, for a reached `cheapest` target: a proven lower bound on the
    /// cost of any set reaching it.
    #[serde(
        default,
        with = "decimal::string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<decimal::DecimalString>")]
    pub lower_bound: Option<Decimal>,
    /// When not proven optimal, for `best` and an unreachable `cheapest` target: a proven
    /// upper bound on the percentage any allowed set reaches (exact, rounded up to 2
    /// decimals).
    #[serde(
        default,
        with = "decimal::string::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<decimal::DecimalString>")]
    pub upper_bound: Option<Decimal>,
    /// The projected scorecard of the set.
    pub scorecard: Scorecard<'a>,
}

impl<'a> WhatIf<'a> {
    /// The same answer owning everything: its scorecard as [`Scorecard::into_owned`] (a
    /// borrowed framework cloned once into an `Arc`). A function can build a planner, ask it
    /// and return the answer.
    pub fn into_owned(self) -> WhatIf<'static> {
        self.map_card(Scorecard::into_owned)
    }

    /// The same answer sharing `fw`, without a copy when it was answered over that very
    /// framework (as [`Scorecard::into_shared`]): how a binding or a server keeps answers.
    pub fn into_shared(self, fw: &Arc<Framework>) -> WhatIf<'static> {
        self.map_card(|card| card.into_shared(fw))
    }

    fn map_card(self, f: impl FnOnce(Scorecard<'a>) -> Scorecard<'static>) -> WhatIf<'static> {
        let WhatIf {
            framework,
            office,
            period,
            currency,
            question,
            target,
            budget,
            feasible,
            activities,
            cost,
            plan_activities,
            plan_cost,
            baseline_percentage_rounded,
            baseline_tier,
            changes,
            shortfall,
            timeline,
            marginal,
            search_nodes,
            optimal,
            lower_bound,
            upper_bound,
            scorecard,
        } = self;
        WhatIf {
            framework,
            office,
            period,
            currency,
            question,
            target,
            budget,
            feasible,
            activities,
            cost,
            plan_activities,
            plan_cost,
            baseline_percentage_rounded,
            baseline_tier,
            changes,
            shortfall,
            timeline,
            marginal,
            search_nodes,
            optimal,
            lower_bound,
            upper_bound,
            scorecard: f(scorecard),
        }
    }
}

impl<'a> Planner<'a> {
    /// Answers a question, with the views asked for, labels in `lang`.
    ///
    /// # Errors
    ///
    /// As [`Planner::cheapest`] and [`Planner::best`].
    pub fn what_if(&self, question: Question, views: Views, lang: Lang) -> Result<WhatIf<'a>> {
        let plan = self.plan;
        let (name, choice, target, budget) = match question {
            Question::Cheapest(rank) => ("cheapest", self.cheapest(rank)?, Some(rank), None),
            Question::Best(b) => {
                let budget = b.or(plan.file().budget).map(Number::value);
                ("best", self.best(b)?, None, budget)
            }
            Question::WholePlan => ("whole_plan", self.fixed(plan.all())?, None, None),
            Question::Committed => ("committed", self.fixed(plan.committed())?, None, None),
        };
        let set = choice.set;
        let scorecard = self.scorecard(set, lang)?;
        let baseline = self.evaluate(ActivitySet::EMPTY)?;
        let shortfall = match (choice.feasible, target) {
            (false, Some(rank)) => Some(self.shortfall(set, rank, scorecard.percentage_rounded)),
            _ => None,
        };
        Ok(WhatIf {
            framework: FrameworkRef::of(self.fw),
            office: plan.file().office.clone(),
            period: plan.file().period.clone(),
            currency: plan.file().currency.clone(),
            question: name.to_string(),
            target: target.and_then(|r| self.target_info(r, lang)),
            budget,
            feasible: choice.feasible,
            activities: plan.ids(set),
            cost: choice.cost,
            plan_activities: plan.activities().len(),
            plan_cost: plan.cost(plan.all()),
            baseline_percentage_rounded: baseline.official,
            baseline_tier: tier_result(self.fw, baseline.rank, lang),
            changes: self.changes(set),
            shortfall,
            timeline: views
                .timeline
                .then(|| self.timeline(set, lang))
                .transpose()?,
            marginal: views
                .marginal
                .then(|| self.marginal(set, lang))
                .transpose()?,
            search_nodes: choice.nodes,
            optimal: choice.optimal,
            lower_bound: choice.lower_bound,
            upper_bound: choice.upper_bound.as_ref().map(round_up_2).transpose()?,
            scorecard,
        })
    }

    fn fixed(&self, set: ActivitySet) -> Result<Choice> {
        let o = self.evaluate(set)?;
        Ok(Choice {
            feasible: true,
            set,
            cost: o.cost,
            rank: o.rank,
            percentage: o.percentage,
            nodes: 0,
            optimal: true,
            lower_bound: None,
            upper_bound: None,
        })
    }

    fn target_info(&self, rank: Rank, lang: Lang) -> Option<TargetInfo> {
        let t = tier_result(self.fw, rank, lang)?;
        Some(TargetInfo {
            id: t.id,
            level: t.level,
            strong: t.strong,
            label: t.label,
        })
    }

    fn changes(&self, set: ActivitySet) -> Vec<Change> {
        let projected = self.entries(set);
        let rating_id = |r: Option<usize>| {
            r.map_or_else(
                || Id::from(NOT_APPLICABLE),
                |r| self.fw.ratings()[r].id.clone(),
            )
        };
        let mut out = Vec::new();
        for (b, (old, new)) in self.base.iter().zip(&projected).enumerate() {
            if new.rating == old.rating {
                continue;
            }
            let by: ActivitySet = set
                .iter()
                .filter(|&i| {
                    self.plan.activities()[i]
                        .effects
                        .iter()
                        .any(|e| e.benchmark == b && Some(e.rating) == new.rating)
                })
                .collect();
            out.push(Change {
                benchmark: self.fw.benchmarks()[b].id.clone(),
                from: rating_id(old.rating),
                to: rating_id(new.rating),
                by: self.plan.ids(by),
            });
        }
        out
    }

    /// Gates of tiers up to the target's still failing, and points missing to its threshold.
    fn shortfall(&self, set: ActivitySet, rank: Rank, official: Decimal) -> Shortfall {
        let entries = self.entries(set);
        let totals = crate::score::totals(self.fw, |b| entries[b].rating);
        let dimension = |d: usize| totals.get(d).and_then(|t| t.percent());
        let rating = |b: usize| entries[b].rating;
        let input = crate::score::ladder::GateInput {
            ratings: &rating,
            dimensions: &dimension,
        };
        let tiers = self.fw.tiers();
        let mut failing = Vec::new();
        for (ti, t) in tiers.iter().enumerate().take(rank.level) {
            for (gi, g) in t.gates.iter().enumerate() {
                if !input.holds(g) {
                    failing.push(crate::score::gate_failure(
                        self.fw, ti, gi, &entries, &dimension,
                    ));
                }
            }
        }
        let threshold = tiers
            .get(rank.level.saturating_sub(1))
            .map_or(Decimal::ZERO, |t| match (rank.strong, t.strong_from) {
                (true, Some(s)) => s.value(),
                _ => t.min.value(),
            });
        Shortfall {
            points_missing: (threshold - official).max(Decimal::ZERO),
            failing,
        }
    }
}

/// `r` rounded up to 2 decimals, exactly.
fn round_up_2(r: &crate::num::decimal::Ratio) -> Result<Decimal> {
    use crate::num::decimal::{RoundingMode, decimal_ratio, round_ratio};
    let down = round_ratio(r, 2, RoundingMode::Down)?;
    if decimal_ratio(down) >= *r {
        Ok(down)
    } else {
        Ok(down + Decimal::new(1, 2))
    }
}
