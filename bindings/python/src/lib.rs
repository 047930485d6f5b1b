//! The Python module `gender_seal` (compiled as `gender_seal._gender_seal`; the package's
//! `__init__.py` re-exports it): the library's frameworks, assessments, scorecards, plans and
//! expectation checks as immutable Python objects, exact throughout (decimals cross as
//! `decimal.Decimal`; a `float` in an input is refused). docs/python.md is the guide.
//!
//! This crate cannot `#![forbid(unsafe_code)]` as the rest of the workspace does: pyo3's
//! macros (`#[pyclass]`, `#[pymethods]`, `#[pymodule]`, `create_exception!`) expand to the
//! `unsafe` FFI glue a CPython extension needs (type objects, method tables, the module init
//! function), and `forbid` would reject that expansion. `deny(unsafe_code)` still refuses any
//! `unsafe` written by hand here; the macros' expansions allow it locally.

#![deny(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod assessment;
mod check;
mod convert;
mod errors;
mod explain;
mod framework;
mod plan;
mod repr;
mod rows;
mod scorecard;
mod source;

use pyo3::prelude::*;

/// The compiled module.
#[pymodule]
fn _gender_seal(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SealError", py.get_type::<errors::SealError>())?;
    m.add_class::<errors::Problem>()?;
    m.add_class::<framework::PyFramework>()?;
    m.add_class::<assessment::PyAssessment>()?;
    m.add_class::<scorecard::PyScorecard>()?;
    m.add_class::<rows::Tier>()?;
    m.add_class::<rows::PyRank>()?;
    m.add_class::<rows::Shortfall>()?;
    m.add_class::<rows::Gate>()?;
    m.add_class::<rows::DimensionRow>()?;
    m.add_class::<rows::BenchmarkRow>()?;
    m.add_class::<rows::ScoreWarning>()?;
    m.add_class::<plan::PyPlan>()?;
    m.add_class::<plan::PyPlanner>()?;
    m.add_class::<plan::PyAnswer>()?;
    m.add_class::<check::CheckReport>()?;
    m.add_function(wrap_pyfunction!(scorecard::score, m)?)?;
    m.add_function(wrap_pyfunction!(check::check, m)?)?;
    m.add_class::<explain::PyExplanation>()?;
    m.add_function(wrap_pyfunction!(explain::explain, m)?)?;
    Ok(())
}
