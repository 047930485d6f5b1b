//! An Excel workbook: the report's title, lines, facts, paragraphs and lists on a first
//! summary sheet, and each table or set of records on a sheet of its own, named after the
//! section it belongs to. Every cell of those is text as the report writes it (numbers already
//! in the report's language, never binary floating point); header rows are bold and frozen,
//! columns sized to their content, and every sheet prints on A4 landscape, fit to the page's
//! width. The report's charts become native Excel charts on a chart sheet after the summary,
//! drawn from a block of numeric cells made for display only (`xlsx_chart.rs`).

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::load::workbook::print_setup;
use crate::report::doc::{Block, Doc, Records, Rich, Table};

/// Most characters Excel keeps in a cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Most rows of a sheet (Excel's limit).
const MAX_ROWS: usize = 1_048_576;
/// Widest a column is made, in characters.
const MAX_WIDTH: usize = 60;

/// Renders a report as the bytes of an `.xlsx` workbook. Writing to memory cannot fail on
/// what this writer produces (sheet names are made valid, cells are cut to Excel's limits);
/// should the library fail regardless, the result is empty.
pub(crate) fn write(doc: &Doc) -> Vec<u8> {
    build(doc).unwrap_or_default()
}

/// A table gathered from a block: its header and its rows of plain cells.
struct Grid {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn build(doc: &Doc) -> Result<Vec<u8>, XlsxError> {
    let mut summary: Vec<Vec<(String, bool)>> = Vec::new();
    let mut grids: Vec<(String, Grid)> = Vec::new();
    let mut section = String::new();
    let mut first_section = None;
    let mut charts = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Title(t) => summary.push(vec![(t.clone(), true)]),
            Block::Lines(lines) => summary.extend(lines.iter().map(|l| vec![(l.clone(), false)])),
            Block::Section(t) => {
                section = t.clone();
                first_section.get_or_insert_with(|| t.clone());
                summary.push(Vec::new());
                summary.push(vec![(t.clone(), true)]);
            }
            Block::Paragraph(p) => summary.push(vec![(p.plain("\n"), false)]),
            Block::List { items, .. } => {
                summary.extend(
                    items
                        .iter()
                        .map(|i| vec![(format!("• {}", i.plain(" ")), false)]),
                );
            }
            Block::Facts(facts) => summary.extend(
                facts
                    .iter()
                    .map(|(k, v)| vec![(k.clone(), true), (v.plain("\n"), false)]),
            ),
            Block::Table(t) => grids.push((section.clone(), table(t))),
            Block::Records(r) => grids.push((section.clone(), records(r))),
            Block::Chart(c) => charts.push(c),
        }
    }

    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let mut names = Vec::new();
    let sheet = workbook.add_worksheet();
    let name = sheet_name(first_section.as_deref().unwrap_or("1"), &mut names);
    sheet.set_name(name)?;
    let mut widths = [0usize; 2];
    for (row, cells) in summary.iter().take(MAX_ROWS).enumerate() {
        for (col, (text, strong)) in cells.iter().enumerate().take(2) {
            let format = if *strong { &bold } else { &wrap };
            let text = cell(text);
            sheet.write_string_with_format(row as u32, col as u16, text, format)?;
            // A title or paragraph alone on its row may overflow into the next columns.
            if cells.len() > 1 {
                widths[col] = widths[col].max(width(text));
            }
        }
    }
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, (*w).clamp(12, MAX_WIDTH) as u16)?;
    }
    print_setup(sheet);

    if !charts.is_empty() {
        let sheet = workbook.add_worksheet();
        let name = sheet_name(doc.lang.messages().charts.sheet, &mut names);
        sheet.set_name(&name)?;
        super::xlsx_chart::write_charts(sheet, &name, &charts, &bold)?;
    }

    for (title, grid) in &grids {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(title, &mut names))?;
        write_grid(sheet, grid, &bold, &wrap)?;
    }
    workbook.save_to_buffer()
}

fn write_grid(
    sheet: &mut Worksheet,
    grid: &Grid,
    bold: &Format,
    wrap: &Format,
) -> Result<(), XlsxError> {
    let columns = grid.header.len().min(u16::MAX as usize);
    let mut widths: Vec<usize> = grid.header.iter().map(|h| width(h)).collect();
    for (col, h) in grid.header.iter().take(columns).enumerate() {
        sheet.write_string_with_format(0, col as u16, cell(h), bold)?;
    }
    for (i, row) in grid.rows.iter().take(MAX_ROWS - 1).enumerate() {
        for (col, text) in row.iter().take(columns).enumerate() {
            let text = cell(text);
            sheet.write_string_with_format(i as u32 + 1, col as u16, text, wrap)?;
            if let Some(w) = widths.get_mut(col) {
                *w = (*w).max(width(text));
            }
        }
    }
    for (col, w) in widths.iter().take(columns).enumerate() {
        sheet.set_column_width(col as u16, (*w).clamp(4, MAX_WIDTH) as u16)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    print_setup(sheet);
    Ok(())
}

fn table(t: &Table) -> Grid {
    Grid {
        header: t.header.clone(),
        rows: t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.plain("\n")).collect())
            .collect(),
    }
}

/// Records as a table: the key and the title in two columns, then one column per detail.
fn records(r: &Records) -> Grid {
    let mut header = vec![String::new()];
    header.extend(r.header.iter().map(|c| c.name.clone()));
    let rows = r
        .rows
        .iter()
        .map(|rec| {
            let mut row = vec![rec.key.clone(), rec.title.clone()];
            row.extend(rec.details.iter().map(|d| {
                d.as_ref()
                    .map_or_else(String::new, |d: &Rich| d.plain("\n"))
            }));
            row
        })
        .collect();
    Grid { header, rows }
}

/// A cell's text, cut to what Excel keeps.
fn cell(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// The width a text needs: its longest line, in characters.
fn width(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0) + 2
}

/// A valid, unique sheet name from a section title: at most 31 characters, none of
/// `[]:*?/\`, not starting or ending with an apostrophe, unique without regard to case.
pub(crate) fn sheet_name(title: &str, taken: &mut Vec<String>) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base: String = clean.chars().take(31).collect();
    let base = if base.is_empty() {
        (taken.len() + 1).to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut n = 1;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        n += 1;
        let suffix = format!(" ({n})");
        let keep = 31usize.saturating_sub(suffix.chars().count());
        name = format!(
            "{}{suffix}",
            base.chars().take(keep).collect::<String>().trim_end()
        );
    }
    taken.push(name.clone());
    name
}

#[cfg(test)]
mod tests {
    use super::sheet_name;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("Result", &mut taken), "Result");
        assert_eq!(sheet_name("result", &mut taken), "result (2)");
        assert_eq!(sheet_name("a/b: [c]?", &mut taken), "a-b- -c--");
        assert_eq!(sheet_name("", &mut taken), "4");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &mut taken).chars().count(), 31);
        assert_eq!(
            sheet_name(&long, &mut taken),
            format!("{} (2)", "x".repeat(27))
        );
        assert_eq!(sheet_name("'quoted'", &mut taken), "quoted");
    }
}
