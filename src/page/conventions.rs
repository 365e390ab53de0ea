//! What a page's layout uses to set things apart: blank lines, indentation
//! or markers. Read off the page's own body text, so the parser judges a
//! headline against this page's habits, not a fixed layout's.

use super::classify::Shape;
use super::lines::{RawBlock, START_GAP};

/// Section-head markers of web copies (□红烛精神代代传).
pub(crate) const HEAD_MARKERS: &[char] = &['□', '◆', '●', '◇', '▲', '★'];

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Conventions {
    /// Blank lines between the paragraphs of an article: the commonest gap
    /// before body text. More than this marks a new article or region.
    pub body_gap: usize,
    /// Body text is indented and headings are not, so an unindented short
    /// line is a heading and an indented one a subheading.
    pub body_indented: bool,
    /// Section heads carry a marker (□…), so an unmarked short line is a
    /// title: a fifth or more of the headline-shaped lines are marked.
    pub marked_heads: bool,
    /// Articles stand apart by more blank lines than paragraphs (seen at
    /// least three times, or once where no headline at the paragraph gap
    /// has a byline), so a headline at the paragraph gap is inside an
    /// article.
    pub article_gaps: bool,
    /// A headline at the paragraph gap with a byline of its own is a
    /// sub-report of a roundup (云南玉溪顾芸—— / 买上鲜花过大年，心情好 /
    /// 本报记者 徐元锋), not an article: the page sets headlines apart by
    /// wider gaps, and such heads come in one series, or in fewer series
    /// than there are wide gaps — not spread through the page as its
    /// articles would be.
    pub sub_reports: bool,
}

pub(crate) fn is_marked_head(block: &RawBlock) -> bool {
    block.text.text.starts_with(HEAD_MARKERS)
}

impl Conventions {
    pub(crate) fn of(blocks: &[RawBlock], shapes: &[Shape]) -> Conventions {
        let body = || {
            blocks
                .iter()
                .zip(shapes)
                .filter(|(_, s)| **s == Shape::Body)
                .map(|(b, _)| b)
        };
        let mut gaps = [0usize; 4];
        for b in body().filter(|b| b.gap_before != START_GAP) {
            gaps[b.gap_before.min(3)] += 1;
        }
        let body_gap = (0..4)
            .max_by_key(|&g| (gaps[g], usize::MAX - g))
            .unwrap_or(0);
        let long = body().filter(|b| b.chars > 40).count();
        let indented = body().filter(|b| b.chars > 40 && b.indented).count();
        let heads_unindented = blocks
            .iter()
            .zip(shapes)
            .any(|(b, s)| *s == Shape::Headline && !b.indented);
        let body_indented = long > 0 && indented * 10 >= long * 7 && heads_unindented;
        // Marked heads are a convention when they are a good share of the
        // headlines, not one ■ inside a subtitle somewhere in a whole day.
        let heads = || {
            blocks
                .iter()
                .zip(shapes)
                .filter(|(_, s)| **s == Shape::Headline)
        };
        let marked = heads().filter(|(b, _)| is_marked_head(b)).count();
        let marked_heads = marked > 0 && marked * 5 >= heads().count();
        let wide_gaps = blocks
            .iter()
            .zip(shapes)
            .filter(|(b, s)| {
                **s == Shape::Headline && b.gap_before != START_GAP && b.gap_before > body_gap
            })
            .count();
        let runs = if body_gap >= 1 {
            bylined_runs(blocks, shapes, body_gap)
        } else {
            0
        };
        Conventions {
            sub_reports: body_gap >= 1 && {
                // A page of one roundup has no wider gap at all: its
                // title, with no byline of its own, opens an intro, and one
                // series of bylined heads follows.
                if wide_gaps == 0 {
                    runs == 1 && opens_with_unbylined_head(blocks, shapes)
                } else {
                    runs <= 1 || runs < wide_gaps
                }
            },
            // Three wider gaps show the habit; so does one, where no
            // headline at the paragraph gap has a byline of its own (五化协
            // 同 大抓基层⑤ / 联学联创 聚合力 / □辛凤娟): on such a page the
            // wider gaps part regions, and articles stand at the paragraph gap.
            article_gaps: body_gap >= 1 && (wide_gaps >= 3 || wide_gaps >= 1 && runs == 0),
            body_gap,
            body_indented,
            marked_heads,
        }
    }
}

/// In how many runs the headline groups that a byline follows at the
/// paragraph gap come; a wide gap ends a run.
fn bylined_runs(blocks: &[RawBlock], shapes: &[Shape], body_gap: usize) -> usize {
    let heads = |k: usize| {
        shapes.get(k) == Some(&Shape::Headline)
            || shapes.get(k) == Some(&Shape::Body) && leads_in(&blocks[k].text.text)
    };
    let (mut runs, mut in_run) = (0, false);
    let mut i = 0;
    while i < blocks.len() {
        let gap = blocks[i].gap_before;
        if gap > body_gap || shapes[i] == Shape::PageMark {
            in_run = false;
        }
        if !heads(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < blocks.len() && end - i < 4 && heads(end) && blocks[end].gap_before <= body_gap
        {
            end += 1;
        }
        let bylined = shapes.get(end) == Some(&Shape::Byline);
        if bylined && gap <= body_gap && !in_run {
            runs += 1;
            in_run = true;
        }
        i = end;
    }
    runs
}

/// A short line that ends as a lead-in does (云南玉溪顾芸——, 国台办：).
fn leads_in(text: &str) -> bool {
    let text = text.trim_end();
    text.chars().count() <= 30 && (text.ends_with('—') || text.ends_with(['：', ':']))
}

/// Does the page open with a headline that no byline follows?
fn opens_with_unbylined_head(blocks: &[RawBlock], shapes: &[Shape]) -> bool {
    if shapes.first() != Some(&Shape::Headline) {
        return false;
    }
    let end = (0..blocks.len().min(4))
        .find(|&k| shapes[k] != Shape::Headline)
        .unwrap_or(blocks.len());
    shapes.get(end).is_some_and(|s| *s != Shape::Byline)
}
