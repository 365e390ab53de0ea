//! Opening an issue for the reader without making the first frame wait:
//! the first readable page is parsed at once (without the word segmenter);
//! a background thread reads the other pages while jieba's dictionary
//! loads, parses everything with it, and hands the model over as an
//! action.

use std::sync::Arc;
use std::sync::mpsc::Sender;

use crate::message::Msg;
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
    warnings.extend(first.warning.clone());
    let rest: Vec<Result<Source, LoadError>> = rest.collect();
    let pending = rest.len();
    let text: Arc<str> = first.text.into();
    let issue = Issue {
        pages: vec![page::parse(&first.name, Arc::clone(&text), None)],
    };
    let key = (pending == 0).then(|| input_key([(first.name.as_str(), &*text)]));
    let first_page = (first.name, text);
    std::thread::spawn(move || background(first_page, rest, opts, tx));
    Ok(FirstPage {
        issue,
        warnings,
        pending,
        key,
    })
}

fn parse_all(texts: &[(String, Arc<str>)], seg: Option<Segmenter>) -> Issue {
    Issue {
        pages: texts
            .iter()
            .map(|(name, text)| page::parse(name, Arc::clone(text), seg))
            .collect(),
    }
}

fn background(
    first: (String, Arc<str>),
    rest: Vec<Result<Source, LoadError>>,
    opts: LoadOptions,
    tx: Sender<Msg>,
) {
    // The dictionary loads on another thread while the pages are read.
    let dictionary = std::thread::spawn(Segmenter::get);
    let mut texts = vec![first];
    let mut warnings = Vec::new();
    let whole_input = rest.is_empty();
    for source in rest {
        match source.and_then(|s| s.read(opts)) {
            Ok(loaded) => {
                warnings.extend(loaded.warning);
                texts.push((loaded.name, loaded.text.into()));
            }
            Err(e) => warnings.push(e.to_string()),
        }
    }
    // Send failures are ignored: the reader has quit.
    if !warnings.is_empty() {
        let _ = tx.send(Msg::Notice(warnings.join(" · ")));
    }
    if !whole_input {
        let key = input_key(texts.iter().map(|(n, t)| (n.as_str(), &**t)));
        let _ = tx.send(Msg::Identified(key));
    }
    let seg = dictionary.join().unwrap_or_else(|_| Segmenter::get());
    // One parse of everything, straight to the refined model: a cheap
    // parse of every page first would double the peak memory.
    let issue = Arc::new(parse_all(&texts, Some(seg)));
    let ids: Vec<ArticleId> = issue.articles().map(|(id, _)| id).collect();
    // The reader gets the model first; keywords follow, in batches.
    if tx
        .send(Msg::Refined(Arc::clone(&issue), Some(seg)))
        .is_err()
    {
        return;
    }
    for batch in ids.chunks(KEYWORD_BATCH) {
        let keywords = batch
            .iter()
            .filter_map(|&id| Some((id, issue.article(id)?.keywords(seg, KEYWORDS))))
            .collect();
        if tx.send(Msg::Keywords(keywords)).is_err() {
            return;
        }
    }
}
