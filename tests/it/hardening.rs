//! What a second attack found, each held by a test: settings files that
//! are FIFOs or devices, binary input known by its first bytes, cells a
//! spreadsheet would run, and text that prepended format characters must
//! not eat.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::SAMPLE;

fn kanbao_in(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .stdin(Stdio::null())
        .output()
        .expect("kanbao runs")
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// Waits for `child`, killing it (and failing) if it hangs.
fn ends(mut child: std::process::Child, what: &str) -> Output {
    let start = Instant::now();
    while child.try_wait().expect("status").is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("{what} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[test]
fn settings_files_that_are_fifos_or_devices_are_not_read() {
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("config/kanbao");
    let state = home.path().join("state/kanbao");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::create_dir_all(&state).expect("state dir");
    mkfifo(&config.join("config.toml"));
    std::os::unix::fs::symlink("/dev/zero", config.join("words.txt")).expect("link");
    mkfifo(&state.join("state.json"));
    let child = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .arg("--outline")
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kanbao runs");
    let out = ends(child, "--outline with a FIFO for a configuration");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("config.toml") && err.contains("not a regular file"),
        "{err}"
    );
    assert!(
        err.contains("words.txt") && err.contains("not a regular file"),
        "{err}"
    );
    // The word list is in a state file that cannot be read: no list, and
    // not an empty one with exit 0.
    let words = kanbao_in(home.path(), &["--words"]);
    assert_eq!(words.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&words.stderr).contains("state.json"));
}

#[test]
fn binary_input_is_refused_by_its_first_bytes() {
    // A pipe that sends NULs and never ends: only its start can be read.
    let mut child = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--outline", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kanbao runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let zeros = vec![0u8; 1 << 16];
        // Until kanbao stops reading (a broken pipe).
        while stdin.write_all(&zeros).is_ok() {}
    });
    let out = ends(child, "an endless stream of NULs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
    writer.join().expect("writer ends");
    // UTF-16 without a BOM has NULs too, and is still read.
    let dir = tempfile::tempdir().expect("dir");
    let page = dir.path().join("utf16.txt");
    let utf16: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(&page, utf16).expect("page");
    let out = kanbao_in(dir.path(), &["--outline", &page.to_string_lossy()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn cells_a_spreadsheet_would_run_are_written_as_text() {
    let dir = tempfile::tempdir().expect("dir");
    let page = dir.path().join("=cmd.txt");
    std::fs::write(
        &page,
        "=HYPERLINK(\"x\")\n\n-党支部开会。\n\n+党支部学习。\n",
    )
    .expect("page");
    let page = page.to_string_lossy().into_owned();
    for format in ["csv", "tsv"] {
        let out = kanbao_in(dir.path(), &["--kwic", "党支部", "--format", format, &page]);
        let text = String::from_utf8_lossy(&out.stdout);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(if format == "csv" { b',' } else { b'\t' })
            .from_reader(text.as_bytes());
        for record in reader.records() {
            let record = record.expect("reads back");
            for field in &record {
                assert!(
                    !field.starts_with(['=', '+', '-', '@']),
                    "{format}: {field:?} in {text}"
                );
            }
        }
        let raw = kanbao_in(
            dir.path(),
            &["--kwic", "党支部", "--format", format, "--raw-cells", &page],
        );
        assert!(String::from_utf8_lossy(&raw.stdout).contains("=HYPERLINK"));
    }
    let misplaced = kanbao_in(dir.path(), &["--kwic", "党支部", "--raw-cells", &page]);
    assert_eq!(misplaced.status.code(), Some(2));
}

#[test]
fn prepended_format_characters_eat_no_character() {
    let dir = tempfile::tempdir().expect("dir");
    let page = dir.path().join("prepend.txt");
    std::fs::write(
        &page,
        "视点\n\n打一场整风仗\n\n我\u{600}不同意，他\u{110bd}也不同意。\n",
    )
    .expect("page");
    let page = page.to_string_lossy().into_owned();
    for args in [
        vec!["--print", "1", &page],
        vec!["--print", "1", "--format", "markdown", &page],
        vec!["--kwic", "同意", &page],
        vec!["--search", "同意", "--color", "never", &page],
    ] {
        let out = kanbao_in(dir.path(), &args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("我不同意") && text.contains("他也不同意"),
            "{args:?}: {text}"
        );
    }
}
