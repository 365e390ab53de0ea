//! Plain-text and JSON views of an issue for scripts: `--outline`,
//! `--json`, `--print`, `--explain`, `--search`, and the researcher's `--kwic` and
//! `--freq`.

mod define;
mod explain;
mod freq;
mod hit_lines;
mod json;
mod kwic;
mod markdown;
mod outline;
mod output;
mod print;
mod table;

pub use define::{answer, definition, word_list};
pub use explain::explanation;
pub use freq::{count_table, word_counts};
pub use hit_lines::{HitLines, search_line, write_hit_lines};
pub use json::{to_json, write_json};
pub use kwic::{KWIC_FIELDS, kwic};
pub use markdown::{markdown_article, plain_article};
pub use outline::outline;
pub use output::Output;
pub use print::print_article;
pub use table::{Cells, TableFormat};
