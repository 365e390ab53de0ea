//! n / N: stepping through a search's hits — inside the open article,
//! and after a page-wide search on from article to article — and keeping
//! the current hit in view.

use super::App;
use crate::action::Action;
use crate::keymap::Mode;
use crate::layout::Part;
use crate::page::ArticleId;

impl App {
    /// n / N: the next or previous hit, wrapping around the article.
    pub(super) fn step_hit(&mut self, forward: bool) {
        let len = self.search.hits.len();
        if self.search.query.is_none() {
            let key = self.keymap.key_for(&Action::StartSearch, Mode::Reader);
            self.message = Some(format!("no search — press {key} to search the article"));
            return;
        }
        let past_end = match self.search.current {
            Some(i) => (forward && i + 1 == len) || (!forward && i == 0),
            None => len == 0,
        };
        if self.search.page_wide && (len == 0 || past_end) && self.step_article_hit(forward) {
            return;
        }
        if len == 0 {
            let raw = self.search.query.as_ref().map_or("", |q| q.raw.as_str());
            self.message = Some(format!("no match for “{raw}” in this article"));
            return;
        }
        let next = match self.search.current {
            Some(i) if forward => i + 1,
            Some(i) => i.wrapping_sub(1),
            None => {
                // From the reading position.
                let at = self.reading.anchor;
                let first_after = self.search.hits.iter().position(|h| (h.part, h.end) > at);
                match (forward, first_after) {
                    (true, Some(i)) => i,
                    (true, None) => len,
                    (false, Some(i)) => i.wrapping_sub(1),
                    (false, None) => len - 1,
                }
            }
        };
        let wrapped = if next == len {
            self.message = Some("search wrapped to the top".to_owned());
            0
        } else if next == usize::MAX {
            self.message = Some("search wrapped to the bottom".to_owned());
            len - 1
        } else {
            next
        };
        self.search.current = Some(wrapped);
        self.reveal_hit();
    }

    /// After a page-wide search, n/N past an article's last (first) hit:
    /// the next (previous) article with hits opens at its first (last)
    /// hit, wrapping around the issue, and the status bar says where.
    /// False where no other article has a hit.
    fn step_article_hit(&mut self, forward: bool) -> bool {
        let Some(query) = self.search.query.clone() else {
            return false;
        };
        let (here, seg) = (self.reading.article, self.seg);
        self.index();
        let Some(index) = self.index.as_ref() else {
            return false;
        };
        let mut with_hits: Vec<ArticleId> = index
            .search(&self.issue, &query, seg)
            .into_iter()
            .map(|h| h.article)
            .collect();
        with_hits.dedup();
        let next = if forward {
            with_hits.iter().find(|&&a| a > here).or(with_hits.first())
        } else {
            with_hits
                .iter()
                .rev()
                .find(|&&a| a < here)
                .or(with_hits.last())
        };
        let Some(&next) = next.filter(|&&a| a != here) else {
            return false;
        };
        let wrapped = (forward && next < here) || (!forward && next > here);
        self.open(next);
        self.search.current = if forward {
            (!self.search.hits.is_empty()).then_some(0)
        } else {
            self.search.hits.len().checked_sub(1)
        };
        self.reveal_hit();
        let (number, total) = self.article_position();
        let title = self.issue.title_of(next);
        let hits = crate::text::plural::counted(self.search.hits.len(), "hit", "hits");
        let around = if wrapped { "wrapped around: " } else { "" };
        self.message = Some(format!(
            "{around}now: article {number}/{total}, {title} — {hits} of “{}”",
            query.raw
        ));
        true
    }

    /// Scrolls so the current hit is in view, a third of the way down when
    /// it was off screen.
    pub(super) fn reveal_hit(&mut self) {
        let Some(hit) = self
            .search
            .current
            .and_then(|i| self.search.hits.get(i))
            .copied()
        else {
            return;
        };
        self.reveal(hit.part, hit.start, hit.end);
    }

    /// Scrolls so the text `start..end` of `part` is in view (both its
    /// lines, when it is wrapped over two), a third of the way down when it
    /// was off screen.
    pub(super) fn reveal(&mut self, part: Part, start: usize, end: usize) {
        let Some(article) = self.issue.article(self.reading.article) else {
            return;
        };
        let Some((line, _)) = self.reading.layout.locate(article, part, start) else {
            return;
        };
        let last = self
            .reading
            .layout
            .locate(article, part, end.saturating_sub(1).max(start))
            .map_or(line, |(l, _)| l);
        let height = self.text_height();
        if line < self.reading.scroll || last >= self.reading.scroll + height {
            self.reading
                .scroll_to(line.saturating_sub(height / 3), height);
        }
    }
}
