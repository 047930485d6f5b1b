//! `Format::Xlsx` reports read back with calamine (the reader the importer uses): a summary
//! sheet, one sheet per table, the figures as the text report writes them.
#![cfg(feature = "office")]

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use gender_seal::i18n::Lang;
use gender_seal::{Assessment, Format, Framework, ScoreOptions, report, score};

/// Every sheet of a workbook: its name and its cells as text, row by row.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::String(s) => s.clone(),
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

fn mali(lang: Lang) -> Vec<(String, Vec<Vec<String>>)> {
    let fw = Framework::builtin("undp-gender-seal-co", "2021.2").unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/mali-2020.json");
    let a = Assessment::from_path(path).unwrap();
    let options = ScoreOptions {
        lang,
        ..Default::default()
    };
    let card = score(&fw, &a, &options).unwrap();
    let r = report::scorecard(&card, Format::Xlsx);
    assert!(r.is_binary());
    assert!(r.as_bytes().starts_with(b"PK\x03\x04"));
    sheets(r.as_bytes())
}

#[test]
fn mali_scorecard_workbook_has_a_summary_and_a_sheet_per_table() {
    let book = mali(Lang::EN);
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "Result", "{names:?}");
    assert!(names.contains(&"Dimensions"), "{names:?}");
    let summary = &book[0].1;
    assert!(
        summary.iter().any(|r| r.len() > 1
            && r[0] == "Official percentage"
            && r[1] == "74 % — Silver-strong"),
        "{summary:?}"
    );
    let dims = &book.iter().find(|(n, _)| n == "Dimensions").unwrap().1;
    assert_eq!(dims[0][1], "Dimension");
    assert_eq!(dims.len(), 8, "a header and seven dimensions: {dims:?}");
    // The whole matrix: every benchmark, met ones included, with basis, credit and guidance.
    let every = &book.iter().find(|(n, _)| n == "Every benchmark").unwrap().1;
    assert_eq!(every.len(), 42, "a header and 41 benchmarks");
    assert_eq!(every[0][3..6], ["Rating", "Basis", "Credit"]);
    let ms3 = every.iter().find(|r| r[0] == "MS3").unwrap();
    assert_eq!(ms3[3], "Met");
    assert!(ms3[4].contains("rated directly"), "{ms3:?}");
    assert_eq!(ms3[5], "1");
    let ms5 = every.iter().find(|r| r[0] == "MS5").unwrap();
    assert!(ms5[4].contains("63.8 %"), "{ms5:?}");
    assert!(!ms5[7].is_empty(), "guidance: {ms5:?}");
}

#[test]
fn french_workbook_names_its_sheets_in_french() {
    let book = mali(Lang::FR);
    assert_eq!(book[0].0, "Résultat");
    let summary = &book[0].1;
    assert!(
        summary
            .iter()
            .any(|r| r.len() > 1 && r[1] == "74\u{202f}% — Argent-fort"),
        "{summary:?}"
    );
}
