//! The researcher's commands as scripts see them: `--kwic` aligned in
//! cells, sorted each way, as TSV and CSV that a CSV reader reads back;
//! `--freq` on the bundled page and `--freq=WORD --by page` on a folder.

use std::process::{Command, Output};

use unicode_width::UnicodeWidthStr;

fn kanbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

/// A page mixing widths: Chinese, Latin letters, digits, full-width forms.
const MIXED: &str = "混排测试\n\n\
    在5G网络时代,党支部建设要跟上。\n\n\
    ＡＢＣ公司的党支部很活跃。\n\n\
    Apple Inc的党支部test一下。\n\n\
    党支部开头的段落。\n";

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        Dir {
            dir: tempfile::Builder::new()
                .prefix("kanbao-research-")
                .tempdir()
                .expect("temp dir"),
        }
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("dirs");
        }
        std::fs::write(&path, text).expect("write");
        path.display().to_string()
    }

    fn path(&self) -> String {
        self.dir.path().display().to_string()
    }
}

#[test]
fn kwic_aligns_hits_in_cells_whatever_the_widths() {
    let dir = Dir::new();
    let page = dir.file("mixed.txt", MIXED);
    let text = stdout(&kanbao(&["--kwic", "党支部", "--context", "6", &page]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    let hit_at = |l: &str| l[..l.find("党支部").expect("hit")].width();
    let source_at = |l: &str| l[..l.find("mixed.txt").expect("source")].width();
    for l in &lines {
        assert_eq!(hit_at(l), hit_at(lines[0]), "hits in one column:\n{text}");
        assert_eq!(
            source_at(l),
            source_at(lines[0]),
            "sources in one column:\n{text}"
        );
    }
    assert!(
        lines[1].contains("ＡＢＣ公司的  党支部  很活跃。"),
        "{text}"
    );
    assert!(lines[0].contains("G网络时代,  党支部"), "{text}");
    assert!(
        lines[3].trim_start().starts_with("党支部  开头的段落"),
        "{text}"
    );
}

fn column(text: &str, k: usize) -> Vec<String> {
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').nth(k).unwrap_or("").to_owned())
        .collect()
}

#[test]
fn kwic_sorts_by_source_left_and_right() {
    let dir = Dir::new();
    let page = dir.file(
        "sorted.txt",
        "排序\n\n乙党支部丙。\n\n甲党支部乙。\n\n丙党支部甲。\n",
    );
    let run = |sort: &str| {
        stdout(&kanbao(&[
            "--kwic",
            "党支部",
            "--sort",
            sort,
            "--format",
            "tsv",
            &page,
        ]))
    };
    assert_eq!(column(&run("source"), 0), ["乙", "甲", "丙"]);
    // Code-point order: 丙 (U+4E19) < 乙 (U+4E59) < 甲 (U+7532).
    assert_eq!(column(&run("right"), 2), ["丙。", "乙。", "甲。"]);
    assert_eq!(column(&run("left"), 0), ["丙", "乙", "甲"]);
}

#[test]
fn kwic_tsv_and_csv_read_back_field_for_field() {
    let dir = Dir::new();
    let page = dir.file(
        "quoted.txt",
        "引号\n\n他说\"党支部,很好\",又说党支部\t好。\n",
    );
    let want = [
        ["他说\"", "党支部", ",很好\",又说党支部"],
        ["党支部,很好\",又说", "党支部", " 好。"],
    ];
    // TSV quotes a field holding a `"`, as the csv crate's TSV reader
    // expects.
    for (format, delimiter, quoting) in [("csv", b',', true), ("tsv", b'\t', true)] {
        let text = stdout(&kanbao(&[
            "--kwic",
            "党支部",
            "--context",
            "10",
            "--format",
            format,
            &page,
        ]));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .quoting(quoting)
            .from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .expect("a header")
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(
            header,
            kanbao::export::KWIC_FIELDS.map(str::to_owned),
            "{format}"
        );
        let records: Vec<csv::StringRecord> =
            reader.records().collect::<Result<_, _>>().expect(format);
        assert_eq!(records.len(), 2, "{format}: {text}");
        for (record, want) in records.iter().zip(want) {
            assert_eq!(
                &record.iter().take(3).collect::<Vec<_>>(),
                &want,
                "{format}"
            );
            assert_eq!(&record[3], page, "{format}: the source");
            assert_eq!(&record[6], "", "no placeholder in data");
            assert_eq!(&record[7], "引号");
            assert_eq!(&record[8], "1", "the article's number");
        }
    }
}

#[test]
fn kwic_without_hits_exits_1() {
    let out = kanbao(&["--kwic", "不存在的词"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn word_frequencies_of_the_bundled_page() {
    let text = stdout(&kanbao(&["--freq", "--top", "30", "--format", "tsv"]));
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 30);
    let words: Vec<&str> = rows.iter().map(|r| r[1]).collect();
    assert!(words[..10].contains(&"党支部"), "{words:?}");
    let stop = stop_words::get("zh");
    for w in &words {
        assert!(w.chars().any(char::is_alphabetic), "punctuation: {w}");
        assert!(!w.chars().any(|c| c.is_ascii_digit()), "a number: {w}");
        assert!(!stop.contains(w), "a stop word: {w}");
    }
    // Counts fall; every count is at least its number of articles.
    let n = |s: &str| s.parse::<usize>().expect("a count");
    assert!(rows.windows(2).all(|w| n(w[0][2]) >= n(w[1][2])));
    assert!(rows.iter().all(|r| n(r[2]) >= n(r[3]) && n(r[3]) >= 1));
    let dang = rows.iter().find(|r| r[1] == "党支部").expect("党支部");
    assert_eq!((n(dang[2]), n(dang[3])), (21, 4), "as --search counts it");
}

#[test]
fn traditional_pages_are_cut_into_the_words_simplified_ones_are() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("hk.txt");
    std::fs::write(
        &page,
        "港大校長回應\n\n港大校長李國強前晚主動回應學生訴求。\n",
    )
    .expect("page");
    let page = page.to_str().expect("UTF-8 path");
    let text = stdout(&kanbao(&["--freq", "--format", "tsv", page]));
    let words: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    // As written, in the page's own script; jieba's dictionary is simplified.
    for word in ["校長", "李國強", "主動", "回應"] {
        assert!(words.contains(&word), "{word} in {words:?}");
    }
    for wrong in ["李國", "強前", "校长"] {
        assert!(!words.contains(&wrong), "{wrong} in {words:?}");
    }
    // TSV gives the simplified form too, where the word is written otherwise.
    let row = text
        .lines()
        .find(|l| l.split('\t').nth(1) == Some("校長"))
        .expect("校長's row");
    assert_eq!(row.split('\t').nth(4), Some("校长"), "{row}");
    let plain = stdout(&kanbao(&["--freq", "--format", "tsv", "--top", "3"]));
    assert!(
        plain.lines().skip(1).all(|l| l.ends_with('\t')),
        "empty where alike: {plain}"
    );
    // Whole words: 校長 is one.
    let hits = stdout(&kanbao(&["--search", "校長", "--word", page]));
    assert_eq!(hits.lines().count(), 2, "{hits}");
    let keywords = stdout(&kanbao(&["--outline", "--keywords", page]));
    assert!(
        keywords.contains("李國強"),
        "keywords as written: {keywords}"
    );
}

#[test]
fn frequencies_as_aligned_text() {
    let text = stdout(&kanbao(&["--freq", "--top", "5"]));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("rank  word"), "{text}");
    assert!(lines[0].ends_with("count  articles"), "{text}");
    assert_eq!(lines.len(), 6);
    let count_end = |l: &str| {
        let cut = l.trim_end().rfind(' ').expect("columns");
        l[..cut].trim_end().width()
    };
    assert!(
        lines.iter().all(|l| count_end(l) == count_end(lines[0])),
        "{text}"
    );
}

#[test]
fn given_words_counted_page_by_page_in_a_folder() {
    let dir = Dir::new();
    dir.file("20190201/01.txt", "要闻\n\n党支部开会。党支部学习。\n");
    dir.file("20190201/02.txt", "评论\n\n脱贫攻坚。\n");
    dir.file("20190202/01.txt", "要闻\n\n黨支部與脱贫攻坚。\n");
    let text = stdout(&kanbao(&[
        "--freq=党支部,脱贫攻坚",
        "--by",
        "page",
        "--format",
        "tsv",
        &dir.path(),
    ]));
    assert_eq!(
        text,
        "page\t党支部\t脱贫攻坚\n\
         2019-02-01 p1\t2\t0\n\
         2019-02-01 p2\t0\t1\n\
         2019-02-02 p1\t1\t1\n"
    );
    let by_article = stdout(&kanbao(&[
        "--freq=党支部",
        "--by",
        "article",
        "--format",
        "csv",
        &dir.path(),
    ]));
    assert_eq!(
        by_article.lines().next(),
        Some("article,page,column,title,党支部")
    );
    assert_eq!(by_article.lines().count(), 4);
}

#[test]
fn research_flags_where_they_do_nothing_are_refused() {
    for args in [
        &["--context", "5", "--outline"][..],
        &["--sort", "left", "--search", "党"],
        &["--top", "5", "--freq=党支部", "--by", "page"],
        &["--by", "page", "--freq"],
        &["--freq=党支部"],
        &["--kwic", "党", "--format", "markdown"],
        &["--print", "1", "--format", "csv"],
    ] {
        let out = kanbao(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("see --help"), "{args:?}: {err}");
    }
}

#[test]
fn a_whole_day_in_one_file_gives_each_hit_its_page() {
    let dir = Dir::new();
    let day = dir.file(
        "2019-02-01.txt",
        "第01版\n\n要闻\n\n党支部开会。\n\n\n\n第02版\n\n评论\n\n又见党支部。\n",
    );
    let text = stdout(&kanbao(&["--kwic", "党支部", "--format", "tsv", &day]));
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    let dated: Vec<(&str, &str)> = rows.iter().map(|r| (r[4], r[5])).collect();
    assert_eq!(dated, [("2019-02-01", "1"), ("2019-02-01", "2")], "{text}");
    let aligned = stdout(&kanbao(&["--kwic", "党支部", &day]));
    assert!(
        aligned
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("2019-02-01 p2")),
        "{aligned}"
    );
}

#[test]
fn an_archive_counted_by_date_and_cut_to_a_range_of_dates() {
    let dir = Dir::new();
    dir.file("2019/02/01/01.txt", "要闻\n\n党支部开会。党支部学习。\n");
    dir.file("2019/02/01/02.txt", "评论\n\n脱贫攻坚。\n");
    dir.file("2019/02/02/01.txt", "要闻\n\n黨支部與脱贫攻坚。\n");
    dir.file("notes.txt", "说明\n\n没有日期的党支部。\n");
    let by_date = kanbao(&[
        "--freq=党支部,脱贫攻坚",
        "--by",
        "date",
        "--format",
        "tsv",
        "--since",
        "20190201",
        &dir.path(),
    ]);
    assert_eq!(
        stdout(&by_date),
        "date\t党支部\t脱贫攻坚\n2019-02-01\t2\t1\n2019-02-02\t1\t1\n"
    );
    let err = String::from_utf8_lossy(&by_date.stderr);
    assert!(err.contains("1 page without a date in its name"), "{err}");
    let until = stdout(&kanbao(&[
        "--outline",
        "--until",
        "2019-02-01",
        &dir.path(),
    ]));
    assert!(
        until.contains("要闻") && until.contains("评论") && !until.contains("2019/02/02"),
        "{until}"
    );
    let none = kanbao(&["--outline", "--since", "2020-01-01", &dir.path()]);
    assert_eq!(none.status.code(), Some(2));
    let bad = kanbao(&["--outline", "--since", "2019-02-30", &dir.path()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a date"));
}
