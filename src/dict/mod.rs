//! A Chinese–English dictionary for readers learning Chinese: CC-CEDICT
//! (bundled xz-compressed in `assets/`, CC BY-SA 4.0), loaded on first use
//! and then shared. Words are found by their simplified or traditional
//! form; a word the dictionary lacks is shown by its parts, longest first
//! (as Zhongwen does); an entry that only points elsewhere ("see 某某")
//! brings the entry it points to.

pub mod pinyin;
pub mod ruby;
pub mod search;

use std::sync::OnceLock;

use ::pinyin::ToPinyinMulti;

use thiserror::Error;

/// The dictionary as shipped: CC-CEDICT, xz-compressed.
const BUNDLED: &[u8] = include_bytes!("../../assets/cedict.txt.xz");

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

/// Byte ranges of one line's fields in the dictionary text.
#[derive(Debug, Clone, Copy)]
struct Raw {
    traditional: (u32, u32),
    simplified: (u32, u32),
    pinyin: (u32, u32),
    definitions: (u32, u32),
}

pub struct Dictionary {
    text: String,
    entries: Vec<Raw>,
    /// (headword range, entry), sorted by headword: each entry under its
    /// simplified and (where it differs) traditional form.
    index: Vec<((u32, u32), u32)>,
}

impl Dictionary {
    /// The bundled dictionary, loaded on first use (about a quarter of a
    /// second: call it off the UI thread).
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
        let mut bytes = Vec::with_capacity(10 << 20);
        lzma_rs::xz_decompress(&mut &BUNDLED[..], &mut bytes)
            .map_err(|e| DictError::Damaged(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|e| DictError::Damaged(e.to_string()))?;
        Ok(Dictionary::parse(text))
    }

    /// Reads CC-CEDICT's format: `TRADITIONAL SIMPLIFIED [pin1 yin1] /def/def/`.
    pub fn parse(text: String) -> Dictionary {
        let mut entries = Vec::new();
        let mut at = 0usize;
        for line in text.split_inclusive('\n') {
            let start = at;
            at += line.len();
            if let Some(raw) = parse_line(line.trim_end(), start) {
                entries.push(raw);
            }
        }
        let mut index: Vec<((u32, u32), u32)> = Vec::with_capacity(entries.len() * 2);
        for (i, raw) in entries.iter().enumerate() {
            index.push((raw.simplified, i as u32));
            let (s, t) = (slice(&text, raw.simplified), slice(&text, raw.traditional));
            if s != t {
                index.push((raw.traditional, i as u32));
            }
        }
        index.sort_by(|a, b| slice(&text, a.0).cmp(slice(&text, b.0)).then(a.1.cmp(&b.1)));
        Dictionary {
            text,
            entries,
            index,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries whose simplified or traditional form is `word`, common
    /// words before names (党 the party before 党 the surname).
    pub fn entries(&self, word: &str) -> Vec<Entry> {
        let from = self
            .index
            .partition_point(|(k, _)| slice(&self.text, *k) < word);
        let mut found: Vec<Entry> = self.index[from..]
            .iter()
            .take_while(|(k, _)| slice(&self.text, *k) == word)
            .map(|&(_, i)| self.entry(i))
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

    fn entry(&self, i: u32) -> Entry {
        let raw = self.entries[i as usize];
        let text = &self.text;
        Entry {
            traditional: slice(text, raw.traditional).to_owned(),
            simplified: slice(text, raw.simplified).to_owned(),
            pinyin: pinyin::marks(slice(text, raw.pinyin)),
            definitions: slice(text, raw.definitions)
                .split('/')
                .filter(|d| !d.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }
}

fn slice(text: &str, (start, end): (u32, u32)) -> &str {
    text.get(start as usize..end as usize).unwrap_or("")
}

fn parse_line(line: &str, base: usize) -> Option<Raw> {
    if line.starts_with('#') {
        return None;
    }
    let at = |s: &str| (base + (s.as_ptr() as usize - line.as_ptr() as usize)) as u32;
    let range = |s: &str| (at(s), at(s) + s.len() as u32);
    let (traditional, rest) = line.split_once(' ')?;
    let (simplified, rest) = rest.split_once(' ')?;
    let rest = rest.strip_prefix('[')?;
    let (pinyin, rest) = rest.split_once(']')?;
    let definitions = rest.trim_start().strip_prefix('/')?.strip_suffix('/')?;
    Some(Raw {
        traditional: range(traditional),
        simplified: range(simplified),
        pinyin: range(pinyin),
        definitions: range(definitions),
    })
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
