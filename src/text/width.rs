//! What each grapheme of model text looks like on a terminal: the string
//! to draw and its width in cells. The line breaker and the renderer both
//! read text through [`glyphs`], so they always agree on where a byte of
//! the model lands on screen.
//!
//! This is also the safety boundary: every grapheme is shown as
//! [`sanitize::shown`] allows.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::text::punct::is_han;
use crate::text::sanitize;

/// How text is shown (display only: the model and search keep the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DisplayOptions {
    /// Show half-width punctuation inside Chinese text in its full-width
    /// form (, → ，).
    pub fullwidth_punct: bool,
    /// Show simplified characters in their traditional form, character by
    /// character (offsets do not move; see [`crate::text::script`]).
    pub traditional: bool,
    /// Show traditional characters in their simplified form, character by
    /// character (a page written in traditional characters, `T`).
    pub simplified: bool,
}

impl DisplayOptions {
    /// Text as written: no full-width punctuation, no change of script
    /// (the dictionary's English and readings).
    pub const AS_WRITTEN: DisplayOptions = DisplayOptions {
        fullwidth_punct: false,
        traditional: false,
        simplified: false,
    };
}

impl Default for DisplayOptions {
    fn default() -> Self {
        DisplayOptions {
            fullwidth_punct: true,
            traditional: false,
            simplified: false,
        }
    }
}

/// One grapheme as displayed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph<'a> {
    /// Byte range of the grapheme in the text.
    pub start: usize,
    pub end: usize,
    /// What to draw; empty for characters that are not shown.
    pub show: &'a str,
    /// Width in terminal cells.
    pub width: usize,
}

/// The full-width form of a half-width mark, for display inside Chinese.
fn fullwidth(g: &str) -> Option<&'static str> {
    Some(match g {
        "," => "，",
        "!" => "！",
        "?" => "？",
        ":" => "：",
        ";" => "；",
        "(" => "（",
        ")" => "）",
        _ => return None,
    })
}

/// Chinese text around a mark: a Han character, or CJK or full-width
/// punctuation (》(以下简称 is inside Chinese too).
fn is_chinese(g: Option<&str>) -> bool {
    g.and_then(|g| g.chars().next()).is_some_and(|c| {
        is_han(c)
            || ('\u{3000}'..='\u{303F}').contains(&c)
            || ('\u{FF01}'..='\u{FF60}').contains(&c)
            || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—')
    })
}

/// Straight double quotes are paired by counting: one this far into a
/// paragraph is not, and is shown as written.
const QUOTE_LOOKBACK: usize = 64 << 10;

/// The curly form of a straight double quote inside Chinese: opening or
/// closing by how many stand before it in the paragraph.
fn curly_quote(before: &str) -> Option<&'static str> {
    if before.len() > QUOTE_LOOKBACK {
        return None;
    }
    let open = memchr::memchr_iter(b'"', before.as_bytes())
        .count()
        .is_multiple_of(2);
    Some(if open { "“" } else { "”" })
}

/// The glyphs of `text`, in order, covering it without gaps. Leading
/// whitespace is not shown: the layout indents paragraphs itself.
pub fn glyphs(text: &str, opts: DisplayOptions) -> impl Iterator<Item = Glyph<'_>> + '_ {
    glyphs_in(text, 0..text.len(), opts)
}

/// The glyphs of the bytes `range` of `text` (a range from a wrapped line),
/// shown exactly as [`glyphs`] shows them inside the whole text.
pub fn glyphs_in(
    text: &str,
    range: std::ops::Range<usize>,
    opts: DisplayOptions,
) -> impl Iterator<Item = Glyph<'_>> + '_ {
    shown_glyphs(text, range, opts, true)
}

fn shown_glyphs(
    text: &str,
    range: std::ops::Range<usize>,
    opts: DisplayOptions,
    hide_leading_space: bool,
) -> impl Iterator<Item = Glyph<'_>> + '_ {
    let before = &text[..range.start];
    let mut prev: Option<&str> = before.graphemes(true).next_back();
    let mut leading = hide_leading_space && before.trim_start().is_empty();
    let base = range.start;
    // Look one grapheme past the range for the full-width context.
    let rest = &text[range.start..];
    // A range may end inside a character (a place being located): such a
    // range takes the general path.
    let segments = if text
        .get(range.clone())
        .is_some_and(|r| r.chars().all(is_simple))
    {
        Segments::Chars(rest.char_indices())
    } else {
        Segments::Graphemes(rest.grapheme_indices(true))
    };
    let mut graphemes = segments.peekable();
    let end = range.end;
    std::iter::from_fn(move || {
        let (offset, g) = graphemes.next()?;
        let start = base + offset;
        if start >= end {
            return None;
        }
        leading &= g.chars().all(char::is_whitespace);
        let show = if leading {
            ""
        } else if let Some(safe) = sanitize::shown(g) {
            safe
        } else if opts.fullwidth_punct
            && let Some(full) = fullwidth(g)
            && (is_chinese(prev) || is_chinese(graphemes.peek().map(|&(_, n)| n)))
        {
            full
        } else if opts.fullwidth_punct
            && g == "\""
            && (is_chinese(prev) || is_chinese(graphemes.peek().map(|&(_, n)| n)))
            && let Some(curly) = curly_quote(&text[..start])
        {
            curly
        } else if opts.traditional
            && let Some(c) = g.chars().next()
            && c.len_utf8() == g.len()
            && let Some(t) = crate::text::script::traditional(c)
        {
            t
        } else if opts.simplified
            && let Some(c) = g.chars().next()
            && c.len_utf8() == g.len()
            && let Some(s) = crate::text::script::simplified_glyph(c)
        {
            s
        } else {
            g
        };
        prev = Some(g);
        Some(Glyph {
            start,
            end: start + g.len(),
            show,
            width: show.width(),
        })
    })
}

