//! Hostile inputs through the public API (issue #10 class 7): a planner given a framework of
//! the plan's id and version but other benchmarks, or a hand-built resolution, refuses with an
//! error instead of indexing out of bounds.

use gender_seal::assessment::{Basis, Entry, Resolved};
use gender_seal::{Assessment, ErrorKind, Framework, Plan, Planner};

/// A framework `hostile` version 1 with benchmarks `ids`, all weight 1.
fn framework(ids: &[&str]) -> Framework {
    let benchmarks: Vec<String> = ids
        .iter()
        .map(|id| format!(r#"{{"id": "{id}", "title": "b", "weight": 1}}"#))
        .collect();
    let text = format!(
        r#"{{"id": "hostile", "version": "1", "title": "Hostile",
        "rating_scale": [{{"id": "not_met", "credit": 0, "label": "Not met"}},
                         {{"id": "met", "credit": 1, "label": "Met"}}],
        "rounding": {{"decimals": 0, "mode": "half_up"}},
        "dimensions": [{{"id": "D", "title": "d", "benchmarks": [{}]}}],
        "tiers": [{{"id": "bronze", "min": 50, "label": "Bronze"}}]}}"#,
        benchmarks.join(",")
    );
    Framework::from_json(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

fn baseline() -> Assessment {
    Assessment::from_json(
        br#"{"framework": {"id": "hostile", "version": "1"}, "office": "O", "period": "1",
             "evidence": {}}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// A plan raising the last of `ids`, validated against `fw`.
fn plan(fw: &Framework, on: &str) -> Plan {
    let text = format!(
        r#"{{"framework": {{"id": "hostile", "version": "1"}}, "office": "O",
        "activities": [{{"id": "A", "title": "a", "cost": 1,
                         "effects": [{{"benchmark": "{on}", "rating": "met"}}]}}]}}"#
    );
    Plan::from_json(text.as_bytes(), fw).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_framework_with_fewer_benchmarks_is_refused() {
    let big = framework(&["B1", "B2", "B3", "B4"]);
    let small = framework(&["B1", "B2"]);
    let plan = plan(&big, "B4");
    let a = baseline();
    let e = Planner::new(&small, &a, &plan).map(|_| ()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request);
    assert_eq!(
        e.problems()[0].message,
        "the plan's effect activities[0].effects[0] on 'B4': it was not made against this framework 'hostile' version '1' (2 benchmarks, 2 ratings)"
    );
}

#[test]
fn a_framework_with_the_benchmarks_in_another_order_is_refused() {
    let one = framework(&["B1", "B2"]);
    let other = framework(&["B2", "B1"]);
    let plan = plan(&one, "B2");
    let a = baseline();
    let e = Planner::new(&other, &a, &plan).map(|_| ()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request);
    assert!(e.problems()[0].message.contains("on 'B2'"), "{e}");
    // The framework it was made against is accepted.
    assert!(Planner::new(&one, &a, &plan).is_ok());
}

#[test]
fn a_hand_built_resolution_is_checked() {
    let fw = framework(&["B1", "B2"]);
    let plan = plan(&fw, "B2");
    let a = baseline();
    let entry = |rating| Entry {
        rating,
        basis: Basis::Rated,
        value: None,
        status: None,
    };
    let short = Resolved {
        entries: vec![entry(Some(0))],
        warnings: vec![],
    };
    let e = Planner::from_resolved(&fw, &a, short, &plan)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request);
    assert_eq!(
        e.problems()[0].message,
        "the baseline's resolution has 1 entries: it was not made against this framework 'hostile' version '1' (2 benchmarks, 2 ratings)"
    );
    let bad_rating = Resolved {
        entries: vec![entry(Some(0)), entry(Some(7))],
        warnings: vec![],
    };
    let e = Planner::from_resolved(&fw, &a, bad_rating, &plan)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request);
    assert!(
        e.problems()[0]
            .message
            .contains("benchmark 2 with rating 7"),
        "{e}"
    );
    let good = Resolved {
        entries: vec![entry(Some(0)), entry(Some(1))],
        warnings: vec![],
    };
    assert!(Planner::from_resolved(&fw, &a, good, &plan).is_ok());
}

/// An expectations path `link/../a.json` where `link` is a symbolic link opens what the
/// operating system opens: `a.json` beside the link's target, not beside the link.
#[cfg(unix)]
#[test]
fn a_dot_dot_after_a_symbolic_link_follows_the_operating_system() {
    use std::fs;
    use std::path::PathBuf;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("symlink-dot-dot");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("target/inner")).unwrap_or_else(|e| panic!("{e}"));
    let copy = |from: &str, to: &str| {
        fs::copy(root.join(from), dir.join(to)).unwrap_or_else(|e| panic!("{e}"));
    };
    copy("fixtures/gold-office.json", "a.json"); // beside the link
    copy("fixtures/mali-2020.json", "target/a.json"); // beside the link's target
    std::os::unix::fs::symlink(dir.join("target/inner"), dir.join("link"))
        .unwrap_or_else(|e| panic!("{e}"));
    let framework = root.join("benchmarks/undp-co-2021.json");
    let expectations = serde_json::json!({
        "framework": framework.display().to_string(),
        "cases": [{"name": "through the link", "assessment": "link/../a.json",
                   "expect": {"tier": "silver"}}]
    });
    let path = dir.join("expectations.json");
    fs::write(&path, expectations.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let report = gender_seal::expect::check_file(&path).unwrap_or_else(|e| panic!("{e}"));
    let case = &report.cases[0];
    assert_eq!(case.office, "UNDP Mali");
    assert!(case.passed, "{case:?}");
    // The path is shown as given: the `..` after the link is not folded away.
    assert!(
        case.assessment.ends_with("link/../a.json"),
        "{}",
        case.assessment
    );
    assert_eq!(
        fs::read(&case.assessment).ok(),
        fs::read(dir.join("target/a.json")).ok()
    );
}
