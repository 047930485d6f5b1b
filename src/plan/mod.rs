//! Plans and what-if (docs/plan.md): activities with costs, quarters and effects on benchmarks;
//! their projection over a baseline assessment, the quarterly timeline, the marginal value of
//! each activity, and the exact cheapest set reaching a target tier or best use of a budget.
//!
//! A [`PlanFile`] is read as written (unknown fields rejected), then validated against a
//! framework into a [`Plan`] whose effects refer to benchmarks and ratings by index. A
//! [`Planner`] puts a plan over a baseline assessment and answers the questions.
//!
//! ```
//! use gender_seal::{Assessment, Framework, Rank};
//! use gender_seal::plan::{Plan, Planner};
//!
//! let fw = Framework::builtin("undp-gender-seal-co", "2021.2")?;
//! let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/");
//! let mali = Assessment::from_path(format!("{dir}mali-2020.json"))?;
//! let plan = Plan::from_path(format!("{dir}mali-2021-plan.json"), &fw)?;
//! let planner = Planner::new(&fw, &mali, &plan)?;
//! // No set of the plan's activities reaches Gold (the GR2 and PR3 gates fail): the answer
//! // is the best reachable result, 87 % Silver-strong for 19,000 USD with 5 activities.
//! let gold = planner.cheapest(Rank::parse_target(&fw, "gold", gender_seal::i18n::Lang::EN)?)?;
//! assert!(!gold.feasible);
//! assert_eq!(gold.cost.to_string(), "19000");
//! assert_eq!(plan.ids(gold.set).len(), 5);
//! # Ok::<(), gender_seal::Error>(())
//! ```

mod answer;
mod bounds;
mod front;
mod model;
mod optimize;
mod project;
mod search;
mod set;
#[cfg(feature = "office")]
pub mod sheet;
pub(crate) mod units;

use crate::id::Id;
use std::collections::HashMap;
use std::path::Path;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use answer::{Change, Question, Shortfall, TargetInfo, Views, WhatIf};
pub use optimize::{Choice, DEFAULT_LIMIT, DEFAULT_WORK};
pub use project::{Marginal, Outcome, Planner, TimelinePoint};
pub use search::Limit;
pub use set::ActivitySet;

use crate::assessment::FrameworkRef;
use crate::error::{Error, ErrorKind, Problems, Result};
use crate::framework::{Framework, NOT_APPLICABLE};
use crate::i18n::localised::Text;
use crate::num::decimal::Number;

/// Most activities a plan may have (docs/formats.md): sets of activities are 64-bit masks.
pub const MAX_ACTIVITIES: usize = 64;

/// A plan file as written (docs/plan.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    /// The framework the plan is written against.
    pub framework: FrameworkRef,
    /// Office name.
    pub office: String,
    /// Period the plan covers, e.g. `2021`; projected scorecards carry it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Currency of the costs and budget (free text, e.g. `USD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Money available, used by `best` when the caller gives no budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Number>,
    /// Where the plan comes from, what it assumes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The activities, at most 64.
    pub activities: Vec<ActivityFile>,
    /// The JSON Schema the file follows, for editors (`docs/schema/`); ignored.
    #[serde(default, rename = "$schema", skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
}

/// One activity as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityFile {
    /// Activity id, unique in the plan.
    pub id: String,
    /// Title (localised, or a plain string taken as English).
    pub title: Text,
    /// Cost, 0 or more, in the plan's currency.
    pub cost: Number,
    /// Quarter (1 to 4) at whose end its effects land; default 4.
    #[serde(default = "default_quarter")]
    pub quarter: u32,
    /// Committed activities are in every set the planner considers.
    #[serde(default)]
    pub committed: bool,
    /// How the activity is paid for, as the plan says: `funded` (from the money available),
    /// `no_cost` (staff time only), `to_raise` (money still to find) or `unallocated` (costed,
    /// but the plan does not say from which source). Information for readers; the planner
    /// does not use it (`budget` and `committed` decide what it may choose).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Funding>,
    /// What the activity changes.
    #[serde(default)]
    pub effects: Vec<EffectFile>,
    /// Why these effects: the target quoted, the reading of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Sources of verification the activity will produce.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl PlanFile {
    /// Parses a plan file's shape from JSON bytes; [`Plan::validate`] checks its content.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Syntax`] or [`ErrorKind::Format`], with the JSON path.
    pub fn from_json(bytes: &[u8]) -> Result<PlanFile> {
        crate::load::json::from_json(bytes)
    }

    /// Parses a plan file from JSON, an `.xlsx` workbook or CSV, chosen by content (zip →
    /// workbook, `{` → JSON, anything else CSV; workbooks and CSV need the `office` feature).
    /// In a workbook or CSV file, effect ratings are ids or labels of `fw` (else of the
    /// built-in framework its header names), and problems name their cell or line.
    ///
    /// # Errors
    ///
    /// As [`PlanFile::from_json`]; for a workbook or CSV file, [`ErrorKind::Syntax`],
    /// [`ErrorKind::Format`] or [`ErrorKind::Invalid`] at a cell or line.
    pub fn from_bytes(bytes: &[u8], fw: Option<&Framework>) -> Result<PlanFile> {
        #[cfg(feature = "office")]
        {
            use crate::load::grid::{self, Content};
            match grid::sniff(bytes) {
                Content::Json => PlanFile::from_json(bytes),
                Content::Workbook => {
                    sheet::read(&grid::workbook_sheet(bytes, &[sheet::SHEET])?, fw)
                }
                Content::Csv => sheet::read(&grid::csv(bytes)?, fw),
            }
        }
        #[cfg(not(feature = "office"))]
        {
            let _ = fw;
            PlanFile::from_json(bytes)
        }
    }

    /// The plan file as a JSON document (pretty, with a final newline).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string());
        s.push('\n');
        s
    }
}

