//! Raw blocks → columns → articles → blocks: decides from the shapes of
//! neighbouring blocks which are column headings, titles, bylines,
//! subheadings and body, and mends paragraphs cut by the printed layout.

use super::classify::{
    Shape, bracketed_name, byline_start, column_in_title, dangles, is_column_like, is_enumerated,
    is_open_paragraph, opens_like_a_lead, shape, title_evidence,
};
use super::lines::{RawBlock, raw_blocks};
use std::sync::Arc;

use super::{Article, Block, BlockKind, Column, Page, Text};
use crate::text::Segmenter;
use crate::text::punct::{ends_sentence, is_colon};

/// Blank lines that mark a new region of the printed page.
const REGION_GAP: usize = 3;
/// Score from [`title_evidence`] at which a lone headline opens an article.
const TITLE_EVIDENCE: u32 = 3;

/// Parses one page. With a segmenter, short ambiguous fragments are mended
/// when a word spans the seam; without one only unambiguous cuts are, and
/// the result can be refined later by parsing again with it — article
/// boundaries do not depend on it.
pub fn parse(source: &str, text: impl Into<Arc<str>>, seg: Option<Segmenter>) -> Page {
    let text: Arc<str> = text.into();
    let blocks = raw_blocks(&text);
    let shapes: Vec<Shape> = blocks.iter().map(shape).collect();
    let long: Vec<&RawBlock> = blocks.iter().filter(|b| b.text.text.len() > 120).collect();
    let indented_layout =
        !long.is_empty() && long.iter().filter(|b| b.indented).count() * 2 > long.len();

    let mut builder = Builder {
        blocks: &blocks,
        shapes: &shapes,
        seg,
        indented_layout,
        columns: Vec::new(),
        title_named_column: false,
    };
    let mut i = 0;
    while i < blocks.len() {
        i = builder.step(i);
    }
    let mut columns = builder.columns;
    for article in columns.iter_mut().flat_map(|c| c.articles.iter_mut()) {
        mend(article, seg);
    }
    Page {
        source: source.to_owned(),
        text,
        columns,
    }
}

struct Builder<'a> {
    blocks: &'a [RawBlock],
    shapes: &'a [Shape],
    seg: Option<Segmenter>,
    indented_layout: bool,
    columns: Vec<Column>,
    /// The last column was named inside a title (（人民时评）): it holds
    /// that article only, and the next unnamed article does not join it.
    title_named_column: bool,
}

/// What a run of headline-shaped blocks turned out to be.
enum GroupRole {
    /// A new article, perhaps under a new column heading.
    Article,
    Subheadings,
    Body,
}

