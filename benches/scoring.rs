//! Scoring speed (docs/PERFORMANCE.md): scorecards per second for the Mali 2020 assessment,
//! pre-parsed and from JSON bytes, next to a plain `serde_json::Value` parse of the same bytes.
//!
//! Run with `cargo bench --bench scoring`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gender_seal::{Assessment, Framework, ScoreOptions, score};

const FRAMEWORK: &[u8] = include_bytes!("../benchmarks/undp-co-2021.json");
const MALI: &[u8] = include_bytes!("../fixtures/mali-2020.json");
const BY_DIMENSION: &[u8] = include_bytes!("../benchmarks/undp-co-2021-by-dimension.json");
const PLAINSLAND: &[u8] = include_bytes!("../fixtures/by-dimension-office.json");

fn scoring(c: &mut Criterion) {
    let fw = Framework::from_json(FRAMEWORK).unwrap();
    let mali = Assessment::from_json(MALI).unwrap();
    let options = ScoreOptions::default();
    assert_eq!(
        score(&fw, &mali, &options)
            .unwrap()
            .percentage_rounded()
            .to_string(),
        "74"
    );

    let mut g = c.benchmark_group("scorecard");
    g.throughput(Throughput::Elements(1));
    g.bench_function("score, pre-parsed", |b| {
        b.iter(|| score(black_box(&fw), black_box(&mali), &options).unwrap())
    });
    g.bench_function("score, pre-parsed, drop not timed", |b| {
        b.iter_with_large_drop(|| score(black_box(&fw), black_box(&mali), &options).unwrap())
    });
    g.bench_function("score, pre-parsed, and read every row", |b| {
        b.iter(|| {
            let card = score(black_box(&fw), black_box(&mali), &options).unwrap();
            let dims = card.dimensions().filter(|d| d.percentage.is_some()).count();
            let rated = card.benchmarks().filter(|r| r.credit.is_some()).count();
            (dims, rated)
        })
    });
    g.bench_function("resolve only (part of score)", |b| {
        b.iter(|| black_box(&mali).resolve(black_box(&fw), false).unwrap())
    });
    let fw_dims = Framework::from_json(BY_DIMENSION).unwrap();
    let plainsland = Assessment::from_json(PLAINSLAND).unwrap();
    g.bench_function("score, pre-parsed, by_dimension", |b| {
        b.iter(|| score(black_box(&fw_dims), black_box(&plainsland), &options).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("assessment bytes");
    g.throughput(Throughput::Bytes(MALI.len() as u64));
    g.bench_function("serde_json::Value parse", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(MALI)).unwrap())
    });
    g.bench_function("Assessment parse", |b| {
        b.iter(|| Assessment::from_json(black_box(MALI)).unwrap())
    });
    g.bench_function("Assessment parse + score", |b| {
        b.iter(|| {
            let a = Assessment::from_json(black_box(MALI)).unwrap();
            score(&fw, &a, &options).unwrap().percentage_rounded()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("framework bytes");
    g.throughput(Throughput::Bytes(FRAMEWORK.len() as u64));
    g.bench_function("serde_json::Value parse", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(FRAMEWORK)).unwrap())
    });
    g.bench_function("Framework parse + validate", |b| {
        b.iter(|| Framework::from_json(black_box(FRAMEWORK)).unwrap())
    });
    g.bench_function("Framework + Assessment parse + score", |b| {
        b.iter(|| {
            let fw = Framework::from_json(black_box(FRAMEWORK)).unwrap();
            let a = Assessment::from_json(black_box(MALI)).unwrap();
            score(&fw, &a, &options).unwrap().percentage_rounded()
        })
    });
    g.finish();
}

criterion_group!(benches, scoring);
criterion_main!(benches);
