//! `--json`: the page model in a fixed, documented shape.

use std::cell::{Cell, RefCell};
use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::page::{Article, ArticleId, BlockKind, Issue, PrintedIndex};
use crate::text::sanitize::escape_json;

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

/// The issue, written as it is serialized: page by page, article by
/// article, with the running article number.
struct IssueView<'a> {
    issue: &'a Issue,
    printed: PrintedIndex,
    number: Cell<usize>,
}

struct Pages<'a>(&'a IssueView<'a>);

struct Columns<'a> {
    view: &'a IssueView<'a>,
    page: usize,
}

struct Articles<'a> {
    view: &'a IssueView<'a>,
    page: usize,
    column: usize,
}

impl Serialize for IssueView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut doc = s.serialize_struct("JsonIssue", 1)?;
        doc.serialize_field("pages", &Pages(self))?;
        doc.end()
    }
}

impl Serialize for Pages<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        s.collect_seq((0..view.issue.pages.len()).map(|page| Columns { view, page }))
    }
}

impl Serialize for Columns<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let page = &self.view.issue.pages[self.page];
        let columns = (0..page.columns.len()).map(|column| {
            (
                column,
                Articles {
                    view: self.view,
                    page: self.page,
                    column,
                },
            )
        });
        let mut doc = s.serialize_struct("JsonPage", 2)?;
        doc.serialize_field("source", &page.source)?;
        doc.serialize_field("columns", &ColumnList(page, RefCell::new(Some(columns))))?;
        doc.end()
    }
}

/// A page's columns, each with its name and articles (taken once).
struct ColumnList<'a, I>(&'a crate::page::Page, RefCell<Option<I>>);

impl<'a, I: Iterator<Item = (usize, Articles<'a>)>> Serialize for ColumnList<'a, I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let page = self.0;
        let columns = self.1.borrow_mut().take().into_iter().flatten();
        s.collect_seq(columns.map(|(c, articles)| Column {
            name: page.columns[c].name.as_ref().map(|n| n.text.as_str()),
            articles,
        }))
    }
}

#[derive(Serialize)]
struct Column<'a> {
    name: Option<&'a str>,
    articles: Articles<'a>,
}

impl Serialize for Articles<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let view = self.view;
        let column = &view.issue.pages[self.page].columns[self.column];
        s.collect_seq(column.articles.iter().enumerate().map(|(k, a)| {
            view.number.set(view.number.get() + 1);
            let id = ArticleId {
                page: self.page,
                column: self.column,
                article: k,
            };
            article(a, view.number.get(), &view.printed, id)
        }))
    }
}

/// One article as JSON shows it.
fn article<'a>(
    a: &'a Article,
    number: usize,
    printed: &PrintedIndex,
    id: ArticleId,
) -> JsonArticle<'a> {
    let where_ = printed.get(id);
    JsonArticle {
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
    }
}

/// Passes JSON on with what [`escape_json`] escapes escaped, in the big
/// pieces a `BufWriter` hands it: a character cut at a piece's end is
/// kept for the next.
struct Escaping<W: Write> {
    out: W,
    carry: Vec<u8>,
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.carry.extend_from_slice(bytes);
        let whole = match std::str::from_utf8(&self.carry) {
            Ok(text) => text.len(),
            // Only a character cut at the end waits; anything else is not
            // UTF-8, which serde_json never writes.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "JSON that is not UTF-8",
                ));
            }
        };
        let text = String::from_utf8_lossy(&self.carry[..whole]).into_owned();
        self.out.write_all(escape_json(text).as_bytes())?;
        self.carry.drain(..whole);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Writes the issue as pretty-printed JSON to `out` as it is made (UTF-8;
/// only control and format characters are `\u`-escaped): a page of a
/// million lines is never one string.
/// `{"pages":[{"source","columns":[{"name","articles":[{"leadin","title","subtitle","byline",
/// "blocks":[{"kind","text","line"}]}]}]}]}`.
pub fn write_json(issue: &Issue, out: impl Write) -> io::Result<()> {
    let view = IssueView {
        issue,
        printed: PrintedIndex::new(issue),
        number: Cell::new(0),
    };
    let mut buffered = io::BufWriter::with_capacity(
        1 << 16,
        Escaping {
            out,
            carry: Vec::new(),
        },
    );
    serde_json::to_writer_pretty(&mut buffered, &view).map_err(io::Error::other)?;
    buffered.flush()?;
    let escaping = buffered
        .into_inner()
        .map_err(io::IntoInnerError::into_error)?;
    if escaping.carry.is_empty() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "JSON that ends inside a character",
        ))
    }
}

/// The issue as pretty-printed JSON, in one string (see [`write_json`]).
pub fn to_json(issue: &Issue) -> String {
    let mut buffer = Vec::new();
    if write_json(issue, &mut buffer).is_err() {
        return String::new();
    }
    String::from_utf8(buffer).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Written in 64 KB pieces, a long text of three-byte characters and
    /// format characters comes out whole and escaped: no character cut
    /// at a piece's end, none left raw.
    #[test]
    fn json_in_pieces_is_the_whole() {
        let paragraph = "中文\u{200E}字，".repeat(20_000);
        let page = format!("标题\n\n{paragraph}\n");
        let issue = Issue {
            pages: vec![crate::page::parse("page.txt", &page, None)],
        };
        let json = to_json(&issue);
        assert!(
            json.len() > 1 << 17,
            "{} bytes: more than two pieces",
            json.len()
        );
        assert!(!json.contains('\u{200E}'));
        assert_eq!(json.matches("\\u200e").count(), 20_000);
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let text = value["pages"][0]["columns"][0]["articles"][0]["blocks"][0]["text"]
            .as_str()
            .expect("the paragraph");
        assert_eq!(text, paragraph);
    }
}
