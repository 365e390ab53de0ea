//! The page model: a newspaper page as columns (栏目) → articles → blocks.
//!
//! Every piece of text keeps where it came from in the source, so a search
//! hit or a reading position can always be mapped back to a source line.

use serde::Serialize;

/// Shown for the articles that stand before any column heading.
pub const NO_COLUMN: &str = "(no column)";
/// Shown for an article that starts without a headline.
pub const UNTITLED: &str = "(untitled)";

/// One page: the text of one input file, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// What the page was read from, as shown to the user (a path, or the
    /// bundled page's file name).
    pub source: String,
    /// The decoded source text; every [`Piece`] points into it. Shared, so
    /// a re-parse on another thread needs no copy (an `Arc<String>`, not an
    /// `Arc<str>`: a file read into a `String` becomes one without a copy).
    pub text: std::sync::Arc<String>,
    pub columns: Vec<Column>,
}

impl Page {
    /// The page's short name: the file name without its directory.
    pub fn short_name(&self) -> &str {
        std::path::Path::new(&self.source)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(&self.source)
    }
}

/// A column (栏目): a named section of the page and its articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// `None` for the articles that stand before any column heading.
    pub name: Option<Text>,
    pub articles: Vec<Article>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The line printed above the title (引题), if any.
    pub leadin: Option<Text>,
    /// The main title. A headline stacked over several lines that cannot be
    /// told apart as lead-in, title and subtitle keeps them all, separated
    /// by `\n`; an article that starts without a headline has an empty one.
    pub title: Text,
    /// The line printed under the title (副题), if any.
    pub subtitle: Option<Text>,
    /// The byline without its □/◎ marker.
    pub byline: Option<Text>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Paragraph,
    Subheading,
    /// A photo caption (图为…, ■…).
    Caption,
    /// A photo or graphics credit (… 摄), kept with the article above it.
    Credit,
}

/// Which text of an article: the address of a search hit or a reading
/// position inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// The name of the column the article opens (its first article's
    /// only): searched as every text the reader shows is, but model text
    /// of the column, so [`Article::part`] has none — [`Issue::text_of`]
    /// has it.
    Column,
    LeadIn,
    Title,
    Subtitle,
    Byline,
    /// The article's keywords, under the byline: worked out, not model
    /// text, so [`Article::part`] has none.
    Keywords,
    Block(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: Text,
}

impl Block {
    /// The 1-based source line the block starts on.
    pub fn line(&self) -> usize {
        self.text.line
    }
}

/// Text taken from the source, possibly from several places: a paragraph
/// that the printed page cut in two is mended from two pieces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    /// 1-based source line of the first piece (0 for an empty text).
    pub line: usize,
    pub pieces: Vec<Piece>,
}

/// A run of `len` bytes that stands at `at` in a [`Text`] and at `source`
/// in the page's source text, on source line `line`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub at: usize,
    pub source: usize,
    pub len: usize,
    pub line: usize,
}

impl Text {
    /// A text made of one run of the source.
    pub(crate) fn from_source(text: &str, source: usize, line: usize) -> Self {
        Text {
            text: text.to_owned(),
            line,
            pieces: vec![Piece {
                at: 0,
                source,
                len: text.len(),
                line,
            }],
        }
    }

    /// The part of this text in the byte range `range`, with its pieces.
    pub(crate) fn slice(&self, range: std::ops::Range<usize>) -> Text {
        let pieces: Vec<Piece> = self
            .pieces
            .iter()
            .filter_map(|p| {
                let start = p.at.max(range.start);
                let end = (p.at + p.len).min(range.end);
                (start < end).then(|| Piece {
                    at: start - range.start,
                    source: p.source + (start - p.at),
                    len: end - start,
                    line: p.line,
                })
            })
            .collect();
        Text {
            text: self.text[range].to_owned(),
            line: pieces.first().map_or(0, |p| p.line),
            pieces,
        }
    }

    /// Appends another text, with `sep` (not from the source) in between.
    pub(crate) fn append(&mut self, sep: &str, other: &Text) {
        if self.pieces.is_empty() {
            *self = other.clone();
            return;
        }
        self.text.push_str(sep);
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.pieces.extend(other.pieces.iter().map(|p| Piece {
            at: p.at + base,
            ..*p
        }));
    }

    /// The source byte offset of the text byte `at`, if it came from the
    /// source (separators added by the parser did not).
    pub fn source_offset(&self, at: usize) -> Option<usize> {
        self.pieces
            .iter()
            .find(|p| (p.at..p.at + p.len).contains(&at))
            .map(|p| p.source + (at - p.at))
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Moves the text's place in the source: a region parsed alone stood
    /// `by` bytes and `lines` lines into the whole.
    pub(crate) fn shift(&mut self, by: usize, lines: usize) {
        if !self.pieces.is_empty() {
            self.line += lines;
        }
        for p in &mut self.pieces {
            p.source += by;
            p.line += lines;
        }
    }
}

impl Column {
    /// Moves every text of the column (see [`Text::shift`]).
    pub(crate) fn shift(&mut self, by: usize, lines: usize) {
        let texts = self
            .name
            .iter_mut()
            .chain(self.articles.iter_mut().flat_map(|a| {
                a.leadin
                    .iter_mut()
                    .chain([&mut a.title])
                    .chain(a.subtitle.iter_mut())
                    .chain(a.byline.iter_mut())
                    .chain(a.blocks.iter_mut().map(|b| &mut b.text))
            }));
        for text in texts {
            text.shift(by, lines);
        }
    }
}

impl Article {
    /// The model text of `part`, if the article has it.
    pub fn part(&self, part: Part) -> Option<&Text> {
        match part {
            Part::LeadIn => self.leadin.as_ref(),
            Part::Title => Some(&self.title),
            Part::Subtitle => self.subtitle.as_ref(),
            Part::Byline => self.byline.as_ref(),
            Part::Keywords | Part::Column => None,
            Part::Block(i) => self.blocks.get(i).map(|b| &b.text),
        }
    }

