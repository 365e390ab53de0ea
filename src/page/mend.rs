//! Stage (iii) of the parser: paragraphs that the foot of a printed column
//! cut in two are joined again — only on positive evidence, so that a
//! subheading or a line of speech is never glued to the text after it.

use std::cell::OnceCell;

use super::classify::opens_like_a_lead;
use super::counting::more_chars_than;
use super::fragments::{dangles_alone, left_open, opens_mid_phrase};
use super::labels::is_enumerated;
use super::model::{Article, Block, BlockKind};
use crate::text::Segmenter;
use crate::text::punct::{ends_sentence, is_clause_mark, is_colon, is_han};

/// A fragment this long that stops mid-sentence is running text: headings
/// and lines of speech are shorter.
const LONG_FRAGMENT: usize = 30;

/// Should paragraph `right` be joined to `left`, the two being one
/// paragraph cut by the foot of a printed column?
fn should_mend(
    left: &str,
    right: &str,
    joins: &dyn Fn() -> bool,
    first: bool,
    seg: Option<Segmenter>,
) -> bool {
    let left = left.trim_end();
    if ends_sentence(left) || left.ends_with(is_colon) || left.ends_with(['）', ')']) {
        return false;
    }
    // A figure standing alone (1+6, 3616) heads what follows it.
    if !more_chars_than(left, 12) && !left.chars().any(is_han) {
        return false;
    }
    if opens_its_own(right) {
        return false;
    }
    // A dash pair leads into the next paragraph; a closing quote ends the
    // one it closes; a semicolon ends an item of a list. None of them is
    // where the foot of a column cuts running text.
    if left.ends_with("——") || left.ends_with(['”', '’', '」', '』', '；', ';']) {
        return false;
    }
    if spans_brackets(left, right) || opens_mid_phrase(right) {
        return true;
    }
    if dangles_alone(left, seg) {
        return true;
    }
    // The second half of a cut paragraph ends it: a short line that ends
    // no sentence is another of a run of lead lines (导语), unless a word
    // runs across the seam.
    if is_short_open_line(right) {
        return joins();
    }
    // A sentence already finished inside the fragment, or a run of clauses,
    // marks it as running text: headings hold neither. An article's first
    // paragraph may be a deck, though, which runs to clauses and ends
    // without a stop: 104 of the 1,129 first paragraphs of days 1–20 are
    // such decks of over 30 characters, more than the foot of a column
    // cuts between two words there.
    if first {
        return joins();
    }
    if holds_a_sentence(left)
        || (more_chars_than(left, LONG_FRAGMENT)
            && left.chars().filter(|&c| is_clause_mark(c)).count() >= 2)
    {
        return true;
    }
    joins()
}

/// Does `right` open as a paragraph of its own does — a lead, a time and a
/// pause, a number, a mark — rather than as the second half of a cut one?
fn opens_its_own(right: &str) -> bool {
    opens_like_a_lead(right)
        || opens_at_a_time(right)
        || is_enumerated(right)
        || right.starts_with(['□', '■', '【', '—'])
}

/// Time phrases that open a paragraph and then pause (近年来，…; 2018年8月，
/// …): the text after a deck — a first paragraph without a final stop —
/// begins so, the second half of a cut sentence hardly ever.
const TIME_OPENINGS: &[&str] = &[
    "北京时间",
    "近年来",
    "近些年",
    "目前",
    "如今",
    "当前",
    "眼下",
    "最近",
    "去年",
    "今年",
    "大年初",
    "除夕",
    "春节期间",
    "春节前夕",
    "新年伊始",
    "日前",
];

fn opens_at_a_time(right: &str) -> bool {
    let pause = |rest: &str| rest.chars().take(12).any(|c| c == '，');
    if let Some(o) = TIME_OPENINGS.iter().find(|o| right.starts_with(**o)) {
        return pause(&right[o.len()..]);
    }
    // A year: 2018年8月，…
    let digits = right.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4 && right[digits..].starts_with('年') && pause(&right[digits..])
}

/// Longest line of a run of lead lines, in characters.
const LEAD_LINE: usize = 45;

/// A line that ends no sentence and is no longer than a lead line.
fn is_short_open_line(text: &str) -> bool {
    !ends_sentence(text) && !more_chars_than(text, LEAD_LINE)
}

/// Does `text` finish a sentence before its end? Only the full-width marks
/// count: a Latin full stop is as often a decimal point.
fn holds_a_sentence(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next_back();
    chars.any(|c| matches!(c, '。' | '！' | '？'))
}

