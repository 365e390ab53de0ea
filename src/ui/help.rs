//! The help overlay, generated from the keymap table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::style;
use crate::config::Theme;
use crate::keymap::{Keymap, Mode};

pub fn draw(frame: &mut Frame<'_>, keymap: &Keymap, theme: Theme, offset: usize, area: Rect) {
    let entries = keymap.help_entries();
    let key_width = entries
        .iter()
        .map(|e| e.keys.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for mode in [Mode::Reader, Mode::Contents, Mode::Global, Mode::Help] {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(mode.title(), style::heading()));
        for e in entries.iter().filter(|e| e.mode == mode) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<key_width$}  ", e.keys),
                    style::open_article(theme),
                ),
                Span::raw(e.description),
            ]));
        }
    }
    let content_width = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    let width = (content_width + 4).min(area.width.saturating_sub(2)).max(1);
    let height = (lines.len() as u16 + 2)
        .min(area.height.saturating_sub(2))
        .max(1);
    let popup = Rect::new(
        area.x + (area.width.saturating_sub(width)) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    let offset = offset.min(
        lines
            .len()
            .saturating_sub(usize::from(height.saturating_sub(2))),
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(style::border())
        .title(" Keys — ? or Esc to close ")
        .title_style(style::heading());
    frame.render_widget(Clear, super::widen(popup, area));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((offset as u16, 0)),
        popup,
    );
}
