//! What kanbao remembers between runs: the place is restored on reopen and
//! forgotten when the file changes; the state file survives crashes,
//! corruption and concurrent writers.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::*;
use kanbao::action::Action;
use kanbao::app::App;
use kanbao::layout::LayoutOptions;
use kanbao::message::Msg;
use kanbao::state::{Bookmark, Place, State, StateError, input_key};

fn dir(name: &str) -> Scratch {
    scratch(&format!("state-{name}"))
}

fn app() -> App {
    App::new(issue_of(sample()), 100, 30, LayoutOptions::default())
}

/// Reads the sample, goes to the fourth article, scrolls, and "quits":
/// returns the place it saved.
fn read_and_leave(path: &Path, key: &str) -> Place {
    let mut app = app();
    app.update(Msg::Identified(key.to_owned()));
    for _ in 0..3 {
        app.update(Action::NextArticle);
    }
    for _ in 0..7 {
        app.update(Action::ScrollDown);
    }
    let place = app.place().expect("a place");
    State::save(path, key, Some(place), &["党支部".to_owned()]).expect("saved");
    place
}

#[test]
fn reopening_restores_the_article_and_the_line() {
    let d = dir("reopen");
    let path = d.join("state.json");
    let key = input_key([("sample-page.txt", SAMPLE)]);
    let place = read_and_leave(&path, &key);
    assert_eq!(place.article, 4);

    let (state, problem) = State::load(&path);
    assert!(problem.is_none());
    assert_eq!(state.history, ["党支部"]);
    let mut app = app();
    app.remembered = state.places;
    app.update(Msg::Identified(key));
    assert_eq!(
        app.article().map(|a| a.title.text.as_str()),
        Some("头雁引领 群雁齐飞")
    );
    assert_eq!(app.reading.scroll, 7, "the same line is on top");
    assert_eq!(
        app.place().map(|p| p.source_offset),
        Some(place.source_offset)
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("back where you stopped"))
    );
}

#[test]
fn a_changed_file_is_read_from_the_start() {
    let d = dir("changed");
    let path = d.join("state.json");
    let key = input_key([("sample-page.txt", SAMPLE)]);
    read_and_leave(&path, &key);
    let edited = SAMPLE.replacen("视点", "视 点", 1);
    let new_key = input_key([("sample-page.txt", edited.as_str())]);
    assert_ne!(key, new_key, "the key covers the contents");
    let mut app = app();
    app.remembered = State::load(&path).0.places;
    app.update(Msg::Identified(new_key));
    assert_eq!(app.reading.scroll, 0);
    assert_eq!(app.place().map(|p| p.article), Some(1));
}

#[test]
fn moving_before_the_input_is_identified_wins() {
    let key = input_key([("sample-page.txt", SAMPLE)]);
    let mut app = app();
    app.remembered.insert(
        key.clone(),
        Place {
            article: 5,
            source_offset: 0,
            saved: 0,
        },
    );
    app.update(Action::NextArticle);
    app.update(Msg::Identified(key));
    assert_eq!(app.place().map(|p| p.article), Some(2));
}

#[test]
fn a_crash_mid_write_leaves_the_old_state() {
    let d = dir("crash");
    let path = d.join("state.json");
    let key = input_key([("sample-page.txt", SAMPLE)]);
    read_and_leave(&path, &key);
    let before = std::fs::read(&path).expect("state");
    // A run that died between writing its temporary file and renaming it.
    let leftover = d.join(".state.json.999999.tmp");
    std::fs::write(&leftover, &before[..before.len() / 2]).expect("temp");
    let (state, problem) = State::load(&path);
    assert!(problem.is_none());
    assert_eq!(state.places.len(), 1);
    // The next write clears the leftover and is whole.
    State::save(&path, "other", None, &["公安".to_owned()]).expect("saved");
    assert!(!leftover.exists(), "the leftover temporary file is removed");
    let (state, problem) = State::load(&path);
    assert!(problem.is_none());
    assert_eq!(state.history, ["党支部", "公安"]);
    let names: Vec<String> = std::fs::read_dir(&d)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.ends_with(".tmp")),
        "no temporary file stays: {names:?}"
    );
}

#[test]
fn a_corrupt_state_file_is_moved_aside_before_it_is_replaced() {
    let d = dir("corrupt");
    let path = d.join("state.json");
    for junk in [
        &b"{\"places\": [1, 2"[..],
        b"\xff\xfe garbage",
        b"[]",
        b"{\"version\": \"x\"}",
        b"{\"version\": 0}",
    ] {
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("dir");
        std::fs::write(&path, junk).expect("junk");
        let (state, problem) = State::load(&path);
        assert_eq!(state, State::default());
        let problem = problem.expect("a warning");
        assert!(!problem.leaves_file_alone());
        let StateError::Corrupt { moved_to, .. } = &problem else {
            panic!("{problem}");
        };
        let message = problem.to_string();
        assert!(
            message.contains("state.json") && message.contains(moved_to.as_str()),
            "{message}"
        );
        assert!(moved_to.contains("state.json.corrupt-"), "{moved_to}");
        assert_eq!(
            std::fs::read(moved_to).expect("kept"),
            junk,
            "nothing is lost"
        );
        State::save(&path, "k", None, &["q".to_owned()]).expect("replaced");
        assert!(State::load(&path).1.is_none());
    }
}

