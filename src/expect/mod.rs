//! Regression expectations (docs/regression-testing.md): files of cases, each pointing at an assessment and
//! pinning parts of its scorecard, so that a change of rules or code that moves a result is
//! seen before it ships.
//!
//! ```
//! // One line in any test suite pins every case of a file (it panics with the report on a
//! // failing case or a bad file):
//! gender_seal::testing::assert_expectations(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/expectations.json"));
//! ```
//!
//! Paths in the file are relative to the file. A case is scored against its own `framework`,
//! else the file's `framework`, else the built-in framework its assessment names. Only the
//! fields an `expect` gives are compared; decimals compare as exact values (`"74"` equals
//! `"74.0"`); `percentage` is the scorecard's 4-decimal figure. An expectation that can never
//! pass (an unknown tier or dimension id, more decimals than the figure has, `strong` without
//! a tier) is bad input, as is an assessment or framework that does not load or score: these
//! are errors, not failing cases.

use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::error::{Problems, Result};
use crate::framework::Framework;
use crate::load::json::UniqueMap;
use crate::num::decimal::{Number, format_decimal};
use crate::score::{DimensionResult, Scorecard};

mod run;

pub use run::{CaseResult, FileReport, Report, check, check_file, check_files};

/// Decimal places of the scorecard's `percentage`.
const PERCENTAGE_DECIMALS: u32 = 4;

/// An expectations file as written.
///
/// ```
/// use gender_seal::expect::Expectations;
/// let file = Expectations::from_json(br#"{
///   "framework": "../benchmarks/undp-co-2021.json",
///   "cases": [{"name": "Mali 2020", "assessment": "mali-2020.json",
///              "expect": {"percentage_rounded": "74", "tier": "silver", "strong": true}}]
/// }"#).unwrap();
/// assert_eq!(file.cases[0].expect.tier, Some(Some("silver".to_string())));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expectations {
    /// Framework file for every case without its own, relative to this file. Without either,
    /// a case uses the built-in framework its assessment names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// Score assessments written for another version of the framework (default false); a case
    /// may say otherwise.
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_version_mismatch: bool,
    /// The cases, run in order.
    pub cases: Vec<Case>,
    /// The JSON Schema the file follows, for editors (`docs/schema/`); ignored.
    #[serde(default, rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
}

/// One case: an assessment and what its scorecard must show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Name shown in reports.
    pub name: String,
    /// Where the expected figures come from: the public source of a published result, or how
    /// they were computed. Not compared; never shown as a failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Assessment file, relative to the expectations file.
    pub assessment: String,
    /// Framework file for this case, relative to the expectations file (overrides the
    /// file's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// Overrides the file's `allow_version_mismatch` for this case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_version_mismatch: Option<bool>,
    /// The expected results; at least one field.
    pub expect: Expect,
}

/// Expected parts of a scorecard. Absent fields are not compared.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The exact percentage rounded half-even to 4 decimals (the scorecard's `percentage`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentage: Option<Number>,
    /// The official percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentage_rounded: Option<Number>,
    /// The awarded tier id, or null for none.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub tier: Option<Option<String>>,
    /// Whether the awarded tier is strong (false when there is no tier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strong: Option<bool>,
    /// Ids of the blocked tiers, in any order (`[]` for none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked: Option<Vec<String>>,
    /// Dimension id → its percentage rounded half-even to 4 decimals, or null when none of
    /// its benchmarks is applicable. Dimensions not listed are not compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<UniqueMap<Option<Number>>>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Reads a field that may be null: present-and-null is `Some(None)`, absent is `None`.
fn present<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// One compared field: expected and actual side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldCheck {
    /// The field: `percentage`, `percentage_rounded`, `tier`, `strong`, `blocked` or
    /// `dimensions.ID`.
    pub field: String,
    /// The expected value (decimals as normalised strings, null for no tier or no
    /// applicable benchmark).
    pub expected: Value,
    /// The actual value, in the same form.
    pub actual: Value,
    /// Whether they agree.
    pub passed: bool,
}

