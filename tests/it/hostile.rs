//! Security: hostile file and directory names, page text, configuration
//! keys, queries, bookmark names and history go through every mode — and
//! the reader in a real terminal — and nothing on stdout or stderr may hold
//! a C0 control other than newline and tab, DEL, a C1 control, or a bidi
//! or invisible format character. In the reader, whose own drawing is made
//! of escape sequences, no sequence may come from the input: no OSC (title,
//! clipboard), no DCS, no raw C1, no format character.

use crate::tmux;

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use tmux::{Tmux, wait_until};

/// Every kind of byte that must not reach a terminal raw.
const PAYLOAD: &str = "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;aGk=\u{7}\u{9b}31m\u{7f}\u{202e}\u{200b}\u{feff}\u{ad}\u{e0041}\u{2028}\u{200d}\u{180e}";

/// The characters the rule forbids in script output (newline and tab are
/// the only controls allowed).
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c,
            '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}')
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| forbidden(c)) {
        let from = text[..at]
            .char_indices()
            .rev()
            .nth(30)
            .map_or(0, |(i, _)| i);
        panic!(
            "{what}: U+{:04X} reaches the terminal near {:?}",
            c as u32,
            &text[from..(at + 40).min(text.len())]
        );
    }
}

/// A home for the reader, removed when dropped.
fn home(name: &str) -> tempfile::TempDir {
    let dir = tmux::home(&format!("hostile-{name}"));
    std::fs::create_dir_all(dir.path().join("config/kanbao")).expect("temp dir");
    dir
}

/// A configuration whose keys, names and values carry the payload.
fn hostile_config(home: &Path) {
    let toml_escape = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_graphic() || c == ' ' {
                    c.to_string()
                } else if (c as u32) > 0xFFFF {
                    format!("\\U{:08X}", c as u32)
                } else {
                    format!("\\u{:04X}", c as u32)
                }
            })
            .collect()
    };
    let p = toml_escape(PAYLOAD);
    let config = format!(
        "theme = \"{p}\"\n\"{p}\" = 1\n[keys]\nnext_article = \"{p}\"\n\"{p}\" = \"j\"\nprev_article = [\"\\u009B\", \"x{p}\"]\n"
    );
    std::fs::write(home.join("config/kanbao/config.toml"), config).expect("config");
}

/// A directory with a hostile name holding hostile pages.
fn hostile_input(home: &Path) -> PathBuf {
    let mut name = OsString::from("dir");
    name.push(PAYLOAD);
    let dir = home.join(name);
    std::fs::create_dir_all(&dir).expect("dir");
    let page = format!(
        "视点{PAYLOAD}\n\n打一场整风仗{PAYLOAD}\n\n□本报记者 陈春艳{PAYLOAD}\n\n全区公安机关{PAYLOAD}牢牢把握公安姓党的政治属性。\n"
    );
    let mut file = OsString::from("01版");
    file.push(PAYLOAD);
    file.push(".txt");
    std::fs::write(dir.join(file), &page).expect("page");
    // Files that can only be warned about: empty, binary, non-UTF-8 name.
    let mut empty = OsString::from("02版");
    empty.push(PAYLOAD);
    empty.push(".txt");
    std::fs::write(dir.join(empty), "").expect("empty");
    std::fs::write(
        dir.join(OsString::from_vec(b"03\x9b\xff.txt".to_vec())),
        b"a\0b",
    )
    .expect("binary");
    dir
}

/// The readable page of the hostile directory.
fn the_page(dir: &Path) -> PathBuf {
    std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("01版"))
        .expect("the page")
}

fn kanbao(home: &Path, args: &[OsString]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .output()
        .expect("kanbao runs")
}

