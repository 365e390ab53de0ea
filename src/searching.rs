//! `--search`: a line for every hit, the input read, parsed and searched a
//! batch of pages at a time, so that an archive's thousands of pages (or
//! the candidates its index gives) are never held whole: a query found on
//! every page of a gigabyte took 4.8 GB when they were.

use std::process::ExitCode;
use std::sync::Arc;

use kanbao::export::{self, Output};
use kanbao::find::SearchIndex;
use kanbao::page::{self, Issue, LoadError, LoadOptions, Source};
use kanbao::text::Segmenter;
use kanbao::text::query::Query;

use crate::cli::{Cli, ColorWhen};
use crate::{Failure, warn};

/// Bytes of page text parsed and searched at once: a few batches of the
/// parse's own runs, small beside the model they become (about 4×).
const BATCH_BYTES: usize = 32 << 20;

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
    let single = sources.len() == 1;
    let mut out = Output::new();
    let mut found = 0;
    let (mut read, mut first_error) = (0, None);
    let mut batch: Vec<(String, Arc<String>)> = Vec::new();
    let mut bytes = 0;
    let mut search = |batch: &mut Vec<(String, Arc<String>)>, out: &mut Output| {
        let issue = Issue {
            pages: page::parse_pages(batch, seg),
        };
        batch.clear();
        SearchIndex::new(&issue)
            .for_each_batch(&issue, &query, seg, &mut |hits| {
                found += hits.len();
                // HitLines makes every piece safe itself.
                export::write_hit_lines(&issue, hits, color, |lines| out.write_painted(lines))
                    .map_err(Some)?;
                // A reader that stopped reading (`| head`) needs no more.
                if out.closed() { Err(None) } else { Ok(()) }
            })
            .or_else(|e: Option<std::io::Error>| e.map_or(Ok(()), |e| Err(Failure::Output(e))))
        // The batch's model is freed here, and the next one reuses its
        // memory.
    };
    for source in sources {
        if out.closed() {
            break;
        }
        match source.and_then(|s| s.read(opts)) {
            Ok(loaded) => {
                if let Some(warning) = &loaded.warning {
                    warn(warning);
                }
                read += 1;
                bytes += loaded.text.len();
                batch.push((loaded.name, Arc::new(loaded.text)));
                if bytes >= BATCH_BYTES {
                    search(&mut batch, &mut out)?;
                    bytes = 0;
                }
            }
            Err(e) if single => return Err(Failure::Load(e)),
            Err(e) => {
                warn(&e.to_string());
                first_error.get_or_insert(e);
            }
        }
    }
    if let (0, Some(e)) = (read, first_error) {
        return Err(Failure::Load(e));
    }
    if !out.closed() {
        search(&mut batch, &mut out)?;
    }
    out.finish().map_err(Failure::Output)?;
    Ok(if found == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
