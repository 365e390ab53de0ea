//! Simplified ↔ traditional, character by character, from OpenCC's data
//! (ferrous-opencc, Apache-2.0). Character by character, so a page shown
//! in the other script keeps every offset: hits, the word cursor and
//! reading places stay where they are. (A character with two traditional
//! forms takes its commonest: 发 → 發, also where 髮 was meant.) Search
//! folds through a table made from OpenCC's data ahead of time
//! (`simplified.rs`); showing a page in traditional characters builds its
//! map from OpenCC on first use (about 10 ms).

use std::collections::HashMap;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

use super::simplified::TO_SIMPLIFIED;

/// The characters the maps cover: CJK Extension A and the unified block.
const FIRST: char = '\u{3400}';
const LAST: char = '\u{9FFF}';

struct Maps {
    /// Simplified → traditional, for display (a &'static str, as a glyph
    /// shows one).
    traditional: HashMap<char, &'static str>,
}

static MAPS: OnceLock<Maps> = OnceLock::new();

fn maps() -> &'static Maps {
    MAPS.get_or_init(build)
}

/// The characters [`TO_SIMPLIFIED`] has, as bits from [`FIRST`]: whether
/// a text needs folding at all is asked of every text a search reads.
static HAS_SIMPLIFIED: OnceLock<Vec<u64>> = OnceLock::new();

fn has_simplified() -> &'static [u64] {
    HAS_SIMPLIFIED.get_or_init(|| {
        let mut bits = vec![0u64; (LAST as usize - FIRST as usize) / 64 + 1];
        for &(c, _) in &TO_SIMPLIFIED {
            if (FIRST..=LAST).contains(&c) {
                let i = c as usize - FIRST as usize;
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        bits
    })
}

/// Builds the display map now (it is built on first use otherwise).
pub fn load() {
    maps();
}

fn convert(config: BuiltinConfig) -> Vec<(char, String)> {
    let Ok(cc) = OpenCC::from_config(config) else {
        return Vec::new();
    };
    // One character a line: OpenCC converts each alone, not as a phrase.
    let chars: String = (FIRST..=LAST).flat_map(|c| [c, '\n']).collect();
    let out = cc.convert(&chars);
    (FIRST..=LAST)
        .zip(out.lines())
        .filter(|(c, t)| t.chars().count() == 1 && !t.starts_with(*c))
        .map(|(c, t)| (c, t.to_owned()))
        .collect()
}

fn build() -> Maps {
    let to_traditional = convert(BuiltinConfig::S2t);
    // One allocation for every traditional form, kept for the process: a
    // glyph borrows its text.
    let all: &'static str = Box::leak(
        to_traditional
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<String>()
            .into_boxed_str(),
    );
    let mut traditional = HashMap::with_capacity(to_traditional.len());
    let mut at = 0;
    for (c, t) in &to_traditional {
        traditional.insert(*c, &all[at..at + t.len()]);
        at += t.len();
    }
    Maps { traditional }
}

/// The traditional form of `c`, where it has another.
pub fn traditional(c: char) -> Option<&'static str> {
    if !(FIRST..=LAST).contains(&c) {
        return None;
    }
    maps().traditional.get(&c).copied()
}

/// Where `c` stands in [`TO_SIMPLIFIED`], if it has a simplified form.
fn simplified_index(c: char) -> Option<usize> {
    if !(FIRST..=LAST).contains(&c) {
        return None;
    }
    // Most characters have no other form: the bits say so at once, before
    // the table is searched.
    let i = c as usize - FIRST as usize;
    if has_simplified()[i / 64] & (1 << (i % 64)) == 0 {
        return None;
    }
    TO_SIMPLIFIED.binary_search_by_key(&c, |&(t, _)| t).ok()
}

/// The simplified form of `c`, where it has another.
pub fn simplified(c: char) -> Option<char> {
    simplified_index(c).map(|i| TO_SIMPLIFIED[i].1)
}

