//! Opening an article from its headline group: the lines split into
//! column heading, lead-in, title and subtitle, the column found or begun,
//! the byline under it taken along — or, where the open article has no
//! text yet, the group added to its headline.

use super::{Builder, COLUMN_OVER_FEATURE};
use crate::page::attribution::{byline_start, is_spaced_pair};
use crate::page::classify::{Shape, opens_like_a_dateline, opens_like_a_lead};
use crate::page::columns::{COLUMN_MAX_CHARS, is_box_title};
use crate::page::headline;
use crate::page::model::{Article, BlockKind, Column, Text};
use crate::page::names::{is_name_line, is_organisation_line};

impl Builder<'_> {
    /// Does the headline at `i` go on the headline just above it? An
    /// article has text: one whose headline is all there is so far, with
    /// nothing but the paragraph gap before `i`, was given a headline of
    /// more lines than a group takes (引题 / 主题 / 副题 each between
    /// blank lines).
    pub(super) fn headline_goes_on(&self, i: usize) -> bool {
        self.gap(i) <= self.conv.body_gap.max(1)
            && i > 0
            && self.shape(i - 1) == Some(Shape::Headline)
            && self.bare_headline()
            // A subtitle set off by a dash (——写在…之际) is a line of its
            // own: what follows it opens the text.
            && !self
                .last_article()
                .and_then(|a| a.subtitle.as_ref())
                .is_some_and(|s| s.text.starts_with("——"))
    }

    /// Adds the headline lines `i..end` to the open article's subtitle.
    pub(super) fn extend_headline(&mut self, i: usize, end: usize) -> usize {
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
    pub(super) fn open_article(&mut self, i: usize, end: usize) -> usize {
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
        // A roundup's title over its first item's head (新春走基层 / 在粤务工
        // 人员乘坐扶贫专列返乡 / 大凉山生长新梦想 / 本报记者 李刚) reads as a
        // column over an article's headline; the items that follow, headed
        // and signed or dated alike, show it for what it is.
        if head.column.is_some()
            && !head.column_in_title
            && head.leadin.is_none()
            && head.subtitle.is_none()
            && end - i == 3
            && self.heads_first_item(end)
        {
            return self.open_roundup(i, end);
        }
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
        self.under_column_line = head.column.is_some() && !head.column_in_title && end - i >= 3;
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
            self.note(next, "a byline (□, 本报记者 …) right under the headline");
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
        if next == end && self.names_only(next) && self.gap(next) <= self.conv.body_gap.max(1) {
            self.note(
                next,
                "a line that only names people, under the headline: its byline",
            );
            let byline = self.blocks[next].text.clone();
            if let Some(article) = self.current() {
                article.byline = Some(byline);
            }
            next += 1;
        }
        next
    }

    /// Is block `k` a line that only names people (李庆刚, 本报评论员 赵慧),
    /// with the article's text after it: a byline without a marker or a
    /// role?
    pub(super) fn names_only(&self, k: usize) -> bool {
        k < self.blocks.len()
            && !self.blocks[k].multiline
            && (is_name_line(self.text(k)) || is_organisation_line(self.text(k)))
            && (self.next_body(k + 1).is_some() || k + 1 == self.blocks.len())
    }

    /// Does an item of a roundup start where the headline group ending at
    /// `end` ends — a byline or a dateline under it — and another item,
    /// headed the same way, follow at the paragraph gap before the next
    /// article's?
    fn heads_first_item(&self, end: usize) -> bool {
        if self.conv.body_gap == 0 {
            return false;
        }
        // An item may be signed by a name alone, letter-spaced (林 芳).
        let signed = |e: usize| {
            self.shape(e) == Some(Shape::Byline)
                || e < self.blocks.len() && is_spaced_pair(self.text(e))
        };
        let dated = |e: usize| self.next_body(e).is_some_and(opens_like_a_dateline);
        let (first_signed, first_dated) = (signed(end), dated(end));
        if !first_signed && !first_dated {
            return false;
        }
        let mut k = end + 1;
        while k < self.blocks.len() && self.gap(k) <= self.conv.body_gap {
            if !(self.heads(k) && self.can_head(k)) {
                k += 1;
                continue;
            }
            let e = self.group_end(k);
            if e - k >= 2 && (first_signed && signed(e) || first_dated && dated(e)) {
                return true;
            }
            k = e;
        }
        false
    }

    /// Opens a roundup: its title is the group's first line, and the first
    /// item's head and byline are its first blocks, as every later item's
    /// are (see `role`).
    fn open_roundup(&mut self, i: usize, end: usize) -> usize {
        let reuse = self.columns.last().is_some() && !self.title_named_column;
        if !reuse {
            self.columns.push(Column {
                name: None,
                articles: Vec::new(),
            });
        }
        self.title_named_column = false;
        self.under_column_line = true;
        self.in_box = false;
        let title = std::mem::take(&mut self.blocks[i].text);
        if let Some(col) = self.columns.last_mut() {
            col.articles.push(Article {
                title,
                ..Article::default()
            });
        }
        for k in i + 1..end {
            self.push(BlockKind::Subheading, k);
        }
        let mut next = end;
        while self.shape(next) == Some(Shape::Byline) {
            self.push(BlockKind::Paragraph, next);
            next += 1;
        }
        next
    }
}
