//! The researcher's tools on ~20 MB of pages (25 000 hits of 党支部): a
//! concordance's lines, their order by the words after and before the hit
//! (what `o` costs in the reader), and the word frequencies of the whole
//! input (what `F` costs, on its background thread).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use kanbao::concord::{self, CONTEXT_CHARS, SortBy};
use kanbao::find::SearchIndex;
use kanbao::page::{Issue, parse};
use kanbao::text::Segmenter;
use kanbao::text::query::Query;
use kanbao::wordfreq;
use std::hint::black_box;

fn bench_research(c: &mut Criterion) {
    let seg = Segmenter::get();
    let large = common::large_input(20 << 20);
    let issue = Issue {
        pages: vec![parse("large", large.as_str(), Some(seg))],
    };
    let query = Query::new("党支部", false).expect("query");
    let hits = SearchIndex::new(&issue).search(&issue, &query, None);
    let lines = concord::lines(&issue, &hits, CONTEXT_CHARS);

    let mut group = c.benchmark_group("concordance, 25 000 hits");
    group.sample_size(10);
    group.bench_function("lines", |b| {
        b.iter(|| concord::lines(&issue, black_box(&hits), CONTEXT_CHARS))
    });
    for by in [SortBy::Right, SortBy::Left] {
        group.bench_function(format!("sort {}", by.describe()), |b| {
            b.iter(|| concord::order(black_box(&lines), by, Some(seg)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("word frequencies");
    group.sample_size(10);
    group.bench_function("20 MB, top 200", |b| {
        b.iter(|| wordfreq::top_words(black_box(&issue), None, seg, Some(200)))
    });
    group.finish();
}

criterion_group!(benches, bench_research);
criterion_main!(benches);
