//! Settings from `$XDG_CONFIG_HOME/kanbao/config.toml` (else
//! `~/.config/kanbao/config.toml`): theme, first-line indent, punctuation
//! display, keywords, contents width and key overrides. A bad line is
//! reported with its number and skipped; the rest still applies.

use std::path::{Path, PathBuf};

use toml_edit::{Document, Item, Value};

pub mod colour;

use crate::action::Action;
use crate::keymap::{KEYMAP, KeyOverride, Keymap, QUIT_KEY, action_name};
use colour::Colour;

/// The colours of the view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    /// Colours for a dark terminal background.
    #[default]
    Dark,
    /// Colours for a light terminal background.
    Light,
    /// No colours: bold, dim, underline and reverse only (also what
    /// `NO_COLOR` asks for).
    Mono,
}

impl Theme {
    const NAMES: [(&'static str, Theme); 3] = [
        ("dark", Theme::Dark),
        ("light", Theme::Light),
        ("mono", Theme::Mono),
    ];

    pub fn name(self) -> &'static str {
        Theme::NAMES
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("dark", |(n, _)| n)
    }
}

/// The effective settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: Theme,
    /// Indent the first line of each paragraph.
    pub indent: bool,
    /// Show half-width punctuation, brackets and straight quotes inside
    /// Chinese as full-width (，（）“”).
    pub fullwidth_punctuation: bool,
    /// Show the page in traditional characters (`T` switches).
    pub traditional: bool,
    /// Show keywords under the byline.
    pub keywords: bool,
    /// Width of the contents pane in cells (`None`: a third of the screen,
    /// 20 to 36 cells).
    pub contents_width: Option<u16>,
    /// The longest line of text in Chinese characters (`None`: 40); the
    /// text is centred in the reading pane.
    pub max_width: Option<u16>,
    /// Show the reading (pinyin) above the text (`p` switches).
    pub pinyin: bool,
    /// The colours of the four tones in the pinyin (not under the mono
    /// theme or `NO_COLOR`).
    pub tone_colours: [Colour; 4],
    pub keys: Vec<KeyOverride>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: Theme::Dark,
            indent: true,
            fullwidth_punctuation: true,
            traditional: false,
            keywords: true,
            contents_width: None,
            max_width: None,
            pinyin: false,
            tone_colours: colour::TONES,
            keys: Vec::new(),
        }
    }
}

/// `$XDG_CONFIG_HOME/kanbao/config.toml`, else `~/.config/kanbao/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.config_dir().join("kanbao").join("config.toml"))
}

