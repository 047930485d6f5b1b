//! Scorecard reports. JSON is the scorecard itself; text and Markdown are reports a person
//! reads: the result and tier, each dimension, the benchmarks not fully met with what meeting
//! them takes, what blocks the next tier, blocked tiers and warnings.
//!
//! Both human formats render one [`View`]: every sentence is composed once, here, in the
//! scorecard's language; titles and labels come from the framework (the scorecard carries ids).

mod markdown;
mod text;

use rust_decimal::Decimal;

use crate::assessment::{Basis, Warning, WarningCode};
use crate::decimal::format_decimal;
use crate::framework::{Aggregation, Framework, NOT_APPLICABLE};
use crate::report::layout::{
    aggregation, benchmark_name, dimension_name, fill, percent, rating_label, rounding, tier_label,
};
use crate::report::{Format, json, tr};
use crate::scorecard::{DimensionResult, GateFailure, Scorecard, TierShortfall};

/// Renders a scorecard. Labels and titles come from the card's framework, in the card's
/// language.
///
/// ```
/// use gender_seal::{report, score, Assessment, Format, Framework, ScoreOptions};
/// let fw = Framework::builtin("undp-gender-seal-co", "2021.1")?;
/// let mali = Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json"))?;
/// let card = score(&fw, &mali, &ScoreOptions::default())?;
/// let text = report::scorecard(&card, Format::Text);
/// assert!(text.contains("74 % — Silver-strong"));
/// # Ok::<(), gender_seal::Error>(())
/// ```
pub fn scorecard(card: &Scorecard, format: Format) -> String {
    match format {
        Format::Json => json(card),
        Format::Text => text::render(&View::new(card)),
        Format::Markdown => markdown::render(&View::new(card)),
    }
}

/// Everything a human report shows, as localised strings.
struct View {
    lang: String,
    /// "UNDP Mali — 2020".
    heading: String,
    /// Framework title.
    title: String,
    /// "Framework: undp-gender-seal-co, version 2021.1".
    framework: String,
    /// (label, value) rows of the result.
    facts: Vec<(String, String)>,
    /// Whether dimensions carry a weight column.
    weighted: bool,
    dimensions: Vec<DimensionRow>,
    shortfalls: Vec<BenchmarkRow>,
    /// "MS7 Gender-responsive procurement", …
    not_applicable: Vec<String>,
    next: Option<Next>,
    /// Sentence shown instead of `next` at the top of the ladder.
    top: Option<String>,
    blocked: Vec<Blocked>,
    /// Sentence shown when nothing is blocked.
    none_blocked: String,
    warnings: Vec<String>,
}

struct DimensionRow {
    id: String,
    title: String,
    percent: String,
    points: String,
    applicable: String,
    weight: String,
}

struct BenchmarkRow {
    id: String,
    title: String,
    rating: String,
    basis: String,
    guidance: Option<String>,
}

/// A failing gate: what, required, actual, and the tier whose gate it is when that is a lower
/// tier than the one it blocks.
struct GateRow {
    subject: String,
    required: String,
    actual: String,
    /// Label of the tier whose gate it is.
    owner: String,
    /// Whether that is a lower tier than the one the gate blocks (gates are cumulative).
    lower: bool,
}

struct Next {
    /// "Toward Gold (next tier)".
    heading: String,
    /// Points missing, or the minimum reached and the tier blocked.
    score: String,
    /// "Gates not met:" or the sentence saying none fails.
    gates_intro: String,
    gates: Vec<GateRow>,
}

struct Blocked {
    sentence: String,
    gates: Vec<GateRow>,
    /// The next tier, whose gates are listed in its own section.
    is_next: bool,
}

