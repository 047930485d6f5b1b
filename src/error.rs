//! One error type for the whole library: a kind to match on, the file (when the caller named
//! one), and every problem found, each with its [`Location`] in the file (a JSON path, a
//! spreadsheet cell, a CSV line) or on the command line (a flag).

use std::fmt;

/// What went wrong, broadly. Match on this rather than on message texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    Io,
    /// The bytes are not JSON (syntax error, empty file, too deeply nested, too large).
    Syntax,
    /// The JSON does not have the expected shape: a wrong type, a missing or unknown field,
    /// a number out of range or too precise.
    Format,
    /// The shape is right but the content is inconsistent: unknown or duplicate ids, a ladder
    /// that is not monotone, a gate on an unknown benchmark, evidence for an unknown benchmark…
    Invalid,
    /// An assessment, plan or expectation names another framework than the one given.
    FrameworkMismatch,
    /// The input is valid but cannot be scored (no applicable benchmark at all).
    NotScorable,
    /// The caller asked for something the inputs cannot give (a committed cost above the
    /// budget, an unknown target tier, a search too large to answer exactly).
    Request,
}

impl ErrorKind {
    /// The kind's snake_case name, as the bindings hand it to their hosts
    /// (`ErrorKind::FrameworkMismatch.name()` is `"framework_mismatch"`).
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Syntax => "syntax",
            ErrorKind::Format => "format",
            ErrorKind::Invalid => "invalid",
            ErrorKind::FrameworkMismatch => "framework_mismatch",
            ErrorKind::NotScorable => "not_scorable",
            ErrorKind::Request => "request",
        }
    }
}

/// Where a problem is.
///
/// ```
/// use gender_seal::Location;
/// assert_eq!(Location::Json("dimensions[2].weight".into()).to_string(), "dimensions[2].weight");
/// let cell = Location::Cell { sheet: "Assessment".into(), cell: "D14".into() };
/// assert_eq!(cell.to_string(), "Assessment!D14");
/// assert_eq!(Location::Line { line: 7, column: Some("rating".into()) }.to_string(), "line 7, column rating");
/// assert_eq!(Location::Flag("--budget".into()), "--budget");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Location {
    /// The JSON path of the offending value (`dimensions[2].benchmarks[0].weight`); empty for
    /// the document as a whole.
    Json(String),
    /// A cell of a spreadsheet: its sheet and its A1 reference.
    Cell {
        /// Sheet name.
        sheet: String,
        /// Cell reference (`D14`).
        cell: String,
    },
    /// A line of a CSV file (1-based) and, when known, the column's header.
    Line {
        /// Line number, from 1.
        line: usize,
        /// The column's header.
        column: Option<String>,
    },
    /// A command-line flag or argument (`--budget`).
    Flag(String),
}

impl Location {
    /// Whether the problem concerns the document as a whole.
    pub fn is_document(&self) -> bool {
        matches!(self, Location::Json(p) if p.is_empty())
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Json(path) => f.write_str(path),
            Location::Cell { sheet, cell } => write!(f, "{sheet}!{cell}"),
            Location::Line { line, column: None } => write!(f, "line {line}"),
            Location::Line {
                line,
                column: Some(c),
            } => write!(f, "line {line}, column {c}"),
            Location::Flag(flag) => f.write_str(flag),
        }
    }
}

/// A location equals the text it displays as (`"evidence.IC2.rating"`, `"Assessment!D14"`).
impl PartialEq<str> for Location {
    fn eq(&self, other: &str) -> bool {
        match self {
            Location::Json(p) | Location::Flag(p) => p == other,
            Location::Cell { sheet, cell } => other.split_once('!') == Some((sheet, cell)),
            Location::Line { .. } => {
                let shown = self.to_string();
                shown == other
            }
        }
    }
}

impl PartialEq<&str> for Location {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

/// One problem: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the offending value is.
    pub location: Location,
    /// Lowercase, specific message quoting the bad value.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_document() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.location, self.message)
        }
    }
}

/// The library's error: a kind, the file it concerns (if the caller named one) and at least
/// one problem.
///
/// ```
/// use gender_seal::{ErrorKind, Framework};
/// let err = Framework::from_json(b"{\"id\": 1}").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Format);
/// assert_eq!(err.problems()[0].location, "id");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    file: Option<String>,
    problems: Vec<Problem>,
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error with a single problem at a JSON path (empty: the whole document).
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::at(kind, Location::Json(path.into()), message)
    }

    /// An error with a single problem at a location.
    pub fn at(kind: ErrorKind, location: Location, message: impl Into<String>) -> Self {
        Error {
            kind,
            file: None,
            problems: vec![Problem {
                location,
                message: message.into(),
            }],
        }
    }

    /// An error with several problems (validation reports all it finds). `None` when the list
    /// is empty.
    pub fn from_problems(kind: ErrorKind, problems: Vec<Problem>) -> Option<Self> {
        if problems.is_empty() {
            None
        } else {
            Some(Error {
                kind,
                file: None,
                problems,
            })
        }
    }

    /// Names the file this error concerns (kept if one is already set: the innermost file is
    /// the one at fault).
    #[must_use]
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        if self.file.is_none() {
            self.file = Some(file.into());
        }
        self
    }

    /// Prefixes every problem's JSON path, for documents embedded in others.
    #[must_use]
    pub fn at_path(mut self, prefix: &str) -> Self {
        for p in &mut self.problems {
            if let Location::Json(path) = &mut p.location {
                *path = join_path(prefix, path);
            }
        }
        self
    }

    /// The same error with each problem's location replaced where `f` gives another (a JSON
    /// path of a document read from a sheet becomes the cell it came from).
    #[must_use]
    #[cfg(feature = "office")]
    pub(crate) fn map_locations(mut self, f: impl Fn(&Location) -> Option<Location>) -> Self {
        for p in &mut self.problems {
            if let Some(l) = f(&p.location) {
                p.location = l;
            }
        }
        self
    }

    /// The broad kind of failure.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file the error concerns, when known.
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// Every problem found (at least one).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

