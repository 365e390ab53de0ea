//! What may reach a terminal. Every byte kanbao writes — page text on
//! screen, file names, keys, queries and messages on stdout and stderr —
//! passes through [`shown`], so a page or a file name cannot send an escape
//! sequence, reorder text with bidi controls, or hide characters.
//!
//! The rule, grapheme by grapheme:
//! - C0 controls and DEL are shown as their control pictures (␛, ␇, ␡), a
//!   tab as spaces; C1 controls as �;
//! - format characters (Unicode category Cf: zero-width spaces and joiners,
//!   bidi controls, the soft hyphen, tag characters, …) are not shown;
//! - the line and paragraph separators (U+2028, U+2029) are shown as a space;
//! - in a grapheme that carries one of these after its base (e\u{301}\u{200b},
//!   an emoji joined by U+200D) only the part before it is shown;
//! - a prepended format character (U+0600–0605, U+110BD, …), which makes
//!   one grapheme with the character after it, is dropped and that
//!   character shown: no visible character is ever lost to one.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Cells a tab takes: tab stops mean nothing inside a reflowed paragraph.
pub const TAB: &str = "    ";

/// Shown for a control character with no picture of its own.
pub const REPLACEMENT: &str = "�";

/// Control pictures (␀ … ␟, ␡) stand in for C0 controls and DEL.
const CONTROL_PICTURES: [&str; 33] = [
    "␀", "␁", "␂", "␃", "␄", "␅", "␆", "␇", "␈", "␉", "␊", "␋", "␌", "␍", "␎", "␏", "␐", "␑", "␒",
    "␓", "␔", "␕", "␖", "␗", "␘", "␙", "␚", "␛", "␜", "␝", "␞", "␟", "␡",
];

/// Format characters (Unicode 16, category Cf): never shown.
pub fn is_format(c: char) -> bool {
    // Most text (ASCII, CJK, full-width forms) lies where no format
    // character is: one comparison or two decide it.
    if c < '\u{AD}' || ('\u{2070}'..'\u{FEFF}').contains(&c) {
        return false;
    }
    matches!(c,
        '\u{00AD}'                      // soft hyphen
        | '\u{0600}'..='\u{0605}'       // Arabic number signs
        | '\u{061C}'                    // Arabic letter mark
        | '\u{06DD}' | '\u{070F}'
        | '\u{0890}'..='\u{0891}' | '\u{08E2}'
        | '\u{180E}'                    // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}'       // zero-width space, joiners, LRM, RLM
        | '\u{202A}'..='\u{202E}'       // bidi embeddings and overrides
        | '\u{2060}'..='\u{2064}'       // word joiner, invisible operators
        | '\u{2066}'..='\u{206F}'       // bidi isolates, deprecated formats
        | '\u{FEFF}'                    // BOM / zero-width no-break space
        | '\u{FFF9}'..='\u{FFFB}'       // interlinear annotation
        | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}' // tag characters
    )
}

/// Characters that never reach a terminal as they are.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_format(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// How the grapheme `g` is shown, or `None` where it is shown as written.
pub fn shown(g: &str) -> Option<&str> {
    let mut chars = g.char_indices();
    let (_, first) = chars.next()?;
    if g.len() == first.len_utf8() {
        return match first {
            '\t' => Some(TAB),
            '\u{0}'..='\u{1F}' => Some(CONTROL_PICTURES[first as usize]),
            '\u{7F}' => Some(CONTROL_PICTURES[32]),
            '\u{80}'..='\u{9F}' => Some(REPLACEMENT),
            '\u{2028}' | '\u{2029}' => Some(" "),
            c if is_format(c) => Some(""),
            _ => None,
        };
    }
    if first.is_control() {
        return Some(REPLACEMENT);
    }
    if is_unsafe(first) {
        // A prepended format character (U+0600, U+110BD, …) joins the
        // character after it into its grapheme: it goes, that one stays.
        let rest = g.trim_start_matches(is_unsafe);
        return Some(if rest.is_empty() {
            ""
        } else {
            shown(rest).unwrap_or(rest)
        });
    }
    chars.find(|&(_, c)| is_unsafe(c)).map(|(at, _)| &g[..at])
}

/// `text` as it may be written to a terminal (one line: a newline is shown
/// as ␊).
pub fn safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for g in text.graphemes(true) {
        out.push_str(shown(g).unwrap_or(g));
    }
    Cow::Owned(out)
}

/// Colours kanbao itself writes around text (grep's, for `--search`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// The file a hit is in.
    Source,
    /// The line number.
    Line,
    /// The separators between the fields.
    Separator,
    /// The hit.
    Hit,
}

