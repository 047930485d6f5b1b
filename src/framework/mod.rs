//! A validated Seal framework: the only thing the scorer accepts.
//!
//! Files are read into [`raw`] types, then validated ([`Framework::from_raw`]) into a
//! [`Framework`] whose parts refer to each other by index. Validation reports every problem it finds, each with its JSON path.

mod checks;
mod named;
pub mod raw;
mod validate;
mod validate_tiers;

use crate::id::Id;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

pub(crate) use checks::check_id;
pub use raw::{Aggregation, RawFramework, Rounding};

use crate::error::{Error, ErrorKind, Result};
use crate::i18n::localised::Text;
use crate::num::decimal::Number;

/// Most benchmarks a framework may have.
pub const MAX_BENCHMARKS: usize = 10_000;
/// Most dimensions a framework may have.
pub const MAX_DIMENSIONS: usize = 100;
/// Most ratings a scale may have.
pub const MAX_RATINGS: usize = 20;
/// Most tiers a ladder may have.
pub const MAX_TIERS: usize = 20;
/// The built-in rating id that takes a benchmark out of the score.
pub const NOT_APPLICABLE: &str = "not_applicable";
/// [`NOT_APPLICABLE`] as an id, as results carry it.
pub(crate) const NOT_APPLICABLE_ID: Id = Id::from_static(NOT_APPLICABLE);

/// A validated framework.
///
/// ```
/// let fw = gender_seal::Framework::builtin("undp-gender-seal-co", "2021.2").unwrap();
/// assert_eq!(fw.benchmarks().len(), 41);
/// assert_eq!(fw.tiers()[1].label.get(gender_seal::i18n::Lang::FR).as_ref(), "Argent");
/// ```
#[derive(Debug, Clone)]
pub struct Framework {
    raw: RawFramework,
    ratings: Vec<Rating>,
    dimensions: Vec<Dimension>,
    benchmarks: Vec<Benchmark>,
    tiers: Vec<Tier>,
    benchmark_index: HashMap<Id, usize>,
    /// Rating ids and benchmark ids as plain strings, for matching evidence without the
    /// branches of reading an [`Id`].
    rating_keys: Vec<Box<str>>,
    pub(crate) benchmark_keys: Vec<Box<str>>,
    /// Weight of each benchmark in millionths.
    pub(crate) weight_micros: Vec<i128>,
    /// Credit of each rating in millionths.
    pub(crate) credit_micros: Vec<i128>,
    /// Weight of each dimension in millionths (1 unless `by_dimension`).
    pub(crate) dimension_weight_micros: Vec<i128>,
    /// `weight × credit` of each benchmark at each rating in 10^-12 units: entry
    /// `b × ratings + r`.
    pub(crate) earned_units: Vec<i128>,
    /// `weight × 1` of each benchmark in 10^-12 units (what it adds to `possible`).
    pub(crate) possible_units: Vec<i128>,
}

/// One rating of the scale. Its position in [`Framework::ratings`] is its rank.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Rating {
    /// Rating id.
    pub id: Id,
    /// Credit in [0, 1].
    pub credit: Number,
    /// Label.
    pub label: Text,
}

/// A dimension: a contiguous run of benchmarks.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Dimension {
    /// Dimension id.
    pub id: Id,
    /// Title.
    pub title: Text,
    /// Weight in `by_dimension` aggregation (1 otherwise).
    pub weight: Number,
    /// Indices of its benchmarks in [`Framework::benchmarks`].
    pub benchmarks: Range<usize>,
}

/// A benchmark.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Benchmark {
    /// Benchmark id.
    pub id: Id,
    /// Title.
    pub title: Text,
    /// Weight in (0, 1,000,000].
    pub weight: Number,
    /// Index of its dimension in [`Framework::dimensions`].
    pub dimension: usize,
    /// Indicator rule, if any.
    pub rule: Option<Rule>,
    /// Whether it may be rated not applicable.
    pub allow_not_applicable: bool,
    /// What meeting it takes.
    pub guidance: Option<Text>,
    /// Documents that prove it.
    pub verification: Option<Text>,
}

/// Which way a rule's ladder points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Direction {
    /// Higher values are better: steps are `at_least`.
    AtLeast,
    /// Lower values are better: steps are `at_most`.
    AtMost,
}

