//! Report of a framework diff (`gender-seal diff`): each office under both frameworks side by
//! side, moved tiers marked, notes on evidence one framework cannot use, and a summary line.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::assessment::FrameworkRef;
use crate::decimal::format_decimal;
use crate::diff::{Diff, Movement, OfficeDiff, Side};
use crate::report::layout::columns;
use crate::report::{Format, json, tr};

/// Renders a diff; labels are those of the scorecards (in `diff.lang`).
pub fn diff(diff: &Diff, format: Format) -> String {
    match format {
        Format::Json => json(diff),
        Format::Markdown => markdown(diff),
        _ => text(diff),
    }
}

fn fw(r: &FrameworkRef) -> String {
    format!("{} {}", r.id, r.version)
}

fn tier(side: &Side, lang: &str) -> String {
    side.tier.as_ref().map_or_else(
        || tr(lang, "no tier", "aucun niveau").to_string(),
        |t| t.label.to_string(),
    )
}

fn points(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", format_decimal(d))
    } else {
        format_decimal(d)
    }
}

/// The change mark: an arrow when the rank moves, nothing when it stays.
fn mark(o: &OfficeDiff, lang: &str) -> &'static str {
    match o.movement {
        Movement::Up => tr(lang, "↑ up", "↑ hausse"),
        Movement::Down => tr(lang, "↓ down", "↓ baisse"),
        Movement::Same => "",
    }
}

fn summary(d: &Diff) -> String {
    let lang = d.lang.as_str();
    let s = &d.summary;
    let same_changed = s.changed.saturating_sub(s.up + s.down);
    format!(
        "{} {}{} {} {}, {} {}, {} {} ({} {} {})",
        s.offices,
        tr(lang, "offices", "bureaux"),
        tr(lang, ":", " :"),
        s.up,
        tr(lang, "up", "en hausse"),
        s.down,
        tr(lang, "down", "en baisse"),
        s.same,
        tr(lang, "same tier", "au même niveau"),
        tr(lang, "of which", "dont"),
        same_changed,
        tr(
            lang,
            "with another official percentage",
            "avec un autre pourcentage officiel"
        ),
    )
}

