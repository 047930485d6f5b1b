//! `gender-seal explain [--framework F] ASSESSMENT [--target T] [--allow-version-mismatch]`:
//! the fewest benchmarks that must rise to reach the target (default: the tier above the
//! awarded one) and the fewest whose fall would lose the awarded rank.

use std::path::PathBuf;

use clap::Args;
use gender_seal::explain::{ExplainOptions, explain};
use gender_seal::{Assessment, Error, Rank};

use crate::{Done, Output, builtin_named, framework_for};

/// Arguments of `explain`.
#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// Framework file; without it, the built-in framework the assessment names.
    #[arg(long)]
    framework: Option<PathBuf>,
    /// Assessment file (JSON).
    assessment: PathBuf,
    /// Target rank of `raise`: a tier id or its label in the chosen language, `:strong` for its strong rank (`gold`,
    /// `silver:strong`); default the tier above the awarded one.
    #[arg(long)]
    target: Option<String>,
    /// Explain an assessment written for another version of the framework; without
    /// --framework, against the built-in version of the framework it names.
    #[arg(long)]
    allow_version_mismatch: bool,
}

pub(crate) fn run(args: &ExplainArgs, out: &Output) -> Result<Done, Error> {
    let assessment = Assessment::from_path(&args.assessment)?;
    let fw = match (&args.framework, args.allow_version_mismatch) {
        (None, true) => builtin_named(&assessment.framework, true)
            .map_err(|e| e.in_file(args.assessment.display().to_string()))?,
        _ => framework_for(args.framework.as_ref(), &assessment, &args.assessment)?,
    };
    let target = match &args.target {
        Some(t) => Some(Rank::parse_target(&fw, t, out.lang())?),
        None => None,
    };
    let options = ExplainOptions {
        target,
        allow_version_mismatch: args.allow_version_mismatch,
        lang: out.lang(),
    };
    let e = explain(&fw, &assessment, &options)
        .map_err(|e| e.in_file(args.assessment.display().to_string()))?;
    Ok(Done::ok(gender_seal::report::explain(
        &e,
        &fw,
        out.format(),
    )))
}
