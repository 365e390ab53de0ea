//! The reader's state and its one way of changing: `App::update(Msg)`.
//! No I/O and no terminal here; the view only borrows an `App` to draw it.

mod contents;
mod display;
mod geometry;
mod marks;
mod navigation;
mod overlay;
mod place;
mod reading;
mod results;
mod search;
mod startup;
mod words;

pub use contents::{Contents, Row};
pub use geometry::{Area, Panes};
pub use marks::Marks;
pub use overlay::Overlay;
pub use reading::Reading;
pub use results::ResultRow;
pub use search::{Results, Scope, Search};
pub use startup::Startup;
pub use words::{ArticleWords, WordCursor};

use crate::action::{Action, Effect};
use crate::config::Theme;
use crate::find::SearchIndex;
use crate::keymap::{HelpEntry, Keymap, Mode};
use crate::layout::LayoutOptions;
use crate::message::Msg;
use crate::page::{Article, ArticleId, Column, Issue};
use crate::state::{Bookmark, Place};
use crate::text::Segmenter;
use reading::LayoutCache;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The one signal that suspends rather than ends the reader (its number
/// differs between systems, so it is not written out here).
const SIGTSTP: i32 = libc::SIGTSTP;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Contents,
    Reader,
}

#[derive(Debug)]
pub struct App {
    /// Shared with the background thread that works out keywords.
    pub issue: Arc<Issue>,
    /// Every article in reading order.
    order: Vec<ArticleId>,
    pub contents: Contents,
    pub reading: Reading,
    pub focus: Focus,
    /// The user's choice to show or hide the contents; `None` until made.
    show_contents: Option<bool>,
    /// What covers the panes, if anything.
    overlay: Option<Overlay>,
    /// The help's lines, from the keymap in force.
    help: Vec<HelpEntry>,
    pub options: LayoutOptions,
    pub panes: Panes,
    /// A transient message for the status bar, cleared by the next action.
    pub message: Option<String>,
    /// Work still under way in the background, shown in the status bar.
    pub pending: Option<String>,
    /// Show the first-run hint (`?` for the keys) until the first key.
    pub hint: bool,
    pub quit: bool,
    /// The signal that ended the reader, if one did.
    pub ended_by: Option<i32>,
    pub search: Search,
    cache: LayoutCache,
    /// Folded texts for search, built on the first search.
    index: Option<SearchIndex>,
    /// The word segmenter, once its dictionary has loaded.
    seg: Option<Segmenter>,
    /// Where inputs were last read, by input key (from the state file).
    pub remembered: BTreeMap<String, Place>,
    /// This input's key, once known.
    pub input_key: Option<String>,
    /// A remembered place to go back to once its article has been parsed.
    restore: Option<Place>,
    /// Each article's keywords, as they arrive from the background.
    pub keywords: HashMap<ArticleId, Vec<String>>,
    /// Show jieba's word boundaries in the reading pane.
    pub words_view: bool,
    /// The open article's words, segmented as they are needed.
    words: ArticleWords,
    /// The dictionary has been asked to load (once).
    dictionary_asked: bool,
    pub marks: Marks,
    /// Bookmarks of every input (from the state file), until this input
    /// is identified.
    pub remembered_marks: BTreeMap<String, Vec<Bookmark>>,
    /// What the outside world is asked to do, taken by the terminal loop.
    pub effects: Vec<Effect>,
    /// The key bindings in force (defaults and configuration).
    pub keymap: Keymap,
    /// The colours of the view.
    pub theme: Theme,
    /// The configured width of the contents pane.
    contents_width: Option<u16>,
}

/// Shown as the keywords until they arrive: the row they take is there
/// from the first frame, so the text does not move when they come.
static PENDING_KEYWORDS: std::sync::LazyLock<[String; 1]> =
    std::sync::LazyLock::new(|| ["…".to_owned()]);

/// The keywords to lay `id` out with: its own, or the placeholder.
fn keywords_of(keywords: &HashMap<ArticleId, Vec<String>>, id: ArticleId) -> &[String] {
    keywords
        .get(&id)
        .map_or(PENDING_KEYWORDS.as_slice(), Vec::as_slice)
}

