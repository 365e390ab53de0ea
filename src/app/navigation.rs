//! Moving around the issue: article to article, column to column, and
//! the mouse. Part of `App::update`.

use super::{App, Focus, Row};
use crate::page::ArticleId;

impl App {
    pub(super) fn step_article(&mut self, delta: isize) {
        let Some(here) = self.order.iter().position(|&id| id == self.reading.article) else {
            return;
        };
        match here
            .checked_add_signed(delta)
            .and_then(|i| self.order.get(i))
        {
            Some(&id) => self.open(id),
            None if delta > 0 => self.message = Some("this is the last article".to_owned()),
            None => self.message = Some("this is the first article".to_owned()),
        }
    }

    /// Opens the article after this one, saying so (Space at an article's
    /// end); at the last article, says that instead.
    pub(super) fn continue_reading(&mut self) {
        let before = self.reading.article;
        self.step_article(1);
        if self.reading.article != before {
            let (number, total) = self.article_position();
            let title = self.issue.title_of(self.reading.article);
            // Said once it is shown: "now", not "next".
            self.message = Some(format!("now: article {number}/{total}, {title}"));
        } else {
            self.message = Some("the end: this is the last article".to_owned());
        }
    }

    /// Goes to the article whose number was typed at `:`.
    pub(super) fn go_to_typed(&mut self) {
        let Some(super::Overlay::GoTo(typed)) = self.overlay.take() else {
            return;
        };
        let total = self.order.len();
        match typed
            .parse::<usize>()
            .ok()
            .and_then(|n| self.article_number(n))
        {
            Some(id) => {
                self.open(id);
                self.focus_reader();
            }
            None if typed.is_empty() => {}
            None => self.message = Some(format!("there is no article {typed}: they are 1–{total}")),
        }
    }

    /// The first article of each column that has one, in reading order.
    pub(super) fn column_starts(&self) -> Vec<ArticleId> {
        self.order
            .iter()
            .copied()
            .filter(|id| id.article == 0)
            .collect()
    }

    pub(super) fn step_column(&mut self, delta: isize) {
        let starts = self.column_starts();
        let here = self.reading.article;
        let target = if delta > 0 {
            starts
                .iter()
                .find(|s| (s.page, s.column) > (here.page, here.column))
        } else {
            starts
                .iter()
                .rev()
                .find(|s| (s.page, s.column) < (here.page, here.column))
        };
        match target {
            Some(&id) => self.open(id),
            None if delta > 0 => self.message = Some("this is the last column".to_owned()),
            None => self.message = Some("this is the first column".to_owned()),
        }
    }

    /// Opens the first article of the next (or previous) date's pages: an
    /// archive read issue by issue. Works on the pages' dates, worked out
    /// once with the contents: an archive has tens of thousands of pages.
    pub(super) fn step_issue(&mut self, delta: isize) {
        if self.archive.is_some() {
            return self.step_archive(delta);
        }
        let dates = &self.contents.dates;
        let here = self.reading.article.page;
        let Some(today) = dates.get(here).copied().flatten() else {
            self.message = Some("these pages carry no dates in their names".to_owned());
            return;
        };
        let other = |p: &usize| dates[*p].is_some_and(|d| d != today);
        let page = if delta > 0 {
            (here + 1..dates.len()).find(other)
        } else {
            // The start of the previous date: its first page.
            (0..here).rev().find(other).and_then(|p| {
                let date = dates[p];
                (0..=p).find(|&q| dates[q] == date)
            })
        };
        // The page's first article (or the next page's, if it has none).
        let target = page.and_then(|p| {
            let at = self.order.partition_point(|id| id.page < p);
            self.order.get(at).copied()
        });
        match target {
            Some(id) => {
                self.open(id);
                if let Some(d) = self.contents.dates.get(id.page).copied().flatten() {
                    self.message = Some(format!("the issue of {d}"));
                }
            }
            None if delta > 0 => self.message = Some("this is the last issue".to_owned()),
            None => self.message = Some("this is the first issue".to_owned()),
        }
    }

    pub(super) fn jump_to_column(&mut self, number: usize) {
        let page = self.reading.article.page;
        let id = ArticleId {
            page,
            column: number.saturating_sub(1),
            article: 0,
        };
        if self.issue.article(id).is_some() {
            self.open(id);
        } else {
            let count = self.issue.pages.get(page).map_or(0, |p| p.columns.len());
            self.message = Some(format!(
                "there is no column {number} on this page ({count} columns)"
            ));
        }
    }

    pub(super) fn scroll_at(&mut self, column: u16, row: u16, lines: i32) {
        let lines = lines as isize;
        match self.panes.contents {
            Some(area) if area.contains(column, row) => {
                self.contents.scroll(lines, self.contents_height());
            }
            _ if self.panes.reader.contains(column, row) => {
                self.reading.scroll_by(lines, self.text_height());
            }
            _ => {}
        }
    }

    pub(super) fn click_at(&mut self, column: u16, row: u16) {
        match self.panes.contents {
            Some(area) if area.contains(column, row) => {
                // The first row of the pane is its header.
                let Some(list_row) = row.checked_sub(area.y + 1) else {
                    return;
                };
                let index = self.contents.offset + usize::from(list_row);
                if let Some(Row::Issue(k)) = self.contents.rows.get(index)
                    && Some(*k) != self.contents.open_issue
                {
                    let k = *k;
                    self.contents.cursor = index;
                    self.ask_issue(k);
                    return;
                }
                let target = match self.contents.rows.get(index) {
                    Some(Row::Article { id, .. }) => Some(*id),
                    Some(Row::Column { page, column, .. }) => Some(ArticleId {
                        page: *page,
                        column: *column,
                        article: 0,
                    })
                    .filter(|id| self.issue.article(*id).is_some()),
                    _ => None,
                };
                if let Some(id) = target {
                    self.open(id);
                    self.focus = Focus::Contents;
                    if self.panes.overlay {
                        self.focus_reader();
                    }
                }
            }
            _ if self.panes.reader.contains(column, row) => self.focus_reader(),
            _ => {}
        }
    }
}
