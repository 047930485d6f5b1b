//! An explanation (`gender-seal explain`) for people: what must rise to reach the target and
//! what would lose the awarded rank, each set with its ratings now and after, whether they are
//! assumed, and the result the changes give.

use crate::assessment::Basis;
use crate::explain::{Change, Explanation, Outcome, Standing};
use crate::framework::Framework;
use crate::i18n::{ExplainMessages, Lang, fill};
use crate::report::doc::{Block, Doc, Rich, Table};
use crate::report::names;
use crate::score::GateFailure;

/// The explanation as a report; titles and labels come from `fw`.
pub(crate) fn doc(e: &Explanation, fw: &Framework) -> Doc {
    let lang = e.lang;
    let m = &lang.messages().explain;
    let mut doc = Doc::new(lang);
    doc.title(match &e.period {
        Some(p) => format!("{} — {p}", e.office),
        None => e.office.clone(),
    });
    doc.push(Block::Lines(vec![
        fill(
            m.framework,
            &[
                ("id", e.framework.id.as_str()),
                ("version", &e.framework.version),
            ],
        ),
        result_line(
            &Outcome {
                percentage: e.percentage,
                percentage_rounded: e.percentage_rounded,
                rank: e.rank.clone(),
            },
            lang,
        ),
    ]));
    raise(&mut doc, e, fw);
    hold(&mut doc, e, fw);
    doc
}

fn standing(s: &Standing, lang: Lang) -> String {
    s.label.as_deref().map_or_else(
        || lang.messages().common.no_tier.to_string(),
        str::to_string,
    )
}

/// "80 % — Gold (exact 80.4878 %)".
fn outcome(o: &Outcome, lang: Lang) -> String {
    fill(
        lang.messages().explain.outcome,
        &[
            ("official", lang.percent(o.percentage_rounded).as_str()),
            ("rank", &standing(&o.rank, lang)),
            ("exact", &lang.percent(o.percentage)),
        ],
    )
}

fn result_line(o: &Outcome, lang: Lang) -> String {
    fill(
        lang.messages().explain.result_line,
        &[("result", outcome(o, lang).as_str())],
    )
}

/// The set as a table: benchmark, title, rating now → after, assumed.
fn changes(doc: &mut Doc, changes: &[Change], fw: &Framework, lang: Lang) {
    if changes.is_empty() {
        return;
    }
    let m = &lang.messages().explain;
    let mut table = Table::new(
        vec![
            lang.messages().common.benchmark.to_string(),
            m.title.to_string(),
            m.rating.to_string(),
            m.assumed.to_string(),
        ],
        vec![false; 4],
    );
    for c in changes {
        let title = fw.benchmark_index(&c.id).map_or_else(String::new, |i| {
            fw.benchmarks()[i].title.get(lang).to_string()
        });
        let mut from = names::rating(fw, &c.from, lang);
        if c.basis == Basis::Missing {
            from = fill(m.no_evidence, &[("rating", from.as_str())]);
        }
        table.row(vec![
            c.id.to_string().into(),
            title.into(),
            format!("{from} → {}", names::rating(fw, &c.to, lang)).into(),
            if c.assumed {
                lang.messages().common.yes.into()
            } else {
                Rich::default()
            },
        ]);
    }
    doc.push(Block::Table(table));
    doc.paragraph(assumed(changes, lang));
}

/// Which ratings of a set rest on assumed evidence.
fn assumed(changes: &[Change], lang: Lang) -> String {
    let m = &lang.messages().explain;
    let ids: Vec<&str> = changes
        .iter()
        .filter(|c| c.assumed)
        .map(|c| &*c.id)
        .collect();
    if ids.is_empty() {
        m.none_assumed.to_string()
    } else {
        fill(
            lang.count(ids.len(), &m.some_assumed),
            &[
                ("n", ids.len().to_string().as_str()),
                ("ids", &ids.join(", ")),
            ],
        )
    }
}

/// Failing gates after an intro sentence, one rendering each.
fn gates(
    doc: &mut Doc,
    intro: &str,
    failing: &[GateFailure],
    tier: &str,
    fw: &Framework,
    lang: Lang,
) {
    if failing.is_empty() {
        return;
    }
    doc.paragraph(intro);
    let items = failing
        .iter()
        .map(|g| names::gate_failure(fw, tier, g, lang).into())
        .collect();
    doc.list(items, true);
}

fn raise(doc: &mut Doc, e: &Explanation, fw: &Framework) {
    let lang = e.lang;
    let m: &ExplainMessages = &lang.messages().explain;
    let Some(r) = &e.raise else {
        doc.section(m.higher_rank);
        doc.paragraph(fill(
            m.top_rank,
            &[("rank", standing(&e.rank, lang).as_str())],
        ));
        return;
    };
    let top = fw
        .ratings()
        .last()
        .map_or_else(String::new, |r| r.label.get(lang).to_string());
    doc.section(fill(m.reach, &[("target", &*r.label)]));
    let n = r.changes.unwrap_or(0);
    let lead = match r.changes {
        None => m.unreachable,
        Some(0) => m.already,
        Some(n) => lang.count(n, &m.must_rise),
    };
    doc.paragraph(fill(
        lead,
        &[
            ("target", &*r.label),
            ("top", &top),
            ("n", &n.to_string()),
            ("result", &outcome(&r.result, lang)),
        ],
    ));
    changes(doc, &r.benchmarks, fw, lang);
    if n > 0 {
        doc.paragraph(result_line(&r.result, lang));
    }
    if !r.reachable {
        gates(doc, m.still_failing, &r.failing, &r.target, fw, lang);
        if r.points_missing > rust_decimal::Decimal::ZERO {
            doc.paragraph(fill(
                lang.plural(r.points_missing, &m.points_missing),
                &[("points", lang.number(r.points_missing).as_str())],
            ));
        }
    }
}

fn hold(doc: &mut Doc, e: &Explanation, fw: &Framework) {
    let lang = e.lang;
    let m = &lang.messages().explain;
    let Some(h) = &e.hold else {
        doc.section(m.rests_on_nothing);
        doc.paragraph(m.no_tier_to_hold);
        return;
    };
    let rank = standing(&e.rank, lang);
    let bottom = fw
        .ratings()
        .first()
        .map_or_else(String::new, |r| r.label.get(lang).to_string());
    doc.section(fill(m.rests_on, &[("rank", rank.as_str())]));
    let lead = match h.changes {
        None => m.unlosable,
        Some(n) => lang.count(n, &m.lowering),
    };
    doc.paragraph(fill(
        lead,
        &[
            ("rank", rank.as_str()),
            ("bottom", &bottom),
            ("n", &h.changes.unwrap_or(0).to_string()),
            ("result", &outcome(&h.result, lang)),
        ],
    ));
    changes(doc, &h.benchmarks, fw, lang);
    if h.losable {
        doc.paragraph(result_line(&h.result, lang));
        let tier = e.rank.tier.as_deref().unwrap_or("");
        gates(doc, m.then_failing, &h.failing, tier, fw, lang);
    }
}
