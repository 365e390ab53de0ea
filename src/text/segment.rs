//! Word segmentation with jieba: one dictionary per process, loaded once,
//! optionally on a background thread so a first frame never waits for it.

use std::ops::Range;
use std::sync::OnceLock;

use jieba_rs::{Jieba, TfIdf};

use super::shadow::{cut, cut_with};

/// The process-wide jieba instance. Loading the dictionary takes ~100 ms,
/// so it happens at most once per process.
static JIEBA: OnceLock<Jieba> = OnceLock::new();

/// The user's own words (jieba's dictionary format), added to the
/// dictionary when it loads.
static USER_WORDS: OnceLock<String> = OnceLock::new();

/// Most bytes of a user dictionary read: a word list, not a corpus.
const USER_WORDS_MAX: usize = 8 << 20;

/// A handle on the shared segmenter. There is one dictionary per
/// process, so all handles are equal; a handle from [`Segmenter::lazy`]
/// loads it when it first segments.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Segmenter {
    _shared: (),
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Segmenter")
    }
}

/// How many characters on each side of a join are shown to jieba: enough
/// for the longest dictionary words that could span it.
const JOIN_WINDOW: usize = 6;

/// Texts up to this size are cut by a jieba of their own words (made in
/// a millisecond or two; see `lexicon.rs`); a bigger one loads the whole
/// dictionary, once, which is then used for everything. So do keywords,
/// once this much text has had them (every article of a big issue, on a
/// background thread): making a jieba and an IDF table for each would
/// cost more than loading the whole. A small text the reader cuts as it
/// is read (the word cursor) never waits for the whole to load.
const OWN_WORDS_MAX: usize = 256 << 10;

/// Bytes of text given to jiebas and IDF tables of their own words so far.
static OWN_WORDS_BYTES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// May `text` have a jieba (or IDF table) of its own words? Counts it.
fn own_words_for(text: &str) -> bool {
    use std::sync::atomic::Ordering;
    let before = OWN_WORDS_BYTES.fetch_add(text.len(), Ordering::Relaxed);
    before.saturating_add(text.len()) <= OWN_WORDS_MAX
}

/// The IDF table loads once per process (~80 ms), if a text is too big
/// for a table of its own words.
static TFIDF: OnceLock<TfIdf> = OnceLock::new();

/// A jieba or an IDF table: the whole one, loaded once and shared, or
/// one of a text's own words.
pub(crate) enum Held<T: 'static> {
    Shared(&'static T),
    Own(Box<T>),
}

impl<T> std::ops::Deref for Held<T> {
    type Target = T;

    fn deref(&self) -> &T {
        match self {
            Held::Shared(whole) => whole,
            Held::Own(own) => own,
        }
    }
}

/// The jieba a text is cut with.
pub(crate) type Cutter = Held<Jieba>;
/// The IDF table a text's keywords are weighed with.
pub(crate) type Weights = Held<TfIdf>;

/// A jieba for a batch of texts (see [`Segmenter::batch`]).
pub struct Batch(Cutter);

impl Batch {
    /// The words of `text`, one of the batch's texts, as jieba cuts it.
    pub fn words<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str> + use<'t, '_> {
        pieces(text, PIECE).flat_map(move |piece| {
            cut_with(piece, |t| {
                self.0
                    .cut(t, true)
                    .iter()
                    .map(|w| w.byte_start..w.byte_end)
                    .collect()
            })
            .into_iter()
            .map(move |w| &piece[w])
        })
    }
}

impl Segmenter {
    /// The shared segmenter, its dictionary loaded now (about 100 ms, once
    /// per process).
    pub fn get() -> Segmenter {
        let segmenter = Segmenter { _shared: () };
        segmenter.jieba();
        segmenter
    }

    /// The shared segmenter, its dictionary loaded only when it first
    /// segments: the parser's seam checks read a compact map instead (see
    /// `lexicon.rs`), so a parse that only checks seams never loads it.
    pub fn lazy() -> Segmenter {
        Segmenter { _shared: () }
    }

