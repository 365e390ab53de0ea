//! Reading kanbao's own files (the configuration, the word list, the
//! state): regular files only, opened without blocking and read up to a
//! limit, so that a FIFO put in one's place cannot hang a run and a link
//! to `/dev/zero` cannot fill the memory.

use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The bytes of the regular file at `path`, at most `limit` of them. A
/// missing file is `NotFound`, as `std::fs::read` says it; anything but a
/// regular file, or a larger one, is an error that says so.
pub fn read_own_file(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let bytes = read_own_prefix(path, limit.saturating_add(1))?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("larger than {} MB", limit >> 20),
        ));
    }
    Ok(bytes)
}

/// The first `most` bytes of the regular file at `path` (all of it if it
/// is shorter): for a caller that handles an oversized file itself.
pub fn read_own_prefix(path: &Path, most: u64) -> std::io::Result<Vec<u8>> {
    // Non-blocking: opening a FIFO to read otherwise waits for a writer.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other(
            "not a regular file (a folder, FIFO or device) — kanbao reads only regular files here",
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(most)).unwrap_or(0));
    file.take(most).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// [`read_own_file`] as UTF-8 text.
pub fn read_own_text(path: &Path, limit: u64) -> std::io::Result<String> {
    String::from_utf8(read_own_file(path, limit)?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("fifo");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        assert!(
            read_own_file(&fifo, 1 << 20).is_err(),
            "a FIFO does not hang"
        );
        assert!(read_own_file(Path::new("/dev/zero"), 1 << 20).is_err());
        assert!(read_own_file(dir.path(), 1 << 20).is_err());
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'a'; 2048]).expect("file");
        assert!(read_own_file(&big, 1024).is_err());
        assert_eq!(read_own_file(&big, 4096).expect("read").len(), 2048);
        assert_eq!(read_own_prefix(&big, 100).expect("read").len(), 100);
        let missing = read_own_file(&dir.path().join("none"), 1024).expect_err("missing");
        assert_eq!(missing.kind(), std::io::ErrorKind::NotFound);
    }
}
