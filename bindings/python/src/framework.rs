//! `gs.Framework`: a validated framework, shared (`Arc`) by every scorecard and planner made
//! with it. Built-in frameworks are parsed once per process.

use std::sync::{Arc, Mutex, PoisonError};

use gender_seal::framework::builtin_frameworks;
use gender_seal::i18n::Lang;
use gender_seal::report::Rendered;
use gender_seal::{Error, Format, Framework};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::errors::OrRaise;
use crate::source::Source;

/// The built-in frameworks parsed so far, by id and version.
static BUILTINS: Mutex<Vec<(&str, &str, Arc<Framework>)>> = Mutex::new(Vec::new());

/// A built-in framework, parsed on first use and shared afterwards; without a version, the
/// newest of the id.
///
/// # Errors
///
/// As [`Framework::builtin`] and [`Framework::builtin_latest`].
pub fn builtin(id: &str, version: Option<&str>) -> Result<Arc<Framework>, Error> {
    let mut same_id = builtin_frameworks().filter(|&(i, _)| i == id);
    let found = match version {
        Some(v) => same_id.find(|&(_, w)| w == v),
        None => same_id.last(),
    };
    let Some((id, version)) = found else {
        // The library's own error for a framework it does not have.
        return match version {
            Some(v) => Framework::builtin(id, v),
            None => Framework::builtin_latest(id),
        }
        .map(Arc::new);
    };
    let mut cache = BUILTINS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, _, fw)) = cache.iter().find(|(i, v, _)| *i == id && *v == version) {
        return Ok(Arc::clone(fw));
    }
    let fw = Arc::new(Framework::builtin(id, version)?);
    cache.push((id, version, Arc::clone(&fw)));
    Ok(fw)
}

/// A lang argument (`en`, `fr`, `fr-FR`).
pub fn lang(tag: &str) -> Result<Lang, Error> {
    tag.parse::<Lang>()
        .map_err(|m| crate::errors::bad_argument("lang", m))
}

/// A format argument: any format the library renders (`text`, `markdown`, `json`, `xlsx`, ...).
pub fn format(name: &str) -> Result<Format, Error> {
    name.parse::<Format>()
        .map_err(|m| crate::errors::bad_argument("format", m))
}

/// A rendered report as Python sees it: `str` for a textual format, `bytes` for a binary one
/// (`xlsx`).
pub fn rendered<'py>(py: Python<'py>, report: Rendered) -> Bound<'py, PyAny> {
    match report {
        Rendered::Text(text) => PyString::new(py, &text).into_any(),
        Rendered::Binary(bytes) => PyBytes::new(py, &bytes).into_any(),
    }
}

/// A validated Seal framework: dimensions, benchmarks, rating scale, tier ladder, rounding.
///
/// Make one with `Framework.builtin(id)`, `.from_path(path)`, `.from_json(text)` or
/// `.from_dict(d)`; it is immutable and shared by every scorecard scored against it.
#[pyclass(frozen, module = "gender_seal", name = "Framework")]
pub struct PyFramework {
    pub fw: Arc<Framework>,
}

impl PyFramework {
    fn load(py: Python<'_>, source: &Source) -> PyResult<PyFramework> {
        source
            .load(|p| Framework::from_path(p), Framework::from_json)
            .map(|fw| PyFramework { fw: Arc::new(fw) })
            .or_raise(py)
    }

    /// A framework argument: a `Framework`, or a path, JSON text or dict to load.
    pub fn argument(obj: &Bound<'_, PyAny>) -> PyResult<Arc<Framework>> {
        if let Ok(f) = obj.cast::<PyFramework>() {
            return Ok(Arc::clone(&f.get().fw));
        }
        let source = Source::of(obj, "a Framework")?;
        Ok(PyFramework::load(obj.py(), &source)?.fw)
    }
}

#[pymethods]
impl PyFramework {
    /// A framework built into the library; without `version`, the newest version of `id`
    /// (the one a new assessment should name).
    #[staticmethod]
    #[pyo3(signature = (id, version = None))]
    fn builtin(py: Python<'_>, id: &str, version: Option<&str>) -> PyResult<PyFramework> {
        builtin(id, version)
            .map(|fw| PyFramework { fw })
            .or_raise(py)
    }

    /// The built-in frameworks as `(id, version)` pairs, each id's versions oldest first.
    #[staticmethod]
    fn builtins() -> Vec<(&'static str, &'static str)> {
        builtin_frameworks().collect()
    }

    /// Reads and validates a framework file; errors name the file.
    #[staticmethod]
    fn from_path(path: &Bound<'_, PyAny>) -> PyResult<PyFramework> {
        PyFramework::load(path.py(), &Source::Path(Source::path(path)?))
    }

    /// Parses and validates a framework from JSON text (`str` or `bytes`).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<PyFramework> {
        PyFramework::load(text.py(), &Source::json(text)?)
    }

    /// Validates a framework given as a dict (numbers as `Decimal`, `int` or decimal strings;
    /// a `float` is refused).
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<PyFramework> {
        PyFramework::load(d.py(), &Source::dict(d)?)
    }

    /// Framework id.
    #[getter]
    fn id(&self) -> &str {
        self.fw.id()
    }

    /// Framework version.
    #[getter]
    fn version(&self) -> &str {
        self.fw.version()
    }

    /// The title in a language (English when the file has no text in it).
    #[pyo3(signature = (lang = "en"))]
    fn title(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        let lang = self::lang(lang).or_raise(py)?;
        Ok(self.fw.title().get(lang).to_string())
    }

    /// Benchmark ids, in framework order.
    #[getter]
    fn benchmark_ids(&self) -> Vec<String> {
        self.fw
            .benchmarks()
            .iter()
            .map(|b| b.id.to_string())
            .collect()
    }

    /// Dimension ids, in framework order.
    #[getter]
    fn dimension_ids(&self) -> Vec<String> {
        self.fw
            .dimensions()
            .iter()
            .map(|d| d.id.to_string())
            .collect()
    }

    /// Tier ids, lowest first.
    #[getter]
    fn tier_ids(&self) -> Vec<String> {
        self.fw.tiers().iter().map(|t| t.id.to_string()).collect()
    }

    /// The summary `gender-seal validate --format json` prints, as Python values (decimals
    /// as strings, as in that JSON).
    #[pyo3(signature = (lang = "en"))]
    fn summary<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        let lang = self::lang(lang).or_raise(py)?;
        let json = gender_seal::report::framework_summary(&self.fw, Format::Json, lang);
        crate::convert::json_to_py(py, json.text().unwrap_or_default())
    }

    /// The summary `gender-seal validate` prints, in a format and language.
    #[pyo3(signature = (format = "text", lang = "en"))]
    fn report<'py>(
        &self,
        py: Python<'py>,
        format: &str,
        lang: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let format = self::format(format).or_raise(py)?;
        let lang = self::lang(lang).or_raise(py)?;
        let report = gender_seal::report::framework_summary(&self.fw, format, lang);
        Ok(rendered(py, report))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Framework {} {}: {} benchmarks in {} dimensions, {} tiers>",
            self.fw.id(),
            self.fw.version(),
            self.fw.benchmarks().len(),
            self.fw.dimensions().len(),
            self.fw.tiers().len()
        )
    }
}
