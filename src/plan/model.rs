//! The exact integer model the optimiser searches: the plan over its start state (baseline plus
//! committed activities) reduced to the benchmarks some candidate activity can raise.
//!
//! Applicability is fixed by the baseline, so every denominator is constant over all sets and
//! the exact percentage is `P(T) = P_start + 100 (T − T_start) / L` for an integer score `T`:
//! the sum over raised benchmarks ("slots") of an integer value per rating, `L` the least
//! common multiple of the reduced denominators of their contributions. A tier's `min` or
//! `strong_from` becomes, once, the least integer `T` whose official rounding reaches it, so the
//! search compares integers only. Dimension gates compare each gated dimension's integer
//! `earned` total (10^-12 units) with the least total that reaches the gate.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::Zero;

use super::units::Units;
use super::{ActivitySet, Plan};
use crate::error::{Error, ErrorKind, Result};
use crate::framework::{Aggregation, Framework, Gate};
use crate::num::decimal::Ratio;
use crate::score::ladder::Rank;
use crate::score::{self, DimensionTotal};

/// One benchmark some candidate can raise.
#[derive(Debug, Clone)]
pub(crate) struct Slot<V> {
    /// Rating index at the start.
    pub level0: u8,
    /// Score value at each rating index.
    pub value: Vec<V>,
    /// Index in [`Model::e0`] (the gated dimensions) when the benchmark's dimension has a gate.
    pub dim: Option<usize>,
    /// Earned amount (10^-12 units) at each rating index, for dimension gates.
    pub earned: Vec<i128>,
}

impl<V: Units> Slot<V> {
    /// Score gained going from rating index `from` to `to` (not below it).
    pub(crate) fn rise(&self, from: u8, to: u8) -> V {
        self.value[to as usize].clone() - self.value[from as usize].clone()
    }
}

/// A benchmark gate a goal still needs: the slot, the least rating index, and the candidates
/// whose effect reaches it.
#[derive(Debug, Clone)]
pub(crate) struct BenchGate {
    pub slot: usize,
    pub level: u8,
    pub coverers: u64,
}

/// What a set must reach: a score, benchmark gates and dimension gates (`(dim, least earned)`).
#[derive(Debug, Clone)]
pub(crate) struct Goal<V> {
    pub t_min: V,
    pub gates: Vec<BenchGate>,
    pub dims: Vec<(usize, i128)>,
    /// No set can reach it (a gate on an untouched benchmark, a dimension without applicable
    /// benchmark, a threshold above the maximum).
    pub impossible: bool,
}

/// The model. Candidates are renumbered in byte order of their ids, so the lowest bit of a
/// mask is the lexicographically first activity.
#[derive(Debug, Clone)]
pub(crate) struct Model<V> {
    /// Plan index of each candidate.
    pub index: Vec<usize>,
    /// Cost of each candidate in units of [`Model::unit`] micros.
    pub cost: Vec<i128>,
    /// Micros of currency per cost unit (the gcd of the candidates' costs).
    pub unit: i128,
    /// Effects of each candidate above the start: `(slot, rating index)`.
    pub effects: Vec<Vec<(usize, u8)>>,
    pub slots: Vec<Slot<V>>,
    /// Candidates raising each slot: `(candidate, rating index)`.
    pub by_slot: Vec<Vec<(usize, u8)>>,
    /// Work units of looking at each candidate at a search node: one, plus one per effect
    /// (a node's gains and bounds walk every effect of every candidate it looks at).
    pub work: Vec<u64>,
    /// How much dearer than `i128` arithmetic on the score type is ([`Units::work_factor`]):
    /// also how much larger its values are, for bounds on memory.
    pub factor: u64,
    /// Score at the start.
    pub t0: V,
    /// Every reachable score differs from `t0` by a multiple of this.
    pub granule: V,
    /// Earned total of each gated dimension at the start.
    pub e0: Vec<i128>,
    /// Framework dimension of each gated dimension.
    dim_ids: Vec<usize>,
    /// Possible total (10^-12 units) of each framework dimension; `applicable` count.
    totals: Vec<DimensionTotal>,
    /// Exact percentage at the start.
    p0: Ratio,
    /// `L`: score units per unit of P / 100.
    lden: BigInt,
    /// Committed activities and their cost in micros.
    pub committed: ActivitySet,
    pub committed_micros: i128,
    /// Slot of each framework benchmark, if any.
    slot_of: Vec<Option<usize>>,
    /// Rating index of each benchmark at the start (`None`: not applicable).
    start: Vec<Option<usize>>,
}

