//! Building an archive's index, or bringing it up to date: new and
//! changed pages (re)indexed, removed ones dropped, with a `building`
//! marker while it runs and the manifest written last, so that an index a
//! query finds is always a whole one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tantivy::{Index, IndexWriter, Term, doc};

use super::grams::{fold, fold_joined};
use super::index::{
    BUILDING, FILES, MANIFEST, Manifest, TANTIVY, damaged, io, location, modified_ns, open_dir,
    read_files, register, relative, schema, stamp, write_json,
};
use super::{INDEX_VERSION, IndexError};
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
    /// Bytes of text indexed this time.
    pub bytes: u64,
    /// The index's size on disk.
    pub size: u64,
    /// The old index could not be used and was built anew (why).
    pub rebuilt: Option<String>,
}

/// Removes the `building` marker when the build ends, however it ends.
struct Marker(PathBuf);

impl Drop for Marker {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
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
    let marker = dir.join(BUILDING);
    std::fs::write(&marker, std::process::id().to_string()).map_err(io(&marker))?;
    let _marker = Marker(marker);
    let mut report = BuildReport {
        dir: dir.clone(),
        ..BuildReport::default()
    };
    let old = if dir.join(MANIFEST).exists() {
        match open_dir(root, &dir).and_then(|index| Ok((index.manifest, read_files(&dir)?))) {
            Ok((mut manifest, files)) => {
                manifest.files = files;
                Some(manifest)
            }
            Err(e) => {
                report.rebuilt = Some(e.to_string());
                None
            }
        }
    } else {
        None
    };
    let tantivy_dir = dir.join(TANTIVY);
    let (schema, f) = schema();
    let index = match &old {
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
    let mut manifest = Manifest {
        version: INDEX_VERSION,
        root: root.display().to_string(),
        files: BTreeMap::new(),
        dirs: BTreeMap::new(),
    };
    let old_files = old.map(|m| m.files).unwrap_or_default();
    let files = page_files(root)?;
    for path in &files {
        let mut dir = path.parent();
        while let Some(d) = dir {
            let rel = relative(root, d);
            if manifest.dirs.contains_key(&rel) {
                break;
            }
            manifest.dirs.insert(rel, modified_ns(d).unwrap_or(0));
            if d == root {
                break;
            }
            dir = d.parent();
        }
    }
    for (done, path) in files.iter().enumerate() {
        progress(done, files.len());
        let rel = relative(root, path);
        let Some(now) = stamp(path) else {
            continue;
        };
        manifest.files.insert(rel.clone(), now);
        match old_files.get(&rel) {
            Some(before) if *before == now => {
                report.unchanged += 1;
                continue;
            }
            Some(_) => {
                report.changed += 1;
                writer.delete_term(Term::from_field_text(f.path, &rel));
            }
            None => report.added += 1,
        }
        // A page that cannot be read is left out, as the reader leaves it.
        let Ok(loaded) = Source::File(path.clone()).read(opts) else {
            manifest.files.remove(&rel);
            continue;
        };
        report.bytes += loaded.text.len() as u64;
        let date = date_in(&path.to_string_lossy()).map_or(0, |d| {
            u64::from(d.year) * 10_000 + u64::from(d.month) * 100 + u64::from(d.day)
        });
        let text = loaded.text.as_str();
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
    progress(files.len(), files.len());
    for rel in old_files.keys() {
        if !manifest.files.contains_key(rel) {
            report.removed += 1;
            writer.delete_term(Term::from_field_text(f.path, rel));
        }
    }
    writer.commit().map_err(|e| damaged(&dir, e))?;
    writer
        .wait_merging_threads()
        .map_err(|e| damaged(&dir, e))?;
    // The file list first: a manifest names a complete index.
    write_json(&dir, FILES, &manifest.files)?;
    write_json(&dir, MANIFEST, &manifest)?;
    report.size = disk_size(&dir);
    Ok(report)
}
