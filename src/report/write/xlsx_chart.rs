//! Native Excel charts for the xlsx writer: each [`Chart`] of a report becomes a block of data
//! on a chart sheet (its categories, one column of numbers and one of the report's texts per
//! series, one column per mark) and an Excel chart drawn from that block, beside it.
//!
//! This is the one place a workbook of gender-seal holds numbers as numbers: Excel draws
//! charts from numeric cells only. Each such cell is made from the exact decimal's text
//! (`Decimal` → its decimal string → `f64`), for display alone: nothing ever reads these cells
//! back, compares or scores them, and the exact figures stay as text in the report's tables
//! (docs/decisions.md). The bars' data labels are the report's own texts ("74 %", "1 200 USD"),
//! taken from the text columns, so even the labels carry no binary rounding.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart as XlChart, ChartDataLabel, ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType,
    ChartType, Format, Worksheet, XlsxError,
};

use crate::report::chart::{Chart, Kind};

/// Rows an inserted chart covers (at Excel's default 20 pixels a row), so blocks do not meet.
const CHART_ROWS: u32 = 20;
/// The chart's size in pixels.
const CHART_WIDTH: u32 = 720;
const CHART_HEIGHT: u32 = 380;

/// A number for a chart cell: the exact decimal's text read as `f64`. Display only (module
/// doc): never read back, compared or scored.
fn display_number(d: Decimal) -> f64 {
    d.normalize().to_string().parse::<f64>().unwrap_or(0.0)
}

/// Writes every chart's data on `sheet` (named `name`), one block under the other, each with
/// its Excel chart to its right.
pub(crate) fn write_charts(
    sheet: &mut Worksheet,
    name: &str,
    charts: &[&Chart],
    bold: &Format,
) -> Result<(), XlsxError> {
    let mut row: u32 = 0;
    let mut widest: u16 = 0;
    for chart in charts {
        let used = write_block(sheet, name, chart, row, bold)?;
        widest = widest.max(used.columns);
        row += used.rows.max(CHART_ROWS) + 2;
    }
    sheet.set_column_width(0, 28)?;
    for col in 1..widest {
        sheet.set_column_width(col, 14)?;
    }
    crate::load::workbook::print_setup(sheet);
    Ok(())
}

/// What a block took on the sheet.
struct Used {
    rows: u32,
    columns: u16,
}

/// One chart's block at `top`: its title, a header row, then one row per category; and the
/// Excel chart drawn from it, inserted to the right of the block.
fn write_block(
    sheet: &mut Worksheet,
    name: &str,
    chart: &Chart,
    top: u32,
    bold: &Format,
) -> Result<Used, XlsxError> {
    let n = chart.categories.len().min(1_000) as u32;
    let head = top + 1;
    let first = top + 2;
    let last = first + n.saturating_sub(1);
    sheet.write_string_with_format(top, 0, &chart.title, bold)?;
    sheet.write_string_with_format(
        head,
        0,
        chart.categories_axis.as_deref().unwrap_or(""),
        bold,
    )?;
    for (i, c) in chart.categories.iter().take(n as usize).enumerate() {
        sheet.write_string(first + i as u32, 0, c)?;
    }
    // Series: a column of numbers, then a column of the report's texts for the labels.
    let mut col: u16 = 1;
    let mut series_cols = Vec::new();
    for s in &chart.series {
        sheet.write_string_with_format(head, col, &s.name, bold)?;
        for (i, v) in s.values.iter().take(n as usize).enumerate() {
            if let Some(p) = v {
                sheet.write_number(first + i as u32, col, display_number(p.at))?;
                sheet.write_string(first + i as u32, col + 1, &p.text)?;
            }
        }
        series_cols.push(col);
        col += 2;
    }
    // Marks: one column each, the threshold on every category's row, drawn as a dashed line.
    let mut mark_cols = Vec::new();
    for m in &chart.marks {
        sheet.write_string_with_format(head, col, &m.text, bold)?;
        for i in 0..n {
            sheet.write_number(first + i, col, display_number(m.at))?;
        }
        mark_cols.push(col);
        col += 1;
    }
    if n == 0 {
        return Ok(Used {
            rows: 2,
            columns: col,
        });
    }

    let categories = (name, first, 0, last, 0);
    let primary = match chart.kind {
        Kind::Bars => ChartType::Column,
        Kind::Line => ChartType::Line,
    };
    let mut xl = XlChart::new(primary);
    for (s, &c) in chart.series.iter().zip(&series_cols) {
        let labels: Vec<ChartDataLabel> = (0..n)
            .map(|i| {
                let mut l = ChartDataLabel::new();
                match s.values.get(i as usize) {
                    Some(Some(_)) => l.set_value((name, first + i, c + 1)),
                    _ => l.set_hidden(),
                };
                l
            })
            .collect();
        let series = xl
            .add_series()
            .set_name((name, head, c))
            .set_categories(categories)
            .set_values((name, first, c, last, c))
            .set_custom_data_labels(&labels);
        if chart.kind == Kind::Line {
            series.set_marker(ChartMarker::new().set_type(ChartMarkerType::Circle));
        }
    }
    let dashes = [
        ChartLineDashType::Dash,
        ChartLineDashType::RoundDot,
        ChartLineDashType::LongDash,
        ChartLineDashType::DashDot,
        ChartLineDashType::LongDashDotDot,
    ];
    let mut marks = XlChart::new(ChartType::Line);
    for (i, &c) in mark_cols.iter().enumerate() {
        let dash = dashes[i % dashes.len()];
        let target = if chart.kind == Kind::Line {
            &mut xl
        } else {
            &mut marks
        };
        target
            .add_series()
            .set_name((name, head, c))
            .set_categories(categories)
            .set_values((name, first, c, last, c))
            .set_format(ChartLine::new().set_dash_type(dash).set_width(1.5))
            .set_marker(ChartMarker::new().set_none())
            .set_data_label(ChartDataLabel::new().set_hidden());
    }
    if chart.kind == Kind::Bars && !mark_cols.is_empty() {
        xl.combine(&marks);
    }
    xl.title().set_name(&chart.title);
    xl.y_axis()
        .set_name(&chart.axis)
        .set_min(display_number(chart.min))
        .set_max(display_number(chart.max));
    if let Some(axis) = &chart.categories_axis {
        xl.x_axis().set_name(axis);
    }
    xl.set_width(CHART_WIDTH).set_height(CHART_HEIGHT);
    sheet.insert_chart_with_offset(top, col + 1, &xl, 0, 0)?;
    Ok(Used {
        rows: n + 2,
        columns: col,
    })
}
