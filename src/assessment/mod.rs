//! An office's evidence against one framework (docs/formats.md), and its resolution into one rating per
//! benchmark.

use crate::id::{Id, same};
use std::collections::HashSet;
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Problems, Result};
use crate::framework::{Benchmark, Framework, NOT_APPLICABLE};
use crate::i18n::Lang;
use crate::load::json::UniqueMap;
use crate::num::decimal::Number;

mod warning;
pub use warning::{Warning, WarningCode};
#[cfg(feature = "office")]
pub mod sheet;

/// Which framework (id and version) a document is written against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "a framework reference object")]
pub struct FrameworkRef {
    /// Framework id.
    pub id: String,
    /// Framework version.
    pub version: String,
}

impl FrameworkRef {
    /// The reference of a framework.
    pub fn of(fw: &Framework) -> FrameworkRef {
        FrameworkRef {
            id: fw.id().to_string(),
            version: fw.version().to_string(),
        }
    }

    /// Checks that this reference names `fw`: the id must be equal; the version too unless
    /// `allow_version_mismatch`. Returns whether the versions differ.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::FrameworkMismatch`] at `framework.id` or `framework.version`.
    pub fn check(&self, fw: &Framework, allow_version_mismatch: bool) -> Result<bool> {
        if self.id != fw.id() {
            return Err(Error::new(
                ErrorKind::FrameworkMismatch,
                "framework.id",
                format!(
                    "written for framework '{}' but scored against '{}'",
                    self.id,
                    fw.id()
                ),
            ));
        }
        let differs = self.version != fw.version();
        if differs && !allow_version_mismatch {
            return Err(Error::new(
                ErrorKind::FrameworkMismatch,
                "framework.version",
                format!(
                    "written for version '{}' of '{}' but the framework is version '{}'; allow a version mismatch to score it anyway",
                    self.version,
                    fw.id(),
                    fw.version()
                ),
            ));
        }
        Ok(differs)
    }
}

/// How strictly [`Assessment::resolve_with`] treats evidence written for another framework.
/// The default is strict: the same framework id and version, and no evidence for unknown
/// benchmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ResolveOptions {
    /// Accept an assessment written for another version of the framework (warning
    /// `version_mismatch`).
    pub allow_version_mismatch: bool,
    /// Accept an assessment written for another framework id, whatever its version (warning
    /// `framework_mismatch`).
    pub allow_framework_mismatch: bool,
    /// Leave out evidence for benchmarks the framework does not have instead of failing
    /// (one warning `unknown_benchmark_ignored` each, after a mismatch warning and before the
    /// benchmark warnings).
    pub ignore_unknown_benchmarks: bool,
}

/// One office's evidence.
///
/// ```
/// use gender_seal::Assessment;
/// let a = Assessment::from_json(br#"{
///   "framework": {"id": "undp-gender-seal-co", "version": "2021.2"},
///   "office": "UNDP Mali",
///   "evidence": {"IC1": {"rating": "met"}, "IC2": {"value": 62}}
/// }"#).unwrap();
/// assert_eq!(a.evidence.0.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "an assessment object")]
pub struct Assessment {
    /// The framework it is written against.
    pub framework: FrameworkRef,
    /// Office name.
    pub office: String,
    /// Assessment period, e.g. `2020`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Benchmark id → evidence, in document order.
    pub evidence: UniqueMap<Evidence>,
    /// The JSON Schema the file follows, for editors (`docs/schema/`); ignored.
    #[serde(default, rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
}

/// Evidence for one benchmark: exactly one of `rating` or `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, expecting = "an evidence object")]
pub struct Evidence {
    /// A rating id of the scale, or `not_applicable`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// A measured value, for benchmarks with a rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    /// How firmly the rating is established: `documented`, `verified` or `assumed`
    /// (docs/formats.md). Optional; it never changes the score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EvidenceStatus>,
    /// Sources of verification.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// The assessor's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How firmly an evidence entry is established. It is the assessor's statement about the
/// entry, shown in reports; it never changes a rating or the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceStatus {
    /// The rating rests on a document the note names (and, best, quotes).
    Documented,
    /// The rating was checked against its sources of verification (by the assessor, a
    /// reviewer or the assessment mission).
    Verified,
    /// The rating is an assumption: the documents are silent or only hint at it; the note
    /// should say why it was assumed.
    Assumed,
}

