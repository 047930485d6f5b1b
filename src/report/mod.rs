//! Renderings of results for people (text, Markdown) and programs (JSON), in English or
//! French. Reports only format: every number in them was computed by the library.

mod check;
mod diff;
mod framework;
mod layout;
mod plan;
mod scorecard;

use std::fmt;
use std::str::FromStr;

pub use check::check;
pub use diff::diff;
pub use framework::framework_summary;
pub use plan::what_if;
pub use scorecard::scorecard;

/// Output format of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// Plain text for a terminal.
    #[default]
    Text,
    /// JSON: one object, decimals as normalised strings.
    Json,
    /// Markdown for documents and issue trackers.
    Markdown,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "markdown" => Ok(Format::Markdown),
            _ => Err(format!(
                "unknown format '{s}'; expected one of text, json, markdown"
            )),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Markdown => "markdown",
        })
    }
}

/// Picks the French or English wording of a report phrase (French for `fr`, English for any
/// other language).
pub(crate) fn tr(lang: &str, en: &'static str, fr: &'static str) -> &'static str {
    if lang == "fr" { fr } else { en }
}

/// Serialises a value as pretty JSON with a final newline. Serialising the library's result
/// types cannot fail (every map key is a string), so a failure yields an empty object.
pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_and_print() {
        for f in [Format::Text, Format::Json, Format::Markdown] {
            assert_eq!(f.to_string().parse::<Format>(), Ok(f));
        }
        assert!("html".parse::<Format>().is_err());
        assert_eq!(tr("fr", "Gold", "Or"), "Or");
        assert_eq!(tr("de", "Gold", "Or"), "Gold");
    }
}
