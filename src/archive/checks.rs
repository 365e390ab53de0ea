//! What an index is checked for before it is trusted: that its segment
//! files are the ones its build wrote (their checksums, where their stamps
//! moved), that its lock can be taken, and that a failure inside tantivy
//! while it is read is an error, not a crash.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::Path;

use tantivy::Index;

use super::files::{Stamp, stamp};
use super::manifest::{IndexError, TANTIVY, damaged};

/// A reader's error: its lock file (which a reader takes while it opens
/// the index) is about who may use the index, not about the index's data.
pub(super) fn locked(dir: &Path, e: tantivy::TantivyError) -> IndexError {
    use tantivy::directory::error::LockError;
    let why = match e {
        tantivy::TantivyError::LockFailure(LockError::LockBusy, _) => {
            "another process holds its lock — try again in a moment".to_owned()
        }
        tantivy::TantivyError::LockFailure(LockError::IoError(io), _) => format!(
            "its lock file cannot be written ({io}) — check the permissions of {}",
            dir.display()
        ),
        other => return damaged(dir, other),
    };
    IndexError::Locked {
        path: dir.display().to_string(),
        why,
    }
}

/// The stamps of the index's segment files as they are now.
pub(super) fn segment_stamps(
    index: &Index,
    dir: &Path,
) -> Result<BTreeMap<String, Stamp>, IndexError> {
    let metas = index.load_metas().map_err(|e| damaged(dir, e))?;
    Ok(metas
        .list_segment_files()
        .into_iter()
        .filter_map(|rel| {
            let now = stamp(&dir.join(TANTIVY).join(&rel))?;
            Some((rel.to_string_lossy().into_owned(), now))
        })
        .collect())
}

/// Checks that the segment files are those the build wrote: any whose
/// stamp moved since (written to, replaced, flipped bits) must pass its
/// checksum, and none may be missing. Reading every file's checksum on
/// every query would cost a read of the whole index; a stat costs
/// nothing.
pub(super) fn verify(
    index: &Index,
    dir: &Path,
    written: &BTreeMap<String, Stamp>,
) -> Result<(), IndexError> {
    let now = segment_stamps(index, dir)?;
    if let Some(gone) = written.keys().find(|f| !now.contains_key(*f)) {
        return Err(damaged(dir, format!("its file {gone} is missing")));
    }
    for (file, stamp) in &now {
        if written.get(file) == Some(stamp) {
            continue;
        }
        let sound = index
            .directory()
            .validate_checksum(Path::new(file))
            .map_err(|e| damaged(dir, e))?;
        if !sound {
            return Err(damaged(
                dir,
                format!("its file {file} fails its checksum (changed since it was written)"),
            ));
        }
    }
    Ok(())
}

thread_local! {
    static CONTAINING: Cell<bool> = const { Cell::new(false) };
}

/// Is this thread in a query of the index whose panic is caught and told
/// as a damaged index? The process's panic hook stays quiet then.
pub fn containing_panic() -> bool {
    CONTAINING.with(Cell::get)
}

/// Runs `query`, a panic inside it (tantivy reading damaged data) made an
/// error instead.
pub(super) fn contained<T>(
    dir: &Path,
    query: impl FnOnce() -> Result<T, IndexError>,
) -> Result<T, IndexError> {
    CONTAINING.with(|c| c.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(query));
    CONTAINING.with(|c| c.set(false));
    result.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(damaged(dir, format!("reading it failed ({what})")))
    })
}
