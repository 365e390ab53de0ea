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

    /// Reads a key as the help overlay writes it (`J`, `Ctrl-d`, `Space`,
    /// `PgDn`, `↓` or `Down`, …).
    pub fn parse(text: &str) -> Option<Key> {
        let (ctrl, name) = match text
            .strip_prefix("Ctrl-")
            .or_else(|| text.strip_prefix("C-"))
        {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut chars = name.chars();
        let code = match (chars.next(), chars.next()) {
            (Some('↑'), None) => KeyCode::Up,
            (Some('↓'), None) => KeyCode::Down,
            (Some('←'), None) => KeyCode::Left,
            (Some('→'), None) => KeyCode::Right,
            (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match name.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "shift-tab" | "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                _ => return None,
            },
        };
        Some(Key { code, ctrl })
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

mod table;

pub use table::KEYMAP;
#[cfg(test)]
use table::{COLUMN, SCROLL_DOWN};

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

/// The bindings in force: the default table, with the user's overrides.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: KEYMAP.to_vec(),
        }
    }
}

/// The name configuration uses for an action: its variant name in
/// snake_case (`NextArticle` → `next_article`, `JumpToColumn(3)` →
/// `jump_to_column_3`). The enum is the single list of names.
pub fn action_name(action: &Action) -> String {
    let debug = format!("{action:?}");
    let mut name = String::new();
    for (i, c) in debug.chars().enumerate() {
        match c {
            'A'..='Z' => {
                if i > 0 {
                    name.push('_');
                }
                name.push(c.to_ascii_lowercase());
            }
            '(' => name.push('_'),
            ')' => {}
            c => name.push(c),
        }
    }
    name
}

