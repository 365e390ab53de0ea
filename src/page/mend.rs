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
    if dangles(left) {
        return true;
    }
    if more_chars_than(left, LONG_FRAGMENT) && left.contains(is_clause_mark) {
        return true;
    }
    seg.is_some_and(|s| s.word_spans_join(left, right))
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
