//! Layout speed: the longest article of the bundled page, and a 1 MB
//! article, at a typical reading width. Throughput is in output lines.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kanbao::layout::{ArticleLayout, LayoutOptions};
use kanbao::page::{Article, parse};
use kanbao::text::Segmenter;
use std::hint::black_box;

const WIDTH: usize = 80;

fn bench_layout(c: &mut Criterion) {
    let page = parse("sample", common::SAMPLE, Some(Segmenter::get()));
    let longest: &Article = page
        .columns
        .iter()
        .flat_map(|c| c.articles.iter())
        .max_by_key(|a| a.char_count())
        .expect("the sample has articles");

    // A 1 MB article: the longest one's paragraphs repeated.
    let mut big = longest.clone();
    while big.blocks.iter().map(|b| b.text.text.len()).sum::<usize>() < 1 << 20 {
        big.blocks.extend(longest.blocks.iter().cloned());
    }

    let opts = LayoutOptions::default();
    let mut group = c.benchmark_group("layout");
    for (name, article) in [("longest article", longest), ("1 MB article", &big)] {
        let lines = ArticleLayout::new(article, WIDTH, opts, &[]).lines.len();
        group.throughput(Throughput::Elements(lines as u64));
        group.bench_function(name, |b| {
            b.iter(|| ArticleLayout::new(black_box(article), WIDTH, opts, &[]))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_layout);
criterion_main!(benches);
