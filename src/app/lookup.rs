//! The lookup prompt's answer: `:` then a word (学习, 學習), a reading
//! (xuexi, xuéxí, xue2xi2) or English (to study) shows what CC-CEDICT
//! says, over the reading pane, scrolled with the usual keys. Its lines
//! are laid out here, for the pane's width, not while drawing. Part of
//! `App::update`.

use super::{App, Overlay};
use crate::action::{Action, Effect};
use crate::dict::search::{Answer, Found, Matches};
use crate::dict::{Dictionary, Entry, Lookup};
use crate::text::width::DisplayOptions;
use crate::text::wrap::{line_text, wrap};

/// What a line of the answer is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookupRole {
    /// The word looked up, with its reading.
    Word,
    /// How the entries below were found ("read so", "in the English").
    Section,
    /// An entry's headwords and reading.
    Entry,
    Definition,
    /// A word about the answer (nothing found, more than shown).
    Note,
}

/// The answer to one query, laid out.
#[derive(Debug)]
pub struct LookupView {
    pub query: String,
    /// `None` while the dictionary loads.
    answer: Option<Answer>,
    pub lines: Vec<(LookupRole, String)>,
    pub scroll: usize,
    /// The width and script the lines were laid out for.
    laid_out: Option<(usize, DisplayOptions)>,
}

impl LookupView {
    /// How many entries the answer holds.
    pub fn count(&self) -> Option<usize> {
        self.answer.as_ref().map(|a| match a {
            Answer::Word(l) => l.entries.len() + l.parts.len(),
            Answer::Matches(m) => m.entries.len(),
        })
    }
}

/// An entry's headwords in the script shown first (学习 學習, or 學習
/// 学习 in 繁體), then its reading.
fn head(e: &Entry, display: DisplayOptions) -> String {
    let (first, second) = if display.traditional {
        (&e.traditional, &e.simplified)
    } else {
        (&e.simplified, &e.traditional)
    };
    if first == second {
        format!("{first}  {}", e.pinyin)
    } else {
        format!("{first} {second}  {}", e.pinyin)
    }
}

/// Lines of one entry: its head, then its definitions wrapped to `width`
/// under a two-cell indent.
fn entry_lines(
    out: &mut Vec<(LookupRole, String)>,
    e: &Entry,
    width: usize,
    display: DisplayOptions,
) {
    out.push((LookupRole::Entry, head(e, display)));
    let raw = DisplayOptions::AS_WRITTEN;
    let definitions = e.definitions.join("; ");
    for l in wrap(&definitions, width.saturating_sub(2).max(1), 0, raw) {
        out.push((
            LookupRole::Definition,
            format!("  {}", line_text(&definitions, &l, raw)),
        ));
    }
}

fn word_lines(
    out: &mut Vec<(LookupRole, String)>,
    l: &Lookup,
    width: usize,
    display: DisplayOptions,
) {
    if l.entries.is_empty() {
        out.push((
            LookupRole::Word,
            format!("{}  {} — by its parts", l.word, l.pinyin()),
        ));
        for (part, entries) in &l.parts {
            if entries.is_empty() {
                out.push((LookupRole::Note, format!("{part} — not in the dictionary")));
            }
            for e in entries {
                entry_lines(out, e, width, display);
            }
        }
    }
    for e in &l.entries {
        entry_lines(out, e, width, display);
    }
    for e in &l.see {
        out.push((LookupRole::Section, "see also".to_owned()));
        entry_lines(out, e, width, display);
    }
}

fn match_lines(
    out: &mut Vec<(LookupRole, String)>,
    m: &Matches,
    width: usize,
    display: DisplayOptions,
) {
    let mut last = None;
    for (how, e) in &m.entries {
        if last != Some(*how) {
            let section = match how {
                Found::Reading => "read so",
                Found::English => "in the English",
                Found::Headword => "the word",
            };
            out.push((LookupRole::Section, section.to_owned()));
            last = Some(*how);
        }
        entry_lines(out, e, width, display);
    }
    if m.more {
        out.push((
            LookupRole::Note,
            format!(
                "only the first {} are shown: tones (xue2xi2, xuéxí) or more words find fewer",
                crate::dict::search::MOST
            ),
        ));
    }
}

impl App {
    /// `:` then Enter: digits go to that article; anything else is looked
    /// up in the dictionary.
    pub(super) fn go_to_or_look_up(&mut self) {
        let typed = match &self.overlay {
            Some(Overlay::GoTo(typed)) => typed.trim().to_owned(),
            _ => return,
        };
        if typed.is_empty() || typed.chars().all(|c| c.is_ascii_digit()) {
            self.go_to_typed();
            return;
        }
        self.overlay = Some(Overlay::Lookup(LookupView {
            query: typed,
            answer: None,
            lines: Vec::new(),
            scroll: 0,
            laid_out: None,
        }));
        if Dictionary::try_get().is_none() && !self.dictionary_asked {
            self.dictionary_asked = true;
            self.effects.push(Effect::LoadDictionary);
        }
        self.answer_lookup();
    }

    /// Looks the query up, once the dictionary is here. Readings and
    /// English are ranked by jieba's counts when the segmenter has loaded.
    pub(super) fn answer_lookup(&mut self) {
        let Some(dictionary) = Dictionary::try_get() else {
            return;
        };
        let seg = self.seg;
        let Some(Overlay::Lookup(view)) = &mut self.overlay else {
            return;
        };
        if view.answer.is_none() {
            let common = |w: &str| seg.map_or(0, |s| s.commonness(w));
            view.answer = Some(dictionary.answer(&view.query, &common));
            view.laid_out = None;
        }
    }

    /// Lays the answer out for the pane it covers (when it, the width or
    /// the script changed).
    pub(super) fn prepare_lookup(&mut self) {
        let width = usize::from(self.results_area().width.saturating_sub(2));
        let display = self.options.display;
        let Some(Overlay::Lookup(view)) = &mut self.overlay else {
            return;
        };
        if view.laid_out == Some((width, display)) {
            return;
        }
        let mut lines = Vec::new();
        match &view.answer {
            None => lines.push((LookupRole::Note, "the dictionary is loading…".to_owned())),
            Some(answer) if answer.is_empty() => lines.push((
                LookupRole::Note,
                format!(
                    "“{}”: nothing in the dictionary reads so or means it",
                    view.query
                ),
            )),
            Some(Answer::Word(l)) => word_lines(&mut lines, l, width, display),
            Some(Answer::Matches(m)) => match_lines(&mut lines, m, width, display),
        }
        view.lines = lines;
        view.laid_out = view.answer.is_some().then_some((width, display));
    }

    /// Rows of the answer on screen (inside the border).
    pub fn lookup_rows(&self) -> usize {
        usize::from(self.results_area().height.saturating_sub(2)).max(1)
    }

    pub(super) fn scroll_lookup(&mut self, action: &Action) {
        let rows = self.lookup_rows();
        let delta = super::reading::scroll_delta(action, rows);
        if let Some(Overlay::Lookup(view)) = &mut self.overlay {
            let last = view.lines.len().saturating_sub(rows);
            view.scroll = view.scroll.saturating_add_signed(delta).min(last);
        }
    }

    /// The lookup's answer, while it is shown.
    pub fn lookup(&self) -> Option<&LookupView> {
        match self.overlay.as_ref().and_then(Overlay::beneath)? {
            Overlay::Lookup(view) => Some(view),
            _ => None,
        }
    }
}
