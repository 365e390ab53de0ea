//! An archive (a folder of issues of many dates) is read one issue at a
//! time: the model holds the open date's pages; `)` and `(` ask for the
//! next or previous date's, which the loader reads and parses in the
//! background, and the model is replaced when they arrive. A year of a
//! paper is then as light to read as one day of it.

use std::path::PathBuf;
use std::sync::Arc;

use super::App;
use crate::action::Effect;
use crate::message::Listing;
use crate::page::{Date, Issue};
use crate::text::Segmenter;

/// The issues of an archive, by date, and which is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    /// Each date's page files, in date order.
    pub issues: Vec<(Date, Vec<PathBuf>)>,
    /// Index into `issues` of the issue in the model.
    pub open: usize,
    /// The issue asked for and not yet arrived, with its request's number
    /// (a later request makes an earlier answer stale).
    asked: Option<(usize, u64)>,
    generation: u64,
    /// The request whose issue is in the model (0: the one first read):
    /// keywords worked out for another are dropped.
    shown: u64,
    /// The contents pane's title: the open issue's date and place.
    pub title: String,
}

impl Archive {
    /// An archive whose issue `open` is the one in the model.
    pub fn new(issues: Vec<(Date, Vec<PathBuf>)>, open: usize) -> Archive {
        let mut archive = Archive {
            issues,
            open,
            asked: None,
            generation: 0,
            shown: 0,
            title: String::new(),
        };
        archive.title = archive.title_now();
        archive
    }

    fn title_now(&self) -> String {
        self.issues
            .get(self.open)
            .map_or_else(String::new, |(date, _)| {
                format!(" {date} · {}/{}", self.open + 1, self.issues.len())
            })
    }
}

impl App {
    /// The loader has listed an archive: its issues by date, the one with
    /// the first page being the one it reads.
    pub(super) fn take_archive(&mut self, listing: Listing) {
        let archive = Archive::new(listing.issues, listing.open);
        self.contents.add_issues(archive.open, archive.issues.len());
        self.contents.reveal(self.contents_height());
        // Reopened where it was last read, unless that is the first issue
        // or the reader has moved on meanwhile.
        let last = self
            .reopen
            .take()
            .and_then(|date| archive.issues.iter().position(|(d, _)| *d == date));
        let open = archive.open;
        self.archive = Some(archive);
        let moved = self.order.first() != Some(&self.reading.article) || self.reading.scroll != 0;
        if let Some(k) = last.filter(|&k| k != open && !moved) {
            self.reopening = true;
            self.ask_issue(k);
        }
    }

    /// The date of the issue in the model, if the input is an archive.
    pub fn open_issue_date(&self) -> Option<Date> {
        let archive = self.archive.as_ref()?;
        archive.issues.get(archive.open).map(|(d, _)| *d)
    }

    /// The issue being read in the background, if any (the contents marks
    /// it).
    pub fn issue_asked(&self) -> Option<usize> {
        self.archive.as_ref()?.asked.map(|(k, _)| k)
    }

    /// `)` / `(` in an archive: asks for the issue `delta` dates away.
    pub(super) fn step_archive(&mut self, delta: isize) {
        let Some(archive) = self.archive.as_ref() else {
            return;
        };
        let from = archive.asked.map_or(archive.open, |(k, _)| k);
        match from
            .checked_add_signed(delta)
            .filter(|&k| k < archive.issues.len())
        {
            Some(to) => self.ask_issue(to),
            None if delta > 0 => self.message = Some("this is the last issue".to_owned()),
            None => self.message = Some("this is the first issue".to_owned()),
        }
    }

    /// Asks for the archive's issue `to` to be read.
    pub(super) fn ask_issue(&mut self, to: usize) {
        let Some(archive) = self.archive.as_mut() else {
            return;
        };
        let Some((date, files)) = archive.issues.get(to) else {
            return;
        };
        archive.generation += 1;
        archive.asked = Some((to, archive.generation));
        self.pending = Some(format!("opening the issue of {date}"));
        self.effects.push(Effect::OpenIssue {
            files: files.clone(),
            generation: archive.generation,
        });
    }

    /// The issue asked for has been read: it replaces the model, opened
    /// where it was last read (at its first article if it was not), with
    /// its own bookmarks; the issue left keeps its place and bookmarks
    /// for this session. A stale answer is dropped.
    pub(super) fn issue_opened(
        &mut self,
        generation: u64,
        issue: Arc<Issue>,
        seg: Option<Segmenter>,
        key: String,
    ) {
        let Some(archive) = self.archive.as_mut() else {
            return;
        };
        let Some((k, _)) = archive.asked.filter(|&(_, g)| g == generation) else {
            return;
        };
        archive.asked = None;
        archive.open = k;
        archive.shown = generation;
        archive.title = archive.title_now();
        let (date, n) = (archive.issues[k].0, archive.issues.len());
        if seg.is_some() {
            self.seg = seg;
        }
        self.pending = None;
        if let Some(left) = self.input_key.take() {
            if let Some(place) = self.place() {
                self.remembered.insert(left.clone(), place);
            }
            self.keep_read_marks(left.clone());
            let marks = std::mem::take(&mut self.marks.list);
            self.remembered_marks.insert(left, marks);
        }
        // Nothing of the old issue carries over: not refined in place.
        self.reading.article = Default::default();
        self.restore = None;
        self.refine(issue);
        let first = self.order.first().copied().unwrap_or_default();
        self.open(first);
        self.recount_words();
        self.identified(key);
        let back = std::mem::take(&mut self.reopening);
        self.message = Some(match self.place() {
            Some(place) if back => format!(
                "back where you stopped: the issue of {date} ({} of {n}), article {}",
                k + 1,
                place.article
            ),
            _ => format!("the issue of {date} ({} of {n})", k + 1),
        });
    }

    /// Are keywords worked out for the model of this request (0: the
    /// first model, from the loader) the model's?
    pub(super) fn keywords_fit(&self, generation: u64) -> bool {
        self.archive.as_ref().map_or(0, |a| a.shown) == generation
    }
}
