//! Assessments as workbooks and CSV files: JSON → xlsx → JSON and JSON → CSV → JSON keep
//! everything the format holds (a property test over the default framework), ratings are read
//! as labels in any language, problems name their cell or line, extra columns are ignored,
//! a missing column is an error, and oversized or sparse workbooks are refused without being
//! unpacked.
#![cfg(feature = "office")]

use std::collections::BTreeMap;

use gender_seal::assessment::sheet::{to_csv, to_xlsx};
use gender_seal::i18n::Lang;
use gender_seal::{
    Assessment, ErrorKind, EvidenceStatus, Format, Framework, ScoreOptions, UniqueMap, report,
    score,
};
use proptest::prelude::*;

fn fw() -> Framework {
    Framework::builtin("undp-gender-seal-co", "2021.2").unwrap()
}

fn mali() -> Assessment {
    Assessment::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/mali-2020.json"
    ))
    .unwrap()
}

/// The evidence as a map: the files keep the framework's order, not the document's.
fn by_id(a: &Assessment) -> BTreeMap<String, String> {
    a.evidence
        .0
        .iter()
        .map(|(k, v)| (k.clone(), format!("{v:?}")))
        .collect()
}

fn same(a: &Assessment, b: &Assessment) {
    assert_eq!(a.framework, b.framework);
    assert_eq!(a.office, b.office);
    assert_eq!(a.period, b.period);
    assert_eq!(by_id(a), by_id(b));
}

fn scorecard_json(a: &Assessment) -> String {
    let fw = fw();
    let card = score(&fw, a, &ScoreOptions::default()).unwrap();
    report::scorecard(&card, Format::Json).into_text().unwrap()
}

#[test]
fn mali_round_trips_through_xlsx_and_csv_in_both_languages() {
    let a = mali();
    for lang in [Lang::EN, Lang::FR] {
        let xlsx = to_xlsx(&a, &fw(), lang).unwrap();
        let back = Assessment::from_bytes(&xlsx).unwrap();
        same(&a, &back);
        assert_eq!(scorecard_json(&a), scorecard_json(&back));
        let csv = to_csv(&a, &fw(), lang).unwrap();
        let back = Assessment::from_bytes(&csv).unwrap();
        same(&a, &back);
    }
}

#[test]
fn a_french_label_that_is_no_rating_names_its_cell() {
    let mut a = mali();
    a.evidence.0[0].1.rating = Some("Partiellement".to_string());
    let xlsx = to_xlsx(&a, &fw(), Lang::FR).unwrap();
    let e = Assessment::from_bytes(&xlsx).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Invalid);
    assert_eq!(
        e.to_string(),
        "Assessment!D10: 'Partiellement' is not a rating of this framework; expected one of Non atteint, Partiellement atteint, Atteint, Non applicable"
    );
    let csv = to_csv(&a, &fw(), Lang::EN).unwrap();
    let e = Assessment::from_bytes(&csv).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("line 8, column Rating: 'Partiellement' is not a rating"),
        "{e}"
    );
}

#[test]
fn scoring_checks_name_cells_too() {
    let mut a = mali();
    // MS1 has no rule: a value is refused by the same check as in JSON, at its cell.
    a.evidence.0[0].1.rating = None;
    a.evidence.0[0].1.value = Some("5".parse().unwrap());
    let xlsx = to_xlsx(&a, &fw(), Lang::EN).unwrap();
    let e = Assessment::from_bytes(&xlsx).unwrap_err();
    assert!(e.to_string().starts_with("Assessment!E10: "), "{e}");
}

const HEAD: &str = "Office,UNDP Mali\nFramework,undp-gender-seal-co\nVersion,2021.2\n\n";

