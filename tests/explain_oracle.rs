//! `explain` against brute force: on random frameworks (flat and by_dimension, every rounding
//! mode and 0–6 decimals, strong bands, benchmark and dimension gates, rule benchmarks, not
//! applicable entries, missing evidence) and random assessments, for every target rank of the
//! ladder and the default one, `raise` and `hold` give exactly the count, the set (smallest
//! sorted id list among the smallest sets) and the reachability that trying every subset of
//! the benchmarks that can move gives, with ranks computed by the model's independent scorer
//! (`model/`). Benchmark ids are renamed so that their byte order differs from the framework's
//! order. The reported results and unreachability reasons agree with the model too. On the
//! default framework (its Gold gates and Bronze floor), random near-Gold assessments are
//! checked the same way with the library's own scorer as the judge of each subset.

mod model;

use gender_seal::explain::{ExplainOptions, Explanation, explain};
use gender_seal::{Assessment, Framework, Rank};
use model::{As, Ev, Expected, Fw, GateM};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// Most benchmarks that can move for brute force to try every subset.
const MAX_MOVABLE: usize = 14;

fn rank_of(e: &Expected) -> Rank {
    Rank {
        level: e.tier.map_or(0, |t| t + 1),
        strong: e.strong,
    }
}

/// Renames every benchmark (in the framework, its gates and the evidence) so that byte order
/// mixes dimensions, case and shared prefixes.
fn rename(fw: &mut Fw, a: &mut As, seed: u64) {
    let mut rng = Rng(seed);
    let prefixes = ["a", "B", "a1", "b", "Z", "a10"];
    let mut map = Vec::new();
    let mut n = 0;
    for d in &mut fw.dims {
        for b in &mut d.benchmarks {
            let new = format!("{}.{n}", rng.pick(&prefixes));
            n += 1;
            map.push((b.id.clone(), new.clone()));
            b.id = new;
        }
    }
    let lookup = |id: &str| {
        map.iter()
            .find(|(old, _)| old == id)
            .map_or_else(|| id.to_string(), |(_, new)| new.clone())
    };
    for t in &mut fw.tiers {
        for g in &mut t.gates {
            if let GateM::Bench { id, .. } = g {
                *id = lookup(id);
            }
        }
    }
    for (id, _, _) in &mut a.evidence {
        *id = lookup(id);
    }
}

