//! `gender-seal check` (not built yet).

use clap::Args;
use gender_seal::{Error, ErrorKind};

use crate::{Done, Output};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {}

pub(crate) fn run(_: &CheckArgs, _: &Output) -> Result<Done, Error> {
    Err(Error::new(
        ErrorKind::Request,
        "",
        "'check' is not built yet",
    ))
}
