//! A query found by its spellings: every way of writing it that folds to
//! it (党支部, 黨支部; 2019, ２０１９), looked for in text as written. That
//! finds what folding every text would (`query::Folded`), without folding
//! any — or reading a text first to see whether it needs folding.

use memchr::memmem;

use super::query::Query;

impl Query {
    /// Every way the query can be written that folds to it (党支部: 党支部,
    /// 黨支部; 2019: 2019, ２０１９ and mixtures), ready to be found in text
    /// as written: that finds what folding every text would, without
    /// folding any. `None` where there would be too many, and for what
    /// needs the folded text: whitespace (any run matches) and letters
    /// beyond ASCII that have case.
    pub fn spelled(&self) -> Option<Spelled> {
        // 16 spellings cover a word of four characters with two forms each.
        const MOST: usize = 16;
        let mut spellings = vec![String::with_capacity(self.folded().len())];
        for c in self.folded().chars() {
            let forms = self.forms(c)?;
            if spellings.len() * forms.len() > MOST {
                return None;
            }
            spellings = spellings
                .iter()
                .flat_map(|prefix| {
                    forms.iter().map(move |&f| {
                        let mut s = prefix.clone();
                        s.push(f);
                        s
                    })
                })
                .collect();
        }
        Some(Spelled {
            finders: spellings
                .iter()
                .map(|s| memmem::Finder::new(s.as_bytes()).into_owned())
                .collect(),
        })
    }

    /// The characters that fold to `c`, a character of the folded query
    /// (the inverse of [`fold_char`]); `None` where that is not a list.
    fn forms(&self, c: char) -> Option<Vec<char>> {
        let wide = |c: char| char::from_u32(c as u32 + 0xFEE0);
        let mut forms = vec![c];
        if c.is_whitespace()
            || !c.is_ascii() && (c.is_lowercase() || c.is_uppercase()) && !self.case_sensitive
        {
            return None;
        }
        if c.is_ascii_graphic() {
            forms.extend(wide(c));
        }
        if c.is_ascii_lowercase() && !self.case_sensitive {
            let capital = c.to_ascii_uppercase();
            forms.push(capital);
            forms.extend(wide(capital));
        }
        match c {
            '"' => forms.extend(['\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}']),
            '\'' => forms.extend(['\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}']),
            _ => forms.extend(super::script::traditional_forms(c)),
        }
        Some(forms)
    }
}

/// A query as each of its spellings ([`Query::spelled`]).
pub struct Spelled {
    finders: Vec<memmem::Finder<'static>>,
}

impl Spelled {
    /// Byte ranges of the non-overlapping hits in `text` as written, the
    /// leftmost first, as a search of the folded text would find them.
    pub fn find(&self, text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        if let [finder] = self.finders.as_slice() {
            let len = finder.needle().len();
            return finder.find_iter(bytes).map(|at| (at, at + len)).collect();
        }
        // Every hit of every spelling, overlapping ones too: one spelling's
        // hit can hide another's that a leftmost pick would take.
        let mut all = Vec::new();
        for finder in &self.finders {
            let len = finder.needle().len();
            let mut from = 0;
            while let Some(at) = finder.find(&bytes[from..]) {
                all.push((from + at, from + at + len));
                from += at + 1;
            }
        }
        all.sort_unstable();
        let mut end = 0;
        all.retain(|&(start, stop)| {
            let keep = start >= end;
            if keep {
                end = stop;
            }
            keep
        });
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::query::Folded;

    proptest::proptest! {
        #[test]
        fn the_spellings_find_what_folding_finds(
            text in "[党黨支部发發髮 aAbｂＡ,，\"“”'‘　1１é]{0,40}",
            query in "[党黨支部发發髮aAｂＡ,，\"“'’1１éÉ]{1,3}",
        ) {
            let q = Query::new(&query, false).expect("query");
            // Too many spellings, or a letter with case beyond ASCII: the
            // text is folded instead.
            let Some(spelled) = q.spelled() else {
                return Ok(());
            };
            let folded = q.find(&Folded::new(&text, !q.case_sensitive));
            proptest::prop_assert_eq!(spelled.find(&text), folded);
        }
    }

    #[test]
    fn a_spelling_s_hit_can_hide_another_s() {
        // 髮发 at 0 overlaps 发发 at 3, which overlaps 发发 at 6: folded,
        // the text is 发发发发, with hits at 0 and 6.
        let q = Query::new("发发", false).expect("query");
        let spelled = q.spelled().expect("few spellings");
        assert_eq!(spelled.find("髮发发发"), [(0, 6), (6, 12)]);
    }

    #[test]
    fn what_is_spelled_and_what_is_folded() {
        let spelled = |q: &str| Query::new(q, false).expect("query").spelled();
        let q = spelled("放，公").expect("two spellings");
        assert_eq!(q.find("开放,公开 开放，公开"), [(3, 10), (17, 26)]);
        assert!(spelled("2019").is_some(), "16 spellings");
        assert!(spelled("20190").is_none(), "32 are too many");
        assert!(spelled("一 二").is_none(), "a space matches any run");
        assert!(spelled("é").is_none() && spelled("É").is_some());
    }
}
