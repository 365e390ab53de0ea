//! Line breaking for Chinese text in terminal cells (W3C clreq, basic
//! level): closing and pause marks never start a line, opening marks never
//! end one, —— and …… stay whole, numbers and Latin words are not split.
//! Lines are byte ranges into the text, so anything that knows a byte
//! offset (a search hit, a reading position) knows its line and cell.

use super::punct::{is_closing_bracket, is_opening_bracket};
use super::width::{DisplayOptions, glyphs};

/// One output line: the bytes `start..end` of the text, drawn `indent`
/// cells from the left edge and `width` cells wide (trailing whitespace,
/// which hangs past the edge, not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrappedLine {
    pub start: usize,
    pub end: usize,
    pub indent: usize,
    pub width: usize,
    /// The line holds one glyph wider than the whole measure (a Chinese
    /// character in a 1-cell pane); it is drawn as a 1-cell placeholder.
    pub overwide: bool,
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
        || matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '？'
                | '！'
                | '…'
                | '—'
                | '％'
                | '‰'
                | '°'
                | '℃'
                | ','
                | '.'
                | ';'
                | ':'
                | '?'
                | '!'
                | '%'
                | '·'
                | '・'
                | '～'
                | '〜'
                | 'ー'
                | '々'
                | '〆'
                | '゛'
                | '゜'
                | '-'
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

/// May a line break fall between units `i - 1` and `i`?
fn can_break_before(us: &[Unit], text: &str, i: usize) -> bool {
    let (a, b) = (us[i - 1], us[i]);
    if b.class == Class::Space || b.class == Class::NoStart || a.class == Class::NoEnd {
        return false;
    }
    if a.class == Class::Space {
        return true;
    }
    if a.word_like() && b.word_like() {
        return false;
    }
    // Inside 5.1 or 1,000: the connector is no-start already; also keep
    // the digit after it with it.
    if b.word_like() && i >= 2 && us[i - 2].word_like() {
        let prev = &text[a.start as usize..a.end as usize];
        if is_connector(prev) {
            return false;
        }
    }
    // A number keeps the unit after it, up to two characters: 5.1万,
    // 24小时, 2020年 (a cheap stand-in for knowing the measure word).
    let digit = |k: usize| us[k].class == Class::Digit;
    if b.class == Class::Other
        && (digit(i - 1) || a.class == Class::Other && i >= 2 && digit(i - 2))
    {
        return false;
    }
    true
}

/// Lays `text` out in lines at most `width` cells wide, the first line
/// indented by `first_indent` cells (less if the measure is too narrow).
pub fn wrap(
    text: &str,
    width: usize,
    first_indent: usize,
    opts: DisplayOptions,
) -> Vec<WrappedLine> {
    let units: Vec<Unit> = glyphs(text, opts)
        .map(|g| Unit {
            start: g.start as u32,
            end: g.end as u32,
            width: g.width.min(usize::from(u16::MAX)) as u16,
            class: classify(&text[g.start..g.end]),
        })
        .collect();
    wrap_units(text, &units, width.max(1), first_indent)
}

fn wrap_units(text: &str, us: &[Unit], width: usize, first_indent: usize) -> Vec<WrappedLine> {
    let mut lines = Vec::new();
    if us.is_empty() {
        return lines;
    }
    let cells = |range: &[Unit]| -> usize { range.iter().map(|u| usize::from(u.width)).sum() };
    // The indent gives way where the first unbreakable run (看。” in a
    // narrow pane) would not fit beside it: a closing mark must not be
    // pushed to a line of its own.
    let first_run = (1..us.len())
        .find(|&i| can_break_before(us, text, i))
        .unwrap_or(us.len());
    let mut indent = if first_indent + cells(&us[..first_run]) <= width {
        first_indent
    } else {
        0
    };
    let mut start = 0; // first unit of the current line
    let mut col = indent; // cells used, hanging spaces included
    let mut last_break: Option<usize> = None;

    let emit = |lines: &mut Vec<WrappedLine>, from: usize, to: usize, indent: usize| {
        // Trailing whitespace hangs past the edge and is not counted.
        let end = us[from..to]
            .iter()
            .rposition(|u| u.class != Class::Space)
            .map_or(from, |p| from + p + 1);
        let visible = cells(&us[from..end]);
        let overwide = visible + indent > width;
        lines.push(WrappedLine {
            start: us[from].start as usize,
            end: us[to - 1].end as usize,
            indent: if overwide { 0 } else { indent },
            width: if overwide { 1 } else { visible },
            overwide,
        });
    };

    let mut j = 0;
    while j < us.len() {
        if j > start && can_break_before(us, text, j) {
            last_break = Some(j);
        }
        let w = usize::from(us[j].width);
        if us[j].class == Class::Space || col + w <= width || j == start {
            col += w;
            if j == start && col > width {
                // A glyph wider than the whole measure: a line of its own.
                emit(&mut lines, start, j + 1, indent);
                start = j + 1;
                indent = 0;
                col = 0;
                last_break = None;
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
                    us[k].class != Class::NoStart
                        && us[k].class != Class::Space
                        && us[k - 1].class != Class::NoEnd
                })
                .unwrap_or(j),
        };
        emit(&mut lines, start, at, indent);
        start = at;
        indent = 0;
        col = cells(&us[at..j]);
        last_break = (start + 1..j)
            .rev()
            .find(|&k| can_break_before(us, text, k));
        // Re-examine unit j on the new line (do not advance).
    }
    if start < us.len() {
        emit(&mut lines, start, us.len(), indent);
    }
    lines
}

/// A wrapped line as plain text: the indent, then what its glyphs show,
/// without the hanging whitespace.
pub fn line_text(text: &str, line: &WrappedLine, opts: DisplayOptions) -> String {
    if line.overwide {
        return OVERWIDE.to_owned();
    }
    let mut out = " ".repeat(line.indent);
    for g in super::width::glyphs_in(text, line.start..line.end, opts) {
        out.push_str(g.show);
    }
    let kept = out.trim_end_matches([' ', '\u{3000}']).len();
    out.truncate(kept.max(line.indent.min(out.len())));
    out.trim_end().to_owned()
}