impl View {
    fn new(card: &Scorecard) -> View {
        let fw = card.framework;
        let lang = card.lang.as_str();
        let heading = match card.period {
            Some(p) => format!("{} — {p}", card.office),
            None => card.office.to_string(),
        };
        let framework = fill(
            tr(
                lang,
                "Framework: {id}, version {v}",
                "Cadre : {id}, version {v}",
            ),
            &[("id", fw.id()), ("v", fw.version())],
        );
        let next_tier = card.next();
        let dimension_results: Vec<DimensionResult> = card.dimensions().collect();
        View {
            lang: lang.to_string(),
            heading,
            title: fw.title().get(lang).to_string(),
            framework,
            facts: facts(card, &dimension_results, lang),
            weighted: fw.aggregation() == Aggregation::ByDimension,
            dimensions: dimensions(&dimension_results, fw, lang),
            shortfalls: shortfalls(card, fw, lang),
            not_applicable: card
                .benchmarks()
                .filter(|b| &*b.rating == NOT_APPLICABLE)
                .map(|b| benchmark_name(fw, &b.id, lang))
                .collect(),
            next: next_tier.as_ref().map(|n| next(card, fw, n, lang)),
            top: match (&next_tier, card.tier()) {
                (None, Some(t)) => Some(fill(
                    tr(
                        lang,
                        "{tier} is the top tier: there is no tier above it.",
                        "Le niveau {tier} est le plus élevé : il n'y a pas de niveau au-dessus.",
                    ),
                    &[("tier", &tier_label(fw, &t.id, lang))],
                )),
                _ => None,
            },
            blocked: card
                .blocked()
                .iter()
                .map(|b| {
                    let is_next = next_tier.as_ref().is_some_and(|n| n.id == b.id);
                    blocked(card, fw, b, is_next, lang)
                })
                .collect(),
            none_blocked: tr(
                lang,
                "None: no tier above the result reaches its minimum score.",
                "Aucun : aucun niveau au-dessus du résultat n'atteint son score minimum.",
            )
            .to_string(),
            warnings: card.warnings.iter().map(|w| warning(fw, w, lang)).collect(),
        }
    }

    fn tr(&self, en: &'static str, fr: &'static str) -> &'static str {
        tr(&self.lang, en, fr)
    }

    /// The dimensions as a table: header (its first cell `id_header`), rows, and which columns
    /// align right. The weight column appears for `by_dimension` frameworks only.
    fn dimension_table(&self, id_header: &str) -> (Vec<String>, Vec<Vec<String>>, Vec<bool>) {
        let mut header = vec![
            id_header.to_string(),
            self.tr("Dimension", "Dimension").to_string(),
            "%".to_string(),
            self.tr("Points", "Points").to_string(),
            self.tr("Applicable", "Applicables").to_string(),
        ];
        let mut right = vec![false, false, true, true, true];
        if self.weighted {
            header.push(self.tr("Weight", "Poids").to_string());
            right.push(true);
        }
        let rows = self
            .dimensions
            .iter()
            .map(|d| {
                let mut row = vec![
                    d.id.clone(),
                    d.title.clone(),
                    d.percent.clone(),
                    d.points.clone(),
                    d.applicable.clone(),
                ];
                if self.weighted {
                    row.push(d.weight.clone());
                }
                row
            })
            .collect();
        (header, rows, right)
    }
}

/// The official result: "74 % — Silver-strong".
fn result(card: &Scorecard, lang: &str) -> String {
    let tier = card.tier().map_or_else(
        || tr(lang, "no tier", "aucun niveau").to_string(),
        |t| t.label.to_string(),
    );
    format!("{} — {tier}", percent(card.percentage_rounded))
}

