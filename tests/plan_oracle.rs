//! The optimiser against brute force: on random plans of up to 12 activities, over the default
//! framework and over random small frameworks (flat and by_dimension, benchmark and dimension
//! gates, strong qualifiers, every rounding mode), `cheapest` and `best` return exactly the set
//! the contract's tie-breaks pick among all subsets. Also: rank and percentage never fall as
//! activities are added, and the timeline never goes down.

use std::cmp::Ordering;

use gender_seal::num::Ratio;
use gender_seal::plan::{ActivitySet, Outcome, Plan, Planner};
use gender_seal::{Assessment, Framework, Number, Rank};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

#[path = "support/plan_classes.rs"]
mod plan_classes;
#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

fn random_framework(rng: &mut Rng) -> Framework {
    let credits = ["0", "0.2", "0.25", "0.333333", "0.5", "0.75", "1"];
    let nr = 2 + rng.below(3);
    let mut cs: Vec<usize> = (0..nr).map(|_| rng.below(credits.len())).collect();
    cs.sort_unstable();
    let scale: Vec<Value> = cs
        .iter()
        .enumerate()
        .map(|(i, &c)| json!({"id": format!("r{i}"), "credit": credits[c], "label": format!("R{i}")}))
        .collect();
    let by_dim = rng.chance(50);
    let weights = ["1", "2", "0.5", "3", "1.5", "0.000001", "7"];
    let nd = 1 + rng.below(3);
    let mut bench_ids = Vec::new();
    let dims: Vec<Value> = (0..nd)
        .map(|d| {
            let benches: Vec<Value> = (0..1 + rng.below(4))
                .map(|b| {
                    let id = format!("D{d}B{b}");
                    bench_ids.push(id.clone());
                    json!({"id": id, "title": "b", "weight": rng.pick(&weights)})
                })
                .collect();
            let mut dim = json!({"id": format!("D{d}"), "title": "d", "benchmarks": benches});
            if by_dim {
                dim["weight"] = json!(1 + rng.below(3));
            }
            dim
        })
        .collect();
    let nt = 1 + rng.below(3);
    let mut mins: Vec<u32> = Vec::new();
    while mins.len() < nt {
        let m = 10 + rng.below(86) as u32;
        if !mins.contains(&m) {
            mins.push(m);
        }
    }
    mins.sort_unstable();
    let tiers: Vec<Value> = (0..nt)
        .map(|t| {
            let min = mins[t];
            let upper = mins.get(t + 1).copied().unwrap_or(101);
            let mut tier = json!({"id": format!("t{t}"), "min": min, "label": format!("T{t}")});
            if upper - min >= 2 && rng.chance(60) {
                tier["strong_from"] = json!(min + 1 + rng.below((upper - min - 1) as usize) as u32);
                tier["strong_label"] = json!(format!("T{t}+"));
            }
            let gates: Vec<Value> = (0..rng.below(3))
                .map(|_| {
                    if rng.chance(60) {
                        json!({"benchmark": rng.pick(&bench_ids), "at_least": format!("r{}", 1 + rng.below(nr - 1))})
                    } else {
                        json!({"dimension": format!("D{}", rng.below(nd)), "at_least_percent": 20 + rng.below(70)})
                    }
                })
                .collect();
            tier["gates"] = json!(gates);
            tier
        })
        .collect();
    let modes = ["half_up", "half_even", "down"];
    let doc = json!({
        "id": "random", "version": "1", "title": "random",
        "rating_scale": scale,
        "aggregation": if by_dim { "by_dimension" } else { "flat" },
        "rounding": {"decimals": rng.below(3), "mode": rng.pick(&modes)},
        "dimensions": dims,
        "tiers": tiers,
    });
    Framework::from_json(doc.to_string().as_bytes()).expect("random framework is valid")
}

fn random_baseline(fw: &Framework, rng: &mut Rng) -> Assessment {
    let mut evidence = serde_json::Map::new();
    for b in fw.benchmarks() {
        match rng.below(10) {
            0 => {}
            1 => {
                evidence.insert(
                    b.id.to_string(),
                    json!({"rating": "not_applicable", "note": "n"}),
                );
            }
            _ => {
                let r = &fw.ratings()[rng.below(fw.ratings().len())].id;
                evidence.insert(b.id.to_string(), json!({"rating": &**r}));
            }
        }
    }
    let doc = json!({"framework": {"id": fw.id(), "version": fw.version()}, "office": "o", "evidence": evidence});
    Assessment::from_json(doc.to_string().as_bytes()).expect("baseline")
}

