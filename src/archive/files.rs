//! What the index remembers of each page file: its name under the
//! archive's root (any bytes) and a stamp that any change to the file
//! changes — written, appended to, replaced, or replaced behind a link.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A file as it was when indexed. The status-change time (`ctime`) moves
/// on every write and every change of metadata, and nothing but the
/// system can set it back, so a file edited in place and given its old
/// modification time back is still seen; the inode and device tell a
/// replacement (also of a link's target).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    modified_ns: i128,
    changed_ns: i128,
    size: u64,
    inode: u64,
    device: u64,
}

/// The stamp of the file at `path` (through links), if it can be read.
pub(crate) fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    let ns = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
    Some(Stamp {
        modified_ns: ns(meta.mtime(), meta.mtime_nsec()),
        changed_ns: ns(meta.ctime(), meta.ctime_nsec()),
        size: meta.len(),
        inode: meta.ino(),
        device: meta.dev(),
    })
}

/// A folder's modification time: it moves when a file is added to it,
/// removed from it or renamed over one of its files.
pub(crate) fn folder_time(path: &Path) -> Option<i128> {
    let meta = std::fs::metadata(path).ok()?;
    Some(i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()))
}

/// Marks a key that holds a name's bytes in hex: a file name cannot hold
/// a NUL, so no UTF-8 name reads as one.
const BYTES: char = '\0';

/// A path's key in the index: its path under `root`, as is where it is
/// UTF-8, otherwise its bytes (so two names that differ only in bytes
/// that are not UTF-8 are two keys, and the key leads back to the file).
pub(crate) fn key(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    match rel.to_str() {
        Some(text) => text.to_owned(),
        None => {
            let bytes = rel.as_os_str().as_bytes();
            let mut out = String::with_capacity(1 + 2 * bytes.len());
            out.push(BYTES);
            for b in bytes {
                out.push_str(&format!("{b:02x}"));
            }
            out
        }
    }
}

/// The path a [`key`] names under `root`.
pub(crate) fn path_of(root: &Path, key: &str) -> PathBuf {
    match key.strip_prefix(BYTES) {
        None => root.join(key),
        Some(hex) => {
            let bytes: Vec<u8> = (0..hex.len() / 2)
                .filter_map(|i| hex.get(2 * i..2 * i + 2))
                .filter_map(|pair| u8::from_str_radix(pair, 16).ok())
                .collect();
            root.join(OsStr::from_bytes(&bytes))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_lead_back_to_their_files() {
        let root = Path::new("/archive");
        for name in [
            &b"2019/01.txt"[..],
            b"2019/a\xff.txt",
            "二月/版.txt".as_bytes(),
        ] {
            let path = root.join(OsStr::from_bytes(name));
            assert_eq!(path_of(root, &key(root, &path)), path);
        }
        let (a, b) = (
            root.join(OsStr::from_bytes(b"a\xfe")),
            root.join(OsStr::from_bytes(b"a\xff")),
        );
        assert_ne!(key(root, &a), key(root, &b));
    }

    #[test]
    fn a_change_in_place_changes_the_stamp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let page = dir.path().join("p.txt");
        std::fs::write(&page, "一").expect("page");
        let before = stamp(&page);
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&page, "二").expect("same size, same place");
        assert_ne!(stamp(&page), before);
    }
}
