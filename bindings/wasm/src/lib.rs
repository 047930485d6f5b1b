//! The JavaScript/WebAssembly package of gender-seal, compiled with `wasm-bindgen`: the
//! library's frameworks, assessments, scores, plans and explanations for a web page or Node.js.
//!
//! Every answer crosses the boundary as the JSON text the command line prints (decimals are
//! strings there, never JS numbers); the hand-written wrapper `web/js/gender-seal.js` parses it
//! and turns a thrown error document into a `GenderSealError` with `kind` and `problems`.
//! docs/javascript.md is the guide.
//!
//! This crate cannot `#![forbid(unsafe_code)]` as the rest of the workspace does:
//! `#[wasm_bindgen]` expands to the `unsafe` ABI glue between wasm and JavaScript (exported
//! functions, handles to Rust objects held by JS), and `forbid` would reject that expansion.
//! `deny(unsafe_code)` still refuses any `unsafe` written by hand here.

#![deny(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::{Arc, Mutex, PoisonError};

use gender_seal::assessment::sheet;
use gender_seal::explain::{ExplainOptions, explain as explain_result};
use gender_seal::framework::builtin_frameworks;
use gender_seal::i18n::Lang;
use gender_seal::num::format_decimal;
use gender_seal::plan::{Plan, PlanFile, Planner as LibPlanner, Question, Views};
use gender_seal::report::Rendered;
use gender_seal::{
    Assessment as LibAssessment, Error, ErrorKind, Evidence, Format, Framework as LibFramework,
    Location, Number, Rank, ScoreOptions, score_shared,
};
use wasm_bindgen::prelude::*;

/// The example assessment (UNDP Mali, 2020) the calculator opens in one click.
pub const MALI_2020: &str = include_str!("../../../fixtures/mali-2020.json");
/// The example plan over the Mali assessment (2021).
pub const MALI_2021_PLAN: &str = include_str!("../../../fixtures/mali-2021-plan.json");

/// The error document thrown to JavaScript: `{"gender_seal_error": {kind, message, file,
/// problems: [{path, message}]}}` as text; the wrapper makes a `GenderSealError` of it.
pub fn error_document(e: &Error) -> String {
    let problems: Vec<serde_json::Value> = e
        .problems()
        .iter()
        .map(|p| serde_json::json!({"path": p.location.to_string(), "message": p.message}))
        .collect();
    serde_json::json!({"gender_seal_error": {
        "kind": e.kind().name(),
        "message": e.to_string(),
        "file": e.file(),
        "problems": problems,
    }})
    .to_string()
}

fn js(e: &Error) -> JsValue {
    JsValue::from_str(&error_document(e))
}

/// A bad argument of a call: a `request` error located at the parameter.
fn bad_argument(parameter: &str, message: impl Into<String>) -> Error {
    Error::at(
        ErrorKind::Request,
        Location::Flag(parameter.to_string()),
        message,
    )
}

fn lang(tag: &str) -> Result<Lang, Error> {
    tag.parse::<Lang>().map_err(|m| bad_argument("lang", m))
}

fn format(name: &str) -> Result<Format, Error> {
    name.parse::<Format>()
        .map_err(|m| bad_argument("format", m))
}

fn text(r: Rendered) -> Result<String, Error> {
    r.into_text()
        .map_err(|_| bad_argument("format", "a binary format has no text; use the xlsx call"))
}

/// The built-in frameworks as JSON: `[["id", "version"], ...]`, each id's versions oldest first.
#[wasm_bindgen(js_name = builtinsJson)]
pub fn builtins_json() -> String {
    let list: Vec<(&str, &str)> = builtin_frameworks().collect();
    serde_json::to_string(&list).unwrap_or_default()
}

/// The example files built into the package: `"mali-2020"` (assessment) and
/// `"mali-2021-plan"` (plan); undefined for another name.
#[wasm_bindgen]
pub fn example(name: &str) -> Option<String> {
    match name {
        "mali-2020" => Some(MALI_2020.to_string()),
        "mali-2021-plan" => Some(MALI_2021_PLAN.to_string()),
        _ => None,
    }
}