/// An indicator rule: a value takes the rating of the first step it satisfies, else
/// `otherwise`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Rule {
    /// Unit of the value (localised).
    pub unit: Text,
    /// Direction of every step.
    pub direction: Direction,
    /// `(threshold, rating index)`, hardest first.
    pub steps: Vec<(Number, usize)>,
    /// Rating index of a value that satisfies no step.
    pub otherwise: usize,
    /// Inclusive bounds of the value, if any (`percent` implies [0, 100]).
    pub bounds: Option<(Number, Number)>,
}

impl Rule {
    /// Whether the unit is `percent`: values in [0, 100], shown with `%`.
    pub fn is_percent(&self) -> bool {
        checks::is_percent(&self.unit)
    }

    /// The rating index a value earns, or `None` when it is outside the rule's bounds.
    #[inline]
    pub fn rate_within(&self, value: Number) -> Option<usize> {
        match self.bounds {
            Some((lo, hi)) if value < lo || value > hi => None,
            _ => Some(self.rate(value)),
        }
    }

    /// The rating index a value earns.
    #[inline]
    pub fn rate(&self, value: Number) -> usize {
        self.steps
            .iter()
            .find(|(t, _)| match self.direction {
                Direction::AtLeast => value >= *t,
                Direction::AtMost => value <= *t,
            })
            .map_or(self.otherwise, |&(_, r)| r)
    }
}

/// A tier of the ladder. Its position in [`Framework::tiers`] plus one is its level.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Tier {
    /// Tier id.
    pub id: Id,
    /// Lowest official percentage.
    pub min: Number,
    /// Official percentage from which it is strong.
    pub strong_from: Option<Number>,
    /// Label.
    pub label: Text,
    /// Label when strong.
    pub strong_label: Option<Text>,
    /// This tier's own gates (lower tiers' gates apply too).
    pub gates: Vec<Gate>,
}

/// A condition beyond the percentage.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Gate {
    /// The benchmark must be applicable and rated at or above a rating.
    Benchmark {
        /// Benchmark index.
        benchmark: usize,
        /// Rating index.
        at_least: usize,
    },
    /// The dimension must have an applicable benchmark and an unrounded percentage at or
    /// above a threshold.
    Dimension {
        /// Dimension index.
        dimension: usize,
        /// Threshold in [0, 100].
        at_least_percent: Number,
    },
}

impl Framework {
    /// Parses and validates a framework from JSON bytes.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Syntax`] or [`ErrorKind::Format`] when the bytes are not a framework
    /// document; [`ErrorKind::Invalid`] listing every inconsistency found.
    pub fn from_json(bytes: &[u8]) -> Result<Framework> {
        let raw: RawFramework = crate::load::json::from_json(bytes)?;
        Framework::from_raw(raw)
    }

