//! Shared by the fuzz targets: the real frameworks and assessments, parsed once, and a scorer
//! that must never panic.

#![allow(dead_code)] // each target uses part of it

use std::sync::LazyLock;

use gender_seal::{Assessment, Framework, ScoreOptions, score};

/// The repository's frameworks.
pub static FRAMEWORKS: LazyLock<Vec<Framework>> = LazyLock::new(|| {
    [
        include_str!("../../benchmarks/undp-co-2021.json"),
        include_str!("../../benchmarks/undp-co-2021-by-dimension.json"),
        include_str!("../../benchmarks/tiny-boundary.json"),
    ]
    .iter()
    .filter_map(|s| Framework::from_json(s.as_bytes()).ok())
    .collect()
});

/// The repository's assessments.
pub static ASSESSMENTS: LazyLock<Vec<Assessment>> = LazyLock::new(|| {
    [
        include_str!("../../fixtures/mali-2020.json"),
        include_str!("../../fixtures/by-dimension-office.json"),
        include_str!("../../fixtures/boundary-half.json"),
        include_str!("../../fixtures/many-na-office.json"),
    ]
    .iter()
    .filter_map(|s| Assessment::from_json(s.as_bytes()).ok())
    .collect()
});

/// Scores with and without a version mismatch allowed; renders what scores.
pub fn score_both_ways(fw: &Framework, a: &Assessment) {
    for allow_version_mismatch in [false, true] {
        let options = ScoreOptions {
            allow_version_mismatch,
            lang: gender_seal::i18n::Lang::FR,
        };
        match score(fw, a, &options) {
            Ok(card) => {
                let _ = serde_json::to_string(&card);
                for format in [
                    gender_seal::Format::Json,
                    gender_seal::Format::Text,
                    gender_seal::Format::Markdown,
                ] {
                    let _ = gender_seal::report::scorecard(&card, format);
                }
            }
            Err(e) => assert!(!e.problems().is_empty()),
        }
    }
}