/// A random plan of up to `max` activities with effects only on applicable benchmarks.
fn random_plan(
    fw: &Framework,
    base: &Assessment,
    max: usize,
    separable: bool,
    rng: &mut Rng,
) -> Option<Plan> {
    let entries = base.resolve(fw, false).ok()?.entries;
    let applicable: Vec<usize> = (0..fw.benchmarks().len())
        .filter(|&b| entries[b].rating.is_some())
        .collect();
    if applicable.is_empty() {
        return None;
    }
    let costs = ["0", "1", "2", "2.5", "3", "5", "0.000001"];
    let n = rng.below(max + 1);
    // Separable: no two activities name the same benchmark (the Pareto front's plans).
    let mut shared = Vec::new();
    let acts: Vec<Value> = (0..n)
        .map(|i| {
            let mut own = Vec::new();
            let used = if separable { &mut shared } else { &mut own };
            let effects: Vec<Value> = (0..rng.below(4))
                .filter_map(|_| {
                    let b = *rng.pick(&applicable);
                    if used.contains(&b) {
                        return None;
                    }
                    used.push(b);
                    let bench = &fw.benchmarks()[b];
                    let id = &*bench.id;
                    match &bench.rule {
                        Some(rule) if rng.chance(50) => {
                            let (lo, hi) = rule.bounds.map_or((0, 100), |(l, h)| {
                                (
                                    l.value().trunc().try_into().unwrap_or(0),
                                    h.value().trunc().try_into().unwrap_or(100),
                                )
                            });
                            let v: i64 = lo + rng.below((hi - lo + 1) as usize) as i64;
                            Some(json!({"benchmark": id, "value": v}))
                        }
                        _ => {
                            let r = &fw.ratings()[rng.below(fw.ratings().len())].id;
                            Some(json!({"benchmark": id, "rating": &**r}))
                        }
                    }
                })
                .collect();
            // Ids whose byte order differs from their index order, with shared prefixes.
            let id = format!("{}.{i}", rng.pick(&["a", "B", "a1", "b"]));
            json!({
                "id": id, "title": "t", "cost": rng.pick(&costs), "quarter": 1 + rng.below(4),
                "committed": rng.chance(12), "effects": effects,
            })
        })
        .collect();
    let doc = json!({"framework": {"id": fw.id(), "version": fw.version()}, "office": "o", "activities": acts});
    Some(Plan::from_json(doc.to_string().as_bytes(), fw).expect("random plan"))
}

/// Every subset containing the committed activities, evaluated by the scoring core.
fn all_subsets(p: &Planner<'_>) -> Vec<(ActivitySet, Outcome)> {
    let plan = p.plan();
    let n = plan.activities().len();
    let committed = plan.committed();
    (0u64..1 << n)
        .map(ActivitySet::from_bits)
        .filter(|s| s.union(committed) == *s)
        .map(|s| (s, p.evaluate(s).expect("evaluate")))
        .collect()
}

fn ids(plan: &Plan, s: ActivitySet) -> Vec<Vec<u8>> {
    plan.ids(s).iter().map(|i| i.as_bytes().to_vec()).collect()
}

/// docs/plan.md tie-breaks after the primary criteria: fewer activities, smallest id list.
fn tail(plan: &Plan, a: ActivitySet, b: ActivitySet) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| ids(plan, a).cmp(&ids(plan, b)))
}

fn brute_cheapest(
    plan: &Plan,
    table: &[(ActivitySet, Outcome)],
    target: Rank,
) -> Option<ActivitySet> {
    table
        .iter()
        .filter(|(_, o)| o.rank >= target)
        .min_by(|(a, oa), (b, ob)| {
            oa.cost
                .cmp(&ob.cost)
                .then_with(|| ob.percentage.cmp(&oa.percentage))
                .then_with(|| tail(plan, *a, *b))
        })
        .map(|(s, _)| *s)
}

