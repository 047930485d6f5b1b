//! `gender-seal plan [--framework F] --baseline A PLAN (--target T | --budget [B] | --timeline
//! | --marginal)`: the what-if answers of SPEC §7.
//!
//! `--target` and `--budget` choose a set (cheapest reaching the target; best within the
//! budget, the plan's own without a value). `--timeline` and `--marginal` add a view of the
//! chosen set — of the whole plan (timeline) or of the committed activities (marginal) when no
//! set is chosen.

use std::path::PathBuf;

use clap::{ArgGroup, Args};
use gender_seal::plan::{Plan, PlanFile, Planner, Question, Views};
use gender_seal::{Assessment, Error, ErrorKind, Number, Rank};

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
    /// Plan file (JSON).
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
}

fn budget(text: &str) -> Result<Option<Number>, Error> {
    if text == "plan" {
        return Ok(None);
    }
    text.parse::<Number>()
        .map(Some)
        .map_err(|m| Error::new(ErrorKind::Request, "", format!("--budget: {m}")))
}

pub(crate) fn run(args: &PlanArgs, out: &Output) -> Result<Done, Error> {
    let baseline_path = args.baseline.display().to_string();
    let plan_path = args.plan.display().to_string();
    let baseline = Assessment::from_path(&args.baseline)?;
    let fw = framework_for(args.framework.as_ref(), &baseline, &args.baseline)?;
    let resolved = baseline
        .resolve(&fw, args.allow_version_mismatch)
        .map_err(|e| e.in_file(&baseline_path))?;
    let file = gender_seal::read_file(&args.plan)
        .and_then(|b| PlanFile::from_json(&b))
        .map_err(|e| e.in_file(&plan_path))?;
    let plan = Plan::validate(file, &fw, args.allow_version_mismatch)
        .map_err(|e| e.in_file(&plan_path))?;
    let planner = Planner::from_resolved(&fw, &baseline, resolved, &plan)
        .map_err(|e| e.in_file(&plan_path))?;
    let question = match (&args.target, &args.budget) {
        (Some(t), _) => Question::Cheapest(Rank::parse_target(&fw, t)?),
        (None, Some(b)) => Question::Best(budget(b)?),
        (None, None) if args.timeline => Question::WholePlan,
        (None, None) => Question::Committed,
    };
    let views = Views {
        timeline: args.timeline,
        marginal: args.marginal,
    };
    let answer = planner.what_if(question, views, out.lang())?;
    Ok(Done::ok(gender_seal::report::what_if(
        &answer,
        &plan,
        &fw,
        out.format(),
    )))
}
