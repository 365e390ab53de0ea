//! Parsing a page or many — the parser's entry points — on every core a
//! big input needs. Many pages: each thread takes a run
//! of them. One big text: it is cut into regions where articles part (two
//! blank lines), else at a blank line, else at a line end, and the regions'
//! columns are joined; a region ends just after a line end, so the next
//! one starts on a line of its own. The reader opens a big file from its
//! first region, cut the same way.

use std::ops::Range;
use std::sync::Arc;

use super::model::{Column, Page};
use super::parse::{parse_region, parse_traced};
use crate::text::Segmenter;

/// Parses one page. With a segmenter, short ambiguous fragments are mended
/// when a word spans the seam; without one only unambiguous cuts are, and
/// the result can be refined later by parsing again with it — article
/// boundaries do not depend on it.
///
/// A big text is parsed in regions (cut where articles part), one thread
/// each, and the regions' columns joined.
pub fn parse(source: &str, text: impl Into<String>, seg: Option<Segmenter>) -> Page {
    parse_shared(source, Arc::new(text.into()), seg)
}

/// [`parse`] of a text that is shared (the reader parses it again, with
/// the segmenter, on another thread).
pub fn parse_shared(source: &str, text: Arc<String>, seg: Option<Segmenter>) -> Page {
    let columns = match threads_for(text.len()) {
        n if n >= 2 => parse_in_regions(&text, n, seg),
        _ => parse_region(&text, seg),
    };
    Page {
        source: source.to_owned(),
        text,
        columns,
    }
}

/// Why each block of `text` became what it is, by source line: the page
/// parsed again as [`parse_shared`] parses it (in the same regions, for a
/// big one), noting the rule that decided each block.
pub(crate) fn reasons(text: &str, seg: Option<Segmenter>) -> Vec<(usize, &'static str)> {
    let n = threads_for(text.len());
    if n < 2 {
        let mut reasons = Vec::new();
        parse_traced(text, seg, Some(&mut reasons));
        return reasons;
    }
    let mut all = Vec::new();
    let mut lines = 0;
    for range in regions(text, n) {
        let region = &text[range];
        let mut reasons = Vec::new();
        parse_traced(region, seg, Some(&mut reasons));
        all.extend(reasons.into_iter().map(|(line, why)| (line + lines, why)));
        lines += line_ends(region);
    }
    all
}

/// Gaps to cut at, the best first: where articles part, then paragraphs,
/// then lines.
const GAPS: [&str; 5] = ["\n\n\n", "\r\n\r\n\r\n", "\n\n", "\r\n\r\n", "\n"];

/// A text smaller than this is parsed in one piece: threads would cost
/// more than they save.
pub(crate) const PARALLEL_BYTES: usize = 4 << 20;

/// Where to cut `text` at or before `end` but after `floor`: just past the
/// first line end of the best gap there.
pub(crate) fn cut_before(text: &str, end: usize, floor: usize) -> Option<usize> {
    let end = text.floor_char_boundary(end.min(text.len()));
    let floor = text.floor_char_boundary(floor.min(end));
    let window = &text[floor..end];
    GAPS.iter().find_map(|gap| {
        let at = window.rfind(gap)?;
        let newline = if gap.starts_with('\r') { 2 } else { 1 };
        Some(floor + at + newline)
    })
}

