//! What a raw block looks like on its own: a byline, a credit, a short
//! headline-like line, dialogue, or body text. The parser decides from these
//! shapes and their neighbours what each block is.

use crate::text::punct::{
    is_clause_mark, is_closing_bracket, is_colon, is_han, is_opening_bracket, is_sentence_final,
};

use super::attribution::{byline_start, is_credit};
use super::counting::{char_count, more_chars_than};
use super::labels::{enumerator_len, is_box_label};
use super::lines::RawBlock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A photo or graphics credit (…摄).
    Credit,
    /// A byline (□本报记者 …, ◎宋爽, 通讯员 …).
    Byline,
    /// Short, without sentence punctuation: a column heading, a title, a
    /// subheading — or a fragment of a cut paragraph.
    Headline,
    /// Headline-shaped, but reads as speech whose quotation marks were lost
    /// (我想解释一下).
    Dialogue,
    /// Body text.
    Body,
    /// A photo caption (图为…, 图①…, ■…).
    Caption,
    /// A note wholly in round brackets: a dateline or an author's note that
    /// closes an article (（新华社北京3月2日电）, （作者为本报记者）).
    Note,
    /// A page heading in a file of several pages (第01版, 第3版：要闻).
    PageMark,
}

/// Openings of a first paragraph: datelines and the usual news leads.
const LEAD_OPENINGS: &[&str] = &[
    "【本報訊】",
    "【本报讯】",
    "本報訊",
    "本報",
    "本报讯",
    "本报",
    "新华社",
    "据新华社",
    "中新网",
    "近日",
    "日前",
    "近期",
    "记者从",
    "记者近日",
];

/// Pronouns and particles that mark a short line as speech.
const SPEECH_OPENINGS: &[char] = &['我', '你', '您', '咱', '俺'];
const SPEECH_ENDINGS: &[char] = &[
    '吧', '呢', '吗', '啊', '呀', '嘛', '哦', '哈', '啦', '呗', '了',
];

/// Longest headline, in characters (whitespace not counted).
const HEADLINE_MAX_CHARS: usize = 32;
pub(crate) fn is_caption(text: &str) -> bool {
    let rest = |p: &str| text.strip_prefix(p);
    text.starts_with(['■', '图', '圖', '上', '下', '左', '右'])
        && !more_chars_than(text, 300)
        && (text.starts_with('■') && byline_start(text).is_none()
            || ["图为", "圖為", "圖爲"].iter().any(|p| text.starts_with(p))
            || ["图", "圖", "上图", "下图", "左图", "右图", "上圖", "下圖"]
                .iter()
                .filter_map(|p| rest(p))
                .any(|r| r.starts_with(|c: char| ('①'..='⑳').contains(&c))))
}

/// A dateline or note wholly in round brackets.
fn is_note(text: &str) -> bool {
    !more_chars_than(text, 80) && is_bracketed(text)
}

/// Is the whole block in brackets, as a note is?
pub(crate) fn is_bracketed(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(['（', '(']) && text.ends_with(['）', ')'])
}

/// 第01版, 第3版：要闻 — the heading of a page in a file of several.
pub(crate) fn is_page_mark(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('第') else {
        return false;
    };
    let digits = rest
        .find(|c: char| {
            !c.is_ascii_digit() && !"一二三四五六七八九十０１２３４５６７８９".contains(c)
        })
        .unwrap_or(rest.len());
    digits > 0
        && rest[digits..].starts_with('版')
        && !more_chars_than(text, 24)
        && !text.contains(['。', '，'])
}

/// Openings that only a news item's first paragraph has.
const DATELINE_OPENINGS: &[&str] = &[
    "本报讯",
    "本報訊",
    "【本報訊】",
    "【本报讯】",
    "新华社",
    "新華社",
    "据新华社",
    "據新華社",
    "中新网",
    "中新網",
];

/// Does a paragraph open with a dateline (本报北京2月1日电, 【本報訊】,
/// 新华社…电)?
pub(crate) fn opens_like_a_dateline(text: &str) -> bool {
    if DATELINE_OPENINGS.iter().any(|o| text.starts_with(o)) {
        return true;
    }
    (text.starts_with("本报") || text.starts_with("本報"))
        && text.chars().take(20).any(|c| c == '电' || c == '電')
}

/// Does a paragraph open like the first paragraph of a news item?
pub(crate) fn opens_like_a_lead(text: &str) -> bool {
    if LEAD_OPENINGS.iter().any(|o| text.starts_with(o)) {
        return true;
    }
    // A date: 7月9日, 12月1日.
    let mut chars = text.chars().peekable();
    let mut digits = 0;
    while chars.next_if(|c| c.is_ascii_digit()).is_some() {
        digits += 1;
    }
    if digits == 0 || chars.next() != Some('月') {
        return false;
    }
    let mut day = 0;
    while chars.next_if(|c| c.is_ascii_digit()).is_some() {
        day += 1;
    }
    day > 0 && chars.next() == Some('日')
}

