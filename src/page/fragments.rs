//! Signs that a block is a piece of running text cut by the page layout,
//! not a heading: it stops on a word that cannot end a phrase, on a clause
//! of one character, or inside a quotation; it opens on a particle, or by
//! setting a scene and pausing as a paragraph does.

use super::counting::more_chars_than;
use crate::text::Segmenter;
use crate::text::punct::{ends_sentence, is_clause_mark, is_colon, is_han};

/// Characters that cannot end a phrase: a short block that stops on one was
/// cut in mid-sentence.
const DANGLING_ENDINGS: &[char] = &[
    '的', '和', '与', '及', '对', '把', '被', '从', '向', '将', '并', '于', '让', '使', '给', '跟',
    '由', '但', '且', '其',
];

/// Quotation marks and brackets, each opening with its closing.
const PAIRS: &[(char, char)] = &[
    ('“', '”'),
    ('‘', '’'),
    ('（', '）'),
    ('(', ')'),
    ('《', '》'),
    ('「', '」'),
    ('『', '』'),
];

/// The quotations and brackets that `text` opens and does not close, as
/// (opening, closing) pairs. Of the corpus's 2,350 headline lines, one
/// leaves a bracket open, by a typo.
pub(crate) fn left_open(text: &str) -> impl Iterator<Item = (char, char)> + '_ {
    PAIRS.iter().copied().filter(move |&(open, close)| {
        let mut depth = 0i32;
        for c in text.chars() {
            if c == open {
                depth += 1;
            } else if c == close && depth > 0 {
                depth -= 1;
            }
        }
        depth > 0
    })
}

/// Phrases that set a time or a scene and then pause (春运期间，…, 3个月
/// 前，…): how running text opens, and how no headline of the corpus does
/// but three, against 107 first paragraphs.
const SCENE_ENDINGS: &[&str] = &["期间", "前", "后", "以来", "之际", "时", "当天"];

/// Does the text open by setting a time or scene, then pause: 春运期间，
/// 3个月前，, 在乡村振兴的大背景下，, 作为…，, 随着…，?
pub(crate) fn opens_with_a_scene(text: &str) -> bool {
    let Some((first, _)) = text.split_once('，') else {
        return false;
    };
    let n = first.chars().count();
    let framed = |open: &str, ends: &[&str], max: usize| {
        first.starts_with(open) && n <= max && ends.iter().any(|e| first.ends_with(e))
    };
    n >= 2
        && (n <= 10 && SCENE_ENDINGS.iter().any(|e| first.ends_with(e))
            || framed("在", &["下", "中", "上", "里", "间"], 16)
            || framed("作为", &[""], 18)
            || framed("随着", &[""], 22))
}

/// Does the text open on a particle that opens nothing (的管理原则, 们的
/// 心愿), so that it goes on from the text before it? None of the
/// corpus's titles or paragraphs opens so, but for 的确 (indeed).
pub(crate) fn opens_mid_phrase(text: &str) -> bool {
    let text = text.trim_start();
    text.starts_with(['的', '们', '們', '吗', '嗎', '呢', '吧', '么', '麼'])
        && !text.starts_with("的确")
        && !text.starts_with("的確")
}

/// Does the text end on a clause of one character (当前，以 / 敢于挑战的勇
/// 气，让)? No title, lead-in or subtitle of the corpus does; a paragraph
/// cut by the layout does.
pub(crate) fn ends_on_a_stub(text: &str) -> bool {
    let text = text.trim_end();
    text.rsplit_once(['，', ','])
        .is_some_and(|(_, tail)| tail.chars().count() == 1 && tail.chars().all(is_han))
}

/// Would a jieba-free reader already call this short block a fragment?
pub(crate) fn dangles(text: &str) -> bool {
    text.trim_end()
        .chars()
        .last()
        .is_some_and(|c| is_clause_mark(c) || DANGLING_ENDINGS.contains(&c))
}

/// [`dangles`], where jieba, when at hand, agrees that the last character
/// is a word of its own: 供给 (supply) ends on 给 but does not dangle.
pub(crate) fn dangles_alone(text: &str, seg: Option<Segmenter>) -> bool {
    let on_mark = text.trim_end().chars().last().is_some_and(is_clause_mark);
    dangles(text) && (on_mark || seg.is_none_or(|s| s.ends_on_a_lone_char(text)))
}

/// Is this paragraph unfinished: no sentence-final mark, and long or
/// sentence-like enough not to be a heading or a line of speech?
pub(crate) fn is_open_paragraph(text: &str) -> bool {
    if ends_sentence(text) || text.trim_end().ends_with(is_colon) {
        return false;
    }
    more_chars_than(text, 15) || dangles(text) || text.contains(|c: char| is_clause_mark(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_dangles_and_what_ends_on_a_stub() {
        let seg = Some(Segmenter::get());
        assert!(dangles_alone("春节期间服务的", seg));
        assert!(dangles("找准新需求 做好新供给"));
        assert!(
            !dangles_alone("找准新需求 做好新供给", seg),
            "供给 is a word"
        );
        assert!(dangles_alone("找准新需求 做好新供给", None));
        assert!(ends_on_a_stub("敢于挑战的勇气，让"));
        assert!(!ends_on_a_stub("为了梦想，去闯"));
        assert!(!ends_on_a_stub("坚持问题导向推动改革落地"));
    }

    #[test]
    fn running_text_opens_on_a_scene() {
        assert!(opens_with_a_scene("春运期间，广袤的祖国大地"));
        assert!(opens_with_a_scene("3个月前，浙江省东阳市范"));
        assert!(opens_with_a_scene("在乡村振兴的大背景下，农"));
        assert!(!opens_with_a_scene("村子大家管，日子更美满"));
        assert!(!opens_with_a_scene("为了梦想，去闯"));
    }

    #[test]
    fn particles_that_open_nothing() {
        assert!(opens_mid_phrase("的管理原则"));
        assert!(opens_mid_phrase("們的心願"));
        assert!(!opens_mid_phrase("的确，这是一个好办法。"));
        assert!(!opens_mid_phrase("着力推进改革"));
    }

    #[test]
    fn open_paragraphs() {
        assert!(is_open_paragraph("公安部驻包头指导组组长孙正直接说"));
        assert!(is_open_paragraph("活动,加"));
        assert!(!is_open_paragraph("我想解释一下"));
        assert!(!is_open_paragraph("李文杰说："));
        assert!(!is_open_paragraph("道。"));
    }
}