/// A character that is a whole grapheme whatever stands around it, and is
/// shown as written: printable ASCII and Latin-1, CJK ideographs, CJK and
/// full-width punctuation. Chinese text is almost all of these; for a run
/// of them the glyphs are the characters, without the cost of grapheme
/// segmentation (which a frame would otherwise pay on every line).
fn is_simple(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{FF}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{203E}'
        | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

/// Graphemes with their offsets: by grapheme segmentation, or, for a run
/// of [simple](is_simple) characters, character by character.
enum Segments<'a> {
    Chars(std::str::CharIndices<'a>),
    Graphemes(unicode_segmentation::GraphemeIndices<'a>),
}

impl<'a> Iterator for Segments<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        match self {
            Segments::Chars(chars) => {
                let rest = chars.as_str();
                let (offset, c) = chars.next()?;
                Some((offset, &rest[..c.len_utf8()]))
            }
            Segments::Graphemes(graphemes) => graphemes.next(),
        }
    }
}

/// Display width of `text` in cells, as [`glyphs`] shows it.
pub fn display_width(text: &str, opts: DisplayOptions) -> usize {
    glyphs(text, opts).map(|g| g.width).sum()
}

/// Display width of a label, leading spaces included (see [`truncate`]).
pub fn label_width(text: &str, opts: DisplayOptions) -> usize {
    shown_glyphs(text, 0..text.len(), opts, false)
        .map(|g| g.width)
        .sum()
}

