//! Summary of a validated framework, printed by `validate`: identity, counts, aggregation,
//! rounding, rating scale, dimensions and the tier ladder with its gates.

use std::sync::Arc;

use serde::Serialize;

use crate::framework::{Aggregation, Framework, Gate, Rounding};
use crate::i18n::{Lang, fill};
use crate::id::Id;
use crate::num::Number;
use crate::report::doc::{Block, Column, Doc, Record, Records, Rich, Table};
use crate::report::names;

/// The summary as JSON: decimals as normalised strings, labels in the language asked for.
#[derive(Serialize)]
pub(crate) struct Summary<'a> {
    id: &'a str,
    version: &'a str,
    title: Arc<str>,
    counts: Counts,
    aggregation: Aggregation,
    rounding: Rounding,
    rating_scale: Vec<RatingSummary>,
    dimensions: Vec<DimensionSummary>,
    tiers: Vec<TierSummary>,
}

#[derive(Serialize)]
struct Counts {
    dimensions: usize,
    benchmarks: usize,
    rule_benchmarks: usize,
    ratings: usize,
    tiers: usize,
    gates: usize,
}

#[derive(Serialize)]
struct RatingSummary {
    id: Id,
    credit: Number,
    label: Arc<str>,
}

#[derive(Serialize)]
struct DimensionSummary {
    id: Id,
    title: Arc<str>,
    weight: Number,
    benchmarks: usize,
}

#[derive(Serialize)]
struct TierSummary {
    id: Id,
    label: Arc<str>,
    min: Number,
    strong_from: Option<Number>,
    strong_label: Option<Arc<str>>,
    gates: Vec<GateSummary>,
}

/// A gate as written in the file: `{benchmark, at_least}` or `{dimension, at_least_percent}`.
#[derive(Serialize)]
#[serde(untagged)]
enum GateSummary {
    Benchmark {
        benchmark: Id,
        at_least: Id,
    },
    Dimension {
        dimension: Id,
        at_least_percent: Number,
    },
}

