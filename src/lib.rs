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
//! let fw = Framework::builtin("undp-gender-seal-co", "2021.2")?;
//! let mali = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
//! let card = score(&fw, &mali, &ScoreOptions { lang: gender_seal::i18n::Lang::FR, ..Default::default() })?;
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
mod did_you_mean;
pub mod diff;
mod error;
pub mod expect;
pub mod explain;
pub mod framework;
pub mod history;
pub mod i18n;
pub mod id;
pub mod load;
pub mod num;
pub mod plan;
pub mod report;
pub mod schema;
pub mod score;
pub mod testing;

pub use assessment::{
    Assessment, Basis, Evidence, EvidenceStatus, FrameworkRef, ResolveOptions, Warning, WarningCode,
};
pub use error::{Error, ErrorKind, Location, MAX_PROBLEMS, Problem, Result};
pub use framework::{Framework, RawFramework};
pub use i18n::Text;
pub use id::Id;
pub use load::{MAX_DOCUMENT_BYTES, UniqueMap};
pub use num::{Decimal, Number, RoundingMode};
pub use plan::{Plan, Planner};
pub use report::Format;
pub use score::{Rank, ScoreOptions, Scorecard, score, score_shared};

/// The README's Rust examples, compiled and run as doctests so that they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
