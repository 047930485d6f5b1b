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
