//! Summary of a validated framework (placeholder text rendering).

use std::fmt::Write;

use crate::framework::Framework;
use crate::report::Format;

/// Renders a summary of a framework: id, version, counts, tiers.
pub fn framework_summary(fw: &Framework, _format: Format, lang: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {}: {} dimensions, {} benchmarks, {} tiers — {}",
        fw.id(),
        fw.version(),
        fw.dimensions().len(),
        fw.benchmarks().len(),
        fw.tiers().len(),
        fw.title().get(lang)
    );
    s
}
