//! Source text → lines → raw blocks: the first, layout-only pass of the
//! parser. It knows about line ends, indentation and hard wrapping, nothing
//! about what a block means.

use unicode_width::UnicodeWidthStr;

use super::counting::visible_chars;
use super::model::Text;

/// One non-blank source line, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in the source.
    pub start: usize,
    /// 1-based line number.
    pub number: usize,
    /// The line began with a paragraph indent (U+3000, two spaces or a tab).
    pub indented: bool,
    /// The line as shown: indent included, trailing whitespace not.
    pub shown: &'a str,
}

/// Consecutive source lines that form one block of text.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub text: Text,
    /// How many blank lines stand before the block (the start of the file
    /// counts as a long gap).
    pub gap_before: usize,
    pub indented: bool,
    /// The block spans more than one source line (a hard-wrapped paragraph).
    pub multiline: bool,
    /// Characters other than whitespace, counted up to [`CHARS_COUNTED`]:
    /// every test of a block's shape is for shorter text.
    pub chars: usize,
}

/// How far [`RawBlock::chars`] counts.
pub(crate) const CHARS_COUNTED: usize = 121;

/// The gap reported before the first block of a file.
pub(crate) const START_GAP: usize = usize::MAX;

/// Splits `source` into lines at `\n`, `\r\n` or a lone `\r`.
fn split_lines(source: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = source.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos > bytes.len() || (pos == bytes.len() && pos > 0) {
            return None;
        }
        let start = pos;
        match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(i) => {
                let end = pos + i;
                pos = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                Some((start, &source[start..end]))
            }
            None => {
                pos = bytes.len() + 1;
                Some((start, &source[start..]))
            }
        }
    })
}

fn leading_indent(line: &str) -> bool {
    line.starts_with('\u{3000}') || line.starts_with("  ") || line.starts_with('\t')
}

/// Narrowest measure taken for hard wrapping, in cells (16 characters).
const MIN_WRAP_MEASURE: usize = 32;
/// Wider than this, lines are whole paragraphs, not a wrapped measure.
const MAX_WRAP_MEASURE: usize = 240;

/// Starts of a line that cannot continue the line before it.
fn starts_block_by_itself(line: &str) -> bool {
    line.starts_with(['□', '◎', '■', '●', '○', '◆', '【'])
}

