//! The hints that name keys — in overlay titles, prompts and the status
//! bar — as the keymap in force binds them, worked out once when the
//! keymap is set (a rebound key is named as rebound; a frame only reads).

use crate::action::Action;
use crate::keymap::{Keymap, Mode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hints {
    /// The bookmark list's title: `Enter to go, d to delete, Esc to close`.
    pub bookmarks: String,
    /// The bookmark name prompt: `Enter to save · Esc to cancel`.
    pub naming: String,
    /// The go-to prompt: `Enter to go · Esc to cancel`.
    pub go_to: String,
    /// The help's title: `? or Esc to close`.
    pub help: String,
    /// The first-run hint: `? keys`.
    pub keys: String,
    /// Whole-word search in the prompt: `Ctrl-w`.
    pub whole_word: String,
    /// The results list: `Enter` reads, `c` shows the concordance.
    pub read_result: String,
    pub concordance: String,
    /// The word list: `Enter` searches, `a` switches article and input.
    pub search_word: String,
    pub word_scope: String,
    /// The lookup's title: `: for another · Esc to close`.
    pub lookup: String,
}

impl Hints {
    pub fn of(keymap: &Keymap) -> Hints {
        let key = |action: Action, mode: Mode| keymap.key_for(&action, mode);
        Hints {
            bookmarks: format!(
                "{} to go, {} to delete, {} to close",
                key(Action::OpenBookmark, Mode::Bookmarks),
                key(Action::DeleteBookmark, Mode::Bookmarks),
                key(Action::CloseBookmarks, Mode::Bookmarks),
            ),
            naming: format!(
                "{} to save · {} to cancel",
                key(Action::SaveBookmark, Mode::Naming),
                key(Action::CancelBookmark, Mode::Naming),
            ),
            go_to: format!(
                "{} to go · {} to cancel",
                key(Action::GoToArticle, Mode::GoTo),
                key(Action::CancelGoTo, Mode::GoTo),
            ),
            help: {
                let toggle = key(Action::ToggleHelp, Mode::Reader);
                let close = keymap
                    .bindings()
                    .iter()
                    .find(|b| {
                        b.mode == Mode::Help
                            && b.action == Action::CloseHelp
                            && b.key.label() != toggle
                    })
                    .map_or_else(String::new, |b| format!(" or {}", b.key.label()));
                format!("{toggle}{close} to close")
            },
            keys: format!("{} keys", key(Action::ToggleHelp, Mode::Reader)),
            whole_word: key(Action::ToggleWholeWord, Mode::Prompt),
            read_result: key(Action::OpenResult, Mode::Results),
            concordance: key(Action::ToggleConcordance, Mode::Results),
            search_word: key(Action::SearchFrequentWord, Mode::Frequencies),
            word_scope: key(Action::ToggleFrequencyScope, Mode::Frequencies),
            lookup: format!(
                "{} for another · {} to close",
                key(Action::StartGoTo, Mode::Lookup),
                key(Action::CloseLookup, Mode::Lookup),
            ),
        }
    }
}

impl Default for Hints {
    fn default() -> Hints {
        Hints::of(&Keymap::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_keys_are_named() {
        let h = Hints::default();
        assert_eq!(h.bookmarks, "Enter to go, d to delete, Esc to close");
        assert_eq!(h.naming, "Enter to save · Esc to cancel");
        assert_eq!(h.go_to, "Enter to go · Esc to cancel");
        assert_eq!(h.help, "? or Esc to close");
        assert_eq!(h.keys, "? keys");
        assert_eq!(h.whole_word, "Ctrl-w");
        assert_eq!(
            (h.read_result.as_str(), h.concordance.as_str()),
            ("Enter", "c")
        );
        assert_eq!(
            (h.search_word.as_str(), h.word_scope.as_str()),
            ("Enter", "a")
        );
    }

    #[test]
    fn a_rebound_key_is_named_as_rebound() {
        let (config, problems) = crate::config::Config::parse(
            "[keys]\ntoggle_concordance = \"C\"\nsearch_frequent_word = \"f\"\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let (keymap, problems) = Keymap::with_overrides(&config.keys);
        assert!(problems.is_empty(), "{problems:?}");
        let h = Hints::of(&keymap);
        assert_eq!((h.concordance.as_str(), h.search_word.as_str()), ("C", "f"));
    }
}
