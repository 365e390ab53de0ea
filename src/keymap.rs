//! The one table of keys: it drives dispatch and the help overlay alike.
//! Keys here are kanbao's own type; the terminal layer translates into it.

use crate::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// How the help overlay writes the key.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

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
    /// The bookmark list is open.
    Bookmarks,
    /// The page-wide search results are open.
    Results,
    /// The help overlay is open.
    Help,
}

impl Mode {
    pub fn title(self) -> &'static str {
        match self {
            Mode::Global => "Everywhere",
            Mode::Reader => "Reading pane",
            Mode::Contents => "Contents pane",
            Mode::Prompt => "Search prompt",
            Mode::Naming => "Bookmark name",
            Mode::Bookmarks => "Bookmarks",
            Mode::Results => "Search results",
            Mode::Help => "Help",
        }
    }
}

pub struct Binding {
    pub key: Key,
    pub mode: Mode,
    pub action: Action,
    pub description: &'static str,
}

const fn bind(key: Key, mode: Mode, action: Action, description: &'static str) -> Binding {
    Binding {
        key,
        mode,
        action,
        description,
    }
}

use KeyCode as K;
use Mode::{Bookmarks, Contents, Global, Help, Naming, Prompt, Reader, Results};

const SCROLL_DOWN: &str = "scroll down a line";
const SCROLL_UP: &str = "scroll up a line";
const PAGE_DOWN: &str = "scroll down a page";
const PAGE_UP: &str = "scroll up a page";
const TOP: &str = "go to the top";
const BOTTOM: &str = "go to the end";
const NEXT: &str = "move to the next article";
const PREV: &str = "move to the previous article";
const COLUMN: &str = "open the first article of column N";
const OPEN: &str = "open the article under the cursor";
const QUIT: &str = "quit";
const HELP: &str = "show or hide this help";
const SEARCH_ALL: &str = "search every article";

