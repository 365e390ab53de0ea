//! `--print`: one article laid out as plain text.

use crate::layout::{ArticleLayout, LayoutOptions};
use crate::page::Article;

/// The article at `width` cells: title, byline, blocks, a blank line
/// between paragraphs; no escape codes (control characters are shown as
/// pictures, as in the reader).
pub fn print_article(article: &Article, width: usize, options: LayoutOptions) -> String {
    let layout = ArticleLayout::new(article, width, options, &[]);
    // Sized at once: a string grown by doubling is copied as it grows (a
    // 50 MB article would be held twice over).
    let text: usize = article.parts().map(|(_, t)| t.text.len()).sum();
    let mut out = String::with_capacity(text + layout.lines.len() * (width.min(16) + 1));
    for line in layout.plain_lines(article) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