/// How a benchmark's rating was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Basis {
    /// Rated directly by the assessor.
    Rated,
    /// Derived from a value by the benchmark's rule.
    Derived,
    /// No evidence: the lowest rating of the scale.
    Missing,
    /// Rated not applicable: out of the score.
    NotApplicable,
    /// Raised by a planned activity (projections only).
    Planned,
}

/// One benchmark's resolved rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Rating index, `None` when not applicable.
    pub rating: Option<usize>,
    /// How it was reached.
    pub basis: Basis,
    /// The measured value, for derived ratings.
    pub value: Option<Number>,
    /// The evidence's status, when the assessment gives one (`None` for missing evidence and
    /// for ratings a planned activity raised).
    pub status: Option<EvidenceStatus>,
}

impl Entry {
    /// Whether the evidence behind this entry is marked [`EvidenceStatus::Assumed`].
    #[inline]
    pub fn is_assumed(&self) -> bool {
        self.status == Some(EvidenceStatus::Assumed)
    }
}

/// An assessment resolved against a framework: one [`Entry`] per benchmark, in framework
/// order, and the warnings found.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// One entry per benchmark of the framework.
    pub entries: Vec<Entry>,
    /// Warnings, in benchmark order (a version mismatch first).
    pub warnings: Vec<Warning>,
}

impl Resolved {
    /// The evidence status of benchmark `i` (framework order), `None` when the assessment
    /// gives none or `i` is out of range.
    #[inline]
    pub fn status(&self, i: usize) -> Option<EvidenceStatus> {
        self.entries.get(i).and_then(|e| e.status)
    }

    /// Whether benchmark `i` (framework order) rests on evidence marked assumed.
    ///
    /// ```
    /// use gender_seal::{Assessment, Framework};
    /// let fw = Framework::builtin_latest("undp-gender-seal-co").unwrap();
    /// let a = Assessment::from_json(br#"{
    ///   "framework": {"id": "undp-gender-seal-co", "version": "2021.2"},
    ///   "office": "UNDP Mali",
    ///   "evidence": {"MS1": {"rating": "met", "status": "assumed", "note": "no document"}}
    /// }"#).unwrap();
    /// let r = a.resolve(&fw, false).unwrap();
    /// assert!(r.is_assumed(0));
    /// assert!(!r.is_assumed(1)); // MS2: no evidence, so no status
    /// ```
    #[inline]
    pub fn is_assumed(&self, i: usize) -> bool {
        self.entries.get(i).is_some_and(Entry::is_assumed)
    }
}

impl Assessment {
    /// Parses an assessment from JSON bytes (its shape only: ids are checked by
    /// [`Assessment::resolve`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Syntax`] or [`ErrorKind::Format`], with the JSON path.
    pub fn from_json(bytes: &[u8]) -> Result<Assessment> {
        crate::load::json::from_json(bytes)
    }

