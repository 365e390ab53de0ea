//! The dictionary pop-up beside the word cursor: below the word's line if
//! there is room, else above it — never over the word — and inside the
//! reading pane. It shows what `update` looked up.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::popup::{clear_popup, rect};
use super::style;
use crate::app::App;
use crate::config::Theme;
use crate::dict::{Entry, Lookup};
use crate::text::width::{DisplayOptions, label_width, truncate};
use crate::text::wrap::{line_text, wrap};

/// Widest the pop-up grows, in cells.
const MAX_WIDTH: u16 = 52;
/// Most entries shown for a word (a character can have a dozen readings).
const MAX_ENTRIES: usize = 4;

pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let Some(cursor) = app.word_cursor() else {
        return;
    };
    let Some(article) = app.article() else {
        return;
    };
    let pane = rect(app.panes.text);
    let layout = &app.reading.layout;
    let Some((line, column)) = layout.locate(article, cursor.part, cursor.range.start) else {
        return;
    };
    let Some(row) = line.checked_sub(app.reading.scroll) else {
        return;
    };
    if row >= usize::from(pane.height) {
        return;
    }
    let indent = layout
        .lines
        .get(line)
        .map_or(0, |l| usize::from(l.line.indent));
    let x = pane.x + u16::try_from(indent + column).unwrap_or(u16::MAX);
    let y = pane.y + row as u16;

    let width = pane.width.clamp(1, MAX_WIDTH);
    let inner = usize::from(width.saturating_sub(2));
    let word = article
        .part(cursor.part)
        .and_then(|t| t.text.get(cursor.range.clone()))
        .unwrap_or("");
    let lines = match &cursor.lookup {
        None => vec![
            Line::styled(truncate(word, inner, RAW), style::heading()),
            Line::styled(
                truncate("the dictionary is loading…", inner, RAW),
                style::dim(),
            ),
        ],
        Some(lookup) if lookup.is_empty() => vec![
            Line::styled(truncate(word, inner, RAW), style::heading()),
            Line::styled(truncate("not in the dictionary", inner, RAW), style::dim()),
        ],
        Some(lookup) => content(lookup, inner, app.theme, app.options.display),
    };
    let below = pane.bottom().saturating_sub(y + 1);
    let above = y.saturating_sub(pane.y);
    let wanted = lines.len() as u16 + 2;
    let (top, height) = if below >= wanted || below >= above {
        (y + 1, wanted.min(below))
    } else {
        (y - wanted.min(above), wanted.min(above))
    };
    if height < 3 {
        return;
    }
    let left = x.min(pane.right().saturating_sub(width)).max(pane.x);
    let area = Rect::new(left, top, width, height);
    clear_popup(frame, area);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(style::border());
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Display options for the pop-up: the dictionary's text as written.
const RAW: DisplayOptions = DisplayOptions::AS_WRITTEN;

/// The pop-up's lines: the word and its reading, then each entry (or each
/// part's entries), then the entries a cross-reference points to. The word
/// is shown in the script the page is shown in (地區 in 繁體), and each
/// entry's headword in that script first.
fn content(
    lookup: &Lookup,
    width: usize,
    theme: Theme,
    display: DisplayOptions,
) -> Vec<Line<'static>> {
    let script = DisplayOptions {
        fullwidth_punct: false,
        ..display
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(truncate(&lookup.word, width, script), style::heading()),
        Span::raw(truncate(
            &format!("  {}", lookup.pinyin()),
            width.saturating_sub(label_width(&lookup.word, script)),
            RAW,
        )),
    ])];
    let mut entries: Vec<&Entry> = if lookup.entries.is_empty() {
        lookup
            .parts
            .iter()
            .flat_map(|(_, e)| e.iter().take(1))
            .collect()
    } else {
        lookup.entries.iter().collect()
    };
    entries.truncate(MAX_ENTRIES);
    for e in entries.into_iter().chain(lookup.see.iter().take(1)) {
        let (first, second) = if display.traditional {
            (&e.traditional, &e.simplified)
        } else {
            (&e.simplified, &e.traditional)
        };
        let mut head = first.clone();
        if second != first {
            head.push(' ');
            head.push_str(second);
        }
        lines.push(Line::from(vec![
            Span::styled(truncate(&head, width, RAW), style::open_article(theme)),
            Span::raw(truncate(
                &format!(" [{}]", e.pinyin),
                width.saturating_sub(label_width(&head, RAW)),
                RAW,
            )),
        ]));
        let definitions = e.definitions.join("; ");
        for l in wrap(&definitions, width.saturating_sub(2), 0, RAW)
            .iter()
            .take(3)
        {
            lines.push(Line::raw(format!("  {}", line_text(&definitions, l, RAW))));
        }
    }
    lines
}