    /// Every part with model text, in reading order.
    pub fn parts(&self) -> impl Iterator<Item = (Part, &Text)> + '_ {
        [Part::LeadIn, Part::Title, Part::Subtitle, Part::Byline]
            .into_iter()
            .chain((0..self.blocks.len()).map(Part::Block))
            .filter_map(|p| self.part(p).map(|t| (p, t)))
    }

    /// The title on one line, as lists and outlines show it.
    pub fn title_line(&self) -> String {
        self.title.text.split('\n').collect::<Vec<_>>().join(" ")
    }

    /// The title on one line, or a placeholder for an untitled article.
    pub fn display_title(&self) -> String {
        let title = self.title_line();
        if title.is_empty() {
            UNTITLED.to_owned()
        } else {
            title
        }
    }

    /// The article's `n` keywords (headline and paragraphs; captions and
    /// credits are not what an article is about).
    pub fn keywords(&self, seg: crate::text::Segmenter, n: usize) -> Vec<String> {
        let mut text = self.title.text.clone();
        for extra in [&self.leadin, &self.subtitle].into_iter().flatten() {
            text.push('\n');
            text.push_str(&extra.text);
        }
        let sample = crate::text::keywords::SAMPLE_BYTES;
        for block in self
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph || b.kind == BlockKind::Subheading)
        {
            // Only the sample is read: no copy of a 50 MB article.
            if text.len() >= sample {
                break;
            }
            let body = &block.text.text;
            text.push('\n');
            text.push_str(&body[..body.floor_char_boundary(sample - text.len().min(sample))]);
        }
        crate::text::keywords::keywords(seg, &text, n)
    }

    /// Characters of body text, for length and reading-time estimates.
    pub fn char_count(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| b.text.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum()
    }
}

impl Column {
    /// The column's name, or a placeholder for articles before any heading.
    pub fn display_name(&self) -> &str {
        self.name.as_ref().map_or(NO_COLUMN, |n| n.text.as_str())
    }
}

/// Where an article sits in the input: page, column and article indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ArticleId {
    pub page: usize,
    pub column: usize,
    pub article: usize,
}

/// The whole input: the pages of one run of kanbao, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Issue {
    pub pages: Vec<Page>,
}

impl Issue {
    /// The text a search hit or a place in article `id` points to: a part
    /// of the article, or the name of the column it opens.
    pub fn text_of(&self, id: ArticleId, part: Part) -> Option<&Text> {
        match part {
            Part::Column if id.article == 0 => self
                .pages
                .get(id.page)?
                .columns
                .get(id.column)?
                .name
                .as_ref(),
            part => self.article(id)?.part(part),
        }
    }

    /// Every article in reading order with its id; the position in this
    /// sequence (from 1) is the article's number in `--outline`.
    pub fn articles(&self) -> impl Iterator<Item = (ArticleId, &Article)> + '_ {
        self.pages.iter().enumerate().flat_map(|(p, page)| {
            page.columns.iter().enumerate().flat_map(move |(c, col)| {
                col.articles.iter().enumerate().map(move |(a, art)| {
                    (
                        ArticleId {
                            page: p,
                            column: c,
                            article: a,
                        },
                        art,
                    )
                })
            })
        })
    }

    pub fn article(&self, id: ArticleId) -> Option<&Article> {
        self.pages
            .get(id.page)?
            .columns
            .get(id.column)?
            .articles
            .get(id.article)
    }

    pub fn column(&self, id: ArticleId) -> Option<&Column> {
        self.pages.get(id.page)?.columns.get(id.column)
    }

    /// The display name of the column holding `id`.
    pub fn column_name(&self, id: ArticleId) -> &str {
        self.column(id).map_or(NO_COLUMN, Column::display_name)
    }

    /// The name of the column holding `id`, if it has one: data, with no
    /// placeholder (an empty field, or nothing, where there is none).
    pub fn column_named(&self, id: ArticleId) -> Option<&str> {
        Some(self.column(id)?.name.as_ref()?.text.as_str())
    }

    /// Where the article `id` stands, in words: `column › title`, or the
    /// title alone in a column without a name.
    pub fn place_of(&self, id: ArticleId) -> String {
        match self.column_named(id) {
            Some(column) => format!("{column} › {}", self.title_of(id)),
            None => self.title_of(id),
        }
    }

    /// The display title of the article `id`.
    pub fn title_of(&self, id: ArticleId) -> String {
        self.article(id)
            .map(Article::display_title)
            .unwrap_or_default()
    }

    /// The article with this 1-based number, as numbered in `--outline`.
    pub fn nth_article(&self, number: usize) -> Option<(ArticleId, &Article)> {
        number.checked_sub(1).and_then(|n| self.articles().nth(n))
    }
}
