//! `gs.explain` and `gs.Explanation`: what a result rests on — the fewest benchmarks that must
//! rise to reach a target rank, and the fewest whose fall would lose the awarded one.

use std::sync::Arc;

use gender_seal::explain::{ExplainOptions, Explanation, explain as explain_result};
use gender_seal::{Framework, Rank};
use pyo3::prelude::*;

use crate::assessment::PyAssessment;
use crate::convert::{decimal, json_to_py};
use crate::errors::OrRaise;
use crate::framework::{format, lang};

/// Explains an assessment's result.
///
/// `assessment` and `framework` are taken as `gs.score` takes them. `target` is the rank
/// `raise` aims for (a tier id or its label, `silver:strong` for a strong rank), by default the
/// tier above the awarded one. Raises `SealError` on bad input, with the command line's
/// message.
#[pyfunction]
#[pyo3(signature = (assessment, framework = None, *, target = None, lang = "en", allow_version_mismatch = false))]
pub fn explain(
    py: Python<'_>,
    assessment: &Bound<'_, PyAny>,
    framework: Option<&Bound<'_, PyAny>>,
    target: Option<&str>,
    lang: &str,
    allow_version_mismatch: bool,
) -> PyResult<PyExplanation> {
    let mut loaded = None;
    let a = PyAssessment::argument(assessment, &mut loaded)?;
    let fw = a.framework(py, framework, allow_version_mismatch)?;
    let lang = self::lang(lang).or_raise(py)?;
    let target = target
        .map(|t| Rank::parse_target(&fw, t, lang))
        .transpose()
        .or_raise(py)?;
    let options = ExplainOptions {
        target,
        allow_version_mismatch,
        lang,
    };
    let explanation = py
        .detach(|| explain_result(&fw, &a.assessment, &options))
        .map_err(|e| a.in_file(e))
        .or_raise(py)?;
    Ok(PyExplanation { explanation, fw })
}

/// What a result rests on. `to_dict()` is what `gender-seal explain --format json` prints;
/// `explanation["raise"]` and `explanation["hold"]` read its parts; the common figures are
/// attributes. Immutable.
#[pyclass(frozen, module = "gender_seal", name = "Explanation")]
pub struct PyExplanation {
    explanation: Explanation,
    fw: Arc<Framework>,
}

#[pymethods]
impl PyExplanation {
    /// Office name.
    #[getter]
    fn office(&self) -> &str {
        &self.explanation.office
    }

    /// Language of the labels (`en`, `fr`).
    #[getter]
    fn lang(&self) -> &'static str {
        self.explanation.lang.code()
    }

    /// The exact percentage, rounded half-even to 4 decimals for reading.
    #[getter]
    fn percentage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal(py, self.explanation.percentage)
    }

    /// The official percentage.
    #[getter]
    fn percentage_rounded<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal(py, self.explanation.percentage_rounded)
    }

    /// The ids of the fewest benchmarks to raise to reach the target, in byte order; None when
    /// there is nothing to raise to or the target is out of reach.
    #[getter]
    fn to_raise(&self) -> Option<Vec<String>> {
        let raise = self.explanation.raise.as_ref()?;
        raise.reachable.then(|| ids(&raise.benchmarks))
    }

    /// The ids of the fewest benchmarks whose fall loses the awarded rank, in byte order; None
    /// without a tier or when the rank cannot be lost.
    #[getter]
    fn to_hold(&self) -> Option<Vec<String>> {
        let hold = self.explanation.hold.as_ref()?;
        hold.losable.then(|| ids(&hold.benchmarks))
    }

    /// The explanation as `gender-seal explain --format json` prints it, read by `json.loads`
    /// (decimals as strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.to_json())
    }

    /// The JSON text `gender-seal explain --format json` prints.
    fn to_json(&self) -> String {
        let json =
            gender_seal::report::explain(&self.explanation, &self.fw, gender_seal::Format::Json);
        String::from_utf8_lossy(json.as_bytes()).into_owned()
    }

    /// The report `gender-seal explain` prints, in any format the library renders (`text`,
    /// `markdown`, `json`, `html`: a `str`; `xlsx`: the workbook's `bytes`); the language is the
    /// explanation's.
    #[pyo3(signature = (format = "text"))]
    fn report<'py>(&self, py: Python<'py>, format: &str) -> PyResult<Bound<'py, PyAny>> {
        let format = self::format(format).or_raise(py)?;
        let report = gender_seal::report::explain(&self.explanation, &self.fw, format);
        Ok(crate::framework::rendered(py, report))
    }

    /// One field of `to_dict()`.
    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)?.get_item(key)
    }

    fn __repr__(&self) -> String {
        let count =
            |v: Option<Vec<String>>| v.map_or_else(|| "None".to_string(), |v| v.len().to_string());
        format!(
            "<Explanation office={} percentage_rounded={} to_raise={} to_hold={}>",
            crate::repr::quote(&self.explanation.office),
            gender_seal::num::format_decimal(self.explanation.percentage_rounded),
            count(self.to_raise()),
            count(self.to_hold()),
        )
    }
}

/// The ids of a set's benchmarks.
fn ids(changes: &[gender_seal::explain::Change]) -> Vec<String> {
    changes.iter().map(|c| c.id.to_string()).collect()
}
