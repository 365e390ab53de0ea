//! The command line as scripts see it: outputs, exit codes, error lines.

use std::path::PathBuf;
use std::process::{Command, Output};

fn kanbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("the binary runs")
}

/// A file in a directory of its own, both removed when dropped.
struct TempFile {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl std::ops::Deref for TempFile {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.path
    }
}

impl AsRef<std::path::Path> for TempFile {
    fn as_ref(&self) -> &std::path::Path {
        &self.path
    }
}

fn temp_file(name: &str, bytes: &[u8]) -> TempFile {
    let dir = tempfile::Builder::new()
        .prefix("kanbao-cli-")
        .tempdir()
        .expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("temp file");
    TempFile { _dir: dir, path }
}

const SAMPLE_OUTLINE: &str = "\
视点
  1. 打一场祛除积弊自我净化的整风仗 — 本报记者 陈春艳
观潮
  2. 为官不为者耻! — 宋爽
阵地
  3. 传承红色基因
红船初心
  4. 头雁引领 群雁齐飞 — 本报记者 陈春艳
  5. 马扎驿站 响起解读者声
  6. 画出民族团结最大同心圆 — 见习记者 郝佳丽
五化协同 大抓基层⑤
  7. 联学联创 聚合力 最强党支部 增活力 — 辛凤娟
";

#[test]
fn outline_of_the_bundled_page() {
    let out = kanbao(&["--outline"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), SAMPLE_OUTLINE);
}

#[test]
fn outline_numbers_across_files() {
    let sample = format!("{}/assets/sample-page.txt", env!("CARGO_MANIFEST_DIR"));
    let out = kanbao(&["--outline", &sample, &sample]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with(&format!("== {sample} ==\n")));
    assert!(text.contains("  14. 联学联创 聚合力 最强党支部 增活力 — 辛凤娟"));
}

#[test]
fn json_has_exactly_the_documented_shape() {
    let out = kanbao(&["--json"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("打一场祛除积弊"), "not ASCII-escaped");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&doc), ["pages"]);
    let page = &doc["pages"][0];
    assert_eq!(keys(page), ["columns", "source"]);
    assert_eq!(page["source"], "sample-page.txt");
    let col = &page["columns"][0];
    assert_eq!(keys(col), ["articles", "name"]);
    assert_eq!(col["name"], "视点");
    let art = &col["articles"][0];
    assert_eq!(
        keys(art),
        [
            "blocks", "byline", "date", "leadin", "lines", "number", "page", "subtitle", "title"
        ]
    );
    assert_eq!(art["byline"], "本报记者 陈春艳");
    let block = &art["blocks"][0];
    assert_eq!(keys(block), ["kind", "line", "text"]);
    assert_eq!(block["kind"], "paragraph");
    assert_eq!(block["line"], 9);
    assert!(page["columns"][2]["articles"][0]["byline"].is_null());
    let kinds: Vec<&str> = doc["pages"][0]["columns"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["articles"].as_array().into_iter().flatten())
        .flat_map(|a| a["blocks"].as_array().into_iter().flatten())
        .filter_map(|b| b["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"subheading") && kinds.contains(&"credit"));
}

/// Bad input: exit 2, one line on stderr that names the path, no panic.
fn assert_bad_input(path: &str, problem: &str) {
    let out = kanbao(&["--outline", path]);
    assert_eq!(out.status.code(), Some(2), "exit code for {path}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(path), "names the path: {err}");
    assert!(err.contains(problem), "says {problem:?}: {err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"));
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_file() {
    assert_bad_input("/nonexistent/page.txt", "no such file");
}

#[test]
fn empty_file() {
    let p = temp_file("empty.txt", b"");
    assert_bad_input(&p.display().to_string(), "empty");
    let p = temp_file("blank.txt", b"\n \r\n\t\n");
    assert_bad_input(&p.display().to_string(), "empty");
}

#[test]
fn binary_file() {
    let p = temp_file("binary.bin", b"\x7fELF\x02\x01\x01\0\0\0\0\0\x03\0>\0");
    assert_bad_input(&p.display().to_string(), "binary");
}

#[test]
fn directory_without_pages() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("photo.jpg"), b"\xff\xd8").expect("file");
    assert_bad_input(&dir.path().display().to_string(), "no page files");
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let p = temp_file("secret.txt", "视点".as_bytes());
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&p).is_ok() {
        // Running as root: permissions do not stop reads, nothing to test.
        return;
    }
    assert_bad_input(&p.display().to_string(), "permission denied");
}