impl<'a> Summary<'a> {
    pub(crate) fn new(fw: &'a Framework, lang: Lang) -> Summary<'a> {
        let empty = Id::default;
        Summary {
            id: fw.id(),
            version: fw.version(),
            title: fw.title().get(lang),
            counts: Counts {
                dimensions: fw.dimensions().len(),
                benchmarks: fw.benchmarks().len(),
                rule_benchmarks: fw.benchmarks().iter().filter(|b| b.rule.is_some()).count(),
                ratings: fw.ratings().len(),
                tiers: fw.tiers().len(),
                gates: fw.tiers().iter().map(|t| t.gates.len()).sum(),
            },
            aggregation: fw.aggregation(),
            rounding: fw.rounding(),
            rating_scale: fw
                .ratings()
                .iter()
                .map(|r| RatingSummary {
                    id: r.id.clone(),
                    credit: r.credit,
                    label: r.label.get(lang),
                })
                .collect(),
            dimensions: fw
                .dimensions()
                .iter()
                .map(|d| DimensionSummary {
                    id: d.id.clone(),
                    title: d.title.get(lang),
                    weight: d.weight,
                    benchmarks: d.benchmarks.len(),
                })
                .collect(),
            tiers: fw
                .tiers()
                .iter()
                .map(|t| TierSummary {
                    id: t.id.clone(),
                    label: t.label.get(lang),
                    min: t.min,
                    strong_from: t.strong_from,
                    strong_label: t.strong_label.as_ref().map(|l| l.get(lang)),
                    gates: t
                        .gates
                        .iter()
                        .map(|g| match g {
                            Gate::Benchmark {
                                benchmark,
                                at_least,
                            } => GateSummary::Benchmark {
                                benchmark: fw
                                    .benchmarks()
                                    .get(*benchmark)
                                    .map_or_else(empty, |b| b.id.clone()),
                                at_least: fw
                                    .ratings()
                                    .get(*at_least)
                                    .map_or_else(empty, |r| r.id.clone()),
                            },
                            Gate::Dimension {
                                dimension,
                                at_least_percent,
                            } => GateSummary::Dimension {
                                dimension: fw
                                    .dimensions()
                                    .get(*dimension)
                                    .map_or_else(empty, |d| d.id.clone()),
                                at_least_percent: *at_least_percent,
                            },
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The summary as a report.
pub(crate) fn doc(fw: &Framework, s: &Summary<'_>, lang: Lang) -> Doc {
    let m = &lang.messages().framework;
    let common = &lang.messages().common;
    let mut doc = Doc::new(lang);
    doc.title(s.title.to_string());
    doc.push(Block::Lines(vec![fill(
        m.valid,
        &[("id", s.id), ("version", s.version)],
    )]));

    doc.section(m.summary);
    doc.push(Block::Facts(facts(s, lang)));

    doc.section(common.dimensions);
    let weighted = s.aggregation == Aggregation::ByDimension;
    let mut header = vec![
        m.id.to_string(),
        common.dimension.to_string(),
        m.benchmarks.to_string(),
    ];
    let mut right = vec![false, false, true];
    if weighted {
        header.push(common.weight.to_string());
        right.push(true);
    }
    let mut table = Table::new(header, right);
    for d in &s.dimensions {
        let mut row: Vec<Rich> = vec![
            d.id.to_string().into(),
            d.title.to_string().into(),
            d.benchmarks.to_string().into(),
        ];
        if weighted {
            row.push(lang.number(d.weight.value()).into());
        }
        table.row(row);
    }
    doc.push(Block::Table(table));

    doc.section(m.tiers);
    let rows =
        s.tiers
            .iter()
            .zip(fw.tiers())
            .map(|(t, tier)| Record {
                key: t.label.to_string(),
                title: thresholds(t, lang),
                details: vec![(!tier.gates.is_empty()).then(|| {
                    Rich::lines(tier.gates.iter().map(|g| names::gate(fw, g, lang).into()))
                })],
            })
            .collect();
    doc.push(Block::Records(Records {
        header: vec![
            Column::plain(m.tier),
            Column::labelled(m.gates, m.gate_label),
        ],
        rows,
    }));
    if s.counts.gates > 0 {
        doc.paragraph(m.cumulative);
    }
    doc
}

/// Facts: (label, value).
fn facts(s: &Summary<'_>, lang: Lang) -> Vec<(String, Rich)> {
    let m = &lang.messages().framework;
    let scale = s
        .rating_scale
        .iter()
        .map(|r| format!("{} ({})", r.label, lang.number(r.credit.value())))
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        (
            lang.messages().common.dimensions.to_string(),
            s.counts.dimensions.to_string().into(),
        ),
        (
            m.benchmarks.to_string(),
            fill(
                m.benchmark_count,
                &[
                    ("n", s.counts.benchmarks.to_string().as_str()),
                    ("rules", &s.counts.rule_benchmarks.to_string()),
                ],
            )
            .into(),
        ),
        (m.rating_scale.to_string(), scale.into()),
        (
            m.aggregation.to_string(),
            names::aggregation(s.aggregation, lang).into(),
        ),
        (
            m.rounding.to_string(),
            names::rounding(s.rounding, lang).into(),
        ),
    ]
}

/// "from 60 %; Bronze-strong from 64 %".
fn thresholds(t: &TierSummary, lang: Lang) -> String {
    let m = &lang.messages().framework;
    let mut s = fill(m.from, &[("min", lang.percent(t.min.value()).as_str())]);
    if let (Some(from), Some(label)) = (t.strong_from, &t.strong_label) {
        s.push_str(&fill(
            m.strong_from,
            &[("label", &**label), ("from", &lang.percent(from.value()))],
        ));
    }
    s
}
