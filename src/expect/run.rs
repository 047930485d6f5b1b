//! Running expectation files: loading each case's assessment and framework (paths relative to
//! the file), rejecting expectations that can never pass, scoring, comparing.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Expectations, FieldCheck};
use crate::assessment::{Assessment, FrameworkRef};
use crate::error::{Error, ErrorKind, Problem, Problems, Result};
use crate::framework::Framework;
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
            office: card.office.to_string(),
            framework: FrameworkRef::of(card.framework),
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
}
