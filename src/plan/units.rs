//! The integer type of the planner's exact scores: `i128` while the framework's weights keep
//! every score total within 2^100 units (the fast path), a fixed 512-bit [`I512`] within
//! 2^380 (a `by_dimension` framework with 6-decimal weights over a few dimensions), and
//! arbitrary-size [`BigInt`] beyond (docs/plan.md, *Exact scores at any size*). Costs stay
//! `i128` throughout: the SPEC bounds them.

use std::cmp::Ordering;
use std::fmt::Debug;
use std::ops::{AddAssign, SubAssign};

use bnum::types::I512;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};

/// Largest score total the `i128` path accepts, so that sums of scores and products of a
/// score with a cost stay exact in `i128` or fall back to [`BigInt`] without overflow.
const MAX_TOTAL: i128 = 1 << 100;

/// Bits of the largest score total the [`I512`] path accepts: a product with a cost (below
/// 2^127) still fits, or falls back to [`BigInt`].
const I512_BITS: u64 = 380;

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

    /// Work units ([`super::search::Limit::Work`]) one unit of search costs on scores whose
    /// largest total is `total`: arithmetic on wider integers is dearer, so the same budget
    /// stays about as long in time.
    fn work_factor(total: &BigInt) -> u64;
}

impl Units for i128 {
    fn from_big(v: &BigInt) -> Option<i128> {
        v.to_i128().filter(|v| v.abs() <= MAX_TOTAL)
    }

    fn to_big(&self) -> BigInt {
        BigInt::from(*self)
    }

    fn cmp_products(a: &i128, b: i128, c: &i128, d: i128) -> Ordering {
        // Usual case, all four below 2^64: one plain 64 × 64-bit product each, which cannot
        // overflow (a checked 128-bit product is a library call).
        if let (Ok(a), Ok(b), Ok(c), Ok(d)) = (
            u64::try_from(*a),
            u64::try_from(b),
            u64::try_from(*c),
            u64::try_from(d),
        ) {
            return (u128::from(a) * u128::from(b)).cmp(&(u128::from(c) * u128::from(d)));
        }
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

    fn work_factor(_: &BigInt) -> u64 {
        1
    }
}

impl Units for I512 {
    fn from_big(v: &BigInt) -> Option<I512> {
        if v.bits() > I512_BITS {
            return None;
        }
        let (sign, bytes) = v.to_bytes_le();
        let mut digits = [0u64; 8];
        for (k, chunk) in bytes.chunks(8).enumerate() {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            digits[k] = u64::from_le_bytes(word);
        }
        let magnitude = I512::from_bits(bnum::types::U512::from_digits(digits));
        Some(if sign == Sign::Minus {
            -magnitude
        } else {
            magnitude
        })
    }

    fn to_big(&self) -> BigInt {
        let bytes: Vec<u8> = self
            .unsigned_abs()
            .digits()
            .iter()
            .flat_map(|d| d.to_le_bytes())
            .collect();
        let sign = if self.is_negative() {
            Sign::Minus
        } else {
            Sign::Plus
        };
        BigInt::from_bytes_le(sign, &bytes)
    }

    fn cmp_products(a: &I512, b: i128, c: &I512, d: i128) -> Ordering {
        match (product(a, b), product(c, d)) {
            (Some(x), Some(y)) => x.iter().rev().cmp(y.iter().rev()),
            _ => BigInt::cmp_products(&a.to_big(), b, &c.to_big(), d),
        }
    }

    fn mul_div_floor(a: &I512, b: i128, c: &I512) -> i128 {
        match product(a, b) {
            Some(p) if p[8] == 0 && p[9] == 0 && p[7] >> 63 == 0 => {
                let mut low = [0u64; 8];
                low.copy_from_slice(&p[..8]);
                let p = I512::from_bits(bnum::types::U512::from_digits(low));
                i128::try_from(p / *c).unwrap_or(i128::MAX)
            }
            _ => BigInt::mul_div_floor(&a.to_big(), b, &c.to_big()),
        }
    }

    fn from_small(v: i128) -> I512 {
        I512::from(v)
    }

    fn work_factor(_: &BigInt) -> u64 {
        2
    }
}

/// `a × b` for non-negative `a` and `b` as little-endian 64-bit digits, by a 8 × 2 digit
/// schoolbook product (a full 512 × 512-bit product costs 4 times as much, and most of the
/// 512-bit path's time went there); `None` for a negative factor.
fn product(a: &I512, b: i128) -> Option<[u64; 10]> {
    if a.is_negative() || b < 0 {
        return None;
    }
    let b = [b as u64, (b >> 64) as u64];
    let mut out = [0u64; 10];
    for (i, &x) in a.to_bits().digits().iter().enumerate() {
        if x == 0 {
            continue;
        }
        let mut carry = 0u128;
        for (j, &y) in b.iter().enumerate() {
            let t = u128::from(x) * u128::from(y) + u128::from(out[i + j]) + carry;
            out[i + j] = t as u64;
            carry = t >> 64;
        }
        // Below 2^511 × 2^127, so the carry never runs past the last digit.
        let mut k = i + 2;
        while carry != 0 && k < out.len() {
            let t = u128::from(out[k]) + carry;
            out[k] = t as u64;
            carry = t >> 64;
            k += 1;
        }
    }
    Some(out)
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

    fn work_factor(total: &BigInt) -> u64 {
        // Allocation, then linear in the 64-bit digits.
        4 + total.bits() / 64
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
        assert_eq!(I512::from_big(&huge), None);
        assert_eq!(BigInt::from_big(&huge), Some(huge));
        for wide in [
            (BigInt::from(1) << 379) + 12_345,
            -(BigInt::from(1u8) << 200u32) - 1,
            BigInt::from(0),
        ] {
            let fixed = I512::from_big(&wide).expect("fits");
            assert_eq!(fixed.to_big(), wide);
            assert_eq!(fixed.to_string(), wide.to_string());
        }
    }

    #[test]
    fn the_512_bit_path_agrees_with_big_integers() {
        let a = (BigInt::from(1) << 370) + 7;
        let c = (BigInt::from(1) << 371) - 3;
        let (fa, fc) = (
            I512::from_big(&a).expect("a"),
            I512::from_big(&c).expect("c"),
        );
        for (b, d) in [(3, 1), (1, 2), (i128::MAX, i128::MAX / 2), (5, 10)] {
            assert_eq!(
                I512::cmp_products(&fa, b, &fc, d),
                BigInt::cmp_products(&a, b, &c, d)
            );
            assert_eq!(
                I512::mul_div_floor(&fa, b, &fc),
                BigInt::mul_div_floor(&a, b, &c)
            );
        }
    }
}