impl Expect {
    /// Pins every field of a scorecard: the expectation this scorecard passes with every
    /// field compared.
    ///
    /// ```
    /// use gender_seal::{expect::Expect, score, Assessment, Framework, ScoreOptions};
    /// let fw = Framework::builtin("undp-gender-seal-co", "2021.2").unwrap();
    /// let a = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json")).unwrap();
    /// let card = score(&fw, &a, &ScoreOptions::default()).unwrap();
    /// let pinned = Expect::pin(&card);
    /// assert_eq!(pinned.tier, Some(Some("silver".to_string())));
    /// assert!(pinned.compare(&card).iter().all(|c| c.passed));
    /// ```
    pub fn pin(card: &Scorecard) -> Expect {
        let number = |d: rust_decimal::Decimal| Number::try_from(d).ok();
        let tier = card.tier();
        Expect {
            percentage: number(card.percentage()),
            percentage_rounded: number(card.percentage_rounded),
            tier: Some(tier.as_ref().map(|t| t.id.to_string())),
            strong: Some(tier.is_some_and(|t| t.strong)),
            blocked: Some(card.blocked().iter().map(|b| b.id.to_string()).collect()),
            dimensions: Some(UniqueMap(
                card.dimensions()
                    .map(|d| (d.id.to_string(), d.percentage.and_then(number)))
                    .collect(),
            )),
        }
    }

    /// True when no field is given.
    pub fn is_empty(&self) -> bool {
        *self == Expect::default()
    }

    /// Compares the given fields with a scorecard, in the order `percentage`,
    /// `percentage_rounded`, `tier`, `strong`, `blocked`, then the dimensions as listed.
    /// A dimension the scorecard does not have compares as null ([`check`] rejects such ids
    /// before scoring).
    pub fn compare(&self, card: &Scorecard) -> Vec<FieldCheck> {
        let mut out = Vec::new();
        let mut push = |field: String, expected: Value, actual: Value, passed: bool| {
            out.push(FieldCheck {
                field,
                expected,
                actual,
                passed,
            });
        };
        if let Some(p) = self.percentage {
            let actual = card.percentage();
            push(
                "percentage".into(),
                decimal(p.value()),
                decimal(actual),
                p.value() == actual,
            );
        }
        if let Some(p) = self.percentage_rounded {
            let passed = p.value() == card.percentage_rounded;
            push(
                "percentage_rounded".into(),
                decimal(p.value()),
                decimal(card.percentage_rounded),
                passed,
            );
        }
        let tier = card.tier();
        let actual_tier = tier.as_ref().map(|t| &*t.id);
        if let Some(t) = &self.tier {
            let passed = t.as_deref() == actual_tier;
            push("tier".into(), text(t.as_deref()), text(actual_tier), passed);
        }
        if let Some(s) = self.strong {
            let actual = tier.as_ref().is_some_and(|t| t.strong);
            push(
                "strong".into(),
                Value::Bool(s),
                Value::Bool(actual),
                s == actual,
            );
        }
        if let Some(b) = &self.blocked {
            let blocked = card.blocked();
            let actual: Vec<&str> = blocked.iter().map(|t| &*t.id).collect();
            let passed = b.len() == actual.len() && b.iter().all(|id| actual.contains(&&**id));
            push("blocked".into(), list(b), list(actual), passed);
        }
        let dimensions: Vec<DimensionResult> = match &self.dimensions {
            Some(_) => card.dimensions().collect(),
            None => Vec::new(),
        };
        for (id, want) in self.dimensions.iter().flat_map(|d| &d.0) {
            let actual = dimensions
                .iter()
                .find(|d| &*d.id == id)
                .and_then(|d| d.percentage);
            let passed = want.map(Number::value) == actual;
            push(
                format!("dimensions.{id}"),
                want.map_or(Value::Null, |w| decimal(w.value())),
                actual.map_or(Value::Null, decimal),
                passed,
            );
        }
        out
    }

