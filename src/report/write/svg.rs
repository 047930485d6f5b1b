//! Charts as SVG, written by hand: a few rectangles, lines and texts per chart. Every
//! coordinate that depends on a value is computed exactly (`offset + length × value / max` as
//! a rational) and rounded half-even to two decimals, so the same report gives the same bytes
//! everywhere and no floating point is involved.
//!
//! Nothing relies on colour alone: each series has its own fill pattern and, when there are
//! several, its key beside each of its bars; every bar and point carries its value as text;
//! marks are dashed lines with their labels.

use std::fmt::Write;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::num::fraction::{Fraction, Percent};
use crate::num::{RoundingMode, decimal_ratio, format_decimal};
use crate::report::chart::{Chart, Kind, Point};
use crate::report::write::xml::escape;

/// Width of every chart (SVG user units; the page scales it down to fit).
const WIDTH: i64 = 760;
/// Left edge of titles and category labels.
const PAD: i64 = 8;
/// Height of a bar, and the step from one bar to the next.
const BAR: i64 = 16;
const BAR_STEP: i64 = 20;

/// White behind a text, so that a line under it never crosses its letters.
const HALO: &str = r##" stroke="#fff" stroke-width="3" paint-order="stroke""##;

/// Fills of the series, in order (cycling): solid, then patterns with their own shapes.
/// (background, ink, the pattern's drawing)
const FILLS: &[(&str, &str, &str)] = &[
    ("#1f4e79", "#1f4e79", ""),
    (
        "#d6e4f0",
        "#1f4e79",
        r##"<line x1="0" y1="0" x2="0" y2="6" stroke="#1f4e79" stroke-width="2"/>"##,
    ),
    (
        "#fbe5d6",
        "#843c0c",
        r##"<circle cx="3" cy="3" r="1.5" fill="#843c0c"/>"##,
    ),
    (
        "#e2f0d9",
        "#385723",
        r##"<path d="M0 3H6M3 0V6" stroke="#385723" stroke-width="1"/>"##,
    ),
    (
        "#fff2cc",
        "#7f6000",
        r##"<line x1="0" y1="3" x2="6" y2="3" stroke="#7f6000" stroke-width="2"/>"##,
    ),
    (
        "#ededed",
        "#3b3838",
        r##"<line x1="3" y1="0" x2="3" y2="6" stroke="#3b3838" stroke-width="2"/>"##,
    ),
    (
        "#f2e0ef",
        "#7030a0",
        r##"<line x1="0" y1="0" x2="6" y2="6" stroke="#7030a0" stroke-width="1.5"/>"##,
    ),
    (
        "#ffffff",
        "#222222",
        r##"<rect x="1.5" y="1.5" width="3" height="3" fill="#222222"/>"##,
    ),
];

/// The chart as an `<svg>` element; `id` is unique in the page (it prefixes the element ids).
pub(crate) fn write(chart: &Chart, id: &str) -> String {
    let mut body = String::new();
    let height = match chart.kind {
        Kind::Bars => bars(&mut body, chart, id),
        Kind::Line => line(&mut body, chart, id),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="{id}-t {id}-d" font-family="Arial, Helvetica, sans-serif" font-size="12" fill="#222">"##
    );
    let _ = write!(
        out,
        r##"<title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"##,
        escape(&chart.title),
        escape(&description(chart))
    );
    out.push_str("<defs>");
    for (i, &(bg, _, drawing)) in FILLS.iter().enumerate().take(chart.series.len()) {
        if drawing.is_empty() {
            continue;
        }
        let turn = if i == 1 || i == 3 {
            r##" patternTransform="rotate(45)""##
        } else {
            ""
        };
        let _ = write!(
            out,
            r##"<pattern id="{id}-s{i}" width="6" height="6" patternUnits="userSpaceOnUse"{turn}><rect width="6" height="6" fill="{bg}"/>{drawing}</pattern>"##
        );
    }
    out.push_str("</defs>");
    let _ = write!(
        out,
        r##"<text x="{PAD}" y="20" font-size="15" font-weight="bold">{}</text>"##,
        escape(&chart.title)
    );
    out.push_str(&body);
    out.push_str("</svg>");
    // One element a line, for people reading the page's source and its snapshots (texts are
    // escaped, so "><" only ever sits between two tags).
    out.replace("><", ">\n<")
}

