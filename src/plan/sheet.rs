//! A plan as a workbook or CSV file (docs/formats.md, "Spreadsheets and CSV"): a header block
//! (office, period, framework id and version, currency, budget, note, language) above one
//! table with a row per effect. An activity's own fields (title in each language, cost,
//! quarter, committed, funding, note, sources) are on its first row; the rows after it with
//! the same activity id add its other effects. An activity without effects is one row with
//! no benchmark.

use std::collections::HashMap;

use rust_xlsxwriter::{DataValidation, Workbook};

use super::{ActivityFile, EffectFile, Funding, Plan, PlanFile};
use crate::assessment::FrameworkRef;
use crate::error::{Error, ErrorKind, Location, Problem, Result};
use crate::framework::Framework;
use crate::i18n::{Lang, Text};
use crate::load::grid::{self, Grid, HeaderBlock};
use crate::load::header::{self as h, Field};
use crate::load::workbook::{self as wb, Styles};
use crate::num::decimal::Number;

/// The sheet a plan workbook keeps its table on.
pub const SHEET: &str = "Plan";

/// The header block's labels, in the order the library writes them (from row 2).
const HEADER_BLOCK: [Field; 8] = [
    h::OFFICE,
    h::PERIOD,
    h::FRAMEWORK,
    h::VERSION,
    h::CURRENCY,
    h::BUDGET,
    h::NOTE,
    h::LANGUAGE,
];

/// The table's fields other than the titles.
const FIELDS: [Field; 11] = [
    h::ACTIVITY,
    h::COST,
    h::QUARTER,
    h::COMMITTED,
    h::FUNDING,
    h::NOTE,
    h::SOURCES,
    h::BENCHMARK,
    h::RATING,
    h::VALUE,
    h::EFFECT_NOTE,
];

const FUNDING: [(Funding, &str); 4] = [
    (Funding::Funded, "funded"),
    (Funding::NoCost, "no_cost"),
    (Funding::ToRaise, "to_raise"),
    (Funding::Unallocated, "unallocated"),
];

/// The table's columns: the activity's, a title per language, then the effect's.
fn columns() -> Vec<String> {
    let mut out = vec![h::ACTIVITY.key.to_string()];
    out.extend(Lang::all().map(|l| format!("{} ({})", h::TITLE.key, l.code())));
    for f in &FIELDS[1..] {
        out.push(f.key.to_string());
    }
    out
}

/// The header of column `key` in `lang` ("Title (fr)" for `title (fr)`).
fn header_word(key: &str, lang: Lang) -> String {
    if let Some(code) = key.strip_prefix("title (") {
        return format!("{} ({code}", h::TITLE.header(lang));
    }
    FIELDS
        .iter()
        .find(|f| f.key == key)
        .map_or_else(|| key.to_string(), |f| f.header(lang).to_string())
}

/// The column of a header row naming `key` in any language.
fn column(header: &[String], key: &str) -> Option<usize> {
    if let Some(code) = key.strip_prefix("title (") {
        let code = code.trim_end_matches(')');
        return header.iter().position(|c| {
            c.trim()
                .strip_suffix(&format!("({code})"))
                .is_some_and(|t| h::TITLE.named_by(t))
        });
    }
    let field = FIELDS.into_iter().find(|f| f.key == key)?;
    field.column_in(header)
}

fn yes_no(text: &str) -> Option<bool> {
    let lower = text.trim().to_lowercase();
    let is = |w: fn(&crate::i18n::CommonMessages) -> &str| {
        Lang::all().any(|l| w(&l.messages().common).to_lowercase() == lower)
    };
    match lower.as_str() {
        "" | "false" | "0" => Some(false),
        "true" | "1" => Some(true),
        _ if is(|c| c.yes) => Some(true),
        _ if is(|c| c.no) => Some(false),
        _ => None,
    }
}

