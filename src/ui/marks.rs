//! The bookmark list: this input's bookmarks in reading order, over the
//! reading pane.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::popup::{clear_popup, rect};
use super::style;
use crate::app::App;
use crate::text::width::{label_width, truncate};

pub fn draw(frame: &mut Frame<'_>, app: &App, cursor: usize) {
    let area = rect(app.results_area());
    clear_popup(frame, area);
    let count = app.marks.list.len();
    let title = format!(" Bookmarks — {count} · {} ", app.hints().bookmarks);
    let opts = app.options.display;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(style::border())
        .title(Line::styled(
            truncate(&title, usize::from(area.width.saturating_sub(2)), opts),
            style::heading(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height).max(1);
    // The cursor stays in view: the list starts where it must.
    let offset = cursor.saturating_sub(height - 1);
    let mut lines = Vec::new();
    for (i, mark) in app.marks.list.iter().enumerate().skip(offset).take(height) {
        let place = app
            .article_number(mark.article)
            .map(|id| {
                format!(
                    "  {} › {}",
                    app.issue.column_name(id),
                    app.issue.title_of(id)
                )
            })
            .unwrap_or_default();
        // A long name leaves the place at least a third of the row.
        let place_room = label_width(&place, opts).min(width / 3);
        let name = truncate(&mark.name, width.saturating_sub(place_room), opts);
        let place = truncate(&place, width.saturating_sub(label_width(&name, opts)), opts);
        let used = label_width(&name, opts) + label_width(&place, opts);
        let base = if i == cursor {
            style::cursor()
        } else {
            Default::default()
        };
        lines.push(Line::from(vec![
            Span::styled(name, base.patch(style::heading())),
            Span::styled(place, base.patch(style::dim())),
            Span::styled(" ".repeat(width.saturating_sub(used)), base),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