#[test]
fn one_bad_file_among_good_ones_is_a_warning() {
    let sample = format!("{}/assets/sample-page.txt", env!("CARGO_MANIFEST_DIR"));
    let out = kanbao(&["--outline", &sample, "/nonexistent/b.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "kanbao: warning: /nonexistent/b.txt: no such file or directory — check the path"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), SAMPLE_OUTLINE);
    let out = kanbao(&["--outline", "/nonexistent/a.txt", "/nonexistent/b.txt"]);
    assert_eq!(out.status.code(), Some(2), "nothing could be read");
}

#[test]
fn modes_exclude_each_other() {
    let out = kanbao(&["--outline", "--json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_reader_refuses_a_pipe() {
    // Output captured: stdout is a pipe, not a terminal.
    let out = kanbao(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not one"), "{err}");
    assert!(
        err.contains("--print") && err.contains("--outline"),
        "suggests the script modes: {err}"
    );
    assert!(out.stdout.is_empty(), "nothing drawn");
}

#[test]
fn flags_that_do_not_apply_are_refused() {
    for args in [
        &["--word", "--outline"][..],
        &["--keywords", "--json"],
        &["--width", "40", "--outline"],
        &["--format", "markdown", "--json"],
        &["--no-restore", "--outline"],
        &["--word"],
    ] {
        let out = kanbao(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("goes with") || err.contains("applies to"),
            "{args:?}: {err}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn flags_refused_where_they_choose_nothing() {
    let sample = format!("{}/assets/sample-page.txt", env!("CARGO_MANIFEST_DIR"));
    for (args, said) in [
        (
            vec!["--search", "党", "--relevance", sample.as_str()],
            "one indexed folder",
        ),
        (
            vec!["--define", "看报", "--since", "2019-02-01"],
            "read none",
        ),
        (vec!["--words", "--until", "2019-02-01"], "read none"),
        (vec!["--freq=党", sample.as_str()], "--by date, page"),
    ] {
        let out = kanbao(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(said), "{args:?}: {err}");
    }
}

#[test]
fn a_reader_that_stops_reading_ends_the_output_quietly() {
    use std::io::Read;
    let page = include_str!("../../assets/sample-page.txt").repeat(300);
    let path = temp_file("big.txt", page.as_bytes());
    let path = path.display().to_string();
    for args in [
        &["--json", path.as_str()][..],
        &["--outline", path.as_str()],
        &["--search", "党", path.as_str()],
        &["--print", "1", "--width", "20", path.as_str()],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kanbao"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        let mut head = [0u8; 10];
        let mut stdout = child.stdout.take().expect("stdout");
        stdout.read_exact(&mut head).expect("some output");
        drop(stdout);
        let out = child.wait_with_output().expect("ends");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}

/// `--color always` paints the file, line number and hit as grep does;
/// piped (auto) and `never` write no escape at all; a hostile file name is
/// made safe inside the paint.
#[test]
fn search_colour_as_grep_has_it() {
    let painted = kanbao(&["--search", "党支部", "--color", "always"]);
    let text = String::from_utf8_lossy(&painted.stdout);
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("\u{1b}[35msample-page.txt\u{1b}[m"),
        "{first:?}"
    );
    assert!(first.contains("\u{1b}[01;31m党支部\u{1b}[m"), "{first:?}");
    for when in [&["--color", "never"][..], &[]] {
        let mut args = vec!["--search", "党支部"];
        args.extend_from_slice(when);
        let plain = kanbao(&args);
        assert!(!plain.stdout.contains(&0x1b), "{when:?}: an escape");
        assert_eq!(
            String::from_utf8_lossy(&plain.stdout).lines().count(),
            text.lines().count()
        );
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let hostile = dir.path().join("x\u{1b}]0;pwned\u{7}.txt");
    std::fs::write(&hostile, "标题\n\n党支部书记说。\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--search", "党支部", "--color", "always"])
        .arg(&hostile)
        .output()
        .expect("kanbao runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("x␛]0;pwned␇.txt"), "{text:?}");
    // Every escape that is left opens an SGR colour or resets one.
    for (i, _) in text.match_indices('\u{1b}') {
        assert!(text[i..].starts_with("\u{1b}["), "{text:?}");
    }
}

/// `--define` looks a word up in CC-CEDICT, in either script; a word it
/// lacks is shown by its parts; nothing at all exits 1.
#[test]
fn define_a_word() {
    let out = kanbao(&["--define", "教育"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("教育 [jiào yù]\n    to educate"), "{text}");
    let text = String::from_utf8_lossy(&kanbao(&["--define", "整頓"]).stdout).into_owned();
    assert!(text.contains("整顿 整頓 [zhěng dùn]"), "{text}");
    let text = String::from_utf8_lossy(&kanbao(&["--define", "党支部"]).stdout).into_owned();
    assert!(
        text.starts_with("党支部 [dǎng zhī bù] — not in the dictionary as one word"),
        "{text}"
    );
    assert!(text.contains("支部 [zhī bù]"), "{text}");
    let none = kanbao(&["--define", "xyz"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no entry of the dictionary"));
    let misplaced = kanbao(&["--define", "教育", "page.txt"]);
    assert_eq!(misplaced.status.code(), Some(2));
}

/// `--define` also finds a word by its reading — tone marks, tone
/// numbers or none — or by English in its definitions, commonest first,
/// and says when it shows only the first of many.
#[test]
fn define_by_reading_or_english() {
    let first = |args: &[&str]| {
        let out = kanbao(args);
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.lines().next().unwrap_or_default().to_owned()
    };
    for reading in ["xuéxí", "xue2xi2", "xue2 xi", "XUE XI2"] {
        assert_eq!(
            first(&["--define", reading]),
            "学习 學習 [xué xí]",
            "{reading}"
        );
    }
    // Letters alone may be English too: each kind under its heading.
    let text = String::from_utf8_lossy(&kanbao(&["--define", "xuexi"]).stdout).into_owned();
    assert!(text.starts_with("read so:\n学习 學習 [xué xí]\n"), "{text}");
    assert_eq!(first(&["--define", "da3"]), "打 [dǎ]");
    let many = kanbao(&["--define", "shi"]);
    let text = String::from_utf8_lossy(&many.stdout).into_owned();
    assert!(text.starts_with("read so:\n是 [shì]"), "{text}");
    let entries = text
        .lines()
        .filter(|l| !l.starts_with(" ") && !l.ends_with(":"));
    assert_eq!(entries.count(), 60);
    assert!(String::from_utf8_lossy(&many.stderr).contains("only the first 60"));
    let text = String::from_utf8_lossy(&kanbao(&["--define", "to learn"]).stdout).into_owned();
    assert!(text.starts_with("学 學 [xué]\n"), "{text}");
}

#[test]
fn json_carries_each_articles_number_place_and_lines() {
    let out = kanbao(&["--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let articles: Vec<&serde_json::Value> = json["pages"][0]["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .flat_map(|c| c["articles"].as_array().expect("articles"))
        .collect();
    assert_eq!(articles.len(), 7);
    for (i, a) in articles.iter().enumerate() {
        assert_eq!(a["number"], i + 1, "numbered as --outline numbers");
        let lines = a["lines"].as_array().expect("a line range");
        let (first, last) = (lines[0].as_u64().expect("n"), lines[1].as_u64().expect("n"));
        assert!(0 < first && first <= last, "{lines:?}");
        let blocks = a["blocks"].as_array().expect("blocks");
        for b in blocks {
            let line = b["line"].as_u64().expect("line");
            assert!(
                first <= line && line <= last,
                "a block stands in its article's lines"
            );
        }
        assert!(
            a["page"].is_null() && a["date"].is_null(),
            "the sample's name dates nothing"
        );
    }
}

#[test]
fn print_takes_ranges_lists_and_all() {
    let text = |args: &[&str]| String::from_utf8_lossy(&kanbao(args).stdout).into_owned();
    let one = |n: &str| text(&["--print", n, "--width", "40"]);
    let rule = format!("\n{}\n\n", "─".repeat(20));
    assert_eq!(
        text(&["--print", "2-3", "--width", "40"]),
        format!("{}{rule}{}", one("2"), one("3"))
    );
    assert_eq!(
        text(&["--print", "7,2", "--width", "40"]),
        format!("{}{rule}{}", one("7"), one("2"))
    );
    let all = text(&["--print", "all", "--width", "40"]);
    assert_eq!(all.matches(&rule).count(), 6);
    let markdown = text(&["--print", "1,2", "--format", "markdown"]);
    assert_eq!(markdown.matches("\n---\n\n").count(), 1);
    let out = kanbao(&["--print", "6-9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article 8"));
}

#[test]
fn explain_says_what_each_line_became_and_why() {
    let out = kanbao(&["--explain", "1"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("1. 打一场祛除积弊自我净化的整风仗"),
        "{text}"
    );
    let row = |label: &str, what: &str| {
        lines
            .iter()
            .find(|l| l.split_whitespace().nth(1) == Some(label) && l.contains(what))
            .copied()
    };
    let column = row("column", "视点").expect("the column's line");
    assert!(column.trim_start().starts_with("3 "), "{column}");
    let title = row("title", "打一场").expect("the title's line");
    assert!(title.contains("the page's first headline"), "{title}");
    assert!(row("byline", "陈春艳").is_some(), "{text}");
    assert!(row("subheading", "做好样子").is_some(), "{text}");
    // The paragraph the printed column cut, mended on at its second piece.
    let mended = row("paragraph", "道。").expect("the mended piece");
    assert!(mended.contains("mended on"), "{mended}");
    // Only article 1.
    assert!(!text.contains("为官不为者耻"), "{text}");
}

#[test]
fn explain_takes_ranges_and_all_and_refuses_what_is_not_there() {
    let all = kanbao(&["--explain"]);
    assert!(all.status.success());
    let text = String::from_utf8(all.stdout).expect("UTF-8");
    let heads = text
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .count();
    assert_eq!(heads, 7, "every article under its number:\n{text}");
    let two = String::from_utf8(kanbao(&["--explain", "2-3"]).stdout).expect("UTF-8");
    assert!(
        two.starts_with("2. 为官不为者耻") && two.contains("\n3. 传承红色基因"),
        "{two}"
    );
    let none = kanbao(&["--explain", "99"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("there is no article 99"));
    let misplaced = kanbao(&["--explain", "1", "--width", "40"]);
    assert_eq!(
        misplaced.status.code(),
        Some(2),
        "--width does nothing with --explain"
    );
}
