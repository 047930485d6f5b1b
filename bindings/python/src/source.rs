//! Where a document comes from: a path (`str` or `os.PathLike`), JSON text (`str` starting
//! with `{`, or `bytes`) or a dict. Every kind is read by the library's own loaders: a path by
//! its file reader (errors name the file), the rest by its JSON reader (a dict is first written
//! as JSON by [`crate::convert::to_json`]).

use std::path::{Path, PathBuf};

use gender_seal::Error;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use crate::errors::OrRaise;

/// A document to load.
pub enum Source {
    /// A file.
    Path(PathBuf),
    /// JSON text (from a string or bytes).
    Json(Vec<u8>),
    /// JSON written from a dict: positions in that text mean nothing to the caller, so
    /// messages leave them out.
    Dict(Vec<u8>),
}

impl Source {
    /// Reads a source argument; `what` names the document kind for the type error.
    pub fn of(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Source> {
        let py = obj.py();
        if let Ok(s) = obj.cast::<PyString>() {
            let text = s.to_cow()?;
            return Ok(if text.trim_start().starts_with('{') {
                Source::Json(text.as_bytes().to_vec())
            } else {
                Source::Path(PathBuf::from(text.into_owned()))
            });
        }
        if let Ok(b) = obj.cast::<PyBytes>() {
            return Ok(Source::Json(b.as_bytes().to_vec()));
        }
        if let Ok(d) = obj.cast::<PyDict>() {
            return crate::convert::to_json(d.as_any())
                .map(Source::Dict)
                .or_raise(py);
        }
        if obj.hasattr("__fspath__")? {
            let path: PathBuf = py.import("os")?.call_method1("fspath", (obj,))?.extract()?;
            return Ok(Source::Path(path));
        }
        Err(PyTypeError::new_err(format!(
            "expected {what}, a path, a JSON string or a dict, not '{}'",
            obj.get_type().name()?
        )))
    }

    /// A path argument (`str` or `os.PathLike`).
    pub fn path(obj: &Bound<'_, PyAny>) -> PyResult<PathBuf> {
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(PathBuf::from(s.to_cow()?.into_owned()));
        }
        obj.py()
            .import("os")?
            .call_method1("fspath", (obj,))?
            .extract()
    }

    /// JSON text given as `str` or `bytes`.
    pub fn json(obj: &Bound<'_, PyAny>) -> PyResult<Source> {
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(Source::Json(s.to_cow()?.as_bytes().to_vec()));
        }
        if let Ok(b) = obj.cast::<PyBytes>() {
            return Ok(Source::Json(b.as_bytes().to_vec()));
        }
        Err(PyTypeError::new_err(format!(
            "expected JSON text as str or bytes, not '{}'",
            obj.get_type().name()?
        )))
    }

    /// A dict, written as JSON.
    pub fn dict(obj: &Bound<'_, PyAny>) -> PyResult<Source> {
        let d = obj.cast::<PyDict>().map_err(|_| {
            PyTypeError::new_err(format!(
                "expected a dict, not '{}'",
                obj.get_type()
                    .name()
                    .map_or_else(|_| "?".into(), |n| n.to_string())
            ))
        })?;
        crate::convert::to_json(d.as_any())
            .map(Source::Dict)
            .or_raise(obj.py())
    }

    /// The file name errors of later stages name (`None` for JSON text and dicts).
    pub fn file(&self) -> Option<String> {
        match self {
            Source::Path(p) => Some(p.display().to_string()),
            Source::Json(_) | Source::Dict(_) => None,
        }
    }

    /// Loads the document: `from_path` for a file, `from_json` for text.
    pub fn load<T>(
        &self,
        from_path: impl FnOnce(&Path) -> Result<T, Error>,
        from_json: impl FnOnce(&[u8]) -> Result<T, Error>,
    ) -> Result<T, Error> {
        match self {
            Source::Path(p) => from_path(p),
            Source::Json(bytes) => from_json(bytes),
            Source::Dict(bytes) => from_json(bytes).map_err(without_positions),
        }
    }
}

/// The error without the `at line L column C` the JSON reader adds to its messages.
fn without_positions(e: Error) -> Error {
    let problems = e.problems().iter().map(|p| {
        let mut p = p.clone();
        if let Some(at) = p.message.rfind(" at line ") {
            let rest = &p.message[at + " at line ".len()..];
            let mut words = rest.split(' ');
            let is_position = matches!(
                (words.next(), words.next(), words.next(), words.next()),
                (Some(l), Some("column"), Some(c), None)
                    if l.bytes().all(|b| b.is_ascii_digit()) && c.bytes().all(|b| b.is_ascii_digit())
            );
            if is_position {
                p.message.truncate(at);
            }
        }
        p
    });
    Error::from_problems(e.kind(), problems.collect()).unwrap_or(e)
}

/// Names `file` in an error, when there is one.
pub fn in_file(e: Error, file: Option<&str>) -> Error {
    match file {
        Some(f) => e.in_file(f),
        None => e,
    }
}
