//! `--print N --format markdown` and the copy command: one article as
//! Markdown or as plain text with one line per paragraph (no hard wraps:
//! the receiving program sets the text).

use crate::page::{Article, BlockKind};
use crate::text::sanitize::{safe, safe_output};
use crate::text::width::DisplayOptions;

/// The article as plain text: the headline (lead-in, title, subtitle),
/// byline, then the blocks, separated by blank lines.
pub fn plain_article(article: &Article, opts: DisplayOptions) -> String {
    // Copied text is what the reader shows (full-width punctuation inside
    // Chinese where the display option is on), never raw control
    // characters.
    let shown = |text: &str| -> String {
        crate::text::width::glyphs(text, opts)
            .map(|g| g.show)
            .collect::<String>()
    };
    let mut parts: Vec<String> = article.leadin.iter().map(|t| shown(&t.text)).collect();
    parts.push(shown(&article.title_line()));
    parts.extend(article.subtitle.as_ref().map(|t| shown(&t.text)));
    parts.extend(article.byline.as_ref().map(|b| shown(&b.text)));
    parts.extend(article.blocks.iter().map(|b| shown(&b.text.text)));
    let mut out = parts.join("\n\n");
    out.push('\n');
    safe_output(&out).into_owned()
}

/// The article as Markdown: the lead-in in italics above the title, the
/// title as a heading, the subtitle in bold, the byline in italics,
/// subheadings as second-level headings, captions and credits in italics.
pub fn markdown_article(article: &Article) -> String {
    let mut parts: Vec<String> = article
        .leadin
        .iter()
        .map(|t| format!("*{}*", escape(&t.text)))
        .collect();
    parts.push(format!("# {}", escape(&article.display_title())));
    parts.extend(
        article
            .subtitle
            .as_ref()
            .map(|t| format!("**{}**", escape(&t.text))),
    );
    if let Some(byline) = &article.byline {
        parts.push(format!("*{}*", escape(&byline.text)));
    }
    for block in &article.blocks {
        let text = escape(&block.text.text);
        parts.push(match block.kind {
            BlockKind::Paragraph => text,
            BlockKind::Subheading => format!("## {text}"),
            BlockKind::Caption | BlockKind::Credit => format!("*{text}*"),
        });
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// Backslash-escapes what Markdown would read as markup, so the text comes
/// out as written; newlines inside a block become spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let text = text.trim();
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // A leading list or quote marker.
            '-' | '+' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    // The one rule of what reaches a terminal, as every output has it.
    safe(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape("*重点* #1 [注]"), "\\*重点\\* \\#1 \\[注\\]");
        assert_eq!(escape("- 列表"), "\\- 列表");
        assert_eq!(escape("一\n二\u{1b}\u{202e}\u{9b}"), "一 二␛�");
    }
}
