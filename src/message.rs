//! Everything that reaches `App::update`, as one closed type: what the user
//! asked for (a key, resolved through the keymap inside `update`, or an
//! [`Action`] directly), what the terminal reports, what the background
//! loader delivers, and signals. The terminal loop turns its events into
//! these; nothing else changes the `App`.

use std::path::PathBuf;
use std::sync::Arc;

use crate::action::Action;
use crate::keymap::Key;
use crate::page::{ArticleId, Date, Issue};
use crate::text::Segmenter;
use crate::wordfreq::WordCount;

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A user intent, already named.
    Action(Action),
    /// A key pressed; the keymap says what it asks for in the current mode.
    Key(Key),
    /// Text pasted into the terminal (taken only by the prompts).
    Paste(String),
    /// The terminal now has this many columns and rows.
    Resize { width: u16, height: u16 },
    /// Mouse wheel: scroll the pane under the pointer by `lines`.
    ScrollAt { column: u16, row: u16, lines: i32 },
    /// Mouse click at a cell.
    ClickAt { column: u16, row: u16 },
    /// The status message with this serial has stood long enough.
    MessageExpired(u64),
    /// The pages have been (re-)parsed in the background: all of them, and,
    /// once its dictionary has loaded, with the word segmenter (kept for
    /// whole-word search). Take the new model, keeping the reading place.
    Refined(Arc<Issue>, Option<Segmenter>),
    /// Keywords of some articles of the current model have been computed.
    Keywords(Vec<(ArticleId, Vec<String>)>),
    /// The input is an archive of many dates: its issues, of which the
    /// loader reads only the first page's.
    Archive(Listing),
    /// The archive's issue asked for with this generation has been read
    /// (after [`crate::action::Effect::OpenIssue`]).
    IssueOpened {
        generation: u64,
        issue: Arc<Issue>,
        seg: Option<Segmenter>,
        /// The issue's input key: its place and bookmarks are its own.
        key: String,
    },
    /// Keywords of some articles of that issue.
    IssueKeywords {
        generation: u64,
        keywords: Vec<(ArticleId, Vec<String>)>,
    },
    /// Something the reader should be told (a page that could not be read).
    Notice(String),
    /// The input has been identified (see `state::input_key`): go back to
    /// where it was last read, if it was.
    Identified(String),
    /// The dictionary has loaded (after [`crate::action::Effect::LoadDictionary`]).
    DictionaryLoaded,
    /// The most frequent words, counted for the request of this generation
    /// (after [`crate::action::Effect::CountWords`]).
    WordCounts {
        generation: u64,
        counts: Vec<WordCount>,
    },
    /// A signal arrived: one that ends kanbao quits (saving the place, as
    /// `q` does); SIGTSTP suspends.
    Signal(i32),
}

/// An archive as the loader lists it: each date's page files, in date
/// order, and which issue it read first.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub issues: Vec<(Date, Vec<PathBuf>)>,
    pub open: usize,
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

impl Msg {
    /// Does this come from the user, so that it replaces the status
    /// message? Background work, resizes and signals leave it standing.
    pub fn from_user(&self) -> bool {
        matches!(
            self,
            Msg::Action(_)
                | Msg::Key(_)
                | Msg::Paste(_)
                | Msg::ScrollAt { .. }
                | Msg::ClickAt { .. }
        )
    }
}
