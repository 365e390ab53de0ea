//! Line breaking for Chinese text in terminal cells (W3C clreq, basic
//! level): closing and pause marks never start a line, opening marks never
//! end one, —— and …… stay whole, numbers and Latin words are not split.
//! Lines are byte ranges into the text, so anything that knows a byte
//! offset (a search hit, a reading position) knows its line and cell.

use super::punct::{is_closing_bracket, is_opening_bracket};
use super::width::{DisplayOptions, Glyph, glyphs};

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
    /// Letters and digits: runs of them are not split.
    Alnum,
    Space,
    Other,
}

fn classify(g: &str) -> Class {
    let Some(c) = g.chars().next() else {
        return Class::Other;
    };
    if c.is_whitespace() {
        Class::Space
    } else if c.is_ascii_alphanumeric()
        || ('０'..='９').contains(&c)
        || ('Ａ'..='ｚ').contains(&c) && c.is_alphanumeric()
        || c.is_alphabetic() && c < '\u{2E80}'
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

/// May a line break fall between glyphs `i - 1` and `i`?
fn can_break_before(gs: &[Glyph<'_>], classes: &[Class], text: &str, i: usize) -> bool {
    let (a, b) = (classes[i - 1], classes[i]);
    if b == Class::Space || b == Class::NoStart || a == Class::NoEnd {
        return false;
    }
    if a == Class::Space {
        return true;
    }
    if a == Class::Alnum && b == Class::Alnum {
        return false;
    }
    // Inside 5.1 or 1,000: the connector is no-start already; also keep
    // the digit after it with it.
    if b == Class::Alnum && i >= 2 && classes[i - 2] == Class::Alnum {
        let prev = &text[gs[i - 1].start..gs[i - 1].end];
        if is_connector(prev) {
            return false;
        }
    }
    // A number keeps the unit after it, up to two characters: 5.1万,
    // 24小时, 2020年 (a cheap stand-in for knowing the measure word).
    let is_digit = |k: usize| {
        classes[k] == Class::Alnum
            && text[gs[k].start..gs[k].end]
                .chars()
                .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    if b == Class::Other && (is_digit(i - 1) || a == Class::Other && i >= 2 && is_digit(i - 2)) {
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
    let gs: Vec<Glyph<'_>> = glyphs(text, opts).collect();
    let classes: Vec<Class> = gs.iter().map(|g| classify(&text[g.start..g.end])).collect();
    wrap_glyphs(text, &gs, &classes, width.max(1), first_indent)
}

fn wrap_glyphs(
    text: &str,
    gs: &[Glyph<'_>],
    classes: &[Class],
    width: usize,
    first_indent: usize,
) -> Vec<WrappedLine> {
    let mut lines = Vec::new();
    if gs.is_empty() {
        return lines;
    }
    let first_visible = gs.iter().find(|g| g.width > 0).map_or(0, |g| g.width);
    let mut indent = if first_indent + first_visible <= width {
        first_indent
    } else {
        0
    };
    let mut start = 0; // first glyph of the current line
    let mut col = indent; // cells used, hanging spaces included
    let mut last_break: Option<usize> = None;

    let emit = |lines: &mut Vec<WrappedLine>, from: usize, to: usize, indent: usize| {
        // Trailing whitespace hangs past the edge and is not counted.
        let end = gs[from..to]
            .iter()
            .rposition(|g| !is_space(g, text))
            .map_or(from, |p| from + p + 1);
        let visible: usize = gs[from..end].iter().map(|g| g.width).sum();
        let overwide = visible + indent > width;
        lines.push(WrappedLine {
            start: gs[from].start,
            end: gs[to - 1].end,
            indent: if overwide { 0 } else { indent },
            width: if overwide { 1 } else { visible },
            overwide,
        });
    };

    let mut j = 0;
    while j < gs.len() {
        if j > start && can_break_before(gs, classes, text, j) {
            last_break = Some(j);
        }
        let w = gs[j].width;
        if classes[j] == Class::Space || col + w <= width || j == start {
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
        // Glyph j does not fit: break at the last allowed point, or, in an
        // unbreakable run, before the nearest glyph that may start a line.
        let at = match last_break {
            Some(b) => b,
            None => (start + 1..=j)
                .rev()
                .find(|&k| {
                    classes[k] != Class::NoStart
                        && classes[k] != Class::Space
                        && classes[k - 1] != Class::NoEnd
                })
                .unwrap_or(j),
        };
        emit(&mut lines, start, at, indent);
        start = at;
        indent = 0;
        col = gs[at..j].iter().map(|g| g.width).sum();
        last_break = None;
        for k in start + 1..j {
            if can_break_before(gs, classes, text, k) {
                last_break = Some(k);
            }
        }
        // Re-examine glyph j on the new line (do not advance).
    }
    if start < gs.len() {
        emit(&mut lines, start, gs.len(), indent);
    }
    lines
}

fn is_space(g: &Glyph<'_>, text: &str) -> bool {
    text[g.start..g.end].chars().all(char::is_whitespace)
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
