//! Snapshots of the rendered reports (tests/snapshots/): the Mali 2020 scorecard in text, JSON
//! and Markdown, in English and French, a `by_dimension` scorecard (its weight column), and the
//! `validate` summary of the default framework.
//! Review a changed snapshot as you would review the report itself.

use gender_seal::{Assessment, Format, Framework, ScoreOptions, report, score};

/// The report of `fixtures/<fixture>` scored against `benchmarks/<framework>`.
fn report(framework: &str, fixture: &str, format: Format, lang: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let fw = Framework::from_path(format!("{root}/benchmarks/{framework}")).unwrap();
    let a = Assessment::from_path(format!("{root}/fixtures/{fixture}")).unwrap();
    let options = ScoreOptions {
        lang: lang.parse().unwrap(),
        ..Default::default()
    };
    let card = score(&fw, &a, &options).unwrap();
    report::scorecard(&card, format).into_text().unwrap()
}

fn mali(format: Format, lang: &str) -> String {
    report("undp-co-2021.json", "mali-2020.json", format, lang)
}

fn by_dimension(format: Format) -> String {
    let fw = "undp-co-2021-by-dimension.json";
    report(fw, "by-dimension-office.json", format, "en")
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
fn by_dimension_text_en() {
    insta::assert_snapshot!(by_dimension(Format::Text));
}

#[test]
fn by_dimension_markdown_en() {
    insta::assert_snapshot!(by_dimension(Format::Markdown));
}

#[test]
fn default_framework_summary_text() {
    let fw = Framework::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benchmarks/undp-co-2021.json"
    ))
    .unwrap();
    insta::assert_snapshot!(
        report::framework_summary(&fw, Format::Text, gender_seal::i18n::Lang::EN)
            .into_text()
            .unwrap()
    );
}

#[test]
fn rendering_is_deterministic() {
    for format in [Format::Text, Format::Json, Format::Markdown] {
        assert_eq!(mali(format, "fr"), mali(format, "fr"));
    }
}
