//! Terminal events → actions: keys go through the keymap table, mouse and
//! resize events become their own actions.

use crossterm::event::{
    Event, KeyCode as CtKey, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

use crate::action::Action;
use crate::keymap::{Key, KeyCode, Keymap, Mode};

/// Lines one notch of the mouse wheel scrolls.
const WHEEL_LINES: i32 = 3;

pub fn key(event: KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let code = match event.code {
        CtKey::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        CtKey::Char(c) => KeyCode::Char(c),
        CtKey::Up => KeyCode::Up,
        CtKey::Down => KeyCode::Down,
        CtKey::Left => KeyCode::Left,
        CtKey::Right => KeyCode::Right,
        CtKey::PageUp => KeyCode::PageUp,
        CtKey::PageDown => KeyCode::PageDown,
        CtKey::Home => KeyCode::Home,
        CtKey::End => KeyCode::End,
        CtKey::Enter => KeyCode::Enter,
        CtKey::Esc => KeyCode::Esc,
        CtKey::Tab => KeyCode::Tab,
        CtKey::BackTab => KeyCode::BackTab,
        CtKey::Backspace => KeyCode::Backspace,
        _ => return None,
    };
    Some(Key { code, ctrl })
}

/// The action a terminal event asks for in `mode`, if any.
pub fn action(event: Event, keymap: &Keymap, mode: Mode) -> Option<Action> {
    match event {
        Event::Key(k) => keymap.resolve(key(k)?, mode),
        Event::Mouse(MouseEvent {
            kind, column, row, ..
        }) => match kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollAt {
                column,
                row,
                lines: WHEEL_LINES,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollAt {
                column,
                row,
                lines: -WHEEL_LINES,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt { column, row }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(text) if matches!(mode, Mode::Prompt | Mode::Naming) => {
            Some(Action::InsertText(text))
        }
        _ => None,
    }
}
