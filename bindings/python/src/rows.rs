//! The parts of a scorecard as immutable Python objects, each holding the library's own row
//! value and converting a field when it is read (decimals to `decimal.Decimal`).

use gender_seal::Rank;
use gender_seal::score::{
    BenchmarkResult, DimensionResult, GateFailure, TierResult, TierShortfall,
};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{decimal, number, opt_decimal, serde_name};
use crate::repr::{py_bool, quote};

/// The awarded tier: id, 1-based level, whether strong, label (in the card's language).
#[pyclass(frozen, eq, module = "gender_seal")]
#[derive(PartialEq)]
pub struct Tier(pub TierResult);

#[pymethods]
impl Tier {
    /// Tier id (`silver`).
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// 1-based position in the ladder.
    #[getter]
    fn level(&self) -> usize {
        self.0.level
    }

    /// Whether the official percentage reaches the tier's `strong_from`.
    #[getter]
    fn strong(&self) -> bool {
        self.0.strong
    }

    /// Label, the strong label when strong (`Silver-strong`).
    #[getter]
    fn label(&self) -> &str {
        &self.0.label
    }

    fn __repr__(&self) -> String {
        let t = &self.0;
        format!(
            "Tier(id={}, level={}, strong={}, label={})",
            quote(&t.id),
            t.level,
            py_bool(t.strong),
            quote(&t.label)
        )
    }
}

/// A rank on the ladder: the tier's level (0 for none) and whether strong. Ranks compare in
/// ladder order.
#[pyclass(frozen, eq, ord, hash, module = "gender_seal", name = "Rank")]
#[derive(PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyRank(pub Rank);

#[pymethods]
impl PyRank {
    /// Level of the tier, 0 for none.
    #[getter]
    fn level(&self) -> usize {
        self.0.level
    }

    /// Whether strong.
    #[getter]
    fn strong(&self) -> bool {
        self.0.strong
    }

    fn __repr__(&self) -> String {
        format!(
            "Rank(level={}, strong={})",
            self.0.level,
            py_bool(self.0.strong)
        )
    }
}

/// A tier not reached (the next tier, or a blocked one), with what it lacks.
#[pyclass(frozen, eq, module = "gender_seal")]
#[derive(PartialEq)]
pub struct Shortfall(pub TierShortfall);

#[pymethods]
impl Shortfall {
    /// Tier id.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// 1-based position in the ladder.
    #[getter]
    fn level(&self) -> usize {
        self.0.level
    }

    /// Label.
    #[getter]
    fn label(&self) -> &str {
        &self.0.label
    }

    /// Percentage points still missing to the tier's minimum (0 when only gates fail).
    #[getter]
    fn points_missing<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal(py, self.0.points_missing)
    }

    /// The gates that fail, this tier's and lower tiers'.
    #[getter]
    fn failing(&self) -> Vec<Gate> {
        self.0.failing.iter().cloned().map(Gate).collect()
    }

    fn __repr__(&self) -> String {
        let s = &self.0;
        format!(
            "Shortfall(id={}, points_missing=Decimal('{}'), failing={})",
            quote(&s.id),
            gender_seal::num::format_decimal(s.points_missing),
            s.failing.len()
        )
    }
}

/// A gate that does not hold: on a benchmark (`kind == "benchmark"`: `benchmark`, `required`,
/// `actual` rating ids) or on a dimension (`kind == "dimension"`: `dimension`,
/// `required_percent`, `actual_percent`); the other fields are None.
#[pyclass(frozen, eq, module = "gender_seal", name = "GateFailure")]
#[derive(PartialEq)]
pub struct Gate(pub GateFailure);

