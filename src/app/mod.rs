//! The reader's state and its one way of changing: `App::update(Msg)`.
//! No I/O and no terminal here; the view only borrows an `App` to draw it.

mod act;
mod archive;
mod concordance;
mod contents;
mod display;
mod frequencies;
mod geometry;
mod hints;
mod hits;
mod lookup;
mod marks;
mod navigation;
mod overlay;
mod pinyin;
mod place;
mod read;
mod reading;
mod results;
mod search;
mod startup;
mod words;

pub use archive::Archive;
pub use contents::{Contents, Row};
pub use frequencies::{Frequencies, FrequencyScope, LISTED_WORDS};
pub use geometry::{Area, MAX_MEASURE, Panes, Widths};
pub use hints::Hints;
pub use lookup::{LookupRole, LookupView};
pub use marks::Marks;
pub use overlay::Overlay;
pub use reading::Reading;
pub use results::{ResultRow, RowPart};
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

/// Longest article number or lookup typed at `:`, in characters.
const LONGEST_QUERY: usize = 64;

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
    /// A transient message for the status bar, cleared by the next action
    /// or after [`crate::effects::MESSAGE_STANDS`].
    pub message: Option<String>,
    /// Counts the messages shown: an expiry is for one message only.
    message_serial: u64,
    /// A key that needs the word boundaries, pressed before they loaded:
    /// it runs when they arrive, and the message that said it would.
    after_loading: Option<(Action, &'static str)>,
    /// The issue of an archive to reopen at once it is listed (where it
    /// was last read), then whether the issue asked for is that one.
    reopen: Option<crate::page::Date>,
    reopening: bool,
    /// Work still under way in the background, shown in the status bar.
    pub pending: Option<String>,
    /// Show the first-run hint (`?` for the keys) until the first key.
    pub hint: bool,
    /// Whether the reader goes on, and if not, why it ended.
    exit: Exit,
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
    /// The configured widths of the contents pane and of the text.
    widths: Widths,
    /// Word frequencies counted so far.
    word_counts: frequencies::WordCounts,
    /// The issues of an archive, read one at a time.
    pub archive: Option<Archive>,
    /// The hints that name keys, as the keymap in force binds them.
    hints: hints::Hints,
    /// The page is written in traditional characters: `T` shows it in
    /// simplified ones (and back), not in traditional ones.
    written_traditional: bool,
    /// The open article's readings, for pinyin over the text (`p`).
    readings: Option<(ArticleId, std::rc::Rc<crate::dict::ruby::ArticleReadings>)>,
    /// The colours of the four tones in the pinyin.
    tones: [crate::config::colour::Colour; 4],
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

/// Whether the reader goes on: one value, so that "quit" and "ended by a
/// signal" cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Running,
    /// The user quit.
    Quit,
    /// A signal ended it (its number).
    Signal(i32),
}

impl App {
    /// The hints that name keys (overlay titles, prompts, the status bar).
    pub fn hints(&self) -> &hints::Hints {
        &self.hints
    }

    /// Has the reader ended?
    pub fn quit(&self) -> bool {
        self.exit != Exit::Running
    }

    /// How the reader ended, or that it has not.
    pub fn exit(&self) -> Exit {
        self.exit
    }

