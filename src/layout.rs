//! An article laid out for a reading width: title, byline and blocks as
//! lines of byte ranges into the model text, with the role each line plays.
//! Plain data with no terminal types: the reader draws it, `--print` prints
//! it, search maps hits onto it.

pub use crate::page::Part;
use crate::page::{Article, BlockKind};
use crate::text::width::DisplayOptions;
use crate::text::wrap::{WrappedLine, line_text, wrap};

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
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            display: DisplayOptions::default(),
            indent: true,
            keywords: true,
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

impl ArticleLayout {
    /// Lays out `article`; `keywords` are shown under the byline when the
    /// options ask for them.
    pub fn new(
        article: &Article,
        width: usize,
        options: LayoutOptions,
        keywords: &[String],
    ) -> ArticleLayout {
        let width = width.max(1);
        let display = options.display;
        let mut lines = Vec::new();
        let blank = |lines: &mut Vec<DocLine>, part: Part, at: usize| {
            lines.push(DocLine {
                part,
                role: Role::Blank,
                line: WrappedLine {
                    start: at,
                    end: at,
                    indent: 0,
                    width: 0,
                    overwide: false,
                },
            });
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
                for mut l in headline_lines(segment, width, display) {
                    l.start += offset;
                    l.end += offset;
                    lines.push(DocLine {
                        part,
                        role,
                        line: centre(l, width),
                    });
                }
                offset += segment.len() + 1;
            }
        }
        if let Some(byline) = &article.byline {
            for l in wrap(&byline.text, width, 0, display) {
                lines.push(DocLine {
                    part: Part::Byline,
                    role: Role::Byline,
                    line: centre(l, width),
                });
            }
        }
        let keywords = if options.keywords && !keywords.is_empty() {
            format!("{KEYWORDS_LABEL}{}", keywords.join(KEYWORDS_SEPARATOR))
        } else {
            String::new()
        };
        // Broken between keywords, not inside one, where the width allows.
        for l in headline_lines(&keywords, width, display) {
            lines.push(DocLine {
                part: Part::Keywords,
                role: Role::Keywords,
                line: centre(l, width),
            });
        }
        for (i, block) in article.blocks.iter().enumerate() {
            if let Some(last) = lines.last() {
                let (part, end) = (last.part, last.line.end);
                blank(&mut lines, part, end);
            }
            let part = Part::Block(i);
            let text = &block.text.text;
            let (role, indent) = match block.kind {
                BlockKind::Paragraph => (Role::Paragraph, if options.indent { INDENT } else { 0 }),
                BlockKind::Subheading => (Role::Subheading, 0),
                BlockKind::Caption => (Role::Caption, 0),
                BlockKind::Credit => (Role::Credit, 0),
            };
            for l in wrap(text, width, indent, display) {
                let line = if role == Role::Credit {
                    align_right(l, width)
                } else {
                    l
                };
                lines.push(DocLine { part, role, line });
            }
        }
        ArticleLayout {
            width,
            options,
            lines,
            keywords,
            chars: article.char_count(),
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
                l.role != Role::Blank && l.line.start <= at && at < l.line.end.max(l.line.start + 1)
            })
            .map(|i| {
                let l = &self.lines[first + i].line;
                let cells: usize = crate::text::width::glyphs_in(
                    text,
                    l.start..at.min(l.end),
                    self.options.display,
                )
                .map(|g| g.width)
                .sum();
                (
                    first + i,
                    (usize::from(l.indent) + cells).min(self.width.saturating_sub(1)),
                )
            })
    }

    /// The first line showing `part` at or after byte `at`: where a reading
    /// position lands after a resize.
    pub fn line_of(&self, part: Part, at: usize) -> usize {
        let first = self.lines.partition_point(|l| l.part < part);
        let mut best = first.min(self.lines.len().saturating_sub(1));
        for (i, l) in self.lines.iter().enumerate().skip(first) {
            if l.part != part {
                break;
            }
            if l.role != Role::Blank && l.line.start <= at {
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
        self.lines.iter().map(move |l| match l.role {
            Role::Blank => String::new(),
            _ => line_text(self.text(article, l.part), &l.line, self.options.display),
        })
    }
}
