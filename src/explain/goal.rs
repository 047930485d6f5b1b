//! The goals `explain` puts to the search ([`super::cover`]): benchmarks raised to the top of
//! the scale until a target rank holds, or lowered to the bottom until the awarded rank is lost.
//!
//! A rank (L, strong) holds exactly when the official percentage reaches tier L's `strong_from`
//! (strong) or `min`, and every gate of tiers 1 to L holds (docs/methodology.md: gates are
//! cumulative, and `strong_from` lies below the next tier's `min`). Applicability never
//! changes, so every denominator is fixed: a gate on a benchmark rated not applicable, or on a
//! dimension without an applicable benchmark, cannot be met by any change.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Zero};

use super::cover::{self, Goal, Item, Percentage};
use crate::framework::{Aggregation, Framework, Gate};
use crate::num::decimal::{Number, Ratio};
use crate::num::fraction::Fraction;
use crate::score::ladder::Rank;
use crate::score::{self, DimensionTotal};

/// Which way the chosen benchmarks move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Way {
    /// To the top rating of the scale.
    Raise,
    /// To the bottom rating of the scale.
    Lower,
}

/// The ratings an explanation starts from (`None`: not applicable) and their totals.
pub(crate) struct Start<'a> {
    pub fw: &'a Framework,
    pub ratings: Vec<Option<usize>>,
    totals: Vec<DimensionTotal>,
    /// Benchmark indices in byte order of their ids.
    by_id: Vec<usize>,
}

