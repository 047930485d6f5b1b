//! `gender-seal schema` (not built yet).

use clap::Args;
use gender_seal::{Error, ErrorKind};

use crate::{Done, Output};

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {}

pub(crate) fn run(_: &SchemaArgs, _: &Output) -> Result<Done, Error> {
    Err(Error::new(
        ErrorKind::Request,
        "",
        "'schema' is not built yet",
    ))
}
