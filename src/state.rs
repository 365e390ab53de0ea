//! What kanbao remembers between runs: the reading place per input (keyed
//! by the files' canonical paths and a hash of their contents) and the
//! search history. Kept as JSON in the XDG state directory, written
//! atomically (a temporary file renamed over the old one), re-read and
//! merged just before writing so that concurrent runs do not lose each
//! other's places; a corrupt or foreign file is ignored with a warning.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Queries kept in the history.
pub const HISTORY_LEN: usize = 100;
/// Inputs whose place is kept; the least recently read are forgotten.
pub const PLACES_LEN: usize = 500;
const VERSION: u32 = 1;

/// A reading place: the article (numbered as in `--outline`) and a byte
/// offset into the source of the text at the top of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub article: usize,
    pub source_offset: usize,
    /// Seconds since the epoch, to forget the oldest places first.
    pub saved: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    pub places: BTreeMap<String, Place>,
    pub history: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("{path}: cannot be read ({source}); starting without remembered places")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a kanbao state file ({source}); it will be replaced")]
    Corrupt {
        path: String,
        source: serde_json::Error,
    },
    #[error("{path}: cannot be written ({source})")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// `$XDG_STATE_HOME/kanbao/state.json`, else `~/.local/state/kanbao/state.json`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))?;
    Some(base.join("kanbao").join("state.json"))
}

/// FNV-1a, 64 bits: a stable hash of an input's contents (not security).
fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// The key of an input: its sources' canonical paths and contents. A
/// changed file gets a new key, so its old place no longer applies.
pub fn input_key<'a>(pages: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut hash = 0xcbf2_9ce4_8422_2325;
    let mut names = Vec::new();
    for (name, text) in pages {
        let canonical = std::fs::canonicalize(name)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| name.to_owned());
        hash = fnv1a(hash, canonical.as_bytes());
        hash = fnv1a(hash, &[0]);
        hash = fnv1a(hash, text.as_bytes());
        names.push(canonical);
    }
    let first = names.first().map_or("", String::as_str);
    format!("{first}#{}#{hash:016x}", names.len())
}

impl State {
    /// Reads the state file. A missing file is an empty state; an
    /// unreadable or corrupt one is an empty state and a warning.
    pub fn load(path: &Path) -> (State, Option<StateError>) {
        let name = path.display().to_string();
        match std::fs::read(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (State::default(), None),
            Err(source) => (
                State::default(),
                Some(StateError::Read { path: name, source }),
            ),
            Ok(bytes) => match serde_json::from_slice::<State>(&bytes) {
                Ok(state) if state.version == VERSION => (state, None),
                Ok(_) => (State::default(), None),
                Err(source) => (
                    State::default(),
                    Some(StateError::Corrupt { path: name, source }),
                ),
            },
        }
    }

    /// Records a place and the session's queries into the file at `path`:
    /// the file is read again first, so that what other runs saved since
    /// is kept, then replaced atomically.
    pub fn save(
        path: &Path,
        key: &str,
        place: Option<Place>,
        history: &[String],
    ) -> Result<(), StateError> {
        let (mut state, _) = State::load(path);
        state.version = VERSION;
        if let Some(place) = place {
            state.places.insert(key.to_owned(), place);
        }
        if state.places.len() > PLACES_LEN {
            let mut by_age: Vec<(u64, String)> = state
                .places
                .iter()
                .map(|(k, p)| (p.saved, k.clone()))
                .collect();
            by_age.sort();
            for (_, k) in by_age.into_iter().take(state.places.len() - PLACES_LEN) {
                state.places.remove(&k);
            }
        }
        for query in history {
            state.history.retain(|q| q != query);
            state.history.push(query.clone());
        }
        let excess = state.history.len().saturating_sub(HISTORY_LEN);
        state.history.drain(..excess);
        write_atomically(path, &state)
    }
}

fn write_atomically(path: &Path, state: &State) -> Result<(), StateError> {
    let err = |source| StateError::Write {
        path: path.display().to_string(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    // Unique per process, in the same directory so the rename is atomic.
    let tmp = dir.join(format!(".state.json.{}.tmp", std::process::id()));
    let json = serde_json::to_vec_pretty(state).map_err(|e| err(e.into()))?;
    let mut file = std::fs::File::create(&tmp).map_err(err)?;
    file.write_all(&json)
        .and_then(|()| file.sync_all())
        .map_err(err)?;
    drop(file);
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        err(e)
    })
}

/// Seconds since the epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
