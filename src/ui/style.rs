//! The styles of the view, in one place. Colours depend on the theme;
//! the mono theme (and `NO_COLOR`) uses only bold, dim, italic, underline
//! and reverse video.

use ratatui::style::{Color, Modifier, Style};

use crate::config::Theme;
use crate::config::colour::Colour;
use crate::layout::Role;

/// The accent colour (open article, focused pane, keywords), if any.
fn accent(t: Theme) -> Option<Color> {
    match t {
        Theme::Dark => Some(Color::Cyan),
        Theme::Light => Some(Color::Blue),
        Theme::Mono => None,
    }
}

fn with_fg(style: Style, color: Option<Color>) -> Style {
    match color {
        Some(c) => style.fg(c),
        None => style,
    }
}

pub fn role(t: Theme, role: Role) -> Style {
    match role {
        Role::Title => Style::new().add_modifier(Modifier::BOLD),
        Role::Subheading => Style::new().add_modifier(Modifier::BOLD),
        Role::LeadIn | Role::Subtitle | Role::Byline => Style::new().add_modifier(Modifier::DIM),
        Role::Keywords => with_fg(Style::new().add_modifier(Modifier::ITALIC), accent(t)),
        Role::Caption | Role::Credit => Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
        Role::Paragraph | Role::Blank => Style::new(),
        // Each syllable takes its tone's colour (see [`tone`]).
        Role::Ruby => Style::new(),
    }
}

pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn pane_title(t: Theme, focused: bool) -> Style {
    if focused {
        with_fg(Style::new().add_modifier(Modifier::BOLD), accent(t))
    } else {
        Style::new().add_modifier(Modifier::BOLD | Modifier::DIM)
    }
}

pub fn border() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

/// The article that is open in the reading pane.
pub fn open_article(t: Theme) -> Style {
    let style = Style::new().add_modifier(Modifier::BOLD);
    match accent(t) {
        Some(c) => style.fg(c),
        None => style.add_modifier(Modifier::UNDERLINED),
    }
}

/// The contents cursor when the contents pane has focus.
pub fn cursor() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn status_bar(t: Theme) -> Style {
    match t {
        Theme::Dark => Style::new().bg(Color::DarkGray).fg(Color::White),
        Theme::Light => Style::new().bg(Color::Gray).fg(Color::Black),
        Theme::Mono => Style::new().add_modifier(Modifier::REVERSED),
    }
}

pub fn message(t: Theme) -> Style {
    let bold = status_bar(t).add_modifier(Modifier::BOLD);
    match t {
        Theme::Dark => bold.fg(Color::Yellow),
        Theme::Light => bold.fg(Color::Blue),
        Theme::Mono => bold,
    }
}

pub fn notice() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

/// A search hit.
pub fn hit(t: Theme) -> Style {
    match t {
        Theme::Dark | Theme::Light => Style::new().bg(Color::Yellow).fg(Color::Black),
        Theme::Mono => Style::new().add_modifier(Modifier::UNDERLINED),
    }
}

/// The current search hit.
pub fn current_hit(t: Theme) -> Style {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    match t {
        Theme::Dark | Theme::Light => bold.bg(Color::LightRed).fg(Color::Black),
        Theme::Mono => bold.add_modifier(Modifier::REVERSED),
    }
}

/// The word under the word cursor.
pub fn word_cursor(t: Theme) -> Style {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    match t {
        Theme::Dark | Theme::Light => bold.bg(Color::Cyan).fg(Color::Black),
        Theme::Mono => bold.add_modifier(Modifier::REVERSED),
    }
}

/// Every other word, in the word view.
pub fn alternate_word() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

pub fn prompt() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// A syllable of the pinyin in its tone's colour; the neutral tone, and
/// every tone under the mono theme (`NO_COLOR`), as the text is — the
/// marks carry the tone.
pub fn tone(t: Theme, colours: &[Colour; 4], tone: u8) -> Style {
    let Some(colour) = colours.get(usize::from(tone).wrapping_sub(1)) else {
        return Style::new().add_modifier(Modifier::DIM);
    };
    if t == Theme::Mono {
        return Style::new();
    }
    Style::new().fg(match *colour {
        Colour::Named(i) => NAMED_COLOURS
            .get(usize::from(i))
            .copied()
            .unwrap_or(Color::Gray),
        Colour::Indexed(i) => Color::Indexed(i),
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
    })
}

/// The terminal's sixteen colours, in [`crate::config::colour::NAMED`]'s order.
const NAMED_COLOURS: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::colour::TONES;

    #[test]
    fn tones_are_coloured_except_in_mono() {
        assert_eq!(tone(Theme::Dark, &TONES, 1).fg, Some(Color::Red));
        assert_eq!(tone(Theme::Light, &TONES, 4).fg, Some(Color::Magenta));
        // NO_COLOR chooses the mono theme: the marks carry the tone.
        for t in 1..=5 {
            assert_eq!(tone(Theme::Mono, &TONES, t).fg, None);
        }
        assert_eq!(tone(Theme::Dark, &TONES, 5).fg, None, "the neutral tone");
    }
}
