//! The reading pane: the open article's laid-out lines, styled by role,
//! with a scrollbar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::popup::rect;
use super::style;
use crate::app::App;
use crate::layout::{Part, Role};
use crate::text::width::glyphs_in;
use crate::text::wrap::OVERWIDE;

pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = rect(app.panes.text);
    let Some(article) = app.article() else {
        frame.render_widget(
            Paragraph::new("There is nothing to read.").style(style::dim()),
            area,
        );
        return;
    };
    let layout = &app.reading.layout;
    let visible = layout
        .lines
        .iter()
        .skip(app.reading.scroll)
        .take(usize::from(area.height));
    let mut lines: Vec<Line<'_>> = Vec::with_capacity(usize::from(area.height));
    for doc in visible {
        if doc.role == Role::Blank {
            lines.push(Line::default());
            continue;
        }
        let st = style::role(app.theme, doc.role);
        if doc.line.overwide {
            lines.push(Line::styled(OVERWIDE, st));
            continue;
        }
        let text = layout.text(article, doc.part);
        let range = doc.line.start..doc.line.end;
        // Worked out by `update` for the lines on screen.
        let words: &[std::ops::Range<usize>] = if app.words_view {
            app.article_words().of(doc.part).unwrap_or(&[])
        } else {
            &[]
        };
        let cursor = app
            .word_cursor()
            .filter(|c| c.part == doc.part)
            .map(|c| c.range.clone());
        let mut spans = vec![Span::raw(" ".repeat(usize::from(doc.line.indent)))];
        // Runs of glyphs that share a style: plain, a hit, the current hit,
        // every other word underlined.
        let mut run = String::new();
        let mut run_style = st;
        for g in glyphs_in(text, range, layout.options.display) {
            let mut glyph_style = match hit_at(app, doc.part, g.start) {
                Some(true) => st.patch(style::current_hit(app.theme)),
                Some(false) => st.patch(style::hit(app.theme)),
                None => st,
            };
            let i = words.partition_point(|w| w.end <= g.start);
            if words.get(i).is_some_and(|w| w.contains(&g.start)) && i % 2 == 1 {
                glyph_style = glyph_style.patch(style::alternate_word());
            }
            if cursor.as_ref().is_some_and(|c| c.contains(&g.start)) {
                glyph_style = glyph_style.patch(style::word_cursor(app.theme));
            }
            if glyph_style != run_style && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_style = glyph_style;
            run.push_str(g.show);
        }
        let kept = run.trim_end().len();
        run.truncate(kept);
        spans.push(Span::styled(run, run_style));
        lines.push(Line::from(spans));
    }
    if layout.lines.is_empty() || article.blocks.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("(this article has no text)", style::dim()));
    }
    frame.render_widget(Paragraph::new(lines), area);

    let total = layout.lines.len();
    let height = usize::from(app.panes.text.height);
    if total > height {
        let mut state = ScrollbarState::new(total.saturating_sub(height))
            .position(app.reading.scroll)
            .viewport_content_length(height);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .track_style(style::border())
            .thumb_symbol("┃");
        frame.render_stateful_widget(bar, scrollbar_area(app), &mut state);
    }
}

/// Is byte `at` of `part` inside a search hit — and is it the current one?
fn hit_at(app: &App, part: Part, at: usize) -> Option<bool> {
    let hits = &app.search.hits;
    let i = hits.partition_point(|h| (h.part, h.end) <= (part, at));
    let hit = hits.get(i)?;
    (hit.part == part && hit.start <= at).then(|| app.search.current == Some(i))
}

fn scrollbar_area(app: &App) -> Rect {
    let mut area = rect(app.panes.scrollbar);
    area.y = app.panes.text.y;
    area.height = app.panes.text.height;
    area
}