/// A title without the bracketed note at its end (…（在习近平新时代中国
/// 特色社会主义思想指引下·新时代新作为新篇章）), which may be long.
fn without_title_note(text: &str) -> &str {
    match text.strip_suffix('）') {
        Some(body) if !more_chars_than(text, 80) => match body.rfind('（') {
            Some(open) if open > 0 && !body[open..].contains(['。', '，', '）']) => {
                &text[..open]
            }
            _ => text,
        },
        _ => text,
    }
}

/// A long title set as phrases parted by spaces (狠抓生态环境保护不松劲
/// 支持实体经济发展不动摇 …): no body line has spaces between ideographs
/// and no punctuation at all.
fn is_spaced_headline(text: &str) -> bool {
    let text = text.trim();
    // Cheapest tests first: this runs on every long body line.
    !more_chars_than(text, 2 * HEADLINE_MAX_CHARS)
        && !text.contains(|c: char| is_clause_mark(c) || is_colon(c) || is_sentence_final(c))
        && text.contains(char::is_whitespace)
}

/// A long title line with no punctuation at all but quotes and names
/// (勉励他们努力做新时代的好战士在人民军队的大熔炉中书写火热的青春篇章): of the
/// corpus's lines of 31–60 characters so written, 162 are headline lines
/// and 6 are paragraphs.
fn is_unpunctuated_line(text: &str) -> bool {
    let text = text.trim();
    !more_chars_than(text, 60)
        && !text.contains(|c: char| {
            (c.is_ascii_punctuation() || is_clause_mark(c) || is_colon(c) || is_sentence_final(c))
                && !matches!(c, '“' | '”' | '‘' | '’' | '《' | '》' | '·' | '"' | '-')
                || matches!(c, '（' | '）' | '(' | ')' | '■' | '…')
        })
}

/// Short, no sentence punctuation inside (a title may end in ！ or ？).
/// `noted`: the text had a title note at its end, which only titles have
/// (of the corpus's lines of 20 characters or more ending on a note that no
/// sentence mark precedes, 234 are titles and 2 paragraphs), so it may run
/// in one clause more (一带一路，“互利共赢、共同发展的全球公共产品”).
fn is_headline_like(text: &str, noted: bool) -> bool {
    if more_chars_than(text, HEADLINE_MAX_CHARS)
        && !is_spaced_headline(text)
        && !is_unpunctuated_line(text)
        || char_count(text) == 0
    {
        return false;
    }
    // A subtitle opens with a dash: ——写在新春佳节之际.
    let body = text[enumerator_len(text)..].trim_start_matches(['—', '─', '-']);
    let core = body.trim_end_matches(is_closing_bracket);
    let core = core.trim_end_matches(['！', '？', '!', '?']);
    // A lead-in ends on a dash: 四川昭觉县三河村——.
    let core = core.strip_suffix("——").unwrap_or(core);
    if core.is_empty() || core.contains(['。', '；', ';']) || core.contains('…') {
        return false;
    }
    let last = core.chars().last();
    if last.is_some_and(|c| is_clause_mark(c) || is_colon(c) || is_opening_bracket(c)) {
        return false;
    }
    if core
        .starts_with(|c: char| is_clause_mark(c) || is_closing_bracket(c) || is_sentence_final(c))
    {
        return false;
    }
    let inner_marks = core
        .chars()
        .filter(|&c| matches!(c, '，' | ',' | '、' | '：' | ':'))
        .count();
    inner_marks <= 1 + usize::from(noted)
}

/// 我 that names a body, not a speaker (我国首次实现…, 我省).
const OUR_BODIES: &[char] = &[
    '国', '國', '省', '市', '区', '區', '县', '縣', '军', '軍', '校', '院', '部',
];

fn reads_as_speech(text: &str) -> bool {
    let ours = text
        .strip_prefix('我')
        .is_some_and(|rest| rest.starts_with(OUR_BODIES));
    text.starts_with(SPEECH_OPENINGS) && !ours
        || text
            .trim_end_matches(['！', '？', '!', '?'])
            .ends_with(SPEECH_ENDINGS)
        || text.ends_with("一下")
}

/// A jump line: （上接第一版）, （下转第三版）. Body text, not a heading.
fn is_jump_line(text: &str) -> bool {
    !more_chars_than(text, 16)
        && text.contains('版')
        && ["接第", "转第", "上接", "下转"]
            .iter()
            .any(|k| text.contains(k))
}