/// The package version (the library's).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A validated framework, shared by everything scored with it.
#[wasm_bindgen]
pub struct Framework {
    fw: Arc<LibFramework>,
}

#[wasm_bindgen]
impl Framework {
    /// A built-in framework; without `version`, the newest version of `id`.
    pub fn builtin(id: &str, version: Option<String>) -> Result<Framework, JsValue> {
        let version = match version {
            Some(v) => v,
            None => match gender_seal::framework::builtin_latest_version(id) {
                Some(v) => v.to_string(),
                None => {
                    return Err(js(&LibFramework::builtin_latest(id).err().unwrap_or_else(
                        || bad_argument("id", format!("no built-in framework '{id}'")),
                    )));
                }
            },
        };
        builtin(id, &version)
            .map(|fw| Framework { fw })
            .map_err(|e| js(&e))
    }

    /// Parses and validates a framework from JSON text.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Framework, JsValue> {
        LibFramework::from_json(text.as_bytes())
            .map(|fw| Framework { fw: Arc::new(fw) })
            .map_err(|e| js(&e))
    }

    /// Another handle on the same framework (calls taking a framework consume their handle).
    pub fn share(&self) -> Framework {
        Framework {
            fw: Arc::clone(&self.fw),
        }
    }

    /// Framework id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.fw.id().to_string()
    }

    /// Framework version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.fw.version().to_string()
    }

    /// The framework file as JSON text (dimensions, benchmarks, ratings, tiers, rules).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self.fw.raw()).unwrap_or_default()
    }

    /// The summary `gender-seal validate --format json` prints.
    #[wasm_bindgen(js_name = summaryJson)]
    pub fn summary_json(&self, lang: &str) -> Result<String, JsValue> {
        let lang = self::lang(lang).map_err(|e| js(&e))?;
        text(gender_seal::report::framework_summary(
            &self.fw,
            Format::Json,
            lang,
        ))
        .map_err(|e| js(&e))
    }
}

/// One office's evidence against a framework.
#[wasm_bindgen]
pub struct Assessment {
    a: Arc<LibAssessment>,
}

#[wasm_bindgen]
impl Assessment {
    /// Parses an assessment from JSON text.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Assessment, JsValue> {
        LibAssessment::from_json(text.as_bytes())
            .map(|a| Assessment { a: Arc::new(a) })
            .map_err(|e| js(&e))
    }

    /// Reads an assessment from a file's bytes: JSON, an `.xlsx` matrix or CSV (told by
    /// content), with a workbook's rating labels read as `framework` names them.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8], framework: Option<Framework>) -> Result<Assessment, JsValue> {
        match framework {
            Some(f) => LibAssessment::from_bytes_for(bytes, &f.fw),
            None => LibAssessment::from_bytes(bytes),
        }
        .map(|a| Assessment { a: Arc::new(a) })
        .map_err(|e| js(&e))
    }

    /// The assessment as JSON text (the library's own format).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.a.to_json()
    }

    /// The assessment as the `.xlsx` matrix `gender-seal convert` writes.
    #[wasm_bindgen(js_name = toXlsx)]
    pub fn to_xlsx(&self, framework: &Framework, lang: &str) -> Result<Vec<u8>, JsValue> {
        let lang = self::lang(lang).map_err(|e| js(&e))?;
        sheet::to_xlsx(&self.a, &framework.fw, lang).map_err(|e| js(&e))
    }

    /// The assessment as the CSV matrix `gender-seal convert --to csv` writes.
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self, framework: &Framework, lang: &str) -> Result<Vec<u8>, JsValue> {
        let lang = self::lang(lang).map_err(|e| js(&e))?;
        sheet::to_csv(&self.a, &framework.fw, lang).map_err(|e| js(&e))
    }

    /// Office name.
    #[wasm_bindgen(getter)]
    pub fn office(&self) -> String {
        self.a.office.clone()
    }

    /// Id of the framework it names.
    #[wasm_bindgen(getter, js_name = frameworkId)]
    pub fn framework_id(&self) -> String {
        self.a.framework.id.clone()
    }

    /// Version of the framework it names.
    #[wasm_bindgen(getter, js_name = frameworkVersion)]
    pub fn framework_version(&self) -> String {
        self.a.framework.version.clone()
    }
}

