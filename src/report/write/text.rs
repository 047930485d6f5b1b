//! Plain text for a terminal: sections underlined, paragraphs wrapped to [`WIDTH`], tables as
//! aligned columns.

use crate::report::doc::{Block, Doc, Records, Table};

/// Width of text reports, in characters.
pub(crate) const WIDTH: usize = 96;

/// Widest a column is padded to. A longer cell still prints whole, making its own row longer,
/// so one huge cell never pads every other row (memory stays proportional to the input).
pub(crate) const MAX_COLUMN: usize = 60;

/// Renders a report as text. Paragraphs and lists follow each other line by line; a blank
/// line sets off what follows a table, a set of records or a list.
pub(crate) fn write(doc: &Doc) -> String {
    let mut out = String::new();
    let mut after_block = false;
    // A chart draws a table the report has anyway: text leaves it out.
    for block in doc.blocks.iter().filter(|b| !matches!(b, Block::Chart(_))) {
        if after_block && !matches!(block, Block::Section(_)) {
            out.push('\n');
        }
        after_block = matches!(
            block,
            Block::Table(_)
                | Block::Records(_)
                | Block::Facts(_)
                | Block::List { nested: false, .. }
        );
        match block {
            Block::Title(t) => {
                out.push_str(t);
                out.push('\n');
            }
            Block::Lines(lines) => {
                for l in lines {
                    out.push_str(l);
                    out.push('\n');
                }
            }
            Block::Section(t) => heading(&mut out, t),
            Block::Paragraph(p) => push_wrapped(&mut out, "  ", &p.plain(" ")),
            Block::List { items, nested } => {
                let bullet = if *nested { "    - " } else { "  - " };
                for item in items {
                    push_wrapped(&mut out, bullet, &item.plain(" "));
                }
            }
            Block::Facts(facts) => {
                let rows: Vec<Vec<String>> = facts
                    .iter()
                    .map(|(k, v)| vec![k.clone(), v.plain(" ")])
                    .collect();
                columns(&mut out, "  ", &rows, &[]);
            }
            Block::Table(t) => table(&mut out, t),
            Block::Records(r) => records(&mut out, r),
            Block::Chart(_) => {}
        }
    }
    out
}

fn table(out: &mut String, t: &Table) {
    let mut rows = vec![t.header.clone()];
    rows.extend(
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| c.plain("; ")).collect()),
    );
    columns(out, "  ", &rows, &t.right);
}

/// Each record: `  KEY  Title`, then its details on indented lines, a labelled column's
/// name first; records apart by a blank line.
fn records(out: &mut String, r: &Records) {
    let width = r
        .rows
        .iter()
        .map(|rec| rec.key.chars().count())
        .max()
        .unwrap_or(0)
        .min(MAX_COLUMN);
    let indent = " ".repeat(width + 4);
    for (i, rec) in r.rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let first = format!("  {:width$}  ", rec.key);
        push_wrapped(out, &first, &rec.title);
        for (column, detail) in r.header.iter().skip(1).zip(&rec.details) {
            let Some(detail) = detail else { continue };
            for line in detail.split_lines() {
                let text = line.plain(" ");
                match &column.label {
                    Some(label) => push_wrapped(out, &indent, &format!("{label} {text}")),
                    None => push_wrapped(out, &indent, &text),
                }
            }
        }
    }
}

/// A section heading, underlined, after a blank line (none at the top of the report).
fn heading(out: &mut String, title: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(title);
    out.push('\n');
    out.push_str(&"-".repeat(title.chars().count()));
    out.push('\n');
}

/// Words of `text` (split at ASCII spaces only: a no-break space holds its number and unit
/// together), keeping a lone `%` or French punctuation (`:`, `;`, `!`, `?`, `»`) with the word
/// before it and `«` with the word after it, so that no line starts or ends with one.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    for w in text.split([' ', '\n', '\t']).filter(|w| !w.is_empty()) {
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
fn push_wrapped(out: &mut String, first: &str, text: &str) {
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
            out.extend(std::iter::repeat_n(' ', indent));
        }
        out.push_str(l);
        out.push('\n');
    }
}

/// Text columns two spaces apart, each as wide as its widest cell (at most [`MAX_COLUMN`]);
/// `right[i]` aligns column `i` to the right. Each line starts with `indent`; trailing spaces
/// are trimmed.
fn columns(out: &mut String, indent: &str, rows: &[Vec<String>], right: &[bool]) {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count().min(MAX_COLUMN))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = indent.to_string();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = widths[i].saturating_sub(cell.chars().count());
            if right.get(i).copied().unwrap_or(false) {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
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
        // A narrow no-break space never breaks a line: "74,5 %" stays whole.
        assert_eq!(
            wrap("au moins 74,5\u{202f}% ici", 9),
            ["au moins", "74,5\u{202f}%", "ici"]
        );
        let mut s = String::new();
        push_wrapped(&mut s, "- ", "x");
        assert_eq!(s, "- x\n");
    }

    #[test]
    fn aligns_columns() {
        let mut s = String::new();
        let rows = vec![
            vec!["a".to_string(), "1".to_string()],
            vec!["ééé".to_string(), "10".to_string()],
        ];
        columns(&mut s, "  ", &rows, &[false, true]);
        assert_eq!(s, "  a     1\n  ééé  10\n");
    }

    #[test]
    fn an_over_wide_cell_pads_no_other_row() {
        let wide = "w".repeat(10_000);
        let rows = vec![
            vec![wide.clone(), "x".to_string()],
            vec!["a".to_string(), "y".to_string()],
        ];
        let mut s = String::new();
        columns(&mut s, "", &rows, &[]);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], format!("{wide}  x"));
        assert_eq!(lines[1], format!("a{}  y", " ".repeat(MAX_COLUMN - 1)));
    }
}
