//! Plain-text and JSON views of an issue for scripts: `--outline`, `--json`.

mod json;
mod outline;

pub use json::to_json;
pub use outline::outline;
