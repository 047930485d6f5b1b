//! Every rule of SPEC §3, checked on raw data; all problems are reported, each with its path.

use crate::id::Id;
use std::collections::HashMap;

use super::raw::{Aggregation, RawBenchmark, RawFramework, RawGate, RawRule, RawTier};
use super::{
    Benchmark, Dimension, Direction, Framework, Gate, MAX_BENCHMARKS, MAX_DIMENSIONS, MAX_RATINGS,
    MAX_TIERS, NOT_APPLICABLE, Rating, Rule, Tier,
};
use crate::decimal::Number;
use crate::error::{ErrorKind, Problems, Result};
use crate::text::Text;

const MAX_WEIGHT_MICROS: i64 = 1_000_000 * crate::decimal::MICROS;
const HUNDRED_MICROS: i64 = 100 * crate::decimal::MICROS;
const ONE_MICROS: i64 = crate::decimal::MICROS;
/// Most decimal places of the rounding policy.
pub(crate) const MAX_ROUNDING_DECIMALS: u32 = 6;

/// True when `id` matches `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`.
pub(crate) fn is_valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
}

pub(crate) fn check_id(p: &mut Problems, path: &str, what: &str, id: &str) {
    if !is_valid_id(id) {
        p.push(
            path,
            format!(
                "invalid {what} id '{}': ids are 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                id.chars().take(70).collect::<String>()
            ),
        );
    }
}

fn check_text(p: &mut Problems, path: &str, text: &Text) {
    if text.is_blank() {
        p.push(path, "text is empty");
    }
}

/// Records `id` in `seen`, reporting a duplicate.
fn check_unique<'a>(
    p: &mut Problems,
    seen: &mut HashMap<&'a str, String>,
    path: String,
    what: &str,
    id: &'a str,
) {
    if let Some(first) = seen.get(id) {
        p.push(
            path,
            format!("duplicate {what} id '{id}' (first at {first})"),
        );
    } else {
        seen.insert(id, path);
    }
}

pub(super) fn validate(raw: RawFramework) -> Result<Framework> {
    let mut p = Problems::default();
    check_id(&mut p, "id", "framework", &raw.id);
    check_id(&mut p, "version", "version", &raw.version);
    check_text(&mut p, "title", &raw.title);

    let ratings = validate_scale(&mut p, &raw);
    let rating_ids: HashMap<&str, usize> = ratings
        .iter()
        .enumerate()
        .map(|(i, r)| (&*r.id, i))
        .collect();

    if raw.rounding.decimals > MAX_ROUNDING_DECIMALS {
        p.push(
            "rounding.decimals",
            format!(
                "rounding decimals {} out of range: 0 to {MAX_ROUNDING_DECIMALS}",
                raw.rounding.decimals
            ),
        );
    }

    // Dimensions and benchmarks.
    if raw.dimensions.is_empty() {
        p.push("dimensions", "a framework needs at least one dimension");
    }
    if raw.dimensions.len() > MAX_DIMENSIONS {
        p.push(
            "dimensions",
            format!(
                "{} dimensions, at most {MAX_DIMENSIONS}",
                raw.dimensions.len()
            ),
        );
    }
    let total: usize = raw.dimensions.iter().map(|d| d.benchmarks.len()).sum();
    if total > MAX_BENCHMARKS {
        p.push(
            "dimensions",
            format!("{total} benchmarks, at most {MAX_BENCHMARKS}"),
        );
    }
    let mut dims = Vec::with_capacity(raw.dimensions.len());
    let mut benchmarks = Vec::with_capacity(total);
    let mut dim_seen = HashMap::new();
    let mut bench_seen = HashMap::new();
    for (di, d) in raw.dimensions.iter().enumerate() {
        let dpath = format!("dimensions[{di}]");
        check_id(&mut p, &format!("{dpath}.id"), "dimension", &d.id);
        check_unique(
            &mut p,
            &mut dim_seen,
            format!("{dpath}.id"),
            "dimension",
            &d.id,
        );
        check_text(&mut p, &format!("{dpath}.title"), &d.title);
        let weight = match d.weight {
            None => Number::from(1),
            Some(w) => {
                if raw.aggregation != Aggregation::ByDimension {
                    p.push(
                        format!("{dpath}.weight"),
                        "a dimension weight is allowed only with \"aggregation\": \"by_dimension\"",
                    );
                }
                check_weight(&mut p, &format!("{dpath}.weight"), w);
                w
            }
        };
        if d.benchmarks.is_empty() {
            p.push(
                format!("{dpath}.benchmarks"),
                format!("dimension '{}' has no benchmarks", d.id),
            );
        }
        let start = benchmarks.len();
        for (bi, b) in d.benchmarks.iter().enumerate() {
            let bpath = format!("{dpath}.benchmarks[{bi}]");
            check_unique(
                &mut p,
                &mut bench_seen,
                format!("{bpath}.id"),
                "benchmark",
                &b.id,
            );
            benchmarks.push(validate_benchmark(&mut p, &bpath, b, di, &rating_ids));
        }
        dims.push(Dimension {
            id: Id::from(d.id.as_str()),
            title: d.title.clone(),
            weight,
            benchmarks: start..benchmarks.len(),
        });
    }
    let benchmark_index: HashMap<Id, usize> = benchmarks
        .iter()
        .enumerate()
        .map(|(i, b): (usize, &Benchmark)| (b.id.clone(), i))
        .collect();
    let dim_index: HashMap<&str, usize> =
        dims.iter().enumerate().map(|(i, d)| (&*d.id, i)).collect();

    let tiers = validate_tiers(
        &mut p,
        &raw.tiers,
        &benchmark_index,
        &dim_index,
        &rating_ids,
    );

    p.finish(ErrorKind::Invalid)?;
    Ok(Framework {
        weight_micros: benchmarks
            .iter()
            .map(|b| i128::from(b.weight.micros()))
            .collect(),
        credit_micros: ratings
            .iter()
            .map(|r| i128::from(r.credit.micros()))
            .collect(),
        dimension_weight_micros: dims.iter().map(|d| i128::from(d.weight.micros())).collect(),
        earned_units: benchmarks
            .iter()
            .flat_map(|b| {
                ratings
                    .iter()
                    .map(move |r| i128::from(b.weight.micros()) * i128::from(r.credit.micros()))
            })
            .collect(),
        possible_units: benchmarks
            .iter()
            .map(|b| i128::from(b.weight.micros()) * i128::from(crate::decimal::MICROS))
            .collect(),
        rating_keys: ratings.iter().map(|r| Box::from(r.id.as_str())).collect(),
        benchmark_keys: benchmarks
            .iter()
            .map(|b| Box::from(b.id.as_str()))
            .collect(),
        raw,
        ratings,
        dimensions: dims,
        benchmarks,
        tiers,
        benchmark_index,
    })
}

