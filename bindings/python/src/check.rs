//! `gs.check`: runs regression expectation files, as `gender-seal check` does.

use std::path::PathBuf;

use gender_seal::expect::{Report, check_files};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::convert::json_to_py;
use crate::errors::OrRaise;
use crate::framework::{format, lang};
use crate::source::Source;

/// Runs one expectations file, or a list of them (paths inside each are relative to it), with
/// the GIL released. A failing case is not an error: it fails in the report. Raises
/// `SealError` when a file, a framework or an assessment cannot be read or scored.
#[pyfunction]
pub fn check(py: Python<'_>, expectations: &Bound<'_, PyAny>) -> PyResult<CheckReport> {
    let paths: Vec<PathBuf> =
        if expectations.is_instance_of::<PyList>() || expectations.is_instance_of::<PyTuple>() {
            expectations
                .try_iter()?
                .map(|p| Source::path(&p?))
                .collect::<PyResult<_>>()?
        } else {
            vec![Source::path(expectations)?]
        };
    let report = py.detach(|| check_files(&paths)).or_raise(py)?;
    Ok(CheckReport { report })
}

/// The outcome of expectation files: whether every case passed, and each field compared.
#[pyclass(frozen, module = "gender_seal")]
pub struct CheckReport {
    report: Report,
}

#[pymethods]
impl CheckReport {
    /// Whether every case of every file passed.
    #[getter]
    fn passed(&self) -> bool {
        self.report.passed
    }

    /// Number of cases.
    #[getter]
    fn cases(&self) -> usize {
        self.report.cases
    }

    /// Number of failing cases.
    #[getter]
    fn failed(&self) -> usize {
        self.report.failed
    }

    /// The names of the failing cases, file by file.
    #[getter]
    fn failures(&self) -> Vec<String> {
        let cases = self.report.files.iter().flat_map(|f| &f.cases);
        cases
            .filter(|c| !c.passed)
            .map(|c| c.name.clone())
            .collect()
    }

    /// The report as `gender-seal check --format json` prints it, read by `json.loads`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = gender_seal::report::check(
            &self.report,
            gender_seal::Format::Json,
            gender_seal::i18n::Lang::EN,
        );
        json_to_py(py, json.text().unwrap_or_default())
    }

    /// The report `gender-seal check` prints, in a format and language.
    #[pyo3(signature = (format = "text", lang = "en"))]
    fn report<'py>(
        &self,
        py: Python<'py>,
        format: &str,
        lang: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let format = self::format(format).or_raise(py)?;
        let lang = self::lang(lang).or_raise(py)?;
        let report = gender_seal::report::check(&self.report, format, lang);
        Ok(crate::framework::rendered(py, report))
    }

    fn __repr__(&self) -> String {
        format!(
            "<CheckReport passed={} cases={} failed={}>",
            if self.report.passed { "True" } else { "False" },
            self.report.cases,
            self.report.failed
        )
    }
}