/// `text` made [`safe`], in `paint`'s colour (SGR, reset after it): the
/// only escape sequences kanbao writes to stdout.
pub fn paint(text: &str, paint: Paint) -> String {
    let code = match paint {
        Paint::Source => "35",
        Paint::Line => "32",
        Paint::Separator => "36",
        Paint::Hit => "01;31",
    };
    format!("\x1b[{code}m{}\x1b[m", safe(text))
}

/// Output for stdout or stderr: every line made [`safe`], newlines and tabs
/// (the separators of TSV) kept.
pub fn safe_output(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && c != '\n' && c != '\t') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, field) in line.split('\t').enumerate() {
            if j > 0 {
                out.push('\t');
            }
            out.push_str(&safe(field));
        }
    }
    Cow::Owned(out)
}

/// JSON text with every character that [`is_unsafe`] (and that serde_json
/// leaves raw: DEL, C1, format characters) written as a `\u` escape, so
/// that the data stays exact and the bytes stay harmless.
pub fn escape_json(json: String) -> String {
    // Nearly always nothing to escape: the document is kept, not copied (a
    // page of 50 MB would otherwise be held twice).
    if !json
        .chars()
        .any(|c| is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r'))
    {
        return json;
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r') {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepended_format_characters_never_take_the_next_one() {
        for c in [
            '\u{600}',
            '\u{605}',
            '\u{6dd}',
            '\u{70f}',
            '\u{890}',
            '\u{891}',
            '\u{8e2}',
            '\u{110bd}',
            '\u{110cd}',
        ] {
            assert_eq!(
                safe(&format!("我{c}不同意")),
                "我不同意",
                "U+{:04X}",
                c as u32
            );
            assert_eq!(safe(&format!("{c}{c}a")), "a");
        }
    }

    proptest::proptest! {
        /// Every character that is not itself hidden is shown, whatever
        /// format characters stand around it.
        #[test]
        fn no_visible_character_is_lost(
            text in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::char::range('一', '龥'),
                    proptest::char::range('a', 'z'),
                    proptest::sample::select(vec![
                        '\u{600}', '\u{601}', '\u{605}', '\u{6dd}', '\u{70f}', '\u{890}',
                        '\u{8e2}', '\u{110bd}', '\u{110cd}', '\u{200b}', '\u{200d}',
                        '\u{202e}', '\u{2066}', '\u{feff}', '\u{ad}', '\u{e0041}',
                    ]),
                ],
                0..40,
            )
        ) {
            let text: String = text.into_iter().collect();
            let visible: String = text.chars().filter(|c| !is_unsafe(*c)).collect();
            proptest::prop_assert_eq!(safe(&text).into_owned(), visible);
        }
    }

    #[test]
    fn nothing_raw_reaches_the_terminal() {
        let text = "甲\u{1b}]52;c;aGk=\u{7}乙\u{9b}31m丙\u{202e}丁\u{7f}\u{200b}戊\u{0}";
        assert_eq!(safe(text), "甲␛]52;c;aGk=␇乙�31m丙丁␡戊␀");
    }

    #[test]
    fn format_characters_are_hidden_everywhere() {
        for c in [
            '\u{ad}',
            '\u{180e}',
            '\u{e0041}',
            '\u{e007f}',
            '\u{200d}',
            '\u{2066}',
        ] {
            let text = format!("a{c}b看{c}");
            let out = safe(&text);
            assert_eq!(out, "ab看", "{:04x}", c as u32);
        }
        assert_eq!(safe("一\u{2028}二\u{2029}三"), "一 二 三");
        assert_eq!(
            safe("👨\u{200d}👩\u{200d}👧"),
            "👨",
            "a joined emoji shows its first part"
        );
        assert_eq!(safe("e\u{301}"), "e\u{301}", "combining marks stay");
    }

    #[test]
    fn output_keeps_lines_and_fields() {
        assert_eq!(safe_output("a\tb\nc\u{1b}[2J\n"), "a\tb\nc␛[2J\n");
        assert_eq!(safe_output("plain\n"), "plain\n");
    }

    #[test]
    fn json_escapes_what_serde_leaves_raw() {
        let json = serde_json::to_string("a\u{9b}b\u{7f}\u{202e}\u{e0041}").unwrap_or_default();
        let out = escape_json(json.clone());
        assert_eq!(out, r#""a\u009bb\u007f\u202e\udb40\udc41""#);
        let back: String = serde_json::from_str(&out).unwrap_or_default();
        assert_eq!(back, "a\u{9b}b\u{7f}\u{202e}\u{e0041}");
    }
}
