//! Archives of many issues: a folder of pages (a folder per day, or per
//! year, month and day) searched through an embedded full-text index
//! instead of a scan of every page. The index only narrows the pages to
//! read: the hits are found in them as a scan finds them, so a search with
//! the index prints exactly what one without it prints — or, where the
//! index cannot be trusted (damaged, unfinished, being built, built with
//! other options), the search scans and says why.

mod build;
mod checks;
mod files;
mod grams;
mod index;
mod manifest;
mod marker;

pub use build::{BuildReport, build};
pub use checks::containing_panic;
pub use index::{ArchiveIndex, Changes, Opened, open};
pub use manifest::{INDEX_VERSION, IndexError, location};
