//! Text set with its reading above it (`p`), as ruby sets it: each word
//! gets a slot as wide as the wider of its characters and its pinyin (and
//! a cell between readings), the word and the reading each centred in it.
//! Lines break between slots, never inside a word, and by the same rules
//! as plain text: closing marks never start a line, opening ones never
//! end one, Latin words and numbers stay whole.

use std::ops::Range;

use crate::dict::ruby::Reading;
use crate::text::punct::{is_opening_bracket, never_starts_a_line};
use crate::text::width::{DisplayOptions, Glyph, display_width, glyphs_in};
use crate::text::wrap::WrappedLine;

/// One word or mark of a line, where its text and its reading stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// Bytes of the part's text.
    pub start: usize,
    pub end: usize,
    /// Cells from the line's indent to the text, and to the reading.
    pub text_x: u16,
    pub ruby_x: u16,
    /// Its reading, an index into [`RubyRows::readings`].
    pub reading: Option<u32>,
}

/// What the ruby rows of a layout need besides its lines: the slots of
/// each line and the readings they show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RubyRows {
    pub readings: Vec<Reading>,
    pub slots: Vec<Slot>,
    /// Per layout line, its slots (an empty range for a line without).
    pub line_slots: Vec<Range<u32>>,
}

impl RubyRows {
    /// The slots of layout line `line`.
    pub fn of_line(&self, line: usize) -> &[Slot] {
        self.line_slots
            .get(line)
            .and_then(|r| self.slots.get(r.start as usize..r.end as usize))
            .unwrap_or(&[])
    }
}

/// A unit the lines are made of: a read word, a Latin word or number, a
/// space, or one other glyph.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    text: usize,
    /// Cells of its reading, if it has one.
    ruby: Option<(u32, usize)>,
    space: bool,
    first: char,
    last: char,
}

impl Unit {
    /// Cells the slot takes: the wider of text and reading, and a cell
    /// between one reading and the next.
    fn cells(&self) -> usize {
        match self.ruby {
            Some((_, r)) => self.text.max(r) + 1,
            None => self.text,
        }
    }

    /// Cells that must fit on the line (the gap may hang past its end).
    fn ink(&self) -> usize {
        match self.ruby {
            Some((_, r)) => self.text.max(r),
            None => self.text,
        }
    }
}

fn ruby_cells(reading: &Reading) -> usize {
    display_width(&reading.text(), DisplayOptions::AS_WRITTEN)
}

/// The units of `text`: each reading's word, and between them runs of
/// letters and digits kept whole, spaces, and single glyphs.
fn units(text: &str, readings: &[Reading], base: u32, display: DisplayOptions) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let plain = |out: &mut Vec<Unit>, range: Range<usize>| {
        for g in glyphs_in(text, range, display) {
            let c = text[g.start..].chars().next().unwrap_or(' ');
            let word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | ',' | '-');
            match out.last_mut() {
                Some(u) if u.ruby.is_none() && word(u.last) && word(c) && u.end == g.start => {
                    u.end = g.end;
                    u.text += g.width;
                    u.last = c;
                }
                _ => out.push(glyph_unit(text, g)),
            }
        }
    };
    let mut at = 0;
    for (i, r) in readings.iter().enumerate() {
        if r.range.start < at || r.range.end > text.len() {
            continue;
        }
        plain(&mut out, at..r.range.start);
        let word = &text[r.range.clone()];
        out.push(Unit {
            start: r.range.start,
            end: r.range.end,
            text: glyphs_in(text, r.range.clone(), display)
                .map(|g| g.width)
                .sum(),
            ruby: Some((base + i as u32, ruby_cells(r))),
            space: false,
            first: word.chars().next().unwrap_or(' '),
            last: word.chars().next_back().unwrap_or(' '),
        });
        at = r.range.end;
    }
    plain(&mut out, at..text.len());
    out
}

/// One glyph as a unit of its own, unread.
fn glyph_unit(text: &str, g: Glyph<'_>) -> Unit {
    let c = text[g.start..].chars().next().unwrap_or(' ');
    Unit {
        start: g.start,
        end: g.end,
        text: g.width,
        ruby: None,
        space: c.is_whitespace(),
        first: c,
        last: c,
    }
}

/// A unit split into one unit per glyph.
fn glyph_units(text: &str, u: Unit, display: DisplayOptions) -> Vec<Unit> {
    glyphs_in(text, u.start..u.end, display)
        .map(|g| glyph_unit(text, g))
        .collect()
}