pub(crate) fn shape(block: &RawBlock) -> Shape {
    let text = block.text.text.as_str();
    // Counted once, up to what any short form allows: body text is long,
    // and every test below is for short blocks.
    let chars = block.chars;
    if chars > 120 {
        return if is_caption(text) {
            Shape::Caption
        } else {
            Shape::Body
        };
    }
    let head = without_title_note(text);
    if chars <= 16 && (is_jump_line(text) || is_box_label(text)) {
        Shape::Body
    } else if chars <= 24 && is_page_mark(text) {
        Shape::PageMark
    } else if chars <= 80 && is_note(text) {
        Shape::Note
    } else if is_caption(text) {
        Shape::Caption
    } else if chars <= 50 && is_credit(text) {
        Shape::Credit
    } else if chars <= 40 && byline_start(text).is_some() {
        Shape::Byline
    } else if block.multiline
        || chars > 80
        || !is_headline_like(head, head.len() < text.len())
        || opens_like_a_dateline(text)
    {
        Shape::Body
    } else if reads_as_speech(text) {
        Shape::Dialogue
    } else {
        Shape::Headline
    }
}

/// Evidence that a lone headline after body text opens a new article
/// (马扎驿站 响起解读者声) rather than being a subheading (做好样子).
pub(crate) fn title_evidence(text: &str, next_body: Option<&str>) -> u32 {
    let mut score = 0;
    if next_body.is_some_and(opens_like_a_lead) {
        score += 2;
    }
    let chars: Vec<char> = text.chars().collect();
    if chars
        .windows(3)
        .any(|w| is_han(w[0]) && matches!(w[1], ' ' | '\u{3000}') && is_han(w[2]))
    {
        score += 1;
    }
    if more_chars_than(text, 6) {
        score += 1;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::lines::raw_blocks;

    fn shape_of(text: &str) -> Shape {
        shape(&raw_blocks(text)[0])
    }

    #[test]
    fn a_long_line_without_punctuation_is_a_headline_line() {
        assert_eq!(
            shape_of("勉励他们努力做新时代的好战士在人民军队的大熔炉中书写火热的青春篇章"),
            Shape::Headline
        );
        assert_eq!(
            shape_of("勉励他们努力做新时代的好战士，在人民军队的大熔炉中书写火热的青春篇章"),
            Shape::Body
        );
    }

    #[test]
    fn shapes_of_the_sample_lines() {
        assert_eq!(shape_of("□本报记者 陈春艳"), Shape::Byline);
        assert_eq!(shape_of("◎宋爽"), Shape::Byline);
        assert_eq!(shape_of("□辛凤娟"), Shape::Byline);
        assert_eq!(shape_of("本报记者 张三 通讯员 李四"), Shape::Byline);
        assert_eq!(shape_of("见习记者 郝佳丽 摄"), Shape::Credit);
        assert_eq!(shape_of("新华社发"), Shape::Credit);
        assert_eq!(shape_of("视点"), Shape::Headline);
        assert_eq!(shape_of("五化协同 大抓基层⑤"), Shape::Headline);
        assert_eq!(shape_of("为官不为者耻!"), Shape::Headline);
        assert_eq!(shape_of("做好样子"), Shape::Headline);
        assert_eq!(
            shape_of("狠抓生态环境保护不松劲 支持实体经济发展不动摇 努力实现经济社会发展良好开局"),
            Shape::Headline,
            "a long title set in phrases"
        );
        assert_eq!(
            shape_of("狠抓生态环境保护不松劲 支持实体经济发展不动摇，努力实现经济社会发展良好开局"),
            Shape::Body
        );
        assert_eq!(shape_of("我想解释一下"), Shape::Dialogue);
        assert_eq!(
            shape_of("我国首次实现深海六千米数据北斗卫星实时传输"),
            Shape::Headline,
            "我国 names the country, not a speaker"
        );
        assert_eq!(shape_of("统筹：郭雪岩"), Shape::Credit);
        assert_eq!(shape_of("□版式设计：郭  祥"), Shape::Credit);
        assert_eq!(shape_of("勾  犇图  吕  岩文"), Shape::Credit);
        assert_eq!(shape_of("朱慧卿作（新华社发）"), Shape::Credit);
        assert_eq!(shape_of("这条路终于修好了"), Shape::Dialogue);
        assert_eq!(shape_of("——写在新春佳节之际"), Shape::Headline);
        assert_eq!(shape_of("（上接第一版）"), Shape::Body);
        assert_eq!(shape_of("道。"), Shape::Body);
        assert_eq!(shape_of("一枝独秀不是春,百花齐放春满园。"), Shape::Body);
        assert_eq!(shape_of("记者从市公安局获悉，案件已告破。"), Shape::Body);
    }

    #[test]
    fn leads_and_dates() {
        assert!(opens_like_a_lead("近日,在乌兰察布市"));
        assert!(opens_like_a_lead("12月1日,凛冬的"));
        assert!(opens_like_a_lead("本报北京1月14日电（记者 张三）"));
        assert!(!opens_like_a_lead("律师会见场所过小"));
        assert!(!opens_like_a_lead("2011年,他筹资"));
    }

    #[test]
    fn title_evidence_scores() {
        assert!(title_evidence("马扎驿站 响起解读者声", Some("近日,在乌兰察布市")) >= 3);
        assert!(title_evidence("做好样子", Some("律师会见场所过小")) < 3);
        assert!(title_evidence("坚持党建引领 夯实基层基础", Some("全旗上下")) < 3);
    }
}
