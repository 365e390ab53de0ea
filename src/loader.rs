//! Opening an issue for the reader without making the first frame wait:
//! the first readable page is parsed at once (without the word segmenter);
//! a background thread reads the other pages while jieba's dictionary
//! loads, parses everything with it, and hands the model over as an
//! action.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use crate::message::{Listing, Msg};
use crate::page::{self, ArticleId, Issue, LoadError, LoadOptions, Source};
use crate::state::input_key;
use crate::text::Segmenter;

/// Keywords shown per article.
const KEYWORDS: usize = 5;
/// Articles whose keywords are sent together.
const KEYWORD_BATCH: usize = 64;

/// What the reader starts with.
pub struct FirstPage {
    pub issue: Issue,
    /// Problems with inputs before the first readable one.
    pub warnings: Vec<String>,
    /// Pages still being read in the background, if any.
    pub pending: usize,
    /// Only the first region of a big file has been parsed yet.
    pub partial: bool,
    /// The folder is still being listed (an archive opened from its first
    /// page): how many pages are pending is not known yet.
    pub listing: bool,
    /// The input's key for remembered places, when the first page is the
    /// whole input; otherwise it arrives as [`Msg::Identified`].
    pub key: Option<String>,
}

/// Reads the first readable source and starts a thread that reads the
/// rest and refines everything, sending [`Msg::Refined`] and
/// [`Msg::Notice`] to `tx`. With a single input, its error is returned.
pub fn open(
    sources: Vec<Result<Source, LoadError>>,
    opts: LoadOptions,
    tx: Sender<Msg>,
) -> Result<FirstPage, LoadError> {
    let single = sources.len() == 1;
    // One big file: its first region is read and shown before the rest
    // of the file is even read.
    if let [Ok(Source::File(path))] = sources.as_slice()
        && let Some(region) = peek(path, opts)
    {
        let name = Source::File(path.clone()).name();
        let issue = Issue {
            pages: vec![page::parse(&name, region, None)],
        };
        spawn_reported(tx, move |tx| {
            background(Vec::new(), sources, opts, tx, true)
        });
        return Ok(FirstPage {
            issue,
            warnings: Vec::new(),
            pending: 0,
            partial: true,
            listing: false,
            key: None,
        });
    }
    let mut rest = sources.into_iter();
    let mut warnings = Vec::new();
    let mut first_error = None;
    let first = loop {
        match rest.next() {
            Some(source) => match source.and_then(|s| s.read(opts)) {
                Ok(loaded) => break loaded,
                Err(e) if single => return Err(e),
                Err(e) => {
                    warnings.push(e.to_string());
                    first_error.get_or_insert(e);
                }
            },
            None => {
                return Err(first_error.unwrap_or(LoadError::NoPages {
                    path: String::new(),
                }));
            }
        }
    };
    let rest: Vec<Result<Source, LoadError>> = rest.collect();
    let pending = rest.len();
    Ok(start(first, warnings, move || rest, pending, opts, tx))
}

/// Opens a folder of pages (an archive) without listing it first: its
/// first page is found by descending the folders and shown at once; the
/// folder is listed, and every page read, in the background.
pub fn open_folder(
    dir: &std::path::Path,
    opts: LoadOptions,
    tx: Sender<Msg>,
) -> Result<FirstPage, LoadError> {
    let first = page::load::first_page_file(dir).map(|f| (Source::File(f.clone()), f));
    let Some(Ok(loaded)) = first.as_ref().map(|(s, _)| s.read(opts)) else {
        // No page, or an unreadable first one: list the folder now and
        // open as any input opens.
        return open(page::load::expand(&[dir.to_path_buf()]), opts, tx);
    };
    let (dir, first_path) = (dir.to_path_buf(), first.map(|(_, f)| f));
    let listed = tx.clone();
    let rest = move || match page::load::page_files(&dir) {
        Ok(pages) => {
            let deep: Vec<_> = page::load::too_deep(&pages).map(Err).collect();
            let files = pages.files;
            // An archive is read one issue at a time: the first page's.
            let files = match first_path.as_deref().and_then(|f| archive_of(&files, f)) {
                Some(archive) => {
                    let files = archive.issues[archive.open].1.clone();
                    let _ = listed.send(Msg::Archive(archive));
                    files
                }
                None => files,
            };
            deep.into_iter()
                .chain(
                    files
                        .into_iter()
                        .filter(|f| Some(f) != first_path.as_ref())
                        .map(|f| Ok(Source::File(f))),
                )
                .collect()
        }
        Err(e) => vec![Err(e)],
    };
    let mut opened = start(loaded, Vec::new(), rest, 1, opts, tx);
    opened.listing = true;
    Ok(opened)
}

