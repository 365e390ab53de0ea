//! A Chinese–English dictionary for readers learning Chinese: CC-CEDICT
//! (bundled xz-compressed in `assets/`, CC BY-SA 4.0), loaded on first use
//! and then shared. Words are found by their simplified or traditional
//! form; a word the dictionary lacks is shown by its parts, longest first
//! (as Zhongwen does); an entry that only points elsewhere ("see 某某")
//! brings the entry it points to.

mod format;
pub mod pinyin;
pub mod ruby;
pub mod search;

use std::borrow::Cow;
use std::sync::OnceLock;

use ::pinyin::ToPinyinMulti;

use format::{Raw, slice};
use thiserror::Error;

/// The dictionary as shipped: CC-CEDICT, as published.
static BUNDLED: &str = include_str!("../../assets/cedict_ts.u8");
/// Its tables, made by `build.rs` (see [`format::tables`]).
static LINES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/cedict.lines"));
static KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/cedict.keys"));

/// Longest headword looked for at a place, in characters.
const LONGEST_WORD: usize = 12;

static DICTIONARY: OnceLock<Result<Dictionary, DictError>> = OnceLock::new();

#[derive(Debug, Clone, Error)]
pub enum DictError {
    #[error("the bundled dictionary cannot be read: {0} — the build is damaged; rebuild kanbao")]
    Damaged(String),
}

/// One dictionary entry, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub traditional: String,
    pub simplified: String,
    /// With tone marks (dǎng zhī bù).
    pub pinyin: String,
    pub definitions: Vec<String>,
}

/// What the dictionary says about a word.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lookup {
    pub word: String,
    /// The word's own entries.
    pub entries: Vec<Entry>,
    /// For a word the dictionary lacks: its parts, longest dictionary
    /// words first, each with its entries.
    pub parts: Vec<(String, Vec<Entry>)>,
    /// Entries that the word's entries point to ("see 某某").
    pub see: Vec<Entry>,
}

