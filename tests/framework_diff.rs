//! `diff`: the same evidence under the default framework and its stricter variant.

use std::path::PathBuf;

use gender_seal::diff::{Diff, Movement, diff};
use gender_seal::i18n::Lang;
use gender_seal::{Assessment, ErrorKind, Format, Framework, ScoreOptions, score};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn framework(file: &str) -> Framework {
    Framework::from_path(root().join("benchmarks").join(file)).unwrap_or_else(|e| panic!("{e}"))
}

/// The fixtures written for the default framework, as `fixtures/NAME.json`.
const DEFAULT_FIXTURES: [&str; 7] = [
    "mali-2020",
    "gold-office",
    "bronze-office",
    "no-tier-office",
    "gated-office",
    "many-na-office",
    "ee3-floor-office",
];

fn assessments(names: &[&str]) -> Vec<(String, Assessment)> {
    names
        .iter()
        .map(|n| {
            let file = format!("fixtures/{n}.json");
            let a = Assessment::from_path(root().join(&file)).unwrap_or_else(|e| panic!("{e}"));
            (file, a)
        })
        .collect()
}

/// The diff rendered in `format`, with the labels of the frameworks it compares.
fn render(d: &Diff, from: &Framework, to: &Framework, format: Format) -> String {
    gender_seal::report::diff(d, from, to, format)
        .into_text()
        .unwrap()
}

fn default_to_strict(lang: Lang) -> Diff {
    let (from, to) = (
        framework("undp-co-2021.json"),
        framework("undp-co-2021-strict.json"),
    );
    diff(&from, &to, &assessments(&DEFAULT_FIXTURES), lang).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn strict_framework_moves_mali_down_and_raises_percentages() {
    let d = default_to_strict(Lang::EN);
    let label =
        |s: &gender_seal::diff::Side| s.tier.as_ref().map_or("none", |t| &*t.label).to_string();
    let moves: Vec<String> = d
        .offices
        .iter()
        .map(|o| {
            format!(
                "{} {:?}: {} -> {}, {} points",
                o.file,
                o.movement,
                label(&o.from),
                label(&o.to),
                o.points
            )
        })
        .collect();
    assert_eq!(
        moves,
        [
            "fixtures/mali-2020.json Down: Silver-strong -> Bronze-strong, 0 points",
            "fixtures/gold-office.json Same: Gold -> Gold, 3 points",
            "fixtures/bronze-office.json Same: Bronze -> Bronze, 2 points",
            "fixtures/no-tier-office.json Same: none -> none, 1 points",
            "fixtures/gated-office.json Same: Silver-strong -> Silver-strong, 2 points",
            "fixtures/many-na-office.json Same: Bronze-strong -> Bronze-strong, 0 points",
            "fixtures/ee3-floor-office.json Same: none -> none, 3 points",
        ]
    );
    let s = d.summary;
    assert_eq!(
        (s.offices, s.up, s.down, s.same, s.changed),
        (7, 0, 1, 6, 6)
    );
    // The retired PA5 is reported for every office that has evidence for it, never fatal.
    assert!(d.offices.iter().all(|o| o.from.ignored.is_empty()));
    assert!(
        d.offices
            .iter()
            .all(|o| o.to.ignored.iter().map(|b| &**b).eq(["PA5"]))
    );
    // Mali had PA5 not applicable already: 29 of 39 either way, 74 % < the stricter 75.
    assert_eq!(d.offices[0].to.percentage_rounded.to_string(), "74");
    // Lakeland keeps Gold: its IC dimension is 5 of 6 = 83.3 %, above the new 80 % gate.
    assert!(d.offices[1].to.blocked.is_empty());
}

#[test]
fn reverse_diff_moves_them_up_and_same_framework_changes_nothing() {
    let (from, to) = (
        framework("undp-co-2021-strict.json"),
        framework("undp-co-2021.json"),
    );
    let d = diff(&from, &to, &assessments(&DEFAULT_FIXTURES), Lang::EN)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((d.summary.up, d.summary.down), (1, 0));
    assert!(
        d.offices
            .iter()
            .all(|o| o.to.ignored.is_empty() && o.from.ignored.iter().map(|b| &**b).eq(["PA5"]))
    );
    let d =
        diff(&to, &to, &assessments(&DEFAULT_FIXTURES), Lang::EN).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.summary.changed, 0);
    assert_eq!(d.summary.same, 7);
}

