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
    }
}
