//! Search in the reader: the prompt with incremental hits, n/N through the
//! article's hits, and the page-wide results list. Part of `App::update`.

use super::concordance::sort_hits;
use super::results::ResultRow;
use super::{App, Area, Overlay};
use crate::concord::SortBy;
use crate::find::{Hit, IssueHit, SearchIndex};
use crate::layout::Part;
use crate::text::query::Query;

use crate::state::HISTORY_LEN as HISTORY;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The open article.
    Article,
    /// Every article of the input.
    Issue,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    pub query: Query,
    pub hits: Vec<IssueHit>,
    pub cursor: usize,
    pub offset: usize,
    /// The rows on screen, as the view draws them (see `App::prepare_results`).
    pub rows: Vec<ResultRow>,
    /// What `rows` were prepared for: offset, width, height, hits.
    pub(super) prepared: Option<(usize, u16, u16, usize)>,
    /// Shown as a concordance: the hits aligned in one column.
    pub concordance: bool,
    /// The order of `hits`.
    pub sort: SortBy,
}

impl Results {
    /// The results of `query` (their hits still to be found), in reading
    /// order, as a list.
    pub(super) fn new(query: Query) -> Results {
        Results {
            query,
            hits: Vec::new(),
            cursor: 0,
            offset: 0,
            rows: Vec::new(),
            prepared: None,
            concordance: false,
            sort: SortBy::Source,
        }
    }
}

#[derive(Debug, Default)]
pub struct Search {
    /// What is typed in the prompt.
    pub input: String,
    pub whole_word: bool,
    /// The search that highlights the article and drives n/N.
    pub query: Option<Query>,
    /// Hits of `query` in the open article, in reading order.
    pub hits: Vec<Hit>,
    /// Index into `hits` of the current hit.
    pub current: Option<usize>,
    pub history: Vec<String>,
    history_pos: Option<usize>,
    /// The reading pane's scroll and reading position when the prompt opened.
    origin: Option<(usize, (Part, usize))>,
    /// The query came from a page-wide search (`s`): n/N go on to the
    /// next or previous article with hits, as vim's `:cnext` does.
    pub page_wide: bool,
    /// How the last results list was left (query, whole words, view,
    /// order, cursor): the same search again reopens it so.
    last_view: Option<(String, bool, bool, SortBy, usize)>,
}

impl App {
    pub(super) fn index(&mut self) -> &SearchIndex {
        self.index
            .get_or_insert_with(|| SearchIndex::new(&self.issue))
    }

    pub(super) fn start_search(&mut self, scope: Scope) {
        self.overlay = Some(Overlay::Prompt {
            scope,
            results: None,
        });
        let search = &mut self.search;
        search.input.clear();
        search.history_pos = None;
        search.origin = Some((self.reading.scroll, self.reading.anchor));
        if scope == Scope::Article {
            search.query = None;
            search.hits.clear();
            search.current = None;
        }
    }

    pub(super) fn edit_search(&mut self, edit: impl FnOnce(&mut Search)) {
        edit(&mut self.search);
        self.run_prompt();
    }

    pub(super) fn history_step(&mut self, back: bool) {
        let history = &self.search.history;
        if history.is_empty() {
            return;
        }
        let pos = match (self.search.history_pos, back) {
            (None, true) => history.len() - 1,
            (None, false) => return,
            (Some(p), true) => p.saturating_sub(1),
            (Some(p), false) if p + 1 < history.len() => p + 1,
            (Some(_), false) => {
                self.search.history_pos = None;
                self.edit_search(|s| s.input.clear());
                return;
            }
        };
        self.search.history_pos = Some(pos);
        let query = history[pos].clone();
        self.edit_search(|s| s.input = query);
    }

    /// Runs the prompt's query as typed: hits in the article (the view
    /// jumps to the first at or after where reading was), or the list of
    /// results across the input.
    fn run_prompt(&mut self) {
        let query = Query::new(&self.search.input, self.search.whole_word);
        match self.prompt() {
            Some(Scope::Article) => {
                self.search.page_wide = false;
                self.search.query = query;
                self.find_in_article();
                let origin = self.search.origin.map_or((Part::Title, 0), |o| o.1);
                let hits = &self.search.hits;
                self.search.current = (!hits.is_empty()).then(|| {
                    hits.iter()
                        .position(|h| (h.part, h.end) > origin)
                        .unwrap_or(0)
                });
                if self.search.current.is_some() {
                    self.reveal_hit();
                } else if let Some((scroll, _)) = self.search.origin {
                    self.reading.scroll_to(scroll, self.text_height());
                }
            }
            Some(Scope::Issue) => {
                let results = query.map(|query| self.results_for(Results::new(query)));
                if let Some(Overlay::Prompt { results: shown, .. }) = &mut self.overlay {
                    *shown = results;
                }
            }
            None => {}
        }
    }

