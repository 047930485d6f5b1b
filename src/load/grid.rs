//! Spreadsheets and CSV files as grids of text cells, read with bounded work: a workbook's
//! parts are measured before they are unpacked (zip bombs), its cells are read one by one
//! and only those inside [`MAX_ROWS`] × [`MAX_COLUMNS`] kept (a sparse sheet cannot make a
//! huge range), and a CSV file is at most [`super::MAX_DOCUMENT_BYTES`] like any document.
//! Every cell keeps where it came from, so problems name `Sheet!D14` or `line 14, column
//! rating`.

use std::collections::HashMap;
use std::io::{Cursor, Read, Seek};

use calamine::{Data, Ods, Reader, Xlsx};

use crate::error::{Error, ErrorKind, Location, Problem, Result};
use crate::i18n::Lang;
use crate::load::MAX_DOCUMENT_BYTES;
use crate::load::header::{self, Field};

/// Most rows read from a sheet or CSV file.
pub const MAX_ROWS: usize = 100_000;
/// Most columns read from a sheet or CSV file.
pub const MAX_COLUMNS: usize = 64;
/// Most bytes a workbook may unpack to, all its parts together.
pub const MAX_UNPACKED_BYTES: u64 = 4 * MAX_DOCUMENT_BYTES as u64;
/// Most parts (files) in a workbook.
const MAX_PARTS: usize = 10_000;

/// What a document's bytes are, by their content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content {
    /// A JSON object (`{` first, after a byte-order mark and white space).
    Json,
    /// A zip file: an `.xlsx` or `.ods` workbook (told apart by [`is_ods`]).
    Workbook,
    /// Anything else: CSV text.
    Csv,
}

/// Tells a document's kind by its first bytes: zip magic → workbook, `{` → JSON, else CSV.
pub(crate) fn sniff(bytes: &[u8]) -> Content {
    if bytes.starts_with(b"PK\x03\x04") {
        return Content::Workbook;
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') | None => Content::Json,
        Some(_) => Content::Csv,
    }
}

/// Whether a document (JSON, workbook or CSV) is a plan rather than an assessment: a JSON
/// object with `activities`, a workbook with a sheet named `Plan`, a CSV file with an
/// `activity` column in its first lines. For tools that take either (`gender-seal convert`).
pub fn is_plan(bytes: &[u8]) -> bool {
    match sniff(bytes) {
        Content::Json => serde_json::from_slice::<serde_json::Value>(bytes)
            .ok()
            .is_some_and(|v| v.get("activities").is_some()),
        Content::Workbook => {
            let plan = |names: Vec<String>| names.iter().any(|s| s.eq_ignore_ascii_case("Plan"));
            check_zip(Cursor::new(bytes)).is_ok()
                && if is_ods(bytes) {
                    ods_sheet_names(bytes).is_ok_and(plan)
                } else {
                    Xlsx::new(Cursor::new(bytes)).is_ok_and(|wb: Xlsx<_>| plan(wb.sheet_names()))
                }
        }
        Content::Csv => csv(bytes).is_ok_and(|g| {
            g.rows
                .iter()
                .take(20)
                .any(|r| crate::load::header::ACTIVITY.column_in(r).is_some())
        }),
    }
}

/// A table of text cells from a sheet or a CSV file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Grid {
    /// The sheet's name; `None` for CSV (locations are lines).
    pub(crate) sheet: Option<String>,
    /// Rows from the first (row 1 / line 1), each as long as its last non-empty cell.
    pub(crate) rows: Vec<Vec<String>>,
}

impl Grid {
    /// Where the cell at `row`, `col` is: `Sheet!D14`, or for CSV the line and the column's
    /// header name.
    pub(crate) fn location(&self, row: usize, col: usize, column: &str) -> Location {
        match &self.sheet {
            Some(sheet) => Location::Cell {
                sheet: sheet.clone(),
                cell: format!("{}{}", column_letters(col), row + 1),
            },
            None => Location::Line {
                line: row + 1,
                column: Some(column.to_string()),
            },
        }
    }

    /// Where row `row` is, for problems of a whole row.
    pub(crate) fn row_location(&self, row: usize) -> Location {
        match &self.sheet {
            Some(sheet) => Location::Cell {
                sheet: sheet.clone(),
                cell: format!("A{}", row + 1),
            },
            None => Location::Line {
                line: row + 1,
                column: None,
            },
        }
    }
}

