//! Exact dynamic programming over the Pareto front of (cost, score), for plans whose score is
//! a sum of one gain per activity.
//!
//! When no two candidates raise the same benchmark and no dimension gate is still to reach,
//! a set's score is the start score plus the gains of its members, and its gates each need
//! one named candidate. Then the sets worth keeping, over the candidates taken so far, are
//! the Pareto front of (lower cost, higher score): a set with another no dearer and scoring
//! no less is never part of an answer, because the same later additions keep it behind. The
//! front grows one candidate at a time (best gain per cost first), each set with or without
//! it, and drops what a fractional knapsack and a count bound over the candidates still to
//! come prove cannot reach the goal or the best set found. It ends with every answer the
//! branch and bound finds one phase at a time: lowest cost (or highest score within a
//! budget), then the other criterion, then fewest activities, then the first sorted id list.
//! Among sets of equal cost, score and count that is the one holding the lowest id in which
//! they differ, and later additions (candidates neither holds) leave that difference as it
//! is, so the front may keep the first and drop the other in any order of candidates.
//!
//! This answers covering knapsacks whose costs per score nearly tie (docs/plan.md) in a few
//! milliseconds, where the branch and bound needs seconds. The front is bounded
//! ([`MAX_FRONT`]) and charged to the work budget; when it outgrows either, the branch and
//! bound takes over.

use std::cmp::Ordering;

use super::bounds::{Item, by_ratio};
use super::model::{Goal, Model};
use super::search::{self, Effort, Found};
use super::units::Units;

/// Most sets one front may hold at `i128` scores (about 10 MB) before the branch and bound
/// takes over; wider scores divide it by their [`super::units::Units::work_factor`], so the
/// memory stays about the same.
pub(crate) const MAX_FRONT: usize = 1 << 17;

/// What the front optimises first; the rest are the tie-breaks of docs/plan.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum First {
    /// Lowest cost reaching the goal, then highest score.
    Cost,
    /// Highest score reaching the goal within the cost cap, then lowest cost.
    Score,
}

/// One set of the front.
#[derive(Debug, Clone)]
struct Point<V> {
    cost: i128,
    t: V,
    mask: u64,
}

/// The candidates still to come from position `k` on, sorted by gain per cost, with running
/// totals: entry `j` holds the `j`-th item's gain and cost and the totals of those before it.
struct Suffix<V> {
    items: Vec<Item<V>>,
    gain_before: Vec<V>,
    cost_before: Vec<i128>,
    /// Total of the `j` largest gains, and of the `j` lowest costs, for each `j`.
    top_gains: Vec<V>,
    low_costs: Vec<i128>,
}

impl<V: Units> Suffix<V> {
    fn new(mut items: Vec<Item<V>>) -> Suffix<V> {
        items.sort_unstable_by(by_ratio);
        let mut gain_before = Vec::with_capacity(items.len() + 1);
        let mut cost_before = Vec::with_capacity(items.len() + 1);
        let (mut g, mut c) = (V::zero(), 0i128);
        for it in &items {
            gain_before.push(g.clone());
            cost_before.push(c);
            g += it.gain.clone();
            c += it.cost;
        }
        gain_before.push(g);
        cost_before.push(c);
        let mut gains: Vec<V> = items.iter().map(|it| it.gain.clone()).collect();
        gains.sort_unstable_by(|a, b| b.cmp(a));
        let mut costs: Vec<i128> = items.iter().map(|it| it.cost).collect();
        costs.sort_unstable();
        let mut top_gains = vec![V::zero()];
        for g in gains {
            let total = top_gains.last().cloned().unwrap_or_else(V::zero) + g;
            top_gains.push(total);
        }
        let mut low_costs = vec![0];
        for c in costs {
            low_costs.push(low_costs.last().copied().unwrap_or(0) + c);
        }
        Suffix {
            items,
            gain_before,
            cost_before,
            top_gains,
            low_costs,
        }
    }