/// The model at the integer size its scores need: `i128`, else 512 bits, else [`BigInt`].
#[derive(Debug, Clone)]
pub(crate) enum AnyModel {
    Fast(Model<i128>),
    Wide(Model<bnum::types::I512>),
    Big(Model<BigInt>),
}

impl AnyModel {
    /// Builds the model of `plan` over the baseline ratings `base` ([`Model::new`]), once,
    /// and keeps it in the smallest integer type its scores fit.
    pub(crate) fn new(fw: &Framework, plan: &Plan, base: &[Option<usize>]) -> Result<AnyModel> {
        let m = Model::new(fw, plan, base)?;
        let total = m.max_total();
        let m = match m.narrow() {
            Ok(fast) => return Ok(AnyModel::Fast(fast.weigh_work(&total))),
            Err(m) => m,
        };
        Ok(match m.narrow() {
            Ok(wide) => AnyModel::Wide(wide.weigh_work(&total)),
            Err(m) => AnyModel::Big((*m).weigh_work(&total)),
        })
    }
}

fn big(v: i128) -> BigInt {
    BigInt::from(v)
}

impl Model<BigInt> {
    /// Builds the model of `plan` over the baseline ratings `base` (one per benchmark), its
    /// scores in big integers ([`Model::narrow`] takes them to a smaller type).
    pub(crate) fn new(
        fw: &Framework,
        plan: &Plan,
        base: &[Option<usize>],
    ) -> Result<Model<BigInt>> {
        let acts = plan.activities();
        let committed = plan.committed();
        let mut start: Vec<Option<usize>> = base.to_vec();
        for i in committed.iter() {
            for e in &acts[i].effects {
                if let Some(r) = start[e.benchmark] {
                    start[e.benchmark] = Some(r.max(e.rating));
                }
            }
        }
        let totals = score::totals(fw, |b| start[b]);
        let p0 = score::overall(fw, &totals).ok_or_else(|| {
            Error::new(
                ErrorKind::NotScorable,
                "evidence",
                "no applicable benchmark in the baseline: there is no percentage to plan for",
            )
        })?;
        // Candidates: uncommitted activities raising something above the start.
        let mut cands: Vec<usize> = (0..acts.len())
            .filter(|&i| !committed.contains(i))
            .filter(|&i| {
                acts[i]
                    .effects
                    .iter()
                    .any(|e| start[e.benchmark].is_some_and(|r| e.rating > r))
            })
            .collect();
        cands.sort_by(|&a, &b| acts[a].id.as_bytes().cmp(acts[b].id.as_bytes()));
        let mut slot_of: Vec<Option<usize>> = vec![None; fw.benchmarks().len()];
        let mut bench_of_slot = Vec::new();
        let mut effects: Vec<Vec<(usize, u8)>> = Vec::with_capacity(cands.len());
        for &i in &cands {
            let mut list = Vec::new();
            for e in &acts[i].effects {
                let Some(r0) = start[e.benchmark] else {
                    continue;
                };
                if e.rating <= r0 {
                    continue;
                }
                let slot = *slot_of[e.benchmark].get_or_insert_with(|| {
                    bench_of_slot.push(e.benchmark);
                    bench_of_slot.len() - 1
                });
                list.push((slot, e.rating as u8));
            }
            effects.push(list);
        }
        let gated: Vec<usize> = gated_dimensions(fw);
        let (slots, lden) = slot_values(fw, &start, &bench_of_slot, &totals, &gated);
        let mut t0 = BigInt::zero();
        let mut granule = BigInt::zero();
        for s in &slots {
            let v0 = &s.value[s.level0 as usize];
            t0 += v0;
            for v in &s.value[s.level0 as usize..] {
                granule = granule.gcd(&(v - v0));
            }
        }
        let micros: Vec<i128> = cands
            .iter()
            .map(|&i| i128::from(acts[i].cost.micros()))
            .collect();
        let unit = micros.iter().fold(0i128, |g, c| g.gcd(c)).max(1);
        let committed_micros = committed
            .iter()
            .map(|i| i128::from(acts[i].cost.micros()))
            .sum();
        let mut model = Model {
            index: cands,
            cost: micros.iter().map(|c| c / unit).collect(),
            unit,
            effects,
            by_slot: Vec::new(),
            work: Vec::new(),
            factor: 1,
            slots,
            t0,
            granule: if granule.is_zero() {
                BigInt::from(1)
            } else {
                granule
            },
            e0: gated.iter().map(|&d| totals[d].earned).collect(),
            dim_ids: gated,
            totals,
            p0,
            lden,
            committed,
            committed_micros,
            slot_of,
            start,
        };
        model.drop_dominated();
        model.work = model.effects.iter().map(|e| 1 + e.len() as u64).collect();
        model.by_slot = vec![Vec::new(); model.slots.len()];
        for (i, list) in model.effects.iter().enumerate() {
            for &(s, l) in list {
                model.by_slot[s].push((i, l));
            }
        }
        Ok(model)
    }