/// Reads a plan from a grid; with `fw` (else the built-in framework its header names) effect
/// ratings may be labels and the plan is checked as the planner checks it, at the cells.
pub(crate) fn read(grid: &Grid, fw: Option<&Framework>) -> Result<PlanFile> {
    let header_row = grid
        .rows
        .iter()
        .position(|r| column(r, h::ACTIVITY.key).is_some() && column(r, h::COST.key).is_some())
        .ok_or_else(|| {
            Error::at(
                ErrorKind::Format,
                grid.row_location(0),
                "no table header: a row must name the columns 'activity' and 'cost' (the template's Activity and Cost)",
            )
        })?;
    let header = &grid.rows[header_row];
    let block = HeaderBlock::read(grid, header_row, &HEADER_BLOCK);
    let lang = block.lang;
    let text = |f: Field| block.text(f);
    let mut problems = Vec::new();
    let mut need = |f: Field| block.required(f, &mut problems);
    let office = need(h::OFFICE);
    let framework = FrameworkRef {
        id: need(h::FRAMEWORK),
        version: need(h::VERSION),
    };
    let budget = match text(h::BUDGET) {
        None => None,
        Some(b) => match b.parse::<Number>() {
            Ok(n) => Some(n),
            Err(e) => {
                problems.push(Problem {
                    location: block.location(h::BUDGET),
                    message: e.to_string(),
                });
                None
            }
        },
    };
    if let Some(e) = Error::from_problems(ErrorKind::Format, problems) {
        return Err(e);
    }
    let builtin = match fw {
        Some(_) => None,
        None => Framework::builtin(&framework.id, &framework.version).ok(),
    };
    let fw = fw.or(builtin.as_ref());

    let cols: HashMap<String, usize> = columns()
        .into_iter()
        .filter_map(|k| column(header, &k).map(|c| (k, c)))
        .collect();
    let mut problems = Vec::new();
    let mut activities: Vec<ActivityFile> = Vec::new();
    // Rows of each activity and of each of its effects, for locations.
    let mut rows_of: Vec<(usize, Vec<usize>)> = Vec::new();
    for (r, row) in grid.rows.iter().enumerate().skip(header_row + 1) {
        let get = |key: &str| {
            cols.get(key)
                .and_then(|c| row.get(*c))
                .map_or("", String::as_str)
        };
        let at = |key: &str| {
            let c = cols.get(key).copied().unwrap_or(0);
            grid.location(r, c, header.get(c).map_or(key, |s| s.as_str()))
        };
        let id = get(h::ACTIVITY.key).trim();
        if id.is_empty() {
            continue;
        }
        let continues = activities.last().is_some_and(|a| a.id == id);
        if !continues {
            let mut titles = serde_json::Map::new();
            for l in Lang::all() {
                let t = get(&format!("title ({})", l.code()));
                if !t.trim().is_empty() {
                    titles.insert(l.code().to_string(), t.to_string().into());
                }
            }
            let title: Text = serde_json::from_value(titles.into()).unwrap_or_default();
            let cost = match get(h::COST.key).trim().parse::<Number>() {
                Ok(n) => n,
                Err(e) => {
                    problems.push(Problem {
                        location: at(h::COST.key),
                        message: e.to_string(),
                    });
                    continue;
                }
            };
            let quarter = match get(h::QUARTER.key).trim() {
                "" => 4,
                q => match q.parse::<u32>() {
                    Ok(q) => q,
                    Err(_) => {
                        problems.push(Problem {
                            location: at(h::QUARTER.key),
                            message: format!("'{q}' is not a quarter (1 to 4)"),
                        });
                        continue;
                    }
                },
            };
            let Some(committed) = yes_no(get(h::COMMITTED.key)) else {
                problems.push(Problem {
                    location: at(h::COMMITTED.key),
                    message: format!("'{}' is neither yes nor no", get(h::COMMITTED.key).trim()),
                });
                continue;
            };
            let funding = match get(h::FUNDING.key).trim() {
                "" => None,
                f => match FUNDING.iter().find(|(_, k)| k.eq_ignore_ascii_case(f)) {
                    Some((f, _)) => Some(*f),
                    None => {
                        let ids: Vec<&str> = FUNDING.iter().map(|(_, k)| *k).collect();
                        problems.push(Problem {
                            location: at(h::FUNDING.key),
                            message: format!(
                                "'{f}' is not a funding; expected one of {}",
                                ids.join(", ")
                            ),
                        });
                        continue;
                    }
                },
            };
            let note = Some(get(h::NOTE.key))
                .filter(|n| !n.trim().is_empty())
                .map(str::to_string);
            let sources = get(h::SOURCES.key)
                .lines()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            activities.push(ActivityFile {
                id: id.to_string(),
                title,
                cost,
                quarter,
                committed,
                funding,
                effects: Vec::new(),
                note,
                sources,
            });
            rows_of.push((r, Vec::new()));
        }
        let benchmark = get(h::BENCHMARK.key).trim();
        if benchmark.is_empty() {
            continue;
        }
        let rating = match get(h::RATING.key).trim() {
            "" => None,
            written => match fw {
                Some(fw) => match fw.rating_named(written) {
                    Some(id) => Some(id.to_string()),
                    None => {
                        let mut choices = fw.rating_choices(lang);
                        choices.pop(); // an effect never makes a benchmark not applicable
                        problems.push(Problem {
                            location: at(h::RATING.key),
                            message: format!(
                                "'{written}' is not a rating of this framework; expected one of {}",
                                choices.join(", ")
                            ),
                        });
                        continue;
                    }
                },
                None => Some(written.to_string()),
            },
        };
        let value = match get(h::VALUE.key).trim() {
            "" => None,
            v => match v.strip_suffix('%').unwrap_or(v).trim().parse::<Number>() {
                Ok(n) => Some(n),
                Err(e) => {
                    problems.push(Problem {
                        location: at(h::VALUE.key),
                        message: e.to_string(),
                    });
                    continue;
                }
            },
        };
        let note = Some(get(h::EFFECT_NOTE.key))
            .filter(|n| !n.trim().is_empty())
            .map(str::to_string);
        if let (Some(a), Some((_, rows))) = (activities.last_mut(), rows_of.last_mut()) {
            a.effects.push(EffectFile {
                benchmark: benchmark.to_string(),
                rating,
                value,
                note,
            });
            rows.push(r);
        }
    }
    if let Some(e) = Error::from_problems(ErrorKind::Invalid, problems) {
        return Err(e);
    }
    let file = PlanFile {
        framework,
        office,
        period: text(h::PERIOD),
        currency: text(h::CURRENCY),
        budget,
        note: block.raw(h::NOTE),
        activities,
        schema: None,
    };
    if let Some(fw) = fw {
        let mut checked = file.clone();
        checked.framework = FrameworkRef::of(fw);
        Plan::validate(checked, fw, true).map_err(|e| {
            e.map_locations(|l| {
                let Location::Json(path) = l else { return None };
                let rest = path.strip_prefix("activities[")?;
                let (i, rest) = rest.split_once(']')?;
                let (row, rows) = rows_of.get(i.parse::<usize>().ok()?)?;
                let (r, key) = match rest.strip_prefix(".effects[") {
                    Some(e) => {
                        let (j, field) = e.split_once(']')?;
                        let r = *rows.get(j.parse::<usize>().ok()?)?;
                        let key = match field.trim_start_matches('.') {
                            "rating" => h::RATING.key,
                            "value" => h::VALUE.key,
                            _ => h::BENCHMARK.key,
                        };
                        (r, key)
                    }
                    None => {
                        let key = match rest.trim_start_matches('.') {
                            "cost" => h::COST.key,
                            "quarter" => h::QUARTER.key,
                            _ => h::ACTIVITY.key,
                        };
                        (*row, key)
                    }
                };
                let c = cols.get(key).copied().unwrap_or(0);
                Some(grid.location(r, c, header.get(c).map_or(key, |s| s.as_str())))
            })
        })?;
    }
    Ok(file)
}