    /// Adds a user dictionary — names and new terms, one a line: the word,
    /// then optionally its frequency and its part of speech (jieba's
    /// format: `联学联创 5 nz`) — to the dictionary, which must not have
    /// loaded yet. Returns what is wrong with the lines it skipped.
    pub fn use_user_words(text: &str) -> Vec<String> {
        let mut problems = Vec::new();
        if text.len() > USER_WORDS_MAX {
            problems.push(format!("it is over {} MB: not read", USER_WORDS_MAX >> 20));
            return problems;
        }
        let mut words = String::new();
        for (n, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let problem = match fields.as_slice() {
                [] => continue,
                [word, ..] if word.starts_with('#') => continue,
                [_, freq, ..] if freq.parse::<u64>().is_err() => Some(format!(
                    "line {}: the frequency {freq} is not a number",
                    n + 1
                )),
                [_, _, tag, ..] if !tag.chars().all(|c| c.is_ascii_alphabetic()) => Some(format!(
                    "line {}: the part of speech {tag} is not letters",
                    n + 1
                )),
                [_, _, _, extra, ..] => {
                    Some(format!("line {}: {extra} is one field too many", n + 1))
                }
                _ => None,
            };
            match problem {
                Some(p) => problems.push(p),
                None => {
                    words.push_str(&fields.join(" "));
                    words.push('\n');
                }
            }
        }
        if JIEBA.get().is_some() || USER_WORDS.set(words).is_err() {
            problems
                .push("the dictionary had already loaded: the words apply next time".to_owned());
        }
        problems
    }

    /// The shared segmenter if its dictionary is already loaded.
    pub fn try_get() -> Option<Segmenter> {
        JIEBA.get().map(|_| Segmenter { _shared: () })
    }

    /// Is the whole dictionary to be used (it is loaded, or the user's own
    /// words are in it, which the maps do not hold)?
    fn whole_dictionary() -> bool {
        JIEBA.get().is_some() || USER_WORDS.get().is_some_and(|w| !w.is_empty())
    }

    /// The jieba to cut `text` with: the whole dictionary's if it is
    /// loaded or `text` is big, else one of `text`'s own words.
    pub(crate) fn jieba_for(&self, text: &str) -> Cutter {
        if !Segmenter::whole_dictionary()
            && text.len() <= OWN_WORDS_MAX
            && let Some(jieba) = super::lexicon::jieba_for(text)
        {
            return Held::Own(Box::new(jieba));
        }
        Held::Shared(self.jieba())
    }

    /// jieba's words of `text` with its HMM, as byte ranges (cut in the
    /// simplified shadow of a traditional text).
    fn cut_hmm(&self, text: &str) -> Vec<Range<usize>> {
        cut_with(text, |t| {
            self.jieba_for(t)
                .cut(t, true)
                .iter()
                .map(|w| w.byte_start..w.byte_end)
                .collect()
        })
    }

    /// A segmenter for many texts at once (an issue's paragraphs): one
    /// jieba of all their words, or the whole dictionary if they are big.
    pub fn batch(&self, texts: &[&str]) -> Batch {
        let total: usize = texts.iter().map(|t| t.len()).sum();
        if Segmenter::whole_dictionary() || total > OWN_WORDS_MAX {
            return Batch(Held::Shared(self.jieba()));
        }
        // jieba sees each text's simplified shadow: the batch is made of
        // the shadows' words.
        let mut all = String::with_capacity(total + 1);
        for &text in texts {
            match super::shadow::shadow(text) {
                Some(shadow) => all.push_str(&shadow),
                None => all.push_str(text),
            }
            all.push('\n');
        }
        Batch(self.jieba_for(&all))
    }

    /// jieba and the IDF table for `text`'s keywords: the whole ones if
    /// they have loaded (or enough text has had keywords), else ones of
    /// `text`'s own words.
    pub(crate) fn keyword_tools(&self, text: &str) -> (Cutter, Weights) {
        if TFIDF.get().is_none()
            && !Segmenter::whole_dictionary()
            && own_words_for(text)
            && let Some(tfidf) = super::lexicon::tfidf_for(text)
        {
            return (self.jieba_for(text), Held::Own(Box::new(tfidf)));
        }
        (Held::Shared(self.jieba()), self.whole_tfidf())
    }

    fn whole_tfidf(&self) -> Weights {
        // The maps are part of the binary, checked by tests: an empty
        // table stands only for a damaged build.
        Held::Shared(TFIDF.get_or_init(|| {
            super::lexicon::whole_tfidf()
                .unwrap_or_else(|| TfIdf::new(None::<&mut std::io::Empty>, Default::default()))
        }))
    }