/// Problems an error's message lists one per line; the rest are counted ("and N more"), and
/// all stay in [`Error::problems`].
pub const MAX_PROBLEMS: usize = 100;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().take(MAX_PROBLEMS).enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            if let Some(file) = &self.file {
                write!(f, "{file}: ")?;
            }
            write!(f, "{p}")?;
        }
        let more = self.problems.len().saturating_sub(MAX_PROBLEMS);
        if more > 0 {
            f.write_str("\n")?;
            if let Some(file) = &self.file {
                write!(f, "{file}: ")?;
            }
            let s = if more == 1 { "" } else { "s" };
            write!(f, "and {more} more problem{s}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Joins two JSON path fragments: `join_path("a", "b")` is `a.b`, `join_path("a", "[0]")` is
/// `a[0]`.
pub(crate) fn join_path(prefix: &str, rest: &str) -> String {
    if prefix.is_empty() {
        rest.to_string()
    } else if rest.is_empty() {
        prefix.to_string()
    } else if rest.starts_with('[') {
        format!("{prefix}{rest}")
    } else {
        format!("{prefix}.{rest}")
    }
}

/// Collects problems during validation.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    list: Vec<Problem>,
    /// Work spent on "did you mean" suggestions for these problems (`did_you_mean::suggest`
    /// keeps it under its budget); a `Cell` because suggestions are worded while a problem is
    /// being pushed.
    pub(crate) suggestion_work: std::cell::Cell<usize>,
}

impl Problems {
    pub(crate) fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.list.push(Problem {
            location: Location::Json(path.into()),
            message: message.into(),
        });
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// `Ok(())` when nothing was found, else one error of `kind` holding every problem.
    pub(crate) fn finish(self, kind: ErrorKind) -> Result<()> {
        match Error::from_problems(kind, self.list) {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_snake_case_debug_names() {
        for kind in [
            ErrorKind::Io,
            ErrorKind::Syntax,
            ErrorKind::Format,
            ErrorKind::Invalid,
            ErrorKind::FrameworkMismatch,
            ErrorKind::NotScorable,
            ErrorKind::Request,
        ] {
            let debug = format!("{kind:?}");
            let snake: String = debug
                .char_indices()
                .flat_map(|(i, c)| {
                    let sep = (i > 0 && c.is_ascii_uppercase()).then_some('_');
                    sep.into_iter().chain([c.to_ascii_lowercase()])
                })
                .collect();
            assert_eq!(kind.name(), snake);
        }
    }

    #[test]
    fn display_names_file_path_and_problem() {
        let e = Error::new(
            ErrorKind::Invalid,
            "dimensions[2].weight",
            "weight must be positive",
        )
        .in_file("f.json");
        assert_eq!(
            e.to_string(),
            "f.json: dimensions[2].weight: weight must be positive"
        );
    }

    #[test]
    fn innermost_file_wins_and_paths_join() {
        let e = Error::new(ErrorKind::Syntax, "[0]", "x")
            .in_file("inner.json")
            .in_file("outer.json")
            .at_path("cases");
        assert_eq!(e.file(), Some("inner.json"));
        assert_eq!(e.problems()[0].location, "cases[0]");
        assert_eq!(join_path("a", "b"), "a.b");
        assert_eq!(join_path("", "b"), "b");
        assert_eq!(join_path("a", ""), "a");
    }

    #[test]
    fn the_message_lists_the_first_problems_and_counts_the_rest() {
        let problem = |i: usize| Problem {
            location: Location::Json(format!("x[{i}]")),
            message: "bad".into(),
        };
        let e = Error::from_problems(ErrorKind::Invalid, (0..MAX_PROBLEMS).map(problem).collect());
        let e = e
            .map(|e| e.in_file("f.json").to_string())
            .unwrap_or_default();
        assert_eq!(e.lines().count(), MAX_PROBLEMS);
        for (more, last) in [(1, "and 1 more problem"), (2500, "and 2500 more problems")] {
            let all = (0..MAX_PROBLEMS + more).map(problem).collect();
            let e = Error::from_problems(ErrorKind::Invalid, all).map(|e| e.in_file("f.json"));
            let text = e.as_ref().map(|e| e.to_string()).unwrap_or_default();
            assert_eq!(text.lines().count(), MAX_PROBLEMS + 1);
            assert_eq!(
                text.lines().last(),
                Some(format!("f.json: {last}").as_str())
            );
            assert_eq!(e.map(|e| e.problems().len()), Some(MAX_PROBLEMS + more));
        }
    }

    #[test]
    fn empty_problem_list_is_no_error() {
        assert!(Error::from_problems(ErrorKind::Invalid, vec![]).is_none());
        assert!(Problems::default().finish(ErrorKind::Invalid).is_ok());
    }
}
