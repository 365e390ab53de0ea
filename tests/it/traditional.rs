//! Pages in traditional characters read as well as simplified ones: the
//! bundled page, converted with Hong Kong's and Taiwan's conventions,
//! parses, mends, segments, counts and searches as the page itself does.

use crate::common;

use common::*;
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use kanbao::find::SearchIndex;
use kanbao::page::{BlockKind, parse};
use kanbao::text::Segmenter;
use kanbao::text::query::Query;
use kanbao::wordfreq::top_words;

/// The bundled page in traditional characters, by `config`.
fn converted(config: BuiltinConfig) -> String {
    OpenCC::from_config(config)
        .expect("OpenCC's built-in data")
        .convert(SAMPLE)
}

/// A text with traditional characters folded to simplified ones.
fn folded(text: &str) -> String {
    text.chars()
        .map(|c| kanbao::text::script::simplified(c).unwrap_or(c))
        .collect()
}

#[test]
fn traditional_pages_mend_and_segment_as_the_simplified_page() {
    let seg = Segmenter::get();
    let simplified = parse("sample.txt", SAMPLE, Some(seg));
    let plain = issue_of(simplified.clone());
    let words = top_words(&plain, None, seg, Some(40));
    for config in [BuiltinConfig::S2hk, BuiltinConfig::S2tw] {
        let text = converted(config);
        let page = parse("sample.txt", text.as_str(), Some(seg));
        // The same articles, blocks and seams mended.
        let shape = |p: &kanbao::page::Page| -> Vec<(usize, Vec<BlockKind>, usize)> {
            p.columns
                .iter()
                .flat_map(|c| &c.articles)
                .map(|a| {
                    let mended = a.blocks.iter().filter(|b| b.text.pieces.len() > 1).count();
                    (
                        a.blocks.len(),
                        a.blocks.iter().map(|b| b.kind).collect(),
                        mended,
                    )
                })
                .collect()
        };
        assert_eq!(shape(&page), shape(&simplified), "{config:?}");
        assert_conserved(&page);
        // The same words, most of all, as written on the page.
        let issue = issue_of(page);
        let theirs = top_words(&issue, None, seg, None);
        let missing: Vec<&str> = words
            .iter()
            .filter(|w| {
                !theirs
                    .iter()
                    .any(|t| folded(&t.word) == w.word && t.count == w.count)
            })
            .map(|w| w.word.as_str())
            .collect();
        assert!(
            missing.is_empty(),
            "{config:?}: not counted alike: {missing:?}"
        );
        assert!(
            theirs.iter().any(|w| w.word == "黨支部"),
            "as written: {theirs:?}"
        );
        // Each article's keywords are the simplified page's, as written.
        for ((_, a), (_, b)) in issue.articles().zip(plain.articles()) {
            let body = |a: &kanbao::page::Article| {
                a.blocks
                    .iter()
                    .map(|b| b.text.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            let theirs: Vec<String> = kanbao::text::keywords::keywords(seg, &body(a), 5)
                .iter()
                .map(|w| folded(w))
                .collect();
            let ours = kanbao::text::keywords::keywords(seg, &body(b), 5);
            assert_eq!(theirs, ours, "{config:?}: {}", b.display_title());
        }
        // Whole-word search finds what it finds on the simplified page.
        for query in ["党支部", "干部", "教育整顿"] {
            let q = Query::new(query, true).expect("a query");
            let hits = SearchIndex::new(&issue).search(&issue, &q, Some(seg)).len();
            let plain_hits = SearchIndex::new(&plain).search(&plain, &q, Some(seg)).len();
            assert_eq!(hits, plain_hits, "{config:?}: {query}");
        }
    }
}
