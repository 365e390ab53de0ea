//! Search over an issue: hits in one article (for the reading pane) or in
//! every article (page-wide results and `--search`), all through the same
//! matcher. Texts are folded once, on first use.

use std::sync::OnceLock;

use memchr::memmem;
use rayon::prelude::*;

use crate::layout::Part;
use crate::page::{Article, ArticleId, Issue};
use crate::text::Segmenter;
use crate::text::query::{Folded, Query, context, on_word_boundaries};
use crate::text::sanitize::is_format;
use crate::text::script;

/// A hit: bytes `start..end` of one part of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub part: Part,
    pub start: usize,
    pub end: usize,
}

/// A hit somewhere in the issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct IssueHit {
    pub article: ArticleId,
    pub hit: Hit,
}

struct Entry {
    article: ArticleId,
    part: Part,
    /// Folded on the first query that needs it (most queries are found
    /// in the text as written); boxed, as most entries never are.
    folded: OnceLock<Box<Folded>>,
    /// Whether the text holds traditional characters (and so must be
    /// folded for any query), asked once: the reader searches on every
    /// keystroke.
    traditional: OnceLock<bool>,
    /// Whether the text holds format characters, which are not shown (and
    /// so must be folded out for any query to find what is shown), asked
    /// once.
    formatted: OnceLock<bool>,
}

/// The issue's texts, folded for case-insensitive matching.
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} texts)", self.entries.len())
    }
}

/// The searchable parts of an article with their texts.
pub fn parts(article: &Article) -> impl Iterator<Item = (Part, &str)> {
    article
        .parts()
        .map(|(part, text)| (part, text.text.as_str()))
}

impl SearchIndex {
    pub fn new(issue: &Issue) -> SearchIndex {
        // Every text the reader shows: a column's name (as the first of
        // its articles' texts), then each article's parts.
        let entries = issue
            .articles()
            .flat_map(|(id, article)| {
                let column = issue.text_of(id, Part::Column).map(|_| Part::Column);
                column
                    .into_iter()
                    .chain(parts(article).map(|(part, _)| part))
                    .map(move |part| Entry {
                        article: id,
                        part,
                        folded: OnceLock::new(),
                        traditional: OnceLock::new(),
                        formatted: OnceLock::new(),
                    })
            })
            .collect();
        SearchIndex { entries }
    }

    /// Every hit in the issue, in reading order.
    pub fn search(&self, issue: &Issue, query: &Query, seg: Option<Segmenter>) -> Vec<IssueHit> {
        let mut out = Vec::new();
        let _ = self.for_each_batch(issue, query, seg, &mut |hits| {
            out.extend_from_slice(hits);
            Ok::<(), ()>(())
        });
        out
    }

    /// Hands every hit in the issue to `f` in reading order, a batch at a
    /// time: a big issue is searched on every core, a few thousand texts
    /// at once, so a huge list of hits is never held whole (`--search`
    /// writes each batch as it comes). Stops at `f`'s first error.
    pub fn for_each_batch<E>(
        &self,
        issue: &Issue,
        query: &Query,
        seg: Option<Segmenter>,
        f: &mut impl FnMut(&[IssueHit]) -> Result<(), E>,
    ) -> Result<(), E> {
        // A run is a few hundred kilobytes of text: enough to be worth a
        // task, small enough to share out evenly.
        const RUN: usize = 1024;
        let run = |entries: &[Entry]| {
            let mut out = Vec::new();
            each_match(entries, issue, query, seg, &mut |hit| out.push(hit));
            out
        };
        if self.entries.len() <= RUN {
            // One thread; hits handed on as they come, a batch at a time
            // (one paragraph can hold a million).
            const BATCH: usize = 8192;
            let mut batch = Vec::with_capacity(BATCH);
            let mut result = Ok(());
            each_match(&self.entries, issue, query, seg, &mut |hit| {
                if result.is_ok() {
                    batch.push(hit);
                    if batch.len() == BATCH {
                        result = f(&batch);
                        batch.clear();
                    }
                }
            });
            return result.and_then(|()| f(&batch));
        }
        let batch = RUN * 4 * rayon::current_num_threads();
        for entries in self.entries.chunks(batch) {
            let hits: Vec<IssueHit> = entries.par_chunks(RUN).flat_map_iter(run).collect();
            f(&hits)?;
        }
        Ok(())
    }

