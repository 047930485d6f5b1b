//! One error type for the whole library: a kind to match on, the file (when the caller named
//! one), and every problem found, each with its JSON path.

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

/// One problem: where it is (a JSON path such as `dimensions[2].benchmarks[0].weight`, empty
/// for the whole document) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value; empty for the document as a whole.
    pub path: String,
    /// Lowercase, specific message quoting the bad value.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
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
/// assert_eq!(err.problems()[0].path, "id");
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
    /// An error with a single problem.
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            kind,
            file: None,
            problems: vec![Problem {
                path: path.into(),
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

    /// Prefixes every problem's path, for documents embedded in others.
    #[must_use]
    pub fn at_path(mut self, prefix: &str) -> Self {
        for p in &mut self.problems {
            p.path = join_path(prefix, &p.path);
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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            if let Some(file) = &self.file {
                write!(f, "{file}: ")?;
            }
            write!(f, "{p}")?;
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
pub(crate) struct Problems(Vec<Problem>);

impl Problems {
    pub(crate) fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    /// `Ok(())` when nothing was found, else one error of `kind` holding every problem.
    pub(crate) fn finish(self, kind: ErrorKind) -> Result<()> {
        match Error::from_problems(kind, self.0) {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(e.problems()[0].path, "cases[0]");
        assert_eq!(join_path("a", "b"), "a.b");
        assert_eq!(join_path("", "b"), "b");
        assert_eq!(join_path("a", ""), "a");
    }

    #[test]
    fn empty_problem_list_is_no_error() {
        assert!(Error::from_problems(ErrorKind::Invalid, vec![]).is_none());
        assert!(Problems::default().finish(ErrorKind::Invalid).is_ok());
    }
}