#[pymethods]
impl Gate {
    /// `benchmark` or `dimension`.
    #[getter]
    fn kind(&self) -> &'static str {
        match self.0 {
            GateFailure::Benchmark { .. } => "benchmark",
            GateFailure::Dimension { .. } => "dimension",
        }
    }

    /// The tier whose gate this is.
    #[getter]
    fn tier(&self) -> &str {
        match &self.0 {
            GateFailure::Benchmark { tier, .. } | GateFailure::Dimension { tier, .. } => tier,
        }
    }

    /// Benchmark id (benchmark gates).
    #[getter]
    fn benchmark(&self) -> Option<&str> {
        match &self.0 {
            GateFailure::Benchmark { benchmark, .. } => Some(benchmark),
            GateFailure::Dimension { .. } => None,
        }
    }

    /// Lowest passing rating id (benchmark gates).
    #[getter]
    fn required(&self) -> Option<&str> {
        match &self.0 {
            GateFailure::Benchmark { required, .. } => Some(required),
            GateFailure::Dimension { .. } => None,
        }
    }

    /// Actual rating id, or `not_applicable` (benchmark gates).
    #[getter]
    fn actual(&self) -> Option<&str> {
        match &self.0 {
            GateFailure::Benchmark { actual, .. } => Some(actual),
            GateFailure::Dimension { .. } => None,
        }
    }

    /// Dimension id (dimension gates).
    #[getter]
    fn dimension(&self) -> Option<&str> {
        match &self.0 {
            GateFailure::Dimension { dimension, .. } => Some(dimension),
            GateFailure::Benchmark { .. } => None,
        }
    }

    /// Lowest passing unrounded percentage (dimension gates).
    #[getter]
    fn required_percent<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match &self.0 {
            GateFailure::Dimension {
                required_percent, ..
            } => number(py, *required_percent).map(Some),
            GateFailure::Benchmark { .. } => Ok(None),
        }
    }

    /// Actual percentage rounded half-even to 4 decimals; None when nothing is applicable or
    /// for benchmark gates.
    #[getter]
    fn actual_percent<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match &self.0 {
            GateFailure::Dimension { actual_percent, .. } => opt_decimal(py, *actual_percent),
            GateFailure::Benchmark { .. } => Ok(None),
        }
    }

    fn __repr__(&self) -> String {
        match &self.0 {
            GateFailure::Benchmark {
                tier,
                benchmark,
                required,
                actual,
            } => format!(
                "GateFailure(kind='benchmark', tier={}, benchmark={}, required={}, actual={})",
                quote(tier),
                quote(benchmark),
                quote(required),
                quote(actual)
            ),
            GateFailure::Dimension {
                tier,
                dimension,
                required_percent,
                actual_percent,
            } => format!(
                "GateFailure(kind='dimension', tier={}, dimension={}, required_percent=Decimal('{required_percent}'), actual_percent={})",
                quote(tier),
                quote(dimension),
                actual_percent.map_or_else(
                    || "None".to_string(),
                    |d| format!("Decimal('{}')", gender_seal::num::format_decimal(d))
                )
            ),
        }
    }
}

/// One dimension's detail.
#[pyclass(frozen, eq, module = "gender_seal")]
#[derive(PartialEq)]
pub struct DimensionRow(pub DimensionResult);

#[pymethods]
impl DimensionRow {
    /// Dimension id.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// 100 × earned / possible, rounded half-even to 4 decimals; None when nothing is
    /// applicable.
    #[getter]
    fn percentage<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        opt_decimal(py, self.0.percentage)
    }

    /// Σ weight × credit over applicable benchmarks.
    #[getter]
    fn earned<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal(py, self.0.earned)
    }

    /// Σ weight over applicable benchmarks.
    #[getter]
    fn possible<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal(py, self.0.possible)
    }

    /// Dimension weight (`by_dimension` aggregation; 1 otherwise).
    #[getter]
    fn weight<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        number(py, self.0.weight)
    }

    /// Number of benchmarks.
    #[getter]
    fn benchmarks(&self) -> usize {
        self.0.benchmarks
    }

    /// Number of applicable benchmarks.
    #[getter]
    fn applicable(&self) -> usize {
        self.0.applicable
    }

    /// The attributes as a dict (decimals as `Decimal`), e.g. for a pandas DataFrame.
    fn as_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", self.id())?;
        d.set_item("percentage", self.percentage(py)?)?;
        d.set_item("earned", self.earned(py)?)?;
        d.set_item("possible", self.possible(py)?)?;
        d.set_item("weight", self.weight(py)?)?;
        d.set_item("benchmarks", self.0.benchmarks)?;
        d.set_item("applicable", self.0.applicable)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let d = &self.0;
        format!(
            "DimensionRow(id={}, percentage={}, earned=Decimal('{}'), possible=Decimal('{}'), applicable={} of {})",
            quote(&d.id),
            d.percentage.map_or_else(
                || "None".to_string(),
                |p| format!("Decimal('{}')", gender_seal::num::format_decimal(p))
            ),
            gender_seal::num::format_decimal(d.earned),
            gender_seal::num::format_decimal(d.possible),
            d.applicable,
            d.benchmarks
        )
    }
}