    /// Hands every hit in the issue to `f`, in reading order, without
    /// keeping them (`--search` on a huge input writes each as it comes).
    pub fn for_each_hit(
        &self,
        issue: &Issue,
        query: &Query,
        seg: Option<Segmenter>,
        f: &mut impl FnMut(IssueHit),
    ) {
        each_match(&self.entries, issue, query, seg, f);
    }

    /// The hits in one article.
    pub fn search_article(
        &self,
        issue: &Issue,
        id: ArticleId,
        query: &Query,
        seg: Option<Segmenter>,
    ) -> Vec<Hit> {
        let mut first = self.entries.partition_point(|e| e.article < id);
        let last = first + self.entries[first..].partition_point(|e| e.article == id);
        // The column's name is shown above the pane, not in it: a search
        // inside the article steps through what the pane shows.
        if self
            .entries
            .get(first)
            .is_some_and(|e| e.part == Part::Column)
        {
            first = (first + 1).min(last);
        }
        let mut out = Vec::new();
        each_match(&self.entries[first..last], issue, query, seg, &mut |h| {
            out.push(h.hit);
        });
        out
    }
}

fn each_match(
    entries: &[Entry],
    issue: &Issue,
    query: &Query,
    seg: Option<Segmenter>,
    out: &mut impl FnMut(IssueHit),
) {
    let finder = memmem::Finder::new(query.folded().as_bytes());
    // A Chinese query is looked for as it can be written, in the text as
    // it is: no text is read first to see whether it needs folding.
    let spelled = query.spelled();
    for entry in entries {
        let text = || {
            issue
                .text_of(entry.article, entry.part)
                .map_or("", |t| t.text.as_str())
        };
        // A text in traditional characters is folded to simplified, as
        // the query was: either script finds both.
        let traditional = || {
            *entry
                .traditional
                .get_or_init(|| script::has_traditional(text()))
        };
        let formatted = *entry
            .formatted
            .get_or_init(|| text().chars().any(is_format));
        let found = if let Some(spelled) = spelled.as_ref().filter(|_| !formatted) {
            spelled.find(text())
        } else if query.matches_unfolded() && !traditional() && !formatted {
            // A long query with too many spellings, in simplified text.
            finder
                .find_iter(text().as_bytes())
                .map(|at| (at, at + query.folded().len()))
                .collect()
        } else if query.case_sensitive {
            // A query with capitals matches case exactly: fold this text
            // again without lowercasing (rare, so not kept).
            query.find_with(&finder, &Folded::new(text(), false))
        } else {
            let folded = entry
                .folded
                .get_or_init(|| Box::new(Folded::new(text(), true)));
            query.find_with(&finder, folded)
        };
        if found.is_empty() {
            continue;
        }
        let boundaries = match (query.whole_word, seg) {
            (true, Some(seg)) => Some(seg.boundaries(text())),
            _ => None,
        };
        for (start, end) in found {
            if boundaries
                .as_ref()
                .is_some_and(|b| !on_word_boundaries(b, start, end))
            {
                continue;
            }
            out(IssueHit {
                article: entry.article,
                hit: Hit {
                    part: entry.part,
                    start,
                    end,
                },
            });
        }
    }
}

/// A hit with its surroundings, for lists of results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub before: String,
    pub hit: String,
    pub after: String,
}

/// Characters of context on each side of a hit in result lists.
pub const CONTEXT_CHARS: usize = 20;

pub fn snippet(issue: &Issue, hit: &IssueHit) -> Snippet {
    let text = issue
        .text_of(hit.article, hit.hit.part)
        .map_or("", |t| t.text.as_str());
    let (before, hit, after) = context(text, hit.hit.start, hit.hit.end, CONTEXT_CHARS);
    Snippet { before, hit, after }
}