impl Keymap {
    /// The default keymap with `overrides` applied: each names an action
    /// and the keys that now trigger it, in the modes where it was bound.
    /// A key taken from another action in the same mode is unbound there.
    /// Unknown actions and keys are reported, with the line they are on.
    pub fn with_overrides(overrides: &[KeyOverride]) -> (Keymap, Vec<String>) {
        let mut keymap = Keymap::default();
        let mut problems = Vec::new();
        for o in overrides {
            let Some(template) = KEYMAP.iter().find(|b| action_name(&b.action) == o.action) else {
                problems.push(format!(
                    "line {}: no action called {:?} (see --print-config for the names)",
                    o.line, o.action
                ));
                continue;
            };
            let mut keys = Vec::new();
            for raw in &o.keys {
                match Key::parse(raw) {
                    Some(key) => keys.push(key),
                    None => problems.push(format!("line {}: {raw:?} is not a key", o.line)),
                }
            }
            if keys.is_empty() {
                continue;
            }
            let modes: Vec<(Mode, &'static str)> = KEYMAP
                .iter()
                .filter(|b| b.action == template.action)
                .map(|b| (b.mode, b.description))
                .fold(Vec::new(), |mut acc, m| {
                    if !acc.iter().any(|(mode, _)| *mode == m.0) {
                        acc.push(m);
                    }
                    acc
                });
            let action = template.action.clone();
            // The new bindings take the old ones' place in the help.
            let at = keymap
                .bindings
                .iter()
                .position(|b| b.action == action)
                .unwrap_or(keymap.bindings.len());
            let taken = |b: &Binding| {
                b.action == action
                    || (modes.iter().any(|(m, _)| *m == b.mode) && keys.contains(&b.key))
            };
            let at = at - keymap.bindings[..at].iter().filter(|b| taken(b)).count();
            keymap.bindings.retain(|b| !taken(b));
            let new = modes.iter().flat_map(|&(mode, description)| {
                keys.iter().map(move |&key| (key, mode, description))
            });
            let new: Vec<Binding> = new
                .map(|(key, mode, description)| bind(key, mode, action.clone(), description))
                .collect();
            keymap.bindings.splice(at..at, new);
        }
        (keymap, problems)
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action a key asks for in `mode`: the mode's own binding first,
    /// then a global one. In the help overlay, unbound keys close it,
    /// except the ones that quit.
    pub fn resolve(&self, key: Key, mode: Mode) -> Option<Action> {
        let find = |m: Mode| {
            self.bindings
                .iter()
                .find(|b| b.mode == m && b.key == key)
                .map(|b| b.action.clone())
        };
        match mode {
            Mode::Help => find(Mode::Help).or_else(|| match find(Mode::Global) {
                Some(Action::Quit) => Some(Action::Quit),
                Some(_) | None => Some(Action::CloseHelp),
            }),
            Mode::Prompt | Mode::Naming => find(mode).or(match key {
                Key {
                    code: KeyCode::Char(c),
                    ctrl: false,
                } => Some(Action::InsertChar(c)),
                _ => None,
            }),
            Mode::Bookmarks => find(mode).or_else(|| match find(Mode::Global) {
                Some(a @ (Action::Quit | Action::ToggleHelp)) => Some(a),
                _ => None,
            }),
            Mode::Results => find(mode).or_else(|| match find(Mode::Global) {
                Some(a @ (Action::Quit | Action::ToggleHelp | Action::StartPageSearch)) => Some(a),
                _ => None,
            }),
            m => find(m).or_else(|| find(Mode::Global)),
        }
    }

    /// The help overlay's lines, grouped by mode, in table order.
    pub fn help_entries(&self) -> Vec<HelpEntry> {
        let mut out: Vec<(Mode, Vec<Key>, &'static str)> = Vec::new();
        for b in &self.bindings {
            match out
                .iter_mut()
                .find(|(m, _, d)| *m == b.mode && *d == b.description)
            {
                Some((_, keys, _)) => keys.push(b.key),
                None => out.push((b.mode, vec![b.key], b.description)),
            }
        }
        out.sort_by_key(|(mode, ..)| MODES.iter().position(|m| m == mode));
        out.into_iter()
            .map(|(mode, keys, description)| HelpEntry {
                mode,
                keys: keys_label(&keys),
                description,
            })
            .collect()
    }
}

/// The order of the help overlay's sections.
const MODES: [Mode; 8] = [
    Mode::Reader,
    Mode::Contents,
    Mode::Global,
    Mode::Prompt,
    Mode::Results,
    Mode::Naming,
    Mode::Bookmarks,
    Mode::Help,
];

/// A line of the `[keys]` table of the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    pub action: String,
    pub keys: Vec<String>,
    /// Where it is in the configuration file, for messages.
    pub line: usize,
}

/// One line of the help overlay: the keys that share a description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    pub mode: Mode,
    pub keys: String,
    pub description: &'static str,
}

/// The default keymap's help lines (the README lists the same keys).
pub fn help_entries() -> Vec<HelpEntry> {
    Keymap::default().help_entries()
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
            Keymap::default().resolve(Key::ch('j'), Mode::Reader),
            Some(Action::ScrollDown)
        );
        assert_eq!(
            Keymap::default().resolve(Key::ch('j'), Mode::Contents),
            Some(Action::SelectNext)
        );
        assert_eq!(
            Keymap::default().resolve(Key::ch('l'), Mode::Contents),
            Some(Action::OpenSelected)
        );
        assert_eq!(
            Keymap::default().resolve(Key::ch('l'), Mode::Reader),
            Some(Action::FocusReader)
        );
        assert_eq!(
            Keymap::default().resolve(Key::ch('}'), Mode::Contents),
            Some(Action::NextColumn)
        );
        assert_eq!(
            Keymap::default().resolve(Key::ch('3'), Mode::Reader),
            Some(Action::JumpToColumn(3))
        );
        assert_eq!(
            Keymap::default().resolve(Key::ctrl('c'), Mode::Reader),
            Some(Action::Quit)
        );
        assert_eq!(Keymap::default().resolve(Key::ch('x'), Mode::Reader), None);
    }

    #[test]
    fn the_prompt_takes_typed_characters() {
        assert_eq!(
            Keymap::default().resolve(Key::ch('q'), Mode::Prompt),
            Some(Action::InsertChar('q'))
        );
        assert_eq!(
            Keymap::default().resolve(Key::ch('党'), Mode::Prompt),
            Some(Action::InsertChar('党'))
        );
        assert_eq!(
            Keymap::default().resolve(Key::ctrl('w'), Mode::Prompt),
            Some(Action::ToggleWholeWord)
        );
        assert_eq!(
            Keymap::default().resolve(Key::ctrl('x'), Mode::Prompt),
            None
        );
        assert_eq!(
            Keymap::default().resolve(Key::ch('q'), Mode::Results),
            Some(Action::CloseResults)
        );
        assert_eq!(Keymap::default().resolve(Key::ch(']'), Mode::Results), None);
    }

    #[test]
    fn help_closes_on_any_other_key_but_quit_still_quits() {
        assert_eq!(
            Keymap::default().resolve(Key::ch('x'), Mode::Help),
            Some(Action::CloseHelp)
        );
        assert_eq!(
            Keymap::default().resolve(Key::ch('?'), Mode::Help),
            Some(Action::CloseHelp)
        );
        assert_eq!(
            Keymap::default().resolve(Key::ch('q'), Mode::Help),
            Some(Action::Quit)
        );
        assert_eq!(
            Keymap::default().resolve(Key::ch('j'), Mode::Help),
            Some(Action::ScrollDown)
        );
    }

    #[test]
    fn keys_read_back_from_their_labels() {
        for b in KEYMAP {
            assert_eq!(Key::parse(&b.key.label()), Some(b.key), "{}", b.key.label());
        }
        assert_eq!(Key::parse("Down"), Some(Key::plain(KeyCode::Down)));
        assert_eq!(Key::parse("C-x"), Some(Key::ctrl('x')));
        assert_eq!(Key::parse("Hyper-x"), None);
        assert_eq!(Key::parse(""), None);
    }

    #[test]
    fn overrides_rebind_an_action_in_its_modes() {
        let o = |action: &str, keys: &[&str], line| KeyOverride {
            action: action.to_owned(),
            keys: keys.iter().map(|k| (*k).to_owned()).collect(),
            line,
        };
        let (keymap, problems) = Keymap::with_overrides(&[
            o("next_article", &["J", "Ctrl-n"], 3),
            o("scroll_down", &["x"], 4),
            o("fly", &["f"], 5),
            o("quit", &["Hyper-q"], 6),
        ]);
        let r = |k, m| keymap.resolve(k, m);
        assert_eq!(r(Key::ch('J'), Mode::Reader), Some(Action::NextArticle));
        assert_eq!(r(Key::ctrl('n'), Mode::Contents), Some(Action::NextArticle));
        assert_eq!(r(Key::ch(']'), Mode::Reader), None, "the old key is free");
        // scroll_down is bound in the reader and the help overlay.
        assert_eq!(r(Key::ch('x'), Mode::Reader), Some(Action::ScrollDown));
        assert_eq!(r(Key::ch('x'), Mode::Help), Some(Action::ScrollDown));
        assert_eq!(r(Key::ch('j'), Mode::Reader), None);
        assert_eq!(
            r(Key::ch('q'), Mode::Reader),
            Some(Action::Quit),
            "a bad key changes nothing"
        );
        assert_eq!(
            problems,
            [
                "line 5: no action called \"fly\" (see --print-config for the names)",
                "line 6: \"Hyper-q\" is not a key"
            ]
        );
        let help = keymap.help_entries();
        assert!(
            help.iter()
                .any(|e| e.keys == "J Ctrl-n" && e.mode == Mode::Global)
        );
    }

    #[test]
    fn action_names_are_snake_case() {
        assert_eq!(action_name(&Action::NextArticle), "next_article");
        assert_eq!(action_name(&Action::JumpToColumn(3)), "jump_to_column_3");
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
