//! Generators of the planner's hard plan classes (issue #11), shared by the oracle tests and
//! `benches/plan_classes.rs` (`#[path]`-included): each [`case`] is a framework, a baseline
//! and a plan file as JSON, drawn with the seeded [`super::rng::Rng`] — the includer must also
//! include `rng.rs` as `rng`. The target is always the framework's `gold` tier.

use serde_json::{Value, json};

use super::rng::Rng;

/// The built-in framework's file (41 benchmarks of weight 1; `partially_met` earns nothing).
const BUILTIN: &str = include_str!("../../benchmarks/undp-co-2021.json");

/// A class of plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // each includer uses a different subset
pub enum Class {
    /// Equal costs, 3 effects to `met` each, on the built-in framework.
    Equal3,
    /// Equal costs, 4 to 6 effects to `met` each, on the built-in framework.
    Wide,
    /// One benchmark per activity and cost equal to the weight it gains, every weight even
    /// and the Gold threshold odd: no subset sums to it exactly, so the relaxation's bound is
    /// one short of the optimum and only enumeration of subset sums proves it.
    SubsetSum,
    /// One benchmark per activity and cost equal to the weight it gains, weights 10,000 to
    /// 10,100, and the Gold threshold just above the heaviest sets of some size: it falls
    /// strictly between the subset sums of two sizes, so the relaxation's bound is far below
    /// the optimum (the lightest sets one size up).
    SubsetGap,
    /// One benchmark per activity, weights 10,000 to 11,000, cost 0 to 10 % above the weight
    /// gained, Gold at about 60 % of the total: a covering knapsack whose ratios nearly tie.
    Knapsack,
    /// 1–3 effects, cost within ±10 % of the weight gained, on the built-in benchmarks with
    /// weights 1 to 20 and half credit for `partially_met`.
    Ratio,
    /// Many free activities and a few costed ones, on the built-in framework.
    ZeroFlood,
    /// Gate benchmarks reachable only by activities that raise them jointly, on the built-in
    /// framework.
    JointGates,
    /// The built-in benchmarks aggregated `by_dimension`, dimension and benchmark weights with
    /// 6 decimals (exact scores far beyond 2^100 units), 1–3 effects, varied costs.
    ByDimension6,
}

#[allow(dead_code)]
impl Class {
    /// Every class.
    pub const ALL: [Class; 9] = [
        Class::Equal3,
        Class::Wide,
        Class::SubsetSum,
        Class::SubsetGap,
        Class::Knapsack,
        Class::Ratio,
        Class::ZeroFlood,
        Class::JointGates,
        Class::ByDimension6,
    ];

    /// Short name, for file and table rows.
    pub fn name(self) -> &'static str {
        match self {
            Class::Equal3 => "equal3",
            Class::Wide => "wide",
            Class::SubsetSum => "subset_sum",
            Class::SubsetGap => "subset_gap",
            Class::Knapsack => "knapsack",
            Class::Ratio => "ratio",
            Class::ZeroFlood => "zero_flood",
            Class::JointGates => "joint_gates",
            Class::ByDimension6 => "by_dimension6",
        }
    }
}

/// One generated case.
pub struct Case {
    /// The framework file.
    pub framework: Value,
    /// The baseline: every benchmark at the lowest rating.
    pub baseline: Value,
    /// The plan file.
    pub plan: Value,
}

