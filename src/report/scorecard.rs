//! The scorecard for people: the result and tier, each dimension, the benchmarks not fully met
//! with what meeting them takes, what blocks the next tier, blocked tiers and warnings. Every
//! sentence is composed here, once, in the scorecard's language; titles and labels come from
//! the framework (the scorecard carries ids).

use rust_decimal::Decimal;

use crate::assessment::Basis;
use crate::framework::{Aggregation, Framework, NOT_APPLICABLE};
use crate::i18n::{Lang, fill};
use crate::report::chart::{Chart, Kind, Point, Series, tier_marks};
use crate::report::doc::{Block, Column, Doc, Record, Records, Rich, Table};
use crate::report::{evidence, names};
use crate::score::{BenchmarkResult, DimensionResult, Scorecard, TierShortfall};

/// The scorecard as a report; with `all`, every benchmark in the framework's order (the whole
/// matrix), else only those not fully met.
pub(crate) fn doc(card: &Scorecard, all: bool) -> Doc {
    let fw = card.framework();
    let lang = card.lang();
    let m = &lang.messages().scorecard;
    let mut doc = Doc::new(lang);
    doc.title(match card.period() {
        Some(p) => format!("{} — {p}", card.office()),
        None => card.office().to_string(),
    });
    doc.push(Block::Lines(vec![
        fw.title().get(lang).to_string(),
        fill(m.framework, &[("id", fw.id()), ("version", fw.version())]),
    ]));

    let dimensions: Vec<DimensionResult> = card.dimensions().collect();
    doc.section(m.result);
    doc.push(Block::Facts(facts(card, &dimensions)));
    doc.section(lang.messages().common.dimensions);
    doc.push(Block::Table(dimension_table(fw, &dimensions, lang)));
    doc.push(Block::Chart(dimension_chart(card, &dimensions)));

    let benchmarks: Vec<BenchmarkResult> = card.benchmarks().collect();
    let shortfalls = shortfalls(fw, &benchmarks, lang, all);
    doc.section(fill(
        if all {
            m.every_benchmark
        } else {
            m.not_fully_met
        },
        &[("n", shortfalls.rows.len().to_string().as_str())],
    ));
    if shortfalls.rows.is_empty() {
        doc.paragraph(m.all_fully_met);
    } else {
        doc.push(Block::Records(shortfalls));
    }
    let not_applicable: Vec<Rich> = benchmarks
        .iter()
        .filter(|b| &*b.rating == NOT_APPLICABLE)
        .map(|b| evidence::with_status(names::benchmark(fw, &b.id, lang), b.status, lang).into())
        .collect();
    if !not_applicable.is_empty() {
        doc.section(fill(
            m.not_applicable,
            &[("n", not_applicable.len().to_string().as_str())],
        ));
        doc.list(not_applicable, false);
    }
    let assumed_met = evidence::assumed_met(card, fw);
    if !assumed_met.is_empty() {
        doc.section(fill(
            m.assumed_met,
            &[("n", assumed_met.len().to_string().as_str())],
        ));
        doc.paragraph(assumed_met.join(", "));
        doc.paragraph(m.assumed_note);
    }

    let next = card.next();
    match (&next, card.tier()) {
        (Some(n), _) => next_tier(&mut doc, card, n),
        (None, Some(t)) => {
            doc.section(m.next_tier);
            doc.paragraph(fill(
                m.top_tier,
                &[("tier", names::tier(fw, &t.id, lang).as_str())],
            ));
        }
        (None, None) => {}
    }

    doc.section(m.blocked_tiers);
    let blocked = card.blocked();
    if blocked.is_empty() {
        doc.paragraph(m.none_blocked);
    }
    for b in &blocked {
        let is_next = next.as_ref().is_some_and(|n| n.id == b.id);
        blocked_tier(&mut doc, card, b, is_next);
    }

    let warnings = card.warnings();
    doc.section(fill(
        m.warnings,
        &[("n", warnings.len().to_string().as_str())],
    ));
    if warnings.is_empty() {
        doc.paragraph(lang.messages().common.none);
    }
    let label = |id: &str| names::rating(fw, id, lang);
    doc.list(
        warnings
            .iter()
            .map(|w| w.message(lang, label).into())
            .collect(),
        false,
    );
    doc
}

