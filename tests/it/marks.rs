//! Bookmarks, copy and the reading toggles through `App::update`: what the
//! reader shows and which effects it asks the outside world for.

use crate::common;

use common::*;
use kanbao::action::{Action, Effect};
use kanbao::app::App;
use kanbao::keymap::Mode;
use kanbao::layout::{LayoutOptions, Part, Role};
use kanbao::message::Msg;
use kanbao::state::input_key;

fn app() -> App {
    let mut app = App::new(issue_of(sample()), 100, 30, LayoutOptions::default());
    app.update(Msg::Identified(input_key([("sample-page.txt", SAMPLE)])));
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::InsertChar(c));
    }
}

#[test]
fn a_named_bookmark_is_saved_listed_and_jumped_to() {
    let mut app = app();
    app.update(Action::JumpToColumn(4));
    for _ in 0..6 {
        app.update(Action::ScrollDown);
    }
    let place = app.place().expect("a place");
    app.update(Action::StartBookmark);
    assert_eq!(app.mode(), Mode::Naming);
    type_text(&mut app, "罗书记x");
    app.update(Action::DeleteChar);
    app.update(Action::SaveBookmark);
    assert_eq!(app.mode(), Mode::Reader);
    let effects = asked(&mut app);
    let [Effect::AddBookmark { key, bookmark }] = effects.as_slice() else {
        panic!("one bookmark to save: {effects:?}");
    };
    assert_eq!(*key, input_key([("sample-page.txt", SAMPLE)]));
    assert_eq!(bookmark.name, "罗书记");
    assert_eq!(
        (bookmark.article, bookmark.source_offset),
        (place.article, place.source_offset)
    );

    // Unnamed: the title and how far in.
    app.update(Action::JumpToColumn(1));
    app.update(Action::StartBookmark);
    app.update(Action::SaveBookmark);
    assert_eq!(app.marks.list.len(), 2);
    assert!(
        app.marks.list[0]
            .name
            .starts_with("打一场祛除积弊自我净化的整风仗 · ")
    );

    app.update(Action::ShowBookmarks);
    assert_eq!(app.mode(), Mode::Bookmarks);
    app.update(Action::BookmarkNext);
    app.update(Action::BookmarkNext);
    app.update(Action::OpenBookmark);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(
        app.place().map(|p| p.source_offset),
        Some(place.source_offset)
    );
    assert_eq!(app.issue.title_of(app.reading.article), "头雁引领 群雁齐飞");
}

#[test]
fn bookmarks_are_deleted_and_cancelled() {
    let mut app = app();
    app.update(Action::StartBookmark);
    app.update(Action::CancelBookmark);
    assert!(app.marks.list.is_empty() && asked(&mut app).is_empty());
    app.update(Action::ShowBookmarks);
    assert_eq!(app.mode(), Mode::Reader, "nothing to list");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("no bookmarks"))
    );

    app.update(Action::StartBookmark);
    app.update(Action::SaveBookmark);
    app.update(Action::StartBookmark);
    app.update(Action::SaveBookmark);
    assert_eq!(app.marks.list.len(), 1, "the same place and name once");
    asked(&mut app);
    app.update(Action::ShowBookmarks);
    app.update(Action::DeleteBookmark);
    assert!(matches!(
        asked(&mut app).as_slice(),
        [Effect::RemoveBookmark { .. }]
    ));
    assert!(app.marks.list.is_empty());
    assert_eq!(app.mode(), Mode::Reader);
}

#[test]
fn bookmarks_wait_for_the_input_to_be_identified() {
    let mut app = App::new(issue_of(sample()), 100, 30, LayoutOptions::default());
    app.update(Action::StartBookmark);
    assert_eq!(app.mode(), Mode::Reader);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("still being read"))
    );
}

