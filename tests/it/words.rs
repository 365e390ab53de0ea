//! The word cursor for learners: `v` puts it on the first word on screen;
//! h/l and j/k move it along jieba's words; the dictionary entry of the
//! word under it comes with it; the view follows it.

use crate::common;

use common::*;
use kanbao::action::{Action, Effect};
use kanbao::app::App;
use kanbao::dict::Dictionary;
use kanbao::keymap::Mode;
use kanbao::layout::LayoutOptions;
use kanbao::message::Msg;

fn app(width: u16, height: u16) -> App {
    App::new(issue_of(sample()), width, height, LayoutOptions::default())
}

/// The word under the cursor.
fn word(app: &App) -> String {
    let cursor = app.word_cursor().expect("the word cursor is on");
    let text = &app
        .article()
        .expect("an article")
        .part(cursor.part)
        .expect("a part")
        .text;
    text[cursor.range.clone()].to_owned()
}

/// Moves the cursor right until it is on `target` (at most `limit` steps).
fn walk_to(app: &mut App, target: &str, limit: usize) {
    for _ in 0..limit {
        if word(app) == target {
            return;
        }
        app.update(Action::NextWord);
    }
    panic!("never reached {target}: stopped on {}", word(app));
}

#[test]
fn the_cursor_moves_by_words_and_the_dictionary_follows() {
    let mut app = app(100, 30);
    app.update(Action::JumpToColumn(4));
    app.update(Msg::Key(kanbao::keymap::Key::ch('v')));
    assert_eq!(app.mode(), Mode::Word);
    assert_eq!(word(&app), "头雁", "the first word on screen: the title's");
    // The first move asks for the dictionary, once.
    let asked: Vec<Effect> = asked(&mut app);
    assert!(
        Dictionary::try_get().is_some() || asked.contains(&Effect::LoadDictionary),
        "{asked:?}"
    );
    Dictionary::get().expect("the bundled dictionary");
    app.update(Msg::DictionaryLoaded);
    let lookup = app
        .word_cursor()
        .and_then(|c| c.lookup.clone())
        .expect("looked up");
    assert_eq!(lookup.word, "头雁");
    walk_to(&mut app, "党支部", 200);
    let lookup = app
        .word_cursor()
        .and_then(|c| c.lookup.clone())
        .expect("looked up");
    assert_eq!(lookup.pinyin(), "dǎng zhī bù");
    app.update(Action::PrevWord);
    assert_ne!(word(&app), "党支部");
    app.update(Action::NextWord);
    assert_eq!(word(&app), "党支部");
    // j goes to a word on the next line, and the view follows it down.
    for _ in 0..40 {
        app.update(Action::WordDown);
    }
    let cursor = app.word_cursor().expect("on").clone();
    let article = app.article().expect("open");
    let (line, _) = app
        .reading
        .layout
        .locate(article, cursor.part, cursor.range.start)
        .expect("on a line");
    assert!(
        line >= app.reading.scroll && line < app.reading.scroll + app.text_height(),
        "the cursor's line {line} is on screen"
    );
    app.update(Action::WordUp);
    app.update(Action::LeaveWordCursor);
    assert_eq!(app.mode(), Mode::Reader);
}

/// The pop-up stands beside the word, never over it, inside the reading
/// pane, at every size — near the right edge and the bottom too.
#[test]
fn the_pop_up_never_covers_the_word() {
    Dictionary::get().expect("the bundled dictionary");
    for (w, h) in [(40, 12), (80, 24), (120, 40)] {
        let mut app = app(w, h);
        app.update(Action::JumpToColumn(4));
        app.update(Action::StartWordCursor);
        app.update(Msg::DictionaryLoaded);
        walk_to(&mut app, "党支部", 200);
        for steps in [0, 25, 60] {
            for _ in 0..steps {
                app.update(Action::NextWord);
            }
            let screen = screen(&app);
            let target = word(&app);
            assert!(
                screen.lines().any(|l| l.contains(&target)),
                "{w}×{h}: {target} covered:\n{screen}"
            );
            assert!(
                screen
                    .lines()
                    .all(|l| unicode_width::UnicodeWidthStr::width(l) <= usize::from(w))
            );
            match steps {
                0 => insta::assert_snapshot!(format!("pop_up_{w}x{h}"), screen),
                60 => insta::assert_snapshot!(format!("pop_up_{w}x{h}_further_on"), screen),
                _ => {}
            }
        }
    }
}

