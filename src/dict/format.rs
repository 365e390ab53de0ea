//! CC-CEDICT's line format (`TRADITIONAL SIMPLIFIED [pin1 yin1] /def/def/`)
//! and the tables that index it: each entry's line, and the entries in
//! order of headword. Plain `std`: `build.rs` includes this file to make
//! the bundled dictionary's tables once, at build time, and
//! `Dictionary::parse` makes a small one's at run time — the same way.

/// Byte ranges of one line's fields in the dictionary text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raw {
    pub traditional: (u32, u32),
    pub simplified: (u32, u32),
    pub pinyin: (u32, u32),
    pub definitions: (u32, u32),
}

/// Reads one line (starting at byte `base` of the text); `None` for a
/// comment or a line not in the format.
pub fn parse_line(line: &str, base: usize) -> Option<Raw> {
    if line.starts_with('#') {
        return None;
    }
    let at = |s: &str| (base + (s.as_ptr() as usize - line.as_ptr() as usize)) as u32;
    let range = |s: &str| (at(s), at(s) + s.len() as u32);
    let (traditional, rest) = line.split_once(' ')?;
    let (simplified, rest) = rest.split_once(' ')?;
    let rest = rest.strip_prefix('[')?;
    let (pinyin, rest) = rest.split_once(']')?;
    let definitions = rest.trim_start().strip_prefix('/')?.strip_suffix('/')?;
    Some(Raw {
        traditional: range(traditional),
        simplified: range(simplified),
        pinyin: range(pinyin),
        definitions: range(definitions),
    })
}

/// The text of a field.
pub fn slice(text: &str, (start, end): (u32, u32)) -> &str {
    text.get(start as usize..end as usize).unwrap_or("")
}

/// The entry at line start `line` of `text`.
pub fn entry_at(text: &str, line: u32) -> Option<Raw> {
    let rest = text.get(line as usize..)?;
    let end = rest.find('\n').unwrap_or(rest.len());
    parse_line(rest[..end].trim_end(), line as usize)
}

/// The headword an index key stands for: entry `key >> 1`'s simplified
/// form, or its traditional one when the low bit is set.
pub fn headword<'t>(text: &'t str, lines: &impl Fn(usize) -> u32, key: u32) -> &'t str {
    entry_at(text, lines((key >> 1) as usize)).map_or("", |raw| {
        slice(
            text,
            if key & 1 == 1 {
                raw.traditional
            } else {
                raw.simplified
            },
        )
    })
}

/// The tables of `text`: the start of each entry's line, and the index
/// keys (entry × 2, + 1 for its traditional form where that differs)
/// sorted by headword, then entry.
pub fn tables(text: &str) -> (Vec<u32>, Vec<u32>) {
    let mut lines = Vec::new();
    let mut keys = Vec::new();
    let mut at = 0usize;
    for line in text.split_inclusive('\n') {
        if let Some(raw) = parse_line(line.trim_end(), at) {
            let entry = lines.len() as u32;
            lines.push(at as u32);
            keys.push(entry << 1);
            if slice(text, raw.simplified) != slice(text, raw.traditional) {
                keys.push(entry << 1 | 1);
            }
        }
        at += line.len();
    }
    let line_of = |i: usize| lines[i];
    keys.sort_by_cached_key(|&k| (headword(text, &line_of, k), k >> 1));
    (lines, keys)
}
