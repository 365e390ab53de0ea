//! The word cursor (`v`) and the words it moves over: each part of the
//! open article segmented by jieba once, when first needed, and kept; the
//! word under the cursor looked up in the dictionary as the cursor moves,
//! so the view only draws what is here. Part of `App::update`.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::{App, Overlay};
use crate::action::{Action, Effect};
use crate::dict::{Dictionary, Lookup};
use crate::layout::{Part, Role};
use crate::text::width::{DisplayOptions, glyphs};

/// The word cursor: where it is, and what the dictionary says there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordCursor {
    pub part: Part,
    /// Byte range of the word in the part's text.
    pub range: Range<usize>,
    /// The dictionary's entries for the word, once it has loaded.
    pub lookup: Option<Lookup>,
}

/// The words of one article's parts, as jieba cuts them (only those with
/// a letter, digit or Han character: not punctuation).
#[derive(Debug, Default)]
pub struct ArticleWords {
    parts: HashMap<Part, Rc<Vec<Range<usize>>>>,
}

impl ArticleWords {
    /// The words of `part`, if worked out.
    pub fn of(&self, part: Part) -> Option<&[Range<usize>]> {
        self.parts.get(&part).map(|w| w.as_slice())
    }
}

impl App {
    /// The words of `part` of the open article, segmenting it now if need
    /// be (without the dictionary there are none yet).
    pub(super) fn words_of(&mut self, part: Part) -> Option<Rc<Vec<Range<usize>>>> {
        if let Some(words) = self.words.parts.get(&part) {
            return Some(Rc::clone(words));
        }
        let seg = self.seg?;
        let text = self.article()?.part(part)?.text.as_str();
        let bounds = seg.boundaries(text);
        let words: Vec<Range<usize>> = bounds
            .windows(2)
            .map(|w| w[0]..w[1])
            .filter(|r| text[r.clone()].chars().any(char::is_alphanumeric))
            .collect();
        let words = Rc::new(words);
        self.words.parts.insert(part, Rc::clone(&words));
        Some(words)
    }

    /// The parts that hold text, in reading order (no keywords).
    fn text_parts(&self) -> Vec<Part> {
        self.article()
            .map(|a| a.parts().map(|(p, _)| p).collect())
            .unwrap_or_default()
    }

    /// `v`: the word cursor on the first word on screen.
    pub(super) fn start_word_cursor(&mut self) {
        if self.seg.is_none() {
            let wait =
                "word boundaries are still loading; the word cursor opens when they are here";
            self.message = Some(wait.to_owned());
            self.after_loading = Some((Action::StartWordCursor, wait));
            return;
        }
        let (part, at) = self.reading.anchor;
        let parts = self.text_parts();
        let start = parts.iter().position(|&p| p >= part).unwrap_or(0);
        for (k, &p) in parts.iter().enumerate().skip(start) {
            let Some(words) = self.words_of(p) else {
                continue;
            };
            let from = if k == start { at } else { 0 };
            if let Some(w) = words.iter().find(|w| w.end > from) {
                self.set_cursor(p, w.clone());
                return;
            }
        }
        self.message = Some("there are no words here".to_owned());
    }

    /// h/l: the word before or after the cursor, across parts.
    pub(super) fn step_word(&mut self, forward: bool) {
        let Some(Overlay::Word(cursor)) = &self.overlay else {
            return;
        };
        let (part, range) = (cursor.part, cursor.range.clone());
        let parts = self.text_parts();
        let Some(here) = parts.iter().position(|&p| p == part) else {
            return;
        };
        let order: Vec<usize> = if forward {
            (here..parts.len()).collect()
        } else {
            (0..=here).rev().collect()
        };
        for k in order {
            let p = parts[k];
            let Some(words) = self.words_of(p) else {
                continue;
            };
            let next = if forward {
                words.iter().find(|w| p != part || w.start >= range.end)
            } else {
                words
                    .iter()
                    .rev()
                    .find(|w| p != part || w.end <= range.start)
            };
            if let Some(w) = next {
                self.set_cursor(p, w.clone());
                return;
            }
        }
    }

    /// j/k: the word on the next or previous line nearest the cursor's
    /// column.
    pub(super) fn step_word_line(&mut self, down: bool) {
        let Some(Overlay::Word(cursor)) = &self.overlay else {
            return;
        };
        let (part, start) = (cursor.part, cursor.range.start);
        let Some(article) = self.issue.article(self.reading.article) else {
            return;
        };
        let layout = Rc::clone(&self.reading.layout);
        let Some((line, column)) = layout.locate(article, part, start) else {
            return;
        };
        let mut target = line;
        loop {
            target = if down {
                target + 1
            } else {
                match target.checked_sub(1) {
                    Some(t) => t,
                    None => return,
                }
            };
            let Some(doc) = layout.lines.get(target) else {
                return;
            };
            // A reading row stands for the line below it.
            if doc.part == Part::Keywords
                || doc.line.start == doc.line.end
                || doc.role == Role::Ruby
            {
                continue;
            }
            let (p, span) = (doc.part, doc.line.start..doc.line.end);
            let Some(words) = self.words_of(p) else {
                continue;
            };
            let on_line: Vec<Range<usize>> = words
                .iter()
                .filter(|w| w.start < span.end && w.end > span.start)
                .cloned()
                .collect();
            let Some(article) = self.issue.article(self.reading.article) else {
                return;
            };
            let best = on_line.into_iter().min_by_key(|w| {
                let at = w.start.max(span.start);
                let col = layout.locate(article, p, at).map_or(0, |(_, c)| c);
                col.abs_diff(column)
            });
            if let Some(w) = best {
                self.set_cursor(p, w);
                return;
            }
        }
    }

