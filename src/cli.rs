//! The command line: its flags, their help, and the check that refuses a
//! flag given where it does nothing.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Parser;
use kanbao::page::load::DEFAULT_MAX_SIZE;
use kanbao::page::{Date, date_in};

/// 看报 — read Chinese newspaper page dumps in the terminal.
///
/// PATH may be a page file, a directory of page files (read in natural
/// order: page2 before page10), or - for standard input. With no PATH,
/// kanbao opens its bundled sample page.
#[derive(Debug, Parser)]
#[command(name = "kanbao", version, about, long_about)]
pub(crate) struct Cli {
    /// Page files, directories of pages, or - for standard input.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,

    /// Print the columns and their numbered articles, then exit.
    #[arg(long, group = "mode")]
    pub(crate) outline: bool,

    /// With --outline: each article's keywords on a line under it.
    #[arg(long)]
    pub(crate) keywords: bool,

    /// Print the parsed pages as JSON, then exit.
    #[arg(long, group = "mode")]
    pub(crate) json: bool,

    /// Print article N (numbered as in --outline) laid out as plain text;
    /// also ranges (3-5), lists (2,7) and all, separated by a rule.
    #[arg(long, value_name = "N", group = "mode")]
    pub(crate) print: Option<crate::selection::Selection>,

    /// Why the parser read each line of article N (or all, or a range or
    /// list, as --print takes them) as it did: the line, what it became and
    /// the rule that decided.
    #[arg(long, value_name = "N", group = "mode", num_args = 0..=1, default_missing_value = "all")]
    pub(crate) explain: Option<crate::selection::Selection>,

    /// Width in terminal cells for --print (default: the terminal's width,
    /// or 80 when stdout is not a terminal).
    #[arg(long, value_name = "W", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) width: Option<u16>,

    /// With --print: plain text laid out at --width (the default), or
    /// Markdown (one line per paragraph). With --kwic and --freq: aligned
    /// text (the default), TSV or CSV.
    #[arg(long, value_enum)]
    pub(crate) format: Option<Format>,

    /// Print every hit of QUERY, one per line: SOURCE:LINE: COLUMN › TITLE: context.
    /// Exit status 0 with hits, 1 with none.
    #[arg(long, value_name = "QUERY", group = "mode")]
    pub(crate) search: Option<String>,

    /// A concordance (keyword in context) of QUERY: every hit on a line,
    /// the text before it right-aligned, the hits in one column, then
    /// where it was printed (date and page, column › title).
    #[arg(long, value_name = "QUERY", group = "mode")]
    pub(crate) kwic: Option<String>,

    /// With --kwic: characters of context on each side of a hit.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=500))]
    pub(crate) context: Option<u16>,

    /// With --kwic: reading order (source), or sorted by the words after
    /// the hit (right) or before it, read backwards (left).
    #[arg(long, value_enum, value_name = "ORDER")]
    pub(crate) sort: Option<SortOrder>,

