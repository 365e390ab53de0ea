//! Reading pages: paths, directories and standard input → decoded text,
//! with the encoding detected (or given), and one clear error per bad
//! input that names it.

use std::cmp::Ordering;
use std::io::Read;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

pub use super::decode::{Loaded, decode, encoding_for};
pub use super::error::LoadError;

/// The page shipped inside the binary, shown when no path is given.
pub const BUNDLED_PAGE: &str = include_str!("../../assets/sample-page.txt");
pub const BUNDLED_NAME: &str = "sample-page.txt";
/// How standard input is named in messages and results.
pub const STDIN_NAME: &str = "(stdin)";
/// Files larger than this are refused unless the limit is raised.
pub const DEFAULT_MAX_SIZE: u64 = 1 << 30;

/// Where a page comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Bundled,
    File(PathBuf),
    Stdin,
}

/// How pages are read.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Decode with this encoding instead of detecting one.
    pub encoding: Option<&'static Encoding>,
    pub max_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            encoding: None,
            max_size: DEFAULT_MAX_SIZE,
        }
    }
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Source::Bundled => BUNDLED_NAME.to_owned(),
            Source::File(p) => p.display().to_string(),
            Source::Stdin => STDIN_NAME.to_owned(),
        }
    }

    /// Reads and decodes the page.
    pub fn read(&self, opts: LoadOptions) -> Result<Loaded, LoadError> {
        let name = self.name();
        let bytes = match self {
            Source::Bundled => {
                return Ok(Loaded {
                    name,
                    text: BUNDLED_PAGE.to_owned(),
                    warning: None,
                });
            }
            Source::File(path) => read_file(path, &name, opts)?,
            Source::Stdin => read_bounded(std::io::stdin().lock(), &name, opts, 0)?,
        };
        decode(&name, bytes, opts.encoding)
    }
}

fn io_error(name: &str, e: std::io::Error) -> LoadError {
    let path = name.to_owned();
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound { path },
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { path },
        _ => LoadError::Unreadable { path, source: e },
    }
}

fn read_file(path: &Path, name: &str, opts: LoadOptions) -> Result<Vec<u8>, LoadError> {
    let file = std::fs::File::open(path).map_err(|e| io_error(name, e))?;
    let meta = file.metadata().map_err(|e| io_error(name, e))?;
    if meta.len() > opts.max_size {
        return Err(LoadError::TooLarge {
            path: name.to_owned(),
            limit: opts.max_size,
        });
    }
    // The size in the metadata is 0 for /dev/zero, a FIFO or /proc files:
    // the limit is kept by the read itself. Where it is known, the buffer
    // is allocated once: doubling would hold up to three times the file.
    let expected = usize::try_from(meta.len()).unwrap_or(0);
    read_bounded(file, name, opts, expected)
}

/// Reads at most `opts.max_size` bytes; one more is an error, not a
/// truncation. Input that its first bytes show to be binary is refused
/// there, without reading the rest.
fn read_bounded(
    mut input: impl Read,
    name: &str,
    opts: LoadOptions,
    expected: usize,
) -> Result<Vec<u8>, LoadError> {
    /// Enough to know binary input by (and a whole small page).
    const START: u64 = 64 << 10;
    let max_size = opts.max_size;
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    (&mut input)
        .take(START.min(max_size.saturating_add(1)))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(name, e))?;
    if super::decode::binary_from_start(&bytes, opts.encoding) {
        return Err(LoadError::Binary {
            path: name.to_owned(),
        });
    }
    let rest = max_size
        .saturating_add(1)
        .saturating_sub(bytes.len() as u64);
    input
        .take(rest)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(name, e))?;
    if bytes.len() as u64 > max_size {
        return Err(LoadError::TooLarge {
            path: name.to_owned(),
            limit: max_size,
        });
    }
    Ok(bytes)
}

use super::walk::{MAX_DEPTH, Walk, has_page_name, is_visible, walk};

/// A folder's pages: [`walk`]'s files in natural order of their paths
/// (page2 before page10, 01版 before 12版, 20190201/ before 20190202/),
/// and the folders too deep to be read.
pub type Pages = Walk;

/// The page files of a directory and its subdirectories (an archive keeps
/// a folder per day), in natural order of their paths; see [`walk`] for
/// which files are pages. A folder without any is an error.
pub fn page_files(dir: &Path) -> Result<Pages, LoadError> {
    let name = dir.display().to_string();
    let mut found = Walk::default();
    walk(dir, 0, &mut found).map_err(|e| io_error(&name, e))?;
    if found.files.is_empty() {
        return Err(LoadError::NoPages { path: name });
    }
    sort_naturally(&mut found.files);
    sort_naturally(&mut found.too_deep);
    Ok(found)
}

/// The folders too deep to be read, as errors a run warns of.
pub fn too_deep(pages: &Pages) -> impl Iterator<Item = LoadError> + '_ {
    pages.too_deep.iter().map(|dir| LoadError::TooDeep {
        path: dir.display().to_string(),
        depth: MAX_DEPTH,
    })
}

