//! Summary of a validated framework, printed by `validate`: identity, counts, aggregation,
//! rounding, rating scale, dimensions and the tier ladder with its gates.

use crate::id::Id;
use std::sync::Arc;

use serde::Serialize;

use crate::decimal::Number;
use crate::framework::{Aggregation, Framework, Gate, Rounding};
use crate::report::layout::{
    aggregation, columns, fill, gate, heading, md, md_table, percent, push_wrapped, rounding,
};
use crate::report::{Format, json, tr};

/// Renders a summary of a framework in `lang` (labels and titles fall back to English).
///
/// ```
/// use gender_seal::{report, Format, Framework};
/// let fw = Framework::builtin("undp-gender-seal-co", "2021.1")?;
/// let text = report::framework_summary(&fw, Format::Text, "fr");
/// assert!(text.contains("Argent-fort"));
/// let json: serde_json::Value = serde_json::from_str(&report::framework_summary(&fw, Format::Json, "en")).unwrap();
/// assert_eq!(json["counts"]["benchmarks"], 41);
/// assert_eq!(json["tiers"][2]["gates"][0]["benchmark"], "MS1");
/// # Ok::<(), gender_seal::Error>(())
/// ```
pub fn framework_summary(fw: &Framework, format: Format, lang: &str) -> String {
    let summary = Summary::new(fw, lang);
    match format {
        Format::Json => json(&summary),
        Format::Text => text(fw, &summary, lang),
        Format::Markdown => markdown(fw, &summary, lang),
    }
}

/// The summary as JSON: decimals as normalised strings, labels in the language asked for.
#[derive(Serialize)]
struct Summary<'a> {
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
    fn new(fw: &'a Framework, lang: &str) -> Summary<'a> {
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

/// "7 benchmarks", "1 critère".
fn benchmarks(lang: &str, n: usize) -> String {
    let t = if n == 1 {
        tr(lang, "{n} benchmark", "{n} critère")
    } else {
        tr(lang, "{n} benchmarks", "{n} critères")
    };
    fill(t, &[("n", &n.to_string())])
}

/// Facts shared by text and Markdown: (label, value).
fn facts(s: &Summary<'_>, lang: &str) -> Vec<(String, String)> {
    let scale = s
        .rating_scale
        .iter()
        .map(|r| format!("{} ({})", r.label, r.credit))
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        (
            tr(lang, "Dimensions", "Dimensions").to_string(),
            s.counts.dimensions.to_string(),
        ),
        (
            tr(lang, "Benchmarks", "Critères").to_string(),
            fill(
                tr(
                    lang,
                    "{n} ({r} with an indicator rule)",
                    "{n} (dont {r} avec une règle d'indicateur)",
                ),
                &[
                    ("n", &s.counts.benchmarks.to_string()),
                    ("r", &s.counts.rule_benchmarks.to_string()),
                ],
            ),
        ),
        (
            tr(lang, "Rating scale", "Échelle de notation").to_string(),
            scale,
        ),
        (
            tr(lang, "Aggregation", "Agrégation").to_string(),
            aggregation(lang, s.aggregation).to_string(),
        ),
        (
            tr(lang, "Rounding", "Arrondi").to_string(),
            rounding(lang, s.rounding),
        ),
    ]
}

/// "from 60 %; Bronze-strong from 64 %".
fn thresholds(t: &TierSummary, lang: &str) -> String {
    let mut s = fill(
        tr(lang, "from {min}", "à partir de {min}"),
        &[("min", &percent(t.min.value()))],
    );
    if let (Some(from), Some(label)) = (t.strong_from, &t.strong_label) {
        s.push_str(&fill(
            tr(
                lang,
                "; {label} from {from}",
                " ; {label} à partir de {from}",
            ),
            &[("label", label), ("from", &percent(from.value()))],
        ));
    }
    s
}

fn cumulative(lang: &str) -> &'static str {
    tr(
        lang,
        "Gates are cumulative: a tier also needs the gates of every tier below it.",
        "Les conditions sont cumulatives : un niveau exige aussi celles de tous les niveaux inférieurs.",
    )
}