/// The page's wrap measures in cells, if its lines are hard-wrapped: the
/// commonest width of the wider lines, and a second where the page sets
/// some articles in another column width, when enough lines fill them.
/// Widths count the indent, and a line may run a mark or two past the
/// measure (hanging punctuation) or stop a character or two short (a
/// character pushed down with a mark, half-width text, OCR's slices).
fn wrap_measures(lines: &[Line<'_>], widths: &[usize]) -> Vec<usize> {
    let wide: Vec<usize> = widths
        .iter()
        .copied()
        .filter(|w| (MIN_WRAP_MEASURE..=MAX_WRAP_MEASURE + 2).contains(w))
        .collect();
    let mut measures: Vec<usize> = Vec::new();
    for _ in 0..2 {
        let rest: Vec<usize> = wide
            .iter()
            .copied()
            .filter(|&w| !measures.iter().any(|&m| near_measure(w, m)))
            .collect();
        let mut counts = std::collections::HashMap::<usize, usize>::new();
        for &w in &rest {
            *counts.entry(w).or_default() += 1;
        }
        // The measure is the commonest width; the second is taken where
        // the lines that fit it (a mark or two either way) are many.
        let Some((&measure, _)) = counts.iter().max_by_key(|&(w, n)| (*n, *w)) else {
            break;
        };
        let held = rest.iter().filter(|&&w| near_measure(w, measure)).count();
        if !measures.is_empty() && (held < 6 || held * 12 < wide.len()) {
            break;
        }
        measures.push(measure);
    }
    let full = widths
        .iter()
        .filter(|&&w| measures.iter().any(|&m| near_measure(w, m)))
        .count();
    if full >= 4 && full * 10 >= lines.len() * 3 && full * 2 >= wide.len() {
        measures
    } else {
        Vec::new()
    }
}

/// A line's width in cells, or more than any measure for a long line: a
/// character of positive width takes at most three bytes a cell.
fn width(shown: &str) -> usize {
    if shown.len() > (MAX_WRAP_MEASURE + 4) * 3 {
        usize::MAX / 2
    } else {
        shown.width()
    }
}

/// A cheap look before measuring widths: on a hard-wrapped page many lines
/// hold about the same number of characters.
fn may_be_wrapped(lines: &[Line<'_>]) -> bool {
    let mut counts = std::collections::HashMap::<usize, usize>::new();
    for line in lines {
        if line.shown.len() <= (MAX_WRAP_MEASURE + 4) * 3 {
            let chars = line.shown.bytes().filter(|b| (b & 0xc0) != 0x80).count();
            if chars >= MIN_WRAP_MEASURE / 2 {
                *counts.entry(chars).or_default() += 1;
            }
        }
    }
    counts.keys().any(|&mode| {
        let near: usize = (mode.saturating_sub(3)..=mode + 3)
            .filter_map(|c| counts.get(&c))
            .sum();
        near >= 4 && near * 5 >= lines.len()
    })
}

/// Does a line of `width` cells fill the measure: a mark or two past it
/// (hanging punctuation) or a cell short (half-width text)?
fn fits_measure(width: usize, measure: usize) -> bool {
    width + 2 >= measure && width <= measure + 4
}

/// Is a line of `width` cells one of the measure's, a character or two
/// short (a character pushed down with a mark, OCR's slices)? Used to find
/// the measures, not to join lines: a paragraph's last line is as often
/// that long.
fn near_measure(width: usize, measure: usize) -> bool {
    width + 4 >= measure && width <= measure + 4
}

/// Splits the page's lines into blocks. Without a wrap measure every line
/// is a block (blank lines aside); on a hard-wrapped page a line that fills
/// the measure continues into the next unindented line — across one blank
/// line too, where a printed column broke the paragraph — unless the text
/// stopped at a sentence end and what follows is short and headline-shaped.
fn split_lines_into_blocks<'r, 'a>(lines: &'r [Line<'a>], gaps: &[usize]) -> Vec<&'r [Line<'a>]> {
    let (measures, widths) = if may_be_wrapped(lines) {
        let widths: Vec<usize> = lines.iter().map(|l| width(l.shown)).collect();
        (wrap_measures(lines, &widths), widths)
    } else {
        (Vec::new(), Vec::new())
    };
    let full = |i: usize| measures.iter().any(|&m| fits_measure(widths[i], m));
    // Where paragraphs open with an indent, a block that does not (a
    // headline as wide as the measure) takes no continuation lines.
    // Long paragraphs leave few indented lines: the lines that start
    // after a short one that ended a sentence show the convention too.
    let indents = lines.iter().filter(|l| l.indented).count() * 5 >= lines.len()
        || !measures.is_empty() && {
            let (starts, indented) = (1..lines.len())
                .filter(|&i| {
                    crate::text::punct::ends_sentence(lines[i - 1].text)
                        && !measures.iter().any(|&m| near_measure(widths[i - 1], m))
                })
                .fold((0, 0), |(n, k), i| {
                    (n + 1, k + usize::from(lines[i].indented))
                });
            starts >= 3 && indented * 2 >= starts
        };
    let narrowest = measures.iter().copied().min().unwrap_or(0);
    let mut blocks = Vec::with_capacity(lines.len());
    let mut first = 0;
    for i in 1..lines.len() {
        let ends = |k: usize| crate::text::punct::ends_sentence(lines[k].text);
        let may = !measures.is_empty()
            && (lines[first].indented || !indents)
            && gaps[i] <= 1
            && !lines[i].indented
            && !starts_block_by_itself(lines[i].text);
        // A full line goes on unless it ended a sentence and what follows
        // is short and no sentence; on an indented page so does one a
        // character or two short, where the next is of the measure too
        // (OCR's slices).
        let near = |k: usize| measures.iter().any(|&m| near_measure(widths[k], m));
        let filled = || {
            (full(i - 1) || indents && near(i - 1) && near(i))
                && !(ends(i - 1) && !full(i) && !ends(i))
        };
        // Where paragraphs are indented, an unindented line goes on one
        // that stopped mid-sentence near the measure, or on a long one when
        // it is of the measure itself (a head under a paragraph seldom is).
        let open = || {
            indents
                && !ends(i - 1)
                && (near(i - 1) || widths[i - 1] * 3 >= narrowest * 2 && near(i))
        };
        // No line of print starts with a closing mark (，。、）” …): one
        // that does is the rest of the line above, sliced where the print
        // hung the mark (OCR).
        let closes = || {
            lines[i]
                .text
                .starts_with(crate::text::punct::never_starts_a_line)
        };
        let continues = may && (filled() || open() || closes());
        if !continues || gaps[i] > 1 {
            blocks.push(&lines[first..i]);
            first = i;
        }
    }
    if !lines.is_empty() {
        blocks.push(&lines[first..]);
    }
    blocks
}

