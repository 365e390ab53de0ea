//! The terminal view: draws an `&App` with ratatui, and the loop that
//! feeds terminal events to `App::update`. The only place ratatui and
//! crossterm are used.

mod contents;
mod event;
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

/// `popup` with a blank column on each side (within `screen`): a wide
/// character half under a popup's edge would otherwise leave half a glyph
/// on screen, or eat the popup's border.
pub(crate) fn widen(popup: Rect, screen: Rect) -> Rect {
    let x = popup.x.saturating_sub(1).max(screen.x);
    let right = (popup.x + popup.width + 1).min(screen.x + screen.width);
    Rect::new(x, popup.y, right - x, popup.height)
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
    // The results list covers the reading pane: it is not drawn beneath.
    if app.results().is_none() {
        reader::draw(frame, app);
    }
    if let Some(contents) = app.panes.contents {
        if app.panes.overlay {
            frame.render_widget(Clear, widen(rect(contents), area));
        }
        contents::draw(frame, app, rect(contents));
    }
    if let Some(results) = app.results() {
        results::draw(frame, app, results);
    }
    if let Some(cursor) = app.bookmark_cursor() {
        marks::draw(frame, app, cursor);
    }
    status::draw(frame, app, rect(app.panes.status));
    if let Some(scroll) = app.help_scroll() {
        help::draw(frame, app, scroll, area);
    }
}