    /// Reads, parses and validates a framework file; errors name the file.
    ///
    /// # Errors
    ///
    /// As [`Framework::from_json`], plus [`ErrorKind::Io`] when the file cannot be read.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Framework> {
        crate::load::from_path(path.as_ref(), Framework::from_json)
    }

    /// Validates raw framework data.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Invalid`] listing every inconsistency found.
    pub fn from_raw(raw: RawFramework) -> Result<Framework> {
        validate::validate(raw)
    }

    /// A framework built into the library, by id and version.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Request`] when no built-in framework has that id and version.
    pub fn builtin(id: &str, version: &str) -> Result<Framework> {
        let found = BUILTIN.iter().find(|(i, v, _)| *i == id && *v == version);
        match found {
            Some((_, _, json)) => Framework::from_json(json.as_bytes())
                .map_err(|e| e.in_file(format!("built-in framework {id} {version}"))),
            None => Err(Error::new(
                ErrorKind::Request,
                "framework",
                format!(
                    "no built-in framework '{id}' version '{version}'; built in: {}; pass a framework file instead",
                    builtin_list()
                ),
            )),
        }
    }

    /// The newest built-in version of the framework `id`: the one a new assessment should
    /// name. Older versions stay built in so that assessments written for them still score
    /// as written (docs/decisions.md, "Built-in framework versions").
    ///
    /// ```
    /// use gender_seal::Framework;
    /// let fw = Framework::builtin_latest("undp-gender-seal-co").unwrap();
    /// assert_eq!(fw.version(), "2021.2");
    /// assert!(Framework::builtin_latest("no-such-seal").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Request`] when no built-in framework has that id.
    pub fn builtin_latest(id: &str) -> Result<Framework> {
        match builtin_latest_version(id) {
            Some(version) => Framework::builtin(id, version),
            None => Err(Error::new(
                ErrorKind::Request,
                "framework",
                format!(
                    "no built-in framework '{id}'; built in: {}; pass a framework file instead",
                    builtin_list()
                ),
            )),
        }
    }

    /// The file data this framework was validated from.
    pub fn raw(&self) -> &RawFramework {
        &self.raw
    }

    /// Framework id.
    pub fn id(&self) -> &str {
        &self.raw.id
    }

    /// Framework version.
    pub fn version(&self) -> &str {
        &self.raw.version
    }

    /// Title.
    pub fn title(&self) -> &Text {
        &self.raw.title
    }

    /// Aggregation mode.
    pub fn aggregation(&self) -> Aggregation {
        self.raw.aggregation
    }

    /// Rounding policy of the official percentage.
    pub fn rounding(&self) -> Rounding {
        self.raw.rounding
    }

    /// Rating scale, lowest first.
    pub fn ratings(&self) -> &[Rating] {
        &self.ratings
    }

    /// Dimensions in file order.
    pub fn dimensions(&self) -> &[Dimension] {
        &self.dimensions
    }

    /// Benchmarks in file order (dimension by dimension).
    pub fn benchmarks(&self) -> &[Benchmark] {
        &self.benchmarks
    }

    /// Tier ladder, lowest first.
    pub fn tiers(&self) -> &[Tier] {
        &self.tiers
    }

    /// Index of a benchmark by id.
    pub fn benchmark_index(&self, id: &str) -> Option<usize> {
        self.benchmark_index.get(id).copied()
    }

    /// Index of a rating by id.
    #[inline]
    pub fn rating_index(&self, id: &str) -> Option<usize> {
        self.rating_keys.iter().position(|r| crate::id::same(r, id))
    }

    /// Ids of every benchmark, for suggestions.
    pub(crate) fn benchmark_ids(&self) -> impl Iterator<Item = &str> {
        self.benchmarks.iter().map(|b| &*b.id)
    }

    /// The scale's ids, comma-separated, for messages.
    pub(crate) fn rating_list(&self) -> String {
        self.ratings
            .iter()
            .map(|r| &*r.id)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Frameworks compiled into the library: `(id, version, JSON)`, each id's versions oldest
/// first (the last one of an id is its newest).
const BUILTIN: &[(&str, &str, &str)] = &[
    // The first default: "partially met" earns half a credit. Kept so that assessments
    // naming 2021.1 still score as written.
    (
        "undp-gender-seal-co",
        "2021.1",
        include_str!("../../benchmarks/undp-co-2021-half-credit.json"),
    ),
    // The default: benchmarks met ÷ benchmarks applicable, as published Seal results are.
    (
        "undp-gender-seal-co",
        "2021.2",
        include_str!("../../benchmarks/undp-co-2021.json"),
    ),
];

/// The built-in frameworks as `(id, version)`, each id's versions oldest first.
pub fn builtin_frameworks() -> impl Iterator<Item = (&'static str, &'static str)> {
    BUILTIN.iter().map(|(i, v, _)| (*i, *v))
}

/// The newest built-in version of `id` (the last listed by [`builtin_frameworks`]), if any.
pub fn builtin_latest_version(id: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .rev()
        .find(|(i, _, _)| *i == id)
        .map(|(_, v, _)| *v)
}

/// "id version, id version" of every built-in framework, for messages.
fn builtin_list() -> String {
    BUILTIN
        .iter()
        .map(|(i, v, _)| format!("{i} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_framework_loads_under_its_own_id_and_version() {
        for (id, version) in builtin_frameworks() {
            let fw = Framework::builtin(id, version).unwrap();
            assert_eq!((fw.id(), fw.version()), (id, version));
        }
    }

    #[test]
    fn builtin_latest_is_the_last_version_of_its_id() {
        let fw = Framework::builtin_latest("undp-gender-seal-co").unwrap();
        assert_eq!(fw.version(), "2021.2");
        assert_eq!(fw.ratings()[1].credit, Number::from(0));
        let first = Framework::builtin("undp-gender-seal-co", "2021.1").unwrap();
        assert_eq!(first.ratings()[1].credit.to_string(), "0.5");
        assert_eq!(
            builtin_latest_version("undp-gender-seal-co"),
            Some("2021.2")
        );
        assert_eq!(builtin_latest_version("undp"), None);
        let e = Framework::builtin_latest("undp").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Request);
        assert!(
            e.to_string()
                .contains("undp-gender-seal-co 2021.1, undp-gender-seal-co 2021.2"),
            "{e}"
        );
    }
}
