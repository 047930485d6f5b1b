//! What more than one report says the same way: names of benchmarks, dimensions, ratings and
//! tiers in a language, the rounding policy and aggregation in words, and the one rendering of
//! a gate (as a condition, and as a failure with its actual value).

use crate::framework::{Aggregation, Framework, Gate, NOT_APPLICABLE, Rounding};
use crate::i18n::{Lang, fill};
use crate::num::RoundingMode;
use crate::score::{GateFailure, TierResult};

/// A benchmark named for people: `MS1 Costed gender strategy & action plan` (the id alone when
/// the framework does not know it).
pub(crate) fn benchmark(fw: &Framework, id: &str, lang: Lang) -> String {
    match fw.benchmark_index(id) {
        Some(i) => format!("{id} {}", fw.benchmarks()[i].title.get(lang)),
        None => id.to_string(),
    }
}

/// A dimension named for people: `PR Programmes`.
pub(crate) fn dimension(fw: &Framework, id: &str, lang: Lang) -> String {
    match fw.dimensions().iter().find(|d| &*d.id == id) {
        Some(d) => format!("{id} {}", d.title.get(lang)),
        None => id.to_string(),
    }
}

/// The label of a rating id (`not_applicable` included; the id itself when unknown).
pub(crate) fn rating(fw: &Framework, id: &str, lang: Lang) -> String {
    if id == NOT_APPLICABLE {
        return lang.messages().common.not_applicable.to_string();
    }
    match fw.rating_index(id) {
        Some(i) => fw.ratings()[i].label.get(lang).to_string(),
        None => id.to_string(),
    }
}

/// The label of a tier id (the id itself when the framework does not know it).
pub(crate) fn tier(fw: &Framework, id: &str, lang: Lang) -> String {
    match fw.tiers().iter().find(|t| &*t.id == id) {
        Some(t) => t.label.get(lang).to_string(),
        None => id.to_string(),
    }
}

/// An awarded tier's label, or "no tier".
pub(crate) fn awarded(t: Option<&TierResult>, lang: Lang) -> String {
    t.map_or_else(
        || lang.messages().common.no_tier.to_string(),
        |t| t.label.to_string(),
    )
}

/// The minimum of a tier id, as a percentage.
pub(crate) fn tier_min(fw: &Framework, id: &str, lang: Lang) -> String {
    fw.tiers()
        .iter()
        .find(|t| &*t.id == id)
        .map_or_else(|| "?".to_string(), |t| lang.percent(t.min.value()))
}

/// "0 decimals, half up" / "0 décimale, moitié vers le haut".
pub(crate) fn rounding(r: Rounding, lang: Lang) -> String {
    let m = &lang.messages().common;
    let places = lang.count(r.decimals as usize, &m.decimals);
    let mode = match r.mode {
        RoundingMode::HalfUp => m.half_up,
        RoundingMode::HalfEven => m.half_even,
        RoundingMode::Down => m.down,
    };
    format!(
        "{}, {mode}",
        fill(places, &[("n", r.decimals.to_string().as_str())])
    )
}

/// "flat" / "by dimension", localised.
pub(crate) fn aggregation(a: Aggregation, lang: Lang) -> &'static str {
    let m = &lang.messages().common;
    match a {
        Aggregation::Flat => m.flat,
        Aggregation::ByDimension => m.by_dimension,
    }
}

/// A gate as a condition: `MS1 Costed … at least Met`, `PR Programmes at least 70 %`.
pub(crate) fn gate(fw: &Framework, g: &Gate, lang: Lang) -> String {
    let (subject, threshold) = match g {
        Gate::Benchmark {
            benchmark: b,
            at_least,
        } => {
            let b = fw.benchmarks().get(*b).map_or("", |b| &*b.id);
            let r = fw.ratings().get(*at_least).map_or("", |r| &*r.id);
            (benchmark(fw, b, lang), rating(fw, r, lang))
        }
        Gate::Dimension {
            dimension: d,
            at_least_percent,
        } => {
            let d = fw.dimensions().get(*d).map_or("", |d| &*d.id);
            (
                dimension(fw, d, lang),
                lang.percent(at_least_percent.value()),
            )
        }
    };
    fill(
        lang.messages().gates.condition,
        &[("subject", subject.as_str()), ("threshold", &threshold)],
    )
}

/// A failing gate: `MS1 Costed …: needs Met, is Partially met`, and ` [Bronze gate]` when it
/// is the gate of a lower tier than `tier` (gates are cumulative).
pub(crate) fn gate_failure(fw: &Framework, tier_id: &str, g: &GateFailure, lang: Lang) -> String {
    let m = &lang.messages().gates;
    let (owner, subject, required, actual) = match g {
        GateFailure::Benchmark {
            tier,
            benchmark: b,
            required,
            actual,
        } => (
            tier,
            benchmark(fw, b, lang),
            rating(fw, required, lang),
            rating(fw, actual, lang),
        ),
        GateFailure::Dimension {
            tier,
            dimension: d,
            required_percent,
            actual_percent,
        } => (
            tier,
            dimension(fw, d, lang),
            fill(
                m.at_least_percent,
                &[("p", lang.percent(required_percent.value()).as_str())],
            ),
            actual_percent.map_or_else(|| m.nothing_applicable.to_string(), |p| lang.percent(p)),
        ),
    };
    let mut line = fill(
        m.failure,
        &[
            ("subject", subject.as_str()),
            ("required", &required),
            ("actual", &actual),
        ],
    );
    if **owner != *tier_id {
        line.push(' ');
        line.push_str(&fill(
            m.of_lower_tier,
            &[("tier", tier(fw, owner, lang).as_str())],
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_phrases() {
        let r = Rounding {
            decimals: 0,
            mode: RoundingMode::HalfUp,
        };
        assert_eq!(rounding(r, Lang::EN), "0 decimals, half up");
        assert_eq!(rounding(r, Lang::FR), "0 décimale, moitié vers le haut");
        let r = Rounding {
            decimals: 1,
            mode: RoundingMode::HalfEven,
        };
        assert_eq!(rounding(r, Lang::EN), "1 decimal, half even");
        let r = Rounding {
            decimals: 2,
            mode: RoundingMode::Down,
        };
        assert_eq!(rounding(r, Lang::FR), "2 décimales, troncature");
    }
}
