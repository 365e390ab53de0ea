//! Page-wide search results: every hit with its column › title and the
//! text around it, the hit highlighted.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{clear_popup, rect, style};
use crate::app::{App, Results, RowPart};
use crate::concord::SortBy;
use crate::text::width::truncate;

pub fn draw(frame: &mut Frame<'_>, app: &App, results: &Results) {
    let area = rect(app.results_area());
    clear_popup(frame, area);
    let view = if results.concordance {
        format!("concordance, {}", results.sort.describe())
    } else if results.sort == SortBy::Source {
        "c: concordance".to_owned()
    } else {
        results.sort.describe().to_owned()
    };
    let title = format!(
        " “{}” — {} hits · Enter: read · {view} ",
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
        let spans: Vec<Span<'_>> = row
            .pieces
            .iter()
            .map(|(part, text)| {
                let style = match part {
                    RowPart::Place => base.patch(style::dim()),
                    RowPart::Hit => style::current_hit(app.theme),
                    RowPart::Before | RowPart::After | RowPart::Blank => base,
                };
                Span::styled(text.as_str(), style)
            })
            .collect();
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
