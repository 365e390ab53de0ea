//! jieba's dictionary as a compact, read-only map (`assets/jieba-words.fst`,
//! written by `examples/seam_lexicon.rs`), read in place from the binary,
//! and jieba's cut without its HMM over it — what the parser's seam check
//! needs (does a word span this seam? does this text end on a word of one
//! character?) without loading a segmenter: building jieba's trie costs
//! about 100 ms and 50 MB, this map nothing until it is read.
//!
//! The cut is jieba-rs 0.11's `cut(text, false)`, step for step: text is
//! split into runs of CJK and ASCII letters, digits and `+#&._%-`, and
//! single other characters; each run is cut along the most probable route
//! through the words the dictionary has at each character (ties to the
//! longer word), and single ASCII letters and digits left by the route are
//! joined. A test holds it to jieba's own cut.

use std::ops::Range;
use std::sync::OnceLock;

use fst::raw::{Fst, Output};

static WORDS: &[u8] = include_bytes!("../../assets/jieba-words.fst");

struct Lexicon {
    fst: Fst<&'static [u8]>,
    log_total: f64,
}

fn lexicon() -> Option<&'static Lexicon> {
    static LEXICON: OnceLock<Option<Lexicon>> = OnceLock::new();
    LEXICON
        .get_or_init(|| {
            let fst = Fst::new(WORDS).ok()?;
            // The empty key holds the total count.
            let total = fst.get(b"")?.value();
            Some(Lexicon {
                fst,
                log_total: (total as f64).ln(),
            })
        })
        .as_ref()
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
                let count = output.cat(node.final_output()).value();
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
}