    /// Whether some of these candidates, whole, might gain `need` for at most `room`: the
    /// fractional knapsack ([`Suffix::fraction_reaches`]) and the count bound — it takes at
    /// least as many as the largest gains need, so at least the cheapest that many cost.
    fn reaches(&self, room: i128, need: &V) -> bool {
        if !need.is_positive() {
            return room >= 0;
        }
        let r = self.top_gains.partition_point(|g| g < need);
        self.low_costs.get(r).is_some_and(|&c| c <= room) && self.fraction_reaches(room, need)
    }

    /// Whether these candidates, taken in fractions, gain at least `need` (positive) for at
    /// most `room` (exact: the fractional knapsack in ratio order).
    fn fraction_reaches(&self, room: i128, need: &V) -> bool {
        // The first item whose running total (it included) reaches `need`.
        let j = self.gain_before.partition_point(|g| g < need);
        if j == self.gain_before.len() {
            return false;
        }
        if self.cost_before[j] <= room {
            return true;
        }
        // Whole items before `j - 1`, and a fraction of item `j - 1` (j ≥ 1, as need > 0).
        let Some(it) = self.items.get(j - 1) else {
            return false;
        };
        let left = room - self.cost_before[j - 1];
        left >= 0
            && V::cmp_products(
                &(need.clone() - self.gain_before[j - 1].clone()),
                it.cost,
                &it.gain,
                left,
            ) != Ordering::Greater
    }
}

/// Whether `a` comes before `b` among sets of the same cost, score and count: it holds the
/// lowest candidate in which they differ (candidates are numbered in id order).
fn first_listed(a: u64, b: u64) -> bool {
    let d = a ^ b;
    a & d & d.wrapping_neg() != 0
}

