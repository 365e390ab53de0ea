//! The `building` marker: made exclusively by the one process that builds
//! an index, naming it, and removed only by it — a second builder is
//! refused, and a query while a build runs scans instead.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::manifest::{BUILDING, IndexError, io};

/// The marker of a build in progress; removed when dropped, if it is
/// still this build's.
pub(super) struct Marker {
    path: PathBuf,
    /// What this builder wrote: its process id and a token of its own.
    mine: String,
}

/// Who wrote the marker in `dir`, if it is there and its writer runs.
pub(super) fn live_builder(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(BUILDING)).ok()?;
    let pid = text.split_whitespace().next()?;
    let alive = pid.parse::<i32>().is_ok_and(|pid| {
        // SAFETY: signal 0 sends nothing; it only asks whether the
        // process exists.
        pid > 0 && unsafe { libc::kill(pid, 0) } == 0
    });
    alive.then(|| pid.to_owned())
}

impl Marker {
    /// Takes the marker of `dir` for this process: refused while another
    /// live process holds it; a marker left by one that died is taken
    /// over.
    pub(super) fn take(dir: &Path, root: &Path) -> Result<Marker, IndexError> {
        let path = dir.join(BUILDING);
        let mine = format!("{} {:x}", std::process::id(), token());
        for _ in 0..2 {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut file) => {
                    file.write_all(mine.as_bytes()).map_err(io(&path))?;
                    return Ok(Marker { path, mine });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    if let Some(pid) = live_builder(dir) {
                        return Err(IndexError::Busy {
                            root: root.display().to_string(),
                            pid,
                        });
                    }
                    // Left by a builder that died: ours now. Another
                    // process may remove it at the same moment; then
                    // the exclusive create decides between us.
                    let _ = std::fs::remove_file(&path);
                }
                Err(e) => return Err(io(&path)(e)),
            }
        }
        Err(IndexError::Busy {
            root: root.display().to_string(),
            pid: "unknown".to_owned(),
        })
    }
}

/// Tells two builders of one process id apart (a pid is reused).
fn token() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

impl Drop for Marker {
    fn drop(&mut self) {
        // Only our own marker: a builder that took over a dead one's must
        // not lose it to the dead one's clean-up, nor we to another's.
        if std::fs::read_to_string(&self.path).is_ok_and(|text| text == self.mine) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}