impl<'a> Start<'a> {
    pub(crate) fn new(fw: &'a Framework, ratings: Vec<Option<usize>>) -> Start<'a> {
        let totals = score::totals(fw, |b| ratings.get(b).copied().flatten());
        let mut by_id: Vec<usize> = (0..fw.benchmarks().len()).collect();
        let ids = fw.benchmarks();
        by_id.sort_unstable_by(|&a, &b| ids[a].id.as_bytes().cmp(ids[b].id.as_bytes()));
        Start {
            fw,
            ratings,
            totals,
            by_id,
        }
    }

    /// The rating index a benchmark takes when it moves `way`.
    pub(crate) fn moved(&self, way: Way) -> usize {
        match way {
            Way::Raise => self.fw.ratings().len().saturating_sub(1),
            Way::Lower => 0,
        }
    }

    /// The applicable benchmarks that can move `way`, in id order, with what moving changes.
    fn items(&self, way: Way) -> Vec<Item> {
        let scale = self.fw.ratings().len();
        let to = self.moved(way);
        let earned = |b: usize, r: usize| {
            self.fw
                .earned_units
                .get(b * scale + r)
                .copied()
                .unwrap_or_default()
        };
        self.by_id
            .iter()
            .filter_map(|&b| {
                let r = self.ratings.get(b).copied().flatten()?;
                let moves = match way {
                    Way::Raise => r < to,
                    Way::Lower => r > to,
                };
                moves.then(|| Item {
                    benchmark: b,
                    dimension: self.fw.benchmarks()[b].dimension,
                    delta: (earned(b, to) - earned(b, r)).abs(),
                })
            })
            .collect()
    }

    /// Each dimension's percentage weight per unit earned: 1 for flat aggregation (one
    /// denominator), its weight over its applicable total for `by_dimension`.
    fn weights(&self) -> Vec<(i128, i128)> {
        let flat = self.fw.aggregation() == Aggregation::Flat;
        self.totals
            .iter()
            .zip(&self.fw.dimension_weight_micros)
            .map(|(t, &w)| {
                if flat || t.possible <= 0 || w <= 0 {
                    return (1, 1);
                }
                let g = w.gcd(&t.possible);
                (w / g, t.possible / g)
            })
            .collect()
    }

    /// The percentage part of a goal: for raising, reaching `threshold`; for lowering, falling
    /// below it. Applicability is fixed, so the percentage is P0 ± 100 S / L for an integer
    /// S, the deltas summed with one weight per dimension (flat aggregation: the plain sum, L
    /// the applicable total; `by_dimension`: on a common denominator). The official figure is
    /// monotone in S, so the least S that does it is found once, by bisection with the
    /// scorer's own rounding; a set then only has to reach it.
    fn percentage(&self, way: Way, threshold: Number, items: &[Item]) -> Percentage {
        let wanted = way == Way::Raise;
        let sign = if wanted { 1 } else { -1 };
        let reaches = |p: Option<Fraction>| {
            p.and_then(|p| score::official(self.fw, &p).ok())
                .is_some_and(|o| o >= threshold.value())
        };
        let mut most = vec![0i128; self.totals.len()];
        for it in items {
            most[it.dimension] += it.delta;
        }
        if self.fw.aggregation() == Aggregation::Flat {
            let (earned, possible) = self
                .totals
                .iter()
                .fold((0, 0), |(e, p), t| (e + t.earned, p + t.possible));
            let test = |s: &i128| reaches(Fraction::percent(earned + sign * s, possible)) == wanted;
            return Percentage::Total(least(most.iter().sum(), test));
        }
        let (coefficients, denominator) = self.shares();
        if denominator.is_zero() {
            // Nothing applicable (never, for a scored result): no set moves the percentage.
            return Percentage::Total(i128::MAX);
        }
        // P = 100 S0 / L at the start, S0 the earned totals weighed by the same shares.
        let earned: Vec<i128> = self.totals.iter().map(|t| t.earned).collect();
        let start = cover::weighted(&coefficients, &earned) * 100;
        let test = |s: &BigInt| {
            // Left unreduced: rounding needs only the quotient and remainder.
            let moved = Ratio::new_raw(&start + s * (100 * sign), denominator.clone());
            reaches(Some(Fraction::Big(moved))) == wanted
        };
        let need = least(cover::weighted(&coefficients, &most), test);
        Percentage::Weighted { coefficients, need }
    }

    /// `by_dimension`: each dimension's share of the percentage per unit earned,
    /// 100 w_d / (W possible_d) = 100 A_d / L, as the integers A_d and L.
    fn shares(&self) -> (Vec<BigInt>, BigInt) {
        let reduced: Vec<Option<(i128, i128)>> = self
            .totals
            .iter()
            .zip(&self.fw.dimension_weight_micros)
            .map(|(t, &w)| {
                (t.applicable > 0 && t.possible > 0 && w > 0).then(|| {
                    let g = w.gcd(&t.possible);
                    (w / g, t.possible / g)
                })
            })
            .collect();
        let common = reduced
            .iter()
            .flatten()
            .fold(BigInt::one(), |l, (_, b)| l.lcm(&BigInt::from(*b)));
        let coefficients = reduced
            .iter()
            .map(|r| r.map_or_else(BigInt::zero, |(a, b)| BigInt::from(a) * (&common / b)))
            .collect();
        let weights: i128 = self
            .totals
            .iter()
            .zip(&self.fw.dimension_weight_micros)
            .filter(|(t, _)| t.applicable > 0)
            .map(|(_, w)| *w)
            .sum();
        (coefficients, common * weights)
    }

    /// The least earned total (10^-12 units) of dimension `d` for a gate at `percent`:
    /// 100 E / possible ≥ p ⇔ 10^8 E ≥ p in millionths × possible.
    fn gate_need(&self, d: usize, percent: Number) -> Option<i128> {
        let t = self.totals.get(d).filter(|t| t.applicable > 0)?;
        Some(Integer::div_ceil(
            &(i128::from(percent.micros()) * t.possible),
            &100_000_000,
        ))
    }
}

/// The least `x` in `[0, most]` that passes a monotone `test`, or `most + 1` when none does.
fn least<T: Integer + Clone>(most: T, test: impl Fn(&T) -> bool) -> T {
    if test(&T::zero()) {
        return T::zero();
    }
    if !test(&most) {
        return most + T::one();
    }
    let two = T::one() + T::one();
    let (mut lo, mut hi) = (T::zero(), most);
    while hi.clone() - lo.clone() > T::one() {
        let mid = lo.clone() + (hi.clone() - lo.clone()) / two.clone();
        if test(&mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// The official threshold of a rank: its tier's `strong_from` when strong, else its `min`.
pub(crate) fn threshold(fw: &Framework, rank: Rank) -> Option<Number> {
    let tier = fw.tiers().get(rank.level.checked_sub(1)?)?;
    if rank.strong {
        tier.strong_from
    } else {
        Some(tier.min)
    }
}

/// The gates a rank needs: those of its tier and every tier below.
fn gates(fw: &Framework, rank: Rank) -> impl Iterator<Item = &Gate> {
    fw.tiers().iter().take(rank.level).flat_map(|t| &t.gates)
}

/// Raising benchmarks to the top of the scale until `target` holds; `None` when a gate can
/// never hold (on a benchmark rated not applicable, or a dimension with nothing applicable).
pub(crate) fn raise(start: &Start<'_>, target: Rank) -> Option<Goal> {
    let threshold = threshold(start.fw, target)?;
    let items = start.items(Way::Raise);
    let mut forced = Vec::new();
    let mut dimensions: Vec<(usize, i128)> = Vec::new();
    for gate in gates(start.fw, target) {
        match *gate {
            Gate::Benchmark {
                benchmark,
                at_least,
            } => {
                let r = start.ratings.get(benchmark).copied().flatten()?;
                if r < at_least {
                    // Below the gate, so below the top: one of the items.
                    forced.push(items.iter().position(|i| i.benchmark == benchmark)?);
                }
            }
            Gate::Dimension {
                dimension,
                at_least_percent,
            } => {
                let need =
                    start.gate_need(dimension, at_least_percent)? - start.totals[dimension].earned;
                match dimensions.iter_mut().find(|(d, _)| *d == dimension) {
                    Some((_, n)) => *n = (*n).max(need),
                    None if need > 0 => dimensions.push((dimension, need)),
                    None => {}
                }
            }
        }
    }
    forced.sort_unstable();
    forced.dedup();
    Some(Goal {
        percentage: start.percentage(Way::Raise, threshold, &items),
        weights: start.weights(),
        items,
        forced,
        dimensions,
    })
}

/// The ways lowering benchmarks to the bottom of the scale loses `rank`, one goal each: the
/// official percentage falls below its threshold, or one of its gates fails. A set loses the
/// rank exactly when it reaches one of them.
pub(crate) fn lower(start: &Start<'_>, rank: Rank) -> Vec<Goal> {
    let Some(threshold) = threshold(start.fw, rank) else {
        return Vec::new();
    };
    let items = start.items(Way::Lower);
    let goal = |items: Vec<Item>, forced, dimensions, percentage| Goal {
        items,
        forced,
        dimensions,
        percentage,
        weights: start.weights(),
    };
    let mut goals = vec![goal(
        items.clone(),
        Vec::new(),
        Vec::new(),
        start.percentage(Way::Lower, threshold, &items),
    )];
    for gate in gates(start.fw, rank) {
        match *gate {
            Gate::Benchmark {
                benchmark,
                at_least,
            } if at_least > 0 => {
                if let Some(&it) = items.iter().find(|i| i.benchmark == benchmark) {
                    goals.push(goal(vec![it], vec![0], Vec::new(), Percentage::Free));
                }
            }
            Gate::Benchmark { .. } => {}
            Gate::Dimension {
                dimension,
                at_least_percent,
            } => {
                let Some(need) = start.gate_need(dimension, at_least_percent) else {
                    continue;
                };
                // Lost when E − Δ < need, that is Δ ≥ E − need + 1.
                let lose = start.totals[dimension].earned - need + 1;
                let own: Vec<Item> = items
                    .iter()
                    .copied()
                    .filter(|i| i.dimension == dimension)
                    .collect();
                goals.push(goal(
                    own,
                    Vec::new(),
                    vec![(dimension, lose)],
                    Percentage::Free,
                ));
            }
        }
    }
    goals
}
