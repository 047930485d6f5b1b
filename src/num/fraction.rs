//! Exact percentages without big integers on the hot path.
//!
//! A flat percentage is `100 × earned / possible` with both amounts below 10^23 (docs/formats.md
//! limits), and a dimension percentage likewise: an `i128` numerator and denominator hold it
//! exactly, and rounding it to at most 6 decimals, or comparing it with an input number, stays
//! inside `i128` too. [`Fraction`] does that arithmetic with checked operations and falls back
//! to big rationals ([`Ratio`]) the moment anything would overflow, so results are exact
//! whichever path computed them. [`Percent`] is what the scorer and the tier ladder need of a
//! percentage, for both representations.

use num_bigint::BigInt;
use rust_decimal::Decimal;

use crate::error::Result;
use crate::num::decimal::{MICROS, Number, Ratio, RoundingMode, round_ratio};

/// An exact rational: `num / den` in `i128` (`den > 0`), or a big rational.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Fraction {
    /// `num / den` with `den > 0`.
    Small {
        /// Numerator.
        num: i128,
        /// Denominator, positive.
        den: i128,
    },
    /// Anything that does not fit the small form.
    Big(Ratio),
}

impl Fraction {
    /// `num / den`, or `None` when `den` is zero.
    pub(crate) fn new(num: i128, den: i128) -> Option<Fraction> {
        match den.signum() {
            0 => None,
            1 => Some(Fraction::Small { num, den }),
            _ => Some(match (num.checked_neg(), den.checked_neg()) {
                (Some(num), Some(den)) => Fraction::Small { num, den },
                _ => Fraction::Big(Ratio::new(BigInt::from(num), BigInt::from(den))),
            }),
        }
    }

    /// `100 × part / whole`, or `None` when `whole` is zero.
    pub(crate) fn percent(part: i128, whole: i128) -> Option<Fraction> {
        // The scorer's amounts are in 10^-12 units, `whole` a sum of weights in whole
        // millionths: usually 100 × part / whole = (part / 10^4) / (whole / 10^6), which keeps
        // rounding in 64-bit arithmetic.
        if let (Ok(p), Ok(w)) = (i64::try_from(part), i64::try_from(whole))
            && w % 1_000_000 == 0
            && p % 10_000 == 0
        {
            return Fraction::new(i128::from(p / 10_000), i128::from(w / 1_000_000));
        }
        match part.checked_mul(100) {
            Some(num) => Fraction::new(num, whole),
            None if whole != 0 => Some(Fraction::Big(Ratio::new(
                BigInt::from(part) * 100,
                BigInt::from(whole),
            ))),
            None => None,
        }
    }

    /// The same value as a big rational.
    pub(crate) fn to_ratio(&self) -> Ratio {
        match self {
            Fraction::Small { num, den } => Ratio::new(BigInt::from(*num), BigInt::from(*den)),
            Fraction::Big(r) => r.clone(),
        }
    }

    /// `Σ weight_i × value_i / Σ weight_i` of small fractions with positive integer weights,
    /// reduced as it goes; `None` when an intermediate does not fit `i128` (or the weights sum
    /// to zero) — the caller then computes with big rationals.
    pub(crate) fn weighted_mean<'a>(
        items: impl Iterator<Item = (i128, &'a Fraction)>,
    ) -> Option<Fraction> {
        let (mut num, mut den, mut weights) = (0i128, 1i128, 0i128);
        for (w, f) in items {
            let Fraction::Small { num: n, den: d } = f else {
                return None;
            };
            // num/den + w·n/d over the least common denominator.
            let (n, d) = reduce(w.checked_mul(*n)?, *d);
            let g = gcd(den.unsigned_abs(), d.unsigned_abs());
            let g = i128::try_from(g).ok()?;
            let lcm = (den / g).checked_mul(d)?;
            let sum = num
                .checked_mul(lcm / den)?
                .checked_add(n.checked_mul(lcm / d)?)?;
            (num, den) = reduce(sum, lcm);
            weights = weights.checked_add(w)?;
        }
        let (num, den) = reduce(num, den.checked_mul(weights)?);
        Fraction::new(num, den)
    }
}