/// How many threads to parse `bytes` of input on.
pub(crate) fn threads_for(bytes: usize) -> usize {
    if bytes < PARALLEL_BYTES {
        // Asking for the number of cores reads files: a small input does
        // not ask.
        return 1;
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    cores.min(bytes / (PARALLEL_BYTES / 4)).max(1)
}

/// Parses pages (name, text) in order, on every core when together they
/// are big: each thread takes a run of pages of about equal size.
pub fn parse_pages(texts: &[(String, Arc<String>)], seg: Option<Segmenter>) -> Vec<Page> {
    let total: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let n = threads_for(total).min(texts.len());
    let parse = |run: &[(String, Arc<String>)]| -> Vec<Page> {
        run.iter()
            .map(|(name, text)| parse_shared(name, Arc::clone(text), seg))
            .collect()
    };
    if n < 2 {
        return parse(texts);
    }
    // Runs of pages, each about total / n bytes.
    let mut runs: Vec<&[(String, Arc<String>)]> = Vec::with_capacity(n);
    let (mut start, mut bytes) = (0, 0);
    for (i, (_, text)) in texts.iter().enumerate() {
        bytes += text.len();
        if bytes >= total / n * (runs.len() + 1) && runs.len() + 1 < n {
            runs.push(&texts[start..=i]);
            start = i + 1;
        }
    }
    runs.push(&texts[start..]);
    std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .into_iter()
            .map(|run| scope.spawn(move || parse(run)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// `text` in `n` regions of about equal size (fewer where it has no line
/// ends to cut at).
pub(crate) fn regions(text: &str, n: usize) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(n);
    let mut start = 0;
    for k in 1..n {
        let target = text.len() / n * k;
        // Look back at most half a region for a good place.
        let floor = target.saturating_sub(text.len() / n / 2).max(start + 1);
        if let Some(cut) = cut_before(text, target, floor)
            && cut > start
        {
            out.push(start..cut);
            start = cut;
        }
    }
    out.push(start..text.len());
    out
}

/// How many lines `text` ends (as the line splitter counts them: `\n`,
/// `\r\n` and a lone `\r`).
pub(crate) fn line_ends(text: &str) -> usize {
    let bytes = text.as_bytes();
    let newlines = memchr::memchr_iter(b'\n', bytes).count();
    let lone_returns = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .count();
    newlines + lone_returns
}

/// Parses the regions of `text` on `n` threads and joins their columns: a
/// region that opens without a column heading continues the column before.
fn parse_in_regions(text: &str, n: usize, seg: Option<Segmenter>) -> Vec<Column> {
    let parts = regions(text, n);
    let parsed: Vec<(Vec<Column>, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .iter()
            .map(|r| {
                let region = &text[r.clone()];
                scope.spawn(move || (parse_region(region, seg), line_ends(region)))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut columns: Vec<Column> = Vec::new();
    let mut lines = 0;
    for (range, (region, ends)) in parts.iter().zip(parsed) {
        for (k, mut column) in region.into_iter().enumerate() {
            column.shift(range.start, lines);
            match columns.last_mut() {
                Some(last) if k == 0 && column.name.is_none() => {
                    let mut articles = column.articles.into_iter().peekable();
                    // Text before the region's first headline ends the
                    // article before it.
                    if let (Some(open), Some(untitled)) = (
                        last.articles.last_mut(),
                        articles.next_if(|a| a.title.is_empty() && a.leadin.is_none()),
                    ) {
                        // Exactly: doubling a list of a million blocks
                        // would hold a third of it twice over.
                        open.blocks.reserve_exact(untitled.blocks.len());
                        open.blocks.extend(untitled.blocks);
                    }
                    last.articles.extend(articles);
                }
                _ => columns.push(column),
            }
        }
        lines += ends;
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_where_articles_part_first() {
        let text = "甲\n\n乙\n\n\n丙\n丁\n";
        let cut = cut_before(text, text.len(), 0).expect("a cut");
        assert_eq!(&text[cut..], "\n\n丙\n丁\n");
        let crlf = "甲\r\n\r\n\r\n乙";
        let cut = cut_before(crlf, crlf.len(), 0).expect("a cut");
        assert_eq!(&crlf[cut..], "\r\n\r\n乙");
    }

    #[test]
    fn regions_cover_the_text_in_order() {
        let text = "标题\n\n正文。\n\n\n".repeat(1000);
        let parts = regions(&text, 4);
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0].start, 0);
        assert_eq!(parts[3].end, text.len());
        for pair in parts.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(text[..pair[0].end].ends_with('\n'));
        }
        let one = regions("一行没有换行", 4);
        assert_eq!((one.len(), one[0].clone()), (1, 0..18));
    }

    /// Parsed in regions on two threads, a big text gives the model one
    /// parse of it whole gives: same columns, articles, blocks, offsets and
    /// line numbers.
    #[test]
    fn regions_parse_as_the_whole_does() {
        let page = crate::page::load::BUNDLED_PAGE;
        let text = vec![page; PARALLEL_BYTES / page.len() + 1].join("\n\n\n");
        assert!(text.len() >= PARALLEL_BYTES);
        let whole = parse_region(&text, None);
        let parts = parse_in_regions(&text, 3, None);
        assert_eq!(parts.len(), whole.len());
        assert!(parts == whole, "the regions parse differently");
    }

    #[test]
    fn line_ends_count_as_the_splitter_does() {
        assert_eq!(line_ends("甲\r\n乙\r丙\n丁"), 3);
        assert_eq!(line_ends(""), 0);
    }
}
