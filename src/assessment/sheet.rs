//! An assessment as a workbook or CSV file (docs/formats.md, "Spreadsheets and CSV"): a
//! header block (office, period, framework id and version, language) above one table, one
//! row per benchmark under its dimension. Reading finds the header block's labels and the
//! table's columns by their names in any language; ratings and statuses are read as ids or
//! labels in any language; an empty rating and value is missing evidence. Writing makes the
//! blank matrix (`template`) and converted files.

use std::collections::HashMap;

use rust_xlsxwriter::{DataValidation, Workbook};

use super::{Assessment, Evidence, EvidenceStatus, FrameworkRef, ResolveOptions};
use crate::error::{Error, ErrorKind, Location, Problem, Result};
use crate::framework::{Direction, Framework, NOT_APPLICABLE};
use crate::i18n::{Lang, fill};
use crate::load::grid::{self, Grid, HeaderBlock};
use crate::load::header::{self as h, Field};
use crate::load::json::UniqueMap;
use crate::load::workbook::{self as wb, Styles};
use crate::num::decimal::Number;

/// The sheet an assessment workbook keeps its matrix on.
pub const SHEET: &str = "Assessment";

/// The table's columns, in the order the library writes them.
const COLUMNS: [Field; 10] = [
    h::ID,
    h::BENCHMARK,
    h::GUIDANCE,
    h::RATING,
    h::VALUE,
    h::UNIT,
    h::STATUS,
    h::NOTE,
    h::SOURCES,
    h::VERIFICATION,
];

/// The header block's labels, in the order the library writes them (from row 2).
const HEADER_BLOCK: [Field; 5] = [h::OFFICE, h::PERIOD, h::FRAMEWORK, h::VERSION, h::LANGUAGE];

/// Statuses in the order a drop-down lists them.
const STATUSES: [EvidenceStatus; 3] = [
    EvidenceStatus::Documented,
    EvidenceStatus::Verified,
    EvidenceStatus::Assumed,
];

fn status_key(s: EvidenceStatus) -> &'static str {
    match s {
        EvidenceStatus::Documented => "documented",
        EvidenceStatus::Verified => "verified",
        EvidenceStatus::Assumed => "assumed",
    }
}

fn status_label(s: EvidenceStatus, lang: Lang) -> &'static str {
    let m = &lang.messages().office;
    match s {
        EvidenceStatus::Documented => m.documented,
        EvidenceStatus::Verified => m.verified,
        EvidenceStatus::Assumed => m.assumed,
    }
}

/// The status a cell names (id or label in any language, any case).
fn status_named(text: &str) -> Option<EvidenceStatus> {
    let lower = text.trim().to_lowercase();
    STATUSES.into_iter().find(|s| {
        status_key(*s) == lower || Lang::all().any(|l| status_label(*s, l).to_lowercase() == lower)
    })
}

