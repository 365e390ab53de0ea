//! Who wrote or shot it: bylines (□本报记者 陈春艳, 記者：甲　乙) and the
//! credits of photos and graphics (王闽摄（影像中国）, 制图：张三).

use super::counting::more_chars_than;
use super::labels::{BYLINE_MARKERS, is_box_label};
use crate::text::punct::{is_clause_mark, is_closing_bracket, is_han, is_sentence_final};

/// Roles that open a byline without a marker.
const BYLINE_ROLES: &[&str] = &[
    "本报记者",
    "本報記者",
    "新華社記者",
    "記者",
    "通訊員",
    "本报通讯员",
    "本报特约记者",
    "本报评论员",
    "本报特约评论员",
    "特约评论员",
    "见习记者",
    "特约记者",
    "实习记者",
    "新华社记者",
    "记者",
    "通讯员",
    "实习生",
    "文/",
    "文／",
];

/// Endings of a photo or graphics credit.
const CREDIT_ENDINGS: &[&str] = &[
    "摄",
    "摄影",
    "摄影报道",
    "供图",
    "制图",
    "绘图",
    "绘",
    "攝",
    "攝影",
    "攝影報道",
    "供圖",
    "製圖",
];

/// Openings of a graphics or design credit (制图：张三).
const CREDIT_OPENINGS: &[&str] = &[
    "制图：",
    "本版制图：",
    "版式设计：",
    "数据来源：",
    "版式：",
    "统筹：",
    "策划：",
    "资料整理：",
    "統籌：",
    "策劃：",
    "資料整理：",
    "本版图片来源：",
    "图片来源：",
    "製圖：",
    "本版製圖：",
    "版式設計：",
];

/// If `text` is a byline, the byte offset where the name part starts (after
/// any marker and the whitespace behind it).
pub(crate) fn byline_start(text: &str) -> Option<usize> {
    if more_chars_than(text, 40) || text.contains(['。', '，', '；', '！', '？']) {
        return None;
    }
    if is_credit(text) {
        return None;
    }
    let after_marker = text.trim_start_matches(BYLINE_MARKERS);
    let marked = after_marker.len() < text.len();
    if marked && is_box_label(after_marker) {
        return None;
    }
    let rest = after_marker.trim_start();
    if rest.is_empty() {
        return None;
    }
    let by_role = (BYLINE_ROLES.iter().any(|r| rest.starts_with(r)) || is_correspondent(rest))
        && rest.chars().filter(|&c| is_han(c)).count() <= 30
        && !reports_as_reporter(rest);
    // A marked line is a byline when it names people (◎宋爽, □辛凤娟, □王 林):
    // a marked phrase (□红烛精神代代传) is a section head.
    let names = rest
        .split([' ', '\u{3000}', '、'])
        .filter(|n| !n.is_empty())
        .all(|n| n.chars().all(|c| is_han(c) || c == '·') && n.chars().count() <= 4);
    if (marked && names) || by_role {
        Some(text.len() - rest.len())
    } else {
        None
    }
}

/// A lead-in that names the reporter as its subject (记者新春探访乡村治理):
/// after a bare 记者, one run of more characters than two names take.
fn reports_as_reporter(text: &str) -> bool {
    ["记者", "記者"].iter().any(|r| {
        text.strip_prefix(r)
            .is_some_and(|rest| rest.chars().count() >= 7 && rest.chars().all(is_han))
    })
}

/// A correspondent's byline: 本报驻乌克兰记者 谭武军, 本报赴老挝特派记者 孙广勇.
fn is_correspondent(text: &str) -> bool {
    let Some(rest) = ["本报驻", "本报赴", "本報駐", "本報赴"]
        .iter()
        .find_map(|p| text.strip_prefix(p))
    else {
        return false;
    };
    let place: String = rest.chars().take_while(|&c| is_han(c)).take(12).collect();
    ["记者", "記者"]
        .iter()
        .any(|r| place.find(r).is_some_and(|at| at > 0))
}

/// Two runs of one or two characters set apart by spaces (林 芳, 张  岩,
/// 缘  起): a name signing an item, or a part's heading. Of the corpus's
/// lines so written, 54 are paragraphs and none a title, lead-in or
/// subtitle.
pub(crate) fn is_spaced_pair(text: &str) -> bool {
    let mut halves = text
        .split([' ', '\u{3000}', '\u{a0}'])
        .filter(|h| !h.is_empty());
    let short = |h: &str| (1..=2).contains(&h.chars().count()) && h.chars().all(is_han);
    matches!((halves.next(), halves.next(), halves.next()), (Some(a), Some(b), None) if short(a) && short(b))
}

pub(crate) fn is_credit(text: &str) -> bool {
    // A web copy marks credits as it marks section heads (□版式设计：郭祥).
    let text = text.trim_start_matches(['□', '◆', '●', '◇', '▲', '★']);
    if CREDIT_OPENINGS.iter().any(|o| text.starts_with(o)) && !more_chars_than(text, 40) {
        return true;
    }
    // The agency or collection may follow in brackets: 王闽摄（影像中国）.
    let t = match text
        .strip_suffix(['）', ')'])
        .and_then(|b| b.rfind(['（', '(']))
    {
        Some(open) if open > 0 => &text[..open],
        _ => text,
    };
    let agency = t.len() < text.len() && text[t.len()..].contains("社发");
    // Picture and words by two hands (王 一图 李四文), or where to write
    // (栏目投稿邮箱：…@…).
    let picture_and_words = !more_chars_than(text, 20)
        && t.ends_with('文')
        && t.contains(['图', '圖'])
        && !t.contains(|c: char| is_clause_mark(c) || is_sentence_final(c));
    if picture_and_words || (text.contains('@') && !more_chars_than(text, 50)) {
        return true;
    }
    let t = t.trim_end_matches(is_closing_bracket);
    !more_chars_than(text, 50)
        && (CREDIT_ENDINGS.iter().any(|e| t.ends_with(e)) || t.ends_with("社发") || agency)
        && !t.contains('。')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_spaced_pairs() {
        assert!(is_spaced_pair("林 芳"));
        assert!(is_spaced_pair("张\u{a0}\u{a0}岩"));
        assert!(is_spaced_pair("缘\u{3000}起"));
        assert!(!is_spaced_pair("林芳"));
        assert!(!is_spaced_pair("价格稳 供应足"));
        assert!(!is_spaced_pair("林 芳 王 欢"));
    }

    #[test]
    fn bylines_lose_their_marker() {
        let t = "□本报记者 陈春艳";
        assert_eq!(&t[byline_start(t).unwrap()..], "本报记者 陈春艳");
        let t = "◎ 宋爽";
        assert_eq!(&t[byline_start(t).unwrap()..], "宋爽");
        assert_eq!(byline_start("本报记者 陈春艳"), Some(0));
        assert_eq!(byline_start("陈春艳"), None);
        assert_eq!(byline_start("本报驻乌克兰记者 谭武军"), Some(0));
        assert_eq!(byline_start("本报赴老挝特派记者 孙广勇"), Some(0));
        assert_eq!(byline_start("本报驻村工作队"), None);
        assert_eq!(byline_start("记者新春探访乡村治理"), None);
        assert_eq!(byline_start("记者 王云娜 李 华"), Some(0));
    }
}
