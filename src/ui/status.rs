//! The status bar: where you are (column › article), how far through, how
//! long the article is, and transient messages.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style;
use crate::app::App;
use crate::page::{NO_COLUMN, UNTITLED};
use crate::text::width::{label_width, truncate};

/// Characters a minute a reader of Chinese gets through.
const READING_SPEED: usize = 400;

/// "12/80 15%": the top line shown, the number of lines, and how much of
/// the article has been on screen.
pub fn position(app: &App) -> String {
    let total = app.reading.layout.lines.len();
    if total == 0 {
        return String::new();
    }
    let top = app.reading.scroll + 1;
    let seen = (app.reading.scroll + app.text_height()).min(total);
    format!("{top}/{total} {}%", seen * 100 / total)
}

pub fn length(app: &App) -> String {
    let chars = app.article().map_or(0, |a| a.char_count());
    let minutes = chars.div_ceil(READING_SPEED).max(1);
    format!("{chars}字 · {minutes} min")
}

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let opts = app.options.display;
    let width = usize::from(area.width);
    let right = format!(" {} · {} ", position(app), length(app));
    let right = if label_width(&right, opts) * 2 > width {
        format!(" {} ", position(app))
    } else {
        right
    };
    let right_width = label_width(&right, opts);
    let room = width.saturating_sub(right_width);

    let (left, left_style) = match &app.message {
        Some(message) => (format!(" {message}"), style::message()),
        None => {
            let column = app
                .column()
                .and_then(|c| c.name.as_ref())
                .map_or(NO_COLUMN, |n| n.text.as_str());
            let title = app.article().map(|a| a.title_line()).unwrap_or_default();
            let title = if title.is_empty() {
                UNTITLED.to_owned()
            } else {
                title
            };
            let page = if app.issue.pages.len() > 1 {
                let source = app
                    .issue
                    .pages
                    .get(app.reading.article.page)
                    .map_or("", |p| p.source.as_str());
                format!("{source} › ")
            } else {
                String::new()
            };
            (format!(" {page}{column} › {title}"), style::status_bar())
        }
    };
    let left = truncate(&left, room, opts);
    let pad = room.saturating_sub(label_width(&left, opts));
    let line = Line::from(vec![
        Span::styled(left, left_style),
        Span::styled(" ".repeat(pad), style::status_bar()),
        Span::styled(truncate(&right, width, opts), style::status_bar()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
