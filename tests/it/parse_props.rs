//! Property tests: on generated pages of every layout, and on arbitrary
//! text, the parser never panics and never loses or invents a character.

use crate::common;

use common::*;
use kanbao::page::parse;
use kanbao::text::Segmenter;
use proptest::prelude::*;

const HAN: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理";

fn han(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    let chars: Vec<char> = HAN.chars().collect();
    prop::collection::vec(prop::sample::select(chars), len).prop_map(|v| v.into_iter().collect())
}

/// A body sentence: Han text with clause marks, ending in a final mark.
fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            (
                han(2..12),
                prop::sample::select(vec!["，", ",", "、", "；", "：", ""]),
            ),
            1..6,
        ),
        prop::sample::select(vec!["。", "！", "？", ".", "", "。”"]),
    )
        .prop_map(|(parts, end)| {
            let mut s: String = parts.into_iter().map(|(h, p)| h + p).collect();
            s.push_str(end);
            s
        })
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(sentence(), 1..5).prop_map(|v| v.concat()),
        1 => han(2..10),
        1 => (han(2..6), han(2..6)).prop_map(|(a, b)| format!("{a} {b}")),
        1 => (prop::sample::select(vec!["□", "◎", "", "■"]), prop::sample::select(vec!["本报记者 ", "通讯员 ", "记者 ", ""]), han(2..4))
            .prop_map(|(m, r, n)| format!("{m}{r}{n}")),
        1 => han(2..4).prop_map(|n| format!("见习记者 {n} 摄")),
        1 => han(2..6).prop_map(|n| format!("（{n}）")),
        1 => (han(4..10), han(2..5)).prop_map(|(t, c)| format!("{t}（{c}）")),
        1 => "\\PC{0,40}",
    ]
}

fn page() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            line(),
            prop::sample::select(vec!["", "\u{3000}\u{3000}", "  ", "\t"]),
            0usize..4,
            prop::sample::select(vec!["\n", "\r\n", "\r"]),
        ),
        0..30,
    )
    .prop_map(|lines| {
        let mut out = String::new();
        for (text, indent, blanks, eol) in lines {
            out.push_str(indent);
            out.push_str(&text);
            out.push_str(eol);
            for _ in 0..blanks {
                out.push_str(eol);
            }
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn generated_pages_are_conserved(text in page(), with_jieba in any::<bool>()) {
        let seg = with_jieba.then(Segmenter::get);
        let page = parse("generated", text.as_str(), seg);
        assert_conserved(&page);
        for col in &page.columns {
            for a in &col.articles {
                for b in &a.blocks {
                    prop_assert!(!b.text.text.is_empty());
                    prop_assert!(b.line() >= 1);
                }
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*(\r|\n|\r\n)?\\PC*") {
        let page = parse("arbitrary", text.as_str(), Some(Segmenter::get()));
        assert_conserved(&page);
    }
}
