//! The development corpus (`../shared/corpus/`): real articles with their
//! true structure, read from the xz-compressed JSON lines file.

use std::path::PathBuf;

use serde::Deserialize;

/// One article as the corpus gives it.
#[derive(Debug, Clone, Deserialize)]
pub struct Item {
    pub id: String,
    /// YYYYMMDD.
    pub date: String,
    pub page: u32,
    pub seq: u32,
    pub leadin: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
    pub paras: Vec<String>,
}

impl Item {
    /// The day of the month, 1–27.
    pub fn day(&self) -> u32 {
        self.date[6..].parse().unwrap_or(0)
    }
}

/// Days for developing and tuning the parser.
pub const DEV_DAYS: std::ops::RangeInclusive<u32> = 1..=20;
/// Days kept for measuring only.
pub const HELD_OUT_DAYS: std::ops::RangeInclusive<u32> = 21..=27;

/// Where the corpus is: `$KANBAO_CORPUS`, else `../shared/corpus/` beside
/// the project.
pub fn path() -> PathBuf {
    std::env::var_os("KANBAO_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/rmrb-2019-02.jsonl.xz"),
        PathBuf::from,
    )
}

/// Every article of the corpus, or why it could not be read (a fresh clone
/// has no corpus beside it).
pub fn load() -> Result<Vec<Item>, String> {
    let path = path();
    let file = std::fs::File::open(&path).map_err(|e| {
        format!(
            "{}: {e} (set KANBAO_CORPUS to the corpus file)",
            path.display()
        )
    })?;
    let mut json = Vec::new();
    lzma_rs::xz_decompress(&mut std::io::BufReader::new(file), &mut json)
        .map_err(|e| format!("{}: not an xz file: {e:?}", path.display()))?;
    let text = String::from_utf8(json).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

/// The corpus for a test that needs it: without it the test says why and
/// passes — except under CI, which always has it.
pub fn load_or_skip() -> Option<Vec<Item>> {
    match load() {
        Ok(items) => Some(items),
        Err(why) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: the development corpus is not here: {why}");
            None
        }
        Err(why) => panic!("CI must have the development corpus: {why}"),
    }
}

/// The articles of the given days, grouped by (date, page), in page order
/// and, within a page, in printed order. Ad slots (no paragraphs) are left
/// out: a dump has nothing of them but the word 广告.
pub fn pages(items: &[Item], days: std::ops::RangeInclusive<u32>) -> Vec<Vec<Item>> {
    let mut chosen: Vec<&Item> = items
        .iter()
        .filter(|i| days.contains(&i.day()) && !i.paras.is_empty())
        .collect();
    chosen.sort_by(|a, b| (&a.date, a.page, a.seq).cmp(&(&b.date, b.page, b.seq)));
    let mut pages: Vec<Vec<Item>> = Vec::new();
    for item in chosen {
        match pages.last_mut() {
            Some(page) if page[0].date == item.date && page[0].page == item.page => {
                page.push(item.clone())
            }
            _ => pages.push(vec![item.clone()]),
        }
    }
    pages
}
