//! The date and page number an input's name gives: archives name their
//! files and folders by date (20190201, 2019-02-01, 2019/02/01) and page
//! (06.txt, 20190201-06.txt, 第06版.txt), and a whole day in one file marks
//! its pages in the text (第06版, which the parser makes a column).

use super::model::{ArticleId, Issue};

/// A calendar date read from a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1800..=2200).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
}

/// Runs of ASCII digits in `s` with the separator (if any) after each.
fn digit_runs(s: &str) -> Vec<(&str, Option<char>)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let tail = &rest[start..];
        let len = tail
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(tail.len());
        out.push((&tail[..len], tail[len..].chars().next()));
        rest = &tail[len..];
    }
    out
}

/// The last date written in `name` (a path: a folder per year, month or
/// day is read too): `YYYYMMDD`, or year, month and day parted by `-`,
/// `_`, `.` or `/`.
pub fn date_in(name: &str) -> Option<Date> {
    last_date(&digit_runs(name)).map(|(date, _)| date)
}

/// The last date among digit runs, and the index of the run it ends on.
fn last_date(runs: &[(&str, Option<char>)]) -> Option<(Date, usize)> {
    let n = |s: &str| s.parse::<u32>().ok();
    let mut found = None;
    for (i, &(run, sep)) in runs.iter().enumerate() {
        if run.len() == 8 {
            if let Some(d) = Date::new(n(&run[..4])?, n(&run[4..6])?, n(&run[6..])?) {
                found = Some((d, i));
            }
        } else if run.len() == 4
            && let (Some((month, sep2)), Some((day, _))) = (runs.get(i + 1), runs.get(i + 2))
            && sep.is_some_and(|c| "-_./".contains(c))
            && sep == *sep2
            && (1..=2).contains(&month.len())
            && (1..=2).contains(&day.len())
            && let Some(d) = Date::new(n(run)?, n(month)?, n(day)?)
        {
            found = Some((d, i + 2));
        }
    }
    found
}

/// The page number a file's name gives, by explicit patterns only, at the
/// end of its stem: a bare number (`06.txt`), `p06` or `page06`, `06版`
/// or `第06版`, a separator and a number (`20190201-06`, `_06`) that is
/// not part of a date, or a section letter and a number (`A1`, `_a1`: page
/// 1). Suffixes after the stem that name an encoding or a format
/// (`.big5`, `.gb18030`, `.html`) are never read as pages.
pub fn page_in(name: &str) -> Option<u32> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let mut stem = file;
    // Dotted suffixes with a letter in them (txt, big5, gb18030, utf-8)
    // are the file's kind; all-digit ones belong to a date (2019.02.01).
    while let Some((before, suffix)) = stem.rsplit_once('.') {
        if !suffix.chars().any(|c| c.is_alphabetic()) || before.is_empty() {
            break;
        }
        stem = before;
    }
    let (stem, marked) = match stem.strip_suffix('版') {
        Some(s) => (s, true),
        None => (stem, false),
    };
    let digits = stem.len() - stem.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let (head, number) = stem.split_at(stem.len() - digits);
    let before = head.chars().next_back();
    let explicit = marked
        || match before {
            None => true,
            Some('-' | '_' | ' ') => {
                let runs = digit_runs(stem);
                let last = runs.len() - 1;
                last_date(&runs).is_none_or(|(_, end)| end != last)
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let word = head.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let letters = &head[word.len()..];
                letters.len() == 1 || letters.eq_ignore_ascii_case("page")
            }
            Some(_) => false,
        };
    explicit
        .then(|| number.parse().ok())
        .flatten()
        .filter(|&p| p > 0)
}

/// The page a page mark names (第06版 → 6).
pub fn page_of_mark(mark: &str) -> Option<u32> {
    let inner = mark.trim().strip_prefix('第')?.strip_suffix('版')?;
    inner.parse().ok()
}

/// Where an article was printed, as far as names and page marks tell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Printed {
    pub date: Option<Date>,
    pub page: Option<u32>,
}

/// Where every article of an issue was printed, worked out once: a page
/// of thousands of columns (a whole day in one file) must not be walked
/// back to its last page mark for every hit.
#[derive(Debug, Clone, Default)]
pub struct PrintedIndex {
    /// Per page: the date its name gives, and each column's page number.
    pages: Vec<(Option<Date>, Vec<Option<u32>>)>,
}

impl PrintedIndex {
    pub fn new(issue: &Issue) -> PrintedIndex {
        let pages = issue
            .pages
            .iter()
            .map(|page| {
                let named = page_in(&page.source);
                let mut mark = None;
                let columns = page
                    .columns
                    .iter()
                    .map(|c| {
                        if let Some(p) = c.name.as_ref().and_then(|n| page_of_mark(&n.text)) {
                            mark = Some(p);
                        }
                        mark.or(named)
                    })
                    .collect();
                (date_in(&page.source), columns)
            })
            .collect();
        PrintedIndex { pages }
    }

    /// The date and page of article `id`: from its page's name, or, in a
    /// whole day in one file, from the page mark that heads its column.
    pub fn get(&self, id: ArticleId) -> Printed {
        self.pages
            .get(id.page)
            .map_or(Printed::default(), |(date, columns)| Printed {
                date: *date,
                page: columns.get(id.column).copied().flatten(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(name: &str) -> Option<String> {
        date_in(name).map(|d| d.to_string())
    }

    #[test]
    fn dates_from_every_naming() {
        assert_eq!(iso("20190201.txt").as_deref(), Some("2019-02-01"));
        assert_eq!(iso("rmrb/20190201/06.txt").as_deref(), Some("2019-02-01"));
        assert_eq!(iso("2019-02-01/06.txt").as_deref(), Some("2019-02-01"));
        assert_eq!(
            iso("archive/2019/02/01/06.txt").as_deref(),
            Some("2019-02-01")
        );
        assert_eq!(iso("2019_2_1-page3.txt").as_deref(), Some("2019-02-01"));
        assert_eq!(iso("20190230.txt"), None, "no 30 February");
        assert_eq!(iso("20200229.txt").as_deref(), Some("2020-02-29"));
        assert_eq!(iso("page06.txt"), None);
        assert_eq!(iso("12345678.txt"), None);
        assert_eq!(iso("2019-02/01.txt"), None, "mixed separators");
    }

    #[test]
    fn pages_from_file_names() {
        assert_eq!(page_in("20190201/06.txt"), Some(6));
        assert_eq!(page_in("20190201-06.txt"), Some(6));
        assert_eq!(page_in("page12.txt"), Some(12));
        assert_eq!(page_in("第05版.txt"), Some(5));
        assert_eq!(page_in("20190201.txt"), None, "a date is not a page");
        assert_eq!(page_in("2019-02-01.txt"), None);
        assert_eq!(page_in("sample-page.txt"), None);
        assert_eq!(
            page_in("2019-02-01_a1.big5.txt"),
            Some(1),
            "big5 is an encoding"
        );
        assert_eq!(page_in("2019-02-01_p06.gb18030.txt"), Some(6));
        assert_eq!(page_in("A12.txt"), Some(12));
        assert_eq!(page_in("rmrb_06.html.txt"), Some(6));
        assert_eq!(page_in("mp3.txt"), None, "a word with a number is no page");
        assert_eq!(page_in("report2.txt"), None);
        assert_eq!(page_in("2019.02.01.txt"), None);
        assert_eq!(page_of_mark("第01版"), Some(1));
        assert_eq!(page_of_mark("视点"), None);
    }
}
