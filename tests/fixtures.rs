//! Every assessment in `fixtures/` scored against its framework, with the results of
//! fixtures/README.md (computed by hand with exact fractions). A new assessment fixture fails
//! this test until its expected result is added here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gender_seal::{Assessment, Framework, ScoreOptions, WarningCode, score};

/// Next tier id, points missing, and its failing gates as (benchmark, actual rating).
type Next = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

struct Expected {
    /// `percentage` (4 decimals, half even).
    percentage: &'static str,
    /// `percentage_rounded` (the framework's policy).
    official: &'static str,
    tier: Option<&'static str>,
    strong: bool,
    blocked: &'static [&'static str],
    /// Next tier, points missing, and its failing gates (benchmark, actual rating).
    next: Option<Next>,
    /// Dimension percentages, in framework order.
    dimensions: &'static [&'static str],
}

const DEFAULT_DIMS: usize = 7;

fn expected() -> BTreeMap<&'static str, Expected> {
    BTreeMap::from([
        (
            "mali-2020.json",
            Expected {
                percentage: "74.359",
                official: "74",
                tier: Some("silver"),
                strong: true,
                blocked: &[],
                next: Some((
                    "gold",
                    "6",
                    &[
                        ("MS1", "partially_met"),
                        ("PR3", "partially_met"),
                        ("GR2", "partially_met"),
                    ],
                )),
                dimensions: &[
                    "57.1429", "83.3333", "83.3333", "60", "83.3333", "100", "60",
                ],
            },
        ),
        (
            "mali-2021-projected.json",
            Expected {
                // 29 met + the 5 the whole 2021 plan raises = 34 of 39 = 87.179487…
                percentage: "87.1795",
                official: "87",
                tier: Some("silver"),
                strong: true,
                blocked: &["gold"],
                next: Some((
                    "gold",
                    "0",
                    &[("PR3", "partially_met"), ("GR2", "partially_met")],
                )),
                dimensions: &["85.7143", "100", "83.3333", "100", "83.3333", "100", "60"],
            },
        ),
        (
            "gold-office.json",
            Expected {
                percentage: "85.3659",
                official: "85",
                tier: Some("gold"),
                strong: false,
                blocked: &[],
                next: None,
                dimensions: &["100", "83.3333", "66.6667", "100", "100", "60", "80"],
            },
        ),
        (
            "bronze-office.json",
            Expected {
                percentage: "63.4146",
                official: "63",
                tier: Some("bronze"),
                strong: false,
                blocked: &[],
                next: Some(("silver", "7", &[])),
                dimensions: &["57.1429", "66.6667", "50", "60", "71.4286", "60", "80"],
            },
        ),
        (
            "no-tier-office.json",
            Expected {
                percentage: "36.5854",
                official: "37",
                tier: None,
                strong: false,
                blocked: &[],
                next: Some(("bronze", "23", &[])),
                dimensions: &["0", "16.6667", "50", "40", "42.8571", "40", "80"],
            },
        ),
        (
            "gated-office.json",
            Expected {
                percentage: "82.9268",
                official: "83",
                tier: Some("silver"),
                strong: true,
                blocked: &["gold"],
                next: Some(("gold", "0", &[("IC1", "partially_met"), ("PR3", "not_met")])),
                dimensions: &["100", "83.3333", "83.3333", "100", "85.7143", "40", "80"],
            },
        ),
        (
            "many-na-office.json",
            Expected {
                percentage: "68.9655",
                official: "69",
                tier: Some("bronze"),
                strong: true,
                blocked: &[],
                next: Some(("silver", "1", &[])),
                dimensions: &[
                    "66.6667", "33.3333", "66.6667", "50", "80", "66.6667", "100",
                ],
            },
        ),
        (
            "ee3-floor-office.json",
            Expected {
                percentage: "85.3659",
                official: "85",
                tier: None,
                strong: false,
                blocked: &["bronze", "silver", "gold"],
                next: Some(("bronze", "0", &[("EE3", "not_met")])),
                dimensions: &["100", "100", "66.6667", "100", "85.7143", "60", "80"],
            },
        ),
        (
            "by-dimension-office.json",
            Expected {
                percentage: "80.25",
                official: "80.2",
                tier: Some("gold"),
                strong: false,
                blocked: &[],
                next: None,
                dimensions: &["71.4286", "75", "75", "90", "78.5714", "62.5", "100"],
            },
        ),
        (
            "boundary-half.json",
            Expected {
                percentage: "79.5",
                official: "80",
                tier: Some("gold"),
                strong: false,
                blocked: &[],
                next: None,
                dimensions: &["79.5"],
            },
        ),
        (
            "boundary-below-half.json",
            Expected {
                percentage: "79.5",
                official: "79",
                tier: Some("silver"),
                strong: true,
                blocked: &[],
                next: Some(("gold", "1", &[])),
                dimensions: &["79.5"],
            },
        ),
    ])
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn json_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Every framework in `benchmarks/`, keyed by (id, version).
fn frameworks() -> BTreeMap<(String, String), Framework> {
    json_files("benchmarks")
        .iter()
        .map(|p| {
            let fw = Framework::from_path(p).unwrap();
            ((fw.id().to_string(), fw.version().to_string()), fw)
        })
        .collect()
}

