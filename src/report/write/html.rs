//! HTML: one self-contained page per report (the style sheet `html.css` and every chart inline,
//! nothing fetched, no script), printable on A4 (a print style sheet, table headers repeated
//! on each page, no row cut across pages). Every text is escaped: office names, notes and
//! framework titles come from input.

use std::fmt::Write;

use crate::report::doc::{Block, Doc, Records, Rich, Span, Table};
use crate::report::write::{svg, xml::escape};

/// The style sheet every page carries.
const CSS: &str = include_str!("html.css");

/// Renders a report as an HTML document, in the report's language.
pub(crate) fn write(doc: &Doc) -> String {
    // The page's title: the report's, else its first heading (a check report has only those).
    let first = |title: bool| {
        doc.blocks.iter().find_map(|b| match b {
            Block::Title(t) if title => Some(t.as_str()),
            Block::Section(t) if !title => Some(t.as_str()),
            _ => None,
        })
    };
    let title = first(true)
        .or_else(|| first(false))
        .unwrap_or("gender-seal");
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"gender-seal\">\n<title>{}</title>\n<style>\n{CSS}</style>\n\
         </head>\n<body>\n<main>\n",
        escape(doc.lang.code()),
        escape(title)
    );
    let mut charts = 0;
    for block in &doc.blocks {
        match block {
            Block::Title(t) => {
                let _ = writeln!(out, "<h1>{}</h1>", escape(t));
            }
            Block::Lines(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                let _ = writeln!(out, "<p class=\"lines\">{}</p>", lines.join("<br>"));
            }
            Block::Section(t) => {
                let _ = writeln!(out, "<h2>{}</h2>", escape(t));
            }
            Block::Paragraph(p) => {
                let _ = writeln!(out, "<p>{}</p>", inline(p));
            }
            Block::List { items, nested } => {
                out.push_str(if *nested {
                    "<ul class=\"nested\">\n"
                } else {
                    "<ul>\n"
                });
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", inline(item));
                }
                out.push_str("</ul>\n");
            }
            Block::Facts(facts) => {
                out.push_str("<table class=\"facts\">\n<tbody>\n");
                for (k, v) in facts {
                    let _ = writeln!(
                        out,
                        "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                        escape(k),
                        inline(v)
                    );
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Table(t) => table(&mut out, t),
            Block::Records(r) => records(&mut out, r),
            Block::Chart(chart) => {
                charts += 1;
                let _ = writeln!(
                    out,
                    "<figure class=\"chart\">\n{}\n</figure>",
                    svg::write(chart, &format!("chart{charts}"))
                );
            }
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// `<th>` or `<td>`, with the class of a right-aligned column.
fn cell(out: &mut String, tag: &str, right: bool, body: &str) {
    let class = if right { " class=\"num\"" } else { "" };
    let _ = write!(out, "<{tag}{class}>{body}</{tag}>");
}

fn head(out: &mut String, names: &[&str], right: &[bool]) {
    out.push_str("<thead>\n<tr>");
    for (i, name) in names.iter().enumerate() {
        let class = if right.get(i).copied().unwrap_or(false) {
            " class=\"num\""
        } else {
            ""
        };
        let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", escape(name));
    }
    out.push_str("</tr>\n</thead>\n");
}

fn table(out: &mut String, t: &Table) {
    out.push_str("<table>\n");
    let names: Vec<&str> = t.header.iter().map(String::as_str).collect();
    head(out, &names, &t.right);
    out.push_str("<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            cell(
                out,
                "td",
                t.right.get(i).copied().unwrap_or(false),
                &inline(c),
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Records as a table: the key in bold and the title, then one cell per detail.
fn records(out: &mut String, r: &Records) {
    out.push_str("<table class=\"records\">\n");
    let names: Vec<&str> = r.header.iter().map(|c| c.name.as_str()).collect();
    head(out, &names, &[]);
    out.push_str("<tbody>\n");
    for rec in &r.rows {
        let _ = write!(
            out,
            "<tr><th scope=\"row\"><strong>{}</strong> {}</th>",
            escape(&rec.key),
            escape(&rec.title)
        );
        for d in &rec.details {
            let body = d.as_ref().map(inline).unwrap_or_default();
            cell(out, "td", false, &body);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Rich text as inline HTML.
fn inline(r: &Rich) -> String {
    let mut s = String::new();
    for span in &r.0 {
        match span {
            Span::Plain(t) => s.push_str(&escape(t)),
            Span::Strong(t) => {
                let _ = write!(s, "<strong>{}</strong>", escape(t));
            }
            Span::Code(t) => {
                let _ = write!(s, "<code>{}</code>", escape(t));
            }
            Span::Break => s.push_str("<br>"),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_page_names_its_language_and_escapes_every_text() {
        let mut doc = Doc::new(Lang::FR);
        doc.title("<script>alert(1)</script>");
        doc.paragraph(Rich::strong("a&b"));
        let mut t = Table::new(vec!["x\"".into(), "n".into()], vec![false, true]);
        t.row(vec![Rich::code("<i>"), "1".into()]);
        doc.push(Block::Table(t));
        let html = write(&doc);
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"),
            "{html}"
        );
        assert!(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("<p><strong>a&amp;b</strong></p>"));
        assert!(
            html.contains("<th scope=\"col\">x&quot;</th><th scope=\"col\" class=\"num\">n</th>")
        );
        assert!(html.contains("<td><code>&lt;i&gt;</code></td><td class=\"num\">1</td>"));
    }
}
