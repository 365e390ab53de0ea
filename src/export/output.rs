//! Scriptable output on stdout: every piece made safe for a terminal and
//! written as it comes (a million search hits are never one string). A
//! reader that stopped reading (`| head`) is not an error: the output
//! simply ends there.

use std::io::{self, BufWriter, StdoutLock, Write};

use crate::text::sanitize::safe_output;

pub struct Output {
    out: BufWriter<StdoutLock<'static>>,
    closed: bool,
}

impl Default for Output {
    fn default() -> Self {
        Output::new()
    }
}

impl Output {
    pub fn new() -> Output {
        Output {
            out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            closed: false,
        }
    }

    /// Writes `text`, made safe.
    pub fn write(&mut self, text: &str) -> io::Result<()> {
        let text = safe_output(text);
        self.write_bytes(text.as_bytes())
    }

    /// Writes text made only of [`crate::text::sanitize::paint`]ed and
    /// [`crate::text::sanitize::safe`] pieces: made safe already, with
    /// kanbao's own colours, which [`Output::write`] would show as ␛.
    pub fn write_painted(&mut self, text: &str) -> io::Result<()> {
        self.write_bytes(text.as_bytes())
    }

    /// An `io::Write` over this output: what is written to it is text
    /// (whole characters a piece), made safe as [`Output::write`] makes it.
    pub fn writer(&mut self) -> impl Write + '_ {
        OutputWriter(self)
    }

    /// Has the reader stopped reading (`| head`)? Whatever is still to
    /// be written can then be left unmade.
    pub fn closed(&self) -> bool {
        self.closed
    }

    pub fn finish(mut self) -> io::Result<()> {
        let result = self.out.flush();
        self.check(result)
    }

    fn write_bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.out.write_all(bytes);
        self.check(result)
    }

    fn check(&mut self, result: io::Result<()>) -> io::Result<()> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

struct OutputWriter<'a>(&'a mut Output);

impl Write for OutputWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "output that is not UTF-8"))?;
        self.0.write(text)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