/// Every rank of the ladder: each tier, and its strong rank where it has one.
fn targets(fw: &Fw) -> Vec<Rank> {
    let mut out = Vec::new();
    for (i, t) in fw.tiers.iter().enumerate() {
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

/// The model's result of subsets of `movable` moved to rating `to`, computed when first asked.
struct Table<'a> {
    fw: &'a Fw,
    base: &'a [Option<usize>],
    movable: &'a [usize],
    to: usize,
    cache: Vec<Option<Option<Expected>>>,
    /// Every subset, grouped by size.
    by_size: Vec<Vec<u32>>,
}

impl<'a> Table<'a> {
    fn new(fw: &'a Fw, base: &'a [Option<usize>], movable: &'a [usize], to: usize) -> Self {
        let n = movable.len();
        let mut by_size = vec![Vec::new(); n + 1];
        for mask in 0u32..1 << n {
            by_size[mask.count_ones() as usize].push(mask);
        }
        Table {
            fw,
            base,
            movable,
            to,
            cache: vec![None; 1 << n],
            by_size,
        }
    }

    fn get(&mut self, mask: u32) -> Option<&Expected> {
        let slot = &mut self.cache[mask as usize];
        if slot.is_none() {
            let mut r = self.base.to_vec();
            for (k, &b) in self.movable.iter().enumerate() {
                if mask & (1 << k) != 0 {
                    r[b] = Some(self.to);
                }
            }
            *slot = Some(model::expected_from(self.fw, r));
        }
        slot.as_ref().and_then(Option::as_ref)
    }

    /// Every subset tried, smallest first: of the smallest accepted, the smallest sorted id
    /// list.
    fn brute(&mut self, ids: &[String], accept: impl Fn(Rank) -> bool) -> Option<Vec<String>> {
        for k in 0..self.by_size.len() {
            let mut best: Option<Vec<String>> = None;
            for i in 0..self.by_size[k].len() {
                let mask = self.by_size[k][i];
                if !self.get(mask).is_some_and(|e| accept(rank_of(e))) {
                    continue;
                }
                let mut set: Vec<String> = (0..self.movable.len())
                    .filter(|j| mask & (1 << j) != 0)
                    .map(|j| ids[self.movable[j]].clone())
                    .collect();
                set.sort();
                if best.as_ref().is_none_or(|b| set < *b) {
                    best = Some(set);
                }
            }
            if best.is_some() {
                return best;
            }
        }
        None
    }
}

fn ids_of(changes: &[gender_seal::explain::Change]) -> Vec<String> {
    changes.iter().map(|c| c.id.to_string()).collect()
}

/// The model's result for a reported set moved to rating `to`.
fn model_after(
    fw: &Fw,
    ids: &[String],
    base: &[Option<usize>],
    set: &[String],
    to: usize,
) -> Option<Expected> {
    let mut r = base.to_vec();
    for id in set {
        let b = ids.iter().position(|x| x == id)?;
        r[b] = Some(to);
    }
    model::expected_from(fw, r)
}

fn run(framework: &Framework, a: &Assessment, target: Option<Rank>) -> Explanation {
    let options = ExplainOptions {
        target,
        ..ExplainOptions::default()
    };
    explain(framework, a, &options).unwrap_or_else(|e| panic!("explain failed: {e}"))
}

fn check(fw: &Fw, a: &As) -> Result<(), TestCaseError> {
    let base = model::ratings(fw, a);
    let Some(now) = model::expected(fw, a) else {
        return Ok(()); // nothing applicable: not scorable, nothing to explain
    };
    let top = fw.credits.len() - 1;
    let ids: Vec<String> = fw.benchmarks().map(|(_, b)| b.id.clone()).collect();
    let up: Vec<usize> = (0..base.len())
        .filter(|&b| base[b].is_some_and(|r| r < top))
        .collect();
    let down: Vec<usize> = (0..base.len())
        .filter(|&b| base[b].is_some_and(|r| r > 0))
        .collect();
    if up.len() > MAX_MOVABLE || down.len() > MAX_MOVABLE {
        return Ok(());
    }
    let framework = Framework::from_json(&model::bytes(&model::framework_json(fw)))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let assessment = Assessment::from_json(&model::bytes(&model::assessment_json(fw, a)))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let rank = rank_of(&now);
    let mut raised = Table::new(fw, &base, &up, top);

    for target in targets(fw).into_iter().map(Some).chain([None]) {
        let e = run(&framework, &assessment, target);
        prop_assert_eq!(e.rank.level, rank.level);
        prop_assert_eq!(e.rank.strong, rank.strong);
        let want_target = target.or_else(|| next_rank(fw, rank));
        let Some(want_target) = want_target else {
            prop_assert!(
                e.raise.is_none(),
                "nothing above {rank}: raise must be null"
            );
            continue;
        };
        let r = e.raise.as_ref().expect("a raise part");
        prop_assert_eq!(
            (r.target.to_string(), r.strong),
            (
                fw.tiers[want_target.level - 1].id.clone(),
                want_target.strong
            )
        );
        let want = if rank >= want_target {
            Some(Vec::new())
        } else {
            raised.brute(&ids, |r| r >= want_target)
        };
        prop_assert_eq!(r.reachable, want.is_some(), "reachable {}", want_target);
        match want {
            Some(set) => {
                prop_assert_eq!(r.changes, Some(set.len()));
                prop_assert_eq!(
                    ids_of(&r.benchmarks),
                    set.clone(),
                    "raise set for {}",
                    want_target
                );
                let after = model_after(fw, &ids, &base, &set, top).expect("scorable");
                prop_assert_eq!(r.result.percentage_rounded, after.official);
                prop_assert_eq!(r.result.rank.level, rank_of(&after).level);
                prop_assert!(r.benchmarks.iter().all(|c| !c.assumed));
            }
            None => {
                prop_assert_eq!(r.changes, None);
                prop_assert!(r.benchmarks.is_empty());
                // Every benchmark that can rise at the top, and the reason it is not enough.
                let full = (1u32 << up.len()) - 1;
                let all = raised.get(full).expect("scorable");
                prop_assert_eq!(r.result.percentage_rounded, all.official);
                prop_assert!(
                    !r.failing.is_empty() || r.points_missing > rust_decimal::Decimal::ZERO,
                    "unreachable without a reason"
                );
            }
        }
    }

    let e = run(&framework, &assessment, None);
    if rank.level == 0 {
        prop_assert!(e.hold.is_none());
        return Ok(());
    }
    let mut lowered = Table::new(fw, &base, &down, 0);
    let want = lowered.brute(&ids, |r| r < rank);
    let h = e.hold.as_ref().expect("a hold part");
    prop_assert_eq!(h.losable, want.is_some());
    match want {
        Some(set) => {
            prop_assert_eq!(h.changes, Some(set.len()));
            prop_assert_eq!(ids_of(&h.benchmarks), set.clone(), "hold set");
            let after = model_after(fw, &ids, &base, &set, 0).expect("scorable");
            prop_assert!(rank_of(&after) < rank);
            prop_assert_eq!(h.result.percentage_rounded, after.official);
        }
        None => {
            prop_assert_eq!(h.changes, None);
            prop_assert!(h.benchmarks.is_empty());
        }
    }
    Ok(())
}

/// The default target: the next tier, or at the top tier its strong rank.
fn next_rank(fw: &Fw, rank: Rank) -> Option<Rank> {
    let n = fw.tiers.len();
    if rank.level < n {
        return Some(Rank {
            level: rank.level + 1,
            strong: false,
        });
    }
    let top = fw.tiers.last()?;
    (!rank.strong && top.strong_from.is_some()).then_some(Rank {
        level: n,
        strong: true,
    })
}

proptest! {
    // EXPLAIN_ORACLE_CASES=5000 for a long run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("EXPLAIN_ORACLE_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(80),
        ..ProptestConfig::default()
    })]

    #[test]
    fn explain_equals_brute_force((fw, a) in model::framework_and_assessment(), seed in any::<u64>()) {
        let (mut fw, mut a) = (fw, a);
        rename(&mut fw, &mut a, seed);
        check(&fw, &a)?;
    }

    #[test]
    fn explain_equals_brute_force_with_gates_everywhere(
        (fw, a) in model::framework_and_assessment(),
        seed in any::<u64>(),
    ) {
        // The same with more gates: every tier gets a benchmark gate and a dimension gate.
        let (mut fw, mut a) = (fw, a);
        let mut rng = Rng(seed ^ 0x5eed);
        let benches: Vec<String> = fw.benchmarks().map(|(_, b)| b.id.clone()).collect();
        let dims: Vec<String> = fw.dims.iter().map(|d| d.id.clone()).collect();
        let n = fw.credits.len();
        for t in &mut fw.tiers {
            t.gates.push(GateM::Bench { id: rng.pick(&benches).clone(), at_least: rng.below(n) });
            t.gates.push(GateM::Dim { id: rng.pick(&dims).clone(), percent: (rng.below(201) as i64) * model::M / 2 });
        }
        // Some evidence turned into "not applicable" or left out.
        for (id, ev, note) in &mut a.evidence {
            let allowed = fw.bench(id).is_some_and(|b| b.allow_na);
            if allowed && rng.chance(10) {
                *ev = Ev::NotApplicable;
                *note = Some("n".into());
            }
        }
        if rng.chance(30) && !a.evidence.is_empty() {
            let k = rng.below(a.evidence.len());
            a.evidence.remove(k);
        }
        rename(&mut fw, &mut a, seed);
        check(&fw, &a)?;
    }
}

