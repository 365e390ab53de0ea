//! An article laid out for a reading width: title, byline and blocks as
//! lines of byte ranges into the model text, with the role each line plays.
//! Plain data with no terminal types: the reader draws it, `--print` prints
//! it, search maps hits onto it.

pub mod ruby;
mod setter;

use crate::dict::ruby::ArticleReadings;
pub use crate::page::Part;
use crate::page::{Article, BlockKind};
use crate::text::width::DisplayOptions;
use crate::text::wrap::{WrappedLine, line_text};
use ruby::RubyRows;
use setter::{Align, Setter};

/// What a line is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    LeadIn,
    Title,
    Subtitle,
    Byline,
    Keywords,
    Paragraph,
    Subheading,
    Caption,
    Credit,
    /// Space between blocks.
    Blank,
    /// The reading of the text line below it (pinyin, with `p`): same
    /// part and bytes as that line.
    Ruby,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocLine {
    pub part: Part,
    pub role: Role,
    /// Byte range, indent and width; for [`Role::Blank`] an empty range at
    /// the end of the part before.
    pub line: WrappedLine,
}

/// How the reading pane sets text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    pub display: DisplayOptions,
    /// Indent the first line of each paragraph by two full-width cells.
    pub indent: bool,
    /// Show the article's keywords under the byline.
    pub keywords: bool,
    /// Set each line with its reading above it (the layout is given the
    /// readings: see [`ArticleLayout::with_readings`]).
    pub pinyin: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            display: DisplayOptions::default(),
            indent: true,
            keywords: true,
            pinyin: false,
        }
    }
}

/// Cells of the first-line indent: two full-width spaces.
pub const INDENT: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLayout {
    pub width: usize,
    pub options: LayoutOptions,
    pub lines: Vec<DocLine>,
    /// The keywords line's text, when it is shown.
    pub keywords: String,
    /// Characters of body text (for the status bar's length and reading
    /// time), counted once with the layout rather than every frame.
    pub chars: usize,
    /// Where each word and its reading stand, when set with readings.
    pub ruby: Option<RubyRows>,
}

/// How the keywords line begins.
pub const KEYWORDS_LABEL: &str = "关键词　";
/// Between keywords: a full-width space, as papers print them.
pub const KEYWORDS_SEPARATOR: &str = "　";

/// The text a part of the article's model refers to ([`Part::Keywords`]
/// is not in the model: it is empty here).
pub fn part_text(article: &Article, part: Part) -> &str {
    article.part(part).map_or("", |t| t.text.as_str())
}

/// How a block of a kind is set: its role, first-line indent and
/// alignment.
fn how_set(kind: BlockKind, indent: bool) -> (Role, usize, Align) {
    match kind {
        BlockKind::Paragraph => (
            Role::Paragraph,
            if indent { INDENT } else { 0 },
            Align::Left,
        ),
        BlockKind::Subheading => (Role::Subheading, 0, Align::Left),
        BlockKind::Caption => (Role::Caption, 0, Align::Left),
        BlockKind::Credit => (Role::Credit, 0, Align::Right),
    }
}

impl ArticleLayout {
    /// Lays out `article`; `keywords` are shown under the byline when the
    /// options ask for them.
    pub fn new(
        article: &Article,
        width: usize,
        options: LayoutOptions,
        keywords: &[String],
    ) -> ArticleLayout {
        ArticleLayout::with_readings(article, width, options, keywords, None)
    }

    /// Lays out `article` with each line's reading above it, when
    /// `readings` are given and the options ask for pinyin.
    pub fn with_readings(
        article: &Article,
        width: usize,
        options: LayoutOptions,
        keywords: &[String],
        readings: Option<&ArticleReadings>,
    ) -> ArticleLayout {
        let width = width.max(1);
        let mut setter = Setter {
            width,
            display: options.display,
            readings: readings.filter(|_| options.pinyin),
            lines: Vec::new(),
            ruby: RubyRows::default(),
        };
        // Each headline line (lead-in, title, subtitle) is centred.
        let headline = [
            (Part::LeadIn, Role::LeadIn),
            (Part::Title, Role::Title),
            (Part::Subtitle, Role::Subtitle),
        ];
        for (part, role) in headline {
            let Some(text) = article.part(part) else {
                continue;
            };
            let mut offset = 0;
            for segment in text.text.split('\n') {
                setter.set(part, role, segment, offset, 0, Align::Centre);
                offset += segment.len() + 1;
            }
        }
        if let Some(byline) = &article.byline {
            setter.set(
                Part::Byline,
                Role::Byline,
                &byline.text,
                0,
                0,
                Align::Centre,
            );
        }
        let keywords = if options.keywords && !keywords.is_empty() {
            format!("{KEYWORDS_LABEL}{}", keywords.join(KEYWORDS_SEPARATOR))
        } else {
            String::new()
        };
        // Broken between keywords, not inside one, where the width allows.
        setter.set(
            Part::Keywords,
            Role::Keywords,
            &keywords,
            0,
            0,
            Align::Centre,
        );
        for (i, block) in article.blocks.iter().enumerate() {
            setter.blank();
            let (role, indent, align) = how_set(block.kind, options.indent);
            setter.set(Part::Block(i), role, &block.text.text, 0, indent, align);
        }
        let ruby = setter.readings.map(|_| {
            let mut rows = std::mem::take(&mut setter.ruby);
            rows.line_slots.resize(setter.lines.len(), 0..0);
            rows
        });
        ArticleLayout {
            width,
            options,
            lines: setter.lines,
            keywords,
            chars: article.char_count(),
            ruby,
        }
    }

