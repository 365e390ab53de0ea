//! The list of the most frequent words: rank, word, how often, in how
//! many articles; the cursor's row highlighted. Its rows come prepared.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::popup::{popup, rect};
use super::style;
use crate::app::{App, Frequencies, FrequencyScope};

pub fn draw(frame: &mut Frame<'_>, app: &App, f: &Frequencies) {
    let area = rect(app.results_area());
    let (whose, other) = match f.scope {
        FrequencyScope::Issue => ("whole input", "article"),
        FrequencyScope::Article(_) => ("this article", "whole input"),
    };
    let hints = app.hints();
    let title = format!(
        " Top words, {whose} · {}: search · {}: {other} ",
        hints.search_word, hints.word_scope
    );
    let inner = popup(frame, app, area, &title);
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