/// Every value as text: "category: key value, key value; …" (for readers without the picture).
fn description(chart: &Chart) -> String {
    let many = chart.series.len() > 1;
    chart
        .categories
        .iter()
        .enumerate()
        .map(|(c, name)| {
            let values: Vec<String> = chart
                .series
                .iter()
                .map(|s| {
                    let v = s
                        .values
                        .get(c)
                        .and_then(Option::as_ref)
                        .map_or("—", |p| p.text.as_str());
                    if many {
                        format!("{} {v}", s.key)
                    } else {
                        v.to_string()
                    }
                })
                .collect();
            format!("{name}: {}", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The fill of series `i` and its outline.
fn fill(id: &str, i: usize) -> (String, &'static str) {
    let j = i % FILLS.len();
    let (bg, ink, drawing) = FILLS[j];
    if drawing.is_empty() {
        (bg.to_string(), ink)
    } else {
        (format!("url(#{id}-s{j})"), ink)
    }
}

fn int(n: i64) -> Decimal {
    Decimal::from(n)
}

/// An exact value rounded half-even to two decimals: how every coordinate is written.
fn round(f: &Fraction) -> Decimal {
    f.round(2, RoundingMode::HalfEven).unwrap_or_default()
}

/// `num / den` of integers, rounded half-even to two decimals (`den > 0`).
fn ratio(num: i64, den: i64) -> Decimal {
    Fraction::new(i128::from(num), i128::from(den)).map_or(Decimal::ZERO, |f| round(&f))
}

/// Half of a coordinate, rounded half-even to two decimals.
fn half(d: Decimal) -> Decimal {
    (d / Decimal::TWO).round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven)
}

/// `offset + length × (at − min) / (max − min)`, with `at` held to `[min, max]`, computed
/// exactly (in `i128`, with big rationals when that would overflow) and rounded half-even to
/// two decimals.
fn scaled(offset: i64, length: i64, at: Decimal, min: Decimal, max: Decimal) -> Decimal {
    if max <= min {
        return int(offset);
    }
    let at = at.clamp(min, max);
    let exact = small_scaled(offset, length, at, min, max).unwrap_or_else(|| {
        let (at, min, max) = (decimal_ratio(at), decimal_ratio(min), decimal_ratio(max));
        let whole = |n: i64| decimal_ratio(Decimal::from(n));
        Fraction::Big(whole(offset) + (at - min.clone()) * whole(length) / (max - min))
    });
    round(&exact)
}

/// [`scaled`]'s exact value in `i128` on the decimals' common scale; `None` on overflow.
fn small_scaled(
    offset: i64,
    length: i64,
    at: Decimal,
    min: Decimal,
    max: Decimal,
) -> Option<Fraction> {
    let scale = at.scale().max(min.scale()).max(max.scale());
    let units = |d: Decimal| {
        10i128
            .checked_pow(scale - d.scale())
            .and_then(|p| d.mantissa().checked_mul(p))
    };
    let (at, min, max) = (units(at)?, units(min)?, units(max)?);
    let span = max.checked_sub(min)?;
    let num = i128::from(offset)
        .checked_mul(span)?
        .checked_add(i128::from(length).checked_mul(at.checked_sub(min)?)?)?;
    Fraction::new(num, span)
}

/// A coordinate as SVG writes it (normalised: `387.43`, `24`).
fn c(d: impl std::borrow::Borrow<Decimal>) -> String {
    format_decimal(*d.borrow())
}

/// `name` cut to `most` characters, with "…" when cut: a label from input (an office, a
/// period) never runs out of the chart; the table beside it and the description keep it whole.
fn clip(name: &str, most: usize) -> String {
    if name.chars().count() <= most {
        return name.to_string();
    }
    let mut s: String = name.chars().take(most.saturating_sub(1)).collect();
    s.push('…');
    s
}

fn text(out: &mut String, x: &str, y: i64, anchor: &str, extra: &str, body: &str) {
    let _ = write!(
        out,
        r##"<text x="{x}" y="{y}" text-anchor="{anchor}"{extra}>{}</text>"##,
        escape(body)
    );
}

/// The value axis along the bottom of a bar chart, its ticks and its name.
fn bottom_axis(out: &mut String, chart: &Chart, left: i64, plot: i64, y: i64) {
    let _ = write!(
        out,
        r##"<line x1="{left}" y1="{y}" x2="{}" y2="{y}" stroke="#222"/>"##,
        left + plot
    );
    for t in &chart.ticks {
        let x = c(scaled(left, plot, t.at, chart.min, chart.max));
        let _ = write!(
            out,
            r##"<line x1="{x}" y1="{y}" x2="{x}" y2="{}" stroke="#222"/>"##,
            y + 4
        );
        text(out, &x, y + 16, "middle", "", &t.text);
    }
    text(
        out,
        &(left + plot / 2).to_string(),
        y + 34,
        "middle",
        r##" font-style="italic""##,
        &chart.axis,
    );
}

/// Horizontal bars; returns the chart's height.
fn bars(out: &mut String, chart: &Chart, id: &str) -> i64 {
    let many = chart.series.len() > 1;
    let left: i64 = if many { 130 } else { 24 };
    let plot = WIDTH - left - 100;
    let mut y: i64 = 34;
    if many {
        for (i, s) in chart.series.iter().enumerate() {
            let (paint, ink) = fill(id, i);
            let _ = write!(
                out,
                r##"<rect x="{left}" y="{y}" width="14" height="14" fill="{paint}" stroke="{ink}"/>"##
            );
            text(
                out,
                &(left + 20).to_string(),
                y + 11,
                "start",
                "",
                &if s.key == s.name {
                    s.key.clone()
                } else {
                    format!("{} — {}", s.key, s.name)
                },
            );
            y += 20;
        }
    }
    let labels = y;
    if !chart.marks.is_empty() {
        y += 32;
    }
    let top = y;
    let rows = i64::try_from(chart.series.len()).unwrap_or(0);
    let groups = i64::try_from(chart.categories.len()).unwrap_or(0);
    let bottom = top + groups * (18 + rows * BAR_STEP + 6);
    // Marks first, so that bars and their values are drawn over them.
    for (k, m) in chart.marks.iter().enumerate() {
        let x = c(scaled(left, plot, m.at, chart.min, chart.max));
        let _ = write!(
            out,
            r##"<line x1="{x}" y1="{}" x2="{x}" y2="{bottom}" stroke="#444" stroke-width="1.5" stroke-dasharray="6 3"/>"##,
            top - 4
        );
        let row = if k % 2 == 0 { 12 } else { 26 };
        text(
            out,
            &x,
            labels + row,
            "middle",
            r#" font-size="11""#,
            &m.text,
        );
    }
    for (cat, name) in chart.categories.iter().enumerate() {
        text(
            out,
            &PAD.to_string(),
            y + 13,
            "start",
            r#" font-weight="bold""#,
            &clip(name, 100),
        );
        y += 18;
        for (i, s) in chart.series.iter().enumerate() {
            if many {
                text(
                    out,
                    &(left - 6).to_string(),
                    y + 12,
                    "end",
                    "",
                    &clip(&s.key, 18),
                );
            }
            match s.values.get(cat).and_then(Option::as_ref) {
                Some(p) => {
                    let end = scaled(left, plot, p.at, chart.min, chart.max);
                    let (paint, ink) = fill(id, i);
                    let _ = write!(
                        out,
                        r#"<rect x="{left}" y="{y}" width="{}" height="{BAR}" fill="{paint}" stroke="{ink}"/>"#,
                        c(end - int(left))
                    );
                    text(out, &c(end + int(5)), y + 12, "start", HALO, &p.text);
                }
                None => text(out, &(left + 5).to_string(), y + 12, "start", HALO, "—"),
            }
            y += BAR_STEP;
        }
        y += 6;
    }
    bottom_axis(out, chart, left, plot, bottom);
    bottom + 44
}

/// Points joined by a line over labelled bands; returns the chart's height.
fn line(out: &mut String, chart: &Chart, id: &str) -> i64 {
    let (left, plot_w, top, plot_h) = (64, WIDTH - 64 - 160, 40, 240);
    let bottom = top + plot_h;
    // y of a value: the bottom minus its share of the height.
    let y_of = |at: Decimal| int(bottom) - scaled(0, plot_h, at, chart.min, chart.max);
    // Bands: from zero to the first mark (`below`), then from each mark to the next.
    let inside: Vec<&Point> = chart
        .marks
        .iter()
        .filter(|m| m.at > chart.min && m.at < chart.max)
        .collect();
    let mut bounds = vec![chart.min];
    bounds.extend(inside.iter().map(|m| m.at));
    bounds.push(chart.max);
    let names: Vec<Option<&str>> = std::iter::once(chart.below.as_deref())
        .chain(inside.iter().map(|m| Some(m.text.as_str())))
        .collect();
    for (i, name) in names.iter().enumerate() {
        let (lo, hi) = (y_of(bounds[i]), y_of(bounds[i + 1]));
        let shade = if i % 2 == 0 { "#ffffff" } else { "#ececec" };
        let _ = write!(
            out,
            r##"<rect x="{left}" y="{}" width="{plot_w}" height="{}" fill="{shade}" stroke="#bbb"/>"##,
            c(hi),
            c(lo - hi)
        );
        if let Some(name) = name {
            let middle = half(lo + hi) + int(4);
            let _ = write!(
                out,
                r##"<text x="{}" y="{}" font-size="11">{}</text>"##,
                left + plot_w + 6,
                c(middle),
                escape(name)
            );
        }
    }
    for m in &inside {
        let y = c(y_of(m.at));
        let _ = write!(
            out,
            r##"<line x1="{left}" y1="{y}" x2="{}" y2="{y}" stroke="#444" stroke-width="1.5" stroke-dasharray="6 3"/>"##,
            left + plot_w
        );
    }
    for t in &chart.ticks {
        let y = y_of(t.at);
        let _ = write!(
            out,
            r##"<line x1="{}" y1="{y}" x2="{left}" y2="{y}" stroke="#222"/>"##,
            left - 4,
            y = c(y)
        );
        let _ = write!(
            out,
            r##"<text x="{}" y="{}" text-anchor="end">{}</text>"##,
            left - 6,
            c(y + int(4)),
            escape(&t.text)
        );
    }
    let _ = write!(
        out,
        r##"<path d="M{left} {top}V{bottom}H{}" fill="none" stroke="#222"/>"##,
        left + plot_w
    );
    let n = chart.categories.len().max(1) as i64;
    let x_of = |i: usize| {
        let i = i64::try_from(i).unwrap_or(0);
        ratio(left * 2 * n + plot_w * (2 * i + 1), 2 * n)
    };
    for (i, name) in chart.categories.iter().enumerate() {
        let room = usize::try_from(plot_w / n / 7).unwrap_or(1).max(4);
        text(
            out,
            &c(x_of(i)),
            bottom + 16,
            "middle",
            "",
            &clip(name, room),
        );
    }
    for (k, s) in chart.series.iter().enumerate() {
        let (_, ink) = fill(id, k);
        let points: Vec<(Decimal, Decimal, &Point)> = s
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.as_ref().map(|p| (x_of(i), y_of(p.at), p)))
            .collect();
        let path: Vec<String> = points
            .iter()
            .map(|(x, y, _)| format!("{},{}", c(x), c(y)))
            .collect();
        let dash = if k == 0 {
            ""
        } else {
            r##" stroke-dasharray="4 2""##
        };
        let _ = write!(
            out,
            r##"<polyline points="{}" fill="none" stroke="{ink}" stroke-width="2.5"{dash}/>"##,
            path.join(" ")
        );
        for (x, y, p) in &points {
            let _ = write!(
                out,
                r##"<circle cx="{}" cy="{}" r="4" fill="{ink}"/><text x="{}" y="{}" text-anchor="middle" font-weight="bold">{}</text>"##,
                c(x),
                c(y),
                c(x),
                c(*y - int(9)),
                escape(&p.text)
            );
        }
    }
    if let Some(name) = &chart.categories_axis {
        text(
            out,
            &(left + plot_w / 2).to_string(),
            bottom + 34,
            "middle",
            r##" font-style="italic""##,
            name,
        );
    }
    let middle = top + plot_h / 2;
    let _ = write!(
        out,
        r##"<text x="16" y="{middle}" text-anchor="middle" font-style="italic" transform="rotate(-90 16 {middle})">{}</text>"##,
        escape(&chart.axis)
    );
    bottom + 44
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::report::chart::Series;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn coordinates_are_exact_and_rounded_half_even() {
        // 24 + 636 × 74.3902 / 100 = 497.121672 → 497.12
        let zero = Decimal::ZERO;
        assert_eq!(c(scaled(24, 636, d("74.3902"), zero, d("100"))), "497.12");
        // 1/3 of 100 → 33.33; 1/8 of 1 → 0.125 → 0.12 (half to even)
        assert_eq!(c(scaled(0, 100, d("1"), zero, d("3"))), "33.33");
        assert_eq!(c(scaled(0, 1, d("1"), zero, d("8"))), "0.12");
        // From 50 to 100: 74 is 48 % of the way.
        assert_eq!(c(scaled(0, 240, d("74"), d("50"), d("100"))), "115.2");
        // Values are held to the axis; an empty axis puts everything at its start.
        assert_eq!(c(scaled(10, 100, d("150"), zero, d("100"))), "110");
        assert_eq!(c(scaled(10, 100, d("-5"), zero, d("100"))), "10");
        assert_eq!(c(scaled(10, 100, d("5"), zero, zero)), "10");
        // Past i128 the big rationals give the same rounding.
        let max = Decimal::MAX;
        let tiny = Decimal::new(1, 28);
        assert!(small_scaled(5, 100, tiny, zero, max).is_none());
        assert_eq!(c(scaled(5, 100, tiny, zero, max)), "5");
        assert_eq!(c(scaled(0, 100, max / Decimal::TWO, zero, max)), "50");
        for (at, max) in [("1", "3"), ("2.5", "7"), ("74.3902", "100"), ("0.125", "1")] {
            let (at, max) = (d(at), d(max));
            let small = small_scaled(3, 640, at, zero, max).map(|f| round(&f));
            let r = |x: Decimal| decimal_ratio(x);
            let big = Fraction::Big(r(int(3)) + r(at) * r(int(640)) / r(max));
            assert_eq!(small, Some(round(&big)), "{at} / {max}");
        }
    }

    #[test]
    fn long_labels_are_cut() {
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("abcdé", 4), "abc…");
    }

    #[test]
    fn a_chart_escapes_its_texts_and_names_every_value() {
        let lang = Lang::EN;
        let mut chart = Chart::percentages(Kind::Bars, "<T&>".to_string(), lang);
        chart.categories = vec!["a<b".to_string()];
        chart.series = vec![
            Series {
                name: "one".into(),
                key: "1".into(),
                values: vec![Some(Point::percent(d("50"), lang))],
            },
            Series {
                name: "two".into(),
                key: "2".into(),
                values: vec![None],
            },
        ];
        let svg = write(&chart, "c1");
        assert!(
            svg.contains("<title id=\"c1-t\">&lt;T&amp;&gt;</title>"),
            "{svg}"
        );
        assert!(
            svg.contains("<desc id=\"c1-d\">a&lt;b: 1 50 %, 2 —</desc>"),
            "{svg}"
        );
        assert!(!svg.contains("a<b"));
        assert!(svg.contains("url(#c1-s1)") || svg.contains("fill=\"#1f4e79\""));
    }
}
