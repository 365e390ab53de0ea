//! Property tests of the line breaker over random Chinese, Latin and
//! punctuation at widths 1..200.

use kanbao::text::width::DisplayOptions;
use kanbao::text::wrap::{line_text, wrap};
use proptest::prelude::*;

const RAW: DisplayOptions = DisplayOptions {
    fullwidth_punct: false,
    traditional: false,
    simplified: false,
};

const NO_START: &str = "，。、；：？！）」』》〉】”’…—％,.;:?!)]";

fn token() -> impl Strategy<Value = String> {
    let han: Vec<char> = "看报的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后".chars().collect();
    let marks: Vec<&str> = vec![
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "〉", "】", "”", "’",
        "……", "——", "％", ",", ".", ";", ":", "?", "!", ")", "。”", "！”",
    ];
    let opens: Vec<&str> = vec!["（", "「", "『", "《", "〈", "【", "“", "‘", "("];
    prop_oneof![
        6 => prop::sample::select(han.clone()).prop_map(String::from),
        2 => (prop::sample::select(han.clone()), prop::sample::select(marks)).prop_map(|(h, m)| format!("{h}{m}")),
        1 => (prop::sample::select(opens), prop::sample::select(han)).prop_map(|(o, h)| format!("{o}{h}")),
        1 => "[a-zA-Z]{1,8}",
        1 => "[0-9]{1,4}(\\.[0-9]{1,2})?",
        1 => Just(" ".to_owned()),
        1 => Just("\u{3000}".to_owned()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..120).prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn lines_fit_and_keep_every_byte(text in text(), width in 1usize..200, indent in prop::sample::select(vec![0usize, 4])) {
        let out = wrap(&text, width, indent, RAW);
        let mut at = 0;
        for l in &out {
            prop_assert_eq!(l.start, at);
            prop_assert!(l.end > l.start);
            prop_assert!(l.cells() <= width, "{:?} wider than {}", l, width);
            at = l.end;
        }
        prop_assert_eq!(at, text.len());

        // What the lines show, indent removed, is the text (whitespace,
        // which hangs or is not shown at the start, aside).
        let shown: String = out
            .iter()
            .map(|l| line_text(&text, l, RAW).chars().skip(usize::from(l.indent)).collect::<String>())
            .collect();
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        if out.iter().all(|l| !l.overwide) {
            prop_assert_eq!(squeeze(&shown), squeeze(&text));
        }
    }

    #[test]
    fn no_line_starts_with_a_closing_mark(text in text(), width in 8usize..200) {
        let out = wrap(&text, width, 4, RAW);
        for l in out.iter().skip(1) {
            let first = text[l.start..l.end].chars().next().unwrap_or(' ');
            prop_assert!(!NO_START.contains(first), "line {:?} of {:?} at {}", &text[l.start..l.end], text, width);
        }
    }
}