/// Is `NO_COLOR` set to something (<https://no-color.org>)?
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Config {
    /// Reads the file at `path`: a missing file is the defaults; problems
    /// come back as messages that name the file and line.
    pub fn load(path: &Path) -> (Config, Vec<String>) {
        // A configuration is a few lines; 1 MB is far more than any.
        match crate::own_file::read_own_text(path, 1 << 20) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
            Err(e) => (
                Config::default(),
                vec![format!(
                    "{}: cannot be read ({e}); using the defaults",
                    path.display()
                )],
            ),
            Ok(text) => {
                let (config, problems) = Config::parse(&text);
                let problems = problems
                    .into_iter()
                    .map(|p| format!("{}: {p}", path.display()))
                    .collect();
                (config, problems)
            }
        }
    }

    /// The settings in `text`, and what was wrong with it ("line 3: …").
    pub fn parse(text: &str) -> (Config, Vec<String>) {
        let mut config = Config::default();
        let mut problems = Vec::new();
        // A line TOML cannot read (a duplicate key, a stray character) is
        // reported and left out; the rest of the file still applies.
        let mut lines: Vec<&str> = text.split('\n').collect();
        let doc = loop {
            let attempt = lines.join("\n");
            match Document::parse(attempt.clone()) {
                Ok(doc) => break doc,
                Err(e) => {
                    let line = e.span().map_or(0, |s| line_of(&attempt, s.start));
                    let message = e.message().trim().replace('\n', " ");
                    let skip = line
                        .checked_sub(1)
                        .filter(|&i| lines.get(i).is_some_and(|l| !l.is_empty()));
                    match skip {
                        Some(i) if problems.len() < 20 => {
                            problems.push(format!("{}{message}; the line is skipped", at(line)));
                            lines[i] = "";
                        }
                        _ => {
                            problems.push(format!("{}{message}; using the defaults", at(line)));
                            return (config, problems);
                        }
                    }
                }
            }
        };
        let text = lines.join("\n");
        let text = text.as_str();
        for (key, item) in doc.iter() {
            let line = doc
                .key(key)
                .and_then(|k| k.span())
                .map_or(0, |s| line_of(text, s.start));
            let mut bad = |expected: &str| {
                problems.push(format!("{}{key} must be {expected}", at(line)));
            };
            match key {
                "theme" => match item.as_str().and_then(|s| {
                    Theme::NAMES.iter().find(|(n, _)| *n == s).map(|(_, t)| *t)
                }) {
                    Some(theme) => config.theme = theme,
                    None => bad("\"dark\", \"light\" or \"mono\""),
                },
                "indent" | "fullwidth_punctuation" | "traditional" | "keywords" | "pinyin" => {
                    match (item.as_bool(), config.flag(key)) {
                        (Some(b), Some(flag)) => *flag = b,
                        _ => bad("true or false"),
                    }
                }
                "contents_width" => match item.as_integer().and_then(|n| u16::try_from(n).ok()) {
                    Some(n) if (10..=200).contains(&n) => config.contents_width = Some(n),
                    _ => bad("a number of cells from 10 to 200"),
                },
                "max_width" => match item.as_integer().and_then(|n| u16::try_from(n).ok()) {
                    Some(n) if (10..=200).contains(&n) => config.max_width = Some(n),
                    _ => bad("a number of Chinese characters from 10 to 200"),
                },
                "tone_colours" => match tone_colours(item) {
                    Some(colours) => config.tone_colours = colours,
                    None => bad(
                        "four colours, for tones 1 to 4: names (red, lightblue), 0–255 or \"#rrggbb\", like [\"red\", \"green\", \"blue\", \"magenta\"]",
                    ),
                },
                "keys" => match item.as_table_like() {
                    Some(table) => {
                        for (action, keys) in table.iter() {
                            let line = table
                                .key(action)
                                .and_then(|k| k.span())
                                .map_or(line, |s| line_of(text, s.start));
                            match key_list(keys) {
                                Some(keys) => config.keys.push(KeyOverride {
                                    action: action.to_owned(),
                                    keys,
                                    line,
                                }),
                                None => problems.push(format!(
                                    "{}keys.{action} must be a key or a list of keys, like \"J\" or [\"J\", \"Ctrl-n\"]",
                                    at(line)
                                )),
                            }
                        }
                    }
                    None => bad("a table: [keys]"),
                },
                other => problems.push(format!(
                    "{}unknown setting {other:?} (known: theme, indent, fullwidth_punctuation, traditional, keywords, contents_width, max_width, pinyin, tone_colours, [keys])",
                    at(line)
                )),
            }
        }
        (config, problems)
    }

    /// The effective settings as a configuration file (what
    /// `--print-config` prints): every action is listed with its keys,
    /// commented out where it keeps its default keys, so the file reads
    /// back as the same settings.
    pub fn to_toml(&self, keymap: &Keymap) -> String {
        let mut out = String::from("# kanbao configuration: the settings in effect.\n");
        out.push_str(&format!(
            "theme = \"{}\"  # dark, light or mono\n",
            self.theme.name()
        ));
        out.push_str(&format!("indent = {}\n", self.indent));
        out.push_str(&format!(
            "fullwidth_punctuation = {}\n",
            self.fullwidth_punctuation
        ));
        out.push_str(&format!(
            "traditional = {}  # the page in traditional characters (T switches)\n",
            self.traditional
        ));
        out.push_str(&format!("keywords = {}\n", self.keywords));
        match self.contents_width {
            Some(w) => out.push_str(&format!("contents_width = {w}\n")),
            None => out.push_str("# contents_width = 30  # default: a third of the screen\n"),
        }
        match self.max_width {
            Some(w) => out.push_str(&format!(
                "max_width = {w}  # the longest line, in Chinese characters\n"
            )),
            None => out.push_str(
                "# max_width = 40  # the longest line, in Chinese characters (centred)\n",
            ),
        }
        out.push_str(&format!(
            "pinyin = {}  # the reading above the text (p switches)\n",
            self.pinyin
        ));
        let tones: Vec<String> = self
            .tone_colours
            .iter()
            .map(|c| format!("\"{}\"", c.name()))
            .collect();
        out.push_str(&format!(
            "tone_colours = [{}]  # tones 1 to 4: a name, 0-255 or \"#rrggbb\"\n",
            tones.join(", ")
        ));
        out.push_str(
            "\n# Uncomment a line to give an action other keys ([] for none).\n# Ctrl-c always quits and is not listed.\n[keys]\n",
        );
        let mut seen: Vec<&Action> = Vec::new();
        for template in KEYMAP {
            if seen.contains(&&template.action) {
                continue;
            }
            seen.push(&template.action);
            let name = action_name(&template.action);
            let mut keys: Vec<String> = Vec::new();
            for b in keymap
                .bindings()
                .iter()
                .filter(|b| b.action == template.action)
            {
                let label = b.key.label();
                if b.key != QUIT_KEY && !keys.contains(&label) {
                    keys.push(label);
                }
            }
            let overridden = self.keys.iter().any(|o| o.action == name);
            let keys: Vec<String> = keys
                .iter()
                .map(|k| Value::from(k.as_str()).to_string())
                .collect();
            out.push_str(&format!(
                "{}{name} = [{}]  # {}\n",
                if overridden { "" } else { "# " },
                keys.join(", "),
                template.description
            ));
        }
        out
    }
}

fn key_list(item: &Item) -> Option<Vec<String>> {
    if let Some(s) = item.as_str() {
        return Some(vec![s.to_owned()]);
    }
    item.as_array()?
        .iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// The 1-based line of byte `at`.
/// Where a problem is, for its message: `line 3: `, or nothing where
/// TOML gave no place (0) — never a `line 0`.
fn at(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!("line {line}: ")
    }
}

fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

impl Config {
    /// The switch a true-or-false setting names.
    fn flag(&mut self, key: &str) -> Option<&mut bool> {
        Some(match key {
            "indent" => &mut self.indent,
            "fullwidth_punctuation" => &mut self.fullwidth_punctuation,
            "traditional" => &mut self.traditional,
            "keywords" => &mut self.keywords,
            "pinyin" => &mut self.pinyin,
            _ => return None,
        })
    }
}

/// Four colours from a TOML array, one per tone.
fn tone_colours(item: &Item) -> Option<[Colour; 4]> {
    let array = item.as_array()?;
    let colours: Vec<Colour> = array
        .iter()
        .map(|v| v.as_str().and_then(Colour::parse))
        .collect::<Option<_>>()?;
    colours.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_without_a_place_names_no_line() {
        assert_eq!(at(0), "");
        assert_eq!(at(3), "line 3: ");
    }
}
