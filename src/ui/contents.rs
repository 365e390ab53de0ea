//! The contents pane: columns as headings (with the digit key that jumps
//! to each), their articles numbered below as `--outline` numbers them,
//! titles cut to the pane by display width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::style;
use crate::app::{App, Focus, Row};
use crate::page::ArticleId;
use crate::text::width::{label_width, truncate};

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let block = Block::new()
        .borders(Borders::RIGHT)
        .border_style(style::border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let focused = app.focus == Focus::Contents;
    let opts = app.options.display;

    let mut lines = vec![Line::styled(
        truncate(
            app.archive
                .as_ref()
                .map_or(" Contents", |a| a.title.as_str()),
            width,
            opts,
        ),
        style::pane_title(app.theme, focused),
    )];
    let rows = app
        .contents
        .rows
        .iter()
        .enumerate()
        .skip(app.contents.offset);
    for (index, row) in rows.take(usize::from(inner.height.saturating_sub(1))) {
        let line = match *row {
            Row::Issue(k) => {
                let date = app
                    .archive
                    .as_ref()
                    .and_then(|a| a.issues.get(k))
                    .map(|(d, _)| d.to_string())
                    .unwrap_or_default();
                if app.contents.open_issue == Some(k) {
                    Line::styled(
                        truncate(&format!("━ {date}"), width, opts),
                        style::heading(),
                    )
                } else {
                    let asked = if app.issue_asked() == Some(k) {
                        " …"
                    } else {
                        ""
                    };
                    let text = truncate(&format!("  {date}{asked}"), width, opts);
                    let mut st = style::dim();
                    if focused && index == app.contents.cursor {
                        st = st.patch(style::cursor());
                    }
                    let pad = width.saturating_sub(label_width(&text, opts));
                    Line::styled(format!("{text}{}", " ".repeat(pad)), st)
                }
            }
            Row::Date(p) => {
                let date = app
                    .contents
                    .dates
                    .get(p)
                    .copied()
                    .flatten()
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                Line::styled(
                    truncate(&format!("━ {date}"), width, opts),
                    style::heading(),
                )
            }
            Row::Page(p) => {
                let name = app.issue.pages.get(p).map_or("", |pg| pg.short_name());
                Line::styled(truncate(&format!("▌{name}"), width, opts), style::dim())
            }
            Row::Column {
                page,
                column,
                number,
            } => {
                let id = ArticleId {
                    page,
                    column,
                    article: 0,
                };
                // The key that jumps here (1–9), at the heading's end: the
                // numbers on the left are the articles'.
                let key = if number <= 9 {
                    format!(" {number}")
                } else {
                    String::new()
                };
                let key_width = key.len();
                let name = truncate(
                    app.issue.column_name(id),
                    width.saturating_sub(key_width),
                    opts,
                );
                let pad = width.saturating_sub(label_width(&name, opts) + key_width);
                Line::from(vec![
                    Span::styled(name, style::heading()),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(key, style::dim()),
                ])
            }
            Row::Article { id, number } => {
                let title = app.issue.title_of(id);
                let open = id == app.reading.article;
                let marker = if open { "▸" } else { " " };
                let digits = app.contents.number_width;
                let head = format!("{marker}{number:>digits$} ");
                let text = format!(
                    "{head}{}",
                    // The marker and the space take a cell each.
                    truncate(&title, width.saturating_sub(digits + 2), opts)
                );
                // Read articles recede, as newsboat's do.
                let mut st = if open {
                    style::open_article(app.theme)
                } else if app.is_read(number) {
                    style::dim()
                } else {
                    Default::default()
                };
                if focused && index == app.contents.cursor {
                    st = st.patch(style::cursor());
                }
                // Pad the cursor row so its highlight spans the pane.
                let pad = width.saturating_sub(label_width(&text, opts));
                Line::styled(format!("{text}{}", " ".repeat(pad)), st)
            }
        };
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
