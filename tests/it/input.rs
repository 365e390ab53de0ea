//! Real-world input: encodings, directories, standard input, bad files and
//! hostile content.

use crate::common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{SAMPLE, Scratch, scratch};
use encoding_rs::{BIG5, GB18030, GBK, UTF_16BE, UTF_16LE};
use kanbao::message::Msg;
use kanbao::page::load::decode;

fn dir(name: &str) -> Scratch {
    scratch(&format!("input-{name}"))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path.display().to_string()
}

fn kanbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .output()
        .expect("runs")
}

fn outline(args: &[&str]) -> (String, String, Option<i32>) {
    let out = kanbao(&[&["--outline"], args].concat());
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

const FIRST_TITLE: &str = "打一场祛除积弊自我净化的整风仗";

#[test]
fn utf16_with_boms() {
    let d = dir("utf16");
    for (name, enc, bom) in [
        ("le.txt", UTF_16LE, &b"\xFF\xFE"[..]),
        ("be.txt", UTF_16BE, &b"\xFE\xFF"[..]),
    ] {
        let mut bytes = bom.to_vec();
        for unit in SAMPLE.encode_utf16() {
            let pair = if enc == UTF_16LE {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        let (text, err, code) = outline(&[&write(&d, name, &bytes)]);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert!(text.contains(FIRST_TITLE), "{name}");
        assert!(err.is_empty(), "a BOM needs no warning: {err}");
    }
}

#[test]
fn utf8_with_bom_and_every_line_end() {
    let d = dir("utf8");
    let crlf = SAMPLE.replace('\n', "\r\n");
    let cr = SAMPLE.replace('\n', "\r");
    let with_bom = [&b"\xEF\xBB\xBF"[..], SAMPLE.as_bytes()].concat();
    let expected = outline(&[]).0;
    for (name, bytes) in [
        ("bom.txt", with_bom.as_slice()),
        ("crlf.txt", crlf.as_bytes()),
        ("cr.txt", cr.as_bytes()),
    ] {
        let (text, err, code) = outline(&[&write(&d, name, bytes)]);
        assert_eq!((code, err.as_str()), (Some(0), ""), "{name}");
        assert_eq!(text, expected, "{name}");
    }
}

#[test]
fn chinese_legacy_encodings_are_detected() {
    let d = dir("legacy");
    let expected = outline(&[]).0;
    for (name, enc) in [
        ("gb18030.txt", GB18030),
        ("gbk.txt", GBK),
        ("big5.txt", BIG5),
    ] {
        let (bytes, _, unmappable) = enc.encode(SAMPLE);
        if unmappable {
            // Big5 lacks some simplified characters; it is still detected.
            let (out, err, code) = outline(&[&write(&d, name, &bytes)]);
            assert_eq!(code, Some(0), "{name}: {err}");
            assert!(
                err.contains("Big5") || err.contains("big5"),
                "{name}: {err}"
            );
            assert!(!out.is_empty());
            continue;
        }
        let (out, err, code) = outline(&[&write(&d, name, &bytes)]);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert_eq!(out, expected, "{name}");
        assert!(
            err.contains("read as gb18030") || err.contains("read as GBK"),
            "{name}: {err}"
        );
    }
}

#[test]
fn gb2312_subset_text_decodes_as_gbk_family() {
    // GB2312 is a subset of GBK: a page in it reads the same.
    let page =
        "视点\n\n打一场整风仗\n\n□本报记者 陈春艳\n\n全区公安机关牢牢把握公安姓党的政治属性。\n";
    let (bytes, _, _) = GBK.encode(page);
    let loaded = decode("gb2312.txt", bytes.into_owned(), None).expect("decodes");
    assert_eq!(loaded.text, page);
    assert!(loaded.warning.expect("guessed").contains("detected"));
}

#[test]
fn encoding_override() {
    let d = dir("override");
    let (bytes, _, _) = GBK.encode(SAMPLE);
    let path = write(&d, "gbk.txt", &bytes);
    let (out, err, code) = outline(&["--encoding", "gbk", &path]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert!(out.contains(FIRST_TITLE));
    // Forcing the wrong encoding: replaced characters, and a warning.
    let (_, err, code) = outline(&["--encoding", "utf-8", &path]);
    assert_eq!(code, Some(0));
    assert!(
        err.contains("undecodable") && err.contains("--encoding"),
        "{err}"
    );
    let (_, err, code) = outline(&["--encoding", "klingon", &path]);
    assert_eq!(code, Some(2));
    assert!(err.contains("unknown encoding \"klingon\""), "{err}");
}

#[test]
fn mostly_utf8_with_a_bad_byte_warns() {
    let bytes = [SAMPLE.as_bytes(), b"\xff\n"].concat();
    let loaded = decode("bad.txt", bytes, None).expect("decodes");
    assert!(loaded.text.contains(FIRST_TITLE));
    assert!(loaded.warning.expect("warns").contains("1 undecodable"));
}

#[test]
fn a_stray_byte_does_not_flip_a_chinese_page_to_a_western_encoding() {
    let (gbk, _, _) = GBK.encode(SAMPLE);
    let mut bytes = gbk.into_owned();
    let at = bytes.len() / 2;
    let at = at - at % 2;
    bytes.insert(at, 0x9b);
    let loaded = decode("stray.txt", bytes, None).expect("decodes");
    let warning = loaded.warning.expect("guessed");
    assert!(warning.contains("gb18030"), "{warning}");
    assert!(loaded.text.contains(FIRST_TITLE));
}

#[test]
fn a_short_page_with_a_stray_byte_stays_chinese() {
    for text in [
        "视点\n\n打一场整风仗。\n",
        "视点\n\n打一场祛除积弊自我净化的整风仗\n\n本报记者 陈春艳\n",
    ] {
        let (gbk, _, _) = GBK.encode(text);
        for at in [0, 4, gbk.len()] {
            let mut bytes = gbk.clone().into_owned();
            bytes.insert(at, 0xff);
            let loaded = decode("short.txt", bytes, None).expect("decodes");
            let warning = loaded.warning.expect("guessed");
            assert!(warning.contains("gb18030"), "{warning}");
            assert!(loaded.text.contains("整风仗"), "{}", loaded.text);
        }
    }
}

#[test]
fn a_page_half_utf8_half_gbk_reads_line_by_line() {
    let half = SAMPLE.len() / 2;
    let cut = SAMPLE.as_bytes()[half..]
        .iter()
        .position(|&b| b == b'\n')
        .expect("a line")
        + half
        + 1;
    let (first, rest) = SAMPLE.split_at(cut);
    let (gbk, _, _) = GBK.encode(rest);
    let bytes = [first.as_bytes(), &gbk].concat();
    let loaded = decode("mixed.txt", bytes, None).expect("decodes");
    assert_eq!(loaded.text, SAMPLE);
    assert!(loaded.warning.expect("said").contains("GB18030"));
}

#[test]
fn utf16_without_a_bom_is_recognised() {
    for (enc, bytes) in [
        (
            UTF_16LE,
            SAMPLE
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            UTF_16BE,
            SAMPLE.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        let loaded = decode("utf16.txt", bytes, None).expect("not binary");
        assert_eq!(loaded.text, SAMPLE, "{}", enc.name());
        assert!(loaded.warning.expect("guessed").contains(enc.name()));
    }
    assert!(decode("bin", vec![0, 1, 2, 0, 0, 0, 0xff, 0], None).is_err());
}

#[test]
fn directories_in_natural_order() {
    let d = dir("issue");
    for name in [
        "page10.txt",
        "page2.txt",
        "page1.txt",
        "notes.pdf",
        ".hidden.txt",
    ] {
        let title = name.trim_end_matches(".txt");
        write(
            &d,
            name,
            format!("要闻\n\n{title}标题\n\n正文一段。\n").as_bytes(),
        );
    }
    let (out, err, code) = outline(&[&d.display().to_string()]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let titles: Vec<&str> = out.lines().filter(|l| l.contains("标题")).collect();
    assert_eq!(
        titles,
        ["  1. page1标题", "  2. page2标题", "  3. page10标题"]
    );
    assert!(out.contains("page1.txt ==") && !out.contains("pdf") && !out.contains("hidden"));
}

#[test]
fn a_bad_file_in_a_directory_is_a_warning() {
    let d = dir("mixed");
    write(&d, "01版.txt", SAMPLE.as_bytes());
    write(&d, "02版.txt", b"");
    write(&d, "03版.txt", b"\x7fELF\0\0\0");
    let (out, err, code) = outline(&[&d.display().to_string()]);
    assert_eq!(code, Some(0));
    assert!(out.contains(FIRST_TITLE));
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.contains("02版.txt: the file is empty")
            && err.contains("03版.txt: looks like a binary")
    );
}

#[test]
fn size_limit() {
    let d = dir("size");
    let path = write(&d, "page.txt", SAMPLE.as_bytes());
    let (_, err, code) = outline(&["--max-size", "1K", &path]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("limit of 1024 bytes") && err.contains(&path),
        "{err}"
    );
    let (out, _, code) = outline(&["--max-size", "1M", &path]);
    assert_eq!(code, Some(0));
    assert!(out.contains(FIRST_TITLE));
}

#[test]
fn size_limit_holds_for_files_without_a_size() {
    // /dev/zero and a FIFO report size 0: the limit must hold on the
    // read (/dev/zero is known as binary by its first bytes, sooner).
    let (_, err, code) = outline(&["--max-size", "1M", "/dev/zero"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("/dev/zero: looks like a binary file"), "{err}");
    let d = dir("fifo");
    let fifo = d.join("page.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped the FIFO: mkfifo is not available");
        return;
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&fifo) {
                let chunk = "是".repeat(4096);
                while f.write_all(chunk.as_bytes()).is_ok() {}
            }
        })
    };
    let (_, err, code) = outline(&["--max-size", "1M", &fifo.display().to_string()]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("larger than the limit"), "{err}");
    let _ = writer.join();
}

#[test]
fn standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--search", "规定动作", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawns");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(SAMPLE.as_bytes())
        .expect("writes");
    let out = child.wait_with_output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("(stdin):29: 视点 › "));
}

