//! Exact branch and bound over the candidates of a [`Model`].
//!
//! One engine answers "is there a set (a superset of the start) whose cost is at most a cap,
//! with at most a number of activities, whose score reaches a minimum and whose gates hold?"
//! and optimises one criterion by tightening its own constraint each time it finds a set
//! (lower cost cap, higher score floor, lower count cap), or stops at the first set found.
//!
//! Pruning is only ever in the safe direction. The score is a positive-weighted sum over
//! benchmarks of the credit of the highest rating reached: a monotone submodular function of
//! the set. So the gain of each remaining activity against the current set bounds its gain
//! after any further additions, and a fractional knapsack over those gains bounds what the
//! remaining money can still buy (likewise for each gated dimension). The best rating each
//! benchmark can still reach bounds the score regardless of money; an unmet benchmark gate
//! needs one of its remaining coverers, at least the cheapest one's cost. A dual solution of
//! the covering LP bounds the cost where activities overlap ([`Engine::dual_exceeds`]), and
//! the number of activities the largest gains need bounds both the count and, through the
//! cheapest that many, the cost. The score is generic over its integer type ([`Units`]):
//! the same search runs on `i128`, 512-bit or arbitrary-size scores.

use std::cmp::Ordering;

use super::bounds::{Item, by_ratio, knapsack};
use super::model::{Goal, Model};
use super::units::Units;
use crate::error::Result;

/// Binary digits of cost below the unit in the capped relaxation ([`Engine::capped_reaches`]).
const SCALE: u32 = 20;

/// What the engine optimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Objective {
    /// Stop at the first set found.
    First,
    /// Lowest cost.
    MinCost,
    /// Highest score.
    MaxScore,
    /// Fewest activities.
    MinCount,
}

/// A set found: candidate mask, cost (units), score, number of candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found<V> {
    pub mask: u64,
    pub cost: i128,
    pub t: V,
    pub count: usize,
}

/// Constraints of one search.
#[derive(Debug, Clone)]
pub(crate) struct Limits<V> {
    pub cap_cost: i128,
    pub t_min: V,
    pub cap_count: usize,
}

/// How much search one question may do before it answers with the best set found so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// At most this many work units: one per search node plus, for each candidate the node
    /// looks at, one and one per effect of it (what a node's work grows with). Deterministic: the same plan gets the same answer on any machine, loaded
    /// or not.
    Work(u64),
    /// At most this much wall-clock time (the answer may then depend on the machine's
    /// speed and load). Not available on `wasm32-unknown-unknown`, which has no clock.
    Time(std::time::Duration),
}

/// Nodes visited and work done so far, shared by the phases of one question, and whether
/// the limit ran out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Effort {
    pub nodes: u64,
    pub work: u64,
    pub limit: Limit,
    pub start: Option<std::time::Instant>,
    pub exhausted: bool,
}

impl Effort {
    /// A fresh effort under `limit`.
    pub(crate) fn new(limit: Limit) -> Effort {
        let start = match limit {
            Limit::Time(_) => Some(std::time::Instant::now()),
            Limit::Work(_) => None,
        };
        Effort {
            nodes: 0,
            work: 0,
            limit,
            start,
            exhausted: false,
        }
    }

    /// Counts one node doing `looked` units of work on its candidates; true when the limit
    /// is now spent.
    fn spend(&mut self, looked: u64) -> bool {
        self.charge(1, 1 + looked)
    }

    /// Counts `nodes` more nodes (search nodes, or sets of [`super::front`]) doing `work`
    /// units; true when the limit is now spent. The clock is read once per 256 nodes.
    pub(crate) fn charge(&mut self, nodes: u64, work: u64) -> bool {
        let before = self.nodes;
        self.nodes = self.nodes.saturating_add(nodes);
        self.work = self.work.saturating_add(work);
        let over = match self.limit {
            Limit::Work(max) => self.work > max,
            Limit::Time(max) => {
                before / 256 != self.nodes / 256 && self.start.is_some_and(|s| s.elapsed() > max)
            }
        };
        if over {
            self.exhausted = true;
        }
        over
    }
}

/// Runs one search over the supersets of `inside` (candidates forced in) that avoid
/// `outside` (candidates forced out).
pub(crate) fn run<V: Units>(
    m: &Model<V>,
    goal: &Goal<V>,
    limits: Limits<V>,
    objective: Objective,
    (inside, outside): (u64, u64),
    effort: &mut Effort,
) -> Result<Option<Found<V>>> {
    engine(m, goal, limits, objective, (inside, outside), effort, false)
}

