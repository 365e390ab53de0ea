//! The archive's index on the command line: `--index DIR` builds it with a
//! progress bar, and `--search` / `--kwic` / `--freq=WORD,… --by date` on
//! an indexed folder read only the pages the index names (and any changed
//! since it was built) — or every page, saying why, when the index cannot
//! be used.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use kanbao::archive::{self, IndexError, Opened};
use kanbao::page::load::sort_naturally;
use kanbao::page::{self, LoadError, LoadOptions, Source, load};
use kanbao::text::plural::counted;
use kanbao::text::query::Query;

use crate::cli::{ByUnit, Cli};
use crate::{Failure, emit, warn};

/// `--index DIR`.
pub(crate) fn build(dir: &Path, opts: LoadOptions) -> Result<ExitCode, Failure> {
    let started = Instant::now();
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("indexing {bar:30} {pos}/{len} pages, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let report = archive::build(dir, opts, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })
    .map_err(|e| Failure::Index(e.to_string()))?;
    bar.finish_and_clear();
    if let Some(why) = &report.rebuilt {
        warn(&format!("{why} — built anew"));
    }
    for dir in &report.too_deep {
        warn(
            &LoadError::TooDeep {
                path: dir.display().to_string(),
                depth: page::walk::MAX_DEPTH,
            }
            .to_string(),
        );
    }
    const NAMED: usize = 5;
    for why in report.skipped.iter().take(NAMED) {
        warn(&format!("{why} — not indexed; every search reads it again"));
    }
    if report.skipped.len() > NAMED {
        warn(&format!(
            "… and {} more pages that could not be read",
            report.skipped.len() - NAMED
        ));
    }
    let skipped = match report.skipped.len() {
        0 => String::new(),
        n => format!(", {n} not readable"),
    };
    emit(&format!(
        "indexed {}: {} new, {} changed, {} removed, {} unchanged{skipped} pages; {:.1} MB of text in {:.1} s; the index takes {:.1} MB at {}\n",
        dir.display(),
        report.added,
        report.changed,
        report.removed,
        report.unchanged,
        report.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        report.size as f64 / 1e6,
        report.dir.display(),
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Why an index is not used, and what to do about it.
fn unusable(dir: &Path, why: &IndexError) -> String {
    let remedy = match why {
        IndexError::Damaged { .. }
        | IndexError::Unfinished { .. }
        | IndexError::OtherOptions { .. } => {
            format!(" (kanbao --index {} builds it anew)", dir.display())
        }
        _ => String::new(),
    };
    format!("{why} — searching every page instead{remedy}")
}

/// The sources a search of an indexed archive reads: the pages the index
/// names for any of the queries, and those it does not know as they are now, in
/// reading order (or by relevance, when asked) — found without walking the
/// archive. `None` where there is no index to use (the caller reads every
/// page; a warning says why if one was there).
pub(crate) fn indexed_sources(
    cli: &Cli,
    raws: &[&str],
    opts: LoadOptions,
) -> Option<Vec<Result<Source, LoadError>>> {
    let [dir] = cli.paths.as_slice() else {
        return None;
    };
    if cli.no_index || !dir.is_dir() {
        return None;
    }
    let queries: Vec<Query> = raws
        .iter()
        .map(|raw| Query::new(raw, cli.word))
        .collect::<Option<_>>()?;
    let index = match archive::open(dir, opts) {
        Opened::Ready(index) => index,
        Opened::Missing => return None,
        Opened::Building => {
            warn(&format!(
                "the index of {} is being built: searching every page instead",
                dir.display()
            ));
            return None;
        }
        Opened::Unusable(why) => {
            warn(&unusable(dir, &why));
            return None;
        }
    };
    let mut scores: HashMap<PathBuf, f32> = HashMap::new();
    for query in &queries {
        match index.candidates(query, cli.relevance) {
            Ok(found) => {
                for (path, score) in found {
                    let best = scores.entry(path).or_insert(score);
                    *best = best.max(score);
                }
            }
            Err(why) => {
                warn(&unusable(dir, &why));
                return None;
            }
        }
    }
    let changes = index.changes();
    if !changes.stale.is_empty() {
        warn(&format!(
            "{} since {} was indexed: read in full (kanbao --index {} brings the index up to date)",
            counted(changes.stale.len(), "page changed", "pages changed"),
            dir.display(),
            dir.display()
        ));
    }
    let stale: HashSet<&PathBuf> = changes.stale.iter().collect();
    let skipped: Vec<PathBuf> = index.skipped().filter(|p| !stale.contains(p)).collect();
    let mut files: Vec<PathBuf> = scores
        .keys()
        .filter(|p| !changes.gone.contains(*p) && !stale.contains(p))
        .cloned()
        .chain(changes.stale.iter().cloned())
        .chain(skipped.into_iter().filter(|p| p.exists()))
        .collect();
    sort_naturally(&mut files);
    files.dedup();
    if cli.relevance {
        let score = |p: &PathBuf| scores.get(p).copied().unwrap_or(0.0);
        // Stable: equally relevant pages keep their reading order.
        files.sort_by(|a, b| score(b).total_cmp(&score(a)));
    }
    // The folders a scan would name as too deep, named as a scan does.
    let deep = index.too_deep().map(|d| {
        Err(LoadError::TooDeep {
            path: d.display().to_string(),
            depth: page::walk::MAX_DEPTH,
        })
    });
    Some(
        deep.chain(files.into_iter().map(|f| Ok(Source::File(f))))
            .collect(),
    )
}

/// `--freq=WORD,… --by date` on dated page files: every page in reading
/// order, each with whether it can hold one of the words — on an indexed
/// archive, as the index says (a page that cannot counts nothing, and
/// only its name, its date, is needed); otherwise every page can. `None`
/// where a page's date is not in its name (the caller reads the input
/// whole).
pub(crate) fn dated_candidates(
    cli: &Cli,
    words: &[String],
    opts: LoadOptions,
) -> Option<Vec<(PathBuf, bool)>> {
    if cli.by != Some(ByUnit::Date) || words.is_empty() {
        return None;
    }
    // The pages of any of the words, or none if the index cannot say.
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let holding: Option<HashSet<PathBuf>> = indexed_sources(cli, &words, opts).map(|sources| {
        sources
            .into_iter()
            .filter_map(|source| match source {
                Ok(Source::File(path)) => Some(path),
                _ => None,
            })
            .collect()
    });
    let pages = crate::inputs::dated(load::expand(&cli.paths), cli).ok()?;
    pages
        .into_iter()
        .map(|source| match source {
            Ok(Source::File(path)) if page::date_in(&path.to_string_lossy()).is_some() => {
                let holds = holding.as_ref().is_none_or(|h| h.contains(&path));
                Some((path, holds))
            }
            _ => None,
        })
        .collect()
}
