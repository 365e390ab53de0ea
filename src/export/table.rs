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
    /// break; one holding a `"` is quoted, as a TSV reader expects).
    Tsv(Cells),
    /// Comma-separated (RFC 4180), a header line first.
    Csv(Cells),
}

/// Whether a cell that a spreadsheet would run as a formula (`=`, `+`,
/// `-`, `@` first) is written with a `'` before it, which spreadsheets
/// show as text and do not run. Page text and file names are data from
/// anyone: guarded unless `--raw-cells` asks otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cells {
    Guarded,
    Raw,
}

/// Would a spreadsheet take `field` for a formula? Numbers (-3, +1.5)
/// are numbers, not formulas.
fn formula_like(field: &str) -> bool {
    field.starts_with(['=', '+', '-', '@']) && field.parse::<f64>().is_err()
}

/// Text as written: widths are those of the text, not of the reader's
/// full-width punctuation.
pub(crate) const AS_WRITTEN: DisplayOptions = DisplayOptions {
    fullwidth_punct: false,
    traditional: false,
    simplified: false,
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

/// Rows written as CSV or TSV, every field made safe for a terminal (and
/// for a spreadsheet, unless the cells are [`Cells::Raw`]).
pub(crate) fn delimited(format: TableFormat, rows: &[Vec<String>]) -> String {
    let mut builder = csv::WriterBuilder::new();
    let cells = match format {
        TableFormat::Tsv(cells) => {
            builder.delimiter(b'\t');
            cells
        }
        TableFormat::Csv(cells) => cells,
        TableFormat::Text => Cells::Raw,
    };
    let mut writer = builder.from_writer(Vec::new());
    for row in rows {
        let fields = row.iter().map(|f| {
            let mut one_line = String::with_capacity(f.len() + 1);
            if cells == Cells::Guarded && formula_like(f) {
                one_line.push('\'');
            }
            one_line.extend(f.chars().map(|c| {
                if c == '\t' || c == '\n' || c == '\r' {
                    ' '
                } else {
                    c
                }
            }));
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
            delimited(TableFormat::Csv(Cells::Guarded), &rows),
            "\"a,b\",\"say \"\"hi\"\"\",x y\n"
        );
        assert_eq!(
            delimited(TableFormat::Tsv(Cells::Guarded), &rows),
            "a,b\t\"say \"\"hi\"\"\"\tx y\n"
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_guarded() {
        let rows = vec![vec![
            "=HYPERLINK(\"x\")".to_owned(),
            "+1+2".to_owned(),
            "@SUM(A1)".to_owned(),
            "-5".to_owned(),
            "党支部".to_owned(),
        ]];
        assert_eq!(
            delimited(TableFormat::Tsv(Cells::Guarded), &rows),
            "\"'=HYPERLINK(\"\"x\"\")\"\t'+1+2\t'@SUM(A1)\t-5\t党支部\n"
        );
        assert_eq!(
            delimited(TableFormat::Csv(Cells::Raw), &rows),
            "\"=HYPERLINK(\"\"x\"\")\",+1+2,@SUM(A1),-5,党支部\n"
        );
    }

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(cells("党支部"), 6);
        assert_eq!(cells("5G网络"), 6);
        assert_eq!(cells("ＡＢ"), 4);
    }
}
