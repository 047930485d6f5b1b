//! Running expectation files: loading each case's assessment and framework (paths relative to
//! the file), rejecting expectations that can never pass, scoring, comparing.

use std::path::{Component, Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Expectations, FieldCheck};
use crate::assessment::{Assessment, FrameworkRef};
use crate::error::{Error, ErrorKind, Problem, Problems, Result};
use crate::framework::Framework;
use crate::load::shared::Shared;
use crate::score::{ScoreOptions, score};

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

/// Runs the cases of a parsed expectations file whose relative paths start at `base`.
/// `name` is the file's name for reports and errors.
///
/// Cases run one at a time: each distinct assessment or framework file is parsed once and
/// dropped after the last case that uses it, so forty cases on one large assessment hold one
/// parsed copy.
///
/// # Errors
///
/// As [`check_file`].
pub fn check(file: &Expectations, base: &Path, name: &str) -> Result<FileReport> {
    let paths: Vec<PathBuf> = file
        .cases
        .iter()
        .map(|c| join(base, &c.assessment))
        .collect();
    let framework_file = |case: &super::Case| {
        case.framework
            .as_ref()
            .or(file.framework.as_ref())
            .map(|rel| join(base, rel))
    };
    let mut assessments = Shared::new(paths.iter().cloned().enumerate());
    // Built-in frameworks are not listed: they are kept to the end (they are small).
    let mut frameworks = Shared::new(
        file.cases
            .iter()
            .enumerate()
            .filter_map(|(i, c)| framework_file(c).map(|f| (i, Source::File(f)))),
    );
    let mut p = Problems::default();
    let mut scoring_error = None;
    let mut cases = Vec::with_capacity(file.cases.len());
    for (i, (case, path)) in file.cases.iter().zip(&paths).enumerate() {
        let context = |e: Error| in_case(e, i, &case.name, name);
        let assessment = assessments
            .get(i, path, || Assessment::from_path(path))
            .map_err(context)?;
        let source = match framework_file(case) {
            Some(f) => Source::File(f),
            None => Source::Builtin(
                assessment.framework.id.clone(),
                assessment.framework.version.clone(),
            ),
        };
        let fw = frameworks
            .get(i, &source, || match &source {
                Source::File(f) => Framework::from_path(f),
                Source::Builtin(id, version) => Framework::builtin(id, version)
                    .map_err(|e| e.in_file(path.display().to_string())),
            })
            .map_err(context)?;
        case.expect
            .problems(&fw, &mut p, &format!("cases[{i}].expect"));
        // Once an expectation can never pass, or a case cannot be scored, the run is an error:
        // the remaining cases are only loaded and checked, to report every such problem.
        if p.len() > 0 || scoring_error.is_some() {
            continue;
        }
        let options = ScoreOptions {
            allow_version_mismatch: case
                .allow_version_mismatch
                .unwrap_or(file.allow_version_mismatch),
            ..ScoreOptions::default()
        };
        match score(&fw, &assessment, &options) {
            Ok(card) => {
                let checks = case.expect.compare(&card);
                cases.push(CaseResult {
                    name: case.name.clone(),
                    assessment: path.display().to_string(),
                    office: card.office.to_string(),
                    framework: FrameworkRef::of(card.framework()),
                    passed: checks.iter().all(|c| c.passed),
                    checks,
                });
            }
            Err(e) => {
                scoring_error = Some(in_case(
                    e.in_file(path.display().to_string()),
                    i,
                    &case.name,
                    name,
                ));
            }
        }
    }
    p.finish(ErrorKind::Invalid).map_err(|e| e.in_file(name))?;
    if let Some(e) = scoring_error {
        return Err(e);
    }
    Ok(FileReport {
        file: name.to_string(),
        cases,
    })
}

/// Where a case's framework comes from: each is loaded once per run (while cases use it).
#[derive(Clone, PartialEq, Eq, Hash)]
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
            location: p.location.clone(),
            message: format!("{} (case '{case}', cases[{i}] of {file})", p.message),
        })
        .collect();
    match (Error::from_problems(e.kind(), problems), e.file()) {
        (Some(out), Some(f)) => out.in_file(f),
        (Some(out), None) => out,
        (None, _) => e,
    }
}

/// `base` joined with a relative path, with `.` and `..` folded where that opens the same
/// file the operating system would (`fixtures/../benchmarks/x.json` is `benchmarks/x.json`).
/// A `..` folds only after an existing real directory: after a symbolic link the system goes
/// up from the link's target, not back to where the link is, and after a missing component it
/// fails; such a `..` is kept for the system to follow. Absolute paths stay as given.
fn join(base: &Path, rel: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for c in base.join(rel).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_)))
                    && std::fs::symlink_metadata(&out).is_ok_and(|m| m.is_dir()) =>
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
        // A missing folder is not folded away: the system would fail on it.
        assert_eq!(
            join(Path::new("fixtures"), "no-such-folder/../mali-2020.json"),
            PathBuf::from("fixtures/no-such-folder/../mali-2020.json")
        );
        assert_eq!(
            join(Path::new("x"), "/abs/a.json"),
            PathBuf::from("/abs/a.json")
        );
    }
}
