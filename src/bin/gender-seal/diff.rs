//! `gender-seal diff` (not built yet).

use clap::Args;
use gender_seal::{Error, ErrorKind};

use crate::{Done, Output};

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub(crate) struct DiffArgs {}

pub(crate) fn run(_: &DiffArgs, _: &Output) -> Result<Done, Error> {
    Err(Error::new(
        ErrorKind::Request,
        "",
        "'diff' is not built yet",
    ))
}