/// `text` (a label, shown whole: leading spaces too) in at most `width`
/// cells, ending in … if it was cut.
pub fn truncate(text: &str, width: usize, opts: DisplayOptions) -> String {
    let label = || shown_glyphs(text, 0..text.len(), opts, false);
    let mut out = String::new();
    let mut used = 0;
    let total: usize = label().map(|g| g.width).sum();
    if total <= width {
        return label().map(|g| g.show).collect();
    }
    let room = width.saturating_sub(1);
    for g in label() {
        if used + g.width > room {
            break;
        }
        used += g.width;
        out.push_str(g.show);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// [`truncate`] for a message: a cut inside a word of letters moves back
/// to the space before it (`— check t…` becomes `— check…`). Chinese has
/// no spaces and is cut where the room ends.
pub fn truncate_words(text: &str, width: usize, opts: DisplayOptions) -> String {
    let cut = truncate(text, width, opts);
    let Some(kept) = cut.strip_suffix('…') else {
        return cut;
    };
    // Shown glyphs stand for the text's characters one for one.
    let next = text.chars().nth(kept.chars().count());
    let inside_word = kept.ends_with(|c: char| c.is_alphanumeric() && c.is_ascii())
        && next.is_some_and(|c| c.is_alphanumeric() && c.is_ascii());
    match kept.rfind(' ') {
        // Not so far back that most of the room is lost.
        Some(space) if inside_word && space * 2 >= kept.len() => {
            format!("{}…", kept[..space].trim_end())
        }
        _ => cut,
    }
}

/// The end of `text` (a label) in at most `width` cells, starting with …
/// if the start was cut: for text before a hit, or a long query.
pub fn truncate_start(text: &str, width: usize, opts: DisplayOptions) -> String {
    if label_width(text, opts) <= width {
        return truncate(text, width, opts);
    }
    let glyphs: Vec<Glyph<'_>> = shown_glyphs(text, 0..text.len(), opts, false).collect();
    let mut used = 0;
    let mut start = glyphs.len();
    while start > 0 && used + glyphs[start - 1].width < width {
        start -= 1;
        used += glyphs[start].width;
    }
    let mut out = String::from(if width > 0 { "…" } else { "" });
    out.extend(glyphs[start..].iter().map(|g| g.show));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, opts: DisplayOptions) -> String {
        glyphs(text, opts).map(|g| g.show).collect()
    }

    const RAW: DisplayOptions = DisplayOptions {
        fullwidth_punct: false,
        traditional: false,
        simplified: false,
    };

    /// Inside Chinese, half-width brackets and straight quotes are shown
    /// full-width and curly (the display option); in Latin text they stay.
    #[test]
    fn brackets_and_quotes_inside_chinese() {
        let full = DisplayOptions::default();
        assert_eq!(
            shown("办法(试行)》(以下简称", full),
            "办法（试行）》（以下简称"
        );
        assert_eq!(shown("他说\"好！\"然后", full), "他说“好！”然后");
        assert_eq!(
            shown("\"稳\"字当头，\"进\"字为先", full),
            "“稳”字当头，“进”字为先"
        );
        assert_eq!(shown("say \"hi\" (twice)", full), "say \"hi\" (twice)");
        assert_eq!(shown("办法(试行)", RAW), "办法(试行)");
    }

    #[test]
    fn messages_are_cut_between_words() {
        let message = "bookmark not saved: the state file is locked — check the disk";
        assert_eq!(
            truncate_words(message, 55, RAW),
            "bookmark not saved: the state file is locked — check…"
        );
        assert_eq!(truncate_words(message, 100, RAW), message);
        // Chinese has no spaces: cut where the room ends.
        assert_eq!(truncate_words("没有找到党支部", 9, RAW), "没有找到…");
    }

    #[test]
    fn widths_are_terminal_cells() {
        assert_eq!(display_width("看报", RAW), 4);
        assert_eq!(display_width("CPI上涨5.1%", RAW), 11);
        assert_eq!(display_width("e\u{301}", RAW), 1, "combining mark");
        assert_eq!(display_width("👍", RAW), 2);
        assert_eq!(display_width("👨‍👩‍👧", RAW), 2, "ZWJ sequence is one glyph");
    }

    #[test]
    fn glyphs_cover_the_text() {
        let text = "\u{3000}\u{3000}一\t二\u{1b}[31m三\u{200b}";
        let mut at = 0;
        for g in glyphs(text, RAW) {
            assert_eq!(g.start, at);
            at = g.end;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn simple_characters_are_their_own_graphemes() {
        // Every simple character, each followed by every kind of neighbour
        // a simple run can meet: the fast path must cut as segmentation does.
        let simple: String = (0x20u32..0x1_0000)
            .filter_map(char::from_u32)
            .filter(|&c| is_simple(c))
            .collect();
        let text = format!("{simple}e\u{301}一\u{fe0f}\r\n");
        let fast: Vec<(usize, &str)> = Segments::Chars(simple.char_indices()).collect();
        let slow: Vec<(usize, &str)> = simple.grapheme_indices(true).collect();
        assert_eq!(fast, slow);
        let whole: Vec<Glyph> = glyphs(&text, RAW).collect();
        let by_graphemes: Vec<(usize, usize)> = text
            .grapheme_indices(true)
            .map(|(i, g)| (i, i + g.len()))
            .collect();
        let got: Vec<(usize, usize)> = whole.iter().map(|g| (g.start, g.end)).collect();
        assert_eq!(got, by_graphemes);
    }

    #[test]
    fn leading_whitespace_is_not_shown_and_tabs_expand() {
        assert_eq!(shown("\u{3000}\u{3000}正文", RAW), "正文");
        assert_eq!(shown("a\tb", RAW), "a    b");
    }

    #[test]
    fn truncation_counts_cells_and_adds_an_ellipsis() {
        assert_eq!(truncate("打一场祛除积弊", 8, RAW), "打一场…");
        assert_eq!(truncate("打一场祛除积弊", 7, RAW), "打一场…");
        assert_eq!(truncate("打一场", 6, RAW), "打一场");
        assert_eq!(truncate("打一场", 1, RAW), "…");
        assert_eq!(truncate("打一场", 0, RAW), "");
        assert_eq!(truncate(" 视点", 9, RAW), " 视点");
        assert_eq!(display_width(&truncate("a打b一场", 4, RAW), RAW), 4);
    }

    #[test]
    fn truncation_at_the_start_keeps_the_end() {
        assert_eq!(truncate_start("打一场祛除积弊", 7, RAW), "…除积弊");
        assert_eq!(truncate_start("打一场", 6, RAW), "打一场");
        assert_eq!(truncate_start("a打b一场c", 5, RAW), "…场c");
        assert_eq!(truncate_start("a打b一场c", 6, RAW), "…一场c");
    }

    #[test]
    fn a_range_is_shown_as_inside_the_whole() {
        let opts = DisplayOptions::default();
        let text = "\u{3000}社区,青石板";
        let whole: Vec<Glyph> = glyphs(text, opts).collect();
        let split = "\u{3000}社区".len();
        let parts: Vec<Glyph> = glyphs_in(text, 0..split, opts)
            .chain(glyphs_in(text, split..text.len(), opts))
            .collect();
        assert_eq!(whole, parts);
    }

    #[test]
    fn half_width_marks_inside_chinese_become_full_width() {
        let opts = DisplayOptions::default();
        assert_eq!(
            shown("社区,青石板!好?是:的;", opts),
            "社区，青石板！好？是：的；"
        );
        assert_eq!(shown("Hello, world! 12:30", opts), "Hello, world! 12:30");
        assert_eq!(shown("5.1万,", opts), "5.1万，");
        assert_eq!(shown("社区,青石板", RAW), "社区,青石板");
    }
}