fn validate_scale(p: &mut Problems, raw: &RawFramework) -> Vec<Rating> {
    let scale = &raw.rating_scale;
    if scale.len() < 2 || scale.len() > MAX_RATINGS {
        p.push(
            "rating_scale",
            format!(
                "the rating scale has {} ratings; it needs 2 to {MAX_RATINGS}",
                scale.len()
            ),
        );
    }
    let mut seen = HashMap::new();
    let mut previous: Option<Number> = None;
    for (i, r) in scale.iter().enumerate() {
        let path = format!("rating_scale[{i}]");
        check_id(p, &format!("{path}.id"), "rating", &r.id);
        if r.id == NOT_APPLICABLE {
            p.push(
                format!("{path}.id"),
                "'not_applicable' is built in and reserved; leave it out of the scale",
            );
        }
        check_unique(p, &mut seen, format!("{path}.id"), "rating", &r.id);
        check_text(p, &format!("{path}.label"), &r.label);
        let c = r.credit.micros();
        if !(0..=ONE_MICROS).contains(&c) {
            p.push(
                format!("{path}.credit"),
                format!("credit {} out of range: credits lie in [0, 1]", r.credit),
            );
        }
        if let Some(prev) = previous
            && r.credit < prev
        {
            p.push(
                format!("{path}.credit"),
                format!(
                    "credit {} is below the previous rating's {prev}: credits must not decrease from lowest to highest rating",
                    r.credit
                ),
            );
        }
        previous = Some(r.credit);
    }
    scale
        .iter()
        .map(|r| Rating {
            id: Id::from(r.id.as_str()),
            credit: r.credit,
            label: r.label.clone(),
        })
        .collect()
}

fn check_weight(p: &mut Problems, path: &str, w: Number) {
    let m = w.micros();
    if m <= 0 || m > MAX_WEIGHT_MICROS {
        p.push(
            path,
            format!("weight {w} out of range: weights lie in (0, 1000000]"),
        );
    }
}

fn validate_benchmark(
    p: &mut Problems,
    path: &str,
    b: &RawBenchmark,
    dimension: usize,
    ratings: &HashMap<&str, usize>,
) -> Benchmark {
    check_id(p, &format!("{path}.id"), "benchmark", &b.id);
    check_text(p, &format!("{path}.title"), &b.title);
    let weight = b.weight.unwrap_or(Number::from(1));
    check_weight(p, &format!("{path}.weight"), weight);
    let rule = b
        .rule
        .as_ref()
        .and_then(|r| validate_rule(p, &format!("{path}.rule"), r, ratings));
    Benchmark {
        id: Id::from(b.id.as_str()),
        title: b.title.clone(),
        weight,
        dimension,
        rule,
        allow_not_applicable: b.allow_not_applicable.unwrap_or(true),
        guidance: b.guidance.clone(),
        verification: b.verification.clone(),
    }
}

