//! CC-CEDICT writes pinyin with tone numbers (`zhi1 bu4`); readers want
//! tone marks (zhī bù). The mark goes on a, or e, or the o of ou, else on
//! the last vowel; u: and v are ü; tone 5 (neutral) has no mark.

/// One syllable with its tone number made a mark: `zhong1` → `zhōng`.
/// Anything that is not a pinyin syllable (a letter name, a punctuation
/// mark) comes back as written.
pub fn syllable(numbered: &str) -> String {
    let (body, tone) = match numbered.chars().last() {
        Some(d @ '1'..='5') => (&numbered[..numbered.len() - 1], d as u8 - b'0'),
        _ => return numbered.replace("u:", "ü").replace('v', "ü"),
    };
    let body = body.replace("u:", "ü").replace("U:", "Ü").replace('v', "ü");
    if tone == 5 {
        return body;
    }
    let chars: Vec<char> = body.chars().collect();
    let lower: Vec<char> = chars.iter().map(|c| c.to_ascii_lowercase()).collect();
    let position = lower
        .iter()
        .position(|&c| c == 'a' || c == 'e')
        .or_else(|| lower.windows(2).position(|w| w == ['o', 'u']))
        .or_else(|| lower.iter().rposition(|c| "aeiouü".contains(*c)));
    let Some(at) = position else {
        return body;
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if i == at { marked(c, tone) } else { c })
        .collect()
}

/// A whole reading, syllable by syllable: `dang3 zhi1 bu4` → `dǎng zhī bù`.
pub fn marks(numbered: &str) -> String {
    numbered
        .split(' ')
        .map(syllable)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each vowel with its four tone marks.
const MARKS: [(char, [char; 4]); 12] = [
    ('a', ['ā', 'á', 'ǎ', 'à']),
    ('e', ['ē', 'é', 'ě', 'è']),
    ('i', ['ī', 'í', 'ǐ', 'ì']),
    ('o', ['ō', 'ó', 'ǒ', 'ò']),
    ('u', ['ū', 'ú', 'ǔ', 'ù']),
    ('ü', ['ǖ', 'ǘ', 'ǚ', 'ǜ']),
    ('A', ['Ā', 'Á', 'Ǎ', 'À']),
    ('E', ['Ē', 'É', 'Ě', 'È']),
    ('I', ['Ī', 'Í', 'Ǐ', 'Ì']),
    ('O', ['Ō', 'Ó', 'Ǒ', 'Ò']),
    ('U', ['Ū', 'Ú', 'Ǔ', 'Ù']),
    ('Ü', ['Ǖ', 'Ǘ', 'Ǚ', 'Ǜ']),
];

fn marked(vowel: char, tone: u8) -> char {
    MARKS
        .iter()
        .find(|(v, _)| *v == vowel)
        .map_or(vowel, |(_, marks)| marks[usize::from(tone - 1)])
}

/// A letter of pinyin as its lower-case base and the tone its mark gives
/// (0 for none): `é` is `('e', 2)`; ü, with a mark or not, is `v`.
pub fn letter(c: char) -> (char, u8) {
    for (base, marks) in MARKS {
        if let Some(i) = marks.iter().position(|&m| m == c) {
            let base = base.to_ascii_lowercase();
            return (
                if base == 'ü' || base == 'Ü' {
                    'v'
                } else {
                    base
                },
                i as u8 + 1,
            );
        }
    }
    match c {
        'ü' | 'Ü' => ('v', 0),
        _ => (c.to_ascii_lowercase(), 0),
    }
}

/// The tone of a syllable written with marks: 1–4, or 5 (neutral) for a
/// syllable without one.
pub fn tone_of(syllable: &str) -> u8 {
    syllable
        .chars()
        .map(|c| letter(c).1)
        .find(|&t| t > 0)
        .unwrap_or(5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_marks_go_where_pinyin_puts_them() {
        assert_eq!(marks("dang3 zhi1 bu4"), "dǎng zhī bù");
        assert_eq!(marks("jiao4 yu4"), "jiào yù");
        assert_eq!(marks("zheng3 dun4"), "zhěng dùn");
        assert_eq!(marks("gou3 lu:4"), "gǒu lǜ");
        assert_eq!(marks("nv3 er2"), "nǚ ér");
        assert_eq!(marks("liu2 xue2"), "liú xué");
        assert_eq!(marks("dou1 zou3"), "dōu zǒu");
        assert_eq!(marks("Bei3 jing1"), "Běi jīng");
        assert_eq!(marks("ma5 r5"), "ma r");
        assert_eq!(marks("G you3"), "G yǒu");
    }

    #[test]
    fn letters_and_tones_are_read_back_from_marks() {
        assert_eq!(letter('ǘ'), ('v', 2));
        assert_eq!(letter('Ā'), ('a', 1));
        assert_eq!(letter('x'), ('x', 0));
        assert_eq!(tone_of("zhōng"), 1);
        assert_eq!(tone_of("ma"), 5);
        assert_eq!(tone_of("lǜ"), 4);
    }
}