/// A page full of things that must never reach a terminal raw.
fn hostile_page() -> String {
    let mut page = String::from(
        "视点\n\n标题\u{1b}[31m红色\u{1b}[0m\u{9b}31m\n\n□本报记者 \u{1b}]52;c;ZWNobyBoaQ==\u{7}陈\n\n",
    );
    page.push_str("正文\u{1b}]8;;http://example.invalid\u{1b}\\链接\u{1b}]8;;\u{1b}\\，还有\u{202e}反向\u{202c}与\u{200b}零宽\u{85}下一行\u{7f}。\n\n");
    page
}

#[test]
fn hostile_content_never_reaches_the_terminal_raw() {
    let d = dir("hostile");
    let path = write(&d, "hostile.txt", hostile_page().as_bytes());
    for args in [
        vec!["--outline"],
        vec!["--print", "1", "--width", "30"],
        vec!["--search", "正文"],
    ] {
        let out = kanbao(&[&args[..], &[path.as_str()]].concat());
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let bytes = &out.stdout;
        assert!(!bytes.contains(&0x1b), "{args:?} printed ESC");
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains('\u{9b}') && !text.contains('\u{85}') && !text.contains('\u{202e}'),
            "{args:?}"
        );
        assert!(
            !text.contains('\u{7}') && !text.contains('\u{7f}'),
            "{args:?}"
        );
    }
    // JSON keeps the text exactly, escaped.
    let out = kanbao(&["--json", &path]);
    assert!(!out.stdout.contains(&0x1b));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let title = doc["pages"][0]["columns"][0]["articles"][0]["title"]
        .as_str()
        .expect("title");
    assert!(
        title.contains('\u{1b}'),
        "the model keeps the text as written"
    );
}

