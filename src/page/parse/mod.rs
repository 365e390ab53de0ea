//! Raw blocks → columns → articles → blocks. Stage (ii) of the parser:
//! each block's shape is read alone (`classify`), the page's conventions
//! from its body text (`conventions`), what each block is to its
//! neighbours before its text moves (`facts`); this module walks the
//! blocks and builds the articles, `group` gathers the lines of a headline, `role`
//! decides what a group is, `open` opens an article from one, and the
//! finished articles go to `mend` (stage iii).

use super::attribution::{byline_start, is_spaced_pair};
use super::classify::{Shape, shape};
use super::conventions::{Conventions, is_marked_head};
use super::labels::{is_box_label, is_editors_note};
use super::lines::{RawBlock, raw_blocks};
use super::mend::mend;
use super::model::{Article, Block, BlockKind, Column};
use crate::text::Segmenter;
use crate::text::punct::ends_sentence;
use facts::Facts;

mod facts;
mod group;
mod open;
mod role;

/// Score from [`title_evidence`] at which a lone headline opens an article.
const TITLE_EVIDENCE: u32 = 3;
/// Longest plain column name over a feature's title, in characters: of
/// the corpus's column notes, one in five has 9–12.
const COLUMN_OVER_FEATURE: usize = 12;
/// Most lines a headline group takes (column, lead-in, title over two
/// lines, subtitle).
const MAX_HEADLINE_LINES: usize = 5;

/// Parses one region (the whole text, or a region of a big one) into
/// columns, placed in the source as if the region were all of it.
pub(crate) fn parse_region(text: &str, seg: Option<Segmenter>) -> Vec<Column> {
    parse_traced(text, seg, None)
}

/// [`parse_region`], noting in `reasons` the rule that decided each block,
/// by the source line (of the region) it starts on: what `--explain` says.
pub(crate) fn parse_traced(
    text: &str,
    seg: Option<Segmenter>,
    reasons: Option<&mut Vec<(usize, &'static str)>>,
) -> Vec<Column> {
    let mut blocks = raw_blocks(text);
    let shapes: Vec<Shape> = blocks.iter().map(shape).collect();
    let conventions = Conventions::of(&blocks, &shapes);
    let facts = Facts::of(&blocks, &shapes, &conventions, seg);
    let mut builder = Builder {
        blocks: &mut blocks,
        shapes: &shapes,
        facts: &facts,
        conv: conventions,
        seg,
        columns: Vec::new(),
        title_named_column: false,
        under_column_line: false,
        in_box: false,
        reasons,
    };
    let mut i = 0;
    while i < builder.blocks.len() {
        i = builder.step(i);
    }
    let mut columns = builder.columns;
    // Printed columns cut paragraphs only where blocks stand between blank
    // lines; elsewhere a line is a paragraph or stage (i) joined it.
    if conventions.body_gap >= 1 {
        for article in columns.iter_mut().flat_map(|c| c.articles.iter_mut()) {
            mend(article, seg);
        }
    }
    // Grown by doubling, an article's list of blocks can hold half again
    // what it needs: on a page of a million lines, tens of megabytes.
    for article in columns.iter_mut().flat_map(|c| c.articles.iter_mut()) {
        article.blocks.shrink_to_fit();
    }
    columns
}

struct Builder<'a> {
    /// The page's blocks. A block's text moves into the model when the
    /// block becomes one of an article's blocks: the builder reads only
    /// ahead of where it is, and the text is not held twice.
    blocks: &'a mut [RawBlock],
    shapes: &'a [Shape],
    /// What is known of each block before its text moves.
    facts: &'a Facts,
    conv: Conventions,
    seg: Option<Segmenter>,
    columns: Vec<Column>,
    /// The last column was named inside a title (（人民时评）): it holds
    /// that article only, and the next unnamed article does not join it.
    title_named_column: bool,
    /// The open article's headline group is a column heading's line over
    /// two more: the shape of a roundup's title over its first item's head
    /// (2019春运一线 / 新通道 / “急客”服务通道开通).
    under_column_line: bool,
    /// The open article is a box of items (速览).
    in_box: bool,
    /// Where `--explain` collects why each block became what it is.
    reasons: Option<&'a mut Vec<(usize, &'static str)>>,
}

/// What a headline-shaped block turned out to be.
#[derive(PartialEq, Eq)]
enum Role {
    /// It opens a new article (perhaps under a new column heading).
    Article,
    Subheading,
    /// The heads of a roundup's sub-report: every line of the group is a
    /// subheading of the article.
    SubReport,
    /// A fragment of a paragraph cut by the layout.
    Body,
}

