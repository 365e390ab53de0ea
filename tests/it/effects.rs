//! The effect executor: what `update` asks for is carried out — bookmarks
//! into the state file, copy and suspend through the screen — and every
//! failure comes back as a message rather than an error that ends the
//! reader.

use crate::common;

use common::*;
use kanbao::action::{Action, Effect};
use kanbao::app::App;
use kanbao::effects::{Executor, Screen};
use kanbao::layout::LayoutOptions;
use kanbao::message::Msg;
use kanbao::state::{Bookmark, State};

/// A screen that records what it was asked, and fails when told to.
#[derive(Default)]
struct FakeScreen {
    copied: Vec<String>,
    suspended: usize,
    broken: bool,
}

impl Screen for FakeScreen {
    fn copy(&mut self, text: &str) -> Result<(), String> {
        if self.broken {
            return Err("the terminal is gone".to_owned());
        }
        self.copied.push(text.to_owned());
        Ok(())
    }

    fn suspend(&mut self) -> Result<(), String> {
        if self.broken {
            return Err("the terminal is gone".to_owned());
        }
        self.suspended += 1;
        Ok(())
    }
}

fn bookmark(name: &str) -> Bookmark {
    Bookmark {
        name: name.to_owned(),
        article: 3,
        source_offset: 120,
        created: 0,
    }
}

#[test]
fn bookmarks_reach_the_state_file_and_leave_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");
    let executor = Executor::new(Some(path.clone()));
    let mut screen = FakeScreen::default();
    let add = Effect::AddBookmark {
        key: "k".to_owned(),
        bookmark: bookmark("整风"),
    };
    assert_eq!(executor.run(add.clone(), &mut screen), None);
    assert_eq!(
        executor.run(add, &mut screen),
        None,
        "a second add is a no-op"
    );
    let (state, problem) = State::load(&path);
    assert!(problem.is_none());
    let marks = &state.bookmarks["k"];
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].name, "整风");
    assert!(marks[0].created > 0, "the executor stamps the time");

    let remove = Effect::RemoveBookmark {
        key: "k".to_owned(),
        bookmark: bookmark("整风"),
    };
    assert_eq!(executor.run(remove, &mut screen), None);
    let (state, _) = State::load(&path);
    assert!(state.bookmarks.get("k").is_none_or(Vec::is_empty));
}

#[test]
fn without_a_state_file_a_bookmark_is_kept_for_the_session_and_said_so() {
    let executor = Executor::new(None);
    let problem = executor.run(
        Effect::AddBookmark {
            key: "k".to_owned(),
            bookmark: bookmark("x"),
        },
        &mut FakeScreen::default(),
    );
    assert!(problem.is_some_and(|p| p.contains("this session only")));
}

#[test]
fn an_unwritable_state_file_is_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A directory where the file should be: it cannot be written.
    let path = dir.path().join("state.json");
    std::fs::create_dir(&path).expect("dir");
    let problem = Executor::new(Some(path)).run(
        Effect::AddBookmark {
            key: "k".to_owned(),
            bookmark: bookmark("x"),
        },
        &mut FakeScreen::default(),
    );
    assert!(problem.is_some_and(|p| p.starts_with("bookmark not saved")));
}

/// `y` and Ctrl-z go from a key through `update` to the screen.
#[test]
fn copy_and_suspend_reach_the_screen() {
    let mut app = App::new(issue_of(sample()), 100, 30, LayoutOptions::default());
    app.update(Action::CopyArticle);
    app.update(Msg::Key(kanbao::keymap::Key::ctrl('z')));
    let executor = Executor::default();
    let mut screen = FakeScreen::default();
    for effect in app.take_effects() {
        assert_eq!(executor.run(effect, &mut screen), None);
    }
    assert_eq!(screen.copied.len(), 1);
    assert!(screen.copied[0].contains("打一场祛除积弊自我净化的整风仗"));
    assert_eq!(screen.suspended, 1);

    let mut broken = FakeScreen {
        broken: true,
        ..FakeScreen::default()
    };
    app.update(Action::CopyArticle);
    let problems: Vec<_> = app
        .take_effects()
        .into_iter()
        .filter_map(|e| executor.run(e, &mut broken))
        .collect();
    assert_eq!(problems, ["could not copy: the terminal is gone"]);
}

#[test]
fn a_full_word_list_says_which_word_made_room() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");
    let word = |w: &str| kanbao::state::SavedWord {
        word: w.to_owned(),
        pinyin: String::new(),
        gloss: String::new(),
        sentence: format!("{w}。"),
        source: String::new(),
        saved: 0,
        script: String::new(),
    };
    State::change(&path, |s| {
        s.words = (0..kanbao::state::WORDS_LEN)
            .map(|i| word(&format!("词{i}")))
            .collect();
    })
    .expect("a full list");
    let executor = Executor::new(Some(path.clone()));
    let said = executor.run(Effect::SaveWord(word("看报")), &mut FakeScreen::default());
    let said = said.expect("the dropped word is named");
    assert!(said.contains("词0") && said.contains("dropped"), "{said}");
    let (state, _) = State::load(&path);
    assert_eq!(state.words.len(), kanbao::state::WORDS_LEN);
    assert_eq!(state.words.last().map(|w| w.word.as_str()), Some("看报"));
}
