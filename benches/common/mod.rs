//! Inputs for the benchmarks: the bundled page and large variations of it.
#![allow(dead_code)]

pub const SAMPLE: &str = include_str!("../../assets/sample-page.txt");

/// About `bytes` of page text: the sample repeated, each copy varied so
/// that no two are alike (numbered titles, CRLF on odd copies, a
/// line-per-paragraph copy every third time).
pub fn large_input(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + SAMPLE.len());
    let mut copy = 0usize;
    while out.len() < bytes {
        let mut page = SAMPLE.replace("整风仗", &format!("整风仗（之{copy}）"));
        page = page.replace("7月9日", &format!("{}月{}日", copy % 12 + 1, copy % 28 + 1));
        if copy % 3 == 2 {
            page = page
                .lines()
                .filter(|l| !l.is_empty())
                .map(|l| {
                    if l.chars().count() > 40 {
                        format!("\u{3000}\u{3000}{l}\n")
                    } else {
                        format!("{l}\n")
                    }
                })
                .collect();
        }
        if copy % 2 == 1 {
            page = page.replace('\n', "\r\n");
        }
        out.push_str(&page);
        out.push_str("\n\n\n");
        copy += 1;
    }
    out
}
