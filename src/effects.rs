//! Carries out what `App::update` asks of the outside world, in one place:
//! the state file's bookmarks here, the terminal's part (clipboard,
//! suspend) through [`Screen`], which the terminal loop provides and tests
//! fake. Each effect that fails comes back as a message for the status bar.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

/// How long a status message stands when no key ends it first.
pub const MESSAGE_STANDS: std::time::Duration = std::time::Duration::from_secs(5);

use crate::action::Effect;
use crate::dict::Dictionary;
use crate::message::Msg;
use crate::page::LoadOptions;
use crate::state::{self, State};
use crate::text::Segmenter;
use crate::wordfreq;

/// What only the terminal can do.
pub trait Screen {
    /// Puts text on the clipboard (OSC 52).
    fn copy(&mut self, text: &str) -> Result<(), String>;
    /// Gives the terminal back, stops the process, and takes the terminal
    /// again when it continues.
    fn suspend(&mut self) -> Result<(), String>;
}

/// Where effects land outside the terminal.
#[derive(Debug, Default)]
pub struct Executor {
    /// The state file, or `None` when this session saves nothing (no state
    /// directory, or a file kanbao must not write over).
    pub state: Option<PathBuf>,
    /// Where background work reports (the reader's channel).
    pub messages: Option<Sender<Msg>>,
    /// How an archive's issues are read when they are opened.
    pub load: LoadOptions,
}

impl Executor {
    pub fn new(state: Option<PathBuf>) -> Executor {
        Executor {
            state,
            messages: None,
            load: LoadOptions::default(),
        }
    }

    /// An archive's issues are read with `load`, as the input was.
    pub fn loading_with(mut self, load: LoadOptions) -> Executor {
        self.load = load;
        self
    }

    /// Background work (the dictionary) reports on `messages`.
    pub fn reporting_to(mut self, messages: Sender<Msg>) -> Executor {
        self.messages = Some(messages);
        self
    }

    /// Carries out one effect; returns a problem to show, if any.
    pub fn run(&self, effect: Effect, screen: &mut impl Screen) -> Option<String> {
        match effect {
            Effect::Copy(text) => screen
                .copy(&text)
                .err()
                .map(|e| format!("could not copy: {e}")),
            Effect::Suspend => screen
                .suspend()
                .err()
                .map(|e| format!("could not suspend: {e}")),
            Effect::AddBookmark { key, bookmark } => self.change_state("bookmark", |s| {
                let marks = s.bookmarks.entry(key).or_default();
                if !marks.iter().any(|b| b.same_place(&bookmark)) {
                    marks.push(state::Bookmark {
                        created: state::now(),
                        ..bookmark
                    });
                }
            }),
            Effect::RemoveBookmark { key, bookmark } => self.change_state("bookmark", |s| {
                if let Some(marks) = s.bookmarks.get_mut(&key) {
                    marks.retain(|b| !b.same_place(&bookmark));
                }
            }),
            Effect::SaveWord(word) => {
                let mut dropped = Vec::new();
                let problem = self.change_state("word", |s| {
                    let same =
                        |w: &state::SavedWord| w.word == word.word && w.sentence == word.sentence;
                    if !s.words.iter().any(same) {
                        s.words.push(state::SavedWord {
                            saved: state::now(),
                            ..word
                        });
                        let over = s.words.len().saturating_sub(state::WORDS_LEN);
                        dropped = s.words.drain(..over).map(|w| w.word).collect();
                    }
                });
                // The list is full: say which word made room, never drop
                // one silently.
                problem.or_else(|| {
                    (!dropped.is_empty()).then(|| {
                        format!(
                            "word saved; the list keeps {} words, so the oldest, {}, was dropped (kanbao --words exports the list)",
                            state::WORDS_LEN,
                            dropped.join("、")
                        )
                    })
                })
            }
            Effect::LoadDictionary => {
                let messages = self.messages.clone();
                std::thread::spawn(move || {
                    let msg = match Dictionary::get() {
                        Ok(_) => Msg::DictionaryLoaded,
                        Err(e) => Msg::Notice(e.to_string()),
                    };
                    if let Some(messages) = messages {
                        // The reader may have quit meanwhile.
                        let _ = messages.send(msg);
                    }
                });
                None
            }
            Effect::CountWords {
                issue,
                articles,
                top,
                generation,
            } => {
                let messages = self.messages.clone();
                std::thread::spawn(move || {
                    let seg = Segmenter::lazy();
                    let counts = wordfreq::top_words(&issue, articles.as_deref(), seg, Some(top));
                    if let Some(messages) = messages {
                        let _ = messages.send(Msg::WordCounts { generation, counts });
                    }
                });
                None
            }
            Effect::ExpireMessage { serial } => {
                if let Some(messages) = self.messages.clone() {
                    std::thread::spawn(move || {
                        std::thread::sleep(MESSAGE_STANDS);
                        // The reader may have quit meanwhile.
                        let _ = messages.send(Msg::MessageExpired(serial));
                    });
                }
                None
            }
            Effect::OpenIssue { files, generation } => {
                if let Some(messages) = self.messages.clone() {
                    crate::loader::open_issue(files, self.load, generation, messages);
                }
                None
            }
        }
    }

    /// Changes the state file; `what` names what was being saved, for
    /// the message if that failed.
    fn change_state(&self, what: &str, change: impl FnOnce(&mut State)) -> Option<String> {
        let Some(path) = self.state.as_deref() else {
            return Some(format!(
                "{what} kept for this session only: there is no state file to save it in (see the warning at start)"
            ));
        };
        State::change(path, change)
            .err()
            .map(|e| format!("{what} not saved: {e}"))
    }
}
