//! The tier ladder of a framework, checked on raw data: tiers in order with room between
//! them, "strong" thresholds, and each tier's gates on known benchmarks and dimensions.

use std::collections::HashMap;

use super::checks::{HUNDRED_MICROS, check_id, check_text, check_unique, rating_ref};
use super::raw::{RawGate, RawTier};
use super::{Gate, MAX_TIERS, Tier};
use crate::error::Problems;
use crate::id::Id;
use crate::num::decimal::Number;

pub(super) fn validate_tiers(
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
                        crate::did_you_mean::suggest(p, b, benchmarks.keys().map(|k| &**k))
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
                        crate::did_you_mean::suggest(p, d, dims.keys().copied())
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
