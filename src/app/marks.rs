//! Bookmarks: `m` names the current place, `'` lists this input's
//! bookmarks to jump to or delete. Part of `App::update`; the state file
//! is written by whoever carries out the [`Effect`]s. (The marks of
//! articles read are kept beside them; `read.rs` sets them.)

use std::collections::{BTreeMap, BTreeSet};

use super::{App, Overlay};
use crate::action::Effect;
use crate::state::{BOOKMARKS_LEN, Bookmark};

#[derive(Debug, Default)]
pub struct Marks {
    /// This input's bookmarks, in reading order.
    pub list: Vec<Bookmark>,
    /// The numbers of this input's articles read (opened and read to the
    /// end, or most of it; or marked with `u`).
    pub read: BTreeSet<usize>,
    /// The read articles of the other inputs (an archive's other issues,
    /// and those of earlier runs), by input key.
    pub(super) read_elsewhere: BTreeMap<String, BTreeSet<usize>>,
    /// An article marked unread by hand: it stays so while it is read on,
    /// until another article is opened.
    pub(super) kept_unread: Option<usize>,
}

impl Marks {
    /// Adds bookmarks, keeping the list in reading order.
    pub(super) fn add(&mut self, marks: impl IntoIterator<Item = Bookmark>) {
        self.list.extend(marks);
        self.list.sort_by_key(|b| (b.article, b.source_offset));
    }
}

impl App {
    pub(super) fn start_bookmark(&mut self) {
        if self.input_key.is_none() {
            self.message = Some("the input is still being read; bookmark in a moment".to_owned());
            return;
        }
        self.overlay = Some(Overlay::Naming(String::new()));
    }

    pub(super) fn save_bookmark(&mut self) {
        let Some(Overlay::Naming(name)) = self.overlay.take() else {
            return;
        };
        let (Some(key), Some(place)) = (self.input_key.clone(), self.place()) else {
            return;
        };
        let name = match name.trim() {
            "" => format!(
                "{} · {}%",
                self.issue.title_of(self.reading.article),
                self.percent()
            ),
            name => name.to_owned(),
        };
        let bookmark = Bookmark {
            name: name.clone(),
            article: place.article,
            source_offset: place.source_offset,
            created: 0,
        };
        if self.marks.list.len() >= BOOKMARKS_LEN {
            self.message = Some(format!(
                "not bookmarked: this input has {BOOKMARKS_LEN} bookmarks, the most kept — delete some first (' then d)"
            ));
            return;
        }
        if self.marks.list.iter().any(|b| b.same_place(&bookmark)) {
            self.message = Some(format!("“{name}” is already bookmarked here"));
            return;
        }
        self.marks.add([bookmark.clone()]);
        self.effects.push(Effect::AddBookmark { key, bookmark });
        self.message = Some(format!("bookmarked “{name}” — ' lists bookmarks"));
    }

    pub(super) fn show_bookmarks(&mut self) {
        if self.marks.list.is_empty() {
            self.message = Some("no bookmarks yet — m marks the current place".to_owned());
            return;
        }
        self.overlay = Some(Overlay::Bookmarks { cursor: 0 });
    }

    pub(super) fn step_bookmark(&mut self, to: isize) {
        let last = self.marks.list.len().saturating_sub(1);
        if let Some(Overlay::Bookmarks { cursor }) = &mut self.overlay {
            *cursor = cursor.saturating_add_signed(to).min(last);
        }
    }

    pub(super) fn open_bookmark(&mut self) {
        let Some(Overlay::Bookmarks { cursor }) = self.overlay.take() else {
            return;
        };
        let Some(b) = self.marks.list.get(cursor).cloned() else {
            return;
        };
        if self.go_to(b.article, b.source_offset) {
            self.focus_reader();
            self.message = Some(format!("bookmark “{}”", b.name));
        } else {
            self.message = Some(format!(
                "bookmark “{}”: its article is not in this input",
                b.name
            ));
        }
    }

    pub(super) fn delete_bookmark(&mut self) {
        let (Some(i), Some(key)) = (self.bookmark_cursor(), self.input_key.clone()) else {
            return;
        };
        if i >= self.marks.list.len() {
            return;
        }
        let bookmark = self.marks.list.remove(i);
        self.message = Some(format!("deleted bookmark “{}”", bookmark.name));
        self.effects.push(Effect::RemoveBookmark { key, bookmark });
        self.overlay = match self.marks.list.len() {
            0 => None,
            n => Some(Overlay::Bookmarks {
                cursor: i.min(n - 1),
            }),
        };
    }

    /// How much of the article has been on screen, in percent.
    pub fn percent(&self) -> usize {
        let total = self.reading.layout.lines.len();
        if total == 0 {
            return 100;
        }
        (self.reading.scroll + self.text_height()).min(total) * 100 / total
    }
}
