//! A binding — a key, in a mode, asks for an action — and the modes that
//! keys are bound in.

use super::key::Key;
use crate::action::Action;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Everywhere, unless the current mode binds the same key.
    Global,
    /// The reading pane has focus.
    Reader,
    /// The contents pane has focus.
    Contents,
    /// The search prompt is open.
    Prompt,
    /// A new bookmark's name is being typed.
    Naming,
    /// An article's number is being typed, to go to it (or a word to
    /// look up).
    GoTo,
    /// The dictionary's answer to a lookup is shown.
    Lookup,
    /// The word cursor is on (`v`).
    Word,
    /// The bookmark list is open.
    Bookmarks,
    /// The page-wide search results are open.
    Results,
    /// The list of the most frequent words is open.
    Frequencies,
    /// The help overlay is open.
    Help,
}

impl Mode {
    /// Do bindings in the two modes compete for a key? A global binding
    /// competes with every mode's own, except where keys type text.
    pub fn overlaps(self, other: Mode) -> bool {
        let types = |m: Mode| matches!(m, Mode::Prompt | Mode::Naming | Mode::GoTo);
        self == other
            || (self == Mode::Global && !types(other))
            || (other == Mode::Global && !types(self))
    }

    pub fn title(self) -> &'static str {
        match self {
            Mode::Global => "Everywhere",
            Mode::Reader => "Reading pane",
            Mode::Contents => "Contents pane",
            Mode::Prompt => "Search prompt",
            Mode::Naming => "Bookmark name",
            Mode::GoTo => "Go to article, or look up a word",
            Mode::Lookup => "Dictionary lookup",
            Mode::Word => "Word cursor",
            Mode::Bookmarks => "Bookmarks",
            Mode::Results => "Search results",
            Mode::Frequencies => "Word frequencies",
            Mode::Help => "Help",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub key: Key,
    pub mode: Mode,
    pub action: Action,
    pub description: &'static str,
}

pub(crate) const fn bind(
    key: Key,
    mode: Mode,
    action: Action,
    description: &'static str,
) -> Binding {
    Binding {
        key,
        mode,
        action,
        description,
    }
}