/// The header block above a sheet's table: the rows before `header_row` whose first cell is
/// the label (in any language) of one of `fields`, each kept with its row and its value as
/// written, and the language its Language row names (English without one). Shared by the
/// assessment and plan readers.
pub(crate) struct HeaderBlock<'g> {
    grid: &'g Grid,
    cells: HashMap<&'static str, (usize, String)>,
    /// The language the block's Language row names.
    pub(crate) lang: Lang,
}

impl<'g> HeaderBlock<'g> {
    /// Reads the block of `grid` above `header_row`.
    pub(crate) fn read(grid: &'g Grid, header_row: usize, fields: &[Field]) -> HeaderBlock<'g> {
        let mut cells = HashMap::new();
        for (r, row) in grid.rows[..header_row.min(grid.rows.len())]
            .iter()
            .enumerate()
        {
            let Some(label) = row.first() else { continue };
            if let Some(f) = fields.iter().find(|f| f.named_by(label)) {
                cells.insert(f.key, (r, row.get(1).cloned().unwrap_or_default()));
            }
        }
        let lang = cells
            .get(header::LANGUAGE.key)
            .and_then(|(_, l)| l.trim().parse::<Lang>().ok())
            .unwrap_or(Lang::EN);
        HeaderBlock { grid, cells, lang }
    }

    /// The value of `f`, trimmed, when its row is there and it is not empty.
    pub(crate) fn text(&self, f: Field) -> Option<String> {
        self.cells
            .get(f.key)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// The value of `f` as written (not trimmed), when it is not blank: free text.
    pub(crate) fn raw(&self, f: Field) -> Option<String> {
        self.cells
            .get(f.key)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.trim().is_empty())
    }

    /// Where the value of `f` is (its row's second cell; the sheet's first row without one).
    pub(crate) fn location(&self, f: Field) -> Location {
        match self.cells.get(f.key) {
            Some((r, _)) => self.grid.location(*r, 1, f.key),
            None => self.grid.row_location(0),
        }
    }

    /// The value of `f`, or a problem (an empty value at its cell, a missing row at the top)
    /// pushed on `problems` and an empty text.
    pub(crate) fn required(&self, f: Field, problems: &mut Vec<Problem>) -> String {
        match self.cells.get(f.key) {
            Some((_, v)) if !v.trim().is_empty() => v.trim().to_string(),
            Some(_) => {
                problems.push(Problem {
                    location: self.location(f),
                    message: format!("'{}' is empty", f.header(self.lang)),
                });
                String::new()
            }
            None => {
                problems.push(Problem {
                    location: self.location(f),
                    message: format!(
                        "no '{}' in the header block above the table (a row labelled '{}')",
                        f.header(self.lang),
                        f.header(self.lang)
                    ),
                });
                String::new()
            }
        }
    }
}

/// A CSV writer in memory with a sheet's header block written (`label,value` lines), a blank
/// line, and the table's header row: what the assessment and plan CSV files start with.
pub(crate) fn csv_start<'a>(
    block: impl IntoIterator<Item = (&'a str, String)>,
    columns: impl IntoIterator<Item = String>,
) -> Result<csv::Writer<Vec<u8>>> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for (label, value) in block {
        w.write_record([label, value.as_str()]).map_err(csv_error)?;
    }
    w.write_record([""]).map_err(csv_error)?;
    w.write_record(columns).map_err(csv_error)?;
    Ok(w)
}

/// The bytes of a CSV writer from [`csv_start`].
pub(crate) fn csv_finish(w: csv::Writer<Vec<u8>>) -> Result<Vec<u8>> {
    w.into_inner()
        .map_err(|e| Error::new(ErrorKind::Request, "", format!("cannot write CSV: {e}")))
}

/// A CSV writing error (in memory it cannot happen).
pub(crate) fn csv_error(e: csv::Error) -> Error {
    Error::new(ErrorKind::Request, "", format!("cannot write CSV: {e}"))
}

/// `A`, `B`, …, `Z`, `AA`, … for column `col` (from 0).
pub(crate) fn column_letters(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn syntax(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Syntax, "", message)
}

/// Checks a workbook's parts before unpacking: at most [`MAX_PARTS`] parts and
/// [`MAX_UNPACKED_BYTES`] unpacked, by the sizes the zip declares (the reader stops at the
/// declared size of each part).
fn check_zip<R: Read + Seek>(reader: R) -> Result<()> {
    let mut zip = zip::ZipArchive::new(reader)
        .map_err(|e| syntax(format!("not a readable workbook (zip): {e}")))?;
    if zip.len() > MAX_PARTS {
        return Err(syntax(format!(
            "workbook too large: {} parts, at most {MAX_PARTS}",
            zip.len()
        )));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip
            .by_index_raw(i)
            .map_err(|e| syntax(format!("not a readable workbook (zip): {e}")))?;
        total = total.saturating_add(part.size());
        if total > MAX_UNPACKED_BYTES {
            return Err(syntax(format!(
                "workbook too large: it unpacks to more than {MAX_UNPACKED_BYTES} bytes"
            )));
        }
    }
    Ok(())
}

