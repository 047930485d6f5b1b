//! Exact numbers: parsing decimals from JSON numbers or strings (never through binary floating
//! point), exact rational values for percentages, exact rounding and normalised formatting.
//!
//! Inputs are [`Number`]s: at most [`MAX_DECIMALS`] decimal places and [`MAX_INT_DIGITS`]
//! integer digits, so every weight and credit is an exact integer count of millionths
//! ([`Number::micros`]) and sums over the largest allowed framework stay far inside `i128`.
//! Percentages are [`Ratio`]s of big integers: comparisons and rounding are exact.
//!
//! This file is the input type and how it is read; `parse.rs` reads decimal text into
//! millionths (and holds the limits), `format.rs` writes and rounds decimals going out.

use std::fmt;
use std::str::FromStr;

use num_bigint::BigInt;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

mod format;
mod parse;

pub(crate) use format::{AsFraction, DecimalString, micros_of, normalized, percent_of, scaled};
pub use format::{Ratio, RoundingMode, decimal_ratio, format_decimal, round_ratio, string};
pub use parse::{MAX_DECIMALS, MAX_INT_DIGITS, MICROS};

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
        // serde_json (feature `raw_value`) hands the value over as its exact JSON text; any
        // other deserializer visits the newtype's content directly.
        d.deserialize_newtype_struct(RAW_VALUE_TOKEN, NumberVisitor)
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

/// The newtype name under which serde_json (feature `raw_value`) hands a value over as its
/// exact JSON text, in a one-entry map keyed by the same name. No number so passes through
/// `f64`, and no feature of serde_json changes for the rest of a host's program.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

const EXPECTING: &str = "a decimal number (a JSON number or a string such as \"0.5\")";

/// Visits a decimal: the raw JSON text from serde_json, or a string or integer from any other
/// deserializer. Binary floating point is refused.
struct NumberVisitor;

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Number, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Number, A::Error> {
        match map.next_key::<RawKey>()? {
            // The problem is raised here, not inside the value, so that a path-tracking
            // deserializer names the number's own place, not the raw-value key under it.
            Some(RawKey) => match map.next_value_seed(RawText)? {
                Ok(n) => Ok(n),
                Err(RawProblem::Message(m)) => Err(de::Error::custom(m)),
                Err(RawProblem::Type(u)) => Err(de::Error::invalid_type(u, &self)),
            },
            None => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Number, E> {
        parse_decimal_text(v).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Number, E> {
        parse_decimal_text(&v.to_string()).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Number, E> {
        parse_decimal_text(&v.to_string()).map_err(E::custom)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<Number, E> {
        Err(E::custom(
            "binary floating-point numbers are not accepted; give the number as JSON text",
        ))
    }
}

/// The key of serde_json's raw-value map; any other key is a real object, not a number.
struct RawKey;

impl<'de> Deserialize<'de> for RawKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTING)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<RawKey, E> {
                if v == RAW_VALUE_TOKEN {
                    Ok(RawKey)
                } else {
                    Err(de::Error::invalid_type(de::Unexpected::Map, &self))
                }
            }
        }
        d.deserialize_identifier(V)
    }
}

/// What is wrong with a raw value: a message, or a wrong type.
enum RawProblem {
    Message(String),
    Type(de::Unexpected<'static>),
}

/// The raw JSON text of a value parsed as a decimal: a number token, a string literal, or
/// anything else (a wrong type).
struct RawText;

impl<'de> de::DeserializeSeed<'de> for RawText {
    type Value = std::result::Result<Number, RawProblem>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for RawText {
    type Value = std::result::Result<Number, RawProblem>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_str<E: de::Error>(self, raw: &str) -> std::result::Result<Self::Value, E> {
        Ok(match raw.as_bytes().first() {
            Some(b'-' | b'0'..=b'9') => parse_decimal_text(raw).map_err(RawProblem::Message),
            Some(b'"') => serde_json::from_str::<String>(raw)
                .map_err(|e| RawProblem::Message(e.to_string()))
                .and_then(|text| parse_decimal_text(&text).map_err(RawProblem::Message)),
            _ => Err(RawProblem::Type(unexpected(raw))),
        })
    }
}

/// What a raw JSON value that is neither a number nor a string is, for the error message.
fn unexpected(raw: &str) -> de::Unexpected<'static> {
    match raw.as_bytes().first() {
        Some(b't') => de::Unexpected::Bool(true),
        Some(b'f') => de::Unexpected::Bool(false),
        Some(b'n') => de::Unexpected::Unit,
        Some(b'[') => de::Unexpected::Seq,
        _ => de::Unexpected::Map,
    }
}

/// Parses decimal text in JSON number syntax (`-12.5`, `1e2`, `2.50E-1`) exactly, enforcing
/// the input limits.
/// Parses decimal text in JSON number syntax exactly, enforcing the input limits.
fn parse_decimal_text(text: &str) -> std::result::Result<Number, String> {
    parse::parse_micros(text).map(Number::from_micros)
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
    fn number_debug_order_and_parse() {
        assert_eq!(format!("{:?}", Number::from(3)), "Number(3)");
        assert!(Number::from_micros(-1) < Number::default());
        assert_eq!("2.50".parse::<Number>().map(|n| n.micros()), Ok(2_500_000));
    }
}
