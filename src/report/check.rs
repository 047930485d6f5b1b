//! Report of a regression check (`gender-seal check`): each case passes or fails, and a
//! failing case shows every compared field with the expected and the actual value side by side.

use std::fmt::Write;

use serde_json::Value;

use crate::expect::{CaseResult, Report};
use crate::report::layout::columns;
use crate::report::{Format, json, tr};

/// Renders a check report in `lang` (`fr` or English).
pub fn check(report: &Report, format: Format, lang: &str) -> String {
    match format {
        Format::Json => json(report),
        Format::Markdown => markdown(report, lang),
        _ => text(report, lang),
    }
}

fn summary(report: &Report, lang: &str) -> String {
    format!(
        "{} {}{} {} {}, {} {}",
        report.cases,
        tr(lang, "cases", "cas"),
        tr(lang, ":", " :"),
        report.cases - report.failed,
        tr(lang, "passed", "réussis"),
        report.failed,
        tr(lang, "failed", "en échec"),
    )
}

/// A compared value for people: decimals and ids as written, null as "none", booleans as
/// yes/no, lists comma-separated.
fn show(v: &Value, lang: &str) -> String {
    match v {
        Value::Null => tr(lang, "none", "aucun").to_string(),
        Value::Bool(b) => tr(
            lang,
            if *b { "yes" } else { "no" },
            if *b { "oui" } else { "non" },
        )
        .to_string(),
        Value::String(s) => s.clone(),
        Value::Array(a) if a.is_empty() => tr(lang, "none", "aucun").to_string(),
        Value::Array(a) => a
            .iter()
            .map(|x| show(x, lang))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

fn case_place(c: &CaseResult) -> String {
    format!(
        "{}, {} {}",
        c.assessment, c.framework.id, c.framework.version
    )
}

fn text(report: &Report, lang: &str) -> String {
    let mut s = String::new();
    let (ok, fail) = (tr(lang, "ok", "ok"), tr(lang, "FAIL", "ÉCHEC"));
    for file in &report.files {
        let _ = writeln!(s, "{}", file.file);
        for c in &file.cases {
            if c.passed {
                let _ = writeln!(s, "  {ok:<5} {}", c.name);
                continue;
            }
            let _ = writeln!(s, "  {fail:<5} {} ({})", c.name, case_place(c));
            // The mark (✓ passed, ✗ failed) leads the first cell, one space before the field.
            let mut rows = vec![vec![
                format!("  {}", tr(lang, "field", "champ")),
                tr(lang, "expected", "attendu").to_string(),
                tr(lang, "actual", "obtenu").to_string(),
            ]];
            rows.extend(c.checks.iter().map(|f| {
                vec![
                    format!("{} {}", if f.passed { "✓" } else { "✗" }, f.field),
                    show(&f.expected, lang),
                    show(&f.actual, lang),
                ]
            }));
            columns(&mut s, "        ", &rows, &[]);
        }
    }
    let _ = writeln!(s, "{}", summary(report, lang));
    s
}

fn cell(t: &str) -> String {
    t.replace('|', "\\|")
}

fn markdown(report: &Report, lang: &str) -> String {
    let mut s = String::new();
    let (pass, fail) = (tr(lang, "pass", "réussi"), tr(lang, "FAIL", "ÉCHEC"));
    for file in &report.files {
        let _ = writeln!(
            s,
            "### `{}` — {} / {} {}\n",
            file.file,
            file.cases.len() - file.failed(),
            file.cases.len(),
            tr(lang, "passed", "réussis"),
        );
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            tr(lang, "result", "résultat"),
            tr(lang, "case", "cas"),
            tr(lang, "assessment", "évaluation"),
            tr(lang, "framework", "référentiel"),
        );
        for c in &file.cases {
            let _ = writeln!(
                s,
                "| {} | {} | `{}` | {} {} |",
                if c.passed { pass } else { fail },
                cell(&c.name),
                c.assessment,
                c.framework.id,
                c.framework.version
            );
        }
        for c in file.cases.iter().filter(|c| !c.passed) {
            let _ = writeln!(
                s,
                "\n#### {fail}{} {}\n",
                tr(lang, ":", " :"),
                cell(&c.name)
            );
            let _ = writeln!(
                s,
                "| {} | {} | {} | |\n|---|---|---|---|",
                tr(lang, "field", "champ"),
                tr(lang, "expected", "attendu"),
                tr(lang, "actual", "obtenu"),
            );
            for f in &c.checks {
                let _ = writeln!(
                    s,
                    "| `{}` | {} | {} | {} |",
                    f.field,
                    cell(&show(&f.expected, lang)),
                    cell(&show(&f.actual, lang)),
                    if f.passed { "✓" } else { "✗" }
                );
            }
        }
        s.push('\n');
    }
    let _ = writeln!(s, "**{}**", summary(report, lang));
    s
}
