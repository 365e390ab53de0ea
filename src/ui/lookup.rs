//! The dictionary's answer to a lookup (`:` then a word, a reading or
//! English), over the reading pane: its lines come laid out by `update`.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::popup::{popup, rect};
use super::style;
use crate::app::{App, LookupRole, LookupView};
use crate::text::plural::counted;

pub fn draw(frame: &mut Frame<'_>, app: &App, view: &LookupView) {
    let area = rect(app.results_area());
    let found = view.count().map_or_else(String::new, |n| {
        format!(" — {}", counted(n, "entry", "entries"))
    });
    let title = format!(" “{}”{found} · {} ", view.query, app.hints().lookup);
    let inner = popup(frame, app, area, &title);
    let rows = usize::from(inner.height);
    let lines: Vec<Line<'_>> = view
        .lines
        .iter()
        .skip(view.scroll)
        .take(rows)
        .map(|(role, text)| {
            let st = match role {
                LookupRole::Word | LookupRole::Section => style::heading(),
                LookupRole::Entry => style::open_article(app.theme),
                LookupRole::Definition => Default::default(),
                LookupRole::Note => style::dim(),
            };
            // The dictionary's English as written: no full-width colons.
            let shown = crate::text::width::truncate(
                text,
                usize::from(inner.width),
                crate::text::width::DisplayOptions::AS_WRITTEN,
            );
            Line::styled(shown, st)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
