//! What a text is about, in a few words: jieba's TF-IDF over nouns and
//! verbs, with newspaper-minded touches — a pair of words that the text
//! keeps using together (教育 + 整顿) counts as one term, a keyword
//! already covered by a better one (公安 under 公安局) is not repeated,
//! words too common in the news to tell anything (工作, 作为) are left
//! out, and so is a piece of a longer name that jieba cut apart (学联 of
//! 联学联创, 后旗 of 察右后旗).

use std::collections::HashMap;

use jieba_rs::KeywordExtract;

use super::Segmenter;
use super::generic::is_generic;
use super::shadow::{in_text, shadow};

/// Parts of speech a keyword may have: nouns (common, personal, place,
/// organisation, other proper), verbs and verbal nouns, idioms.
const POS: &[&str] = &["n", "nr", "ns", "nt", "nz", "v", "vn", "l", "i"];

/// A pair becomes one term when it occurs this often…
const PAIR_MIN: usize = 3;
/// …and makes up this share of the rarer word's occurrences.
const PAIR_SHARE: f64 = 0.6;

/// Keywords are read from at most this much of a text. The longest real
/// articles are a few tens of kilobytes; a page dumped as one 50 MB line
/// must not cost gigabytes of word lists for a row of five words.
pub(crate) const SAMPLE_BYTES: usize = 256 << 10;

/// The `n` keywords of `text` (of its first [`SAMPLE_BYTES`]), best first.
/// A text in traditional characters is read through its simplified shadow
/// (jieba's dictionary and weights are simplified), and each keyword is
/// written back as the text writes it.
pub fn keywords(seg: Segmenter, text: &str, n: usize) -> Vec<String> {
    let text = &text[..text.floor_char_boundary(SAMPLE_BYTES)];
    let Some(shadow) = shadow(text) else {
        return keywords_of(seg, text, n);
    };
    keywords_of(seg, &shadow, n)
        .into_iter()
        .map(|k| match shadow.find(&k) {
            Some(at) => text[in_text(text, &shadow, at..at + k.len())].to_owned(),
            None => k,
        })
        .collect()
}

fn keywords_of(seg: Segmenter, text: &str, n: usize) -> Vec<String> {
    // jieba and the IDF table for this text's own words, unless they have
    // loaded whole (see `lexicon.rs`): the same cut and weights.
    let (jieba, tfidf) = seg.keyword_tools(text);
    // Every word's weight, so that a compound can be scored from its parts.
    let all = tfidf.extract_keywords(&jieba, text, usize::MAX, Vec::new());
    let mut scored: HashMap<String, (f64, bool)> = all
        .into_iter()
        .map(|k| {
            let eligible = POS.contains(&k.tag.as_str())
                && !k.keyword.chars().any(char::is_numeric)
                && !is_generic(&k.keyword)
                && !wraps_generic(&k.keyword);
            (k.keyword, (k.weight, eligible))
        })
        .collect();
    let words: Vec<&str> = jieba.cut(text, false).iter().map(|t| t.word).collect();
    merge_compounds(&mut scored, &words);
    let mut ranked: Vec<(String, f64)> = scored
        .into_iter()
        .filter(|(_, (_, eligible))| *eligible)
        .map(|(w, (s, _))| (w, s))
        .collect();
    // Ties break by the word, so the order does not depend on hashing.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out: Vec<String> = Vec::new();
    for (word, _) in ranked {
        if out.len() == n {
            break;
        }
        let covered = out
            .iter()
            .any(|k| k.contains(&word) || word.contains(k.as_str()));
        if !covered && !is_fragment(text, &word) {
            out.push(word);
        }
    }
    out
}

/// Is `word` a phrase that jieba's new-word guessing glued onto a generic
/// word: 通过参观 (通过 + 参观), 试点工作? A word that merely ends in a
/// generic syllable (工作者) is not.
fn wraps_generic(word: &str) -> bool {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    if chars.len() < 4 {
        return false;
    }
    let (head, tail) = (chars[2].0, chars[chars.len() - 2].0);
    is_generic(&word[..head]) || is_generic(&word[tail..])
}