/// "74 % — Silver-strong".
pub(crate) fn result(card: &Scorecard) -> String {
    let lang = card.lang();
    format!(
        "{} — {}",
        lang.percent(card.percentage_rounded()),
        names::awarded(card.tier().as_ref(), lang)
    )
}

fn facts(card: &Scorecard, dims: &[DimensionResult]) -> Vec<(String, Rich)> {
    let fw = card.framework();
    let lang = card.lang();
    let m = &lang.messages().scorecard;
    let aggregation = names::aggregation(fw.aggregation(), lang);
    let computed = match fw.aggregation() {
        Aggregation::Flat => {
            let sum = |f: fn(&DimensionResult) -> Decimal| {
                dims.iter()
                    .try_fold(Decimal::ZERO, |acc, d| acc.checked_add(f(d)))
                    .map_or_else(|| "?".to_string(), |d| lang.number(d))
            };
            fill(
                m.computed_flat,
                &[
                    ("earned", sum(|d| d.earned).as_str()),
                    ("possible", &sum(|d| d.possible)),
                    ("aggregation", aggregation),
                ],
            )
        }
        Aggregation::ByDimension => {
            let n = dims.iter().filter(|d| d.percentage.is_some()).count();
            fill(
                lang.count(n, &m.computed_by_dimension),
                &[("n", n.to_string().as_str()), ("aggregation", aggregation)],
            )
        }
    };
    let mut facts = vec![
        (m.official.to_string(), Rich::strong(result(card))),
        (m.exact.to_string(), lang.percent(card.percentage()).into()),
        (m.computed_as.to_string(), computed.into()),
        (
            m.rounding.to_string(),
            names::rounding(card.rounding(), lang).into(),
        ),
    ];
    if let Some(counts) = evidence::counts(card) {
        facts.push((m.evidence.to_string(), counts.into()));
    }
    facts
}

/// The dimensions as a table; a weight column for `by_dimension` frameworks only.
fn dimension_table(fw: &Framework, dims: &[DimensionResult], lang: Lang) -> Table {
    let common = &lang.messages().common;
    let m = &lang.messages().scorecard;
    let weighted = fw.aggregation() == Aggregation::ByDimension;
    let mut header = vec![
        String::new(),
        common.dimension.to_string(),
        "%".to_string(),
        m.points.to_string(),
        m.applicable.to_string(),
    ];
    let mut right = vec![false, false, true, true, true];
    if weighted {
        header.push(common.weight.to_string());
        right.push(true);
    }
    let mut table = Table::new(header, right);
    for d in dims {
        let title = fw
            .dimensions()
            .iter()
            .find(|x| x.id == d.id)
            .map_or_else(String::new, |x| x.title.get(lang).to_string());
        let mut row: Vec<Rich> = vec![
            d.id.to_string().into(),
            title.into(),
            d.percentage
                .map_or_else(|| "—".to_string(), |p| lang.percent(p))
                .into(),
            format!("{} / {}", lang.number(d.earned), lang.number(d.possible)).into(),
            fill(
                m.n_of_m,
                &[
                    ("n", d.applicable.to_string().as_str()),
                    ("m", &d.benchmarks.to_string()),
                ],
            )
            .into(),
        ];
        if weighted {
            row.push(lang.number(d.weight.value()).into());
        }
        table.row(row);
    }
    table
}

/// The official percentage, then each dimension's, as bars across the tiers' minimums.
fn dimension_chart(card: &Scorecard, dims: &[DimensionResult]) -> Chart {
    let fw = card.framework();
    let lang = card.lang();
    let m = &lang.messages().scorecard;
    let mut chart = Chart::percentages(
        Kind::Bars,
        lang.messages().charts.dimensions.to_string(),
        lang,
    );
    chart.categories = std::iter::once(m.official.to_string())
        .chain(dims.iter().map(|d| names::dimension(fw, &d.id, lang)))
        .collect();
    chart.series = vec![Series {
        name: m.official.to_string(),
        key: String::new(),
        values: std::iter::once(Some(Point::percent(card.percentage_rounded(), lang)))
            .chain(
                dims.iter()
                    .map(|d| d.percentage.map(|p| Point::percent(p, lang))),
            )
            .collect(),
    }];
    chart.marks = tier_marks(fw, lang);
    chart
}

