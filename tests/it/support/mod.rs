//! Test support for measuring the parser on real articles: the corpus, a
//! page builder for every layout, and the scorer. Shared by
//! `tests/parse_corpus.rs` and `examples/parse_score.rs`.
#![allow(dead_code)]

pub mod article;
pub mod corpus;
pub mod layouts;
pub mod score;

use kanbao::page::{Issue, parse};
use kanbao::text::Segmenter;

use layouts::{Builder, Built, Layout};
use score::Tally;

/// Parses a built input as kanbao would read it.
pub fn parse_built(built: &Built) -> Issue {
    let seg = Segmenter::get();
    Issue {
        pages: built
            .files
            .iter()
            .map(|(name, text)| parse(name, text.as_str(), Some(seg)))
            .collect(),
    }
}

/// Builds every page of `pages` in `layout`, parses and scores them.
pub fn measure(
    builder: &Builder,
    layout: Layout,
    pages: &[Vec<corpus::Item>],
    failures: &mut Vec<String>,
) -> Tally {
    let mut total = Tally::default();
    for built in builder.build(layout, pages) {
        let issue = parse_built(&built);
        total += score::score(&issue, &built.gold, failures);
    }
    total
}
