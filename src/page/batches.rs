//! A big input read and parsed a batch of pages at a time, in reading
//! order: the scriptable outputs that go through an archive (`--search`,
//! `--freq --by date`) never hold its thousands of pages at once — a query
//! found on every page of a gigabyte took 4.8 GB when they did.

use std::sync::Arc;

use super::load::{LoadError, LoadOptions, Source};
use super::model::Issue;
use super::parallel::parse_pages;
use crate::text::Segmenter;

/// Bytes of page text parsed at once: a few runs for each core, small
/// beside the model they become (about 4×).
const BATCH_BYTES: usize = 32 << 20;

/// Reads and parses `sources` about [`BATCH_BYTES`] at a time, handing
/// each batch's issue to `f`, which says whether to go on (not once the
/// reader of the output has gone). Problems with a page go to `warn`.
/// With a single input, an error reading it is the error; otherwise an
/// unreadable page is a warning, unless no page can be read.
pub fn in_batches<E: From<LoadError>>(
    sources: Vec<Result<Source, LoadError>>,
    opts: LoadOptions,
    seg: Option<Segmenter>,
    mut warn: impl FnMut(&str),
    mut f: impl FnMut(Issue) -> Result<bool, E>,
) -> Result<(), E> {
    let single = sources.len() == 1;
    let (mut read, mut first_error) = (0, None);
    let mut batch: Vec<(String, Arc<String>)> = Vec::new();
    let mut bytes = 0;
    let parse = |batch: &mut Vec<(String, Arc<String>)>| {
        let pages = parse_pages(batch, seg);
        batch.clear();
        Issue { pages }
    };
    for source in sources {
        match source.and_then(|s| s.read(opts)) {
            Ok(loaded) => {
                if let Some(warning) = &loaded.warning {
                    warn(warning);
                }
                read += 1;
                bytes += loaded.text.len();
                batch.push((loaded.name, Arc::new(loaded.text)));
                if bytes >= BATCH_BYTES {
                    bytes = 0;
                    if !f(parse(&mut batch))? {
                        return Ok(());
                    }
                }
            }
            Err(e) if single => return Err(e.into()),
            Err(e) => {
                warn(&e.to_string());
                first_error.get_or_insert(e);
            }
        }
    }
    if let (0, Some(e)) = (read, first_error) {
        return Err(e.into());
    }
    if !batch.is_empty() {
        f(parse(&mut batch))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_come_in_order_and_an_unreadable_one_is_told() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut sources = Vec::new();
        for name in ["01.txt", "02.txt"] {
            let path = dir.path().join(name);
            std::fs::write(&path, format!("{name}标题\n\n正文。\n")).expect("page");
            sources.push(Ok(Source::File(path)));
        }
        sources.insert(1, Ok(Source::File(dir.path().join("gone.txt"))));
        let (mut warnings, mut titles) = (Vec::new(), Vec::new());
        let result: Result<(), LoadError> = in_batches(
            sources,
            LoadOptions::default(),
            None,
            |w| warnings.push(w.to_owned()),
            |issue| {
                titles.extend(issue.articles().map(|(_, a)| a.title_line()));
                Ok(true)
            },
        );
        assert!(result.is_ok());
        assert_eq!(titles, ["01.txt标题", "02.txt标题"]);
        assert!(
            warnings.len() == 1 && warnings[0].contains("gone.txt"),
            "{warnings:?}"
        );

        let only = vec![Ok(Source::File(dir.path().join("gone.txt")))];
        let result: Result<(), LoadError> =
            in_batches(only, LoadOptions::default(), None, |_| {}, |_| Ok(true));
        assert!(
            result.is_err(),
            "a single input that cannot be read is the error"
        );
    }
}
