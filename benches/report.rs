//! Report rendering speed (docs/PERFORMANCE.md, "Reports"): the Mali 2020 scorecard and the
//! Mali 2021 plan timeline rendered in every format, side by side, from a scorecard or an
//! answer already computed (scoring and planning are measured in their own benches).
//!
//! Run with `cargo bench --bench report`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gender_seal::i18n::Lang;
use gender_seal::plan::{Plan, Planner, Question, Views};
use gender_seal::{Assessment, Format, Framework, ScoreOptions, report, score};

const FRAMEWORK: &[u8] = include_bytes!("../benchmarks/undp-co-2021.json");
const MALI: &[u8] = include_bytes!("../fixtures/mali-2020.json");
const PLAN: &[u8] = include_bytes!("../fixtures/mali-2021-plan.json");

fn reports(c: &mut Criterion) {
    let fw = Framework::from_json(FRAMEWORK).unwrap();
    let mali = Assessment::from_json(MALI).unwrap();
    let card = score(&fw, &mali, &ScoreOptions::default()).unwrap();

    let mut g = c.benchmark_group("report: Mali scorecard");
    g.throughput(Throughput::Elements(1));
    for format in Format::ALL.iter().copied() {
        let bytes = report::scorecard(&card, format).as_bytes().len();
        g.bench_function(format!("{format} ({bytes} bytes)"), |b| {
            b.iter(|| report::scorecard(black_box(&card), format))
        });
    }
    let bytes = report::scorecard_all(&card, Format::Text).as_bytes().len();
    g.bench_function(format!("text --all ({bytes} bytes)"), |b| {
        b.iter(|| report::scorecard_all(black_box(&card), Format::Text))
    });
    g.finish();

    let plan = Plan::from_json(PLAN, &fw).unwrap();
    let planner = Planner::new(&fw, &mali, &plan).unwrap();
    let views = Views {
        timeline: true,
        ..Views::default()
    };
    let w = planner
        .what_if(Question::Best(None), views, Lang::EN)
        .unwrap();
    let mut g = c.benchmark_group("report: Mali plan, best with timeline");
    g.throughput(Throughput::Elements(1));
    for format in Format::ALL.iter().copied() {
        let bytes = report::what_if(&w, &plan, &fw, format).as_bytes().len();
        g.bench_function(format!("{format} ({bytes} bytes)"), |b| {
            b.iter(|| report::what_if(black_box(&w), &plan, &fw, format))
        });
    }
    g.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
