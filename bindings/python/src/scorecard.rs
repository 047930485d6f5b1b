//! `gs.score` and `gs.Scorecard`: the library's owned scorecard (`Scorecard<'static>`, sharing
//! the framework's `Arc`), whose parts become Python objects only when read.

use std::sync::Arc;

use gender_seal::{Framework, ScoreOptions, Scorecard, score_shared};
use pyo3::prelude::*;

use crate::assessment::PyAssessment;
use gender_seal::num::format_decimal;

use crate::convert::{decimal, json_to_py};
use crate::errors::OrRaise;
use crate::framework::{PyFramework, format, lang};
use crate::rows::{BenchmarkRow, DimensionRow, PyRank, ScoreWarning, Shortfall, Tier};

/// Scores an assessment.
///
/// `assessment` is an `Assessment`, a path, JSON text or a dict; `framework` a `Framework`, a
/// path, JSON text or a dict, by default the built-in framework the assessment names. `lang`
/// is the language of labels and messages (`en`, `fr`, `fr-FR`). Raises `SealError` on bad
/// input, with the command line's message.
#[pyfunction]
#[pyo3(signature = (assessment, framework = None, *, lang = "en", allow_version_mismatch = false))]
pub fn score(
    py: Python<'_>,
    assessment: &Bound<'_, PyAny>,
    framework: Option<&Bound<'_, PyAny>>,
    lang: &str,
    allow_version_mismatch: bool,
) -> PyResult<PyScorecard> {
    let mut loaded = None;
    let a = PyAssessment::argument(assessment, &mut loaded)?;
    let fw = a.framework(py, framework, allow_version_mismatch)?;
    let options = ScoreOptions {
        allow_version_mismatch,
        lang: self::lang(lang).or_raise(py)?,
    };
    let card = score_shared(&fw, &a.assessment, &options)
        .map_err(|e| a.in_file(e))
        .or_raise(py)?;
    Ok(PyScorecard { card, fw })
}

/// A scorecard: the exact percentage, the official figure, the tier, what blocks the next
/// tier, per-dimension and per-benchmark detail, in the language it was scored in.
/// Immutable; its parts are built when read.
#[pyclass(frozen, module = "gender_seal", name = "Scorecard")]
pub struct PyScorecard {
    pub card: Scorecard<'static>,
    /// The framework the card shares.
    pub fw: Arc<Framework>,
}

#[pymethods]
impl PyScorecard {
    /// The framework scored against.
    #[getter]
    fn framework(&self) -> PyFramework {
        PyFramework {
            fw: Arc::clone(&self.fw),
        }
    }

    /// Office name.
    #[getter]
    fn office(&self) -> &str {
        self.card.office()
    }

    /// Assessment period (a plan's projected scorecard carries the plan's), or None.
    #[getter]
    fn period(&self) -> Option<&str> {
        self.card.period()
    }

    /// Language of labels and messages (`en`, `fr`).
    #[getter]
    fn lang(&self) -> &'static str {
        self.card.lang().code()
    }

    /// The exact percentage, rounded half-even to 4 decimals for reading.
    #[getter]
    fn percentage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal(py, self.card.percentage())
    }

    /// The official percentage: rounded by the framework's policy.
    #[getter]
    fn percentage_rounded<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal(py, self.card.percentage_rounded())
    }

    /// The awarded tier, or None.
    #[getter]
    fn tier(&self) -> Option<Tier> {
        self.card.tier().map(Tier)
    }

    /// Rank of the result (level 0: no tier).
    #[getter]
    fn rank(&self) -> PyRank {
        PyRank(self.card.rank())
    }

    /// The lowest tier above the awarded one, with what it lacks; None at the top.
    #[getter]
    fn next(&self) -> Option<Shortfall> {
        self.card.next().map(Shortfall)
    }

    /// Tiers above the awarded one whose minimum is reached but whose gates fail.
    #[getter]
    fn blocked(&self) -> Vec<Shortfall> {
        self.card.blocked().into_iter().map(Shortfall).collect()
    }

    /// Per dimension, in framework order.
    #[getter]
    fn dimensions(&self) -> Vec<DimensionRow> {
        self.card.dimensions().map(DimensionRow).collect()
    }

    /// Per benchmark, in framework order.
    #[getter]
    fn benchmarks(&self) -> Vec<BenchmarkRow> {
        self.card.benchmarks().map(BenchmarkRow).collect()
    }

    /// Warnings for the assessor, worded in the card's language.
    #[getter]
    fn warnings(&self) -> Vec<ScoreWarning> {
        let fw = self.card.framework();
        let lang = self.card.lang();
        self.card
            .warnings()
            .iter()
            .map(|w| ScoreWarning {
                code: crate::convert::serde_name(&w.code),
                benchmark: w.benchmark.as_ref().map(ToString::to_string),
                message: w.message(lang, |id| rating_label(fw, id, lang)),
            })
            .collect()
    }

    /// The scorecard as `gender-seal score --format json` prints it, read by `json.loads`:
    /// every decimal is a string there (`"percentage": "74.359"`), labels in the card's
    /// language.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.to_json())
    }

    /// The JSON text `gender-seal score --format json` prints.
    fn to_json(&self) -> String {
        gender_seal::report::scorecard(&self.card, gender_seal::Format::Json)
            .into_text()
            .unwrap_or_default()
    }

    /// The report `gender-seal score` prints: `format` is any format the library renders
    /// (`text`, `markdown`, `json`: a `str`; `xlsx`: the workbook's `bytes`); the language is
    /// the card's.
    #[pyo3(signature = (format = "text"))]
    fn report<'py>(&self, py: Python<'py>, format: &str) -> PyResult<Bound<'py, PyAny>> {
        let format = self::format(format).or_raise(py)?;
        let report = gender_seal::report::scorecard(&self.card, format);
        Ok(crate::framework::rendered(py, report))
    }

    fn __repr__(&self) -> String {
        let c = &self.card;
        format!(
            "<Scorecard office={}{} percentage_rounded={} tier={} percentage={}>",
            crate::repr::quote(c.office()),
            c.period().map_or_else(String::new, |p| format!(
                " period={}",
                crate::repr::quote(p)
            )),
            format_decimal(c.percentage_rounded()),
            c.tier()
                .map_or_else(|| "None".to_string(), |t| crate::repr::quote(&t.label)),
            format_decimal(c.percentage())
        )
    }
}

/// The label of a rating id in a language (the id itself when unknown).
fn rating_label(fw: &gender_seal::Framework, id: &str, lang: gender_seal::i18n::Lang) -> String {
    fw.rating_index(id).map_or_else(
        || id.to_string(),
        |i| fw.ratings()[i].label.get(lang).to_string(),
    )
}
