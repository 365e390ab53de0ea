//! Bytes → text: BOMs, a forced encoding, UTF-8, or a detected legacy
//! encoding (GB18030/GBK and others), with a warning whenever the result
//! was guessed or lossy.

use encoding_rs::{Encoding, UTF_8};

use super::load::LoadError;

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
/// UTF-8 if the bytes are UTF-8; otherwise the encoding is detected
/// (GB18030/GBK and the other legacy encodings), with a warning.
pub fn decode(
    name: &str,
    bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
) -> Result<Loaded, LoadError> {
    let bom = Encoding::for_bom(&bytes);
    if bom.is_none()
        && forced.is_none_or(|e| e.is_ascii_compatible())
        && memchr::memchr(0, &bytes).is_some()
    {
        return Err(LoadError::Binary {
            path: name.to_owned(),
        });
    }
    let encoding = match (bom, forced) {
        (Some((enc, _)), _) | (None, Some(enc)) => enc,
        // The common case: UTF-8, validated once and not copied.
        (None, None) => match String::from_utf8(bytes) {
            Ok(text) if text.trim().is_empty() => {
                return Err(LoadError::Empty {
                    path: name.to_owned(),
                });
            }
            Ok(text) => {
                return Ok(Loaded {
                    name: name.to_owned(),
                    text,
                    warning: None,
                });
            }
            Err(e) => {
                let bytes = e.into_bytes();
                return finish(name, &bytes, detect(&bytes), true);
            }
        },
    };
    finish(name, &bytes, encoding, false)
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
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: name.to_owned(),
        });
    }
    let warning = if had_errors {
        let bad = text.matches('\u{FFFD}').count();
        Some(format!(
            "{name}: {bad} undecodable byte sequence(s) in {} shown as � — try --encoding",
            used.name()
        ))
    } else if guessed {
        Some(format!(
            "{name}: read as {} (detected; --encoding overrides)",
            used.name()
        ))
    } else {
        None
    };
    Ok(Loaded {
        name: name.to_owned(),
        text: text.into_owned(),
        warning,
    })
}

/// Guesses a legacy encoding. Mostly-UTF-8 text with a few bad bytes stays
/// UTF-8 (the bad bytes are replaced and reported).
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    let bad_utf8 = String::from_utf8_lossy(bytes).matches('\u{FFFD}').count();
    if bad_utf8 * 100 < bytes.len() / 3 {
        UTF_8
    } else {
        guess
    }
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