    /// Word frequencies: the words of the input by how often they occur
    /// (jieba's words; punctuation, numbers and stop words left out), with
    /// the number of articles each occurs in. --freq=WORD,WORD… with --by
    /// counts those words by page, column or article instead.
    #[arg(
        long,
        value_name = "WORD,…",
        num_args = 0..=1,
        require_equals = true,
        value_delimiter = ',',
        group = "mode"
    )]
    pub(crate) freq: Option<Vec<String>>,

    /// With --freq: the N most frequent words (default 50; 0 for all).
    #[arg(long, value_name = "N")]
    pub(crate) top: Option<usize>,

    /// With --freq=WORD,…: a row per date (issue), page, column or article.
    #[arg(long, value_enum, value_name = "UNIT")]
    pub(crate) by: Option<ByUnit>,

    /// With --search, --kwic or --freq=WORD,…: count a hit only where both
    /// its ends fall on word boundaries (as jieba segments the text).
    #[arg(long)]
    pub(crate) word: bool,

    /// With --search or --kwic: colour the hits (and --search's file and
    /// line number) as grep does — auto (when stdout is a terminal and
    /// NO_COLOR is not set), always or never.
    #[arg(long, value_enum, value_name = "WHEN")]
    pub(crate) color: Option<ColorWhen>,

    /// Keep half-width punctuation as written instead of showing it
    /// full-width inside Chinese text.
    #[arg(long)]
    pub(crate) halfwidth: bool,

    /// Decode the input with this encoding (utf-8, gb18030, gbk, big5,
    /// utf-16le, …) instead of detecting it.
    #[arg(long, value_name = "NAME")]
    pub(crate) encoding: Option<String>,

    /// Build (or bring up to date) the full-text index of the archive at
    /// PATH, a folder of pages, in the cache directory; --search, --kwic
    /// and --freq=WORD,… --by date then read only the pages that can hold
    /// a hit.
    #[arg(long, group = "mode")]
    pub(crate) index: bool,

    /// With --search, --kwic or --freq: read every page, even where the
    /// archive has an index.
    #[arg(long)]
    pub(crate) no_index: bool,

    /// With --search on an indexed archive: the most relevant pages first
    /// (BM25 over jieba's words), not reading order.
    #[arg(long)]
    pub(crate) relevance: bool,

    /// With --format tsv or csv: write cells that begin with = + - @ as
    /// they are, without the ' that keeps spreadsheets from running them
    /// as formulas.
    #[arg(long)]
    pub(crate) raw_cells: bool,

    /// Print what CC-CEDICT says about WORD (simplified or traditional):
    /// pinyin with tone marks and definitions. A reading (xuexi, xuéxí,
    /// xue2xi2) or English (to study) finds the words read so or meaning
    /// that, commonest first. Exit status 1 when it has nothing.
    #[arg(long, value_name = "WORD", group = "mode")]
    pub(crate) define: Option<String>,

    /// Print the word list saved from the word cursor as TSV that Anki
    /// imports: word, pinyin, gloss, sentence, source.
    #[arg(long, group = "mode")]
    pub(crate) words: bool,

    /// Print the settings in effect (the configuration file's, over the
    /// defaults) as a configuration file, with every action's keys.
    #[arg(long, group = "mode")]
    pub(crate) print_config: bool,

    /// Read only the pages dated DATE or later (YYYY-MM-DD or YYYYMMDD), as
    /// their file or folder names date them; undated pages are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) since: Option<Date>,

    /// Read only the pages dated DATE or earlier.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) until: Option<Date>,

    /// Start at the first article instead of where this input was last read.
    #[arg(long)]
    pub(crate) no_restore: bool,

    /// Refuse files larger than this (bytes, or with K, M or G).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value_t = DEFAULT_MAX_SIZE)]
    pub(crate) max_size: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ColorWhen {
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    pub(crate) fn paints(self) -> bool {
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Laid out as in the reader, at --width; columns aligned in cells.
    Text,
    /// Markdown (--print): headings, italics for the byline and credits.
    Markdown,
    /// Tab-separated values with a header line (--kwic, --freq).
    Tsv,
    /// Comma-separated values with a header line (--kwic, --freq).
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SortOrder {
    /// Reading order.
    Source,
    /// By the words before the hit, the nearest first.
    Left,
    /// By the words after the hit.
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ByUnit {
    Date,
    Page,
    Column,
    Article,
}

fn parse_date(s: &str) -> Result<Date, String> {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    match date_in(s.trim()) {
        Some(date) if digits == 8 && s.trim().len() <= 10 => Ok(date),
        _ => Err(format!(
            "{s:?} is not a date (write 2019-02-01 or 20190201)"
        )),
    }
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => s.split_at(i),
        None => (s, ""),
    };
    let n: u64 = digits.parse().map_err(|_| format!("{s:?} is not a size"))?;
    let shift = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches("IB")
        .trim_end_matches('B')
    {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        other => return Err(format!("unknown size unit {other:?} (use K, M or G)")),
    };
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("{s:?} is too large"))
}

pub(crate) fn print_width(cli: &Cli) -> usize {
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

/// A flag given where it does nothing: refused rather than ignored.
pub(crate) fn misplaced(cli: &Cli) -> Option<&'static str> {
    let reader = !(cli.outline
        || cli.json
        || cli.print.is_some()
        || cli.explain.is_some()
        || cli.search.is_some()
        || cli.kwic.is_some()
        || cli.freq.is_some()
        || cli.index
        || cli.define.is_some()
        || cli.words);
    let print = cli.print.is_some();
    let kwic = cli.kwic.is_some();
    let freq = cli.freq.is_some();
    let freq_words = cli.freq.as_ref().is_some_and(|w| !w.is_empty());
    let tabular = matches!(cli.format, Some(Format::Tsv | Format::Csv));
    [
        (
            cli.keywords && !cli.outline,
            "--keywords goes with --outline",
        ),
        (
            cli.word && !(cli.search.is_some() || kwic || freq_words),
            "--word goes with --search, --kwic or --freq=WORD,…",
        ),
        (
            cli.color.is_some() && !(cli.search.is_some() || kwic),
            "--color goes with --search or --kwic",
        ),
        (cli.width.is_some() && !print, "--width goes with --print"),
        (
            cli.format.is_some() && !(print || kwic || freq),
            "--format goes with --print, --kwic or --freq",
        ),
        (
            cli.format == Some(Format::Markdown) && !print,
            "--format markdown goes with --print",
        ),
        (
            tabular && print,
            "--print writes text or markdown, not tsv or csv",
        ),
        (
            cli.raw_cells && !(tabular && (kwic || freq)),
            "--raw-cells goes with --kwic or --freq and --format tsv or csv",
        ),
        (cli.context.is_some() && !kwic, "--context goes with --kwic"),
        (cli.sort.is_some() && !kwic, "--sort goes with --kwic"),
        (cli.top.is_some() && !freq, "--top goes with --freq"),
        (
            cli.top.is_some() && freq_words,
            "--top lists the most frequent words: give --freq without words",
        ),
        (
            cli.by.is_some() && !freq_words,
            "--by counts given words: --freq=WORD,… --by page",
        ),
        (
            freq_words && cli.by.is_none(),
            "--freq=WORD,… needs --by date, page, column or article",
        ),
        (
            cli.no_restore && !reader,
            "--no-restore applies to the reader only",
        ),
        (
            cli.halfwidth && !(reader || print),
            "--halfwidth applies to the reader and --print only",
        ),
        (
            cli.print_config && !cli.paths.is_empty(),
            "--print-config reads no pages",
        ),
        (
            cli.define.is_some() && !cli.paths.is_empty(),
            "--define reads no pages",
        ),
        (cli.words && !cli.paths.is_empty(), "--words reads no pages"),
        (
            cli.index && (cli.paths.len() != 1 || !cli.paths[0].is_dir()),
            "--index takes one folder of pages",
        ),
        (
            cli.index && (cli.since.is_some() || cli.until.is_some()),
            "--index indexes every page of the folder: give --since/--until to the search",
        ),
        (
            cli.no_index && !(cli.search.is_some() || kwic || cli.freq.is_some()),
            "--no-index goes with --search, --kwic or --freq",
        ),
        (
            cli.relevance && cli.search.is_none(),
            "--relevance goes with --search",
        ),
        (
            cli.relevance && !matches!(cli.paths.as_slice(), [dir] if dir.is_dir()),
            "--relevance orders the pages of one indexed folder: give the folder",
        ),
        (
            (cli.since.is_some() || cli.until.is_some())
                && (cli.define.is_some() || cli.words || cli.print_config),
            "--since/--until choose pages: --define, --words and --print-config read none",
        ),
        (
            cli.since.zip(cli.until).is_some_and(|(s, u)| s > u),
            "--since is after --until",
        ),
    ]
    .into_iter()
    .find_map(|(wrong, message)| wrong.then_some(message))
}
