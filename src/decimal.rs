//! Exact numbers: parsing decimals from JSON numbers or strings (never through binary floating
//! point), exact rational values for percentages, exact rounding and normalised formatting.
//!
//! Inputs are [`Number`]s: at most [`MAX_DECIMALS`] decimal places and [`MAX_INT_DIGITS`]
//! integer digits, so every weight and credit is an exact integer count of millionths
//! ([`Number::micros`]) and sums over the largest allowed framework stay far inside `i128`.
//! Percentages are [`Ratio`]s of big integers: comparisons and rounding are exact.

use std::fmt;
use std::str::FromStr;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::error::{Error, ErrorKind, Result};

/// Most decimal places an input number may have.
pub const MAX_DECIMALS: u32 = 6;
/// Most integer digits an input number may have.
pub const MAX_INT_DIGITS: usize = 12;
/// Millionths per unit: the fixed scale of [`Number::micros`].
pub const MICROS: i64 = 1_000_000;

/// An exact rational number (big integers), used for percentages before rounding.
pub type Ratio = num_rational::BigRational;

/// An exact input decimal: a JSON number or a JSON string holding one (`0.1`, `"0.1"`, `1e2`),
/// with at most 6 decimal places and 12 integer digits. Serialised as a normalised string.
///
/// ```
/// use gender_seal::Number;
/// let n: Number = "1e2".parse().unwrap();
/// assert_eq!(n.to_string(), "100");
/// assert!("0.1234567".parse::<Number>().is_err()); // too precise
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Number {
    /// The value in millionths (|micros| < 10^18), the number's only representation: equal
    /// millionths are equal normalised decimals, so equality, order and hash go by it, and
    /// the `Decimal` is built when asked for.
    micros: i64,
}

impl Number {
    /// The value as a normalised `Decimal` (no trailing zeros).
    pub fn value(self) -> Decimal {
        // |micros| < 10^18 fits a Decimal's 96-bit mantissa at scale 6: never the default.
        normalized(i128::from(self.micros), MAX_DECIMALS).unwrap_or_default()
    }

    /// The value in millionths, exactly (inputs have at most 6 decimal places).
    pub fn micros(self) -> i64 {
        self.micros
    }

    /// Builds a number from millionths.
    pub fn from_micros(micros: i64) -> Number {
        Number { micros }
    }

    /// The value as an exact rational.
    pub fn ratio(self) -> Ratio {
        Ratio::new(BigInt::from(self.micros), BigInt::from(MICROS))
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Number").field(&self.value()).finish()
    }
}

impl From<u32> for Number {
    fn from(v: u32) -> Self {
        Number::from_micros(i64::from(v) * MICROS)
    }
}

impl TryFrom<Decimal> for Number {
    type Error = String;
    fn try_from(d: Decimal) -> std::result::Result<Self, String> {
        parse_decimal_text(&d.to_string())
    }
}

impl FromStr for Number {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        parse_decimal_text(s)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_decimal(self.value()))
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&format_decimal(self.value()))
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = d.deserialize_any(NumberText)?;
        parse_decimal_text(&text).map_err(de::Error::custom)
    }
}

impl schemars::JsonSchema for Number {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal: a JSON number or a string holding one (\"0.5\", \"1e2\"); at most 6 decimal places and 12 integer digits.",
            "type": ["number", "string"],
            "pattern": "^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"
        })
    }
}

/// The key under which serde_json (feature `arbitrary_precision`) hands over a number's exact
/// text. rust_decimal's own `serde-arbitrary-precision` support reads numbers the same way.
const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Visits a JSON number or string and returns its exact text.
struct NumberText;

impl<'de> Visitor<'de> for NumberText {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number (a JSON number or a string such as \"0.5\")")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<String, E> {
        Err(E::custom(
            "binary floating-point numbers are not accepted; give the number as JSON text",
        ))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<String, A::Error> {
        match map.next_key::<String>()? {
            Some(k) if k == JSON_NUMBER_TOKEN => map.next_value::<String>(),
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

/// Parses decimal text in JSON number syntax (`-12.5`, `1e2`, `2.50E-1`) exactly, enforcing
/// the input limits.
fn parse_decimal_text(text: &str) -> std::result::Result<Number, String> {
    let bad = || format!("'{}' is not a decimal number", clip(text));
    let (neg, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int, frac) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) {
        return Err(bad());
    }
    if mantissa.contains('.') && frac.is_empty() {
        return Err(bad());
    }
    let exp: i64 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !all_digits(digits) {
                return Err(bad());
            }
            // Anything beyond ±10^6 is out of every limit; keep the arithmetic small.
            let mag: i64 = if digits.trim_start_matches('0').len() > 7 {
                10_000_000
            } else {
                digits.parse().map_err(|_| bad())?
            };
            if e.starts_with('-') { -mag } else { mag }
        }
    };
    // All significant digits, and the power of ten they are scaled by.
    let mut digits: String = format!("{int}{frac}").trim_start_matches('0').to_string();
    let mut scale: i64 = frac.len() as i64 - exp;
    if digits.is_empty() {
        return Ok(Number::default());
    }
    while scale > 0 && digits.ends_with('0') {
        digits.pop();
        scale -= 1;
    }
    if scale > MAX_DECIMALS as i64 {
        return Err(format!(
            "'{}' is too precise: at most {MAX_DECIMALS} decimal places",
            clip(text)
        ));
    }
    let int_digits = digits.len() as i64 - scale;
    if int_digits > MAX_INT_DIGITS as i64 {
        return Err(format!(
            "'{}' is too large: at most {MAX_INT_DIGITS} integer digits",
            clip(text)
        ));
    }
    // Now scale is in [-12, 6] and at most 18 significant digits remain.
    if scale < 0 {
        digits.extend(std::iter::repeat_n('0', (-scale) as usize));
        scale = 0;
    }
    let m: i64 = digits.parse().map_err(|_| bad())?;
    let m = if neg { -m } else { m };
    // |m| < 10^18 scaled by at most 10^6: |micros| < 10^18 (12 integer digits, 6 decimals).
    let micros = m * 10i64.pow(MAX_DECIMALS - scale as u32);
    Ok(Number::from_micros(micros))
}

fn clip(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let s: String = text.chars().take(MAX).collect();
        format!("{s}…")
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

/// `serde` helpers for output decimals: serialised as normalised strings, read back from a
/// string or a JSON number without the input limits (reports carry up to 12 decimals).
pub mod string {
    use super::*;

    /// Serialises a decimal as a normalised string.
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&format_decimal(*d))
    }

