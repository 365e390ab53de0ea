//! Source text → lines → raw blocks: the first, layout-only pass of the
//! parser. It knows about line ends, indentation and hard wrapping, nothing
//! about what a block means.

use unicode_width::UnicodeWidthStr;

use super::Text;

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
}

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

/// The display width under which a run of lines is taken to be a hard-wrapped
/// paragraph rather than a list of headings.
const MIN_WRAP_MEASURE: usize = 40;
/// Wider than this, lines are whole paragraphs, not a wrapped measure.
const MAX_WRAP_MEASURE: usize = 240;

/// Starts of a run of lines that cannot continue the line before them.
fn starts_block_by_itself(line: &str) -> bool {
    line.starts_with(['□', '◎', '■', '●', '○', '◆'])
}

/// Splits one run of consecutive non-blank lines into blocks. A run is one
/// block per line (the line-per-paragraph layout) unless it is hard-wrapped
/// at a fixed measure, in which case a line that fills the measure continues
/// into the next unindented line.
fn split_run<'r, 'a>(run: &'r [Line<'a>]) -> Vec<&'r [Line<'a>]> {
    if run.len() < 3 {
        // Too short to tell a wrap measure; each line stands alone.
        return run.chunks(1).collect();
    }
    // Lines far longer than any wrap measure are not measured.
    let width = |l: &Line<'_>| {
        if l.text.len() > MAX_WRAP_MEASURE * 4 {
            usize::MAX / 2
        } else {
            l.text.width()
        }
    };
    let widths: Vec<usize> = run.iter().map(width).collect();
    let measure = widths.iter().copied().max().unwrap_or(0);
    let full = |w: usize| w + 3 >= measure;
    let full_inner = widths[..run.len().saturating_sub(1)]
        .iter()
        .filter(|&&w| full(w))
        .count();
    let hard_wrapped = (MIN_WRAP_MEASURE..=MAX_WRAP_MEASURE).contains(&measure) && full_inner >= 2;

    let mut blocks = Vec::new();
    let mut first = 0;
    for i in 1..run.len() {
        let continues = hard_wrapped
            && full(widths[i - 1])
            && !run[i].indented
            && !starts_block_by_itself(run[i].text);
        if !continues {
            blocks.push(&run[first..i]);
            first = i;
        }
    }
    if !run.is_empty() {
        blocks.push(&run[first..]);
    }
    blocks
}

/// Joins the lines of a hard-wrapped block: Chinese lines join with
/// nothing, Latin words that the wrap separated get their space back.
fn join_lines(lines: &[Line<'_>]) -> Text {
    let mut text = Text::default();
    for line in lines {
        let piece = Text::from_source(line.text, line.start, line.number);
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
    let mut blocks = Vec::new();
    let mut run: Vec<Line<'_>> = Vec::new();
    let mut gap = START_GAP;
    let mut gap_of_run = START_GAP;

    let flush = |run: &mut Vec<Line<'_>>, gap_of_run: usize, blocks: &mut Vec<RawBlock>| {
        for (i, part) in split_run(run).into_iter().enumerate() {
            blocks.push(RawBlock {
                text: join_lines(part),
                gap_before: if i == 0 { gap_of_run } else { 0 },
                indented: part[0].indented,
                multiline: part.len() > 1,
            });
        }
        run.clear();
    };

    for (index, (start, raw)) in split_lines(source).enumerate() {
        let trimmed_start = raw.trim_start();
        let text = trimmed_start.trim_end();
        if text.is_empty() {
            if !run.is_empty() {
                flush(&mut run, gap_of_run, &mut blocks);
                gap = 0;
            }
            gap = gap.saturating_add(1);
            continue;
        }
        if run.is_empty() {
            gap_of_run = gap;
        }
        run.push(Line {
            text,
            start: start + (raw.len() - trimmed_start.len()),
            number: index + 1,
            indented: leading_indent(raw),
        });
    }
    if !run.is_empty() {
        flush(&mut run, gap_of_run, &mut blocks);
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
    fn latin_words_split_by_a_wrap_get_their_space_back() {
        let line = "abcdefghij abcdefghij abcdefghij abcdefghij";
        let src = format!("{line}\n{line}\nend.");
        assert_eq!(texts(&src), [format!("{line} {line} end.")]);
    }
}
