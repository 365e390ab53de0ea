//! Character classes of Chinese typesetting, shared by the parser, the line
//! breaker and the search folder so that all three agree on what a mark is.

/// Marks that end a sentence: a paragraph that stops on one of these was not
/// cut by the page layout.
pub(crate) fn is_sentence_final(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '．' | '.' | '｡')
}

/// Marks inside a sentence: a block that ends on one of these is unfinished.
pub(crate) fn is_clause_mark(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '、' | '；' | ';' | '—' | '－' | '-' | '～' | '~' | '・' | '·'
    )
}

/// Colons end a lead-in to a quote or a list; a paragraph may legitimately
/// end on one, so they are kept apart from the other clause marks.
pub(crate) fn is_colon(c: char) -> bool {
    matches!(c, '：' | ':' | '︰')
}

/// Closing brackets and quotes: they trail a sentence-final mark (`。”`).
pub(crate) fn is_closing_bracket(c: char) -> bool {
    matches!(
        c,
        '）' | ')'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '］'
            | ']'
            | '｝'
            | '}'
            | '”'
            | '’'
            | '"'
            | '\''
    )
}

/// Marks that no line of print starts with: closing brackets and quotes,
/// and the marks that close or pause a sentence (，。、；：？！…％ and their
/// half-width kin). The line breaker never puts one first; the parser
/// joins a line that starts with one to the line above (OCR sliced where
/// the print hung it). Straight quotes open as often as they close, and a
/// dash opens a subtitle (——写在…之际): neither is one.
pub(crate) fn never_starts_a_line(c: char) -> bool {
    (is_closing_bracket(c) && !matches!(c, '"' | '\''))
        || matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '？'
                | '！'
                | '…'
                | '％'
                | ','
                | '.'
                | ';'
                | ':'
                | '?'
                | '!'
                | '%'
        )
}

/// Opening brackets and quotes: never the last character of a line.
pub(crate) fn is_opening_bracket(c: char) -> bool {
    matches!(
        c,
        '（' | '('
            | '「'
            | '『'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '［'
            | '['
            | '｛'
            | '{'
            | '“'
            | '‘'
    )
}

/// Does this text end a sentence, looking through trailing closing quotes?
pub(crate) fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .chars()
        .rev()
        .find(|&c| !is_closing_bracket(c))
        .is_some_and(is_sentence_final)
}

/// CJK ideographs (the unified blocks and their extensions).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_end_looks_through_closing_quotes() {
        assert!(ends_sentence("他说：“好。”"));
        assert!(ends_sentence("为官不为者耻!"));
        assert!(ends_sentence("真的吗？）  "));
        assert!(!ends_sentence("规定动"));
        assert!(!ends_sentence("活动,加"));
        assert!(!ends_sentence("《办法》"));
        assert!(!ends_sentence(""));
    }

    #[test]
    fn classes_are_disjoint_where_they_must_be() {
        for c in "，,、；;".chars() {
            assert!(is_clause_mark(c) && !is_sentence_final(c));
        }
        for c in "（「《“【".chars() {
            assert!(is_opening_bracket(c) && !is_closing_bracket(c));
        }
        assert!(is_han('看') && !is_han('A') && !is_han('，'));
    }
}
