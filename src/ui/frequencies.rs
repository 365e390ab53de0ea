//! The list of the most frequent words: rank, word, how often, in how
//! many articles; the cursor's row highlighted. Its rows come prepared.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{clear_popup, rect, style};
use crate::app::{App, Frequencies, FrequencyScope};
use crate::text::width::truncate;

pub fn draw(frame: &mut Frame<'_>, app: &App, f: &Frequencies) {
    let area = rect(app.results_area());
    clear_popup(frame, area);
    let (whose, switch) = match f.scope {
        FrequencyScope::Issue => ("whole input", "a: article"),
        FrequencyScope::Article(_) => ("this article", "a: whole input"),
    };
    let title = format!(" Top words, {whose} · Enter: search · {switch} ");
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
    let lines: Vec<Line<'_>> = match &f.list {
        None => vec![Line::styled("counting the words…", style::dim())],
        Some(list) if list.is_empty() => vec![Line::styled("no words to count", style::dim())],
        Some(_) => std::iter::once(Line::styled(f.header.as_str(), style::dim()))
            .chain(f.rows.iter().enumerate().map(|(k, row)| {
                if f.offset + k == f.cursor {
                    Line::styled(row.as_str(), style::cursor())
                } else {
                    Line::from(row.as_str())
                }
            }))
            .collect(),
    };
    frame.render_widget(Paragraph::new(lines), inner);
}
