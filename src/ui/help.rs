//! The help overlay, generated from the keymap table: a section per mode,
//! scrolled by `update`, with a mark where more lies above or below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::style;
use crate::app::App;
use crate::text::width::{label_width, truncate};

pub fn draw(frame: &mut Frame<'_>, app: &App, scroll: usize, area: Rect) {
    let entries = app.help();
    let opts = app.options.display;
    let key_width = entries
        .iter()
        .map(|e| label_width(&e.keys, opts))
        .max()
        .unwrap_or(0);
    let desc_width = entries
        .iter()
        .map(|e| label_width(e.description, opts))
        .max()
        .unwrap_or(0);
    // Two cells of margin, the keys, two cells, the description; the
    // border and a cell of padding on each side.
    let width = (key_width + desc_width + 4 + 4) as u16;
    let width = width.min(area.width.saturating_sub(2)).max(1);
    let rows = app.help_rows();
    let height = (rows as u16 + 2).min(area.height).max(1);
    let popup = Rect::new(
        area.x + (area.width.saturating_sub(width)) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    // Inside the border and its padding.
    let inner = usize::from(width.saturating_sub(4));
    let key_room = key_width.min(inner / 2);
    let mut lines: Vec<Line<'_>> = Vec::with_capacity(app.help_lines());
    let mut mode = None;
    for e in entries {
        if mode != Some(e.mode) {
            if mode.is_some() {
                lines.push(Line::default());
            }
            mode = Some(e.mode);
            lines.push(Line::styled(
                truncate(e.mode.title(), inner, opts),
                style::heading(),
            ));
        }
        let keys = truncate(&e.keys, key_room, opts);
        let pad = key_room.saturating_sub(label_width(&keys, opts));
        let room = inner.saturating_sub(key_room + 4);
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {keys}{}  ", " ".repeat(pad)),
                style::open_article(app.theme),
            ),
            Span::raw(truncate(e.description, room, opts)),
        ]));
    }
    let visible: Vec<Line<'_>> = lines.into_iter().skip(scroll).take(rows).collect();
    let more_above = scroll > 0;
    let more_below = scroll + rows < app.help_lines();
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(style::border())
        .title(truncate(
            &format!(" Keys — {} ", app.hints().help),
            inner + 2,
            opts,
        ))
        .title_style(style::heading());
    let mark = match (more_above, more_below) {
        (true, true) => Some(" ↑↓ more "),
        (false, true) => Some(" ↓ more — Space "),
        (true, false) => Some(" ↑ more "),
        (false, false) => None,
    };
    if let Some(mark) = mark {
        block = block.title_bottom(Line::from(truncate(mark, inner + 2, opts)).right_aligned());
    }
    super::popup::clear_popup(frame, popup);
    frame.render_widget(
        Paragraph::new(visible).block(block.padding(ratatui::widgets::Padding::horizontal(1))),
        popup,
    );
}
