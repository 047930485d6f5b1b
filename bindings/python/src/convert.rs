//! Exact numbers across the boundary. Out: the library's decimals become `decimal.Decimal`,
//! built from their normalised strings. In: a Python value (dicts, lists, strings, `int`,
//! `Decimal`, booleans, None) is written as JSON text, every number as a bare JSON number
//! token, so that the library's own JSON readers check it, with their paths and messages; a
//! `float` is refused, naming its path, since no binary floating point may touch a score.

use gender_seal::num::format_decimal;
use gender_seal::{Decimal, Error, ErrorKind, MAX_DOCUMENT_BYTES, Number};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};

/// How deep a document may nest: the JSON reader's limit.
const MAX_DEPTH: usize = 128;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The `decimal.Decimal` type.
fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// A library decimal as a `decimal.Decimal` (normalised: `74`, `74.359`).
pub fn decimal(py: Python<'_>, d: Decimal) -> PyResult<Bound<'_, PyAny>> {
    decimal_type(py)?.call1((format_decimal(d),))
}

/// An optional decimal as a `Decimal` or None.
pub fn opt_decimal(py: Python<'_>, d: Option<Decimal>) -> PyResult<Option<Bound<'_, PyAny>>> {
    d.map(|d| decimal(py, d)).transpose()
}

/// An input number as a `Decimal`.
pub fn number(py: Python<'_>, n: Number) -> PyResult<Bound<'_, PyAny>> {
    decimal(py, n.value())
}

/// JSON text as Python values (`json.loads`): objects become dicts, decimals stay the strings
/// the library writes.
pub fn json_to_py<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let loads = JSON_LOADS.get_or_try_init(py, || {
        py.import("json")?.getattr("loads").map(Bound::unbind)
    })?;
    loads.bind(py).call1((text,))
}

/// The name serde gives a unit enum value (`rated_directly`, `documented`).
pub fn serde_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// A number given as an argument (`budget`): a `Decimal`, an `int` or a decimal string; a
/// `float` is refused.
pub fn number_argument(obj: &Bound<'_, PyAny>, parameter: &str) -> Result<Number, Error> {
    let bad = |m: String| crate::errors::bad_argument(parameter, m);
    if obj.is_instance_of::<PyFloat>() {
        return Err(bad(float_message(obj)));
    }
    let is_number = obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>()
        || decimal_type(obj.py()).is_ok_and(|t| obj.is_instance(t).unwrap_or(false));
    let text = if let Ok(s) = obj.cast::<PyString>() {
        s.to_cow()
            .map(std::borrow::Cow::into_owned)
            .map_err(|_| bad(UNICODE.into()))?
    } else if is_number {
        obj.str()
            .map(|s| s.to_string())
            .map_err(|e| bad(e.to_string()))?
    } else {
        return Err(bad(format!(
            "expected a Decimal, an int or a decimal string, not {}",
            type_name(obj)
        )));
    };
    text.parse::<Number>().map_err(bad)
}

const UNICODE: &str = "the text is not valid Unicode (it holds a lone surrogate)";

/// Why a float is refused, with the exact ways to say the same number.
fn float_message(obj: &Bound<'_, PyAny>) -> String {
    let shown = obj
        .repr()
        .map_or_else(|_| "the value".to_string(), |r| r.to_string());
    format!(
        "{shown} is a float, which cannot hold most decimals exactly; give Decimal(\"{shown}\"), an int or the string \"{shown}\""
    )
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "this type".to_string(), |n| format!("'{n}'"))
}

/// Writes a Python value as one JSON document.
///
/// # Errors
///
/// [`ErrorKind::Format`] at the value's path for a float, a non-finite `Decimal`, a key that
/// is not a string or a value of another type; [`ErrorKind::Syntax`] for a document deeper
/// than the JSON reader's limit or larger than [`MAX_DOCUMENT_BYTES`].
pub fn to_json(obj: &Bound<'_, PyAny>) -> Result<Vec<u8>, Error> {
    let mut w = Writer {
        out: Vec::with_capacity(4096),
        path: String::new(),
        decimal: decimal_type(obj.py()).ok().cloned(),
    };
    w.value(obj, 0)?;
    Ok(w.out)
}

struct Writer<'py> {
    out: Vec<u8>,
    /// The JSON path of the value being written, as the library writes paths.
    path: String,
    decimal: Option<Bound<'py, PyType>>,
}

