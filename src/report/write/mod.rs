//! Writers: each renders any [`Doc`](super::doc::Doc) in one format.

pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod svg;
pub(crate) mod text;
#[cfg(feature = "office")]
pub(crate) mod xlsx;
#[cfg(feature = "office")]
mod xlsx_chart;
pub(crate) mod xml;
