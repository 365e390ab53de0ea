//! The contents pane's model: pages, columns and articles as rows, a
//! cursor on an article row, and the scroll offset that keeps it in view.

use crate::page::{ArticleId, Date, Issue, date_in};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// An issue of an archive (by its index among the archive's issues):
    /// the open one heads its pages; the others, not read, can be opened.
    Issue(usize),
    /// A date's header, shown when the input's pages carry two dates or
    /// more (an archive of issues): the date of this page and the pages
    /// after it, up to the next date.
    Date(usize),
    /// A page header, shown when the input has several pages.
    Page(usize),
    /// A column heading; `number` is its 1-based number on its page.
    Column {
        page: usize,
        column: usize,
        number: usize,
    },
    /// An article, with its 1-based number in the input (as `--outline`
    /// and `--print` number it).
    Article { id: ArticleId, number: usize },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contents {
    pub rows: Vec<Row>,
    /// Index into `rows` of the cursor (always an article row, if any).
    pub cursor: usize,
    /// First row shown.
    pub offset: usize,
    /// Digits of the highest article number.
    pub number_width: usize,
    /// Each page's date, as its name gives it (worked out once: the view
    /// and the issue keys read it).
    pub dates: Vec<Option<Date>>,
    /// In an archive, the index of the issue whose pages are the rows.
    pub open_issue: Option<usize>,
}

impl Contents {
    pub fn new(issue: &Issue) -> Contents {
        let mut rows = Vec::new();
        let mut number = 0;
        let dates: Vec<Option<Date>> = issue.pages.iter().map(|p| date_in(&p.source)).collect();
        let dated = {
            let mut distinct: Vec<Date> = dates.iter().flatten().copied().collect();
            distinct.dedup();
            distinct.len() >= 2
        };
        for (p, page) in issue.pages.iter().enumerate() {
            if dated && dates[p].is_some() && (p == 0 || dates[p] != dates[p - 1]) {
                rows.push(Row::Date(p));
            }
            if issue.pages.len() > 1 {
                rows.push(Row::Page(p));
            }
            for (c, column) in page.columns.iter().enumerate() {
                // A column without a name (the articles before any heading,
                // or a page that has none) gets no heading row: a
                // placeholder would only repeat itself down the list.
                if column.name.is_some() {
                    rows.push(Row::Column {
                        page: p,
                        column: c,
                        number: c + 1,
                    });
                }
                for a in 0..column.articles.len() {
                    number += 1;
                    rows.push(Row::Article {
                        id: ArticleId {
                            page: p,
                            column: c,
                            article: a,
                        },
                        number,
                    });
                }
            }
        }
        let cursor = rows
            .iter()
            .position(|r| matches!(r, Row::Article { .. }))
            .unwrap_or(0);
        Contents {
            rows,
            cursor,
            offset: 0,
            number_width: number.max(1).ilog10() as usize + 1,
            dates,
            open_issue: None,
        }
    }

    /// Adds an archive's issues around the rows of the open one, which
    /// heads them; the cursor stays on its row.
    pub fn add_issues(&mut self, open: usize, count: usize) {
        if self.open_issue.is_some() || open >= count {
            return;
        }
        let before = open + 1;
        let mut rows: Vec<Row> = (0..=open).map(Row::Issue).collect();
        rows.append(&mut self.rows);
        rows.extend((open + 1..count).map(Row::Issue));
        self.rows = rows;
        self.cursor += before;
        // The open issue's heading at the top.
        self.offset += open;
        self.open_issue = Some(open);
    }

    /// Can the cursor rest on this row: an article, or an issue not open?
    fn selectable(&self, row: &Row) -> bool {
        match row {
            Row::Article { .. } => true,
            Row::Issue(k) => Some(*k) != self.open_issue,
            _ => false,
        }
    }

    /// The issue under the cursor, if it is an issue not open.
    pub fn selected_issue(&self) -> Option<usize> {
        match self.rows.get(self.cursor) {
            Some(Row::Issue(k)) if Some(*k) != self.open_issue => Some(*k),
            _ => None,
        }
    }

    pub fn selected(&self) -> Option<ArticleId> {
        match self.rows.get(self.cursor) {
            Some(Row::Article { id, .. }) => Some(*id),
            _ => None,
        }
    }

    pub fn select(&mut self, id: ArticleId, height: usize) {
        if let Some(i) = self
            .rows
            .iter()
            .position(|r| matches!(r, Row::Article { id: a, .. } if *a == id))
        {
            self.cursor = i;
            self.reveal(height);
        }
    }

    /// Moves the cursor by `delta` article rows (clamped); in an archive,
    /// the other issues' rows are stops too.
    pub fn step(&mut self, delta: isize, height: usize) {
        let articles: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| self.selectable(r))
            .map(|(i, _)| i)
            .collect();
        let Some(here) = articles.iter().position(|&i| i == self.cursor) else {
            return;
        };
        let to = here.saturating_add_signed(delta).min(articles.len() - 1);
        self.cursor = articles[to];
        self.reveal(height);
    }

    pub fn first(&mut self, height: usize) {
        self.step(isize::MIN, height);
    }

    pub fn last(&mut self, height: usize) {
        self.step(isize::MAX, height);
    }

    /// Scrolls the list by `lines` without moving the cursor.
    pub fn scroll(&mut self, lines: isize, height: usize) {
        let max = self.rows.len().saturating_sub(height);
        self.offset = self.offset.saturating_add_signed(lines).min(max);
    }

    /// Keeps the cursor in view, with its column heading when it fits.
    pub fn reveal(&mut self, height: usize) {
        let height = height.max(1);
        let heading = self.cursor.saturating_sub(1);
        if heading < self.offset {
            self.offset = heading;
        }
        if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }
}
