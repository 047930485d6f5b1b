//! `gender-seal schema KIND`: prints the JSON Schema of a file format (always JSON, whatever
//! `--format` says).

use clap::Args;
use clap::builder::PossibleValuesParser;
use gender_seal::Error;

use crate::{Done, Output};

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    /// The format: inputs (framework, assessment, expectations…) and JSON outputs (scorecard,
    /// check-report, diff-report…).
    #[arg(value_parser = PossibleValuesParser::new(gender_seal::schema::kinds()))]
    kind: String,
}

pub(crate) fn run(args: &SchemaArgs, _: &Output) -> Result<Done, Error> {
    gender_seal::schema::schema_text(&args.kind).map(Done::ok)
}
