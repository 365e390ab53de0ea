//! Readings in context, for a pinyin line over the text (`p`): each word
//! as jieba cuts it (in the simplified shadow of a traditional page) read
//! as the dictionary reads that word — 银行 yínháng, 行走 xíngzǒu, 校長
//! xiàozhǎng — so a character read several ways is read as its word needs.
//! A word the dictionary lacks is read by its parts, a character it lacks
//! by its commonest reading.

use std::collections::HashMap;
use std::ops::Range;

use ::pinyin::ToPinyin;

use super::{Dictionary, pinyin};
use crate::page::{Article, Part};
use crate::text::Segmenter;

/// One syllable as shown, with its tone (1–4, 5 for the neutral tone):
/// the tone picks its colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    pub text: String,
    pub tone: u8,
}

/// The reading of one word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// Byte range of the word in its part's text.
    pub range: Range<usize>,
    /// Its syllables, as pinyin writes a word: joined, an apostrophe before
    /// a syllable that begins with a vowel (Xī'ān).
    pub syllables: Vec<Syllable>,
}

impl Reading {
    /// The reading as one string (xuéxí).
    pub fn text(&self) -> String {
        self.syllables.iter().map(|s| s.text.as_str()).collect()
    }
}

/// The readings of every part of one article, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleReadings {
    parts: HashMap<Part, Vec<Reading>>,
}

impl ArticleReadings {
    /// Reads every part of `article` that has model text.
    pub fn of(article: &Article, dictionary: &Dictionary, seg: Segmenter) -> ArticleReadings {
        let parts = article
            .parts()
            .map(|(part, text)| (part, readings(&text.text, dictionary, seg)))
            .collect();
        ArticleReadings { parts }
    }

    /// The readings of `part`, in text order (none for a part without
    /// Chinese).
    pub fn of_part(&self, part: Part) -> &[Reading] {
        self.parts.get(&part).map_or(&[], Vec::as_slice)
    }
}

/// The readings of the words of `text` that hold Chinese characters.
pub fn readings(text: &str, dictionary: &Dictionary, seg: Segmenter) -> Vec<Reading> {
    let bounds = seg.boundaries(text);
    bounds
        .windows(2)
        .filter_map(|w| {
            let word = text.get(w[0]..w[1])?;
            if !word.chars().any(crate::text::punct::is_han) {
                return None;
            }
            Some(Reading {
                range: w[0]..w[1],
                syllables: joined(&word_reading(word, dictionary)),
            })
        })
        .collect()
}

/// A word's syllables with tone marks, as the dictionary reads it: its
/// own entry (common words before names), else its parts', else each
/// character's commonest reading. Characters that are not Chinese (the G
/// of G友) have none.
fn word_reading(word: &str, dictionary: &Dictionary) -> Vec<String> {
    if let Some(entry) = dictionary.entries(word).first() {
        return entry.pinyin.split(' ').map(str::to_owned).collect();
    }
    let mut out = Vec::new();
    let mut rest = word;
    while let Some(c) = rest.chars().next() {
        match dictionary.longest_at(rest) {
            Some((len, entries)) if len > c.len_utf8() || !entries.is_empty() => {
                if let Some(e) = entries.first() {
                    out.extend(e.pinyin.split(' ').map(str::to_owned));
                }
                rest = &rest[len..];
            }
            _ => {
                if let Some(p) = c.to_pinyin() {
                    out.push(p.with_tone().to_owned());
                }
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// Syllables as pinyin joins them in a word: an apostrophe before one
/// that begins with a, o or e (Xī'ān, jī'è); letter names and marks that
/// CC-CEDICT writes among the syllables (the G of G友, the · of names)
/// are dropped.
fn joined(syllables: &[String]) -> Vec<Syllable> {
    let mut out: Vec<Syllable> = Vec::new();
    for s in syllables {
        let letter_name = s.len() == 1 && s.starts_with(|c: char| c.is_ascii_uppercase());
        if letter_name || !s.chars().any(char::is_alphabetic) {
            continue;
        }
        let tone = pinyin::tone_of(s);
        let vowel = s
            .chars()
            .next()
            .is_some_and(|c| "aoe".contains(pinyin::letter(c).0));
        let text = if vowel && !out.is_empty() {
            format!("'{s}")
        } else {
            s.clone()
        };
        out.push(Syllable { text, tone });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> Dictionary {
        Dictionary::parse(
            "銀行 银行 [yin2 hang2] /bank/\n\
             行走 行走 [xing2 zou3] /to walk/\n\
             行 行 [xing2] /to walk/\n\
             行 行 [hang2] /row/\n\
             西安 西安 [Xi1 an1] /Xi'an/\n\
             黨 党 [dang3] /party/\n\
             支部 支部 [zhi1 bu4] /branch/\n"
                .to_owned(),
        )
    }

    fn text(r: &[String]) -> String {
        joined(r).iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn a_word_is_read_as_the_word() {
        let d = dict();
        assert_eq!(text(&word_reading("银行", &d)), "yínháng");
        assert_eq!(text(&word_reading("行走", &d)), "xíngzǒu");
        assert_eq!(text(&word_reading("西安", &d)), "Xī'ān");
        // By its parts, then by the commonest reading of a character.
        assert_eq!(text(&word_reading("党支部", &d)), "dǎngzhībù");
        assert_eq!(text(&word_reading("党员", &d)), "dǎngyuán");
    }

    #[test]
    fn tones_are_kept_for_colour() {
        let tones: Vec<u8> = joined(&["yín".into(), "háng".into(), "ma".into(), "shì".into()])
            .iter()
            .map(|s| s.tone)
            .collect();
        assert_eq!(tones, [2, 2, 5, 4]);
    }
}
