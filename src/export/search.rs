//! `--search`: one line per hit, `SOURCE:LINE: COLUMN › TITLE: …context…`.

use crate::page::{Issue, NO_COLUMN, UNTITLED};
use crate::search::{IssueHit, snippet, source_line};
use crate::text::width::safe;

pub fn search_line(issue: &Issue, hit: &IssueHit) -> String {
    let source = issue
        .pages
        .get(hit.article.page)
        .map_or("", |p| p.source.as_str());
    let column = issue
        .column(hit.article)
        .and_then(|c| c.name.as_ref())
        .map_or(NO_COLUMN, |n| n.text.as_str());
    let title = issue
        .article(hit.article)
        .map(|a| a.title_line())
        .unwrap_or_default();
    let title = if title.is_empty() {
        UNTITLED
    } else {
        title.as_str()
    };
    let s = snippet(issue, hit);
    format!(
        "{source}:{}: {} › {}: {}",
        source_line(issue, hit),
        safe(column),
        safe(title),
        safe(&format!("{}{}{}", s.before, s.hit, s.after))
    )
}
