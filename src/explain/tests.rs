use super::*;
use crate::framework::Framework;

/// A small framework: one dimension of three benchmarks (weights 1, 1, 2), a scale of three,
/// Base at `base_min` with a strong band, Top at 75 gated on B1 met and the dimension at 70 %.
fn framework(base_min: u32) -> Framework {
    let json = serde_json::json!({
        "id": "t", "version": "1", "title": "t",
        "rating_scale": [
            {"id": "no", "credit": 0, "label": "No"},
            {"id": "half", "credit": 0.5, "label": "Half"},
            {"id": "yes", "credit": 1, "label": "Yes"}
        ],
        "aggregation": "flat",
        "rounding": {"decimals": 0, "mode": "half_up"},
        "dimensions": [{"id": "D", "title": "d", "benchmarks": [
            {"id": "B1", "title": "b1", "weight": 1},
            {"id": "B2", "title": "b2", "weight": 1},
            {"id": "B3", "title": "b3", "weight": 2}
        ]}],
        "tiers": [
            {"id": "base", "min": base_min, "strong_from": 50, "label": "Base", "strong_label": "Base+"},
            {"id": "top", "min": 75, "label": "Top", "gates": [
                {"benchmark": "B1", "at_least": "yes"},
                {"dimension": "D", "at_least_percent": 70}
            ]}
        ]
    });
    Framework::from_json(json.to_string().as_bytes()).unwrap()
}

fn assessment(evidence: serde_json::Value) -> Assessment {
    let json = serde_json::json!({
        "framework": {"id": "t", "version": "1"}, "office": "o", "evidence": evidence
    });
    Assessment::from_json(json.to_string().as_bytes()).unwrap()
}

fn ids(changes: &[Change]) -> Vec<&str> {
    changes.iter().map(|c| &*c.id).collect()
}

#[test]
fn raises_the_gate_and_the_largest_gain() {
    let fw = framework(25);
    // 1.5 of 4 = 37.5 %: Base. Top needs B1 (gate) and 75 %: B1 and B3 give 3.5 of 4.
    let a = assessment(serde_json::json!({"B1": {"rating": "half"}, "B2": {"rating": "yes"}}));
    let e = explain(&fw, &a, &ExplainOptions::default()).unwrap();
    assert_eq!(e.rank.tier.as_deref(), Some("base"));
    let r = e.raise.unwrap();
    assert_eq!((&*r.target, r.reachable, r.changes), ("top", true, Some(2)));
    assert_eq!(ids(&r.benchmarks), ["B1", "B3"]);
    assert_eq!(r.benchmarks[1].basis, Basis::Missing);
    assert_eq!(r.result.rank.tier.as_deref(), Some("top"));
    // Holding Base (not strong, at 25): lowering B2 gives 0.5 of 4 = 13 %.
    let h = e.hold.unwrap();
    assert_eq!((h.losable, h.changes), (true, Some(1)));
    assert_eq!(ids(&h.benchmarks), ["B2"]);
}

#[test]
fn targets_already_reached_need_nothing_and_unreachable_ones_say_why() {
    let fw = framework(25);
    let a = assessment(serde_json::json!({"B1": {"rating": "not_applicable", "note": "n"}}));
    let base = Rank {
        level: 1,
        strong: false,
    };
    let options = ExplainOptions {
        target: Some(base),
        ..ExplainOptions::default()
    };
    // 0 of 3 = 0 %: no tier; B2 alone gives 1 of 3 = 33 %, Base (B3 would too, but B2
    // comes first).
    let e = explain(&fw, &a, &options).unwrap();
    let r = e.raise.unwrap();
    assert_eq!(ids(&r.benchmarks), ["B2"]);
    assert!(e.hold.is_none(), "no tier, nothing to hold");
    // Top gates on B1, rated not applicable: never reached.
    let top = Rank {
        level: 2,
        strong: false,
    };
    let options = ExplainOptions {
        target: Some(top),
        ..ExplainOptions::default()
    };
    let r = explain(&fw, &a, &options).unwrap().raise.unwrap();
    assert!(!r.reachable && r.changes.is_none());
    assert!(
        matches!(&r.failing[..], [GateFailure::Benchmark { benchmark, .. }] if &**benchmark == "B1")
    );
    assert_eq!(r.result.percentage_rounded, Decimal::from(100));
    // Asking for what is already reached.
    let a = assessment(serde_json::json!({"B3": {"rating": "yes"}}));
    let options = ExplainOptions {
        target: Some(base),
        ..ExplainOptions::default()
    };
    let r = explain(&fw, &a, &options).unwrap().raise.unwrap();
    assert_eq!((r.reachable, r.changes), (true, Some(0)));
}

#[test]
fn a_rank_at_zero_without_gates_cannot_be_lost() {
    let fw = framework(0);
    let a = assessment(serde_json::json!({}));
    let e = explain(&fw, &a, &ExplainOptions::default()).unwrap();
    assert_eq!(e.rank.tier.as_deref(), Some("base"));
    // Nothing is above 0 %: the rank cannot fall.
    let h = e.hold.unwrap();
    assert!(!h.losable && h.changes.is_none() && h.benchmarks.is_empty());
    // The default target is the tier above, not Base's strong band.
    assert_eq!(
        e.raise.map(|r| r.target.to_string()).as_deref(),
        Some("top")
    );
}

#[test]
fn default_targets_and_bad_targets() {
    let fw = framework(25);
    let r = |level, strong| Rank { level, strong };
    assert_eq!(next_rank(&fw, r(0, false)), Some(r(1, false)));
    assert_eq!(next_rank(&fw, r(1, true)), Some(r(2, false)));
    assert_eq!(next_rank(&fw, r(2, false)), None, "Top has no strong band");
    assert!(check_target(&fw, r(2, true)).is_err());
    assert!(check_target(&fw, r(3, false)).is_err());
    assert!(check_target(&fw, r(0, false)).is_err());
    assert_eq!(check_target(&fw, r(1, true)).ok(), Some(r(1, true)));
    // The default framework's Gold has no strong band: nothing above it.
    let builtin = Framework::builtin("undp-gender-seal-co", "2021.2").unwrap();
    let gold = r(builtin.tiers().len(), false);
    assert_eq!(next_rank(&builtin, gold), None);
}
