//! Generators of the planner's hard plan classes (issue #11), shared by the oracle tests and
//! `benches/plan_classes.rs` (`#[path]`-included): each gives a baseline and a plan file as
//! JSON against the built-in framework, drawn with the seeded [`super::rng::Rng`] — the
//! includer must also include `rng.rs` as `rng`.

use serde_json::{Value, json};

use super::rng::Rng;

/// A class of plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // each includer uses a different subset
pub enum Class {
    /// Equal costs, 3 effects each, over an all-not-met baseline.
    Equal3,
    /// Equal costs, 4 to 6 effects each, over an all-not-met baseline.
    Wide,
    /// Single effects to met, costs 1,000 to 9,000 (a subset-sum flavour).
    SubsetSum,
    /// 1–3 effects, cost about proportional to the weight gained.
    Ratio,
    /// Many free activities and a few costed ones.
    ZeroFlood,
    /// Gate benchmarks reachable only by activities that raise them jointly.
    JointGates,
}

#[allow(dead_code)]
impl Class {
    /// Every class.
    pub const ALL: [Class; 6] = [
        Class::Equal3,
        Class::Wide,
        Class::SubsetSum,
        Class::Ratio,
        Class::ZeroFlood,
        Class::JointGates,
    ];

    /// Short name, for file and table rows.
    pub fn name(self) -> &'static str {
        match self {
            Class::Equal3 => "equal3",
            Class::Wide => "wide",
            Class::SubsetSum => "subset_sum",
            Class::Ratio => "ratio",
            Class::ZeroFlood => "zero_flood",
            Class::JointGates => "joint_gates",
        }
    }
}

/// Benchmark ids and rating ids of the framework, in order (rating 0 is the lowest).
pub struct Shape {
    /// Benchmark ids.
    pub benchmarks: Vec<String>,
    /// Rating ids, lowest first.
    pub ratings: Vec<String>,
    /// Framework id and version.
    pub framework: (String, String),
}

/// The baseline (every benchmark at the lowest rating) as JSON.
#[allow(dead_code)]
pub fn baseline(shape: &Shape) -> Value {
    let evidence: serde_json::Map<String, Value> = shape
        .benchmarks
        .iter()
        .map(|b| (b.clone(), json!({"rating": shape.ratings[0]})))
        .collect();
    json!({
        "framework": {"id": shape.framework.0, "version": shape.framework.1},
        "office": "generated",
        "evidence": evidence,
    })
}

/// A plan of class `class` with `n` activities as JSON.
#[allow(dead_code)]
pub fn plan(shape: &Shape, class: Class, n: usize, rng: &mut Rng) -> Value {
    let nb = shape.benchmarks.len();
    let top = shape.ratings.len() - 1;
    let activities: Vec<Value> = (0..n)
        .map(|i| {
            let (k, cost) = match class {
                Class::Equal3 => (3, 1000),
                Class::Wide => (4 + rng.below(3), 1000),
                Class::SubsetSum => (1, 0),
                Class::Ratio => (1 + rng.below(3), 0),
                Class::ZeroFlood => (1 + rng.below(2), if rng.chance(75) { 0 } else { 1000 }),
                Class::JointGates => (2 + rng.below(2), 500 * (1 + rng.below(8)) as u64),
            };
            let mut used = Vec::new();
            let mut effects = Vec::new();
            let mut levels = 0usize;
            while effects.len() < k {
                let b = rng.below(nb);
                if used.contains(&b) {
                    continue;
                }
                used.push(b);
                let r = match class {
                    Class::SubsetSum => top,
                    Class::JointGates if effects.is_empty() => top,
                    _ => 1 + rng.below(top),
                };
                levels += r;
                effects.push(json!({"benchmark": shape.benchmarks[b], "rating": shape.ratings[r]}));
            }
            let cost = match class {
                // One benchmark to met each, costs 1,000 to 9,000: many sets of a size tie
                // on score, so the cost bound has little to prune (a subset-sum flavour;
                // the built-in framework weighs benchmarks alike, so not the exact
                // cost = weight construction).
                Class::SubsetSum => 1000 * (1 + rng.below(9)) as u64,
                Class::Ratio => (levels as u64) * 700 + rng.below(300) as u64,
                _ => cost,
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
    json!({
        "framework": {"id": shape.framework.0, "version": shape.framework.1},
        "office": "generated",
        "activities": activities,
    })
}
