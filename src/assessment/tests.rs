//! The one-pass resolution and the general path give equal entries and warnings, so equal
//! scorecards.

use super::*;
use crate::framework::NOT_APPLICABLE;
use crate::i18n::Lang;
use crate::score::Scorecard;

#[path = "../../tests/support/rng.rs"]
mod rng;
use rng::Rng;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn frameworks() -> Vec<Framework> {
    let dir = std::path::Path::new(ROOT).join("benchmarks");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let fws: Vec<Framework> = paths
        .iter()
        .filter_map(|p| Framework::from_path(p).ok())
        .collect();
    assert_eq!(
        fws.len(),
        paths.len(),
        "every framework in benchmarks/ loads"
    );
    fws
}

fn lenient() -> ResolveOptions {
    ResolveOptions {
        allow_version_mismatch: true,
        allow_framework_mismatch: true,
        ignore_unknown_benchmarks: true,
    }
}

/// Both paths agree, down to the scorecard; returns whether the one-pass path took the
/// assessment.
fn agree(fw: &Framework, a: &Assessment, lang: Lang) -> bool {
    let Some(fast) = a.resolve_in_order(fw) else {
        return false;
    };
    for options in [ResolveOptions::default(), lenient()] {
        assert_eq!(Ok(fast.clone()), a.resolve_any_order(fw, &options));
    }
    let card = |r: Resolved| {
        Scorecard::build(
            crate::score::Shared::Borrowed(fw),
            crate::score::named(a),
            r.entries,
            r.warnings,
            lang,
        )
    };
    let general = a.resolve_any_order(fw, &ResolveOptions::default());
    assert_eq!(
        card(fast),
        general.and_then(card),
        "{} / {}",
        fw.id(),
        a.office
    );
    true
}

#[test]
fn both_paths_agree_on_every_fixture() {
    let fws = frameworks();
    let dir = std::path::Path::new(ROOT).join("fixtures");
    let mut fast = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(a) = Assessment::from_path(entry.path()) else {
            continue; // plans and expectations
        };
        for fw in &fws {
            for lang in [Lang::EN, Lang::FR] {
                if agree(fw, &a, lang) {
                    fast.push((a.office.clone(), fw.id().to_string()));
                }
            }
        }
    }
    // The realistic documents take the one-pass scorer (the test would prove nothing else).
    for (office, fw) in [
        ("UNDP Mali", "undp-gender-seal-co"),
        (
            "UNDP Plainsland (fictional)",
            "undp-gender-seal-co-by-dimension",
        ),
    ] {
        assert!(
            fast.iter().any(|(o, f)| o == office && f == fw),
            "{office} on {fw} should take the one-pass scorer: {fast:?}"
        );
    }
}

/// Evidence statuses drawn for generated evidence (a status never changes a rating).
const STATUSES: [Option<EvidenceStatus>; 4] = [
    None,
    Some(EvidenceStatus::Documented),
    Some(EvidenceStatus::Verified),
    Some(EvidenceStatus::Assumed),
];

/// Evidence for benchmark `bi` of `fw`, drawn from valid and invalid kinds.
fn evidence(rng: &mut Rng, fw: &Framework, bi: usize) -> Evidence {
    let b = &fw.benchmarks()[bi];
    let mut ev = Evidence {
        status: *rng.pick(&STATUSES),
        rating: None,
        value: None,
        sources: Vec::new(),
        note: rng.chance(70).then(|| "why".to_string()),
    };
    match rng.below(20) {
        0 => ev.rating = Some(NOT_APPLICABLE.to_string()),
        1 => ev.rating = Some("no_such_rating".to_string()),
        2 => {}
        3 => {
            ev.rating = Some(fw.ratings()[0].id.to_string());
            ev.value = Some(Number::from(1));
        }
        4..=10 if b.rule.is_some() => {
            // Mostly within [0, 100], sometimes beyond the bounds.
            let micros = rng.below(110_000_001) as i64 - 5_000_000;
            ev.value = Some(Number::from_micros(micros));
        }
        11 => ev.value = Some(Number::from(50)),
        _ => ev.rating = Some(rng.pick(fw.ratings()).id.to_string()),
    }
    ev
}

/// A random assessment of `fw`: usually complete and in order and valid, sometimes not.
fn assessment(rng: &mut Rng, fw: &Framework) -> Assessment {
    let mut a = Assessment {
        schema: None,
        framework: FrameworkRef::of(fw),
        office: "Generated".to_string(),
        period: None,
        evidence: Default::default(),
    };
    let sound = rng.chance(50);
    for bi in 0..fw.benchmarks().len() {
        let ev = if sound {
            let b = &fw.benchmarks()[bi];
            let mut ev = Evidence {
                status: *rng.pick(&STATUSES),
                rating: Some(rng.pick(fw.ratings()).id.to_string()),
                value: None,
                sources: Vec::new(),
                note: None,
            };
            if b.rule.is_some() && rng.chance(50) {
                ev.rating = None;
                ev.value = Some(Number::from_micros(rng.below(100_000_001) as i64));
            } else if b.allow_not_applicable && rng.chance(10) {
                ev.rating = Some(NOT_APPLICABLE.to_string());
                ev.note = Some("out of scope".to_string());
            }
            ev
        } else {
            evidence(rng, fw, bi)
        };
        if sound || !rng.chance(5) {
            a.evidence.0.push((fw.benchmarks()[bi].id.to_string(), ev));
        }
    }
    let n = a.evidence.0.len();
    if !sound && n > 1 && rng.chance(30) {
        a.evidence.0.swap(rng.below(n), rng.below(n));
    }
    if !sound && rng.chance(10) {
        a.framework.version = "0".to_string();
    }
    if !sound && rng.chance(5) {
        a.evidence.0.push(("XX9".to_string(), evidence(rng, fw, 0)));
    }
    a
}

#[test]
fn both_paths_agree_on_generated_assessments() {
    let mut rng = Rng(0x5EA1);
    let (mut fast, mut general) = (0, 0);
    for fw in frameworks() {
        for _ in 0..400 {
            let a = assessment(&mut rng, &fw);
            if agree(&fw, &a, Lang::FR) {
                fast += 1;
            } else {
                general += 1;
            }
            // Whatever the path, resolve_with is the general path's answer.
            for options in [ResolveOptions::default(), lenient()] {
                assert_eq!(
                    a.resolve_with(&fw, &options),
                    a.resolve_any_order(&fw, &options)
                );
            }
        }
    }
    assert!(
        fast > 400 && general > 400,
        "{fast} one-pass, {general} general"
    );
}
