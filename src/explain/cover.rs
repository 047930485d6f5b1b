//! The exact minimum behind `explain`: the fewest benchmarks to change so that a goal holds, and
//! among the sets of that size the one whose sorted id list is smallest.
//!
//! Each benchmark that may change moves its dimension's earned amount by a fixed `delta` (up to
//! the top rating to raise, down to the bottom one to lower), and every denominator is fixed
//! (applicability never changes), so a set is worth its deltas: per dimension, and for the
//! percentage a positive-weighted sum of them (one weight per dimension). A goal asks for some
//! benchmarks outright (benchmark gates), a least total of deltas in some dimensions (dimension
//! gates) and a percentage test that is monotone in the deltas.
//!
//! **Why a greedy count is exact.** Within one dimension the percentage weight is the same for
//! every benchmark, so taking a dimension's largest deltas is best for both its gate and the
//! percentage: any feasible set stays feasible, with the same size, when its members in each
//! dimension are replaced by that dimension's largest ones. So some smallest set consists of the
//! forced benchmarks, in each gated dimension the fewest largest deltas that meet its gate, and
//! then the largest gains left overall, as many as the percentage needs. Whether a given number
//! of extra benchmarks suffices is one such walk ([`Pass::fits`]); the least number is found by
//! bisection, since more benchmarks never hurt.
//!
//! **The smallest id list.** Benchmarks are numbered in byte order of their ids. Going up, each
//! is kept when a smallest set holds it together with those kept and none of those dropped: the
//! same walk, with that benchmark forced in and only the later ones left to choose from. A kept
//! benchmark makes the list smaller than any set without it, whose next id is larger. Decided
//! benchmarks leave the walks' lists for good (skipped by path-halving links), so each check
//! costs about the number of benchmarks it may still add.

use std::cmp::Ordering;

use num_bigint::BigInt;

use crate::plan::units::Units;

/// A benchmark that may change, as the search sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item {
    /// Benchmark index in the framework.
    pub benchmark: usize,
    /// Dimension index in the framework.
    pub dimension: usize,
    /// Earned amount the change moves, in 10^-12 units (0 or more).
    pub delta: i128,
}

/// The percentage part of a goal, monotone in the deltas (more never fails).
pub(crate) enum Percentage {
    /// No condition on the percentage.
    Free,
    /// The sum of the deltas must reach this (flat aggregation: one denominator).
    Total(i128),
    /// `Σ coefficient × delta` over the framework's dimensions must reach `need`
    /// (`by_dimension`: each dimension's share of the percentage, on a common denominator).
    Weighted {
        coefficients: Vec<BigInt>,
        need: BigInt,
    },
}

/// What a set must achieve. `items` are numbered in byte order of their benchmark ids.
pub(crate) struct Goal {
    pub items: Vec<Item>,
    /// Items every set must hold.
    pub forced: Vec<usize>,
    /// `(dimension, least sum of its chosen items' deltas)`, at most one per dimension.
    pub dimensions: Vec<(usize, i128)>,
    pub percentage: Percentage,
    /// Percentage weight of each framework dimension as a fraction `(numerator, denominator)`,
    /// both positive: a benchmark's gain is its delta times its dimension's weight.
    pub weights: Vec<(i128, i128)>,
}

/// The answer: the fewest items, by index (so in id order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Answer {
    pub set: Vec<usize>,
}

