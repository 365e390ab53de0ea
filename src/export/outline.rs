//! `--outline`: columns and their numbered articles, one line each.

use std::fmt::Write;

use crate::layout::{KEYWORDS_LABEL, KEYWORDS_SEPARATOR};
use crate::page::Issue;
use crate::text::Segmenter;

/// Keywords listed per article.
pub const KEYWORDS: usize = 5;
use crate::text::sanitize::safe;

/// The outline: each column name, then its articles numbered 1..N across
/// the whole input, with their bylines and, given a segmenter, a line of
/// keywords under each. Several pages each get a header.
pub fn outline(issue: &Issue, keywords: Option<Segmenter>) -> String {
    let mut out = String::new();
    let total = issue.articles().count();
    let digits = total.max(1).to_string().len();
    let mut number = 0;
    for page in &issue.pages {
        if issue.pages.len() > 1 {
            let _ = writeln!(out, "== {} ==", safe(&page.source));
        }
        for column in &page.columns {
            let _ = writeln!(out, "{}", safe(column.display_name()));
            for article in &column.articles {
                number += 1;
                let title = article.display_title();
                let _ = write!(out, "  {number:>digits$}. {}", safe(&title));
                if let Some(byline) = &article.byline {
                    let _ = write!(out, " — {}", safe(&byline.text));
                }
                out.push('\n');
                if let Some(seg) = keywords {
                    let words = article.keywords(seg, KEYWORDS).join(KEYWORDS_SEPARATOR);
                    let _ = writeln!(out, "  {:digits$}  {}{}", "", KEYWORDS_LABEL, safe(&words));
                }
            }
        }
    }
    out
}
