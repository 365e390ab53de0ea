//! `--explain`: each text of the chosen articles on a line — its source
//! line, what it became, its opening, and the rule that decided.

use std::fmt::Write;

use crate::page::Explained;
use crate::text::sanitize::safe;
use crate::text::width::{DisplayOptions, label_width, truncate};

/// How much of each text is shown, in cells.
const TEXT_CELLS: usize = 24;

/// The explanation, an article at a time under its number and title:
///
/// ```text
/// 1. 打一场祛除积弊自我净化的整风仗  (sample-page.txt)
///      3  column      视点                      the headline group's first line, …
/// ```
pub fn explanation(lines: &[Explained], titles: impl Fn(usize) -> String) -> String {
    // As written: the explanation quotes the source.
    let opts = DisplayOptions {
        fullwidth_punct: false,
        traditional: false,
        simplified: false,
    };
    let digits = lines
        .iter()
        .map(|e| e.line)
        .max()
        .unwrap_or(1)
        .to_string()
        .len();
    let mut out = String::new();
    let mut article = 0;
    for e in lines {
        if e.article != article {
            if article != 0 {
                out.push('\n');
            }
            article = e.article;
            let _ = writeln!(
                out,
                "{article}. {}  ({})",
                safe(&titles(article)),
                safe(&e.source)
            );
        }
        let one_line = e.text.replace(['\n', '\r'], " ");
        let text = safe(&truncate(&one_line, TEXT_CELLS, opts)).into_owned();
        let pad = TEXT_CELLS.saturating_sub(label_width(&text, opts));
        let _ = writeln!(
            out,
            "  {:>digits$}  {:<10}  {text}{:pad$}  {}",
            e.line, e.label, "", e.why
        );
    }
    out
}
