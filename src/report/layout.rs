//! Layout helpers shared by the text and Markdown reports: word wrapping, aligned columns,
//! Markdown escaping, and the localised phrases more than one report uses.

use rust_decimal::Decimal;

use crate::decimal::{RoundingMode, format_decimal};
use crate::framework::{Aggregation, Framework, Gate, Rounding};
use crate::report::tr;

/// Width of text reports, in characters.
pub(crate) const WIDTH: usize = 96;

/// Fills `{name}` placeholders of a template.
pub(crate) fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// A percentage as people write it: `74 %`, `74.3902 %`.
pub(crate) fn percent(d: Decimal) -> String {
    format!("{} %", format_decimal(d))
}

/// Words of `text`, keeping a lone `%` or French punctuation (`:`, `;`, `!`, `?`, `»`) with
/// the word before it and `«` with the word after it, so that no line starts or ends with one.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    for w in text.split_whitespace() {
        let sticky = matches!(w, "%" | ":" | ";" | "!" | "?" | "»");
        match out.last_mut() {
            Some(last) if sticky || glue_next => {
                last.push(' ');
                last.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
        glue_next = w == "«";
    }
    out
}

/// Wraps `text` into lines of at most `width` characters (a longer word gets its own line).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in words(text) {
        let w = word.chars().count();
        if len > 0 && len + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(&word);
        len += w;
    }
    if len > 0 {
        lines.push(line);
    }
    lines
}

/// Pushes `text` wrapped to [`WIDTH`]: the first line starts with `first`, the others with
/// as many spaces as `first` has characters.
pub(crate) fn push_wrapped(out: &mut String, first: &str, text: &str) {
    let indent = first.chars().count();
    let lines = wrap(text, WIDTH.saturating_sub(indent).max(20));
    if lines.is_empty() {
        out.push_str(first.trim_end());
        out.push('\n');
    }
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(first);
        } else {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(l);
        out.push('\n');
    }
}

/// Text columns separated by two spaces, each as wide as its widest cell; `right[i]` aligns
/// column `i` to the right. Each line starts with `indent`; trailing spaces are trimmed.
pub(crate) fn columns(out: &mut String, indent: &str, rows: &[Vec<String>], right: &[bool]) {
    columns_with_gap(out, indent, "  ", rows, right);
}

/// [`columns`] with `gap` between columns instead of two spaces.
pub(crate) fn columns_with_gap(
    out: &mut String,
    indent: &str,
    gap: &str,
    rows: &[Vec<String>],
    right: &[bool],
) {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = indent.to_string();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str(gap);
            }
            let pad = " ".repeat(widths[i].saturating_sub(cell.chars().count()));
            if right.get(i).copied().unwrap_or(false) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// A text section heading, underlined.
pub(crate) fn heading(out: &mut String, title: &str) {
    out.push('\n');
    out.push_str(title);
    out.push('\n');
    out.push_str(&"-".repeat(title.chars().count()));
    out.push('\n');
}

/// Escapes text for a Markdown table cell or inline text: pipes, backslashes, emphasis and
/// markup characters are escaped; line breaks become spaces.
pub(crate) fn md(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                s.push('\\');
                s.push(c);
            }
            '\n' | '\r' => s.push(' '),
            _ => s.push(c),
        }
    }
    s
}