    /// The text a line of `part` shows.
    pub fn text<'a>(&'a self, article: &'a Article, part: Part) -> &'a str {
        match part {
            Part::Keywords => &self.keywords,
            _ => part_text(article, part),
        }
    }

    /// The line and cell where byte `at` of `part` is drawn. A byte in
    /// hanging whitespace maps to the end of its line.
    pub fn locate(&self, article: &Article, part: Part, at: usize) -> Option<(usize, usize)> {
        let first = self.lines.partition_point(|l| l.part < part);
        let text = self.text(article, part);
        self.lines[first..]
            .iter()
            .take_while(|l| l.part == part)
            .position(|l| {
                !matches!(l.role, Role::Blank | Role::Ruby)
                    && l.line.start <= at
                    && at < l.line.end.max(l.line.start + 1)
            })
            .map(|i| {
                let l = &self.lines[first + i].line;
                let cells_to = |from: usize, to: usize| -> usize {
                    crate::text::width::glyphs_in(text, from..to.max(from), self.options.display)
                        .map(|g| g.width)
                        .sum()
                };
                let slots = self.ruby.as_ref().map_or(&[][..], |r| r.of_line(first + i));
                let cells = match slots.iter().rev().find(|s| s.start <= at) {
                    Some(s) => usize::from(s.text_x) + cells_to(s.start, at.min(s.end)),
                    None => cells_to(l.start, at.min(l.end)),
                };
                (
                    first + i,
                    (usize::from(l.indent) + cells).min(self.width.saturating_sub(1)),
                )
            })
    }

    /// Is line `i` a text line set under its reading? The screen's top
    /// row is never one: the two rows scroll as one.
    pub fn under_its_reading(&self, i: usize) -> bool {
        i > 0
            && self.lines.get(i).is_some_and(|l| l.role != Role::Ruby)
            && self.lines[i - 1].role == Role::Ruby
    }

    /// The first line showing `part` at or after byte `at`: where a reading
    /// position lands after a resize. A line set with its reading starts
    /// at the reading.
    pub fn line_of(&self, part: Part, at: usize) -> usize {
        let first = self.lines.partition_point(|l| l.part < part);
        let mut best = first.min(self.lines.len().saturating_sub(1));
        for (i, l) in self.lines.iter().enumerate().skip(first) {
            if l.part != part {
                break;
            }
            if l.role != Role::Blank && !self.under_its_reading(i) && l.line.start <= at {
                best = i;
            }
        }
        best
    }

    /// The reading position a line stands for: its part and first byte.
    /// A blank line stands for the text after it.
    pub fn position_of(&self, line: usize) -> Option<(Part, usize)> {
        let text_line = |l: &&DocLine| l.role != Role::Blank;
        self.lines
            .iter()
            .skip(line)
            .find(text_line)
            .or_else(|| self.lines.iter().take(line).rev().find(text_line))
            .map(|l| (l.part, l.line.start))
    }

    /// The article as plain text lines (what `--print` writes).
    pub fn plain_lines<'a>(&'a self, article: &'a Article) -> impl Iterator<Item = String> + 'a {
        (0..self.lines.len()).map(move |i| self.line_string(article, i))
    }

    /// Line `i` as plain text: a reading row's pinyin, a text row's words
    /// in their slots, or the line's text.
    pub fn line_string(&self, article: &Article, i: usize) -> String {
        let Some(l) = self.lines.get(i) else {
            return String::new();
        };
        let text = self.text(article, l.part);
        let slots = self.ruby.as_ref().map_or(&[][..], |r| r.of_line(i));
        if l.role == Role::Blank {
            return String::new();
        }
        if slots.is_empty() {
            return line_text(text, &l.line, self.options.display);
        }
        let mut out = " ".repeat(usize::from(l.line.indent));
        let mut x = 0;
        for s in slots {
            let (at, shown) = if l.role == Role::Ruby {
                let reading = s
                    .reading
                    .and_then(|r| self.ruby.as_ref()?.readings.get(r as usize));
                match reading {
                    Some(r) => (s.ruby_x, r.text()),
                    None => continue,
                }
            } else {
                let piece = WrappedLine {
                    start: s.start,
                    end: s.end,
                    indent: 0,
                    width: 0,
                    overwide: false,
                };
                (s.text_x, line_text(text, &piece, self.options.display))
            };
            let at = usize::from(at);
            out.push_str(&" ".repeat(at.saturating_sub(x)));
            x = at.max(x) + crate::text::width::display_width(&shown, self.options.display);
            out.push_str(&shown);
        }
        out.truncate(out.trim_end().len());
        out
    }
}
