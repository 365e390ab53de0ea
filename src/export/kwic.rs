//! `--kwic`: a concordance, one hit a line. As text, the left context is
//! right-aligned and the hits stand in one column, measured in terminal
//! cells (a Chinese character takes two, a Latin letter one); as TSV or
//! CSV, every part is a field of its own.

use super::table::{TableFormat, cells, delimited, numbers, pad, printed_label};
use crate::concord::KwicLine;
use crate::page::{Issue, PrintedIndex};
use crate::text::sanitize::{Paint, paint, safe};

/// The header of the TSV and CSV forms.
pub const KWIC_FIELDS: [&str; 9] = [
    "left", "hit", "right", "source", "date", "page", "column", "title", "article",
];

/// The concordance of `lines` in `format`; `color` paints the hits (text
/// only).
pub fn kwic(issue: &Issue, lines: &[KwicLine], format: TableFormat, color: bool) -> String {
    match format {
        TableFormat::Text => aligned(issue, lines, color),
        TableFormat::Tsv(_) | TableFormat::Csv(_) => {
            let numbers = numbers(issue);
            let index = PrintedIndex::new(issue);
            let mut rows = vec![KWIC_FIELDS.iter().map(|f| (*f).to_owned()).collect()];
            for l in lines {
                let id = l.hit.article;
                let printed = index.get(id);
                rows.push(vec![
                    l.left.clone(),
                    l.word.clone(),
                    l.right.clone(),
                    issue
                        .pages
                        .get(id.page)
                        .map_or(String::new(), |p| p.source.clone()),
                    printed.date.map_or(String::new(), |d| d.to_string()),
                    printed.page.map_or(String::new(), |p| p.to_string()),
                    issue.column_named(id).unwrap_or_default().to_owned(),
                    issue.title_of(id),
                    numbers.get(&id).map_or(String::new(), ToString::to_string),
                ]);
            }
            delimited(format, &rows)
        }
    }
}

/// Lines with the hits in one column: left contexts padded to the widest,
/// right contexts too, then where the hit was printed.
fn aligned(issue: &Issue, lines: &[KwicLine], color: bool) -> String {
    let shown: Vec<[String; 3]> = lines
        .iter()
        .map(|l| {
            [
                safe(&l.left).into_owned(),
                safe(&l.word).into_owned(),
                safe(&l.right).into_owned(),
            ]
        })
        .collect();
    let widest = |k: usize| shown.iter().map(|s| cells(&s[k])).max().unwrap_or(0);
    let (left_w, hit_w, right_w) = (widest(0), widest(1), widest(2));
    let printed = PrintedIndex::new(issue);
    let mut out = String::new();
    for (l, [left, word, right]) in lines.iter().zip(&shown) {
        let id = l.hit.article;
        out.push_str(&pad(left_w - cells(left)));
        out.push_str(left);
        out.push_str("  ");
        if color {
            out.push_str(&paint(word, Paint::Hit));
        } else {
            out.push_str(word);
        }
        out.push_str(&pad(hit_w - cells(word)));
        out.push_str("  ");
        out.push_str(right);
        out.push_str(&pad(right_w - cells(right)));
        out.push_str("  ");
        out.push_str(&safe(&printed_label(issue, &printed, id)));
        out.push_str("  ");
        out.push_str(&safe(&issue.place_of(id)));
        out.push('\n');
    }
    out
}
