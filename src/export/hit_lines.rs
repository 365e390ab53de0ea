//! `--search`: one line per hit, `SOURCE:LINE: COLUMN › TITLE: …context…`.

use crate::find::{IssueHit, snippet, source_line};
use crate::page::Issue;
use crate::text::sanitize::safe;

pub fn search_line(issue: &Issue, hit: &IssueHit) -> String {
    let source = issue
        .pages
        .get(hit.article.page)
        .map_or("", |p| p.source.as_str());
    let column = issue.column_name(hit.article);
    let title = issue.title_of(hit.article);
    let s = snippet(issue, hit);
    format!(
        "{source}:{}: {} › {}: {}",
        source_line(issue, hit),
        safe(column),
        safe(&title),
        safe(&format!("{}{}{}", s.before, s.hit, s.after))
    )
}
