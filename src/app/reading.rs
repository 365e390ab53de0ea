//! The reading pane's model: which article is open, its layout for the
//! current width, the scroll position, and the reading position that
//! survives a resize (a place in the text, not a screen row).

use std::collections::HashMap;
use std::rc::Rc;

use crate::action::Action;
use crate::dict::ruby::ArticleReadings;
use crate::layout::{ArticleLayout, LayoutOptions, Part};
use crate::page::{ArticleId, Issue};

/// How many laid-out articles are kept for going back and forth.
const CACHE_SIZE: usize = 32;

#[derive(Debug, Clone, Default)]
pub struct LayoutCache {
    entries: HashMap<(ArticleId, usize, LayoutOptions), Rc<ArticleLayout>>,
}

impl LayoutCache {
    /// The layout of `id` at `width`, computed on first use.
    pub fn get(
        &mut self,
        issue: &Issue,
        id: ArticleId,
        width: usize,
        options: LayoutOptions,
        keywords: &[String],
        readings: Option<&ArticleReadings>,
    ) -> Rc<ArticleLayout> {
        // Set with readings only when there are readings to set.
        let options = LayoutOptions {
            pinyin: options.pinyin && readings.is_some(),
            ..options
        };
        let key = (id, width, options);
        if let Some(layout) = self.entries.get(&key) {
            return Rc::clone(layout);
        }
        let layout = Rc::new(match issue.article(id) {
            Some(article) => {
                ArticleLayout::with_readings(article, width, options, keywords, readings)
            }
            None => ArticleLayout {
                width,
                options,
                lines: Vec::new(),
                keywords: String::new(),
                chars: 0,
                ruby: None,
            },
        });
        if self.entries.len() >= CACHE_SIZE {
            self.entries.clear();
        }
        self.entries.insert(key, Rc::clone(&layout));
        layout
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Forgets the layouts of one article (its keywords arrived).
    pub fn forget(&mut self, id: ArticleId) {
        self.entries.retain(|(a, ..), _| *a != id);
    }
}

#[derive(Debug, Clone)]
pub struct Reading {
    pub article: ArticleId,
    pub layout: Rc<ArticleLayout>,
    /// First layout line on screen.
    pub scroll: usize,
    /// The reading position: the text at the top of the screen, kept as a
    /// part of the article and a byte offset into it.
    pub anchor: (Part, usize),
}

impl Reading {
    pub fn new(article: ArticleId, layout: Rc<ArticleLayout>) -> Reading {
        Reading {
            article,
            layout,
            scroll: 0,
            anchor: (Part::Title, 0),
        }
    }

    /// The furthest the pane can scroll: the last line at the bottom.
    pub fn max_scroll(&self, height: usize) -> usize {
        self.layout.lines.len().saturating_sub(height.max(1))
    }

    pub fn scroll_to(&mut self, line: usize, height: usize) {
        let mut line = line.min(self.max_scroll(height));
        // A reading and its text scroll as one: the top row is the reading.
        if self.layout.under_its_reading(line) {
            line -= 1;
        }
        self.scroll = line;
        if let Some(anchor) = self.layout.position_of(self.scroll) {
            self.anchor = anchor;
        }
    }

    pub fn scroll_by(&mut self, lines: isize, height: usize) {
        let mut line = self.scroll.saturating_add_signed(lines);
        // Down onto a text line under its reading: on to the next pair.
        if lines > 0 && self.layout.under_its_reading(line) && line < self.max_scroll(height) {
            line += 1;
        }
        self.scroll_to(line, height);
    }

    /// Takes a new layout of the same article (new width or options),
    /// keeping the reading position.
    pub fn relayout(&mut self, layout: Rc<ArticleLayout>, height: usize) {
        self.layout = layout;
        let (part, at) = self.anchor;
        let mut line = self.layout.line_of(part, at).min(self.max_scroll(height));
        if self.layout.under_its_reading(line) {
            line -= 1;
        }
        self.scroll = line;
    }
}

/// How far a scrolling key moves a list of `rows` rows on screen.
pub(super) fn scroll_delta(action: &Action, rows: usize) -> isize {
    let page = rows.saturating_sub(1).max(1) as isize;
    let half = (rows / 2).max(1) as isize;
    match action {
        Action::ScrollDown => 1,
        Action::ScrollUp => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::HalfPageDown => half,
        Action::HalfPageUp => -half,
        Action::Top => isize::MIN,
        _ => isize::MAX,
    }
}
