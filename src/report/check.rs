//! A regression check (`gender-seal check`) for people: each case passes or fails, and a
//! failing case shows every compared field with the expected and the actual value side by side.

use rust_decimal::Decimal;
use serde_json::Value;

use crate::expect::{CaseResult, Report};
use crate::i18n::{Lang, fill};
use crate::report::doc::{Block, Doc, Rich, Table};

/// The check report in `lang`.
pub(crate) fn doc(report: &Report, lang: Lang) -> Doc {
    let m = &lang.messages().check;
    let mut doc = Doc::new(lang);
    for file in &report.files {
        doc.section(fill(
            m.file,
            &[
                ("file", file.file.as_str()),
                ("passed", &(file.cases.len() - file.failed()).to_string()),
                ("cases", &file.cases.len().to_string()),
            ],
        ));
        let mut cases = Table::new(
            vec![
                m.result.to_string(),
                m.case.to_string(),
                m.assessment.to_string(),
                m.framework.to_string(),
            ],
            vec![false; 4],
        );
        for c in &file.cases {
            cases.row(vec![
                if c.passed {
                    m.pass.into()
                } else {
                    Rich::strong(m.fail)
                },
                c.name.clone().into(),
                Rich::code(c.assessment.clone()),
                framework(c).into(),
            ]);
        }
        doc.push(Block::Table(cases));
        for c in file.cases.iter().filter(|c| !c.passed) {
            failure(&mut doc, c, lang);
        }
    }
    doc.paragraph(Rich::strong(fill(
        lang.count(report.cases, &m.summary),
        &[
            ("cases", report.cases.to_string().as_str()),
            ("passed", &(report.cases - report.failed).to_string()),
            ("failed", &report.failed.to_string()),
        ],
    )));
    doc
}

fn framework(c: &CaseResult) -> String {
    format!("{} {}", c.framework.id, c.framework.version)
}

/// A failing case: its name, then every compared field, ✓ agreeing or ✗ not.
fn failure(doc: &mut Doc, c: &CaseResult, lang: Lang) {
    let m = &lang.messages().check;
    doc.paragraph(Rich::strong(fill(
        m.failed_case,
        &[("case", c.name.as_str()), ("framework", &framework(c))],
    )));
    let mut table = Table::new(
        vec![
            String::new(),
            m.field.to_string(),
            m.expected.to_string(),
            m.actual.to_string(),
        ],
        vec![false; 4],
    );
    for f in &c.checks {
        let numeric = f.field.starts_with("percentage") || f.field.starts_with("dimensions.");
        table.row(vec![
            if f.passed { "✓" } else { "✗" }.into(),
            Rich::code(f.field.clone()),
            show(&f.expected, numeric, lang).into(),
            show(&f.actual, numeric, lang).into(),
        ]);
    }
    doc.push(Block::Table(table));
}

/// A compared value for people: decimals in the language's writing, ids as written, null and
/// empty lists as "none", booleans as yes/no, lists comma-separated.
fn show(v: &Value, numeric: bool, lang: Lang) -> String {
    let common = &lang.messages().common;
    match v {
        Value::Null => common.none_value.to_string(),
        Value::Bool(b) => if *b { common.yes } else { common.no }.to_string(),
        Value::String(s) if numeric => s
            .parse::<Decimal>()
            .map_or_else(|_| s.clone(), |d| lang.number(d)),
        Value::String(s) => s.clone(),
        Value::Array(a) if a.is_empty() => common.none_value.to_string(),
        Value::Array(a) => a
            .iter()
            .map(|x| show(x, numeric, lang))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}