/// The folder's page `files` as an archive — issues by date, `first`'s
/// open — when they carry two dates or more in their names.
fn archive_of(files: &[PathBuf], first: &Path) -> Option<Listing> {
    let mut by_date: std::collections::BTreeMap<page::Date, Vec<PathBuf>> = Default::default();
    for file in files {
        let date = page::date_in(&file.to_string_lossy())?;
        by_date.entry(date).or_default().push(file.clone());
    }
    if by_date.len() < 2 {
        return None;
    }
    let issues: Vec<(page::Date, Vec<PathBuf>)> = by_date.into_iter().collect();
    let first = page::date_in(&first.to_string_lossy())?;
    let open = issues.iter().position(|(d, _)| *d == first)?;
    Some(Listing { issues, open })
}

/// Shows `first` (its first region if it is big) and starts the thread
/// that reads `rest` and refines everything.
fn start(
    first: page::Loaded,
    mut warnings: Vec<String>,
    rest: impl FnOnce() -> Vec<Result<Source, LoadError>> + Send + 'static,
    pending: usize,
    opts: LoadOptions,
    tx: Sender<Msg>,
) -> FirstPage {
    warnings.extend(first.warning.clone());
    let text = Arc::new(first.text);
    // A big file is shown from its first region at once; the background
    // parse of everything (which follows in any case, with the word
    // segmenter) brings the rest. Offsets into the region are offsets into
    // the file, so the reading place carries over.
    let quick = match first_region(&text) {
        Some(region) => Arc::new(region.to_owned()),
        None => Arc::clone(&text),
    };
    let partial = quick.len() < text.len();
    let issue = Issue {
        pages: vec![page::parse_shared(&first.name, quick, None)],
    };
    // Hashing a big input for its key would delay the first frame too.
    let key = (pending == 0 && !partial).then(|| input_key([(first.name.as_str(), text.as_str())]));
    let identify = key.is_none();
    let first_page = vec![(first.name, text)];
    spawn_reported(tx, move |tx| {
        background(first_page, rest(), opts, tx, identify);
    });
    FirstPage {
        issue,
        warnings,
        pending,
        partial,
        listing: false,
        key,
    }
}

/// Runs `work` on the background thread; if it panics, the reader is told
/// (in its status bar — stderr would tear the screen) and goes on with
/// what it has.
fn spawn_reported(tx: Sender<Msg>, work: impl FnOnce(Sender<Msg>) + Send + 'static) {
    let failed = tx.clone();
    std::thread::Builder::new()
        .name(BACKGROUND.to_owned())
        .spawn(move || {
            let report = tx.clone();
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(tx)));
            if let Err(panic) = result {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let _ = report.send(Msg::Notice(format!(
                    "reading in the background failed ({what}): what is shown may be incomplete — please report it"
                )));
            }
        })
        .map(|_| ())
        .unwrap_or_else(|e| {
            let _ = failed.send(Msg::Notice(format!(
                "could not start the background reader: {e}"
            )));
        });
}

/// The background thread's name (the panic hook knows it by this).
pub const BACKGROUND: &str = "kanbao-loader";

/// A file larger than this opens from its first region.
const REGION_BYTES: usize = 256 << 10;

/// The first ~256 KB of a big text, cut where articles part (two blank
/// lines), else at a blank line, else at a line end; `None` for a text
/// that is not big, or has no line end to cut at.
fn first_region(text: &str) -> Option<&str> {
    if text.len() <= 4 * REGION_BYTES {
        return None;
    }
    cut_region(&text[..text.floor_char_boundary(REGION_BYTES)])
}

