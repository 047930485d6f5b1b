//! `gs.Assessment`: one office's evidence, parsed once and shared; it remembers the file it
//! came from (errors of scoring name it, as the command line's do) and, once asked, the
//! built-in framework it names.

use std::sync::{Arc, OnceLock};

use gender_seal::{Assessment, Error, Framework};
use pyo3::prelude::*;

use crate::errors::OrRaise;
use crate::source::{Source, in_file};

/// One office's evidence against a framework (parsed; checked against a framework when
/// scored).
///
/// Make one with `Assessment.from_path(path)`, `.from_json(text)` or `.from_dict(d)`.
#[pyclass(frozen, module = "gender_seal", name = "Assessment")]
pub struct PyAssessment {
    pub assessment: Arc<Assessment>,
    /// The file it was read from.
    pub file: Option<String>,
    /// The built-in framework it names, once looked up.
    named: OnceLock<Arc<Framework>>,
}

impl PyAssessment {
    fn load(py: Python<'_>, source: &Source) -> PyResult<PyAssessment> {
        let assessment = source
            .load(|p| Assessment::from_path(p), Assessment::from_json)
            .or_raise(py)?;
        Ok(PyAssessment {
            assessment: Arc::new(assessment),
            file: source.file(),
            named: OnceLock::new(),
        })
    }

    /// An assessment argument: an `Assessment`, or a path, JSON text or dict to load.
    pub fn argument<'a>(
        obj: &'a Bound<'_, PyAny>,
        loaded: &'a mut Option<PyAssessment>,
    ) -> PyResult<&'a PyAssessment> {
        if let Ok(a) = obj.cast::<PyAssessment>() {
            return Ok(a.get());
        }
        let source = Source::of(obj, "an Assessment")?;
        Ok(loaded.insert(PyAssessment::load(obj.py(), &source)?))
    }

    /// The framework to score against: the one given, else the built-in framework the
    /// assessment names (with `allow_version_mismatch`, the newest built-in version of its id
    /// when its own version is not built in, as the command line does). Errors name the
    /// assessment's file.
    pub fn framework(
        &self,
        py: Python<'_>,
        given: Option<&Bound<'_, PyAny>>,
        allow_version_mismatch: bool,
    ) -> PyResult<Arc<Framework>> {
        if let Some(obj) = given {
            return crate::framework::PyFramework::argument(obj);
        }
        if let Some(fw) = self.named.get() {
            return Ok(Arc::clone(fw));
        }
        let named = &self.assessment.framework;
        let exact = crate::framework::builtin(&named.id, Some(&named.version));
        let fw = match exact {
            Err(_) if allow_version_mismatch => crate::framework::builtin(&named.id, None),
            other => other.inspect(|fw| {
                let _ = self.named.set(Arc::clone(fw));
            }),
        };
        fw.map_err(|e| self.in_file(e)).or_raise(py)
    }

    /// Names the assessment's file in an error.
    pub fn in_file(&self, e: Error) -> Error {
        in_file(e, self.file.as_deref())
    }
}

#[pymethods]
impl PyAssessment {
    /// Reads an assessment file; errors name the file.
    #[staticmethod]
    fn from_path(path: &Bound<'_, PyAny>) -> PyResult<PyAssessment> {
        PyAssessment::load(path.py(), &Source::Path(Source::path(path)?))
    }

    /// Parses an assessment from JSON text (`str` or `bytes`).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<PyAssessment> {
        PyAssessment::load(text.py(), &Source::json(text)?)
    }

    /// Reads an assessment given as a dict (numbers as `Decimal`, `int` or decimal strings; a
    /// `float` is refused).
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<PyAssessment> {
        PyAssessment::load(d.py(), &Source::dict(d)?)
    }

    /// Office name.
    #[getter]
    fn office(&self) -> &str {
        &self.assessment.office
    }

    /// Assessment period, or None.
    #[getter]
    fn period(&self) -> Option<&str> {
        self.assessment.period.as_deref()
    }

    /// Id of the framework it is written against.
    #[getter]
    fn framework_id(&self) -> &str {
        &self.assessment.framework.id
    }

    /// Version of the framework it is written against.
    #[getter]
    fn framework_version(&self) -> &str {
        &self.assessment.framework.version
    }

    /// The file it was read from, or None.
    #[getter]
    fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The assessment as a dict, as the library writes it (numbers as decimal strings, which
    /// read back exactly).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(&*self.assessment)
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
        crate::convert::json_to_py(py, &json)
    }

    fn __repr__(&self) -> String {
        let a = &self.assessment;
        format!(
            "<Assessment {}{}: {} evidence entries for {} {}>",
            a.office,
            a.period
                .as_ref()
                .map_or_else(String::new, |p| format!(" {p}")),
            a.evidence.0.len(),
            a.framework.id,
            a.framework.version
        )
    }
}
