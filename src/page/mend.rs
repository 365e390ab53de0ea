//! Stage (iii) of the parser: paragraphs that the foot of a printed column
//! cut in two are joined again — only on positive evidence, so that a
//! subheading or a line of speech is never glued to the text after it.

use super::classify::{dangles, is_enumerated, opens_like_a_lead};
use super::counting::more_chars_than;
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
    // The second half of a cut paragraph ends it: a short line that ends
    // no sentence is another of a run of lead lines (导语), unless a word
    // runs across the seam.
    if is_short_open_line(right) {
        return seg.is_some_and(|s| s.word_spans_join(left, right));
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

/// Longest line of a run of lead lines, in characters.
const LEAD_LINE: usize = 45;

/// A line that ends no sentence and is no longer than a lead line.
fn is_short_open_line(text: &str) -> bool {
    !ends_sentence(text) && !more_chars_than(text, LEAD_LINE)
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
    // The block before the last was a short line that ends no sentence,
    // left as it was: the last, if it is one too, is of a run of lead
    // lines, not the first half of a cut paragraph.
    let mut in_run = false;
    for block in blocks {
        let run = in_run;
        match article.blocks.last_mut() {
            Some(last)
                if last.kind == BlockKind::Paragraph
                    && block.kind == BlockKind::Paragraph
                    && !(run
                        && is_short_open_line(&last.text.text)
                        && !seg.is_some_and(|s| {
                            s.word_spans_join(&last.text.text, &block.text.text)
                        }))
                    && should_mend(&last.text.text, &block.text.text, seg) =>
            {
                last.text.append("", &block.text);
                in_run = false;
            }
            last => {
                in_run = last.is_some_and(|l| is_short_open_line(&l.text.text));
                article.blocks.push(block);
            }
        }
    }
}
