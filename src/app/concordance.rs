//! The page-wide results as a concordance: the hits aligned in one column
//! and ordered by reading order or by the words on either side. Part of
//! `App::update`.

use super::App;
use crate::concord::{self, CONTEXT_CHARS, SortBy};
use crate::find::IssueHit;
use crate::page::Issue;
use crate::text::Segmenter;

/// Puts `hits` in the order `by`: reading order, or by their contexts'
/// words (jieba's once its dictionary is there, characters before).
pub(super) fn sort_hits(
    issue: &Issue,
    hits: &mut Vec<IssueHit>,
    by: SortBy,
    seg: Option<Segmenter>,
) {
    if by == SortBy::Source {
        hits.sort_unstable();
        return;
    }
    let lines = concord::lines(issue, hits, CONTEXT_CHARS);
    *hits = concord::order(&lines, by, seg)
        .into_iter()
        .map(|i| lines[i].hit)
        .collect();
}

impl App {
    /// Shows the results as a concordance, or back as a list.
    pub(super) fn toggle_concordance(&mut self) {
        if let Some(r) = self.results_mut() {
            r.concordance = !r.concordance;
            r.prepared = None;
        }
    }

    /// Orders the results the next way (showing them as a concordance,
    /// where the order can be seen), the cursor staying on its hit.
    pub(super) fn cycle_result_sort(&mut self) {
        let (issue, seg) = (std::sync::Arc::clone(&self.issue), self.seg);
        let Some(r) = self.results_mut() else {
            return;
        };
        let current = r.hits.get(r.cursor).copied();
        r.sort = r.sort.next();
        sort_hits(&issue, &mut r.hits, r.sort, seg);
        r.cursor = current
            .and_then(|h| r.hits.iter().position(|x| *x == h))
            .unwrap_or(0);
        r.concordance = true;
        r.prepared = None;
        let explained = r.sort.explain();
        self.step_result(0);
        self.message = Some(explained.to_owned());
    }
}
