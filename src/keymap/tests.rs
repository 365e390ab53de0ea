//! The keymap's rules: resolution order, overrides, help grouping.

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
fn help_closes_on_q_and_any_other_key_but_ctrl_c_still_quits() {
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
        Some(Action::CloseHelp)
    );
    assert_eq!(
        Keymap::default().resolve(Key::ctrl('c'), Mode::Help),
        Some(Action::Quit)
    );
    assert_eq!(
        Keymap::default().resolve(Key::ch('j'), Mode::Help),
        Some(Action::ScrollDown)
    );
    assert_eq!(
        Keymap::default().resolve(Key::ch(' '), Mode::Help),
        Some(Action::PageDown)
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
            "line 6: \"Hyper-q\" is not a key (a name like PgDn, Ctrl-d or Space, or one printable character)"
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

#[test]
fn every_bound_action_has_its_own_name() {
    let mut seen: Vec<(String, Action)> = Vec::new();
    for b in KEYMAP {
        let name = action_name(&b.action);
        assert!(
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{name}"
        );
        if let Some((_, other)) = seen.iter().find(|(n, _)| *n == name) {
            assert_eq!(*other, b.action, "two actions called {name}");
        }
        seen.push((name, b.action.clone()));
    }
}

#[test]
fn ctrl_z_suspends_in_every_mode() {
    for mode in MODES.into_iter().filter(|&m| m != Mode::Global) {
        assert_eq!(
            Keymap::default().resolve(Key::ctrl('z'), mode),
            Some(Action::Suspend),
            "{mode:?}"
        );
    }
}