/// One benchmark's detail.
#[pyclass(frozen, eq, module = "gender_seal")]
#[derive(PartialEq)]
pub struct BenchmarkRow(pub BenchmarkResult);

#[pymethods]
impl BenchmarkRow {
    /// Benchmark id.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// Dimension id.
    #[getter]
    fn dimension(&self) -> &str {
        &self.0.dimension
    }

    /// Rating id, or `not_applicable`.
    #[getter]
    fn rating(&self) -> &str {
        &self.0.rating
    }

    /// How the rating was reached: `rated`, `derived` (from a value by the rule), `missing`,
    /// `not_applicable` or `planned` (a projection).
    #[getter]
    fn basis(&self) -> String {
        serde_name(&self.0.basis)
    }

    /// The evidence's status (`documented`, `verified`, `assumed`), or None.
    #[getter]
    fn status(&self) -> Option<String> {
        self.0.status.as_ref().map(serde_name)
    }

    /// The measured value, when the rating is derived by the rule.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0.value.map(|v| number(py, v)).transpose()
    }

    /// Benchmark weight.
    #[getter]
    fn weight<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        number(py, self.0.weight)
    }

    /// Credit of the rating; None when not applicable.
    #[getter]
    fn credit<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0.credit.map(|c| number(py, c)).transpose()
    }

    /// weight × credit; None when not applicable.
    #[getter]
    fn earned<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        opt_decimal(py, self.0.earned)
    }

    /// The attributes as a dict (decimals as `Decimal`), e.g. for a pandas DataFrame.
    fn as_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", self.id())?;
        d.set_item("dimension", self.dimension())?;
        d.set_item("rating", self.rating())?;
        d.set_item("basis", self.basis())?;
        d.set_item("status", self.status())?;
        d.set_item("value", self.value(py)?)?;
        d.set_item("weight", self.weight(py)?)?;
        d.set_item("credit", self.credit(py)?)?;
        d.set_item("earned", self.earned(py)?)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let b = &self.0;
        format!(
            "BenchmarkRow(id={}, rating={}, earned={})",
            quote(&b.id),
            quote(&b.rating),
            b.earned.map_or_else(
                || "None".to_string(),
                |e| format!("Decimal('{}')", gender_seal::num::format_decimal(e))
            )
        )
    }
}

/// Something an assessor should look at: a code, the benchmark concerned, and the message in
/// the card's language.
#[pyclass(frozen, eq, module = "gender_seal")]
#[derive(PartialEq)]
pub struct ScoreWarning {
    /// `missing_evidence`, `not_applicable_without_note`, `version_mismatch`, ...
    #[pyo3(get)]
    pub code: String,
    /// The benchmark concerned, or None.
    #[pyo3(get)]
    pub benchmark: Option<String>,
    /// The warning in words.
    #[pyo3(get)]
    pub message: String,
}

#[pymethods]
impl ScoreWarning {
    fn __repr__(&self) -> String {
        format!(
            "ScoreWarning(code={}, benchmark={}, message={})",
            quote(&self.code),
            self.benchmark
                .as_ref()
                .map_or_else(|| "None".to_string(), |b| quote(b)),
            quote(&self.message)
        )
    }
}
