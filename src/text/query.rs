//! Matching as Chinese readers expect: full-width and half-width forms
//! match each other (Ａ/A, １/1, ，/,, （/(, U+3000/space), curly quotes
//! match straight ones (“/"), Latin letters match
//! regardless of case unless the query has a capital (smart case), and
//! whitespace in the query matches any run of whitespace. Text is folded
//! once; queries then run as plain substring searches (memchr's memmem).

use memchr::memmem;

/// Text folded for matching, with what is needed to map a folded offset
/// back to the original text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// Points where folded and original offsets stop moving together:
    /// (folded offset, original offset), ascending. Between two points the
    /// offsets advance in step.
    edits: Vec<(u32, u32)>,
    original_len: usize,
}

/// The folded form of one character, or `None` if it folds to itself.
fn fold_char(c: char, lowercase: bool, out: &mut String) -> bool {
    let folded = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        // Curly quotes match straight ones: a typed "稳" finds “稳”.
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
        // Traditional matches simplified: 黨支部 and 党支部 are one word.
        c => super::script::simplified(c).unwrap_or(c),
    };
    // Only one-to-one lowercasings, so every folded character stands for
    // exactly one original character and hits map back to char boundaries.
    // (CJK punctuation, kana and ideographs, the common case, have no
    // case: not looked up.)
    let cased = !('\u{3000}'..'\u{A000}').contains(&folded);
    if lowercase
        && cased
        && folded.is_uppercase()
        && let mut lower = folded.to_lowercase()
        && let (Some(l), None) = (lower.next(), lower.next())
    {
        out.push(l);
        true
    } else if folded != c {
        out.push(folded);
        true
    } else {
        false
    }
}

impl Folded {
    /// Folds `text`: full-width forms to half-width, whitespace runs to one
    /// space, format characters (which are not shown) out, and (if
    /// `lowercase`) letters to lower case.
    pub fn new(text: &str, lowercase: bool) -> Folded {
        let mut out = String::with_capacity(text.len());
        let mut edits = Vec::new();
        let mut in_space = false;
        let mut moved = false;
        for (i, c) in text.char_indices() {
            let before = out.len();
            // Not shown (zero-width spaces, bidi marks, …): 党\u{200b}支部
            // reads as 党支部, so it is found as 党支部.
            if super::sanitize::is_format(c) {
                moved = true;
                continue;
            }
            let space = c.is_whitespace();
            if space && in_space {
                // The run already has its one space.
                moved = true;
                continue;
            }
            in_space = space;
            let changed = if space {
                out.push(' ');
                c != ' '
            } else if fold_char(c, lowercase, &mut out) {
                true
            } else {
                out.push(c);
                false
            };
            if moved || changed {
                edits.push((before as u32, i as u32));
            }
            moved = out.len() - before != c.len_utf8();
        }
        if moved {
            edits.push((out.len() as u32, text.len() as u32));
        }
        Folded {
            text: out,
            edits,
            original_len: text.len(),
        }
    }

    /// The original byte offset of folded byte `at` (a char boundary or
    /// the end).
    pub fn original(&self, at: usize) -> usize {
        let at32 = at as u32;
        let i = self.edits.partition_point(|&(f, _)| f <= at32);
        let orig = match i.checked_sub(1).map(|i| self.edits[i]) {
            Some((f, o)) => (o + (at32 - f)) as usize,
            None => at,
        };
        orig.min(self.original_len)
    }
}

/// A search request, folded and ready to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub raw: String,
    folded: String,
    /// The query has a capital letter: match case exactly.
    pub case_sensitive: bool,
    /// Only hits whose both ends fall on word boundaries count.
    pub whole_word: bool,
}

impl Query {
    /// `None` for an empty or whitespace-only query.
    pub fn new(raw: &str, whole_word: bool) -> Option<Query> {
        if raw.trim().is_empty() {
            return None;
        }
        // Full-width capitals (Ａ) count too: they are uppercase letters.
        let case_sensitive = raw.chars().any(char::is_uppercase);
        let folded = Folded::new(raw, !case_sensitive).text;
        // Only characters that are not shown (a zero-width space): nothing
        // to look for.
        if folded.trim().is_empty() {
            return None;
        }
        Some(Query {
            raw: raw.to_owned(),
            folded,
            case_sensitive,
            whole_word,
        })
    }

    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Can the query be found in the text as written? Folding only ever
    /// produces ASCII, spaces, lower-case letters and simplified
    /// characters: a query with none of the first three (党支部) matches
    /// the original exactly where it matches the folded text — provided
    /// the text holds no traditional characters (the caller asks
    /// [`crate::text::script::has_traditional`]).
    pub fn matches_unfolded(&self) -> bool {
        self.folded
            .chars()
            .all(|c| !c.is_ascii() && !c.is_whitespace() && !c.is_lowercase())
    }

    /// Byte ranges of the non-overlapping hits in `folded` (the folded form
    /// of some text, made with the same case rule), as original offsets.
    pub fn find(&self, folded: &Folded) -> Vec<(usize, usize)> {
        let finder = memmem::Finder::new(self.folded.as_bytes());
        self.find_with(&finder, folded)
    }

    /// As [`Query::find`], with a finder built once for many texts.
    pub fn find_with(&self, finder: &memmem::Finder<'_>, folded: &Folded) -> Vec<(usize, usize)> {
        finder
            .find_iter(folded.text.as_bytes())
            .map(|at| (folded.original(at), folded.original(at + self.folded.len())))
            .collect()
    }
}