fn rating_ref(
    p: &mut Problems,
    path: &str,
    id: &str,
    ratings: &HashMap<&str, usize>,
) -> Option<usize> {
    let found = ratings.get(id).copied();
    if found.is_none() {
        let mut known: Vec<(&str, usize)> = ratings.iter().map(|(k, v)| (*k, *v)).collect();
        known.sort_by_key(|(_, i)| *i);
        let list: Vec<&str> = known.into_iter().map(|(k, _)| k).collect();
        p.push(
            path,
            format!("unknown rating '{id}'; expected one of {}", list.join(", ")),
        );
    }
    found
}

fn validate_rule(
    p: &mut Problems,
    path: &str,
    r: &RawRule,
    ratings: &HashMap<&str, usize>,
) -> Option<Rule> {
    let before = p.len();
    if r.unit.trim().is_empty() {
        p.push(format!("{path}.unit"), "unit is empty");
    }
    if r.ladder.is_empty() {
        p.push(format!("{path}.ladder"), "a rule needs at least one step");
    }
    let mut direction = None;
    let mut steps: Vec<(Number, usize)> = Vec::new();
    for (i, s) in r.ladder.iter().enumerate() {
        let spath = format!("{path}.ladder[{i}]");
        let (dir, t) = match (s.at_least, s.at_most) {
            (Some(t), None) => (Direction::AtLeast, t),
            (None, Some(t)) => (Direction::AtMost, t),
            _ => {
                p.push(spath, "a step has exactly one of 'at_least' or 'at_most'");
                continue;
            }
        };
        let rating = rating_ref(p, &format!("{spath}.rating"), &s.rating, ratings);
        match direction {
            None => direction = Some(dir),
            Some(d) if d != dir => {
                // Its threshold cannot be ordered against the others: one problem is enough.
                p.push(
                    spath,
                    "steps mix 'at_least' and 'at_most'; use one direction per rule",
                );
                continue;
            }
            _ => {}
        }
        if let (Some(&(prev_t, prev_r)), Some(rating)) = (steps.last(), rating) {
            let ordered = match dir {
                Direction::AtLeast => t < prev_t,
                Direction::AtMost => t > prev_t,
            };
            if !ordered {
                let how = match dir {
                    Direction::AtLeast => "strictly decreasing for 'at_least'",
                    Direction::AtMost => "strictly increasing for 'at_most'",
                };
                p.push(
                    spath.clone(),
                    format!("threshold {t} after {prev_t}: thresholds must be {how}"),
                );
            }
            if rating > prev_r {
                p.push(
                    format!("{spath}.rating"),
                    format!(
                        "rating '{}' ranks above the previous step's: ratings must not rise as the steps get easier",
                        s.rating
                    ),
                );
            }
        }
        if let Some(rating) = rating {
            steps.push((t, rating));
        }
    }
    let otherwise = rating_ref(p, &format!("{path}.otherwise"), &r.otherwise, ratings);
    if let (Some(o), Some(&(_, last))) = (otherwise, steps.last())
        && o > last
    {
        p.push(
            format!("{path}.otherwise"),
            format!(
                "'otherwise' rating '{}' ranks above the last step's",
                r.otherwise
            ),
        );
    }
    let percent = r.unit == "percent";
    let hundred = Number::from_micros(HUNDRED_MICROS);
    let bounds = match r.bounds {
        Some([lo, hi]) => {
            if lo >= hi {
                p.push(
                    format!("{path}.bounds"),
                    format!("bounds [{lo}, {hi}] are empty: the first must be below the second"),
                );
            }
            if percent && (lo < Number::default() || hi > hundred) {
                p.push(
                    format!("{path}.bounds"),
                    format!("bounds [{lo}, {hi}] exceed [0, 100] for unit 'percent'"),
                );
            }
            Some((lo, hi))
        }
        None if percent => Some((Number::default(), hundred)),
        None => None,
    };
    if p.len() != before {
        return None;
    }
    Some(Rule {
        unit: r.unit.clone(),
        direction: direction?,
        steps,
        otherwise: otherwise?,
        bounds,
    })
}