/// Every key binding, in the order the help overlay lists them.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    // Reading pane.
    bind(Key::ch('j'), Reader, Action::ScrollDown, SCROLL_DOWN),
    bind(Key::plain(K::Down), Reader, Action::ScrollDown, SCROLL_DOWN),
    bind(Key::ch('k'), Reader, Action::ScrollUp, SCROLL_UP),
    bind(Key::plain(K::Up), Reader, Action::ScrollUp, SCROLL_UP),
    bind(Key::ch(' '), Reader, Action::PageDown, PAGE_DOWN),
    bind(Key::plain(K::PageDown), Reader, Action::PageDown, PAGE_DOWN),
    bind(Key::ch('b'), Reader, Action::PageUp, PAGE_UP),
    bind(Key::plain(K::PageUp), Reader, Action::PageUp, PAGE_UP),
    bind(Key::ctrl('d'), Reader, Action::HalfPageDown, "scroll down half a page"),
    bind(Key::ctrl('u'), Reader, Action::HalfPageUp, "scroll up half a page"),
    bind(Key::ch('g'), Reader, Action::Top, TOP),
    bind(Key::plain(K::Home), Reader, Action::Top, TOP),
    bind(Key::ch('G'), Reader, Action::Bottom, BOTTOM),
    bind(Key::plain(K::End), Reader, Action::Bottom, BOTTOM),
    bind(Key::ch('/'), Reader, Action::StartSearch, "search the article"),
    bind(Key::plain(K::Esc), Reader, Action::ClearSearch, "clear the search highlights"),
    // Contents pane.
    bind(Key::ch('j'), Contents, Action::SelectNext, "move the cursor down"),
    bind(Key::plain(K::Down), Contents, Action::SelectNext, "move the cursor down"),
    bind(Key::ch('k'), Contents, Action::SelectPrev, "move the cursor up"),
    bind(Key::plain(K::Up), Contents, Action::SelectPrev, "move the cursor up"),
    bind(Key::ch('g'), Contents, Action::SelectFirst, "move the cursor to the first article"),
    bind(Key::plain(K::Home), Contents, Action::SelectFirst, "move the cursor to the first article"),
    bind(Key::ch('G'), Contents, Action::SelectLast, "move the cursor to the last article"),
    bind(Key::plain(K::End), Contents, Action::SelectLast, "move the cursor to the last article"),
    bind(Key::plain(K::Enter), Contents, Action::OpenSelected, OPEN),
    bind(Key::ch('l'), Contents, Action::OpenSelected, OPEN),
    bind(Key::plain(K::Right), Contents, Action::OpenSelected, OPEN),
    bind(Key::plain(K::Esc), Contents, Action::FocusReader, "back to the reading pane"),
    // Everywhere.
    bind(Key::ch(']'), Global, Action::NextArticle, NEXT),
    bind(Key::ch('['), Global, Action::PrevArticle, PREV),
    bind(Key::ch('n'), Global, Action::NextHit, "go to the next hit"),
    bind(Key::ch('N'), Global, Action::PrevHit, "go to the previous hit"),
    bind(Key::ch('s'), Global, Action::StartPageSearch, SEARCH_ALL),
    bind(Key::ctrl('f'), Global, Action::StartPageSearch, SEARCH_ALL),
    bind(Key::ch('}'), Global, Action::NextColumn, "move to the next column"),
    bind(Key::ch('{'), Global, Action::PrevColumn, "move to the previous column"),
    bind(Key::ch('1'), Global, Action::JumpToColumn(1), COLUMN),
    bind(Key::ch('2'), Global, Action::JumpToColumn(2), COLUMN),
    bind(Key::ch('3'), Global, Action::JumpToColumn(3), COLUMN),
    bind(Key::ch('4'), Global, Action::JumpToColumn(4), COLUMN),
    bind(Key::ch('5'), Global, Action::JumpToColumn(5), COLUMN),
    bind(Key::ch('6'), Global, Action::JumpToColumn(6), COLUMN),
    bind(Key::ch('7'), Global, Action::JumpToColumn(7), COLUMN),
    bind(Key::ch('8'), Global, Action::JumpToColumn(8), COLUMN),
    bind(Key::ch('9'), Global, Action::JumpToColumn(9), COLUMN),
    bind(Key::plain(K::Tab), Global, Action::SwitchFocus, "switch between contents and reading"),
    bind(Key::plain(K::BackTab), Global, Action::SwitchFocus, "switch between contents and reading"),
    bind(Key::ch('h'), Global, Action::FocusContents, "focus the contents"),
    bind(Key::plain(K::Left), Global, Action::FocusContents, "focus the contents"),
    bind(Key::ch('l'), Global, Action::FocusReader, "focus the reading pane"),
    bind(Key::plain(K::Right), Global, Action::FocusReader, "focus the reading pane"),
    bind(Key::ch('t'), Global, Action::ToggleContents, "show or hide the contents"),
    bind(Key::ch(','), Global, Action::TogglePunctuation, "full-width punctuation on or off"),
    bind(Key::ch('K'), Global, Action::ToggleKeywords, "keywords under the byline on or off"),
    bind(Key::ch('w'), Global, Action::ToggleWords, "word boundaries on or off (underlined)"),
    bind(Key::ch('y'), Global, Action::CopyArticle, "copy the article to the clipboard"),
    bind(Key::ch('m'), Global, Action::StartBookmark, "bookmark this place (type a name or just Enter)"),
    bind(Key::ch('\''), Global, Action::ShowBookmarks, "list the bookmarks of this input"),
    bind(Key::ch('?'), Global, Action::ToggleHelp, HELP),
    bind(Key::ch('q'), Global, Action::Quit, QUIT),
    bind(Key::ctrl('c'), Global, Action::Quit, QUIT),
    // Search prompt: other characters are typed into it.
    bind(Key::plain(K::Enter), Prompt, Action::SubmitSearch, "keep the search"),
    bind(Key::plain(K::Esc), Prompt, Action::CancelSearch, "cancel, back to where you were"),
    bind(Key::ctrl('c'), Prompt, Action::CancelSearch, "cancel, back to where you were"),
    bind(Key::plain(K::Backspace), Prompt, Action::DeleteChar, "delete a character"),
    bind(Key::ctrl('w'), Prompt, Action::ToggleWholeWord, "whole words only, on or off"),
    bind(Key::plain(K::Up), Prompt, Action::HistoryPrev, "previous query"),
    bind(Key::plain(K::Down), Prompt, Action::HistoryNext, "next query"),
    // Page-wide results.
    bind(Key::ch('j'), Results, Action::ResultNext, "next result"),
    bind(Key::plain(K::Down), Results, Action::ResultNext, "next result"),
    bind(Key::ch('k'), Results, Action::ResultPrev, "previous result"),
    bind(Key::plain(K::Up), Results, Action::ResultPrev, "previous result"),
    bind(Key::ch('g'), Results, Action::ResultFirst, "first result"),
    bind(Key::plain(K::Home), Results, Action::ResultFirst, "first result"),
    bind(Key::ch('G'), Results, Action::ResultLast, "last result"),
    bind(Key::plain(K::End), Results, Action::ResultLast, "last result"),
    bind(Key::plain(K::Enter), Results, Action::OpenResult, "read the article at this hit"),
    bind(Key::plain(K::Esc), Results, Action::CloseResults, "close the results"),
    bind(Key::ch('q'), Results, Action::CloseResults, "close the results"),
    // Bookmark name prompt: other characters are typed into it.
    bind(Key::plain(K::Enter), Naming, Action::SaveBookmark, "save the bookmark"),
    bind(Key::plain(K::Esc), Naming, Action::CancelBookmark, "cancel"),
    bind(Key::ctrl('c'), Naming, Action::CancelBookmark, "cancel"),
    bind(Key::plain(K::Backspace), Naming, Action::DeleteChar, "delete a character"),
    // Bookmark list.
    bind(Key::ch('j'), Bookmarks, Action::BookmarkNext, "next bookmark"),
    bind(Key::plain(K::Down), Bookmarks, Action::BookmarkNext, "next bookmark"),
    bind(Key::ch('k'), Bookmarks, Action::BookmarkPrev, "previous bookmark"),
    bind(Key::plain(K::Up), Bookmarks, Action::BookmarkPrev, "previous bookmark"),
    bind(Key::plain(K::Enter), Bookmarks, Action::OpenBookmark, "go to the bookmark"),
    bind(Key::ch('d'), Bookmarks, Action::DeleteBookmark, "delete the bookmark"),
    bind(Key::plain(K::Esc), Bookmarks, Action::CloseBookmarks, "close the list"),
    bind(Key::ch('q'), Bookmarks, Action::CloseBookmarks, "close the list"),
    bind(Key::ch('\''), Bookmarks, Action::CloseBookmarks, "close the list"),
    // Help overlay: anything else closes it.
    bind(Key::plain(K::Esc), Help, Action::CloseHelp, "close the help"),
    bind(Key::ch('j'), Help, Action::ScrollDown, SCROLL_DOWN),
    bind(Key::plain(K::Down), Help, Action::ScrollDown, SCROLL_DOWN),
    bind(Key::ch('k'), Help, Action::ScrollUp, SCROLL_UP),
    bind(Key::plain(K::Up), Help, Action::ScrollUp, SCROLL_UP),
];

