//! Setting an article's parts line by line: headlines centred (broken at
//! their spaces first), credits to the right, paragraphs indented — and,
//! when the article's readings are given, each line under its reading.

use super::ruby::{self, RubyRows};
use super::{DocLine, Part, Role};
use crate::dict::ruby::ArticleReadings;
use crate::text::width::DisplayOptions;
use crate::text::wrap::{WrappedLine, wrap};

fn cells(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn centre(mut line: WrappedLine, width: usize) -> WrappedLine {
    line.indent = cells(width.saturating_sub(usize::from(line.width)) / 2);
    line
}

fn align_right(mut line: WrappedLine, width: usize) -> WrappedLine {
    line.indent = cells(width.saturating_sub(usize::from(line.width)));
    line
}

/// Lines of one headline. A headline too long for the measure breaks at
/// its spaces first (马扎驿站 / 响起解读者声), as a typesetter would, and
/// only within a phrase that is itself too long.
fn headline_lines(text: &str, width: usize, display: DisplayOptions) -> Vec<WrappedLine> {
    let whole = wrap(text, width, 0, display);
    if whole.len() <= 1 || !text.trim().contains([' ', '\u{3000}']) {
        return whole;
    }
    let mut lines: Vec<WrappedLine> = Vec::new();
    let mut phrase_start = 0;
    let mut phrases = Vec::new();
    for (i, c) in text.char_indices() {
        if c == ' ' || c == '\u{3000}' {
            phrases.push(phrase_start..i + c.len_utf8());
            phrase_start = i + c.len_utf8();
        }
    }
    phrases.push(phrase_start..text.len());
    // Pack whole phrases greedily; wrap a phrase only if it alone is too wide.
    let mut current: Option<WrappedLine> = None;
    for range in phrases {
        let w = wrap(&text[range.clone()], width, 0, display);
        if let [one] = w.as_slice() {
            let candidate = current.map(|c| {
                (
                    c,
                    crate::text::width::display_width(&text[c.start..range.end], display),
                )
            });
            match candidate {
                Some((mut c, joint))
                    if joint <= width || text[c.end..range.end].trim().is_empty() =>
                {
                    c.end = range.end;
                    c.width = cells(crate::text::width::display_width(
                        text[c.start..c.end].trim_end(),
                        display,
                    ));
                    current = Some(c);
                }
                _ => {
                    lines.extend(current.take());
                    current = Some(WrappedLine {
                        start: range.start,
                        end: range.end,
                        indent: 0,
                        width: one.width,
                        overwide: one.overwide,
                    });
                }
            }
        } else {
            lines.extend(current.take());
            lines.extend(w.into_iter().map(|mut l| {
                l.start += range.start;
                l.end += range.start;
                l
            }));
        }
    }
    lines.extend(current);
    lines
}

/// How a part's lines stand in the measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Centre,
    Right,
}

/// Builds a layout's lines part by part, with their ruby rows when the
/// article's readings are given.
pub(super) struct Setter<'a> {
    pub(super) width: usize,
    pub(super) display: DisplayOptions,
    pub(super) readings: Option<&'a ArticleReadings>,
    pub(super) lines: Vec<DocLine>,
    pub(super) ruby: RubyRows,
}

impl Setter<'_> {
    fn push(&mut self, part: Part, role: Role, line: WrappedLine, align: Align) {
        let line = match align {
            Align::Left => line,
            Align::Centre => centre(line, self.width),
            Align::Right => align_right(line, self.width),
        };
        self.lines.push(DocLine { part, role, line });
    }

    /// Sets `text` (of `part`, starting at byte `offset` of it). A
    /// headline breaks at its spaces first.
    pub(super) fn set(
        &mut self,
        part: Part,
        role: Role,
        text: &str,
        offset: usize,
        indent: usize,
        align: Align,
    ) {
        let Some(readings) = self.readings.filter(|_| part != Part::Keywords) else {
            let wrapped = if align == Align::Centre {
                headline_lines(text, self.width, self.display)
            } else {
                wrap(text, self.width, indent, self.display)
            };
            for mut l in wrapped {
                l.start += offset;
                l.end += offset;
                self.push(part, role, l, align);
            }
            return;
        };
        let mine: Vec<crate::dict::ruby::Reading> = readings
            .of_part(part)
            .iter()
            .filter(|r| r.range.start >= offset && r.range.end <= offset + text.len())
            .map(|r| crate::dict::ruby::Reading {
                range: r.range.start - offset..r.range.end - offset,
                syllables: r.syllables.clone(),
            })
            .collect();
        let base = self.ruby.readings.len() as u32;
        for (mut l, slots) in ruby::set(text, &mine, base, self.width, indent, self.display) {
            l.start += offset;
            l.end += offset;
            let from = self.ruby.slots.len() as u32;
            self.ruby.slots.extend(slots.into_iter().map(|mut s| {
                s.start += offset;
                s.end += offset;
                s
            }));
            let to = self.ruby.slots.len() as u32;
            for r in [Role::Ruby, role] {
                self.ruby.line_slots.resize(self.lines.len(), 0..0);
                self.ruby.line_slots.push(from..to);
                self.push(part, r, l, align);
            }
        }
        self.ruby.readings.extend(mine.into_iter().map(|mut r| {
            r.range = r.range.start + offset..r.range.end + offset;
            r
        }));
    }

    pub(super) fn blank(&mut self) {
        if let Some(last) = self.lines.last() {
            let (part, end) = (last.part, last.line.end);
            self.lines.push(DocLine {
                part,
                role: Role::Blank,
                line: WrappedLine {
                    start: end,
                    end,
                    indent: 0,
                    width: 0,
                    overwide: false,
                },
            });
        }
    }
}
