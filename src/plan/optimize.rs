//! The exact answers of docs/plan.md: `cheapest(target)` and `best(budget)` with their tie-breaks.
//!
//! Each answer is a lexicographic optimum, found one criterion at a time with the branch and
//! bound of [`super::search`]: first the primary value (lowest cost reaching the target; the
//! highest rank within the budget), then, holding it, the highest exact percentage, then the
//! lowest cost (for `best`), then the fewest activities, and last the lexicographically
//! smallest sorted id list — a search in id order that stops at the first set meeting all the
//! values found, which is that list. Each phase starts from the set the previous one found.

use rust_decimal::Decimal;

use super::ActivitySet;
use super::model::{Goal, Model};
use super::project::Planner;
use super::search::{self, Effort, Found, Limits, Objective};
use crate::error::{Error, ErrorKind, Result};
use crate::num::decimal::{Number, Ratio};
use crate::score::ladder::Rank;

/// The most search nodes one question may visit by default (a few seconds at worst); beyond
/// it the question fails with [`ErrorKind::Request`] instead of running on.
pub const DEFAULT_MAX_NODES: u64 = 2_000_000;

/// An answer of [`Planner::cheapest`] or [`Planner::best`].
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Whether the target is reached (always true for `best`). When false, the set is the
    /// best reachable with every activity: the highest rank and percentage, at the lowest
    /// cost, with the fewest activities.
    pub feasible: bool,
    /// The chosen activities, committed ones included.
    pub set: ActivitySet,
    /// Their total cost.
    pub cost: Decimal,
    /// Rank of the projected result.
    pub rank: Rank,
    /// Exact projected percentage.
    pub percentage: Ratio,
    /// Search nodes visited.
    pub nodes: u64,
}

impl Planner<'_> {
    /// The cheapest set containing every committed activity whose rank reaches `target`;
    /// ties → higher exact percentage, fewer activities, smallest sorted id list. When no
    /// set reaches it, `feasible` is false and the set is the best reachable.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Request`] when the search exceeds its node limit.
    pub fn cheapest(&self, target: Rank) -> Result<Choice> {
        let mut effort = self.effort();
        let m = &self.model;
        let goal = m.goal(self.fw, target);
        let found = if goal.impossible {
            None
        } else {
            cheapest_found(m, &goal, &mut effort)?
        };
        match found {
            Some(f) => self.choice(true, f, effort),
            None => {
                let all: i128 = m.cost.iter().sum();
                let f = best_found(self, all, &mut effort)?;
                self.choice(false, f, effort)
            }
        }
    }

    /// The best set containing every committed activity costing at most `budget` (the plan's
    /// budget when `None`): highest rank, then highest exact percentage; ties → lower cost,
    /// fewer activities, smallest sorted id list.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Request`] when there is no budget, a negative one, committed activities
    /// costing more than it, or the search exceeds its node limit.
    pub fn best(&self, budget: Option<Number>) -> Result<Choice> {
        let Some(budget) = budget.or(self.plan.file().budget) else {
            return Err(Error::new(
                ErrorKind::Request,
                "budget",
                "no budget: give one, or set 'budget' in the plan",
            ));
        };
        if budget < Number::default() {
            return Err(Error::new(
                ErrorKind::Request,
                "budget",
                format!("budget {budget} is negative"),
            ));
        }
        let cap = self.model.cap(i128::from(budget.micros()));
        if cap < 0 {
            return Err(Error::new(
                ErrorKind::Request,
                "budget",
                format!(
                    "the committed activities cost {}, more than the budget {budget}",
                    crate::num::decimal::format_decimal(self.plan.cost(self.plan.committed()))
                ),
            ));
        }
        let mut effort = self.effort();
        let f = best_found(self, cap, &mut effort)?;
        self.choice(true, f, effort)
    }

    fn effort(&self) -> Effort {
        Effort {
            nodes: 0,
            max_nodes: self.max_nodes,
        }
    }

    fn choice(&self, feasible: bool, f: Found, effort: Effort) -> Result<Choice> {
        let set = self.model.plan_set(f.mask);
        let o = self.evaluate(set)?;
        Ok(Choice {
            feasible,
            set,
            cost: o.cost,
            rank: o.rank,
            percentage: o.percentage,
            nodes: effort.nodes,
        })
    }
}