/// Applicable benchmarks earning less than the full credit of the scale (the top rating's),
/// or with `all` every benchmark, in framework order, with their rating, how it was reached
/// and what meeting them takes.
fn shortfalls(fw: &Framework, benchmarks: &[BenchmarkResult], lang: Lang, all: bool) -> Records {
    let m = &lang.messages().scorecard;
    let full = fw.ratings().last().map(|r| r.credit);
    let rows = benchmarks
        .iter()
        .filter(|b| all || (b.credit.is_some() && b.credit < full))
        .map(|b| {
            let known = fw.benchmark_index(&b.id).map(|i| &fw.benchmarks()[i]);
            let label = names::rating(fw, &b.rating, lang);
            let rating = if b.basis == Basis::NotApplicable {
                evidence::with_status(label, b.status, lang)
            } else {
                format!(
                    "{label} — {}",
                    evidence::with_status(basis(fw, b, lang), b.status, lang)
                )
            };
            Record {
                key: b.id.to_string(),
                title: known.map_or_else(String::new, |k| k.title.get(lang).to_string()),
                details: vec![
                    Some(rating.into()),
                    known
                        .and_then(|k| k.guidance.as_ref())
                        .map(|g| g.get(lang).to_string().into()),
                ],
            }
        })
        .collect();
    Records {
        header: vec![
            Column::plain(lang.messages().common.benchmark),
            Column::plain(m.rating),
            Column::labelled(m.what_it_takes, m.what_it_takes_label),
        ],
        rows,
    }
}

/// How a rating was reached: "rated directly", "from the value 59 %", …
pub(crate) fn basis(fw: &Framework, b: &BenchmarkResult, lang: Lang) -> String {
    let m = &lang.messages().scorecard;
    match b.basis {
        Basis::Rated => m.rated_directly.to_string(),
        Basis::Derived => {
            let value = match b.value {
                Some(v) => value_with_unit(fw, &b.id, v.value(), lang),
                None => "?".to_string(),
            };
            fill(m.from_value, &[("value", value.as_str())])
        }
        Basis::Missing => m.no_evidence.to_string(),
        Basis::NotApplicable => lang.messages().common.not_applicable.to_string(),
        Basis::Planned => m.planned.to_string(),
    }
}

/// A rule benchmark's value with its unit: `59 %`, `3 (products per year)`.
pub(crate) fn value_with_unit(fw: &Framework, benchmark: &str, v: Decimal, lang: Lang) -> String {
    let rule = fw
        .benchmark_index(benchmark)
        .and_then(|i| fw.benchmarks()[i].rule.as_ref());
    match rule {
        Some(r) if r.is_percent() => lang.percent(v),
        Some(r) => format!("{} ({})", lang.number(v), r.unit.get(lang)),
        None => lang.number(v),
    }
}

fn points(n: Decimal, lang: Lang) -> String {
    let m = &lang.messages().scorecard;
    format!("{} {}", lang.number(n), lang.plural(n, &m.points_unit))
}

fn next_tier(doc: &mut Doc, card: &Scorecard, n: &TierShortfall) {
    let fw = card.framework();
    let lang = card.lang();
    let m = &lang.messages().scorecard;
    let label = names::tier(fw, &n.id, lang);
    let min = names::tier_min(fw, &n.id, lang);
    let official = lang.percent(card.percentage_rounded());
    let missing = points(n.points_missing, lang);
    let args = [
        ("tier", label.as_str()),
        ("min", &min),
        ("official", &official),
        ("missing", &missing),
    ];
    doc.section(fill(m.toward, &args));
    let score = if n.points_missing > Decimal::ZERO {
        m.points_missing
    } else {
        m.score_enough
    };
    doc.paragraph(fill(score, &args));
    doc.paragraph(if n.failing.is_empty() {
        m.no_gate_in_the_way
    } else {
        m.gates_not_met
    });
    gates(doc, fw, &n.id, &n.failing, lang);
}

