//! Where an archive's index lives and what it says of itself: the
//! manifest (version, the options its pages were read with, folders,
//! the stamps of its own files), the list of indexed pages, and the
//! errors that make an index unusable.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::Stamp;
use crate::page::LoadOptions;

/// Bumped whenever what is indexed, or how, changes: an index of another
/// version is rebuilt, never read.
pub const INDEX_VERSION: u32 = 4;

/// Pages longer than this many bytes are indexed in pieces of about this
/// size.
pub(super) const PIECE: usize = 1 << 20;
/// Visible characters each piece goes on into the next.
pub(super) const OVERLAP: usize = 64;

/// Names the index as a whole: written last by a build, removed first.
pub(super) const MANIFEST: &str = "manifest.json";
/// Every indexed page's stamp.
pub(super) const FILES: &str = "files.bin";
/// Present while an index is being built, naming its builder.
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
    #[error("the index at {path} cannot be used: {why}")]
    Locked { path: String, why: String },
    #[error("the index at {path} was left unfinished (its build was interrupted)")]
    Unfinished { path: String },
    #[error(
        "the index of {root} was built reading pages with {built}, this run reads them with {now}"
    )]
    OtherOptions {
        root: String,
        built: String,
        now: String,
    },
    #[error(
        "the index of {root} is being built by another kanbao (process {pid}) — wait for it to finish"
    )]
    Busy { root: String, pid: String },
    #[error("{0}")]
    Load(#[from] crate::page::LoadError),
}

pub(super) fn damaged(dir: &Path, why: impl std::fmt::Display) -> IndexError {
    IndexError::Damaged {
        path: dir.display().to_string(),
        why: why.to_string(),
    }
}

pub(super) fn io(path: &Path) -> impl Fn(std::io::Error) -> IndexError + '_ {
    move |source| IndexError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// How the pages were read: a search that reads them otherwise (another
/// encoding, another size limit) would not find what the index holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Decoding {
    encoding: Option<String>,
    max_size: u64,
}

impl Decoding {
    pub(super) fn of(opts: LoadOptions) -> Decoding {
        Decoding {
            encoding: opts.encoding.map(|e| e.name().to_owned()),
            max_size: opts.max_size,
        }
    }

    /// As the command line would give it.
    pub(super) fn describe(&self) -> String {
        let encoding = self.encoding.as_ref().map_or_else(
            || "the encoding detected".to_owned(),
            |e| format!("--encoding {e}"),
        );
        format!("{encoding} and --max-size {}", self.max_size)
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Manifest {
    pub(super) version: u32,
    pub(super) root: String,
    pub(super) decoding: Decoding,
    /// The folders that hold pages (the root is ""), with their times: a
    /// page added to one, or removed, changes its folder's time.
    pub(super) dirs: BTreeMap<String, i128>,
    /// Pages that could not be read when indexing (too large, binary, …):
    /// a search reads them again, as a scan would, and says the same.
    pub(super) skipped: BTreeSet<String>,
    /// Pages indexed in pieces (see [`PIECE`]): every query longer than
    /// [`OVERLAP`] reads them, as its pairs may straddle two pieces.
    pub(super) pieced: BTreeSet<String>,
    /// Folders too deep to be read, as a scan finds them.
    pub(super) too_deep: Vec<String>,
    /// The stamps of the index's own segment files when it was written:
    /// a file whose stamp moved has its checksum verified before use.
    pub(super) segments: BTreeMap<String, Stamp>,
}

pub(super) fn read_manifest(dir: &Path) -> Result<Manifest, IndexError> {
    let text = read_small(&dir.join(MANIFEST)).map_err(|e| damaged(dir, e))?;
    #[derive(Deserialize)]
    struct Versioned {
        version: u32,
    }
    let version = serde_json::from_str::<Versioned>(&text)
        .map_err(|e| damaged(dir, e))?
        .version;
    if version != INDEX_VERSION {
        return Err(damaged(
            dir,
            format!("it is of version {version} (this kanbao reads {INDEX_VERSION})"),
        ));
    }
    serde_json::from_str(&text).map_err(|e| damaged(dir, e))
}

pub(super) fn read_files(dir: &Path) -> Result<BTreeMap<String, Stamp>, IndexError> {
    let path = dir.join(FILES);
    let meta = std::fs::metadata(&path).map_err(|e| damaged(dir, format!("{FILES}: {e}")))?;
    if !meta.is_file() {
        return Err(damaged(dir, format!("{FILES} is not a regular file")));
    }
    let bytes = std::fs::read(&path).map_err(|e| damaged(dir, format!("{FILES}: {e}")))?;
    super::files::list_from(&bytes)
        .ok_or_else(|| damaged(dir, format!("{FILES} is cut short or not a list")))
}

/// Writes `bytes` to `name` in `dir`, whole or not at all.
pub(super) fn write_whole(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), IndexError> {
    let tmp = dir.join(format!("{name}.tmp"));
    std::fs::write(&tmp, bytes).map_err(io(&tmp))?;
    std::fs::rename(&tmp, dir.join(name)).map_err(io(dir))
}

/// A file of the index's own, read only if it is a regular file (a FIFO
/// or a device put in its place would hang or never end).
fn read_small(path: &Path) -> std::io::Result<String> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    std::fs::read_to_string(path)
}

/// Writes `value` as JSON to `name` in `dir`, whole or not at all.
pub(super) fn write_json(dir: &Path, name: &str, value: &impl Serialize) -> Result<(), IndexError> {
    let json = serde_json::to_string(value).map_err(|e| damaged(dir, e))?;
    write_whole(dir, name, json.as_bytes())
}

/// Where the index of the archive at `root` lives: a folder of the cache
/// directory named by a hash of the root's canonical path.
pub fn location(root: &Path) -> Result<PathBuf, IndexError> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().map_err(|_| IndexError::NoCache)?;
    let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let hash = crate::state::fnv1a(
        0xcbf2_9ce4_8422_2325,
        canonical.as_os_str().as_encoded_bytes(),
    );
    Ok(base
        .cache_dir()
        .join("kanbao")
        .join("index")
        .join(format!("{hash:016x}")))
}
