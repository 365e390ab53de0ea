//! Raw blocks → columns → articles → blocks. Stage (ii) of the parser:
//! each block's shape is read alone (`classify`), the page's conventions
//! from its body text (`conventions`); this module decides from both and
//! from the neighbours which short lines open articles, and hands the
//! finished articles to `mend` (stage iii).

use std::sync::Arc;

use super::classify::{
    COLUMN_MAX_CHARS, Shape, byline_start, dangles, is_box_label, is_box_title, is_column_like,
    is_enumerated, is_open_paragraph, more_chars_than, opens_like_a_dateline, opens_like_a_lead,
    shape, title_evidence,
};
use super::conventions::{Conventions, is_marked_head};
use super::headline;
use super::lines::{RawBlock, START_GAP, raw_blocks};
use super::mend::mend;
use super::parallel::{parse_in_regions, threads_for};
use super::{Article, Block, BlockKind, Column, Page, Text};
use crate::text::Segmenter;
use crate::text::punct::{ends_sentence, is_colon};

/// Score from [`title_evidence`] at which a lone headline opens an article.
const TITLE_EVIDENCE: u32 = 3;
/// Longest plain column name over a feature's title, in characters: of
/// the corpus's column notes, one in five has 9–12.
const COLUMN_OVER_FEATURE: usize = 12;
/// Most lines a headline group takes (column, lead-in, title over two
/// lines, subtitle).
const MAX_HEADLINE_LINES: usize = 5;

/// Parses one page. With a segmenter, short ambiguous fragments are mended
/// when a word spans the seam; without one only unambiguous cuts are, and
/// the result can be refined later by parsing again with it — article
/// boundaries do not depend on it.
///
/// A big text is parsed in regions (cut where articles part), one thread
/// each, and the regions' columns joined.
pub fn parse(source: &str, text: impl Into<String>, seg: Option<Segmenter>) -> Page {
    parse_shared(source, Arc::new(text.into()), seg)
}

/// [`parse`] of a text that is shared (the reader parses it again, with
/// the segmenter, on another thread).
pub fn parse_shared(source: &str, text: Arc<String>, seg: Option<Segmenter>) -> Page {
    let columns = match threads_for(text.len()) {
        n if n >= 2 => parse_in_regions(&text, n, seg),
        _ => parse_region(&text, seg),
    };
    Page {
        source: source.to_owned(),
        text,
        columns,
    }
}

