//! Markdown for documents and issue trackers: `#` headings, tables, lists; every text escaped.

use crate::report::doc::{Block, Doc, Records, Rich, Span, Table};

/// Renders a report as Markdown: blocks apart by one blank line.
pub(crate) fn write(doc: &Doc) -> String {
    let mut out = String::new();
    // A chart draws a table the report has anyway: Markdown leaves it out.
    let blocks = doc.blocks.iter().filter(|b| !matches!(b, Block::Chart(_)));
    for (i, block) in blocks.enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match block {
            Block::Title(t) => {
                out.push_str("# ");
                out.push_str(&escape(t));
                out.push('\n');
            }
            Block::Lines(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                out.push_str(&lines.join("  \n"));
                out.push('\n');
            }
            Block::Section(t) => {
                out.push_str("## ");
                out.push_str(&escape(t));
                out.push('\n');
            }
            Block::Paragraph(p) => {
                out.push_str(&inline(p, "  \n"));
                out.push('\n');
            }
            Block::List { items, .. } => {
                for item in items {
                    out.push_str("- ");
                    out.push_str(&inline(item, " "));
                    out.push('\n');
                }
            }
            Block::Facts(facts) => {
                let rows: Vec<Vec<String>> = facts
                    .iter()
                    .map(|(k, v)| vec![escape(k), inline(v, "<br>")])
                    .collect();
                table(&mut out, &[String::new(), String::new()], &rows, &[]);
            }
            Block::Table(t) => rich_table(&mut out, t),
            Block::Records(r) => records(&mut out, r),
            Block::Chart(_) => {}
        }
    }
    out
}

fn rich_table(out: &mut String, t: &Table) {
    let header: Vec<String> = t.header.iter().map(|h| escape(h)).collect();
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| inline(c, "<br>")).collect())
        .collect();
    table(out, &header, &rows, &t.right);
}

fn records(out: &mut String, r: &Records) {
    let header: Vec<String> = r.header.iter().map(|c| escape(&c.name)).collect();
    let rows: Vec<Vec<String>> = r
        .rows
        .iter()
        .map(|rec| {
            let mut row = vec![format!("**{}** {}", escape(&rec.key), escape(&rec.title))];
            row.extend(
                rec.details
                    .iter()
                    .map(|d| d.as_ref().map_or_else(String::new, |d| inline(d, "<br>"))),
            );
            row
        })
        .collect();
    table(out, &header, &rows, &[]);
}

/// A table of escaped cells; `right[i]` aligns column `i` to the right.
fn table(out: &mut String, header: &[String], rows: &[Vec<String>], right: &[bool]) {
    let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(header));
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
        out.push_str(&line(row));
    }
}

/// Rich text as inline Markdown; line breaks as `brk`.
fn inline(r: &Rich, brk: &str) -> String {
    let mut s = String::new();
    for span in &r.0 {
        match span {
            Span::Plain(t) => s.push_str(&escape(t)),
            Span::Strong(t) => {
                s.push_str("**");
                s.push_str(&escape(t));
                s.push_str("**");
            }
            Span::Code(t) => {
                s.push('`');
                s.push_str(&t.replace('`', "'"));
                s.push('`');
            }
            Span::Break => s.push_str(brk),
        }
    }
    s
}

/// Escapes text for Markdown: pipes, backslashes, emphasis and markup characters; line breaks
/// become spaces.
pub(crate) fn escape(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_keeps_marks_of_its_own() {
        assert_eq!(escape("a|b *c*\nd"), "a\\|b \\*c\\* d");
        let mut r = Rich::strong("MS1");
        r.0.extend(Rich::from(" a_b").0);
        r.0.extend(Rich::code("x`y").0);
        assert_eq!(inline(&r, " "), "**MS1** a\\_b`x'y`");
    }
}
