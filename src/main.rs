//! The `kanbao` command: parses arguments, loads pages, and hands them to
//! the reader or to one of the scriptable outputs.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use kanbao::export;
use kanbao::page::{self, Issue, LoadError, Source};
use kanbao::text::Segmenter;

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

fn run(cli: Cli) -> Result<ExitCode, LoadError> {
    let sources = sources(&cli.paths);
    let issue = load(&sources, Some(Segmenter::get()))?;
    if cli.json {
        println!("{}", export::to_json(&issue));
    } else {
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