#[test]
fn no_mode_writes_a_raw_control_or_format_character() {
    let home_dir = home("modes");
    let home = home_dir.path().to_owned();
    hostile_config(&home);
    let dir = hostile_input(&home);
    let file = the_page(&dir);
    let query = format!("公安{PAYLOAD}");
    let o = |s: &str| OsString::from(s);
    let runs: Vec<Vec<OsString>> = vec![
        vec![o("--outline"), dir.clone().into()],
        vec![o("--outline"), o("--keywords"), dir.clone().into()],
        vec![o("--json"), dir.clone().into()],
        vec![o("--print"), o("1"), dir.clone().into()],
        vec![o("--explain"), dir.clone().into()],
        vec![
            o("--print"),
            o("1"),
            o("--format"),
            o("markdown"),
            dir.clone().into(),
        ],
        vec![o("--search"), o("公安"), dir.clone().into()],
        vec![o("--search"), o("公安"), o("--word"), file.clone().into()],
        vec![o("--search"), o(&query), dir.clone().into()],
        vec![o("--search"), o(PAYLOAD), dir.clone().into()],
        vec![o("--print-config")],
        vec![o("--print"), o("99"), dir.clone().into()],
        vec![
            o("--outline"),
            home.join(format!("missing{PAYLOAD}")).into(),
        ],
        vec![
            o("--outline"),
            o("--encoding"),
            o(PAYLOAD),
            dir.clone().into(),
        ],
        vec![o("--width"), o(PAYLOAD)],
        vec![o(&format!("--{PAYLOAD}"))],
        vec![
            o("--outline"),
            o("--max-size"),
            o("10"),
            file.clone().into(),
        ],
    ];
    for args in runs {
        let out = kanbao(&home, &args);
        let what = format!("{args:?}");
        assert_clean(&format!("stdout of {what}"), &out.stdout);
        assert_clean(&format!("stderr of {what}"), &out.stderr);
        assert!(
            out.status.code().is_some_and(|c| c <= 2),
            "{what}: {:?}",
            out.status
        );
    }
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn the_reader_sends_no_sequence_from_its_input() {
    if !Tmux::ready_for("the reader's security test") {
        return;
    }
    let home_dir = home("reader");
    let home = home_dir.path().to_owned();
    hostile_config(&home);
    let dir = hostile_input(&home);
    // Remembered bookmarks and queries for this input, all hostile.
    let page = the_page(&dir);
    let text = std::fs::read_to_string(&page).expect("page text");
    let name = page.display().to_string();
    let key = kanbao::state::input_key([(name.as_str(), text.as_str())]);
    let state = serde_json::json!({
        "version": 1,
        "places": {},
        "bookmarks": {key: [{"name": format!("书签{PAYLOAD}"), "article": 1, "source_offset": 0, "created": 1}]},
        "history": [format!("查询{PAYLOAD}")],
    });
    std::fs::create_dir_all(home.join("state/kanbao")).expect("state dir");
    std::fs::write(home.join("state/kanbao/state.json"), state.to_string()).expect("state");

    let log = home.join("pty.log");
    let tmux = Tmux::start_with(60, 16, &home, Some(page.as_os_str()), Some(&log));
    tmux.wait_for("the page", |s| s.contains("打一场整风仗"));
    // The bookmark list, the search prompt with the remembered query, a
    // typed query with the payload pasted in, the results, the help.
    tmux.keys(&["'"]);
    tmux.wait_for("the bookmarks", |s| s.contains("书签"));
    // Escape, then a key at once, reads as Alt and the key: each Escape
    // is waited out.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the bookmarks closed", |s| !s.contains("Bookmarks —"));
    tmux.keys(&["s", "Up"]);
    tmux.wait_for("the remembered query", |s| s.contains("查询"));
    tmux.run(&["set-buffer", PAYLOAD]);
    tmux.run(&["paste-buffer", "-p", "-t", "e2e"]);
    tmux.keys(&["Enter"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(200));
    tmux.keys(&["?"]);
    tmux.wait_for("the help", |s| s.contains("Keys"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("the help closed", |s| !s.contains("Keys"));
    tmux.keys(&["m"]);
    tmux.run(&["paste-buffer", "-p", "-t", "e2e"]);
    tmux.keys(&["Enter", "'"]);
    tmux.wait_for("the bookmarks again", |s| s.contains("Bookmarks —"));
    tmux.keys(&["Escape"]);
    tmux.wait_for("the bookmarks closed again", |s| !s.contains("Bookmarks —"));
    tmux.keys(&["q"]);
    wait_until("the reader to quit", || {
        std::fs::read_to_string(&tmux.exit_file).is_ok_and(|s| !s.trim().is_empty())
    });
    let start = Instant::now();
    while std::fs::metadata(&log).map_or(0, |m| m.len()) == 0
        && start.elapsed() < Duration::from_secs(3)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    let bytes = std::fs::read(&log).expect("the pty log");
    assert!(
        bytes.len() > 1000,
        "the log holds the session: {} bytes",
        bytes.len()
    );
    let output = String::from_utf8_lossy(&bytes);
    for (sequence, what) in [
        ("\u{1b}]", "OSC"),
        ("\u{1b}P", "DCS"),
        ("\u{1b}_", "APC"),
        ("\u{1b}^", "PM"),
    ] {
        assert!(
            !output.contains(sequence),
            "the reader sent an {what} sequence"
        );
    }
    if let Some(c) = output
        .chars()
        .find(|&c| matches!(c, '\u{80}'..='\u{9f}') || (forbidden(c) && !c.is_ascii_control()))
    {
        panic!("the reader sent U+{:04X}", c as u32);
    }
    assert!(!output.contains("PWNED\u{7}"));
    let title = tmux.run(&["display-message", "-p", "-t", "e2e", "#{pane_title}"]);
    assert!(
        !title.contains("PWNED"),
        "the pane's title was set: {title}"
    );
    drop(tmux);
}
