//! Table-driven tests of the line breaker.

use kanbao::text::width::{DisplayOptions, display_width};
use kanbao::text::wrap::{WrappedLine, line_text, wrap};

const RAW: DisplayOptions = DisplayOptions {
    fullwidth_punct: false,
    traditional: false,
    simplified: false,
};

fn lines(text: &str, width: usize, indent: usize) -> Vec<String> {
    wrap(text, width, indent, RAW)
        .iter()
        .map(|l| line_text(text, l, RAW))
        .collect()
}

fn check_invariants(text: &str, width: usize, out: &[WrappedLine]) {
    let mut at = 0;
    for l in out {
        assert_eq!(l.start, at, "lines cover the text without gaps");
        assert!(l.end > l.start);
        assert!(l.cells() <= width.max(1), "{l:?} wider than {width}");
        at = l.end;
    }
    assert_eq!(at, text.len());
}

#[test]
fn table() {
    // (text, width, first-line indent, expected lines)
    let cases: &[(&str, usize, usize, &[&str])] = &[
        ("", 10, 4, &[]),
        ("一", 10, 4, &["    一"]),
        ("一二三四五", 4, 0, &["一二", "三四", "五"]),
        ("一二三四五", 5, 0, &["一二", "三四", "五"]),
        ("一二三", 2, 0, &["一", "二", "三"]),
        ("一二三", 1, 0, &["…", "…", "…"]),
        ("ab一", 3, 0, &["ab", "一"]),
        // Closing marks are not left to start a line: the previous
        // character comes down with them.
        ("一二三。四", 6, 0, &["一二", "三。四"]),
        ("一二三，四", 6, 0, &["一二", "三，四"]),
        ("一二三、四", 6, 0, &["一二", "三、四"]),
        ("一二三”四", 6, 0, &["一二", "三”四"]),
        ("一二三）四", 6, 0, &["一二", "三）四"]),
        ("一二三》四", 6, 0, &["一二", "三》四"]),
        ("一二三！四", 6, 0, &["一二", "三！四"]),
        ("一二三？四", 6, 0, &["一二", "三？四"]),
        ("一二三：四", 6, 0, &["一二", "三：四"]),
        ("一二三；四", 6, 0, &["一二", "三；四"]),
        ("一二三」四", 6, 0, &["一二", "三」四"]),
        ("一二三』四", 6, 0, &["一二", "三』四"]),
        ("一二三〉四", 6, 0, &["一二", "三〉四"]),
        ("一二三】四", 6, 0, &["一二", "三】四"]),
        ("一二三’四", 6, 0, &["一二", "三’四"]),
        ("一二三％四", 6, 0, &["一二", "三％四"]),
        ("一二三,四", 6, 0, &["一二", "三,四"]),
        ("一二三.四", 6, 0, &["一二", "三.四"]),
        ("一二三!四", 6, 0, &["一二", "三!四"]),
        ("一二三)四", 6, 0, &["一二", "三)四"]),
        ("一二三]四", 6, 0, &["一二", "三]四"]),
        ("一二三;四", 6, 0, &["一二", "三;四"]),
        ("一二三:四", 6, 0, &["一二", "三:四"]),
        ("一二三?四", 6, 0, &["一二", "三?四"]),
        ("一二三%四", 6, 0, &["一二", "三%四"]),
        ("一二三…四", 6, 0, &["一二", "三…四"]),
        ("一二三—四", 6, 0, &["一二", "三—四"]),
        // Two marks in a row come down together.
        ("一二三。”四", 7, 0, &["一二", "三。”四"]),
        // Opening marks do not end a line.
        ("一二“三四", 6, 0, &["一二", "“三四"]),
        ("一二（三四", 6, 0, &["一二", "（三四"]),
        ("一二《三四", 6, 0, &["一二", "《三四"]),
        ("一二「三四", 6, 0, &["一二", "「三四"]),
        ("一二『三四", 6, 0, &["一二", "『三四"]),
        ("一二〈三四", 6, 0, &["一二", "〈三四"]),
        ("一二【三四", 6, 0, &["一二", "【三四"]),
        ("一二‘三四", 6, 0, &["一二", "‘三四"]),
        ("一二(三四", 5, 0, &["一二", "(三四"]),
        ("一二[三四", 5, 0, &["一二", "[三四"]),
        // —— and …… are not split.
        // (— and … are one cell wide in unicode-width.)
        ("一二——三", 5, 0, &["一", "二——", "三"]),
        ("一二……三", 5, 0, &["一", "二……", "三"]),
        ("一二——三", 6, 0, &["一二——", "三"]),
        // Numbers and Latin words stay whole, numbers with their unit.
        ("增长5.1万", 8, 0, &["增长", "5.1万"]),
        ("全天24小时", 8, 0, &["全天", "24小时"]),
        ("约7.31万人", 8, 0, &["约", "7.31万人"]),
        ("CPI上涨", 4, 0, &["CPI", "上涨"]),
        ("在2020年", 6, 0, &["在", "2020年"]),
        ("2020年", 5, 0, &["2020", "年"]),
        ("a quick brown fox", 9, 0, &["a quick", "brown fox"]),
        // Too long to fit: split, never overflow.
        ("abcdefghij", 4, 0, &["abcd", "efgh", "ij"]),
        ("1234567", 3, 0, &["123", "456", "7"]),
        // Indent: two full-width cells, dropped when the measure is tiny.
        ("一二三四", 8, 4, &["    一二", "三四"]),
        ("一二", 4, 4, &["一二"]),
        // Mixed Chinese, Latin and digits.
        ("在CPI上涨2.1%后", 10, 0, &["在CPI上涨", "2.1%后"]),
        // Emoji and combining marks are single glyphs.
        ("好👍好", 4, 0, &["好👍", "好"]),
        (
            "e\u{301}e\u{301}e\u{301}",
            2,
            0,
            &["e\u{301}e\u{301}", "e\u{301}"],
        ),
    ];
    for &(text, width, indent, want) in cases {
        let out = wrap(text, width, indent, RAW);
        check_invariants(text, width, &out);
        assert_eq!(
            lines(text, width, indent),
            want,
            "{text:?} at width {width}"
        );
    }
}