/// `num / den` divided by their greatest common divisor (`den > 0` stays positive).
fn reduce(num: i128, den: i128) -> (i128, i128) {
    match i128::try_from(gcd(num.unsigned_abs(), den.unsigned_abs())) {
        Ok(g) if g > 1 => (num / g, den / g),
        _ => (num, den),
    }
}

/// Greatest common divisor (binary, with a 64-bit fast path); `gcd(0, b) = b`.
fn gcd(a: u128, b: u128) -> u128 {
    if a == 0 || b == 0 {
        return a | b;
    }
    if let (Ok(a), Ok(b)) = (u64::try_from(a), u64::try_from(b)) {
        return u128::from(gcd64(a, b));
    }
    let shift = (a | b).trailing_zeros();
    let (mut a, mut b) = (a >> a.trailing_zeros(), b);
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

fn gcd64(a: u64, b: u64) -> u64 {
    let shift = (a | b).trailing_zeros();
    let (mut a, mut b) = (a >> a.trailing_zeros(), b);
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

/// What scoring needs of an exact percentage: rounding and comparison with an input number.
pub(crate) trait Percent {
    /// Rounds to `decimals` places with `mode`, exactly (as [`round_ratio`]).
    ///
    /// # Errors
    ///
    /// As [`round_ratio`]: the result does not fit a `Decimal`.
    fn round(&self, decimals: u32, mode: RoundingMode) -> Result<Decimal>;

    /// Whether the value is at least `threshold`, exactly.
    fn at_least(&self, threshold: Number) -> bool;
}

impl Percent for Ratio {
    fn round(&self, decimals: u32, mode: RoundingMode) -> Result<Decimal> {
        round_ratio(self, decimals, mode)
    }

    fn at_least(&self, threshold: Number) -> bool {
        *self >= threshold.ratio()
    }
}

impl Percent for Fraction {
    fn round(&self, decimals: u32, mode: RoundingMode) -> Result<Decimal> {
        match self {
            Fraction::Small { num, den } => match round_small(*num, *den, decimals, mode) {
                Some(d) => Ok(d),
                None => round_ratio(&self.to_ratio(), decimals, mode),
            },
            Fraction::Big(r) => round_ratio(r, decimals, mode),
        }
    }

    fn at_least(&self, threshold: Number) -> bool {
        // num / den ≥ micros / 10^6  ⟺  num × 10^6 ≥ micros × den  (den > 0).
        if let Fraction::Small { num, den } = self {
            let micros = i128::from(threshold.micros());
            if let (Some(l), Some(r)) = (
                num.checked_mul(i128::from(MICROS)),
                micros.checked_mul(*den),
            ) {
                return l >= r;
            }
        }
        self.to_ratio() >= threshold.ratio()
    }
}

/// [`round_ratio`] in `i128` (in `i64` when everything fits); `None` when an intermediate or
/// the result does not fit.
fn round_small(num: i128, den: i128, decimals: u32, mode: RoundingMode) -> Option<Decimal> {
    // Truncate toward zero, then decide on the remainder (den > 0).
    let small = match (i64::try_from(num), i64::try_from(den)) {
        (Ok(n), Ok(d)) => 10i64
            .checked_pow(decimals)
            .and_then(|p| n.checked_mul(p))
            .map(|s| (i128::from(s), i128::from(s / d), i128::from(s % d))),
        _ => None,
    };
    let (scaled, q, rem) = match small {
        Some(x) => x,
        None => {
            let scaled = num.checked_mul(10i128.checked_pow(decimals)?)?;
            (scaled, scaled.checked_div(den)?, scaled.checked_rem(den)?)
        }
    };
    let twice = rem.unsigned_abs().checked_mul(2)?;
    let den = den.unsigned_abs();
    let away = match mode {
        RoundingMode::Down => false,
        RoundingMode::HalfUp => twice >= den,
        RoundingMode::HalfEven => twice > den || (twice == den && q % 2 != 0),
    };
    let q = match (away && rem != 0, scaled < 0) {
        (false, _) => q,
        (true, false) => q.checked_add(1)?,
        (true, true) => q.checked_sub(1)?,
    };
    crate::num::decimal::normalized(q, decimals)
}

/// Rounds an exact value half-even to 4 decimals: the reporting precision of percentages.
pub(crate) fn report4(r: &impl Percent) -> Decimal {
    // Percentages lie in [0, 100] and points per unit of cost below 10^15: always representable.
    r.round(4, RoundingMode::HalfEven).unwrap_or(Decimal::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small(num: i128, den: i128) -> Fraction {
        Fraction::new(num, den).unwrap_or(Fraction::Big(Ratio::default()))
    }

    /// Both representations of the same value round and compare the same.
    fn agree(f: &Fraction) {
        let big = Fraction::Big(f.to_ratio());
        for decimals in [0, 1, 2, 4, 6, 12] {
            for mode in [
                RoundingMode::HalfUp,
                RoundingMode::HalfEven,
                RoundingMode::Down,
            ] {
                assert_eq!(
                    f.round(decimals, mode).ok(),
                    big.round(decimals, mode).ok(),
                    "{f:?} {decimals} {mode:?}"
                );
            }
        }
        for t in ["0", "79.5", "79.499999", "100", "-1", "0.000001"] {
            let t: Number = t.parse().unwrap_or_default();
            assert_eq!(f.at_least(t), big.at_least(t), "{f:?} >= {t}");
        }
    }

    #[test]
    fn small_and_big_agree_at_halves_and_edges() {
        for (num, den) in [
            (159, 2),
            (157, 2),
            (-159, 2),
            (158_999_999, 2_000_000),
            (3050, 41),
            (321, 4),
            (0, 7),
            (i128::MAX, 3),
            (i128::MIN + 1, 7),
            (1, 3),
            (2, -3),
            (100_000_000_000_000_000_000_000, 3),
        ] {
            agree(&small(num, den));
        }
        assert_eq!(Fraction::new(1, 0), None);
        assert_eq!(Fraction::percent(1, 0), None);
        // Overflow of 100 × part falls back to a big rational, exactly.
        let f = Fraction::percent(i128::MAX, 1).unwrap_or(Fraction::Big(Ratio::default()));
        assert_eq!(
            f.to_ratio(),
            Ratio::from_integer(BigInt::from(i128::MAX) * 100)
        );
    }

    #[test]
    fn rounds_like_the_spec() {
        let r = |n, d, k, m| small(n, d).round(k, m).map(|x| x.to_string()).ok();
        assert_eq!(r(159, 2, 0, RoundingMode::HalfUp).as_deref(), Some("80"));
        assert_eq!(r(157, 2, 0, RoundingMode::HalfEven).as_deref(), Some("78"));
        assert_eq!(
            r(158_999_999, 2_000_000, 0, RoundingMode::HalfUp).as_deref(),
            Some("79")
        );
        assert_eq!(
            r(321, 4, 1, RoundingMode::HalfEven).as_deref(),
            Some("80.2")
        );
        assert_eq!(
            r(3050, 41, 4, RoundingMode::HalfEven).as_deref(),
            Some("74.3902")
        );
        assert_eq!(
            r(7400, 100, 4, RoundingMode::HalfEven).as_deref(),
            Some("74")
        );
    }

    #[test]
    fn weighted_mean_is_exact_or_declines() {
        // (2·5/7 + 3/4) / 3 = (40 + 21) / 84 = 61/84
        let items = [(2, small(5, 7)), (1, small(3, 4))];
        let m = Fraction::weighted_mean(items.iter().map(|(w, f)| (*w, f)));
        assert_eq!(m, Some(small(61, 84)));
        let huge = [(i128::MAX, small(i128::MAX, 1))];
        assert_eq!(
            Fraction::weighted_mean(huge.iter().map(|(w, f)| (*w, f))),
            None
        );
        assert_eq!(Fraction::weighted_mean(std::iter::empty()), None);
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(0, 5), 5);
        assert_eq!(gcd(1 << 100, 3 << 99), 1 << 99);
    }
}
