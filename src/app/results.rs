//! The rows of the page-wide results list, prepared in `update` for the
//! rows on screen: place (column › title), the text before the hit, the
//! hit and the text after it, each already cut to its cells. A frame only
//! draws them; with 25 000 hits it must not work out a snippet per row.

use super::App;
use crate::find::snippet;
use crate::text::width::{label_width, truncate, truncate_start};

/// One row of the results list, cut to fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultRow {
    /// Which hit (an index into `Results::hits`).
    pub index: usize,
    /// `column › title`, followed by two spaces.
    pub place: String,
    pub before: String,
    pub hit: String,
    pub after: String,
    /// Cells left at the end of the row.
    pub pad: usize,
}

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
                let column = self.issue.column_name(hit.article);
                let title = self.issue.title_of(hit.article);
                // The place takes at most a third of the row; the rest is
                // context, the hit in the middle.
                let place = format!(
                    "{}  ",
                    truncate(
                        &format!("{column} › {title}"),
                        (width / 3).saturating_sub(2),
                        opts
                    )
                );
                let s = snippet(&self.issue, hit);
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
                let used = label_width(&place, opts)
                    + label_width(&before, opts)
                    + label_width(&hit_text, opts)
                    + label_width(&after, opts);
                ResultRow {
                    index,
                    place,
                    before,
                    hit: hit_text,
                    after,
                    pad: width.saturating_sub(used),
                }
            })
            .collect();
        if let Some(results) = self.results_mut() {
            results.rows = rows;
            results.prepared = Some(key);
        }
    }
}
