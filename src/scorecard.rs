//! The result of scoring: what `score --format json` prints (SPEC §9). Every decimal is a
//! normalised string; labels are in the language asked for.

use crate::id::Id;
use std::sync::Arc;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::{Basis, FrameworkRef, Warning};
use crate::decimal::{self, Number};
use crate::framework::Rounding;
use crate::tier::Rank;

/// A scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scorecard {
    /// The framework scored against.
    pub framework: FrameworkRef,
    /// Office name.
    pub office: String,
    /// Assessment period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Language of the labels.
    pub lang: String,
    /// The exact percentage, rounded half-even to 4 decimals for reading.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub percentage: Decimal,
    /// The official percentage: rounded by the framework's policy.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub percentage_rounded: Decimal,
    /// The rounding policy applied.
    pub rounding: Rounding,
    /// The awarded tier, or null.
    pub tier: Option<TierResult>,
    /// Rank of the result.
    pub rank: Rank,
    /// Tiers above the awarded one whose minimum is reached but whose gates fail.
    pub blocked: Vec<TierShortfall>,
    /// The lowest tier above the awarded one, or null at the top.
    pub next: Option<TierShortfall>,
    /// Per dimension, in framework order.
    pub dimensions: Vec<DimensionResult>,
    /// Per benchmark, in framework order.
    pub benchmarks: Vec<BenchmarkResult>,
    /// Warnings for the assessor.
    pub warnings: Vec<Warning>,
}

/// The awarded tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TierResult {
    /// Tier id.
    pub id: Id,
    /// 1-based position in the ladder.
    pub level: usize,
    /// Whether the official percentage reaches `strong_from`.
    pub strong: bool,
    /// Label (the strong label when strong).
    pub label: Arc<str>,
}

/// A tier not reached: a blocked tier, or the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TierShortfall {
    /// Tier id.
    pub id: Id,
    /// 1-based position in the ladder.
    pub level: usize,
    /// Label.
    pub label: Arc<str>,
    /// Percentage points still missing: max(0, min − official).
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub points_missing: Decimal,
    /// Gates failing, this tier's and lower tiers' (gates are cumulative).
    pub failing: Vec<GateFailure>,
}

/// A gate that does not hold, with the actual rating or percentage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum GateFailure {
    /// A benchmark rated below the gate (or not applicable).
    Benchmark {
        /// Tier whose gate this is.
        tier: Id,
        /// Benchmark id.
        benchmark: Id,
        /// Lowest passing rating id.
        required: Id,
        /// Actual rating id, or `not_applicable`.
        actual: Id,
    },
    /// A dimension below the gate's percentage (or with nothing applicable: `actual` null).
    Dimension {
        /// Tier whose gate this is.
        tier: Id,
        /// Dimension id.
        dimension: Id,
        /// Lowest passing unrounded percentage.
        required_percent: Number,
        /// Actual percentage, rounded half-even to 4 decimals; null when none applicable.
        #[serde(with = "decimal::string::option")]
        #[schemars(with = "Option<decimal::DecimalString>")]
        actual_percent: Option<Decimal>,
    },
}

/// One dimension's detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DimensionResult {
    /// Dimension id.
    pub id: Id,
    /// 100 × earned / possible, rounded half-even to 4 decimals; null when no benchmark is
    /// applicable.
    #[serde(with = "decimal::string::option")]
    #[schemars(with = "Option<decimal::DecimalString>")]
    pub percentage: Option<Decimal>,
    /// Σ weight × credit over applicable benchmarks.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub earned: Decimal,
    /// Σ weight over applicable benchmarks.
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub possible: Decimal,
    /// Dimension weight (`by_dimension` aggregation; 1 otherwise).
    pub weight: Number,
    /// Number of benchmarks.
    pub benchmarks: usize,
    /// Number of applicable benchmarks.
    pub applicable: usize,
}

/// One benchmark's detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkResult {
    /// Benchmark id.
    pub id: Id,
    /// Dimension id.
    pub dimension: Id,
    /// Rating id, or `not_applicable`.
    pub rating: Id,
    /// How the rating was reached.
    pub basis: Basis,
    /// The measured value, when derived by the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    /// Benchmark weight.
    pub weight: Number,
    /// Credit of the rating; null when not applicable.
    pub credit: Option<Number>,
    /// weight × credit; null when not applicable.
    #[serde(with = "decimal::string::option")]
    #[schemars(with = "Option<decimal::DecimalString>")]
    pub earned: Option<Decimal>,
}
