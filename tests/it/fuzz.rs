//! Fuzzing by property test: arbitrary bytes through decode → parse →
//! layout → search must never panic, and every laid-out line must fit.
//! `cargo test` runs 1 000 cases; a long run:
//!     KANBAO_FUZZ_CASES=3000000 cargo test --release --test it fuzz

use kanbao::find::SearchIndex;
use kanbao::layout::{ArticleLayout, LayoutOptions};
use kanbao::page::Issue;
use kanbao::page::load::decode;
use kanbao::page::parse;
use kanbao::text::query::Query;
use kanbao::text::width::DisplayOptions;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("KANBAO_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000)
}

/// Bytes that look like pages often enough to reach deep code: fragments
/// of Chinese text, markers, line ends, controls, and raw noise.
fn page_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces: Vec<&'static [u8]> = vec![
        "视点".as_bytes(),
        "打一场整风仗".as_bytes(),
        "□本报记者 陈春艳".as_bytes(),
        "见习记者 郝佳丽 摄".as_bytes(),
        "，".as_bytes(),
        "。".as_bytes(),
        "“".as_bytes(),
        "”".as_bytes(),
        "——".as_bytes(),
        "……".as_bytes(),
        "（人民时评）".as_bytes(),
        "\u{3000}\u{3000}".as_bytes(),
        b"\n",
        b"\r\n",
        b"\r",
        b"\n\n\n",
        b" ",
        b"\t",
        b"\x1b[31m",
        b"\xc2\x9b",
        "\u{202e}".as_bytes(),
        "\u{200b}".as_bytes(),
        b"5.1",
        b"CPI",
        "👨‍👩‍👧".as_bytes(),
        "e\u{301}".as_bytes(),
        b"\xff",
        b"\xef\xbb\xbf",
        b"\xfe\xff",
    ];
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(pieces).prop_map(<[u8]>::to_vec),
            1 => prop::collection::vec(any::<u8>(), 0..8),
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn decode_parse_layout_search(
        bytes in page_bytes(),
        width in 1usize..120,
        fullwidth in any::<bool>(),
        query_at in any::<prop::sample::Index>(),
        query_len in 1usize..6,
    ) {
        let Ok(loaded) = decode("fuzz", bytes.clone(), None) else {
            return Ok(());
        };
        let page = parse("fuzz", loaded.text.as_str(), None);
        let options = LayoutOptions {
            display: DisplayOptions {
                fullwidth_punct: fullwidth,
                traditional: false,
                simplified: !fullwidth,
            },
            ..LayoutOptions::default()
        };
        for article in page.columns.iter().flat_map(|c| c.articles.iter()) {
            let layout = ArticleLayout::new(article, width, options, &[]);
            for l in &layout.lines {
                prop_assert!(l.line.cells() <= width);
            }
            let _ = layout.plain_lines(article).count();
        }
        let chars: Vec<char> = loaded.text.chars().collect();
        let start = query_at.index(chars.len().max(1)).min(chars.len());
        let raw: String = chars[start..(start + query_len).min(chars.len())].iter().collect();
        if let Some(query) = Query::new(&raw, false) {
            let issue = Issue { pages: vec![page] };
            let hits = SearchIndex::new(&issue).search(&issue, &query, None);
            for h in hits {
                let text = &issue.text_of(h.article, h.hit.part).expect("hit in a text").text;
                prop_assert!(text.is_char_boundary(h.hit.start) && text.is_char_boundary(h.hit.end));
                prop_assert!(h.hit.start < h.hit.end);
            }
        }
    }
}
