//! What kanbao remembers between runs: the reading place and bookmarks per
//! input (keyed by the files' canonical paths and a hash of their
//! contents) and the search history. Kept as JSON in the XDG state
//! directory. Every change is made under a lock file, to the file as it is
//! on disk at that moment (so concurrent runs keep each other's changes),
//! and written atomically (a temporary file renamed over the old one). A
//! file kanbao cannot read or does not understand is never written over.

use std::collections::{BTreeMap, HashSet};
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

/// A named place the reader marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    pub name: String,
    pub article: usize,
    pub source_offset: usize,
    /// Seconds since the epoch; also tells bookmarks apart.
    pub created: u64,
}

/// A word a learner saved from the word cursor, for review (Anki).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedWord {
    pub word: String,
    /// With tone marks.
    pub pinyin: String,
    /// The first entry's definitions.
    pub gloss: String,
    /// The sentence the word stood in.
    pub sentence: String,
    /// Where: file › column › title.
    pub source: String,
    /// Seconds since the epoch.
    pub saved: u64,
    /// The script the word and sentence were shown (and saved) in:
    /// `simplified` or `traditional` (empty in lists saved before it was
    /// recorded).
    #[serde(default)]
    pub script: String,
}

/// The most words the list keeps; the oldest go first.
pub const WORDS_LEN: usize = 10_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    #[serde(default)]
    pub places: BTreeMap<String, Place>,
    #[serde(default)]
    pub bookmarks: BTreeMap<String, Vec<Bookmark>>,
    #[serde(default)]
    pub history: Vec<String>,
    #[serde(default)]
    pub words: Vec<SavedWord>,
    /// The issue each archive (by its folder's canonical path) was last
    /// read at, as its date: the archive reopens there.
    #[serde(default)]
    pub archives: BTreeMap<String, String>,
    /// The numbers of the articles read, by input key.
    #[serde(default)]
    pub read: BTreeMap<String, Vec<usize>>,
}

impl Bookmark {
    /// The same place under the same name (when it was made aside).
    pub fn same_place(&self, other: &Bookmark) -> bool {
        (self.article, self.source_offset, &self.name)
            == (other.article, other.source_offset, &other.name)
    }
}

/// Bookmarks kept per input. The reader refuses (and says so) to add one
/// more, so the trim here only meets files edited by hand.
pub const BOOKMARKS_LEN: usize = 1000;

/// A state file larger than this is not read (a sane one is a few hundred
/// kilobytes: 500 places, 100 queries, bookmarks).
pub const MAX_STATE_SIZE: u64 = 16 << 20;

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error(
        "{path}: cannot be read ({source}) — it is left alone, and places, bookmarks and queries are not saved this session; check its permissions"
    )]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{path}: written by a newer kanbao (state version {version}) — it is left alone, and nothing is saved this session"
    )]
    Newer { path: String, version: u32 },
    #[error("{path}: not a kanbao state file ({problem}); moved to {moved_to} and starting afresh")]
    Corrupt {
        path: String,
        problem: String,
        moved_to: String,
    },
    #[error(
        "{path}: not a kanbao state file ({problem}), and it could not be moved aside ({source}) — it is left alone, and nothing is saved this session"
    )]
    Stuck {
        path: String,
        problem: String,
        source: std::io::Error,
    },
    #[error("{path}: cannot be written ({source})")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: a symbolic link where kanbao keeps its lock — not followed; remove it")]
    LinkedLock { path: String },
}

impl StateError {
    /// Is the state file left as it is — kanbao could not read it or does
    /// not understand it — so that nothing may be written over it?
    pub fn leaves_file_alone(&self) -> bool {
        matches!(
            self,
            StateError::Read { .. } | StateError::Newer { .. } | StateError::Stuck { .. }
        )
    }
}

/// `$XDG_STATE_HOME/kanbao/state.json`, else `~/.local/state/kanbao/state.json`.
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.state_dir()?.join("kanbao").join("state.json"))
}