#[test]
fn no_forbidden_start_at_common_widths() {
    let text = "全区公安机关牢牢把握公安姓党的政治属性,始终以党的旗帜为旗帜、以党的方向为方向、以党的意志为意志,坚持以党的建设统领公安工作和队伍建设。“我们有信心完成全年目标。”他说——这是……";
    for width in 6..80 {
        for l in lines(text, width, 4).iter().skip(1) {
            let first = l.chars().next().unwrap_or(' ');
            assert!(
                !"，。、；：？！）」』》〉】”’…—％,.;:?!)".contains(first),
                "{l:?} at {width}"
            );
        }
    }
}

#[test]
fn wide_character_never_straddles_the_edge() {
    // Width 5: after two wide chars one cell is left; the third goes down.
    let out = wrap("一二三", 5, 0, RAW);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].width, 4);
}

#[test]
fn hanging_spaces_are_not_counted() {
    let out = wrap("abc    def", 5, 0, RAW);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].width, 3);
    assert_eq!(lines("abc    def", 5, 0), ["abc", "def"]);
}

#[test]
fn tiny_widths_terminate_and_keep_all_text() {
    let text = "一，二。“三”——四……5.1万abc　d";
    for width in 1..=4 {
        let out = wrap(text, width, 4, RAW);
        check_invariants(text, width, &out);
    }
}

#[test]
fn full_width_display_changes_widths_consistently() {
    let opts = DisplayOptions::default();
    let text = "社区,青石板路!";
    assert_eq!(display_width(text, opts), 16);
    let out = wrap(text, 6, 0, opts);
    check_invariants(text, 6, &out);
    let shown: Vec<String> = out.iter().map(|l| line_text(text, l, opts)).collect();
    assert_eq!(shown, ["社区，", "青石板", "路！"]);
}

#[test]
fn the_indent_gives_way_rather_than_orphan_a_closing_mark() {
    // 看。” is one unbreakable run of 5 cells: beside a 4-cell indent in an
    // 8-cell pane it would leave ” to start the second line alone.
    let out = lines("看。”好", 8, 4);
    assert_eq!(out, ["看。”好"]);
    let out = wrap("看。”好", 8, 4, RAW);
    assert_eq!(out[0].indent, 0);
}

/// A URL or an e-mail address breaks only after / . ? & -, never between
/// the two slashes of http://, and a decimal number stays whole.
#[test]
fn urls_break_after_their_marks_only() {
    let text = "详见http://www.stats.gov.cn/tjsj/zxfb/202101/t20210118.html?id=5&t=1网站";
    for width in 8..40 {
        let out = lines(text, width, 0);
        check_invariants(text, width, &wrap(text, width, 0, RAW));
        for pair in out.windows(2) {
            let (end, start) = (pair[0].trim_end(), pair[1].trim_start());
            let last = end.chars().last().unwrap_or(' ');
            let first = start.chars().next().unwrap_or(' ');
            let forced = display_width(end, RAW) >= width.saturating_sub(1);
            if last.is_ascii_graphic() && first.is_ascii_graphic() && !forced {
                assert!(
                    "/.?&-".contains(last),
                    "width {width}: broke after {last:?}: {out:?}"
                );
            }
            assert!(
                !(end.ends_with('/') && start.starts_with('/')),
                "inside //: {out:?}"
            );
        }
    }
    // Wide enough for 5.1%， (6 cells: the comma may not start a line):
    // it is never cut.
    for width in 6..12 {
        let out = lines("增长5.1%，比上年", width, 0);
        assert!(out.iter().all(|l| !l.ends_with("5.")), "5.1 cut: {out:?}");
    }
    let mail = lines("请发邮件至kanbao-news@example.org告知", 20, 0);
    assert!(
        mail.iter()
            .all(|l| !l.ends_with('@') && !l.ends_with("kanbao")),
        "{mail:?}"
    );
}
