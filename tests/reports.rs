//! Snapshots of the rendered reports (tests/snapshots/): the Mali 2020 scorecard in text, JSON
//! and Markdown, in English and French, and the `validate` summary of the default framework.
//! Review a changed snapshot as you would review the report itself.

use gender_seal::{Assessment, Format, Framework, ScoreOptions, report, score};

fn mali(format: Format, lang: &str) -> String {
    let fw = Framework::builtin("undp-gender-seal-co", "2021.1").unwrap();
    let a = Assessment::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/mali-2020.json"
    ))
    .unwrap();
    let options = ScoreOptions {
        lang: lang.to_string(),
        ..Default::default()
    };
    let card = score(&fw, &a, &options).unwrap();
    report::scorecard(&card, &fw, format)
}

#[test]
fn mali_text_en() {
    insta::assert_snapshot!(mali(Format::Text, "en"));
}

#[test]
fn mali_text_fr() {
    insta::assert_snapshot!(mali(Format::Text, "fr"));
}

#[test]
fn mali_json_en() {
    insta::assert_snapshot!(mali(Format::Json, "en"));
}

#[test]
fn mali_json_fr() {
    insta::assert_snapshot!(mali(Format::Json, "fr"));
}

#[test]
fn mali_markdown_en() {
    insta::assert_snapshot!(mali(Format::Markdown, "en"));
}

#[test]
fn mali_markdown_fr() {
    insta::assert_snapshot!(mali(Format::Markdown, "fr"));
}

#[test]
fn default_framework_summary_text() {
    let fw = Framework::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benchmarks/undp-co-2021.json"
    ))
    .unwrap();
    insta::assert_snapshot!(report::framework_summary(&fw, Format::Text, "en"));
}

#[test]
fn rendering_is_deterministic() {
    for format in [Format::Text, Format::Json, Format::Markdown] {
        assert_eq!(mali(format, "fr"), mali(format, "fr"));
    }
}