    /// jieba's cut without the HMM, for the seam checks: over the compact
    /// map, unless the user's own words are in the dictionary (they are
    /// not in the map) or the map cannot be read.
    fn cut_plain(&self, text: &str) -> Vec<Range<usize>> {
        if !Segmenter::whole_dictionary()
            && let Some(words) = super::lexicon::cut(text)
        {
            return words;
        }
        cut(self.jieba(), text, false)
    }

    /// Does a dictionary word span the seam between `left` and `right`?
    /// That is strong evidence that the two were one text cut apart by the
    /// page layout (规定动|作 → 规定动作).
    pub fn word_spans_join(&self, left: &str, right: &str) -> bool {
        let tail = last_chars(left, JOIN_WINDOW);
        let head: String = right.chars().take(JOIN_WINDOW).collect();
        if tail.is_empty() || head.is_empty() {
            return false;
        }
        let seam = tail.len();
        let joined = format!("{tail}{head}");
        cut_with(&joined, |t| self.cut_plain(t))
            .into_iter()
            .any(|w| w.start < seam && w.end > seam && joined[w].chars().nth(1).is_some())
    }

    /// Does `text` end on a word of one character (…服务的, not 做好新供给)?
    pub fn ends_on_a_lone_char(&self, text: &str) -> bool {
        let tail = last_chars(text.trim_end(), JOIN_WINDOW);
        cut_with(tail, |t| self.cut_plain(t))
            .pop()
            .is_some_and(|w| tail[w].chars().count() == 1)
    }

    /// Byte offsets (into `text`) at which jieba places word boundaries,
    /// including 0 and `text.len()`.
    pub fn boundaries(&self, text: &str) -> Vec<usize> {
        let mut out = vec![0];
        out.extend(self.cut_hmm(text).into_iter().map(|w| w.end));
        out.dedup();
        out
    }

    /// The words of `text` that overlap `range`, as byte ranges into
    /// `text`. jieba sees a few characters either side, so that a word cut
    /// by the edge of the range is still whole.
    pub fn words_around(&self, text: &str, range: Range<usize>) -> Vec<Range<usize>> {
        let floor = |mut i: usize| {
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let end = range.end.min(text.len());
        let start = floor(range.start.min(end));
        if start >= end {
            return Vec::new();
        }
        let before: usize = text[..start]
            .chars()
            .rev()
            .take(JOIN_WINDOW)
            .map(char::len_utf8)
            .sum();
        let after: usize = text[end..]
            .chars()
            .take(JOIN_WINDOW)
            .map(char::len_utf8)
            .sum();
        let from = start - before;
        self.cut_hmm(&text[from..end + after])
            .into_iter()
            .map(|w| from + w.start..from + w.end)
            .filter(|w| w.end > start && w.start < end)
            .collect()
    }

    /// The words of `text` as jieba cuts it (whitespace and punctuation are
    /// words of their own).
    /// The words of `text`, a piece of it at a time: jieba holds a list of
    /// every word of what it is given (on a line of 50 MB, 500 MB of
    /// them), and pieces that end after a mark jieba itself splits at (a
    /// space, 。，) give the words the whole would.
    pub fn words<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str> + use<'t> {
        // A big text is cut by the whole dictionary, loaded once, not by
        // a jieba of each piece's words.
        if text.len() > OWN_WORDS_MAX {
            self.jieba();
        }
        let seg = *self;
        pieces(text, PIECE)
            .flat_map(move |piece| seg.cut_hmm(piece).into_iter().map(move |w| &piece[w]))
    }

    /// How common a word is, by jieba's dictionary (its count there, or
    /// what its parts' counts make likely) — of a simplified word: to rank
    /// the words a learner looks for, not to segment.
    pub fn commonness(&self, word: &str) -> usize {
        // A jieba of the word's own words holds its parts and keeps the
        // whole count: it suggests what the whole dictionary would.
        self.jieba_for(word).suggest_freq(word)
    }