#[test]
fn copy_asks_for_the_article_as_plain_text() {
    let mut app = app();
    app.update(Action::JumpToColumn(2));
    app.update(Action::CopyArticle);
    let effects = asked(&mut app);
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("one copy: {effects:?}");
    };
    // As the reader shows it: the half-width ! of the source is full-width
    // inside Chinese.
    assert!(text.starts_with("为官不为者耻！\n\n宋爽\n\n"), "{text}");
    app.update(Action::TogglePunctuation);
    app.update(Action::CopyArticle);
    let effects = asked(&mut app);
    let [Effect::Copy(raw)] = effects.as_slice() else {
        panic!("one copy: {effects:?}");
    };
    assert!(
        raw.starts_with("为官不为者耻!\n\n"),
        "as written with the option off: {raw}"
    );
    let blocks = app.article().expect("open").blocks.len();
    assert_eq!(
        text.lines().filter(|l| !l.is_empty()).count(),
        2 + blocks,
        "one line per block: no hard wraps"
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("sent “为官不为者耻!” to the terminal"))
    );
}

#[test]
fn keywords_arrive_and_toggle_under_the_byline() {
    let mut app = app();
    let id = app.reading.article;
    let words = app
        .article()
        .expect("open")
        .keywords(kanbao::text::Segmenter::get(), 5);
    assert!(words.contains(&"教育整顿".to_owned()), "{words:?}");
    assert!(words.iter().any(|w| w.contains("公安")), "{words:?}");
    app.update(Msg::Keywords(vec![(id, words)]));
    let line = |app: &App| {
        app.reading
            .layout
            .lines
            .iter()
            .position(|l| l.role == Role::Keywords)
    };
    let at = line(&app).expect("a keywords line");
    assert_eq!(app.reading.layout.lines[at - 1].part, Part::Byline);
    assert!(app.reading.layout.keywords.starts_with("关键词　教育整顿"));
    app.update(Action::ToggleKeywords);
    assert_eq!(line(&app), None);
    app.update(Action::ToggleKeywords);
    assert_eq!(line(&app), Some(at));
}

#[test]
fn a_full_bookmark_list_says_so_instead_of_dropping_one() {
    let mut app = app();
    let full = kanbao::state::BOOKMARKS_LEN;
    for i in 0..full {
        app.marks.list.push(kanbao::state::Bookmark {
            name: format!("b{i}"),
            article: 1,
            source_offset: i,
            created: 0,
        });
    }
    app.update(Action::ScrollDown);
    app.update(Action::StartBookmark);
    type_text(&mut app, "one more");
    app.update(Action::SaveBookmark);
    assert!(asked(&mut app).is_empty(), "nothing is saved");
    assert_eq!(app.marks.list.len(), full, "and nothing is dropped");
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains(&full.to_string()) && message.contains("delete"),
        "{message}"
    );
}

#[test]
fn copy_takes_what_the_reader_shows_not_raw_escapes() {
    let text = "标题\u{1b}]52;c;aGk=\u{7}\n\n正文\u{9b}2J里有\u{202e}控制字符。\n";
    let page = kanbao::page::parse("hostile.txt", text, None);
    let mut app = App::new(issue_of(page), 100, 30, LayoutOptions::default());
    app.update(Action::CopyArticle);
    let effects = asked(&mut app);
    let [Effect::Copy(copied)] = effects.as_slice() else {
        panic!("one copy: {effects:?}");
    };
    assert!(
        !copied
            .chars()
            .any(|c| c.is_control() && c != '\n' || c == '\u{202e}'),
        "{copied:?}"
    );
    assert!(copied.contains("标题␛]52;c;aGk=␇") && copied.contains("正文�2J里有控制字符"));
}

#[test]
fn ctrl_z_asks_the_terminal_to_suspend() {
    let mut app = app();
    let action = app
        .keymap
        .resolve(kanbao::keymap::Key::ctrl('z'), Mode::Reader);
    assert_eq!(action, Some(Action::Suspend));
    app.update(Action::Suspend);
    assert!(matches!(asked(&mut app).as_slice(), [Effect::Suspend]));
    assert!(!app.quit());
}
