//! Building an archive's index, or bringing it up to date: new and
//! changed pages (re)indexed, removed ones dropped. One builder at a time
//! (the `building` marker); the manifest is removed before anything else
//! is touched and written last, so that an index a query finds is always
//! a whole one, and an interrupted build is known as one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tantivy::{Index, IndexWriter, Term, doc};

use super::checks::segment_stamps;
use super::files::{Stamp, folder_time, key, stamp};
use super::grams::{fold, fold_joined};
use super::index::{open_dir, register, schema};
use super::manifest::{
    Decoding, FILES, INDEX_VERSION, IndexError, MANIFEST, Manifest, TANTIVY, damaged, io, location,
    write_json, write_whole,
};
use super::manifest::{OVERLAP, PIECE};
use super::marker::Marker;
use crate::page::load::page_files;
use crate::page::{LoadOptions, Source, date_in};

/// What building an index did.
#[derive(Debug, Default, Clone)]
pub struct BuildReport {
    pub dir: PathBuf,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Pages that could not be read (too large, binary, …), with why:
    /// not in the index, read again by every search.
    pub skipped: Vec<String>,
    /// Folders too deep to be read.
    pub too_deep: Vec<PathBuf>,
    /// Bytes of text indexed this time.
    pub bytes: u64,
    /// The index's size on disk.
    pub size: u64,
    /// The old index could not be used and was built anew (why).
    pub rebuilt: Option<String>,
}

fn disk_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| match e.file_type() {
                    Ok(t) if t.is_dir() => disk_size(&e.path()),
                    _ => e.metadata().map_or(0, |m| m.len()),
                })
                .sum()
        })
        .unwrap_or(0)
}

/// The old index's page stamps, if it can be brought up to date rather
/// than built anew (then `report.rebuilt` says why not).
fn old_files(
    root: &Path,
    dir: &Path,
    opts: LoadOptions,
    report: &mut BuildReport,
) -> Option<BTreeMap<String, Stamp>> {
    if !dir.join(MANIFEST).exists() {
        if dir.join(TANTIVY).exists() {
            report.rebuilt = Some(
                IndexError::Unfinished {
                    path: dir.display().to_string(),
                }
                .to_string(),
            );
        }
        return None;
    }
    match open_dir(root, dir) {
        Ok(index) if index.manifest.decoding == Decoding::of(opts) => Some(index.files),
        Ok(index) => {
            report.rebuilt = Some(format!(
                "the index of {} was built reading pages with {}",
                root.display(),
                index.manifest.decoding.describe()
            ));
            None
        }
        Err(e) => {
            report.rebuilt = Some(e.to_string());
            None
        }
    }
}