/// The built-in frameworks parsed so far, by id and version (parsing one takes longer than
/// scoring with it).
static BUILTINS: Mutex<Vec<(String, String, Arc<LibFramework>)>> = Mutex::new(Vec::new());

/// A built-in framework, parsed on first use and shared afterwards.
fn builtin(id: &str, version: &str) -> Result<Arc<LibFramework>, Error> {
    let mut cache = BUILTINS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, _, fw)) = cache.iter().find(|(i, v, _)| i == id && v == version) {
        return Ok(Arc::clone(fw));
    }
    let fw = Arc::new(LibFramework::builtin(id, version)?);
    cache.push((id.to_string(), version.to_string(), Arc::clone(&fw)));
    Ok(fw)
}

/// The framework to use: the one given, else the built-in one the assessment names.
fn framework_for(a: &LibAssessment, given: Option<&Framework>) -> Result<Arc<LibFramework>, Error> {
    match given {
        Some(f) => Ok(Arc::clone(&f.fw)),
        None => builtin(&a.framework.id, &a.framework.version),
    }
}

/// The scorecard as `gender-seal score --format <format>` prints it (`json`, `text`,
/// `markdown`, `html`), scored against `framework` (by default the built-in framework the
/// assessment names) in `lang`.
#[wasm_bindgen(js_name = scoreReport)]
pub fn score_report(
    assessment: &Assessment,
    framework: Option<Framework>,
    lang: &str,
    format: &str,
) -> Result<String, JsValue> {
    let run = || {
        let fw = framework_for(&assessment.a, framework.as_ref())?;
        let options = ScoreOptions {
            allow_version_mismatch: false,
            lang: self::lang(lang)?,
        };
        let format = self::format(format)?;
        let card = score_shared(&fw, &assessment.a, &options)?;
        text(gender_seal::report::scorecard(&card, format))
    };
    run().map_err(|e| js(&e))
}

/// The explanation as `gender-seal explain --format <format>` prints it; `target` is a tier id
/// or label (`gold`, `silver:strong`), by default the tier above the awarded one.
#[wasm_bindgen(js_name = explainReport)]
pub fn explain_report(
    assessment: &Assessment,
    framework: Option<Framework>,
    target: Option<String>,
    lang: &str,
    format: &str,
) -> Result<String, JsValue> {
    let run = || {
        let fw = framework_for(&assessment.a, framework.as_ref())?;
        let lang = self::lang(lang)?;
        let format = self::format(format)?;
        let target = target
            .as_deref()
            .map(|t| Rank::parse_target(&fw, t, lang))
            .transpose()?;
        let options = ExplainOptions {
            target,
            allow_version_mismatch: false,
            lang,
        };
        let e = explain_result(&fw, &assessment.a, &options)?;
        text(gender_seal::report::explain(&e, &fw, format))
    };
    run().map_err(|e| js(&e))
}

/// A plan over a baseline assessment: cheapest set for a target, best set for a budget, the
/// timeline and the marginal value of each activity.
#[wasm_bindgen]
pub struct Planner {
    fw: Arc<LibFramework>,
    baseline: Arc<LibAssessment>,
    plan: Plan,
}

#[wasm_bindgen]
impl Planner {
    /// Puts a plan (its file's bytes: JSON, `.xlsx` or CSV) over `baseline`, against
    /// `framework` (by default the built-in framework the baseline names). Checks everything
    /// now.
    #[wasm_bindgen(constructor)]
    pub fn new(
        baseline: &Assessment,
        plan: &[u8],
        framework: Option<Framework>,
    ) -> Result<Planner, JsValue> {
        let run = || {
            let fw = framework_for(&baseline.a, framework.as_ref())?;
            let file = PlanFile::from_bytes(plan, Some(&fw))?;
            let plan = Plan::validate(file, &fw, false)?;
            let p = Planner {
                fw,
                baseline: Arc::clone(&baseline.a),
                plan,
            };
            p.planner().map(drop)?;
            Ok(p)
        };
        run().map_err(|e: Error| js(&e))
    }

