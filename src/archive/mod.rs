//! Archives of many issues: a folder of pages (a folder per day, or per
//! year, month and day) searched through an embedded full-text index
//! instead of a scan of every page. The index only narrows the pages to
//! read: the hits are found in them as a scan finds them, so a search with
//! the index prints exactly what one without it prints.

mod build;
mod grams;
mod index;

pub use build::{BuildReport, build};
pub use index::{ArchiveIndex, Changes, INDEX_VERSION, IndexError, Opened, location, open};