    /// Recomputes the hits of the active query in the open article.
    pub(super) fn find_in_article(&mut self) {
        self.search.current = None;
        let Some(query) = self.search.query.clone() else {
            self.search.hits.clear();
            return;
        };
        let (id, seg) = (self.reading.article, self.seg);
        self.index();
        self.search.hits = match &self.index {
            Some(index) => index.search_article(&self.issue, id, &query, seg),
            None => Vec::new(),
        };
    }

    pub(super) fn submit_search(&mut self) {
        let Some(Overlay::Prompt { scope, results }) = self.overlay.take() else {
            return;
        };
        let input = self.search.input.trim().to_owned();
        if !input.is_empty() {
            let history = &mut self.search.history;
            history.retain(|q| *q != input);
            history.push(input.clone());
            if history.len() > HISTORY {
                history.remove(0);
            }
        }
        match scope {
            Scope::Article if self.search.query.is_some() && self.search.hits.is_empty() => {
                self.message = Some(format!("no match for “{input}” in this article"));
            }
            Scope::Issue => match results {
                Some(results) if !results.hits.is_empty() => {
                    let results = self.as_last_left(results);
                    self.overlay = Some(Overlay::Results(results));
                }
                Some(_) => self.message = Some(format!("no match for “{input}”")),
                None => {}
            },
            Scope::Article => {}
        }
    }

    /// `results` in the view, order and place the same search's list was
    /// left in, if it was.
    fn as_last_left(&mut self, mut results: Results) -> Results {
        let same = |(raw, word, ..): &(String, bool, bool, SortBy, usize)| {
            *raw == results.query.raw && *word == results.query.whole_word
        };
        if let Some((_, _, concordance, sort, cursor)) = self.search.last_view.clone().filter(same)
        {
            results.concordance = concordance;
            if sort != results.sort {
                sort_hits(&self.issue, &mut results.hits, sort, self.seg);
                results.sort = sort;
            }
            results.cursor = cursor.min(results.hits.len().saturating_sub(1));
            let height = self.results_height();
            results.offset = results.cursor.saturating_sub(height.saturating_sub(1));
            // The rows the prompt showed were of the list in reading order.
            results.prepared = None;
        }
        results
    }

    pub(super) fn cancel_search(&mut self) {
        if let Some(Overlay::Prompt { scope, .. }) = self.overlay.take()
            && scope == Scope::Article
        {
            self.search.query = None;
            self.search.hits.clear();
            self.search.current = None;
        }
        if let Some((scroll, anchor)) = self.search.origin.take() {
            self.reading.scroll_to(scroll, self.text_height());
            self.reading.anchor = anchor;
        }
    }

    pub(super) fn clear_search(&mut self) {
        self.search.page_wide = false;
        self.search.query = None;
        self.search.hits.clear();
        self.search.current = None;
    }

    /// Runs the results list's query again (over a refined parse), keeping
    /// the cursor's row.
    pub(super) fn results_for(&mut self, old: Results) -> Results {
        let seg = self.seg;
        self.index();
        let mut hits = self
            .index
            .as_ref()
            .map(|i| i.search(&self.issue, &old.query, seg))
            .unwrap_or_default();
        sort_hits(&self.issue, &mut hits, old.sort, seg);
        let cursor = old.cursor.min(hits.len().saturating_sub(1));
        Results {
            hits,
            cursor,
            offset: old.offset.min(cursor),
            rows: Vec::new(),
            prepared: None,
            ..old
        }
    }

    pub(super) fn step_result(&mut self, to: isize) {
        let height = self.results_height();
        if let Some(r) = self.results_mut() {
            let last = r.hits.len().saturating_sub(1);
            r.cursor = r.cursor.saturating_add_signed(to).min(last);
            if r.cursor < r.offset {
                r.offset = r.cursor;
            } else if r.cursor >= r.offset + height {
                r.offset = r.cursor + 1 - height;
            }
        }
    }

    /// Rows the results list shows.
    pub fn results_height(&self) -> usize {
        usize::from(self.results_area().height.saturating_sub(2)).max(1)
    }

    /// Where the results list is drawn: over the reading pane.
    pub fn results_area(&self) -> Area {
        let screen = Area {
            x: 0,
            y: 0,
            width: self.panes.size.0,
            height: self.panes.size.1.saturating_sub(1),
        };
        if self.panes.overlay {
            screen
        } else {
            self.panes.reader
        }
    }

    pub(super) fn open_result(&mut self) {
        let Some(Overlay::Results(results)) = self.overlay.take() else {
            return;
        };
        let Some(hit) = results.hits.get(results.cursor).copied() else {
            return;
        };
        self.search.last_view = Some((
            results.query.raw.clone(),
            results.query.whole_word,
            results.concordance,
            results.sort,
            results.cursor,
        ));
        self.search.query = Some(results.query.clone());
        self.search.input = results.query.raw.clone();
        self.search.page_wide = true;
        self.open(hit.article);
        self.focus_reader();
        self.search.current = self.search.hits.iter().position(|h| *h == hit.hit);
        self.reveal_hit();
    }
}