/// A case of class `class` with `n` activities.
#[allow(dead_code)]
pub fn case(class: Class, n: usize, rng: &mut Rng) -> Case {
    let framework = match class {
        Class::SubsetSum => subset_sum_framework(n, rng),
        Class::SubsetGap => subset_gap_framework(n, rng, false),
        Class::Knapsack => subset_gap_framework(n, rng, true),
        Class::Ratio => reweighted(rng, false),
        Class::ByDimension6 => reweighted(rng, true),
        _ => builtin(),
    };
    let benchmarks = benchmark_ids(&framework);
    let ratings: Vec<String> = framework["rating_scale"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["id"].as_str().map(str::to_string))
        .collect();
    let weight = weights(&framework);
    let top = ratings.len() - 1;
    // The first activities each raise one gated benchmark to the top rating, so that the
    // gates never make Gold unreachable on their own.
    let gated = gated_benchmarks(&framework, &benchmarks);
    let activities: Vec<Value> = (0..n)
        .map(|i| {
            let k = match class {
                Class::Equal3 => 3,
                Class::Wide => 4 + rng.below(3),
                Class::SubsetSum | Class::SubsetGap | Class::Knapsack => 1,
                Class::Ratio | Class::ByDimension6 => 1 + rng.below(3),
                Class::ZeroFlood => 1 + rng.below(2),
                Class::JointGates => 2 + rng.below(2),
            };
            let mut used: Vec<usize> = Vec::new();
            let mut effects = Vec::new();
            // Weight gained in tenths of a unit (half credit is 5 tenths).
            let mut gained = 0u64;
            while effects.len() < k {
                let b = match class {
                    Class::SubsetSum | Class::SubsetGap | Class::Knapsack => i,
                    // Every fourth activity raises two neighbouring gates, no other any.
                    Class::JointGates if i % 4 == 0 && effects.len() < 2 => {
                        gated[(i / 4 + effects.len()) % gated.len()]
                    }
                    Class::JointGates => rng.below(benchmarks.len()),
                    _ if effects.is_empty() && i < gated.len() => gated[i],
                    _ => rng.below(benchmarks.len()),
                };
                if used.contains(&b)
                    || (class == Class::JointGates && i % 4 != 0 && gated.contains(&b))
                {
                    continue;
                }
                used.push(b);
                // Three effects in four reach the top rating: lower ones earn little or
                // nothing on the built-in scale, and Gold needs 33 of 41 benchmarks met.
                let r = match class {
                    Class::Equal3
                    | Class::Wide
                    | Class::SubsetSum
                    | Class::SubsetGap
                    | Class::Knapsack => top,
                    Class::JointGates if i % 4 == 0 && effects.len() < 2 => top,
                    _ if effects.is_empty() && i < gated.len() => top,
                    _ if rng.chance(75) => top,
                    _ => 1 + rng.below(top),
                };
                gained += weight[b] * if r == top { 10 } else { 5 };
                effects.push(json!({"benchmark": benchmarks[b], "rating": ratings[r]}));
            }
            let cost = match class {
                Class::Equal3 | Class::Wide => 1000,
                Class::SubsetSum | Class::SubsetGap => gained / 10,
                Class::Knapsack => gained / 10 + rng.below(gained as usize / 100 + 1) as u64,
                Class::Ratio => gained * 90 + rng.below(gained as usize * 20 + 1) as u64,
                Class::ZeroFlood if rng.chance(75) => 0,
                Class::ZeroFlood => 1000,
                Class::JointGates => 500 * (1 + rng.below(8)) as u64,
                Class::ByDimension6 => 500 + rng.below(4500) as u64,
            };
            json!({
                "id": format!("A{i:02}"),
                "title": format!("activity {i}"),
                "cost": cost,
                "quarter": 1 + rng.below(4),
                "effects": effects,
            })
        })
        .collect();
    let named = json!({"id": framework["id"], "version": framework["version"]});
    let evidence: serde_json::Map<String, Value> = benchmarks
        .iter()
        .map(|b| (b.clone(), json!({"rating": ratings[0]})))
        .collect();
    Case {
        baseline: json!({"framework": named, "office": "generated", "evidence": evidence}),
        plan: json!({"framework": named, "office": "generated", "activities": activities}),
        framework,
    }
}

fn builtin() -> Value {
    serde_json::from_str(BUILTIN).unwrap_or(Value::Null)
}

fn benchmark_ids(framework: &Value) -> Vec<String> {
    benchmarks(framework)
        .filter_map(|b| b["id"].as_str().map(str::to_string))
        .collect()
}

/// Whole-unit weight of each benchmark (the generators only write whole weights, or 6-decimal
/// ones where the weight does not set a cost).
fn weights(framework: &Value) -> Vec<u64> {
    benchmarks(framework)
        .map(|b| b["weight"].as_u64().unwrap_or(1))
        .collect()
}

/// Indices of the benchmarks a tier gate names.
fn gated_benchmarks(framework: &Value, ids: &[String]) -> Vec<usize> {
    let mut out: Vec<usize> = framework["tiers"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["gates"].as_array().into_iter().flatten())
        .filter_map(|g| g["benchmark"].as_str())
        .filter_map(|b| ids.iter().position(|id| id == b))
        .collect();
    out.dedup();
    out
}

fn benchmarks(framework: &Value) -> impl Iterator<Item = &Value> {
    framework["dimensions"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|d| d["benchmarks"].as_array().into_iter().flatten())
}

