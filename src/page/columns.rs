//! Column names and boxes: a short heading over an article's title
//! (视点, 强军思想引领新征程), a name written into the title in brackets
//! (（人民时评）, 【视点】), a box's title (速览) and the labels inside an
//! article (核心阅读).

use super::counting::{char_count, more_chars_than};
use super::labels::is_enumerated;
use crate::text::punct::{is_clause_mark, is_colon, is_han};

/// Longest plain column heading, in characters (whitespace not counted).
pub(crate) const COLUMN_MAX_CHARS: usize = 8;

/// Titles of the boxes a page runs under one head, each item with its own
/// (速览 / 证监会鼓励证券公司权益类投资 / …): short, but a title, not a
/// column, and the heads under them are the items'.
const BOX_TITLES: &[&str] = &[
    "速览",
    "数读",
    "来论",
    "图片报道",
    "微阅读",
    "身边事",
    "建议",
    "速覽",
    "數讀",
    "來論",
    "圖片報道",
    "微閱讀",
    "身邊事",
    "建議",
];

pub(crate) fn is_box_title(text: &str) -> bool {
    !more_chars_than(text, 4) && BOX_TITLES.contains(&text.trim())
}

/// Could this headline be a column heading (视点, 五化协同 大抓基层⑤)?
pub(crate) fn is_column_like(text: &str) -> bool {
    is_column_of_length(text, COLUMN_MAX_CHARS)
}

/// [`is_column_like`] for a plain name of at most `max` characters.
pub(crate) fn is_column_of_length(text: &str, max: usize) -> bool {
    // Plain column names are short (视点, 人民时评); longer ones carry a
    // series mark (五化协同 大抓基层⑤, 新春走基层·全面深化改革).
    let series = text.contains('·')
        || text
            .chars()
            .last()
            .is_some_and(|c| ('①'..='⑳').contains(&c) || c.is_ascii_digit());
    let max = if series { 16 } else { max };
    bracketed_name(text).is_some()
        || (!more_chars_than(text, max)
            && !is_enumerated(text)
            && !text.ends_with(['！', '？', '!', '?'])
            && !text.contains(|c: char| (is_clause_mark(c) && c != '·') || is_colon(c)))
}

/// The byte range of a name written in brackets filling the whole text
/// (【视点】, 〔人民时评〕).
pub(crate) fn bracketed_name(text: &str) -> Option<std::ops::Range<usize>> {
    let open = text.chars().next()?;
    let close = match open {
        '【' => '】',
        '〔' => '〕',
        '[' => ']',
        '［' => '］',
        '（' => '）',
        '(' => ')',
        '「' => '」',
        _ => return None,
    };
    let inner = text.strip_prefix(open)?.strip_suffix(close)?;
    let start = open.len_utf8();
    (!inner.trim().is_empty() && !inner.contains([open, close])).then(|| start..start + inner.len())
}

/// Bracketed notes inside titles that are not column names.
const NOT_COLUMNS: &[&str] = &[
    "试行", "暂行", "草案", "节选", "摘要", "修订", "全文", "续", "上", "中", "下", "上篇", "下篇",
    "图", "组图",
];

/// A column name written into a title in brackets: （人民时评）at the end,
/// or 【视点】 at the start. Returns the name's byte range and the title's
/// byte range (the rest, trimmed).
pub(crate) fn column_in_title(
    title: &str,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let plausible = |name: &str| {
        let n = name.chars().count();
        (2..=12).contains(&n)
            && name.chars().all(|c| is_han(c) || c == '·')
            && !NOT_COLUMNS.contains(&name)
    };
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('〔', '〕')] {
        if let Some(rest) = title.strip_suffix(close)
            && let Some(at) = rest.rfind(open)
        {
            let name = at + open.len_utf8()..rest.len();
            let head = title[..at].trim_end();
            if plausible(&title[name.clone()]) && char_count(head) > 0 {
                return Some((name, 0..head.len()));
            }
        }
        if let Some(rest) = title.strip_prefix(open)
            && let Some(end) = rest.find(close)
        {
            let start = open.len_utf8();
            let name = start..start + end;
            let tail_start = name.end + close.len_utf8();
            let tail = &title[tail_start..];
            let lead_ws = tail.len() - tail.trim_start().len();
            if plausible(&title[name.clone()]) && char_count(tail) > 0 {
                return Some((name, tail_start + lead_ws..title.len()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_inside_titles() {
        let t = "让文化遗产焕发新活力（人民时评）";
        let (name, title) = column_in_title(t).unwrap();
        assert_eq!(&t[name], "人民时评");
        assert_eq!(&t[title], "让文化遗产焕发新活力");
        let t = "【视点】 打一场整风仗";
        let (name, title) = column_in_title(t).unwrap();
        assert_eq!((&t[name], &t[title]), ("视点", "打一场整风仗"));
        assert!(column_in_title("认定和组织处理办法（试行）").is_none());
        assert!(column_in_title("（人民时评）").is_none());
    }
}
