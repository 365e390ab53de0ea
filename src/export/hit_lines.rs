//! `--search`: one line per hit, `SOURCE:LINE: COLUMN › TITLE: …context…`,
//! LINE being the source line the hit starts on.

use std::fmt::Write as _;

use crate::find::{IssueHit, snippet};
use crate::page::{ArticleId, Issue};
use crate::text::sanitize::safe;

/// Writes hit lines; the part of a line that names the article is worked
/// out once per article (hits come in reading order), not once per hit.
#[derive(Default)]
pub struct HitLines {
    article: Option<ArticleId>,
    /// `SOURCE:`, then after the line number `: COLUMN › TITLE: `.
    source: String,
    place: String,
}

impl HitLines {
    /// The line for `hit`, with its newline, appended to `out`.
    pub fn write(&mut self, issue: &Issue, hit: &IssueHit, out: &mut String) {
        if self.article != Some(hit.article) {
            self.article = Some(hit.article);
            let source = issue
                .pages
                .get(hit.article.page)
                .map_or("", |p| p.source.as_str());
            self.source = format!("{}:", safe(source));
            self.place = format!(
                ": {} › {}: ",
                safe(issue.column_name(hit.article)),
                safe(&issue.title_of(hit.article))
            );
        }
        let s = snippet(issue, hit);
        out.push_str(&self.source);
        let _ = write!(out, "{}", source_line(issue, hit));
        out.push_str(&self.place);
        for piece in [&s.before, &s.hit, &s.after] {
            out.push_str(&safe(piece));
        }
        out.push('\n');
    }
}

/// The 1-based source line a hit starts on.
fn source_line(issue: &Issue, hit: &IssueHit) -> usize {
    let text = issue
        .article(hit.article)
        .and_then(|a| a.part(hit.hit.part));
    let Some(text) = text else {
        return 0;
    };
    text.pieces
        .iter()
        .take_while(|p| p.at <= hit.hit.start)
        .last()
        .map_or(text.line, |p| p.line)
}

/// The line for one hit, without its newline.
pub fn search_line(issue: &Issue, hit: &IssueHit) -> String {
    let mut out = String::new();
    HitLines::default().write(issue, hit, &mut out);
    out.pop();
    out
}
