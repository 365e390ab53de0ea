//! Looking a word up the other way round: by its reading (with tone marks,
//! tone numbers or none: `xuéxí`, `xue2xi2`, `xuexi`, `lü4`, `lv4`) or by
//! an English word in its definitions (`study`), as a learner who heard a
//! word or wants to say one would. Headwords go through
//! [`Dictionary::lookup`]; this file holds the two reverse searches.

use super::format::{Raw, slice};
use super::pinyin::letter;
use super::{Dictionary, Entry, reference};

/// How many entries a search gives at most: a learner reads a screenful,
/// and a syllable like `shi` matches hundreds.
pub const MOST: usize = 60;

/// What a query was taken as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// The word itself (or its parts): see [`Dictionary::lookup`].
    Headword,
    /// Entries read as the query.
    Reading,
    /// Entries whose definitions hold the query.
    English,
}

/// Entries found for a query, best first, and how each was found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    pub entries: Vec<(Found, Entry)>,
    /// More matched than [`MOST`].
    pub more: bool,
}

/// A query or a reading as the matcher walks it: letters with the tone
/// their mark gives, tone numbers, and syllable boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Letter(char, u8),
    Tone(u8),
    /// Between syllables; `true` when the next begins with a vowel, where
    /// pinyin writes an apostrophe (Xī'ān, not xiān).
    Boundary(bool),
}

/// A query's tokens: a space, an apostrophe or a tone number ends a
/// syllable; `u:` and `ü` are `v`.
fn query_tokens(query: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    for c in query.replace("u:", "v").chars() {
        let token = match c {
            ' ' | '\'' | '’' | '-' => Token::Boundary(false),
            '1'..='5' => Token::Tone(c as u8 - b'0'),
            _ => {
                let (c, tone) = letter(c);
                Token::Letter(c, tone)
            }
        };
        match (tokens.last(), token) {
            // After a tone number a letter begins the next syllable.
            (Some(Token::Tone(_)), Token::Letter(..)) => tokens.push(Token::Boundary(false)),
            // Two separators, or one at the start, are one or none.
            (None | Some(Token::Boundary(_)), Token::Boundary(_)) => continue,
            _ => {}
        }
        tokens.push(token);
    }
    if matches!(tokens.last(), Some(Token::Boundary(_))) {
        tokens.pop();
    }
    tokens
}

/// A CC-CEDICT reading's tokens (`Xi1 an1`): each syllable's letters as
/// marked, its tone number, and the boundary after it.
fn reading_tokens(raw: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for (i, syllable) in raw.split(' ').enumerate() {
        let marked = super::pinyin::syllable(&syllable.replace("u:", "v"));
        if i > 0 {
            let vowel = marked
                .chars()
                .next()
                .is_some_and(|c| "aeo".contains(letter(c).0));
            tokens.push(Token::Boundary(vowel));
        }
        tokens.extend(marked.chars().map(|c| {
            let (c, tone) = letter(c);
            Token::Letter(c, tone)
        }));
        let tone = syllable
            .chars()
            .last()
            .and_then(|c| c.to_digit(10))
            .unwrap_or(5);
        tokens.push(Token::Tone(tone as u8));
    }
    tokens
}

/// Does a query match a reading? A tone the query gives (by mark or by
/// number) must be the syllable's; one it leaves out matches any. A
/// syllable that begins with a vowel must be set apart in the query (by
/// a space, an apostrophe or a tone number), as pinyin writes it.
fn reading_match(query: &[Token], raw: &str) -> bool {
    use Token::{Boundary, Letter, Tone};
    let entry = reading_tokens(raw);
    let (mut q, mut e) = (0, 0);
    loop {
        match (query.get(q), entry.get(e)) {
            (None, None) => return true,
            (Some(Tone(a)), Some(Tone(b))) if a == b => (q, e) = (q + 1, e + 1),
            (Some(Boundary(_)), Some(Boundary(_))) => (q, e) = (q + 1, e + 1),
            (Some(&Letter(qc, qt)), Some(&Letter(ec, et))) if qc == ec && (qt == 0 || qt == et) => {
                (q, e) = (q + 1, e + 1);
            }
            // A tone the query leaves open; a boundary it need not mark.
            (None | Some(Boundary(_)), Some(Tone(_))) => e += 1,
            (Some(Letter(..)), Some(Tone(_) | Boundary(false))) => e += 1,
            _ => return false,
        }
    }
}

/// Could `query` be a reading? Letters of pinyin, tone marks or numbers,
/// spaces and apostrophes, and at least one vowel.
pub fn is_reading(query: &str) -> bool {
    let ok = |c: char| {
        c.is_ascii_alphabetic()
            || matches!(c, '1'..='5' | ' ' | '\'' | '’' | ':' | 'ü' | 'Ü')
            || letter(c).1 > 0
    };
    query.chars().all(ok) && query.chars().any(|c| "aeiouv".contains(letter(c).0))
}

