//! The one table of keys: it drives dispatch and the help overlay alike.
//! Keys here are kanbao's own type; the terminal layer translates into it.

use crate::action::Action;

mod binding;
mod key;
mod table;

pub(crate) use binding::bind;
pub use binding::{Binding, Mode};

pub use key::{Key, KeyCode};

pub use table::KEYMAP;
#[cfg(test)]
use table::{COLUMN, SCROLL_DOWN};

/// Quits in every mode, whatever the configuration says: there is always a
/// way out (the terminal's own Ctrl-c is off while the reader runs).
pub const QUIT_KEY: Key = Key::ctrl('c');

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

/// The name configuration uses for an action (see [`Action::name`]).
pub fn action_name(action: &Action) -> String {
    action.name().into_owned()
}

impl Keymap {
    /// The default keymap with `overrides` applied: each names an action
    /// and the keys that now trigger it, in the modes where it was bound.
    /// A key taken from another action in the same mode is unbound there.
    /// Unknown actions and keys are reported, with the line they are on.
    ///
    /// Ctrl-c always quits: it cannot be given to another action. A key the
    /// file gives to two actions in the same mode stays with the first, and
    /// an action left with no key at all is reported too.
    pub fn with_overrides(overrides: &[KeyOverride]) -> (Keymap, Vec<String>) {
        let mut keymap = Keymap::default();
        let mut problems = Vec::new();
        // Keys the file has given so far: (key, mode, action, line).
        let mut given: Vec<(Key, Mode, String, usize)> = Vec::new();
        // Keys an override took from another action: (action, key, line).
        let mut taken_from: Vec<(Action, Key, usize)> = Vec::new();
        for o in overrides {
            let Some(template) = KEYMAP.iter().find(|b| action_name(&b.action) == o.action) else {
                problems.push(format!(
                    "line {}: no action called {:?} (see --print-config for the names)",
                    o.line, o.action
                ));
                continue;
            };
            let action = template.action.clone();
            let modes: Vec<(Mode, &'static str)> = KEYMAP
                .iter()
                .filter(|b| b.action == action)
                .fold(Vec::new(), |mut acc, b| {
                    if !acc.iter().any(|(mode, _)| *mode == b.mode) {
                        acc.push((b.mode, b.description));
                    }
                    acc
                });
            let mut keys = Vec::new();
            for raw in &o.keys {
                let Some(key) = Key::parse(raw) else {
                    problems.push(format!(
                        "line {}: {raw:?} is not a key (a name like PgDn, Ctrl-d or Space, or one printable character)",
                        o.line
                    ));
                    continue;
                };
                if key == QUIT_KEY {
                    if action != Action::Quit {
                        problems.push(format!(
                            "line {}: Ctrl-c always quits and cannot be given to {}",
                            o.line, o.action
                        ));
                    }
                    continue;
                }
                let clash = given.iter().find(|(k, m, ..)| {
                    *k == key && modes.iter().any(|&(mode, _)| mode.overlaps(*m))
                });
                if let Some((_, _, other, line)) = clash {
                    problems.push(format!(
                        "line {}: {} is already given to {other} on line {line}; {} does not get it",
                        o.line,
                        key.label(),
                        o.action
                    ));
                    continue;
                }
                given.extend(
                    modes
                        .iter()
                        .map(|&(m, _)| (key, m, o.action.clone(), o.line)),
                );
                keys.push(key);
            }
            if keys.is_empty() && !o.keys.is_empty() {
                // Every key was refused: the action keeps the ones it had.
                continue;
            }
            // The new bindings take the old ones' place in the help.
            let at = keymap
                .bindings
                .iter()
                .position(|b| b.action == action)
                .unwrap_or(keymap.bindings.len());
            let taken = |b: &Binding| {
                (b.action == action && b.key != QUIT_KEY)
                    || (modes.iter().any(|(m, _)| m.overlaps(b.mode)) && keys.contains(&b.key))
            };
            taken_from.extend(
                keymap
                    .bindings
                    .iter()
                    .filter(|b| b.action != action && taken(b))
                    .map(|b| (b.action.clone(), b.key, o.line)),
            );
            let at = at - keymap.bindings[..at].iter().filter(|b| taken(b)).count();
            keymap.bindings.retain(|b| !taken(b));
            let new: Vec<Binding> = modes
                .iter()
                .flat_map(|&(mode, description)| {
                    keys.iter().map(move |&key| (key, mode, description))
                })
                .map(|(key, mode, description)| bind(key, mode, action.clone(), description))
                .collect();
            keymap.bindings.splice(at..at, new);
        }
        // An action the file did not name that lost every key to others.
        for (action, key, line) in &taken_from {
            let name = action_name(action);
            let unbound = !keymap.bindings.iter().any(|b| b.action == *action);
            let message = format!(
                "line {line}: {} was the last key of {name}, which now has none — give it one in [keys]",
                key.label()
            );
            if unbound
                && !overrides.iter().any(|o| o.action == name)
                && !problems.contains(&message)
            {
                problems.push(message);
            }
        }
        (keymap, problems)
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The key to name in a hint for `action` in `mode`: its first key in
    /// the mode, else everywhere, as the keymap in force binds it (a
    /// rebound key is named as rebound). `?` where nothing binds it.
    pub fn key_for(&self, action: &Action, mode: Mode) -> String {
        [mode, Mode::Global]
            .into_iter()
            .find_map(|m| {
                self.bindings
                    .iter()
                    .find(|b| b.mode == m && b.action == *action)
            })
            .map_or_else(|| "?".to_owned(), |b| b.key.label())
    }

    /// The action a key asks for in `mode`: the mode's own binding first,
    /// then a global one. In the help overlay, unbound keys close it,
    /// except the ones that quit.
    pub fn resolve(&self, key: Key, mode: Mode) -> Option<Action> {
        if key == QUIT_KEY {
            return Some(Action::Quit);
        }
        let find = |m: Mode| {
            self.bindings
                .iter()
                .find(|b| b.mode == m && b.key == key)
                .map(|b| b.action.clone())
        };
        // Suspending works in every mode, prompts and overlays included, as
        // in less and vim — unless a mode binds the key to something else.
        if find(Mode::Global) == Some(Action::Suspend) && find(mode).is_none() {
            return Some(Action::Suspend);
        }
        match mode {
            Mode::Help => find(Mode::Help).or_else(|| match find(Mode::Global) {
                Some(Action::Quit) => Some(Action::Quit),
                Some(_) | None => Some(Action::CloseHelp),
            }),
            Mode::Prompt | Mode::Naming | Mode::GoTo => find(mode).or(match key {
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
            Mode::Results | Mode::Frequencies | Mode::Lookup => {
                find(mode).or_else(|| match find(Mode::Global) {
                    Some(a @ (Action::Quit | Action::ToggleHelp | Action::StartPageSearch)) => {
                        Some(a)
                    }
                    _ => None,
                })
            }
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
const MODES: [Mode; 12] = [
    Mode::Reader,
    Mode::Contents,
    Mode::Global,
    Mode::Prompt,
    Mode::Results,
    Mode::Frequencies,
    Mode::Word,
    Mode::GoTo,
    Mode::Lookup,
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

/// The default keymap's help lines (docs/reader.md lists the same keys).
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
mod tests;
