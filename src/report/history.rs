//! A history (`gender-seal history`) for people: the rounds as columns (official and exact
//! percentage, tier, benchmarks met, each dimension), then each step from one round to the
//! next with the benchmarks that moved.

use crate::diff::Movement;
use crate::history::{Direction, History, Step};
use crate::i18n::fill;
use crate::report::chart::{Chart, Kind, Point, Series};
use crate::report::doc::{Block, Doc, Rich, Table};
use crate::report::names;

/// The history as a report, in its language.
pub(crate) fn doc(h: &History) -> Doc {
    let mut doc = Doc::new(h.lang);
    doc.title(title(h));
    doc.push(Block::Table(rounds(h)));
    doc.push(Block::Chart(chart(h)));
    for (i, step) in h.steps.iter().enumerate() {
        self::step(&mut doc, h, i, step);
    }
    doc
}

fn title(h: &History) -> String {
    let lang = h.lang;
    let m = &lang.messages().history;
    let n = h.rounds.len();
    let who = if h.offices.len() > 1 {
        h.offices.join(lang.messages().common.separator)
    } else {
        h.office.clone()
    };
    let span = match (h.rounds.first(), h.rounds.last()) {
        (Some(a), Some(b)) if n > 1 => {
            fill(m.span, &[("from", a.period.as_str()), ("to", &b.period)])
        }
        _ => String::new(),
    };
    fill(
        lang.count(n, &m.title),
        &[
            ("who", who.as_str()),
            ("n", &n.to_string()),
            ("span", &span),
        ],
    )
}

/// The rounds as columns: a header of periods, then one row per figure.
fn rounds(h: &History) -> Table {
    let lang = h.lang;
    let m = &lang.messages().history;
    let n = h.rounds.len();
    let mut table = Table::new(
        std::iter::once(String::new())
            .chain(h.rounds.iter().map(|r| r.period.clone()))
            .collect(),
        (0..=n).map(|i| i > 0).collect(),
    );
    let mut row = |label: &str, cell: &dyn Fn(usize) -> String| {
        let mut r: Vec<Rich> = vec![label.into()];
        r.extend((0..n).map(|i| cell(i).into()));
        table.row(r);
    };
    row(m.file, &|i| h.rounds[i].file.clone());
    if h.offices.len() > 1 {
        row(m.office, &|i| h.rounds[i].office.clone());
    }
    if h.rounds
        .windows(2)
        .any(|w| w[0].framework != w[1].framework)
    {
        row(m.framework, &|i| {
            let f = &h.rounds[i].framework;
            format!("{} {}", f.id, f.version)
        });
    }
    row(m.official, &|i| {
        lang.percent(h.rounds[i].percentage_rounded)
    });
    row(m.exact, &|i| lang.percent(h.rounds[i].percentage));
    row(m.tier, &|i| names::awarded(h.rounds[i].tier.as_ref(), lang));
    row(m.met, &|i| {
        let r = &h.rounds[i];
        fill(
            m.n_of_m,
            &[
                ("n", r.met.to_string().as_str()),
                ("m", &r.applicable.to_string()),
            ],
        )
    });
    for (d, info) in h.dimensions.iter().enumerate() {
        row(&format!("{} {}", info.id, info.title), &|i| {
            h.rounds[i]
                .dimensions
                .get(d)
                .copied()
                .flatten()
                .map_or_else(|| "—".to_string(), |p| lang.percent(p))
        });
    }
    table
}

/// For each round, its official percentage and each dimension's, as bars.
fn chart(h: &History) -> Chart {
    let lang = h.lang;
    let m = &lang.messages().history;
    let mut chart = Chart::percentages(Kind::Bars, lang.messages().charts.rounds.to_string(), lang);
    chart.categories = h.rounds.iter().map(|r| r.period.clone()).collect();
    chart.series.push(Series {
        name: m.official.to_string(),
        key: m.official.to_string(),
        values: h
            .rounds
            .iter()
            .map(|r| Some(Point::percent(r.percentage_rounded, lang)))
            .collect(),
    });
    for (d, info) in h.dimensions.iter().enumerate() {
        chart.series.push(Series {
            name: info.title.to_string(),
            key: info.id.to_string(),
            values: h
                .rounds
                .iter()
                .map(|r| {
                    r.dimensions
                        .get(d)
                        .copied()
                        .flatten()
                        .map(|p| Point::percent(p, lang))
                })
                .collect(),
        });
    }
    chart
}

fn arrow(d: Direction) -> &'static str {
    match d {
        Direction::Up => "↑",
        Direction::Down => "↓",
        Direction::Applicable => "+",
        Direction::NotApplicable => "−",
    }
}

/// "2020 → 2021: +9 points, ↑ up (Silver-strong → Gold)", the benchmarks that moved.
fn step(doc: &mut Doc, h: &History, i: usize, s: &Step) {
    let lang = h.lang;
    let m = &lang.messages().history;
    let tier = |k: usize| names::awarded(h.rounds[k].tier.as_ref(), lang);
    let movement = match s.movement {
        Movement::Up => m.up,
        Movement::Down => m.down,
        Movement::Same => m.same,
    };
    let tiers = if tier(i) == tier(i + 1) {
        tier(i)
    } else {
        format!("{} → {}", tier(i), tier(i + 1))
    };
    let points = fill(
        lang.plural(s.points.abs(), &m.points),
        &[("n", lang.signed(s.points).as_str())],
    );
    doc.section(fill(
        m.step,
        &[
            ("from", s.from.as_str()),
            ("to", &s.to),
            ("points", &points),
            ("movement", movement),
            ("tiers", &tiers),
        ],
    ));
    if s.benchmarks.is_empty() {
        doc.paragraph(m.nothing_moved);
        return;
    }
    let count = |d: Direction| s.benchmarks.iter().filter(|b| b.direction == d).count();
    let mut parts = vec![
        fill(
            m.up_count,
            &[("n", count(Direction::Up).to_string().as_str())],
        ),
        fill(
            m.down_count,
            &[("n", count(Direction::Down).to_string().as_str())],
        ),
    ];
    let in_or_out = count(Direction::Applicable) + count(Direction::NotApplicable);
    if in_or_out > 0 {
        parts.push(fill(m.in_or_out, &[("n", in_or_out.to_string().as_str())]));
    }
    doc.paragraph(fill(
        lang.count(s.benchmarks.len(), &m.moved),
        &[
            ("n", s.benchmarks.len().to_string().as_str()),
            ("parts", &parts.join(", ")),
        ],
    ));
    let mut table = Table::new(
        vec![
            String::new(),
            m.benchmark.to_string(),
            m.title_column.to_string(),
            m.rating.to_string(),
        ],
        vec![false; 4],
    );
    for b in &s.benchmarks {
        table.row(vec![
            arrow(b.direction).into(),
            b.id.to_string().into(),
            b.title.to_string().into(),
            format!("{} → {}", b.from_label, b.to_label).into(),
        ]);
    }
    doc.push(Block::Table(table));
}