/// Whether the root of a search under `limits` passes every bound: when it does not, no set
/// meets the limits (the bounds are safe), which gives proven bounds when a search is cut
/// short. Ignores and does not count effort.
pub(crate) fn root_passes<V: Units>(m: &Model<V>, goal: &Goal<V>, limits: Limits<V>) -> bool {
    let mut effort = Effort::new(Limit::Work(u64::MAX));
    matches!(
        engine(m, goal, limits, Objective::First, (0, 0), &mut effort, true),
        Ok(Some(_))
    )
}

/// The score, cost, count of a candidate mask and whether it meets `goal`.
pub(crate) fn evaluate<V: Units>(m: &Model<V>, goal: &Goal<V>, mask: u64) -> (Found<V>, bool) {
    let mut level: Vec<u8> = m.slots.iter().map(|s| s.level0).collect();
    let mut rest = mask;
    let mut cost = 0;
    while rest != 0 {
        let i = rest.trailing_zeros() as usize;
        rest &= rest - 1;
        cost += m.cost[i];
        for &(s, l) in &m.effects[i] {
            level[s] = level[s].max(l);
        }
    }
    let mut t = V::zero();
    let mut e = vec![0i128; m.e0.len()];
    for (s, slot) in m.slots.iter().enumerate() {
        let l = level[s] as usize;
        t += slot.value[l].clone();
        if let Some(d) = slot.dim {
            e[d] += slot.earned[l] - slot.earned[slot.level0 as usize];
        }
    }
    let ok = t >= goal.t_min
        && goal.gates.iter().all(|g| level[g.slot] >= g.level)
        && goal.dims.iter().all(|&(d, need)| m.e0[d] + e[d] >= need);
    let f = Found {
        mask,
        cost,
        t,
        count: mask.count_ones() as usize,
    };
    (f, ok)
}

fn engine<V: Units>(
    m: &Model<V>,
    goal: &Goal<V>,
    limits: Limits<V>,
    objective: Objective,
    (inside, outside): (u64, u64),
    effort: &mut Effort,
    probe: bool,
) -> Result<Option<Found<V>>> {
    let mut e = Engine {
        m,
        goal,
        cap_cost: limits.cap_cost,
        t_min: limits.t_min,
        cap_count: limits.cap_count,
        objective,
        level: m.slots.iter().map(|s| s.level0).collect(),
        t: m.t0.clone(),
        e: m.e0.clone(),
        cost: 0,
        count: 0,
        mask: 0,
        undo: Vec::new(),
        top: m.slots.iter().map(|s| s.level0).collect(),
        second: m.slots.iter().map(|s| s.level0).collect(),
        cap: vec![V::zero(); m.slots.len()],
        stamp: vec![0; m.slots.len()],
        epoch: 0,
        found: None,
        effort,
        probe,
    };
    let mut rest = inside;
    while rest != 0 {
        let i = rest.trailing_zeros() as usize;
        rest &= rest - 1;
        e.apply(i);
    }
    e.node(m.live() & !inside & !outside)?;
    Ok(e.found)
}

struct Engine<'a, V> {
    m: &'a Model<V>,
    goal: &'a Goal<V>,
    cap_cost: i128,
    t_min: V,
    cap_count: usize,
    objective: Objective,
    level: Vec<u8>,
    t: V,
    e: Vec<i128>,
    cost: i128,
    count: usize,
    mask: u64,
    undo: Vec<(usize, u8)>,
    top: Vec<u8>,
    second: Vec<u8>,
    cap: Vec<V>,
    stamp: Vec<u32>,
    epoch: u32,
    found: Option<Found<V>>,
    effort: &'a mut Effort,
    /// Only test the root's bounds: [`root_passes`].
    probe: bool,
}

/// One element of the dual bound ([`Engine::dual_exceeds`]): a benchmark one rating above its
/// current one, the live candidates covering it, and its score worth (`None` for a gate
/// element, which every set must cover whatever its worth).
struct Element<V> {
    covers: u64,
    worth: Option<V>,
}

/// What a probe reports when the root passes its bounds (not a real set).
fn passes<V: Units>() -> Found<V> {
    Found {
        mask: 0,
        cost: 0,
        t: V::zero(),
        count: 0,
    }
}