fn limits(cap_cost: i128, t_min: i128, cap_count: usize) -> Limits {
    Limits {
        cap_cost,
        t_min,
        cap_count,
    }
}

/// Lowest cost, then highest score, fewest activities, first id list; `None` when the goal
/// is out of reach.
fn cheapest_found(m: &Model, goal: &Goal, effort: &mut Effort) -> Result<Option<Found>> {
    let all: i128 = m.cost.iter().sum();
    let any = limits(all, goal.t_min, usize::MAX);
    let Some(mut f) = search::run(m, goal, any, Objective::MinCost, NONE, effort)? else {
        return Ok(None);
    };
    let c = f.cost;
    let higher = limits(c, f.t + 1, usize::MAX);
    if let Some(g) = search::run(m, goal, higher, Objective::MaxScore, NONE, effort)? {
        f = g;
    }
    finish(m, goal, f, effort).map(Some)
}

/// Fewest activities at the found cost and score, then the first id list.
fn finish(m: &Model, goal: &Goal, mut f: Found, effort: &mut Effort) -> Result<Found> {
    if f.count > 0 {
        let fewer = limits(f.cost, f.t, f.count - 1);
        if let Some(g) = search::run(m, goal, fewer, Objective::MinCount, NONE, effort)? {
            f = g;
        }
    }
    lex_first(m, goal, f, effort)
}

/// The lexicographically smallest sorted id list among the sets with the cost, score and
/// count of `witness` (all optimal). Candidates are numbered in id order; going up, each is
/// kept when some optimal set holds it with the ones kept and none of the ones dropped — the
/// witness answers at once when it holds it, else a search forced on those choices does. A
/// kept candidate makes the list smaller than any set without it, whose next id is larger.
fn lex_first(m: &Model, goal: &Goal, mut witness: Found, effort: &mut Effort) -> Result<Found> {
    let same = limits(witness.cost, witness.t, witness.count);
    let (mut inside, mut outside) = (0u64, 0u64);
    for j in 0..m.len() {
        let bit = 1u64 << j;
        if m.live() & bit == 0 || (inside.count_ones() as usize) >= witness.count {
            continue;
        }
        if witness.mask & bit != 0 {
            inside |= bit;
            continue;
        }
        match search::run(
            m,
            goal,
            same,
            Objective::First,
            (inside | bit, outside),
            effort,
        )? {
            Some(f) => {
                witness = f;
                inside |= bit;
            }
            None => outside |= bit,
        }
    }
    Ok(witness)
}

/// No candidate forced in or out.
const NONE: (u64, u64) = (0, 0);

/// Every rank of the ladder, highest first, down to no tier.
fn ranks_descending(levels: usize, strong: impl Fn(usize) -> bool) -> Vec<Rank> {
    let mut out = Vec::with_capacity(2 * levels + 1);
    for level in (1..=levels).rev() {
        if strong(level) {
            out.push(Rank {
                level,
                strong: true,
            });
        }
        out.push(Rank {
            level,
            strong: false,
        });
    }
    out.push(Rank::default());
    out
}

/// Highest rank within `cap`, then highest score, lowest cost, fewest, first id list.
fn best_found(p: &Planner<'_>, cap: i128, effort: &mut Effort) -> Result<Found> {
    let m = &p.model;
    let tiers = p.fw.tiers();
    let ranks = ranks_descending(tiers.len(), |l| tiers[l - 1].strong_from.is_some());
    for rank in ranks {
        let goal = m.goal(p.fw, rank);
        if goal.impossible {
            continue;
        }
        let lim = limits(cap, goal.t_min, usize::MAX);
        let Some(mut f) = search::run(m, &goal, lim, Objective::First, NONE, effort)? else {
            continue;
        };
        let higher = limits(cap, f.t + 1, usize::MAX);
        if let Some(g) = search::run(m, &goal, higher, Objective::MaxScore, NONE, effort)? {
            f = g;
        }
        if f.cost > 0 {
            let cheaper = limits(f.cost - 1, f.t, usize::MAX);
            if let Some(g) = search::run(m, &goal, cheaper, Objective::MinCost, NONE, effort)? {
                f = g;
            }
        }
        return finish(m, &goal, f, effort);
    }
    // Rank (0, no) always holds for the start set, which costs nothing above it.
    Ok(Found {
        mask: 0,
        cost: 0,
        t: m.t0,
        count: 0,
    })
}