impl Writer<'_> {
    fn fail(&self, kind: ErrorKind, message: impl Into<String>) -> Error {
        Error::new(kind, self.path.clone(), message)
    }

    fn value(&mut self, obj: &Bound<'_, PyAny>, depth: usize) -> Result<(), Error> {
        if self.out.len() > MAX_DOCUMENT_BYTES {
            return Err(Error::new(
                ErrorKind::Syntax,
                "",
                format!("document too large: more than {MAX_DOCUMENT_BYTES} bytes"),
            ));
        }
        if depth > MAX_DEPTH {
            return Err(Error::new(
                ErrorKind::Syntax,
                "",
                format!("document nests more than {MAX_DEPTH} levels"),
            ));
        }
        if obj.is_none() {
            self.out.extend_from_slice(b"null");
        } else if let Ok(b) = obj.cast::<PyBool>() {
            let text: &[u8] = if b.is_true() { b"true" } else { b"false" };
            self.out.extend_from_slice(text);
        } else if obj.is_instance_of::<PyInt>() {
            let text = obj
                .str()
                .map_err(|e| self.fail(ErrorKind::Format, e.to_string()))?;
            self.out.extend_from_slice(text.to_string().as_bytes());
        } else if obj.is_instance_of::<PyFloat>() {
            return Err(self.fail(ErrorKind::Format, float_message(obj)));
        } else if let Ok(s) = obj.cast::<PyString>() {
            let s = s
                .to_cow()
                .map_err(|_| self.fail(ErrorKind::Format, UNICODE))?;
            serde_json::to_writer(&mut self.out, &*s)
                .map_err(|e| self.fail(ErrorKind::Format, e.to_string()))?;
        } else if let Ok(d) = obj.cast::<PyDict>() {
            self.object(d, depth)?;
        } else if let Ok(l) = obj.cast::<PyList>() {
            self.array(l.iter(), depth)?;
        } else if let Ok(t) = obj.cast::<PyTuple>() {
            self.array(t.iter(), depth)?;
        } else if self
            .decimal
            .as_ref()
            .is_some_and(|t| obj.is_instance(t).unwrap_or(false))
        {
            self.decimal_value(obj)?;
        } else {
            return Err(self.fail(
                ErrorKind::Format,
                format!(
                    "a value of type {} cannot be read; give dicts, lists, strings, Decimal or int numbers, booleans or None",
                    type_name(obj)
                ),
            ));
        }
        Ok(())
    }

    fn object(&mut self, d: &Bound<'_, PyDict>, depth: usize) -> Result<(), Error> {
        self.out.push(b'{');
        for (i, (k, v)) in d.iter().enumerate() {
            let Ok(key) = k.cast::<PyString>() else {
                return Err(self.fail(
                    ErrorKind::Format,
                    format!(
                        "key {} is not a string; object keys are strings",
                        k.repr().map_or_else(|_| "?".to_string(), |r| r.to_string())
                    ),
                ));
            };
            let key = key
                .to_cow()
                .map_err(|_| self.fail(ErrorKind::Format, UNICODE))?;
            if i > 0 {
                self.out.push(b',');
            }
            serde_json::to_writer(&mut self.out, &*key)
                .map_err(|e| self.fail(ErrorKind::Format, e.to_string()))?;
            self.out.push(b':');
            let len = self.path.len();
            if !self.path.is_empty() {
                self.path.push('.');
            }
            self.path.push_str(&key);
            self.value(&v, depth + 1)?;
            self.path.truncate(len);
        }
        self.out.push(b'}');
        Ok(())
    }

    fn array<'py>(
        &mut self,
        items: impl Iterator<Item = Bound<'py, PyAny>>,
        depth: usize,
    ) -> Result<(), Error> {
        self.out.push(b'[');
        for (i, v) in items.enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            let len = self.path.len();
            self.path.push_str(&format!("[{i}]"));
            self.value(&v, depth + 1)?;
            self.path.truncate(len);
        }
        self.out.push(b']');
        Ok(())
    }

    /// A `Decimal` as its own text, which is a JSON number token when it is finite.
    fn decimal_value(&mut self, obj: &Bound<'_, PyAny>) -> Result<(), Error> {
        let text = obj
            .str()
            .map_err(|e| self.fail(ErrorKind::Format, e.to_string()))?
            .to_string();
        if !is_json_number(&text) {
            return Err(self.fail(
                ErrorKind::Format,
                format!("Decimal('{text}') is not a finite number"),
            ));
        }
        self.out.extend_from_slice(text.as_bytes());
        Ok(())
    }
}

/// Whether `s` is a JSON number token: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let int_start = i;
    let n = digits(&mut i);
    if n == 0 || (n > 1 && b[int_start] == b'0') {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::is_json_number;

    #[test]
    fn decimal_texts_that_are_json_numbers() {
        for ok in ["0", "-0", "74.359", "1E+2", "1e-7", "0E-7", "-12.5", "100"] {
            assert!(is_json_number(ok), "{ok}");
        }
        for bad in [
            "",
            "-",
            "NaN",
            "sNaN",
            "Infinity",
            "-Infinity",
            "01",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
        ] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }
}