#[test]
fn csv_labels_extra_columns_and_missing_ones() {
    let csv = format!(
        "{HEAD}Code,Our own column,Notation,Statut,Note\nMS1,x, partially MET ,Supposé,n\nMS2,y,Non applicable,,why\nMS3,z,,,\n"
    );
    let a = Assessment::from_bytes(csv.as_bytes()).unwrap();
    assert_eq!(a.evidence.0.len(), 2, "MS3 has no rating: missing evidence");
    assert_eq!(a.evidence.0[0].1.rating.as_deref(), Some("partially_met"));
    assert_eq!(a.evidence.0[0].1.status, Some(EvidenceStatus::Assumed));
    assert_eq!(a.evidence.0[1].1.rating.as_deref(), Some("not_applicable"));
    let fw = fw();
    let card = score(&fw, &a, &ScoreOptions::default()).unwrap();
    assert!(
        card.warnings()
            .iter()
            .any(|w| w.message(Lang::EN, |r| r.to_string()).contains("MS3"))
    );

    let no_rating = format!("{HEAD}id,note\nMS1,n\n");
    let e = Assessment::from_bytes(no_rating.as_bytes()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Format);
    assert!(e.to_string().contains("'id' and 'rating'"), "{e}");

    let no_office = "Framework,undp-gender-seal-co\nVersion,2021.2\nid,rating\n";
    let e = Assessment::from_bytes(no_office.as_bytes()).unwrap_err();
    assert!(
        e.to_string().contains("no 'Office' in the header block"),
        "{e}"
    );

    let twice = format!("{HEAD}id,rating\nMS1,met\nMS1,met\n");
    let e = Assessment::from_bytes(twice.as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 7, column id: benchmark 'MS1' appears twice (also line 6)"
    );

    let bad_value = format!("{HEAD}id,rating,value\nMS5,,six\n");
    let e = Assessment::from_bytes(bad_value.as_bytes()).unwrap_err();
    assert!(e.to_string().starts_with("line 6, column value: "), "{e}");
}

/// A workbook whose one part declares an enormous unpacked size is refused before calamine
/// unpacks anything.
#[test]
fn a_zip_bomb_is_refused_by_its_declared_sizes() {
    let mut xlsx = to_xlsx(&mali(), &fw(), Lang::EN).unwrap();
    let at = xlsx
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .expect("a central directory");
    // The uncompressed size of the first central-directory entry, offset 24.
    xlsx[at + 24..at + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    let e = Assessment::from_bytes(&xlsx).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Syntax);
    assert!(e.to_string().contains("unpacks to more than"), "{e}");
}

/// One cell in the last row and column would make a dense range of 17 billion cells: it is
/// refused while the cells are read one by one.
#[test]
fn a_sparse_sheet_is_refused_without_a_huge_range() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Assessment").unwrap();
    sheet.write_string(0, 0, "id").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let e = Assessment::from_bytes(&bytes).unwrap_err();
    assert!(e.to_string().contains("too large"), "{e}");
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    for bytes in [
        &b"PK\x03\x04garbage"[..],
        b"\xff\xfe",
        b"a,b\n\"unclosed",
        b"",
    ] {
        assert!(Assessment::from_bytes(bytes).is_err(), "{bytes:?}");
    }
}

