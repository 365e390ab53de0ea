//! Page-wide search results: every hit with its column › title and the
//! text around it, the hit highlighted.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{rect, style, widen};
use crate::app::{App, Results};
use crate::search::snippet;
use crate::text::width::{label_width, truncate, truncate_start};

pub fn draw(frame: &mut Frame<'_>, app: &App, results: &Results) {
    let area = rect(app.results_area());
    let screen = frame.area();
    frame.render_widget(Clear, widen(area, screen));
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
    let width = usize::from(inner.width);
    let opts = app.options.display;
    let mut lines = Vec::new();
    let shown = results.hits.iter().enumerate().skip(results.offset);
    for (i, hit) in shown.take(usize::from(inner.height)) {
        let column = app.issue.column_name(hit.article);
        let title = app.issue.title_of(hit.article);
        // The place takes at most a third of the row; the rest is context.
        let place = format!(
            "{}  ",
            truncate(
                &format!("{column} › {title}"),
                (width / 3).saturating_sub(2),
                opts
            )
        );
        let s = snippet(&app.issue, hit);
        let room = width.saturating_sub(label_width(&place, opts));
        let before_room = room.saturating_sub(label_width(&s.hit, opts)) / 2;
        let before = truncate_start(&s.before, before_room, opts);
        let hit_text = truncate(
            &s.hit,
            room.saturating_sub(label_width(&before, opts)),
            opts,
        );
        let after_room =
            room.saturating_sub(label_width(&before, opts) + label_width(&hit_text, opts));
        let after = truncate(&s.after, after_room, opts);
        let selected = i == results.cursor;
        let base = if selected {
            style::cursor()
        } else {
            Default::default()
        };
        let used = label_width(&place, opts)
            + label_width(&before, opts)
            + label_width(&hit_text, opts)
            + label_width(&after, opts);
        lines.push(Line::from(vec![
            Span::styled(place, base.patch(style::dim())),
            Span::styled(before, base),
            Span::styled(hit_text, style::current_hit(app.theme)),
            Span::styled(after, base),
            Span::styled(" ".repeat(width.saturating_sub(used)), base),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
