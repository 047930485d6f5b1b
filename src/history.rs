//! One office across rounds: each assessment scored (against its own framework), ordered by
//! period, side by side: the percentage, the tier, each dimension, and between consecutive
//! rounds the benchmarks that moved and which way.
//!
//! Rounds of different offices are refused unless asked for (a regional comparison is another
//! question than an office's history). A benchmark moved between two rounds when both
//! frameworks have it and its rating differs: up or down by credit (then by position on the
//! scale), or into or out of the score (rated not applicable in one round only).

use std::cmp::Ordering;
use std::sync::Arc;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, FrameworkRef};
use crate::diff::Movement;
use crate::error::{Error, ErrorKind, Result};
use crate::framework::Framework;
use crate::i18n::Lang;
use crate::id::Id;
use crate::num::decimal::{self, DecimalString};
use crate::score::ladder::Rank;
use crate::score::{ScoreOptions, score};
use crate::score::{Scorecard, TierResult};

/// One round as the caller gives it: a name for reports (usually the file path), the
/// framework to score it against and the assessment.
#[derive(Debug, Clone, Copy)]
pub struct Round<'a> {
    /// Name of the round in reports (usually the file path).
    pub file: &'a str,
    /// The framework to score it against.
    pub framework: &'a Framework,
    /// The assessment.
    pub assessment: &'a Assessment,
}

/// Options of [`history`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryOptions {
    /// Accept rounds of different offices.
    pub allow_mixed_offices: bool,
    /// Score assessments written for another version of their framework (with a warning).
    pub allow_version_mismatch: bool,
    /// Language of the labels (falls back to English).
    pub lang: Lang,
}

impl Default for HistoryOptions {
    fn default() -> Self {
        HistoryOptions {
            allow_mixed_offices: false,
            allow_version_mismatch: false,
            lang: Lang::EN,
        }
    }
}

/// One office's rounds side by side: what `history --format json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// The office of the rounds (of the first round when they are mixed).
    pub office: String,
    /// Every office named, in round order, each once (more than one only when allowed).
    pub offices: Vec<String>,
    /// Language of the labels.
    pub lang: Lang,
    /// Every dimension of the rounds' frameworks, in order of first appearance.
    pub dimensions: Vec<DimensionInfo>,
    /// The rounds, ordered by period (byte order; equal periods keep the order given).
    pub rounds: Vec<RoundResult>,
    /// From each round to the next.
    pub steps: Vec<Step>,
}

/// A dimension of the history's tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DimensionInfo {
    /// Dimension id.
    pub id: Id,
    /// Title, from the first framework that has it.
    pub title: Arc<str>,
}

/// One round's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundResult {
    /// The round's name (as the caller gave it, usually the file path).
    pub file: String,
    /// Office name.
    pub office: String,
    /// Assessment period.
    pub period: String,
    /// The framework it was scored against.
    pub framework: FrameworkRef,
    /// The exact percentage, rounded half-even to 4 decimals.
    #[serde(with = "decimal::string")]
    #[schemars(with = "DecimalString")]
    pub percentage: Decimal,
    /// The official percentage.
    #[serde(with = "decimal::string")]
    #[schemars(with = "DecimalString")]
    pub percentage_rounded: Decimal,
    /// The awarded tier, or null.
    pub tier: Option<TierResult>,
    /// Rank of the result.
    pub rank: Rank,
    /// Benchmarks rated at the top of the scale.
    pub met: usize,
    /// Applicable benchmarks.
    pub applicable: usize,
    /// Each dimension of [`History::dimensions`]: its percentage rounded half-even to 4
    /// decimals, null when the framework lacks it or nothing in it is applicable.
    #[schemars(with = "Vec<Option<DecimalString>>")]
    #[serde(with = "optional_decimals")]
    pub dimensions: Vec<Option<Decimal>>,
}

/// From one round to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Period of the earlier round.
    pub from: String,
    /// Period of the later round.
    pub to: String,
    /// Official percentage points gained (negative: lost).
    #[serde(with = "decimal::string")]
    #[schemars(with = "DecimalString")]
    pub points: Decimal,
    /// Which way the rank moves.
    pub movement: Movement,
    /// The benchmarks that moved, in the later framework's order.
    pub benchmarks: Vec<BenchmarkMove>,
}