impl Lookup {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.parts.iter().all(|(_, e)| e.is_empty())
    }

    /// The reading of the whole word, with tone marks: its first entry's,
    /// or its parts' in order.
    pub fn pinyin(&self) -> String {
        match self.entries.first() {
            Some(e) => e.pinyin.clone(),
            None => self
                .parts
                .iter()
                .filter_map(|(_, e)| e.first().map(|e| e.pinyin.clone()))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// A table of u32: the bundled one, read in place from the binary, or
/// one made at run time.
enum Table {
    Bundled(&'static [u8]),
    Made(Vec<u32>),
}

impl Table {
    fn len(&self) -> usize {
        match self {
            Table::Bundled(bytes) => bytes.len() / 4,
            Table::Made(values) => values.len(),
        }
    }

    fn get(&self, i: usize) -> u32 {
        match self {
            Table::Bundled(bytes) => bytes
                .get(i * 4..i * 4 + 4)
                .and_then(|b| b.try_into().ok())
                .map_or(0, u32::from_le_bytes),
            Table::Made(values) => values.get(i).copied().unwrap_or(0),
        }
    }
}

pub struct Dictionary {
    text: Cow<'static, str>,
    /// The start of each entry's line.
    lines: Table,
    /// Index keys in order of headword: entry × 2, + 1 for its
    /// traditional form.
    keys: Table,
}

impl Dictionary {
    /// The bundled dictionary: its text and tables are read in place, so
    /// this costs nothing but the first look at them.
    pub fn get() -> Result<&'static Dictionary, DictError> {
        DICTIONARY
            .get_or_init(Dictionary::bundled)
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The dictionary if it has loaded.
    pub fn try_get() -> Option<&'static Dictionary> {
        DICTIONARY.get().and_then(|d| d.as_ref().ok())
    }

    fn bundled() -> Result<Dictionary, DictError> {
        let dictionary = Dictionary {
            text: Cow::Borrowed(BUNDLED),
            lines: Table::Bundled(LINES),
            keys: Table::Bundled(KEYS),
        };
        // Tables made for another text would find nothing right.
        let last = dictionary.lines.len().checked_sub(1);
        match last.map(|i| dictionary.raw(i as u32)) {
            Some(Some(_)) if dictionary.keys.len() >= dictionary.lines.len() => Ok(dictionary),
            _ => Err(DictError::Damaged("its index does not match it".to_owned())),
        }
    }

    /// Reads CC-CEDICT's format: `TRADITIONAL SIMPLIFIED [pin1 yin1] /def/def/`.
    pub fn parse(text: String) -> Dictionary {
        let (lines, keys) = format::tables(&text);
        Dictionary {
            text: Cow::Owned(text),
            lines: Table::Made(lines),
            keys: Table::Made(keys),
        }
    }

    /// Entry `i`'s fields.
    fn raw(&self, i: u32) -> Option<Raw> {
        format::entry_at(&self.text, self.lines.get(i as usize))
    }

    /// The headword of index key `k`.
    fn key(&self, k: usize) -> &str {
        format::headword(&self.text, &|i| self.lines.get(i), self.keys.get(k))
    }

    /// Every entry's fields, in the file's order.
    fn raws(&self) -> impl Iterator<Item = (u32, Raw)> + '_ {
        (0..self.lines.len() as u32).filter_map(|i| self.raw(i).map(|r| (i, r)))
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.len() == 0
    }

    /// The entries whose simplified or traditional form is `word`, common
    /// words before names (党 the party before 党 the surname).
    pub fn entries(&self, word: &str) -> Vec<Entry> {
        let (mut lo, mut hi) = (0, self.keys.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.key(mid) < word {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut found: Vec<Entry> = (lo..self.keys.len())
            .take_while(|&k| self.key(k) == word)
            .filter_map(|k| self.entry(self.keys.get(k) >> 1))
            .collect();
        found.sort_by_key(|e| e.pinyin.starts_with(char::is_uppercase));
        // A character read several ways: its commonest reading first, as
        // pinyin-data orders them (打 dǎ, as in 打开, before dá, a dozen; 还
        // hái before huán).
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && found.len() > 1
            && let Some(readings) = c.to_pinyin_multi()
        {
            let order: Vec<&str> = readings.into_iter().map(|p| p.with_tone()).collect();
            let rank = |e: &Entry| {
                let reading = e.pinyin.to_lowercase();
                order
                    .iter()
                    .position(|r| *r == reading)
                    .unwrap_or(usize::MAX)
            };
            found.sort_by_key(|e| (e.pinyin.starts_with(char::is_uppercase), rank(e)));
        }
        found
    }

    /// The longest dictionary word at the start of `text`: its length in
    /// bytes and its entries.
    pub fn longest_at(&self, text: &str) -> Option<(usize, Vec<Entry>)> {
        let ends: Vec<usize> = text
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take(LONGEST_WORD)
            .collect();
        ends.into_iter().rev().find_map(|end| {
            let found = self.entries(&text[..end]);
            (!found.is_empty()).then_some((end, found))
        })
    }

    /// Everything the reader's pop-up and `--define` show for `word`.
    pub fn lookup(&self, word: &str) -> Lookup {
        let entries = self.entries(word);
        let mut parts = Vec::new();
        if entries.is_empty() {
            let mut rest = word;
            while let Some(c) = rest.chars().next() {
                match self.longest_at(rest) {
                    Some((len, found)) => {
                        parts.push((rest[..len].to_owned(), found));
                        rest = &rest[len..];
                    }
                    None => {
                        parts.push((c.to_string(), Vec::new()));
                        rest = &rest[c.len_utf8()..];
                    }
                }
            }
            // A word of one part is that part's own entry.
            if parts.len() == 1 {
                let (_, found) = parts.remove(0);
                return self.with_references(Lookup {
                    word: word.to_owned(),
                    entries: found,
                    ..Lookup::default()
                });
            }
        }
        self.with_references(Lookup {
            word: word.to_owned(),
            entries,
            parts,
            see: Vec::new(),
        })
    }

    /// Adds the entries that the word's entries point to.
    fn with_references(&self, mut lookup: Lookup) -> Lookup {
        let mut targets: Vec<String> = Vec::new();
        for entry in &lookup.entries {
            for d in &entry.definitions {
                targets.extend(reference(d));
            }
        }
        targets.dedup();
        for target in targets.into_iter().take(3) {
            for found in self.entries(&target) {
                if !lookup.entries.contains(&found) && !lookup.see.contains(&found) {
                    lookup.see.push(found);
                }
            }
        }
        lookup
    }

    fn entry(&self, i: u32) -> Option<Entry> {
        let raw = self.raw(i)?;
        let text = &self.text;
        Some(Entry {
            traditional: slice(text, raw.traditional).to_owned(),
            simplified: slice(text, raw.simplified).to_owned(),
            pinyin: pinyin::marks(slice(text, raw.pinyin)),
            definitions: slice(text, raw.definitions)
                .split('/')
                .filter(|d| !d.is_empty())
                .map(str::to_owned)
                .collect(),
        })
    }
}

/// The word a definition points to: `see 基友[ji1 you3]`, `see also
/// 啃書|啃书[ken3 shu1]`, `variant of 台[tai2]`: the simplified form.
fn reference(definition: &str) -> Option<String> {
    let rest = [
        "see also ",
        "see ",
        "variant of ",
        "old variant of ",
        "also written ",
    ]
    .iter()
    .find_map(|p| definition.find(p).map(|i| &definition[i + p.len()..]))?;
    let word = rest.split(['[', ',', ';', ' ', ')']).next()?;
    let word = word.rsplit('|').next()?;
    (!word.is_empty() && !word.is_ascii()).then(|| word.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Dictionary {
        Dictionary::parse(
            "# CC-CEDICT\n\
             黨 党 [dang3] /party/association/\n\
             支部 支部 [zhi1 bu4] /branch/\n\
             教育 教育 [jiao4 yu4] /to educate/education/\n\
             整頓 整顿 [zheng3 dun4] /to tidy up/to rectify/\n\
             基友 基友 [ji1 you3] /gay partner/\n\
             G友 G友 [G you3] /see 基友[ji1 you3]/\n"
                .to_owned(),
        )
    }

    #[test]
    fn words_are_found_in_either_script() {
        let d = small();
        assert_eq!(d.len(), 6);
        assert_eq!(d.entries("整顿")[0].pinyin, "zhěng dùn");
        assert_eq!(d.entries("整頓")[0].simplified, "整顿");
        assert!(d.entries("整").is_empty());
    }

    #[test]
    fn a_missing_word_is_shown_by_its_parts() {
        let l = small().lookup("党支部");
        assert!(l.entries.is_empty());
        let parts: Vec<&str> = l.parts.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(parts, ["党", "支部"]);
        assert_eq!(l.pinyin(), "dǎng zhī bù");
    }

    /// The tables `build.rs` made are the ones the text makes at run time.
    #[test]
    fn the_bundled_tables_are_the_texts() {
        let bundled = Dictionary::get().expect("the bundled dictionary");
        let made = Dictionary::parse(BUNDLED.to_owned());
        assert_eq!(bundled.len(), made.len());
        assert!(bundled.len() > 120_000);
        for word in [
            "看报",
            "党",
            "黨",
            "打",
            "銀行",
            "行",
            "一心一意",
            "G友",
            "𠀀",
        ] {
            assert_eq!(bundled.lookup(word), made.lookup(word), "{word}");
        }
        assert_eq!(bundled.entries("教育")[0].pinyin, "jiào yù");
    }

    #[test]
    fn a_cross_reference_brings_its_entry() {
        let l = small().lookup("G友");
        assert_eq!(l.see.len(), 1);
        assert_eq!(l.see[0].simplified, "基友");
        assert_eq!(
            reference("see also 啃書|啃书[ken3 shu1]").as_deref(),
            Some("啃书")
        );
    }
}
