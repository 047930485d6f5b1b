//! Every rule of docs/formats.md, checked on raw data; all problems are reported, each with its path.

use crate::id::Id;
use std::collections::HashMap;

use super::raw::{Aggregation, RawBenchmark, RawFramework, RawRule};
use super::{
    Benchmark, Dimension, Direction, Framework, MAX_BENCHMARKS, MAX_DIMENSIONS, MAX_RATINGS,
    NOT_APPLICABLE, Rating, Rule,
};
use crate::error::{ErrorKind, Problems, Result};
use crate::num::decimal::Number;

use super::checks::{
    HUNDRED_MICROS, MAX_ROUNDING_DECIMALS, MAX_WEIGHT_MICROS, ONE_MICROS, check_id, check_text,
    check_unique, is_percent, rating_ref,
};
use super::validate_tiers::validate_tiers;

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
            .map(|b| i128::from(b.weight.micros()) * i128::from(crate::num::decimal::MICROS))
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

fn validate_rule(
    p: &mut Problems,
    path: &str,
    r: &RawRule,
    ratings: &HashMap<&str, usize>,
) -> Option<Rule> {
    let before = p.len();
    if r.unit.is_blank() {
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
    let percent = is_percent(&r.unit);
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
