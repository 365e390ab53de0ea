//! `--search`: a line for every hit, the input read, parsed and searched a
//! batch of pages at a time (`page::in_batches`), so that an archive's
//! thousands of pages, or the candidates its index gives, are never held
//! whole; it stops once the reader of its output does.

use std::process::ExitCode;

use kanbao::export::{self, Output};
use kanbao::find::SearchIndex;
use kanbao::page::{self, LoadError, LoadOptions, Source};
use kanbao::text::Segmenter;
use kanbao::text::query::Query;

use crate::cli::{Cli, ColorWhen};
use crate::{Failure, warn};

/// Writes the hits of `raw` in `sources` to stdout; exit code 1 when
/// there are none. With a single input, an error reading it is the
/// error; otherwise a page that cannot be read is a warning, unless none
/// can.
pub(crate) fn run(
    cli: &Cli,
    raw: &str,
    sources: Vec<Result<Source, LoadError>>,
    opts: LoadOptions,
) -> Result<ExitCode, Failure> {
    let query = Query::new(raw, cli.word).ok_or(Failure::EmptyQuery)?;
    // The dictionary is needed only to test word boundaries (and then it
    // mends the pages too, as the reader's parse does).
    let seg = cli.word.then(Segmenter::get);
    let color = cli.color.unwrap_or(ColorWhen::Auto).paints();
    let mut out = Output::new();
    let mut found = 0;
    page::in_batches(sources, opts, seg, warn, |issue| {
        SearchIndex::new(&issue)
            .for_each_batch(&issue, &query, seg, &mut |hits| {
                found += hits.len();
                // HitLines makes every piece safe itself.
                export::write_hit_lines(&issue, hits, color, |lines| out.write_painted(lines))
            })
            .map_err(Failure::Output)?;
        // A reader that stopped reading (`| head`) needs no more.
        Ok::<bool, Failure>(!out.closed())
    })?;
    out.finish().map_err(Failure::Output)?;
    Ok(if found == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
