//! The integer type of the planner's exact scores: `i128` while the framework's weights keep
//! every score total within 2^100 units (the fast path), arbitrary-size [`BigInt`] beyond
//! (docs/plan.md, *Exact scores*). Costs stay `i128` micros throughout: the SPEC bounds them.

use std::cmp::Ordering;
use std::fmt::Debug;
use std::ops::{AddAssign, SubAssign};

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};

/// Largest score total the `i128` path accepts, so that sums of scores and products of a
/// score with a cost stay exact in `i128` or fall back to [`BigInt`] without overflow.
const MAX_TOTAL: i128 = 1 << 100;

/// An exact score in the planner's integer units.
pub(crate) trait Units:
    Integer + Signed + Clone + Debug + AddAssign + SubAssign + Send + Sync + 'static
{
    /// The score `v`, when this type holds it (and every total of its size).
    fn from_big(v: &BigInt) -> Option<Self>;

    /// The score as a [`BigInt`].
    fn to_big(&self) -> BigInt;

    /// Compares `a × b` with `c × d`, for scores `a`, `c` and costs `b`, `d`, exactly.
    fn cmp_products(a: &Self, b: i128, c: &Self, d: i128) -> Ordering;

    /// `⌊a × b / c⌋` for a non-negative score `a`, a non-negative cost `b` and a positive
    /// score `c`: a cost (at most `b` when `a ≤ c`), `i128::MAX` when it exceeds that.
    fn mul_div_floor(a: &Self, b: i128, c: &Self) -> i128;

    /// A small integer as a score.
    fn from_small(v: i128) -> Self;
}

impl Units for i128 {
    fn from_big(v: &BigInt) -> Option<i128> {
        v.to_i128().filter(|v| v.abs() <= MAX_TOTAL)
    }

    fn to_big(&self) -> BigInt {
        BigInt::from(*self)
    }

    fn cmp_products(a: &i128, b: i128, c: &i128, d: i128) -> Ordering {
        match (a.checked_mul(b), c.checked_mul(d)) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => (BigInt::from(*a) * b).cmp(&(BigInt::from(*c) * d)),
        }
    }

    fn mul_div_floor(a: &i128, b: i128, c: &i128) -> i128 {
        match a.checked_mul(b) {
            Some(p) => p / c,
            None => (BigInt::from(*a) * b / c).to_i128().unwrap_or(i128::MAX),
        }
    }

    fn from_small(v: i128) -> i128 {
        v
    }
}

impl Units for BigInt {
    fn from_big(v: &BigInt) -> Option<BigInt> {
        Some(v.clone())
    }

    fn to_big(&self) -> BigInt {
        self.clone()
    }

    fn cmp_products(a: &BigInt, b: i128, c: &BigInt, d: i128) -> Ordering {
        (a * b).cmp(&(c * d))
    }

    fn mul_div_floor(a: &BigInt, b: i128, c: &BigInt) -> i128 {
        (a * b / c).to_i128().unwrap_or(i128::MAX)
    }

    fn from_small(v: i128) -> BigInt {
        BigInt::from(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_compare_beyond_i128() {
        let big = i128::MAX / 2;
        assert_eq!(
            <i128 as Units>::cmp_products(&big, 4, &big, 3),
            Ordering::Greater
        );
        assert_eq!(<i128 as Units>::cmp_products(&2, 3, &3, 2), Ordering::Equal);
        let b = BigInt::from(big) * BigInt::from(big);
        assert_eq!(BigInt::cmp_products(&b, 2, &b, 3), Ordering::Less);
    }

    #[test]
    fn floors_stay_exact() {
        assert_eq!(<i128 as Units>::mul_div_floor(&7, 3, &10), 2);
        assert_eq!(
            <i128 as Units>::mul_div_floor(&(1 << 100), 1 << 90, &(1 << 101)),
            1 << 89
        );
        let b = BigInt::from(1) << 300;
        assert_eq!(BigInt::mul_div_floor(&b, 5, &(&b * 2)), 2);
    }

    #[test]
    fn the_fast_path_refuses_what_it_cannot_hold() {
        assert_eq!(i128::from_big(&BigInt::from(MAX_TOTAL)), Some(MAX_TOTAL));
        assert_eq!(i128::from_big(&(BigInt::from(MAX_TOTAL) + 1)), None);
        let huge = BigInt::from(1) << 400;
        assert_eq!(BigInt::from_big(&huge), Some(huge));
    }
}
