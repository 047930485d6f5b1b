//! The exact answers of docs/plan.md: `cheapest(target)` and `best(budget)` with their tie-breaks.
//!
//! Each answer is a lexicographic optimum, found one criterion at a time with the branch and
//! bound of [`super::search`]: first the primary value (lowest cost reaching the target; the
//! highest rank within the budget), then, holding it, the highest exact percentage, then the
//! lowest cost (for `best`), then the fewest activities, and last the lexicographically
//! smallest sorted id list — a search in id order that stops at the first set meeting all the
//! values found, which is that list. Each phase starts from the set the previous one found.

use std::fmt;

use rust_decimal::Decimal;

use super::ActivitySet;
use super::bounds::Item;
use super::front::{self, First};
use super::model::{AnyModel, Goal, Model};
use super::project::Planner;
use super::search::{self, Effort, Found, Limit, Limits, Objective};
use super::units::Units;

use crate::error::{Error, ErrorKind, Result};
use crate::num::decimal::{AsFraction, Number, Ratio};
use crate::score::ladder::Rank;

/// The work one question may do by default ([`Limit::Work`]): about 0.2 to 2.7 s at worst on
/// this project's 2-core VM (docs/PERFORMANCE.md, *Planning*). When it runs out the answer is
/// the best set found, with `optimal` false and a proven bound.
pub const DEFAULT_WORK: u64 = 60_000_000;

/// The default [`Limit`].
pub const DEFAULT_LIMIT: Limit = Limit::Work(DEFAULT_WORK);

/// An answer of [`Planner::cheapest`] or [`Planner::best`]. Its `Debug` shows the exact
/// percentages as `a/b`.
#[derive(Clone, PartialEq)]
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
    /// Search nodes visited (or, when no two activities share a benchmark, the partial sets the
    /// exact dynamic programme kept, one node each).
    pub nodes: u64,
    /// Whether the answer is proven optimal (false when the search limit ran out first: the
    /// set is then the best found, valid but perhaps not the best).
    pub optimal: bool,
    /// When not proven optimal, for a reached `cheapest` target: a proven lower bound on the
    /// cost of any set reaching it (the set's cost when only the tie-breaks are unproven).
    pub lower_bound: Option<Decimal>,
    /// When not proven optimal, for `best` (and an unreachable `cheapest` target): a proven
    /// upper bound on the exact percentage any allowed set can reach.
    pub upper_bound: Option<Ratio>,
}

