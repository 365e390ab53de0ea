//! Search speed: a page-wide plain query over ~20 MB of pages (throughput
//! in bytes of text searched), and incremental search in the reader on the
//! bundled page (one iteration = open the prompt, type five characters,
//! cancel: seven updates).

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kanbao::action::Action;
use kanbao::app::App;
use kanbao::find::SearchIndex;
use kanbao::layout::LayoutOptions;
use kanbao::page::{Issue, parse};
use kanbao::text::Segmenter;
use kanbao::text::query::Query;
use std::hint::black_box;

fn bench_search(c: &mut Criterion) {
    let seg = Segmenter::get();
    let large = common::large_input(20 << 20);
    let issue = Issue {
        pages: vec![parse("large", large.as_str(), Some(seg))],
    };
    let index = SearchIndex::new(&issue);
    let text_bytes: usize = issue
        .articles()
        .flat_map(|(_, a)| kanbao::find::parts(a).map(|(_, t)| t.len()))
        .sum();

    let mut group = c.benchmark_group("search");
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.sample_size(20);
    for query in ["党支部", "规定动作", "cpi"] {
        let q = Query::new(query, false).expect("query");
        group.bench_function(format!("20 MB, {query}"), |b| {
            b.iter(|| index.search(&issue, black_box(&q), None))
        });
    }
    group.finish();

    let sample = Issue {
        pages: vec![parse("sample", common::SAMPLE, Some(seg))],
    };
    let mut app = App::new(sample, 100, 30, LayoutOptions::default());
    app.update(Action::JumpToColumn(4));
    c.bench_function("incremental search, 7 updates", |b| {
        b.iter(|| {
            app.update(Action::StartSearch);
            for ch in "党支部书记".chars() {
                app.update(Action::InsertChar(ch));
            }
            app.update(Action::CancelSearch);
        })
    });
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