/// Text a person may write in a note or a source: letters, digits, punctuation, accents,
/// inner spaces; trimmed (a source is read trimmed) and without line breaks (one source per
/// line).
fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9éà.]([A-Za-z0-9éèàçÉ«»'’,.;:()% -]{0,30}[A-Za-z0-9éà.])?"
}

/// Evidence that scores: for each benchmark of the default framework, maybe nothing, a
/// rating (not applicable where allowed) or, for rule benchmarks, a value within bounds.
fn assessment() -> impl Strategy<Value = Assessment> {
    let fw = fw();
    let entries: Vec<_> = fw
        .benchmarks()
        .iter()
        .map(|b| {
            let mut ratings: Vec<String> = fw.ratings().iter().map(|r| r.id.to_string()).collect();
            if b.allow_not_applicable {
                ratings.push("not_applicable".to_string());
            }
            let has_rule = b.rule.is_some();
            let (lo, hi) = b
                .rule
                .as_ref()
                .and_then(|r| r.bounds)
                .map_or((0, 100_000), |(lo, hi)| {
                    (lo.micros() / 1000, hi.micros() / 1000)
                });
            let id = b.id.to_string();
            (
                0..4u8,
                proptest::sample::select(ratings),
                lo..=hi,
                proptest::option::of(prop_oneof![
                    Just(EvidenceStatus::Documented),
                    Just(EvidenceStatus::Verified),
                    Just(EvidenceStatus::Assumed)
                ]),
                proptest::option::of(text()),
                proptest::collection::vec(text(), 0..3),
            )
                .prop_map(move |(kind, rating, milli, status, note, sources)| {
                    let (rating, value) = match kind {
                        0 => return None,
                        3 if has_rule => (
                            None,
                            Some(
                                format!("{}.{:03}", milli / 1000, milli % 1000)
                                    .parse()
                                    .unwrap(),
                            ),
                        ),
                        _ => (Some(rating), None),
                    };
                    Some((
                        id.clone(),
                        gender_seal::Evidence {
                            rating,
                            value,
                            status,
                            sources,
                            note,
                        },
                    ))
                })
        })
        .collect();
    (entries, text(), proptest::option::of(text())).prop_map(|(entries, office, period)| {
        Assessment {
            framework: gender_seal::FrameworkRef {
                id: "undp-gender-seal-co".to_string(),
                version: "2021.2".to_string(),
            },
            office,
            period,
            evidence: UniqueMap(entries.into_iter().flatten().collect()),
            schema: None,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn json_xlsx_json_is_lossless(a in assessment(), fr in any::<bool>()) {
        let lang = if fr { Lang::FR } else { Lang::EN };
        let json = a.to_json();
        let a = Assessment::from_json(json.as_bytes()).unwrap();
        let xlsx = to_xlsx(&a, &fw(), lang).unwrap();
        let back = Assessment::from_bytes(&xlsx).unwrap();
        prop_assert_eq!(by_id(&a), by_id(&back));
        prop_assert_eq!(&a.office, &back.office);
        prop_assert_eq!(&a.period, &back.period);
        let again = Assessment::from_json(back.to_json().as_bytes()).unwrap();
        prop_assert_eq!(by_id(&a), by_id(&again));
        let csv = to_csv(&a, &fw(), lang).unwrap();
        prop_assert_eq!(by_id(&a), by_id(&Assessment::from_bytes(&csv).unwrap()));
    }
}

fn mali_plan() -> gender_seal::plan::PlanFile {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/mali-2021-plan.json"
    ))
    .unwrap();
    gender_seal::plan::PlanFile::from_json(&bytes).unwrap()
}

#[test]
fn the_mali_plan_round_trips_through_xlsx_and_csv() {
    use gender_seal::plan::{PlanFile, sheet};
    let p = mali_plan();
    let fw = fw();
    for lang in [Lang::EN, Lang::FR] {
        for bytes in [
            sheet::to_xlsx(&p, &fw, lang).unwrap(),
            sheet::to_csv(&p, &fw, lang).unwrap(),
        ] {
            assert!(gender_seal::load::grid::is_plan(&bytes));
            let mut back = PlanFile::from_bytes(&bytes, None).unwrap();
            back.schema = p.schema.clone();
            assert_eq!(back, p);
        }
    }
    assert!(gender_seal::load::grid::is_plan(p.to_json().as_bytes()));
    assert!(!gender_seal::load::grid::is_plan(
        mali().to_json().as_bytes()
    ));
}

#[test]
fn a_plan_effect_with_a_bad_rating_names_its_cell() {
    use gender_seal::plan::{PlanFile, sheet};
    let mut p = mali_plan();
    let a = p
        .activities
        .iter_mut()
        .find(|a| !a.effects.is_empty())
        .unwrap();
    a.effects[0].value = None;
    a.effects[0].rating = Some("Presque".to_string());
    let bytes = sheet::to_csv(&p, &fw(), Lang::FR).unwrap();
    let e = PlanFile::from_bytes(&bytes, None).unwrap_err();
    assert!(
        e.to_string().contains(", column Notation: 'Presque' is not a rating of this framework; expected one of Non atteint, Partiellement atteint, Atteint"),
        "{e}"
    );
    let blank = PlanFile {
        activities: Vec::new(),
        ..mali_plan()
    };
    let template = sheet::to_xlsx(&blank, &fw(), Lang::EN).unwrap();
    assert!(
        PlanFile::from_bytes(&template, None)
            .unwrap()
            .activities
            .is_empty()
    );
}

/// The text of one part of a zip file.
fn zip_part(bytes: &[u8], name: &str) -> Option<String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut part = zip.by_name(name).ok()?;
    let mut text = String::new();
    part.read_to_string(&mut text).ok()?;
    Some(text)
}

#[test]
fn the_xlsx_scorecard_report_holds_a_native_chart_of_the_dimensions() {
    for (lang, sheet, official, gold) in [
        (Lang::EN, "Charts", "Official percentage", "Gold 80 %"),
        (
            Lang::FR,
            "Graphiques",
            "Pourcentage officiel",
            "Or 80\u{202f}%",
        ),
    ] {
        let (fw, mali) = (fw(), mali());
        let card = score(
            &fw,
            &mali,
            &ScoreOptions {
                lang,
                ..Default::default()
            },
        )
        .unwrap();
        let book = report::scorecard(&card, Format::Xlsx).into_bytes();
        let chart = zip_part(&book, "xl/charts/chart1.xml").expect("a chart part");
        // The bars: the official percentage then the seven dimensions, named by their header
        // cell, with the report's own texts as data labels.
        assert!(chart.contains("<c:barDir val=\"col\"/>"), "{chart}");
        assert!(
            chart.contains(&format!("<c:f>{sheet}!$B$2</c:f>")),
            "{chart}"
        );
        assert!(chart.contains(&format!("<c:v>{official}</c:v>")), "{chart}");
        assert!(
            chart.contains(&format!("<c:f>{sheet}!$B$3:$B$10</c:f>")),
            "{chart}"
        );
        assert!(
            chart.contains(&format!("<c:f>{sheet}!$A$3:$A$10</c:f>")),
            "{chart}"
        );
        assert!(
            chart.contains("74 %") || chart.contains("74\u{202f}%"),
            "{chart}"
        );
        // The tier minimums: a combined line chart, one dashed series per tier.
        assert!(chart.contains("<c:lineChart>"), "{chart}");
        assert!(chart.contains(&format!("<c:v>{gold}</c:v>")), "{chart}");
        assert!(chart.contains("prstDash"), "{chart}");
        // The chart sheet comes right after the summary.
        let workbook = zip_part(&book, "xl/workbook.xml").unwrap();
        let second = workbook.split("<sheet ").nth(2).unwrap_or_default();
        assert!(second.contains(&format!("name=\"{sheet}\"")), "{workbook}");
        assert!(zip_part(&book, "xl/charts/chart2.xml").is_none());
    }
}

/// A fixture file's bytes.
fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The same zip with `content.xml` replaced by what `edit` makes of it (`mimetype` first and
/// stored, as OpenDocument wants).
fn edit_ods(bytes: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        if name == "content.xml" {
            data = edit(std::str::from_utf8(&data).unwrap()).into_bytes();
        }
        out.start_file(name, stored).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn mali_as_ods_saved_by_libreoffice_scores_as_the_json_fixture() {
    // fixtures/mali-2020.ods and mali-2021-plan.ods: `gender-seal convert` of the JSON
    // fixtures to xlsx, then `soffice --headless --convert-to ods` (LibreOffice 7.4).
    let ods = fixture("mali-2020.ods");
    let a = Assessment::from_bytes(&ods).unwrap();
    assert_eq!(scorecard_json(&a), scorecard_json(&mali()));
    let p = mali_plan();
    let mut plan =
        gender_seal::plan::PlanFile::from_bytes(&fixture("mali-2021-plan.ods"), None).unwrap();
    plan.schema = p.schema.clone();
    assert_eq!(plan, p);
    assert!(!gender_seal::load::grid::is_plan(&ods));
    assert!(gender_seal::load::grid::is_plan(&fixture(
        "mali-2021-plan.ods"
    )));
}

#[test]
fn a_bad_label_in_an_ods_file_names_its_cell() {
    let ods = edit_ods(&fixture("mali-2020.ods"), |xml| {
        xml.replacen(
            "<text:p>Partially met</text:p>",
            "<text:p>Partiellement</text:p>",
            1,
        )
    });
    let e = Assessment::from_bytes(&ods).unwrap_err().to_string();
    assert!(e.contains("Assessment!D"), "{e}");
    assert!(
        e.contains("'Partiellement' is not a rating of this framework"),
        "{e}"
    );
}

#[test]
fn an_ods_file_with_huge_repeats_is_refused_before_it_is_expanded() {
    // A filled cell repeated across every column of a million rows: a few bytes of XML that
    // calamine would expand to billions of cells.
    let ods = edit_ods(&fixture("mali-2020.ods"), |xml| {
        xml.replacen(
            "<table:table-row",
            "<table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell \
             office:value-type=\"string\" table:number-columns-repeated=\"16384\">\
             <text:p>x</text:p></table:table-cell></table:table-row><table:table-row",
            1,
        )
    });
    let e = Assessment::from_bytes(&ods).unwrap_err().to_string();
    assert!(e.contains("too large") && e.contains("beyond"), "{e}");
    // Far-away empty repeats, as LibreOffice writes the rest of a sheet, cost nothing.
    let ods = edit_ods(&fixture("mali-2020.ods"), |xml| {
        xml.replacen(
            "</table:table>",
            "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell \
             table:number-columns-repeated=\"16384\"/></table:table-row></table:table>",
            1,
        )
    });
    assert_eq!(
        scorecard_json(&Assessment::from_bytes(&ods).unwrap()),
        scorecard_json(&mali())
    );
}