/// Sets `text` in lines of at most `width` cells, the first indented by
/// `indent`: each line and its slots. `base` is the index of the first of
/// `readings` in [`RubyRows::readings`].
pub(crate) fn set(
    text: &str,
    readings: &[Reading],
    base: u32,
    width: usize,
    indent: usize,
    display: DisplayOptions,
) -> Vec<(WrappedLine, Vec<Slot>)> {
    // A reading wider than the whole measure is not shown (a very narrow
    // pane); a word wider than it is set glyph by glyph.
    let units: Vec<Unit> = units(text, readings, base, display)
        .into_iter()
        .flat_map(|mut u| {
            if u.ink() > width {
                u.ruby = None;
            }
            if u.text > width {
                glyph_units(text, u, display)
            } else {
                vec![u]
            }
        })
        .collect();
    let mut lines: Vec<Vec<Unit>> = Vec::new();
    let mut line: Vec<Unit> = Vec::new();
    let mut x = indent.min(width.saturating_sub(1));
    for u in units {
        if u.space && line.is_empty() {
            continue;
        }
        if x + u.ink() > width && !line.is_empty() {
            // Keep a closing mark with the word before it, an opening mark
            // with the word after it: they move down together.
            let mut carry: Vec<Unit> = Vec::new();
            if never_starts_a_line(u.first) && line.len() > 1 {
                carry.extend(line.pop());
            }
            while line.len() > 1 && line.last().is_some_and(|l| is_opening_bracket(l.last)) {
                carry.insert(0, line.pop().expect("checked"));
            }
            let carried: usize = carry.iter().map(Unit::cells).sum();
            if carried + u.ink() > width {
                line.append(&mut carry);
            }
            lines.push(std::mem::take(&mut line));
            line = carry;
            x = line.iter().map(Unit::cells).sum();
            if u.space {
                continue;
            }
        }
        x += u.cells();
        line.push(u);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(i, units)| place(units, if i == 0 { indent } else { 0 }, width, text.len()))
        .collect()
}

/// A line's units as slots: each text and reading centred in its slot.
fn place(
    mut units: Vec<Unit>,
    indent: usize,
    width: usize,
    len: usize,
) -> (WrappedLine, Vec<Slot>) {
    while units.last().is_some_and(|u| u.space) {
        units.pop();
    }
    let mut slots = Vec::with_capacity(units.len());
    let mut x = 0usize;
    let mut ink = 0usize;
    let cells = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    for u in &units {
        let room = u.ink();
        let (text_x, ruby_x) = match u.ruby {
            Some((_, r)) => (x + (room - u.text) / 2, x + (room - r) / 2),
            None => (x, x),
        };
        slots.push(Slot {
            start: u.start,
            end: u.end,
            text_x: cells(text_x),
            ruby_x: cells(ruby_x),
            reading: u.ruby.map(|(i, _)| i),
        });
        ink = x + room;
        x += u.cells();
    }
    let start = units.first().map_or(len, |u| u.start);
    let end = units.last().map_or(len, |u| u.end);
    let indent = indent.min(width.saturating_sub(ink));
    let line = WrappedLine {
        start,
        end,
        indent: cells(indent),
        width: cells(ink),
        overwide: false,
    };
    (line, slots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::ruby::Syllable;

    fn reading(range: Range<usize>, syllables: &[(&str, u8)]) -> Reading {
        Reading {
            range,
            syllables: syllables
                .iter()
                .map(|(t, tone)| Syllable {
                    text: (*t).to_owned(),
                    tone: *tone,
                })
                .collect(),
        }
    }

    const RAW: DisplayOptions = DisplayOptions::AS_WRITTEN;

    #[test]
    fn a_slot_is_as_wide_as_the_wider_of_word_and_reading() {
        // 学习 (4 cells) under xuéxí (5): a slot of 5 and a cell of gap.
        let text = "学习中文。";
        let r = [
            reading(0..6, &[("xué", 2), ("xí", 2)]),
            reading(6..12, &[("zhōng", 1), ("wén", 2)]),
        ];
        let lines = set(text, &r, 0, 40, 0, RAW);
        assert_eq!(lines.len(), 1);
        let (line, slots) = &lines[0];
        assert_eq!((slots[0].text_x, slots[0].ruby_x), (0, 0));
        assert_eq!((slots[1].text_x, slots[1].ruby_x), (8, 6));
        // The full stop follows the last slot's gap.
        assert_eq!(slots[2].text_x, 15);
        assert_eq!((line.start, line.end, line.width), (0, text.len(), 17));
    }

    #[test]
    fn lines_break_between_words_and_keep_marks_with_them() {
        let text = "学习中文，学习中文。";
        let r = [
            reading(0..6, &[("xué", 2), ("xí", 2)]),
            reading(6..12, &[("zhōng", 1), ("wén", 2)]),
            reading(15..21, &[("xué", 2), ("xí", 2)]),
            reading(21..27, &[("zhōng", 1), ("wén", 2)]),
        ];
        // 学习 takes 5 cells and a gap, 中文 8 (zhōngwén): the comma would
        // start a line, so 中文 goes down with it.
        let lines = set(text, &r, 0, 15, 0, RAW);
        for (line, _) in &lines {
            assert!(line.cells() <= 15, "{line:?}");
            assert!(!text[line.start..].starts_with('，'));
        }
        let starts: Vec<usize> = lines.iter().map(|(l, _)| l.start).collect();
        assert_eq!(starts, [0, 6, 15, 21]);
    }

    #[test]
    fn latin_words_and_numbers_stay_whole() {
        let text = "共3.5万人参加ABC";
        let lines = set(text, &[], 0, 40, 0, RAW);
        let slots = &lines[0].1;
        let shown: Vec<&str> = slots.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(shown, ["共", "3.5", "万", "人", "参", "加", "ABC"]);
    }

    #[test]
    fn a_reading_wider_than_the_pane_is_dropped_not_overflowed() {
        let text = "中华人民共和国";
        let r = [reading(
            0..21,
            &[("Zhōnghuá", 1), ("rénmín", 2), ("gònghéguó", 4)],
        )];
        let lines = set(text, &r, 0, 16, 0, RAW);
        assert!(lines.iter().all(|(l, _)| l.cells() <= 16), "{lines:?}");
        assert!(lines[0].1[0].reading.is_none());
    }
}