fn facts(card: &Scorecard, dims: &[DimensionResult], lang: &str) -> Vec<(String, String)> {
    let fw = card.framework();
    let computed = match fw.aggregation() {
        Aggregation::Flat => {
            let sum = |f: fn(&DimensionResult) -> Decimal| {
                dims.iter()
                    .try_fold(Decimal::ZERO, |acc, d| acc.checked_add(f(d)))
                    .map_or_else(|| "?".to_string(), format_decimal)
            };
            fill(
                tr(
                    lang,
                    "{e} of {p} points on the applicable benchmarks (aggregation: {agg})",
                    "{e} sur {p} points des critères applicables (agrégation : {agg})",
                ),
                &[
                    ("e", &sum(|d| d.earned)),
                    ("p", &sum(|d| d.possible)),
                    ("agg", aggregation(lang, Aggregation::Flat)),
                ],
            )
        }
        _ => fill(
            tr(
                lang,
                "weighted mean of the percentages of {n} dimensions (aggregation: {agg})",
                "moyenne pondérée des pourcentages de {n} dimensions (agrégation : {agg})",
            ),
            &[
                (
                    "n",
                    &dims
                        .iter()
                        .filter(|d| d.percentage.is_some())
                        .count()
                        .to_string(),
                ),
                ("agg", aggregation(lang, fw.aggregation())),
            ],
        ),
    };
    vec![
        (
            tr(lang, "Official percentage", "Pourcentage officiel").to_string(),
            result(card, lang),
        ),
        (
            tr(lang, "Exact percentage", "Pourcentage exact").to_string(),
            percent(card.percentage()),
        ),
        (tr(lang, "Computed as", "Calcul").to_string(), computed),
        (
            tr(lang, "Rounding", "Arrondi").to_string(),
            rounding(lang, card.rounding()),
        ),
    ]
}

fn dimensions(dims: &[DimensionResult], fw: &Framework, lang: &str) -> Vec<DimensionRow> {
    dims.iter()
        .map(|d| {
            let title = fw
                .dimensions()
                .iter()
                .find(|x| x.id == d.id)
                .map_or_else(String::new, |x| x.title.get(lang).to_string());
            DimensionRow {
                id: d.id.to_string(),
                title,
                percent: d.percentage.map_or_else(|| "—".to_string(), percent),
                points: format!(
                    "{} / {}",
                    format_decimal(d.earned),
                    format_decimal(d.possible)
                ),
                applicable: fill(
                    tr(lang, "{n} of {m}", "{n} sur {m}"),
                    &[
                        ("n", &d.applicable.to_string()),
                        ("m", &d.benchmarks.to_string()),
                    ],
                ),
                weight: d.weight.to_string(),
            }
        })
        .collect()
}

/// Applicable benchmarks rated below the top of the scale, in framework order.
fn shortfalls(card: &Scorecard, fw: &Framework, lang: &str) -> Vec<BenchmarkRow> {
    let top = fw.ratings().len().saturating_sub(1);
    card.benchmarks()
        .filter(|b| &*b.rating != NOT_APPLICABLE && fw.rating_index(&b.rating) != Some(top))
        .map(|b| {
            let known = fw.benchmark_index(&b.id).map(|i| &fw.benchmarks()[i]);
            let basis = match b.basis {
                Basis::Rated => tr(lang, "rated directly", "noté directement").to_string(),
                Basis::Derived => {
                    let unit = known.and_then(|k| k.rule.as_ref()).map(|r| r.unit.as_str());
                    let value = match (b.value, unit) {
                        (Some(v), Some("percent")) => percent(v.value()),
                        (Some(v), Some(u)) => format!("{v} ({u})"),
                        (Some(v), None) => v.to_string(),
                        (None, _) => "?".to_string(),
                    };
                    fill(
                        tr(lang, "from the value {v}", "d'après la valeur {v}"),
                        &[("v", &value)],
                    )
                }
                Basis::Missing => tr(
                    lang,
                    "no evidence: the lowest rating",
                    "aucune preuve : la note la plus basse",
                )
                .to_string(),
                Basis::NotApplicable => tr(lang, "not applicable", "non applicable").to_string(),
                Basis::Planned => tr(
                    lang,
                    "raised by a planned activity",
                    "relevé par une activité prévue",
                )
                .to_string(),
            };
            BenchmarkRow {
                id: b.id.to_string(),
                title: known.map_or_else(String::new, |k| k.title.get(lang).to_string()),
                rating: rating_label(fw, &b.rating, lang),
                basis,
                guidance: known
                    .and_then(|k| k.guidance.as_ref())
                    .map(|g| g.get(lang).to_string()),
            }
        })
        .collect()
}

