//! Parsing throughput: the bundled page and a ~20 MB input.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kanbao::page::parse;
use kanbao::text::Segmenter;
use std::hint::black_box;

fn bench_parse(c: &mut Criterion) {
    // The dictionary loads once per process; it is not what is measured.
    let seg = Segmenter::get();
    let mut group = c.benchmark_group("parse");

    group.throughput(Throughput::Bytes(common::SAMPLE.len() as u64));
    group.bench_function("bundled page", |b| {
        b.iter(|| parse("sample", black_box(common::SAMPLE), Some(seg)))
    });

    let large = common::large_input(20 << 20);
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.sample_size(10);
    group.bench_function("20 MB input", |b| {
        b.iter(|| parse("large", black_box(large.as_str()), Some(seg)))
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
