//! Pinyin over the text (`p`) and readings in context: a word is read as
//! the dictionary reads that word (银行 yínháng, 行走 xíngzǒu, 校長
//! xiàozhǎng), each reading stands centred over its word, and no line is
//! wider than the pane.

use crate::common::*;
use kanbao::action::Action;
use kanbao::app::App;
use kanbao::dict::Dictionary;
use kanbao::dict::ruby::readings;
use kanbao::layout::{LayoutOptions, Role};
use kanbao::message::Msg;
use kanbao::text::Segmenter;
use kanbao::text::width::{DisplayOptions, display_width};

fn read(text: &str) -> Vec<(String, String)> {
    let dictionary = Dictionary::get().expect("the bundled dictionary");
    readings(text, dictionary, Segmenter::get())
        .into_iter()
        .map(|r| (text[r.range.clone()].to_owned(), r.text()))
        .collect()
}

fn reading_of(text: &str, word: &str) -> String {
    read(text)
        .into_iter()
        .find(|(w, _)| w == word)
        .map(|(_, r)| r)
        .unwrap_or_else(|| panic!("{word} is not a word of {text}: {:?}", read(text)))
}

#[test]
fn a_character_is_read_as_its_word_needs() {
    assert_eq!(reading_of("他在银行工作。", "银行"), "yínháng");
    assert_eq!(reading_of("他们在街上行走。", "行走"), "xíngzǒu");
    assert_eq!(
        reading_of("港大校長李國強前晚主動回應", "校長"),
        "xiàozhǎng"
    );
    assert_eq!(reading_of("长城很长。", "长城"), "Chángchéng");
    // One character alone: its commonest reading.
    assert_eq!(reading_of("我打了他。", "打"), "dǎ");
    // Numbers and Latin letters are not read.
    assert!(
        read("2019年GDP")
            .iter()
            .all(|(w, _)| w != "2019" && w != "GDP")
    );
}

fn reader_with_pinyin(width: u16, height: u16) -> App {
    Dictionary::get().expect("the bundled dictionary");
    Segmenter::get();
    let mut app = App::new(issue_of(sample()), width, height, LayoutOptions::default());
    app.update(Action::TogglePinyin);
    app
}

#[test]
fn p_sets_each_line_under_its_reading_within_the_pane() {
    for (width, height) in [(100, 30), (80, 24), (40, 12)] {
        let app = reader_with_pinyin(width, height);
        let layout = &app.reading.layout;
        let article = app.article().expect("an article");
        let ruby = layout.lines.iter().filter(|l| l.role == Role::Ruby).count();
        assert!(ruby > 10, "{width}x{height}: {ruby} reading rows");
        for (i, line) in layout.lines.iter().enumerate() {
            let shown = layout.line_string(article, i);
            let cells = display_width(&shown, DisplayOptions::AS_WRITTEN);
            assert!(cells <= layout.width, "{width}: {shown:?} is {cells} cells");
            // A reading row stands over a text row of the same bytes.
            if line.role == Role::Ruby {
                let below = &layout.lines[i + 1];
                assert_eq!((below.part, below.line.start), (line.part, line.line.start));
            }
        }
        let title = layout.line_string(article, 0);
        assert!(
            title.trim_start().starts_with("dǎ yīchǎng qūchú"),
            "{title}"
        );
    }
}

#[test]
fn a_reading_stands_over_its_word() {
    let app = reader_with_pinyin(100, 30);
    let layout = &app.reading.layout;
    let article = app.article().expect("an article");
    let ruby = layout.ruby.as_ref().expect("set with readings");
    for (i, line) in layout.lines.iter().enumerate() {
        if line.role != Role::Ruby {
            continue;
        }
        let text = layout.text(article, line.part);
        for slot in ruby.of_line(i) {
            let Some(r) = slot.reading else { continue };
            let reading = ruby.readings[r as usize].text();
            let word = &text[slot.start..slot.end];
            let (rw, ww) = (
                display_width(&reading, DisplayOptions::AS_WRITTEN),
                display_width(word, DisplayOptions::AS_WRITTEN),
            );
            // Centred on each other, to the cell.
            let (rc, wc) = (
                2 * usize::from(slot.ruby_x) + rw,
                2 * usize::from(slot.text_x) + ww,
            );
            assert!(rc.abs_diff(wc) <= 1, "{word} {reading}: {slot:?}");
        }
    }
}

#[test]
fn pinyin_waits_for_the_dictionary_and_then_appears() {
    let mut app = App::new(issue_of(sample()), 80, 24, LayoutOptions::default());
    app.update(Action::TogglePinyin);
    if Dictionary::try_get().is_none() {
        assert!(
            app.message
                .as_deref()
                .is_some_and(|m| m.contains("loading"))
        );
    }
    Dictionary::get().expect("the bundled dictionary");
    Segmenter::get();
    app.update(Msg::DictionaryLoaded);
    let ruby_rows = |app: &App| {
        app.reading
            .layout
            .lines
            .iter()
            .filter(|l| l.role == Role::Ruby)
            .count()
    };
    if app.segmenter().is_some() {
        assert!(ruby_rows(&app) > 0);
        app.update(Action::TogglePinyin);
        assert_eq!(ruby_rows(&app), 0, "p again takes it away");
    }
}

#[test]
fn pinyin_80x24_and_40x12() {
    let app = reader_with_pinyin(80, 24);
    insta::assert_snapshot!("pinyin_80x24", screen(&app));
    let mut app = reader_with_pinyin(40, 12);
    app.update(Action::PageDown);
    insta::assert_snapshot!("pinyin_40x12", screen(&app));
}

/// A reading and its text scroll as one: the top row is always a reading
/// (or a line without one), whichever way the view moves.
#[test]
fn a_reading_and_its_line_scroll_together() {
    let mut app = reader_with_pinyin(80, 24);
    let top_is_not_under_a_reading =
        |app: &App| !app.reading.layout.under_its_reading(app.reading.scroll);
    for action in [
        Action::ScrollDown,
        Action::ScrollDown,
        Action::ScrollDown,
        Action::PageDown,
        Action::ScrollUp,
        Action::HalfPageDown,
        Action::ScrollUp,
        Action::HalfPageUp,
        Action::Bottom,
        Action::ScrollUp,
    ] {
        let before = app.reading.scroll;
        app.update(action.clone());
        assert!(
            top_is_not_under_a_reading(&app),
            "{action:?}: {before} → {}",
            app.reading.scroll
        );
        if matches!(action, Action::ScrollDown) {
            assert!(app.reading.scroll > before, "j moves down");
        }
    }
}

/// The word cursor goes line by line under pinyin as without it: `j` then
/// `k` comes back to the word it left.
#[test]
fn the_word_cursor_steps_over_reading_rows() {
    let mut app = reader_with_pinyin(80, 24);
    app.update(Action::StartWordCursor);
    let first = app.word_cursor().map(|c| (c.part, c.range.clone()));
    app.update(Action::WordDown);
    let down = app.word_cursor().map(|c| (c.part, c.range.clone()));
    assert_ne!(first, down, "j moves to the next line");
    app.update(Action::WordUp);
    let up = app.word_cursor().map(|c| (c.part, c.range.clone()));
    assert_ne!(up, down, "k moves back up");
}
