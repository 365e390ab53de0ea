//! The whole screen, drawn from an `&App`: the panes, then the overlays
//! above them.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::popup::{clear_popup, rect};
use super::{
    contents, definition, frequencies, help, lookup, marks, reader, results, status, style,
};
use crate::app::App;

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
    if app.results().is_none() && app.frequencies().is_none() && app.lookup().is_none() {
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
    if let Some(view) = app.lookup() {
        lookup::draw(frame, app, view);
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
