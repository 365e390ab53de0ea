//! What a line opens with or is, read alone: the markers before a byline
//! (□, ◎), the labels of boxes inside an article (核心阅读, 编者按) and
//! enumerators (一、 （二） 3. ①). The parse's stages all ask.

/// Byline markers that precede the name in many dumps.
pub(crate) const BYLINE_MARKERS: &[char] = &['□', '◎', '■', '●', '○', '◆'];

/// Labels of boxes inside an article (核心阅读, 编者的话): headline-shaped,
/// but never a headline.
const BOX_LABELS: &[&str] = &[
    "核心阅读",
    "编者的话",
    "编者按",
    "记者手记",
    "短评",
    "延伸阅读",
    "链接",
    "相关链接",
    "背景链接",
    "新闻链接",
    "数说",
    "图片说明：",
    "开栏的话",
    "人物小传",
    "背景故事",
    "编后",
    "小贴士",
    "相关阅读",
    "核心閱讀",
    "編者的話",
    "編者按",
    "記者手記",
    "開欄的話",
];

/// A box label or an editor's signature (——编者): text of the article.
pub(crate) fn is_box_label(text: &str) -> bool {
    squeezed_label(text).is_some_and(|squeezed| {
        BOX_LABELS.contains(&squeezed.as_str())
            || squeezed
                .strip_prefix("——")
                .is_some_and(|name| name.chars().count() <= 6)
    })
}

/// The label that heads an editor's note (编者按). Under a title it labels
/// a box of the text; where an article starts it is the note's own title.
pub(crate) fn is_editors_note(text: &str) -> bool {
    squeezed_label(text).is_some_and(|squeezed| matches!(squeezed.as_str(), "编者按" | "編者按"))
}

/// A short text as a label is compared: without its marker and spaces.
fn squeezed_label(text: &str) -> Option<String> {
    (text.len() <= 40).then(|| {
        text.trim_start_matches(BYLINE_MARKERS)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    })
}

/// The length of a leading enumerator (一、 （二） 3. ①), in bytes.
pub(crate) fn enumerator_len(text: &str) -> usize {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let mut it = text.char_indices();
    match it.next() {
        Some((_, c)) if ('①'..='⑳').contains(&c) => c.len_utf8(),
        Some((_, '（' | '(')) => {
            let body: Vec<(usize, char)> = it.take_while(|&(_, c)| numeral(c)).collect();
            let end = body.last().map_or(0, |&(i, c)| i + c.len_utf8());
            match text[end..].chars().next() {
                Some(close @ ('）' | ')')) if !body.is_empty() => end + close.len_utf8(),
                _ => 0,
            }
        }
        Some((_, c)) if numeral(c) => {
            let end = text
                .char_indices()
                .find(|&(_, c)| !numeral(c))
                .map_or(text.len(), |(i, _)| i);
            match text[end..].chars().next() {
                Some(sep @ ('、' | '.' | '．')) => end + sep.len_utf8(),
                _ => 0,
            }
        }
        _ => 0,
    }
}

pub(crate) fn is_enumerated(text: &str) -> bool {
    enumerator_len(text) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerators() {
        assert!(is_enumerated("一、坚持党的领导"));
        assert!(is_enumerated("（二）强化监督"));
        assert!(is_enumerated("3.落实责任"));
        assert!(is_enumerated("①开局"));
        assert!(!is_enumerated("一枝独秀"));
    }

    #[test]
    fn labels_are_compared_without_marks_or_spaces() {
        assert!(is_editors_note("□编 者 按"));
        assert!(is_editors_note("編者按"));
        assert!(!is_editors_note("编者的话"));
        assert!(is_box_label("编者的话"));
        assert!(is_box_label("——编  者"));
        assert!(!is_box_label(&"编".repeat(20)));
    }
}
