//! For learners: `--define WORD`, what CC-CEDICT says about a word as
//! plain text — the entries (simplified, traditional, pinyin with tone
//! marks, definitions), a missing word by its parts, the entries a
//! cross-reference points to — and `--words`, the saved word list as TSV.

use crate::dict::search::{Answer, Found, Matches};
use crate::dict::{Entry, Lookup};
use crate::state::SavedWord;

/// The word list as TSV for Anki: word, pinyin (its reading where it
/// stood), gloss, sentence, source, script — a tab or a line break inside
/// a field becomes a space.
pub fn word_list(words: &[SavedWord]) -> String {
    let field = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    words
        .iter()
        .map(|w| {
            [
                &w.word,
                &w.pinyin,
                &w.gloss,
                &w.sentence,
                &w.source,
                &w.script,
            ]
            .map(|f| field(f))
            .join("\t")
                + "\n"
        })
        .collect()
}

pub fn definition(lookup: &Lookup) -> String {
    let mut out = String::new();
    if lookup.entries.is_empty() && !lookup.parts.is_empty() {
        out.push_str(&format!(
            "{} [{}] — not in the dictionary as one word; by its parts:\n",
            lookup.word,
            lookup.pinyin()
        ));
        for (part, entries) in &lookup.parts {
            if entries.is_empty() {
                out.push_str(&format!("{part} — not in the dictionary\n"));
            }
            for e in entries {
                entry(&mut out, e);
            }
        }
    }
    for e in &lookup.entries {
        entry(&mut out, e);
    }
    for e in &lookup.see {
        out.push_str("→ ");
        entry(&mut out, e);
    }
    out
}

/// What `--define` prints for an answer: a word's entries, or the
/// entries a reading or an English word finds (headed by how each was
/// found when both were).
pub fn answer(answer: &Answer) -> String {
    match answer {
        Answer::Word(lookup) => definition(lookup),
        Answer::Matches(matches) => found(matches),
    }
}

fn found(matches: &Matches) -> String {
    let both = matches.entries.iter().any(|(h, _)| *h == Found::Reading)
        && matches.entries.iter().any(|(h, _)| *h == Found::English);
    let mut out = String::new();
    let mut last = None;
    for (how, e) in &matches.entries {
        if both && last != Some(*how) {
            out.push_str(match how {
                Found::Reading => "read so:\n",
                Found::English => "in the English:\n",
                Found::Headword => "",
            });
            last = Some(*how);
        }
        entry(&mut out, e);
    }
    out
}

/// `党 黨 [dǎng]` then its definitions on one indented line.
pub fn entry(out: &mut String, e: &Entry) {
    out.push_str(&e.simplified);
    if e.traditional != e.simplified {
        out.push(' ');
        out.push_str(&e.traditional);
    }
    out.push_str(&format!(
        " [{}]\n    {}\n",
        e.pinyin,
        e.definitions.join("; ")
    ));
}