fn blocked_tier(doc: &mut Doc, card: &Scorecard, b: &TierShortfall, is_next: bool) {
    let fw = card.framework();
    let lang = card.lang();
    let m = &lang.messages().scorecard;
    let template = if is_next {
        m.blocked_listed_above
    } else {
        lang.count(b.failing.len(), &m.blocked)
    };
    doc.paragraph(fill(
        template,
        &[
            ("tier", names::tier(fw, &b.id, lang).as_str()),
            ("official", &lang.percent(card.percentage_rounded())),
            ("min", &names::tier_min(fw, &b.id, lang)),
            ("n", &b.failing.len().to_string()),
        ],
    ));
    if !is_next {
        gates(doc, fw, &b.id, &b.failing, lang);
    }
}

fn gates(
    doc: &mut Doc,
    fw: &Framework,
    tier: &str,
    failing: &[crate::score::GateFailure],
    lang: Lang,
) {
    let items = failing
        .iter()
        .map(|g| names::gate_failure(fw, tier, g, lang).into())
        .collect();
    doc.list(items, true);
}

#[cfg(test)]
mod tests {
    use crate::framework::Framework;
    use crate::i18n::Lang;
    use crate::report::{Format, scorecard};
    use crate::{Assessment, ScoreOptions, score};

    /// The report of a fixture scored against `fw`.
    fn report(fixture: &str, fw: &Framework, lang: Lang, format: Format) -> String {
        let path = format!("{}/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
        let a = Assessment::from_path(path).unwrap();
        let options = ScoreOptions {
            lang,
            ..Default::default()
        };
        scorecard(&score(fw, &a, &options).unwrap(), format)
            .into_text()
            .unwrap()
    }

    fn default_fw() -> Framework {
        Framework::builtin("undp-gender-seal-co", "2021.2").unwrap()
    }

    #[test]
    fn gated_office_says_gold_is_blocked_once() {
        let fw = default_fw();
        let text = report("gated-office.json", &fw, Lang::EN, Format::Text);
        assert!(text.contains("83 % — Silver-strong"), "{text}");
        assert!(text.contains("The score is enough: 83 % reaches the 80 % Gold needs"));
        assert!(text.contains(
            "Gold is blocked: 83 % reaches its 80 % minimum, but gates fail (listed above)."
        ));
        // The failing gates are listed under the next tier, not again under blocked tiers.
        assert_eq!(
            text.matches("IC1 Full-time gender specialist:").count(),
            1,
            "{text}"
        );
    }

    #[test]
    fn cumulative_gates_name_their_tier() {
        let fw = default_fw();
        let text = report("ee3-floor-office.json", &fw, Lang::EN, Format::Text);
        assert!(text.contains("85 % — no tier"), "{text}");
        assert!(
            text.contains("Silver is blocked: 85 % reaches its 70 % minimum, but 1 gate fails:")
        );
        assert!(text.contains("[Bronze gate]"), "{text}");
        let fr = report("ee3-floor-office.json", &fw, Lang::FR, Format::Text);
        assert!(fr.contains("85\u{202f}% — aucun niveau"), "{fr}");
        assert!(fr.contains("[condition du niveau Bronze]"), "{fr}");
    }

    #[test]
    fn top_tier_and_french_warnings() {
        let fw = default_fw();
        let text = report("gold-office.json", &fw, Lang::EN, Format::Markdown);
        assert!(text.contains("Gold is the top tier"), "{text}");
        let fr = report("many-na-office.json", &fw, Lang::FR, Format::Text);
        assert!(
            fr.contains("aucune preuve pour CK4 : noté « Non atteint »"),
            "{fr}"
        );
        assert!(fr.contains("PA5 est noté non applicable sans note"), "{fr}");
        assert!(fr.contains("Non applicables (12)"), "{fr}");
    }
}
