//! What the researcher's outputs share: the three formats, where an
//! article was printed as one label, and fields written as CSV or TSV by
//! the `csv` crate.

use std::collections::HashMap;

use crate::page::{ArticleId, Issue, PrintedIndex};
use crate::text::sanitize::safe;
use crate::text::width::{DisplayOptions, label_width};

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// Columns aligned in terminal cells, for reading.
    Text,
    /// Tab-separated, a header line first (no field holds a tab or a line
    /// break).
    Tsv,
    /// Comma-separated (RFC 4180), a header line first.
    Csv,
}

/// Text as written: widths are those of the text, not of the reader's
/// full-width punctuation.
pub(crate) const AS_WRITTEN: DisplayOptions = DisplayOptions {
    fullwidth_punct: false,
    traditional: false,
};

/// Cells `text` takes on a terminal, as kanbao writes it.
pub(crate) fn cells(text: &str) -> usize {
    label_width(text, AS_WRITTEN)
}

/// `n` spaces.
pub(crate) fn pad(n: usize) -> String {
    " ".repeat(n)
}

/// Every article's number (1-based, as in `--outline`).
pub(crate) fn numbers(issue: &Issue) -> HashMap<ArticleId, usize> {
    issue
        .articles()
        .enumerate()
        .map(|(n, (id, _))| (id, n + 1))
        .collect()
}

/// Where an article was printed, in words: `2019-02-01 p6` where names
/// and page marks tell, else the page's file name (with its page if known).
pub(crate) fn printed_label(issue: &Issue, printed: &PrintedIndex, id: ArticleId) -> String {
    let printed = printed.get(id);
    let source = issue.pages.get(id.page).map_or("", |p| p.short_name());
    match (printed.date, printed.page) {
        (Some(date), Some(page)) => format!("{date} p{page}"),
        (Some(date), None) => date.to_string(),
        (None, Some(page)) if !source.is_empty() => format!("{source} p{page}"),
        _ => source.to_owned(),
    }
}

/// Rows written as CSV or TSV, every field made safe for a terminal.
pub(crate) fn delimited(format: TableFormat, rows: &[Vec<String>]) -> String {
    let mut builder = csv::WriterBuilder::new();
    if format == TableFormat::Tsv {
        // Fields hold no tab or line break (text is made one line), so TSV
        // needs no quoting and stays what `cut -f` reads.
        builder.delimiter(b'\t').quote_style(csv::QuoteStyle::Never);
    }
    let mut writer = builder.from_writer(Vec::new());
    for row in rows {
        let fields = row.iter().map(|f| {
            let one_line: String = f
                .chars()
                .map(|c| {
                    if c == '\t' || c == '\n' || c == '\r' {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            safe(&one_line).into_owned()
        });
        // Writing into memory cannot fail.
        let _ = writer.write_record(fields);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_for_csv_and_flattened_for_tsv() {
        let rows = vec![vec![
            "a,b".to_owned(),
            "say \"hi\"".to_owned(),
            "x\ty".to_owned(),
        ]];
        assert_eq!(
            delimited(TableFormat::Csv, &rows),
            "\"a,b\",\"say \"\"hi\"\"\",x y\n"
        );
        assert_eq!(delimited(TableFormat::Tsv, &rows), "a,b\tsay \"hi\"\tx y\n");
    }

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(cells("党支部"), 6);
        assert_eq!(cells("5G网络"), 6);
        assert_eq!(cells("ＡＢ"), 4);
    }
}
