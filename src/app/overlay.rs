//! What covers the panes, if anything: one value, so that the help, the
//! bookmark prompt and list, the search prompt and the results list cannot
//! contradict each other. The help opens over whatever was open and gives
//! it back when it closes.

use super::App;
use super::frequencies::Frequencies;
use super::lookup::LookupView;
use super::search::{Results, Scope};
use super::words::WordCursor;
use crate::action::Action;
use crate::keymap::{HelpEntry, Mode};

#[derive(Debug)]
pub enum Overlay {
    /// The keys, scrolled this many rows, over what was open before.
    Help {
        scroll: usize,
        over: Option<Box<Overlay>>,
    },
    /// The name being typed for a new bookmark.
    Naming(String),
    /// The number being typed of an article to go to.
    GoTo(String),
    /// The bookmark list, its cursor on this row.
    Bookmarks { cursor: usize },
    /// The search prompt; a page-wide search shows its results live.
    Prompt {
        scope: Scope,
        results: Option<Results>,
    },
    /// The results of a page-wide search that was kept.
    Results(Results),
    /// The word cursor, with the dictionary's entries for its word.
    Word(WordCursor),
    /// The most frequent words.
    Frequencies(Frequencies),
    /// The dictionary's answer to a lookup.
    Lookup(LookupView),
}

impl Overlay {
    /// The results list this overlay shows, under the help or not.
    fn results(&self) -> Option<&Results> {
        match self {
            Overlay::Help { over, .. } => over.as_deref().and_then(Overlay::results),
            Overlay::Prompt { results, .. } => results.as_ref(),
            Overlay::Results(results) => Some(results),
            Overlay::Naming(_)
            | Overlay::GoTo(_)
            | Overlay::Word(_)
            | Overlay::Frequencies(_)
            | Overlay::Lookup(_)
            | Overlay::Bookmarks { .. } => None,
        }
    }

    fn results_mut(&mut self) -> Option<&mut Results> {
        match self {
            Overlay::Help { over, .. } => over.as_deref_mut().and_then(Overlay::results_mut),
            Overlay::Prompt { results, .. } => results.as_mut(),
            Overlay::Results(results) => Some(results),
            Overlay::Naming(_)
            | Overlay::GoTo(_)
            | Overlay::Word(_)
            | Overlay::Frequencies(_)
            | Overlay::Lookup(_)
            | Overlay::Bookmarks { .. } => None,
        }
    }

    /// The overlay beneath the help, or this one.
    pub(super) fn beneath(&self) -> Option<&Overlay> {
        match self {
            Overlay::Help { over, .. } => over.as_deref(),
            other => Some(other),
        }
    }
}

impl App {
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// The page-wide results on screen (live under the prompt, or kept).
    pub fn results(&self) -> Option<&Results> {
        self.overlay.as_ref().and_then(Overlay::results)
    }

    pub(super) fn results_mut(&mut self) -> Option<&mut Results> {
        self.overlay.as_mut().and_then(Overlay::results_mut)
    }

    /// How far the help is scrolled, while it is open.
    pub fn help_scroll(&self) -> Option<usize> {
        match self.overlay {
            Some(Overlay::Help { scroll, .. }) => Some(scroll),
            _ => None,
        }
    }

    /// The bookmark name being typed (under the help too: it stays on the
    /// status bar).
    pub fn naming(&self) -> Option<&str> {
        match self.overlay.as_ref().and_then(Overlay::beneath) {
            Some(Overlay::Naming(name)) => Some(name),
            _ => None,
        }
    }

    /// The article number being typed, while that prompt is open.
    pub fn go_to_input(&self) -> Option<&str> {
        match self.overlay.as_ref().and_then(Overlay::beneath) {
            Some(Overlay::GoTo(number)) => Some(number),
            _ => None,
        }
    }

    /// The bookmark list's cursor, while the list is shown.
    pub fn bookmark_cursor(&self) -> Option<usize> {
        match self.overlay.as_ref().and_then(Overlay::beneath) {
            Some(Overlay::Bookmarks { cursor }) => Some(*cursor),
            _ => None,
        }
    }

    /// The scope of the open search prompt.
    pub fn prompt(&self) -> Option<Scope> {
        match self.overlay.as_ref().and_then(Overlay::beneath) {
            Some(Overlay::Prompt { scope, .. }) => Some(*scope),
            _ => None,
        }
    }

    /// Opens the help over what is open, or closes it and gives that back.
    pub(super) fn toggle_help(&mut self) {
        self.overlay = match self.overlay.take() {
            Some(Overlay::Help { over, .. }) => over.map(|o| *o),
            over => Some(Overlay::Help {
                scroll: 0,
                over: over.map(Box::new),
            }),
        };
    }

    pub(super) fn close_help(&mut self) {
        if let Some(Overlay::Help { .. }) = self.overlay {
            self.toggle_help();
        }
    }

    /// Closes the overlay if `is` says it is the one open.
    pub(super) fn close_overlay_if(&mut self, is: impl FnOnce(&Overlay) -> bool) {
        if self.overlay.as_ref().is_some_and(is) {
            self.overlay = None;
        }
    }

    /// Scrolls the help; it stops where its last line is on screen.
    pub(super) fn scroll_help(&mut self, action: &Action) {
        let rows = self.help_rows();
        let delta = super::reading::scroll_delta(action, rows);
        let last = self.help_lines().saturating_sub(rows);
        if let Some(Overlay::Help { scroll, .. }) = &mut self.overlay {
            *scroll = scroll.saturating_add_signed(delta).min(last);
        }
    }

    /// The help's entries, in the order it lists them.
    pub fn help(&self) -> &[HelpEntry] {
        &self.help
    }

    /// Lines of the help: a heading per mode, its entries, a blank line
    /// between modes.
    pub fn help_lines(&self) -> usize {
        let mut modes: Vec<Mode> = self.help.iter().map(|e| e.mode).collect();
        modes.dedup();
        self.help.len() + (modes.len() * 2).saturating_sub(1)
    }

    /// Rows of help the screen shows at once (inside the border, a row of
    /// margin above and below).
    pub fn help_rows(&self) -> usize {
        usize::from(self.panes.size.1.saturating_sub(4))
            .min(self.help_lines())
            .max(1)
    }
}
