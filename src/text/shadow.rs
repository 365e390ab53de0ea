//! Traditional text as jieba sees it: jieba's dictionary is simplified, so
//! a text written in traditional characters is cut as a simplified shadow
//! of itself — the same characters one for one (`script::simplified`) —
//! and every word's span is mapped back to the text as written. 港大校長
//! 李國強 is cut 港大 / 校長 / 李國強, not 港大校 / 長李 / 國強.

use std::ops::Range;

use jieba_rs::Jieba;

use super::script::{has_traditional, simplified};

/// The simplified shadow of `text`, if it has traditional characters.
pub(crate) fn shadow(text: &str) -> Option<String> {
    has_traditional(text).then(|| text.chars().map(|c| simplified(c).unwrap_or(c)).collect())
}

/// jieba's words of `text`, as byte ranges into it, in order.
pub(crate) fn cut(jieba: &Jieba, text: &str, hmm: bool) -> Vec<Range<usize>> {
    cut_with(text, |t| {
        jieba
            .cut(t, hmm)
            .iter()
            .map(|t| t.byte_start..t.byte_end)
            .collect()
    })
}

/// The words `cutter` gives for `text`, cut in its simplified shadow when
/// it has traditional characters, as byte ranges into `text`.
pub(crate) fn cut_with(
    text: &str,
    cutter: impl FnOnce(&str) -> Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let Some(shadow) = shadow(text) else {
        return cutter(text);
    };
    let mut walk = InStep::new(text, &shadow);
    cutter(&shadow)
        .into_iter()
        .map(|w| walk.to(w.start)..walk.to(w.end))
        .collect()
}

/// Where `range` of the shadow stands in `text` (for a few lookups; a run
/// of them in order is [`cut`]'s).
pub(crate) fn in_text(text: &str, shadow: &str, range: Range<usize>) -> Range<usize> {
    let mut walk = InStep::new(text, shadow);
    walk.to(range.start)..walk.to(range.end)
}

/// Walks a text and its shadow character by character, in step: the
/// shadow's byte offsets, taken in order, to the text's.
struct InStep<'a> {
    text: &'a str,
    shadow: &'a str,
    /// Byte offsets in the text and the shadow of the same character.
    at: (usize, usize),
}

impl<'a> InStep<'a> {
    fn new(text: &'a str, shadow: &'a str) -> Self {
        InStep {
            text,
            shadow,
            at: (0, 0),
        }
    }

    /// The text's offset of the shadow's offset `to` (not behind the last).
    fn to(&mut self, to: usize) -> usize {
        while self.at.1 < to {
            let (Some(t), Some(s)) = (
                self.text[self.at.0..].chars().next(),
                self.shadow[self.at.1..].chars().next(),
            ) else {
                break;
            };
            self.at = (self.at.0 + t.len_utf8(), self.at.1 + s.len_utf8());
        }
        self.at.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Segmenter;

    #[test]
    fn traditional_text_is_cut_as_simplified_is() {
        let jieba = Segmenter::get().jieba();
        let text = "港大校長李國強前晚主動回應學生訴求";
        let words: Vec<&str> = cut(jieba, text, true)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        for word in ["校長", "李國強", "主動", "回應"] {
            assert!(words.contains(&word), "{word} in {words:?}");
        }
        assert_eq!(words.concat(), text, "the words cover the text");
        let simple = "港大校长李国强前晚主动回应学生诉求";
        let cut_simple: Vec<&str> = cut(jieba, simple, true)
            .into_iter()
            .map(|r| &simple[r])
            .collect();
        assert_eq!(words.len(), cut_simple.len());
    }

    #[test]
    fn a_shadow_maps_back_character_for_character() {
        let text = "國強a說";
        let shadow = shadow(text).expect("traditional");
        assert_eq!(shadow, "国强a说");
        let at = shadow.find('a').expect("a");
        assert_eq!(&text[in_text(text, &shadow, at..at + 1)], "a");
        assert_eq!(shadow_of_simplified(), None);
    }

    fn shadow_of_simplified() -> Option<String> {
        shadow("国强说")
    }
}