/// Does `definition` hold `words` as whole words? Returns how well: 0 for
/// the whole definition (`study`, `to study`), 1 at its start, 2 inside.
fn english_rank(definition: &str, words: &str) -> Option<u8> {
    let definition = definition.to_lowercase();
    let bare = ["to ", "a ", "an ", "the "]
        .iter()
        .find_map(|p| definition.strip_prefix(p))
        .unwrap_or(&definition);
    if bare == words || definition == words {
        return Some(0);
    }
    let boundary = |s: &str, at: usize| {
        s[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            && s[at + words.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    };
    let at = definition
        .match_indices(words)
        .map(|(i, _)| i)
        .find(|&i| boundary(&definition, i))?;
    Some(
        if definition[..at].trim().is_empty() || bare.starts_with(words) {
            1
        } else {
            2
        },
    )
}

impl Dictionary {
    /// Entries read as `query` (tone marks, numbers or none), commonest
    /// first by `common` (higher is commoner), then shorter words.
    pub fn by_reading(&self, query: &str, common: &dyn Fn(&str) -> usize) -> Matches {
        let wanted = query_tokens(query);
        let Some(&Token::Letter(first, _)) = wanted.first() else {
            return Matches::default();
        };
        let mut found: Vec<(u32, u32, Raw)> = Vec::new();
        for (i, raw) in self.raws() {
            let reading = slice(&self.text, raw.pinyin);
            let starts = reading.chars().next().map(|c| letter(c).0) == Some(first);
            if starts && reading_match(&wanted, reading) {
                found.push((i, 0, raw));
            }
        }
        self.ranked(found, common, Found::Reading)
    }

    /// Entries whose definitions hold `query` as whole words: a whole
    /// definition first (`to study`), then one that begins with it, then
    /// the rest; commoner words first within each.
    pub fn by_english(&self, query: &str, common: &dyn Fn(&str) -> usize) -> Matches {
        let words = query.trim().to_lowercase();
        if words.is_empty() {
            return Matches::default();
        }
        let mut found: Vec<(u32, u32, Raw)> = Vec::new();
        for (i, raw) in self.raws() {
            let definitions = slice(&self.text, raw.definitions);
            if !definitions.to_lowercase().contains(&words) {
                continue;
            }
            let best = definitions
                .split('/')
                .enumerate()
                .filter_map(|(k, d)| {
                    // The first two senses are a word's main ones.
                    english_rank(d, &words).map(|r| u32::from(r) * 2 + u32::from(k > 1))
                })
                .min();
            if let Some(rank) = best {
                found.push((i, rank, raw));
            }
        }
        self.ranked(found, common, Found::English)
    }

    /// Sorts found entries by rank, names last, commonness, then length,
    /// and keeps the first [`MOST`].
    fn ranked(
        &self,
        mut found: Vec<(u32, u32, Raw)>,
        common: &dyn Fn(&str) -> usize,
        how: Found,
    ) -> Matches {
        let key = |&(i, rank, raw): &(u32, u32, Raw)| {
            let word = slice(&self.text, raw.simplified);
            let name = slice(&self.text, raw.pinyin).starts_with(char::is_uppercase);
            // "variant of 是[shi4]": the word it points to says more.
            let pointer = slice(&self.text, raw.definitions)
                .split('/')
                .filter(|d| !d.is_empty())
                .all(|d| reference(d).is_some());
            (
                rank,
                pointer,
                name,
                std::cmp::Reverse(common(word)),
                word.chars().count(),
                i,
            )
        };
        found.sort_by_cached_key(key);
        let more = found.len() > MOST;
        Matches {
            entries: found
                .into_iter()
                .take(MOST)
                .filter_map(|(i, ..)| Some((how, self.entry(i)?)))
                .collect(),
            more,
        }
    }

    /// Everything a lookup prompt finds for `query`: a reading's entries,
    /// then entries whose English holds it (both for `long`, which is
    /// pinyin and English).
    pub fn search(&self, query: &str, common: &dyn Fn(&str) -> usize) -> Matches {
        let query = query.trim();
        let reading = if is_reading(query) {
            self.by_reading(query, common)
        } else {
            Matches::default()
        };
        let english = if query
            .chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\''))
        {
            self.by_english(query, common)
        } else {
            Matches::default()
        };
        // Both kinds get room when both found something (long: 龙, 长).
        let keep = MOST - english.entries.len().min(MOST / 2);
        let mut matches = Matches {
            more: reading.more || english.more || reading.entries.len() > keep,
            entries: reading.entries.into_iter().take(keep).collect(),
        };
        let room = MOST - matches.entries.len();
        matches.more |= english.entries.len() > room;
        matches
            .entries
            .extend(english.entries.into_iter().take(room));
        matches
    }
}

