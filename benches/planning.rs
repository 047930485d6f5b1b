//! Timing of the exact planner: `cheapest(gold)` and `best(30,000)` on generated plans of 16,
//! 32, 48 and 64 activities (1–3 effects each, costs drawn from 0 / 1,000 / 2,500 / 4,000 /
//! 5,000 / 7,500 / 10,000) against the default 41-benchmark framework.
//!
//! `cargo bench --bench planning` first prints the distribution over many generated plans per
//! size (median, 90th percentile, worst; search nodes), then runs criterion on a fixed batch.
//! `PLANNING_PLANS=N` sets the plans per size of the distribution (default 200);
//! `PLANNING_STUDY=0` skips it. The generator is a seeded SplitMix64: the same plans every run.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use gender_seal::plan::{Plan, Planner};
use gender_seal::{Assessment, Framework, Number, Rank};

const SIZES: [usize; 4] = [16, 32, 48, 64];
const COSTS: [u32; 7] = [0, 1000, 2500, 4000, 5000, 7500, 10000];
const BUDGET: u32 = 30_000;

#[path = "../tests/support/rng.rs"]
mod rng;
use rng::Rng;

/// Which baseline the plans are put over.
#[derive(Clone, Copy)]
enum Baseline {
    /// UNDP Mali 2020 (74 %, Silver-strong; 17 benchmarks below met).
    Mali,
    /// Every benchmark rated at random among not met, partially met and met.
    Random,
}

fn baseline(fw: &Framework, kind: Baseline, rng: &mut Rng) -> Assessment {
    match kind {
        Baseline::Mali => Assessment::from_path(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/mali-2020.json"
        ))
        .expect("fixture"),
        Baseline::Random => {
            let evidence: serde_json::Map<String, serde_json::Value> = fw
                .benchmarks()
                .iter()
                .map(|b| {
                    let r = &fw.ratings()[rng.below(fw.ratings().len())].id;
                    (b.id.to_string(), serde_json::json!({"rating": &**r}))
                })
                .collect();
            let doc = serde_json::json!({
                "framework": {"id": fw.id(), "version": fw.version()},
                "office": "generated",
                "evidence": evidence,
            });
            Assessment::from_json(doc.to_string().as_bytes()).expect("generated baseline")
        }
    }
}

/// A random plan over the benchmarks `base` does not rate not applicable (a plan cannot
/// bring those into the score: its effects there are refused).
fn plan(fw: &Framework, base: &Assessment, n: usize, rng: &mut Rng) -> Plan {
    let open: Vec<usize> = (0..fw.benchmarks().len())
        .filter(|&b| {
            !base.evidence.0.iter().any(|(id, e)| {
                *id == *fw.benchmarks()[b].id && e.rating.as_deref() == Some("not_applicable")
            })
        })
        .collect();
    let activities: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut used = Vec::new();
            let effects: Vec<serde_json::Value> = (0..1 + rng.below(3))
                .filter_map(|_| {
                    let b = open[rng.below(open.len())];
                    let r = 1 + rng.below(fw.ratings().len() - 1);
                    if used.contains(&b) {
                        return None;
                    }
                    used.push(b);
                    Some(serde_json::json!({
                        "benchmark": &*fw.benchmarks()[b].id,
                        "rating": &*fw.ratings()[r].id,
                    }))
                })
                .collect();
            serde_json::json!({
                "id": format!("A{i:02}"),
                "title": format!("activity {i}"),
                "cost": COSTS[rng.below(COSTS.len())],
                "quarter": 1 + rng.below(4),
                "effects": effects,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "framework": {"id": fw.id(), "version": fw.version()},
        "office": "generated",
        "activities": activities,
    });
    Plan::from_json(doc.to_string().as_bytes(), fw).expect("generated plan")
}

/// The generated cases of one size: (baseline, plan) pairs.
fn cases(fw: &Framework, kind: Baseline, n: usize, count: usize) -> Vec<(Assessment, Plan)> {
    let mut rng = Rng(0x5EA1_0000 + n as u64 * 7919 + kind as u64);
    (0..count)
        .map(|_| {
            let base = baseline(fw, kind, &mut rng);
            let plan = plan(fw, &base, n, &mut rng);
            (base, plan)
        })
        .collect()
}

/// Best of three runs, to keep scheduler noise out of sub-millisecond timings.
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

fn quantile(sorted: &[Duration], q: usize) -> Duration {
    sorted[(sorted.len() - 1) * q / 100]
}

fn micros(d: Duration) -> String {
    format!("{:.0}", d.as_nanos() as f64 / 1000.0)
}

fn study(fw: &Framework, count: usize) {
    let gold = Rank::parse_target(fw, "gold", gender_seal::i18n::Lang::EN).expect("gold");
    let budget = Number::from(BUDGET);
    println!(
        "| baseline | activities | question | median µs | p90 µs | worst µs | median nodes | worst nodes | feasible |"
    );
    println!("|---|---:|---|---:|---:|---:|---:|---:|---:|");
    for kind in [Baseline::Mali, Baseline::Random] {
        for n in SIZES {
            let cases = cases(fw, kind, n, count);
            for question in ["cheapest(gold)", "best(30000)"] {
                let mut times = Vec::with_capacity(count);
                let mut nodes = Vec::with_capacity(count);
                let mut feasible = 0;
                for (base, plan) in &cases {
                    let (d, choice) = time(|| {
                        let planner = Planner::new(fw, base, plan).expect("planner");
                        match question {
                            "cheapest(gold)" => planner.cheapest(gold),
                            _ => planner.best(Some(budget)),
                        }
                        .expect("answer")
                    });
                    times.push(d);
                    nodes.push(choice.nodes);
                    feasible += usize::from(choice.feasible);
                }
                times.sort();
                nodes.sort();
                let name = match kind {
                    Baseline::Mali => "Mali 2020",
                    Baseline::Random => "random",
                };
                println!(
                    "| {name} | {n} | {question} | {} | {} | {} | {} | {} | {feasible}/{count} |",
                    micros(quantile(&times, 50)),
                    micros(quantile(&times, 90)),
                    micros(quantile(&times, 100)),
                    nodes[(count - 1) / 2],
                    nodes[count - 1],
                );
            }
        }
    }
}

fn main() {
    let fw = Framework::builtin("undp-gender-seal-co", "2021.2").expect("framework");
    if std::env::var("PLANNING_STUDY").as_deref() != Ok("0") {
        let count = std::env::var("PLANNING_PLANS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(200);
        study(&fw, count);
    }
    let mut c = Criterion::default().configure_from_args();
    let gold = Rank::parse_target(&fw, "gold", gender_seal::i18n::Lang::EN).expect("gold");
    let mut group = c.benchmark_group("planning (batch of 20 Mali plans)");
    for n in SIZES {
        let batch = cases(&fw, Baseline::Mali, n, 20);
        group.bench_with_input(BenchmarkId::new("cheapest_gold", n), &batch, |b, batch| {
            b.iter(|| {
                for (base, plan) in batch {
                    let p = Planner::new(&fw, base, plan).expect("planner");
                    black_box(p.cheapest(gold).expect("answer"));
                }
            })
        });
        group.bench_with_input(BenchmarkId::new("best_30000", n), &batch, |b, batch| {
            b.iter(|| {
                for (base, plan) in batch {
                    let p = Planner::new(&fw, base, plan).expect("planner");
                    black_box(p.best(Some(Number::from(BUDGET))).expect("answer"));
                }
            })
        });
    }
    group.finish();
    c.final_summary();
}
