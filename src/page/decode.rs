//! Bytes → text: BOMs, a forced encoding, UTF-8, or a detected legacy
//! encoding (GB18030/GBK and others), with a warning whenever the result
//! was guessed or lossy.

use crate::text::plural::counted;
use encoding_rs::{BIG5, Encoding, GB18030, UTF_16BE, UTF_16LE};

use crate::text::punct::is_han;

use super::error::LoadError;

/// The encoding an `--encoding` name stands for.
pub fn encoding_for(name: &str) -> Result<&'static Encoding, LoadError> {
    Encoding::for_label(name.trim().as_bytes())
        .ok_or_else(|| LoadError::UnknownEncoding(name.to_owned()))
}

/// A page's decoded text, and anything the reader should be told about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub name: String,
    pub text: String,
    pub warning: Option<String>,
}

/// Bytes → text. A BOM decides (UTF-8, UTF-16LE/BE); then `forced`; then
/// UTF-8 if the bytes are UTF-8; otherwise the encoding is detected, for
/// Chinese first (see [`detect`]), with a warning.
pub fn decode(
    name: &str,
    bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
) -> Result<Loaded, LoadError> {
    let bom = Encoding::for_bom(&bytes);
    let encoding = match (bom, forced) {
        (Some((enc, _)), _) | (None, Some(enc)) => enc,
        (None, None) if memchr::memchr(0, &bytes).is_some() => match utf16_without_bom(&bytes) {
            Some(enc) => return finish(name, &bytes, enc, true),
            None => {
                return Err(LoadError::Binary {
                    path: name.to_owned(),
                });
            }
        },
        // The common case: UTF-8, validated once (by SIMD: std's check
        // takes 30 ms on 20 MB of Chinese, this one 2 ms) and not copied.
        (None, None) => {
            if simdutf8::basic::from_utf8(&bytes).is_err() {
                return detect(name, &bytes);
            }
            // SAFETY: `bytes` was validated as UTF-8 just above and has
            // not changed since.
            let text = unsafe { String::from_utf8_unchecked(bytes) };
            return loaded(name, text, None);
        }
    };
    if forced.is_some_and(|e| e.is_ascii_compatible()) && memchr::memchr(0, &bytes).is_some() {
        return Err(LoadError::Binary {
            path: name.to_owned(),
        });
    }
    finish(name, &bytes, encoding, false)
}

fn loaded(name: &str, text: String, warning: Option<String>) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: name.to_owned(),
        });
    }
    Ok(Loaded {
        name: name.to_owned(),
        text,
        warning,
    })
}

/// Decodes with a chosen encoding; warns if that was a guess or lossy.
fn finish(
    name: &str,
    bytes: &[u8],
    encoding: &'static Encoding,
    guessed: bool,
) -> Result<Loaded, LoadError> {
    // decode() strips a BOM of the encoding it decodes.
    let (text, used, had_errors) = encoding.decode(bytes);
    let warning = if had_errors {
        let bad = text.matches('\u{FFFD}').count();
        let how = if guessed { "detected" } else { "as asked" };
        Some(format!(
            "{name}: read as {} ({how}); {} shown as � — try --encoding",
            used.name(),
            counted(
                bad,
                "undecodable byte sequence",
                "undecodable byte sequences"
            )
        ))
    } else if guessed {
        Some(format!(
            "{name}: read as {} (detected; --encoding overrides)",
            used.name()
        ))
    } else {
        None
    };
    loaded(name, text.into_owned(), warning)
}

/// Is a file that starts with `start` sure to be refused as binary
/// whatever follows? It holds a NUL where no encoding it may be in allows
/// one (decode's own rule, on the zeros' sides alone): `/dev/zero` is
/// known by its first bytes, not after reading a gigabyte of it.
pub(crate) fn binary_from_start(start: &[u8], forced: Option<&'static Encoding>) -> bool {
    if memchr::memchr(0, start).is_none() {
        return false;
    }
    match (Encoding::for_bom(start), forced) {
        (Some(_), None) => false,
        (_, Some(enc)) => enc.is_ascii_compatible(),
        (None, None) => zero_side(start).is_none(),
    }
}

