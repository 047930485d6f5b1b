//! The full benchmark matrix of a scorecard, for the workbook report: every benchmark under
//! its dimension with its rating, how it was reached, its credit and points, and what meeting
//! it takes (the text report lists only the benchmarks not fully met).

use crate::report::doc::{Doc, Rich, Table};
use crate::report::{evidence, names, scorecard};
use crate::score::Scorecard;

/// Appends the matrix as a section of its own (a sheet of the workbook).
pub(crate) fn append(doc: &mut Doc, card: &Scorecard) {
    let fw = card.framework();
    let lang = card.lang();
    let m = &lang.messages().office;
    let common = &lang.messages().common;
    let mut table = Table::new(
        vec![
            m.id.to_string(),
            m.benchmark.to_string(),
            common.dimension.to_string(),
            m.rating.to_string(),
            m.basis.to_string(),
            m.credit.to_string(),
            lang.messages().scorecard.points.to_string(),
            m.guidance.to_string(),
        ],
        vec![false, false, false, false, false, true, true, false],
    );
    for b in card.benchmarks() {
        let known = fw.benchmark_index(&b.id).map(|i| &fw.benchmarks()[i]);
        let dimension = fw
            .dimensions()
            .iter()
            .find(|d| d.id == b.dimension)
            .map_or_else(
                || b.dimension.to_string(),
                |d| d.title.get(lang).to_string(),
            );
        let none = || common.none_value.to_string();
        table.row(vec![
            b.id.to_string().into(),
            known
                .map_or_else(String::new, |k| k.title.get(lang).to_string())
                .into(),
            dimension.into(),
            names::rating(fw, &b.rating, lang).into(),
            evidence::with_status(scorecard::basis(fw, &b, lang), b.status, lang).into(),
            b.credit
                .map_or_else(none, |c| lang.number(c.value()))
                .into(),
            b.earned.map_or_else(none, |e| lang.number(e)).into(),
            known
                .and_then(|k| k.guidance.as_ref())
                .map_or_else(Rich::default, |g| g.get(lang).to_string().into()),
        ]);
    }
    doc.section(m.every_benchmark);
    doc.push(crate::report::doc::Block::Table(table));
}
