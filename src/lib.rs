//! # gender-seal
//!
//! Scores a UN office's Gender Equality Seal self-assessment exactly: load a framework
//! (benchmarks, weights, rating scale, indicator rules, tier ladder with gates, rounding) and an
//! office's evidence, and get the exact percentage, the official rounded figure, the tier
//! ("Silver-strong"), per-dimension and per-benchmark detail, what blocks the next tier and by
//! how much.
//!
//! ```
//! use gender_seal::{score, Assessment, Framework, ScoreOptions};
//!
//! let fw = Framework::builtin("undp-gender-seal-co", "2021.1")?;
//! let mali = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
//! let card = score(&fw, &mali, &ScoreOptions { lang: "fr".into(), ..Default::default() })?;
//! assert_eq!(card.percentage_rounded().to_string(), "74");
//! assert_eq!(&*card.tier().unwrap().label, "Argent-fort");
//! assert_eq!(&*card.next().unwrap().id, "gold");
//! # Ok::<(), gender_seal::Error>(())
//! ```
//!
//! ## Scope
//!
//! Every number is an exact decimal ([`Number`], `rust_decimal::Decimal`) or an exact rational:
//! no binary floating point touches a weight, credit, percentage or threshold. Nothing about a
//! particular Seal is hard-coded: offices, rounds and Seals differ only by framework file. The
//! library never prints and never exits; every failure is an [`Error`] naming the JSON path.
//! The data flows one way: file → raw types → validated [`Framework`] / resolved
//! [`Assessment`] → [`Scorecard`] → report.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod assessment;
pub mod decimal;
pub mod diff;
mod error;
pub mod expect;
mod fraction;
pub mod framework;
pub mod id;
mod json;
mod objects_only;
pub mod plan;
pub mod report;
pub mod schema;
mod score;
pub mod scorecard;
mod suggest;
mod text;
mod tier;

pub use assessment::{
    Assessment, Basis, Evidence, FrameworkRef, ResolveOptions, Warning, WarningCode,
};
pub use decimal::{Number, RoundingMode};
pub use error::{Error, ErrorKind, Problem, Result};
pub use framework::{Framework, RawFramework};
pub use id::Id;
pub use json::{MAX_DOCUMENT_BYTES, UniqueMap};
pub use plan::{Plan, Planner};
pub use report::Format;
pub use score::{ScoreOptions, score};
pub use scorecard::Scorecard;
pub use text::Text;
pub use tier::Rank;

/// The README's Rust examples, compiled and run as doctests so that they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// Reads a whole file, refusing files larger than [`MAX_DOCUMENT_BYTES`] before reading them.
///
/// # Errors
///
/// [`ErrorKind::Io`] when the file cannot be read; [`ErrorKind::Syntax`] when it is too large.
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>> {
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