/// The table's rows for a plan: one per effect (an activity without effects: one row).
fn table_rows(p: &PlanFile, fw: &Framework, lang: Lang) -> Vec<Vec<String>> {
    let rating = |id: &Option<String>| {
        id.as_deref().map_or_else(String::new, |r| {
            fw.rating_index(r).map_or_else(
                || r.to_string(),
                |i| fw.ratings()[i].label.get(lang).to_string(),
            )
        })
    };
    let mut rows = Vec::new();
    for a in &p.activities {
        let mut first = vec![a.id.clone()];
        for l in Lang::all() {
            let has = a.title.languages().any(|c| c == l.code());
            first.push(if has {
                a.title.get(l).to_string()
            } else {
                String::new()
            });
        }
        first.extend([
            a.cost.to_string(),
            a.quarter.to_string(),
            if a.committed {
                lang.messages().common.yes
            } else {
                lang.messages().common.no
            }
            .to_string(),
            a.funding
                .and_then(|f| FUNDING.iter().find(|(g, _)| *g == f))
                .map_or_else(String::new, |(_, k)| (*k).to_string()),
            a.note.clone().unwrap_or_default(),
            a.sources.join("\n"),
        ]);
        let blank = first.len();
        if a.effects.is_empty() {
            first.extend([String::new(), String::new(), String::new(), String::new()]);
            rows.push(first);
            continue;
        }
        for (j, e) in a.effects.iter().enumerate() {
            let mut row = if j == 0 {
                first.clone()
            } else {
                let mut r = vec![a.id.clone()];
                r.resize(blank, String::new());
                r
            };
            row.extend([
                e.benchmark.clone(),
                rating(&e.rating),
                e.value.map_or_else(String::new, |v| v.to_string()),
                e.note.clone().unwrap_or_default(),
            ]);
            rows.push(row);
        }
    }
    rows
}

