//! Exact numbers: input decimals ([`Number`], parsed from JSON text, never through binary
//! floating point), exact rationals for percentages ([`Ratio`], and small `i128` fractions on
//! the hot path), exact rounding and normalised formatting.
//!
//! `decimal` is the lower of the two files: `fraction` builds on it, never the reverse.

pub(crate) mod decimal;
pub(crate) mod fraction;

pub use decimal::{
    MAX_DECIMALS, MAX_INT_DIGITS, MICROS, Number, Ratio, RoundingMode, decimal_ratio,
    format_decimal, round_ratio, string,
};
pub use rust_decimal::Decimal;