/// Whether a zip file is an OpenDocument spreadsheet (`.ods`) rather than an `.xlsx`
/// workbook: its `mimetype` part says so, or it has a `content.xml` and no
/// `[Content_Types].xml`. Reads only the zip's directory and the few bytes of `mimetype`.
pub(crate) fn is_ods(bytes: &[u8]) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    if let Ok(part) = zip.by_name("mimetype") {
        let mut head = Vec::new();
        if part.take(64).read_to_end(&mut head).is_ok() {
            return head.starts_with(b"application/vnd.oasis.opendocument.spreadsheet");
        }
    }
    let has = |name: &str| zip.file_names().any(|n| n == name);
    has("content.xml") && !has("[Content_Types].xml")
}

/// Reads one sheet of a workbook, `.xlsx` or `.ods` (by [`is_ods`]): the first whose name is
/// one of `names` (any case), else the first sheet. Cells are text as the spreadsheet shows
/// them; a number typed in a cell formatted as a number is written back as the shortest
/// decimal that the binary value reads back as (what was typed, for up to 15 significant
/// digits). Both kinds get the same limits: the zip's declared sizes, [`MAX_ROWS`] and
/// [`MAX_COLUMNS`].
pub(crate) fn workbook_sheet(bytes: &[u8], names: &[&str]) -> Result<Grid> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(syntax(format!(
            "document too large: {} bytes, at most {MAX_DOCUMENT_BYTES}",
            bytes.len()
        )));
    }
    check_zip(Cursor::new(bytes))?;
    if is_ods(bytes) {
        return ods_sheet(bytes, names);
    }
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| syntax(format!("not a readable .xlsx workbook: {e}")))?;
    let sheet = pick_sheet(&wb.sheet_names(), names)?;
    let mut cells = wb
        .worksheet_cells_reader(&sheet)
        .map_err(|e| syntax(format!("cannot read sheet '{sheet}': {e}")))?;
    let mut read = SheetCells::new(sheet.clone());
    loop {
        let cell = match cells.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => return Err(syntax(format!("cannot read sheet '{sheet}': {e}"))),
        };
        let (r, c) = cell.get_position();
        read.add(r as usize, c as usize, Data::from(cell.get_value().clone()))?;
    }
    read.finish()
}

/// The sheet to read: the first of `sheets` named one of `names` (any case), else the first.
fn pick_sheet(sheets: &[String], names: &[&str]) -> Result<String> {
    names
        .iter()
        .find_map(|n| sheets.iter().find(|s| s.eq_ignore_ascii_case(n)))
        .or_else(|| sheets.first())
        .cloned()
        .ok_or_else(|| syntax("the workbook has no sheet"))
}

/// Sets the text of the cell at `r`, `c`, growing the rows as needed.
fn put(rows: &mut Vec<Vec<String>>, r: usize, c: usize, text: String) {
    if rows.len() <= r {
        rows.resize_with(r + 1, Vec::new);
    }
    let row = &mut rows[r];
    if row.len() <= c {
        row.resize_with(c + 1, String::new);
    }
    row[c] = text;
}

/// The sheet names of an `.ods` file, after [`check_ods`].
fn ods_sheet_names(bytes: &[u8]) -> Result<Vec<String>> {
    check_ods(bytes)?;
    let wb: Ods<_> = Ods::new(Cursor::new(bytes))
        .map_err(|e| syntax(format!("not a readable .ods spreadsheet: {e}")))?;
    Ok(wb.sheet_names())
}

/// Reads one sheet of an `.ods` file (see [`workbook_sheet`]). calamine reads an `.ods` file
/// whole, every sheet as a dense range with its repeated rows and cells expanded, so
/// [`check_ods`] first makes sure no sheet holds a non-empty cell beyond [`MAX_ROWS`] ×
/// [`MAX_COLUMNS`]: the ranges calamine builds then stay within that size.
fn ods_sheet(bytes: &[u8], names: &[&str]) -> Result<Grid> {
    check_ods(bytes)?;
    let mut wb: Ods<_> = Ods::new(Cursor::new(bytes))
        .map_err(|e| syntax(format!("not a readable .ods spreadsheet: {e}")))?;
    let sheet = pick_sheet(&wb.sheet_names(), names)?;
    let range = wb
        .worksheet_range(&sheet)
        .map_err(|e| syntax(format!("cannot read sheet '{sheet}': {e}")))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut read = SheetCells::new(sheet);
    for (r, c, value) in range.used_cells() {
        read.add(top as usize + r, left as usize + c, value.clone())?;
    }
    read.finish()
}