/// Reads an assessment from a grid. With `fw` (else the built-in framework its header block
/// names, when there is one) ratings may be labels, and the evidence is checked as scoring
/// checks it, each problem at its cell.
pub(crate) fn read(grid: &Grid, fw: Option<&Framework>) -> Result<Assessment> {
    let header_row = grid
        .rows
        .iter()
        .position(|r| h::ID.column_in(r).is_some() && h::RATING.column_in(r).is_some())
        .ok_or_else(|| {
            Error::at(
                ErrorKind::Format,
                grid.row_location(0),
                "no table header: a row must name the columns 'id' and 'rating' (the template's ID and Rating)",
            )
        })?;
    let header = &grid.rows[header_row];
    let col = |f: Field| f.column_in(header);
    let block = HeaderBlock::read(grid, header_row, &HEADER_BLOCK);
    let lang = block.lang;
    let mut problems = Vec::new();
    let mut required = |f: Field| block.required(f, &mut problems);
    let office = required(h::OFFICE);
    let framework = FrameworkRef {
        id: required(h::FRAMEWORK),
        version: required(h::VERSION),
    };
    if let Some(e) = Error::from_problems(ErrorKind::Format, problems) {
        return Err(e);
    }
    let period = block.text(h::PERIOD);
    let builtin = match fw {
        Some(_) => None,
        None => Framework::builtin(&framework.id, &framework.version).ok(),
    };
    let fw = fw.or(builtin.as_ref());

    let (id_col, rating_col) = (col(h::ID).unwrap_or(0), col(h::RATING).unwrap_or(0));
    let (value_col, status_col) = (col(h::VALUE), col(h::STATUS));
    let (note_col, sources_col) = (col(h::NOTE), col(h::SOURCES));
    let mut problems = Vec::new();
    let mut evidence: Vec<(String, Evidence)> = Vec::new();
    let mut rows: HashMap<String, usize> = HashMap::new();
    for (r, row) in grid.rows.iter().enumerate().skip(header_row + 1) {
        let get = |c: Option<usize>| c.and_then(|c| row.get(c)).map_or("", String::as_str);
        let id = get(Some(id_col)).trim();
        if id.is_empty() {
            continue;
        }
        let rating = get(Some(rating_col)).trim();
        let value = get(value_col).trim();
        if rating.is_empty() && value.is_empty() {
            continue;
        }
        let at =
            |c: usize, f: Field| grid.location(r, c, header.get(c).map_or(f.key, |s| s.as_str()));
        if let Some(first) = rows.insert(id.to_string(), r) {
            problems.push(Problem {
                location: at(id_col, h::ID),
                message: format!(
                    "benchmark '{id}' appears twice (also {})",
                    grid.row_location(first)
                ),
            });
            continue;
        }
        let rating = if rating.is_empty() {
            None
        } else {
            match fw {
                Some(fw) => match fw.rating_named(rating) {
                    Some(named) => Some(named.to_string()),
                    None => {
                        problems.push(Problem {
                            location: at(rating_col, h::RATING),
                            message: format!(
                                "'{rating}' is not a rating of this framework; expected one of {}",
                                fw.rating_choices(lang).join(", ")
                            ),
                        });
                        continue;
                    }
                },
                None => Some(rating.to_string()),
            }
        };
        let value = if value.is_empty() {
            None
        } else {
            let text = value.strip_suffix('%').unwrap_or(value).trim();
            match text.parse::<Number>() {
                Ok(n) => Some(n),
                Err(e) => {
                    problems.push(Problem {
                        location: at(value_col.unwrap_or(0), h::VALUE),
                        message: e.to_string(),
                    });
                    continue;
                }
            }
        };
        let status = match get(status_col).trim() {
            "" => None,
            s => match status_named(s) {
                Some(s) => Some(s),
                None => {
                    let choices: Vec<&str> =
                        STATUSES.iter().map(|s| status_label(*s, lang)).collect();
                    problems.push(Problem {
                        location: at(status_col.unwrap_or(0), h::STATUS),
                        message: format!(
                            "'{s}' is not a status; expected one of {}",
                            choices.join(", ")
                        ),
                    });
                    continue;
                }
            },
        };
        let note = Some(get(note_col))
            .filter(|n| !n.trim().is_empty())
            .map(str::to_string);
        let sources = get(sources_col)
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        evidence.push((
            id.to_string(),
            Evidence {
                rating,
                value,
                status,
                sources,
                note,
            },
        ));
    }
    if let Some(e) = Error::from_problems(ErrorKind::Invalid, problems) {
        return Err(e);
    }
    let assessment = Assessment {
        framework,
        office,
        period,
        evidence: UniqueMap(evidence),
        schema: None,
    };
    // The same checks as scoring, named at the cells (the framework reference is checked
    // when scoring, against the framework scored with).
    if let Some(fw) = fw {
        let lenient = ResolveOptions {
            allow_version_mismatch: true,
            allow_framework_mismatch: true,
            ignore_unknown_benchmarks: false,
        };
        assessment.resolve_with(fw, &lenient).map_err(|e| {
            e.map_locations(|l| {
                let Location::Json(path) = l else { return None };
                let rest = path.strip_prefix("evidence.")?;
                let (id, field) = rest.split_once('.').unwrap_or((rest, ""));
                let r = *rows.get(id)?;
                let c = match field {
                    "rating" => rating_col,
                    "value" => value_col.unwrap_or(rating_col),
                    _ => id_col,
                };
                Some(grid.location(r, c, header.get(c).map_or("", |s| s.as_str())))
            })
        })?;
    }
    Ok(assessment)
}

