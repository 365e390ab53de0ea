//! Line breaking for Chinese text in terminal cells (W3C clreq, basic
//! level): closing and pause marks never start a line, opening marks never
//! end one, —— and …… stay whole, numbers and Latin words are not split.
//! Lines are byte ranges into the text, so anything that knows a byte
//! offset (a search hit, a reading position) knows its line and cell.

use std::collections::VecDeque;

use super::punct::{is_closing_bracket, is_opening_bracket, never_starts_a_line};
use super::width::{DisplayOptions, glyphs};

/// One output line: the bytes `start..end` of the text, drawn `indent`
/// cells from the left edge and `width` cells wide (trailing whitespace,
/// which hangs past the edge, not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrappedLine {
    pub start: usize,
    pub end: usize,
    /// Cells (a terminal line is at most u16::MAX cells; a paragraph of
    /// 50 MB lays out as hundreds of thousands of these, so they are small).
    pub indent: u16,
    pub width: u16,
    /// The line holds one glyph wider than the whole measure (a Chinese
    /// character in a 1-cell pane); it is drawn as a 1-cell placeholder.
    pub overwide: bool,
}

impl WrappedLine {
    /// Cells the line takes from the left edge: its indent and its text.
    pub fn cells(&self) -> usize {
        usize::from(self.indent) + usize::from(self.width)
    }
}

/// Shown for a glyph wider than the measure.
pub const OVERWIDE: &str = "…";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Must not start a line: ，。、；：？！）」』》〉】”’…—％ and half-width kin.
    NoStart,
    /// Must not end a line: （「『《〈【“‘ and half-width kin.
    NoEnd,
    /// Letters: runs of them (and of digits) are not split.
    Alnum,
    /// Digits: like letters, and they keep the unit after them (5.1万).
    Digit,
    Space,
    Other,
}

fn classify(g: &str) -> Class {
    let Some(c) = g.chars().next() else {
        return Class::Other;
    };
    if c.is_whitespace() {
        Class::Space
    } else if c.is_ascii_digit() || ('０'..='９').contains(&c) {
        Class::Digit
    } else if c.is_ascii_alphanumeric()
        || ('０'..='９').contains(&c)
        || ('Ａ'..='ｚ').contains(&c) && c.is_alphanumeric()
        || c < '\u{2E80}' && c.is_alphabetic()
    {
        // Latin, Greek, Cyrillic letters and digits, half- or full-width.
        Class::Alnum
    } else if is_opening_bracket(c) {
        Class::NoEnd
    } else if is_closing_bracket(c)
        || never_starts_a_line(c)
        // Typesetting keeps these off a line's start too (a dash, units,
        // iteration marks), though a heading may open with a dash.
        || matches!(
            c,
            '—' | '‰' | '°' | '℃' | '·' | '・' | '～' | '〜' | 'ー' | '々' | '〆' | '゛' | '゜' | '-'
        )
    {
        Class::NoStart
    } else {
        Class::Other
    }
}

/// Characters that join two parts of a number or word (5.1, 1,000, 12:30,
/// e-mail) when they stand between letters or digits.
fn is_connector(g: &str) -> bool {
    matches!(
        g,
        "." | "," | ":" | "/" | "-" | "_" | "'" | "％" | "%" | "．"
    )
}

/// One glyph as the line breaker sees it: 12 bytes, so a 10 MB paragraph
/// costs tens of megabytes to lay out, not hundreds.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: u32,
    end: u32,
    width: u16,
    class: Class,
}

impl Unit {
    fn word_like(self) -> bool {
        matches!(self.class, Class::Alnum | Class::Digit)
    }
}

/// May a line break fall between units `a` and `b` (`before` is the unit
/// before `a`, if any)?
fn can_break(text: &str, before: Option<Unit>, a: Unit, b: Unit) -> bool {
    if b.class == Class::Space || b.class == Class::NoStart || a.class == Class::NoEnd {
        return false;
    }
    // Inside a run of ASCII without spaces (a URL, an e-mail address, a
    // path) a line breaks only after / . ? & - and never inside // (so
    // not http:/ | /www…); 5.1 stays whole.
    let glyph = |u: Unit| &text[u.start as usize..u.end as usize];
    let ascii_graphic = |u: Unit| {
        let g = glyph(u);
        g.len() == 1 && g.as_bytes()[0].is_ascii_graphic()
    };
    if ascii_graphic(a) && ascii_graphic(b) {
        let after_mark = matches!(glyph(a), "/" | "." | "?" | "&" | "-");
        let in_slashes = glyph(a) == "/" && glyph(b) == "/";
        let in_number = glyph(a) == "."
            && b.class == Class::Digit
            && before.is_some_and(|u| u.class == Class::Digit);
        return after_mark && !in_slashes && !in_number;
    }
    if a.class == Class::Space {
        return true;
    }
    if a.word_like() && b.word_like() {
        return false;
    }
    // Inside 5.1 or 1,000: the connector is no-start already; also keep
    // the digit after it with it.
    if b.word_like() && before.is_some_and(Unit::word_like) {
        let prev = &text[a.start as usize..a.end as usize];
        if is_connector(prev) {
            return false;
        }
    }
    // A number keeps the unit after it, up to two characters: 5.1万,
    // 24小时, 2020年 (a cheap stand-in for knowing the measure word).
    let digit = |u: Option<Unit>| u.is_some_and(|u| u.class == Class::Digit);
    if b.class == Class::Other && (digit(Some(a)) || a.class == Class::Other && digit(before)) {
        return false;
    }
    true
}

/// The units of a text, read lazily and forgotten once behind the line
/// being set: laying out a 50 MB paragraph holds a line's worth of units,
/// not fifty million of them. Indices are positions in the whole text.
struct Window<I> {
    source: I,
    buffer: VecDeque<Unit>,
    /// The index of `buffer[0]`.
    base: usize,
}