/// One sheet's cells as they are read, workbook or `.ods` alike: their text by position
/// (numbers as [`float_text`]), and the cells holding an error, reported together.
struct SheetCells {
    sheet: String,
    rows: Vec<Vec<String>>,
    problems: Vec<crate::error::Problem>,
}

impl SheetCells {
    fn new(sheet: String) -> SheetCells {
        SheetCells {
            sheet,
            rows: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// Keeps the cell at row `r`, column `c` (0-based); a non-empty cell beyond [`MAX_ROWS`]
    /// × [`MAX_COLUMNS`] is an error, an empty one is skipped.
    fn add(&mut self, r: usize, c: usize, value: Data) -> Result<()> {
        if matches!(value, Data::Empty) {
            return Ok(());
        }
        if r >= MAX_ROWS || c >= MAX_COLUMNS {
            return Err(too_far(&self.sheet, r, c));
        }
        let text = match value {
            Data::Empty => return Ok(()),
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s,
            Data::Int(i) => i.to_string(),
            Data::Float(f) => float_text(f),
            Data::Bool(b) => if b { "TRUE" } else { "FALSE" }.to_string(),
            Data::DateTime(d) => d.to_string(),
            Data::Error(e) => {
                self.problems.push(crate::error::Problem {
                    location: Location::Cell {
                        sheet: self.sheet.clone(),
                        cell: format!("{}{}", column_letters(c), r + 1),
                    },
                    message: format!("the cell holds an error ({e})"),
                });
                return Ok(());
            }
        };
        put(&mut self.rows, r, c, text);
        Ok(())
    }

    fn finish(self) -> Result<Grid> {
        if let Some(e) = Error::from_problems(ErrorKind::Format, self.problems) {
            return Err(e);
        }
        Ok(Grid {
            sheet: Some(self.sheet),
            rows: self.rows,
        })
    }
}

/// The error for a non-empty cell beyond the limits.
fn too_far(sheet: &str, r: usize, c: usize) -> Error {
    syntax(format!(
        "sheet '{sheet}' too large: a cell at {}{} is beyond {MAX_ROWS} rows or {MAX_COLUMNS} columns",
        column_letters(c.min(16_383)),
        r.saturating_add(1)
    ))
}

/// Scans an `.ods` file's `content.xml` (its size already bounded by [`check_zip`]) for where
/// its cells are, counting repeated rows (`table:number-rows-repeated`) and cells
/// (`table:number-columns-repeated`) without expanding them: a cell that may hold something
/// (one with a value type, a formula or content) must lie within [`MAX_ROWS`] ×
/// [`MAX_COLUMNS`] of its sheet. Empty repeats (how LibreOffice writes the rest of a sheet)
/// cost nothing. Conservative: a cell is counted as filled unless it is plainly empty.
fn check_ods(bytes: &[u8]) -> Result<()> {
    use quick_xml::events::{BytesStart, Event};
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| syntax(format!("not a readable .ods spreadsheet (zip): {e}")))?;
    let mut content = Vec::new();
    zip.by_name("content.xml")
        .map_err(|e| syntax(format!("not a readable .ods spreadsheet: content.xml: {e}")))?
        .take(MAX_UNPACKED_BYTES)
        .read_to_end(&mut content)
        .map_err(|e| syntax(format!("not a readable .ods spreadsheet: content.xml: {e}")))?;
    let repeat = |e: &BytesStart<'_>, key: &[u8]| -> usize {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .and_then(|a| std::str::from_utf8(&a.value).ok()?.trim().parse().ok())
            .unwrap_or(1)
    };
    let filled = |e: &BytesStart<'_>| {
        e.attributes().flatten().any(|a| {
            let k = a.key.as_ref();
            k == b"office:value-type" || k == b"table:formula" || k == b"calcext:value-type"
        })
    };
    let mut reader = quick_xml::Reader::from_reader(content.as_slice());
    let mut buf = Vec::new();
    let (mut sheet, mut row, mut row_repeat, mut col) = (String::new(), 0usize, 1usize, 0usize);
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| syntax(format!("not a readable .ods spreadsheet: content.xml: {e}")))?;
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"table:table" => {
                sheet = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.as_ref() == b"table:name")
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                    .unwrap_or_default();
                (row, row_repeat, col) = (0, 1, 0);
            }
            Event::Start(e) if e.name().as_ref() == b"table:table-row" => {
                row_repeat = repeat(&e, b"table:number-rows-repeated");
                col = 0;
            }
            Event::End(e) if e.name().as_ref() == b"table:table-row" => {
                row = row.saturating_add(row_repeat);
            }
            Event::Empty(e) if e.name().as_ref() == b"table:table-row" => {
                row = row.saturating_add(repeat(&e, b"table:number-rows-repeated"));
            }
            ref ev @ (Event::Start(ref e) | Event::Empty(ref e))
                if matches!(
                    e.name().as_ref(),
                    b"table:table-cell" | b"table:covered-table-cell"
                ) =>
            {
                let n = repeat(e, b"table:number-columns-repeated");
                // Content (a paragraph, an annotation) makes a cell possibly filled too.
                let maybe = filled(e) || matches!(ev, Event::Start(_));
                if maybe {
                    let last_col = col.saturating_add(n.max(1) - 1);
                    let last_row = row.saturating_add(row_repeat.max(1) - 1);
                    if last_col >= MAX_COLUMNS || last_row >= MAX_ROWS {
                        return Err(too_far(&sheet, last_row, last_col));
                    }
                }
                col = col.saturating_add(n);
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// The shortest decimal text that reads back as `f` (Rust's `Display` of `f64`), for the
/// binary value Excel keeps of a typed number. Only ever parsed as exact decimal text after.
#[allow(clippy::float_arithmetic)]
fn float_text(f: f64) -> String {
    if f.is_finite() {
        format!("{f}")
    } else {
        String::from("NaN")
    }
}

/// Reads a CSV file: UTF-8 (a byte-order mark allowed), comma-separated, or
/// semicolon-separated when the first line has more semicolons than commas (as spreadsheet
/// programs write it where the comma is the decimal separator).
pub(crate) fn csv(bytes: &[u8]) -> Result<Grid> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(syntax(format!(
            "document too large: {} bytes, at most {MAX_DOCUMENT_BYTES}",
            bytes.len()
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let message = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_string(),
                    _ => e.to_string(),
                };
                return Err(Error::at(
                    ErrorKind::Syntax,
                    Location::Line { line, column: None },
                    message,
                ));
            }
        }
        if record.len() > MAX_COLUMNS {
            return Err(Error::at(
                ErrorKind::Syntax,
                Location::Line { line, column: None },
                format!("{} columns, at most {MAX_COLUMNS}", record.len()),
            ));
        }
        // A record's line is where it starts; keep rows aligned with lines so that problems
        // name the line a person sees (a quoted cell may span lines).
        let index = line.saturating_sub(1);
        if index >= MAX_ROWS {
            return Err(Error::at(
                ErrorKind::Syntax,
                Location::Line { line, column: None },
                format!("too many lines: at most {MAX_ROWS}"),
            ));
        }
        if rows.len() < index {
            rows.resize_with(index, Vec::new);
        }
        let mut row: Vec<String> = record.iter().map(str::to_string).collect();
        while row.last().is_some_and(|c| c.is_empty()) {
            row.pop();
        }
        rows.push(row);
    }
    Ok(Grid { sheet: None, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_told_by_its_bytes() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Content::Workbook);
        assert_eq!(sniff(b"\xEF\xBB\xBF \n{\"a\": 1}"), Content::Json);
        assert_eq!(sniff(b"id,rating\n"), Content::Csv);
        assert_eq!(sniff(b""), Content::Json);
    }

    #[test]
    fn columns_are_lettered_like_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(3), "D");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
    }

    #[test]
    fn csv_rows_follow_lines_and_semicolons_are_understood() {
        let g = csv(b"\xEF\xBB\xBFid;rating\nMS1;\"Met\nreally\"\nMS2;met\n").unwrap();
        assert_eq!(g.rows[0], vec!["id", "rating"]);
        assert_eq!(g.rows[1], vec!["MS1", "Met\nreally"]);
        assert_eq!(
            g.rows[3],
            vec!["MS2", "met"],
            "line 4 is row 4: {:?}",
            g.rows
        );
        assert_eq!(
            g.location(3, 1, "rating").to_string(),
            "line 4, column rating"
        );
        let e = csv(b"a,b\n\xff,1\n").unwrap_err();
        assert_eq!(e.to_string(), "line 2: not UTF-8 text");
    }

    #[test]
    fn broken_workbooks_are_syntax_errors() {
        let e = workbook_sheet(b"PK\x03\x04 not a zip", &[]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax);
        assert!(e.to_string().contains("workbook"), "{e}");
    }
}
