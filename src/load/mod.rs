//! The loading layer: bytes from a file, with the size limit checked before reading, and one
//! generic JSON loader for every file kind (depth limit, strict objects, exact numbers, errors
//! that name the JSON path). Every stage reads its files through here.

#[cfg(feature = "office")]
pub mod grid;
#[cfg(feature = "office")]
pub(crate) mod header;
pub(crate) mod json;
pub(crate) mod shared;
mod structs_from_objects;
#[cfg(feature = "office")]
pub(crate) mod workbook;

use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

pub use json::{MAX_DOCUMENT_BYTES, UniqueMap};

/// Reads a whole file, refusing files larger than [`MAX_DOCUMENT_BYTES`] before reading them.
///
/// # Errors
///
/// [`ErrorKind::Io`] when the file cannot be read; [`ErrorKind::Syntax`] when it is too large.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let io = |e: std::io::Error| Error::new(ErrorKind::Io, "", format!("cannot read file: {e}"));
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::new(
            ErrorKind::Syntax,
            "",
            format!("document too large: more than {MAX_DOCUMENT_BYTES} bytes"),
        ));
    }
    Ok(bytes)
}

/// Reads a file of any kind and hands its bytes to `parse` (the stage's reader and
/// validation); every error names the file.
pub(crate) fn from_path<T>(path: &Path, parse: impl FnOnce(&[u8]) -> Result<T>) -> Result<T> {
    read_file(path)
        .and_then(|bytes| parse(&bytes))
        .map_err(|e| e.in_file(path.display().to_string()))
}