fn text(fw: &Framework, s: &Summary<'_>, lang: &str) -> String {
    let mut out = String::new();
    out.push_str(&s.title);
    out.push('\n');
    out.push_str(&fill(
        tr(
            lang,
            "Framework {id}, version {v}: valid.\n",
            "Cadre {id}, version {v} : valide.\n",
        ),
        &[("id", s.id), ("v", s.version)],
    ));
    heading(&mut out, tr(lang, "Summary", "Résumé"));
    let rows: Vec<Vec<String>> = facts(s, lang)
        .into_iter()
        .map(|(k, v)| vec![k, v])
        .collect();
    columns(&mut out, "  ", &rows, &[]);

    heading(&mut out, tr(lang, "Dimensions", "Dimensions"));
    let weighted = s.aggregation == Aggregation::ByDimension;
    let rows: Vec<Vec<String>> = s
        .dimensions
        .iter()
        .map(|d| {
            let mut row = vec![
                d.id.to_string(),
                d.title.to_string(),
                benchmarks(lang, d.benchmarks),
            ];
            if weighted {
                row.push(fill(
                    tr(lang, "weight {w}", "poids {w}"),
                    &[("w", &d.weight.to_string())],
                ));
            }
            row
        })
        .collect();
    columns(&mut out, "  ", &rows, &[false, false, true, true]);

    heading(&mut out, tr(lang, "Tiers", "Niveaux"));
    let width = s
        .tiers
        .iter()
        .map(|t| t.label.chars().count())
        .max()
        .unwrap_or(0);
    for (t, tier) in s.tiers.iter().zip(fw.tiers()) {
        let first = format!("  {:width$}  ", t.label);
        push_wrapped(&mut out, &first, &thresholds(t, lang));
        let indent = " ".repeat(width + 4);
        for g in &tier.gates {
            push_wrapped(
                &mut out,
                &indent,
                &format!("{} {}", tr(lang, "gate:", "condition :"), gate(fw, g, lang)),
            );
        }
    }
    if s.counts.gates > 0 {
        out.push('\n');
        push_wrapped(&mut out, "  ", cumulative(lang));
    }
    out
}

fn markdown(fw: &Framework, s: &Summary<'_>, lang: &str) -> String {
    let mut out = format!("# {}\n\n", md(&s.title));
    out.push_str(&md(&fill(
        tr(
            lang,
            "Framework {id}, version {v}: valid.",
            "Cadre {id}, version {v} : valide.",
        ),
        &[("id", s.id), ("v", s.version)],
    )));
    out.push_str(&format!("\n\n## {}\n\n", tr(lang, "Summary", "Résumé")));
    let rows: Vec<Vec<String>> = facts(s, lang)
        .into_iter()
        .map(|(k, v)| vec![md(&k), md(&v)])
        .collect();
    md_table(&mut out, &[String::new(), String::new()], &rows, &[]);

    out.push_str(&format!(
        "\n## {}\n\n",
        tr(lang, "Dimensions", "Dimensions")
    ));
    let weighted = s.aggregation == Aggregation::ByDimension;
    let mut header = vec![
        tr(lang, "Id", "Id").to_string(),
        tr(lang, "Dimension", "Dimension").to_string(),
        tr(lang, "Benchmarks", "Critères").to_string(),
    ];
    if weighted {
        header.push(tr(lang, "Weight", "Poids").to_string());
    }
    let rows: Vec<Vec<String>> = s
        .dimensions
        .iter()
        .map(|d| {
            let mut row = vec![md(&d.id), md(&d.title), d.benchmarks.to_string()];
            if weighted {
                row.push(d.weight.to_string());
            }
            row
        })
        .collect();
    md_table(&mut out, &header, &rows, &[false, false, true, true]);

    out.push_str(&format!("\n## {}\n\n", tr(lang, "Tiers", "Niveaux")));
    let header = [
        tr(lang, "Tier", "Niveau").to_string(),
        tr(lang, "Thresholds", "Seuils").to_string(),
        tr(lang, "Gates", "Conditions").to_string(),
    ];
    let rows: Vec<Vec<String>> = s
        .tiers
        .iter()
        .zip(fw.tiers())
        .map(|(t, tier)| {
            let gates: Vec<String> = tier.gates.iter().map(|g| md(&gate(fw, g, lang))).collect();
            vec![md(&t.label), md(&thresholds(t, lang)), gates.join("<br>")]
        })
        .collect();
    md_table(&mut out, &header, &rows, &[]);
    if s.counts.gates > 0 {
        out.push_str(&format!("\n{}\n", md(cumulative(lang))));
    }
    out
}
