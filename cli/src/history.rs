//! `gender-seal history [--framework F] ASSESSMENT… [--allow-mixed-offices]
//! [--allow-version-mismatch]`: one office's rounds side by side, ordered by period.

use std::path::PathBuf;

use clap::Args;
use gender_seal::history::{HistoryOptions, Round, history};
use gender_seal::{Assessment, Error, Framework};

use crate::{Done, Output, builtin_named, framework_for};

/// Arguments of `history`.
#[derive(Debug, Args)]
pub(crate) struct HistoryArgs {
    /// Framework file for every round; without it, each round is scored against the built-in
    /// framework it names.
    #[arg(long)]
    framework: Option<PathBuf>,
    /// Assessment files (JSON), one per round, in any order: they are ordered by period.
    #[arg(required = true)]
    assessments: Vec<PathBuf>,
    /// Put rounds of different offices side by side instead of refusing.
    #[arg(long)]
    allow_mixed_offices: bool,
    /// Score assessments written for another version of the framework (with a warning);
    /// without --framework, against the built-in version of the framework each names.
    #[arg(long)]
    allow_version_mismatch: bool,
}

pub(crate) fn run(args: &HistoryArgs, out: &Output) -> Result<Done, Error> {
    // A --framework file is read once for every round (not once per round): a hundred rounds
    // of the largest framework hold one parsed copy of it.
    let shared = match &args.framework {
        Some(path) => Some(Framework::from_path(path)?),
        None => None,
    };
    let mut loaded: Vec<(String, Assessment, Option<Framework>)> = Vec::new();
    for path in &args.assessments {
        let a = Assessment::from_path(path)?;
        let own = match (&shared, args.allow_version_mismatch) {
            (Some(_), _) => None,
            (None, true) => Some(
                builtin_named(&a.framework, true)
                    .map_err(|e| e.in_file(path.display().to_string()))?,
            ),
            (None, false) => Some(framework_for(None, &a, path)?),
        };
        loaded.push((path.display().to_string(), a, own));
    }
    let mut rounds: Vec<Round<'_>> = Vec::with_capacity(loaded.len());
    for (file, assessment, own) in &loaded {
        if let Some(framework) = own.as_ref().or(shared.as_ref()) {
            rounds.push(Round {
                file,
                framework,
                assessment,
            });
        }
    }
    let options = HistoryOptions {
        allow_mixed_offices: args.allow_mixed_offices,
        allow_version_mismatch: args.allow_version_mismatch,
        lang: out.lang(),
    };
    let h = history(&rounds, &options)?;
    Ok(Done::ok(gender_seal::report::history(&h, out.format())))
}