fn default_quarter() -> u32 {
    4
}

/// How an activity is paid for, as its plan says ([`ActivityFile::funding`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Funding {
    /// Paid from the money available.
    Funded,
    /// Costs staff time only.
    NoCost,
    /// Needs money still to be raised.
    ToRaise,
    /// Costed, but the plan does not say whether from the money available or from money to
    /// raise.
    Unallocated,
}

/// One effect as written: a benchmark and exactly one of `rating` or `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EffectFile {
    /// Benchmark id.
    pub benchmark: String,
    /// Rating id of the scale the benchmark reaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// Indicator value reached (rule benchmarks only); the rule gives the rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    /// Why this effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A validated plan: activities in file order, effects by benchmark and rating index.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    file: PlanFile,
    framework: FrameworkRef,
    activities: Vec<Activity>,
}

/// A validated activity.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Activity {
    /// Activity id.
    pub id: Id,
    /// Title.
    pub title: Text,
    /// Cost.
    pub cost: Number,
    /// Quarter at whose end its effects land (1 to 4).
    pub quarter: u8,
    /// Whether it is always in the set.
    pub committed: bool,
    /// Effects, at most one per benchmark.
    pub effects: Vec<Effect>,
}

/// A validated effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Effect {
    /// Benchmark index in the framework.
    pub benchmark: usize,
    /// Rating index the benchmark reaches.
    pub rating: usize,
    /// The indicator value, when the rating is derived by the rule.
    pub value: Option<Number>,
}

impl Plan {
    /// Parses a plan from JSON bytes and validates it against `fw`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Syntax`] or [`ErrorKind::Format`] for a malformed document;
    /// [`ErrorKind::FrameworkMismatch`] when it names another framework;
    /// [`ErrorKind::Invalid`] listing every bad activity or effect with its path
    /// (`activities[3].effects[0].benchmark`).
    pub fn from_json(bytes: &[u8], fw: &Framework) -> Result<Plan> {
        Plan::validate(PlanFile::from_json(bytes)?, fw, false)
    }

    /// Parses a plan from JSON, a workbook or CSV ([`PlanFile::from_bytes`]) and validates
    /// it against `fw`.
    ///
    /// # Errors
    ///
    /// As [`PlanFile::from_bytes`] and [`Plan::validate`].
    pub fn from_bytes(bytes: &[u8], fw: &Framework) -> Result<Plan> {
        Plan::validate(PlanFile::from_bytes(bytes, Some(fw))?, fw, false)
    }

    /// Reads, parses and validates a plan file; errors name the file.
    ///
    /// # Errors
    ///
    /// As [`Plan::from_json`], plus [`ErrorKind::Io`].
    pub fn from_path(path: impl AsRef<Path>, fw: &Framework) -> Result<Plan> {
        crate::load::from_path(path.as_ref(), |b| Plan::from_bytes(b, fw))
    }