impl Planner<'_> {
    /// The cheapest set containing every committed activity whose rank reaches `target`;
    /// ties → higher exact percentage, fewer activities, smallest sorted id list. When no
    /// set reaches it, `feasible` is false and the set is the best reachable.
    ///
    /// # Errors
    ///
    /// Only when rescoring the chosen set fails (as [`Planner::evaluate`]). A search that runs
    /// out of its limit is not an error: it answers with the best set found, `optimal: false`
    /// and a proven bound.
    pub fn cheapest(&self, target: Rank) -> Result<Choice> {
        match &self.model {
            AnyModel::Fast(m) => self.cheapest_in(m, target),
            AnyModel::Wide(m) => self.cheapest_in(m, target),
            AnyModel::Big(m) => self.cheapest_in(m, target),
        }
    }

    fn cheapest_in<V: Units>(&self, m: &Model<V>, target: Rank) -> Result<Choice> {
        let mut effort = self.effort();
        let goal = m.goal(self.fw, target);
        let found = if goal.impossible {
            None
        } else {
            cheapest_found(m, &goal, &mut effort)?
        };
        match found {
            Some((f, proven)) => {
                let mut c = self.choice(m, true, &f, effort)?;
                if !c.optimal {
                    let lb = if proven {
                        f.cost
                    } else {
                        cost_lower_bound(m, &goal, f.cost)
                    };
                    c.lower_bound = Some(crate::num::decimal::scaled(
                        m.committed_micros + lb * m.unit,
                        crate::num::decimal::MAX_DECIMALS,
                    ));
                }
                Ok(c)
            }
            None => {
                let all: i128 = m.cost.iter().sum();
                let f = best_found(self, m, all, &mut effort)?;
                let mut c = self.choice(m, false, &f, effort)?;
                if !c.optimal {
                    c.upper_bound = Some(m.percentage(&score_upper_bound(m, self, all, f.t)));
                }
                Ok(c)
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
    /// costing more than it. A search that runs out of its limit answers with the best set
    /// found, `optimal: false` and a proven bound.
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
        match &self.model {
            AnyModel::Fast(m) => self.best_in(m, budget),
            AnyModel::Wide(m) => self.best_in(m, budget),
            AnyModel::Big(m) => self.best_in(m, budget),
        }
    }

    fn best_in<V: Units>(&self, m: &Model<V>, budget: Number) -> Result<Choice> {
        let cap = m.cap(i128::from(budget.micros()));
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
        let f = best_found(self, m, cap, &mut effort)?;
        let mut c = self.choice(m, true, &f, effort)?;
        if !c.optimal {
            c.upper_bound = Some(m.percentage(&score_upper_bound(m, self, cap, f.t)));
        }
        Ok(c)
    }

    fn effort(&self) -> Effort {
        Effort::new(self.limit)
    }

    fn choice<V: Units>(
        &self,
        m: &Model<V>,
        feasible: bool,
        f: &Found<V>,
        effort: Effort,
    ) -> Result<Choice> {
        let set = m.plan_set(f.mask);
        let o = self.evaluate(set)?;
        Ok(Choice {
            feasible,
            set,
            cost: o.cost,
            rank: o.rank,
            percentage: o.percentage,
            nodes: effort.nodes,
            optimal: !effort.exhausted,
            lower_bound: None,
            upper_bound: None,
        })
    }
}

fn limits<V>(cap_cost: i128, t_min: V, cap_count: usize) -> Limits<V> {
    Limits {
        cap_cost,
        t_min,
        cap_count,
    }
}

/// A proven lower bound on the cost of a set meeting `goal`, given one costing `known`: the
/// least cost cap whose search root passes every bound (a cap below it admits no set).
fn cost_lower_bound<V: Units>(m: &Model<V>, goal: &Goal<V>, known: i128) -> i128 {
    // Invariant: the root fails at `lo` (or `lo` is -1), the goal is met within `hi`.
    let (mut lo, mut hi) = (-1i128, known);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if search::root_passes(m, goal, limits(mid, goal.t_min.clone(), usize::MAX)) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    // Every cap at or below `lo` admits no set; `hi` may pass by the bounds' slack only.
    lo + 1
}

/// A proven upper bound on the score of any set within `cap`, given one scoring `known`:
/// bisection over the score floors whose search root fails, at most 64 halvings (a score
/// range of 2^4,000 units, as 100 dimensions of 6-decimal weights give, would otherwise take
/// 4,000 root searches; 64 leave it within 2^-64 of the range).
fn score_upper_bound<V: Units>(m: &Model<V>, p: &Planner<'_>, cap: i128, known: V) -> V {
    let goal = m.goal(p.fw, Rank::default());
    // Invariant: some set reaches `lo`; the root fails for a floor of `hi`.
    let (mut lo, mut hi) = (known, m.t_max() + V::one());
    let mut g = goal;
    let two = V::one() + V::one();
    for _ in 0..64 {
        if hi.clone() - lo.clone() <= V::one() {
            break;
        }
        let mid = lo.clone() + (hi.clone() - lo.clone()) / two.clone();
        g.t_min = mid.clone();
        if search::root_passes(m, &g, limits(cap, mid.clone(), usize::MAX)) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi - V::one()
}

/// A set meeting `goal`, found greedily: every candidate, then each dropped in turn (dearest
/// first) while the rest still meets it. `None` when even every candidate does not.
fn greedy_cover<V: Units>(m: &Model<V>, goal: &Goal<V>) -> Option<Found<V>> {
    search::evaluate(m, goal, m.live())
        .1
        .then(|| drop_redundant(m, goal, m.live()))
}

/// A set meeting `goal`, built greedily: for each unmet benchmark gate its coverer of best
/// gain per cost, then the candidates of best marginal gain per cost until the score and the
/// dimension gates are reached, then each dropped in turn (dearest first) while the rest still
/// meets it. `None` when the candidates run out first.
fn greedy_build<V: Units>(m: &Model<V>, goal: &Goal<V>) -> Option<Found<V>> {
    let live = m.live();
    let mut mask = 0u64;
    for g in &goal.gates {
        if g.coverers & mask != 0 {
            continue;
        }
        mask |= 1 << best_added(m, goal, mask, g.coverers & live)?;
    }
    while !search::evaluate(m, goal, mask).1 {
        mask |= 1 << best_added(m, goal, mask, live & !mask)?;
    }
    Some(drop_redundant(m, goal, mask))
}

/// The candidate of `among` whose marginal gain on `mask` is best per cost (`None` when
/// `among` is empty).
fn best_added<V: Units>(m: &Model<V>, goal: &Goal<V>, mask: u64, among: u64) -> Option<usize> {
    let (base, _) = search::evaluate(m, goal, mask);
    (0..m.len())
        .filter(|&i| among & (1 << i) != 0)
        .map(|i| Item {
            i,
            gain: search::evaluate(m, goal, mask | (1 << i)).0.t - base.t.clone(),
            cost: m.cost[i],
        })
        .min_by(super::bounds::by_ratio)
        .map(|it| it.i)
}

/// The set `mask` (which meets `goal`) with each candidate dropped in turn, dearest first,
/// while the rest still meets it.
fn drop_redundant<V: Units>(m: &Model<V>, goal: &Goal<V>, mask: u64) -> Found<V> {
    let (mut f, _) = search::evaluate(m, goal, mask);
    let mut order: Vec<usize> = (0..m.len()).filter(|&i| mask & (1 << i) != 0).collect();
    order.sort_by(|&a, &b| m.cost[b].cmp(&m.cost[a]).then(b.cmp(&a)));
    for i in order {
        let (g, ok) = search::evaluate(m, goal, f.mask & !(1 << i));
        if ok {
            f = g;
        }
    }
    f
}

/// Cheaper sets meeting `goal` next to `f`, by local search: one candidate in for one out,
/// or when no such swap helps, one in for two out, taking the first swap that meets the goal
/// for less and dropping what it made redundant; until no swap helps or `evaluations` run out.
fn improve_cover<V: Units>(
    m: &Model<V>,
    goal: &Goal<V>,
    mut f: Found<V>,
    mut evaluations: usize,
) -> Found<V> {
    let live = m.live();
    let tries = |mask: u64, evaluations: &mut usize| {
        *evaluations = evaluations.saturating_sub(1);
        let (g, ok) = search::evaluate(m, goal, mask);
        ok.then_some(g)
    };
    'improved: while evaluations > 0 {
        let inside: Vec<usize> = (0..m.len()).filter(|&i| f.mask & (1 << i) != 0).collect();
        let outside: Vec<usize> = (0..m.len())
            .filter(|&i| live & !f.mask & (1 << i) != 0)
            .collect();
        for pairs in [false, true] {
            for &b in &outside {
                for (k, &a) in inside.iter().enumerate() {
                    let partners: &[usize] = if pairs { &inside[k + 1..] } else { &[a] };
                    for &a2 in partners {
                        let out = (1u64 << a) | (1 << a2);
                        let freed: i128 = m.cost[a] + if a2 == a { 0 } else { m.cost[a2] };
                        if m.cost[b] >= freed || evaluations == 0 {
                            continue;
                        }
                        if let Some(g) = tries((f.mask & !out) | (1 << b), &mut evaluations) {
                            f = drop_redundant(m, goal, g.mask);
                            continue 'improved;
                        }
                    }
                }
            }
        }
        break;
    }
    f
}

/// A set within `cap`, found greedily: candidates by gain per cost at the start, each taken
/// when it still fits.
fn greedy_within<V: Units>(m: &Model<V>, goal: &Goal<V>, cap: i128) -> Found<V> {
    let (base, _) = search::evaluate(m, goal, 0);
    let mut items: Vec<Item<V>> = (0..m.len())
        .filter(|&i| m.live() & (1 << i) != 0)
        .map(|i| {
            let (g, _) = search::evaluate(m, goal, 1 << i);
            Item {
                i,
                gain: g.t - base.t.clone(),
                cost: m.cost[i],
            }
        })
        .collect();
    items.sort_unstable_by(super::bounds::by_ratio);
    let mut f = base;
    for it in items {
        if f.cost + it.cost <= cap {
            let (g, _) = search::evaluate(m, goal, f.mask | (1 << it.i));
            if g.t > f.t {
                f = g;
            }
        }
    }
    f
}

/// Lowest cost, then highest score, fewest activities, first id list, and whether the lowest
/// cost is proven; `None` when the goal is out of reach (proven: not even every candidate
/// together meets it).
fn cheapest_found<V: Units>(
    m: &Model<V>,
    goal: &Goal<V>,
    effort: &mut Effort,
) -> Result<Option<(Found<V>, bool)>> {
    let Some(greedy) = greedy_cover(m, goal) else {
        return Ok(None);
    };
    let mut f = match greedy_build(m, goal) {
        Some(g) if g.cost < greedy.cost => g,
        _ => greedy,
    };
    f = improve_cover(m, goal, f, m.len() * m.len() / 2);
    if let Some(Some(g)) = front::solve(m, goal, f.cost, First::Cost, goal.t_min.clone(), effort) {
        return Ok(Some((g, true)));
    }
    if f.cost > 0 {
        let cheaper = limits(f.cost - 1, goal.t_min.clone(), usize::MAX);
        if let Some(g) = search::run(m, goal, cheaper, Objective::MinCost, NONE, effort)? {
            f = g;
        }
    }
    let proven = !effort.exhausted;
    let c = f.cost;
    let higher = limits(c, f.t.clone() + V::one(), usize::MAX);
    if let Some(g) = search::run(m, goal, higher, Objective::MaxScore, NONE, effort)? {
        f = g;
    }
    finish(m, goal, f, effort).map(|f| Some((f, proven)))
}

/// Fewest activities at the found cost and score, then the first id list.
fn finish<V: Units>(
    m: &Model<V>,
    goal: &Goal<V>,
    mut f: Found<V>,
    effort: &mut Effort,
) -> Result<Found<V>> {
    // A first set with fewer activities: drop each one the score can spare (dropping never
    // adds cost).
    let mut same = goal.clone();
    same.t_min = f.t.clone();
    f = drop_redundant(m, &same, f.mask);
    if f.count > 0 {
        let fewer = limits(f.cost, f.t.clone(), f.count - 1);
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
fn lex_first<V: Units>(
    m: &Model<V>,
    goal: &Goal<V>,
    mut witness: Found<V>,
    effort: &mut Effort,
) -> Result<Found<V>> {
    let same = limits(witness.cost, witness.t.clone(), witness.count);
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
            same.clone(),
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
fn best_found<V: Units>(
    p: &Planner<'_>,
    m: &Model<V>,
    cap: i128,
    effort: &mut Effort,
) -> Result<Found<V>> {
    let tiers = p.fw.tiers();
    let ranks = ranks_descending(tiers.len(), |l| tiers[l - 1].strong_from.is_some());
    let greedy = greedy_within(m, &m.goal(p.fw, Rank::default()), cap);
    for rank in ranks {
        let goal = m.goal(p.fw, rank);
        if goal.impossible {
            continue;
        }
        let greedy_meets = search::evaluate(m, &goal, greedy.mask).1;
        let floor = if greedy_meets {
            greedy.t.clone()
        } else {
            goal.t_min.clone()
        };
        match front::solve(m, &goal, cap, First::Score, floor, effort) {
            Some(Some(f)) => return Ok(f),
            Some(None) => continue,
            None => {}
        }
        let mut f = if greedy_meets {
            greedy.clone()
        } else {
            let lim = limits(cap, goal.t_min.clone(), usize::MAX);
            let Some(f) = search::run(m, &goal, lim, Objective::First, NONE, effort)? else {
                continue;
            };
            f
        };
        let higher = limits(cap, f.t.clone() + V::one(), usize::MAX);
        if let Some(g) = search::run(m, &goal, higher, Objective::MaxScore, NONE, effort)? {
            f = g;
        }
        if f.cost > 0 {
            let cheaper = limits(f.cost - 1, f.t.clone(), usize::MAX);
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
        t: m.t0.clone(),
        count: 0,
    })
}

impl fmt::Debug for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Choice {
            feasible,
            set,
            cost,
            rank,
            percentage,
            nodes,
            optimal,
            lower_bound,
            upper_bound,
        } = self;
        f.debug_struct("Choice")
            .field("feasible", feasible)
            .field("set", set)
            .field("cost", cost)
            .field("rank", rank)
            .field("percentage", &AsFraction(percentage))
            .field("nodes", nodes)
            .field("optimal", optimal)
            .field("lower_bound", lower_bound)
            .field("upper_bound", &upper_bound.as_ref().map(AsFraction))
            .finish()
    }
}