/// A random assessment of the default framework: most benchmarks met, the others anywhere on
/// the scale, a few not applicable or without evidence.
fn near_top(fw: &Framework, rng: &mut Rng) -> Assessment {
    use gender_seal::{Evidence, FrameworkRef, UniqueMap};
    let mut evidence = Vec::new();
    for b in fw.benchmarks() {
        let rating = match rng.below(100) {
            0..=74 => fw.ratings().last().map(|r| r.id.to_string()),
            75..=79 if b.allow_not_applicable => Some("not_applicable".to_string()),
            80..=84 => None,
            _ => Some(rng.pick(fw.ratings()).id.to_string()),
        };
        if let Some(rating) = rating {
            let ev = Evidence {
                rating: Some(rating),
                value: None,
                sources: Vec::new(),
                note: Some("n".into()),
                // Some ratings assumed, so the sets' `assumed` marks are checked too.
                status: (rng.below(4) == 0).then_some(gender_seal::EvidenceStatus::Assumed),
            };
            evidence.push((b.id.to_string(), ev));
        }
    }
    Assessment {
        framework: FrameworkRef::of(fw),
        office: "generated".into(),
        period: None,
        evidence: UniqueMap(evidence),
        schema: None,
    }
}

/// The rank of `a` with the benchmarks of `mask` (indices into `movable`) rated `to`.
fn scored(fw: &Framework, a: &Assessment, movable: &[usize], mask: u64, to: usize) -> Rank {
    let mut a = a.clone();
    for (k, &b) in movable.iter().enumerate() {
        if mask & (1 << k) == 0 {
            continue;
        }
        let id = &*fw.benchmarks()[b].id;
        let ev = gender_seal::Evidence {
            rating: Some(fw.ratings()[to].id.to_string()),
            value: None,
            sources: Vec::new(),
            note: None,
            status: None,
        };
        match a.evidence.0.iter_mut().find(|(x, _)| x == id) {
            Some((_, e)) => *e = ev,
            None => a.evidence.0.push((id.to_string(), ev)),
        }
    }
    gender_seal::score(fw, &a, &gender_seal::ScoreOptions::default())
        .map(|c| c.rank())
        .unwrap_or_default()
}