    /// Puts the cursor on a word, looks it up, and keeps it in view.
    fn set_cursor(&mut self, part: Part, range: Range<usize>) {
        let lookup = self.lookup_at(part, &range);
        if lookup.is_none() && Dictionary::try_get().is_none() && !self.dictionary_asked {
            self.dictionary_asked = true;
            self.effects.push(Effect::LoadDictionary);
        }
        self.overlay = Some(Overlay::Word(WordCursor {
            part,
            range: range.clone(),
            lookup,
        }));
        self.reveal(part, range.start, range.end);
    }

    fn lookup_at(&self, part: Part, range: &Range<usize>) -> Option<Lookup> {
        let dictionary = Dictionary::try_get()?;
        let text = self.article()?.part(part)?.text.get(range.clone())?;
        Some(dictionary.lookup(text))
    }

    /// The dictionary has loaded: the word under the cursor is looked up.
    pub(super) fn dictionary_loaded(&mut self) {
        if let Some(Overlay::Word(cursor)) = &self.overlay {
            let (part, range) = (cursor.part, cursor.range.clone());
            let lookup = self.lookup_at(part, &range);
            if let Some(Overlay::Word(cursor)) = &mut self.overlay {
                cursor.lookup = lookup;
            }
        }
    }

    /// The word cursor, while it is on.
    pub fn word_cursor(&self) -> Option<&WordCursor> {
        match self.overlay.as_ref().and_then(Overlay::beneath)? {
            Overlay::Word(cursor) => Some(cursor),
            _ => None,
        }
    }

    /// The words worked out for the open article (for word view).
    pub fn article_words(&self) -> &ArticleWords {
        &self.words
    }

    /// Word view and the word cursor draw word boundaries: the parts on
    /// screen are segmented here, once, not while drawing.
    pub(super) fn prepare_words(&mut self) {
        if !(self.words_view || self.word_cursor().is_some()) || self.seg.is_none() {
            return;
        }
        let height = self.text_height();
        let mut parts: Vec<Part> = self
            .reading
            .layout
            .lines
            .iter()
            .skip(self.reading.scroll)
            .take(height)
            .map(|l| l.part)
            .filter(|&p| p != Part::Keywords)
            .collect();
        parts.dedup();
        for part in parts {
            self.words_of(part);
        }
    }
}

impl App {
    /// Enter or a: the word under the cursor goes to the word list, with
    /// its reading, its gloss, the sentence it stands in and where.
    pub(super) fn save_word(&mut self) {
        let Some(cursor) = self.word_cursor().cloned() else {
            return;
        };
        let Some(lookup) = cursor.lookup else {
            self.message = Some("the dictionary is still loading; save it in a moment".to_owned());
            return;
        };
        let Some(text) = self
            .article()
            .and_then(|a| a.part(cursor.part))
            .map(|t| t.text.clone())
        else {
            return;
        };
        let gloss = match lookup.entries.first() {
            Some(e) => e.definitions.join("; "),
            None => lookup
                .parts
                .iter()
                .filter_map(|(w, e)| {
                    e.first()
                        .map(|e| format!("{w}: {}", e.definitions.join("; ")))
                })
                .collect::<Vec<_>>()
                .join(" | "),
        };
        let page = self
            .issue
            .pages
            .get(self.reading.article.page)
            .map_or("", |p| p.short_name());
        let source = format!("{page} › {}", self.issue.place_of(self.reading.article));
        // Saved as shown: in the script on screen, marks as written.
        let display = DisplayOptions {
            fullwidth_punct: false,
            ..self.options.display
        };
        let shown = |text: &str| -> String { glyphs(text, display).map(|g| g.show).collect() };
        let traditional = display.traditional || (self.written_traditional && !display.simplified);
        let word = crate::state::SavedWord {
            word: shown(&lookup.word),
            pinyin: lookup.pinyin(),
            gloss,
            sentence: shown(sentence_around(&text, cursor.range.clone())),
            source,
            saved: 0,
            script: if traditional {
                "traditional"
            } else {
                "simplified"
            }
            .to_owned(),
        };
        self.message = Some(format!(
            "saved {} to your word list — kanbao --words lists it",
            word.word
        ));
        self.effects.push(Effect::SaveWord(word));
    }
}

/// The sentence of `text` that holds `range`: from after the last
/// sentence-final mark before it to the next one, inclusive.
pub(crate) fn sentence_around(text: &str, range: Range<usize>) -> &str {
    let ends = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | '\n');
    let start = text[..range.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[range.end..]
        .char_indices()
        .find(|&(_, c)| ends(c))
        .map_or(text.len(), |(i, c)| range.end + i + c.len_utf8());
    text[start..end].trim()
}
