//! `gs.Plan`, `gs.Planner` and their answers. A `Planner` keeps the shared framework, the
//! baseline and the validated plan, and builds the library's `Planner` for each question (it
//! is cheap) with the GIL released. An answer keeps what `plan --format json` prints and the
//! rendered reports, so fields the library adds to answers appear in `to_dict()` with no change
//! here.

use std::sync::Arc;

use gender_seal::plan::{Limit, Plan, PlanFile, Planner, Question, Views, WhatIf};
use gender_seal::report::Rendered;
use gender_seal::{Assessment, Decimal, Error, ErrorKind, Format, Framework, Number, Rank};
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;

use crate::assessment::PyAssessment;
use crate::convert::{decimal, json_to_py, opt_decimal};
use crate::errors::OrRaise;
use crate::framework::{format, lang};
use crate::scorecard::PyScorecard;
use crate::source::{Source, in_file};

/// A plan file as written: activities with costs, quarters and effects. It is checked against
/// a framework when a `Planner` is made with it.
#[pyclass(frozen, module = "gender_seal", name = "Plan")]
pub struct PyPlan {
    file: Arc<PlanFile>,
    path: Option<String>,
}

impl PyPlan {
    fn load(py: Python<'_>, source: &Source) -> PyResult<PyPlan> {
        let read = |p: &std::path::Path| {
            gender_seal::load::read_file(p)
                .and_then(|b| PlanFile::from_json(&b))
                .map_err(|e| e.in_file(p.display().to_string()))
        };
        let file = source.load(read, PlanFile::from_json).or_raise(py)?;
        Ok(PyPlan {
            file: Arc::new(file),
            path: source.file(),
        })
    }

    fn argument(obj: &Bound<'_, PyAny>) -> PyResult<(Arc<PlanFile>, Option<String>)> {
        if let Ok(p) = obj.cast::<PyPlan>() {
            let p = p.get();
            return Ok((Arc::clone(&p.file), p.path.clone()));
        }
        let p = PyPlan::load(obj.py(), &Source::of(obj, "a Plan")?)?;
        Ok((p.file, p.path))
    }
}

#[pymethods]
impl PyPlan {
    /// Reads a plan file; errors name the file.
    #[staticmethod]
    fn from_path(path: &Bound<'_, PyAny>) -> PyResult<PyPlan> {
        PyPlan::load(path.py(), &Source::Path(Source::path(path)?))
    }

    /// Parses a plan from JSON text (`str` or `bytes`).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<PyPlan> {
        PyPlan::load(text.py(), &Source::json(text)?)
    }

    /// Reads a plan given as a dict (numbers as `Decimal`, `int` or decimal strings; a `float`
    /// is refused).
    #[staticmethod]
    fn from_dict(d: &Bound<'_, PyAny>) -> PyResult<PyPlan> {
        PyPlan::load(d.py(), &Source::dict(d)?)
    }

    /// Office name.
    #[getter]
    fn office(&self) -> &str {
        &self.file.office
    }

    /// Period the plan covers, or None.
    #[getter]
    fn period(&self) -> Option<&str> {
        self.file.period.as_deref()
    }

    /// Currency of costs and budget, or None.
    #[getter]
    fn currency(&self) -> Option<&str> {
        self.file.currency.as_deref()
    }

    /// The plan's budget, or None.
    #[getter]
    fn budget<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        opt_decimal(py, self.file.budget.map(Number::value))
    }

    /// Activity ids, in file order.
    #[getter]
    fn activity_ids(&self) -> Vec<String> {
        self.file.activities.iter().map(|a| a.id.clone()).collect()
    }

    /// The file it was read from, or None.
    #[getter]
    fn file(&self) -> Option<&str> {
        self.path.as_deref()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Plan office={} activities={}>",
            crate::repr::quote(&self.file.office),
            self.file.activities.len()
        )
    }
}

/// A plan over a baseline assessment: the cheapest set of activities reaching a tier, the best
/// use of a budget, the quarterly timeline and the marginal value of each activity, exactly.
#[pyclass(frozen, module = "gender_seal", name = "Planner")]
pub struct PyPlanner {
    fw: Arc<Framework>,
    baseline: Arc<Assessment>,
    baseline_file: Option<String>,
    plan: Arc<Plan>,
    plan_file: Option<String>,
    allow_version_mismatch: bool,
    limit: Option<Limit>,
}