impl App {
    pub fn new(issue: Issue, width: u16, height: u16, options: LayoutOptions) -> App {
        let order: Vec<ArticleId> = issue.articles().map(|(id, _)| id).collect();
        let first = order.first().copied().unwrap_or_default();
        let panes = Panes::compute(width, height, None, None);
        let mut cache = LayoutCache::default();
        let layout = cache.get(
            &issue,
            first,
            usize::from(panes.text.width),
            options,
            PENDING_KEYWORDS.as_slice(),
        );
        let mut app = App {
            contents: Contents::new(&issue),
            issue: Arc::new(issue),
            order,
            reading: Reading::new(first, layout),
            focus: Focus::Reader,
            show_contents: None,
            overlay: None,
            help: Keymap::default().help_entries(),
            options,
            panes,
            message: None,
            pending: None,
            hint: true,
            quit: false,
            ended_by: None,
            search: Search::default(),
            cache,
            index: None,
            seg: Segmenter::try_get(),
            remembered: BTreeMap::new(),
            input_key: None,
            restore: None,
            keywords: HashMap::new(),
            words_view: false,
            words: ArticleWords::default(),
            dictionary_asked: false,
            marks: Marks::default(),
            remembered_marks: BTreeMap::new(),
            effects: Vec::new(),
            keymap: Keymap::default(),
            theme: Theme::default(),
            contents_width: None,
        };
        app.contents.select(first, app.contents_height());
        app
    }

