//! `gender-seal check EXPECTATIONS…`: runs regression expectation files. Exit 0 when every
//! case passes, 1 when one fails (the report shows expected and actual side by side), 2 on bad
//! input.

use std::path::PathBuf;

use clap::Args;
use gender_seal::Error;
use gender_seal::expect::check_files;

use crate::{Done, Output};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Expectation files (JSON); paths inside are relative to each file.
    #[arg(required = true)]
    expectations: Vec<PathBuf>,
}

pub(crate) fn run(args: &CheckArgs, out: &Output) -> Result<Done, Error> {
    let report = check_files(&args.expectations)?;
    Ok(Done {
        stdout: gender_seal::report::check(&report, out.format(), out.lang()),
        code: if report.passed { 0 } else { 1 },
    })
}