/// Subsets of at most `max` benchmarks, smallest first, judged by `accept`: of the smallest
/// accepted, the smallest sorted id list.
fn brute_scored(
    fw: &Framework,
    a: &Assessment,
    movable: &[usize],
    to: usize,
    max: usize,
    accept: impl Fn(Rank) -> bool,
) -> Option<Vec<String>> {
    let n = movable.len();
    for k in 0..=max.min(n) {
        let mut best: Option<Vec<String>> = None;
        // Combinations of k positions, in lexicographic order of positions.
        let mut pick: Vec<usize> = (0..k).collect();
        loop {
            let mask = pick.iter().fold(0u64, |m, &j| m | (1 << j));
            if accept(scored(fw, a, movable, mask, to)) {
                let mut set: Vec<String> = pick
                    .iter()
                    .map(|&j| fw.benchmarks()[movable[j]].id.to_string())
                    .collect();
                set.sort();
                if best.as_ref().is_none_or(|b| set < *b) {
                    best = Some(set);
                }
            }
            // The next combination: raise the last position that can still rise.
            let Some(i) = (0..k).rev().find(|&i| pick[i] < n - k + i) else {
                break;
            };
            pick[i] += 1;
            for j in i + 1..k {
                pick[j] = pick[j - 1] + 1;
            }
        }
        if best.is_some() {
            return best;
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("EXPLAIN_ORACLE_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(24),
        ..ProptestConfig::default()
    })]

    #[test]
    fn explain_equals_brute_force_on_the_default_framework(seed in any::<u64>()) {
        let fw = Framework::builtin("undp-gender-seal-co", "2021.2").expect("built in");
        let a = near_top(&fw, &mut Rng(seed));
        let resolved = a.resolve(&fw, false).expect("resolves");
        let top = fw.ratings().len() - 1;
        let ratings: Vec<Option<usize>> = resolved.entries.iter().map(|e| e.rating).collect();
        let up: Vec<usize> = (0..ratings.len()).filter(|&b| ratings[b].is_some_and(|r| r < top)).collect();
        let down: Vec<usize> = (0..ratings.len()).filter(|&b| ratings[b].is_some_and(|r| r > 0)).collect();
        let rank = scored(&fw, &a, &[], 0, 0);
        for target in [Rank { level: 3, strong: false }, Rank { level: 2, strong: true }] {
            if up.len() > 12 {
                break;
            }
            let e = run(&fw, &a, Some(target));
            let r = e.raise.as_ref().expect("a target was given");
            let want = brute_scored(&fw, &a, &up, top, up.len(), |r| r >= target);
            prop_assert_eq!(r.reachable, want.is_some());
            prop_assert_eq!(want.map(|w| (w.len(), w)), r.changes.map(|c| (c, ids_of(&r.benchmarks))));
            // Each benchmark of the set is marked assumed exactly when its evidence is.
            for c in &r.benchmarks {
                let i = fw.benchmark_index(&c.id).expect("known");
                prop_assert_eq!(c.assumed, resolved.is_assumed(i), "{}", c.id);
            }
        }
        // Hold: every subset when few benchmarks can fall; else every subset up to the size
        // found, when that is at most 2 (nothing smaller works, and the first of that size).
        let e = run(&fw, &a, None);
        if let Some(h) = &e.hold {
            let max = match h.changes {
                _ if down.len() <= 12 => down.len(),
                Some(c) if c <= 2 => c,
                _ => return Ok(()),
            };
            let want = brute_scored(&fw, &a, &down, 0, max, |r| r < rank);
            prop_assert_eq!(want.map(|w| (w.len(), w)), h.changes.map(|c| (c, ids_of(&h.benchmarks))));
        }
    }
}