impl<V: Units> Engine<'_, V> {
    fn satisfied(&self) -> bool {
        self.t >= self.t_min
            && self
                .goal
                .gates
                .iter()
                .all(|g| self.level[g.slot] >= g.level)
            && self.goal.dims.iter().all(|&(d, need)| self.e[d] >= need)
    }

    /// Score gain of candidate `i` against the current set, and whether it raises anything.
    fn gain(&self, i: usize) -> (V, bool) {
        let mut gain = V::zero();
        let mut raises = false;
        for &(s, l) in &self.m.effects[i] {
            let cur = self.level[s];
            if l > cur {
                raises = true;
                gain += self.m.slots[s].rise(cur, l);
            }
        }
        (gain, raises)
    }

    fn dim_gain(&self, i: usize, d: usize) -> i128 {
        let mut gain = 0;
        for &(s, l) in &self.m.effects[i] {
            let slot = &self.m.slots[s];
            let cur = self.level[s];
            if slot.dim == Some(d) && l > cur {
                gain += slot.earned[l as usize] - slot.earned[cur as usize];
            }
        }
        gain
    }

    fn apply(&mut self, i: usize) {
        for &(s, l) in &self.m.effects[i] {
            let cur = self.level[s];
            if l > cur {
                self.undo.push((s, cur));
                let slot = &self.m.slots[s];
                self.t += slot.rise(cur, l);
                if let Some(d) = slot.dim {
                    self.e[d] += slot.earned[l as usize] - slot.earned[cur as usize];
                }
                self.level[s] = l;
            }
        }
        self.cost += self.m.cost[i];
        self.count += 1;
        self.mask |= 1 << i;
    }

    fn revert(&mut self, i: usize, mark: usize) {
        while self.undo.len() > mark {
            let Some((s, old)) = self.undo.pop() else {
                break;
            };
            let cur = self.level[s];
            let slot = &self.m.slots[s];
            self.t -= slot.rise(old, cur);
            if let Some(d) = slot.dim {
                self.e[d] -= slot.earned[cur as usize] - slot.earned[old as usize];
            }
            self.level[s] = old;
        }
        self.cost -= self.m.cost[i];
        self.count -= 1;
        self.mask &= !(1 << i);
    }

    /// Surveys the benchmarks the live candidates raise: for each, the best and second-best
    /// rating they give (`top`, `second`, never below the current one) and what it can still
    /// gain (`cap`). Returns the benchmarks and the sum of the caps.
    fn survey(&mut self, items: &[Item<V>]) -> (Vec<usize>, V) {
        self.epoch = self.epoch.wrapping_add(1);
        let mut slots = Vec::new();
        for it in items {
            for &(s, l) in &self.m.effects[it.i] {
                let cur = self.level[s];
                if l <= cur {
                    continue;
                }
                if self.stamp[s] != self.epoch {
                    self.stamp[s] = self.epoch;
                    self.top[s] = cur;
                    self.second[s] = cur;
                    slots.push(s);
                }
                if l > self.top[s] {
                    self.second[s] = self.top[s];
                    self.top[s] = l;
                } else if l < self.top[s] && l > self.second[s] {
                    self.second[s] = l;
                }
            }
        }
        let mut ceiling = V::zero();
        for &s in &slots {
            self.cap[s] = self.m.slots[s].rise(self.level[s], self.top[s]);
            ceiling += self.cap[s].clone();
        }
        (slots, ceiling)
    }

    /// Whether the remaining candidates can add `need` to the score within `room`, in the
    /// relaxation where each activity may be bought in part and in pieces (one per benchmark
    /// it raises, its cost shared in proportion to gain) and each benchmark gains at most its
    /// `cap`. All pieces of an activity share its gain per cost, so taking activities by that
    /// ratio and counting of each only what the benchmarks can still gain solves the
    /// relaxation. Costs of capped parts are rounded down, which only weakens the bound.
    /// Uses up the caps.
    /// Returns the gain per cost of the activity at which it reaches `need` (`None`: it does
    /// not, so no set within `room` does).
    fn capped_reaches(&mut self, items: &mut [Item<V>], room: i128, need: &V) -> Option<(i128, V)> {
        items.sort_unstable_by(by_ratio);
        let mut got = V::zero();
        // Money in 2^-SCALE cost units, so that rounding a capped part's cost down loses
        // at most 2^-SCALE of a unit per activity (unit costs would otherwise round to 0).
        let mut left = room.saturating_mul(1 << SCALE);
        for it in items.iter() {
            if !it.gain.is_positive() {
                continue;
            }
            let mut usable = V::zero();
            for &(s, l) in &self.m.effects[it.i] {
                let cur = self.level[s];
                if l > cur {
                    let piece = self.m.slots[s].rise(cur, l).min(self.cap[s].clone());
                    self.cap[s] -= piece.clone();
                    usable += piece;
                }
            }
            if usable.is_zero() {
                continue;
            }
            let cost = if usable == it.gain {
                it.cost << SCALE
            } else {
                V::mul_div_floor(&usable, it.cost << SCALE, &it.gain)
            };
            if cost <= left {
                got += usable;
                left -= cost;
                if got >= *need {
                    return Some((it.cost, it.gain.clone()));
                }
            } else {
                // A fraction left/cost of the usable part, at the activity's gain per cost.
                let reaches =
                    V::cmp_products(&(need.clone() - got), it.cost << SCALE, &it.gain, left)
                        != Ordering::Greater;
                return reaches.then(|| (it.cost, it.gain.clone()));
            }
        }
        None
    }

    /// Whether the LP dual bound at `price` (`(c, g)`: `c` cost units × 2^SCALE per `g` score
    /// units) proves that no set of the `live` candidates within `room` reaches the score and
    /// the benchmark gates.
    ///
    /// The LP relaxation covers each element — a benchmark `s` one rating `l` above the
    /// current one, worth `w` — by a fraction of its live coverers (those rating `s` at `l` or
    /// more). Its dual: a price π per score unit and a payment `λ_e` to each element such that
    /// no activity pays more than its cost over the elements it covers; then every set
    /// reaching `need` within the benchmark gates costs at least `Σ λ_e − π × slack`, where
    /// the slack is what the elements are worth beyond `need` (weak duality; non-gate
    /// payments above π w only lose). Payments are packed greedily, gate elements and the
    /// fewest-covered first, each as much as its coverers' remaining costs and π w allow;
    /// rounding down keeps them feasible. Any π and λ give a true bound; this one is often
    /// far above the capped relaxation when activities overlap.
    fn dual_exceeds(
        &self,
        live: u64,
        elements: &[Element<V>],
        slack: &V,
        room: i128,
        (c, g): (i128, V),
    ) -> bool {
        let mut left = [0i128; 64];
        let mut rest = live;
        while rest != 0 {
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            left[i] = self.m.cost[i] << SCALE;
        }
        let mut paid: i128 = 0;
        for e in elements.iter().filter(|e| e.covers != 0) {
            let mut pay = i128::MAX;
            let mut rest = e.covers;
            while rest != 0 {
                let i = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                pay = pay.min(left[i]);
            }
            if let Some(w) = &e.worth {
                // At most π w = c w / g: divide only when that is the lower of the two.
                if V::cmp_products(&g, pay, w, c) == Ordering::Greater {
                    pay = V::mul_div_floor(w, c, &g);
                }
            }
            if pay <= 0 {
                continue;
            }
            let mut rest = e.covers;
            while rest != 0 {
                let i = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                left[i] -= pay;
            }
            paid = paid.saturating_add(pay);
        }
        // Prune when Σλ − π × slack > room, i.e. (Σλ − room) × g > c × slack.
        let over = paid - (room << SCALE);
        over > 0 && V::cmp_products(&g, over, slack, c) == Ordering::Greater
    }

    /// The elements of [`Engine::dual_exceeds`] over the surveyed `slots`: gate elements
    /// first, then the fewest-covered.
    fn elements(&self, live: u64, slots: &[usize]) -> Vec<Element<V>> {
        let mut out: Vec<Element<V>> = Vec::new();
        for &s in slots {
            let gate = self
                .goal
                .gates
                .iter()
                .filter(|gt| gt.slot == s)
                .map(|gt| gt.level)
                .max()
                .unwrap_or(0);
            for l in self.level[s] + 1..=self.top[s] {
                let w = self.m.slots[s].rise(l - 1, l);
                if l > gate && w.is_zero() {
                    continue;
                }
                let covers = self.m.by_slot[s]
                    .iter()
                    .filter(|&&(i, li)| li >= l && live & (1 << i) != 0)
                    .fold(0u64, |m, &(i, _)| m | (1 << i));
                out.push(Element {
                    covers,
                    worth: (l > gate).then_some(w),
                });
            }
        }
        out.sort_by_key(|e| (e.worth.is_some(), e.covers.count_ones()));
        out
    }

    /// Work units of looking at the candidates of `avail` ([`Model::work`]).
    fn looked(&self, avail: u64) -> u64 {
        let mut rest = avail;
        let mut units = 0u64;
        while rest != 0 {
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            units = units.saturating_add(self.m.work[i]);
        }
        units
    }

    fn node(&mut self, avail: u64) -> Result<bool> {
        // Out of effort: unwind, keeping the best set found so far.
        if self.effort.exhausted || self.effort.spend(self.looked(avail)) {
            return Ok(true);
        }
        if self.cost > self.cap_cost || self.count > self.cap_count {
            return Ok(false);
        }
        if self.probe && self.satisfied() {
            self.found = Some(passes());
            return Ok(true);
        }
        if self.satisfied() {
            self.found = Some(Found {
                mask: self.mask,
                cost: self.cost,
                t: self.t.clone(),
                count: self.count,
            });
            match self.objective {
                Objective::First => return Ok(true),
                Objective::MinCost => {
                    self.cap_cost = self.cost - 1;
                    return Ok(false);
                }
                Objective::MinCount => {
                    self.cap_count = self.count.saturating_sub(1);
                    return Ok(false);
                }
                Objective::MaxScore => self.t_min = self.t.clone() + V::one(),
            }
        }
        if self.count >= self.cap_count {
            return Ok(false);
        }
        let room = self.cap_cost - self.cost;
        let mut items = Vec::with_capacity(avail.count_ones() as usize);
        let mut live = 0u64;
        let mut rest = avail;
        while rest != 0 {
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if self.m.cost[i] > room {
                continue;
            }
            let (gain, raises) = self.gain(i);
            if raises {
                live |= 1 << i;
                items.push(Item {
                    i,
                    gain,
                    cost: self.m.cost[i],
                });
            }
        }
        if live == 0 {
            return Ok(false);
        }
        if self.cap_count == usize::MAX && self.objective != Objective::MinCount {
            // Free activities only help when the count does not matter: take them all now.
            let free: Vec<usize> = items
                .iter()
                .filter(|it| it.cost == 0)
                .map(|it| it.i)
                .collect();
            if !free.is_empty() {
                let mut marks = Vec::with_capacity(free.len());
                let mut rest = live;
                for &i in &free {
                    marks.push(self.undo.len());
                    self.apply(i);
                    rest &= !(1 << i);
                }
                let stop = self.node(rest);
                for (&i, &mark) in free.iter().zip(&marks).rev() {
                    self.revert(i, mark);
                }
                return stop;
            }
        }
        // Requirements: each needs one of its coverers. Unmet gates, and benchmarks that must
        // reach their best remaining rating because the score cannot spare the difference.
        let mut reqs: Vec<u64> = Vec::new();
        for g in &self.goal.gates {
            if self.level[g.slot] < g.level {
                reqs.push(g.coverers & live);
            }
        }
        let need = self.t_min.clone() - self.t.clone();
        let need = if need.is_positive() {
            // Every reachable score moves by whole granules.
            need.div_ceil(&self.m.granule) * self.m.granule.clone()
        } else {
            V::zero()
        };
        let mut surveyed = None;
        if need.is_positive() {
            let (slots, ceiling) = self.survey(&items);
            if ceiling < need {
                return Ok(false);
            }
            let slack = ceiling - need.clone();
            for &s in &slots {
                let below = self.second[s].max(self.level[s]);
                if self.m.slots[s].rise(below, self.top[s]) > slack {
                    let top = self.top[s];
                    let cov = self.m.by_slot[s]
                        .iter()
                        .filter(|&&(i, l)| l >= top && live & (1 << i) != 0)
                        .fold(0u64, |m, &(i, _)| m | (1 << i));
                    reqs.push(cov);
                }
            }
            surveyed = Some((slots, slack));
        }
        if !self.requirements_fit(&items, &mut reqs, room) {
            return Ok(false);
        }
        if let Some((slots, slack)) = surveyed {
            let Some((c, g)) = self.capped_reaches(&mut items, room, &need) else {
                return Ok(false);
            };
            // The dual bound at the capped relaxation's price, and a little above it (where
            // it is often higher, as the price of covering what the cheapest cannot).
            let elements = self.elements(live, &slots);
            for (num, den) in [(1, 1), (5, 4), (3, 2)] {
                let price = (
                    c.saturating_mul(num) << SCALE,
                    g.clone() * V::from_small(den),
                );
                if self.dual_exceeds(live, &elements, &slack, room, price) {
                    return Ok(false);
                }
            }
        }
        for &(d, at_least) in &self.goal.dims {
            let need = at_least - self.e[d];
            if need > 0 {
                let gains = items.iter().map(|it| (self.dim_gain(it.i, d), it.cost));
                if !knapsack(gains, room, need) {
                    return Ok(false);
                }
            }
        }
        if need.is_positive() {
            // No activity adds more than its gain now, so reaching `need` takes at least the
            // `k` largest gains' worth of activities: `k` more, costing at least the `k`
            // cheapest (what proves sums of near-equal weights that fall between counts).
            let mut gains: Vec<&V> = items.iter().map(|it| &it.gain).collect();
            gains.sort_unstable_by(|a, b| b.cmp(a));
            let mut got = V::zero();
            let mut k = 0;
            for g in gains {
                if got >= need {
                    break;
                }
                got += g.clone();
                k += 1;
            }
            if self.count + k > self.cap_count {
                return Ok(false);
            }
            let mut costs: Vec<i128> = items.iter().map(|it| it.cost).collect();
            let k = k.clamp(1, costs.len());
            costs.select_nth_unstable(k - 1);
            let least: i128 = costs[..k].iter().sum();
            if least > room {
                return Ok(false);
            }
        }
        if self.probe {
            self.found = Some(passes());
            return Ok(true);
        }
        let tightest = reqs.iter().copied().min_by_key(|r| r.count_ones());
        let pick = self.choose(&items, tightest);
        let mark = self.undo.len();
        self.apply(pick);
        let stop = self.node(live & !(1 << pick))?;
        self.revert(pick, mark);
        if stop {
            return Ok(true);
        }
        self.node(live & !(1 << pick))
    }

    /// Whether the requirements can all be met within `room` and the count cap: requirements
    /// with pairwise disjoint coverers need distinct activities, so the cheapest coverers of
    /// such a family (packed greedily, dearest first) add up to a lower bound on the cost,
    /// and their number to a lower bound on the activities still needed.
    fn requirements_fit(&self, items: &[Item<V>], reqs: &mut [u64], room: i128) -> bool {
        if reqs.is_empty() {
            return true;
        }
        let cheapest = |mask: u64| {
            items
                .iter()
                .filter(|it| mask & (1 << it.i) != 0)
                .map(|it| it.cost)
                .min()
        };
        let mut costed = Vec::with_capacity(reqs.len());
        for &r in reqs.iter() {
            match cheapest(r) {
                Some(c) if c <= room => costed.push((c, r)),
                _ => return false,
            }
        }
        costed.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.count_ones().cmp(&b.1.count_ones())));
        let (mut used, mut lb, mut k) = (0u64, 0i128, 0usize);
        for (c, r) in costed {
            if r & used == 0 {
                used |= r;
                lb += c;
                k += 1;
            }
        }
        lb <= room && self.count + k <= self.cap_count
    }

    /// The candidate to branch on (included first).
    fn choose(&self, items: &[Item<V>], tightest: Option<u64>) -> usize {
        if let Some(cov) = tightest {
            // Fail first: the unmet gate with the fewest coverers, its cheapest coverer.
            return items
                .iter()
                .filter(|it| cov & (1 << it.i) != 0)
                .min_by(|a, b| a.cost.cmp(&b.cost).then(b.gain.cmp(&a.gain)))
                .map_or(0, |it| it.i);
        }
        let better = |a: &Item<V>, b: &Item<V>| -> Ordering {
            if self.objective == Objective::MinCount {
                return b
                    .gain
                    .cmp(&a.gain)
                    .then(a.cost.cmp(&b.cost))
                    .then(a.i.cmp(&b.i));
            }
            by_ratio(a, b)
        };
        items
            .iter()
            .min_by(|a, b| better(a, b))
            .map_or(0, |it| it.i)
    }
}
