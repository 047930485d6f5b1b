//! Scorecard reports (placeholder text rendering; JSON is final).

use std::fmt::Write;

use crate::framework::Framework;
use crate::report::{Format, json, tr};
use crate::scorecard::Scorecard;

/// Renders a scorecard. Labels and titles come from `fw` in the scorecard's language.
pub fn scorecard(card: &Scorecard, fw: &Framework, format: Format) -> String {
    match format {
        Format::Json => json(card),
        _ => {
            let lang = card.lang.as_str();
            let mut s = String::new();
            let _ = writeln!(s, "{} — {}", card.office, fw.title().get(lang));
            let tier = card.tier.as_ref().map_or_else(
                || tr(lang, "no tier", "aucun niveau").to_string(),
                |t| t.label.to_string(),
            );
            let _ = writeln!(s, "{} % — {tier}", card.percentage_rounded);
            s
        }
    }
}
