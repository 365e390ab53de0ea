//! The researcher's commands: `--kwic` (a concordance) and `--freq` (word
//! frequencies, or given words counted by page, column or article).

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use kanbao::concord::{self, SortBy};
use kanbao::export::{self, Cells, TableFormat};
use kanbao::find::SearchIndex;
use kanbao::page::{self, Article, ArticleId, Column, Date, Issue, LoadOptions, Page, Source};
use kanbao::text::Segmenter;
use kanbao::text::query::Query;
use kanbao::wordfreq::{self, By};

use crate::cli::{ByUnit, Cli, ColorWhen, Format, SortOrder};
use crate::{Failure, emit, warn};

/// Words listed by `--freq` unless `--top` says otherwise.
const TOP_WORDS: usize = 50;

fn table_format(cli: &Cli) -> TableFormat {
    let cells = if cli.raw_cells {
        Cells::Raw
    } else {
        Cells::Guarded
    };
    match cli.format {
        Some(Format::Tsv) => TableFormat::Tsv(cells),
        Some(Format::Csv) => TableFormat::Csv(cells),
        _ => TableFormat::Text,
    }
}

fn sort_by(cli: &Cli) -> SortBy {
    match cli.sort {
        None | Some(SortOrder::Source) => SortBy::Source,
        Some(SortOrder::Left) => SortBy::Left,
        Some(SortOrder::Right) => SortBy::Right,
    }
}

/// Does this command need jieba's dictionary (to test word boundaries, to
/// sort by words, or to count words)?
pub(crate) fn needs_words(cli: &Cli) -> bool {
    let sorted = cli.kwic.is_some() && sort_by(cli) != SortBy::Source;
    let listed = cli.freq.as_ref().is_some_and(Vec::is_empty);
    cli.word || sorted || listed
}

/// `--kwic QUERY`: exit status 0 with hits, 1 with none.
pub(crate) fn kwic(cli: &Cli, raw: &str, issue: &Issue) -> Result<ExitCode, Failure> {
    let query = Query::new(raw, cli.word).ok_or(Failure::EmptyQuery)?;
    let seg = needs_words(cli).then(Segmenter::get);
    let hits = SearchIndex::new(issue).search(issue, &query, seg);
    let chars = cli.context.map_or(concord::CONTEXT_CHARS, usize::from);
    let mut lines = concord::lines(issue, &hits, chars);
    concord::sort(&mut lines, sort_by(cli), seg);
    let color =
        table_format(cli) == TableFormat::Text && cli.color.unwrap_or(ColorWhen::Auto).paints();
    let text = export::kwic(issue, &lines, table_format(cli), color);
    let mut out = export::Output::new();
    // The text is made of safe and painted pieces (see export::kwic).
    out.write_painted(&text).map_err(Failure::Output)?;
    out.finish().map_err(Failure::Output)?;
    Ok(if lines.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--freq=WORD,… --by date` on an indexed archive, from its `pages` and
/// whether each can hold a word: those that can are read, parsed and
/// counted a batch at a time (never all held at once); every date is a
/// row, the others' zeros, as a scan gives.
pub(crate) fn freq_by_date(
    cli: &Cli,
    words: &[String],
    pages: Vec<(PathBuf, bool)>,
    opts: LoadOptions,
) -> Result<ExitCode, Failure> {
    let words = words_of(words)?;
    let seg = cli.word.then(Segmenter::get);
    let mut counts: HashMap<Date, Vec<usize>> = HashMap::new();
    let read = pages
        .iter()
        .filter(|(_, holds)| *holds)
        .map(|(path, _)| Ok(Source::File(path.clone())))
        .collect();
    page::in_batches(read, opts, seg, warn, |issue| {
        let table = wordfreq::count_table(&issue, &words, By::Date, cli.word, seg);
        for (group, row) in table.groups.iter().zip(table.counts) {
            let date = issue
                .pages
                .get(group.first.page)
                .and_then(|p| page::date_in(&p.source));
            if let Some(date) = date {
                let sum = counts.entry(date).or_insert_with(|| vec![0; words.len()]);
                sum.iter_mut().zip(row).for_each(|(s, n)| *s += n);
            }
        }
        Ok::<bool, Failure>(true)
    })?;
    // One row a date, in reading order: a page of one empty article for
    // each, which the table names by its date.
    let mut dates: Vec<(Date, PathBuf)> = Vec::new();
    for (path, _) in pages {
        if let Some(date) = page::date_in(&path.to_string_lossy())
            && dates.last().is_none_or(|(d, _)| *d != date)
        {
            dates.push((date, path));
        }
    }
    let issue = Issue {
        pages: dates
            .iter()
            .map(|(_, path)| Page {
                source: Source::File(path.clone()).name(),
                text: Arc::default(),
                columns: vec![Column {
                    name: None,
                    articles: vec![Article::default()],
                }],
            })
            .collect(),
    };
    let table = wordfreq::CountTable {
        by: By::Date,
        words: words.clone(),
        groups: (0..dates.len())
            .map(|k| wordfreq::Group {
                first: ArticleId {
                    page: k,
                    column: 0,
                    article: 0,
                },
                number: k + 1,
            })
            .collect(),
        counts: dates
            .iter()
            .map(|(d, _)| counts.remove(d).unwrap_or_else(|| vec![0; words.len()]))
            .collect(),
    };
    emit(&export::count_table(&issue, &table, table_format(cli)))?;
    Ok(ExitCode::SUCCESS)
}

/// The words of `--freq=WORD,…`, trimmed; an error if none is left.
fn words_of(words: &[String]) -> Result<Vec<String>, Failure> {
    let words: Vec<String> = words
        .iter()
        .map(|w| w.trim().to_owned())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err(Failure::EmptyQuery);
    }
    Ok(words)
}

/// `--freq` and `--freq=WORD,… --by UNIT`.
pub(crate) fn freq(cli: &Cli, words: &[String], issue: &Issue) -> Result<ExitCode, Failure> {
    let format = table_format(cli);
    if words.is_empty() {
        let top = match cli.top {
            Some(0) => None,
            Some(n) => Some(n),
            None => Some(TOP_WORDS),
        };
        let list = wordfreq::top_words(issue, None, Segmenter::lazy(), top);
        emit(&export::word_counts(&list, format))?;
        return Ok(ExitCode::SUCCESS);
    }
    let words = words_of(words)?;
    let by = match cli.by {
        Some(ByUnit::Date) => By::Date,
        Some(ByUnit::Column) => By::Column,
        Some(ByUnit::Article) => By::Article,
        _ => By::Page,
    };
    let seg = cli.word.then(Segmenter::get);
    let table = wordfreq::count_table(issue, &words, by, cli.word, seg);
    emit(&export::count_table(issue, &table, format))?;
    Ok(ExitCode::SUCCESS)
}