/// Assessment files: the JSON files of `fixtures/` with an `evidence` object (plans and
/// expectation files live there too).
fn assessments() -> Vec<PathBuf> {
    json_files("fixtures")
        .into_iter()
        .filter(|p| {
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap_or_default();
            v.get("evidence").is_some_and(serde_json::Value::is_object)
        })
        .collect()
}

#[test]
fn every_fixture_scores_as_fixtures_readme_says() {
    let frameworks = frameworks();
    let mut expected = expected();
    let files = assessments();
    assert!(files.len() >= expected.len(), "{files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let want = expected
            .remove(name.as_str())
            .unwrap_or_else(|| panic!("{name}: no expected result in tests/fixtures.rs"));
        let a = Assessment::from_path(&path).unwrap();
        let key = (a.framework.id.clone(), a.framework.version.clone());
        let fw = frameworks
            .get(&key)
            .unwrap_or_else(|| panic!("{name}: no framework {key:?} in benchmarks/"));
        let card = score(fw, &a, &ScoreOptions::default()).unwrap();

        assert_eq!(card.percentage().to_string(), want.percentage, "{name}");
        assert_eq!(
            card.percentage_rounded().to_string(),
            want.official,
            "{name}"
        );
        let tier = card.tier();
        assert_eq!(tier.as_ref().map(|t| &*t.id), want.tier, "{name}");
        assert_eq!(card.tier().is_some_and(|t| t.strong), want.strong, "{name}");
        assert_eq!(card.rank().strong, want.strong, "{name}");
        let blocked = card.blocked();
        let blocked: Vec<&str> = blocked.iter().map(|b| &*b.id).collect();
        assert_eq!(blocked, want.blocked, "{name}");
        let next = card.next().map(|n| {
            let failing: Vec<(String, String)> = n
                .failing
                .iter()
                .map(|g| match g {
                    gender_seal::score::GateFailure::Benchmark {
                        benchmark, actual, ..
                    } => (benchmark.to_string(), actual.to_string()),
                    other => panic!("{name}: unexpected gate {other:?}"),
                })
                .collect();
            (n.id.to_string(), n.points_missing.to_string(), failing)
        });
        let want_next = want.next.map(|(id, missing, gates)| {
            let gates = gates
                .iter()
                .map(|(b, r)| (b.to_string(), r.to_string()))
                .collect();
            (id.to_string(), missing.to_string(), gates)
        });
        assert_eq!(next, want_next, "{name}");
        let dims: Vec<String> = card
            .dimensions()
            .map(|d| d.percentage.map(|p| p.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(dims, want.dimensions, "{name}");
        assert!(want.dimensions.len() == DEFAULT_DIMS || want.dimensions.len() == 1);

        // Only the small office carries warnings, on purpose (fixtures/README.md).
        let warnings: Vec<(WarningCode, Option<&str>)> = card
            .warnings()
            .iter()
            .map(|w| (w.code, w.benchmark.as_deref()))
            .collect();
        if name == "many-na-office.json" {
            assert_eq!(
                warnings,
                [
                    (WarningCode::MissingEvidence, Some("CK4")),
                    (WarningCode::NotApplicableWithoutNote, Some("PA5")),
                ],
                "{name}"
            );
        } else {
            assert!(warnings.is_empty(), "{name}: {warnings:?}");
        }
    }
    assert!(
        expected.is_empty(),
        "expected results without a fixture file: {:?}",
        expected.keys().collect::<Vec<_>>()
    );
}

#[test]
fn boundary_official_rounding_is_on_the_exact_value() {
    // The display value of boundary-below-half is "79.5" like boundary-half's, yet the
    // official figures differ: the official rounding never starts from the display value.
    let fw = Framework::from_path(root().join("benchmarks/tiny-boundary.json")).unwrap();
    let half = Assessment::from_path(root().join("fixtures/boundary-half.json")).unwrap();
    let below = Assessment::from_path(root().join("fixtures/boundary-below-half.json")).unwrap();
    let half = score(&fw, &half, &ScoreOptions::default()).unwrap();
    let below = score(&fw, &below, &ScoreOptions::default()).unwrap();
    assert_eq!(half.percentage(), below.percentage());
    assert_ne!(half.percentage_rounded(), below.percentage_rounded());
}
