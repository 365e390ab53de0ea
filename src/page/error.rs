//! Why a page could not be read: each error names the file and what to
//! do about it.

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file or directory — check the path")]
    NotFound { path: String },
    #[error("{path}: permission denied — check the file's permissions")]
    PermissionDenied { path: String },
    #[error("{path}: no page files (*.txt) in this directory")]
    NoPages { path: String },
    #[error("{path}: cannot be read: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: the file is empty — there is no page to read")]
    Empty { path: String },
    #[error("{path}: looks like a binary file, not a text page (it contains NUL bytes)")]
    Binary { path: String },
    #[error("{path}: larger than the limit of {limit} bytes — raise it with --max-size")]
    TooLarge { path: String, limit: u64 },
    #[error("{path}: more than {depth} folders deep — its pages are not read; open it on its own")]
    TooDeep { path: String, depth: usize },
    #[error("unknown encoding {0:?} — try utf-8, gb18030, gbk, big5 or utf-16le")]
    UnknownEncoding(String),
}
