//! For a host's test suite: expectations files as one-line regression tests. It sits above
//! the report layer (a failure shows the check report) and below nothing.
//!
//! ```
//! gender_seal::testing::assert_expectations(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/expectations.json"));
//! ```

use std::path::Path;

use crate::expect::{Report, check_file};
use crate::i18n::Lang;
use crate::report::{Format, check};

/// Runs every case of an expectations file and panics, with the text report, when a case
/// fails or the file cannot be run.
///
/// # Panics
///
/// When any case fails, or on any error of [`check_file`].
#[allow(clippy::panic)] // A test assertion: panicking is its whole purpose.
pub fn assert_expectations(path: impl AsRef<Path>) {
    match check_file(path.as_ref()) {
        Ok(report) if report.failed() == 0 => {}
        Ok(report) => panic!(
            "\n{}",
            check(&Report::of(vec![report]), Format::Text, Lang::EN)
                .text()
                .unwrap_or_default()
        ),
        Err(e) => panic!("cannot run expectations: {e}"),
    }
}
