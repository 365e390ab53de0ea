//! The rows of the page-wide results list, prepared in `update` for the
//! rows on screen, each piece already cut to its cells: as a list (place,
//! then the hit in its context) or as a concordance (the hits aligned in
//! one column, the place at the end). A frame only draws them; with
//! 25 000 hits it must not work out a snippet per row.

use super::App;
use crate::concord;
use crate::find::snippet;
use unicode_width::UnicodeWidthStr;

use crate::text::width::{DisplayOptions, label_width, truncate, truncate_start};

/// What a piece of a row is, for the view to style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowPart {
    /// `column › title`.
    Place,
    Before,
    Hit,
    After,
    /// Blank cells.
    Blank,
}

/// One row of the results list, cut to fit: its pieces in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultRow {
    /// Which hit (an index into `Results::hits`).
    pub index: usize,
    pub pieces: Vec<(RowPart, String)>,
}

/// Cells a concordance keeps for the place at a row's end, at most.
const CONCORDANCE_PLACE: usize = 28;

impl App {
    /// Brings the visible rows of the results list up to date, if what
    /// they depend on changed.
    pub(super) fn prepare_results(&mut self) {
        let area = self.results_area();
        let height = self.results_height();
        let Some(results) = self.results() else {
            return;
        };
        let key = (results.offset, area.width, area.height, results.hits.len());
        if results.prepared == Some(key) {
            return;
        }
        // Inside the border.
        let width = usize::from(area.width.saturating_sub(2));
        let opts = self.options.display;
        let rows: Vec<ResultRow> = results
            .hits
            .iter()
            .enumerate()
            .skip(results.offset)
            .take(height)
            .map(|(index, hit)| {
                let place = self.issue.place_of(hit.article);
                let pieces = if results.concordance {
                    let line = concord::line(&self.issue, hit, width);
                    concordance_row(&place, [&line.left, &line.word, &line.right], width, opts)
                } else {
                    let s = snippet(&self.issue, hit);
                    list_row(&place, [&s.before, &s.hit, &s.after], width, opts)
                };
                ResultRow { index, pieces }
            })
            .collect();
        if let Some(results) = self.results_mut() {
            results.rows = rows;
            results.prepared = Some(key);
        }
    }
}

/// Cells a piece takes as drawn: pieces are text as shown already (cut,
/// made safe, punctuation set full-width), so their width is measured as
/// the terminal will, not shown again.
fn w(shown: &str) -> usize {
    UnicodeWidthStr::width(shown)
}

/// The place in at most a third of the row, then the hit in the middle of
/// what is left, its context around it.
fn list_row(
    place: &str,
    [before, hit, after]: [&str; 3],
    width: usize,
    opts: DisplayOptions,
) -> Vec<(RowPart, String)> {
    let place = format!("{}  ", truncate(place, (width / 3).saturating_sub(2), opts));
    let room = width.saturating_sub(w(&place));
    let before = truncate_start(
        before,
        room.saturating_sub(label_width(hit, opts)) / 2,
        opts,
    );
    let hit = truncate(hit, room.saturating_sub(w(&before)), opts);
    let after = truncate(after, room.saturating_sub(w(&before) + w(&hit)), opts);
    let used = w(&place) + w(&before) + w(&hit) + w(&after);
    vec![
        (RowPart::Place, place),
        (RowPart::Before, before),
        (RowPart::Hit, hit),
        (RowPart::After, after),
        (RowPart::Blank, " ".repeat(width.saturating_sub(used))),
    ]
}

/// The hit at the same cell on every row (two fifths across the context),
/// the text before it right-aligned up to it, the place last.
fn concordance_row(
    place: &str,
    [before, hit, after]: [&str; 3],
    width: usize,
    opts: DisplayOptions,
) -> Vec<(RowPart, String)> {
    let place_room = if width >= 60 {
        (width / 4).min(CONCORDANCE_PLACE)
    } else {
        0
    };
    let context = width.saturating_sub(place_room + 2 * usize::from(place_room > 0));
    let lead_room = context * 2 / 5;
    // The text before, then a space: the hit starts at `lead_room`.
    let before = truncate_start(before, lead_room.saturating_sub(1), opts);
    let lead = lead_room.saturating_sub(w(&before) + 1);
    let rest = context.saturating_sub(lead_room);
    let hit = truncate(hit, rest, opts);
    let after = truncate(after, rest.saturating_sub(w(&hit) + 1), opts);
    let mut pieces = vec![
        (RowPart::Blank, " ".repeat(lead)),
        (RowPart::Before, before),
        (RowPart::Blank, " ".to_owned()),
        (RowPart::Hit, hit),
        (RowPart::Blank, " ".to_owned()),
        (RowPart::After, after),
    ];
    let used: usize = pieces.iter().map(|(_, s)| w(s)).sum();
    pieces.push((RowPart::Blank, " ".repeat(context.saturating_sub(used))));
    if place_room > 0 {
        let place = truncate(place, place_room, opts);
        let pad = place_room.saturating_sub(w(&place));
        pieces.push((RowPart::Blank, "  ".to_owned()));
        pieces.push((RowPart::Place, place));
        pieces.push((RowPart::Blank, " ".repeat(pad)));
    }
    pieces
}