/// Parses one region (the whole text, or a region of a big one) into
/// columns, placed in the source as if the region were all of it.
pub(super) fn parse_region(text: &str, seg: Option<Segmenter>) -> Vec<Column> {
    let mut blocks = raw_blocks(text);
    let shapes: Vec<Shape> = blocks.iter().map(shape).collect();
    let conventions = Conventions::of(&blocks, &shapes);
    let open: Vec<bool> = blocks
        .iter()
        .zip(&shapes)
        .map(|(b, &s)| s == Shape::Body && is_open_paragraph(&b.text.text))
        .collect();
    // A marked credit is no head; a marked name (□美 国, □宋爽) is a head or
    // a byline, and neither has a title right under it.
    let marked_head: Vec<bool> = blocks
        .iter()
        .zip(&shapes)
        .map(|(b, &s)| {
            is_marked_head(b)
                && (matches!(s, Shape::Headline | Shape::Dialogue | Shape::Byline)
                    || s == Shape::Body && !ends_sentence(&b.text.text))
        })
        .collect();
    let dashed: Vec<bool> = blocks
        .iter()
        .map(|b| {
            let t = b.text.text.trim_end();
            b.chars <= 40 && (t.ends_with('—') || t.ends_with(is_colon))
        })
        .collect();
    let mut builder = Builder {
        blocks: &mut blocks,
        shapes: &shapes,
        open: &open,
        marked_head: &marked_head,
        dashed: &dashed,
        conv: conventions,
        seg,
        columns: Vec::new(),
        title_named_column: false,
        in_box: false,
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
    columns
}

struct Builder<'a> {
    /// The page's blocks. A block's text moves into the model when the
    /// block becomes one of an article's blocks: the builder reads only
    /// ahead of where it is, and the text is not held twice.
    blocks: &'a mut [RawBlock],
    shapes: &'a [Shape],
    /// Body blocks that stop mid-sentence, found before their text moves.
    open: &'a [bool],
    /// Blocks that are section heads by their mark (□…), found before
    /// their text moves.
    marked_head: &'a [bool],
    /// Short blocks that end on a dash or a colon, as a lead-in does
    /// (内蒙古阿尔山市西口村——, 督察人员徐锡惠：).
    dashed: &'a [bool],
    conv: Conventions,
    seg: Option<Segmenter>,
    columns: Vec<Column>,
    /// The last column was named inside a title (（人民时评）): it holds
    /// that article only, and the next unnamed article does not join it.
    title_named_column: bool,
    /// The open article is a box of items (速览).
    in_box: bool,
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
            Some(Shape::Headline) => !self.marked(i),
            Some(Shape::Dialogue) => self.shape(i + 1) == Some(Shape::Byline),
            _ => false,
        }
    }

    /// Block `i` carries the section-head mark where section heads are
    /// marked: text of the article, never its headline.
    fn marked(&self, i: usize) -> bool {
        self.conv.marked_heads && is_marked_head(&self.blocks[i])
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

    fn push(&mut self, kind: BlockKind, i: usize) {
        let text = std::mem::take(&mut self.blocks[i].text);
        self.article().blocks.push(Block { kind, text });
    }

    /// Handles the block at `i` (and any it takes along); returns the index
    /// of the next unhandled block.
    fn step(&mut self, i: usize) -> usize {
        match self.shapes[i] {
            Shape::PageMark => {
                self.columns.push(Column {
                    name: Some(self.blocks[i].text.clone()),
                    articles: Vec::new(),
                });
                self.title_named_column = false;
                i + 1
            }
            Shape::Credit => {
                self.push(BlockKind::Credit, i);
                i + 1
            }
            Shape::Caption => {
                self.push(BlockKind::Caption, i);
                i + 1
            }
            Shape::Byline => {
                self.byline(i);
                i + 1
            }
            Shape::Body | Shape::Dialogue if self.opens_with_long_line(i) => {
                let end = self.group_end(i);
                self.open_article(i, end)
            }
            Shape::Body | Shape::Note | Shape::Dialogue => {
                // A box label (核心阅读) heads what follows it, as a
                // sub-report's lead-in does.
                let kind = if is_box_label(self.text(i)) || self.leads_sub_report(i) {
                    BlockKind::Subheading
                } else {
                    BlockKind::Paragraph
                };
                self.push(kind, i);
                i + 1
            }
            Shape::Headline if self.heads(i) && self.can_head(i) => {
                let end = self.group_end(i);
                match self.role(i, end) {
                    Role::Article if self.headline_goes_on(i) => self.extend_headline(i, end),
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
            Shape::Headline => {
                let kind = match self.lone_line(i) {
                    Role::Body => BlockKind::Paragraph,
                    _ => BlockKind::Subheading,
                };
                self.push(kind, i);
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
            }
            _ => self.push(BlockKind::Paragraph, i),
        }
    }

    /// Does the body-shaped block `i` open an article? Either it is a
    /// lead-in — a short line ending on a colon, dash or ellipsis, or any
    /// short unfinished line at an article gap — right before a headline
    /// (国台办：, 写春联、赏年画、进博物馆……), or a title too long for a
    /// headline's shape standing alone at an article gap.
    fn opens_with_long_line(&self, i: usize) -> bool {
        let text = self.text(i).trim_end();
        let at_gap = self.gap(i) > self.conv.body_gap;
        // At an article gap, a lead-in that ends on a dash may run to
        // sentences (过去除了串门聊天打牌，就是在家看电视；如今锻炼有去处、
        // 娱乐有场所。山东农村——).
        let long_leadin = at_gap
            && text.ends_with('—')
            && self.blocks[i].chars <= 80
            && self.heads(i + 1)
            && self.gap(i + 1) <= self.conv.body_gap.max(1);
        if long_leadin && self.can_head(i) && !self.marked(i) {
            return true;
        }
        if self.blocks[i].chars > 60 || !self.can_head(i) || self.marked(i) {
            return false;
        }
        if text.contains('。') {
            return false;
        }
        if self.conv.body_indented && !self.blocks[i].indented && !ends_sentence(text) {
            // Body text is indented here: an unindented line is a headline,
            // however long (十三届全国人大二次会议3月5日…在北京开幕).
            return true;
        }
        let starts = at_gap || !self.has_article() || self.conv.body_indented;
        let marked = text.ends_with(is_colon) || text.ends_with(['—', '…']);
        let next_heads = self.heads(i + 1) && self.gap(i + 1) <= self.conv.body_gap.max(1);
        if next_heads && marked && starts && self.blocks[i].chars <= 40 {
            let end = self.group_end(i + 1);
            return !self.leads_sub_report(i) && (at_gap || self.role(i + 1, end) == Role::Article);
        }
        // Right under a headline that has no text yet, a long line is its
        // subtitle or the text's first line, not another article.
        if self.flat() && (self.under_marked_head(i) || self.gap(i) == 0 && self.bare_headline()) {
            return false;
        }
        if self.flat() && !self.follows_open_paragraph(i) && !ends_sentence(text) {
            // Where only marks set headings apart (a web copy), an unfinished
            // line before an unmarked headline is its lead-in, and one before
            // a byline, a caption or a dateline is a long title.
            let next = self.shape(i + 1);
            let news = matches!(next, Some(Shape::Byline | Shape::Caption))
                || self.next_body(i + 1).is_some_and(opens_like_a_dateline);
            return (next_heads && self.role(i + 1, self.group_end(i + 1)) == Role::Article)
                || (news && !text.contains('；') && !text.ends_with(is_colon));
        }
        // A long title, of names and 、 only, stands over a dateline (习近平
        // 主席特使、科技部部长王志刚会见阿联酋副总统兼总理、迪拜酋长穆罕默德 /
        // 新华社迪拜2月11日电…); a summary over one is written in clauses.
        let over_dateline = i + 1 < self.blocks.len()
            && self.gap(i + 1) <= self.conv.body_gap.max(1)
            && self.next_body(i + 1).is_some_and(opens_like_a_dateline);
        if over_dateline
            && !text.contains(['，', ',', '；', '：', ':', '？', '！'])
            && !ends_sentence(text)
            && !self.follows_open_paragraph(i)
        {
            return true;
        }
        // The page's first line, unfinished, over a headline is its lead-in
        // (上兴安岭，进秦巴山，到独龙江), not an article without a title.
        if !self.has_article() && next_heads && self.blocks[i].chars <= 40 && !ends_sentence(text) {
            return true;
        }
        if !(self.conv.article_gaps && at_gap) || text.ends_with(is_colon) {
            return false;
        }
        if next_heads {
            return self.blocks[i].chars <= 40;
        }
        !ends_sentence(text)
            && !text.contains('；')
            && matches!(self.shape(i + 1), Some(Shape::Body | Shape::Byline))
            && self.gap(i + 1) <= self.conv.body_gap
    }

    /// Does block `i` stand right under a marked section head (□甘肃定西元
    /// 古堆村 / 旱塬有了“解渴水”), of which it is the second line?
    fn under_marked_head(&self, i: usize) -> bool {
        i > 0 && self.gap(i) == 0 && self.marked_head[i - 1]
    }

    /// Has the open article a headline and nothing else yet?
    fn bare_headline(&self) -> bool {
        self.columns
            .last()
            .and_then(|c| c.articles.last())
            .is_some_and(|a| !a.title.is_empty() && a.blocks.is_empty() && a.byline.is_none())
    }

    /// Is block `i` the lead-in of a roundup's sub-report: a short line
    /// ending on a dash or a colon (内蒙古阿尔山市西口村——), at the
    /// paragraph gap, over a head and a byline (see `role`)?
    fn leads_sub_report(&self, i: usize) -> bool {
        self.dashed[i]
            && self.gap(i) <= self.conv.body_gap
            && self.has_article()
            && self.heads(i + 1)
            && self.gap(i + 1) <= self.conv.body_gap.max(1)
            && self.shape(self.group_end(i + 1)) == Some(Shape::Byline)
    }

    /// Neither blank lines nor indentation set headings apart.
    fn flat(&self) -> bool {
        self.conv.body_gap == 0 && !self.conv.body_indented
    }

    /// The end of the headline group starting at `i`.
    fn group_end(&self, i: usize) -> usize {
        let mut end = i + 1;
        if is_box_title(self.text(i)) {
            return end;
        }
        let max_gap = self.conv.body_gap.max(1);
        while end < self.blocks.len() && end - i < MAX_HEADLINE_LINES {
            // A subtitle set off by a dash (——写在…之际) ends the headline.
            if self.text(end - 1).starts_with("——") && end - 1 > i {
                break;
            }
            let within = self.gap(end) <= max_gap && self.can_head(end);
            let subtitle = self.text(end).starts_with('—') && self.shape(end) == Some(Shape::Body);
            // Where headings are the unindented lines, a long unindented
            // line right under the title is its subtitle.
            let unindented = self.conv.body_indented
                && self.gap(end) == 0
                && self.shape(end) == Some(Shape::Body)
                && !self.blocks[end].indented;
            // Under a column heading, a line that no mark places but a
            // headline follows is the title's lead-in (干部状态新观察 / 干部节
            // 后收心了吗？服务热心了吗？办事尽心了吗 / 首个工作日 干事有状态).
            // A dash lets it run long (自家院坝改造成舞台，没成想吸引了十
            // 里八乡的乡亲，四川省丹棱县——).
            let dashed = self.text(end).trim_end().ends_with('—');
            let under_column = end == i + 1
                && is_column_like(self.text(i))
                && self.shape(end) == Some(Shape::Body)
                && (self.blocks[end].chars <= 40 && !self.text(end).contains('。')
                    || dashed && self.blocks[end].chars <= 80)
                && self.heads(end + 1)
                && self.gap(end + 1) <= max_gap;
            // A numeral (一, 二) under a title opens its first part, and a
            // title said again (a decree's name over its text) opens the text.
            let opens_text =
                !more_chars_than(self.text(end), 1) || self.text(end) == self.text(end - 1);
            let joins = !opens_text && self.heads(end)
                || subtitle
                || unindented
                || under_column
                || self.leadin_line(end);
            if within && joins && self.fits_group(i, end) && !self.opens_body(end) {
                end += 1;
            } else {
                break;
            }
        }
        end
    }

    /// A body-shaped lead-in inside a headline group: short, ending on a
    /// dash or colon, right before a headline line.
    fn leadin_line(&self, k: usize) -> bool {
        let text = self.text(k).trim_end();
        (text.ends_with('—') || text.ends_with(is_colon))
            && !self.marked(k)
            && self.blocks[k].chars <= 60
            && !text.contains('。')
            && self.heads(k + 1)
            && self.gap(k + 1) <= self.conv.body_gap.max(1)
    }

    /// Does block `k` read as the start of the article's text rather than
    /// its headline: a news lead (本报北京2月11日电…), or the first piece of
    /// a paragraph cut by the layout?
    fn opens_body(&self, k: usize) -> bool {
        let text = self.text(k);
        if opens_like_a_lead(text) {
            return true;
        }
        self.conv.body_gap >= 1
            && !ends_sentence(text)
            && self.continuation(k + 1).is_some_and(|next| {
                dangles(text) || self.seg.is_some_and(|s| s.word_spans_join(text, next))
            })
    }

    /// May block `end` join the headline group `i..end`? Where blank lines
    /// part the blocks, a group holds at most two lines that no mark places
    /// (a lead-in ends on ——, a subtitle opens with it): a third short line
    /// is more likely the article's first subheading than its headline.
    fn fits_group(&self, i: usize, end: usize) -> bool {
        if self.conv.body_gap == 0 || self.gap(end) < self.conv.body_gap {
            return true;
        }
        let text = |k: usize| self.text(k).trim_end();
        let leads = |k: usize| text(k).ends_with('—') || text(k).ends_with(is_colon);
        let subtitle = |k: usize| text(k).starts_with('—');
        if subtitle(end) {
            return !(i..end).any(subtitle);
        }
        let column = usize::from(is_column_like(text(i)) && !leads(i));
        let plain = (i + column..end)
            .filter(|&k| !leads(k) && !subtitle(k))
            .count();
        // A title note (（人民时评）) closes the title.
        let noted = (i..end).any(|k| text(k).ends_with(['）', ')']) && !leads(k));
        if leads(end) {
            return plain == 0;
        }
        plain < 2 && !noted
    }

    /// Does the text before block `i` stop mid-sentence, so that `i` is
    /// probably its continuation?
    fn follows_open_paragraph(&self, i: usize) -> bool {
        i > 0 && self.open[i - 1]
    }

    fn next_body(&self, end: usize) -> Option<&str> {
        matches!(self.shape(end), Some(Shape::Body | Shape::Dialogue)).then(|| self.text(end))
    }

    /// Block `k` as the second half of a cut paragraph, if it can be one: a
    /// box label (核心阅读) never is.
    fn continuation(&self, k: usize) -> Option<&str> {
        self.next_body(k).filter(|t| !is_box_label(t))
    }

    /// Subheading, or a fragment of a cut paragraph?
    fn lone_line(&self, i: usize) -> Role {
        if self.conv.body_gap >= 1 && self.follows_open_paragraph(i) {
            return Role::Body;
        }
        let text = self.text(i);
        let fragment = self.conv.body_gap >= 1
            && self.continuation(i + 1).is_some_and(|next| {
                !ends_sentence(text)
                    && (dangles(text) || self.seg.is_some_and(|s| s.word_spans_join(text, next)))
            });
        if fragment {
            Role::Body
        } else {
            Role::Subheading
        }
    }

    /// Does the headline group `i..end` open an article?
    fn role(&self, i: usize, end: usize) -> Role {
        if !self.has_article() || self.gap(i) == START_GAP {
            return Role::Article;
        }
        // A line opening with a dash after the text is its attribution
        // (——辽宁省委常委、沈阳市委书记张雷日前在市委经济工作会议上说); a
        // subtitle stands in its headline's group.
        if self.text(i).starts_with("——") && !self.bare_headline() {
            return Role::Body;
        }
        // The heads under a box's title (速览) are its items'.
        // An item's head stands over its summary; one over a dateline
        // (【本報訊】) opens the next article.
        if self.conv.body_gap >= 1
            && self.gap(i) <= self.conv.body_gap
            && self.in_box
            && !self.next_body(end).is_some_and(opens_like_a_dateline)
        {
            return Role::SubReport;
        }
        // A numeral or a lone character (一, 二; 东, 西) numbers or names
        // the parts of the text: no title is so short. Nor is the second
        // line of a marked section head a title.
        if end == i + 1 && !more_chars_than(self.text(i), 1) || self.under_marked_head(i) {
            return Role::Subheading;
        }
        let after = self.shape(end);
        if after == Some(Shape::Byline) {
            // Where articles stand apart by wider gaps, a head with its own
            // byline at the paragraph gap is a sub-report of a roundup
            // (云南玉溪顾芸—— / 买上鲜花过大年，心情好 / 本报记者 徐元锋).
            // A head under a lead-in that names a place or a person with a
            // dash or a colon (内蒙古阿尔山市西口村——, 督察人员徐锡惠：) is
            // such a sub-report wherever it stands: of the corpus's 125
            // articles with such a lead-in, none has a byline, and 51
            // sub-reports are so headed.
            let led = |k: usize| self.dashed[k] && self.gap(k + 1) <= self.conv.body_gap.max(1);
            let dashed = (i..end).any(|k| self.dashed[k]) || (i > 0 && led(i - 1));
            return if (self.conv.sub_reports || dashed) && self.gap(i) <= self.conv.body_gap {
                Role::SubReport
            } else {
                Role::Article
            };
        }
        if self.conv.body_indented {
            // Body lines are indented here, so an unindented line is a heading.
            return Role::Article;
        }
        // Without blank lines or indentation to go by (a web copy), a
        // headline line is a title unless section heads are marked.
        // Where blank lines part the paragraphs, they set the headings
        // apart; marks there are a box's own (◆选桩 粗细匀称有力量).
        if self.conv.marked_heads && self.conv.body_gap == 0 || self.flat() {
            // Section heads are marked here, so an unmarked line is a title
            // — but a question, an exclamation or a quotation standing alone
            // is far more often a line of the text than a title (113 short
            // paragraphs of the corpus end in ？, one title does).
            // A line right under a marked head is the head's second line.
            let subtitled = (i + 1..end).any(|k| self.text(k).starts_with('—'));
            if self.follows_open_paragraph(i) || (!subtitled && speaks(self.text(i))) {
                return Role::Body;
            }
            return if self.under_marked_head(i) {
                Role::Subheading
            } else {
                Role::Article
            };
        }
        if self.gap(i) > self.conv.body_gap {
            return Role::Article;
        }
        if end - i >= 2 && (i..end).all(|k| is_enumerated(self.text(k))) {
            return Role::Subheading;
        }
        // Where blank lines part the paragraphs, headline lines with none
        // between them are one stacked headline; without blank lines, two
        // headline lines in a row are a headline too.
        let stacked = end - i >= 2 && (i + 1..end).all(|k| self.gap(k) < self.conv.body_gap);
        if stacked || (end - i >= 2 && self.conv.body_gap == 0) {
            return Role::Article;
        }
        let text = self.text(i);
        let next = self.next_body(end);
        // A photo caption or a dateline (本报北京2月1日电, 【本報訊】) opens
        // a news item, even after a line that a dash leaves open (一项工程，
        // 让2400平方公里土地变成了湿地——).
        if after == Some(Shape::Caption) || next.is_some_and(opens_like_a_dateline) {
            return Role::Article;
        }
        if self.follows_open_paragraph(i) {
            return Role::Body;
        }
        // Where articles stand apart by wider gaps, weaker evidence does not
        // make one.
        if self.conv.article_gaps {
            return self.lone_line(i);
        }
        // A column heading over a title, right after a byline: an article
        // with no text yet has no subheadings.
        if end - i >= 2 && is_column_like(text) && self.shape(i - 1) == Some(Shape::Byline) {
            return Role::Article;
        }
        if next.is_some_and(opens_like_a_lead) && self.conv.body_gap >= 1 {
            return Role::Article;
        }
        if title_evidence(text, next) >= TITLE_EVIDENCE {
            return Role::Article;
        }
        self.lone_line(i)
    }

    /// Does the headline at `i` go on the headline just above it? An
    /// article has text: one whose headline is all there is so far, with
    /// nothing but the paragraph gap before `i`, was given a headline of
    /// more lines than a group takes (引题 / 主题 / 副题 each between
    /// blank lines).
    fn headline_goes_on(&self, i: usize) -> bool {
        self.gap(i) <= self.conv.body_gap.max(1)
            && i > 0
            && self.shape(i - 1) == Some(Shape::Headline)
            && self
                .columns
                .last()
                .and_then(|c| c.articles.last())
                .is_some_and(|a| {
                    // A subtitle set off by a dash (——写在…之际) is a line
                    // of its own: what follows it opens the text.
                    let dashed = a
                        .subtitle
                        .as_ref()
                        .is_some_and(|s| s.text.starts_with("——"));
                    a.blocks.is_empty() && a.byline.is_none() && !a.title.is_empty() && !dashed
                })
    }

    /// Adds the headline lines `i..end` to the open article's subtitle.
    fn extend_headline(&mut self, i: usize, end: usize) -> usize {
        let lines: Vec<Text> = (i..end).map(|k| self.blocks[k].text.clone()).collect();
        if let Some(article) = self.current() {
            for line in &lines {
                match &mut article.subtitle {
                    Some(s) => s.append("\n", line),
                    None => article.subtitle = Some(line.clone()),
                }
            }
        }
        end
    }

    /// Opens an article from the headline group `i..end`: an optional
    /// column heading, lead-in, title and subtitle, then any byline right
    /// after.
    fn open_article(&mut self, i: usize, end: usize) -> usize {
        let lines: Vec<&Text> = (i..end).map(|k| &self.blocks[k].text).collect();
        // Where blank lines part the blocks, or headline lines stand together
        // (the crawler's layout), a column heading stands apart by a blank
        // line: two lines without one between them are a stacked title
        // (价格稳 / 品种多 供应足).
        let apart = end > i + 1 && self.gap(i + 1) > 0;
        let columns = if self.conv.body_gap >= 1 || self.conv.body_indented {
            apart
        } else {
            true
        };
        let stacked = self.conv.body_gap >= 1 && (i + 1..end).all(|k| self.gap(k) == 0);
        // A news item's headline is often a title over a subtitle that no
        // mark sets apart (646项国家标准发布 / 养老机构由低到高分为五级);
        // over a feature, a longer first line is the column's name (强军
        // 思想引领新征程 / 那一刻，我们光荣接受检阅).
        let news = self.next_body(end).is_some_and(opens_like_a_lead);
        let longest = if news {
            COLUMN_MAX_CHARS
        } else {
            COLUMN_OVER_FEATURE
        };
        let head = headline::split(&lines, columns.then_some(longest), stacked);
        let same_column = |col: &Column, name: &Option<Text>| match (&col.name, name) {
            (Some(a), Some(b)) => a.text == b.text,
            _ => false,
        };
        let reuse = match (self.columns.last(), &head.column) {
            (Some(_), None) => !self.title_named_column,
            (Some(last), Some(_)) => head.column_in_title && same_column(last, &head.column),
            (None, _) => false,
        };
        self.title_named_column = head.column_in_title;
        if !reuse {
            self.columns.push(Column {
                name: head.column,
                articles: Vec::new(),
            });
        }
        self.in_box = is_box_title(&head.title.text);
        if let Some(col) = self.columns.last_mut() {
            col.articles.push(Article {
                leadin: head.leadin,
                title: head.title,
                subtitle: head.subtitle,
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

/// A line that asks, exclaims or ends on a quotation (“吃得咋样？”, 三沙，
/// 年后再见！, 政治生态“绿水青山”): of the corpus's short lines that end on
/// ” without opening with “, 49 are paragraphs and 14 titles.
fn speaks(text: &str) -> bool {
    let text = text.trim();
    ends_sentence(text) || text.ends_with('”')
}
