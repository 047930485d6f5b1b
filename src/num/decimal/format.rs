//! Decimals going out: the normalised format, serde helpers and schema for output decimals,
//! exact rationals and exact rounding to the official figure.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use super::parse::{MAX_DECIMALS, clip};
use crate::error::{Error, ErrorKind, Result};

/// An exact rational number (big integers), used for percentages before rounding.
pub type Ratio = num_rational::BigRational;

/// A [`Ratio`] whose `Debug` is its `a/b` form, for the `Debug` of the library's results
/// (num-rational's own is a struct dump: `Ratio { numer: 3400, denom: 41 }`).
pub(crate) struct AsFraction<'a>(pub(crate) &'a Ratio);

impl std::fmt::Debug for AsFraction<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// `m × 10^-scale` as a normalised decimal (no trailing zeros), without `Decimal::normalize`'s
/// digit-by-digit division; `None` beyond `Decimal`'s range.
pub(crate) fn normalized(m: i128, scale: u32) -> Option<Decimal> {
    if m == 0 {
        return Some(Decimal::ZERO);
    }
    if let Ok(mut m) = i64::try_from(m)
        && scale < 32
    {
        if m % 10 != 0 {
            return Decimal::try_new(m, scale).ok();
        }
        // Strip min(trailing zeros, scale) < 32 digits in one pass of 16, 8, 4, 2, 1.
        let mut scale = scale;
        for k in [16, 8, 4, 2, 1] {
            let p = 10i64.pow(k);
            if scale >= k && m % p == 0 {
                m /= p;
                scale -= k;
            }
        }
        return Decimal::try_new(m, scale).ok();
    }
    Decimal::try_from_i128_with_scale(m, scale)
        .ok()
        .map(|d| d.normalize())
}

/// Formats a decimal normalised: no exponent, no trailing zeros, no trailing point, `0` for
/// zero (`74`, `73.6842`, `0.5`).
pub fn format_decimal(d: Decimal) -> String {
    let n = d.normalize();
    if n.is_zero() {
        "0".to_string()
    } else {
        n.to_string()
    }
}

/// `serde` helpers for output decimals: serialised as normalised strings and read back from
/// them without the input limits (reports carry up to 12 decimals).
pub mod string {
    use super::*;

    /// Serialises a decimal as a normalised string.
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&format_decimal(*d))
    }

    /// Reads a decimal from a string (as written by [`serialize`]).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Decimal, D::Error> {
        let text = String::deserialize(d)?;
        Decimal::from_str_exact(&text)
            .or_else(|_| Decimal::from_scientific(&text))
            .map_err(|_| de::Error::custom(format!("'{}' is not a decimal number", clip(&text))))
    }

    /// The same for `Option<Decimal>` (null for none).
    pub mod option {
        use super::*;

        /// Serialises `Some` as a normalised string, `None` as null.
        pub fn serialize<S: Serializer>(
            d: &Option<Decimal>,
            s: S,
        ) -> std::result::Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.serialize_str(&format_decimal(*d)),
                None => s.serialize_none(),
            }
        }

        /// Reads null or a decimal.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> std::result::Result<Option<Decimal>, D::Error> {
            #[derive(Deserialize)]
            struct Wrap(#[serde(with = "super")] Decimal);
            Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
        }
    }
}

/// Schema of an output decimal (`#[schemars(with = "DecimalString")]` beside
/// `#[serde(with = "crate::num::decimal::string")]`): a string in the normalised form of
/// [`format_decimal`].
pub(crate) struct DecimalString;

impl schemars::JsonSchema for DecimalString {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DecimalString".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal written as a normalised string: no exponent, no trailing zeros, no trailing point, \"0\" for zero (\"74\", \"73.6842\", \"-2\").",
            "type": "string",
            "pattern": "^(0|-?[1-9][0-9]*(\\.[0-9]*[1-9])?|-?0\\.[0-9]*[1-9])$"
        })
    }
}

/// How a value is rounded to the official figure.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RoundingMode {
    /// Halves away from zero (79.5 → 80).
    #[default]
    HalfUp,
    /// Halves to the even neighbour (78.5 → 78, 79.5 → 80).
    HalfEven,
    /// Truncation toward zero (79.99 → 79).
    Down,
}

/// An exact rational from a decimal.
pub fn decimal_ratio(d: Decimal) -> Ratio {
    Ratio::new(BigInt::from(d.mantissa()), pow10(d.scale()))
}

/// 10^n as a big integer.
pub(crate) fn pow10(n: u32) -> BigInt {
    num_traits::pow(BigInt::from(10), n as usize)
}