fn validate_tiers(
    p: &mut Problems,
    raw: &[RawTier],
    benchmarks: &HashMap<Id, usize>,
    dims: &HashMap<&str, usize>,
    ratings: &HashMap<&str, usize>,
) -> Vec<Tier> {
    if raw.is_empty() || raw.len() > MAX_TIERS {
        p.push(
            "tiers",
            format!("{} tiers; a ladder needs 1 to {MAX_TIERS}", raw.len()),
        );
    }
    let hundred = Number::from_micros(HUNDRED_MICROS);
    let mut seen = HashMap::new();
    let mut tiers = Vec::with_capacity(raw.len());
    for (i, t) in raw.iter().enumerate() {
        let path = format!("tiers[{i}]");
        check_id(p, &format!("{path}.id"), "tier", &t.id);
        check_unique(p, &mut seen, format!("{path}.id"), "tier", &t.id);
        check_text(p, &format!("{path}.label"), &t.label);
        if t.min < Number::default() || t.min > hundred {
            p.push(
                format!("{path}.min"),
                format!("min {} out of range: [0, 100]", t.min),
            );
        }
        if let Some(prev) = raw[..i].last()
            && t.min <= prev.min
        {
            p.push(
                format!("{path}.min"),
                format!(
                    "min {} is not above the previous tier's {}: tier minimums must strictly increase",
                    t.min, prev.min
                ),
            );
        }
        match (t.strong_from, &t.strong_label) {
            (Some(s), label) => {
                let upper = raw.get(i + 1).map(|n| n.min);
                let ok = s > t.min
                    && match upper {
                        Some(next) => s < next,
                        None => s <= hundred,
                    };
                if !ok {
                    let range = match upper {
                        Some(next) => format!("above {} and below the next tier's min {next}", t.min),
                        None => format!("above {} and at most 100", t.min),
                    };
                    p.push(
                        format!("{path}.strong_from"),
                        format!("strong_from {s} out of range: it must be {range}"),
                    );
                }
                match label {
                    None => p.push(
                        format!("{path}.strong_label"),
                        "a tier with 'strong_from' needs a 'strong_label'",
                    ),
                    Some(l) => check_text(p, &format!("{path}.strong_label"), l),
                }
            }
            (None, Some(_)) => p.push(
                format!("{path}.strong_label"),
                "'strong_label' without 'strong_from' is never shown; add 'strong_from' or remove it",
            ),
            (None, None) => {}
        }
        let gates = t
            .gates
            .iter()
            .enumerate()
            .filter_map(|(gi, g)| {
                validate_gate(
                    p,
                    &format!("{path}.gates[{gi}]"),
                    g,
                    benchmarks,
                    dims,
                    ratings,
                )
            })
            .collect();
        tiers.push(Tier {
            id: Id::from(t.id.as_str()),
            min: t.min,
            strong_from: t.strong_from,
            label: t.label.clone(),
            strong_label: t.strong_label.clone(),
            gates,
        });
    }
    tiers
}

fn validate_gate(
    p: &mut Problems,
    path: &str,
    g: &RawGate,
    benchmarks: &HashMap<Id, usize>,
    dims: &HashMap<&str, usize>,
    ratings: &HashMap<&str, usize>,
) -> Option<Gate> {
    match g {
        RawGate {
            benchmark: Some(b),
            at_least: Some(r),
            dimension: None,
            at_least_percent: None,
        } => {
            let bi = benchmarks.get(b.as_str()).copied();
            if bi.is_none() {
                p.push(
                    format!("{path}.benchmark"),
                    format!(
                        "gate on unknown benchmark '{b}'{}",
                        crate::suggest::did_you_mean(b, benchmarks.keys().map(|k| &**k))
                    ),
                );
            }
            let ri = rating_ref(p, &format!("{path}.at_least"), r, ratings);
            Some(Gate::Benchmark {
                benchmark: bi?,
                at_least: ri?,
            })
        }
        RawGate {
            benchmark: None,
            at_least: None,
            dimension: Some(d),
            at_least_percent: Some(pct),
        } => {
            let di = dims.get(d.as_str()).copied();
            if di.is_none() {
                p.push(
                    format!("{path}.dimension"),
                    format!(
                        "gate on unknown dimension '{d}'{}",
                        crate::suggest::did_you_mean(d, dims.keys().copied())
                    ),
                );
            }
            if *pct < Number::default() || *pct > Number::from_micros(HUNDRED_MICROS) {
                p.push(
                    format!("{path}.at_least_percent"),
                    format!("percentage {pct} out of range: [0, 100]"),
                );
            }
            Some(Gate::Dimension {
                dimension: di?,
                at_least_percent: *pct,
            })
        }
        _ => {
            p.push(
                path,
                "a gate is either {\"benchmark\", \"at_least\"} or {\"dimension\", \"at_least_percent\"}",
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for ok in [
            "IC1",
            "a",
            "undp-gender-seal-co",
            "2021.1",
            "x_y",
            &"a".repeat(64),
        ] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "-a", ".a", "a b", "é", &"a".repeat(65), "a/b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