/// The UTF-16 whose ASCII characters' zero bytes stand on one side of
/// `bytes`, if they do.
fn zero_side(bytes: &[u8]) -> Option<&'static Encoding> {
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
    }
    // Ideographs have zero low bytes too (U+4E00), so one side need only
    // hold most of the zeros.
    if odd >= 2 && even * 4 <= odd {
        Some(UTF_16LE)
    } else if even >= 2 && odd * 4 <= even {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// UTF-16 without a BOM, known by its zero bytes: the high byte of every
/// ASCII character (newlines, spaces, digits) is zero, on one side.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let encoding = zero_side(bytes)?;
    // Text, not binary that happens to have its zeros on one side: it
    // decodes cleanly and holds no other controls.
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    (!had_errors && controls * 100 <= text.chars().count()).then_some(encoding)
}

/// How well a decoding reads as Chinese: bad sequences, and CJK and
/// non-ASCII characters.
struct Reading {
    bad: usize,
    han: usize,
    non_ascii: usize,
}

fn reading(text: &str) -> Reading {
    let mut r = Reading {
        bad: 0,
        han: 0,
        non_ascii: 0,
    };
    for c in text.chars() {
        if c == '\u{FFFD}' {
            r.bad += 1;
        } else if !c.is_ascii() {
            r.non_ascii += 1;
            if is_han(c)
                || ('\u{3000}'..='\u{303F}').contains(&c)
                || ('\u{FF00}'..='\u{FFEF}').contains(&c)
            {
                r.han += 1;
            }
        }
    }
    r
}

/// Bytes that are not UTF-8. Chinese first: UTF-8 with a few bad bytes
/// stays UTF-8; a file whose lines are part UTF-8 and part GB18030 is read
/// line by line; a file GB18030 reads as Chinese is GB18030 (one stray
/// byte must not flip a GBK page to windows-1252); only then does the
/// detector's guess (Big5, Shift_JIS, windows-1252, …) decide.
fn detect(name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let as_utf8 = String::from_utf8_lossy(bytes);
    let u = reading(&as_utf8);
    if u.bad * 20 < u.non_ascii {
        let warning = format!(
            "{name}: read as UTF-8; {} shown as � — try --encoding",
            counted(
                u.bad,
                "undecodable byte sequence",
                "undecodable byte sequences"
            )
        );
        return loaded(name, as_utf8.into_owned(), Some(warning));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    if guess == BIG5 {
        return finish(name, bytes, guess, true);
    }
    if u.non_ascii > u.bad
        && let Some(text) = mixed_lines(bytes)
    {
        let warning = format!("{name}: lines in UTF-8 and in GB18030 — each read as its own");
        return loaded(name, text, Some(warning));
    }
    let (as_gb, _) = GB18030.decode_without_bom_handling(bytes);
    let g = reading(&as_gb);
    // One bad sequence in a hundred characters, and always one: a short
    // page with a single stray byte is still a Chinese page.
    if g.han > 0 && g.bad <= 1 + g.han / 100 && g.han * 10 >= g.non_ascii * 9 {
        return finish(name, bytes, GB18030, true);
    }
    finish(name, bytes, guess, true)
}

/// The text of a file whose lines are each UTF-8 or GB18030, if every line
/// reads cleanly as one of them and there are Chinese lines of both.
fn mixed_lines(bytes: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(bytes.len() * 3 / 2);
    let (mut utf8, mut gb) = (false, false);
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match std::str::from_utf8(line) {
            Ok(text) => {
                utf8 |= !text.is_ascii();
                out.push_str(text);
            }
            Err(_) => {
                let (text, had_errors) = GB18030.decode_without_bom_handling(line);
                if had_errors {
                    return None;
                }
                gb = true;
                out.push_str(&text);
            }
        }
    }
    (utf8 && gb).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_what_is_not_a_page() {
        assert!(matches!(
            decode("a", b"".to_vec(), None),
            Err(LoadError::Empty { .. })
        ));
        assert!(matches!(
            decode("a", b" \n\r\n".to_vec(), None),
            Err(LoadError::Empty { .. })
        ));
        assert!(matches!(
            decode("a", b"ab\0cd".to_vec(), None),
            Err(LoadError::Binary { .. })
        ));
        let page = decode("a", "\u{feff}视点".as_bytes().to_vec(), None).expect("UTF-8 with BOM");
        assert_eq!((page.text.as_str(), page.warning), ("视点", None));
    }
}