/// The first region of a big UTF-8 file (no BOM, no NUL, at most
/// `--max-size`), read without reading the rest; `None` where the file
/// must be read whole first (small, another encoding, forced encoding).
fn peek(path: &std::path::Path, opts: LoadOptions) -> Option<String> {
    use std::io::Read;
    if opts.encoding.is_some() {
        return None;
    }
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() <= 4 * REGION_BYTES as u64 || meta.len() > opts.max_size {
        return None;
    }
    let mut bytes = Vec::with_capacity(REGION_BYTES);
    std::fs::File::open(path)
        .ok()?
        .take(REGION_BYTES as u64)
        .read_to_end(&mut bytes)
        .ok()?;
    if bytes.starts_with(b"\xEF\xBB\xBF") || memchr::memchr(0, &bytes).is_some() {
        return None;
    }
    let head = match std::str::from_utf8(&bytes) {
        Ok(head) => head,
        // Cut inside a character at the end: the rest is UTF-8.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    cut_region(head).map(str::to_owned)
}

/// Where in `head` (the start of a big text) its first region ends.
fn cut_region(head: &str) -> Option<&str> {
    page::cut_before(head, head.len(), REGION_BYTES / 2).map(|cut| &head[..cut])
}

fn background(
    read: Vec<(String, Arc<String>)>,
    rest: Vec<Result<Source, LoadError>>,
    opts: LoadOptions,
    tx: Sender<Msg>,
    identify: bool,
) {
    let (more, warnings) = read_all(rest, opts);
    let mut texts = read;
    texts.extend(more);
    // Send failures are ignored: the reader has quit.
    if !warnings.is_empty() {
        let _ = tx.send(Msg::Notice(warnings.join(" · ")));
    }
    if identify {
        let key = input_key(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        let _ = tx.send(Msg::Identified(key));
    }
    // Lazy: a page's text is cut by a jieba of its own words, made as it
    // is needed; jieba's whole dictionary loads only for a big text.
    let seg = Segmenter::lazy();
    // One parse of everything, straight to the refined model: a cheap
    // parse of every page first would double the peak memory.
    let issue = Arc::new(Issue {
        pages: page::parse_pages(&texts, Some(seg)),
    });
    // The reader gets the model first; keywords follow, in batches.
    if tx
        .send(Msg::Refined(Arc::clone(&issue), Some(seg)))
        .is_err()
    {
        return;
    }
    send_keywords(&issue, seg, |keywords| {
        tx.send(Msg::Keywords(keywords)).is_ok()
    });
}

/// Reads and parses an archive's issue (its page files) in the
/// background: [`Msg::IssueOpened`], then its keywords, all with
/// `generation`. A page that cannot be read is told, and the rest shown.
pub fn open_issue(files: Vec<PathBuf>, opts: LoadOptions, generation: u64, tx: Sender<Msg>) {
    spawn_reported(tx, move |tx| {
        let sources = files.into_iter().map(|f| Ok(Source::File(f))).collect();
        let (texts, warnings) = read_all(sources, opts);
        if !warnings.is_empty() {
            let _ = tx.send(Msg::Notice(warnings.join(" · ")));
        }
        let key = input_key(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        let seg = Segmenter::lazy();
        let issue = Arc::new(Issue {
            pages: page::parse_pages(&texts, Some(seg)),
        });
        let opened = Msg::IssueOpened {
            generation,
            issue: Arc::clone(&issue),
            seg: Some(seg),
            key,
        };
        if tx.send(opened).is_err() {
            return;
        }
        send_keywords(&issue, seg, |keywords| {
            tx.send(Msg::IssueKeywords {
                generation,
                keywords,
            })
            .is_ok()
        });
    });
}

/// Reads `sources`: the texts read, and what went wrong with the others.
fn read_all(
    sources: Vec<Result<Source, LoadError>>,
    opts: LoadOptions,
) -> (Vec<(String, Arc<String>)>, Vec<String>) {
    let mut texts = Vec::new();
    let mut warnings = Vec::new();
    for source in sources {
        match source.and_then(|s| s.read(opts)) {
            Ok(loaded) => {
                warnings.extend(loaded.warning);
                texts.push((loaded.name, Arc::new(loaded.text)));
            }
            Err(e) => warnings.push(e.to_string()),
        }
    }
    (texts, warnings)
}

/// Works out the keywords of every article, handing them to `send` in
/// batches, until it says the reader has gone.
fn send_keywords(
    issue: &Issue,
    seg: Segmenter,
    mut send: impl FnMut(Vec<(ArticleId, Vec<String>)>) -> bool,
) {
    let ids: Vec<ArticleId> = issue.articles().map(|(id, _)| id).collect();
    for batch in ids.chunks(KEYWORD_BATCH) {
        let keywords = batch
            .iter()
            .filter_map(|&id| Some((id, issue.article(id)?.keywords(seg, KEYWORDS))))
            .collect();
        if !send(keywords) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_the_background_is_told_to_the_reader() {
        let (tx, rx) = std::sync::mpsc::channel();
        spawn_reported(tx, |_| panic!("the page made the parser trip"));
        let msg = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("a message");
        assert!(
            matches!(&msg, Msg::Notice(n) if n.contains("the page made the parser trip") && n.contains("report")),
            "{msg:?}"
        );
    }
}
