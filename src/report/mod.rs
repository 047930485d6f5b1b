//! Renderings of results for people (text, Markdown) and programs (JSON), in any language of
//! [`crate::i18n`]. Reports only format: every number in them was computed by the library.
//!
//! Each result has one view (`scorecard.rs`, `plan.rs`, `check.rs`, `diff.rs`,
//! `framework.rs`) that builds a `doc::Doc` in the result's language; each writer
//! (`write/text.rs`, `write/markdown.rs`, `write/xlsx.rs`) renders any `Doc`. `render` is the
//! one place that dispatches on [`Format`]: a new format is a new writer and one new arm there.
//! Every report is a [`Rendered`]: text for the textual formats, bytes for a workbook.

mod chart;
mod check;
mod diff;
mod doc;
mod evidence;
mod explain;
mod framework;
mod history;
#[cfg(feature = "office")]
mod matrix;
mod names;
mod plan;
mod scorecard;
mod write;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::diff::Diff;
use crate::expect::Report;
use crate::explain::Explanation;
use crate::framework::Framework;
use crate::history::History;
use crate::i18n::Lang;
use crate::plan::{Plan, WhatIf};
use crate::score::Scorecard;

/// Output format of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// Plain text for a terminal.
    #[default]
    Text,
    /// JSON: one object, decimals as normalised strings, locale-free.
    Json,
    /// Markdown for documents and issue trackers.
    Markdown,
    /// One self-contained, printable HTML page (inline style sheet and SVG charts).
    Html,
    /// An Excel workbook (`.xlsx`): a summary sheet and one sheet per table. Binary: the
    /// report is [`Rendered::Binary`]. Needs the `office` feature.
    #[cfg(feature = "office")]
    Xlsx,
}

impl Format {
    /// Every format, in the order the command line lists them.
    pub const ALL: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Markdown,
        Format::Html,
        #[cfg(feature = "office")]
        Format::Xlsx,
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
            #[cfg(feature = "office")]
            Format::Xlsx => "xlsx",
        }
    }

    /// Whether the format's reports are bytes rather than text ([`Rendered::Binary`]): a
    /// command line writes them to a file, never to a terminal.
    pub fn is_binary(self) -> bool {
        match self {
            Format::Text | Format::Json | Format::Markdown | Format::Html => false,
            #[cfg(feature = "office")]
            Format::Xlsx => true,
        }
    }
}

/// A rendered report: text for the textual formats (text, JSON, Markdown), bytes for a binary
/// one (a workbook).
///
/// ```
/// use gender_seal::report::Rendered;
/// let r = Rendered::Text("74 %\n".to_string());
/// assert_eq!(r.text(), Some("74 %\n"));
/// assert_eq!(r.as_bytes(), b"74 %\n");
/// assert!(!r.is_binary());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rendered {
    /// The report of a textual format.
    Text(String),
    /// The report of a binary format (the bytes of a file).
    Binary(Vec<u8>),
}

impl Rendered {
    /// The text of a textual report; `None` for a binary one.
    pub fn text(&self) -> Option<&str> {
        match self {
            Rendered::Text(s) => Some(s),
            Rendered::Binary(_) => None,
        }
    }

    /// The text of a textual report, or the report itself back when it is binary.
    ///
    /// # Errors
    ///
    /// The report, unchanged, when it is binary.
    pub fn into_text(self) -> std::result::Result<String, Rendered> {
        match self {
            Rendered::Text(s) => Ok(s),
            binary => Err(binary),
        }
    }

    /// The report's bytes: UTF-8 for a textual report.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Rendered::Text(s) => s.as_bytes(),
            Rendered::Binary(b) => b,
        }
    }

    /// The report's bytes, owned.
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Rendered::Text(s) => s.into_bytes(),
            Rendered::Binary(b) => b,
        }
    }

    /// Whether the report is bytes of a binary format.
    pub fn is_binary(&self) -> bool {
        matches!(self, Rendered::Binary(_))
    }
}

impl From<String> for Rendered {
    fn from(s: String) -> Rendered {
        Rendered::Text(s)
    }
}

impl From<Rendered> for Vec<u8> {
    fn from(r: Rendered) -> Vec<u8> {
        r.into_bytes()
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format '{s}'; expected one of {}", names.join(", "))
            })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The one dispatch over [`Format`]: JSON serialises the result itself, every other format
/// writes the result's view.
fn render<T: Serialize>(format: Format, data: &T, view: impl FnOnce() -> doc::Doc) -> Rendered {
    match format {
        Format::Json => Rendered::Text(json(data)),
        Format::Text => Rendered::Text(write::text::write(&view())),
        Format::Markdown => Rendered::Text(write::markdown::write(&view())),
        #[cfg(feature = "office")]
        Format::Xlsx => Rendered::Binary(write::xlsx::write(&view())),
        Format::Html => Rendered::Text(write::html::write(&view())),
    }
}