/// Builds or brings up to date the index of the archive at `root`: files
/// new or changed since the last build are (re)indexed, removed ones
/// dropped. `progress` hears of each file looked at (done, total).
pub fn build(
    root: &Path,
    opts: LoadOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<BuildReport, IndexError> {
    let dir = location(root)?;
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let _marker = Marker::take(&dir, root)?;
    let mut report = BuildReport {
        dir: dir.clone(),
        ..BuildReport::default()
    };
    let old_files = old_files(root, &dir, opts, &mut report);
    // From here until the manifest is written again, a query finds an
    // unfinished index, never a part of one taken for the whole.
    match std::fs::remove_file(dir.join(MANIFEST)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&dir)(e)),
        _ => {}
    }
    let tantivy_dir = dir.join(TANTIVY);
    let (schema, f) = schema();
    let index = match &old_files {
        Some(_) => Index::open_in_dir(&tantivy_dir).map_err(|e| damaged(&dir, e))?,
        None => {
            let _ = std::fs::remove_dir_all(&tantivy_dir);
            std::fs::create_dir_all(&tantivy_dir).map_err(io(&tantivy_dir))?;
            Index::create_in_dir(&tantivy_dir, schema).map_err(|e| damaged(&dir, e))?
        }
    };
    register(&index);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(4);
    let mut writer: IndexWriter = index
        .writer_with_num_threads(threads, threads * 48_000_000)
        .map_err(|e| damaged(&dir, e))?;
    let pages = page_files(root)?;
    let mut manifest = Manifest {
        version: INDEX_VERSION,
        root: root.display().to_string(),
        decoding: Decoding::of(opts),
        dirs: folders(root, &pages.files),
        skipped: Default::default(),
        pieced: Default::default(),
        too_deep: pages.too_deep.iter().map(|d| key(root, d)).collect(),
        segments: BTreeMap::new(),
    };
    report.too_deep.clone_from(&pages.too_deep);
    let old_files = old_files.unwrap_or_default();
    let mut files = BTreeMap::new();
    let total = pages.files.len();
    for (done, path) in pages.files.iter().enumerate() {
        progress(done, total);
        let rel = key(root, path);
        let Some(now) = stamp(path) else {
            continue;
        };
        match old_files.get(&rel) {
            Some(before) if *before == now => {
                report.unchanged += 1;
                files.insert(rel, now);
                continue;
            }
            Some(_) => {
                writer.delete_term(Term::from_field_text(f.path, &rel));
            }
            None => {}
        }
        // A page that cannot be read is left out, as the reader leaves it,
        // and named, so that every search reads it again as a scan does.
        let loaded = match Source::File(path.clone()).read(opts) {
            Ok(loaded) => loaded,
            Err(e) => {
                report.skipped.push(e.to_string());
                manifest.skipped.insert(rel);
                continue;
            }
        };
        if old_files.contains_key(&rel) {
            report.changed += 1;
        } else {
            report.added += 1;
        }
        report.bytes += loaded.text.len() as u64;
        let date = date_in(&path.to_string_lossy()).map_or(0, |d| {
            u64::from(d.year) * 10_000 + u64::from(d.month) * 100 + u64::from(d.day)
        });
        let pieces = pieces(&loaded.text);
        if pieces.len() > 1 {
            manifest.pieced.insert(rel.clone());
        }
        for text in pieces {
            writer
                .add_document(doc!(
                    f.path => rel.as_str(),
                    f.date => date,
                    f.chars => fold(text),
                    f.pairs => fold_joined(text),
                    f.words => text,
                ))
                .map_err(|e| damaged(&dir, e))?;
        }
        files.insert(rel, now);
    }
    progress(total, total);
    for rel in old_files.keys() {
        if !files.contains_key(rel) {
            report.removed += 1;
            writer.delete_term(Term::from_field_text(f.path, rel));
        }
    }
    writer.commit().map_err(|e| damaged(&dir, e))?;
    writer
        .wait_merging_threads()
        .map_err(|e| damaged(&dir, e))?;
    manifest.segments = segment_stamps(&index, &dir)?;
    // The file list first: a manifest names a complete index.
    write_whole(&dir, FILES, &super::files::list_bytes(&files))?;
    write_json(&dir, MANIFEST, &manifest)?;
    report.size = disk_size(&dir);
    Ok(report)
}

/// A page's text as the documents it is indexed as: whole, or, when it is
/// longer than [`PIECE`], in pieces of about that size — each going on
/// [`OVERLAP`] visible characters into the next, so that a query of up to
/// that many characters has all its pairs in one piece. (Indexed whole, a
/// page of 75 MB took 1.25 GB to index.)
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > PIECE {
        let mut end = start + PIECE;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mut reach = end;
        let mut visible = 0;
        for c in text[end..].chars() {
            if visible == OVERLAP {
                break;
            }
            reach += c.len_utf8();
            visible += usize::from(!c.is_whitespace());
        }
        out.push(&text[start..reach]);
        start = end;
    }
    out.push(&text[start..]);
    out
}

/// Every folder that holds a page, up to the root, with its time.
fn folders(root: &Path, files: &[PathBuf]) -> BTreeMap<String, i128> {
    let mut dirs = BTreeMap::new();
    for path in files {
        let mut dir = path.parent();
        while let Some(d) = dir {
            let rel = key(root, d);
            if dirs.contains_key(&rel) {
                break;
            }
            dirs.insert(rel, folder_time(d).unwrap_or(0));
            if d == root {
                break;
            }
            dir = d.parent();
        }
    }
    dirs
}
