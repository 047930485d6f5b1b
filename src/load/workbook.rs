//! Writing the library's own workbooks (templates, converted files): the cell styles they
//! share, A4 landscape printing, and `rust_xlsxwriter`'s errors as the library's. Every cell
//! is written as text, numbers included (exact decimals, never binary floating point).

use rust_xlsxwriter::{Color, Format, FormatBorder, ProtectionOptions, Worksheet, XlsxError};

use crate::error::{Error, ErrorKind};

/// Excel's paper size code for A4.
pub(crate) const A4: u8 = 9;

/// Most characters Excel keeps in a cell.
pub(crate) const MAX_CELL_CHARS: usize = 32_767;

/// The styles of a workbook.
pub(crate) struct Styles {
    /// The title row.
    pub(crate) title: Format,
    /// Header cells and labels: bold, shaded, locked.
    pub(crate) header: Format,
    /// Locked text: ids, titles, guidance.
    pub(crate) locked: Format,
    /// A dimension's row: bold, locked.
    pub(crate) group: Format,
    /// Cells a person fills: unlocked, wrapped, stored as text (so a typed number keeps its
    /// decimal digits).
    pub(crate) input: Format,
}

impl Styles {
    pub(crate) fn new() -> Styles {
        let border = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(Color::Gray)
        };
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            header: border(
                Format::new()
                    .set_bold()
                    .set_text_wrap()
                    .set_background_color(Color::RGB(0x00D9_E2F3)),
            ),
            locked: border(
                Format::new()
                    .set_text_wrap()
                    .set_align(rust_xlsxwriter::FormatAlign::Top),
            ),
            group: border(
                Format::new()
                    .set_bold()
                    .set_background_color(Color::RGB(0x00F2_F2F2)),
            ),
            input: border(
                Format::new()
                    .set_unlocked()
                    .set_text_wrap()
                    .set_num_format("@")
                    .set_align(rust_xlsxwriter::FormatAlign::Top)
                    .set_background_color(Color::RGB(0x00FF_FDE7)),
            ),
        }
    }
}

/// Starts an input sheet (a template, a converted file) named `name` in `workbook`: `title`
/// in its first cell, the header block below it (each field's label in `lang`, then its value:
/// open for input, except the framework, version and language, which are the file's and
/// locked), a blank row, then the table's header row of `columns`. Returns the sheet and the
/// header row's index.
pub(crate) fn start_input_sheet<'w>(
    workbook: &'w mut rust_xlsxwriter::Workbook,
    name: &str,
    title: &str,
    styles: &Styles,
    block: impl IntoIterator<Item = (crate::load::header::Field, String)>,
    lang: crate::i18n::Lang,
    columns: impl IntoIterator<Item = String>,
) -> crate::error::Result<(&'w mut Worksheet, u32)> {
    use crate::load::header as h;
    let sheet = workbook.add_worksheet();
    sheet.set_name(name).map_err(error)?;
    sheet
        .write_string_with_format(0, 0, title, &styles.title)
        .map_err(error)?;
    let mut row = 0;
    for (field, value) in block {
        row += 1;
        sheet
            .write_string_with_format(row, 0, field.header(lang), &styles.header)
            .map_err(error)?;
        let locked = [h::FRAMEWORK.key, h::VERSION.key, h::LANGUAGE.key].contains(&field.key);
        let style = if locked {
            &styles.locked
        } else {
            &styles.input
        };
        sheet
            .write_string_with_format(row, 1, cell(&value), style)
            .map_err(error)?;
    }
    let header_row = row + 2;
    for (c, text) in columns.into_iter().enumerate() {
        sheet
            .write_string_with_format(header_row, c as u16, &text, &styles.header)
            .map_err(error)?;
    }
    Ok((sheet, header_row))
}

/// Finishes an input sheet: the table's header row (`header_row`) and its first `frozen`
/// columns frozen and repeated on every printed page, the print area to `last_row` and
/// `last_col`, A4 landscape, and the sheet protected (locked cells locked; columns and rows
/// may still be resized).
pub(crate) fn finish_input_sheet(
    sheet: &mut Worksheet,
    header_row: u32,
    frozen: u16,
    last_row: u32,
    last_col: u16,
) -> crate::error::Result<()> {
    sheet
        .set_freeze_panes(header_row + 1, frozen)
        .map_err(error)?;
    sheet
        .set_repeat_rows(header_row, header_row)
        .map_err(error)?;
    sheet
        .set_print_area(0, 0, last_row, last_col)
        .map_err(error)?;
    print_setup(sheet);
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    });
    Ok(())
}

/// A4 landscape, fit to the width of one page, as long as it needs.
pub(crate) fn print_setup(sheet: &mut Worksheet) {
    sheet.set_paper_size(A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
}

/// A cell's text, cut to what Excel keeps.
pub(crate) fn cell(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// `rust_xlsxwriter`'s error as the library's (a request it cannot write).
pub(crate) fn error(e: XlsxError) -> Error {
    Error::new(
        ErrorKind::Request,
        "",
        format!("cannot write the workbook: {e}"),
    )
}