/// The action a key asks for in `mode`: the mode's own binding first, then
/// a global one. In the help overlay, unbound keys close it, except the
/// ones that quit.
pub fn resolve(key: Key, mode: Mode) -> Option<Action> {
    let find = |m: Mode| {
        KEYMAP
            .iter()
            .find(|b| b.mode == m && b.key == key)
            .map(|b| b.action.clone())
    };
    match mode {
        Help => find(Help).or_else(|| match find(Global) {
            Some(Action::Quit) => Some(Action::Quit),
            Some(Action::ToggleHelp) | None | Some(_) => Some(Action::CloseHelp),
        }),
        Prompt | Naming => find(mode).or(match key {
            Key {
                code: KeyCode::Char(c),
                ctrl: false,
            } => Some(Action::InsertChar(c)),
            _ => None,
        }),
        Bookmarks => find(Bookmarks).or_else(|| match find(Global) {
            Some(a @ (Action::Quit | Action::ToggleHelp)) => Some(a),
            _ => None,
        }),
        Results => find(Results).or_else(|| match find(Global) {
            Some(a @ (Action::Quit | Action::ToggleHelp | Action::StartPageSearch)) => Some(a),
            _ => None,
        }),
        m => find(m).or_else(|| find(Global)),
    }
}

/// One line of the help overlay: the keys that share a description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    pub mode: Mode,
    pub keys: String,
    pub description: &'static str,
}

