//! The researcher's commands: `--kwic` (a concordance) and `--freq` (word
//! frequencies, or given words counted by page, column or article).

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use kanbao::concord::{self, SortBy};
use kanbao::export::{self, TableFormat};
use kanbao::find::SearchIndex;
use kanbao::page::{self, Article, Column, Issue, LoadError, LoadOptions, Page, Source, load};
use kanbao::text::Segmenter;
use kanbao::text::query::Query;
use kanbao::wordfreq::{self, By};

use crate::cli::{ByUnit, Cli, ColorWhen, Format, SortOrder};
use crate::{Failure, emit, warn};

/// Words listed by `--freq` unless `--top` says otherwise.
const TOP_WORDS: usize = 50;

fn table_format(cli: &Cli) -> TableFormat {
    match cli.format {
        Some(Format::Tsv) => TableFormat::Tsv,
        Some(Format::Csv) => TableFormat::Csv,
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
/// whether each can hold a word: those that can are read and parsed, the
/// others stand as a page with one empty article (a row of zeros for
/// their date, as a scan gives).
pub(crate) fn freq_by_date(
    cli: &Cli,
    words: &[String],
    pages: Vec<(PathBuf, bool)>,
    opts: LoadOptions,
) -> Result<ExitCode, Failure> {
    let read: Vec<Result<Source, LoadError>> = pages
        .iter()
        .filter(|(_, holds)| *holds)
        .map(|(path, _)| Ok(Source::File(path.clone())))
        .collect();
    let mut parsed: HashMap<String, Page> = HashMap::new();
    if !read.is_empty() {
        let (loaded, warnings) = load::load_all(read, opts)?;
        for warning in &warnings {
            warn(warning);
        }
        let texts: Vec<(String, Arc<String>)> = loaded
            .into_iter()
            .map(|l| (l.name, Arc::new(l.text)))
            .collect();
        let seg = cli.word.then(Segmenter::get);
        for page in page::parse_pages(&texts, seg) {
            parsed.insert(page.source.clone(), page);
        }
    }
    let issue = Issue {
        pages: pages
            .into_iter()
            .filter_map(|(path, holds)| {
                let name = Source::File(path).name();
                if holds {
                    // Unread (a warning said why): no row, as in a scan.
                    return parsed.remove(&name);
                }
                Some(Page {
                    source: name,
                    text: Arc::default(),
                    columns: vec![Column {
                        name: None,
                        articles: vec![Article::default()],
                    }],
                })
            })
            .collect(),
    };
    let code = freq(cli, words, &issue);
    std::mem::forget(issue);
    code
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
        let list = wordfreq::top_words(issue, None, Segmenter::get(), top);
        emit(&export::word_counts(&list, format))?;
        return Ok(ExitCode::SUCCESS);
    }
    let words: Vec<String> = words
        .iter()
        .map(|w| w.trim().to_owned())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err(Failure::EmptyQuery);
    }
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
