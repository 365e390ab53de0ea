//! `--print`: one article laid out as plain text.

use crate::layout::{ArticleLayout, LayoutOptions};
use crate::page::Article;

/// The article at `width` cells: title, byline, blocks, a blank line
/// between paragraphs; no escape codes (control characters are shown as
/// pictures, as in the reader).
pub fn print_article(article: &Article, width: usize, options: LayoutOptions) -> String {
    let layout = ArticleLayout::new(article, width, options, &[]);
    let mut out = String::new();
    for line in layout.plain_lines(article) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
