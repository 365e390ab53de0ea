//! The styles of the view, in one place.

use ratatui::style::{Color, Modifier, Style};

use crate::layout::Role;

pub fn role(role: Role) -> Style {
    match role {
        Role::Title => Style::new().add_modifier(Modifier::BOLD),
        Role::Subheading => Style::new().add_modifier(Modifier::BOLD),
        Role::Byline => Style::new().add_modifier(Modifier::DIM),
        Role::Keywords => Style::new().fg(Color::Cyan).add_modifier(Modifier::ITALIC),
        Role::Credit => Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
        Role::Paragraph | Role::Blank => Style::new(),
    }
}

pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn pane_title(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::BOLD | Modifier::DIM)
    }
}

pub fn border() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

/// The article that is open in the reading pane.
pub fn open_article() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

/// The contents cursor when the contents pane has focus.
pub fn cursor() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn status_bar() -> Style {
    Style::new().bg(Color::DarkGray).fg(Color::White)
}

pub fn message() -> Style {
    Style::new()
        .bg(Color::DarkGray)
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

pub fn notice() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

/// A search hit.
pub fn hit() -> Style {
    Style::new().bg(Color::Yellow).fg(Color::Black)
}

/// The current search hit.
pub fn current_hit() -> Style {
    Style::new()
        .bg(Color::LightRed)
        .fg(Color::Black)
        .add_modifier(Modifier::BOLD)
}

/// Every other word, in the word view.
pub fn alternate_word() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

pub fn prompt() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}
