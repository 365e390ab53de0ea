//! The `kanbao` command: parses arguments, loads pages, and hands them to
//! the reader or to one of the scriptable outputs.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;

mod allocator;
mod cli;
mod indexing;
mod inputs;
mod research;
mod searching;
mod selection;
mod settings;

use cli::{Cli, Format, misplaced, print_width};

use kanbao::app::{App, Exit, Startup};
use kanbao::config::Config;
use kanbao::effects::Executor;
use kanbao::export::{self, Output};
use kanbao::keymap::Keymap;
use kanbao::layout::LayoutOptions;
use kanbao::message::Msg;
use kanbao::page::load;
use kanbao::page::{self, Issue, LoadError, LoadOptions, Loaded, Source};
use kanbao::state::{self, State};
use kanbao::text::Segmenter;
use kanbao::text::sanitize::{safe, safe_output};
use kanbao::text::width::DisplayOptions;

/// Everything that ends a run with a message on stderr.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Failure {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("there is no article {number}: the input has {total} (see --outline)")]
    NoSuchArticle { number: usize, total: usize },
    #[error("the search query is empty")]
    EmptyQuery,
    #[error(
        "no page is dated within --since/--until — dates are read from file and folder names (20190201, 2019-02-01, 2019/02/01)"
    )]
    NoneDated,
    #[error("the index: {0}")]
    Index(String),
    #[error("the word to define is empty")]
    EmptyWord,
    #[error("{0}")]
    Dictionary(String),
    #[error("the saved words cannot be listed: {0}")]
    Words(String),
    #[error("{0} — see --help")]
    Misplaced(&'static str),
    #[error(
        "the reader needs a terminal, but {0} is not one — use --print N, --outline or --json to read from scripts"
    )]
    NotATerminal(&'static str),
    #[error("the terminal failed: {0}")]
    Terminal(#[from] std::io::Error),
    #[error("cannot write the output: {0}")]
    Output(std::io::Error),
}

/// Writes one piece of scriptable output (see [`Output`]).
pub(crate) fn emit(text: &str) -> Result<(), Failure> {
    let mut out = Output::new();
    out.write(text).map_err(Failure::Output)?;
    out.finish().map_err(Failure::Output)
}

fn parse_pages(loaded: Vec<Loaded>, seg: Option<Segmenter>) -> Issue {
    let texts: Vec<(String, Arc<String>)> = loaded
        .into_iter()
        .map(|l| (l.name, Arc::new(l.text)))
        .collect();
    Issue {
        pages: page::parse_pages(&texts, seg),
    }
}

/// Opens the full-screen reader on the first readable page at once; the
/// other pages and the refinement with jieba's dictionary arrive from a
/// background thread (see `kanbao::loader`).
fn read(
    sources: Vec<Result<Source, LoadError>>,
    folder: Option<PathBuf>,
    load_options: LoadOptions,
    (config, keymap, problems): (Config, Keymap, Vec<String>),
    restore: bool,
) -> Result<ExitCode, Failure> {
    let reads_stdin = sources.iter().any(|s| matches!(s, Ok(Source::Stdin)));
    if !reads_stdin && !std::io::stdin().is_terminal() {
        return Err(Failure::NotATerminal("standard input"));
    }
    if !std::io::stdout().is_terminal() {
        return Err(Failure::NotATerminal("standard output"));
    }
    let (tx, rx) = std::sync::mpsc::channel();
    // An archive opens from its first page before it is even listed.
    // An archive is remembered by its folder: the issue it was left at.
    let archive_key = folder.as_ref().map(|dir| {
        std::fs::canonicalize(dir)
            .unwrap_or_else(|_| dir.clone())
            .to_string_lossy()
            .into_owned()
    });
    let first = match folder {
        Some(dir) => kanbao::loader::open_folder(&dir, load_options, tx.clone())?,
        None => kanbao::loader::open(sources, load_options, tx.clone())?,
    };
    let (width, height) = crossterm::terminal::size()?;
    let mut app = App::new(first.issue, width, height, LayoutOptions::default());
    app.configure(&config, keymap);
    let mut warnings = problems;
    warnings.extend(first.warnings);
    let mut state_path = state::default_path();
    if state_path.is_none() {
        warnings.push(
            "no state directory (set XDG_STATE_HOME or HOME): places and bookmarks are not saved"
                .to_owned(),
        );
    }
    let mut startup = Startup::default();
    if let Some(path) = &state_path {
        let (remembered, problem) = State::load(path);
        if let Some(problem) = problem {
            // A file kanbao could not read or does not understand is never
            // written over: this session saves nothing.
            if problem.leaves_file_alone() {
                state_path = None;
            }
            warnings.push(problem.to_string());
        }
        startup.history = remembered.history;
        startup.read = remembered.read;
        startup.bookmarks = remembered.bookmarks;
        if restore {
            startup.places = remembered.places;
            startup.last_issue = archive_key
                .as_ref()
                .and_then(|key| remembered.archives.get(key))
                .and_then(|date| page::date_in(date));
        }
    }
    startup.notice = (!warnings.is_empty()).then(|| warnings.join(" · "));
    startup.pending = if first.listing {
        Some("reading the archive…".to_owned())
    } else if first.pending > 0 {
        Some(format!("reading {} more pages…", first.pending))
    } else {
        first
            .partial
            .then(|| "reading the rest of the file…".to_owned())
    };
    app.start(startup);
    if let Some(key) = first.key {
        app.update(Msg::Identified(key));
    }
    let executor = Executor::new(state_path)
        .reporting_to(tx.clone())
        .loading_with(load_options);
    let app = kanbao::ui::run(app, tx, rx, &executor)?;
    if let (Some(path), Some(key)) = (&executor.state, &app.input_key) {
        let place = app.place().map(|p| state::Place {
            saved: state::now(),
            ..p
        });
        if let Err(e) = State::save(path, key, place, &app.search.history) {
            warn(&e.to_string());
        }
    }
    if let Some(path) = &executor.state {
        let read = app.read_marks();
        let last = archive_key.as_ref().zip(app.open_issue_date());
        let saved = State::change(path, |s| {
            for (key, numbers) in read {
                if numbers.is_empty() {
                    s.read.remove(&key);
                } else {
                    s.read.insert(key, numbers);
                }
            }
            if let Some((archive, date)) = last {
                s.archives.insert(archive.clone(), date.to_string());
            }
        });
        if let Err(e) = saved {
            warn(&e.to_string());
        }
    }
    // Ended by a signal: the place is saved, and the exit status says why,
    // as the shell expects (128 + the signal's number).
    Ok(match app.exit() {
        Exit::Signal(signal) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        Exit::Running | Exit::Quit => ExitCode::SUCCESS,
    })
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    if let Some(message) = misplaced(&cli) {
        return Err(Failure::Misplaced(message));
    }
    let (config, keymap, problems) = settings::settings(&cli);
    if cli.print_config {
        for problem in &problems {
            warn(problem);
        }
        emit(&config.to_toml(&keymap))?;
        return Ok(ExitCode::SUCCESS);
    }
    if cli.words {
        let Some(path) = state::default_path() else {
            return Err(Failure::Dictionary(
                "no state directory (set XDG_STATE_HOME or HOME): there is no word list".to_owned(),
            ));
        };
        let (saved, problem) = State::load(&path);
        match problem {
            // The words are in the file that cannot be read: an empty
            // list with exit 0 would say there are none.
            Some(problem) if problem.leaves_file_alone() => {
                return Err(Failure::Words(problem.to_string()));
            }
            Some(problem) => warn(&problem.to_string()),
            None => {}
        }
        emit(&export::word_list(&saved.words))?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(word) = &cli.define {
        let word = word.trim();
        if word.is_empty() {
            return Err(Failure::EmptyWord);
        }
        let dictionary =
            kanbao::dict::Dictionary::get().map_err(|e| Failure::Dictionary(e.to_string()))?;
        // Ranking a reading's or an English word's entries needs how
        // common each is: jieba's counts, loaded only for such a query.
        let common = |w: &str| kanbao::text::Segmenter::lazy().commonness(w);
        let answer = dictionary.answer(word, &common);
        if answer.is_empty() {
            warn(&match answer {
                kanbao::dict::search::Answer::Word(_) => {
                    format!("{word} is not in the dictionary (CC-CEDICT), nor are its characters")
                }
                kanbao::dict::search::Answer::Matches(_) => format!(
                    "no entry of the dictionary (CC-CEDICT) reads {word} or has it in its English"
                ),
            });
            return Ok(ExitCode::from(1));
        }
        emit(&export::answer(&answer))?;
        if let kanbao::dict::search::Answer::Matches(m) = &answer
            && m.more
        {
            warn(&format!(
                "only the first {} entries are shown: tones (xue2xi2, xuéxí) or more English words find fewer",
                kanbao::dict::search::MOST
            ));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let options = LayoutOptions {
        display: DisplayOptions {
            fullwidth_punct: config.fullwidth_punctuation,
            traditional: config.traditional,
            simplified: false,
        },
        indent: config.indent,
        keywords: config.keywords,
        pinyin: false,
    };
    let load_options = LoadOptions {
        encoding: cli
            .encoding
            .as_deref()
            .map(load::encoding_for)
            .transpose()?,
        max_size: cli.max_size,
    };
    if cli.index {
        return indexing::build(&cli.paths[0], load_options);
    }
    // A search of an indexed archive reads only the pages that can hold a
    // hit — not for --kwic's tables, whose article numbers count every page.
    let tabular = matches!(cli.format, Some(Format::Tsv | Format::Csv));
    let kwic = cli.kwic.as_ref().filter(|_| !tabular);
    let indexed = cli
        .search
        .as_ref()
        .or(kwic)
        .and_then(|raw| indexing::indexed_sources(&cli, &[raw.as_str()], load_options));
    let research = cli.kwic.is_some() || cli.freq.is_some();
    let reader = !(cli.json
        || cli.outline
        || cli.print.is_some()
        || cli.explain.is_some()
        || cli.search.is_some()
        || research);
    // The reader opens one folder from its first page, before listing it.
    let undated = cli.since.is_none() && cli.until.is_none();
    if let [dir] = cli.paths.as_slice()
        && reader
        && undated
        && dir.is_dir()
    {
        let settings = (config, keymap, problems);
        return read(
            Vec::new(),
            Some(dir.clone()),
            load_options,
            settings,
            !cli.no_restore,
        );
    }
    if let Some(words) = &cli.freq
        && let Some(pages) = indexing::dated_candidates(&cli, words, load_options)
    {
        for problem in &problems {
            warn(problem);
        }
        return research::freq_by_date(&cli, words, pages, load_options);
    }
    let sources = match indexed {
        // No page the index names is dated within: the search finds
        // nothing — unless no page of the archive is, as a scan would say.
        Some(found) => match inputs::dated(found, &cli) {
            Err(Failure::NoneDated) if inputs::any_dated(load::expand(&cli.paths), &cli) => {
                Vec::new()
            }
            other => other?,
        },
        None => inputs::dated(load::expand(&cli.paths), &cli)?,
    };
    if reader {
        let settings = (config, keymap, problems);
        return read(sources, None, load_options, settings, !cli.no_restore);
    }
    if let (Some(raw), false) = (&cli.search, research) {
        for problem in &problems {
            warn(problem);
        }
        return searching::run(&cli, raw, sources, load_options);
    }
    let (loaded, warnings) = load::load_all(sources, load_options)?;
    for warning in problems.iter().chain(&warnings) {
        warn(warning);
    }
    // jieba's dictionary mends cut paragraphs and finds keywords and word
    // boundaries; a plain search needs none of it (article numbers do not
    // depend on it), and loading it costs more than the search.
    let needs_words = if research {
        cli.word || research::needs_words(&cli)
    } else {
        true
    };
    // Lazy: the seam checks read a compact map; jieba loads only for
    // what segments (keywords, frequencies, whole words).
    let issue = parse_pages(loaded, needs_words.then(Segmenter::lazy));
    let code = if let Some(raw) = &cli.kwic {
        Some(research::kwic(&cli, raw, &issue)?)
    } else if let Some(words) = &cli.freq {
        Some(research::freq(&cli, words, &issue)?)
    } else {
        None
    };
    if let Some(code) = code {
        std::mem::forget(issue);
        return Ok(code);
    }
    if cli.json {
        let mut out = Output::new();
        // Written as it is made: a page of a million lines is never one
        // string.
        export::write_json(&issue, out.writer()).map_err(Failure::Output)?;
        out.write("\n").map_err(Failure::Output)?;
        out.finish().map_err(Failure::Output)?;
    } else if let Some(selection) = &cli.print {
        let total = issue.articles().count();
        let numbers = selection
            .numbers(total)
            .map_err(|number| Failure::NoSuchArticle { number, total })?;
        let markdown = cli.format == Some(Format::Markdown);
        let width = print_width(&cli);
        // Articles apart by a rule: a line of ─ the width of the text, or
        // Markdown's thematic break.
        let rule = if markdown {
            "\n---\n\n".to_owned()
        } else {
            format!("\n{}\n\n", "─".repeat(width / 2))
        };
        let mut out = Output::new();
        for (i, &number) in numbers.iter().enumerate() {
            let Some((_, article)) = issue.nth_article(number) else {
                continue;
            };
            if i > 0 {
                out.write(&rule).map_err(Failure::Output)?;
            }
            let text = if markdown {
                export::markdown_article(article)
            } else {
                export::print_article(article, width, options)
            };
            out.write(&text).map_err(Failure::Output)?;
            if out.closed() {
                break;
            }
        }
        out.finish().map_err(Failure::Output)?;
    } else if let Some(selection) = &cli.explain {
        let total = issue.articles().count();
        let numbers = selection
            .numbers(total)
            .map_err(|number| Failure::NoSuchArticle { number, total })?;
        let lines = kanbao::page::explain(&issue, Some(&numbers), Some(Segmenter::lazy()));
        let title = |n: usize| {
            issue
                .nth_article(n)
                .map(|(_, a)| a.display_title())
                .unwrap_or_default()
        };
        emit(&export::explanation(&lines, title))?;
    } else {
        let seg = cli.keywords.then(Segmenter::lazy);
        emit(&export::outline(&issue, seg))?;
    }
    // The process ends here: freeing a large model piece by piece would
    // only add to the run time (as grep and ripgrep, kanbao leaves it to
    // the operating system).
    std::mem::forget(issue);
    Ok(ExitCode::SUCCESS)
}

/// A warning on stderr. Messages quote file names, keys and queries, so
/// they pass the sanitizer like page text.
pub(crate) fn warn(message: &str) {
    eprintln!("kanbao: warning: {}", safe(message));
}

/// mimalloc for small blocks, the system's for big ones (see
/// `allocator.rs`).
#[global_allocator]
static ALLOCATOR: allocator::Allocator = allocator::Allocator;

fn main() -> ExitCode {
    allocator::give_back_freed_memory_at_once();
    std::panic::set_hook(Box::new(|info| {
        // A panic inside the archive index is caught and told as damage.
        if kanbao::archive::containing_panic() {
            return;
        }
        eprintln!(
            "kanbao: internal error: {} — please report it",
            safe(&info.to_string())
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap quotes the arguments it rejects: they pass the sanitizer.
            use std::io::Write;
            let rendered = e.render().to_string();
            let text = safe_output(&rendered);
            let _ = if e.use_stderr() {
                std::io::stderr().write_all(text.as_bytes())
            } else {
                std::io::stdout().write_all(text.as_bytes())
            };
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("kanbao: {}", safe(&e.to_string()));
            ExitCode::from(2)
        }
    }
}