/// Every simplified form of [`TO_SIMPLIFIED`] as text, in its order, and
/// where each starts: a glyph shows a `&'static str`.
static SIMPLIFIED_TEXT: OnceLock<(String, Vec<usize>)> = OnceLock::new();

/// The simplified form of `c` as a glyph shows it, where it has another.
pub fn simplified_glyph(c: char) -> Option<&'static str> {
    let i = simplified_index(c)?;
    let (text, starts) = SIMPLIFIED_TEXT.get_or_init(|| {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(TO_SIMPLIFIED.len() + 1);
        for &(_, s) in &TO_SIMPLIFIED {
            starts.push(text.len());
            text.push(s);
        }
        starts.push(text.len());
        (text, starts)
    });
    text.get(starts[i]..starts[i + 1])
}

/// Is `text` written in traditional characters: do characters with a
/// simplified form make more than one in twenty of its first 64 KB of
/// ideographs? (A simplified page holds one now and then: 乾隆, 著.)
pub fn mostly_traditional(text: &str) -> bool {
    let sample = &text[..text.floor_char_boundary(64 << 10)];
    let (mut han, mut traditional) = (0usize, 0usize);
    for c in sample.chars().filter(|c| (FIRST..=LAST).contains(c)) {
        han += 1;
        traditional += usize::from(simplified(c).is_some());
    }
    traditional * 20 > han && traditional >= 2
}

/// [`TO_SIMPLIFIED`] the other way round, sorted by the simplified form:
/// the traditional characters that fold to each.
static FOLDED_FROM: OnceLock<Vec<(char, char)>> = OnceLock::new();

/// The traditional characters that fold to `c` (党: 黨; 发: 發, 髮).
pub fn traditional_forms(c: char) -> impl Iterator<Item = char> {
    let from = FOLDED_FROM.get_or_init(|| {
        let mut v: Vec<(char, char)> = TO_SIMPLIFIED.iter().map(|&(t, s)| (s, t)).collect();
        v.sort_unstable();
        v
    });
    let first = from.partition_point(|&(s, _)| s < c);
    from[first..]
        .iter()
        .take_while(move |&&(s, _)| s == c)
        .map(|&(_, t)| t)
}

/// Does `text` hold a character with another simplified form (so that a
/// search must fold it)?
pub fn has_traditional(text: &str) -> bool {
    let bits = has_simplified();
    text.chars().any(|c| {
        (FIRST..=LAST).contains(&c) && {
            let i = c as usize - FIRST as usize;
            bits[i / 64] & (1 << (i % 64)) != 0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_s_traditional_forms() {
        assert_eq!(traditional_forms('党').collect::<Vec<_>>(), ['黨']);
        let fa: Vec<char> = traditional_forms('发').collect();
        assert!(fa.contains(&'發') && fa.contains(&'髮'), "{fa:?}");
        assert!(fa.iter().all(|&t| simplified(t) == Some('发')));
        assert_eq!(traditional_forms('支').count(), 0);
    }

    #[test]
    fn both_ways_character_by_character() {
        assert_eq!(traditional('党'), Some("黨"));
        assert_eq!(traditional('党').map(str::len), Some(3));
        assert_eq!(simplified('黨'), Some('党'));
        assert_eq!(simplified('頓'), Some('顿'));
        assert_eq!(traditional('支'), None, "the same in both");
        assert_eq!(traditional('a'), None);
        assert!(has_traditional("中國共產黨") && !has_traditional("党支部 abc"));
    }

    #[test]
    fn the_folding_table_is_opencc_s() {
        let opencc: Vec<(char, char)> = convert(BuiltinConfig::T2s)
            .into_iter()
            .filter_map(|(c, s)| s.chars().next().map(|s| (c, s)))
            .collect();
        assert_eq!(
            TO_SIMPLIFIED.as_slice(),
            opencc.as_slice(),
            "cargo run --example script_table > src/text/simplified.rs"
        );
    }
}
