//! Plain-text and JSON views of an issue for scripts: `--outline`,
//! `--json`, `--print`, `--search`.

mod json;
mod outline;
mod print;
mod search;

pub use json::to_json;
pub use outline::outline;
pub use print::print_article;
pub use search::search_line;