/// The first page of a folder in reading order — the first of
/// [`page_files`] — found by descending the folders in natural order
/// rather than listing them all: an archive's first frame must not wait
/// for its 50 000 pages to be listed.
pub fn first_page_file(dir: &Path) -> Option<PathBuf> {
    first_below(dir, 0)
}

fn first_below(dir: &Path, depth: usize) -> Option<PathBuf> {
    let mut entries: Vec<(String, PathBuf, bool)> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| is_visible(&e.file_name()))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            let page = !is_dir && path.is_file() && has_page_name(&path);
            // A folder sorts as its path does in the full list: by its
            // name and a slash.
            (is_dir || page).then(|| (if is_dir { format!("{name}/") } else { name }, path, is_dir))
        })
        .collect();
    entries.sort_unstable_by(|a, b| natural_cmp(&a.0, &b.0));
    entries.into_iter().find_map(|(_, path, is_dir)| {
        if !is_dir {
            Some(path)
        } else if depth < MAX_DEPTH {
            first_below(&path, depth + 1)
        } else {
            None
        }
    })
}

/// Sorts paths in natural order, each path's text made once (an archive
/// has tens of thousands).
pub fn sort_naturally(paths: &mut Vec<PathBuf>) {
    let mut keyed: Vec<(String, PathBuf)> = paths
        .drain(..)
        .map(|p| (p.to_string_lossy().into_owned(), p))
        .collect();
    keyed.sort_unstable_by(|a, b| natural_cmp(&a.0, &b.0));
    paths.extend(keyed.into_iter().map(|(_, p)| p));
}

/// Compares names with runs of digits compared as numbers.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    fn chunks(s: &str) -> impl Iterator<Item = (bool, &str)> {
        let mut rest = s;
        std::iter::from_fn(move || {
            let first = rest.chars().next()?;
            let digit = first.is_ascii_digit();
            let end = rest
                .find(|c: char| c.is_ascii_digit() != digit)
                .unwrap_or(rest.len());
            let (chunk, tail) = rest.split_at(end);
            rest = tail;
            Some((digit, chunk))
        })
    }
    let mut ca = chunks(a);
    let mut cb = chunks(b);
    loop {
        match (ca.next(), cb.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some((true, x)), Some((true, y))) => {
                let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                let order = x.len().cmp(&y.len()).then_with(|| x.cmp(y));
                if order != Ordering::Equal {
                    return order;
                }
            }
            (Some((_, x)), Some((_, y))) => {
                if x != y {
                    return x.cmp(y);
                }
            }
        }
    }
}

/// The sources named on the command line: files, every page file of a
/// directory, `-` for standard input; the bundled page when none.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Source, LoadError>> {
    if paths.is_empty() {
        return vec![Ok(Source::Bundled)];
    }
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Source::Stdin));
        } else if path.is_dir() {
            match page_files(path) {
                Ok(pages) => {
                    out.extend(too_deep(&pages).map(Err));
                    out.extend(pages.files.into_iter().map(|f| Ok(Source::File(f))));
                }
                Err(e) => out.push(Err(e)),
            }
        } else {
            out.push(Ok(Source::File(path.clone())));
        }
    }
    out
}

/// Every page that could be read, with warnings for the ones that could
/// not (and for lossy or guessed decodings). With a single input, or when
/// nothing could be read, the first error is returned instead.
pub fn load_all(
    sources: Vec<Result<Source, LoadError>>,
    opts: LoadOptions,
) -> Result<(Vec<Loaded>, Vec<String>), LoadError> {
    let single = sources.len() == 1;
    let mut pages = Vec::new();
    let mut warnings = Vec::new();
    let mut first_error = None;
    for source in sources {
        match source.and_then(|s| s.read(opts)) {
            Ok(page) => {
                warnings.extend(page.warning.clone());
                pages.push(page);
            }
            Err(e) => {
                warnings.push(e.to_string());
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) if single || pages.is_empty() => Err(e),
        _ => Ok((pages, warnings)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_page_is_the_sample() {
        assert!(BUNDLED_PAGE.contains("打一场祛除积弊自我净化的整风仗"));
    }

    #[test]
    fn the_first_page_is_found_without_listing_every_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in [
            "10/01.txt",
            "2/05.txt",
            "2/01.txt",
            "2.txt",
            ".hidden/00.txt",
            "2/notes.md",
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("dirs");
            std::fs::write(path, "标题\n\n正文。\n").expect("page");
        }
        let all = page_files(dir.path()).expect("pages").files;
        assert_eq!(first_page_file(dir.path()).as_ref(), all.first());
        assert!(all[0].ends_with("2.txt"), "{all:?}");
        std::fs::remove_file(dir.path().join("2.txt")).expect("rm");
        let all = page_files(dir.path()).expect("pages").files;
        assert_eq!(first_page_file(dir.path()).as_ref(), all.first());
        assert!(all[0].ends_with("2/01.txt"), "{all:?}");
    }

    #[test]
    fn natural_order() {
        let mut names = vec![
            "page10.txt",
            "page2.txt",
            "12版.txt",
            "01版.txt",
            "page1.txt",
            "2版.txt",
        ];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            [
                "01版.txt",
                "2版.txt",
                "12版.txt",
                "page1.txt",
                "page2.txt",
                "page10.txt"
            ]
        );
    }
}