#[test]
fn another_framework_id_is_scored_and_noted() {
    let (from, to) = (
        framework("undp-co-2021-by-dimension.json"),
        framework("undp-co-2021.json"),
    );
    let d = diff(&from, &to, &assessments(&["by-dimension-office"]), Lang::EN)
        .unwrap_or_else(|e| panic!("{e}"));
    let o = &d.offices[0];
    // Fixture README: 80.2 Gold by dimension (half credit), 58 no tier flat under the
    // default (met ÷ applicable: 23 of 40).
    assert_eq!(o.from.percentage_rounded.to_string(), "80.2");
    assert_eq!(o.to.percentage_rounded.to_string(), "58");
    assert_eq!(o.movement, Movement::Down);
    assert_eq!(o.written_for.id, "undp-gender-seal-co-by-dimension");
    let text = render(&d, &from, &to, Format::Text);
    assert!(
        !text.contains("written for"),
        "written for one side: no note\n{text}"
    );
    let strict = framework("undp-co-2021-strict.json");
    let d = diff(
        &to,
        &strict,
        &assessments(&["by-dimension-office"]),
        Lang::EN,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let text = render(&d, &to, &strict, Format::Text);
    assert!(
        text.contains(
            "written for undp-gender-seal-co-by-dimension 2021.1: UNDP Plainsland (fictional)"
        ),
        "{text}"
    );
}

#[test]
fn benchmarks_without_evidence_are_noted_and_bad_evidence_is_still_an_error() {
    // Reverse of a retirement: a benchmark the assessment has no evidence for.
    let raw = std::fs::read_to_string(root().join("benchmarks/undp-co-2021-strict.json"))
        .unwrap_or_default();
    let mut doc: serde_json::Value = serde_json::from_str(&raw).unwrap_or_default();
    doc["version"] = "2021.2".into();
    doc["dimensions"][6]["benchmarks"][0]["id"] = "GR9".into();
    let bytes = serde_json::to_vec(&doc).unwrap_or_default();
    let extra = Framework::from_json(&bytes).unwrap_or_else(|e| panic!("{e}"));
    let from = framework("undp-co-2021.json");
    let d = diff(&from, &extra, &assessments(&["mali-2020"]), Lang::EN)
        .unwrap_or_else(|e| panic!("{e}"));
    let o = &d.offices[0];
    assert_eq!(
        o.to.unrated.iter().map(|b| &**b).collect::<Vec<_>>(),
        ["GR9"]
    );
    let mut ignored: Vec<&str> = o.to.ignored.iter().map(|b| &**b).collect();
    ignored.sort_unstable();
    assert_eq!(ignored, ["GR1", "PA5"]);
    let text = render(&d, &from, &extra, Format::Text);
    assert!(
        text.contains(
            "no evidence for GR9 under undp-gender-seal-co 2021.2 (rated lowest): UNDP Mali"
        ),
        "{text}"
    );
    // An unknown rating is not a framework difference: still an error naming the file.
    let mut bad = assessments(&["mali-2020"]);
    if let Some(ev) = bad[0].1.evidence.0.iter_mut().find(|(id, _)| id == "MS1") {
        ev.1.rating = Some("superb".into());
    }
    let err = diff(&from, &extra, &bad, Lang::EN).map(|_| ()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(err.file(), Some("fixtures/mali-2020.json"));
    assert_eq!(err.problems()[0].location, "evidence.MS1.rating");
}

#[test]
fn score_stays_strict() {
    // The lenient resolution is diff's alone: scoring Mali under the strict framework still
    // refuses the version and the evidence for the retired PA5.
    let strict = framework("undp-co-2021-strict.json");
    let mali = &assessments(&["mali-2020"])[0].1;
    let err = score(&strict, mali, &ScoreOptions::default())
        .map(|_| ())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::FrameworkMismatch);
    let options = ScoreOptions {
        allow_version_mismatch: true,
        ..ScoreOptions::default()
    };
    let err = score(&strict, mali, &options).map(|_| ()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert_eq!(err.problems()[0].location, "evidence.PA5");
}

#[test]
fn snapshot_text_report_default_to_strict() {
    insta::assert_snapshot!(
        "diff_default_to_strict_text",
        render(
            &default_to_strict(Lang::EN),
            &framework("undp-co-2021.json"),
            &framework("undp-co-2021-strict.json"),
            Format::Text,
        )
    );
}

#[test]
fn snapshot_markdown_report_default_to_strict_fr() {
    insta::assert_snapshot!(
        "diff_default_to_strict_markdown_fr",
        render(
            &default_to_strict(Lang::FR),
            &framework("undp-co-2021.json"),
            &framework("undp-co-2021-strict.json"),
            Format::Markdown,
        )
    );
}

#[test]
fn snapshot_json_report_default_to_strict() {
    insta::assert_snapshot!(
        "diff_default_to_strict_json",
        render(
            &default_to_strict(Lang::EN),
            &framework("undp-co-2021.json"),
            &framework("undp-co-2021-strict.json"),
            Format::Json,
        )
    );
}

/// The documented example of docs/regression-testing.md: the same evidence under the first
/// default's half credit (2021.1) and under the default's benchmarks met ÷ applicable (2021.2).
fn half_credit_to_default() -> Diff {
    let (from, to) = (
        framework("undp-co-2021-half-credit.json"),
        framework("undp-co-2021.json"),
    );
    diff(&from, &to, &assessments(&DEFAULT_FIXTURES), Lang::EN).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn half_credit_counted_partially_met_benchmarks_the_default_does_not() {
    let d = half_credit_to_default();
    let moved: Vec<(&str, String, String)> = d
        .offices
        .iter()
        .map(|o| {
            (
                o.file.as_str(),
                o.from.percentage_rounded.to_string(),
                o.to.percentage_rounded.to_string(),
            )
        })
        .collect();
    assert_eq!(
        moved,
        [
            ("fixtures/mali-2020.json", "87".into(), "74".into()),
            ("fixtures/gold-office.json", "90".into(), "85".into()),
            ("fixtures/bronze-office.json", "71".into(), "63".into()),
            ("fixtures/no-tier-office.json", "54".into(), "37".into()),
            ("fixtures/gated-office.json", "89".into(), "83".into()),
            ("fixtures/many-na-office.json", "78".into(), "69".into()),
            ("fixtures/ee3-floor-office.json", "90".into(), "85".into()),
        ]
    );
    // Same benchmarks on both sides (the small office's missing CK4 is missing under both):
    // only the credit of "partially met" differs.
    assert!(d.offices.iter().all(|o| o.from.ignored.is_empty()
        && o.to.ignored.is_empty()
        && o.from.unrated == o.to.unrated));
    let s = d.summary;
    assert_eq!((s.up, s.down, s.same, s.changed), (0, 2, 5, 7));
}

#[test]
fn snapshot_text_report_half_credit_to_default() {
    insta::assert_snapshot!(
        "diff_half_credit_to_default_text",
        render(
            &half_credit_to_default(),
            &framework("undp-co-2021-half-credit.json"),
            &framework("undp-co-2021.json"),
            Format::Text,
        )
    );
}
