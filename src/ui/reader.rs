//! The reading pane: the open article's laid-out lines, styled by role,
//! with a scrollbar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::popup::rect;
use super::style;
use crate::app::App;
use crate::layout::ruby::Slot;
use crate::layout::{Part, Role};
use crate::text::width::{DisplayOptions, glyphs_in, label_width};
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
    for (i, doc) in visible.enumerate() {
        let i = app.reading.scroll + i;
        if doc.role == Role::Blank {
            lines.push(Line::default());
            continue;
        }
        let st = style::role(app.theme, doc.role);
        if doc.line.overwide {
            lines.push(Line::styled(OVERWIDE, st));
            continue;
        }
        let slots = layout.ruby.as_ref().map_or(&[][..], |r| r.of_line(i));
        if doc.role == Role::Ruby {
            lines.push(ruby_line(app, doc.line.indent, slots));
            continue;
        }
        let text = layout.text(article, doc.part);
        let marks = Marks::of(app, doc.part);
        let mut spans = vec![Span::raw(" ".repeat(usize::from(doc.line.indent)))];
        if slots.is_empty() {
            glyph_spans(
                app,
                &marks,
                text,
                doc.line.start..doc.line.end,
                st,
                &mut spans,
            );
        } else {
            let mut x = 0;
            for slot in slots {
                let at = usize::from(slot.text_x);
                spans.push(Span::raw(" ".repeat(at.saturating_sub(x))));
                let range = slot.start..slot.end;
                x = at.max(x) + glyph_spans(app, &marks, text, range, st, &mut spans);
            }
        }
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

/// What marks the glyphs of one part, worked out once a line: its words
/// (every other one underlined in word view) and the word cursor's word.
struct Marks<'a> {
    part: Part,
    words: &'a [std::ops::Range<usize>],
    cursor: Option<std::ops::Range<usize>>,
}

impl<'a> Marks<'a> {
    fn of(app: &'a App, part: Part) -> Marks<'a> {
        Marks {
            part,
            // Worked out by `update` for the lines on screen.
            words: if app.words_view {
                app.article_words().of(part).unwrap_or(&[])
            } else {
                &[]
            },
            cursor: app
                .word_cursor()
                .filter(|c| c.part == part)
                .map(|c| c.range.clone()),
        }
    }
}

/// Spans of the glyphs of `range`, in runs that share a style: plain, a
/// hit, the current hit, every other word underlined, the word cursor.
/// Returns the cells they take (trailing spaces dropped).
fn glyph_spans<'a>(
    app: &'a App,
    marks: &Marks<'_>,
    text: &'a str,
    range: std::ops::Range<usize>,
    st: Style,
    spans: &mut Vec<Span<'a>>,
) -> usize {
    let layout = &app.reading.layout;
    let (part, words, cursor) = (marks.part, marks.words, &marks.cursor);
    let mut run = String::new();
    let mut run_style = st;
    let mut cells = 0;
    for g in glyphs_in(text, range, layout.options.display) {
        let mut glyph_style = match hit_at(app, part, g.start) {
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
        cells += g.width;
    }
    let kept = run.trim_end().len();
    cells -= run.len() - kept;
    run.truncate(kept);
    spans.push(Span::styled(run, run_style));
    cells
}

/// A reading row: each word's pinyin in its slot, each syllable in its
/// tone's colour.
fn ruby_line<'a>(app: &'a App, indent: u16, slots: &[Slot]) -> Line<'a> {
    let readings = app
        .reading
        .layout
        .ruby
        .as_ref()
        .map_or(&[][..], |r| r.readings.as_slice());
    let mut spans = vec![Span::raw(" ".repeat(usize::from(indent)))];
    let mut x = 0;
    for slot in slots {
        let Some(reading) = slot.reading.and_then(|r| readings.get(r as usize)) else {
            continue;
        };
        let at = usize::from(slot.ruby_x);
        spans.push(Span::raw(" ".repeat(at.saturating_sub(x))));
        x = at.max(x);
        for syllable in &reading.syllables {
            x += label_width(&syllable.text, DisplayOptions::AS_WRITTEN);
            spans.push(Span::styled(
                syllable.text.as_str(),
                style::tone(app.theme, app.tones(), syllable.tone),
            ));
        }
    }
    Line::from(spans)
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