/// FNV-1a, 64 bits: a stable hash of an input's contents (not security).
pub(crate) fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
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
    /// Reads the state file. A missing file is an empty state. A file that
    /// cannot be read, or is from a newer kanbao, is an empty state and a
    /// problem that [leaves it alone](StateError::leaves_file_alone). A
    /// corrupt or oversized one is moved aside (`state.json.corrupt-<time>`)
    /// so that nothing in it is lost, and the problem says where it went.
    pub fn load(path: &Path) -> (State, Option<StateError>) {
        let name = path.display().to_string();
        // One byte over the limit is read, so an oversized file is known
        // as one (and moved aside) rather than refused as unreadable.
        let read = crate::own_file::read_own_prefix(path, MAX_STATE_SIZE + 1);
        let bytes = match read {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (State::default(), None),
            Err(source) => {
                let problem = StateError::Read { path: name, source };
                return (State::default(), Some(problem));
            }
            Ok(bytes) => bytes,
        };
        let problem = if bytes.len() as u64 > MAX_STATE_SIZE {
            format!("larger than {} MB", MAX_STATE_SIZE >> 20)
        } else {
            // The version first: a newer kanbao may have changed the rest.
            #[derive(Deserialize)]
            struct Versioned {
                version: u32,
            }
            match serde_json::from_slice::<Versioned>(&bytes) {
                Ok(Versioned { version }) if version > VERSION => {
                    return (
                        State::default(),
                        Some(StateError::Newer {
                            path: name,
                            version,
                        }),
                    );
                }
                Ok(Versioned { version }) if version < VERSION => {
                    format!("unknown state version {version}")
                }
                Ok(_) => match serde_json::from_slice::<State>(&bytes) {
                    Ok(mut state) => {
                        state.trim();
                        return (state, None);
                    }
                    Err(e) => e.to_string(),
                },
                Err(e) => e.to_string(),
            }
        };
        let mut aside = path.as_os_str().to_owned();
        aside.push(format!(".corrupt-{}", now()));
        let aside = PathBuf::from(aside);
        let problem = match std::fs::rename(path, &aside) {
            Ok(()) => StateError::Corrupt {
                path: name,
                problem,
                moved_to: aside.display().to_string(),
            },
            Err(source) => StateError::Stuck {
                path: name,
                problem,
                source,
            },
        };
        (State::default(), Some(problem))
    }

    /// Records a place and the session's queries (see [`State::change`]).
    pub fn save(
        path: &Path,
        key: &str,
        place: Option<Place>,
        history: &[String],
    ) -> Result<(), StateError> {
        State::change(path, |state| {
            if let Some(place) = place {
                state.places.insert(key.to_owned(), place);
            }
            state.remember_queries(history);
        })
    }

    /// Makes `change` to the state file as it is on disk now: under an
    /// exclusive lock (so no other kanbao writes in between), read, changed,
    /// trimmed to its limits and replaced atomically.
    pub fn change(path: &Path, change: impl FnOnce(&mut State)) -> Result<(), StateError> {
        let err = |source| StateError::Write {
            path: path.display().to_string(),
            source,
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(err)?;
        let lock = open_lock(&lock_path(path))?;
        lock.lock().map_err(err)?;
        let (mut state, problem) = State::load(path);
        if let Some(problem) = problem.filter(StateError::leaves_file_alone) {
            return Err(problem);
        }
        state.version = VERSION;
        change(&mut state);
        state.trim();
        remove_leftovers(path);
        write_atomically(path, &state)
        // The lock is released when `lock` is dropped.
    }

    /// Adds the session's queries after the remembered ones, each once, in
    /// the order last used — in one pass, however long either list.
    fn remember_queries(&mut self, session: &[String]) {
        let recent: HashSet<&str> = session.iter().map(String::as_str).collect();
        let mut seen = HashSet::new();
        let mut queries: Vec<String> = Vec::with_capacity(self.history.len() + session.len());
        queries.extend(
            std::mem::take(&mut self.history)
                .into_iter()
                .filter(|q| !recent.contains(q.as_str())),
        );
        // The last use of a query decides its place.
        let mut latest: Vec<&String> = session
            .iter()
            .rev()
            .filter(|q| seen.insert(q.as_str()))
            .collect();
        latest.reverse();
        queries.extend(latest.into_iter().cloned());
        self.history = queries;
    }

    fn trim(&mut self) {
        if self.places.len() > PLACES_LEN {
            let mut by_age: Vec<(u64, String)> = self
                .places
                .iter()
                .map(|(k, p)| (p.saved, k.clone()))
                .collect();
            by_age.sort();
            for (_, k) in by_age.into_iter().take(self.places.len() - PLACES_LEN) {
                self.places.remove(&k);
            }
        }
        for marks in self.bookmarks.values_mut() {
            let excess = marks.len().saturating_sub(BOOKMARKS_LEN);
            marks.drain(..excess);
        }
        self.bookmarks.retain(|_, marks| !marks.is_empty());
        while self.archives.len() > PLACES_LEN {
            self.archives.pop_first();
        }
        while self.read.len() > PLACES_LEN {
            self.read.pop_first();
        }
        let excess = self.history.len().saturating_sub(HISTORY_LEN);
        self.history.drain(..excess);
    }
}

/// Opens the lock file, never through a symbolic link: a link planted there
/// must not make kanbao create or truncate the file it points to.
fn open_lock(path: &Path) -> Result<std::fs::File, StateError> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .map_err(|source| {
            if source.raw_os_error() == Some(libc::ELOOP) {
                StateError::LinkedLock {
                    path: path.display().to_string(),
                }
            } else {
                StateError::Write {
                    path: path.display().to_string(),
                    source,
                }
            }
        })
}

fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

fn temp_prefix(path: &Path) -> String {
    format!(
        ".{}.",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// Removes temporary files a crashed run left behind. Called under the
/// lock, when no other run can be writing one.
fn remove_leftovers(path: &Path) {
    let (Some(dir), prefix) = (path.parent(), temp_prefix(path)) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn write_atomically(path: &Path, state: &State) -> Result<(), StateError> {
    let err = |source| StateError::Write {
        path: path.display().to_string(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    // In the same directory, so the rename is atomic; named so that a
    // crashed run's leftover is recognised (see `remove_leftovers`).
    let mut file = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    let json = serde_json::to_vec_pretty(state).map_err(|e| err(e.into()))?;
    file.write_all(&json)
        .and_then(|()| file.as_file().sync_all())
        .map_err(err)?;
    file.persist(path).map_err(|e| err(e.error))?;
    // The rename is durable only once the directory is on disk too.
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Seconds since the epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
