//! Framework loader: any bytes. A framework that loads scores the fixtures (with its id and
//! version swapped in) and assessments built from its own benchmarks: every rating in turn,
//! not applicable, and values on each rule threshold.
#![no_main]

#[path = "common.rs"]
mod common;

use gender_seal::{Assessment, Evidence, Framework, FrameworkRef, UniqueMap};
use libfuzzer_sys::fuzz_target;

fn own_assessment(fw: &Framework, turn: usize) -> Assessment {
    let ratings = fw.ratings().len();
    let evidence = fw
        .benchmarks()
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let pick = i + turn;
            let threshold = b
                .rule
                .as_ref()
                .and_then(|r| r.steps.get(pick % r.steps.len().max(1)))
                .map(|s| s.0);
            let (rating, value) = match (pick % 4, threshold) {
                (0, Some(t)) => (None, Some(t)),
                (1, _) if b.allow_not_applicable => (Some("not_applicable".to_string()), None),
                _ => (Some(fw.ratings()[pick % ratings].id.to_string()), None),
            };
            let evidence = Evidence {
                rating,
                value,
                sources: Vec::new(),
                status: None,
                note: None,
            };
            (b.id.to_string(), evidence)
        })
        .collect();
    Assessment {
        schema: None,
        framework: FrameworkRef::of(fw),
        office: "fuzz".into(),
        period: None,
        evidence: UniqueMap(evidence),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(fw) = Framework::from_json(data) else {
        return;
    };
    for turn in 0..4 {
        common::score_both_ways(&fw, &own_assessment(&fw, turn));
    }
    for a in common::ASSESSMENTS.iter() {
        let mut a = a.clone();
        a.framework = FrameworkRef::of(&fw);
        common::score_both_ways(&fw, &a);
    }
});