/// The smallest set reaching `goal`, with the smallest sorted id list among those; `None` when
/// no set does.
pub(crate) fn solve(goal: &Goal) -> Option<Answer> {
    let mut pass = Pass::new(goal);
    let pool = pass.by_gain.len();
    if !pass.fits(None, pool) {
        return None;
    }
    // The least number of extra items that suffices (more never hurts).
    let (mut lo, mut hi) = (0, pool);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pass.fits(None, mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let mut left = lo;
    let mut set = goal.forced.clone();
    for i in 0..goal.items.len() {
        if left == 0 {
            break;
        }
        if !pass.in_pool(i) {
            continue;
        }
        let keep = pass.fits(Some(i), left - 1);
        pass.decide(i, keep);
        if keep {
            set.push(i);
            left -= 1;
        }
    }
    set.sort_unstable();
    Some(Answer { set })
}

/// Positions of a list still in play: [`Alive::first`] finds the first live position at or
/// after a position (the length when none) along links halved as they are followed.
struct Alive {
    next: Vec<usize>,
}

impl Alive {
    fn new(len: usize) -> Alive {
        Alive {
            next: (0..=len).collect(),
        }
    }

    fn first(&mut self, mut p: usize) -> usize {
        while let Some(&n) = self.next.get(p)
            && n != p
        {
            let skip = self.next.get(n).copied().unwrap_or(n);
            self.next[p] = skip;
            p = skip;
        }
        p
    }

    fn remove(&mut self, p: usize) {
        if let Some(n) = self.next.get_mut(p) {
            *n = p + 1;
        }
    }
}

/// A list of items in a fixed order with the ones still in play.
struct Ordered {
    order: Vec<usize>,
    alive: Alive,
}

impl Ordered {
    fn new(order: Vec<usize>) -> Ordered {
        let alive = Alive::new(order.len());
        Ordered { order, alive }
    }

    /// The first live item at or after position `p`, with its position.
    fn at(&mut self, p: usize) -> Option<(usize, usize)> {
        let p = self.alive.first(p);
        self.order.get(p).map(|&i| (p, i))
    }
}

/// Not on a list.
const NOWHERE: usize = usize::MAX;

/// The state of one lex pass: what is in, and the lists of what is left.
struct Pass<'g> {
    goal: &'g Goal,
    /// Undecided items with a positive delta, largest gain first.
    by_gain: Vec<usize>,
    global: Ordered,
    /// Per entry of `goal.dimensions`: its undecided items, largest delta first.
    gated: Vec<Ordered>,
    /// Position of each item in `global` and in its gated dimension's list.
    at_global: Vec<usize>,
    at_gated: Vec<usize>,
    /// Entry of `goal.dimensions` of each framework dimension.
    gate_of: Vec<usize>,
    /// Deltas of the items in, per framework dimension, and their sum.
    inside: Vec<i128>,
    total: i128,
    /// Scratch copy of `inside` for one walk, and the items a walk took for gates.
    scratch: Vec<i128>,
    mark: Vec<u32>,
    epoch: u32,
}

