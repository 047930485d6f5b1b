//! `gender-seal plan [--framework F] --baseline A PLAN (--target T | --budget [B] | --timeline
//! | --marginal)`: the what-if answers of docs/plan.md.
//!
//! `--target` and `--budget` choose a set (cheapest reaching the target; best within the
//! budget, the plan's own without a value). `--timeline` and `--marginal` add a view of the
//! chosen set — of the whole plan (timeline) or of the committed activities (marginal) when no
//! set is chosen.

use std::path::PathBuf;

use clap::{ArgGroup, Args};
use gender_seal::plan::{Limit, Plan, PlanFile, Planner, Question, Views};
use gender_seal::{Assessment, Error, ErrorKind, Location, Number, Problem, Rank};

use crate::{Done, Output, framework_for};

/// Arguments of `plan`.
#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("question")
        .required(true)
        .multiple(true)
        .args(["target", "budget", "timeline", "marginal"])
))]
pub(crate) struct PlanArgs {
    /// Framework file; without it, the built-in framework the baseline names.
    #[arg(long)]
    framework: Option<PathBuf>,
    /// Baseline assessment file (JSON).
    #[arg(long)]
    baseline: PathBuf,
    /// Plan file (JSON, .xlsx or CSV, told by content).
    plan: PathBuf,
    /// Cheapest set reaching a tier: `gold`, or `silver:strong`.
    #[arg(long, value_name = "TIER[:strong]", conflicts_with = "budget")]
    target: Option<String>,
    /// Best set within a budget (without a value: the plan's budget).
    #[arg(long, value_name = "B", num_args = 0..=1, default_missing_value = "plan")]
    budget: Option<String>,
    /// Scorecard at the baseline and at the end of each quarter, for the chosen set or the
    /// whole plan.
    #[arg(long, conflicts_with = "marginal")]
    timeline: bool,
    /// What each other activity adds alone to the chosen set or the committed activities.
    #[arg(long)]
    marginal: bool,
    /// Accept a baseline or plan written for another version of the framework.
    #[arg(long)]
    allow_version_mismatch: bool,
    /// Wall-clock limit of the search, in seconds (e.g. `10` or `0.5`), instead of the
    /// default deterministic work budget. When it runs out, the answer is the best set found,
    /// marked not proven optimal, with a proven bound.
    #[arg(long, value_name = "SECONDS")]
    time_limit: Option<String>,
}

const TIME_LIMIT_FLAG: &str = "--time-limit";

fn time_limit(text: &str) -> Result<Limit, Error> {
    let flag = |m: String| {
        Error::at(
            ErrorKind::Request,
            Location::Flag(TIME_LIMIT_FLAG.into()),
            m,
        )
    };
    let s = text.parse::<Number>().map_err(flag)?;
    let micros = u64::try_from(s.micros()).unwrap_or(0);
    if micros == 0 {
        return Err(flag(format!(
            "time limit {s} is not a positive number of seconds"
        )));
    }
    Ok(Limit::Time(std::time::Duration::from_micros(micros)))
}

const BUDGET_FLAG: &str = "--budget";

fn budget(text: &str) -> Result<Option<Number>, Error> {
    if text == "plan" {
        return Ok(None);
    }
    let flag = |m: String| Error::at(ErrorKind::Request, Location::Flag(BUDGET_FLAG.into()), m);
    let b = text.parse::<Number>().map_err(flag)?;
    if b < Number::default() {
        return Err(flag(format!("budget {b} is negative")));
    }
    Ok(Some(b))
}

/// A problem with the budget (the planner names it `budget`) is the flag's when `--budget`
/// gave one, else the plan file's `budget` field; anything else passes as it is.
fn blame(e: Error, budget_given: bool, plan_path: &str) -> Error {
    if !e.problems().iter().all(|p| p.location == "budget") {
        return e;
    }
    if !budget_given {
        return e.in_file(plan_path);
    }
    let problems = e
        .problems()
        .iter()
        .map(|p| Problem {
            location: Location::Flag(BUDGET_FLAG.into()),
            message: p.message.clone(),
        })
        .collect();
    Error::from_problems(e.kind(), problems).unwrap_or(e)
}

pub(crate) fn run(args: &PlanArgs, out: &Output) -> Result<Done, Error> {
    let baseline_path = args.baseline.display().to_string();
    let plan_path = args.plan.display().to_string();
    let baseline = Assessment::from_path(&args.baseline)?;
    let fw = framework_for(args.framework.as_ref(), &baseline, &args.baseline)?;
    let resolved = baseline
        .resolve(&fw, args.allow_version_mismatch)
        .map_err(|e| e.in_file(&baseline_path))?;
    let file = gender_seal::load::read_file(&args.plan)
        .and_then(|b| PlanFile::from_bytes(&b, Some(&fw)))
        .map_err(|e| e.in_file(&plan_path))?;
    let plan = Plan::validate(file, &fw, args.allow_version_mismatch)
        .map_err(|e| e.in_file(&plan_path))?;
    // Nothing applicable is the baseline's fault; the rest (effects on benchmarks it rates not
    // applicable, a plan for another framework) the plan's.
    let limit = args.time_limit.as_deref().map(time_limit).transpose()?;
    let mut planner =
        Planner::from_resolved(&fw, &baseline, resolved, &plan).map_err(|e| match e.kind() {
            ErrorKind::NotScorable => e.in_file(&baseline_path),
            _ => e.in_file(&plan_path),
        })?;
    if let Some(limit) = limit {
        planner = planner.with_limit(limit);
    }
    let question = match (&args.target, &args.budget) {
        (Some(t), _) => Question::Cheapest(Rank::parse_target(&fw, t, out.lang())?),
        (None, Some(b)) => Question::Best(budget(b)?),
        (None, None) if args.timeline => Question::WholePlan,
        (None, None) => Question::Committed,
    };
    let views = Views {
        timeline: args.timeline,
        marginal: args.marginal,
    };
    let budget_given = matches!(&question, Question::Best(Some(_)));
    let answer = planner
        .what_if(question, views, out.lang())
        .map_err(|e| blame(e, budget_given, &plan_path))?;
    Ok(Done::ok(gender_seal::report::what_if(
        &answer,
        &plan,
        &fw,
        out.format(),
    )))
}