/// The word list's entry for 党支部 in column 4, saved with the cursor
/// (the page shown in traditional characters, or not).
fn save_partys_branch(traditional: bool) -> kanbao::state::SavedWord {
    Dictionary::get().expect("the bundled dictionary");
    let mut app = app(100, 30);
    if traditional {
        app.update(Action::ToggleScript);
    }
    app.update(Action::JumpToColumn(4));
    app.update(Action::StartWordCursor);
    walk_to(&mut app, "党支部", 200);
    asked(&mut app);
    app.update(Action::SaveWord);
    let effects = asked(&mut app);
    let [Effect::SaveWord(saved)] = effects.as_slice() else {
        panic!("one word saved: {effects:?}");
    };
    saved.clone()
}

/// Enter saves the word with its reading, gloss, sentence and source; the
/// executor keeps it in the state file once; --words' TSV has six fields
/// a line, without a tab or a line break inside one.
#[test]
fn a_saved_word_reaches_the_list() {
    use kanbao::effects::{Executor, Screen};
    struct NoScreen;
    impl Screen for NoScreen {
        fn copy(&mut self, _: &str) -> Result<(), String> {
            Ok(())
        }
        fn suspend(&mut self) -> Result<(), String> {
            Ok(())
        }
    }
    let saved = save_partys_branch(false);
    assert_eq!(
        (saved.word.as_str(), saved.pinyin.as_str()),
        ("党支部", "dǎng zhī bù")
    );
    assert!(
        saved.gloss.contains("party") && saved.gloss.contains("branch"),
        "{}",
        saved.gloss
    );
    assert!(
        saved.sentence.contains("党支部") && saved.sentence.ends_with('。'),
        "{}",
        saved.sentence
    );
    assert!(
        saved.source.contains("头雁引领 群雁齐飞"),
        "{}",
        saved.source
    );
    assert_eq!(saved.script, "simplified");

    let dir = scratch("words");
    let path = dir.join("state.json");
    let executor = Executor::new(Some(path.clone()));
    for _ in 0..2 {
        assert_eq!(
            executor.run(Effect::SaveWord(saved.clone()), &mut NoScreen),
            None
        );
    }
    let (state, _) = kanbao::state::State::load(&path);
    assert_eq!(state.words.len(), 1, "saved once");
    let mut odd = saved.clone();
    odd.sentence = "一\t二\n三".to_owned();
    let tsv = kanbao::export::word_list(&[state.words[0].clone(), odd]);
    for line in tsv.lines() {
        assert_eq!(line.split('\t').count(), 6, "{line:?}");
    }
    assert_eq!(tsv.lines().count(), 2);
}

/// A character read several ways is headed by its commonest reading, and
/// a word by its own.
#[test]
fn readings_come_commonest_first_and_from_the_word() {
    let d = Dictionary::get().expect("the bundled dictionary");
    for (word, reading) in [
        ("打", "dǎ"),
        ("还", "hái"),
        ("都", "dōu"),
        ("长", "zhǎng"),
        ("校長", "xiào zhǎng"),
        ("银行", "yín háng"),
        ("行走", "xíng zǒu"),
    ] {
        assert_eq!(d.lookup(word).pinyin(), reading, "{word}");
    }
    // The other readings stay, after it.
    let da: Vec<String> = d
        .lookup("打")
        .entries
        .iter()
        .map(|e| e.pinyin.clone())
        .collect();
    assert!(da.contains(&"dá".to_owned()), "{da:?}");
}

/// In 繁體 the pop-up heads with the word as the page shows it, and each
/// entry with its traditional form first.
#[test]
fn the_pop_up_follows_the_script_shown() {
    Dictionary::get().expect("the bundled dictionary");
    let mut app = app(100, 30);
    app.update(Action::JumpToColumn(4));
    app.update(Action::ToggleScript);
    app.update(Action::StartWordCursor);
    app.update(Msg::DictionaryLoaded);
    walk_to(&mut app, "党支部", 200);
    let screen = screen(&app);
    assert!(screen.contains("│黨支部  dǎng zhī bù"), "{screen}");
    assert!(!screen.contains("│党支部"), "{screen}");
}

/// Shown in traditional characters (T), a word is saved as shown — 黨支部
/// in a traditional sentence — and the list says which script it is in.
#[test]
fn a_word_is_saved_in_the_script_shown() {
    let saved = &save_partys_branch(true);
    assert_eq!(saved.word, "黨支部");
    assert_eq!(saved.pinyin, "dǎng zhī bù");
    assert!(saved.sentence.contains("黨支部"), "{}", saved.sentence);
    assert_eq!(saved.script, "traditional");
    let tsv = kanbao::export::word_list(std::slice::from_ref(saved));
    assert!(tsv.trim_end().ends_with("\ttraditional"), "{tsv}");
}