/// Do both ends of `start..end` fall on word boundaries?
pub fn on_word_boundaries(boundaries: &[usize], start: usize, end: usize) -> bool {
    boundaries.binary_search(&start).is_ok() && boundaries.binary_search(&end).is_ok()
}

/// `s` on one line: each run of whitespace (newlines too) one space.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// Where `chars` characters before byte `start` of `text` begin. It walks
/// back from the hit only as far as the context goes: the cost of a hit
/// must not grow with its offset in a long paragraph.
pub fn context_start(text: &str, start: usize, chars: usize) -> usize {
    text[..start]
        .char_indices()
        .rev()
        .take(chars)
        .last()
        .map_or(start, |(i, _)| i)
}

/// Up to `chars` characters of context on each side of a hit, on one
/// line, with … where the text goes on.
pub fn context(text: &str, start: usize, end: usize, chars: usize) -> (String, String, String) {
    let from = context_start(text, start, chars);
    let mut left = String::with_capacity(start - from + 3);
    if from > 0 {
        left.push('…');
    }
    left.push_str(&text[from..start]);
    let mut after = text[end..].chars();
    let mut right: String = after.by_ref().take(chars).collect();
    if after.next().is_some() {
        right.push('…');
    }
    (
        one_line(&left),
        one_line(&text[start..end]),
        one_line(&right),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        let q = Query::new(query, false).expect("query");
        let folded = Folded::new(text, !q.case_sensitive);
        q.find(&folded)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn folding_table() {
        // (text, query, expected hits as written in the text)
        let cases: &[(&str, &str, &[&str])] = &[
            ("ＣＰＩ上涨", "cpi", &["ＣＰＩ"]),
            ("CPI上涨", "ｃｐｉ", &["CPI"]),
            ("第１版", "1版", &["１版"]),
            ("社区，青石板", "区,青", &["区，青"]),
            ("社区,青石板", "区，青", &["区,青"]),
            ("耻！", "耻!", &["耻！"]),
            ("马扎驿站\u{3000}响起", "驿站 响起", &["驿站\u{3000}响起"]),
            ("马扎驿站  \t 响起", "驿站 响起", &["驿站  \t 响起"]),
            ("马扎驿站 响起", "驿站    响起", &["驿站 响起"]),
            ("（试行）", "(试行)", &["（试行）"]),
            ("(试行)", "（试行）", &["(试行)"]),
            ("要“稳”字当头", "\"稳\"", &["“稳”"]),
            ("要\"稳\"字当头", "“稳”", &["\"稳\""]),
            ("‘好’", "'好'", &["‘好’"]),
            ("党支部和党支部", "党支部", &["党支部", "党支部"]),
            ("aaaa", "aa", &["aa", "aa"]),
        ];
        for &(text, query, want) in cases {
            assert_eq!(hits(text, query), want, "{query:?} in {text:?}");
        }
    }

    #[test]
    fn smart_case() {
        assert_eq!(hits("CPI cpi Cpi", "cpi"), ["CPI", "cpi", "Cpi"]);
        assert_eq!(hits("CPI cpi Cpi", "CPI"), ["CPI"]);
        assert_eq!(hits("CPI cpi Cpi", "Cpi"), ["Cpi"]);
        assert!(Query::new("ＣＰＩ", false).expect("q").case_sensitive);
        assert!(!Query::new("党支部", false).expect("q").case_sensitive);
    }

    #[test]
    fn empty_and_blank_queries() {
        assert!(Query::new("", false).is_none());
        assert!(Query::new("   \u{3000}", false).is_none());
    }

    #[test]
    fn longer_than_the_text() {
        assert!(hits("党支部", "党支部书记作为农村").is_empty());
    }

    #[test]
    fn offsets_map_back_through_every_kind_of_fold() {
        let text = "Ａ\u{3000}\u{3000}b，  ＣÉ";
        let folded = Folded::new(text, true);
        assert_eq!(folded.text, "a b, cé");
        for (f, _) in folded.text.char_indices() {
            assert!(text.is_char_boundary(folded.original(f)));
        }
        assert_eq!(folded.original(folded.text.len()), text.len());
        assert_eq!(hits(text, "b,"), ["b，"]);
        assert_eq!(hits(text, "cé"), ["ＣÉ"]);
    }

    #[test]
    fn context_is_cut_to_chars() {
        let text = "一二三四五六七八九十党支部一二三四五六七八九十";
        let s = text.find("党支部").expect("in text");
        let (l, h, r) = context(text, s, s + "党支部".len(), 3);
        assert_eq!(
            (l.as_str(), h.as_str(), r.as_str()),
            ("…八九十", "党支部", "一二三…")
        );
        let (l, _, r) = context("党支部", 0, "党支部".len(), 20);
        assert_eq!((l.as_str(), r.as_str()), ("", ""));
        let text = "最强\n党支部 增活力";
        let s = text.find("党支部").expect("in text");
        let (l, _, r) = context(text, s, s + "党支部".len(), 20);
        assert_eq!((l.as_str(), r.as_str()), ("最强 ", " 增活力"));
    }

    #[test]
    fn word_boundaries() {
        let b = [0, 6, 9, 15];
        assert!(on_word_boundaries(&b, 0, 6));
        assert!(!on_word_boundaries(&b, 3, 9));
    }
}
