//! A framework diff (`gender-seal diff`) for people: each office under both frameworks side by
//! side, moved ranks marked, notes on evidence one framework cannot use, and a summary.

use crate::assessment::FrameworkRef;
use crate::diff::{Diff, Movement, OfficeDiff, Side};
use crate::framework::Framework;
use crate::i18n::{Lang, fill};
use crate::report::chart::{Chart, Kind, Point, Series, tier_marks};
use crate::report::doc::{Block, Doc, Rich, Table};
use crate::report::names;

/// The diff as a report, in `diff.lang`; `from` and `to` are the frameworks it compares (for
/// the labels of tiers the diff names by id).
pub(crate) fn doc(d: &Diff, from: &Framework, to: &Framework) -> Doc {
    let lang = d.lang;
    let m = &lang.messages().diff;
    let mut doc = Doc::new(lang);
    doc.title(format!("{} → {}", fw(&d.from), fw(&d.to)));
    let mut table = Table::new(
        vec![
            m.office.to_string(),
            m.file.to_string(),
            m.from.to_string(),
            m.from_tier.to_string(),
            m.to.to_string(),
            m.to_tier.to_string(),
            "Δ".to_string(),
            m.change.to_string(),
        ],
        vec![false, false, true, false, true, false, true, false],
    );
    for o in &d.offices {
        table.row(vec![
            o.office.clone().into(),
            Rich::code(o.file.clone()),
            figure(&o.from, lang).into(),
            names::awarded(o.from.tier.as_ref(), lang).into(),
            figure(&o.to, lang).into(),
            names::awarded(o.to.tier.as_ref(), lang).into(),
            lang.signed(o.points).into(),
            match mark(o, lang) {
                "" => Rich::default(),
                m => Rich::strong(m),
            },
        ]);
    }
    doc.push(Block::Table(table));
    doc.push(Block::Chart(chart(d, from, to)));
    let notes = notes(d, from, to);
    if !notes.is_empty() {
        doc.section(m.notes);
        doc.list(notes.into_iter().map(Rich::from).collect(), false);
    }
    doc.paragraph(Rich::strong(summary(d)));
    doc
}

/// Each office's official percentage under both frameworks; the tier minimums are drawn when
/// both frameworks have the same.
fn chart(d: &Diff, from: &Framework, to: &Framework) -> Chart {
    let lang = d.lang;
    let m = &lang.messages().diff;
    let mut chart =
        Chart::percentages(Kind::Bars, lang.messages().charts.offices.to_string(), lang);
    chart.categories = d.offices.iter().map(|o| o.office.clone()).collect();
    let side = |key: &str, r: &FrameworkRef, pick: fn(&OfficeDiff) -> &Side| Series {
        name: fw(r),
        key: key.to_string(),
        values: d
            .offices
            .iter()
            .map(|o| Some(Point::percent(pick(o).percentage_rounded, lang)))
            .collect(),
    };
    chart.series = vec![
        side(m.from, &d.from, |o| &o.from),
        side(m.to, &d.to, |o| &o.to),
    ];
    let (a, b) = (tier_marks(from, lang), tier_marks(to, lang));
    if a.iter().map(|p| p.at).eq(b.iter().map(|p| p.at)) {
        chart.marks = b;
    }
    chart
}

fn fw(r: &FrameworkRef) -> String {
    format!("{} {}", r.id, r.version)
}

/// "74 % (74.3902)": the official and the exact percentage.
fn figure(s: &Side, lang: Lang) -> String {
    format!(
        "{} ({})",
        lang.percent(s.percentage_rounded),
        lang.number(s.percentage)
    )
}

/// The change mark: an arrow when the rank moves, nothing when it stays.
fn mark(o: &OfficeDiff, lang: Lang) -> &'static str {
    let m = &lang.messages().diff;
    match o.movement {
        Movement::Up => m.up_mark,
        Movement::Down => m.down_mark,
        Movement::Same => "",
    }
}

fn summary(d: &Diff) -> String {
    let lang = d.lang;
    let s = &d.summary;
    let same_changed = s.changed.saturating_sub(s.up + s.down);
    fill(
        lang.count(s.offices, &lang.messages().diff.summary),
        &[
            ("offices", s.offices.to_string().as_str()),
            ("up", &s.up.to_string()),
            ("down", &s.down.to_string()),
            ("same", &s.same.to_string()),
            ("changed", &same_changed.to_string()),
        ],
    )
}

/// Notes on the offices: tiers blocked under one framework only, evidence a framework left
/// out, benchmarks only one framework rates, and assessments written for neither framework.
/// Offices with the same note share one line.
fn notes<'a>(d: &'a Diff, from: &Framework, to: &Framework) -> Vec<String> {
    let lang = d.lang;
    let m = &lang.messages().diff;
    let mut grouped: Vec<(String, Vec<&'a str>)> = Vec::new();
    let mut add = |note: String, office: &'a str| {
        // Notes are few (a handful of kinds per office): a linear search keeps their order.
        match grouped.iter_mut().find(|(n, _)| *n == note) {
            Some((_, offices)) => offices.push(office),
            None => grouped.push((note, vec![office])),
        }
    };
    let list = |ids: &[&str]| ids.join(", ");
    for o in &d.offices {
        for (side, other, r, f) in [(&o.from, &o.to, &d.from, from), (&o.to, &o.from, &d.to, to)] {
            let framework = fw(r);
            if !side.ignored.is_empty() {
                let ids: Vec<&str> = side.ignored.iter().map(|b| &**b).collect();
                add(
                    fill(
                        m.ignored,
                        &[("ids", list(&ids).as_str()), ("framework", &framework)],
                    ),
                    &o.office,
                );
            }
            let blocked: Vec<String> = side
                .blocked
                .iter()
                .filter(|b| !other.blocked.contains(b))
                .map(|b| names::tier(f, b, lang))
                .collect();
            if !blocked.is_empty() {
                add(
                    fill(
                        m.blocked,
                        &[
                            ("tiers", blocked.join(", ").as_str()),
                            ("framework", &framework),
                        ],
                    ),
                    &o.office,
                );
            }
            let other_unrated: std::collections::HashSet<_> = other.unrated.iter().collect();
            let only: Vec<&str> = side
                .unrated
                .iter()
                .filter(|b| !other_unrated.contains(b))
                .map(|b| &**b)
                .collect();
            if !only.is_empty() {
                add(
                    fill(
                        m.unrated,
                        &[("ids", list(&only).as_str()), ("framework", &framework)],
                    ),
                    &o.office,
                );
            }
        }
        if o.written_for.id != d.from.id && o.written_for.id != d.to.id {
            add(
                fill(m.written_for, &[("framework", fw(&o.written_for).as_str())]),
                &o.office,
            );
        }
    }
    grouped
        .into_iter()
        .map(|(note, offices)| {
            fill(
                m.note,
                &[
                    ("note", note.as_str()),
                    ("offices", &offices.join(lang.messages().common.separator)),
                ],
            )
        })
        .collect()
}