fn header_values(p: &PlanFile, lang: Lang) -> [String; 8] {
    [
        p.office.clone(),
        p.period.clone().unwrap_or_default(),
        p.framework.id.clone(),
        p.framework.version.clone(),
        p.currency.clone().unwrap_or_default(),
        p.budget.map_or_else(String::new, |b| b.to_string()),
        p.note.clone().unwrap_or_default(),
        lang.code().to_string(),
    ]
}

/// The plan as an `.xlsx` workbook in `lang` (a plan without activities is the plan
/// template): the header block, a row per effect, drop-down lists for ratings, committed
/// and funding, the framework's id and version locked, the header frozen, A4 landscape.
///
/// # Errors
///
/// [`ErrorKind::Request`] when the workbook cannot be written.
pub fn to_xlsx(p: &PlanFile, fw: &Framework, lang: Lang) -> Result<Vec<u8>> {
    let m = &lang.messages().office;
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let keys = columns();
    let (sheet, header_row) = wb::start_input_sheet(
        &mut workbook,
        SHEET,
        m.plan_title,
        &styles,
        HEADER_BLOCK.into_iter().zip(header_values(p, lang)),
        lang,
        keys.iter().map(|k| header_word(k, lang)),
    )?;
    let mut rows = table_rows(p, fw, lang);
    // Room to fill in: at least 30 open rows.
    let open = rows.len().max(30) + 10;
    rows.resize(open, vec![String::new(); keys.len()]);
    for (i, row) in rows.iter().enumerate() {
        let r = header_row + 1 + i as u32;
        for (c, text) in row.iter().enumerate() {
            sheet
                .write_string_with_format(r, c as u16, wb::cell(text), &styles.input)
                .map_err(wb::error)?;
        }
    }
    let last = header_row + rows.len() as u32;
    let col = |key: &str| keys.iter().position(|k| k == key).unwrap_or(0) as u16;
    let mut ratings = fw.rating_choices(lang);
    ratings.pop();
    let lists = [
        (h::RATING.key, ratings),
        (
            h::COMMITTED.key,
            vec![
                lang.messages().common.yes.to_string(),
                lang.messages().common.no.to_string(),
            ],
        ),
        (
            h::FUNDING.key,
            FUNDING.iter().map(|(_, k)| (*k).to_string()).collect(),
        ),
        (
            h::BENCHMARK.key,
            fw.benchmarks().iter().map(|b| b.id.to_string()).collect(),
        ),
    ];
    for (key, list) in lists {
        // Excel keeps at most 255 characters of a list written in the rule.
        if list.iter().map(|s| s.chars().count() + 1).sum::<usize>() > 255 {
            continue;
        }
        let v = DataValidation::new()
            .allow_list_strings(&list)
            .map_err(wb::error)?;
        sheet
            .add_data_validation(header_row + 1, col(key), last, col(key), &v)
            .map_err(wb::error)?;
    }
    for (c, key) in keys.iter().enumerate() {
        let width = match key.as_str() {
            k if k.starts_with("title") => 36,
            "note" | "effect_note" | "sources" => 40,
            _ => 12,
        };
        sheet.set_column_width(c as u16, width).map_err(wb::error)?;
    }
    wb::finish_input_sheet(sheet, header_row, 1, last, keys.len() as u16 - 1)?;
    workbook.save_to_buffer().map_err(wb::error)
}

/// The plan as CSV in `lang`: the header block as `label,value` lines, a blank line, then
/// the table.
///
/// # Errors
///
/// [`ErrorKind::Request`] if the CSV cannot be written (it always can, in memory).
pub fn to_csv(p: &PlanFile, fw: &Framework, lang: Lang) -> Result<Vec<u8>> {
    let mut w = grid::csv_start(
        HEADER_BLOCK
            .iter()
            .map(|f| f.header(lang))
            .zip(header_values(p, lang)),
        columns().iter().map(|k| header_word(k, lang)),
    )?;
    for row in table_rows(p, fw, lang) {
        w.write_record(row).map_err(grid::csv_error)?;
    }
    grid::csv_finish(w)
}
