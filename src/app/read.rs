//! Read and unread, as newsboat keeps them: an article is read once it
//! has been read to its end (or most of it), `u` marks it either way, and
//! the contents shows which; kept per input across runs.

use std::collections::BTreeSet;

use super::{App, Focus};

/// An article is read once this share of its lines has been on screen.
const READ_SHARE: (usize, usize) = (9, 10);

impl App {
    /// After the reading position moved: the open article is read if its
    /// end, or most of it, is on screen.
    pub(super) fn note_read(&mut self) {
        let (number, _) = self.article_position();
        if self.marks.kept_unread.is_some_and(|kept| kept != number) {
            self.marks.kept_unread = None;
        }
        let total = self.reading.layout.lines.len();
        let seen = self.reading.scroll + self.text_height();
        if total == 0 || seen * READ_SHARE.1 < total * READ_SHARE.0 {
            return;
        }
        if self.marks.kept_unread != Some(number) {
            self.marks.read.insert(number);
        }
    }

    /// `u`: the article selected in the contents (or the open one) read
    /// or unread.
    pub(super) fn toggle_read(&mut self) {
        let id = match self.focus {
            Focus::Contents => self.contents.selected(),
            Focus::Reader => Some(self.reading.article),
        };
        let Some(number) = id.and_then(|id| self.order.iter().position(|&a| a == id)) else {
            return;
        };
        let number = number + 1;
        let title = self.issue.title_of(self.order[number - 1]);
        self.message = Some(if self.marks.read.remove(&number) {
            self.marks.kept_unread = Some(number);
            format!("marked unread: {title}")
        } else {
            self.marks.read.insert(number);
            format!("marked read: {title}")
        });
    }

    /// Is article `number` (as in `--outline`) read?
    pub fn is_read(&self, number: usize) -> bool {
        self.marks.read.contains(&number)
    }

    /// The articles read of every input seen this session, by input key,
    /// for the state file.
    pub fn read_marks(&self) -> Vec<(String, Vec<usize>)> {
        let mut out: Vec<(String, Vec<usize>)> = self
            .marks
            .read_elsewhere
            .iter()
            .map(|(k, read)| (k.clone(), read.iter().copied().collect()))
            .collect();
        if let Some(key) = &self.input_key {
            out.push((key.clone(), self.marks.read.iter().copied().collect()));
        }
        out
    }

    /// The input now read has this key: its read articles come back.
    pub(super) fn take_read_marks(&mut self, key: &str) {
        let read = self.marks.read_elsewhere.remove(key).unwrap_or_default();
        self.marks.read.extend(read);
    }

    /// Leaving the input with this key (an archive's issue): its read
    /// articles are kept for this session.
    pub(super) fn keep_read_marks(&mut self, key: String) {
        let read: BTreeSet<usize> = std::mem::take(&mut self.marks.read);
        self.marks.read_elsewhere.insert(key, read);
    }
}
