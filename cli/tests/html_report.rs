//! `--format html`: the Mali report in both languages as snapshots
//! (`cli/tests/snapshots/html_report__*.snap`), every command's page well formed (balanced
//! tags, its language named, nothing fetched, no script), and names from input escaped.

mod support;

use std::fs;

use support::{commands, english_sentences, root, run};

/// Elements HTML writes without an end tag.
const VOID: &[&str] = &["br", "meta", "link", "img", "hr", "input", "col", "wbr"];

/// Checks that every start tag has its end tag, properly nested (an XML-like reading: void
/// elements and `<… />` close themselves), that no `<` or `>` stands loose in text, and
/// returns the element names met, in order.
fn balanced(html: &str) -> Vec<String> {
    let mut stack: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    let mut rest = html;
    // Text of <style> is CSS: skip it whole.
    let mut in_style = false;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        assert!(!text.contains('>') || in_style, "a loose '>' in {text:?}");
        let after = &rest[start..];
        let end = after
            .find('>')
            .unwrap_or_else(|| panic!("unclosed tag at {after:.40}"));
        let tag = &after[1..end];
        rest = &after[end + 1..];
        if in_style && tag != "/style" {
            continue;
        }
        if tag.starts_with('!') {
            assert!(tag.eq_ignore_ascii_case("!DOCTYPE html"), "{tag}");
            continue;
        }
        assert!(!tag.contains('<'), "a loose '<' before {tag:?}");
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name, "</{name}> closes <{open}>");
            in_style = false;
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(!name.is_empty(), "a tag without a name: <{tag}>");
        // Attribute values are quoted: an even number of double quotes.
        assert_eq!(tag.matches('"').count() % 2, 0, "<{tag}>");
        seen.push(name.clone());
        if tag.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        in_style = name == "style";
        stack.push(name);
    }
    assert!(stack.is_empty(), "never closed: {stack:?}");
    assert!(!rest.contains('>'), "a loose '>' at the end");
    seen
}

#[test]
fn the_checker_refuses_what_it_should() {
    assert_eq!(balanced("<p>a<br>b</p>"), ["p", "br"]);
    for bad in [
        "<p><b></p></b>",
        "<p>",
        "</p>",
        "<p>a > b</p>",
        "<p x=\"1></p>",
    ] {
        assert!(
            std::panic::catch_unwind(|| balanced(bad)).is_err(),
            "accepted {bad}"
        );
    }
}

#[test]
fn every_command_writes_one_well_formed_self_contained_page_in_both_languages() {
    for (name, args, code) in commands() {
        for lang in ["en", "fr"] {
            let mut all = args.clone();
            all.extend(["--format", "html", "--lang", lang]);
            let html = run(&all, code);
            let what = format!("{name} {lang}");
            assert!(
                html.starts_with(&format!("<!DOCTYPE html>\n<html lang=\"{lang}\">\n")),
                "{what}"
            );
            let tags = balanced(&html);
            assert!(tags.iter().filter(|t| *t == "h1").count() <= 1, "{what}");
            assert!(
                !tags
                    .iter()
                    .any(|t| t == "script" || t == "link" || t == "img")
            );
            // Nothing fetched: the only address is the SVG namespace, which names, not loads.
            let addresses = html.matches("http").count();
            let namespaces = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
            assert_eq!(addresses, namespaces, "{what}");
            assert!(
                !html.contains(" src=") && !html.contains("url(http"),
                "{what}"
            );
            // Charts where the report has figures to draw.
            let charts = tags.iter().filter(|t| *t == "svg").count();
            let expected = match name {
                "plan_budget" => 2,
                "plan_target" | "plan_marginal" => 0,
                "score" | "diff" | "history" => 1,
                _ => 0,
            };
            assert_eq!(charts, expected, "{what}");
            // No float formatting slipped into a coordinate: at most two decimals.
            for part in html.split('"') {
                if let Some((_, decimals)) = part.split_once('.') {
                    if part.chars().all(|c| c.is_ascii_digit() || c == '.') {
                        assert!(decimals.len() <= 2, "{what}: {part}");
                    }
                }
            }
        }
    }
}

#[test]
fn the_mali_report_in_html_in_english_and_french() {
    for lang in ["en", "fr"] {
        let html = run(
            &[
                "score",
                "fixtures/mali-2020.json",
                "--format",
                "html",
                "--lang",
                lang,
            ],
            0,
        );
        insta::assert_snapshot!(format!("mali_{lang}"), html);
    }
}

