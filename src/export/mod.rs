//! Plain-text and JSON views of an issue for scripts: `--outline`,
//! `--json`, `--print`, `--search`.

mod define;
mod hit_lines;
mod json;
mod markdown;
mod outline;
mod output;
mod print;

pub use define::{definition, word_list};
pub use hit_lines::{HitLines, search_line};
pub use json::to_json;
pub use markdown::{markdown_article, plain_article};
pub use outline::outline;
pub use output::Output;
pub use print::print_article;
