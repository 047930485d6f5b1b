//! A chart as data: what a view wants drawn, every text already written in the report's
//! language and every value an exact decimal. `write/svg.rs` draws it; the figures it shows
//! are always in a table of the same report too (text and Markdown leave charts out).
//!
//! Charts carry their words (title, axis, every value as text) and name each series on its
//! bars, so they never rely on colour alone.

use rust_decimal::Decimal;

use crate::framework::Framework;
use crate::i18n::{Lang, fill};

/// How a chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Horizontal bars: for each category its label, then one bar per series with its key and
    /// value; the marks are dashed lines across every bar.
    Bars,
    /// One point per category, left to right, joined by a line, each with its value; the marks
    /// bound labelled bands (the tiers a percentage falls in).
    Line,
}

/// A chart: categories, series of values over them, and marks on the value axis.
#[derive(Debug)]
pub(crate) struct Chart {
    pub(crate) kind: Kind,
    pub(crate) title: String,
    /// The value axis's name ("Percentage", "Cumulative cost (USD)").
    pub(crate) axis: String,
    /// The category axis's name, when it needs one ("Quarter").
    pub(crate) categories_axis: Option<String>,
    pub(crate) categories: Vec<String>,
    pub(crate) series: Vec<Series>,
    /// The bottom of the value axis (zero for bars).
    pub(crate) min: Decimal,
    /// The top of the value axis.
    pub(crate) max: Decimal,
    /// Labelled ticks of the value axis.
    pub(crate) ticks: Vec<Point>,
    /// Thresholds, ascending (tier minimums).
    pub(crate) marks: Vec<Point>,
    /// The name of what lies below the first mark ("no tier"), for [`Kind::Line`] bands.
    pub(crate) below: Option<String>,
}

/// A series: its name (in the legend), its short key (beside each bar when there are several
/// series) and one value per category (none where the category has no value).
#[derive(Debug)]
pub(crate) struct Series {
    pub(crate) name: String,
    pub(crate) key: String,
    pub(crate) values: Vec<Option<Point>>,
}

/// A value and how the report writes it.
#[derive(Debug, Clone)]
pub(crate) struct Point {
    pub(crate) at: Decimal,
    pub(crate) text: String,
}

impl Point {
    /// A percentage, written in `lang`.
    pub(crate) fn percent(at: Decimal, lang: Lang) -> Point {
        Point {
            at,
            text: lang.percent(at),
        }
    }
}

impl Chart {
    /// A chart of percentages (0 to 100, ticks every 20) with no series yet.
    pub(crate) fn percentages(kind: Kind, title: String, lang: Lang) -> Chart {
        Chart {
            kind,
            title,
            axis: lang.messages().charts.percentage.to_string(),
            categories_axis: None,
            categories: Vec::new(),
            series: Vec::new(),
            min: Decimal::ZERO,
            max: Decimal::ONE_HUNDRED,
            ticks: (0..=5)
                .map(|i| Point::percent(Decimal::from(i * 20), lang))
                .collect(),
            marks: Vec::new(),
            below: None,
        }
    }
}

impl Chart {
    /// Starts a percentage axis at the multiple of ten below both `lowest` and the first mark,
    /// less ten (never below zero), with a tick every ten: a line chart's bands get room.
    pub(crate) fn start_below(&mut self, lowest: Decimal, lang: Lang) {
        let ten = Decimal::TEN;
        let first = self.marks.first().map_or(lowest, |m| m.at.min(lowest));
        let floor = (first / ten).floor() * ten - ten;
        self.min = floor.max(Decimal::ZERO).min(self.max);
        let mut ticks = Vec::new();
        let mut at = self.min;
        while at <= self.max {
            ticks.push(Point::percent(at, lang));
            at += ten;
        }
        self.ticks = ticks;
    }
}

/// The minimum of each tier of `fw` as a mark ("Gold 80 %"), ascending.
pub(crate) fn tier_marks(fw: &Framework, lang: Lang) -> Vec<Point> {
    let mut marks: Vec<Point> = fw
        .tiers()
        .iter()
        .map(|t| Point {
            at: t.min.value(),
            text: fill(
                lang.messages().charts.mark,
                &[
                    ("tier", t.label.get(lang).to_string()),
                    ("min", lang.percent(t.min.value())),
                ],
            ),
        })
        .collect();
    marks.sort_by_key(|m| m.at);
    marks
}

/// Ticks for amounts from zero to `max`: zero, the half and `max`, written by `text`.
pub(crate) fn amount_ticks(max: Decimal, text: impl Fn(Decimal) -> String) -> Vec<Point> {
    let half = max.checked_div(Decimal::TWO).unwrap_or(max);
    [Decimal::ZERO, half, max]
        .into_iter()
        .map(|at| Point { at, text: text(at) })
        .collect()
}