impl Builder<'_> {
    fn text(&self, i: usize) -> &str {
        &self.blocks[i].text.text
    }

    fn shape(&self, i: usize) -> Option<Shape> {
        self.shapes.get(i).copied()
    }

    /// In the line-per-paragraph layout an indented line is body text or a
    /// subheading, never a heading of the page.
    fn can_head(&self, i: usize) -> bool {
        !(self.indented_layout && self.blocks[i].indented)
    }

    /// Is block `i` part of a headline run: a headline, or speech-shaped
    /// text that a byline follows (a title like 我的家乡)?
    fn heads(&self, i: usize) -> bool {
        match self.shape(i) {
            Some(Shape::Headline) => true,
            Some(Shape::Dialogue) => self.shape(i + 1) == Some(Shape::Byline),
            _ => false,
        }
    }

    fn current(&mut self) -> Option<&mut Article> {
        self.columns.last_mut()?.articles.last_mut()
    }

    /// The current article, or an untitled one for text before any title.
    fn article(&mut self) -> &mut Article {
        if self.current().is_none() {
            if self.columns.is_empty() {
                self.columns.push(Column {
                    name: None,
                    articles: Vec::new(),
                });
            }
            if let Some(col) = self.columns.last_mut() {
                col.articles.push(Article {
                    title: Text::default(),
                    byline: None,
                    blocks: Vec::new(),
                });
            }
        }
        match self.columns.last_mut().and_then(|c| c.articles.last_mut()) {
            Some(article) => article,
            None => unreachable!("an article was pushed just above"),
        }
    }

    fn push(&mut self, kind: BlockKind, i: usize) {
        let text = self.blocks[i].text.clone();
        self.article().blocks.push(Block { kind, text });
    }

    /// Handles the block at `i` (and any it takes along); returns the index
    /// of the next unhandled block.
    fn step(&mut self, i: usize) -> usize {
        match self.shapes[i] {
            Shape::Credit => {
                self.push(BlockKind::Credit, i);
                i + 1
            }
            Shape::Byline => {
                let text = &self.blocks[i].text;
                let start = byline_start(&text.text).unwrap_or(0);
                let byline = text.slice(start..text.text.len());
                match self.current() {
                    Some(a)
                        if a.byline.is_none()
                            && a.blocks.iter().all(|b| b.kind == BlockKind::Credit) =>
                    {
                        a.byline = Some(byline);
                    }
                    _ => self.push(BlockKind::Paragraph, i),
                }
                i + 1
            }
            Shape::Body => {
                self.push(BlockKind::Paragraph, i);
                i + 1
            }
            Shape::Headline | Shape::Dialogue if self.heads(i) && self.can_head(i) => {
                let mut end = i + 1;
                while end < self.blocks.len()
                    && self.heads(end)
                    && self.can_head(end)
                    && self.blocks[end].gap_before < REGION_GAP
                {
                    end += 1;
                }
                match self.role(i, end) {
                    GroupRole::Article => self.open_article(i, end),
                    GroupRole::Subheadings => {
                        for k in i..end {
                            self.push(BlockKind::Subheading, k);
                        }
                        end
                    }
                    GroupRole::Body => {
                        self.push(BlockKind::Paragraph, i);
                        i + 1
                    }
                }
            }
            Shape::Headline => {
                // An indented short line in the line-per-paragraph layout.
                let kind = match self.role_of_lone_line(i) {
                    GroupRole::Subheadings => BlockKind::Subheading,
                    _ => BlockKind::Paragraph,
                };
                self.push(kind, i);
                i + 1
            }
            Shape::Dialogue => {
                self.push(BlockKind::Paragraph, i);
                i + 1
            }
        }
    }

    /// Does the text before block `i` stop mid-sentence, so that `i` is
    /// probably its continuation?
    fn follows_open_paragraph(&self, i: usize) -> bool {
        i > 0 && self.shapes[i - 1] == Shape::Body && is_open_paragraph(self.text(i - 1))
    }

    fn next_body(&self, end: usize) -> Option<&str> {
        matches!(self.shape(end), Some(Shape::Body | Shape::Dialogue)).then(|| self.text(end))
    }

    /// Subheading, or a fragment of a cut paragraph?
    fn role_of_lone_line(&self, i: usize) -> GroupRole {
        if self.follows_open_paragraph(i) {
            return GroupRole::Body;
        }
        let text = self.text(i);
        let fragment = self.next_body(i + 1).is_some_and(|next| {
            !ends_sentence(text)
                && (dangles(text) || self.seg.is_some_and(|s| s.word_spans_join(text, next)))
        });
        if fragment {
            GroupRole::Body
        } else {
            GroupRole::Subheadings
        }
    }

    fn role(&self, i: usize, end: usize) -> GroupRole {
        let next_is_byline = self.shape(end) == Some(Shape::Byline);
        if next_is_byline {
            return GroupRole::Article;
        }
        let no_article = self.columns.last().is_none_or(|c| c.articles.is_empty());
        if no_article {
            return GroupRole::Article;
        }
        if end - i >= 2 {
            let enumerated = (i..end).all(|k| is_enumerated(self.text(k)));
            return if enumerated {
                GroupRole::Subheadings
            } else {
                GroupRole::Article
            };
        }
        if self.follows_open_paragraph(i) {
            return GroupRole::Body;
        }
        if self.indented_layout {
            // Body lines are indented here, so an unindented line is a heading.
            return GroupRole::Article;
        }
        let region = self.blocks[i].gap_before >= REGION_GAP;
        let text = self.text(i);
        if region || title_evidence(text, self.next_body(end)) >= TITLE_EVIDENCE {
            return GroupRole::Article;
        }
        self.role_of_lone_line(i)
    }

    /// Opens an article from the headline run `i..end`: an optional column
    /// heading, the title lines, then any byline right after.
    fn open_article(&mut self, i: usize, end: usize) -> usize {
        let first = &self.blocks[i].text;
        let mut column: Option<Text> = None;
        let mut title_from = i;
        if let Some(range) = bracketed_name(&first.text) {
            column = Some(first.slice(range));
            title_from = i + 1;
        } else if end - i >= 2
            && !self.indented_layout
            && is_column_like(&first.text)
            && !self.text(i + 1).starts_with('—')
        {
            column = Some(first.clone());
            title_from = i + 1;
        }

        let mut title = Text::default();
        let mut in_title_column = false;
        for k in title_from..end {
            let line = &self.blocks[k].text;
            let mut part = line.clone();
            if column.is_none()
                && let Some((name, rest)) = column_in_title(&line.text)
            {
                column = Some(line.slice(name));
                in_title_column = true;
                part = line.slice(rest);
            }
            title.append("\n", &part);
        }

        let same_column = |col: &Column, name: &Option<Text>| match (&col.name, name) {
            (Some(a), Some(b)) => a.text == b.text,
            _ => false,
        };
        let reuse = match (self.columns.last(), &column) {
            (Some(_), None) => !self.title_named_column,
            (Some(last), Some(_)) => in_title_column && same_column(last, &column),
            (None, _) => false,
        };
        self.title_named_column = in_title_column;
        if !reuse {
            self.columns.push(Column {
                name: column,
                articles: Vec::new(),
            });
        }
        if let Some(col) = self.columns.last_mut() {
            col.articles.push(Article {
                title,
                byline: None,
                blocks: Vec::new(),
            });
        }

        // The byline, possibly on several lines (记者 … / 通讯员 …).
        let mut next = end;
        while self.shape(next) == Some(Shape::Byline) {
            let text = &self.blocks[next].text;
            let start = byline_start(&text.text).unwrap_or(0);
            let part = text.slice(start..text.text.len());
            if let Some(article) = self.current() {
                match &mut article.byline {
                    Some(b) => b.append(" ", &part),
                    None => article.byline = Some(part),
                }
            }
            next += 1;
        }
        next
    }
}

/// Should paragraph `right` be joined to `left`, the two being one
/// paragraph cut by the foot of a printed column?
fn should_mend(left: &str, right: &str, seg: Option<Segmenter>) -> bool {
    if opens_like_a_lead(right) {
        return false;
    }
    if is_open_paragraph(left) {
        return true;
    }
    if ends_sentence(left) || left.trim_end().ends_with(is_colon) {
        return false;
    }
    seg.is_some_and(|s| s.word_spans_join(left, right))
}

/// Joins the cut paragraphs of an article.
fn mend(article: &mut Article, seg: Option<Segmenter>) {
    let blocks = std::mem::take(&mut article.blocks);
    for block in blocks {
        match article.blocks.last_mut() {
            Some(last)
                if last.kind == BlockKind::Paragraph
                    && block.kind == BlockKind::Paragraph
                    && should_mend(&last.text.text, &block.text.text, seg) =>
            {
                last.text.append("", &block.text);
            }
            _ => article.blocks.push(block),
        }
    }
}