fn brute_best(
    plan: &Plan,
    table: &[(ActivitySet, Outcome)],
    budget: Decimal,
) -> Option<ActivitySet> {
    table
        .iter()
        .filter(|(_, o)| o.cost <= budget)
        .min_by(|(a, oa), (b, ob)| {
            ob.rank
                .cmp(&oa.rank)
                .then_with(|| ob.percentage.cmp(&oa.percentage))
                .then_with(|| oa.cost.cmp(&ob.cost))
                .then_with(|| tail(plan, *a, *b))
        })
        .map(|(s, _)| *s)
}

fn targets(fw: &Framework) -> Vec<Rank> {
    let mut out = Vec::new();
    for (i, t) in fw.tiers().iter().enumerate() {
        out.push(Rank {
            level: i + 1,
            strong: false,
        });
        if t.strong_from.is_some() {
            out.push(Rank {
                level: i + 1,
                strong: true,
            });
        }
    }
    out
}

/// Checks every target and a few budgets against brute force.
fn check(
    fw: &Framework,
    base: &Assessment,
    plan: &Plan,
    rng: &mut Rng,
) -> Result<(), TestCaseError> {
    let p = Planner::new(fw, base, plan).expect("planner");
    let table = all_subsets(&p);
    for target in targets(fw) {
        let got = p.cheapest(target).expect("cheapest");
        match brute_cheapest(plan, &table, target) {
            Some(want) => {
                prop_assert!(
                    got.feasible,
                    "target {target} reachable but reported infeasible"
                );
                prop_assert_eq!(plan.ids(got.set), plan.ids(want), "cheapest {}", target);
            }
            None => {
                prop_assert!(
                    !got.feasible,
                    "target {target} unreachable but reported feasible"
                );
                let all = plan.cost(plan.all());
                let want = brute_best(plan, &table, all).expect("some set");
                prop_assert_eq!(
                    plan.ids(got.set),
                    plan.ids(want),
                    "best reachable for {}",
                    target
                );
            }
        }
        let o = p.evaluate(got.set).expect("evaluate");
        prop_assert_eq!(
            (o.cost, o.rank, &o.percentage),
            (got.cost, got.rank, &got.percentage)
        );
    }
    let committed = plan.cost(plan.committed());
    let total = plan.cost(plan.all());
    let mut budgets = vec![committed, total, Decimal::new(25, 1), Decimal::from(5)];
    budgets.push(Decimal::from(rng.below(12)));
    for budget in budgets {
        let number: Number = budget.try_into().expect("budget");
        let got = p.best(Some(number));
        if budget < committed {
            prop_assert!(
                got.is_err(),
                "committed cost above the budget must be an error"
            );
            continue;
        }
        let got = got.expect("best");
        let want = brute_best(plan, &table, budget).expect("some set");
        prop_assert_eq!(plan.ids(got.set), plan.ids(want), "best within {}", budget);
    }
    // Monotone: adding an activity never lowers rank or percentage.
    for (s, o) in &table {
        for i in 0..plan.activities().len() {
            let t = s.with(i);
            if let Some((_, ot)) = table.iter().find(|(x, _)| *x == t) {
                prop_assert!(ot.rank >= o.rank && ot.percentage >= o.percentage);
            }
        }
    }
    // The timeline of the whole plan never goes down.
    let line = p
        .timeline(plan.all(), gender_seal::i18n::Lang::EN)
        .expect("timeline");
    for w in line.windows(2) {
        prop_assert!(w[1].rank >= w[0].rank);
        prop_assert!(w[1].percentage >= w[0].percentage && w[1].cost >= w[0].cost);
    }
    Ok(())
}

fn default_fw() -> Framework {
    Framework::builtin("undp-gender-seal-co", "2021.2").expect("builtin")
}

