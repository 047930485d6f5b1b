//! `gender-seal diff --from F1 --to F2 ASSESSMENT… [--fail-on-change]`: the same evidence
//! under two frameworks, side by side. Exit 0, or 1 with `--fail-on-change` when an official
//! result differs; 2 on bad input.

use std::path::PathBuf;

use clap::Args;
use gender_seal::{Error, Framework};

use crate::{Done, Output};

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The framework file before the change.
    #[arg(long)]
    from: PathBuf,
    /// The framework file after the change.
    #[arg(long)]
    to: PathBuf,
    /// Assessment files (JSON), scored under both frameworks whatever framework they name.
    #[arg(required = true)]
    assessments: Vec<PathBuf>,
    /// Exit with status 1 when any office's official percentage, tier or "strong" differs.
    #[arg(long)]
    fail_on_change: bool,
}

pub(crate) fn run(args: &DiffArgs, out: &Output) -> Result<Done, Error> {
    let from = Framework::from_path(&args.from)?;
    let to = Framework::from_path(&args.to)?;
    let diff = gender_seal::diff::diff_files(&from, &to, &args.assessments, out.lang())?;
    let changed = diff.summary.changed > 0;
    Ok(Done {
        stdout: gender_seal::report::diff(&diff, &from, &to, out.format()),
        code: u8::from(args.fail_on_change && changed),
    })
}