    /// Which bindings of the keymap apply now.
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Help { .. }) => return Mode::Help,
            Some(Overlay::Naming(_)) => return Mode::Naming,
            Some(Overlay::GoTo(_)) => return Mode::GoTo,
            Some(Overlay::Word(_)) => return Mode::Word,
            Some(Overlay::Bookmarks { .. }) => return Mode::Bookmarks,
            Some(Overlay::Prompt { .. }) => return Mode::Prompt,
            Some(Overlay::Results(_)) => return Mode::Results,
            None => {}
        }
        if self.focus == Focus::Contents && self.panes.contents.is_some() {
            Mode::Contents
        } else {
            Mode::Reader
        }
    }

    /// The effects asked for since the last call.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Edits whichever line of input is open: a bookmark's name or the
    /// search prompt.
    fn edit_input(&mut self, edit: impl FnOnce(&mut String)) {
        match &mut self.overlay {
            Some(Overlay::Naming(name)) => edit(name),
            // Only digits go into an article number.
            Some(Overlay::GoTo(number)) => {
                edit(number);
                number.retain(|c| c.is_ascii_digit());
                number.truncate(9);
            }
            _ => self.edit_search(|s| edit(&mut s.input)),
        }
    }

    /// The word segmenter, once its dictionary has loaded.
    pub fn segmenter(&self) -> Option<Segmenter> {
        self.seg
    }

    /// The article numbered `number` (as in `--outline`).
    pub fn article_number(&self, number: usize) -> Option<ArticleId> {
        number
            .checked_sub(1)
            .and_then(|i| self.order.get(i))
            .copied()
    }

    /// The open article's number (as `--outline` numbers it) and how many
    /// articles there are.
    pub fn article_position(&self) -> (usize, usize) {
        // Reading order is the ids' order.
        let number = self
            .order
            .binary_search(&self.reading.article)
            .map_or(0, |i| i + 1);
        (number, self.order.len())
    }

    pub fn article(&self) -> Option<&Article> {
        self.issue.article(self.reading.article)
    }

    pub fn column(&self) -> Option<&Column> {
        self.issue.column(self.reading.article)
    }

    /// Rows of text the reading pane shows.
    pub fn text_height(&self) -> usize {
        usize::from(self.panes.text.height)
    }

    /// Rows the contents list shows (its area less the header row).
    pub fn contents_height(&self) -> usize {
        self.panes
            .contents
            .map_or(1, |a| usize::from(a.height.saturating_sub(1)).max(1))
    }

    /// The one way the reader changes. Returns whether the screen may have
    /// changed: a key bound to nothing, or a paste outside a prompt, leaves
    /// it as it was (and the terminal loop does not redraw).
    pub fn update(&mut self, msg: impl Into<Msg>) -> bool {
        let msg = msg.into();
        // Any user input ends a status message — and the screen changes
        // when one goes, even if the key itself does nothing.
        let cleared =
            msg.from_user() && (self.message.take().is_some() | std::mem::take(&mut self.hint));
        match msg {
            Msg::Action(action) => self.act(action),
            Msg::Key(key) => match self.keymap.resolve(key, self.mode()) {
                Some(action) => self.act(action),
                None => return cleared,
            },
            Msg::Paste(text) => {
                if !matches!(self.mode(), Mode::Prompt | Mode::Naming | Mode::GoTo) {
                    return cleared;
                }
                self.edit_input(|s| {
                    s.extend(text.chars().map(|c| if c.is_control() { ' ' } else { c }))
                });
            }
            Msg::Resize { width, height } => self.resize(width, height),
            Msg::ScrollAt { column, row, lines } => self.scroll_at(column, row, lines),
            Msg::ClickAt { column, row } => self.click_at(column, row),
            Msg::Keywords(batch) => self.take_keywords(batch),
            Msg::Refined(issue, seg) => {
                if seg.is_some() {
                    self.seg = seg;
                }
                self.pending = None;
                self.refine(issue);
                self.apply_restore();
                // A search that was running now covers the new model.
                if self.prompt().is_some() {
                    self.edit_search(|_| {});
                }
            }
            Msg::Notice(text) => self.message = Some(text),
            Msg::DictionaryLoaded => self.dictionary_loaded(),
            Msg::Identified(key) => {
                self.restore = self.remembered.get(&key).copied();
                let marks = self.remembered_marks.remove(&key).unwrap_or_default();
                self.marks.add(marks);
                self.input_key = Some(key);
                self.apply_restore();
            }
            Msg::Signal(signal) if signal == SIGTSTP => self.effects.push(Effect::Suspend),
            Msg::Signal(signal) => {
                self.ended_by = Some(signal);
                self.quit = true;
            }
        }
        self.prepare_results();
        self.prepare_words();
        true
    }

    /// Carries out a user intent.
    fn act(&mut self, action: Action) {
        let page = self.text_height();
        let half = (page / 2).max(1);
        match action {
            Action::ScrollDown
            | Action::ScrollUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom
                if self.mode() == Mode::Help =>
            {
                self.scroll_help(&action);
            }
            Action::ScrollDown => self.reading.scroll_by(1, page),
            Action::ScrollUp => self.reading.scroll_by(-1, page),
            // At the end of an article a page down goes on to the next one.
            Action::PageDown if self.reading.scroll >= self.reading.max_scroll(page) => {
                self.continue_reading();
            }
            Action::PageDown => self
                .reading
                .scroll_by(page.saturating_sub(1).max(1) as isize, page),
            Action::PageUp => self
                .reading
                .scroll_by(-(page.saturating_sub(1).max(1) as isize), page),
            Action::HalfPageDown => self.reading.scroll_by(half as isize, page),
            Action::HalfPageUp => self.reading.scroll_by(-(half as isize), page),
            Action::Top => self.reading.scroll_to(0, page),
            Action::Bottom => self.reading.scroll_to(usize::MAX, page),
            Action::NextArticle => self.step_article(1),
            Action::PrevArticle => self.step_article(-1),
            Action::NextColumn => self.step_column(1),
            Action::PrevColumn => self.step_column(-1),
            Action::JumpToColumn(n) => self.jump_to_column(n),
            Action::SelectNext => self.contents.step(1, self.contents_height()),
            Action::SelectPrev => self.contents.step(-1, self.contents_height()),
            Action::SelectFirst => self.contents.first(self.contents_height()),
            Action::SelectLast => self.contents.last(self.contents_height()),
            Action::OpenSelected => {
                if let Some(id) = self.contents.selected() {
                    self.open(id);
                    self.focus_reader();
                }
            }
            Action::SwitchFocus => match self.mode() {
                Mode::Contents => self.focus_reader(),
                _ => self.focus_contents(),
            },
            Action::FocusContents => self.focus_contents(),
            Action::FocusReader => self.focus_reader(),
            Action::ToggleContents => {
                if self.panes.contents.is_some() {
                    self.set_contents(false);
                    self.focus = Focus::Reader;
                } else {
                    self.focus_contents();
                }
            }
            Action::TogglePunctuation => self.toggle_punctuation(),
            Action::ToggleKeywords => self.toggle_keywords(),
            Action::ToggleWords => self.toggle_words(),
            Action::ToggleHelp => self.toggle_help(),
            Action::CloseHelp => self.close_help(),
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::StartSearch => self.start_search(Scope::Article),
            Action::StartPageSearch => self.start_search(Scope::Issue),
            Action::InsertChar(c) => self.edit_input(|s| s.push(c)),
            Action::DeleteChar => self.edit_input(|s| {
                s.pop();
            }),
            Action::CopyArticle => self.copy_article(),
            Action::StartWordCursor => self.start_word_cursor(),
            Action::NextWord => self.step_word(true),
            Action::PrevWord => self.step_word(false),
            Action::WordDown => self.step_word_line(true),
            Action::WordUp => self.step_word_line(false),
            Action::SaveWord => self.save_word(),
            Action::LeaveWordCursor => {
                self.close_overlay_if(|o| matches!(o, Overlay::Word(_)));
            }
            Action::StartGoTo => self.overlay = Some(Overlay::GoTo(String::new())),
            Action::GoToArticle => self.go_to_typed(),
            Action::CancelGoTo => self.close_overlay_if(|o| matches!(o, Overlay::GoTo(_))),
            Action::StartBookmark => self.start_bookmark(),
            Action::SaveBookmark => self.save_bookmark(),
            Action::CancelBookmark => self.close_overlay_if(|o| matches!(o, Overlay::Naming(_))),
            Action::ShowBookmarks => self.show_bookmarks(),
            Action::BookmarkNext => self.step_bookmark(1),
            Action::BookmarkPrev => self.step_bookmark(-1),
            Action::OpenBookmark => self.open_bookmark(),
            Action::DeleteBookmark => self.delete_bookmark(),
            Action::CloseBookmarks => {
                self.close_overlay_if(|o| matches!(o, Overlay::Bookmarks { .. }));
            }
            Action::ToggleWholeWord => {
                self.edit_search(|s| s.whole_word = !s.whole_word);
                if self.search.whole_word && self.seg.is_none() {
                    self.message = Some(
                        "word boundaries are still loading; whole-word applies in a moment"
                            .to_owned(),
                    );
                }
            }
            Action::HistoryPrev => self.history_step(true),
            Action::HistoryNext => self.history_step(false),
            Action::SubmitSearch => self.submit_search(),
            Action::CancelSearch => self.cancel_search(),
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::ClearSearch => self.clear_search(),
            Action::ResultNext => self.step_result(1),
            Action::ResultPrev => self.step_result(-1),
            Action::ResultFirst => self.step_result(isize::MIN),
            Action::ResultLast => self.step_result(isize::MAX),
            Action::OpenResult => self.open_result(),
            Action::CloseResults => self.close_overlay_if(|o| matches!(o, Overlay::Results(_))),
        }
    }

    /// Scrolls the help; it stops where its last line is on screen.
    fn scroll_help(&mut self, action: &Action) {
        let rows = self.help_rows();
        let page = rows.saturating_sub(1).max(1) as isize;
        let delta = match action {
            Action::ScrollDown => 1,
            Action::ScrollUp => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::HalfPageDown => (rows / 2).max(1) as isize,
            Action::HalfPageUp => -((rows / 2).max(1) as isize),
            Action::Top => isize::MIN,
            _ => isize::MAX,
        };
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

    fn set_contents(&mut self, shown: bool) {
        // On a narrow screen the contents is a passing overlay, not a
        // preference: hiding it returns to the default for the width.
        let narrow = self.panes.size.0 < geometry::NARROW;
        self.show_contents = if narrow && !shown { None } else { Some(shown) };
        let (width, height) = self.panes.size;
        self.resize(width, height);
    }

    /// Lays the panes out for a terminal size (and the current choices),
    /// keeping the reading position and the contents cursor in view.
    fn resize(&mut self, width: u16, height: u16) {
        self.panes = Panes::compute(width, height, self.show_contents, self.contents_width);
        self.relayout();
        self.contents.reveal(self.contents_height());
    }

    fn focus_contents(&mut self) {
        if self.panes.contents.is_none() {
            self.set_contents(true);
        }
        if self.panes.contents.is_some() {
            self.focus = Focus::Contents;
            self.contents
                .select(self.reading.article, self.contents_height());
        }
    }

    fn focus_reader(&mut self) {
        self.focus = Focus::Reader;
        if self.panes.overlay {
            self.set_contents(false);
        }
    }

    /// Opens an article at its top.
    pub fn open(&mut self, id: ArticleId) {
        let layout = self.cache.get(
            &self.issue,
            id,
            usize::from(self.panes.text.width),
            self.options,
            keywords_of(&self.keywords, id),
        );
        self.reading = Reading::new(id, layout);
        self.words = ArticleWords::default();
        if let Some(Overlay::Word(_)) = self.overlay {
            self.overlay = None;
        }
        self.contents.select(id, self.contents_height());
        self.find_in_article();
    }

    /// Lays the open article out again for the current width and options,
    /// keeping the reading position.
    fn relayout(&mut self) {
        let layout = self.cache.get(
            &self.issue,
            self.reading.article,
            usize::from(self.panes.text.width),
            self.options,
            keywords_of(&self.keywords, self.reading.article),
        );
        let height = self.text_height();
        self.reading.relayout(layout, height);
    }
}