proptest! {
    // PLAN_ORACLE_CASES=5000 for a long run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PLAN_ORACLE_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(96),
        ..ProptestConfig::default()
    })]

    #[test]
    fn optimiser_equals_brute_force_on_random_frameworks(seed in any::<u64>()) {
        let mut rng = Rng(seed);
        let fw = random_framework(&mut rng);
        let base = random_baseline(&fw, &mut rng);
        if let Some(plan) = random_plan(&fw, &base, 10, false, &mut rng) {
            check(&fw, &base, &plan, &mut rng)?;
        }
    }

    #[test]
    fn optimiser_equals_brute_force_on_the_default_framework(seed in any::<u64>()) {
        let mut rng = Rng(seed);
        let fw = default_fw();
        let base = if rng.chance(50) {
            Assessment::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json")).expect("mali")
        } else {
            random_baseline(&fw, &mut rng)
        };
        if let Some(plan) = random_plan(&fw, &base, 12, false, &mut rng) {
            check(&fw, &base, &plan, &mut rng)?;
        }
    }

    /// Plans where no two activities raise the same benchmark, answered by the Pareto front
    /// (src/plan/front.rs) unless a dimension gate is still to reach.
    #[test]
    fn optimiser_equals_brute_force_on_separable_plans(seed in any::<u64>()) {
        let mut rng = Rng(seed);
        let fw = if rng.chance(50) { default_fw() } else { random_framework(&mut rng) };
        let base = random_baseline(&fw, &mut rng);
        if let Some(plan) = random_plan(&fw, &base, 12, true, &mut rng) {
            check(&fw, &base, &plan, &mut rng)?;
        }
    }
}

/// A tiny work budget still answers: a valid set (it reaches the target when brute force says
/// one does), `optimal` false unless proven, and the bound holds: `lower_bound` ≤ the true
/// optimum ≤ the set's cost for `cheapest`, the true best percentage ≤ `upper_bound` for
/// `best`.
fn check_tiny_budget(
    fw: &Framework,
    base: &Assessment,
    plan: &Plan,
    work: u64,
) -> Result<(), TestCaseError> {
    let exact = Planner::new(fw, base, plan).expect("planner");
    let p = Planner::new(fw, base, plan)
        .expect("planner")
        .with_limit(gender_seal::plan::Limit::Work(work));
    let table = all_subsets(&exact);
    for target in targets(fw) {
        let got = p.cheapest(target).expect("cheapest");
        let o = p.evaluate(got.set).expect("evaluate");
        prop_assert_eq!(o.cost, got.cost);
        match brute_cheapest(plan, &table, target) {
            Some(want) => {
                prop_assert!(got.feasible && o.rank >= target);
                let opt = table
                    .iter()
                    .find(|(s, _)| *s == want)
                    .expect("in table")
                    .1
                    .cost;
                prop_assert!(opt <= got.cost);
                if got.optimal {
                    prop_assert_eq!(plan.ids(got.set), plan.ids(want));
                } else {
                    let lb = got.lower_bound.expect("lower bound");
                    prop_assert!(lb <= opt, "lower bound {} above optimum {}", lb, opt);
                }
            }
            None => prop_assert!(!got.feasible),
        }
    }
    let total = plan.cost(plan.all());
    for budget in [total / Decimal::from(3), total] {
        let budget = budget.round_dp(6);
        let number: Number = budget.try_into().expect("budget");
        let Ok(got) = p.best(Some(number)) else {
            continue;
        };
        prop_assert!(got.cost <= budget);
        let want = brute_best(plan, &table, budget).expect("some set");
        let best = &table.iter().find(|(s, _)| *s == want).expect("in table").1;
        if got.optimal {
            prop_assert_eq!(plan.ids(got.set), plan.ids(want));
        } else {
            let ub = got.upper_bound.expect("upper bound");
            prop_assert!(
                ub >= best.percentage,
                "upper bound below the best percentage"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PLAN_ORACLE_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(6),
        ..ProptestConfig::default()
    })]

    // 2^14 subsets per case, twice (slow in debug builds): PLAN_ORACLE_CASES raises it.
    #[test]
    fn hard_classes_equal_brute_force(seed in any::<u64>(), class in 0usize..9, n in 8usize..=14) {
        let mut rng = Rng(seed);
        let class = plan_classes::Class::ALL[class];
        let mut case = plan_classes::case(class, n, &mut rng);
        // Half the time two activities share a benchmark, so that the one-benchmark classes
        // reach the branch and bound as well as the Pareto front.
        if rng.chance(50) {
            share_a_benchmark(&mut case.plan);
        }
        let fw = Framework::from_json(case.framework.to_string().as_bytes()).expect("framework");
        // The all-not-met baseline, or one with a random share of benchmarks already met (so
        // that the tiers are within reach of 14 activities).
        let top = fw.ratings()[fw.ratings().len() - 1].id.to_string();
        let share = if rng.chance(25) { 0 } else { 40 + rng.below(40) };
        if let Some(ev) = case.baseline["evidence"].as_object_mut() {
            for v in ev.values_mut() {
                if rng.chance(share) {
                    *v = json!({"rating": top});
                }
            }
        }
        let base = Assessment::from_json(case.baseline.to_string().as_bytes()).expect("baseline");
        let plan = Plan::from_json(case.plan.to_string().as_bytes(), &fw).expect("plan");
        check(&fw, &base, &plan, &mut rng)?;
        check_tiny_budget(&fw, &base, &plan, 1 + rng.below(200) as u64)?;
    }

    #[test]
    fn a_tiny_budget_gives_a_valid_set_and_a_true_bound(seed in any::<u64>()) {
        let mut rng = Rng(seed);
        let fw = random_framework(&mut rng);
        let base = random_baseline(&fw, &mut rng);
        if let Some(plan) = random_plan(&fw, &base, 10, rng.chance(50), &mut rng) {
            check_tiny_budget(&fw, &base, &plan, 1 + rng.below(100) as u64)?;
        }
    }
}