/// What the dictionary answers to a query: the word itself when it is
/// written in characters, else the entries its reading or English finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Word(super::Lookup),
    Matches(Matches),
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Word(lookup) => lookup.is_empty(),
            Answer::Matches(m) => m.entries.is_empty(),
        }
    }
}

impl Dictionary {
    /// Answers `query`: Chinese characters are looked up as a word, any
    /// other query as a reading or in the English.
    pub fn answer(&self, query: &str, common: &dyn Fn(&str) -> usize) -> Answer {
        let query = query.trim();
        let written = query
            .chars()
            .any(|c| c.is_alphabetic() && !c.is_ascii() && letter(c).1 == 0 && c != 'ü');
        if written {
            Answer::Word(self.lookup(query))
        } else {
            Answer::Matches(self.search(query, common))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Dictionary {
        Dictionary::parse(
            "學習 学习 [xue2 xi2] /to learn/to study/\n\
             學期 学期 [xue2 qi1] /term/semester/\n\
             旅遊 旅游 [lu:3 you2] /trip/journey/tourism/\n\
             綠 绿 [lu:4] /green/\n\
             研究 研究 [yan2 jiu1] /research/a study/to study/\n\
             西安 西安 [Xi1 an1] /Xi'an, capital of Shaanxi/\n\
             先 先 [xian1] /early/prior/former/\n\
             長 长 [chang2] /long/length/\n\
             龍 龙 [long2] /dragon/\n"
                .to_owned(),
        )
    }

    fn words(m: &Matches) -> Vec<&str> {
        m.entries
            .iter()
            .map(|(_, e)| e.simplified.as_str())
            .collect()
    }

    #[test]
    fn a_reading_is_found_with_marks_numbers_or_neither() {
        let d = small();
        let none = |_: &str| 0;
        for q in ["xuexi", "xuéxí", "xue2xi2", "xue2 xi", "xué xi", "XueXi"] {
            assert_eq!(words(&d.by_reading(q, &none)), ["学习"], "{q}");
        }
        assert!(d.by_reading("xue4xi2", &none).entries.is_empty());
        assert!(d.by_reading("xuèxí", &none).entries.is_empty());
        assert!(
            d.by_reading("xue", &none).entries.is_empty(),
            "whole readings only"
        );
    }

    #[test]
    fn u_umlaut_is_written_every_way() {
        let d = small();
        let none = |_: &str| 0;
        for q in ["lvyou", "lü3you2", "lǚyóu", "lu:3you2"] {
            assert_eq!(words(&d.by_reading(q, &none)), ["旅游"], "{q}");
        }
        assert_eq!(words(&d.by_reading("lǜ", &none)), ["绿"]);
    }

    #[test]
    fn syllables_are_not_confused_across_a_boundary() {
        let d = small();
        let none = |_: &str| 0;
        assert_eq!(words(&d.by_reading("xi1an1", &none)), ["西安"]);
        assert_eq!(words(&d.by_reading("xian1", &none)), ["先"]);
        // As pinyin writes them: 西安 is Xī'ān, xian one syllable.
        assert_eq!(words(&d.by_reading("xian", &none)), ["先"]);
        assert_eq!(words(&d.by_reading("xi'an", &none)), ["西安"]);
        assert_eq!(words(&d.by_reading("xī ān", &none)), ["西安"]);
    }

    #[test]
    fn english_finds_whole_words_best_first() {
        let d = small();
        let none = |_: &str| 0;
        assert_eq!(words(&d.by_english("study", &none)), ["学习", "研究"]);
        assert!(d.by_english("stud", &none).entries.is_empty());
        assert_eq!(words(&d.by_english("green", &none)), ["绿"]);
    }

    #[test]
    fn commoner_words_come_first() {
        let d = small();
        let common = |w: &str| if w == "研究" { 100 } else { 1 };
        assert_eq!(words(&d.by_english("research", &common)), ["研究"]);
        // Both give "to study" as a sense; the commoner comes first.
        assert_eq!(words(&d.by_english("study", &common)), ["研究", "学习"]);
    }

    #[test]
    fn long_is_both_a_reading_and_an_english_word() {
        let d = small();
        let m = d.search("long", &|_| 0);
        let how: Vec<Found> = m.entries.iter().map(|(h, _)| *h).collect();
        assert_eq!(words(&m), ["龙", "长"]);
        assert_eq!(how, [Found::Reading, Found::English]);
        assert!(is_reading("lü4") && is_reading("xué") && !is_reading("123"));
        assert!(!is_reading("学习"));
    }
}
