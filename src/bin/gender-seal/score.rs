//! `gender-seal score [--framework F] ASSESSMENT [--allow-version-mismatch]`.

use std::path::PathBuf;

use clap::Args;
use gender_seal::{Assessment, Error, ScoreOptions, score};

use crate::{Done, Output, builtin_named, framework_for};

/// Arguments of `score`.
#[derive(Debug, Args)]
pub(crate) struct ScoreArgs {
    /// Framework file; without it, the built-in framework the assessment names.
    #[arg(long)]
    framework: Option<PathBuf>,
    /// Assessment file (JSON).
    assessment: PathBuf,
    /// Score an assessment written for another version of the framework (with a warning);
    /// without --framework, against the built-in version of the framework it names.
    #[arg(long)]
    allow_version_mismatch: bool,
}

pub(crate) fn run(args: &ScoreArgs, out: &Output) -> Result<Done, Error> {
    let assessment = Assessment::from_path(&args.assessment)?;
    let fw = match (&args.framework, args.allow_version_mismatch) {
        // The built-in framework of the assessment's id, whatever its version (a warning
        // in the scorecard says the versions differ).
        (None, true) => builtin_named(&assessment.framework, true)
            .map_err(|e| e.in_file(args.assessment.display().to_string()))?,
        _ => framework_for(args.framework.as_ref(), &assessment, &args.assessment)?,
    };
    let options = ScoreOptions {
        allow_version_mismatch: args.allow_version_mismatch,
        lang: out.lang().to_string(),
    };
    let card = score(&fw, &assessment, &options)
        .map_err(|e| e.in_file(args.assessment.display().to_string()))?;
    Ok(Done::ok(gender_seal::report::scorecard(
        &card,
        out.format(),
    )))
}
