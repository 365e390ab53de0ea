//! The settings a run of the reader or a command uses: the configuration
//! file's, the command line's over them, the keymap they make, and the
//! user's word list for jieba — with what was wrong with each, to warn.

use kanbao::config::{self, Config, Theme};
use kanbao::keymap::Keymap;
use kanbao::text::Segmenter;

use crate::cli::Cli;

/// The configuration file's settings with the command line's over them,
/// the keymap they make, and what was wrong with the file.
pub(crate) fn settings(cli: &Cli) -> (Config, Keymap, Vec<String>) {
    let path = config::default_path();
    let (mut config, mut problems) = path
        .as_deref()
        .map_or_else(|| (Config::default(), Vec::new()), Config::load);
    if cli.halfwidth {
        config.fullwidth_punctuation = false;
    }
    if config::no_color() {
        config.theme = Theme::Mono;
    }
    let (keymap, key_problems) = Keymap::with_overrides(&config.keys);
    let name = path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    problems.extend(key_problems.into_iter().map(|p| format!("{name}: {p}")));
    if let Some(words) = path.map(|p| p.with_file_name("words.txt")) {
        problems.extend(user_words(&words));
    }
    (config, keymap, problems)
}

/// Adds the user's word list (`words.txt` beside the configuration) to the
/// segmenter, if there is one; returns what was wrong with it.
fn user_words(path: &std::path::Path) -> Vec<String> {
    let name = path.display();
    // A word list, not a corpus.
    const LIMIT: u64 = 8 << 20;
    match kanbao::own_file::read_own_text(path, LIMIT) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Ok(text) => Segmenter::use_user_words(&text)
            .into_iter()
            .map(|p| format!("{name}: {p}"))
            .collect(),
        Err(e) => vec![format!(
            "{name}: not read: {e} (a word list is UTF-8 text of at most 8 MB)"
        )],
    }
}