    /// The cheapest set reaching `target` (`gold`, `silver:strong`, or a label in `lang`), as
    /// `gender-seal plan --target T --format <format>` prints it.
    pub fn cheapest(
        &self,
        target: &str,
        timeline: bool,
        marginal: bool,
        lang: &str,
        format: &str,
    ) -> Result<String, JsValue> {
        let run = || {
            let l = self::lang(lang)?;
            let rank = Rank::parse_target(&self.fw, target, l)?;
            self.ask(
                Question::Cheapest(rank),
                Views { timeline, marginal },
                l,
                format,
            )
        };
        run().map_err(|e| js(&e))
    }

    /// The best set within `budget` (a decimal string; undefined: the plan's budget).
    pub fn best(
        &self,
        budget: Option<String>,
        timeline: bool,
        marginal: bool,
        lang: &str,
        format: &str,
    ) -> Result<String, JsValue> {
        let run = || {
            let l = self::lang(lang)?;
            let budget = budget
                .as_deref()
                .map(|b| {
                    b.trim()
                        .parse::<Number>()
                        .map_err(|m| bad_argument("budget", m.to_string()))
                })
                .transpose()?;
            self.ask(
                Question::Best(budget),
                Views { timeline, marginal },
                l,
                format,
            )
        };
        run().map_err(|e| js(&e))
    }

    /// The whole plan's scorecard at the baseline and at the end of each quarter.
    pub fn timeline(&self, lang: &str, format: &str) -> Result<String, JsValue> {
        let views = Views {
            timeline: true,
            marginal: false,
        };
        lang_then(lang, |l| self.ask(Question::WholePlan, views, l, format))
    }

    /// What each activity adds alone to the committed ones, best first.
    pub fn marginal(&self, lang: &str, format: &str) -> Result<String, JsValue> {
        let views = Views {
            timeline: false,
            marginal: true,
        };
        lang_then(lang, |l| self.ask(Question::Committed, views, l, format))
    }
}

fn lang_then(lang: &str, f: impl FnOnce(Lang) -> Result<String, Error>) -> Result<String, JsValue> {
    self::lang(lang).and_then(f).map_err(|e| js(&e))
}

impl Planner {
    fn planner(&self) -> Result<LibPlanner<'_>, Error> {
        let resolved = self.baseline.resolve(&self.fw, false)?;
        LibPlanner::from_resolved(&self.fw, &self.baseline, resolved, &self.plan)
    }

    fn ask(
        &self,
        question: Question,
        views: Views,
        lang: Lang,
        format: &str,
    ) -> Result<String, Error> {
        let format = self::format(format)?;
        let w = self.planner()?.what_if(question, views, lang)?;
        text(gender_seal::report::what_if(
            &w, &self.plan, &self.fw, format,
        ))
    }
}

/// A live scorer for a form: a framework and an assessment being edited. Each change is one
/// call; `summary()` rescoring reads only the headline figures, `json()` the whole scorecard.
#[wasm_bindgen]
pub struct Scorer {
    fw: Arc<LibFramework>,
    a: LibAssessment,
    options: ScoreOptions,
}

