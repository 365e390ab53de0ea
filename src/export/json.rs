//! `--json`: the page model in a fixed, documented shape.

use serde::Serialize;

use crate::page::{Article, ArticleId, BlockKind, Issue, PrintedIndex};
use crate::text::sanitize::escape_json;

#[derive(Serialize)]
struct JsonIssue<'a> {
    pages: Vec<JsonPage<'a>>,
}

#[derive(Serialize)]
struct JsonPage<'a> {
    source: &'a str,
    columns: Vec<JsonColumn<'a>>,
}

#[derive(Serialize)]
struct JsonColumn<'a> {
    name: Option<&'a str>,
    articles: Vec<JsonArticle<'a>>,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    /// As `--outline` and `--print` number it: 1.. across the input.
    number: usize,
    /// The printed page, where the file's name or the page says it.
    page: Option<u32>,
    /// The issue's date, where the file's or folder's name gives it.
    date: Option<String>,
    /// The first and last source lines the article's text stands on.
    lines: [usize; 2],
    leadin: Option<&'a str>,
    title: &'a str,
    subtitle: Option<&'a str>,
    byline: Option<&'a str>,
    blocks: Vec<JsonBlock<'a>>,
}

#[derive(Serialize)]
struct JsonBlock<'a> {
    kind: BlockKind,
    text: &'a str,
    line: usize,
}

/// The first and last source lines the text of `article` stands on.
fn line_range(article: &Article) -> [usize; 2] {
    let lines = article
        .parts()
        .flat_map(|(_, text)| text.pieces.iter().map(|p| p.line))
        .filter(|&line| line > 0);
    let (first, last) = lines.fold((usize::MAX, 0), |(lo, hi), l| (lo.min(l), hi.max(l)));
    if last == 0 { [0, 0] } else { [first, last] }
}

/// The bytes of the issue's source texts.
fn text_bytes(issue: &Issue) -> usize {
    issue.pages.iter().map(|p| p.text.len()).sum()
}

/// The issue as pretty-printed JSON (UTF-8; only control and format
/// characters are `\u`-escaped):
/// `{"pages":[{"source","columns":[{"name","articles":[{"leadin","title","subtitle","byline",
/// "blocks":[{"kind","text","line"}]}]}]}]}`.
pub fn to_json(issue: &Issue) -> String {
    let printed = PrintedIndex::new(issue);
    let mut number = 0;
    let doc = JsonIssue {
        pages: issue
            .pages
            .iter()
            .enumerate()
            .map(|(p, page)| JsonPage {
                source: &page.source,
                columns: page
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(c, col)| JsonColumn {
                        name: col.name.as_ref().map(|n| n.text.as_str()),
                        articles: col
                            .articles
                            .iter()
                            .enumerate()
                            .map(|(k, a)| {
                                number += 1;
                                let id = ArticleId {
                                    page: p,
                                    column: c,
                                    article: k,
                                };
                                let where_ = printed.get(id);
                                (a, number, where_)
                            })
                            .map(|(a, number, where_)| JsonArticle {
                                number,
                                page: where_.page,
                                date: where_.date.map(|d| d.to_string()),
                                lines: line_range(a),
                                leadin: a.leadin.as_ref().map(|t| t.text.as_str()),
                                title: &a.title.text,
                                subtitle: a.subtitle.as_ref().map(|t| t.text.as_str()),
                                byline: a.byline.as_ref().map(|b| b.text.as_str()),
                                blocks: a
                                    .blocks
                                    .iter()
                                    .map(|b| JsonBlock {
                                        kind: b.kind,
                                        text: &b.text.text,
                                        line: b.line(),
                                    })
                                    .collect(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    // Serializing plain strings, numbers and options cannot fail.
    // Sized from the texts, so that it is not copied as it grows.
    let mut buffer = Vec::with_capacity(text_bytes(issue) * 11 / 10 + (1 << 16));
    let json = match serde_json::to_writer_pretty(&mut buffer, &doc) {
        // serde_json writes UTF-8; std's check of 50 MB of Chinese takes
        // 0.2 s, simdutf8's a tenth of it.
        Ok(()) if simdutf8::basic::from_utf8(&buffer).is_ok() => {
            // SAFETY: `buffer` was validated as UTF-8 just above.
            unsafe { String::from_utf8_unchecked(buffer) }
        }
        Ok(()) => String::new(),
        Err(_) => String::new(),
    };
    // serde_json leaves DEL, C1 and format characters raw: a C1 CSI would
    // reach a terminal when the output is not redirected.
    escape_json(json)
}
