//! Concordance (keyword in context, KWIC): every hit of a query with the
//! text on either side of it, so that a word's uses can be read one under
//! the other and sorted by what comes before or after them — the view
//! press researchers know from CCL, BCC and AntConc.

use std::cmp::Ordering;

use crate::find::IssueHit;
use crate::page::Issue;
use crate::text::Segmenter;
use crate::text::query::{context_start, one_line};

/// Characters of context on each side of a hit, unless asked otherwise.
pub const CONTEXT_CHARS: usize = 15;

/// One hit with its context, whitespace runs made one space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KwicLine {
    pub hit: IssueHit,
    /// Up to the context's characters before the hit, in its text.
    pub left: String,
    /// The hit as written.
    pub word: String,
    /// Up to the context's characters after the hit.
    pub right: String,
}

/// The order of concordance lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Reading order: page, column, article, place in the text.
    #[default]
    Source,
    /// By the words after the hit, the first word first.
    Right,
    /// By the words before the hit, read backwards: the word next to the
    /// hit first, then the one before it.
    Left,
}

impl SortBy {
    /// The next order, as a key cycles through them.
    pub fn next(self) -> SortBy {
        match self {
            SortBy::Source => SortBy::Right,
            SortBy::Right => SortBy::Left,
            SortBy::Left => SortBy::Source,
        }
    }

    /// The order in a few words, for the reader's title bar.
    pub fn describe(self) -> &'static str {
        match self {
            SortBy::Source => "as read",
            SortBy::Right => "by the words after",
            SortBy::Left => "by the words before",
        }
    }

    /// The order in a sentence, for the status bar.
    pub fn explain(self) -> &'static str {
        match self {
            SortBy::Source => "results in reading order",
            SortBy::Right => "results sorted by the words after the hit",
            SortBy::Left => "results sorted by the words before the hit",
        }
    }
}

/// The line for `hit`, with `chars` characters of context each side
/// (fewer where its paragraph, title or caption ends).
pub fn line(issue: &Issue, hit: &IssueHit, chars: usize) -> KwicLine {
    let text = issue
        .text_of(hit.article, hit.hit.part)
        .map_or("", |t| t.text.as_str());
    let (start, end) = (hit.hit.start.min(text.len()), hit.hit.end.min(text.len()));
    let from = context_start(text, start, chars);
    // Forward as far as the context reaches, too.
    let to = text[end..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| end + i);
    KwicLine {
        hit: *hit,
        left: one_line(&text[from..start]).trim_start().to_owned(),
        word: one_line(&text[start..end]),
        right: one_line(&text[end..to]).trim_end().to_owned(),
    }
}

/// Every hit's line, in the order given.
pub fn lines(issue: &Issue, hits: &[IssueHit], chars: usize) -> Vec<KwicLine> {
    hits.iter().map(|h| line(issue, h, chars)).collect()
}

/// The words of `text`: jieba's, or its characters without a segmenter.
fn words(text: &str, seg: Option<Segmenter>) -> Vec<String> {
    match seg {
        Some(seg) => {
            let b = seg.boundaries(text);
            b.windows(2).map(|w| text[w[0]..w[1]].to_owned()).collect()
        }
        None => text.chars().map(String::from).collect(),
    }
}

/// The key a line sorts by.
fn key(line: &KwicLine, by: SortBy, seg: Option<Segmenter>) -> Vec<String> {
    match by {
        SortBy::Source => Vec::new(),
        SortBy::Right => words(&line.right, seg),
        SortBy::Left => {
            let mut w = words(&line.left, seg);
            w.reverse();
            w
        }
    }
}

/// The order `lines` take when sorted `by` (indices into `lines`; the
/// sort is stable, so equal contexts keep their reading order). Words are
/// jieba's with a segmenter, characters without; words compare by code
/// point, as CCL and BCC order them.
pub fn order(lines: &[KwicLine], by: SortBy, seg: Option<Segmenter>) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..lines.len()).collect();
    match by {
        SortBy::Source => idx.sort_by(|&a, &b| source_order(&lines[a], &lines[b])),
        _ => {
            let keys: Vec<Vec<String>> = lines.iter().map(|l| key(l, by, seg)).collect();
            idx.sort_by(|&a, &b| {
                keys[a]
                    .cmp(&keys[b])
                    .then_with(|| source_order(&lines[a], &lines[b]))
            });
        }
    }
    idx
}

/// Reading order: hits order by article, part and offset.
fn source_order(a: &KwicLine, b: &KwicLine) -> Ordering {
    a.hit.cmp(&b.hit)
}

/// Sorts `lines` in place.
pub fn sort(lines: &mut Vec<KwicLine>, by: SortBy, seg: Option<Segmenter>) {
    let order = order(lines, by, seg);
    let mut taken: Vec<Option<KwicLine>> = std::mem::take(lines).into_iter().map(Some).collect();
    lines.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::SearchIndex;
    use crate::page::parse;
    use crate::text::query::Query;

    fn issue(text: &str) -> Issue {
        Issue {
            pages: vec![parse("t.txt", text, None)],
        }
    }

    fn kwic(issue: &Issue, q: &str, chars: usize) -> Vec<KwicLine> {
        let query = Query::new(q, false).expect("a query");
        let hits = SearchIndex::new(issue).search(issue, &query, None);
        lines(issue, &hits, chars)
    }

    #[test]
    fn context_stops_at_its_characters_and_its_text() {
        let i = issue("标题\n\n一二三四五党支部六七八九十。\n\n党支部在前。\n");
        let l = kwic(&i, "党支部", 3);
        assert_eq!(
            (l[0].left.as_str(), l[0].word.as_str(), l[0].right.as_str()),
            ("三四五", "党支部", "六七八")
        );
        assert_eq!((l[1].left.as_str(), l[1].right.as_str()), ("", "在前。"));
    }

    #[test]
    fn sorted_by_either_side() {
        let i = issue("标题\n\n乙党支部丙。\n\n甲党支部乙。\n\n丙党支部甲。\n");
        let mut l = kwic(&i, "党支部", 2);
        let rights = |l: &[KwicLine]| l.iter().map(|l| l.right.clone()).collect::<Vec<_>>();
        let lefts = |l: &[KwicLine]| l.iter().map(|l| l.left.clone()).collect::<Vec<_>>();
        sort(&mut l, SortBy::Right, None);
        assert_eq!(
            rights(&l),
            ["丙。", "乙。", "甲。"],
            "by code point: 丙 < 乙 < 甲"
        );
        sort(&mut l, SortBy::Left, None);
        assert_eq!(lefts(&l), ["丙", "乙", "甲"]);
        sort(&mut l, SortBy::Source, None);
        assert_eq!(lefts(&l), ["乙", "甲", "丙"]);
    }

    #[test]
    fn the_left_sort_reads_backwards() {
        // 二甲 and 一乙: backwards, 甲 (U+7532) comes after 乙 (U+4E59).
        let i = issue("标题\n\n二甲党支部。\n\n一乙党支部。\n");
        let mut l = kwic(&i, "党支部", 2);
        sort(&mut l, SortBy::Left, None);
        assert_eq!(l[0].left, "一乙");
    }
}