/// One row of the table as the library writes it, for a benchmark.
fn benchmark_row(fw: &Framework, bi: usize, ev: Option<&Evidence>, lang: Lang) -> [String; 10] {
    let b = &fw.benchmarks()[bi];
    let rating = ev.and_then(|e| e.rating.as_deref()).map(|r| {
        if r == NOT_APPLICABLE {
            lang.messages().common.not_applicable_label.to_string()
        } else {
            fw.rating_index(r).map_or_else(
                || r.to_string(),
                |i| fw.ratings()[i].label.get(lang).to_string(),
            )
        }
    });
    [
        b.id.to_string(),
        b.title.get(lang).to_string(),
        b.guidance
            .as_ref()
            .map_or_else(String::new, |g| g.get(lang).to_string()),
        rating.unwrap_or_default(),
        ev.and_then(|e| e.value)
            .map_or_else(String::new, |v| v.to_string()),
        unit_and_thresholds(fw, bi, lang),
        ev.and_then(|e| e.status)
            .map_or_else(String::new, |s| status_label(s, lang).to_string()),
        ev.and_then(|e| e.note.clone()).unwrap_or_default(),
        ev.map_or_else(String::new, |e| e.sources.join("\n")),
        b.verification
            .as_ref()
            .map_or_else(String::new, |v| v.get(lang).to_string()),
    ]
}

/// A rule benchmark's unit, its thresholds hardest first, the rating otherwise and the
/// bounds: "percent\nMet: at least 80 %\n…"; empty for a benchmark rated directly.
fn unit_and_thresholds(fw: &Framework, bi: usize, lang: Lang) -> String {
    let Some(rule) = &fw.benchmarks()[bi].rule else {
        return String::new();
    };
    let m = &lang.messages().office;
    let num = |n: Number| {
        if rule.is_percent() {
            lang.percent(n.value())
        } else {
            lang.number(n.value())
        }
    };
    let label = |i: usize| {
        fw.ratings()
            .get(i)
            .map_or_else(String::new, |r| r.label.get(lang).to_string())
    };
    let mut lines = vec![rule.unit.get(lang).to_string()];
    for (t, r) in &rule.steps {
        let template = match rule.direction {
            Direction::AtLeast => m.at_least,
            Direction::AtMost => m.at_most,
        };
        lines.push(fill(
            template,
            &[("rating", label(*r)), ("threshold", num(*t))],
        ));
    }
    lines.push(fill(m.otherwise, &[("rating", label(rule.otherwise))]));
    if let Some((lo, hi)) = rule.bounds {
        lines.push(fill(m.bounds, &[("lo", num(lo)), ("hi", num(hi))]));
    }
    lines.join("\n")
}

/// The header block's values for an assessment (office and period may be empty).
fn header_values(a: &Assessment, lang: Lang) -> [String; 5] {
    [
        a.office.clone(),
        a.period.clone().unwrap_or_default(),
        a.framework.id.clone(),
        a.framework.version.clone(),
        lang.code().to_string(),
    ]
}

/// Evidence by benchmark id, and the entries the framework does not have (kept, in order,
/// after the framework's rows so that nothing is lost).
fn evidence_by_id<'a>(
    a: &'a Assessment,
    fw: &Framework,
) -> (HashMap<&'a str, &'a Evidence>, Vec<(&'a str, &'a Evidence)>) {
    let mut by_id = HashMap::new();
    let mut unknown = Vec::new();
    for (id, ev) in &a.evidence.0 {
        if fw.benchmark_index(id).is_some() {
            by_id.insert(id.as_str(), ev);
        } else {
            unknown.push((id.as_str(), ev));
        }
    }
    (by_id, unknown)
}