/// Rounds an exact rational to `decimals` places (0 to 28) with `mode`.
///
/// # Errors
///
/// [`ErrorKind::Request`] when the result does not fit a `Decimal`.
pub fn round_ratio(r: &Ratio, decimals: u32, mode: RoundingMode) -> Result<Decimal> {
    let scaled = r * Ratio::from_integer(pow10(decimals));
    let (num, den) = (scaled.numer(), scaled.denom()); // den > 0
    // Truncate toward zero, then decide on the remainder.
    let (q, rem) = num.div_rem(den);
    let twice = rem.abs() * 2;
    let away = match mode {
        RoundingMode::Down => false,
        RoundingMode::HalfUp => twice >= *den,
        RoundingMode::HalfEven => twice > *den || (twice == *den && q.is_odd()),
    };
    let q = if away && !rem.is_zero() {
        if num.is_negative() { q - 1 } else { q + 1 }
    } else {
        q
    };
    let m = q.to_i128().ok_or_else(too_large)?;
    Decimal::try_from_i128_with_scale(m, decimals)
        .map(|d| d.normalize())
        .map_err(|_| too_large())
}

fn too_large() -> Error {
    Error::new(ErrorKind::Request, "", "number too large to represent")
}

/// A percentage ratio `100 × part / whole` for integer amounts on a common scale.
pub(crate) fn percent_of(part: i128, whole: i128) -> Ratio {
    Ratio::new(BigInt::from(part) * 100, BigInt::from(whole))
}

/// `d` in millionths, exactly; `None` when it has more than 6 decimals or does not fit.
pub(crate) fn micros_of(d: Decimal) -> Option<i128> {
    let up = MAX_DECIMALS.checked_sub(d.scale())?;
    d.mantissa().checked_mul(10i128.checked_pow(up)?)
}

/// A decimal from an integer amount of 10^-`scale` units.
pub(crate) fn scaled(amount: i128, scale: u32) -> Decimal {
    // Amounts here are sums of at most 10,000 products of bounded inputs: |amount| < 10^23.
    normalized(amount, scale).unwrap_or(Decimal::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn micros_of_is_exact_up_to_six_decimals() {
        for (s, want) in [
            ("74", Some(74_000_000)),
            ("79.5", Some(79_500_000)),
            ("0.000001", Some(1)),
            ("-2.25", Some(-2_250_000)),
            ("100.000000", Some(100_000_000)),
            ("0.0000001", None),
        ] {
            let d: Decimal = s.parse().unwrap();
            assert_eq!(micros_of(d), want, "{s}");
        }
    }

    #[test]
    fn normalized_is_normalize() {
        for (m, scale) in [
            (0i128, 3u32),
            (5_500_000_000_000, 12),
            (-120, 1),
            (100_000_000_000_000_000, 6),
            (i128::from(i64::MAX), 0),
            (i128::from(i64::MIN), 7),
            (10i128.pow(25), 12),
            (7, 0),
            (1_000_000, 6),
            (123_000, 2),
        ] {
            let slow = Decimal::from_i128_with_scale(m, scale).normalize();
            let fast = normalized(m, scale).unwrap_or(Decimal::MAX);
            assert_eq!(
                (fast.mantissa(), fast.scale()),
                (slow.mantissa(), slow.scale()),
                "{m}e-{scale}"
            );
        }
        assert_eq!(normalized(1, 29), None);
    }

    #[test]
    fn formats_normalised() {
        assert_eq!(format_decimal(Decimal::new(7400, 2)), "74");
        assert_eq!(format_decimal(Decimal::new(50, 2)), "0.5");
        assert_eq!(format_decimal(Decimal::new(0, 3)), "0");
        assert_eq!(format_decimal(Decimal::new(-0, 0)), "0");
    }

    fn r(num: i64, den: i64) -> Ratio {
        Ratio::new(BigInt::from(num), BigInt::from(den))
    }

    fn round(num: i64, den: i64, d: u32, mode: RoundingMode) -> String {
        round_ratio(&r(num, den), d, mode)
            .map(format_decimal)
            .unwrap_or_default()
    }

    #[test]
    fn rounds_exactly_at_halves() {
        use RoundingMode::*;
        assert_eq!(round(159, 2, 0, HalfUp), "80"); // 79.5
        assert_eq!(round(159, 2, 0, HalfEven), "80");
        assert_eq!(round(157, 2, 0, HalfEven), "78"); // 78.5
        assert_eq!(round(157, 2, 0, HalfUp), "79");
        assert_eq!(round(159, 2, 0, Down), "79");
        // A hair below 79.5 is 79 whatever the mode.
        assert_eq!(
            round(159 * 1_000_000_000 - 1, 2_000_000_000, 0, HalfUp),
            "79"
        );
        assert_eq!(round(-159, 2, 0, HalfUp), "-80");
        assert_eq!(round(-159, 2, 0, Down), "-79");
        assert_eq!(round(1, 3, 4, HalfEven), "0.3333");
        assert_eq!(round(2, 3, 4, HalfEven), "0.6667");
        assert_eq!(round(30_500, 41_000, 2, HalfUp), "0.74");
    }
}
