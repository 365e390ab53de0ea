//! The terminal view: draws an `&App` with ratatui, and the loop that
//! feeds terminal events to `App::update`. The only place ratatui and
//! crossterm are used.

mod contents;
mod definition;
mod event;
mod frequencies;
mod help;
mod marks;
mod reader;
mod results;
mod status;
mod style;
mod terminal;

pub use terminal::run;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::app::{App, Area};

pub(crate) fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

/// Clears `popup` for an overlay. A wide character whose right half lies
/// under the popup's left edge would leave half a glyph on screen, or eat
/// the popup's border: it becomes a space. Nothing else around the popup
/// changes (a pane's border beside it stays where it was).
pub(crate) fn clear_popup(frame: &mut Frame<'_>, popup: Rect) {
    frame.render_widget(Clear, popup);
    let Some(left) = popup.x.checked_sub(1) else {
        return;
    };
    let buffer = frame.buffer_mut();
    for y in popup.y..popup.bottom() {
        if let Some(cell) = buffer.cell_mut((left, y))
            && unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// Clears `area` and draws a bordered popup over it titled `title` —
/// text the user may have typed, so shown as every text is and cut at a
/// cell boundary to fit the border. Returns the area inside.
pub(crate) fn popup(frame: &mut Frame<'_>, app: &App, area: Rect, title: &str) -> Rect {
    clear_popup(frame, area);
    let title = crate::text::width::truncate(
        title,
        usize::from(area.width).saturating_sub(2),
        app.options.display,
    );
    let block = ratatui::widgets::Block::new()
        .borders(ratatui::widgets::Borders::ALL)
        .border_style(style::border())
        .title(Line::styled(title, style::heading()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Draws the whole screen. Reads the app, never changes it.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    if app.panes.too_small {
        let notice = if area.width >= 12 {
            "Terminal too small"
        } else {
            "…"
        };
        let text =
            crate::text::width::truncate(notice, usize::from(area.width), app.options.display);
        frame.render_widget(
            Paragraph::new(Line::from(text)).style(style::notice()),
            area,
        );
        return;
    }
    // The results and the word list cover the reading pane: it is not
    // drawn beneath them.
    if app.results().is_none() && app.frequencies().is_none() {
        reader::draw(frame, app);
    }
    if let Some(contents) = app.panes.contents {
        if app.panes.overlay {
            clear_popup(frame, rect(contents));
        }
        contents::draw(frame, app, rect(contents));
    }
    if let Some(results) = app.results() {
        results::draw(frame, app, results);
    }
    if let Some(f) = app.frequencies() {
        frequencies::draw(frame, app, f);
    }
    if let Some(cursor) = app.bookmark_cursor() {
        marks::draw(frame, app, cursor);
    }
    definition::draw(frame, app);
    status::draw(frame, app, rect(app.panes.status));
    if let Some(scroll) = app.help_scroll() {
        help::draw(frame, app, scroll, area);
    }
}
