//! An archive's full-text index (tantivy), kept in the cache directory: a
//! document per page file, indexed by its characters and character pairs
//! (for recall: every file a scan would find a hit in is a candidate) and
//! by jieba's words (for relevance), with a manifest of what was indexed
//! when, so that a changed file is known without reading it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query as TantivyQuery, TermQuery};
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
    Value,
};
use tantivy::tokenizer::{TextAnalyzer, TokenStream, Tokenizer};
use tantivy::{Index, IndexReader, TantivyDocument, Term};

use super::grams::{CharGrams, fold_joined, grams};
use crate::page::load::page_files;
use crate::text::query::Query;

/// Bumped whenever what is indexed, or how, changes: an index of another
/// version is rebuilt, never read.
pub const INDEX_VERSION: u32 = 3;

pub(super) const MANIFEST: &str = "manifest.json";
/// Every file's stamp: read only when a folder changed, or to update.
pub(super) const FILES: &str = "files.json";
/// Present while an index is being built, holding the builder's process id.
pub(super) const BUILDING: &str = "building";
pub(super) const TANTIVY: &str = "tantivy";

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("there is no cache directory for the index (set XDG_CACHE_HOME or HOME)")]
    NoCache,
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("the index at {path} is damaged: {why}")]
    Damaged { path: String, why: String },
    #[error("{0}")]
    Load(#[from] crate::page::LoadError),
}

pub(super) fn damaged(dir: &Path, why: impl std::fmt::Display) -> IndexError {
    IndexError::Damaged {
        path: dir.display().to_string(),
        why: why.to_string(),
    }
}

/// When and how big a file was when it was indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Stamp {
    modified_ns: u128,
    size: u64,
}

pub(super) fn modified_ns(path: &Path) -> Option<u128> {
    Some(
        std::fs::metadata(path)
            .ok()?
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos(),
    )
}

pub(super) fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    let modified_ns = meta
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(Stamp {
        modified_ns,
        size: meta.len(),
    })
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Manifest {
    pub(super) version: u32,
    pub(super) root: String,
    /// Files by their path under the root (kept in [`FILES`]).
    #[serde(skip)]
    pub(super) files: BTreeMap<String, Stamp>,
    /// The folders that hold them (the root is ""), with their times: a
    /// file added, removed or replaced changes its folder's time, so a
    /// query stats the folders, not every file.
    pub(super) dirs: BTreeMap<String, u128>,
}

pub(super) struct Fields {
    pub(super) path: Field,
    pub(super) date: Field,
    pub(super) chars: Field,
    pub(super) pairs: Field,
    pub(super) words: Field,
}

pub(super) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let grams = |tokenizer: &str, record| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(record),
        )
    };
    let fields = Fields {
        path: b.add_text_field("path", STRING | STORED),
        date: b.add_u64_field("date", INDEXED | STORED),
        chars: b.add_text_field("chars", grams("kanbao_chars", IndexRecordOption::Basic)),
        pairs: b.add_text_field(
            "pairs",
            grams("kanbao_pairs", IndexRecordOption::WithFreqsAndPositions),
        ),
        words: b.add_text_field("words", grams("kanbao_words", IndexRecordOption::WithFreqs)),
    };
    (b.build(), fields)
}

pub(super) fn register(index: &Index) {
    let t = index.tokenizers();
    t.register("kanbao_chars", TextAnalyzer::from(CharGrams { n: 1 }));
    t.register("kanbao_pairs", TextAnalyzer::from(CharGrams { n: 2 }));
    t.register(
        "kanbao_words",
        TextAnalyzer::from(tantivy_jieba::JiebaTokenizer::new()),
    );
}

/// Where the index of the archive at `root` lives: a folder of the cache
/// directory named by a hash of the root's canonical path.
pub fn location(root: &Path) -> Result<PathBuf, IndexError> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().map_err(|_| IndexError::NoCache)?;
    let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let hash = crate::state::fnv1a(
        0xcbf2_9ce4_8422_2325,
        canonical.to_string_lossy().as_bytes(),
    );
    Ok(base
        .cache_dir()
        .join("kanbao")
        .join("index")
        .join(format!("{hash:016x}")))
}