    /// Reads and parses an assessment file (JSON, or with the `office` feature an `.xlsx`
    /// workbook or CSV, told by content); errors name the file.
    ///
    /// # Errors
    ///
    /// As [`Assessment::from_bytes`], plus [`ErrorKind::Io`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Assessment> {
        crate::load::from_path(path.as_ref(), Assessment::from_bytes)
    }

    /// The assessment as a JSON document (pretty, with a final newline): what
    /// [`Assessment::from_json`] reads back, field for field.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string());
        s.push('\n');
        s
    }

    /// As [`Assessment::from_path`], reading the ratings of a workbook or CSV file as `fw`
    /// names them (for a framework that is not built in).
    ///
    /// # Errors
    ///
    /// As [`Assessment::from_bytes_for`], plus [`ErrorKind::Io`].
    pub fn from_path_for(path: impl AsRef<Path>, fw: &Framework) -> Result<Assessment> {
        crate::load::from_path(path.as_ref(), |b| Assessment::from_bytes_for(b, fw))
    }

    /// Parses an assessment from JSON, an `.xlsx` workbook or CSV, chosen by content (zip
    /// → workbook, `{` → JSON, anything else CSV; workbooks and CSV need the `office`
    /// feature). In a workbook or CSV file, ratings are ids or labels of the built-in
    /// framework its header block names, and problems name their cell or line.
    ///
    /// ```
    /// use gender_seal::Assessment;
    /// let csv = "Office,UNDP Mali\nFramework,undp-gender-seal-co\nVersion,2021.2\n\n\
    ///            id,rating,note\nMS1,Partiellement atteint,plan 2021\nMS2,\n";
    /// let a = Assessment::from_bytes(csv.as_bytes())?;
    /// assert_eq!(a.evidence.0[0].1.rating.as_deref(), Some("partially_met"));
    /// assert_eq!(a.evidence.0.len(), 1); // an empty rating is missing evidence
    /// let bad = csv.replace("Partiellement atteint", "Partiellement");
    /// let e = Assessment::from_bytes(bad.as_bytes()).unwrap_err();
    /// assert!(e.to_string().starts_with("line 6, column rating: 'Partiellement' is not a rating"));
    /// # Ok::<(), gender_seal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Assessment::from_json`]; for a workbook or CSV file, [`ErrorKind::Syntax`] for an
    /// unreadable file, [`ErrorKind::Format`] for a missing column or header label,
    /// [`ErrorKind::Invalid`] for bad entries, each at its cell or line.
    pub fn from_bytes(bytes: &[u8]) -> Result<Assessment> {
        Assessment::from_bytes_with(bytes, None)
    }

    /// As [`Assessment::from_bytes`], with the ratings of a workbook or CSV file read as `fw`
    /// names them and its entries checked against `fw`.
    ///
    /// # Errors
    ///
    /// As [`Assessment::from_bytes`].
    pub fn from_bytes_for(bytes: &[u8], fw: &Framework) -> Result<Assessment> {
        Assessment::from_bytes_with(bytes, Some(fw))
    }

    #[cfg(feature = "office")]
    fn from_bytes_with(bytes: &[u8], fw: Option<&Framework>) -> Result<Assessment> {
        use crate::load::grid::{self, Content};
        match grid::sniff(bytes) {
            Content::Json => Assessment::from_json(bytes),
            Content::Workbook => sheet::read(&grid::workbook_sheet(bytes, &[sheet::SHEET])?, fw),
            Content::Csv => sheet::read(&grid::csv(bytes)?, fw),
        }
    }

    #[cfg(not(feature = "office"))]
    fn from_bytes_with(bytes: &[u8], _: Option<&Framework>) -> Result<Assessment> {
        Assessment::from_json(bytes)
    }

    /// Resolves the evidence against `fw`: checks the framework reference, every benchmark id,
    /// rating and value, and derives ratings from values by the rules.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::FrameworkMismatch`] for another framework (or version, unless allowed);
    /// [`ErrorKind::Invalid`] listing every bad entry, each with its path
    /// (`evidence.IC2.rating`).
    pub fn resolve(&self, fw: &Framework, allow_version_mismatch: bool) -> Result<Resolved> {
        self.resolve_with(
            fw,
            &ResolveOptions {
                allow_version_mismatch,
                ..ResolveOptions::default()
            },
        )
    }

    /// Resolves the evidence against `fw` with explicit leniency. [`ResolveOptions::default`]
    /// is as strict as [`Assessment::resolve`] without a version mismatch; the lenient options
    /// exist for comparing the same evidence under another framework (`diff`), and every
    /// leniency used leaves a [`Warning`].
    ///
    /// ```
    /// use gender_seal::{Assessment, Framework, ResolveOptions, WarningCode};
    /// let fw = Framework::builtin("undp-gender-seal-co", "2021.2").unwrap();
    /// let a = Assessment::from_json(br#"{
    ///   "framework": {"id": "another-seal", "version": "1"},
    ///   "office": "UNDP Mali",
    ///   "evidence": {"IC1": {"rating": "met"}, "XX9": {"rating": "met"}}
    /// }"#).unwrap();
    /// assert!(a.resolve(&fw, true).is_err());
    /// let lenient = ResolveOptions {
    ///     allow_version_mismatch: true,
    ///     allow_framework_mismatch: true,
    ///     ignore_unknown_benchmarks: true,
    ///     ..ResolveOptions::default()
    /// };
    /// let r = a.resolve_with(&fw, &lenient).unwrap();
    /// assert_eq!(r.warnings[0].code, WarningCode::FrameworkMismatch);
    /// assert!(r.warnings.iter().any(|w| w.code == WarningCode::UnknownBenchmarkIgnored));
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Assessment::resolve`], minus what the options allow.
    pub fn resolve_with(&self, fw: &Framework, options: &ResolveOptions) -> Result<Resolved> {
        match self.resolve_in_order(fw) {
            Some(resolved) => Ok(resolved),
            None => self.resolve_any_order(fw, options),
        }
    }

    /// The common case in one pass: the assessment names this very framework and version and
    /// gives evidence for every benchmark in the framework's order, none of it invalid or
    /// worth a warning. `None` when anything is unusual: [`Assessment::resolve_any_order`]
    /// then resolves (or rejects) it, with the same per-entry helpers, to the same result.
    fn resolve_in_order(&self, fw: &Framework) -> Option<Resolved> {
        let evidence = &self.evidence.0;
        if self.framework.id != fw.id()
            || self.framework.version != fw.version()
            || evidence.len() != fw.benchmarks().len()
        {
            return None;
        }
        let mut entries = Vec::with_capacity(evidence.len());
        let framework = fw.benchmark_keys.iter().zip(fw.benchmarks());
        for ((key, b), (id, ev)) in framework.zip(evidence) {
            if !same(key, id) {
                return None;
            }
            let entry = resolve_entry(fw, b, ev).ok()?;
            if unexplained(&entry, ev) {
                return None;
            }
            entries.push(entry);
        }
        Some(Resolved {
            entries,
            warnings: Vec::new(),
        })
    }

    /// The general path of [`Assessment::resolve_with`]: evidence in any order, possibly
    /// incomplete or invalid, every problem and warning reported.
    fn resolve_any_order(&self, fw: &Framework, options: &ResolveOptions) -> Result<Resolved> {
        let mut warnings = Vec::new();
        if options.allow_framework_mismatch && self.framework.id != fw.id() {
            warnings.push(Warning::new(
                WarningCode::FrameworkMismatch,
                None,
                vec![
                    ("written_id", self.framework.id.clone()),
                    ("written_version", self.framework.version.clone()),
                    ("scored_id", fw.id().to_string()),
                    ("scored_version", fw.version().to_string()),
                ],
            ));
        } else if self.framework.check(fw, options.allow_version_mismatch)? {
            warnings.push(Warning::new(
                WarningCode::VersionMismatch,
                None,
                vec![
                    ("written_version", self.framework.version.clone()),
                    ("scored_version", fw.version().to_string()),
                ],
            ));
        }
        let mut ignored = Vec::new();
        let lowest = Entry {
            rating: Some(0),
            basis: Basis::Missing,
            value: None,
            status: None,
        };
        let mut entries = vec![lowest; fw.benchmarks().len()];
        let mut given = vec![false; fw.benchmarks().len()];
        let mut unnoted = HashSet::new();
        let mut p = Problems::default();
        // Evidence usually follows the framework's order: try the next benchmark first.
        let mut guess = 0;
        for (id, ev) in &self.evidence.0 {
            let found = match fw.benchmarks().get(guess) {
                Some(b) if same(&b.id, id) => Some(guess),
                _ => fw.benchmark_index(id),
            };
            let Some(bi) = found else {
                if options.ignore_unknown_benchmarks {
                    ignored.push(Warning::new(
                        WarningCode::UnknownBenchmarkIgnored,
                        Some(Id::from(id.as_str())),
                        vec![
                            ("benchmark", id.clone()),
                            ("scored_id", fw.id().to_string()),
                            ("scored_version", fw.version().to_string()),
                        ],
                    ));
                    continue;
                }
                p.push(
                    format!("evidence.{id}"),
                    format!(
                        "evidence for unknown benchmark '{id}'{}",
                        crate::did_you_mean::suggest(&p, id, fw.benchmark_ids())
                    ),
                );
                continue;
            };
            guess = bi + 1;
            given[bi] = true;
            match resolve_entry(fw, &fw.benchmarks()[bi], ev) {
                Ok(entry) => {
                    if unexplained(&entry, ev) {
                        unnoted.insert(bi);
                    }
                    entries[bi] = entry;
                }
                Err(problem) => {
                    let (field, message) = problem.describe(fw, bi, ev);
                    p.push(format!("evidence.{id}{field}"), message);
                }
            }
        }
        p.finish(ErrorKind::Invalid)?;
        warnings.append(&mut ignored);
        for (bi, b) in fw.benchmarks().iter().enumerate() {
            if !given[bi] {
                warnings.push(Warning::new(
                    WarningCode::MissingEvidence,
                    Some(b.id.clone()),
                    vec![
                        ("benchmark", b.id.to_string()),
                        ("rating", fw.ratings()[0].id.to_string()),
                    ],
                ));
            } else if unnoted.contains(&bi) {
                warnings.push(Warning::new(
                    WarningCode::NotApplicableWithoutNote,
                    Some(b.id.clone()),
                    vec![("benchmark", b.id.to_string())],
                ));
            }
        }
        Ok(Resolved { entries, warnings })
    }
}

/// Whether a benchmark rated not applicable lacks a note saying why (a warning).
fn unexplained(entry: &Entry, ev: &Evidence) -> bool {
    entry.rating.is_none() && ev.note.as_deref().is_none_or(|n| n.trim().is_empty())
}

/// Why one evidence entry is invalid; [`EntryProblem::describe`] words it. Kept apart from
/// the message so that resolving valid evidence formats nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryProblem {
    Both,
    Neither,
    NotApplicableNotAllowed,
    UnknownRating,
    /// No rule, or a value out of the rule's bounds: [`rate_value`] says which.
    Value,
}

impl EntryProblem {
    /// The field suffix of the path (`.rating`, `.value` or none) and the message.
    fn describe(self, fw: &Framework, bi: usize, ev: &Evidence) -> (&'static str, String) {
        let b = &fw.benchmarks()[bi];
        match self {
            EntryProblem::Both => (
                "",
                format!(
                    "evidence for {} has both 'rating' and 'value'; give one",
                    b.id
                ),
            ),
            EntryProblem::Neither => (
                "",
                format!("evidence for {} has neither 'rating' nor 'value'", b.id),
            ),
            EntryProblem::NotApplicableNotAllowed => (
                ".rating",
                format!("{} may not be rated not applicable", b.id),
            ),
            EntryProblem::UnknownRating => (
                ".rating",
                format!(
                    "unknown rating '{}' for benchmark {}; expected one of {}, {NOT_APPLICABLE}",
                    ev.rating.as_deref().unwrap_or_default(),
                    b.id,
                    fw.rating_list()
                ),
            ),
            EntryProblem::Value => {
                let message = match ev.value {
                    Some(v) => rate_value(fw, bi, v).err().unwrap_or_default(),
                    None => String::new(),
                };
                (".value", message)
            }
        }
    }
}

/// Resolves one entry, or says what is wrong with it. Inlined into both resolution loops: as
/// a call it cost about a fifth of resolving the Mali assessment (docs/PERFORMANCE.md).
#[inline(always)]
fn resolve_entry(fw: &Framework, b: &Benchmark, ev: &Evidence) -> Result<Entry, EntryProblem> {
    match (&ev.rating, ev.value) {
        (Some(r), None) => match fw.rating_index(r) {
            Some(ri) => Ok(Entry {
                rating: Some(ri),
                basis: Basis::Rated,
                value: None,
                status: ev.status,
            }),
            None if same(r, NOT_APPLICABLE) => {
                if b.allow_not_applicable {
                    Ok(Entry {
                        rating: None,
                        basis: Basis::NotApplicable,
                        value: None,
                        status: ev.status,
                    })
                } else {
                    Err(EntryProblem::NotApplicableNotAllowed)
                }
            }
            None => Err(EntryProblem::UnknownRating),
        },
        (None, Some(v)) => match b.rule.as_ref().and_then(|rule| rule.rate_within(v)) {
            Some(rating) => Ok(Entry {
                rating: Some(rating),
                basis: Basis::Derived,
                value: Some(v),
                status: ev.status,
            }),
            None => Err(EntryProblem::Value),
        },
        (Some(_), Some(_)) => Err(EntryProblem::Both),
        (None, None) => Err(EntryProblem::Neither),
    }
}

/// The rating index a value earns on benchmark `bi`, checking it has a rule and the value is
/// within the rule's bounds.
///
/// # Errors
///
/// The message, when the benchmark has no rule or the value is out of bounds.
pub(crate) fn rate_value(
    fw: &Framework,
    bi: usize,
    v: Number,
) -> std::result::Result<usize, String> {
    let b = &fw.benchmarks()[bi];
    let Some(rule) = &b.rule else {
        return Err(format!(
            "{} has no indicator rule, so it takes a 'rating', not a 'value'",
            b.id
        ));
    };
    rule.rate_within(v).ok_or_else(|| {
        let (lo, hi) = rule.bounds.unwrap_or_default();
        format!(
            "value {v} out of bounds [{lo}, {hi}] for {} (unit {})",
            b.id,
            rule.unit.get(Lang::EN)
        )
    })
}

#[cfg(test)]
mod tests;
