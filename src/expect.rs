//! Regression expectations (SPEC §8): files of cases, each pointing at an assessment and
//! pinning parts of its scorecard, so that a change of rules or code that moves a result is
//! seen before it ships.
//!
//! ```
//! // One line in any test suite pins every case of a file (it panics with the report on a
//! // failing case or a bad file):
//! gender_seal::expect::assert_file(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/expectations.json"));
//! ```
//!
//! Paths in the file are relative to the file. A case is scored against its own `framework`,
//! else the file's `framework`, else the built-in framework its assessment names. Only the
//! fields an `expect` gives are compared; decimals compare as exact values (`"74"` equals
//! `"74.0"`); `percentage` is the scorecard's 4-decimal figure. An expectation that can never
//! pass (an unknown tier or dimension id, more decimals than the figure has, `strong` without
//! a tier) is bad input, as is an assessment or framework that does not load or score: these
//! are errors, not failing cases.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::assessment::{Assessment, FrameworkRef};
use crate::decimal::{Number, format_decimal};
use crate::error::{Error, ErrorKind, Problem, Problems, Result};
use crate::framework::Framework;
use crate::json::UniqueMap;
use crate::score::{ScoreOptions, score};
use crate::scorecard::Scorecard;

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
}

/// One case: an assessment and what its scorecard must show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Name shown in reports.
    pub name: String,
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
    /// let fw = Framework::builtin("undp-gender-seal-co", "2021.1").unwrap();
    /// let a = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json")).unwrap();
    /// let card = score(&fw, &a, &ScoreOptions::default()).unwrap();
    /// let pinned = Expect::pin(&card);
    /// assert_eq!(pinned.tier, Some(Some("silver".to_string())));
    /// assert!(pinned.compare(&card).iter().all(|c| c.passed));
    /// ```
    pub fn pin(card: &Scorecard) -> Expect {
        let number = |d: rust_decimal::Decimal| Number::try_from(d).ok();
        Expect {
            percentage: number(card.percentage),
            percentage_rounded: number(card.percentage_rounded),
            tier: Some(card.tier.as_ref().map(|t| t.id.to_string())),
            strong: Some(card.tier.as_ref().is_some_and(|t| t.strong)),
            blocked: Some(card.blocked.iter().map(|b| b.id.to_string()).collect()),
            dimensions: Some(UniqueMap(
                card.dimensions
                    .iter()
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
            let passed = p.value() == card.percentage;
            push(
                "percentage".into(),
                decimal(p.value()),
                decimal(card.percentage),
                passed,
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
        let actual_tier = card.tier.as_ref().map(|t| &*t.id);
        if let Some(t) = &self.tier {
            let passed = t.as_deref() == actual_tier;
            push("tier".into(), text(t.as_deref()), text(actual_tier), passed);
        }
        if let Some(s) = self.strong {
            let actual = card.tier.as_ref().is_some_and(|t| t.strong);
            push(
                "strong".into(),
                Value::Bool(s),
                Value::Bool(actual),
                s == actual,
            );
        }
        if let Some(b) = &self.blocked {
            let actual: Vec<&str> = card.blocked.iter().map(|t| &*t.id).collect();
            let passed = b.len() == actual.len() && b.iter().all(|id| actual.contains(&&**id));
            push("blocked".into(), list(b), list(actual), passed);
        }
        for (id, want) in self.dimensions.iter().flat_map(|d| &d.0) {
            let actual = card
                .dimensions
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
                        crate::suggest::did_you_mean(id, tiers())
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
        for (i, id) in self.blocked.iter().flatten().enumerate() {
            let path = format!("{at}.blocked[{i}]");
            if self.blocked.iter().flatten().take(i).any(|b| b == id) {
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
                        crate::suggest::did_you_mean(id, dims())
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

/// The outcome of one case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseResult {
    /// The case's name.
    pub name: String,
    /// The assessment file, resolved against the expectations file's folder.
    pub assessment: String,
    /// The office the assessment is for.
    pub office: String,
    /// The framework it was scored against.
    pub framework: FrameworkRef,
    /// Whether every compared field agrees.
    pub passed: bool,
    /// Each compared field.
    pub checks: Vec<FieldCheck>,
}

/// The outcome of one expectations file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileReport {
    /// The expectations file.
    pub file: String,
    /// Every case, in file order.
    pub cases: Vec<CaseResult>,
}

impl FileReport {
    /// Number of failing cases.
    pub fn failed(&self) -> usize {
        self.cases.iter().filter(|c| !c.passed).count()
    }
}

/// The outcome of one or more expectations files: what `check --format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Whether every case of every file passed.
    pub passed: bool,
    /// Number of cases.
    pub cases: usize,
    /// Number of failing cases.
    pub failed: usize,
    /// Each file, in the order given.
    pub files: Vec<FileReport>,
}

impl Report {
    /// Gathers file reports.
    pub fn of(files: Vec<FileReport>) -> Report {
        let cases = files.iter().map(|f| f.cases.len()).sum();
        let failed = files.iter().map(FileReport::failed).sum();
        Report {
            passed: failed == 0,
            cases,
            failed,
            files,
        }
    }
}

impl Expectations {
    /// Parses an expectations file from JSON bytes (its shape only).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Syntax`] or [`ErrorKind::Format`], with the JSON path.
    pub fn from_json(bytes: &[u8]) -> Result<Expectations> {
        crate::json::from_json(bytes)
    }

    /// Reads and parses an expectations file; errors name the file.
    ///
    /// # Errors
    ///
    /// As [`Expectations::from_json`], plus [`ErrorKind::Io`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Expectations> {
        let path = path.as_ref();
        crate::read_file(path)
            .and_then(|b| Expectations::from_json(&b))
            .map_err(|e| e.in_file(path.display().to_string()))
    }
}

/// Runs every case of an expectations file.
///
/// ```
/// let report = gender_seal::expect::check_file(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/expectations.json"))?;
/// assert!(report.cases.iter().all(|c| c.passed));
/// # Ok::<(), gender_seal::Error>(())
/// ```
///
/// # Errors
///
/// Any error reading the file, its frameworks or assessments, or scoring a case (each names
/// its file and the case), and [`ErrorKind::Invalid`] listing every expectation that can never
/// pass. A case whose results differ is not an error: it fails in the report.
pub fn check_file(path: impl AsRef<Path>) -> Result<FileReport> {
    let path = path.as_ref();
    let file = Expectations::from_path(path)?;
    let base = path.parent().unwrap_or(Path::new(""));
    check(&file, base, &path.display().to_string())
}

/// Runs several expectations files.
///
/// # Errors
///
/// The first error of [`check_file`].
pub fn check_files<P: AsRef<Path>>(paths: &[P]) -> Result<Report> {
    let files = paths.iter().map(check_file).collect::<Result<Vec<_>>>()?;
    Ok(Report::of(files))
}

/// Runs every case of an expectations file and panics, with the text report, when a case
/// fails or the file cannot be run: a one-line regression test for any test suite.
///
/// # Panics
///
/// When any case fails, or on any error of [`check_file`].
#[allow(clippy::panic)] // A test assertion: panicking is its whole purpose.
pub fn assert_file(path: impl AsRef<Path>) {
    match check_file(path.as_ref()) {
        Ok(report) if report.failed() == 0 => {}
        Ok(report) => panic!(
            "\n{}",
            crate::report::check(&Report::of(vec![report]), crate::Format::Text, "en")
        ),
        Err(e) => panic!("cannot run expectations: {e}"),
    }
}

/// Runs the cases of a parsed expectations file whose relative paths start at `base`.
/// `name` is the file's name for reports and errors.
///
/// # Errors
///
/// As [`check_file`].
pub fn check(file: &Expectations, base: &Path, name: &str) -> Result<FileReport> {
    let mut frameworks: HashMap<Source, Arc<Framework>> = HashMap::new();
    let mut loaded = Vec::with_capacity(file.cases.len());
    let mut p = Problems::default();
    for (i, case) in file.cases.iter().enumerate() {
        let context = |e: Error| in_case(e, i, &case.name, name);
        let assessment_path = join(base, &case.assessment);
        let assessment = Assessment::from_path(&assessment_path).map_err(context)?;
        let source = match case.framework.as_ref().or(file.framework.as_ref()) {
            Some(rel) => Source::File(join(base, rel)),
            None => Source::Builtin(
                assessment.framework.id.clone(),
                assessment.framework.version.clone(),
            ),
        };
        let fw = match frameworks.get(&source) {
            Some(fw) => fw.clone(),
            None => {
                let fw = match &source {
                    Source::File(path) => Framework::from_path(path),
                    Source::Builtin(id, version) => Framework::builtin(id, version)
                        .map_err(|e| e.in_file(assessment_path.display().to_string())),
                };
                let fw = Arc::new(fw.map_err(context)?);
                frameworks.insert(source, fw.clone());
                fw
            }
        };
        case.expect
            .problems(&fw, &mut p, &format!("cases[{i}].expect"));
        loaded.push((assessment_path, assessment, fw));
    }
    p.finish(ErrorKind::Invalid).map_err(|e| e.in_file(name))?;
    let mut cases = Vec::with_capacity(file.cases.len());
    for (i, (case, (path, assessment, fw))) in file.cases.iter().zip(loaded).enumerate() {
        let options = ScoreOptions {
            allow_version_mismatch: case
                .allow_version_mismatch
                .unwrap_or(file.allow_version_mismatch),
            ..ScoreOptions::default()
        };
        let card = score(&fw, &assessment, &options)
            .map_err(|e| in_case(e.in_file(path.display().to_string()), i, &case.name, name))?;
        let checks = case.expect.compare(&card);
        cases.push(CaseResult {
            name: case.name.clone(),
            assessment: path.display().to_string(),
            office: card.office.clone(),
            framework: card.framework.clone(),
            passed: checks.iter().all(|c| c.passed),
            checks,
        });
    }
    Ok(FileReport {
        file: name.to_string(),
        cases,
    })
}

/// Where a case's framework comes from: each is loaded once per run.
#[derive(PartialEq, Eq, Hash)]
enum Source {
    File(PathBuf),
    Builtin(String, String),
}

/// Adds the case to every message of an error about one of its files.
fn in_case(e: Error, i: usize, case: &str, file: &str) -> Error {
    let problems = e
        .problems()
        .iter()
        .map(|p| Problem {
            path: p.path.clone(),
            message: format!("{} (case '{case}', cases[{i}] of {file})", p.message),
        })
        .collect();
    match (Error::from_problems(e.kind(), problems), e.file()) {
        (Some(out), Some(f)) => out.in_file(f),
        (Some(out), None) => out,
        (None, _) => e,
    }
}

/// `base` joined with a relative path, with `.` and `..` folded where possible
/// (`fixtures/../benchmarks/x.json` is `benchmarks/x.json`). Absolute paths stay as given.
fn join(base: &Path, rel: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for c in base.join(rel).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_folds_dots() {
        assert_eq!(
            join(Path::new("fixtures"), "../benchmarks/x.json"),
            PathBuf::from("benchmarks/x.json")
        );
        assert_eq!(join(Path::new(""), "./a.json"), PathBuf::from("a.json"));
        assert_eq!(join(Path::new(""), "../a.json"), PathBuf::from("../a.json"));
        assert_eq!(
            join(Path::new("x"), "/abs/a.json"),
            PathBuf::from("/abs/a.json")
        );
    }

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
        assert_eq!(e.problems()[0].path, "cases[0].expect.tire");
    }
}
