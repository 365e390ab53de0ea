//! The `kanbao` command: parses arguments, loads pages, and hands them to
//! the reader or to one of the scriptable outputs.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use kanbao::action::Action;
use kanbao::app::App;
use kanbao::export;
use kanbao::layout::{ArticleLayout, LayoutOptions};
use kanbao::page::{self, Issue, LoadError, Source};
use kanbao::search::{self, IssueHit, SearchIndex};
use kanbao::text::Segmenter;
use kanbao::text::search::Query;
use kanbao::text::width::DisplayOptions;

/// 看报 — read Chinese newspaper page dumps in the terminal.
///
/// With no PATH, opens the bundled sample page.
#[derive(Debug, Parser)]
#[command(name = "kanbao", version, about, long_about = None)]
struct Cli {
    /// Page files to read (UTF-8 text).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Print the columns and their numbered articles, then exit.
    #[arg(long, group = "mode")]
    outline: bool,

    /// Print the parsed pages as JSON, then exit.
    #[arg(long, group = "mode")]
    json: bool,

    /// Print article N (numbered as in --outline) laid out as plain text.
    #[arg(long, value_name = "N", group = "mode")]
    print: Option<usize>,

    /// Width in terminal cells for --print (default: the terminal's width,
    /// or 80 when stdout is not a terminal).
    #[arg(long, value_name = "W", requires = "print", value_parser = clap::value_parser!(u16).range(1..))]
    width: Option<u16>,

    /// Print every hit of QUERY, one per line: SOURCE:LINE: COLUMN › TITLE: context.
    /// Exit status 0 with hits, 1 with none.
    #[arg(long, value_name = "QUERY", group = "mode")]
    search: Option<String>,

    /// With --search: count a hit only where both its ends fall on word
    /// boundaries (as jieba segments the text).
    #[arg(long, requires = "search")]
    word: bool,

    /// Keep half-width punctuation as written instead of showing it
    /// full-width inside Chinese text.
    #[arg(long)]
    halfwidth: bool,
}

fn sources(paths: &[PathBuf]) -> Vec<Source> {
    if paths.is_empty() {
        vec![Source::Bundled]
    } else {
        paths.iter().cloned().map(Source::File).collect()
    }
}

fn load(sources: &[Source], seg: Option<Segmenter>) -> Result<Issue, LoadError> {
    let mut pages = Vec::with_capacity(sources.len());
    for source in sources {
        let text = source.read()?;
        pages.push(page::parse(&source.name(), &text, seg));
    }
    Ok(Issue { pages })
}

/// Everything that ends a run with a message on stderr.
#[derive(Debug, thiserror::Error)]
enum Failure {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("there is no article {number}: the input has {total} (see --outline)")]
    NoSuchArticle { number: usize, total: usize },
    #[error(
        "the reader needs a terminal, but {0} is not one — use --print N, --outline or --json to read from scripts"
    )]
    NotATerminal(&'static str),
    #[error("the search query is empty")]
    EmptyQuery,
    #[error("the terminal failed: {0}")]
    Terminal(#[from] std::io::Error),
}

/// `SOURCE:LINE: COLUMN › TITLE: …context…` for one hit.
fn search_line(issue: &Issue, hit: &IssueHit) -> String {
    let source = issue
        .pages
        .get(hit.article.page)
        .map_or("", |p| p.source.as_str());
    let column = issue
        .column(hit.article)
        .and_then(|c| c.name.as_ref())
        .map_or(page::NO_COLUMN, |n| n.text.as_str());
    let title = issue
        .article(hit.article)
        .map(|a| a.title_line())
        .unwrap_or_default();
    let title = if title.is_empty() {
        page::UNTITLED
    } else {
        title.as_str()
    };
    let s = search::snippet(issue, hit);
    format!(
        "{source}:{}: {column} › {title}: {}{}{}",
        search::source_line(issue, hit),
        s.before,
        s.hit,
        s.after
    )
}

fn print_width(cli: &Cli) -> usize {
    if let Some(w) = cli.width {
        return usize::from(w);
    }
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = crossterm::terminal::size()
        && cols > 0
    {
        return usize::from(cols);
    }
    80
}

/// Opens the full-screen reader. The first frame is drawn from a parse
/// without the word segmenter; its dictionary loads on a background thread,
/// which then re-parses the pages and hands the refined model over.
fn read(sources: &[Source], options: LayoutOptions) -> Result<ExitCode, Failure> {
    if !std::io::stdin().is_terminal() {
        return Err(Failure::NotATerminal("standard input"));
    }
    if !std::io::stdout().is_terminal() {
        return Err(Failure::NotATerminal("standard output"));
    }
    let issue = load(sources, None)?;
    let texts: Vec<(String, String)> = issue
        .pages
        .iter()
        .map(|p| (p.source.clone(), p.text.clone()))
        .collect();
    let (tx, rx) = std::sync::mpsc::channel();
    Segmenter::preload(move |seg| {
        let pages = texts
            .iter()
            .map(|(name, text)| page::parse(name, text, Some(seg)))
            .collect();
        let _ = tx.send(Action::Refined(Box::new(Issue { pages }), seg));
    });
    let (width, height) = crossterm::terminal::size()?;
    let app = App::new(issue, width, height, options);
    kanbao::ui::run(app, rx)?;
    Ok(ExitCode::SUCCESS)
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let sources = sources(&cli.paths);
    let options = LayoutOptions {
        display: DisplayOptions {
            fullwidth_punct: !cli.halfwidth,
        },
        ..LayoutOptions::default()
    };
    if !(cli.json || cli.outline || cli.print.is_some() || cli.search.is_some()) {
        return read(&sources, options);
    }
    let issue = load(&sources, Some(Segmenter::get()))?;
    if cli.json {
        println!("{}", export::to_json(&issue));
    } else if let Some(number) = cli.print {
        let (_, article) = issue.nth_article(number).ok_or(Failure::NoSuchArticle {
            number,
            total: issue.articles().count(),
        })?;
        let layout = ArticleLayout::new(article, print_width(&cli), options);
        let mut out = String::new();
        for line in layout.plain_lines(article) {
            out.push_str(&line);
            out.push('\n');
        }
        print!("{out}");
    } else if let Some(raw) = &cli.search {
        let query = Query::new(raw, cli.word).ok_or(Failure::EmptyQuery)?;
        let hits = SearchIndex::new(&issue).search(&issue, &query, Some(Segmenter::get()));
        let mut out = String::new();
        for hit in &hits {
            out.push_str(&search_line(&issue, hit));
            out.push('\n');
        }
        print!("{out}");
        if hits.is_empty() {
            return Ok(ExitCode::from(1));
        }
    } else if cli.outline {
        print!("{}", export::outline(&issue));
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("kanbao: {e}");
            ExitCode::from(2)
        }
    }
}
