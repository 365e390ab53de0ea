//! What the reader starts with besides the issue: what earlier runs left
//! in the state file, and what to say first. The command line gathers it;
//! the `App` takes it in one step, so nothing outside `app` assigns the
//! reader's fields.

use std::collections::BTreeMap;

use super::App;
use crate::state::{Bookmark, Place};

#[derive(Debug, Default)]
pub struct Startup {
    /// Queries of earlier runs, oldest first.
    pub history: Vec<String>,
    /// Bookmarks of every input, by input key.
    pub bookmarks: BTreeMap<String, Vec<Bookmark>>,
    /// Where inputs were last read, by input key (none with `--no-restore`).
    pub places: BTreeMap<String, Place>,
    /// Warnings to show in the status bar.
    pub notice: Option<String>,
    /// Work still under way in the background.
    pub pending: Option<String>,
    /// The date of the issue an archive was last read at: it reopens
    /// there once it is listed.
    pub last_issue: Option<crate::page::Date>,
    /// The articles read of every input, by input key.
    pub read: BTreeMap<String, Vec<usize>>,
}

impl App {
    /// Takes in the remembered state and the first messages.
    pub fn start(&mut self, startup: Startup) {
        self.search.history = startup.history;
        self.remembered_marks = startup.bookmarks;
        self.remembered = startup.places;
        self.reopen = startup.last_issue;
        self.marks.read_elsewhere = startup
            .read
            .into_iter()
            .map(|(key, read)| (key, read.into_iter().collect()))
            .collect();
        self.message = startup.notice;
        self.pending = startup.pending;
    }
}