/// Is `word` (two characters) only ever a piece of one longer term in
/// `text`: every time it is written, the same Han character stands before
/// it, or the same one after it (学联 in 联学联创 each time)? A word written
/// once cannot tell, and is kept.
fn is_fragment(text: &str, word: &str) -> bool {
    if word.chars().count() != 2 {
        return false;
    }
    let han = |c: &char| ('\u{4e00}'..='\u{9fff}').contains(c);
    let mut before: Vec<Option<char>> = Vec::new();
    let mut after: Vec<Option<char>> = Vec::new();
    for (at, _) in text.match_indices(word) {
        before.push(text[..at].chars().next_back());
        after.push(text[at + word.len()..].chars().next());
    }
    let same_han = |neighbours: &[Option<char>]| {
        neighbours.len() >= 2
            && neighbours[0].is_some_and(|c| han(&c))
            && neighbours.iter().all(|&n| n == neighbours[0])
    };
    same_han(&before) || same_han(&after)
}

/// Two words the text nearly always writes together become one term, if
/// one of them is a noun or verb (jieba's dictionary tags 整顿 a numeral,
/// yet 教育整顿 is what a reader wants). Each part gives the compound the
/// share of its weight that its uses inside the pair account for; a word
/// joins one compound at most.
fn merge_compounds(scored: &mut HashMap<String, (f64, bool)>, words: &[&str]) {
    // A generic word (通过) does not start a term: 通过参观 is not one.
    let word =
        |w: &str| !w.chars().any(char::is_numeric) && !is_generic(w) && scored.contains_key(w);
    let eligible = |w: &str| scored.get(w).is_some_and(|(_, e)| *e);
    let mut count: HashMap<&str, usize> = HashMap::new();
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, &w) in words.iter().enumerate() {
        *count.entry(w).or_default() += 1;
        if let Some(&next) = words.get(i + 1)
            && w != next
            && word(w)
            && word(next)
            && (eligible(w) || eligible(next))
        {
            *pairs.entry((w, next)).or_default() += 1;
        }
    }
    let mut pairs: Vec<((&str, &str), usize)> = pairs.into_iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut used: Vec<&str> = Vec::new();
    for ((a, b), n) in pairs {
        let rarer = count[a].min(count[b]);
        if n < PAIR_MIN
            || (n as f64) < PAIR_SHARE * rarer as f64
            || used.contains(&a)
            || used.contains(&b)
        {
            continue;
        }
        let mut weight = 0.0;
        for part in [a, b] {
            let share = n as f64 / count[part] as f64;
            if let Some((w, _)) = scored.get_mut(part) {
                weight += *w * share;
                *w *= 1.0 - share;
            }
        }
        scored.insert(format!("{a}{b}"), (weight, true));
        used.extend([a, b]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_used_together_is_one_term() {
        let text = "教育整顿要抓实。教育整顿要见效。开展教育整顿，公安机关教育整顿。".repeat(2);
        let words = keywords(Segmenter::get(), &text, 5);
        assert!(words.contains(&"教育整顿".to_owned()), "{words:?}");
        assert!(!words.contains(&"整顿".to_owned()), "{words:?}");
    }

    /// The bundled page's articles, read: no generic word, no piece of a
    /// longer name, no phrase glued onto a generic word.
    #[test]
    fn the_bundled_articles_get_words_a_reader_would_pick() {
        let page = crate::page::parse(
            "sample",
            crate::page::load::BUNDLED_PAGE,
            Some(Segmenter::get()),
        );
        let all: Vec<Vec<String>> = page
            .columns
            .iter()
            .flat_map(|c| &c.articles)
            .map(|a| a.keywords(Segmenter::get(), 5))
            .collect();
        let flat: Vec<&str> = all.iter().flatten().map(String::as_str).collect();
        for bad in ["作为", "工作", "政治", "学联", "通过参观", "后旗", "活动"] {
            assert!(!flat.contains(&bad), "{bad} in {all:?}");
        }
        for good in ["教育整顿", "党支部书记", "马扎驿站", "民族团结", "红色基因"]
        {
            assert!(flat.contains(&good), "{good} missing from {all:?}");
        }
    }

    #[test]
    fn a_piece_of_one_longer_name_is_not_a_keyword() {
        assert!(is_fragment("联学联创好。联学联创强。", "学联"));
        assert!(
            is_fragment("党支部书记和党支部委员", "党支"),
            "a piece of 党支部"
        );
        assert!(!is_fragment("社区居民走进社区，社区里", "社区"));
        assert!(!is_fragment("宣讲一次", "宣讲"), "once cannot tell");
        assert!(wraps_generic("通过参观"));
        assert!(!wraps_generic("工作者"));
    }

    #[test]
    fn numbers_and_empty_text_give_no_keywords() {
        assert!(keywords(Segmenter::get(), "", 5).is_empty());
        assert!(keywords(Segmenter::get(), "2020年 12月 3.5万", 5).is_empty());
    }
}
