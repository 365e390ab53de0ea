//! Text services that know nothing of pages or terminals: character classes,
//! word segmentation.

mod generic;
pub mod keywords;
mod lexicon;
pub(crate) mod punct;
pub mod segment;
mod shadow;

pub use segment::Segmenter;
pub mod plural;
pub mod query;
pub mod sanitize;
pub mod script;
mod simplified;
pub mod spelled;
pub mod width;
pub mod wrap;