    /// Every reason this expectation can never pass against `fw`, with paths relative to the
    /// expectation (`tier`, `dimensions.XX`).
    fn problems(&self, fw: &Framework, p: &mut Problems, at: &str) {
        let tiers = || fw.tiers().iter().map(|t| &*t.id);
        let tier_check = |id: &str, path: String, p: &mut Problems| {
            if !tiers().any(|t| t == id) {
                p.push(
                    path,
                    format!(
                        "unknown tier '{id}' in framework '{}' version '{}'; the ladder is {}{}",
                        fw.id(),
                        fw.version(),
                        tiers().collect::<Vec<_>>().join(", "),
                        crate::did_you_mean::suggest(p, id, tiers())
                    ),
                );
            }
        };
        if self.is_empty() {
            p.push(
                at,
                "expects nothing; give at least one of percentage, percentage_rounded, tier, strong, blocked, dimensions",
            );
        }
        if let Some(v) = self.percentage
            && v.value().scale() > PERCENTAGE_DECIMALS
        {
            p.push(
                format!("{at}.percentage"),
                format!("percentage {v} has more than {PERCENTAGE_DECIMALS} decimal places; the scorecard's percentage is rounded half-even to {PERCENTAGE_DECIMALS}"),
            );
        }
        let decimals = fw.rounding().decimals;
        if let Some(v) = self.percentage_rounded
            && v.value().scale() > decimals
        {
            p.push(
                format!("{at}.percentage_rounded"),
                format!("percentage_rounded {v} has more than {decimals} decimal places, the rounding of framework '{}' version '{}'", fw.id(), fw.version()),
            );
        }
        if let Some(Some(id)) = &self.tier {
            tier_check(id, format!("{at}.tier"), p);
        }
        if self.tier == Some(None) && self.strong == Some(true) {
            p.push(
                format!("{at}.strong"),
                "strong is true but tier is null: without a tier nothing is strong",
            );
        }
        let mut listed = std::collections::HashSet::new();
        for (i, id) in self.blocked.iter().flatten().enumerate() {
            let path = format!("{at}.blocked[{i}]");
            if !listed.insert(id) {
                p.push(path, format!("tier '{id}' listed twice"));
            } else {
                tier_check(id, path, p);
            }
        }
        let dims = || fw.dimensions().iter().map(|d| &*d.id);
        for (id, _) in self.dimensions.iter().flat_map(|d| &d.0) {
            if !dims().any(|d| d == id) {
                p.push(
                    format!("{at}.dimensions.{id}"),
                    format!(
                        "unknown dimension '{id}' in framework '{}' version '{}'{}",
                        fw.id(),
                        fw.version(),
                        crate::did_you_mean::suggest(p, id, dims())
                    ),
                );
            }
        }
    }
}

fn decimal(d: rust_decimal::Decimal) -> Value {
    Value::String(format_decimal(d))
}

fn text(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| Value::String(s.to_string()))
}

fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Value {
    Value::Array(
        items
            .into_iter()
            .map(|s| Value::String(s.as_ref().to_string()))
            .collect(),
    )
}

impl Expectations {
    /// Parses an expectations file from JSON bytes (its shape only).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Syntax`](crate::ErrorKind::Syntax) or
    /// [`ErrorKind::Format`](crate::ErrorKind::Format), with the JSON path.
    pub fn from_json(bytes: &[u8]) -> Result<Expectations> {
        crate::load::json::from_json(bytes)
    }

    /// Reads and parses an expectations file; errors name the file.
    ///
    /// # Errors
    ///
    /// As [`Expectations::from_json`], plus [`ErrorKind::Io`](crate::ErrorKind::Io).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Expectations> {
        crate::load::from_path(path.as_ref(), Expectations::from_json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn tier_null_differs_from_absent() {
        let e: Expect = serde_json::from_str(r#"{"tier": null}"#).unwrap_or_default();
        assert_eq!(e.tier, Some(None));
        let e: Expect = serde_json::from_str(r#"{"strong": false}"#).unwrap_or_default();
        assert_eq!(e.tier, None);
        assert!(Expect::default().is_empty());
    }

    #[test]
    fn unknown_fields_are_errors() {
        let e = Expectations::from_json(
            br#"{"cases": [{"name": "a", "assessment": "a.json", "expect": {"tire": "gold"}}]}"#,
        )
        .map(|_| ())
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Format);
        assert_eq!(e.problems()[0].location, "cases[0].expect.tire");
    }
}
