//! Which inputs a run reads, beyond the paths it was given: only those
//! dated within `--since` … `--until`, when either is given.

use kanbao::page::{self, LoadError, Source};

use crate::cli::Cli;
use crate::{Failure, warn};

/// The sources dated within `--since` … `--until`, if either is given;
/// undated ones are left out, and a warning says how many.
pub(crate) fn dated(
    sources: Vec<Result<Source, LoadError>>,
    cli: &Cli,
) -> Result<Vec<Result<Source, LoadError>>, Failure> {
    if cli.since.is_none() && cli.until.is_none() || sources.is_empty() {
        return Ok(sources);
    }
    let (mut kept, mut undated) = (Vec::new(), 0);
    let mut errors = Vec::new();
    for source in sources {
        let date = match &source {
            Ok(Source::File(path)) => page::date_in(&path.to_string_lossy()),
            // What could not be read is said as it is, not as undated.
            Err(_) => {
                errors.push(source);
                continue;
            }
            _ => None,
        };
        match date {
            Some(d) if cli.since.is_none_or(|s| d >= s) && cli.until.is_none_or(|u| d <= u) => {
                kept.push(source);
            }
            Some(_) => {}
            None => undated += 1,
        }
    }
    if undated > 0 {
        warn(&format!(
            "{} left out (--since/--until)",
            kanbao::text::plural::counted(
                undated,
                "page without a date in its name",
                "pages without a date in their names"
            )
        ));
    }
    if kept.is_empty() {
        return Err(Failure::NoneDated);
    }
    errors.extend(kept);
    Ok(errors)
}

/// Is any of `sources` dated within `--since` … `--until`?
pub(crate) fn any_dated(sources: Vec<Result<Source, LoadError>>, cli: &Cli) -> bool {
    sources.iter().any(|source| match source {
        Ok(Source::File(path)) => page::date_in(&path.to_string_lossy())
            .is_some_and(|d| cli.since.is_none_or(|s| d >= s) && cli.until.is_none_or(|u| d <= u)),
        _ => false,
    })
}