/// Front order: cost up, then score down, then fewer candidates, then the first id list.
fn front_order<V: Units>(a: &Point<V>, b: &Point<V>) -> Ordering {
    a.cost
        .cmp(&b.cost)
        .then_with(|| b.t.cmp(&a.t))
        .then_with(|| a.mask.count_ones().cmp(&b.mask.count_ones()))
        .then_with(|| {
            if a.mask == b.mask {
                Ordering::Equal
            } else if first_listed(a.mask, b.mask) {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        })
}

/// The answer for `goal` within `cap` (a cost in model units) when the model's score is a
/// sum of one gain per candidate, given a score `floor` every answer reaches (a known set's
/// for [`First::Score`], else the goal's): `Some(Some(set))` proven optimal with every tie-break,
/// `Some(None)` when no set within `cap` meets the goal, `None` when the front does not
/// apply (shared benchmarks, a dimension gate) or outgrew [`MAX_FRONT`] or the effort, for
/// the branch and bound to answer.
pub(crate) fn solve<V: Units>(
    m: &Model<V>,
    goal: &Goal<V>,
    cap: i128,
    first: First,
    mut floor: V,
    effort: &mut Effort,
) -> Option<Option<Found<V>>> {
    if effort.exhausted || !goal.dims.is_empty() || !separable(m) {
        return None;
    }
    // Each gate names its one coverer (one candidate per benchmark): it is in every set.
    let mut forced = 0u64;
    for g in &goal.gates {
        if g.coverers.count_ones() != 1 {
            return None;
        }
        forced |= g.coverers;
    }
    let (start, _) = search::evaluate(m, goal, forced);
    if start.cost > cap {
        return Some(None);
    }
    let t0 = m.t0.clone();
    let mut items: Vec<Item<V>> = (0..m.len())
        .filter(|&i| m.live() & !forced & (1 << i) != 0)
        .map(|i| Item {
            i,
            gain: search::evaluate(m, goal, 1 << i).0.t - t0.clone(),
            cost: m.cost[i],
        })
        // A candidate gaining nothing only adds cost and count: never in an answer.
        .filter(|it| it.gain.is_positive())
        .collect();
    items.sort_unstable_by(by_ratio);
    let suffixes: Vec<Suffix<V>> = (0..=items.len())
        .map(|k| Suffix::new(items[k..].to_vec()))
        .collect();
    let max_front = MAX_FRONT / usize::try_from(m.factor).unwrap_or(usize::MAX).max(1);
    let mut cap = cap;
    let mut front = vec![Point {
        cost: start.cost,
        t: start.t,
        mask: forced,
    }];
    let mut merged: Vec<Point<V>> = Vec::new();
    for (k, it) in items.iter().enumerate() {
        let work = m.work[it.i].saturating_mul(front.len() as u64);
        if effort.charge(front.len() as u64, work) {
            return None;
        }
        merged.clear();
        let shifted = front
            .iter()
            .filter(|p| p.cost + it.cost <= cap)
            .map(|p| Point {
                cost: p.cost + it.cost,
                t: p.t.clone() + it.gain.clone(),
                mask: p.mask | (1 << it.i),
            });
        merge(&front, shifted, &mut merged);
        // The best set found so far bounds what the rest must reach: no dearer, or scoring
        // no less (every set of the front holds the gates' coverers).
        match first {
            First::Cost => {
                if let Some(p) = merged.iter().find(|p| p.t >= goal.t_min) {
                    cap = cap.min(p.cost);
                }
            }
            First::Score => {
                if let Some(p) = merged.last().filter(|p| p.t > floor && p.t >= goal.t_min) {
                    floor = p.t.clone();
                }
            }
        }
        let rest = &suffixes[k + 1];
        front.clear();
        front.extend(merged.drain(..).filter(|p| {
            p.cost <= cap && rest.reaches(cap - p.cost, &(floor.clone() - p.t.clone()))
        }));
        if front.len() > max_front {
            return None;
        }
    }
    let best = match first {
        First::Cost => front.into_iter().find(|p| p.t >= goal.t_min),
        First::Score => front.pop().filter(|p| p.t >= goal.t_min),
    };
    Some(best.map(|p| Found {
        mask: p.mask,
        cost: p.cost,
        count: p.mask.count_ones() as usize,
        t: p.t,
    }))
}

/// Whether no two candidates raise the same benchmark (then the score is a sum of gains).
fn separable<V>(m: &Model<V>) -> bool {
    m.by_slot.iter().all(|list| {
        list.iter()
            .all(|&(c, _)| list.first().is_some_and(|&(c0, _)| c0 == c))
    })
}

/// Merges the front `a` with its shifted copy `b` (both in front order) into `out`, keeping
/// only the sets no other beats: each must score more than every set before it.
fn merge<V: Units>(a: &[Point<V>], b: impl Iterator<Item = Point<V>>, out: &mut Vec<Point<V>>) {
    let mut b = b.peekable();
    let mut a = a.iter().peekable();
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => {
                if front_order(x, y) != Ordering::Greater {
                    a.next().cloned()
                } else {
                    b.next()
                }
            }
            (Some(_), None) => a.next().cloned(),
            (None, Some(_)) => b.next(),
            (None, None) => break,
        };
        let Some(p) = next else { break };
        if out.last().is_none_or(|last| p.t > last.t) {
            out.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_id_list_holds_the_lowest_differing_candidate() {
        assert!(first_listed(0b0011, 0b0101));
        assert!(!first_listed(0b0101, 0b0011));
        assert!(first_listed(0b1001, 0b1010));
    }

    fn suffix(items: &[(i128, i128)]) -> Suffix<i128> {
        Suffix::new(
            items
                .iter()
                .enumerate()
                .map(|(i, &(gain, cost))| Item { i, gain, cost })
                .collect(),
        )
    }

    #[test]
    fn the_fractional_knapsack_over_what_is_left_is_exact() {
        // Free gain 1, then ratio 3/2 and 1/1: room 3 buys 1 + 3 + 1/2 of the last (gain 1).
        let s = suffix(&[(2, 2), (1, 0), (3, 2)]);
        assert!(s.reaches(3, &5));
        assert!(!s.reaches(3, &6));
        assert!(s.reaches(4, &6));
        assert!(!s.reaches(4, &7));
        assert!(s.reaches(0, &1));
        assert!(!s.reaches(0, &2));
        assert!(s.reaches(0, &0));
        assert!(!s.reaches(-1, &0));
    }
}
