//! What the index remembers of each page file: its name under the
//! archive's root (any bytes) and a stamp that any change to the file
//! changes — written, appended to, replaced, or replaced behind a link.

use std::collections::BTreeMap;
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

impl Stamp {
    /// Bytes a stamp takes in the index's file list.
    const LEN: usize = 16 + 16 + 8 + 8 + 8;

    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.modified_ns.to_le_bytes());
        out.extend_from_slice(&self.changed_ns.to_le_bytes());
        out.extend_from_slice(&self.size.to_le_bytes());
        out.extend_from_slice(&self.inode.to_le_bytes());
        out.extend_from_slice(&self.device.to_le_bytes());
    }

    fn read(bytes: &[u8]) -> Option<Stamp> {
        let i128_at = |at: usize| {
            Some(i128::from_le_bytes(
                bytes.get(at..at + 16)?.try_into().ok()?,
            ))
        };
        let u64_at = |at: usize| Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?));
        Some(Stamp {
            modified_ns: i128_at(0)?,
            changed_ns: i128_at(16)?,
            size: u64_at(32)?,
            inode: u64_at(40)?,
            device: u64_at(48)?,
        })
    }
}

/// Marks the file list's format (a JSON list of 57 000 pages took 50 ms
/// to read on every query; this one takes a few).
const LIST_MAGIC: &[u8; 8] = b"kbfiles1";

/// The index's list of pages and their stamps, as bytes: the mark, then
/// for each page its key's length (u32), the key, and its stamp.
pub(crate) fn list_bytes(files: &BTreeMap<String, Stamp>) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + files.len() * (4 + 40 + Stamp::LEN));
    out.extend_from_slice(LIST_MAGIC);
    for (key, stamp) in files {
        let len = u32::try_from(key.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&key.as_bytes()[..len as usize]);
        stamp.write(&mut out);
    }
    out
}

/// The list [`list_bytes`] wrote, or `None` if these bytes are not one.
pub(crate) fn list_from(bytes: &[u8]) -> Option<BTreeMap<String, Stamp>> {
    let mut rest = bytes.strip_prefix(LIST_MAGIC)?;
    let mut files = Vec::new();
    while !rest.is_empty() {
        let len = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let key = std::str::from_utf8(rest.get(4..4 + len)?).ok()?;
        let stamp = Stamp::read(rest.get(4 + len..4 + len + Stamp::LEN)?)?;
        files.push((key.to_owned(), stamp));
        rest = &rest[4 + len + Stamp::LEN..];
    }
    // Written in key order: built in bulk.
    Some(files.into_iter().collect())
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

/// The stamps of the files `names` in the folder `dir` (through links),
/// asked relative to the folder, opened once: the path is not walked
/// again for every file, which is most of a stat's cost when a query
/// looks at 57 000 pages.
pub(crate) fn stamps_in(dir: &Path, names: &[&OsStr]) -> Vec<Option<Stamp>> {
    use std::os::fd::AsRawFd;
    let Ok(folder) = std::fs::File::open(dir) else {
        return vec![None; names.len()];
    };
    names
        .iter()
        .map(|name| {
            let name = std::ffi::CString::new(name.as_bytes()).ok()?;
            let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
            // SAFETY: a valid folder descriptor, a NUL-terminated name and
            // room for the answer, which is read only if the call succeeds.
            let st = unsafe {
                if libc::fstatat(folder.as_raw_fd(), name.as_ptr(), st.as_mut_ptr(), 0) != 0 {
                    return None;
                }
                st.assume_init()
            };
            let ns = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
            Some(Stamp {
                modified_ns: ns(st.st_mtime, st.st_mtime_nsec),
                changed_ns: ns(st.st_ctime, st.st_ctime_nsec),
                size: u64::try_from(st.st_size).unwrap_or(0),
                inode: st.st_ino,
                device: st.st_dev,
            })
        })
        .collect()
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
    fn the_list_reads_back_and_damage_is_known() {
        let dir = tempfile::tempdir().expect("temp dir");
        let page = dir.path().join("p.txt");
        std::fs::write(&page, "一").expect("page");
        let files: BTreeMap<String, Stamp> = [("2019/01.txt", &page), ("\0ff", &page)]
            .into_iter()
            .map(|(k, p)| (k.to_owned(), stamp(p).expect("stamp")))
            .collect();
        let bytes = list_bytes(&files);
        assert_eq!(list_from(&bytes), Some(files));
        assert_eq!(list_from(&bytes[..bytes.len() - 1]), None);
        assert_eq!(list_from(b"{"), None);
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
        let name = OsStr::new("p.txt");
        assert_eq!(
            stamps_in(dir.path(), &[name, OsStr::new("none")]),
            vec![stamp(&page), None]
        );
    }
}