/// An index opened for queries.
pub struct ArchiveIndex {
    root: PathBuf,
    fields: Fields,
    reader: IndexReader,
    pub(super) manifest: Manifest,
    /// Where the index is, for its file list.
    dir: PathBuf,
    files: std::sync::OnceLock<BTreeMap<String, Stamp>>,
}

/// What was found where an archive's index would be.
pub enum Opened {
    Ready(Box<ArchiveIndex>),
    /// No index was built for this archive.
    Missing,
    /// One is being built right now.
    Building,
    /// One is there but cannot be used (damaged, another version).
    Unusable(IndexError),
}

/// Is the process that left a `building` marker still running?
fn builder_alive(dir: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(dir.join(BUILDING)) else {
        return false;
    };
    let Ok(pid) = text.trim().parse::<i32>() else {
        return false;
    };
    // SAFETY: signal 0 sends nothing; it only asks whether the process
    // exists.
    pid > 0 && unsafe { libc::kill(pid, 0) } == 0
}

fn read_manifest(dir: &Path) -> Result<Manifest, IndexError> {
    let text = std::fs::read_to_string(dir.join(MANIFEST)).map_err(|e| damaged(dir, e))?;
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| damaged(dir, e))?;
    if manifest.version != INDEX_VERSION {
        return Err(damaged(
            dir,
            format!(
                "it is of version {} (this kanbao reads {INDEX_VERSION})",
                manifest.version
            ),
        ));
    }
    Ok(manifest)
}

pub(super) fn read_files(dir: &Path) -> Result<BTreeMap<String, Stamp>, IndexError> {
    let text = std::fs::read_to_string(dir.join(FILES)).map_err(|e| damaged(dir, e))?;
    serde_json::from_str(&text).map_err(|e| damaged(dir, e))
}

/// Writes `value` as JSON to `name` in `dir`, whole or not at all.
pub(super) fn write_json(dir: &Path, name: &str, value: &impl Serialize) -> Result<(), IndexError> {
    let json = serde_json::to_string(value).map_err(|e| damaged(dir, e))?;
    let tmp = dir.join(format!("{name}.tmp"));
    std::fs::write(&tmp, json).map_err(io(&tmp))?;
    std::fs::rename(&tmp, dir.join(name)).map_err(io(dir))
}

/// Opens the index of the archive at `root`, if one can be used.
pub fn open(root: &Path) -> Opened {
    let dir = match location(root) {
        Ok(dir) => dir,
        Err(e) => return Opened::Unusable(e),
    };
    if builder_alive(&dir) {
        return Opened::Building;
    }
    if !dir.join(MANIFEST).exists() {
        return Opened::Missing;
    }
    match open_dir(root, &dir) {
        Ok(index) => Opened::Ready(Box::new(index)),
        Err(e) => Opened::Unusable(e),
    }
}

pub(super) fn open_dir(root: &Path, dir: &Path) -> Result<ArchiveIndex, IndexError> {
    let manifest = read_manifest(dir)?;
    let index = Index::open_in_dir(dir.join(TANTIVY)).map_err(|e| damaged(dir, e))?;
    register(&index);
    let (_, fields) = schema();
    if index.schema() != schema().0 {
        return Err(damaged(dir, "its fields are not this version's"));
    }
    let reader = index.reader().map_err(|e| damaged(dir, e))?;
    Ok(ArchiveIndex {
        root: root.to_path_buf(),
        fields,
        reader,
        manifest,
        dir: dir.to_path_buf(),
        files: std::sync::OnceLock::new(),
    })
}

pub(super) fn io(path: &Path) -> impl Fn(std::io::Error) -> IndexError + '_ {
    move |source| IndexError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// A file's path under the root, as the manifest names it.
pub(super) fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

