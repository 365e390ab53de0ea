//! An archive's full-text index (tantivy), kept in the cache directory: a
//! document per page file, indexed by its characters and character pairs
//! (for recall: every file a scan would find a hit in is a candidate) and
//! by jieba's words (for relevance). Opening it checks what it can: its
//! version, the options its pages were read with, and the checksums of
//! any of its files that changed since it was written.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query as TantivyQuery, TermQuery};
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
    Value,
};
use tantivy::tokenizer::{TextAnalyzer, TokenStream, Tokenizer};
use tantivy::{Index, IndexReader, TantivyDocument, Term};

use super::checks::{contained, locked, verify};
use super::files::{Stamp, folder_time, key, path_of, stamps_in};
use super::grams::{CharGrams, fold_joined, grams};
use super::manifest::{
    Decoding, IndexError, MANIFEST, Manifest, OVERLAP, TANTIVY, damaged, location, read_files,
    read_manifest,
};
use super::marker::live_builder;
use crate::page::LoadOptions;
use crate::page::walk::{Walk, has_page_name, is_visible, walk};
use crate::text::query::Query;

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

/// An index opened for queries.
pub struct ArchiveIndex {
    root: PathBuf,
    fields: Fields,
    reader: IndexReader,
    pub(super) manifest: Manifest,
    /// Every indexed page's stamp.
    pub(super) files: BTreeMap<String, Stamp>,
}

/// What was found where an archive's index would be.
pub enum Opened {
    Ready(Box<ArchiveIndex>),
    /// No index was built for this archive.
    Missing,
    /// One is being built right now.
    Building,
    /// One is there but cannot be used (damaged, unfinished, another
    /// version, built with other options).
    Unusable(IndexError),
}

/// Opens the index of the archive at `root` for a run that reads pages
/// with `opts`, if one can be used.
pub fn open(root: &Path, opts: LoadOptions) -> Opened {
    let dir = match location(root) {
        Ok(dir) => dir,
        Err(e) => return Opened::Unusable(e),
    };
    if live_builder(&dir).is_some() {
        return Opened::Building;
    }
    if !dir.join(MANIFEST).exists() {
        // A build removes the manifest first and writes it last: index
        // data without one is a build that did not finish.
        return if dir.join(TANTIVY).exists() {
            Opened::Unusable(IndexError::Unfinished {
                path: dir.display().to_string(),
            })
        } else {
            Opened::Missing
        };
    }
    match open_dir(root, &dir) {
        Ok(index) if index.manifest.decoding != Decoding::of(opts) => {
            Opened::Unusable(IndexError::OtherOptions {
                root: root.display().to_string(),
                built: index.manifest.decoding.describe(),
                now: Decoding::of(opts).describe(),
            })
        }
        Ok(index) => Opened::Ready(Box::new(index)),
        Err(e) => Opened::Unusable(e),
    }
}

pub(super) fn open_dir(root: &Path, dir: &Path) -> Result<ArchiveIndex, IndexError> {
    let manifest = read_manifest(dir)?;
    let files = read_files(dir)?;
    let index = Index::open_in_dir(dir.join(TANTIVY)).map_err(|e| damaged(dir, e))?;
    register(&index);
    let (_, fields) = schema();
    if index.schema() != schema().0 {
        return Err(damaged(dir, "its fields are not this version's"));
    }
    verify(&index, dir, &manifest.segments)?;
    let reader = index.reader().map_err(|e| locked(dir, e))?;
    Ok(ArchiveIndex {
        root: root.to_path_buf(),
        fields,
        reader,
        manifest,
        files,
    })
}