/// Joins the cut paragraphs of an article.
pub(crate) fn mend(article: &mut Article, seg: Option<Segmenter>) {
    let blocks = std::mem::take(&mut article.blocks);
    // The block before the last was a short line that ends no sentence,
    // left as it was: the last, if it is one too, is of a run of lead
    // lines, not the first half of a cut paragraph.
    let mut in_run = false;
    let mut mended_first = false;
    for block in blocks {
        let first = article.blocks.len() == 1 && !mended_first;
        let joined = article.blocks.last().is_some_and(|last| {
            let (left, right) = (last.text.text.trim_end(), block.text.text.trim_start());
            // Asked at most once a seam: jieba is the costly part.
            let join = OnceCell::new();
            let joins =
                || *join.get_or_init(|| seg.is_some_and(|s| s.word_spans_join(left, right)));
            cut_heading(last, &block, &joins)
                || last.kind == BlockKind::Paragraph
                    && block.kind == BlockKind::Paragraph
                    && !(in_run && is_short_open_line(left) && !joins())
                    && should_mend(left, right, &joins, first, seg)
        });
        match article.blocks.last_mut() {
            Some(last) if joined => {
                if block.kind == BlockKind::Paragraph && last.kind == BlockKind::Subheading {
                    last.kind = BlockKind::Paragraph;
                }
                last.text.append("", &block.text);
                in_run = false;
                mended_first |= first;
            }
            last => {
                in_run = last.is_some_and(|l| is_short_open_line(&l.text.text));
                article.blocks.push(block);
            }
        }
    }
}

/// Halves of a cut paragraph that the parser set as a heading or a
/// caption: short lines that a dictionary word runs across (协商确定入股各方
/// 权利义 / 务和利益分配), or that a quotation or bracket spans.
fn cut_heading(left: &Block, right: &Block, joins: &dyn Fn() -> bool) -> bool {
    use BlockKind::{Caption, Paragraph, Subheading};
    let pair = (left.kind, right.kind);
    if pair == (Paragraph, Paragraph)
        || !matches!(left.kind, Paragraph | Subheading | Caption)
        || !matches!(right.kind, Paragraph | Subheading)
    {
        return false;
    }
    let (l, r) = (left.text.text.trim_end(), right.text.text.trim_start());
    if ends_sentence(l) {
        return false;
    }
    let seam_han =
        l.chars().next_back().is_some_and(is_han) && r.chars().next().is_some_and(is_han);
    // A caption's last word and the next paragraph's first run together
    // by chance too often (穩紮穩打 / 打贏): only a bracket joins them.
    spans_brackets(l, r)
        || opens_mid_phrase(r)
        || left.kind != Caption && seam_han && !opens_its_own(r) && joins()
}

/// Does a quotation or bracket that `left` leaves open close in `right`?
/// No heading leaves one open: of the corpus's paragraphs that end without
/// a stop, none does, and a sixth of all cuts fall inside one.
fn spans_brackets(left: &str, right: &str) -> bool {
    left_open(left)
        .any(|(open, close)| right.chars().find(|&c| c == open || c == close) == Some(close))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deck_is_not_glued_to_the_paragraph_after_it() {
        let deck = "只有真正闻到泥土的芬芳，才能讲好新时代的中国故事。践行“四力”要求永无止境";
        assert!(!should_mend(
            deck,
            "近年来，我国积极推进创新成果的产业化应用。",
            &|| false,
            false,
            None
        ));
        assert!(!should_mend(
            deck,
            "2018年8月，在回复中他写道。",
            &|| false,
            false,
            None
        ));
        assert!(
            should_mend(deck, "我们一直在路上。", &|| false, false, None),
            "otherwise text that holds a sentence runs on"
        );
        assert!(
            !should_mend(deck, "我们一直在路上。", &|| false, true, None),
            "but not the article's first paragraph"
        );
    }

    #[test]
    fn a_quotation_left_open_joins_the_half_that_closes_it() {
        assert!(should_mend(
            "“没想到习主席和我们",
            "一样，身着迷彩服登上了检阅台。”",
            &|| false,
            true,
            None
        ));
        assert!(spans_brackets("用事实和数据说话（记者", "手记）"));
        assert!(
            should_mend(
                "央行、外管局联合发布通知，明确境内上市",
                "的管理原则",
                &|| false,
                true,
                None
            ),
            "a half that opens on 的 goes on from the one before"
        );
        assert!(
            !spans_brackets("“抓创新”就是", "抓发展"),
            "closed before the seam"
        );
        assert!(
            !spans_brackets("“抓创新就是", "“抓发展”"),
            "opens another first"
        );
    }

    #[test]
    fn time_openings_need_their_pause() {
        assert!(opens_at_a_time("目前，全市已累计建成数字化车间86个。"));
        assert!(!opens_at_a_time("目前为止的成绩已经很不错了。"));
        assert!(!opens_at_a_time("2018"));
    }
}