    pub fn new(issue: Issue, width: u16, height: u16, options: LayoutOptions) -> App {
        let order: Vec<ArticleId> = issue.articles().map(|(id, _)| id).collect();
        let first = order.first().copied().unwrap_or_default();
        let panes = Panes::compute(width, height, None, Widths::default());
        let mut cache = LayoutCache::default();
        let layout = cache.get(
            &issue,
            first,
            usize::from(panes.text.width),
            options,
            PENDING_KEYWORDS.as_slice(),
            None,
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
            message_serial: 0,
            after_loading: None,
            reopen: None,
            reopening: false,
            hint: true,
            exit: Exit::Running,
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
            widths: Widths::default(),
            word_counts: frequencies::WordCounts::default(),
            archive: None,
            written_traditional: false,
            readings: None,
            tones: crate::config::colour::TONES,
            hints: hints::Hints::default(),
        };
        app.note_script();
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
            Some(Overlay::Frequencies(_)) => return Mode::Frequencies,
            Some(Overlay::Lookup(_)) => return Mode::Lookup,
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
            // An article number, or a word to look up: one line, short.
            Some(Overlay::GoTo(typed)) => {
                edit(typed);
                if let Some((cut, _)) = typed.char_indices().nth(LONGEST_QUERY) {
                    typed.truncate(cut);
                }
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

    /// Rows the contents list shows (its area less the header row) — or,
    /// while it is hidden, would show: it opens as tall as the reading
    /// pane, and the rows above the cursor (its issue, page and column)
    /// are not scrolled away meanwhile.
    pub fn contents_height(&self) -> usize {
        let area = self.panes.contents.unwrap_or(self.panes.reader);
        usize::from(area.height.saturating_sub(1)).max(1)
    }

    /// The one way the reader changes. Returns whether the screen may have
    /// changed: a key bound to nothing, or a paste outside a prompt, leaves
    /// it as it was (and the terminal loop does not redraw).
    pub fn update(&mut self, msg: impl Into<Msg>) -> bool {
        let msg = msg.into();
        let said = self.message.clone();
        let was = (self.reading.article, self.reading.scroll);
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
            Msg::Keywords(batch) if self.keywords_fit(0) => self.take_keywords(batch),
            Msg::Keywords(_) => {}
            Msg::Archive(archive) => self.take_archive(archive),
            Msg::IssueOpened {
                generation,
                issue,
                seg,
                key,
            } => self.issue_opened(generation, issue, seg, key),
            Msg::IssueKeywords {
                generation,
                keywords,
            } if self.keywords_fit(generation) => self.take_keywords(keywords),
            Msg::IssueKeywords { .. } => {}
            Msg::Refined(issue, seg) => {
                if seg.is_some() {
                    self.seg = seg;
                }
                self.pending = None;
                self.refine(issue);
                // A key that waited for the word boundaries runs now.
                if self.seg.is_some()
                    && let Some((action, wait)) = self.after_loading.take()
                {
                    // The message that promised the key has been kept.
                    if self.message.as_deref() == Some(wait) {
                        self.message = None;
                    }
                    self.act(action);
                }
                self.apply_restore();
                self.recount_words();
                // A search that was running now covers the new model.
                if self.prompt().is_some() {
                    self.edit_search(|_| {});
                }
            }
            Msg::Notice(text) => self.message = Some(text),
            Msg::MessageExpired(serial) if serial == self.message_serial => {
                if self.message.take().is_none() {
                    return false;
                }
            }
            Msg::MessageExpired(_) => return false,
            Msg::DictionaryLoaded => {
                self.dictionary_loaded();
                self.answer_lookup();
                if self.options.pinyin {
                    self.relayout();
                }
            }
            Msg::WordCounts { generation, counts } => self.take_word_counts(generation, counts),
            Msg::Identified(key) => self.identified(key),
            Msg::Signal(signal) if signal == SIGTSTP => self.effects.push(Effect::Suspend),
            Msg::Signal(signal) => {
                self.exit = Exit::Signal(signal);
            }
        }
        if (self.reading.article, self.reading.scroll) != was {
            self.note_read();
        }
        // A new message goes after a few seconds if no key ends it first.
        if self.message.is_some() && self.message != said {
            self.message_serial += 1;
            self.effects.push(Effect::ExpireMessage {
                serial: self.message_serial,
            });
        }
        self.prepare_results();
        self.prepare_frequencies();
        self.prepare_words();
        self.prepare_lookup();
        true
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
        self.panes = Panes::compute(width, height, self.show_contents, self.widths);
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
        self.prepare_readings(id);
        let readings = self.readings_of(id);
        let layout = self.cache.get(
            &self.issue,
            id,
            usize::from(self.panes.text.width),
            self.options,
            keywords_of(&self.keywords, id),
            readings.as_deref(),
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
        let id = self.reading.article;
        self.prepare_readings(id);
        let readings = self.readings_of(id);
        let layout = self.cache.get(
            &self.issue,
            id,
            usize::from(self.panes.text.width),
            self.options,
            keywords_of(&self.keywords, id),
            readings.as_deref(),
        );
        let height = self.text_height();
        self.reading.relayout(layout, height);
    }
}
