//! The library's [`Error`] as a Python exception: `SealError`, a `ValueError` whose `.kind` is
//! the error kind's name, `.problems` every problem with its location and message, `.file` the
//! file at fault, and whose `str()` is the library's message (what the command line prints
//! after `error: `).

use gender_seal::{Error, ErrorKind, Location};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

pyo3::create_exception!(
    gender_seal,
    SealError,
    pyo3::exceptions::PyValueError,
    "Bad input or an impossible request: the library's error.\n\n`kind` is the error kind (`syntax`, `format`, `invalid`, `framework_mismatch`, `not_scorable`, `request`, `io`), `problems` every problem found (each with `path` and `message`), `file` the file at fault or None; `str()` is the command line's message."
);

/// One problem of a [`SealError`]: where it is and what is wrong.
#[pyclass(frozen, eq, hash, module = "gender_seal")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Problem {
    /// The location as text: a JSON path (`evidence.IC2.rating`), a parameter (`lang`), or ""
    /// for the document as a whole.
    #[pyo3(get)]
    path: String,
    /// What is wrong, quoting the bad value.
    #[pyo3(get)]
    message: String,
}

#[pymethods]
impl Problem {
    fn __repr__(&self) -> String {
        format!(
            "Problem(path={}, message={})",
            crate::repr::quote(&self.path),
            crate::repr::quote(&self.message)
        )
    }

    /// `path: message`, or the message alone for the whole document.
    fn __str__(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            format!("{}: {}", self.path, self.message)
        }
    }
}

/// The library's error as a raised `SealError`.
pub fn seal_error(py: Python<'_>, e: &Error) -> PyErr {
    let err = SealError::new_err(e.to_string());
    if let Err(failed) = describe(py, &err, e) {
        return failed;
    }
    err
}

/// Sets `kind`, `problems` and `file` on the exception value.
fn describe(py: Python<'_>, err: &PyErr, e: &Error) -> PyResult<()> {
    let value = err.value(py);
    value.setattr("kind", e.kind().name())?;
    let problems = e.problems().iter().map(|p| Problem {
        path: p.location.to_string(),
        message: p.message.clone(),
    });
    let problems: Vec<Py<Problem>> = problems.map(|p| Py::new(py, p)).collect::<PyResult<_>>()?;
    value.setattr("problems", PyTuple::new(py, problems)?)?;
    value.setattr("file", e.file())?;
    Ok(())
}

/// Raises a library result's error: `result.or_raise(py)?`.
pub trait OrRaise<T> {
    /// The value, or the error raised as a `SealError`.
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, Error> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| seal_error(py, &e))
    }
}

/// A bad argument of a call (`lang`, `format`, `target`...): a `request` error located at
/// the parameter's name.
pub fn bad_argument(parameter: &str, message: impl Into<String>) -> Error {
    Error::at(
        ErrorKind::Request,
        Location::Flag(parameter.to_string()),
        message,
    )
}
