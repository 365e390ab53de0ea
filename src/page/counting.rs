//! Counting a block's visible characters (whitespace of every kind not
//! counted) — on every block, so cheaply and only as far as asked.

/// Has `text` more than `n` non-whitespace characters? Stops counting at
/// `n + 1`, so it is cheap on long body text.
pub(crate) fn more_chars_than(text: &str, n: usize) -> bool {
    text.len() > n && visible_chars(text, n + 1) > n
}

/// The non-whitespace characters of `text`, counted up to `cap`.
pub(crate) fn visible_chars(text: &str, cap: usize) -> usize {
    // It runs on every block, so it counts in branch-free chunks the
    // compiler vectorises: a character is counted at its first byte, less
    // the whitespace, which for non-ASCII is told by its three bytes.
    const CHUNK: usize = 128;
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut at = 0;
    while at < bytes.len() && count < cap {
        let end = (at + CHUNK).min(bytes.len());
        let next = |k: usize| &bytes[(at + k).min(end)..(end + k).min(bytes.len())];
        let (b1, b2) = (next(1), next(2));
        let full = at + b2.len();
        count += bytes[at..full]
            .iter()
            .zip(b1)
            .zip(b2)
            .fold(0u8, |n, ((&a, &b), &c)| {
                n + u8::from(starts_visible(a) & !wide_space(a, b, c))
            }) as usize;
        // The text's last two bytes, which have no two bytes after them.
        count += (full..end)
            .filter(|&i| text.is_char_boundary(i))
            .filter(|&i| text[i..].chars().next().is_some_and(|c| !c.is_whitespace()))
            .count();
        at = end;
    }
    count.min(cap)
}

/// Does byte `b` begin a character that is not ASCII whitespace?
fn starts_visible(b: u8) -> bool {
    (b as i8 >= -0x40) & !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Do the bytes `a b c` begin a non-ASCII whitespace character (U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
/// U+3000)?
fn wide_space(a: u8, b: u8, c: u8) -> bool {
    ((a == 0xc2) & ((b == 0x85) | (b == 0xa0)))
        | ((a == 0xe1) & (b == 0x9a) & (c == 0x80))
        | ((a == 0xe2) & (b == 0x80) & ((c <= 0x8a) | (c == 0xa8) | (c == 0xa9) | (c == 0xaf)))
        | ((a == 0xe2) & (b == 0x81) & (c == 0x9f))
        | ((a == 0xe3) & (b == 0x80) & (c == 0x80))
}

pub(crate) fn char_count(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn visible_chars_counts_what_is_not_whitespace(
            text in "[a \t\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}\u{202f}\u{205f}\u{3000}-\u{3002}中“”，\u{10000}]{0,400}",
            cap in 1usize..300,
        ) {
            let plain = text.chars().filter(|c| !c.is_whitespace()).count().min(cap);
            proptest::prop_assert_eq!(visible_chars(&text, cap), plain);
        }
    }
    #[test]
    fn counting_skips_whitespace_of_every_kind() {
        assert!(!more_chars_than("一 二\u{3000}三\u{a0}", 3));
        assert!(more_chars_than("一 二\u{3000}三四", 3));
        assert!(more_chars_than("abcd", 3));
        assert!(!more_chars_than("a\tb\nc", 3));
        assert!(more_chars_than("—é…€", 3));
    }
}
