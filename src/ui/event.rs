//! Terminal events → messages: keys become kanbao's own [`Key`]s (the
//! keymap resolves them inside `update`, where the mode is known), mouse,
//! resize and paste events their own messages. Key releases, mouse moves
//! and focus changes are dropped here: they change nothing on screen.

use crossterm::event::{
    Event, KeyCode as CtKey, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

use crate::keymap::{Key, KeyCode};
use crate::message::Msg;

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

/// The message a terminal event makes, if any.
pub fn message(event: Event) -> Option<Msg> {
    match event {
        Event::Key(k) => key(k).map(Msg::Key),
        Event::Mouse(MouseEvent {
            kind, column, row, ..
        }) => match kind {
            MouseEventKind::ScrollDown => Some(Msg::ScrollAt {
                column,
                row,
                lines: WHEEL_LINES,
            }),
            MouseEventKind::ScrollUp => Some(Msg::ScrollAt {
                column,
                row,
                lines: -WHEEL_LINES,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::ClickAt { column, row }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Msg::Resize { width, height }),
        Event::Paste(text) => Some(Msg::Paste(text)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventState, MouseEvent};

    fn press(code: CtKey, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn keys_become_kanbao_keys() {
        assert_eq!(
            message(press(CtKey::Char('J'), KeyModifiers::SHIFT)),
            Some(Msg::Key(Key::ch('J')))
        );
        // Ctrl with a letter: the letter, lower case, with ctrl.
        assert_eq!(
            message(press(CtKey::Char('D'), KeyModifiers::CONTROL)),
            Some(Msg::Key(Key::ctrl('d')))
        );
        assert_eq!(
            message(press(CtKey::PageDown, KeyModifiers::NONE)),
            Some(Msg::Key(Key::plain(KeyCode::PageDown)))
        );
        assert_eq!(message(press(CtKey::F(5), KeyModifiers::NONE)), None);
    }

    #[test]
    fn releases_and_moves_are_dropped() {
        let release = Event::Key(KeyEvent {
            code: CtKey::Char('j'),
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        });
        assert_eq!(message(release), None);
        let moved = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Moved,
            column: 3,
            row: 4,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(message(moved), None);
        assert_eq!(message(Event::FocusGained), None);
    }

    #[test]
    fn wheel_click_resize_and_paste() {
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollUp,
            column: 1,
            row: 2,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(
            message(wheel),
            Some(Msg::ScrollAt {
                column: 1,
                row: 2,
                lines: -WHEEL_LINES
            })
        );
        assert_eq!(
            message(Event::Resize(80, 24)),
            Some(Msg::Resize {
                width: 80,
                height: 24
            })
        );
        assert_eq!(
            message(Event::Paste("党支部".into())),
            Some(Msg::Paste("党支部".into()))
        );
    }
}