/// The built-in framework with new benchmark weights (1 to 20, half credit for
/// `partially_met`), or aggregated `by_dimension` with 6-decimal dimension and benchmark
/// weights.
fn reweighted(rng: &mut Rng, by_dimension: bool) -> Value {
    let mut fw = builtin();
    fw["id"] = json!(if by_dimension {
        "generated-by-dimension"
    } else {
        "generated-ratio"
    });
    let six = |rng: &mut Rng| format!("{}.{:06}", 1 + rng.below(3), 1 + rng.below(999_998));
    if let Some(dims) = fw["dimensions"].as_array_mut() {
        for d in dims {
            if by_dimension {
                d["weight"] = json!(six(rng));
            }
            if let Some(bs) = d["benchmarks"].as_array_mut() {
                for b in bs {
                    b["weight"] = if by_dimension {
                        json!(six(rng))
                    } else {
                        json!(1 + rng.below(20))
                    };
                }
            }
        }
    }
    if by_dimension {
        fw["aggregation"] = json!("by_dimension");
    } else if let Some(scale) = fw["rating_scale"].as_array_mut() {
        scale[1]["credit"] = json!("0.5");
    }
    fw
}

/// `n` benchmarks weighing 10,000 to 10,100 and a Gold threshold (rounding down at 6
/// decimals, so exact) one unit above the heaviest `5n/8` of them: no `5n/8` reach it and
/// every larger set passes it by far. With `knapsack`: weights 10,000 to 11,000 and the
/// threshold at 60 % of the total plus up to 1,000.
fn subset_gap_framework(n: usize, rng: &mut Rng, knapsack: bool) -> Value {
    let spread = if knapsack { 1001 } else { 101 };
    let weights: Vec<u64> = (0..n).map(|_| 10_000 + rng.below(spread) as u64).collect();
    let total: u64 = weights.iter().sum();
    let mut sorted = weights.clone();
    sorted.sort_unstable();
    let k = 5 * n / 8;
    let need = if knapsack {
        total * 3 / 5 + rng.below(1001) as u64
    } else {
        sorted[n - k..].iter().sum::<u64>() + 1
    };
    // The least 6-decimal percentage at or above 100 need / total.
    let micros = (100_000_000 * u128::from(need)).div_ceil(u128::from(total));
    let gold = format!("{}.{:06}", micros / 1_000_000, micros % 1_000_000);
    one_dimension(
        "generated-subset-gap",
        &weights,
        6,
        json!([
            {"id": "bronze", "min": 10, "label": "Bronze"},
            {"id": "gold", "min": gold, "label": "Gold"}
        ]),
    )
}

/// A framework `id` of one dimension of benchmarks weighing `weights`, rated not met or met,
/// rounding down at `decimals`, with `tiers`.
fn one_dimension(id: &str, weights: &[u64], decimals: u32, tiers: Value) -> Value {
    let benchmarks: Vec<Value> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| json!({"id": format!("B{i:02}"), "title": "b", "weight": w}))
        .collect();
    json!({
        "id": id, "version": "1", "title": "generated",
        "rating_scale": [
            {"id": "not_met", "credit": 0, "label": "Not met"},
            {"id": "met", "credit": 1, "label": "Met"}
        ],
        "rounding": {"decimals": decimals, "mode": "down"},
        "dimensions": [{"id": "D", "title": "d", "benchmarks": benchmarks}],
        "tiers": tiers
    })
}

/// `n` benchmarks with even weights 20 to 200 and one tier ladder whose Gold threshold needs
/// an odd earned total (rounding down, so the threshold is exact).
fn subset_sum_framework(n: usize, rng: &mut Rng) -> Value {
    let weights: Vec<u64> = (0..n).map(|_| 2 * (10 + rng.below(91)) as u64).collect();
    let total: u64 = weights.iter().sum();
    // Earned E reaches min M when 100 E ≥ M × total; the least such E must be odd.
    let need = |m: u64| (m * total).div_ceil(100);
    let gold = (0..15u64)
        .flat_map(|d| [80 - d, 81 + d])
        .find(|&m| need(m) % 2 == 1)
        .unwrap_or(80);
    one_dimension(
        "generated-subset-sum",
        &weights,
        0,
        json!([
            {"id": "bronze", "min": 30, "label": "Bronze"},
            {"id": "silver", "min": 50, "label": "Silver"},
            {"id": "gold", "min": gold, "label": "Gold"}
        ]),
    )
}