impl<I: Iterator<Item = Unit>> Window<I> {
    fn get(&mut self, k: usize) -> Option<Unit> {
        while k >= self.base + self.buffer.len() {
            self.buffer.push_back(self.source.next()?);
        }
        self.buffer.get(k - self.base).copied()
    }
}

impl<I> Window<I> {
    /// Unit `k`, already read.
    fn at(&self, k: usize) -> Unit {
        self.buffer[k - self.base]
    }

    fn cells(&self, from: usize, to: usize) -> usize {
        self.buffer
            .range(from - self.base..to - self.base)
            .map(|u| usize::from(u.width))
            .sum()
    }

    /// May a line break fall before unit `k` (read already, as is `k - 1`)?
    fn breaks_before(&self, text: &str, k: usize) -> bool {
        let before = (k >= 2 && k - 2 >= self.base).then(|| self.at(k - 2));
        can_break(text, before, self.at(k - 1), self.at(k))
    }

    /// Forgets the units before `k`, keeping two for [`Self::breaks_before`].
    fn forget_before(&mut self, k: usize) {
        let n = k
            .saturating_sub(2)
            .saturating_sub(self.base)
            .min(self.buffer.len());
        self.buffer.drain(..n);
        self.base += n;
    }
}

/// Lays `text` out in lines at most `width` cells wide, the first line
/// indented by `first_indent` cells (less if the measure is too narrow).
pub fn wrap(
    text: &str,
    width: usize,
    first_indent: usize,
    opts: DisplayOptions,
) -> Vec<WrappedLine> {
    let units = glyphs(text, opts).map(|g| Unit {
        start: g.start as u32,
        end: g.end as u32,
        width: g.width.min(usize::from(u16::MAX)) as u16,
        class: classify(&text[g.start..g.end]),
    });
    let mut window = Window {
        source: units,
        buffer: VecDeque::new(),
        base: 0,
    };
    wrap_units(text, &mut window, width.max(1), first_indent)
}

/// One output line from the units `from..to`.
fn line_of<I>(us: &Window<I>, from: usize, to: usize, indent: usize, width: usize) -> WrappedLine {
    // Trailing whitespace hangs past the edge and is not counted.
    let mut end = to;
    while end > from && us.at(end - 1).class == Class::Space {
        end -= 1;
    }
    let visible = us.cells(from, end);
    let overwide = visible + indent > width;
    let cells = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    WrappedLine {
        start: us.at(from).start as usize,
        end: us.at(to - 1).end as usize,
        indent: if overwide { 0 } else { cells(indent) },
        width: if overwide { 1 } else { cells(visible) },
        overwide,
    }
}

fn wrap_units<I: Iterator<Item = Unit>>(
    text: &str,
    us: &mut Window<I>,
    width: usize,
    first_indent: usize,
) -> Vec<WrappedLine> {
    let mut lines = Vec::new();
    if us.get(0).is_none() {
        return lines;
    }
    // The indent gives way where the first unbreakable run (看。” in a
    // narrow pane) would not fit beside it: a closing mark must not be
    // pushed to a line of its own.
    let mut run = 0;
    let mut k = 0;
    while let Some(u) = us.get(k) {
        if (k > 0 && us.breaks_before(text, k)) || first_indent + run > width {
            break;
        }
        run += usize::from(u.width);
        k += 1;
    }
    let mut indent = if first_indent + run <= width {
        first_indent
    } else {
        0
    };
    let mut start = 0; // first unit of the current line
    let mut col = indent; // cells used, hanging spaces included
    let mut last_break: Option<usize> = None;

    let mut j = 0;
    while let Some(unit) = us.get(j) {
        if j > start && us.breaks_before(text, j) {
            last_break = Some(j);
        }
        let w = usize::from(unit.width);
        if unit.class == Class::Space || col + w <= width || j == start {
            col += w;
            if j == start && col > width {
                // A glyph wider than the whole measure: a line of its own.
                lines.push(line_of(us, start, j + 1, indent, width));
                start = j + 1;
                indent = 0;
                col = 0;
                last_break = None;
                us.forget_before(start);
            }
            j += 1;
            continue;
        }
        // Unit j does not fit: break at the last allowed point, or, in an
        // unbreakable run, before the nearest unit that may start a line.
        let at = match last_break {
            Some(b) => b,
            None => (start + 1..=j)
                .rev()
                .find(|&k| {
                    us.at(k).class != Class::NoStart
                        && us.at(k).class != Class::Space
                        && us.at(k - 1).class != Class::NoEnd
                })
                .unwrap_or(j),
        };
        lines.push(line_of(us, start, at, indent, width));
        start = at;
        indent = 0;
        col = us.cells(at, j);
        last_break = (start + 1..j).rev().find(|&k| us.breaks_before(text, k));
        us.forget_before(start);
        // Re-examine unit j on the new line (do not advance).
    }
    if us.get(start).is_some() {
        lines.push(line_of(us, start, j, indent, width));
    }
    lines
}

/// A wrapped line as plain text: the indent, then what its glyphs show,
/// without the hanging whitespace.
pub fn line_text(text: &str, line: &WrappedLine, opts: DisplayOptions) -> String {
    if line.overwide {
        return OVERWIDE.to_owned();
    }
    let mut out = " ".repeat(usize::from(line.indent));
    for g in super::width::glyphs_in(text, line.start..line.end, opts) {
        out.push_str(g.show);
    }
    let kept = out.trim_end_matches([' ', '\u{3000}']).len();
    out.truncate(kept.max(usize::from(line.indent).min(out.len())));
    out.trim_end().to_owned()
}
