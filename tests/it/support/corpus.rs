//! The development corpora (`../shared/corpus/`): real articles of two
//! papers with their true structure, read from xz-compressed JSON lines.

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
    /// The author line under the headline, where the corpus knows it
    /// (学习时报; People's Daily keeps its bylines among the paragraphs).
    #[serde(default)]
    pub byline: Option<String>,
    /// The kind of every paragraph, where the corpus knows it (学习时报):
    /// the same texts as `paras`, in order.
    #[serde(default)]
    pub blocks: Vec<Block>,
}

/// A paragraph with its kind, from the e-paper's markup.
#[derive(Debug, Clone, Deserialize)]
pub struct Block {
    /// paragraph, subheading, note or caption.
    pub kind: String,
    pub text: String,
    /// Whether the paper indented it.
    #[serde(default)]
    pub indent: bool,
}

impl Item {
    /// The day of the month, 1–31.
    pub fn day(&self) -> u32 {
        self.date[6..].parse().unwrap_or(0)
    }
}

/// Days for developing and tuning the parser (People's Daily).
pub const DEV_DAYS: std::ops::RangeInclusive<u32> = 1..=20;
/// Days kept for measuring only (People's Daily).
pub const HELD_OUT_DAYS: std::ops::RangeInclusive<u32> = 21..=27;

/// The papers of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// 人民日报, 1–27 February 2019.
    PeoplesDaily,
    /// 学习时报, July–August 2026.
    StudyTimes,
}

/// Which part of a paper's articles: the part to develop on, or the sealed
/// part, scored once when a change is finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Dev,
    Sealed,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::PeoplesDaily, Paper::StudyTimes];

    pub fn name(self) -> &'static str {
        match self {
            Paper::PeoplesDaily => "People's Daily",
            Paper::StudyTimes => "学习时报",
        }
    }

    fn file(self) -> &'static str {
        match self {
            Paper::PeoplesDaily => "rmrb-2019-02.jsonl.xz",
            Paper::StudyTimes => "xxsb-2026-07-08.jsonl.xz",
        }
    }

    /// Whether `item` is in `split`: People's Daily develops on days 1–20
    /// and seals 21–27; 学习时报 develops on July and seals August.
    pub fn holds(self, split: Split, item: &Item) -> bool {
        let sealed = match self {
            Paper::PeoplesDaily => HELD_OUT_DAYS.contains(&item.day()),
            Paper::StudyTimes => &item.date[4..6] != "07",
        };
        sealed == (split == Split::Sealed)
    }
}

/// Where the corpus is: the folder `$KANBAO_CORPUS` names (or the folder
/// of the file it names), else `../shared/corpus/` beside the project.
pub fn path_of(paper: Paper) -> PathBuf {
    let folder = std::env::var_os("KANBAO_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        |p| {
            let p = PathBuf::from(p);
            if p.is_file() {
                p.parent().map(PathBuf::from).unwrap_or_default()
            } else {
                p
            }
        },
    );
    folder.join(paper.file())
}

/// People's Daily's file.
pub fn path() -> PathBuf {
    path_of(Paper::PeoplesDaily)
}

/// Every article of People's Daily, or why it could not be read (a fresh
/// clone has no corpus beside it).
pub fn load() -> Result<Vec<Item>, String> {
    load_paper(Paper::PeoplesDaily)
}

/// Every article of `paper`, or why it could not be read.
pub fn load_paper(paper: Paper) -> Result<Vec<Item>, String> {
    let path = path_of(paper);
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
    paper_or_skip(Paper::PeoplesDaily)
}

/// [`load_or_skip`] for one paper.
pub fn paper_or_skip(paper: Paper) -> Option<Vec<Item>> {
    match load_paper(paper) {
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
    pages_where(items, |i| days.contains(&i.day()))
}

/// The pages of `paper` in `split`, as [`pages`] groups them.
pub fn split_pages(items: &[Item], paper: Paper, split: Split) -> Vec<Vec<Item>> {
    pages_where(items, |i| paper.holds(split, i))
}

fn pages_where(items: &[Item], keep: impl Fn(&Item) -> bool) -> Vec<Vec<Item>> {
    let mut chosen: Vec<&Item> = items
        .iter()
        .filter(|i| keep(i) && !i.paras.is_empty())
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
