//! Pages: the model (columns → articles → blocks), reading them from files
//! (walk, load, decode) and the parser's stages (lines → blocks →
//! articles → mended text), each in a file of its own.

mod attribution;
mod batches;
mod classify;
mod columns;
mod conventions;
mod counting;
mod dating;
mod decode;
mod error;
mod explain;
mod fragments;
mod headline;
mod labels;
mod lines;
pub mod load;
mod mend;
mod model;
mod names;
mod parallel;
mod parse;
pub mod walk;

pub use batches::in_batches;
pub use dating::{Date, Printed, PrintedIndex, date_in, page_in, page_of_mark};
pub use explain::{Explained, explain};
pub use load::{LoadError, LoadOptions, Loaded, Source};
pub use model::{
    Article, ArticleId, Block, BlockKind, Column, Issue, NO_COLUMN, Page, Part, Piece, Text,
    UNTITLED,
};
pub(crate) use parallel::cut_before;
pub use parallel::{parse, parse_pages, parse_shared};
