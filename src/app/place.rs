//! The reading place across re-parses and across runs: it is kept as a
//! source offset, which survives a refined parse (mended blocks renumber)
//! and a restart (article numbers and offsets of an unchanged input).

use std::sync::Arc;

use super::{App, Contents};
use crate::layout::Part;
use crate::page::{Article, Issue};
use crate::state::Place;

impl App {
    /// Takes a refined parse of the same input (mended with the word
    /// segmenter), keeping the article and the place in it.
    pub(super) fn refine(&mut self, issue: Arc<Issue>) {
        let id = self.reading.article;
        let (part, at) = self.reading.anchor;
        let source = self.article().and_then(|a| source_offset(a, part, at));
        // The current hit, too, is kept by where it is in the source.
        let hit_source = self
            .search
            .current
            .and_then(|i| self.search.hits.get(i))
            .and_then(|h| {
                self.article()
                    .and_then(|a| source_offset(a, h.part, h.start))
            });
        let overlay = self.overlay.take();
        self.issue = issue;
        self.note_script();
        self.order = self.issue.articles().map(|(id, _)| id).collect();
        self.contents = Contents::new(&self.issue);
        if let Some(archive) = &self.archive {
            self.contents.add_issues(archive.open, archive.issues.len());
        }
        self.cache.clear();
        self.readings = None;
        self.words = super::ArticleWords::default();
        self.index = None;
        self.keywords.clear();
        self.overlay = overlay;
        // Results on screen (under the help too) now cover the new model;
        // a prompt's live results are run again by the prompt.
        if self.prompt().is_none()
            && let Some(old) = self.results().cloned()
        {
            let new = self.results_for(old);
            if let Some(shown) = self.results_mut() {
                *shown = new;
            }
        }
        if self.issue.article(id).is_none() {
            let first = self.order.first().copied().unwrap_or_default();
            self.open(first);
            return;
        }
        if let Some((part, at)) =
            source.and_then(|s| self.article().and_then(|a| part_at_source(a, s)))
        {
            self.reading.anchor = (part, at);
        }
        self.contents.select(id, self.contents_height());
        self.relayout();
        self.find_in_article();
        if let Some(source) = hit_source {
            let article = self.article();
            self.search.current = self.search.hits.iter().position(|h| {
                article
                    .and_then(|a| source_offset(a, h.part, h.start))
                    .is_some_and(|s| s >= source)
            });
        }
    }

    /// The reading place to remember: the article's number and the source
    /// offset of the text at the top of the screen.
    /// The input is known by `key`: its bookmarks are shown, and the
    /// reader goes back to where it was last read, if it was.
    pub(super) fn identified(&mut self, key: String) {
        self.restore = self.remembered.get(&key).copied();
        let marks = self.remembered_marks.remove(&key).unwrap_or_default();
        self.marks.add(marks);
        self.take_read_marks(&key);
        self.input_key = Some(key);
        self.apply_restore();
    }

    pub fn place(&self) -> Option<Place> {
        let number = self
            .order
            .iter()
            .position(|&id| id == self.reading.article)?
            + 1;
        let (part, at) = self.reading.anchor;
        let source_offset = self
            .article()
            .and_then(|a| source_offset(a, part, at))
            .unwrap_or(0);
        Some(Place {
            article: number,
            source_offset,
            saved: 0,
        })
    }

    /// Goes to the remembered place, if there is one and its article has
    /// been parsed — unless the reader has already moved on.
    pub(super) fn apply_restore(&mut self) {
        let Some(place) = self.restore else {
            return;
        };
        let moved = self.order.first() != Some(&self.reading.article) || self.reading.scroll != 0;
        if moved {
            self.restore = None;
            return;
        }
        if place.article > self.order.len() {
            // Its article has not been parsed yet.
            return;
        }
        self.restore = None;
        if self.go_to(place.article, place.source_offset) {
            self.message = Some(format!("back where you stopped: article {}", place.article));
        }
    }

    /// Opens article `number` (as in `--outline`) with the text at source
    /// byte `source_offset` on top. False if there is no such article.
    pub(super) fn go_to(&mut self, number: usize, source_offset: usize) -> bool {
        let Some(&id) = number.checked_sub(1).and_then(|i| self.order.get(i)) else {
            return false;
        };
        self.open(id);
        if let Some(anchor) = self
            .article()
            .and_then(|a| part_at_source(a, source_offset))
        {
            self.reading.anchor = anchor;
            self.relayout();
        }
        true
    }
}

fn source_offset(article: &Article, part: Part, at: usize) -> Option<usize> {
    article.part(part)?.source_offset(at)
}

/// The part of `article` holding source byte `source`, and where in it.
fn part_at_source(article: &Article, source: usize) -> Option<(Part, usize)> {
    for (part, text) in article.parts() {
        if let Some(p) = text
            .pieces
            .iter()
            .find(|p| (p.source..p.source + p.len).contains(&source))
        {
            return Some((part, p.at + (source - p.source)));
        }
    }
    None
}