    /// jieba, its dictionary loaded on first use.
    pub(crate) fn jieba(&self) -> &'static Jieba {
        JIEBA.get_or_init(|| {
            // Made from the map, checked by tests; empty only in a damaged
            // build.
            let mut jieba = super::lexicon::whole_jieba().unwrap_or_else(Jieba::empty);
            if let Some(words) = USER_WORDS.get() {
                // Every line was checked by `use_user_words`.
                let _ = jieba.load_dict(&mut words.as_bytes());
            }
            jieba
        })
    }
}

/// How much text jieba is given at once by [`Segmenter::words`].
const PIECE: usize = 64 << 10;

/// Does jieba split its input at `c` anyway? It segments runs of Han
/// characters, letters, digits and `+#&._%-`, and nothing else.
fn jieba_splits_at(c: char) -> bool {
    !(c.is_alphanumeric() || "+#&._%-".contains(c))
}

/// `text` cut into pieces of about `size` bytes, each ending after a
/// character jieba splits at where there is one in the piece's second
/// half (a piece of one long run of Han characters is cut where it must).
fn pieces(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= size {
            return Some(std::mem::take(&mut rest));
        }
        let mut limit = size;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        let mut half = limit / 2;
        while !rest.is_char_boundary(half) {
            half -= 1;
        }
        let cut = rest[half..limit]
            .char_indices()
            .rev()
            .find(|&(_, c)| jieba_splits_at(c))
            .map_or(limit, |(at, c)| half + at + c.len_utf8());
        let (piece, more) = rest.split_at(cut);
        rest = more;
        Some(piece)
    })
}

/// The last `n` characters of `text`.
fn last_chars(text: &str, n: usize) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(at, _)| at);
    &text[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_and_end_where_jieba_splits() {
        let text = "党支部开会学习，脱贫攻坚战取得胜利。".repeat(500);
        let cut: Vec<&str> = pieces(&text, 1000).collect();
        assert_eq!(cut.concat(), text);
        assert!(cut.len() > 20);
        for piece in &cut[..cut.len() - 1] {
            assert!(piece.ends_with(['，', '。']), "{piece}");
        }
        let han = "党".repeat(1000);
        assert_eq!(pieces(&han, 100).collect::<Vec<_>>().concat(), han);
    }

    #[test]
    fn words_in_pieces_are_the_words_of_the_whole() {
        let seg = Segmenter::get();
        let text = "港大校长李国强前晚主动回应学生诉求，脱贫攻坚战取得胜利。".repeat(5000);
        let whole: Vec<&str> = seg
            .jieba()
            .cut(&text, true)
            .into_iter()
            .map(|t| t.word)
            .collect();
        assert!(text.len() > 2 * PIECE);
        assert_eq!(seg.words(&text).collect::<Vec<_>>(), whole);
    }

    #[test]
    fn last_chars_counts_characters_not_bytes() {
        assert_eq!(last_chars("做好新供给", 2), "供给");
        assert_eq!(last_chars("给", 6), "给");
        assert_eq!(last_chars("", 6), "");
    }

    #[test]
    fn words_spanning_a_seam_are_found() {
        let seg = Segmenter::get();
        assert!(seg.word_spans_join("圆满完成了规定动", "作和自选动作"));
        assert!(seg.word_spans_join("分级分批对党委班", "子成员、各级"));
        assert!(!seg.word_spans_join("我想解释一下", "你先别解释"));
        assert!(!seg.word_spans_join("做好样子", "律师会见场所过小"));
        assert!(!seg.word_spans_join("", "律师"));
    }

    #[test]
    fn words_around_a_range_are_whole() {
        let seg = Segmenter::get();
        let text = "圆满完成了规定动作和自选动作";
        // The range starts inside 规定动作: the word is still whole.
        let start = text.find("动作").expect("in text");
        let words = seg.words_around(text, start..text.len());
        let words: Vec<&str> = words.into_iter().map(|r| &text[r]).collect();
        assert_eq!(words, ["规定动作", "和", "自选动作"]);
        assert!(seg.words_around(text, 3..3).is_empty());
        assert!(seg.words_around("", 0..0).is_empty());
    }

    #[test]
    fn boundaries_cover_the_text() {
        let seg = Segmenter::get();
        let text = "规定动作和自选动作";
        let b = seg.boundaries(text);
        assert_eq!(b.first(), Some(&0));
        assert_eq!(b.last(), Some(&text.len()));
        assert!(b.contains(&"规定动作".len()));
    }
}
