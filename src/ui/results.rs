//! Page-wide search results: every hit with its column › title and the
//! text around it, the hit highlighted.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup::{popup, rect};
use super::style;
use crate::app::{App, Results, RowPart};
use crate::concord::SortBy;

pub fn draw(frame: &mut Frame<'_>, app: &App, results: &Results) {
    let area = rect(app.results_area());
    let view = if results.concordance {
        format!("concordance, {}", results.sort.describe())
    } else if results.sort == SortBy::Source {
        format!("{}: concordance", app.hints().concordance)
    } else {
        results.sort.describe().to_owned()
    };
    // Whole-word mode, carried over from the prompt, changes the count:
    // it is said.
    let word = if results.query.whole_word {
        " as whole words"
    } else {
        ""
    };
    let title = format!(
        " “{}” — {}{word} · {}: read · {view} ",
        results.query.raw,
        crate::text::plural::counted(results.hits.len(), "hit", "hits"),
        app.hints().read_result
    );
    let inner = popup(frame, app, area, &title);
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