impl ArchiveIndex {
    /// The pages that are not in the index as they are now: new, or
    /// replaced since it was built (found through their folders' times),
    /// and the indexed ones that are gone.
    pub fn changes(&self) -> Changes {
        let mut changes = Changes::default();
        // Read only once a folder has changed: a query of an unchanged
        // archive reads no list of its 50 000 files.
        let files = || {
            self.files
                .get_or_init(|| read_files(&self.dir).unwrap_or_default())
        };
        // Asked of thousands of folders on every query: on every core.
        let moved: Vec<&String> = self
            .manifest
            .dirs
            .par_iter()
            .filter(|&(rel, when)| modified_ns(&self.root.join(rel)) != Some(*when))
            .map(|(rel, _)| rel)
            .collect();
        for rel in moved {
            let dir = self.root.join(rel);
            let prefix = if rel.is_empty() {
                String::new()
            } else {
                format!("{rel}/")
            };
            // The folder's own files as indexed; subfolders have entries of
            // their own.
            let indexed = |f: &String| {
                f.strip_prefix(&prefix)
                    .is_some_and(|rest| !rest.contains('/'))
            };
            let now: std::collections::HashSet<PathBuf> =
                page_files_here(&dir).into_iter().collect();
            for path in &now {
                let key = relative(&self.root, path);
                if files().get(&key).copied() != stamp(path) {
                    changes.stale.push(path.clone());
                }
            }
            // The folder's entries stand together in the sorted list.
            let under = files()
                .range(prefix.clone()..)
                .map(|(f, _)| f)
                .take_while(|f| f.starts_with(&prefix));
            for f in under.filter(|f| indexed(f)) {
                let path = self.root.join(f);
                if !now.contains(&path) {
                    changes.gone.insert(path);
                }
            }
        }
        changes
    }

    /// The indexed files that may hold a hit of `query`, each with its
    /// relevance (BM25 over jieba's words of the query, when `rank`).
    pub fn candidates(
        &self,
        query: &Query,
        rank: bool,
    ) -> Result<HashMap<PathBuf, f32>, IndexError> {
        // Whitespace out, as the pairs were indexed: a hit across a line
        // break or a mended cut has its pairs there.
        let folded = fold_joined(&query.raw);
        let f = &self.fields;
        let n = folded.chars().count();
        let term = |field, text: &str| Term::from_field_text(field, text);
        let grams_query: Box<dyn TantivyQuery> = if n <= 1 {
            Box::new(TermQuery::new(
                term(f.chars, &folded),
                IndexRecordOption::Basic,
            ))
        } else if n == 2 {
            Box::new(TermQuery::new(
                term(f.pairs, &folded),
                IndexRecordOption::Basic,
            ))
        } else {
            let terms = grams(&folded, 2).iter().map(|g| term(f.pairs, g)).collect();
            Box::new(PhraseQuery::new(terms))
        };
        let mut clauses = vec![(Occur::Must, grams_query)];
        if rank {
            let mut jieba = tantivy_jieba::JiebaTokenizer::new();
            let mut stream = jieba.token_stream(&query.raw);
            while stream.advance() {
                let q: Box<dyn TantivyQuery> = Box::new(TermQuery::new(
                    term(f.words, &stream.token().text),
                    IndexRecordOption::WithFreqs,
                ));
                clauses.push((Occur::Should, q));
            }
        }
        let searcher = self.reader.searcher();
        let limit = usize::try_from(searcher.num_docs())
            .unwrap_or(usize::MAX)
            .max(1);
        let found = searcher
            .search(
                &BooleanQuery::new(clauses),
                &TopDocs::with_limit(limit).order_by_score(),
            )
            .map_err(|e| damaged(&self.root, e))?;
        let mut out = HashMap::with_capacity(found.len());
        for (score, address) in found {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| damaged(&self.root, e))?;
            if let Some(path) = doc.get_first(f.path).and_then(|v| v.as_str()) {
                out.insert(self.root.join(path), score);
            }
        }
        Ok(out)
    }
}

/// How the archive differs from its index.
#[derive(Debug, Default)]
pub struct Changes {
    /// Pages new or replaced since the index was built: read in full.
    pub stale: Vec<PathBuf>,
    /// Indexed pages that are gone.
    pub gone: std::collections::HashSet<PathBuf>,
}

/// The page files directly in `dir` (not in its subfolders, which the
/// manifest lists themselves); a new subfolder's pages are all new.
fn page_files_here(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_none_or(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            if let Ok(more) = page_files(&path) {
                out.extend(more);
            }
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if path.is_file() && matches!(ext.as_deref(), None | Some("txt" | "text")) {
            out.push(path);
        }
    }
    out
}