impl ArchiveIndex {
    /// The pages that are not in the index as they are now: every indexed
    /// page is looked at (a stat each, on every core), so one written in
    /// place, appended to or replaced — behind a link too — is seen; new
    /// pages are found through their folders' times.
    pub fn changes(&self) -> Changes {
        let root = &self.root;
        // Folder by folder (a folder's pages stand together in key order),
        // each folder opened once and its pages asked of it.
        let paths: Vec<(PathBuf, &Stamp)> = self
            .files
            .iter()
            .map(|(file, was)| (path_of(root, file), was))
            .collect();
        let mut runs: Vec<&[(PathBuf, &Stamp)]> = Vec::new();
        let mut rest = paths.as_slice();
        while let Some((first, _)) = rest.first() {
            let parent = first.parent();
            let n = rest
                .iter()
                .take_while(|(p, _)| p.parent() == parent)
                .count();
            let (run, more) = rest.split_at(n);
            runs.push(run);
            rest = more;
        }
        let looked: Vec<(PathBuf, bool)> = runs
            .par_iter()
            .flat_map_iter(|run| {
                let dir = run[0].0.parent().unwrap_or(root);
                let names: Vec<&std::ffi::OsStr> = run
                    .iter()
                    .map(|(p, _)| p.file_name().unwrap_or_default())
                    .collect();
                let now = stamps_in(dir, &names);
                run.iter()
                    .zip(now)
                    .filter_map(|((path, was), now)| match now {
                        Some(now) if now == **was => None,
                        now => Some((path.clone(), now.is_some())),
                    })
            })
            .collect();
        let mut changes = Changes::default();
        let mut stale = BTreeSet::new();
        for (path, there) in looked {
            if there {
                stale.insert(path);
            } else {
                changes.gone.insert(path);
            }
        }
        let moved = self
            .manifest
            .dirs
            .par_iter()
            .filter(|&(rel, when)| folder_time(&path_of(root, rel)) != Some(*when))
            .map(|(rel, _)| path_of(root, rel))
            .collect::<Vec<_>>();
        for dir in moved {
            for path in self.pages_here(&dir) {
                let file = key(root, &path);
                if !self.files.contains_key(&file) && !self.manifest.skipped.contains(&file) {
                    stale.insert(path);
                }
            }
        }
        changes.stale = stale.into_iter().collect();
        changes
    }

    /// The page files of `dir` itself, and of its subfolders that the
    /// index does not know (a known one has a folder entry of its own).
    fn pages_here(&self, dir: &Path) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let depth = dir
            .strip_prefix(&self.root)
            .map_or(0, |r| r.components().count());
        let mut found = Walk::default();
        for entry in entries.filter_map(Result::ok) {
            if !is_visible(&entry.file_name()) {
                continue;
            }
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                if !self.manifest.dirs.contains_key(&key(&self.root, &path)) {
                    let _ = walk(&path, depth + 1, &mut found);
                }
            } else if path.is_file() && has_page_name(&path) {
                found.files.push(path);
            }
        }
        found.files
    }

    /// Pages the index could not read when it was built, as they were
    /// named then: a search reads them again.
    pub fn skipped(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.manifest.skipped.iter().map(|f| path_of(&self.root, f))
    }

    /// Folders the build found too deep to read, as a scan would name
    /// them.
    pub fn too_deep(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.manifest
            .too_deep
            .iter()
            .map(|f| path_of(&self.root, f))
    }

    /// The indexed files that may hold a hit of `query`, each with its
    /// relevance (BM25 over jieba's words of the query, when `rank`). A
    /// panic inside tantivy (data damaged past its checksums) is an error.
    pub fn candidates(
        &self,
        query: &Query,
        rank: bool,
    ) -> Result<HashMap<PathBuf, f32>, IndexError> {
        contained(&self.root, || self.search(query, rank))
    }

    fn search(&self, query: &Query, rank: bool) -> Result<HashMap<PathBuf, f32>, IndexError> {
        // Whitespace out, as the pairs were indexed: a hit across a line
        // break or a mended cut has its pairs there.
        let folded = fold_joined(&query.raw);
        let f = &self.fields;
        let n = folded.chars().count();
        // A hit this long may straddle two pieces of a page indexed in
        // pieces: such pages are read whatever the index says.
        let mut out: HashMap<PathBuf, f32> = HashMap::new();
        if n > OVERLAP {
            out.extend(
                self.manifest
                    .pieced
                    .iter()
                    .map(|p| (path_of(&self.root, p), 0.0)),
            );
        }
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
        out.reserve(found.len());
        for (score, address) in found {
            let doc: TantivyDocument = searcher.doc(address).map_err(|e| damaged(&self.root, e))?;
            if let Some(file) = doc.get_first(f.path).and_then(|v| v.as_str()) {
                // A page in pieces: its best piece.
                let best = out.entry(path_of(&self.root, file)).or_insert(score);
                *best = best.max(score);
            }
        }
        Ok(out)
    }
}

/// How the archive differs from its index.
#[derive(Debug, Default)]
pub struct Changes {
    /// Pages new or changed since the index was built, each once, in
    /// order: read in full.
    pub stale: Vec<PathBuf>,
    /// Indexed pages that are gone.
    pub gone: HashSet<PathBuf>,
}