    /// Every slot at its top value (credits rise with the rating): at least every score.
    fn max_total(&self) -> BigInt {
        self.slots.iter().filter_map(|s| s.value.last()).sum()
    }

    /// The same model with its scores in `W`, or itself back when the largest total does not
    /// fit: every slot at its top value (credits rise with the rating), which bounds every
    /// score, gain and granule.
    pub(crate) fn narrow<W: Units>(self) -> std::result::Result<Model<W>, Box<Model<BigInt>>> {
        let total = self.max_total();
        let to = |v: &BigInt| W::from_big(v);
        let converted = W::from_big(&total).and_then(|_| {
            let slots: Option<Vec<Slot<W>>> = self
                .slots
                .iter()
                .map(|s| {
                    Some(Slot {
                        level0: s.level0,
                        value: s.value.iter().map(to).collect::<Option<_>>()?,
                        dim: s.dim,
                        earned: s.earned.clone(),
                    })
                })
                .collect();
            Some((slots?, to(&self.t0)?, to(&self.granule)?))
        });
        let Some((slots, t0, granule)) = converted else {
            return Err(Box::new(self));
        };
        Ok(Model {
            index: self.index,
            cost: self.cost,
            unit: self.unit,
            effects: self.effects,
            slots,
            by_slot: self.by_slot,
            work: self.work,
            factor: self.factor,
            t0,
            granule,
            e0: self.e0,
            dim_ids: self.dim_ids,
            totals: self.totals,
            p0: self.p0,
            lden: self.lden,
            committed: self.committed,
            committed_micros: self.committed_micros,
            slot_of: self.slot_of,
            start: self.start,
        })
    }
}

impl<V: Units> Model<V> {
    /// The model with each candidate's work ([`Model::work`]) weighed by what arithmetic on
    /// `V` costs for scores up to `total` ([`Units::work_factor`]).
    fn weigh_work(mut self, total: &BigInt) -> Model<V> {
        let factor = V::work_factor(total);
        for w in &mut self.work {
            *w = w.saturating_mul(factor);
        }
        self.factor = factor;
        self
    }

