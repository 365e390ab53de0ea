//! Why the parser read each line as it did (`kanbao --explain`): every
//! text of an article — column, lead-in, title, subtitle, byline, blocks —
//! with the line it starts on, what it became and the rule that decided.

use std::collections::HashMap;

use super::model::{Article, BlockKind, Issue, Part, Text};
use super::parallel::reasons;
use crate::text::Segmenter;

/// One text of an article, explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    /// The article's number, as `--outline` numbers it.
    pub article: usize,
    /// The page's source (its file name).
    pub source: String,
    /// The 1-based source line the text starts on.
    pub line: usize,
    /// What the text became: column, lead-in, title, subtitle, byline,
    /// paragraph, subheading, caption or credit.
    pub label: &'static str,
    pub text: String,
    /// The rule that decided it.
    pub why: &'static str,
}

/// What the parts of a headline are, where the rule that opened the
/// article was noted on its first line only.
fn headline_why(label: &str) -> &'static str {
    match label {
        "column" => "the headline group's first line, set apart: the column's name",
        "lead-in" => "in the headline group, over the title (a colon, a dash, clauses)",
        "subtitle" => "in the headline group, under the title (a dash, or a line after it)",
        "byline" => "a byline (□, 本报记者 …) under the headline",
        _ => "in the headline group that opens the article",
    }
}

fn label_of(part: Part, kind: Option<BlockKind>) -> &'static str {
    match (part, kind) {
        (Part::LeadIn, _) => "lead-in",
        (Part::Title, _) => "title",
        (Part::Subtitle, _) => "subtitle",
        (Part::Byline, _) => "byline",
        (_, Some(BlockKind::Subheading)) => "subheading",
        (_, Some(BlockKind::Caption)) => "caption",
        (_, Some(BlockKind::Credit)) => "credit",
        _ => "paragraph",
    }
}

/// Every text of the articles `wanted` (all when `None`) of `issue`,
/// explained, in reading order.
pub fn explain(issue: &Issue, wanted: Option<&[usize]>, seg: Option<Segmenter>) -> Vec<Explained> {
    let mut out = Vec::new();
    let mut number = 0;
    for page in &issue.pages {
        let first = number + 1;
        number += page.columns.iter().map(|c| c.articles.len()).sum::<usize>();
        if wanted.is_some_and(|w| !w.iter().any(|n| (first..=number).contains(n))) {
            continue;
        }
        let why: HashMap<usize, &'static str> = reasons(&page.text, seg).into_iter().collect();
        let mut n = first - 1;
        for column in &page.columns {
            for (k, article) in column.articles.iter().enumerate() {
                n += 1;
                if wanted.is_none_or(|w| w.contains(&n)) {
                    let column_line = (k == 0).then_some(column.name.as_ref()).flatten();
                    let mut push = |line, label, text: &str, rule| {
                        out.push(Explained {
                            article: n,
                            source: page.source.clone(),
                            line,
                            label,
                            text: text.to_owned(),
                            why: rule,
                        });
                    };
                    explain_article(article, column_line, &why, &mut push);
                }
            }
        }
    }
    out
}

/// One article's texts, each given to `push` as (line, label, text, rule);
/// `column_line` is the column's name where the article opens it.
fn explain_article(
    article: &Article,
    column_line: Option<&Text>,
    why: &HashMap<usize, &'static str>,
    push: &mut impl FnMut(usize, &'static str, &str, &'static str),
) {
    // The rule that opened the article was noted on the first line of its
    // headline group: it is the title's reason.
    let heads = [
        article.leadin.as_ref(),
        Some(&article.title),
        article.subtitle.as_ref(),
    ];
    let opened = column_line
        .into_iter()
        .chain(heads.into_iter().flatten())
        .find_map(|t| why.get(&t.line).copied())
        .unwrap_or("text before the page's first headline: an untitled article");
    if let Some(name) = column_line {
        push(name.line, "column", &name.text, headline_why("column"));
    }
    for (part, text) in article.parts() {
        let kind = match part {
            Part::Block(i) => article.blocks.get(i).map(|b| b.kind),
            _ => None,
        };
        let label = label_of(part, kind);
        let block = matches!(part, Part::Block(_));
        for (p, piece) in text.pieces.iter().enumerate() {
            // A paragraph's wrapped lines are one block; a piece that was a
            // block of its own was mended on.
            let rule = match (p, why.get(&piece.line).copied()) {
                (0, _) if part == Part::Title => opened,
                (0, Some(rule)) if block || part == Part::Byline => rule,
                (0, None) if block => "with the heads above it (a roundup's item or a sub-report)",
                (_, Some(_)) if block => {
                    "mended on: the same paragraph, cut where a printed column ended"
                }
                (_, None) if block => continue,
                _ => headline_why(label),
            };
            let shown = if p == 0 {
                &text.text
            } else {
                &text.text[piece.at..piece.at + piece.len]
            };
            push(piece.line, label, shown, rule);
        }
    }
}