impl Builder<'_> {
    fn text(&self, i: usize) -> &str {
        &self.blocks[i].text.text
    }

    fn shape(&self, i: usize) -> Option<Shape> {
        self.shapes.get(i).copied()
    }

    fn gap(&self, i: usize) -> usize {
        self.blocks[i].gap_before
    }

    /// Is block `i` a headline line: a headline, or speech-shaped text that
    /// a byline follows (a title like 我的家乡)?
    fn heads(&self, i: usize) -> bool {
        match self.shape(i) {
            // A letter-spaced name or word (林 芳, 缘  起) signs an item or
            // heads a part, never an article.
            Some(Shape::Headline) => !self.marked(i) && !is_spaced_pair(self.text(i)),
            // A line that reads as speech heads an article over a byline,
            // at the top of the page (咱们村，年味浓), and, where nothing but
            // marks sets headings apart, after what ends an article (□版式设
            // 计：张丹峰 / 我们这样迎新春) — unless it ends a sentence.
            Some(Shape::Dialogue) => {
                let apart =
                    self.flat() || self.conv.body_gap >= 1 && self.gap(i) > self.conv.body_gap;
                self.shape(i + 1) == Some(Shape::Byline)
                    || (apart && self.follows_closing(i) || !self.has_article())
                        && !ends_sentence(self.text(i))
            }
            _ => false,
        }
    }

    /// Block `i` carries a section-head mark (□红烛精神代代传): text of the
    /// article, never its headline — also where too few heads are marked
    /// to make marks the page's convention.
    fn marked(&self, i: usize) -> bool {
        is_marked_head(&self.blocks[i])
    }

    /// Where body text is indented, an indented line is body text or a
    /// subheading, never a heading of the page.
    fn can_head(&self, i: usize) -> bool {
        !(self.conv.body_indented && self.blocks[i].indented)
    }

    fn current(&mut self) -> Option<&mut Article> {
        self.columns.last_mut()?.articles.last_mut()
    }

    fn has_article(&self) -> bool {
        self.columns.last().is_some_and(|c| !c.articles.is_empty())
    }

    /// The current article, or an untitled one for text before any title.
    fn article(&mut self) -> &mut Article {
        if self.columns.is_empty() {
            self.columns.push(Column {
                name: None,
                articles: Vec::new(),
            });
        }
        let col = self.columns.last_mut();
        let col = col.unwrap_or_else(|| unreachable!("a column was pushed just above"));
        if col.articles.is_empty() {
            col.articles.push(Article::default());
        }
        let article = col.articles.last_mut();
        article.unwrap_or_else(|| unreachable!("an article was pushed just above"))
    }

    /// Notes why block `i` became what it is (for `--explain` only).
    fn note(&mut self, i: usize, why: &'static str) {
        if let Some(reasons) = self.reasons.as_deref_mut() {
            reasons.push((self.blocks[i].text.line, why));
        }
    }

    fn push(&mut self, kind: BlockKind, i: usize) {
        let text = std::mem::take(&mut self.blocks[i].text);
        self.article().blocks.push(Block { kind, text });
    }

    /// Handles the block at `i` (and any it takes along); returns the index
    /// of the next unhandled block.
    fn step(&mut self, i: usize) -> usize {
        match self.shapes[i] {
            Shape::PageMark => {
                self.note(i, "a page mark (第01版): a page of the day begins");
                self.columns.push(Column {
                    name: Some(self.blocks[i].text.clone()),
                    articles: Vec::new(),
                });
                self.title_named_column = false;
                i + 1
            }
            Shape::Credit => {
                self.note(i, "a photo or graphics credit (…摄, 制图：…)");
                self.push(BlockKind::Credit, i);
                i + 1
            }
            Shape::Caption => {
                self.note(i, "a photo caption (图为…, ■…)");
                self.push(BlockKind::Caption, i);
                i + 1
            }
            Shape::Byline => {
                self.byline(i);
                i + 1
            }
            // An editor's note standing alone where an article starts is
            // an article of its own, titled so (编者按 / 本期主题：… / 当前，…);
            // under a title, 编者的话 labels a box of the text.
            Shape::Body if is_editors_note(self.text(i)) && self.starts_article(i) => {
                self.note(i, "an editor's note where an article starts: titled so");
                self.open_article(i, i + 1)
            }
            Shape::Body | Shape::Dialogue if self.opens_with_long_line(i) => {
                self.note(
                    i,
                    "a long line that opens an article: a lead-in or a long title",
                );
                let end = self.group_end(i);
                self.open_article(i, end)
            }
            Shape::Dialogue if self.heads(i) && self.can_head(i) => self.headline(i),
            Shape::Body | Shape::Note | Shape::Dialogue => {
                // A box label (核心阅读) heads what follows it, as a
                // sub-report's lead-in does.
                let (kind, why) = if is_box_label(self.text(i)) {
                    (
                        BlockKind::Subheading,
                        "a box's label inside the text (核心阅读)",
                    )
                } else if self.leads_sub_report(i) {
                    (
                        BlockKind::Subheading,
                        "a sub-report's lead-in (…——) over its head",
                    )
                } else {
                    (
                        BlockKind::Paragraph,
                        "body text: long, or written in sentences",
                    )
                };
                self.note(i, why);
                self.push(kind, i);
                i + 1
            }
            Shape::Headline if self.heads(i) && self.can_head(i) => self.headline(i),
            Shape::Headline => {
                let (role, why) = self.lone_line(i);
                let kind = match role {
                    Role::Body => BlockKind::Paragraph,
                    _ => BlockKind::Subheading,
                };
                self.note(i, why);
                self.push(kind, i);
                i + 1
            }
        }
    }

    /// Handles the headline group starting at `i`.
    fn headline(&mut self, i: usize) -> usize {
        let end = self.group_end(i);
        let (role, why) = self.role_why(i, end);
        self.note(i, why);
        match role {
            Role::Article if self.headline_goes_on(i) => {
                self.note(i, "more headline under a headline with no text yet");
                self.extend_headline(i, end)
            }
            Role::Article => self.open_article(i, end),
            Role::Subheading => {
                self.push(BlockKind::Subheading, i);
                i + 1
            }
            Role::SubReport => {
                for k in i..end {
                    self.push(BlockKind::Subheading, k);
                }
                end
            }
            Role::Body => {
                self.push(BlockKind::Paragraph, i);
                i + 1
            }
        }
    }

    /// A byline belongs to the article when it stands before its text or
    /// after its first paragraph (記者：… after a 【本報訊】 intro); later
    /// ones are text (the byline of a boxed piece inside the article).
    fn byline(&mut self, i: usize) {
        let text = &self.blocks[i].text;
        let start = byline_start(&text.text).unwrap_or(0);
        let byline = text.slice(start..text.text.len());
        match self.current() {
            Some(a)
                if a.byline.is_none()
                    && !a.blocks.iter().any(|b| b.kind == BlockKind::Subheading)
                    && a.blocks
                        .iter()
                        .filter(|b| b.kind == BlockKind::Paragraph)
                        .count()
                        <= 1 =>
            {
                a.byline = Some(byline);
                self.note(
                    i,
                    "a byline (□, 本报记者 …) before the text or after its first paragraph",
                );
            }
            _ => {
                self.note(
                    i,
                    "a byline's shape, but deep in the text: a boxed piece's, kept as text",
                );
                self.push(BlockKind::Paragraph, i);
            }
        }
    }

    /// Has the open article a headline and nothing else yet?
    fn bare_headline(&self) -> bool {
        self.last_article()
            .is_some_and(|a| !a.title.is_empty() && a.blocks.is_empty() && a.byline.is_none())
    }

    /// The article being built, if any.
    fn last_article(&self) -> Option<&Article> {
        self.columns.last()?.articles.last()
    }

    /// Neither blank lines nor indentation set headings apart.
    fn flat(&self) -> bool {
        self.conv.body_gap == 0 && !self.conv.body_indented
    }

    /// Does block `i` stand where an article starts: first on the page, or
    /// at a wider gap than the paragraphs'?
    fn starts_article(&self, i: usize) -> bool {
        !self.has_article() || self.conv.body_gap >= 1 && self.gap(i) > self.conv.body_gap
    }

    /// Does the text before block `i` stop mid-sentence, so that `i` is
    /// probably its continuation?
    fn follows_open_paragraph(&self, i: usize) -> bool {
        i > 0 && self.facts.open[i - 1]
    }

    /// Does block `i` follow what closes an article?
    fn follows_closing(&self, i: usize) -> bool {
        i > 0 && self.facts.closing[i - 1]
    }

    fn next_body(&self, end: usize) -> Option<&str> {
        matches!(self.shape(end), Some(Shape::Body | Shape::Dialogue)).then(|| self.text(end))
    }

    /// Block `k` as the second half of a cut paragraph, if it can be one: a
    /// box label (核心阅读) never is.
    fn continuation(&self, k: usize) -> Option<&str> {
        self.next_body(k).filter(|t| !is_box_label(t))
    }
}