/// The help overlay's lines, grouped by mode, built from [`KEYMAP`].
pub fn help_entries() -> Vec<HelpEntry> {
    let mut out: Vec<(Mode, Vec<Key>, &'static str)> = Vec::new();
    for b in KEYMAP {
        match out
            .iter_mut()
            .find(|(m, _, d)| *m == b.mode && *d == b.description)
        {
            Some((_, keys, _)) => keys.push(b.key),
            None => out.push((b.mode, vec![b.key], b.description)),
        }
    }
    out.into_iter()
        .map(|(mode, keys, description)| HelpEntry {
            mode,
            keys: keys_label(&keys),
            description,
        })
        .collect()
}

/// Keys joined for display; a run of digits is written as a range (1–9).
fn keys_label(keys: &[Key]) -> String {
    let digits: Vec<char> = keys
        .iter()
        .filter_map(|k| match k.code {
            KeyCode::Char(c) if c.is_ascii_digit() && !k.ctrl => Some(c),
            _ => None,
        })
        .collect();
    if digits.len() == keys.len() && digits.len() > 2 {
        return format!("{}–{}", digits[0], digits[digits.len() - 1]);
    }
    keys.iter().map(Key::label).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_resolve_their_own_keys_first() {
        assert_eq!(
            resolve(Key::ch('j'), Mode::Reader),
            Some(Action::ScrollDown)
        );
        assert_eq!(
            resolve(Key::ch('j'), Mode::Contents),
            Some(Action::SelectNext)
        );
        assert_eq!(
            resolve(Key::ch('l'), Mode::Contents),
            Some(Action::OpenSelected)
        );
        assert_eq!(
            resolve(Key::ch('l'), Mode::Reader),
            Some(Action::FocusReader)
        );
        assert_eq!(
            resolve(Key::ch('}'), Mode::Contents),
            Some(Action::NextColumn)
        );
        assert_eq!(
            resolve(Key::ch('3'), Mode::Reader),
            Some(Action::JumpToColumn(3))
        );
        assert_eq!(resolve(Key::ctrl('c'), Mode::Reader), Some(Action::Quit));
        assert_eq!(resolve(Key::ch('x'), Mode::Reader), None);
    }

    #[test]
    fn the_prompt_takes_typed_characters() {
        assert_eq!(
            resolve(Key::ch('q'), Mode::Prompt),
            Some(Action::InsertChar('q'))
        );
        assert_eq!(
            resolve(Key::ch('党'), Mode::Prompt),
            Some(Action::InsertChar('党'))
        );
        assert_eq!(
            resolve(Key::ctrl('w'), Mode::Prompt),
            Some(Action::ToggleWholeWord)
        );
        assert_eq!(resolve(Key::ctrl('x'), Mode::Prompt), None);
        assert_eq!(
            resolve(Key::ch('q'), Mode::Results),
            Some(Action::CloseResults)
        );
        assert_eq!(resolve(Key::ch(']'), Mode::Results), None);
    }

    #[test]
    fn help_closes_on_any_other_key_but_quit_still_quits() {
        assert_eq!(resolve(Key::ch('x'), Mode::Help), Some(Action::CloseHelp));
        assert_eq!(resolve(Key::ch('?'), Mode::Help), Some(Action::CloseHelp));
        assert_eq!(resolve(Key::ch('q'), Mode::Help), Some(Action::Quit));
        assert_eq!(resolve(Key::ch('j'), Mode::Help), Some(Action::ScrollDown));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                assert!(
                    !(a.key == b.key && a.mode == b.mode),
                    "{:?} twice in {:?}",
                    a.key,
                    a.mode
                );
            }
        }
    }

    #[test]
    fn help_groups_keys_by_description() {
        let entries = help_entries();
        let down = entries
            .iter()
            .find(|e| e.mode == Mode::Reader && e.description == SCROLL_DOWN)
            .expect("scroll down is listed");
        assert_eq!(down.keys, "j ↓");
        assert!(
            entries
                .iter()
                .any(|e| e.keys == "1–9" && e.description == COLUMN)
        );
        assert!(entries.iter().any(|e| e.keys == "q Ctrl-c"));
    }
}