/// Renders a scorecard, in the card's language; labels and titles come from its framework.
///
/// ```
/// use gender_seal::{report, score, Assessment, Format, Framework, ScoreOptions};
/// let fw = Framework::builtin("undp-gender-seal-co", "2021.2")?;
/// let mali = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
/// let card = score(&fw, &mali, &ScoreOptions::default())?;
/// let text = report::scorecard(&card, Format::Text).into_text().unwrap_or_default();
/// assert!(text.contains("74 % — Silver-strong"));
/// # Ok::<(), gender_seal::Error>(())
/// ```
///
/// Text and Markdown list the benchmarks not fully met; HTML and workbooks list every benchmark
/// (the whole matrix), as [`scorecard_all`] does in every format.
pub fn scorecard(card: &Scorecard, format: Format) -> Rendered {
    render(format, card, || {
        #[allow(unused_mut)] // without the `office` feature, nothing is added
        let mut doc = scorecard::doc(card, format == Format::Html);
        // A workbook holds the whole matrix, one sheet for it.
        #[cfg(feature = "office")]
        if format == Format::Xlsx {
            matrix::append(&mut doc, card);
        }
        doc
    })
}

/// Renders a scorecard listing every benchmark (`score --all`), not only those not fully met.
///
/// ```
/// use gender_seal::{report, score, Assessment, Format, Framework, ScoreOptions};
/// let fw = Framework::builtin("undp-gender-seal-co", "2021.2")?;
/// let mali = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
/// let card = score(&fw, &mali, &ScoreOptions::default())?;
/// let text = report::scorecard_all(&card, Format::Text).into_text().unwrap_or_default();
/// assert!(text.contains("Every benchmark (41)"));
/// assert!(text.contains("MS3  "));
/// # Ok::<(), gender_seal::Error>(())
/// ```
pub fn scorecard_all(card: &Scorecard, format: Format) -> Rendered {
    render(format, card, || scorecard::doc(card, true))
}

/// Renders a plan answer in its language. Titles come from `plan`, labels from `fw`.
pub fn what_if(w: &WhatIf, plan: &Plan, fw: &Framework, format: Format) -> Rendered {
    render(format, w, || plan::doc(w, plan, fw))
}

/// Renders the report of a regression check in `lang`.
pub fn check(report: &Report, format: Format, lang: Lang) -> Rendered {
    render(format, report, || check::doc(report, lang))
}

/// Renders a framework diff in its language; `from` and `to` are the two frameworks it
/// compares (the labels of the tiers it names).
pub fn diff(d: &Diff, from: &Framework, to: &Framework, format: Format) -> Rendered {
    render(format, d, || diff::doc(d, from, to))
}

/// Renders an explanation in its language; titles and labels come from `fw`.
///
/// ```
/// use gender_seal::{explain::{explain, ExplainOptions}, report, Assessment, Format, Framework};
/// let fw = Framework::builtin("undp-gender-seal-co", "2021.2")?;
/// let mali = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
/// let e = explain(&fw, &mali, &ExplainOptions::default())?;
/// let text = report::explain(&e, &fw, Format::Text).into_text().unwrap_or_default();
/// assert!(text.contains("To reach Gold"));
/// # Ok::<(), gender_seal::Error>(())
/// ```
pub fn explain(e: &Explanation, fw: &Framework, format: Format) -> Rendered {
    render(format, e, || explain::doc(e, fw))
}

/// Renders one office's rounds side by side, in the history's language.
///
/// ```
/// use gender_seal::history::{history, HistoryOptions, Round};
/// use gender_seal::{report, Assessment, Format, Framework};
/// let fw = Framework::builtin("undp-gender-seal-co", "2021.2")?;
/// let mali = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
/// let rounds = [Round { file: "mali-2020.json", framework: &fw, assessment: &mali }];
/// let h = history(&rounds, &HistoryOptions::default())?;
/// assert!(report::history(&h, Format::Markdown).text().unwrap_or_default().contains("| Tier | Silver-strong |"));
/// # Ok::<(), gender_seal::Error>(())
/// ```
pub fn history(h: &History, format: Format) -> Rendered {
    render(format, h, || history::doc(h))
}

/// Renders a summary of a framework in `lang` (labels and titles fall back to English).
///
/// ```
/// use gender_seal::{i18n::Lang, report, Format, Framework};
/// let fw = Framework::builtin("undp-gender-seal-co", "2021.2")?;
/// let text = report::framework_summary(&fw, Format::Text, Lang::FR).into_text().unwrap_or_default();
/// assert!(text.contains("Argent-fort"));
/// let json: serde_json::Value = serde_json::from_slice(report::framework_summary(&fw, Format::Json, Lang::EN).as_bytes()).unwrap();
/// assert_eq!(json["counts"]["benchmarks"], 41);
/// assert_eq!(json["tiers"][2]["gates"][0]["benchmark"], "MS1");
/// # Ok::<(), gender_seal::Error>(())
/// ```
pub fn framework_summary(fw: &Framework, format: Format, lang: Lang) -> Rendered {
    let summary = framework::Summary::new(fw, lang);
    render(format, &summary, || framework::doc(fw, &summary, lang))
}

/// Serialises a value as pretty JSON with a final newline. Serialising the library's result
/// types cannot fail (every map key is a string), so a failure yields an empty object.
pub(crate) fn json<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_and_print() {
        for f in Format::ALL {
            assert_eq!(f.to_string().parse::<Format>(), Ok(*f));
        }
        assert_eq!("JSON".parse::<Format>(), Ok(Format::Json));
        let e = "pdf".parse::<Format>().unwrap_err();
        assert!(e.starts_with("unknown format 'pdf'; expected one of text, json, markdown, html"));
        #[cfg(feature = "office")]
        assert!(e.contains("xlsx"), "{e}");
        assert!(!Format::Text.is_binary());
        #[cfg(feature = "office")]
        assert!(Format::Xlsx.is_binary());
    }
}
