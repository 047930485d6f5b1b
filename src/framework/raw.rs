//! The framework file exactly as written (docs/formats.md): serde types that reject unknown fields.
//! Only validation, [`Framework::from_raw`](super::Framework::from_raw), turns them into a
//! [`Framework`](super::Framework).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::localised::Text;
use crate::num::decimal::{Number, RoundingMode};

/// A framework file as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a framework object")]
pub struct RawFramework {
    /// Framework id, e.g. `undp-gender-seal-co`.
    pub id: String,
    /// Version, e.g. `2021.2`.
    pub version: String,
    /// Title (localised).
    pub title: Text,
    /// Longer description (localised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Where the rules come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Ratings, lowest first.
    pub rating_scale: Vec<RawRating>,
    /// How benchmark credits combine into the overall percentage.
    #[serde(default)]
    pub aggregation: Aggregation,
    /// How the official percentage is rounded.
    #[serde(default)]
    pub rounding: Rounding,
    /// Dimensions with their benchmarks.
    pub dimensions: Vec<RawDimension>,
    /// Tier ladder, lowest first.
    pub tiers: Vec<RawTier>,
    /// The JSON Schema the file follows, for editors (`docs/schema/`); ignored.
    #[serde(default, rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
}

/// One rating of the scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a rating object")]
pub struct RawRating {
    /// Rating id, e.g. `partially_met`.
    pub id: String,
    /// Credit in [0, 1].
    pub credit: Number,
    /// Label (localised).
    pub label: Text,
}

/// How benchmark credits combine (docs/methodology.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Aggregation {
    /// Σ earned / Σ possible over all applicable benchmarks.
    #[default]
    Flat,
    /// Weighted mean of dimension percentages.
    ByDimension,
}

/// Rounding policy of the official percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a rounding object")]
pub struct Rounding {
    /// Decimal places, 0 to 6.
    #[serde(default)]
    pub decimals: u32,
    /// Rounding mode.
    #[serde(default)]
    pub mode: RoundingMode,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding {
            decimals: 0,
            mode: RoundingMode::HalfUp,
        }
    }
}

/// A dimension as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a dimension object")]
pub struct RawDimension {
    /// Dimension id, e.g. `IC`.
    pub id: String,
    /// Title (localised).
    pub title: Text,
    /// Weight, only with `by_dimension` aggregation (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Number>,
    /// Benchmarks of this dimension.
    pub benchmarks: Vec<RawBenchmark>,
}

/// A benchmark as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a benchmark object")]
pub struct RawBenchmark {
    /// Benchmark id, unique across dimensions.
    pub id: String,
    /// Title (localised).
    pub title: Text,
    /// Weight in (0, 1,000,000] (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Number>,
    /// Indicator rule turning a measured value into a rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<RawRule>,
    /// `false` makes a not-applicable rating an error (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_not_applicable: Option<bool>,
    /// What meeting it takes (localised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
    /// Documents that prove it (localised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Text>,
}

/// An indicator rule as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a rule object")]
pub struct RawRule {
    /// Unit of the value (localised): free text, except `percent` (in English, or as a plain
    /// string) which bounds values to [0, 100] and is shown as `%`.
    pub unit: Text,
    /// Steps, hardest first.
    pub ladder: Vec<RawStep>,
    /// Rating of a value that satisfies no step.
    pub otherwise: String,
    /// Explicit `[lo, hi]` bounds of the value.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::load::json::optional_array"
    )]
    pub bounds: Option<[Number; 2]>,
}

/// One ladder step: exactly one of `at_least` / `at_most`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a ladder step object")]
pub struct RawStep {
    /// The value must be at least this (higher is better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<Number>,
    /// The value must be at most this (lower is better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<Number>,
    /// Rating given by this step.
    pub rating: String,
}

/// A tier as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a tier object")]
pub struct RawTier {
    /// Tier id, e.g. `silver`.
    pub id: String,
    /// Lowest official percentage of the tier.
    pub min: Number,
    /// Official percentage from which the tier is "strong".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strong_from: Option<Number>,
    /// Label (localised).
    pub label: Text,
    /// Label when strong (localised), required with `strong_from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strong_label: Option<Text>,
    /// Conditions beyond the percentage, cumulative up the ladder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gates: Vec<RawGate>,
}

/// A gate as written: `{benchmark, at_least}` or `{dimension, at_least_percent}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a gate object")]
pub struct RawGate {
    /// Benchmark the gate is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<String>,
    /// Lowest rating that passes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<String>,
    /// Dimension the gate is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// Lowest unrounded dimension percentage that passes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least_percent: Option<Number>,
}