fn gate_rows(fw: &Framework, tier: &str, failing: &[GateFailure], lang: &str) -> Vec<GateRow> {
    failing
        .iter()
        .map(|g| {
            let (owner, subject, required, actual) = match g {
                GateFailure::Benchmark {
                    tier,
                    benchmark,
                    required,
                    actual,
                } => (
                    tier,
                    benchmark_name(fw, benchmark, lang),
                    rating_label(fw, required, lang),
                    rating_label(fw, actual, lang),
                ),
                GateFailure::Dimension {
                    tier,
                    dimension,
                    required_percent,
                    actual_percent,
                } => (
                    tier,
                    dimension_name(fw, dimension, lang),
                    format!("≥ {}", percent(required_percent.value())),
                    actual_percent.map_or_else(
                        || {
                            tr(lang, "no applicable benchmark", "aucun critère applicable")
                                .to_string()
                        },
                        percent,
                    ),
                ),
            };
            GateRow {
                subject,
                required,
                actual,
                owner: tier_label(fw, owner, lang),
                lower: **owner != *tier,
            }
        })
        .collect()
}

fn points(lang: &str, n: Decimal) -> String {
    let one = n == Decimal::ONE || (lang == "fr" && n < Decimal::TWO);
    let unit = if one {
        tr(lang, "point", "point")
    } else {
        tr(lang, "points", "points")
    };
    format!("{} {unit}", format_decimal(n))
}

fn min_of(fw: &Framework, tier: &str) -> String {
    fw.tiers()
        .iter()
        .find(|t| &*t.id == tier)
        .map_or_else(|| "?".to_string(), |t| percent(t.min.value()))
}

fn next(card: &Scorecard, fw: &Framework, n: &TierShortfall, lang: &str) -> Next {
    let label = tier_label(fw, &n.id, lang);
    let args = [
        ("tier", label.as_str()),
        ("min", &min_of(fw, &n.id)),
        ("official", &percent(card.percentage_rounded)),
        ("missing", &points(lang, n.points_missing)),
    ];
    let score = if n.points_missing > Decimal::ZERO {
        tr(
            lang,
            "{missing} missing: {tier} needs {min}, the result is {official}.",
            "Il manque {missing} : le niveau {tier} exige {min}, le résultat est de {official}.",
        )
    } else {
        tr(
            lang,
            "The score is enough: {official} reaches the {min} {tier} needs, but its gates block it.",
            "Le score suffit : {official} atteint le minimum de {min} du niveau {tier}, mais ses conditions le bloquent.",
        )
    };
    let gates_intro = if n.failing.is_empty() {
        tr(
            lang,
            "No gate stands in the way: the points are all it takes.",
            "Aucune condition ne fait obstacle : seuls les points manquent.",
        )
    } else {
        tr(lang, "Gates not met:", "Conditions non remplies :")
    };
    Next {
        heading: fill(
            tr(lang, "Toward {tier} (next tier)", "Niveau suivant : {tier}"),
            &args,
        ),
        score: fill(score, &args),
        gates_intro: gates_intro.to_string(),
        gates: gate_rows(fw, &n.id, &n.failing, lang),
    }
}

fn blocked(
    card: &Scorecard,
    fw: &Framework,
    b: &TierShortfall,
    is_next: bool,
    lang: &str,
) -> Blocked {
    let label = tier_label(fw, &b.id, lang);
    let n = b.failing.len();
    let template = match (n == 1, is_next) {
        (true, false) => tr(
            lang,
            "{tier} is blocked: {official} reaches its {min} minimum, but 1 gate fails:",
            "Le niveau {tier} est bloqué : {official} atteint son minimum de {min}, mais 1 condition n'est pas remplie :",
        ),
        (false, false) => tr(
            lang,
            "{tier} is blocked: {official} reaches its {min} minimum, but {n} gates fail:",
            "Le niveau {tier} est bloqué : {official} atteint son minimum de {min}, mais {n} conditions ne sont pas remplies :",
        ),
        (_, true) => tr(
            lang,
            "{tier} is blocked: {official} reaches its {min} minimum, but gates fail (listed above).",
            "Le niveau {tier} est bloqué : {official} atteint son minimum de {min}, mais des conditions ne sont pas remplies (voir ci-dessus).",
        ),
    };
    Blocked {
        sentence: fill(
            template,
            &[
                ("tier", &label),
                ("official", &percent(card.percentage_rounded)),
                ("min", &min_of(fw, &b.id)),
                ("n", &n.to_string()),
            ],
        ),
        gates: gate_rows(fw, &b.id, &b.failing, lang),
        is_next,
    }
}

