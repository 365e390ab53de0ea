//! Plain-text and JSON views of an issue for scripts: `--outline`,
//! `--json`, `--print`, `--search`.

mod json;
mod markdown;
mod outline;
mod print;
mod search;

pub use json::to_json;
pub use markdown::{markdown_article, plain_article};
pub use outline::outline;
pub use print::print_article;
pub use search::search_line;