    /// Reads a decimal from a string or number.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Decimal, D::Error> {
        let text = d.deserialize_any(NumberText)?;
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
/// `#[serde(with = "crate::decimal::string")]`): a string in the normalised form of
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

/// Rounds an exact value half-even to 4 decimals: the reporting precision of percentages.
pub(crate) fn report4(r: &impl crate::fraction::Percent) -> Decimal {
    // Percentages lie in [0, 100] and points per unit of cost below 10^15: always representable.
    r.round(4, RoundingMode::HalfEven).unwrap_or(Decimal::MAX)
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

    fn n(s: &str) -> String {
        s.parse::<Number>()
            .map(|n| n.to_string())
            .unwrap_or_else(|e| e)
    }

    #[test]
    fn parses_exactly() {
        assert_eq!(n("0.1"), "0.1");
        assert_eq!(n("1e2"), "100");
        assert_eq!(n("1E+2"), "100");
        assert_eq!(n("2.50E-1"), "0.25");
        assert_eq!(n("-0"), "0");
        assert_eq!(n("0.000000"), "0");
        assert_eq!(n("123456789012"), "123456789012");
        assert_eq!(n("0.000001"), "0.000001");
        assert_eq!(n("100.0000000"), "100");
        assert_eq!(n("1e-6"), "0.000001");
        assert_eq!(n("0e999999999999"), "0");
    }

    #[test]
    fn rejects_beyond_limits_and_bad_syntax() {
        assert!(n("0.0000001").contains("too precise"));
        assert!(n("1e-7").contains("too precise"));
        assert!(n("1234567890123").contains("too large"));
        assert!(n("1e13").contains("too large"));
        assert!(n("1e99999999999999999999").contains("too large"));
        for bad in [
            "", "-", "1.", ".5", "1e", "1e+", "abc", "1,5", " 1", "0x10", "1.2.3", "+1",
        ] {
            assert!(n(bad).contains("not a decimal"), "{bad:?} gave {}", n(bad));
        }
    }

    #[test]
    fn json_numbers_and_strings_are_exact() {
        let v: Vec<Number> =
            serde_json::from_str(r#"[0.1, "0.1", 1e2, 3, -2, 0.30000000]"#).unwrap_or_default();
        let s: Vec<String> = v.iter().map(|n| n.to_string()).collect();
        assert_eq!(s, ["0.1", "0.1", "100", "3", "-2", "0.3"]);
        let err = serde_json::from_str::<Number>("true")
            .map(|_| ())
            .unwrap_err();
        assert!(err.to_string().contains("a decimal number"), "{err}");
        let err = serde_json::from_str::<Number>("0.12345678")
            .map(|_| ())
            .unwrap_err();
        assert!(err.to_string().contains("too precise"), "{err}");
    }

    #[test]
    fn schema_accepts_numbers_and_decimal_strings() {
        let schema = serde_json::to_value(schemars::schema_for!(Number)).unwrap_or_default();
        assert_eq!(schema["type"], serde_json::json!(["number", "string"]));
        assert_eq!(
            schema["pattern"],
            "^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"
        );
    }

    #[test]
    fn micros_round_trip() {
        let x: Number = "12.345678".parse().unwrap_or_default();
        assert_eq!(x.micros(), 12_345_678);
        assert_eq!(Number::from_micros(12_345_678), x);
        assert_eq!(Number::from(3).micros(), 3_000_000);
    }

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
        assert_eq!(format!("{:?}", Number::from(3)), "Number(3)");
        assert!(Number::from_micros(-1) < Number::default());
        assert_eq!("2.50".parse::<Number>().map(|n| n.micros()), Ok(2_500_000));
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
