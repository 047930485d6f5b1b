//! `gender-seal plan` (not built yet).

use clap::Args;
use gender_seal::{Error, ErrorKind};

use crate::{Done, Output};

/// Arguments of `plan`.
#[derive(Debug, Args)]
pub(crate) struct PlanArgs {}

pub(crate) fn run(_: &PlanArgs, _: &Output) -> Result<Done, Error> {
    Err(Error::new(
        ErrorKind::Request,
        "",
        "'plan' is not built yet",
    ))
}
