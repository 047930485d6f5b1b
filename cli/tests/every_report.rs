//! Every report of every command, in text and Markdown, in English and French, as snapshots
//! (`cli/tests/snapshots/every_report__*.snap`), and the French ones held to the French rules:
//! no English sentence of the catalogue, decimal commas, narrow no-break spaces.

mod support;

use support::{commands, english_sentences, run};

#[test]
fn every_report_in_both_languages_and_both_human_formats() {
    for (name, args, code) in commands() {
        for format in ["text", "markdown"] {
            for lang in ["en", "fr"] {
                let mut all = args.clone();
                all.extend(["--format", format, "--lang", lang]);
                let out = run(&all, code);
                insta::assert_snapshot!(format!("{name}_{format}_{lang}"), out);
            }
        }
    }
}

#[test]
fn french_reports_print_no_english_sentence_and_french_numbers() {
    let english = english_sentences();
    assert!(english.len() > 50, "{english:?}");
    for (name, args, code) in commands() {
        for format in ["text", "markdown"] {
            let mut all = args.clone();
            all.extend(["--format", format, "--lang", "fr"]);
            let out = run(&all, code);
            // Framework texts (titles, guidance) are French in the shipped frameworks; office
            // names and file names are data.
            for s in &english {
                assert!(
                    !out.contains(s.as_str()),
                    "{name} {format}: English '{s}' in\n{out}"
                );
            }
            // No number written the English way: a digit, a point and a digit.
            let bytes = out.as_bytes();
            let english_decimal = bytes
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
            let allowed = ["2021.1", "2021.2", "O1.", "O2.", "O3."];
            if english_decimal {
                let stripped = allowed.iter().fold(out.clone(), |s, a| s.replace(a, ""));
                let still = stripped
                    .as_bytes()
                    .windows(3)
                    .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
                assert!(!still, "{name} {format}: an English decimal in\n{out}");
            }
            // A number keeps its percent sign with a narrow no-break space.
            let plain_space = bytes
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b' ' && w[2] == b'%');
            assert!(
                !plain_space,
                "{name} {format}: a plain space before % in\n{out}"
            );
        }
    }
}
