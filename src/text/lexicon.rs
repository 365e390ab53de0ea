//! jieba's dictionary and IDF table as compact, read-only maps
//! (`assets/jieba-words.fst`, `assets/jieba-idf.fst`, written by
//! `examples/seam_lexicon.rs`), read in place from the binary. Building
//! jieba's trie for its whole dictionary costs about 100 ms and 50 MB, and
//! the IDF table 80 ms and 20 MB; these maps cost nothing until read.
//!
//! Two uses. The parser's seam check (does a word span this seam? does
//! this text end on a word of one character?) runs jieba's cut without its
//! HMM over the map itself, below. Everything else that segments asks
//! jieba, but a jieba that holds only the words found in the text it is
//! given ([`jieba_for`]) and an IDF table of only those words
//! ([`tfidf_for`]): jieba cuts a text by the dictionary words inside it,
//! and with the dictionary's total count kept (on a word no text holds)
//! and the IDF table's median kept, it cuts, tags and weighs them exactly
//! as with everything loaded — tests compare the two.
//!
//! The cut is jieba-rs 0.11's `cut(text, false)`, step for step: text is
//! split into runs of CJK and ASCII letters, digits and `+#&._%-`, and
//! single other characters; each run is cut along the most probable route
//! through the words the dictionary has at each character (ties to the
//! longer word), and single ASCII letters and digits left by the route are
//! joined. A test holds it to jieba's own cut.

use std::ops::Range;
use std::sync::OnceLock;

use std::collections::HashSet;
use std::fmt::Write;

use fst::raw::{Fst, Output};
use jieba_rs::{Jieba, KeywordExtractConfig, TfIdf};

/// Word → count × 256 + part of speech; the empty key, the total count.
static WORDS: &[u8] = include_bytes!("../../assets/jieba-words.fst");
/// The parts of speech, by their index in [`WORDS`].
static TAGS: &str = include_str!("../../assets/jieba-tags.txt");
/// Word → IDF (an f64's bits); the empty key, the median.
static IDF: &[u8] = include_bytes!("../../assets/jieba-idf.fst");

/// A word no text holds (two noncharacters): it carries the rest of the
/// dictionary's count, and the IDF table's median.
const ELSEWHERE: &str = "\u{FDD0}\u{FDD1}";

struct Lexicon {
    fst: Fst<&'static [u8]>,
    total: u64,
    log_total: f64,
    tags: Vec<&'static str>,
    idf: Fst<&'static [u8]>,
    median: f64,
}

fn lexicon() -> Option<&'static Lexicon> {
    static LEXICON: OnceLock<Option<Lexicon>> = OnceLock::new();
    LEXICON
        .get_or_init(|| {
            let fst = Fst::new(WORDS).ok()?;
            let idf = Fst::new(IDF).ok()?;
            // The empty keys hold the total count and the median IDF.
            let total = fst.get(b"")?.value();
            let median = f64::from_bits(idf.get(b"")?.value());
            Some(Lexicon {
                fst,
                total,
                log_total: (total as f64).ln(),
                tags: std::iter::once("").chain(TAGS.split_whitespace()).collect(),
                idf,
                median,
            })
        })
        .as_ref()
}

/// Calls `found` with every word of `fst` that stands anywhere in `text`
/// (once for each place) and its value.
fn words_in<'t>(fst: &Fst<&'static [u8]>, text: &'t str, mut found: impl FnMut(&'t str, u64)) {
    for (start, _) in text.char_indices() {
        let mut node = fst.root();
        let mut output = Output::zero();
        for (i, b) in text[start..].bytes().enumerate() {
            let Some(t) = node.find_input(b).map(|i| node.transition(i)) else {
                break;
            };
            output = output.cat(t.out);
            node = fst.node(t.addr);
            let end = start + i + 1;
            if node.is_final() && text.is_char_boundary(end) {
                found(&text[start..end], output.cat(node.final_output()).value());
            }
        }
    }
}

