//! What the builder knows of each block before the block's text moves into
//! the model: found in one pass over the page, read by index as the
//! builder goes.

use crate::page::classify::{Shape, is_bracketed};
use crate::page::conventions::{Conventions, is_marked_head};
use crate::page::counting::more_chars_than;
use crate::page::fragments::is_open_paragraph;
use crate::page::lines::RawBlock;
use crate::text::Segmenter;
use crate::text::punct::{ends_sentence, is_colon, is_han};

pub(super) struct Facts {
    /// Body blocks that stop mid-sentence (and points of a summary, and
    /// a form's values, cut as paragraphs are).
    pub(super) open: Vec<bool>,
    /// Blocks that close an article (a note, a credit).
    pub(super) closing: Vec<bool>,
    /// Blocks that are section heads by their mark (□…).
    pub(super) marked_head: Vec<bool>,
    /// Short blocks that end on a dash or a colon, as a lead-in does
    /// (内蒙古阿尔山市西口村——, 督察人员徐锡惠：).
    pub(super) dashed: Vec<bool>,
    /// Blocks that are lines of a form, in a run of such lines.
    pub(super) fields: Vec<bool>,
    /// Headline-shaped blocks that a dictionary word joins to the text
    /// stopping mid-sentence above them (…立案1298件，案 / 值21.8亿元).
    pub(super) seam_word: Vec<bool>,
}

impl Facts {
    pub(super) fn of(
        blocks: &[RawBlock],
        shapes: &[Shape],
        conv: &Conventions,
        seg: Option<Segmenter>,
    ) -> Facts {
        // Lines of a form (时间：上午8点 / 地点：西安国际港务区 / 场景：…) come in
        // runs: a two-character label, a colon, a short value.
        let labelled: Vec<bool> = blocks.iter().map(|b| is_labelled(&b.text.text)).collect();
        let fields: Vec<bool> = (0..blocks.len())
            .map(|k| {
                labelled[k]
                    && (k > 0 && labelled[k - 1] || labelled.get(k + 1).copied().unwrap_or(false))
            })
            .collect();
        let open: Vec<bool> = blocks
            .iter()
            .zip(shapes)
            .map(|(b, &s)| {
                let t = &b.text.text;
                // A point of a summary (■植物激素与人体激素是两回事。大部分瓜果蔬菜)
                // is cut as a paragraph is; a caption ends on its credit (…攝).
                // Only where blank lines part the paragraphs are they cut so.
                let point = conv.body_gap >= 1
                    && s == Shape::Caption
                    && t.starts_with('■')
                    && !t.trim_end().ends_with(['摄', '攝']);
                (s == Shape::Body || point) && is_open_paragraph(t) && !is_bracketed(t)
            })
            .enumerate()
            // A form's value is cut as a paragraph is (场景：挨个往11头害病的 / 牦牛
            // 脖子上打针).
            .map(|(k, open)| open || fields[k] && !ends_sentence(&blocks[k].text.text))
            .collect();
        // What closes an article: a note (（本报开罗2月13日电）, however long)
        // or a credit (□制图：郭 祥).
        let closing: Vec<bool> = blocks
            .iter()
            .zip(shapes)
            .map(|(b, &s)| matches!(s, Shape::Note | Shape::Credit) || is_bracketed(&b.text.text))
            .collect();
        // A marked credit is no head; a marked name (□美 国, □宋爽) is a head or
        // a byline, and neither has a title right under it.
        let marked_head: Vec<bool> = blocks
            .iter()
            .zip(shapes)
            .map(|(b, &s)| {
                is_marked_head(b)
                    && (matches!(s, Shape::Headline | Shape::Dialogue | Shape::Byline)
                        || s == Shape::Body && !ends_sentence(&b.text.text))
            })
            .collect();
        let dashed: Vec<bool> = blocks
            .iter()
            .map(|b| {
                let t = b.text.text.trim_end();
                b.chars <= 40 && (t.ends_with('—') || t.ends_with(is_colon))
            })
            .collect();
        let seam_word: Vec<bool> = (0..blocks.len())
            .map(|k| {
                k > 0
                    && open[k - 1]
                    && shapes[k] == Shape::Headline
                    && seg.is_some_and(|s| {
                        s.word_spans_join(&blocks[k - 1].text.text, &blocks[k].text.text)
                    })
            })
            .collect();
        Facts {
            open,
            closing,
            marked_head,
            dashed,
            fields,
            seam_word,
        }
    }
}

/// 地点：西安国际港务区 — a two-character label, a colon and a value of at
/// most 30 characters.
fn is_labelled(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(is_han)
        && chars.next().is_some_and(is_han)
        && chars.next().is_some_and(is_colon)
        && !more_chars_than(text, 33)
        && !text.contains('。')
}