#[wasm_bindgen]
impl Scorer {
    /// A scorer over `assessment` against `framework` (by default the built-in framework the
    /// assessment names), in `lang`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        assessment: &Assessment,
        framework: Option<Framework>,
        lang: &str,
    ) -> Result<Scorer, JsValue> {
        let run = || {
            Ok(Scorer {
                fw: framework_for(&assessment.a, framework.as_ref())?,
                a: (*assessment.a).clone(),
                options: ScoreOptions {
                    allow_version_mismatch: false,
                    lang: self::lang(lang)?,
                },
            })
        };
        run().map_err(|e: Error| js(&e))
    }

    /// Changes the language of labels.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, lang: &str) -> Result<(), JsValue> {
        self.options.lang = self::lang(lang).map_err(|e| js(&e))?;
        Ok(())
    }

    fn entry(&mut self, id: &str) -> &mut Evidence {
        let map = &mut self.a.evidence.0;
        let at = match map.iter().position(|(k, _)| k == id) {
            Some(i) => i,
            None => {
                map.push((
                    id.to_string(),
                    Evidence {
                        rating: None,
                        value: None,
                        status: None,
                        sources: Vec::new(),
                        note: None,
                    },
                ));
                map.len() - 1
            }
        };
        &mut map[at].1
    }

    /// Rates benchmark `id` (a rating id, or `not_applicable`); its value, if any, is dropped.
    #[wasm_bindgen(js_name = setRating)]
    pub fn set_rating(&mut self, id: &str, rating: &str) {
        let e = self.entry(id);
        e.rating = Some(rating.to_string());
        e.value = None;
    }

    /// Gives benchmark `id` a value (a decimal string) for its rule; its rating is dropped.
    ///
    /// # Errors
    ///
    /// A `request` error for text that is not a decimal.
    #[wasm_bindgen(js_name = setValue)]
    pub fn set_value(&mut self, id: &str, value: &str) -> Result<(), JsValue> {
        let v = value
            .trim()
            .parse::<Number>()
            .map_err(|m| js(&bad_argument("value", m.to_string())))?;
        let e = self.entry(id);
        e.value = Some(v);
        e.rating = None;
        Ok(())
    }

    /// Sets (or with an empty text clears) the note of benchmark `id`.
    #[wasm_bindgen(js_name = setNote)]
    pub fn set_note(&mut self, id: &str, note: &str) {
        self.entry(id).note = (!note.is_empty()).then(|| note.to_string());
    }

    /// Removes the evidence of benchmark `id`.
    pub fn clear(&mut self, id: &str) {
        self.a.evidence.0.retain(|(k, _)| k != id);
    }

    /// Sets the office name.
    #[wasm_bindgen(js_name = setOffice)]
    pub fn set_office(&mut self, office: &str) {
        office.clone_into(&mut self.a.office);
    }

    /// The headline figures as JSON text: `{"percentage", "official", "tier", "tierId",
    /// "nextTier", "pointsMissing", "failing"}` (decimals as strings; `tier`/`nextTier` null
    /// when absent).
    pub fn summary(&self) -> Result<String, JsValue> {
        let card = score_shared(&self.fw, &self.a, &self.options).map_err(|e| js(&e))?;
        let tier = card.tier();
        let next = card.next();
        Ok(serde_json::json!({
            "percentage": format_decimal(card.percentage()),
            "official": format_decimal(card.percentage_rounded()),
            "tier": tier.as_ref().map(|t| &*t.label),
            "tierId": tier.as_ref().map(|t| t.id.to_string()),
            "nextTier": next.as_ref().map(|n| &*n.label),
            "pointsMissing": next.as_ref().map(|n| format_decimal(n.points_missing)),
            "failing": next.as_ref().map_or(0, |n| n.failing.len()),
        })
        .to_string())
    }

    /// The whole scorecard as `gender-seal score --format json` prints it.
    pub fn json(&self) -> Result<String, JsValue> {
        self.report("json")
    }

    /// The scorecard in a textual format (`json`, `text`, `markdown`, `html`).
    pub fn report(&self, format: &str) -> Result<String, JsValue> {
        let run = || {
            let format = self::format(format)?;
            let card = score_shared(&self.fw, &self.a, &self.options)?;
            text(gender_seal::report::scorecard(&card, format))
        };
        run().map_err(|e| js(&e))
    }

    /// The explanation (`gender-seal explain --format json`) of the current evidence.
    #[wasm_bindgen(js_name = explainJson)]
    pub fn explain_json(&self) -> Result<String, JsValue> {
        let options = ExplainOptions {
            target: None,
            allow_version_mismatch: false,
            lang: self.options.lang,
        };
        explain_result(&self.fw, &self.a, &options)
            .and_then(|e| text(gender_seal::report::explain(&e, &self.fw, Format::Json)))
            .map_err(|e| js(&e))
    }

    /// The assessment being edited, as an `Assessment`.
    pub fn assessment(&self) -> Assessment {
        Assessment {
            a: Arc::new(self.a.clone()),
        }
    }

    /// The framework scored against.
    pub fn framework(&self) -> Framework {
        Framework {
            fw: Arc::clone(&self.fw),
        }
    }
}
