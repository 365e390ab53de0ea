//! Word frequencies: the words of an issue (or of one article) by how
//! often they occur, as jieba segments them, and how often given words
//! occur page by page, column by column or article by article.
//!
//! A word list leaves out what tells nothing: punctuation, numbers (and
//! the unit after one: 7月, 30岁), and stop words (stopwords-iso's Chinese
//! list). Traditional characters count as their simplified forms, so 黨支部
//! and 党支部 are one word, shown as the text writes it most often.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::find::SearchIndex;
use crate::page::{ArticleId, Date, Issue, Printed, PrintedIndex};
use crate::text::Segmenter;
use crate::text::query::Query;
use crate::text::script;

/// One word of a frequency list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordCount {
    /// As the text writes it most often.
    pub word: String,
    /// Its simplified form, letters in lower case: what is counted as one
    /// word (黨支部 and 党支部 are 党支部).
    pub simplified: String,
    /// How often it occurs.
    pub count: usize,
    /// In how many articles.
    pub articles: usize,
}

static STOP_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| stop_words::get("zh").iter().copied().collect());

/// A number written in digits or numerals (2019, 两千, ５).
fn is_number(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_numeric() || "零〇一二三四五六七八九十百千万亿两.．,，%％".contains(c))
}

/// Does `word` (folded) count as a word of the text?
fn counts(word: &str, after_number: bool) -> bool {
    // The unit of a number (7月, 30岁, 5个) is not a word either.
    let unit = after_number && word.chars().count() == 1;
    word.chars().any(char::is_alphabetic) && !is_number(word) && !unit && !STOP_WORDS.contains(word)
}