/// The assessment as an `.xlsx` workbook in `lang`: the header block, a row per benchmark
/// under its dimension, drop-down lists for ratings and statuses, ids and titles locked and
/// the cells to fill open, the header frozen, printing on A4 landscape fit to the width. An
/// assessment with no evidence is the blank matrix (`gender-seal template`).
///
/// # Errors
///
/// [`ErrorKind::Request`] when the workbook cannot be written (a rating label too long for
/// a drop-down list).
pub fn to_xlsx(a: &Assessment, fw: &Framework, lang: Lang) -> Result<Vec<u8>> {
    let m = &lang.messages().office;
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let (sheet, header_row) = wb::start_input_sheet(
        &mut workbook,
        SHEET,
        m.assessment_title,
        &styles,
        HEADER_BLOCK.into_iter().zip(header_values(a, lang)),
        lang,
        COLUMNS.iter().map(|f| f.header(lang).to_string()),
    )?;
    let (by_id, unknown) = evidence_by_id(a, fw);
    let mut row = header_row;
    let ratings = DataValidation::new()
        .allow_list_strings(&fw.rating_choices(lang))
        .and_then(|v| v.set_input_message(m.rating_prompt))
        .map_err(wb::error)?;
    let statuses: Vec<&str> = STATUSES.iter().map(|s| status_label(*s, lang)).collect();
    let statuses = DataValidation::new()
        .allow_list_strings(&statuses)
        .map_err(wb::error)?;
    let value_prompt = DataValidation::new()
        .allow_any_value()
        .set_input_message(m.value_prompt)
        .map_err(wb::error)?;
    for d in fw.dimensions() {
        row += 1;
        sheet
            .write_string_with_format(row, 0, "", &styles.group)
            .map_err(wb::error)?;
        let title = format!("{} — {}", d.id, d.title.get(lang));
        sheet
            .write_string_with_format(row, 1, wb::cell(&title), &styles.group)
            .map_err(wb::error)?;
        for c in 2..COLUMNS.len() as u16 {
            sheet
                .write_string_with_format(row, c, "", &styles.group)
                .map_err(wb::error)?;
        }
        for bi in d.benchmarks.clone() {
            row += 1;
            let id: &str = &fw.benchmarks()[bi].id;
            let cells = benchmark_row(fw, bi, by_id.get(id).copied(), lang);
            let has_rule = fw.benchmarks()[bi].rule.is_some();
            for (c, text) in cells.iter().enumerate() {
                let field = COLUMNS[c];
                let open = [h::RATING.key, h::STATUS.key, h::NOTE.key, h::SOURCES.key]
                    .contains(&field.key)
                    || (field.key == h::VALUE.key && (has_rule || !text.is_empty()));
                let style = if open { &styles.input } else { &styles.locked };
                sheet
                    .write_string_with_format(row, c as u16, wb::cell(text), style)
                    .map_err(wb::error)?;
            }
            sheet
                .add_data_validation(row, 3, row, 3, &ratings)
                .map_err(wb::error)?;
            sheet
                .add_data_validation(row, 6, row, 6, &statuses)
                .map_err(wb::error)?;
            if has_rule {
                sheet
                    .add_data_validation(row, 4, row, 4, &value_prompt)
                    .map_err(wb::error)?;
            }
        }
    }
    for (id, ev) in unknown {
        row += 1;
        let cells = [
            id.to_string(),
            String::new(),
            String::new(),
            ev.rating.clone().unwrap_or_default(),
            ev.value.map_or_else(String::new, |v| v.to_string()),
            String::new(),
            ev.status
                .map_or_else(String::new, |s| status_label(s, lang).to_string()),
            ev.note.clone().unwrap_or_default(),
            ev.sources.join("\n"),
            String::new(),
        ];
        for (c, text) in cells.iter().enumerate() {
            sheet
                .write_string_with_format(row, c as u16, wb::cell(text), &styles.input)
                .map_err(wb::error)?;
        }
    }
    for (c, width) in [8, 36, 48, 18, 10, 26, 14, 48, 40, 40]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(c as u16, width).map_err(wb::error)?;
    }
    wb::finish_input_sheet(sheet, header_row, 2, row, COLUMNS.len() as u16 - 1)?;
    workbook.save_to_buffer().map_err(wb::error)
}

/// The assessment as CSV in `lang`: the header block as `label,value` lines, a blank line,
/// then the table with the same columns as the workbook (dimension rows left out).
///
/// # Errors
///
/// [`ErrorKind::Request`] if the CSV cannot be written (it always can, in memory).
pub fn to_csv(a: &Assessment, fw: &Framework, lang: Lang) -> Result<Vec<u8>> {
    let io = grid::csv_error;
    let mut w = grid::csv_start(
        HEADER_BLOCK
            .iter()
            .map(|f| f.header(lang))
            .zip(header_values(a, lang)),
        COLUMNS.iter().map(|f| f.header(lang).to_string()),
    )?;
    let (by_id, unknown) = evidence_by_id(a, fw);
    for bi in 0..fw.benchmarks().len() {
        let id: &str = &fw.benchmarks()[bi].id;
        w.write_record(benchmark_row(fw, bi, by_id.get(id).copied(), lang))
            .map_err(io)?;
    }
    for (id, ev) in unknown {
        let value = ev.value.map_or_else(String::new, |v| v.to_string());
        let status = ev.status.map_or("", |s| status_label(s, lang));
        w.write_record([
            id,
            "",
            "",
            ev.rating.as_deref().unwrap_or_default(),
            &value,
            "",
            status,
            ev.note.as_deref().unwrap_or_default(),
            &ev.sources.join("\n"),
            "",
        ])
        .map_err(io)?;
    }
    grid::csv_finish(w)
}