#[test]
fn huge_lines_blank_floods_and_punctuation_only_pages() {
    use kanbao::layout::{ArticleLayout, LayoutOptions};
    use kanbao::page::parse;
    let ten_mb_line: String = "一二三四五，六七八九十。".repeat(10 * 1024 * 1024 / 36);
    let blanks = format!("标题\n{}正文。\n", "\n".repeat(100_000));
    let punctuation = "，。、；：？！……——（）《》“”\n\n".repeat(1000);
    for (name, text) in [
        ("line", ten_mb_line),
        ("blanks", blanks),
        ("punct", punctuation),
    ] {
        let page = parse(name, text.as_str(), None);
        let article = page
            .columns
            .iter()
            .flat_map(|c| c.articles.iter())
            .next()
            .expect("an article");
        let layout = ArticleLayout::new(article, 80, LayoutOptions::default(), &[]);
        assert!(!layout.lines.is_empty(), "{name}");
        assert!(layout.lines.iter().all(|l| l.line.cells() <= 80), "{name}");
    }
}

#[test]
fn no_escape_byte_from_the_page_reaches_the_rendered_buffer() {
    use kanbao::action::Action;
    use kanbao::app::App;
    use kanbao::layout::LayoutOptions;
    use kanbao::page::{Issue, parse};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let page = parse("hostile.txt", hostile_page().as_str(), None);
    let mut app = App::new(
        Issue { pages: vec![page] },
        60,
        20,
        LayoutOptions::default(),
    );
    let mut terminal = Terminal::new(TestBackend::new(60, 20)).expect("terminal");
    for action in [
        None,
        Some(Action::StartPageSearch),
        Some(Action::InsertChar('正')),
        Some(Action::SubmitSearch),
    ] {
        if let Some(action) = action {
            app.update(action);
        }
        terminal.draw(|f| kanbao::ui::draw(f, &app)).expect("draws");
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            let symbol = cell.symbol();
            assert!(
                !symbol.contains([
                    '\u{1b}', '\u{9b}', '\u{7}', '\u{85}', '\u{202e}', '\u{200b}'
                ]),
                "{symbol:?} reached the buffer"
            );
        }
    }
}

