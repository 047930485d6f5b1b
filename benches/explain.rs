//! Speed of `explain` (docs/PERFORMANCE.md): the Mali 2020 case on the 41-benchmark default
//! framework, next to scoring it; and generated 10,000-benchmark frameworks (100 dimensions of
//! 100 benchmarks, weights 0.5 to 3, flat and by_dimension with dimension weights 1 to 4,
//! Gold gated on 5 benchmarks and 2 dimensions, Silver on a dimension) with assessments drawn
//! so that the result is Silver and Gold takes hundreds of changes.
//!
//! `cargo bench --bench explain` first prints, for each generated case, the answer's size and
//! the best of three timings, then runs criterion. `EXPLAIN_STUDY=0` skips the first part. The
//! generator is a seeded SplitMix64: the same frameworks every run.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use gender_seal::explain::{ExplainOptions, explain};
use gender_seal::{Assessment, Framework, ScoreOptions, score};
use serde_json::{Value, json};

#[path = "../tests/support/rng.rs"]
mod rng;
use rng::Rng;

const MALI: &[u8] = include_bytes!("../fixtures/mali-2020.json");

/// A generated framework of `dims` × `per` benchmarks and an assessment of it.
fn generated(
    dims: usize,
    per: usize,
    by_dimension: bool,
    seed: u64,
    far: bool,
) -> (Framework, Assessment) {
    let mut rng = Rng(seed);
    let weights = ["1", "2", "3", "0.5", "1.25"];
    let dimensions: Vec<Value> = (0..dims)
        .map(|d| {
            let benchmarks: Vec<Value> = (0..per)
                .map(|b| json!({"id": format!("D{d}.B{b}"), "title": "b", "weight": rng.pick(&weights)}))
                .collect();
            let mut dim = json!({"id": format!("D{d}"), "title": "d", "benchmarks": benchmarks});
            if by_dimension {
                dim["weight"] = json!(1 + rng.below(4));
            }
            dim
        })
        .collect();
    let mut gold_gates: Vec<Value> = Vec::new();
    for _ in 0..5 {
        let b = format!("D{}.B{}", rng.below(dims), rng.below(per));
        gold_gates.push(json!({"benchmark": b, "at_least": "met"}));
    }
    for _ in 0..2 {
        let d = format!("D{}", rng.below(dims));
        gold_gates.push(json!({"dimension": d, "at_least_percent": 75}));
    }
    let doc = json!({
        "id": "generated", "version": "1", "title": "generated",
        "rating_scale": [
            {"id": "not_met", "credit": 0, "label": "Not met"},
            {"id": "partially_met", "credit": 0.5, "label": "Partially met"},
            {"id": "met", "credit": 1, "label": "Met"}
        ],
        "aggregation": if by_dimension { "by_dimension" } else { "flat" },
        "rounding": {"decimals": 0, "mode": "half_up"},
        "dimensions": dimensions,
        "tiers": [
            {"id": "bronze", "min": 60, "strong_from": 64, "label": "Bronze", "strong_label": "Bronze+"},
            {"id": "silver", "min": 70, "strong_from": 74, "label": "Silver", "strong_label": "Silver+",
             "gates": [{"dimension": "D0", "at_least_percent": 50}]},
            {"id": "gold", "min": 80, "label": "Gold", "gates": gold_gates}
        ]
    });
    let fw = Framework::from_json(doc.to_string().as_bytes()).expect("generated framework");
    let mut evidence = serde_json::Map::new();
    for b in fw.benchmarks() {
        // Near: about 74 %, Silver-strong. Far: about 37 %, no tier, Bronze (the default
        // target) hundreds of changes away and Gold thousands.
        let (met, partial) = if far { (25, 50) } else { (60, 85) };
        let roll = rng.below(100);
        let rating = if roll < met {
            "met"
        } else if roll < partial {
            "partially_met"
        } else if roll < 98 {
            "not_met"
        } else {
            "not_applicable"
        };
        evidence.insert(b.id.to_string(), json!({"rating": rating, "note": "n"}));
    }
    let a = json!({"framework": {"id": "generated", "version": "1"}, "office": "generated", "evidence": evidence});
    let a = Assessment::from_json(a.to_string().as_bytes()).expect("generated assessment");
    (fw, a)
}

/// Best of three runs.
fn time<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..3 {
        let start = Instant::now();
        let v = f();
        best = best.min(start.elapsed());
        out = Some(v);
    }
    (best, out.expect("ran"))
}

fn study() {
    println!(
        "| aggregation | seed | result | target | raise: changes | hold: changes | explain ms | score ms |"
    );
    println!("|---|---:|---|---|---:|---:|---:|---:|");
    for by_dimension in [false, true] {
        for (seed, far, target) in [
            (1, false, None),
            (2, false, None),
            (3, false, None),
            (4, true, None),
            (4, true, Some("gold")),
        ] {
            let (fw, a) = generated(100, 100, by_dimension, seed, far);
            let options = ExplainOptions {
                target: target.map(|t| {
                    gender_seal::Rank::parse_target(&fw, t, gender_seal::i18n::Lang::EN)
                        .expect("target")
                }),
                ..ExplainOptions::default()
            };
            let (d, e) = time(|| explain(&fw, &a, &options).expect("explain"));
            let (s, _) = time(|| score(&fw, &a, &ScoreOptions::default()).expect("score"));
            let count = |c: Option<usize>| c.map_or_else(|| "—".to_string(), |c| c.to_string());
            println!(
                "| {} | {seed} | {} % {} | {} | {} | {} | {:.1} | {:.2} |",
                if by_dimension { "by_dimension" } else { "flat" },
                e.percentage_rounded,
                e.rank.label.as_deref().unwrap_or("no tier"),
                e.raise.as_ref().map_or("—", |r| &*r.label),
                count(e.raise.as_ref().and_then(|r| r.changes)),
                count(e.hold.as_ref().and_then(|h| h.changes)),
                d.as_secs_f64() * 1e3,
                s.as_secs_f64() * 1e3,
            );
        }
    }
}

fn main() {
    if std::env::var("EXPLAIN_STUDY").as_deref() != Ok("0") {
        study();
    }
    let mut c = Criterion::default().configure_from_args();
    let fw = Framework::builtin("undp-gender-seal-co", "2021.2").expect("framework");
    let mali = Assessment::from_json(MALI).expect("fixture");
    let options = ExplainOptions::default();
    let mut g = c.benchmark_group("Mali 2020, default framework");
    g.bench_function("explain", |b| {
        b.iter(|| explain(black_box(&fw), black_box(&mali), &options).expect("explain"))
    });
    g.bench_function("score (for scale)", |b| {
        b.iter(|| score(black_box(&fw), black_box(&mali), &ScoreOptions::default()).expect("score"))
    });
    g.finish();
    let mut g = c.benchmark_group("10,000 benchmarks");
    g.sample_size(10);
    for by_dimension in [false, true] {
        let (fw, a) = generated(100, 100, by_dimension, 1, false);
        let name = if by_dimension {
            "explain, by_dimension"
        } else {
            "explain, flat"
        };
        g.bench_function(name, |b| {
            b.iter(|| explain(black_box(&fw), black_box(&a), &options).expect("explain"))
        });
    }
    g.finish();
    c.final_summary();
}