/// A Markdown table; `right[i]` aligns column `i` to the right. Cells must be escaped already.
pub(crate) fn md_table(out: &mut String, header: &[String], rows: &[Vec<String>], right: &[bool]) {
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    let rule: Vec<&str> = (0..header.len())
        .map(|i| {
            if right.get(i).copied().unwrap_or(false) {
                "--:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
}

/// "0 decimals, half up" / "0 décimale, moitié vers le haut".
pub(crate) fn rounding(lang: &str, r: Rounding) -> String {
    let places = if r.decimals == 1 || (lang == "fr" && r.decimals == 0) {
        tr(lang, "{n} decimal", "{n} décimale")
    } else {
        tr(lang, "{n} decimals", "{n} décimales")
    };
    let mode = match r.mode {
        RoundingMode::HalfUp => tr(lang, "half up", "moitié vers le haut"),
        RoundingMode::HalfEven => tr(lang, "half even", "moitié au pair"),
        RoundingMode::Down => tr(lang, "down (truncation)", "troncature"),
    };
    format!(
        "{}, {mode}",
        fill(places, &[("n", &r.decimals.to_string())])
    )
}

/// "flat" / "by dimension", localised.
pub(crate) fn aggregation(lang: &str, a: Aggregation) -> &'static str {
    match a {
        Aggregation::Flat => tr(lang, "flat", "à plat"),
        Aggregation::ByDimension => tr(lang, "by dimension", "par dimension"),
    }
}

/// A benchmark named for people: `MS1 Costed gender strategy & action plan`.
pub(crate) fn benchmark_name(fw: &Framework, id: &str, lang: &str) -> String {
    match fw.benchmark_index(id) {
        Some(i) => format!("{id} {}", fw.benchmarks()[i].title.get(lang)),
        None => id.to_string(),
    }
}

/// A dimension named for people: `PR Programmes`.
pub(crate) fn dimension_name(fw: &Framework, id: &str, lang: &str) -> String {
    match fw.dimensions().iter().find(|d| &*d.id == id) {
        Some(d) => format!("{id} {}", d.title.get(lang)),
        None => id.to_string(),
    }
}

/// The label of a rating id (the id itself when the framework does not know it).
pub(crate) fn rating_label(fw: &Framework, id: &str, lang: &str) -> String {
    if id == crate::framework::NOT_APPLICABLE {
        return tr(lang, "not applicable", "non applicable").to_string();
    }
    match fw.rating_index(id) {
        Some(i) => fw.ratings()[i].label.get(lang).to_string(),
        None => id.to_string(),
    }
}

/// The label of a tier id (the id itself when the framework does not know it).
pub(crate) fn tier_label(fw: &Framework, id: &str, lang: &str) -> String {
    match fw.tiers().iter().find(|t| &*t.id == id) {
        Some(t) => t.label.get(lang).to_string(),
        None => id.to_string(),
    }
}

/// A gate as a condition: `MS1 Costed … at least Met`, `PR Programmes at least 70 %`.
pub(crate) fn gate(fw: &Framework, g: &Gate, lang: &str) -> String {
    let at_least = tr(lang, "at least", "au moins");
    match g {
        Gate::Benchmark {
            benchmark,
            at_least: r,
        } => {
            let b = fw
                .benchmarks()
                .get(*benchmark)
                .map(|b| &*b.id)
                .unwrap_or("");
            let r = fw.ratings().get(*r).map(|r| &*r.id).unwrap_or("");
            format!(
                "{} {at_least} {}",
                benchmark_name(fw, b, lang),
                rating_label(fw, r, lang)
            )
        }
        Gate::Dimension {
            dimension,
            at_least_percent,
        } => {
            let d = fw
                .dimensions()
                .get(*dimension)
                .map(|d| &*d.id)
                .unwrap_or("");
            format!(
                "{} {at_least} {}",
                dimension_name(fw, d, lang),
                percent(at_least_percent.value())
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words_within_width() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("  ", 6), Vec::<String>::new());
        assert_eq!(wrap("toolongword x", 4), ["toolongword", "x"]);
        assert_eq!(wrap("at least 50 % ok", 11), ["at least", "50 % ok"]);
        assert_eq!(wrap("noté « Non » : x", 8), ["noté", "« Non » :", "x"]);
        let mut s = String::new();
        push_wrapped(&mut s, "- ", "x");
        assert_eq!(s, "- x\n");
    }

    #[test]
    fn aligns_columns_and_escapes_markdown() {
        let mut s = String::new();
        let rows = vec![
            vec!["a".to_string(), "1".to_string()],
            vec!["ééé".to_string(), "10".to_string()],
        ];
        columns(&mut s, "  ", &rows, &[false, true]);
        assert_eq!(s, "  a     1\n  ééé  10\n");
        assert_eq!(md("a|b *c*\nd"), "a\\|b \\*c\\* d");
        assert_eq!(fill("{n} of {m}", &[("n", "1"), ("m", "2")]), "1 of 2");
    }

    #[test]
    fn rounding_phrases() {
        let r = Rounding {
            decimals: 0,
            mode: RoundingMode::HalfUp,
        };
        assert_eq!(rounding("en", r), "0 decimals, half up");
        assert_eq!(rounding("fr", r), "0 décimale, moitié vers le haut");
        let r = Rounding {
            decimals: 1,
            mode: RoundingMode::HalfEven,
        };
        assert_eq!(rounding("en", r), "1 decimal, half even");
        assert_eq!(percent(Decimal::new(743902, 4)), "74.3902 %");
    }
}