#[pymethods]
impl PyPlanner {
    /// Puts `plan` over `baseline` (each an object, a path, JSON text or a dict), against
    /// `framework` (by default the built-in framework the baseline names). Checks everything
    /// now: bad input raises `SealError` here, naming the file at fault. `work` (work units,
    /// deterministic) or `time_limit` (seconds, a `Decimal`, `int` or decimal string) bound
    /// the search; when it runs out the answer is the best set found with `optimal` False.
    #[new]
    #[pyo3(signature = (baseline, plan, framework = None, *, allow_version_mismatch = false, work = None, time_limit = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        baseline: &Bound<'_, PyAny>,
        plan: &Bound<'_, PyAny>,
        framework: Option<&Bound<'_, PyAny>>,
        allow_version_mismatch: bool,
        work: Option<u64>,
        time_limit: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyPlanner> {
        let limit = match (work, time_limit) {
            (Some(_), Some(_)) => {
                return Err(Error::new(
                    ErrorKind::Request,
                    "time_limit",
                    "give either work or time_limit, not both",
                ))
                .or_raise(py);
            }
            (Some(w), None) => Some(Limit::Work(w)),
            (None, Some(t)) => {
                let s = crate::convert::number_argument(t, "time_limit").or_raise(py)?;
                let micros = u64::try_from(s.micros()).unwrap_or(0);
                if micros == 0 {
                    return Err(Error::new(
                        ErrorKind::Request,
                        "time_limit",
                        format!("time limit {s} is not a positive number of seconds"),
                    ))
                    .or_raise(py);
                }
                Some(Limit::Time(std::time::Duration::from_micros(micros)))
            }
            (None, None) => None,
        };
        let mut loaded = None;
        let a = PyAssessment::argument(baseline, &mut loaded)?;
        let fw = a.framework(py, framework, false)?;
        let (file, plan_file) = PyPlan::argument(plan)?;
        let checked = Plan::validate((*file).clone(), &fw, allow_version_mismatch)
            .map_err(|e| in_file(e, plan_file.as_deref()))
            .or_raise(py)?;
        let planner = PyPlanner {
            fw,
            baseline: Arc::clone(&a.assessment),
            baseline_file: a.file.clone(),
            plan: Arc::new(checked),
            plan_file,
            allow_version_mismatch,
            limit,
        };
        py.detach(|| planner.planner().map(drop)).or_raise(py)?;
        Ok(planner)
    }

    /// The cheapest set reaching `target` (`gold`, `silver:strong`, or a label in `lang`);
    /// when no set reaches it, the best reachable set with `feasible` false and what is still
    /// missing.
    #[pyo3(signature = (target, *, timeline = false, marginal = false, lang = "en"))]
    fn cheapest(
        &self,
        py: Python<'_>,
        target: &str,
        timeline: bool,
        marginal: bool,
        lang: &str,
    ) -> PyResult<PyAnswer> {
        let lang = self::lang(lang).or_raise(py)?;
        let rank: Rank = Rank::parse_target(&self.fw, target, lang).or_raise(py)?;
        self.ask(
            py,
            Question::Cheapest(rank),
            Views { timeline, marginal },
            lang,
        )
    }

    /// The best set within `budget` (a `Decimal`, `int` or decimal string; by default the
    /// plan's budget).
    #[pyo3(signature = (budget = None, *, timeline = false, marginal = false, lang = "en"))]
    fn best(
        &self,
        py: Python<'_>,
        budget: Option<&Bound<'_, PyAny>>,
        timeline: bool,
        marginal: bool,
        lang: &str,
    ) -> PyResult<PyAnswer> {
        let lang = self::lang(lang).or_raise(py)?;
        let budget = budget
            .map(|b| crate::convert::number_argument(b, "budget"))
            .transpose()
            .or_raise(py)?;
        self.ask(
            py,
            Question::Best(budget),
            Views { timeline, marginal },
            lang,
        )
    }