#[test]
fn a_state_file_that_cannot_be_read_or_is_newer_is_never_written_over() {
    let d = dir("alone");
    let path = d.join("state.json");
    let newer = br#"{"version": 99, "places": {"x": 1}}"#;
    std::fs::write(&path, newer).expect("newer");
    let (state, problem) = State::load(&path);
    assert_eq!(state, State::default());
    let problem = problem.expect("a warning");
    assert!(problem.leaves_file_alone(), "{problem}");
    assert!(problem.to_string().contains("newer kanbao"), "{problem}");
    assert!(State::save(&path, "k", None, &["q".to_owned()]).is_err());
    assert_eq!(std::fs::read(&path).expect("still there"), newer);
    // A directory where the file should be: unreadable, left alone.
    std::fs::remove_file(&path).expect("rm");
    std::fs::create_dir(&path).expect("dir");
    let (_, problem) = State::load(&path);
    assert!(
        matches!(problem, Some(StateError::Read { .. })),
        "{problem:?}"
    );
    assert!(State::save(&path, "k", None, &[]).is_err());
    assert!(path.is_dir());
}

#[test]
fn an_oversized_state_file_is_moved_aside_unread() {
    let d = dir("oversized");
    let path = d.join("state.json");
    let big = vec![b' '; (kanbao::state::MAX_STATE_SIZE + 10) as usize];
    std::fs::write(&path, &big).expect("big");
    let (state, problem) = State::load(&path);
    assert_eq!(state, State::default());
    assert!(
        matches!(problem, Some(StateError::Corrupt { .. })),
        "{problem:?}"
    );
    assert!(!path.exists());
}

#[test]
fn a_long_history_is_trimmed_on_load_and_saved_in_one_pass() {
    let d = dir("history");
    let path = d.join("state.json");
    let many: Vec<String> = (0..60_000).map(|i| format!("查询{i}")).collect();
    let state = serde_json::json!({"version": 1, "history": many});
    std::fs::write(&path, state.to_string()).expect("state");
    let (state, problem) = State::load(&path);
    assert!(problem.is_none());
    assert_eq!(state.history.len(), kanbao::state::HISTORY_LEN);
    assert_eq!(state.history.last().map(String::as_str), Some("查询59999"));
    // A session that brings its own long history: the most recent win,
    // each once, in the order last used.
    let mut session = many.clone();
    session.push("查询5".to_owned());
    State::save(&path, "k", None, &session).expect("saved");
    let (state, _) = State::load(&path);
    assert_eq!(state.history.len(), kanbao::state::HISTORY_LEN);
    assert_eq!(state.history.last().map(String::as_str), Some("查询5"));
    assert_eq!(state.history[state.history.len() - 2], "查询59999");
}

#[test]
fn a_symlinked_lock_file_is_not_followed() {
    let d = dir("lock");
    let path = d.join("state.json");
    let target = d.join("planted");
    std::os::unix::fs::symlink(&target, d.join("state.json.lock")).expect("symlink");
    let err = State::save(&path, "k", None, &[]).expect_err("refused");
    assert!(matches!(err, StateError::LinkedLock { .. }), "{err}");
    assert!(!target.exists(), "the link's target is not created");
}

/// Run by `concurrent_runs_keep_each_others_changes` in child processes:
/// records 40 places and bookmarks under keys named after `KANBAO_WRITER`.
#[test]
#[ignore = "a helper run by another test"]
fn state_writer_process() {
    let (Some(path), Some(me)) = (
        std::env::var_os("KANBAO_STATE"),
        std::env::var("KANBAO_WRITER").ok(),
    ) else {
        // Run on its own (`cargo test -- --include-ignored`): nothing to do.
        eprintln!("a helper of concurrent_runs_keep_each_others_changes: nothing to write");
        return;
    };
    write_many(Path::new(&path), &me);
}

fn write_many(path: &Path, me: &str) {
    for i in 0..40 {
        State::change(path, |s| {
            s.places.insert(
                format!("{me}-{i}"),
                Place {
                    article: i,
                    source_offset: i,
                    saved: 0,
                },
            );
            s.bookmarks
                .entry("shared".to_owned())
                .or_default()
                .push(Bookmark {
                    name: format!("{me}-{i}"),
                    article: 1,
                    source_offset: 0,
                    created: 0,
                });
        })
        .expect("written");
    }
}

#[test]
fn concurrent_runs_keep_each_others_changes() {
    let d = dir("concurrent");
    let path = d.join("state.json");
    let children: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|me| {
            Command::new(std::env::current_exe().expect("test binary"))
                .args([
                    "--ignored",
                    "--exact",
                    "state::state_writer_process",
                    "--quiet",
                ])
                .env("KANBAO_STATE", &path)
                .env("KANBAO_WRITER", me)
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("a writer process")
        })
        .collect();
    // And two threads of this process at the same time.
    std::thread::scope(|s| {
        s.spawn(|| write_many(&path, "c"));
        s.spawn(|| write_many(&path, "d"));
    });
    for mut child in children {
        assert!(child.wait().expect("writer ends").success());
    }
    let (state, problem) = State::load(&path);
    assert!(problem.is_none());
    assert_eq!(state.places.len(), 160, "no writer lost another's places");
    assert_eq!(
        state.bookmarks["shared"].len(),
        160,
        "no writer lost another's bookmarks"
    );
}
