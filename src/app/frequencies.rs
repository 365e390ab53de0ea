//! The list of the most frequent words, for researchers: of the whole
//! input or of the open article, counted on a background thread (jieba
//! over a big issue takes a second or two), its rows prepared here for
//! the view. `Enter` searches every article for the word under the
//! cursor. Part of `App::update`.

use std::sync::Arc;

use super::{App, Overlay, Scope};
use crate::action::Effect;
use crate::page::ArticleId;
use crate::text::width::{label_width, truncate};
use crate::wordfreq::WordCount;

/// Words the reader lists.
pub const LISTED_WORDS: usize = 200;

/// Whose words are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrequencyScope {
    /// Every article of the input.
    Issue,
    /// One article.
    Article(ArticleId),
}

/// The open frequency list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frequencies {
    pub scope: FrequencyScope,
    /// The words, most frequent first; `None` while they are counted.
    pub list: Option<Vec<WordCount>>,
    pub cursor: usize,
    pub offset: usize,
    /// The request the list waits for.
    generation: u64,
    /// The column headings and the rows on screen, cut to the width.
    pub header: String,
    pub rows: Vec<String>,
    /// What the rows were prepared for: offset, width, height, words.
    prepared: Option<(usize, u16, u16, usize)>,
}

/// Counts already made, and the number of the next request.
#[derive(Debug, Default)]
pub struct WordCounts {
    generation: u64,
    /// The whole input's list, once counted (until the model changes).
    issue: Option<Vec<WordCount>>,
}

impl App {
    /// The frequency list, while it is open.
    pub fn frequencies(&self) -> Option<&Frequencies> {
        match self.overlay.as_ref().and_then(Overlay::beneath)? {
            Overlay::Frequencies(f) => Some(f),
            _ => None,
        }
    }

    fn frequencies_mut(&mut self) -> Option<&mut Frequencies> {
        match self.overlay.as_mut()? {
            Overlay::Frequencies(f) => Some(f),
            _ => None,
        }
    }

    /// Opens the list of the input's most frequent words.
    pub(super) fn show_frequencies(&mut self, scope: FrequencyScope) {
        let known = match scope {
            FrequencyScope::Issue => self.word_counts.issue.clone(),
            FrequencyScope::Article(_) => None,
        };
        self.word_counts.generation += 1;
        let generation = self.word_counts.generation;
        if known.is_none() {
            let articles = match scope {
                FrequencyScope::Issue => None,
                FrequencyScope::Article(id) => Some(vec![id]),
            };
            self.effects.push(Effect::CountWords {
                issue: Arc::clone(&self.issue),
                articles,
                top: LISTED_WORDS,
                generation,
            });
        }
        self.overlay = Some(Overlay::Frequencies(Frequencies {
            scope,
            list: known,
            cursor: 0,
            offset: 0,
            generation,
            header: String::new(),
            rows: Vec::new(),
            prepared: None,
        }));
    }

    /// Between the open article's words and the whole input's.
    pub(super) fn toggle_frequency_scope(&mut self) {
        let scope = match self.frequencies().map(|f| f.scope) {
            Some(FrequencyScope::Issue) => FrequencyScope::Article(self.reading.article),
            Some(FrequencyScope::Article(_)) => FrequencyScope::Issue,
            None => return,
        };
        self.show_frequencies(scope);
    }

    /// Counts have arrived; they are shown if they are the ones waited for.
    pub(super) fn take_word_counts(&mut self, generation: u64, counts: Vec<WordCount>) {
        let Some(f) = self.frequencies_mut() else {
            return;
        };
        if f.generation != generation {
            return;
        }
        if f.scope == FrequencyScope::Issue {
            self.word_counts.issue = Some(counts.clone());
        }
        if let Some(f) = self.frequencies_mut() {
            f.list = Some(counts);
            f.prepared = None;
        }
    }

    /// The model changed: counts made on the old one are dropped, and an
    /// open list is counted again.
    pub(super) fn recount_words(&mut self) {
        self.word_counts.issue = None;
        if let Some(scope) = self.frequencies().map(|f| f.scope) {
            self.show_frequencies(scope);
        }
    }

    pub(super) fn step_frequency(&mut self, to: isize) {
        let height = self.frequency_rows();
        if let Some(f) = self.frequencies_mut() {
            let last = f.list.as_ref().map_or(0, |l| l.len().saturating_sub(1));
            f.cursor = f.cursor.saturating_add_signed(to).min(last);
            if f.cursor < f.offset {
                f.offset = f.cursor;
            } else if f.cursor >= f.offset + height {
                f.offset = f.cursor + 1 - height;
            }
        }
    }

    /// Searches every article for the word under the cursor.
    pub(super) fn search_frequent_word(&mut self) {
        let Some(word) = self
            .frequencies()
            .and_then(|f| f.list.as_ref()?.get(f.cursor))
            .map(|w| w.word.clone())
        else {
            return;
        };
        self.start_search(Scope::Issue);
        self.edit_search(|s| s.input = word);
        self.submit_search();
    }

    /// Rows of words the list shows (inside its border, under its header).
    pub fn frequency_rows(&self) -> usize {
        usize::from(self.results_area().height.saturating_sub(3)).max(1)
    }

    /// Brings the list's rows up to date, if what they depend on changed.
    pub(super) fn prepare_frequencies(&mut self) {
        let area = self.results_area();
        let height = self.frequency_rows();
        let opts = self.options.display;
        let Some(f) = self.frequencies_mut() else {
            return;
        };
        let Some(list) = &f.list else {
            return;
        };
        let key = (f.offset, area.width, area.height, list.len());
        if f.prepared == Some(key) {
            return;
        }
        let width = usize::from(area.width.saturating_sub(2));
        let shown = &list[f.offset.min(list.len())..(f.offset + height).min(list.len())];
        let rank_w = (f.offset + shown.len()).to_string().len().max(4);
        let count_w = list.first().map_or(5, |w| w.count.to_string().len().max(5));
        // The word column is as wide as the widest word on screen.
        let word_w = shown
            .iter()
            .map(|w| label_width(&w.word, opts))
            .max()
            .unwrap_or(4)
            .max(4);
        let line = |rank: &str, word: &str, count: &str, articles: &str| {
            let word = truncate(word, word_w, opts);
            let pad = " ".repeat(word_w.saturating_sub(label_width(&word, opts)));
            let text = format!("{rank:>rank_w$}  {word}{pad}  {count:>count_w$}  {articles:>8}");
            let cut = truncate(&text, width, opts);
            let fill = width.saturating_sub(label_width(&cut, opts));
            format!("{cut}{}", " ".repeat(fill))
        };
        let rows = shown
            .iter()
            .enumerate()
            .map(|(k, w)| {
                line(
                    &(f.offset + k + 1).to_string(),
                    &w.word,
                    &w.count.to_string(),
                    &w.articles.to_string(),
                )
            })
            .collect();
        f.header = line("rank", "word", "count", "articles");
        f.rows = rows;
        f.prepared = Some(key);
    }
}
