//! Page-wide search results: every hit with its column › title and the
//! text around it, the hit highlighted.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{clear_popup, rect, style};
use crate::app::{App, Results};
use crate::text::width::truncate;

pub fn draw(frame: &mut Frame<'_>, app: &App, results: &Results) {
    let area = rect(app.results_area());
    clear_popup(frame, area);
    let title = format!(
        " “{}” — {} hits · Enter to read, Esc to close ",
        results.query.raw,
        results.hits.len()
    );
    // The query is the user's text: it is shown as every text is, and
    // cut at a cell boundary to fit the border.
    let title = truncate(
        &title,
        usize::from(area.width).saturating_sub(2),
        app.options.display,
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(style::border())
        .title(Line::styled(title, style::heading()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    for row in &results.rows {
        let base = if row.index == results.cursor {
            style::cursor()
        } else {
            Default::default()
        };
        lines.push(Line::from(vec![
            Span::styled(row.place.as_str(), base.patch(style::dim())),
            Span::styled(row.before.as_str(), base),
            Span::styled(row.hit.as_str(), style::current_hit(app.theme)),
            Span::styled(row.after.as_str(), base),
            Span::styled(" ".repeat(row.pad), base),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
