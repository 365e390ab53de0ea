//! The status bar: where you are (column › article), how far through, how
//! long the article is, and transient messages.

use crate::text::plural::counted;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style;
use crate::app::{App, Scope};
use crate::text::width::{DisplayOptions, label_width, truncate, truncate_start, truncate_words};

/// Characters a minute a reader of Chinese gets through.
const READING_SPEED: usize = 400;

/// "12/80 15%": the top line shown, the number of lines, and how much of
/// the article has been on screen.
/// Which article of how many, and how much of it has been on screen.
pub fn position(app: &App) -> String {
    let (number, total) = app.article_position();
    format!("article {number}/{total} · {}%", app.percent())
}

pub fn length(app: &App) -> String {
    let chars = app.reading.layout.chars;
    let minutes = chars.div_ceil(READING_SPEED).max(1);
    format!("{chars}字 · {minutes} min")
}

/// "3/12" while a search is active in the article ("3/12 as a whole word"
/// in whole-word mode, where `say_word`).
fn hit_counter(app: &App, say_word: bool) -> Option<String> {
    let query = app.search.query.as_ref()?;
    let total = app.search.hits.len();
    let word = if query.whole_word && say_word {
        " as a whole word"
    } else {
        ""
    };
    Some(match app.search.current {
        _ if total == 0 => format!("no match{word}"),
        Some(i) => format!("{}/{total}{word}", i + 1),
        None => format!("{}{word}", counted(total, "hit", "hits")),
    })
}

/// The search prompt, in place of the status bar.
fn draw_prompt(frame: &mut Frame<'_>, app: &App, area: Rect, scope: Scope) {
    let (sigil, right) = match scope {
        Scope::Article => ("/", hit_counter(app, false).unwrap_or_default()),
        Scope::Issue => (
            "search all: ",
            app.results()
                .map_or(String::new(), |r| counted(r.hits.len(), "hit", "hits")),
        ),
    };
    let word = if app.search.whole_word {
        format!("whole words only ({}) · ", app.hints().whole_word)
    } else {
        String::new()
    };
    let input = format!("{sigil}{}", app.search.input);
    draw_input(frame, area, &input, &format!(" {word}{right} "));
}

/// A line of input in place of the status bar: what is typed on the left
/// (its end kept in view), a dim note on the right, and the terminal's
/// cursor at the end of the input (where an input method puts its
/// candidates).
fn draw_input(frame: &mut Frame<'_>, area: Rect, input: &str, note: &str) {
    // What was typed is shown as typed: a , stays a , here.
    let opts = DisplayOptions::AS_WRITTEN;
    let width = usize::from(area.width);
    // The note gives way to what is typed: it takes at most half the bar.
    let room = width
        .saturating_sub(label_width(note, opts).min(width / 2))
        .max(1);
    let left = truncate_start(input, room.saturating_sub(1), opts);
    let cursor_x = area.x + label_width(&left, opts) as u16;
    let pad = room.saturating_sub(label_width(&left, opts));
    let line = Line::from(vec![
        Span::styled(left, style::prompt()),
        Span::raw(" ".repeat(pad)),
        Span::styled(
            truncate(note, width.saturating_sub(room), opts),
            style::dim(),
        ),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    frame.set_cursor_position((cursor_x.min(area.x + area.width.saturating_sub(1)), area.y));
}

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    if let Some(name) = app.naming() {
        let input = format!("bookmark name: {name}");
        draw_input(frame, area, &input, &format!(" {} ", app.hints().naming));
        return;
    }
    if let Some(number) = app.go_to_input() {
        let (_, total) = app.article_position();
        let input = format!("go to or look up: {number}");
        draw_input(
            frame,
            area,
            &input,
            &format!(" {} · 1–{total}, 学习, xuexi, study ", app.hints().go_to),
        );
        return;
    }
    if let Some(scope) = app.prompt() {
        draw_prompt(frame, app, area, scope);
        return;
    }
    let opts = app.options.display;
    let width = usize::from(area.width);
    // The right side's parts, each with how much it matters: the least
    // are dropped first until the right side takes at most half the bar
    // (a message or the place needs the rest). The hint gives way to a
    // message.
    let mut parts: Vec<(u8, String)> = Vec::with_capacity(5);
    if app.hint && app.message.is_none() {
        parts.push((1, app.hints().keys.clone()));
    }
    if let Some(pending) = &app.pending {
        parts.push((2, pending.clone()));
    }
    if let Some(hits) = hit_counter(app, true) {
        parts.push((4, hits));
    }
    parts.push((5, position(app)));
    parts.push((0, length(app)));
    let joined = |parts: &[(u8, String)]| {
        let texts: Vec<&str> = parts.iter().map(|(_, t)| t.as_str()).collect();
        format!(" {} ", texts.join(" · "))
    };
    // A message takes more of the bar: the right side gets a third, and
    // on a narrow bar gives way to it altogether.
    let (share, keep) = if app.message.is_some() {
        (3, 0)
    } else {
        (2, 1)
    };
    while parts.len() > keep && label_width(&joined(&parts), opts) * share > width {
        if let Some(least) = (0..parts.len()).min_by_key(|&i| parts[i].0) {
            parts.remove(least);
        }
    }
    let right = if parts.is_empty() {
        String::new()
    } else {
        joined(&parts)
    };
    let right_width = label_width(&right, opts);
    let room = width.saturating_sub(right_width);

    let (left, left_style) = match &app.message {
        Some(message) => (format!(" {message}"), style::message(app.theme)),
        None => {
            let place = app.issue.place_of(app.reading.article);
            let page = if app.issue.pages.len() > 1 {
                let page = app.issue.pages.get(app.reading.article.page);
                let source = page.map_or("", |p| p.short_name());
                // In an archive the file's name alone (01.txt) does not
                // say which issue: its date does.
                let date = app
                    .contents
                    .dates
                    .get(app.reading.article.page)
                    .copied()
                    .flatten()
                    .map(|d| format!("{d} "))
                    .unwrap_or_default();
                format!("{date}{source} › ")
            } else {
                String::new()
            };
            (format!(" {page}{place}"), style::status_bar(app.theme))
        }
    };
    let left = if app.message.is_some() {
        truncate_words(&left, room, opts)
    } else {
        truncate(&left, room, opts)
    };
    let pad = room.saturating_sub(label_width(&left, opts));
    let line = Line::from(vec![
        Span::styled(left, left_style),
        Span::styled(" ".repeat(pad), style::status_bar(app.theme)),
        Span::styled(truncate(&right, width, opts), style::status_bar(app.theme)),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