    /// Validates a plan file against `fw` (its version may differ only when
    /// `allow_version_mismatch`).
    ///
    /// # Errors
    ///
    /// As [`Plan::from_json`], without the parsing errors.
    pub fn validate(file: PlanFile, fw: &Framework, allow_version_mismatch: bool) -> Result<Plan> {
        file.framework.check(fw, allow_version_mismatch)?;
        let mut p = Problems::default();
        if file.activities.len() > MAX_ACTIVITIES {
            p.push(
                "activities",
                format!(
                    "{} activities; a plan has at most {MAX_ACTIVITIES}",
                    file.activities.len()
                ),
            );
        }
        if let Some(b) = file.budget
            && b < Number::default()
        {
            p.push("budget", format!("budget {b} is negative"));
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut activities = Vec::with_capacity(file.activities.len());
        for (i, a) in file.activities.iter().enumerate() {
            let path = format!("activities[{i}]");
            crate::framework::check_id(&mut p, &format!("{path}.id"), "activity", &a.id);
            if let Some(first) = seen.insert(&a.id, i) {
                seen.insert(&a.id, first);
                p.push(
                    format!("{path}.id"),
                    format!(
                        "duplicate activity id '{}' (first at activities[{first}])",
                        a.id
                    ),
                );
            }
            if a.title.is_blank() {
                p.push(format!("{path}.title"), "title is empty");
            }
            if a.cost < Number::default() {
                p.push(
                    format!("{path}.cost"),
                    format!("cost {} is negative; costs are 0 or more", a.cost),
                );
            }
            if !(1..=4).contains(&a.quarter) {
                p.push(
                    format!("{path}.quarter"),
                    format!("quarter {} out of range: 1 to 4", a.quarter),
                );
            }
            let effects = validate_effects(&mut p, &path, a, fw);
            activities.push(Activity {
                id: Id::from(a.id.as_str()),
                title: a.title.clone(),
                cost: a.cost,
                quarter: u8::try_from(a.quarter.clamp(1, 4)).unwrap_or(4),
                committed: a.committed,
                effects,
            });
        }
        p.finish(ErrorKind::Invalid)?;
        Ok(Plan {
            framework: FrameworkRef::of(fw),
            file,
            activities,
        })
    }

    /// The file as written.
    pub fn file(&self) -> &PlanFile {
        &self.file
    }

    /// The framework it was validated against.
    pub fn framework(&self) -> &FrameworkRef {
        &self.framework
    }

    /// Activities in file order.
    pub fn activities(&self) -> &[Activity] {
        &self.activities
    }

    /// Index of an activity by id.
    pub fn activity_index(&self, id: &str) -> Option<usize> {
        self.activities.iter().position(|a| &*a.id == id)
    }

    /// Total cost of a set of activities, exactly.
    pub fn cost(&self, set: ActivitySet) -> Decimal {
        let micros: i128 = set
            .iter()
            .map(|i| i128::from(self.activities[i].cost.micros()))
            .sum();
        crate::num::decimal::scaled(micros, crate::num::decimal::MAX_DECIMALS)
    }

    /// Every activity.
    pub fn all(&self) -> ActivitySet {
        ActivitySet::first(self.activities.len())
    }

    /// The committed activities.
    pub fn committed(&self) -> ActivitySet {
        self.activities
            .iter()
            .enumerate()
            .filter(|(_, a)| a.committed)
            .map(|(i, _)| i)
            .collect()
    }

    /// Ids of a set, sorted in byte order.
    pub fn ids(&self, set: ActivitySet) -> Vec<Id> {
        let mut ids: Vec<Id> = set.iter().map(|i| self.activities[i].id.clone()).collect();
        ids.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        ids
    }
}

fn validate_effects(p: &mut Problems, path: &str, a: &ActivityFile, fw: &Framework) -> Vec<Effect> {
    let mut first_on: HashMap<usize, usize> = HashMap::new();
    let mut effects = Vec::with_capacity(a.effects.len());
    for (j, e) in a.effects.iter().enumerate() {
        let path = format!("{path}.effects[{j}]");
        let Some(bi) = fw.benchmark_index(&e.benchmark) else {
            p.push(
                format!("{path}.benchmark"),
                format!(
                    "effect on unknown benchmark '{}'{}",
                    e.benchmark,
                    crate::did_you_mean::suggest(p, &e.benchmark, fw.benchmark_ids())
                ),
            );
            continue;
        };
        if let Some(first) = first_on.insert(bi, j) {
            first_on.insert(bi, first);
            p.push(
                format!("{path}.benchmark"),
                format!(
                    "second effect on {} in activity '{}' (first at effects[{first}]); give one",
                    e.benchmark, a.id
                ),
            );
            continue;
        }
        match (&e.rating, e.value) {
            (Some(_), Some(_)) => p.push(
                path,
                format!(
                    "effect on {} has both 'rating' and 'value'; give one",
                    e.benchmark
                ),
            ),
            (None, None) => p.push(
                path,
                format!("effect on {} has neither 'rating' nor 'value'", e.benchmark),
            ),
            (Some(r), None) if r == NOT_APPLICABLE => p.push(
                format!("{path}.rating"),
                format!(
                    "an effect cannot make {} not applicable; give a rating of the scale ({})",
                    e.benchmark,
                    fw.rating_list()
                ),
            ),
            (Some(r), None) => match fw.rating_index(r) {
                Some(ri) => effects.push(Effect {
                    benchmark: bi,
                    rating: ri,
                    value: None,
                }),
                None => p.push(
                    format!("{path}.rating"),
                    format!(
                        "unknown rating '{r}' for benchmark {}; expected one of {}",
                        e.benchmark,
                        fw.rating_list()
                    ),
                ),
            },
            (None, Some(v)) => match crate::assessment::rate_value(fw, bi, v) {
                Ok(ri) => effects.push(Effect {
                    benchmark: bi,
                    rating: ri,
                    value: Some(v),
                }),
                Err(m) => p.push(format!("{path}.value"), m),
            },
        }
    }
    effects
}

/// Resolves activity ids into a set, for callers that name activities.
///
/// # Errors
///
/// [`ErrorKind::Request`] for an unknown id, with the nearest id suggested.
pub fn select(plan: &Plan, ids: &[&str]) -> Result<ActivitySet> {
    ids.iter()
        .map(|id| {
            plan.activity_index(id).ok_or_else(|| {
                Error::new(
                    ErrorKind::Request,
                    "",
                    format!(
                        "unknown activity '{id}'{}",
                        crate::did_you_mean::did_you_mean(
                            id,
                            plan.activities.iter().map(|a| &*a.id)
                        )
                    ),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