#[test]
fn percentages_are_exact_rationals() {
    // 2900/39 for Mali (29 of 39 applicable met): the exact value, not a rounded one.
    let fw = default_fw();
    let base = Assessment::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/mali-2020.json"
    ))
    .expect("mali");
    let plan = Plan::from_path(
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2021-plan.json"),
        &fw,
    )
    .expect("plan");
    let p = Planner::new(&fw, &base, &plan).expect("planner");
    let o = p.evaluate(ActivitySet::EMPTY).expect("evaluate");
    let want = Ratio::new(2900.into(), 39.into());
    assert_eq!(o.percentage, want);
}

/// The branch and bound's bounds that prove the hard classes (the dual of the covering LP, the
/// count bound) at 64 activities: each of these plans is proven within a work budget a search
/// without that bound runs out of (`by_dimension6` needs the dual, `subset_gap` the count
/// bound). `subset_gap` activities each raise a benchmark of their own, which the Pareto front
/// would answer; the last one also raising the first one's keeps it to the branch and bound.
#[test]
fn hard_classes_are_proven_within_a_small_budget() {
    use plan_classes::Class;
    for (class, work) in [(Class::ByDimension6, 300_000), (Class::SubsetGap, 300_000)] {
        let mut rng = Rng(0x11_0000 + 64 * 131 + class as u64);
        for k in 0..3 {
            let mut case = plan_classes::case(class, 64, &mut rng);
            if class == Class::SubsetGap {
                share_a_benchmark(&mut case.plan);
            }
            let fw = Framework::from_json(case.framework.to_string().as_bytes()).expect("fw");
            let base = Assessment::from_json(case.baseline.to_string().as_bytes()).expect("base");
            let plan = Plan::from_json(case.plan.to_string().as_bytes(), &fw).expect("plan");
            let gold = Rank::parse_target(&fw, "gold", gender_seal::i18n::Lang::EN).expect("gold");
            let c = Planner::new(&fw, &base, &plan)
                .expect("planner")
                .with_limit(gender_seal::plan::Limit::Work(work))
                .cheapest(gold)
                .expect("answer");
            assert!(c.optimal, "{} plan {k} not proven: {c:?}", class.name());
        }
    }
}

/// Makes the last activity of `plan` also raise a benchmark its first raises (one it does not
/// name yet), so that two activities share it.
fn share_a_benchmark(plan: &mut Value) {
    let Some(acts) = plan["activities"].as_array_mut() else {
        panic!("a plan without activities");
    };
    let first = acts[0]["effects"].as_array().cloned().unwrap_or_default();
    let Some(last) = acts.last_mut().and_then(|a| a["effects"].as_array_mut()) else {
        panic!("an activity without effects");
    };
    let named = |e: &Value| last.iter().any(|l| l["benchmark"] == e["benchmark"]);
    if let Some(e) = first.iter().find(|e| !named(e)).cloned() {
        last.push(e);
    }
}