/// A benchmark whose rating changed between two rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkMove {
    /// Benchmark id.
    pub id: Id,
    /// Title, from the later round's framework.
    pub title: Arc<str>,
    /// Rating id before, or `not_applicable`.
    pub from: Id,
    /// Rating id after, or `not_applicable`.
    pub to: Id,
    /// Label of the rating before.
    pub from_label: Arc<str>,
    /// Label of the rating after.
    pub to_label: Arc<str>,
    /// Which way it moved.
    pub direction: Direction,
}

/// Which way a benchmark moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A higher credit (or, at equal credit, a higher rating).
    Up,
    /// A lower credit (or, at equal credit, a lower rating).
    Down,
    /// Rated not applicable before, into the score now.
    Applicable,
    /// Rated not applicable now, out of the score.
    NotApplicable,
}

/// `Vec<Option<Decimal>>` as normalised strings or null.
mod optional_decimals {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    #[serde(transparent)]
    struct Cell(#[serde(with = "crate::num::decimal::string::option")] Option<Decimal>);

    pub fn serialize<S: Serializer>(v: &[Option<Decimal>], s: S) -> Result<S::Ok, S::Error> {
        v.iter().map(|d| Cell(*d)).collect::<Vec<_>>().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Option<Decimal>>, D::Error> {
        Ok(Vec::<Cell>::deserialize(d)?
            .into_iter()
            .map(|c| c.0)
            .collect())
    }
}

/// Scores every round and puts them side by side, ordered by period.
///
/// ```
/// use gender_seal::history::{history, HistoryOptions, Round};
/// use gender_seal::{Assessment, Framework};
/// let fw = Framework::builtin("undp-gender-seal-co", "2021.2")?;
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/");
/// let mali = Assessment::from_path(format!("{dir}mali-2020.json"))?;
/// let mut later = mali.clone();
/// later.period = Some("2021".into());
/// let rounds = [
///     Round { file: "2021.json", framework: &fw, assessment: &later },
///     Round { file: "2020.json", framework: &fw, assessment: &mali },
/// ];
/// let h = history(&rounds, &HistoryOptions::default())?;
/// assert_eq!(h.rounds[0].period, "2020");
/// assert!(h.steps[0].benchmarks.is_empty());
/// # Ok::<(), gender_seal::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Request`] for no round, a round without a period, or rounds of different
/// offices (unless allowed); any error scoring a round, naming its file.
pub fn history(rounds: &[Round<'_>], options: &HistoryOptions) -> Result<History> {
    let Some(first) = rounds.first() else {
        return Err(Error::new(
            ErrorKind::Request,
            "",
            "no assessment to put side by side",
        ));
    };
    for r in rounds {
        if r.assessment
            .period
            .as_deref()
            .is_none_or(|p| p.trim().is_empty())
        {
            return Err(Error::new(
                ErrorKind::Request,
                "period",
                "the assessment has no 'period': a history orders its rounds by period",
            )
            .in_file(r.file));
        }
        let (a, b) = (first.assessment.office.trim(), r.assessment.office.trim());
        if !options.allow_mixed_offices && a != b {
            return Err(Error::new(
                ErrorKind::Request,
                "office",
                format!(
                    "office '{b}' is not the office '{a}' of {}; a history follows one office (allow mixed offices to put them side by side anyway)",
                    first.file
                ),
            )
            .in_file(r.file));
        }
    }
    let mut ordered: Vec<&Round<'_>> = rounds.iter().collect();
    ordered.sort_by(|x, y| x.assessment.period.cmp(&y.assessment.period));
    let score_options = ScoreOptions {
        allow_version_mismatch: options.allow_version_mismatch,
        lang: options.lang,
    };
    let cards = ordered
        .iter()
        .map(|r| score(r.framework, r.assessment, &score_options).map_err(|e| e.in_file(r.file)))
        .collect::<Result<Vec<_>>>()?;
    let dimensions = dimensions(&cards, options.lang);
    let results = ordered
        .iter()
        .zip(&cards)
        .map(|(r, c)| round_result(r, c, &dimensions))
        .collect();
    let steps = cards
        .windows(2)
        .map(|w| step(&w[0], &w[1], options.lang))
        .collect();
    let mut offices: Vec<String> = Vec::new();
    for r in &ordered {
        if !offices
            .iter()
            .any(|o| o.trim() == r.assessment.office.trim())
        {
            offices.push(r.assessment.office.clone());
        }
    }
    Ok(History {
        office: first.assessment.office.clone(),
        offices,
        lang: options.lang,
        dimensions,
        rounds: results,
        steps,
    })
}

/// Every dimension id of the cards' frameworks, in order of first appearance.
fn dimensions(cards: &[Scorecard<'_>], lang: Lang) -> Vec<DimensionInfo> {
    let mut out: Vec<DimensionInfo> = Vec::new();
    for c in cards {
        for d in c.framework().dimensions() {
            if !out.iter().any(|x| x.id == d.id) {
                out.push(DimensionInfo {
                    id: d.id.clone(),
                    title: d.title.get(lang),
                });
            }
        }
    }
    out
}

fn round_result(r: &Round<'_>, card: &Scorecard<'_>, dims: &[DimensionInfo]) -> RoundResult {
    let fw = card.framework();
    let top = fw.ratings().len().saturating_sub(1);
    let rated = card.entries().iter().filter_map(|e| e.rating);
    let own: Vec<_> = card.dimensions().collect();
    RoundResult {
        file: r.file.to_string(),
        office: card.office().to_string(),
        period: card.period().unwrap_or_default().to_string(),
        framework: FrameworkRef::of(fw),
        percentage: card.percentage(),
        percentage_rounded: card.percentage_rounded(),
        tier: card.tier(),
        rank: card.rank(),
        met: rated.clone().filter(|&r| r == top).count(),
        applicable: rated.count(),
        dimensions: dims
            .iter()
            .map(|d| own.iter().find(|x| x.id == d.id).and_then(|x| x.percentage))
            .collect(),
    }
}

fn step(before: &Scorecard<'_>, after: &Scorecard<'_>, lang: Lang) -> Step {
    let movement = match after.rank().cmp(&before.rank()) {
        Ordering::Greater => Movement::Up,
        Ordering::Less => Movement::Down,
        Ordering::Equal => Movement::Same,
    };
    let (old, new) = (before.framework(), after.framework());
    let mut benchmarks = Vec::new();
    for (b, e) in new.benchmarks().iter().zip(after.entries()) {
        let Some(i) = old.benchmark_index(&b.id) else {
            continue;
        };
        let was = before.entries().get(i).and_then(|e| e.rating);
        let direction = match (was, e.rating) {
            (None, None) => continue,
            (None, Some(_)) => Direction::Applicable,
            (Some(_), None) => Direction::NotApplicable,
            (Some(x), Some(y)) => {
                let place = |fw: &Framework, r: usize| (fw.ratings()[r].credit, r);
                match place(new, y).cmp(&place(old, x)) {
                    Ordering::Greater => Direction::Up,
                    Ordering::Less => Direction::Down,
                    Ordering::Equal => continue,
                }
            }
        };
        let id_and_label = |fw: &Framework, r: Option<usize>| match r {
            Some(r) => (fw.ratings()[r].id.clone(), fw.ratings()[r].label.get(lang)),
            None => (
                Id::from_static(crate::framework::NOT_APPLICABLE),
                Arc::from(lang.messages().common.not_applicable_label),
            ),
        };
        let (from, from_label) = id_and_label(old, was);
        let (to, to_label) = id_and_label(new, e.rating);
        benchmarks.push(BenchmarkMove {
            id: b.id.clone(),
            title: b.title.get(lang),
            from,
            to,
            from_label,
            to_label,
            direction,
        });
    }
    Step {
        from: before.period().unwrap_or_default().to_string(),
        to: after.period().unwrap_or_default().to_string(),
        points: after.percentage_rounded() - before.percentage_rounded(),
        movement,
        benchmarks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fw() -> Framework {
        let json = serde_json::json!({
            "id": "t", "version": "1", "title": "t",
            "rating_scale": [
                {"id": "no", "credit": 0, "label": "No"},
                {"id": "yes", "credit": 1, "label": "Yes"}
            ],
            "aggregation": "flat",
            "rounding": {"decimals": 0, "mode": "half_up"},
            "dimensions": [{"id": "D", "title": "d", "benchmarks": [
                {"id": "B1", "title": "b1", "weight": 1},
                {"id": "B2", "title": "b2", "weight": 1},
                {"id": "B3", "title": "b3", "weight": 1}
            ]}],
            "tiers": [{"id": "gold", "min": 60, "label": "Gold"}]
        });
        Framework::from_json(json.to_string().as_bytes()).unwrap()
    }

    fn round(office: &str, period: Option<&str>, evidence: serde_json::Value) -> Assessment {
        let mut json = serde_json::json!({
            "framework": {"id": "t", "version": "1"}, "office": office, "evidence": evidence
        });
        if let Some(p) = period {
            json["period"] = p.into();
        }
        Assessment::from_json(json.to_string().as_bytes()).unwrap()
    }

    #[test]
    fn rounds_are_ordered_by_period_and_moves_have_a_direction() {
        let fw = fw();
        let late = round(
            "o",
            Some("2022"),
            serde_json::json!({"B1": {"rating": "yes"}, "B2": {"rating": "yes"},
                               "B3": {"rating": "not_applicable", "note": "n"}}),
        );
        let early = round(
            "o",
            Some("2019"),
            serde_json::json!({"B1": {"rating": "no"}, "B2": {"rating": "yes"},
                               "B3": {"rating": "yes"}}),
        );
        let rounds = [
            Round {
                file: "late",
                framework: &fw,
                assessment: &late,
            },
            Round {
                file: "early",
                framework: &fw,
                assessment: &early,
            },
        ];
        let h = history(&rounds, &HistoryOptions::default()).unwrap();
        let periods: Vec<&str> = h.rounds.iter().map(|r| r.period.as_str()).collect();
        assert_eq!(periods, ["2019", "2022"]);
        assert_eq!((h.rounds[0].met, h.rounds[0].applicable), (2, 3));
        assert_eq!(h.rounds[1].percentage_rounded, Decimal::from(100));
        let s = &h.steps[0];
        assert_eq!((s.points, s.movement), (Decimal::from(33), Movement::Same));
        let moves: Vec<(&str, Direction)> =
            s.benchmarks.iter().map(|b| (&*b.id, b.direction)).collect();
        assert_eq!(
            moves,
            [("B1", Direction::Up), ("B3", Direction::NotApplicable)]
        );
        assert_eq!(h.dimensions.len(), 1);
    }

    #[test]
    fn mixed_offices_and_missing_periods_are_refused() {
        let fw = fw();
        let a = round("o", Some("1"), serde_json::json!({}));
        let b = round("p", Some("2"), serde_json::json!({}));
        let rounds = [
            Round {
                file: "a",
                framework: &fw,
                assessment: &a,
            },
            Round {
                file: "b",
                framework: &fw,
                assessment: &b,
            },
        ];
        let e = history(&rounds, &HistoryOptions::default()).unwrap_err();
        assert_eq!((e.kind(), e.file()), (ErrorKind::Request, Some("b")));
        let options = HistoryOptions {
            allow_mixed_offices: true,
            ..HistoryOptions::default()
        };
        let h = history(&rounds, &options).unwrap();
        assert_eq!(h.offices, ["o", "p"]);
        let none = round("o", None, serde_json::json!({}));
        let rounds = [Round {
            file: "none",
            framework: &fw,
            assessment: &none,
        }];
        let e = history(&rounds, &HistoryOptions::default()).unwrap_err();
        assert_eq!(e.problems()[0].location, "period");
        assert!(history(&[], &HistoryOptions::default()).is_err());
    }
}