impl<'g> Pass<'g> {
    fn new(goal: &'g Goal) -> Pass<'g> {
        let n = goal.items.len();
        let dims = goal.weights.len();
        let mut forced = vec![false; n];
        let mut inside = vec![0i128; dims];
        let mut total = 0;
        for &f in &goal.forced {
            if let (Some(flag), Some(it)) = (forced.get_mut(f), goal.items.get(f)) {
                *flag = true;
                if let Some(s) = inside.get_mut(it.dimension) {
                    *s += it.delta;
                }
                total += it.delta;
            }
        }
        let pool: Vec<usize> = (0..n)
            .filter(|&i| !forced[i] && goal.items[i].delta > 0)
            .collect();
        let mut by_gain = pool.clone();
        by_gain.sort_by(|&a, &b| gain_order(goal, a, b));
        let mut gate_of = vec![NOWHERE; dims];
        let mut gated = Vec::with_capacity(goal.dimensions.len());
        let mut at_gated = vec![NOWHERE; n];
        for (g, &(d, _)) in goal.dimensions.iter().enumerate() {
            if let Some(slot) = gate_of.get_mut(d) {
                *slot = g;
            }
            let mut list: Vec<usize> = pool
                .iter()
                .copied()
                .filter(|&i| goal.items[i].dimension == d)
                .collect();
            list.sort_by(|&a, &b| goal.items[b].delta.cmp(&goal.items[a].delta));
            for (p, &i) in list.iter().enumerate() {
                at_gated[i] = p;
            }
            gated.push(Ordered::new(list));
        }
        let mut at_global = vec![NOWHERE; n];
        for (p, &i) in by_gain.iter().enumerate() {
            at_global[i] = p;
        }
        Pass {
            goal,
            global: Ordered::new(by_gain.clone()),
            by_gain,
            gated,
            at_global,
            at_gated,
            gate_of,
            scratch: inside.clone(),
            inside,
            total,
            mark: vec![0; n],
            epoch: 0,
        }
    }

    fn in_pool(&self, i: usize) -> bool {
        self.at_global.get(i).is_some_and(|&p| p != NOWHERE)
    }

    /// Takes item `i` out of the lists, into the set when `keep`.
    fn decide(&mut self, i: usize, keep: bool) {
        let it = self.goal.items[i];
        self.global.alive.remove(self.at_global[i]);
        if let Some(list) = self
            .gate_of
            .get(it.dimension)
            .and_then(|&g| self.gated.get_mut(g))
        {
            list.alive.remove(self.at_gated[i]);
        }
        self.at_global[i] = NOWHERE;
        if keep {
            self.inside[it.dimension] += it.delta;
            self.total += it.delta;
        }
    }

    fn add(&mut self, i: usize, total: &mut i128) {
        let it = self.goal.items[i];
        self.scratch[it.dimension] += it.delta;
        *total += it.delta;
    }

    /// Whether the items in, `extra` and at most `cap` undecided items besides reach the goal:
    /// each gated dimension's largest deltas until its gate holds, then the largest gains.
    fn fits(&mut self, extra: Option<usize>, cap: usize) -> bool {
        let goal = self.goal;
        self.scratch.clone_from(&self.inside);
        let mut total = self.total;
        if let Some(x) = extra {
            self.add(x, &mut total);
        }
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.mark.iter_mut().for_each(|m| *m = 0);
            self.epoch = 1;
        }
        let mut used = 0;
        for (g, &(d, need)) in goal.dimensions.iter().enumerate() {
            let mut p = 0;
            while self.scratch[d] < need {
                let Some((at, i)) = self.gated[g].at(p) else {
                    return false;
                };
                p = at + 1;
                if Some(i) == extra {
                    continue;
                }
                if used == cap {
                    return false;
                }
                used += 1;
                self.mark[i] = self.epoch;
                self.add(i, &mut total);
            }
        }
        let mut p = 0;
        while used < cap && !self.settled(total) {
            let Some((at, i)) = self.global.at(p) else {
                break;
            };
            p = at + 1;
            if Some(i) == extra || self.mark[i] == self.epoch {
                continue;
            }
            used += 1;
            self.add(i, &mut total);
        }
        match &goal.percentage {
            Percentage::Free => true,
            Percentage::Total(need) => total >= *need,
            Percentage::Weighted { coefficients, need } => {
                weighted(coefficients, &self.scratch) >= *need
            }
        }
    }

    /// Whether more items cannot change the verdict: no percentage condition, or a total
    /// already reached. A weighted sum is computed once, at the end of a walk.
    fn settled(&self, total: i128) -> bool {
        match &self.goal.percentage {
            Percentage::Free => true,
            Percentage::Total(need) => total >= *need,
            Percentage::Weighted { .. } => false,
        }
    }
}

/// `Σ coefficient × delta`, exactly.
pub(crate) fn weighted(coefficients: &[BigInt], deltas: &[i128]) -> BigInt {
    coefficients
        .iter()
        .zip(deltas)
        .filter(|(_, d)| **d != 0)
        .map(|(c, d)| c * BigInt::from(*d))
        .sum()
}

