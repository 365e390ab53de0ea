//! Stage (iii) of the parser: paragraphs that the foot of a printed column
//! cut in two are joined again — only on positive evidence, so that a
//! subheading or a line of speech is never glued to the text after it.

use super::classify::{dangles, is_enumerated, more_chars_than, opens_like_a_lead};
use super::{Article, BlockKind};
use crate::text::Segmenter;
use crate::text::punct::{ends_sentence, is_clause_mark, is_colon};

/// A fragment this long that stops mid-sentence is running text: headings
/// and lines of speech are shorter.
const LONG_FRAGMENT: usize = 30;

/// Should paragraph `right` be joined to `left`, the two being one
/// paragraph cut by the foot of a printed column?
fn should_mend(left: &str, right: &str, seg: Option<Segmenter>) -> bool {
    let left = left.trim_end();
    if ends_sentence(left) || left.ends_with(is_colon) || left.ends_with(['）', ')']) {
        return false;
    }
    if opens_like_a_lead(right) || is_enumerated(right) || right.starts_with(['□', '■', '【', '—'])
    {
        return false;
    }
    // A dash pair leads into the next paragraph; a closing quote ends the
    // one it closes; a semicolon ends an item of a list. None of them is
    // where the foot of a column cuts running text.
    if left.ends_with("——") || left.ends_with(['”', '’', '」', '』', '；', ';']) {
        return false;
    }
    if dangles(left) {
        return true;
    }
    // A sentence already finished inside the fragment, or a run of clauses,
    // marks it as running text: headings hold neither.
    if holds_a_sentence(left)
        || (more_chars_than(left, LONG_FRAGMENT)
            && left.chars().filter(|&c| is_clause_mark(c)).count() >= 2)
    {
        return true;
    }
    seg.is_some_and(|s| s.word_spans_join(left, right))
}

/// Does `text` finish a sentence before its end? Only the full-width marks
/// count: a Latin full stop is as often a decimal point.
fn holds_a_sentence(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next_back();
    chars.any(|c| matches!(c, '。' | '！' | '？'))
}

/// Joins the cut paragraphs of an article.
pub(crate) fn mend(article: &mut Article, seg: Option<Segmenter>) {
    let blocks = std::mem::take(&mut article.blocks);
    for block in blocks {
        match article.blocks.last_mut() {
            Some(last)
                if last.kind == BlockKind::Paragraph
                    && block.kind == BlockKind::Paragraph
                    && should_mend(&last.text.text, &block.text.text, seg) =>
            {
                last.text.append("", &block.text);
            }
            _ => article.blocks.push(block),
        }
    }
}