/// Joins the lines of a hard-wrapped block: Chinese lines join with
/// nothing, Latin words that the wrap separated get their space back.
fn join_lines(lines: &[Line<'_>]) -> Text {
    let mut text = Text::default();
    for line in lines {
        let piece = Text::from_source(line.text, line.start, line.number);
        if text.pieces.is_empty() {
            // The first line is the block so far: moved, not copied (a
            // one-line page of 50 MB would otherwise be held twice).
            text = piece;
            continue;
        }
        let latin_seam = text
            .text
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && line.text.starts_with(|c: char| c.is_ascii_alphanumeric());
        text.append(if latin_seam { " " } else { "" }, &piece);
    }
    text
}

/// The raw blocks of a source text, in order.
pub(crate) fn raw_blocks(source: &str) -> Vec<RawBlock> {
    // Sized once from the line count (a memchr pass): grown by doubling,
    // the lists of a big page were copied and faulted in again and again.
    let most = memchr::memchr_iter(b'\n', source.as_bytes()).count() + 1;
    let mut lines: Vec<Line<'_>> = Vec::with_capacity(most);
    // Blank lines before each line.
    let mut gaps: Vec<usize> = Vec::with_capacity(most);
    let mut gap = START_GAP;
    for (index, (start, raw)) in split_lines(source).enumerate() {
        let trimmed_start = raw.trim_start();
        let text = trimmed_start.trim_end();
        if text.is_empty() {
            gap = gap.saturating_add(1);
            continue;
        }
        let shown = &raw[..raw.len() - (trimmed_start.len() - text.len())];
        lines.push(Line {
            text,
            start: start + (raw.len() - trimmed_start.len()),
            number: index + 1,
            indented: leading_indent(raw),
            shown,
        });
        gaps.push(gap);
        gap = 0;
    }
    let parts = split_lines_into_blocks(&lines, &gaps);
    let mut blocks = Vec::with_capacity(parts.len());
    let mut at = 0;
    for part in parts {
        // Lines inside one block were joined across at most a column break.
        let text = join_lines(part);
        let chars = if text.text.len() > CHARS_COUNTED * 4 {
            CHARS_COUNTED
        } else {
            visible_chars(&text.text, CHARS_COUNTED)
        };
        blocks.push(RawBlock {
            chars,
            text,
            gap_before: gaps[at],
            indented: part[0].indented,
            multiline: part.len() > 1,
        });
        at += part.len();
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<String> {
        raw_blocks(source)
            .into_iter()
            .map(|b| b.text.text)
            .collect()
    }

    #[test]
    fn line_ends_of_every_kind() {
        assert_eq!(texts("甲\r\n\r\n乙\r丙\n"), ["甲", "乙", "丙"]);
        let blocks = raw_blocks("甲\r\n\r\n乙\r丙\n");
        assert_eq!(blocks[1].text.line, 3);
        assert_eq!(blocks[2].text.line, 4);
    }

    #[test]
    fn offsets_point_at_the_trimmed_text() {
        let src = "\n\u{3000}\u{3000}正文一段。\n";
        let b = &raw_blocks(src)[0];
        let p = b.text.pieces[0];
        assert_eq!(&src[p.source..p.source + p.len], "正文一段。");
        assert!(b.indented);
        assert_eq!(b.text.line, 2);
    }

    #[test]
    fn gaps_are_counted() {
        let blocks = raw_blocks("甲\n\n\n\n乙\n\n丙");
        let gaps: Vec<usize> = blocks.iter().map(|b| b.gap_before).collect();
        assert_eq!(gaps, [START_GAP, 3, 1]);
    }

    #[test]
    fn line_per_paragraph_keeps_lines_apart() {
        let src = "标题\n\u{3000}\u{3000}第一段。\n\u{3000}\u{3000}第二段。\n";
        assert_eq!(texts(src), ["标题", "第一段。", "第二段。"]);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let line = "一二三四五六七八九十一二三四五六七八九十一二三四五";
        let src = format!("{line}\n{line}\n尾巴。\n{line}\n{line}\n另一段。\n");
        let got = texts(&src);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], format!("{line}{line}尾巴。"));
        assert_eq!(raw_blocks(&src)[0].text.pieces.len(), 3);
    }

    #[test]
    fn a_line_that_starts_with_a_closing_mark_goes_on_the_line_above() {
        let line = "一二三四五六七八九十一二三四五六七八九十一二三四五";
        let src = format!(
            "\u{3000}\u{3000}{line}\n{line}\n{line}\n短一行\n，接着写完。\n\u{3000}\u{3000}{line}\n{line}\n另一段。\n"
        );
        let got = texts(&src);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].ends_with("短一行，接着写完。"), "{got:?}");
    }

    #[test]
    fn latin_words_split_by_a_wrap_get_their_space_back() {
        let line = "abcdefghij abcdefghij abcdefghij abcdefghij";
        let src = format!("{line}\n{line}\n{line}\n{line}\nend.");
        assert_eq!(texts(&src), [format!("{line} {line} {line} {line} end.")]);
    }
}