/// A jieba that cuts, and tags, `text` as the whole dictionary would: it
/// holds the dictionary's words found in `text`, and the rest of the
/// total count on a word no text holds. `None` if the maps cannot be read
/// or `text` holds that word.
pub(crate) fn jieba_for(text: &str) -> Option<Jieba> {
    let lexicon = lexicon()?;
    if text.contains(ELSEWHERE) {
        return None;
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let mut lines = String::new();
    let mut counted = 0u64;
    words_in(&lexicon.fst, text, |word, value| {
        if seen.insert(word) {
            let count = value >> 8;
            let tag = lexicon
                .tags
                .get((value & 0xFF) as usize)
                .copied()
                .unwrap_or("");
            counted += count;
            let _ = writeln!(lines, "{word} {count} {tag}");
        }
    });
    let _ = writeln!(
        lines,
        "{ELSEWHERE} {} x",
        lexicon.total.saturating_sub(counted)
    );
    let mut jieba = Jieba::empty();
    jieba.load_dict(&mut lines.as_bytes()).ok()?;
    Some(jieba)
}

/// Every entry of `fst` but the empty key, as a line of a jieba-rs
/// dictionary file (`line` writes one).
fn all_lines(fst: &Fst<&'static [u8]>, line: impl Fn(&mut String, &str, u64)) -> String {
    let mut lines = String::with_capacity(8 << 20);
    let mut stream = fst.stream();
    while let Some((word, value)) = fst::Streamer::next(&mut stream) {
        if let Ok(word) = std::str::from_utf8(word)
            && !word.is_empty()
        {
            line(&mut lines, word, value.value());
        }
    }
    lines
}

/// jieba with the whole dictionary, made from the map (the binary does
/// not carry jieba-rs's own copy: this is the only one). `None` if the
/// map cannot be read.
pub(crate) fn whole_jieba() -> Option<Jieba> {
    let lexicon = lexicon()?;
    let lines = all_lines(&lexicon.fst, |lines, word, value| {
        let tag = lexicon
            .tags
            .get((value & 0xFF) as usize)
            .copied()
            .unwrap_or("");
        let _ = writeln!(lines, "{word} {} {tag}", value >> 8);
    });
    let mut jieba = Jieba::empty();
    jieba.load_dict(&mut lines.as_bytes()).ok()?;
    Some(jieba)
}

/// The whole IDF table, made from the map.
pub(crate) fn whole_tfidf() -> Option<TfIdf> {
    let lexicon = lexicon()?;
    let lines = all_lines(&lexicon.idf, |lines, word, bits| {
        let _ = writeln!(lines, "{word} {}", f64::from_bits(bits));
    });
    let mut tfidf = TfIdf::new(None::<&mut std::io::Empty>, KeywordExtractConfig::default());
    tfidf.load_dict(&mut lines.as_bytes()).ok()?;
    tfidf
        .load_dict(&mut format!("{ELSEWHERE} {}\n", lexicon.median).as_bytes())
        .ok()?;
    Some(tfidf)
}

/// The IDF table as jieba-rs's default, for the words of `text`: those
/// found in it, and the median for any other.
pub(crate) fn tfidf_for(text: &str) -> Option<TfIdf> {
    let lexicon = lexicon()?;
    let mut seen: HashSet<&str> = HashSet::new();
    let mut lines = String::new();
    words_in(&lexicon.idf, text, |word, bits| {
        if seen.insert(word) {
            let _ = writeln!(lines, "{word} {}", f64::from_bits(bits));
        }
    });
    let mut tfidf = TfIdf::new(None::<&mut std::io::Empty>, KeywordExtractConfig::default());
    // jieba-rs cannot take the median of nothing: an empty load panics.
    if !lines.is_empty() {
        tfidf.load_dict(&mut lines.as_bytes()).ok()?;
    }
    // The median is the last load's: of the whole table, as loaded.
    tfidf
        .load_dict(&mut format!("{ELSEWHERE} {}\n", lexicon.median).as_bytes())
        .ok()?;
    Some(tfidf)
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2B73F}'
        | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}'
        | '\u{2CEB0}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}'
    )
}

/// jieba's "han" runs: CJK, ASCII letters and digits, and `+#&._%-`.
fn in_run(c: char) -> bool {
    is_cjk(c) || c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

/// The words of `text` as jieba-rs cuts it without the HMM, as byte
/// ranges; `None` if the bundled map cannot be read (the build is
/// damaged: the caller asks jieba itself).
pub(crate) fn cut(text: &str) -> Option<Vec<Range<usize>>> {
    let lexicon = lexicon()?;
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if in_run(c) {
            let mut run: Vec<(usize, char)> = Vec::new();
            while let Some(&(i, c)) = chars.peek().filter(|(_, c)| in_run(*c)) {
                run.push((i, c));
                chars.next();
            }
            let end = chars.peek().map_or(text.len(), |&(i, _)| i);
            cut_run(lexicon, &run, end, &mut out);
        } else {
            chars.next();
            // A CR LF is one token; anything else one character.
            let len = if c == '\r' && text[start + 1..].starts_with('\n') {
                chars.next();
                2
            } else {
                c.len_utf8()
            };
            out.push(start..start + len);
        }
    }
    Some(out)
}

