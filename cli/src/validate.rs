//! `gender-seal validate FRAMEWORK`: checks a framework file and prints a summary.

use std::path::PathBuf;

use clap::Args;
use gender_seal::{Error, Framework};

use crate::{Done, Output};

/// Arguments of `validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// Framework file (JSON).
    framework: PathBuf,
}

pub(crate) fn run(args: &ValidateArgs, out: &Output) -> Result<Done, Error> {
    let fw = Framework::from_path(&args.framework)?;
    Ok(Done::ok(gender_seal::report::framework_summary(
        &fw,
        out.format(),
        out.lang(),
    )))
}
