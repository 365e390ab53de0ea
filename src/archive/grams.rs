//! The characters and character pairs an archive is indexed by. Text is
//! folded as search folds it (full- and half-width forms, case, either
//! script, curly quotes), so that every hit a scan would find has its
//! characters and pairs in the index: a plain substring query loses
//! nothing to the index (CCL's and BCC's character indexes work so).

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::text::query::Folded;

/// Text as the index holds it: folded and lower-cased, whitespace runs
/// one space.
pub(crate) fn fold(text: &str) -> String {
    Folded::new(text, true).text
}

/// `fold` with the whitespace taken out: the parser joins what a page cut
/// apart (规定动 / 作, a hard-wrapped line), so a hit may span whitespace
/// of the file; its pairs are all in this form.
pub(crate) fn fold_joined(text: &str) -> String {
    let mut out = fold(text);
    out.retain(|c| !c.is_whitespace());
    out
}

/// Emits every character (`n` = 1, whitespace left out) or every pair of
/// neighbouring characters (`n` = 2), one position apart, so that a query
/// is a phrase of its pairs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CharGrams {
    pub n: usize,
}

pub(crate) struct GramStream<'a> {
    text: &'a str,
    /// Byte offsets of the characters, and the end.
    bounds: Vec<usize>,
    next: usize,
    n: usize,
    token: Token,
}

impl Tokenizer for CharGrams {
    type TokenStream<'a> = GramStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramStream<'a> {
        let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bounds.push(text.len());
        GramStream {
            text,
            bounds,
            next: 0,
            n: self.n,
            token: Token::default(),
        }
    }
}

impl TokenStream for GramStream<'_> {
    fn advance(&mut self) -> bool {
        while self.next + self.n < self.bounds.len() {
            let (from, to) = (self.bounds[self.next], self.bounds[self.next + self.n]);
            let at = self.next;
            self.next += 1;
            let gram = &self.text[from..to];
            if self.n == 1 && gram.trim().is_empty() {
                continue;
            }
            self.token.offset_from = from;
            self.token.offset_to = to;
            self.token.position = at;
            self.token.position_length = 1;
            self.token.text.clear();
            self.token.text.push_str(gram);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// The grams of a folded query: its characters, or its pairs.
pub(crate) fn grams(folded: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = folded.chars().collect();
    chars
        .windows(n)
        .map(|w| w.iter().collect::<String>())
        .filter(|g| n > 1 || !g.trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str, n: usize) -> Vec<(String, usize)> {
        let mut t = CharGrams { n };
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            out.push((s.token().text.clone(), s.token().position));
        }
        out
    }

    #[test]
    fn pairs_one_position_apart() {
        assert_eq!(
            tokens("党支部", 2),
            [("党支".to_owned(), 0), ("支部".to_owned(), 1)]
        );
        assert_eq!(
            tokens("党 支", 1),
            [("党".to_owned(), 0), ("支".to_owned(), 2)]
        );
        assert!(tokens("党", 2).is_empty());
    }

    #[test]
    fn folded_as_search_folds() {
        assert_eq!(fold("ＣＰＩ　上涨"), "cpi 上涨");
        assert_eq!(fold("黨支部"), "党支部");
        assert_eq!(fold_joined("规定动\n\n作"), "规定动作");
        assert_eq!(grams("党支部", 2), ["党支", "支部"]);
    }
}