/// A warning in the report's language: French by code, English as the library wrote it.
pub(crate) fn warning(fw: &Framework, w: &Warning, lang: &str) -> String {
    if lang != "fr" {
        return w.message.clone();
    }
    let id = w.benchmark.as_deref().unwrap_or("");
    match w.code {
        WarningCode::MissingEvidence => fill(
            "aucune preuve pour {id} : noté « {lowest} », la note la plus basse",
            &[
                ("id", id),
                (
                    "lowest",
                    &fw.ratings()
                        .first()
                        .map_or_else(String::new, |r| r.label.get(lang).to_string()),
                ),
            ],
        ),
        WarningCode::NotApplicableWithoutNote => fill(
            "{id} est noté non applicable sans note expliquant pourquoi",
            &[("id", id)],
        ),
        WarningCode::VersionMismatch => fill(
            "évaluation rédigée pour une autre version du cadre, notée selon la version {v}",
            &[("v", fw.version())],
        ),
        WarningCode::FrameworkMismatch => fill(
            "évaluation rédigée pour un autre cadre, notée selon le cadre {f}",
            &[("f", fw.id())],
        ),
        WarningCode::UnknownBenchmarkIgnored => fill(
            "preuve pour {id} ignorée : ce cadre n'a pas ce critère",
            &[("id", id)],
        ),
        WarningCode::OfficeMismatch => {
            "le plan et son évaluation de référence ne nomment pas le même bureau".to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Assessment, ScoreOptions, score};

    /// The report of a fixture scored against `fw`.
    fn report(fixture: &str, fw: &Framework, lang: &str, format: Format) -> String {
        let path = format!("{}/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
        let a = Assessment::from_path(path).unwrap();
        let options = ScoreOptions {
            lang: lang.into(),
            ..Default::default()
        };
        scorecard(&score(fw, &a, &options).unwrap(), format)
    }

    fn default_fw() -> Framework {
        Framework::builtin("undp-gender-seal-co", "2021.1").unwrap()
    }

    #[test]
    fn gated_office_says_gold_is_blocked_once() {
        let fw = default_fw();
        let text = report("gated-office.json", &fw, "en", Format::Text);
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
        let text = report("ee3-floor-office.json", &fw, "en", Format::Text);
        assert!(text.contains("87 % — no tier"), "{text}");
        assert!(
            text.contains("Silver is blocked: 87 % reaches its 70 % minimum, but 1 gate fails:")
        );
        assert!(text.contains("[Bronze gate]"), "{text}");
        let fr = report("ee3-floor-office.json", &fw, "fr", Format::Text);
        assert!(fr.contains("87 % — aucun niveau"), "{fr}");
        assert!(fr.contains("[condition du niveau Bronze]"), "{fr}");
    }

    #[test]
    fn top_tier_and_french_warnings() {
        let fw = default_fw();
        let text = report("gold-office.json", &fw, "en", Format::Markdown);
        assert!(text.contains("Gold is the top tier"), "{text}");
        let fr = report("many-na-office.json", &fw, "fr", Format::Text);
        assert!(
            fr.contains("aucune preuve pour CK4 : noté « Non atteint »"),
            "{fr}"
        );
        assert!(fr.contains("PA5 est noté non applicable sans note"), "{fr}");
        assert!(fr.contains("Non applicables (12)"), "{fr}");
    }
}