#[test]
fn the_html_scorecard_lists_every_benchmark_and_text_does_with_all() {
    let html = run(&["score", "fixtures/mali-2020.json", "--format", "html"], 0);
    assert!(html.contains("<h2>Every benchmark (41)</h2>"), "{html}");
    assert_eq!(html.matches("<tr><th scope=\"row\"><strong>").count(), 41);
    let text = run(&["score", "fixtures/mali-2020.json"], 0);
    assert!(text.contains("Benchmarks not fully met (10)"));
    assert!(!text.contains("MS3  Managers"));
    let all = run(&["score", "fixtures/mali-2020.json", "--all"], 0);
    assert!(all.contains("Every benchmark (41)"));
    assert!(all.contains("MS3  Managers' gender accountability\n       Met — rated directly"));
    let fr = run(
        &["score", "fixtures/mali-2020.json", "--all", "--lang", "fr"],
        0,
    );
    assert!(fr.contains("Tous les critères (41)"), "{fr}");
    // A not-applicable benchmark says so once.
    assert!(all.contains("Not applicable ("), "{all}");
    let markdown = run(
        &[
            "score",
            "fixtures/mali-2020.json",
            "--all",
            "--format",
            "markdown",
        ],
        0,
    );
    assert!(markdown.contains("## Every benchmark (41)"));
}

#[test]
fn names_from_input_are_escaped() {
    let text = fs::read_to_string(root().join("fixtures/mali-2020.json")).unwrap_or_default();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let hostile = "<script>alert(\"x\")</script> & <b>Co</b>";
    doc["office"] = hostile.into();
    doc["period"] = "2020 ' \" <".into();
    let dir = root().join("target/html-report");
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("hostile.json");
    fs::write(&path, doc.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let path = path.to_string_lossy().into_owned();
    for args in [
        vec!["score", path.as_str()],
        vec!["history", path.as_str()],
        vec![
            "diff",
            "--from",
            "benchmarks/undp-co-2021-half-credit.json",
            "--to",
            "benchmarks/undp-co-2021.json",
            path.as_str(),
        ],
    ] {
        let mut all = args.clone();
        all.extend(["--format", "html"]);
        let html = run(&all, 0);
        balanced(&html);
        assert!(!html.contains("<script"), "{args:?}");
        assert!(!html.contains("<b>Co"), "{args:?}");
        assert!(
            html.contains(
                "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;"
            ),
            "{args:?}"
        );
    }
}

#[test]
fn french_pages_print_no_english_sentence() {
    let english = english_sentences();
    assert!(english.len() > 50, "{english:?}");
    // The check report prints the expectation file's case names, which are English data.
    for (name, args, code) in commands().into_iter().filter(|(n, ..)| *n != "check") {
        let mut all = args.clone();
        all.extend(["--format", "html", "--lang", "fr"]);
        let html = run(&all, code);
        for s in &english {
            assert!(
                !html.contains(s.as_str()),
                "{name}: English {s:?} in the French page"
            );
        }
        assert!(
            !html.contains(" %"),
            "{name}: a plain space before % in French"
        );
    }
}

#[test]
fn charts_carry_their_words_and_values() {
    let page = |name: &str| {
        let (_, args, code) = commands()
            .into_iter()
            .find(|(n, ..)| *n == name)
            .unwrap_or_else(|| panic!("{name}"));
        let mut all = args.clone();
        all.extend(["--format", "html"]);
        run(&all, code)
    };
    let svg = |html: &str| -> Vec<String> {
        html.split("<svg ")
            .skip(1)
            .map(|s| s.split("</svg>").next().unwrap_or_default().to_string())
            .collect()
    };
    let score = svg(&page("score"));
    assert!(score[0].contains(
        "<desc id=\"chart1-d\">Official percentage: 74 %; MS Management systems: 57.1429 %;"
    ));
    for mark in [
        "Bronze 60 %",
        "Silver 70 %",
        "Gold 80 %",
        ">74 %<",
        ">100 %<",
    ] {
        assert!(score[0].contains(mark), "score: {mark}");
    }
    let plan = svg(&page("plan_budget"));
    for word in [
        "The official percentage by quarter, in the tier bands",
        ">no tier<",
        ">Gold 80 %<",
        ">87 %<",
        ">Quarter<",
        ">50 %<",
    ] {
        assert!(plan[0].contains(word), "plan: {word}");
    }
    for word in [
        "The cumulative cost by quarter",
        ">19,000 USD<",
        ">Cumulative cost (USD)<",
    ] {
        assert!(plan[1].contains(word), "plan cost: {word}");
    }
    let diff = svg(&page("diff"));
    for word in [
        ">From — undp-gender-seal-co 2021.1<",
        ">To — undp-gender-seal-co 2021.2<",
        ">UNDP Mali<",
        ">87 %<",
        ">Silver 70 %<",
    ] {
        assert!(diff[0].contains(word), "diff: {word}");
    }
    // Each series has its own fill: a solid one, then patterns.
    assert!(diff[0].contains("fill=\"url(#chart1-s1)\""));
    let history = svg(&page("history"));
    for word in [
        ">MS — Management systems<",
        ">2021 (projected)<",
        ">85.7143 %<",
    ] {
        assert!(history[0].contains(word), "history: {word}");
    }
}