/// Notes on the offices: tiers blocked under one framework only, evidence a framework left
/// out, benchmarks only one framework rates, and assessments written for neither framework. Offices with the same note share one line.
fn notes<'a>(d: &'a Diff) -> Vec<String> {
    let lang = d.lang.as_str();
    let mut grouped: Vec<(String, Vec<&'a str>)> = Vec::new();
    let mut add = |note: String, office: &'a str| match grouped.iter_mut().find(|(n, _)| *n == note)
    {
        Some((_, offices)) => offices.push(office),
        None => grouped.push((note, vec![office])),
    };
    for o in &d.offices {
        for (side, other, r) in [(&o.from, &o.to, &d.from), (&o.to, &o.from, &d.to)] {
            if !side.ignored.is_empty() {
                add(
                    format!(
                        "{} {} {} {} ({})",
                        tr(lang, "evidence for", "éléments pour"),
                        side.ignored.join(", "),
                        tr(lang, "left out under", "ignorés sous"),
                        fw(r),
                        tr(lang, "no such benchmark", "critère absent"),
                    ),
                    &o.office,
                );
            }
            let blocked: Vec<&str> = side
                .blocked
                .iter()
                .filter(|b| !other.blocked.contains(b))
                .map(|b| &**b)
                .collect();
            if !blocked.is_empty() {
                add(
                    format!(
                        "{} {} {} ({})",
                        blocked.join(", "),
                        tr(lang, "blocked under", "bloqué sous"),
                        fw(r),
                        tr(
                            lang,
                            "percentage reached, gates fail",
                            "pourcentage atteint, conditions non remplies"
                        ),
                    ),
                    &o.office,
                );
            }
            let only: Vec<&str> = side
                .unrated
                .iter()
                .filter(|b| !other.unrated.contains(b))
                .map(|b| &**b)
                .collect();
            if !only.is_empty() {
                add(
                    format!(
                        "{} {} {} {} ({})",
                        tr(lang, "no evidence for", "aucun élément pour"),
                        only.join(", "),
                        tr(lang, "under", "sous"),
                        fw(r),
                        tr(lang, "rated lowest", "note la plus basse"),
                    ),
                    &o.office,
                );
            }
        }
        if o.written_for.id != d.from.id && o.written_for.id != d.to.id {
            add(
                format!(
                    "{} {}",
                    tr(lang, "written for", "rédigée pour"),
                    fw(&o.written_for),
                ),
                &o.office,
            );
        }
    }
    grouped
        .into_iter()
        .map(|(note, offices)| format!("{note}{} {}", tr(lang, ":", " :"), offices.join("; ")))
        .collect()
}

fn text(d: &Diff) -> String {
    let lang = d.lang.as_str();
    let figure = |s: &Side| {
        format!(
            "{} % ({})",
            format_decimal(s.percentage_rounded),
            format_decimal(s.percentage)
        )
    };
    let header = vec![
        tr(lang, "office", "bureau").to_string(),
        tr(lang, "from", "avant").to_string(),
        String::new(),
        tr(lang, "to", "après").to_string(),
        String::new(),
        "Δ".to_string(),
        tr(lang, "change", "changement").to_string(),
    ];
    let mut rows = vec![header];
    rows.extend(d.offices.iter().map(|o| {
        vec![
            o.office.clone(),
            figure(&o.from),
            tier(&o.from, lang),
            figure(&o.to),
            tier(&o.to, lang),
            points(o.points),
            mark(o, lang).to_string(),
        ]
    }));
    let mut s = String::new();
    let _ = writeln!(s, "{} → {}\n", fw(&d.from), fw(&d.to));
    let right = [false, false, false, false, false, true]; // Δ aligns right
    columns(&mut s, "", &rows, &right);
    let notes = notes(d);
    if !notes.is_empty() {
        let _ = writeln!(s, "\n{}", tr(lang, "Notes:", "Remarques :"));
        for n in notes {
            let _ = writeln!(s, "  {n}");
        }
    }
    let _ = writeln!(s, "\n{}", summary(d));
    s
}

fn cell(t: &str) -> String {
    t.replace('|', "\\|")
}

fn markdown(d: &Diff) -> String {
    let lang = d.lang.as_str();
    let mut s = String::new();
    let _ = writeln!(s, "### `{}` → `{}`\n", fw(&d.from), fw(&d.to));
    let (before, after) = (tr(lang, "from", "avant"), tr(lang, "to", "après"));
    let _ = writeln!(
        s,
        "| {} | {} | {before} % | {before} {} | {after} % | {after} {} | Δ | {} |",
        tr(lang, "office", "bureau"),
        tr(lang, "file", "fichier"),
        tr(lang, "tier", "niveau"),
        tr(lang, "tier", "niveau"),
        tr(lang, "change", "changement"),
    );
    let _ = writeln!(s, "|---|---|---:|---|---:|---|---:|---|");
    for o in &d.offices {
        let m = mark(o, lang);
        let _ = writeln!(
            s,
            "| {} | `{}` | {} ({}) | {} | {} ({}) | {} | {} | {} |",
            cell(&o.office),
            o.file,
            format_decimal(o.from.percentage_rounded),
            format_decimal(o.from.percentage),
            cell(&tier(&o.from, lang)),
            format_decimal(o.to.percentage_rounded),
            format_decimal(o.to.percentage),
            cell(&tier(&o.to, lang)),
            points(o.points),
            if m.is_empty() {
                String::new()
            } else {
                format!("**{m}**")
            },
        );
    }
    let notes = notes(d);
    if !notes.is_empty() {
        s.push('\n');
        for n in notes {
            let _ = writeln!(s, "- {}", cell(&n));
        }
    }
    let _ = writeln!(s, "\n**{}**", summary(d));
    s
}