/// Cuts one run (its characters and where it ends) along its most
/// probable route.
fn cut_run(lexicon: &Lexicon, run: &[(usize, char)], end: usize, out: &mut Vec<Range<usize>>) {
    let n = run.len();
    let at = |k: usize| run.get(k).map_or(end, |&(i, _)| i);
    // route[k]: the best log probability from k to the end, and where the
    // first word from k ends.
    let mut route: Vec<(f64, usize)> = vec![(0.0, n); n + 1];
    let fst = &lexicon.fst;
    for k in (0..n).rev() {
        let mut best: Option<(f64, usize)> = None;
        let mut node = fst.root();
        let mut output = Output::zero();
        let mut bytes = [0u8; 4];
        'walk: for (j, &(_, c)) in run.iter().enumerate().skip(k) {
            for &b in c.encode_utf8(&mut bytes).as_bytes() {
                let Some(i) = node.find_input(b) else {
                    break 'walk;
                };
                let t = node.transition(i);
                output = output.cat(t.out);
                node = fst.node(t.addr);
            }
            if node.is_final() {
                let count = output.cat(node.final_output()).value() >> 8;
                let prob = (count as f64).ln() - lexicon.log_total + route[j + 1].0;
                if best.is_none_or(|(p, e)| prob > p || (prob == p && j + 1 > e)) {
                    best = Some((prob, j + 1));
                }
            }
        }
        route[k] = best.unwrap_or((0.0 - lexicon.log_total + route[k + 1].0, k + 1));
    }
    // Single ASCII letters and digits the route leaves are one word.
    let mut k = 0;
    let mut left: Option<usize> = None;
    while k < n {
        let next = route[k].1;
        if next - k == 1 && run[k].1.is_ascii_alphanumeric() {
            left.get_or_insert(k);
        } else {
            if let Some(l) = left.take() {
                out.push(at(l)..at(k));
            }
            out.push(at(k)..at(next));
        }
        k = next;
    }
    if let Some(l) = left {
        out.push(at(l)..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_reads_and_cuts() {
        let text = "规定动作，abc12 学习时报";
        let words: Vec<&str> = cut(text)
            .expect("the bundled map")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(words, ["规定动作", "，", "abc12", " ", "学习", "时报"]);
    }

    /// The map and the cut over it are jieba's: every window of the
    /// bundled page (the size the seam check gives it), and every line, is
    /// cut as jieba-rs cuts it without the HMM.
    #[test]
    fn the_cut_is_jiebas() {
        let jieba = crate::text::Segmenter::get().jieba();
        let page = include_str!("../../assets/sample-page.txt");
        let ours = |t: &str| cut(t).expect("the bundled map");
        let theirs = |t: &str| -> Vec<Range<usize>> {
            jieba
                .cut(t, false)
                .iter()
                .map(|w| w.byte_start..w.byte_end)
                .collect()
        };
        let chars: Vec<usize> = page.char_indices().map(|(i, _)| i).collect();
        for (k, &start) in chars.iter().enumerate() {
            let end = chars.get(k + 12).copied().unwrap_or(page.len());
            let window = &page[start..end];
            assert_eq!(ours(window), theirs(window), "{window:?}");
        }
        for line in page.lines() {
            assert_eq!(ours(line), theirs(line), "{line:?}");
        }
    }

    /// A jieba of a text's own words cuts and tags it as the whole
    /// dictionary does, with the HMM and without; the IDF table of its own
    /// words weighs its keywords as the whole table does.
    #[test]
    fn a_jieba_of_the_texts_own_words_is_jieba() {
        use jieba_rs::KeywordExtract;
        let whole = Jieba::new();
        let weights = TfIdf::default();
        let page = include_str!("../../assets/sample-page.txt");
        let traditional = "港大校長李國強前晚主動回應學生訴求，G20峰會3.5萬人。";
        let mut texts: Vec<&str> = page.split("\n\n").collect();
        texts.extend([page, traditional, "", "2020年 12月 3.5万", "abc def"]);
        let made = whole_jieba().expect("the bundled maps");
        let made_weights = whole_tfidf().expect("the bundled maps");
        assert_eq!(
            made_weights.extract_keywords(&made, page, usize::MAX, Vec::new()),
            weights.extract_keywords(&whole, page, usize::MAX, Vec::new()),
            "the whole dictionary and table, made from the maps"
        );
        for text in texts {
            let own = jieba_for(text).expect("the bundled maps");
            assert_eq!(made.tag(text, true), whole.tag(text, true), "{text:?}");
            for hmm in [true, false] {
                let cut = |j: &Jieba| -> Vec<(String, String)> {
                    j.tag(text, hmm)
                        .into_iter()
                        .map(|t| (t.word.to_owned(), t.tag.to_owned()))
                        .collect()
                };
                assert_eq!(cut(&own), cut(&whole), "{text:?}");
            }
            let own_weights = tfidf_for(text).expect("the bundled maps");
            assert_eq!(
                own_weights.extract_keywords(&own, text, usize::MAX, Vec::new()),
                weights.extract_keywords(&whole, text, usize::MAX, Vec::new()),
                "{text:?}"
            );
            for word in ["党支部", "教育整顿", "看报", "的"] {
                let own = jieba_for(word).expect("the bundled maps");
                assert_eq!(own.suggest_freq(word), whole.suggest_freq(word), "{word}");
            }
        }
    }
}