/// Largest gain first (delta times the dimension's weight, exactly), then lower index.
fn gain_order(goal: &Goal, a: usize, b: usize) -> Ordering {
    let (x, y) = (&goal.items[a], &goal.items[b]);
    let one = (1, 1);
    let (nx, dx) = goal.weights.get(x.dimension).copied().unwrap_or(one);
    let (ny, dy) = goal.weights.get(y.dimension).copied().unwrap_or(one);
    // y.delta × ny / dy against x.delta × nx / dx: descending order.
    let by_gain = match (y.delta.checked_mul(ny), x.delta.checked_mul(nx)) {
        (Some(gy), Some(gx)) => i128::cmp_products(&gy, dx, &gx, dy),
        _ => (BigInt::from(y.delta) * ny * dx).cmp(&(BigInt::from(x.delta) * nx * dy)),
    };
    by_gain.then(a.cmp(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(dimension: usize, delta: i128) -> Item {
        Item {
            benchmark: 0,
            dimension,
            delta,
        }
    }

    fn goal(items: Vec<Item>, percentage: Percentage) -> Goal {
        Goal {
            items,
            forced: Vec::new(),
            dimensions: Vec::new(),
            percentage,
            weights: vec![(1, 1); 2],
        }
    }

    /// Brute force over every subset: the fewest items, then the smallest index list.
    fn brute(g: &Goal) -> Option<Vec<usize>> {
        let n = g.items.len();
        let mut best: Option<Vec<usize>> = None;
        for mask in 0u32..1 << n {
            let set: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
            if !g.forced.iter().all(|f| set.contains(f)) {
                continue;
            }
            let mut per = vec![0i128; g.weights.len()];
            for &i in &set {
                per[g.items[i].dimension] += g.items[i].delta;
            }
            let dims_ok = g.dimensions.iter().all(|&(d, need)| per[d] >= need);
            let pct_ok = match &g.percentage {
                Percentage::Free => true,
                Percentage::Total(need) => per.iter().sum::<i128>() >= *need,
                Percentage::Weighted { coefficients, need } => {
                    weighted(coefficients, &per) >= *need
                }
            };
            let better = best
                .as_ref()
                .is_none_or(|b| (set.len(), &set) < (b.len(), b));
            if dims_ok && pct_ok && better {
                best = Some(set);
            }
        }
        best
    }

    #[test]
    fn fewest_then_first_ids() {
        // Need 10: {0: 6, 1: 5, 2: 5, 3: 4}: two items; {0, 1} is the first list of size 2.
        let g = goal(
            vec![item(0, 6), item(0, 5), item(0, 5), item(0, 4)],
            Percentage::Total(10),
        );
        assert_eq!(solve(&g).map(|a| a.set), Some(vec![0, 1]));
        assert_eq!(solve(&g).map(|a| a.set), brute(&g));
        // Need 9: {0, 3} reaches 10 too, but {0, 1} comes first; 3 + 4 alone is not enough.
        let g = goal(
            vec![item(0, 3), item(0, 6), item(0, 5), item(0, 4)],
            Percentage::Total(9),
        );
        assert_eq!(solve(&g).map(|a| a.set), Some(vec![0, 1]));
        let g = goal(vec![item(0, 3)], Percentage::Total(4));
        assert_eq!(solve(&g), None);
    }

    #[test]
    fn gates_and_forced_items_count() {
        // Dimension 1 needs 5 of its own; the percentage needs 12 overall; item 3 is forced.
        let mut g = goal(
            vec![item(0, 7), item(1, 3), item(1, 2), item(0, 1), item(1, 4)],
            Percentage::Total(12),
        );
        g.forced = vec![3];
        g.dimensions = vec![(1, 5)];
        // Two of dimension 1 for its gate (3 + 2 is enough), the 7, and the forced one.
        assert_eq!(solve(&g).map(|a| a.set), brute(&g));
        assert_eq!(solve(&g).map(|a| a.set), Some(vec![0, 1, 2, 3]));
        g.dimensions = vec![(1, 10)];
        assert_eq!(solve(&g), None);
    }

    #[test]
    fn weighted_sums_agree_with_brute_force() {
        // Dimension 0 weighs 1/3, dimension 1 weighs 1/2: on the denominator 6, 2 and 3.
        let weighted = Percentage::Weighted {
            coefficients: vec![BigInt::from(2), BigInt::from(3)],
            need: BigInt::from(42),
        };
        let mut g = goal(
            vec![item(0, 9), item(1, 5), item(1, 4), item(0, 6), item(1, 1)],
            weighted,
        );
        g.weights = vec![(1, 3), (1, 2)];
        assert_eq!(solve(&g).map(|a| a.set), brute(&g));
        g.dimensions = vec![(0, 15)];
        assert_eq!(solve(&g).map(|a| a.set), brute(&g));
    }

    #[test]
    fn links_skip_removed_positions() {
        let mut a = Alive::new(5);
        a.remove(1);
        a.remove(2);
        a.remove(4);
        assert_eq!(a.first(0), 0);
        assert_eq!(a.first(1), 3);
        assert_eq!(a.first(4), 5);
        assert_eq!(a.first(9), 9);
    }
}