#[test]
fn the_reader_starts_on_the_first_page_and_gets_the_rest_in_the_background() {
    use kanbao::page::Source;
    use kanbao::page::load::LoadOptions;
    let d = dir("loader");
    let good = write(&d, "02版.txt", SAMPLE.as_bytes());
    let bad = write(&d, "03版.txt", b"");
    let sources = vec![
        Ok(Source::File(d.join("01版-missing.txt"))),
        Ok(Source::File(good.clone().into())),
        Ok(Source::File(bad.into())),
        Ok(Source::File(good.clone().into())),
    ];
    let (tx, rx) = std::sync::mpsc::channel();
    let first = kanbao::loader::open(sources, LoadOptions::default(), tx).expect("a page opens");
    assert_eq!(first.issue.pages.len(), 1);
    assert_eq!(first.pending, 2);
    assert!(first.warnings[0].contains("01版-missing.txt: no such file"));
    let mut got = Vec::new();
    while let Ok(action) = rx.recv_timeout(std::time::Duration::from_secs(20)) {
        got.push(action);
    }
    assert!(matches!(&got[0], Msg::Notice(n) if n.contains("03版.txt: the file is empty")));
    // The key of remembered places covers every page that was read.
    let name = good.clone();
    let key = kanbao::state::input_key([(name.as_str(), SAMPLE), (name.as_str(), SAMPLE)]);
    assert!(
        matches!(&got[1], Msg::Identified(k) if *k == key),
        "{:?}",
        got[1]
    );
    let articles = match &got[2] {
        Msg::Refined(issue, seg) => {
            assert_eq!(issue.pages.len(), 2);
            assert!(seg.is_some());
            issue.articles().count()
        }
        other => panic!("expected the refined issue, got {other:?}"),
    };
    // Then every article's keywords, in batches.
    let mut keywords = 0;
    for action in &got[3..] {
        match action {
            Msg::Keywords(batch) => {
                assert!(batch.iter().all(|(_, words)| words.len() == 5));
                keywords += batch.len();
            }
            other => panic!("expected keywords, got {other:?}"),
        }
    }
    assert_eq!(keywords, articles);
}

#[test]
fn a_big_file_opens_from_its_first_region_before_it_is_read_whole() {
    use kanbao::page::Source;
    use kanbao::page::load::LoadOptions;
    let d = dir("bigfile");
    let copies = (2 << 20) / SAMPLE.len() + 1;
    let text = SAMPLE.repeat(copies);
    let path = write(&d, "issue.txt", text.as_bytes());
    let (tx, rx) = std::sync::mpsc::channel();
    let sources = vec![Ok(Source::File(path.clone().into()))];
    let first = kanbao::loader::open(sources, LoadOptions::default(), tx).expect("opens");
    assert!(first.partial && first.key.is_none());
    let shown = first.issue.articles().count();
    let whole = kanbao::page::Issue {
        pages: vec![kanbao::page::parse("issue.txt", text.as_str(), None)],
    }
    .articles()
    .count();
    assert!(
        shown > 0 && shown * 4 < whole,
        "{shown} of {whole} articles at first"
    );
    // The first region is a prefix of the file: its offsets are the file's.
    assert!(text.starts_with(&*first.issue.pages[0].text));
    let mut identified = None;
    let mut refined = None;
    while let Ok(msg) = rx.recv_timeout(std::time::Duration::from_secs(30)) {
        match msg {
            Msg::Identified(key) => identified = Some(key),
            Msg::Refined(issue, _) => refined = Some(issue.articles().count()),
            _ => {}
        }
    }
    assert_eq!(
        identified,
        Some(kanbao::state::input_key([(path.as_str(), text.as_str())]))
    );
    assert_eq!(refined, Some(whole));
}
