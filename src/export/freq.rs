//! `--freq`: a word list by frequency (rank, word, count, articles; in TSV
//! and CSV also the simplified form, where the word is written otherwise), or,
//! for given words, a table of their counts by page, column or article.

use super::table::{TableFormat, cells, delimited, pad, printed_label};
use crate::page::{Issue, PrintedIndex};
use crate::text::sanitize::safe;
use crate::wordfreq::{By, CountTable, WordCount};

/// The word list in `format`. TSV and CSV carry a fifth column, the
/// word's simplified form where it is written otherwise (校長: 校长), empty
/// where it is not.
pub fn word_counts(list: &[WordCount], format: TableFormat) -> String {
    let table = format != TableFormat::Text;
    let mut header: Vec<String> = ["rank", "word", "count", "articles"]
        .iter()
        .map(|f| (*f).to_owned())
        .collect();
    if table {
        header.push("simplified".to_owned());
    }
    let rows: Vec<Vec<String>> = std::iter::once(header)
        .chain(list.iter().enumerate().map(|(n, w)| {
            let mut row = vec![
                (n + 1).to_string(),
                w.word.clone(),
                w.count.to_string(),
                w.articles.to_string(),
            ];
            if table {
                let other = w.simplified != w.word.to_lowercase();
                row.push(if other {
                    w.simplified.clone()
                } else {
                    String::new()
                });
            }
            row
        }))
        .collect();
    match format {
        TableFormat::Text => aligned(&rows, &[true, false, true, true]),
        _ => delimited(format, &rows),
    }
}

/// The table of counts in `format`: a row per page (column, article), its
/// place first, then a count per word.
pub fn count_table(issue: &Issue, table: &CountTable, format: TableFormat) -> String {
    let place: &[&str] = match table.by {
        By::Date => &["date"],
        By::Page => &["page"],
        By::Column => &["page", "column"],
        By::Article => &["article", "page", "column", "title"],
    };
    let mut header: Vec<String> = place.iter().map(|f| (*f).to_owned()).collect();
    header.extend(table.words.iter().cloned());
    let mut rows = vec![header];
    let printed = PrintedIndex::new(issue);
    for (group, counts) in table.groups.iter().zip(&table.counts) {
        let id = group.first;
        let page = printed_label(issue, &printed, id);
        let mut row = match table.by {
            By::Date => vec![printed.get(id).date.map_or(page, |d| d.to_string())],
            By::Page => vec![page],
            By::Column => vec![page, issue.column_named(id).unwrap_or_default().to_owned()],
            By::Article => vec![
                group.number.to_string(),
                page,
                issue.column_named(id).unwrap_or_default().to_owned(),
                issue.title_of(id),
            ],
        };
        row.extend(counts.iter().map(ToString::to_string));
        rows.push(row);
    }
    match format {
        TableFormat::Text => {
            let numeric: Vec<bool> = (0..rows[0].len())
                .map(|k| k >= place.len() || (table.by == By::Article && k == 0))
                .collect();
            aligned(&rows, &numeric)
        }
        _ => delimited(format, &rows),
    }
}

/// Rows as columns aligned in cells: numbers to the right, text to the
/// left, two spaces between; the last text column is not padded.
fn aligned(rows: &[Vec<String>], numeric: &[bool]) -> String {
    let shown: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|f| safe(f).into_owned()).collect())
        .collect();
    let columns = shown.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|k| shown.iter().map(|r| cells(&r[k])).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &shown {
        let mut line = String::new();
        for (k, field) in row.iter().enumerate() {
            if k > 0 {
                line.push_str("  ");
            }
            let room = pad(widths[k] - cells(field));
            if numeric.get(k).copied().unwrap_or(false) {
                line.push_str(&room);
                line.push_str(field);
            } else {
                line.push_str(field);
                line.push_str(&room);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
