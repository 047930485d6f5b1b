//! `gender-seal score [--framework F] ASSESSMENT [--allow-version-mismatch]`.

use std::path::PathBuf;

use clap::Args;
use gender_seal::{Assessment, Error, Framework, ScoreOptions, score};

use crate::{Done, Output, builtin_named};

/// Arguments of `score`.
#[derive(Debug, Args)]
pub(crate) struct ScoreArgs {
    /// Framework file; without it, the built-in framework the assessment names.
    #[arg(long)]
    framework: Option<PathBuf>,
    /// Assessment file (JSON, .xlsx or CSV, told by content).
    assessment: PathBuf,
    /// Score an assessment written for another version of the framework (with a warning);
    /// without --framework, against the built-in version of the framework it names.
    #[arg(long)]
    allow_version_mismatch: bool,
    /// List every benchmark, not only those not fully met (HTML always lists every one).
    #[arg(long)]
    all: bool,
}

pub(crate) fn run(args: &ScoreArgs, out: &Output) -> Result<Done, Error> {
    // A framework given first reads a workbook's or CSV file's ratings by its own labels.
    let (assessment, fw) = match &args.framework {
        Some(path) => {
            let fw = Framework::from_path(path)?;
            (Assessment::from_path_for(&args.assessment, &fw)?, fw)
        }
        None => {
            let assessment = Assessment::from_path(&args.assessment)?;
            // With a version mismatch allowed, the built-in framework of the assessment's
            // id, whatever its version (a warning in the scorecard says the versions differ).
            let fw = builtin_named(&assessment.framework, args.allow_version_mismatch)
                .map_err(|e| e.in_file(args.assessment.display().to_string()))?;
            (assessment, fw)
        }
    };
    let options = ScoreOptions {
        allow_version_mismatch: args.allow_version_mismatch,
        lang: out.lang(),
    };
    let card = score(&fw, &assessment, &options)
        .map_err(|e| e.in_file(args.assessment.display().to_string()))?;
    let report = if args.all {
        gender_seal::report::scorecard_all(&card, out.format())
    } else {
        gender_seal::report::scorecard(&card, out.format())
    };
    Ok(Done::ok(report))
}