    /// The whole plan's scorecard at the baseline and at the end of each quarter.
    #[pyo3(signature = (*, lang = "en"))]
    fn timeline(&self, py: Python<'_>, lang: &str) -> PyResult<PyAnswer> {
        let lang = self::lang(lang).or_raise(py)?;
        let views = Views {
            timeline: true,
            marginal: false,
        };
        self.ask(py, Question::WholePlan, views, lang)
    }

    /// What each activity adds alone to the committed ones, best first.
    #[pyo3(signature = (*, lang = "en"))]
    fn marginal(&self, py: Python<'_>, lang: &str) -> PyResult<PyAnswer> {
        let lang = self::lang(lang).or_raise(py)?;
        let views = Views {
            timeline: false,
            marginal: true,
        };
        self.ask(py, Question::Committed, views, lang)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Planner baseline={} activities={} framework={} {}>",
            crate::repr::quote(&self.baseline.office),
            self.plan.activities().len(),
            self.fw.id(),
            self.fw.version()
        )
    }
}

impl PyPlanner {
    /// The library's planner over the kept inputs; errors name the file at fault, as the
    /// command line's do.
    fn planner(&self) -> Result<Planner<'_>, Error> {
        let resolved = self
            .baseline
            .resolve(&self.fw, self.allow_version_mismatch)
            .map_err(|e| in_file(e, self.baseline_file.as_deref()))?;
        let planner = Planner::from_resolved(&self.fw, &self.baseline, resolved, &self.plan)
            .map_err(|e| in_file(e, self.plan_file.as_deref()))?;
        Ok(match self.limit {
            Some(l) => planner.with_limit(l),
            None => planner,
        })
    }

    /// Answers a question with the GIL released.
    fn ask(
        &self,
        py: Python<'_>,
        question: Question,
        views: Views,
        lang: gender_seal::i18n::Lang,
    ) -> PyResult<PyAnswer> {
        let answer = py
            .detach(|| {
                let w = self.planner()?.what_if(question, views, lang)?;
                Ok::<_, Error>(Answered::of(w, &self.plan, &self.fw))
            })
            .or_raise(py)?;
        let scorecard = Py::new(
            py,
            PyScorecard {
                card: answer.card,
                fw: Arc::clone(&self.fw),
            },
        )?;
        Ok(PyAnswer {
            reports: answer.reports,
            summary: answer.summary,
            scorecard,
        })
    }
}

/// What an answer keeps of the library's `WhatIf`, computed without the GIL.
struct Answered {
    reports: Vec<(Format, Rendered)>,
    summary: Summary,
    card: gender_seal::Scorecard<'static>,
}

/// The typed fields of an answer.
struct Summary {
    question: String,
    feasible: bool,
    activities: Vec<String>,
    cost: Decimal,
    budget: Option<Decimal>,
    search_nodes: u64,
    optimal: bool,
    lower_bound: Option<Decimal>,
    upper_bound: Option<Decimal>,
}

impl Answered {
    /// Renders the answer in every format the library has (the JSON one is the document
    /// `to_dict` reads) and keeps its projected scorecard, sharing the framework.
    fn of(w: WhatIf<'_>, plan: &Plan, fw: &Arc<Framework>) -> Answered {
        // Textual formats only: a workbook takes milliseconds to write, too much to pay for
        // every answer up front (the command line's `plan --format xlsx` writes one).
        let reports = Format::ALL
            .iter()
            .filter(|f| !f.is_binary())
            .map(|&f| (f, gender_seal::report::what_if(&w, plan, fw, f)))
            .collect();
        let summary = Summary {
            question: w.question.clone(),
            feasible: w.feasible,
            activities: w.activities.iter().map(ToString::to_string).collect(),
            cost: w.cost,
            budget: w.budget,
            search_nodes: w.search_nodes,
            optimal: w.optimal,
            lower_bound: w.lower_bound,
            upper_bound: w.upper_bound,
        };
        Answered {
            reports,
            summary,
            card: w.scorecard.into_shared(fw),
        }
    }
}

