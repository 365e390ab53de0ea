//! The one walk of a folder of pages, shared by every mode and by the
//! archive's index, so that they all read the same pages: visible page
//! files (`*.txt`, `*.text` or no extension; names need not be UTF-8),
//! down to [`MAX_DEPTH`] folders, with the folders below that named
//! rather than silently left out.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// How deep into folders of folders pages are looked for: an archive is
/// year / month / day / page, and a loop of folders must end.
pub const MAX_DEPTH: usize = 8;

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// The page files, in the order the folders were read.
    pub files: Vec<PathBuf>,
    /// Folders deeper than [`MAX_DEPTH`], not looked into.
    pub too_deep: Vec<PathBuf>,
}

/// A name that `ls` shows: not starting with a dot (on its bytes, so a
/// name that is not UTF-8 is a name like any other).
pub fn is_visible(name: &OsStr) -> bool {
    !name.as_bytes().starts_with(b".")
}

/// Is `path` named as a page file is: `*.txt`, `*.text` or no extension?
pub fn has_page_name(path: &Path) -> bool {
    match path.extension() {
        None => true,
        Some(ext) => {
            let ext = ext.as_bytes();
            ext.eq_ignore_ascii_case(b"txt") || ext.eq_ignore_ascii_case(b"text")
        }
    }
}

/// The page files under `dir` (its subfolders too, `depth` folders down
/// already). Links to folders are not followed, so a loop of links cannot
/// trap the walk; a subfolder that cannot be read is skipped, as `ls -R`
/// goes on past it.
pub fn walk(dir: &Path, depth: usize, out: &mut Walk) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)?.filter_map(Result::ok) {
        if !is_visible(&entry.file_name()) {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type();
        if kind.as_ref().is_ok_and(|t| t.is_dir()) {
            if depth < MAX_DEPTH {
                let _ = walk(&path, depth + 1, out);
            } else {
                out.too_deep.push(path);
            }
            continue;
        }
        // The entry's own type, without a stat, unless it is a link.
        let file = match kind {
            Ok(t) if t.is_symlink() => path.is_file(),
            Ok(t) => t.is_file(),
            Err(_) => false,
        };
        if file && has_page_name(&path) {
            out.files.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_judged_on_their_bytes() {
        assert!(is_visible(OsStr::from_bytes(b"a\xff.txt")));
        assert!(!is_visible(OsStr::from_bytes(b".\xff")));
        assert!(has_page_name(Path::new(OsStr::from_bytes(b"a\xff.TXT"))));
        assert!(has_page_name(Path::new("01")));
        assert!(!has_page_name(Path::new("a.json")));
    }

    #[test]
    fn folders_too_deep_are_named() {
        let root = tempfile::tempdir().expect("temp dir");
        let mut deep = root.path().to_path_buf();
        for i in 0..=MAX_DEPTH + 1 {
            deep.push(format!("d{i}"));
        }
        std::fs::create_dir_all(&deep).expect("folders");
        std::fs::write(deep.join("p.txt"), "text").expect("page");
        std::fs::write(root.path().join("a\u{fffd}.txt"), "text").expect("page");
        let mut found = Walk::default();
        walk(root.path(), 0, &mut found).expect("walk");
        assert_eq!(found.files.len(), 1);
        assert_eq!(found.too_deep.len(), 1);
        assert!(found.too_deep[0].ends_with(format!("d{}", MAX_DEPTH)));
    }
}
