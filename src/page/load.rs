//! Reading page files: bytes → text, with one clear error per bad input.

use std::path::{Path, PathBuf};

/// The page shipped inside the binary, shown when no path is given.
pub const BUNDLED_PAGE: &str = include_str!("../../assets/sample-page.txt");
pub const BUNDLED_NAME: &str = "sample-page.txt";

/// Where a page comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Bundled,
    File(PathBuf),
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file — check the path")]
    NotFound { path: String },
    #[error("{path}: permission denied — check the file's permissions")]
    PermissionDenied { path: String },
    #[error("{path}: is a directory — give the page files inside it")]
    IsDirectory { path: String },
    #[error("{path}: cannot be read: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: the file is empty — there is no page to read")]
    Empty { path: String },
    #[error("{path}: looks like a binary file, not a text page (it contains NUL bytes)")]
    Binary { path: String },
    #[error(
        "{path}: is not UTF-8 text (invalid byte at offset {offset}) — convert it with iconv -f GB18030 -t UTF-8"
    )]
    NotUtf8 { path: String, offset: usize },
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Source::Bundled => BUNDLED_NAME.to_owned(),
            Source::File(p) => p.display().to_string(),
        }
    }

    /// Reads and decodes the page's text.
    pub fn read(&self) -> Result<String, LoadError> {
        match self {
            Source::Bundled => Ok(BUNDLED_PAGE.to_owned()),
            Source::File(path) => read_file(path),
        }
    }
}

fn read_file(path: &Path) -> Result<String, LoadError> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(LoadError::IsDirectory { path: name });
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound { path: name.clone() },
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { path: name.clone() },
        _ => LoadError::Unreadable {
            path: name.clone(),
            source: e,
        },
    })?;
    decode(&name, &bytes)
}

/// Bytes → text. A leading BOM is dropped; NUL bytes mark a binary file.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if memchr::memchr(0, bytes).is_some() {
        return Err(LoadError::Binary {
            path: name.to_owned(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        path: name.to_owned(),
        offset: e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: name.to_owned(),
        });
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_page_is_the_sample() {
        assert!(BUNDLED_PAGE.contains("打一场祛除积弊自我净化的整风仗"));
    }

    #[test]
    fn decode_rejects_what_is_not_a_page() {
        assert!(matches!(decode("a", b""), Err(LoadError::Empty { .. })));
        assert!(matches!(
            decode("a", b" \n\r\n"),
            Err(LoadError::Empty { .. })
        ));
        assert!(matches!(
            decode("a", b"ab\0cd"),
            Err(LoadError::Binary { .. })
        ));
        assert!(matches!(
            decode("a", b"\xff\xfe\xfd"),
            Err(LoadError::NotUtf8 { .. })
        ));
        assert_eq!(decode("a", "\u{feff}视点".as_bytes()).unwrap(), "视点");
    }
}