    /// Number of candidates (some may have been dropped as dominated: no effects left).
    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }

    /// All live candidates (with at least one effect).
    pub(crate) fn live(&self) -> u64 {
        self.effects
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.is_empty())
            .fold(0, |m, (i, _)| m | (1 << i))
    }

    /// Plan set of a candidate mask, with the committed activities.
    pub(crate) fn plan_set(&self, mask: u64) -> ActivitySet {
        (0..self.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| self.index[i])
            .fold(self.committed, ActivitySet::with)
    }

    /// Removes every candidate another candidate dominates: effects at least as high on every
    /// benchmark it raises, and a lower cost, or the same cost and a smaller id. No optimal set
    /// contains a dominated candidate (swapping it for its dominator never loses on any
    /// criterion of docs/plan.md), so the answers do not change.
    fn drop_dominated(&mut self) {
        let n = self.len();
        let covers = |b: &[(usize, u8)], a: &[(usize, u8)]| {
            a.iter()
                .all(|&(s, l)| b.iter().any(|&(s2, l2)| s2 == s && l2 >= l))
        };
        let dead: Vec<bool> = (0..n)
            .map(|a| {
                (0..n).any(|b| {
                    // Candidates are in id order: b < a means b's id is smaller.
                    let cheaper =
                        self.cost[b] < self.cost[a] || (self.cost[b] == self.cost[a] && b < a);
                    a != b && cheaper && covers(&self.effects[b], &self.effects[a])
                })
            })
            .collect();
        for (a, d) in dead.into_iter().enumerate() {
            if d {
                self.effects[a].clear();
            }
        }
    }

    /// Largest reachable score: every slot at its highest rating any candidate gives.
    pub(crate) fn t_max(&self) -> V {
        let mut top: Vec<u8> = self.slots.iter().map(|s| s.level0).collect();
        for list in &self.effects {
            for &(s, l) in list {
                top[s] = top[s].max(l);
            }
        }
        let mut t = V::zero();
        for (s, &l) in self.slots.iter().zip(&top) {
            t += s.value[l as usize].clone();
        }
        t
    }

    /// The exact percentage at score `t`.
    pub(crate) fn percentage(&self, t: &V) -> Ratio {
        &self.p0
            + Ratio::new(
                (t.clone() - self.t0.clone()).to_big() * 100,
                self.lden.clone(),
            )
    }

    /// Least score whose official percentage reaches `threshold` (above the maximum when none).
    fn threshold(&self, fw: &Framework, threshold: &Ratio) -> V {
        let reaches = |t: &V| {
            score::official(fw, &self.percentage(t))
                .is_ok_and(|o| crate::num::decimal::decimal_ratio(o) >= *threshold)
        };
        let (mut lo, mut hi) = (self.t0.clone(), self.t_max());
        if reaches(&lo) {
            return lo;
        }
        if !reaches(&hi) {
            return hi + V::one();
        }
        // With d decimals, q = 10^-d and r the threshold rounded up to a multiple of q, the
        // official figure reaches it from r − q/2 (half modes; one unit above on a tie that
        // rounds down) or from r (down). A candidate that reaches while the score below it
        // does not is the least, whatever the mode (the figure is monotone in t): two or
        // three checks instead of a bisection over all L units (about 170 on 6-decimal
        // weights, each an exact rounding).
        let q = Ratio::new(
            BigInt::from(1),
            BigInt::from(10).pow(fw.rounding().decimals),
        );
        let r = (threshold / &q).ceil() * &q;
        let half = &q / BigInt::from(2);
        let mut candidates: Vec<V> = Vec::new();
        for x in [&r - half, r] {
            let steps = ((x - &self.p0) * &self.lden / BigInt::from(100))
                .ceil()
                .to_integer();
            if let Some(t) = V::from_big(&(self.t0.to_big() + steps.max(BigInt::zero()))) {
                candidates.push(t.clone());
                candidates.push(t + V::one());
            }
        }
        candidates.sort();
        for t in candidates {
            if t > self.t0 && t <= hi && reaches(&t) && !reaches(&(t.clone() - V::one())) {
                return t;
            }
        }
        // No candidate checked out (a rounding this reasoning missed): bisect. reaches(hi)
        // and not reaches(lo), and the official figure is monotone in t.
        let two = V::one() + V::one();
        while hi.clone() - lo.clone() > V::one() {
            let mid = lo.clone() + (hi.clone() - lo.clone()) / two.clone();
            if reaches(&mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    }

    /// What a set must reach to rank at least `rank` (docs/methodology.md): for `(L, strong)`, the gates of
    /// tiers 1..=L and the official percentage at least tier L's `strong_from` (strong) or
    /// `min`. A higher tier implies both, since `strong_from` lies below the next `min`.
    pub(crate) fn goal(&self, fw: &Framework, rank: Rank) -> Goal<V> {
        let mut goal = Goal {
            t_min: self.t0.clone(),
            gates: Vec::new(),
            dims: Vec::new(),
            impossible: false,
        };
        if rank.level == 0 {
            return goal;
        }
        let Some(tier) = fw.tiers().get(rank.level - 1) else {
            goal.impossible = true;
            return goal;
        };
        let at = match (rank.strong, tier.strong_from) {
            (true, Some(s)) => s,
            (true, None) => {
                goal.impossible = true;
                return goal;
            }
            (false, _) => tier.min,
        };
        goal.t_min = self.threshold(fw, &at.ratio());
        for t in &fw.tiers()[..rank.level] {
            for gate in &t.gates {
                self.add_gate(gate, &mut goal);
            }
        }
        let t_max = self.t_max();
        goal.impossible |= goal.t_min > t_max
            || goal.gates.iter().any(|g| g.coverers == 0)
            || goal.dims.iter().any(|&(d, need)| need > self.e_max(d));
        goal
    }

    fn add_gate(&self, gate: &Gate, goal: &mut Goal<V>) {
        match gate {
            Gate::Benchmark {
                benchmark,
                at_least,
            } => {
                let Some(r0) = self.start[*benchmark] else {
                    goal.impossible = true;
                    return;
                };
                if r0 >= *at_least {
                    return;
                }
                let Some(slot) = self.slot_of[*benchmark] else {
                    goal.impossible = true;
                    return;
                };
                let level = *at_least as u8;
                let coverers = self
                    .effects
                    .iter()
                    .enumerate()
                    .filter(|(_, list)| list.iter().any(|&(s, l)| s == slot && l >= level))
                    .fold(0u64, |m, (i, _)| m | (1 << i));
                goal.gates.push(BenchGate {
                    slot,
                    level,
                    coverers,
                });
            }
            Gate::Dimension {
                dimension,
                at_least_percent,
            } => {
                let t = &self.totals[*dimension];
                if t.applicable == 0 {
                    goal.impossible = true;
                    return;
                }
                // p_d = 100 E / possible ≥ at_least ⇔ 10^8 E ≥ at_least_micros × possible.
                let need = Integer::div_ceil(
                    &(i128::from(at_least_percent.micros()) * t.possible),
                    &100_000_000,
                );
                match self.dim_ids.iter().position(|d| d == dimension) {
                    Some(gd) if need > self.e0[gd] => goal.dims.push((gd, need)),
                    Some(_) => {}
                    None => goal.impossible |= need > t.earned,
                }
            }
        }
    }

    /// Largest reachable earned total of a gated dimension.
    fn e_max(&self, gd: usize) -> i128 {
        let mut e = self.e0[gd];
        for (si, s) in self.slots.iter().enumerate() {
            if s.dim != Some(gd) {
                continue;
            }
            let top = self
                .effects
                .iter()
                .flatten()
                .filter(|&&(x, _)| x == si)
                .map(|&(_, l)| l)
                .fold(s.level0, u8::max);
            e += s.earned[top as usize] - s.earned[s.level0 as usize];
        }
        e
    }

    /// Cost cap in units for a budget in micros of currency, after the committed cost.
    pub(crate) fn cap(&self, budget_micros: i128) -> i128 {
        Integer::div_floor(&(budget_micros - self.committed_micros), &self.unit)
    }
}

/// Dimensions with a gate on them, in framework order.
fn gated_dimensions(fw: &Framework) -> Vec<usize> {
    let mut dims: Vec<usize> = fw
        .tiers()
        .iter()
        .flat_map(|t| &t.gates)
        .filter_map(|g| match g {
            Gate::Dimension { dimension, .. } => Some(*dimension),
            Gate::Benchmark { .. } => None,
        })
        .collect();
    dims.sort_unstable();
    dims.dedup();
    dims
}

/// Integer score values of each slot and `L`.
fn slot_values(
    fw: &Framework,
    start: &[Option<usize>],
    benches: &[usize],
    totals: &[DimensionTotal],
    gated: &[usize],
) -> (Vec<Slot<BigInt>>, BigInt) {
    // Contribution of benchmark b at credit c to P / 100: weight × credit / den(b).
    let applicable_weights: i128 = totals
        .iter()
        .zip(&fw.dimension_weight_micros)
        .filter(|(t, _)| t.applicable > 0)
        .map(|(_, w)| *w)
        .sum();
    let contribution = |b: usize, r: usize| -> Ratio {
        let d = fw.benchmarks()[b].dimension;
        let earned = big(fw.weight_micros[b] * fw.credit_micros[r]);
        match fw.aggregation() {
            Aggregation::Flat => {
                let possible: i128 = totals.iter().map(|t| t.possible).sum();
                Ratio::new(earned, big(possible))
            }
            Aggregation::ByDimension => Ratio::new(
                earned * big(fw.dimension_weight_micros[d]),
                big(totals[d].possible) * big(applicable_weights),
            ),
        }
    };
    let ratings = fw.ratings().len();
    let mut raw: Vec<Vec<Ratio>> = Vec::with_capacity(benches.len());
    let mut lden = BigInt::from(1);
    for &b in benches {
        let row: Vec<Ratio> = (0..ratings).map(|r| contribution(b, r)).collect();
        for q in &row {
            lden = lden.lcm(q.denom());
        }
        raw.push(row);
    }
    let mut slots = Vec::with_capacity(benches.len());
    for (row, &b) in raw.iter().zip(benches) {
        let value = row
            .iter()
            .map(|q| q.numer() * (&lden / q.denom()))
            .collect();
        let d = fw.benchmarks()[b].dimension;
        slots.push(Slot {
            level0: start[b].unwrap_or(0) as u8,
            value,
            dim: gated.iter().position(|&g| g == d),
            earned: (0..ratings)
                .map(|r| fw.weight_micros[b] * fw.credit_micros[r])
                .collect(),
        });
    }
    (slots, lden)
}