/// The answer to one plan question. `to_dict()` is what `gender-seal plan --format json`
/// prints; `answer["key"]` reads one of its fields; the common ones are attributes.
#[pyclass(frozen, module = "gender_seal", name = "Answer")]
pub struct PyAnswer {
    reports: Vec<(Format, Rendered)>,
    summary: Summary,
    scorecard: Py<PyScorecard>,
}

impl PyAnswer {
    fn json(&self) -> &str {
        self.reports
            .iter()
            .find(|(f, _)| *f == Format::Json)
            .and_then(|(_, r)| r.text())
            .unwrap_or("{}")
    }
}

#[pymethods]
impl PyAnswer {
    /// `cheapest`, `best`, `whole_plan` or `committed`.
    #[getter]
    fn question(&self) -> &str {
        &self.summary.question
    }

    /// Whether the target is reached (False only for a target out of reach).
    #[getter]
    fn feasible(&self) -> bool {
        self.summary.feasible
    }

    /// The chosen activity ids (committed included), in byte order.
    #[getter]
    fn activities(&self) -> Vec<String> {
        self.summary.activities.clone()
    }

    /// Their total cost.
    #[getter]
    fn cost<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal(py, self.summary.cost)
    }

    /// The budget of a `best` question, or None.
    #[getter]
    fn budget<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        opt_decimal(py, self.summary.budget)
    }

    /// Search nodes the optimiser visited (0 when nothing was optimised).
    #[getter]
    fn search_nodes(&self) -> u64 {
        self.summary.search_nodes
    }

    /// Whether the set is proven optimal (False when the search limit ran out first: the
    /// best set found, valid but perhaps not the best).
    #[getter]
    fn optimal(&self) -> bool {
        self.summary.optimal
    }

    /// When not proven optimal, for a reached `cheapest` target: a proven lower bound on the
    /// cost of any set reaching it (a `Decimal`), else None.
    #[getter]
    fn lower_bound<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        opt_decimal(py, self.summary.lower_bound)
    }

    /// When not proven optimal, for `best` or an unreachable target: a proven upper bound on
    /// the percentage any allowed set reaches (a `Decimal`, rounded up), else None.
    #[getter]
    fn upper_bound<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        opt_decimal(py, self.summary.upper_bound)
    }

    /// The projected scorecard of the chosen set.
    #[getter]
    fn scorecard(&self, py: Python<'_>) -> Py<PyScorecard> {
        self.scorecard.clone_ref(py)
    }

    /// The answer as `gender-seal plan --format json` prints it, read by `json.loads`
    /// (decimals as strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, self.json())
    }

    /// The JSON text `gender-seal plan --format json` prints.
    fn to_json(&self) -> &str {
        self.json()
    }

    /// The report `gender-seal plan` prints, in any textual format the library renders (a
    /// workbook raises `ValueError`: answers keep their text reports only); the language is
    /// the question's.
    #[pyo3(signature = (format = "text"))]
    fn report<'py>(&self, py: Python<'py>, format: &str) -> PyResult<Bound<'py, PyAny>> {
        let format = self::format(format).or_raise(py)?;
        if format.is_binary() {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "an answer keeps its text reports only; write its {format} report with `gender-seal plan --format {format} -o FILE`"
            )));
        }
        self.reports
            .iter()
            .find(|(f, _)| *f == format)
            .map(|(_, r)| crate::framework::rendered(py, r.clone()))
            .ok_or_else(|| PyKeyError::new_err(format.to_string()))
    }

    /// One field of `to_dict()`.
    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)?.get_item(key)
    }

    fn __repr__(&self) -> String {
        let s = &self.summary;
        let card = &self.scorecard.get().card;
        format!(
            "<Answer question={} feasible={} activities={} cost={} percentage_rounded={} tier={}>",
            crate::repr::quote(&s.question),
            if s.feasible { "True" } else { "False" },
            s.activities.len(),
            gender_seal::num::format_decimal(s.cost),
            gender_seal::num::format_decimal(card.percentage_rounded()),
            card.tier()
                .map_or_else(|| "None".to_string(), |t| crate::repr::quote(&t.label)),
        )
    }
}