/// `word` with traditional characters in their simplified forms and
/// letters in lower case.
fn fold(word: &str) -> String {
    word.chars()
        .map(|c| script::simplified(c).unwrap_or(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Counts of one word (folded) over a run of articles.
#[derive(Debug, Default)]
struct Counted {
    count: usize,
    articles: usize,
    /// The last article it was counted in.
    last: usize,
    /// The ways the text writes it (黨支部, 党支部), each with its count.
    forms: Vec<(String, usize)>,
}

impl Counted {
    fn written(&mut self, form: &str, count: usize) {
        match self.forms.iter_mut().find(|(f, _)| f == form) {
            Some((_, n)) => *n += count,
            None => self.forms.push((form.to_owned(), count)),
        }
    }

    /// The form written most often (the first in order of the forms on a
    /// tie).
    fn shown(mut self) -> String {
        self.forms
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        self.forms
            .into_iter()
            .next()
            .map(|(f, _)| f)
            .unwrap_or_default()
    }
}

/// Counts of one run of articles, by folded word.
type Tally = HashMap<String, Counted>;

fn tally(issue: &Issue, ids: &[ArticleId], first: usize, seg: Segmenter) -> Tally {
    let mut out: Tally = HashMap::new();
    let texts: Vec<&str> = ids
        .iter()
        .filter_map(|&id| issue.article(id))
        .flat_map(|a| a.parts().map(|(_, t)| t.text.as_str()))
        .collect();
    let seg = seg.batch(&texts);
    for (k, &id) in ids.iter().enumerate() {
        let Some(article) = issue.article(id) else {
            continue;
        };
        let n = first + k;
        for (_, text) in article.parts() {
            let mut after_number = false;
            for word in seg.words(&text.text) {
                let word = word.trim();
                if word.is_empty() {
                    continue;
                }
                let folded = fold(word);
                if counts(&folded, after_number) {
                    let e = out.entry(folded).or_insert_with(|| Counted {
                        last: usize::MAX,
                        ..Counted::default()
                    });
                    e.count += 1;
                    e.written(word, 1);
                    if e.last != n {
                        e.articles += 1;
                        e.last = n;
                    }
                }
                after_number = is_number(word);
            }
        }
    }
    out
}

/// The words of the articles `ids` (all of the issue's with `None`) by
/// frequency, most frequent first (then by the articles they occur in,
/// then by the word); `top` words at most. The articles are shared among
/// the machine's cores.
pub fn top_words(
    issue: &Issue,
    ids: Option<&[ArticleId]>,
    seg: Segmenter,
    top: Option<usize>,
) -> Vec<WordCount> {
    let all: Vec<ArticleId>;
    let ids = match ids {
        Some(ids) => ids,
        None => {
            all = issue.articles().map(|(id, _)| id).collect();
            &all
        }
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8)
        .min(ids.len().max(1));
    let per = ids.len().div_ceil(threads).max(1);
    let tallies: Vec<Tally> = std::thread::scope(|s| {
        let handles: Vec<_> = ids
            .chunks(per)
            .enumerate()
            .map(|(k, chunk)| s.spawn(move || tally(issue, chunk, k * per, seg)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut merged: HashMap<String, Counted> = HashMap::new();
    for t in tallies {
        for (word, counted) in t {
            let e = merged.entry(word).or_default();
            e.count += counted.count;
            e.articles += counted.articles;
            for (form, n) in &counted.forms {
                e.written(form, *n);
            }
        }
    }
    let mut list: Vec<WordCount> = merged
        .into_iter()
        .map(|(simplified, counted)| WordCount {
            count: counted.count,
            articles: counted.articles,
            word: counted.shown(),
            simplified,
        })
        .collect();
    list.sort_by(|a, b| {
        (b.count, b.articles)
            .cmp(&(a.count, a.articles))
            .then_with(|| a.word.cmp(&b.word))
    });
    if let Some(top) = top {
        list.truncate(top);
    }
    list
}

/// What a table of counts has a row for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// An issue: the pages of one date (undated pages each a row).
    Date,
    /// A page: a file, or a page marked inside a whole day (第06版).
    Page,
    /// A column of a page.
    Column,
    /// An article.
    Article,
}

/// A row of a table of counts: the first article of its page, column or
/// article, and the article's number (1-based, as in `--outline`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    pub first: ArticleId,
    pub number: usize,
}

/// How often each of some words occurs in each page, column or article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountTable {
    pub by: By,
    pub words: Vec<String>,
    pub groups: Vec<Group>,
    /// `counts[group][word]`.
    pub counts: Vec<Vec<usize>>,
}

/// The key that puts an article in its row.
type GroupKey = (Option<Date>, usize, Option<u32>, usize, usize);

fn group_key(printed: &PrintedIndex, id: ArticleId, by: By) -> GroupKey {
    let Printed { date, page } = printed.get(id);
    match by {
        By::Date if date.is_some() => (date, 0, None, 0, 0),
        By::Date | By::Page => (date, id.page, page, 0, 0),
        By::Column => (date, id.page, page, id.column, 0),
        By::Article => (date, id.page, page, id.column, id.article),
    }
}

/// Counts `words` (as `--search` finds them: folded, either script, whole
/// words only with `whole_word` and a segmenter) in every page, column or
/// article of the issue, all of them rows, in reading order.
pub fn count_table(
    issue: &Issue,
    words: &[String],
    by: By,
    whole_word: bool,
    seg: Option<Segmenter>,
) -> CountTable {
    let mut groups: Vec<Group> = Vec::new();
    let mut row_of: HashMap<ArticleId, usize> = HashMap::new();
    let mut last = None;
    let printed = PrintedIndex::new(issue);
    for (n, (id, _)) in issue.articles().enumerate() {
        let key = group_key(&printed, id, by);
        if last != Some(key) {
            groups.push(Group {
                first: id,
                number: n + 1,
            });
            last = Some(key);
        }
        row_of.insert(id, groups.len() - 1);
    }
    let mut counts = vec![vec![0; words.len()]; groups.len()];
    let index = SearchIndex::new(issue);
    for (w, word) in words.iter().enumerate() {
        let Some(query) = Query::new(word, whole_word) else {
            continue;
        };
        index.for_each_hit(issue, &query, seg, &mut |hit| {
            if let Some(&row) = row_of.get(&hit.article) {
                counts[row][w] += 1;
            }
        });
    }
    CountTable {
        by,
        words: words.to_vec(),
        groups,
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_word() {
        assert!(counts("党支部", false));
        assert!(!counts("，", false));
        assert!(!counts("2019", false));
        assert!(!counts("两千", false));
        assert!(!counts("的", false), "a stop word");
        assert!(!counts("村", true), "the unit after a number");
        assert!(counts("村", false));
        assert!(counts("app", false));
    }

    #[test]
    fn traditional_counts_as_simplified() {
        assert_eq!(fold("黨支部"), "党支部");
        assert_eq!(fold("APP"), "app");
    }
}
