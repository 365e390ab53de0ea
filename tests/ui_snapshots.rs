//! Whole-screen snapshots of the view (ratatui TestBackend) at three sizes,
//! with the help overlay, the narrow overlay and a too-small terminal.

mod common;

use common::*;
use kanbao::action::Action;
use kanbao::app::App;
use kanbao::layout::LayoutOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

fn app(width: u16, height: u16) -> App {
    App::new(issue_of(sample()), width, height, LayoutOptions::default())
}

fn screen(app: &App) -> String {
    let (w, h) = app.panes.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| kanbao::ui::draw(f, app)).expect("draws");
    // The screen as a terminal shows it: each cell's symbol, the cells
    // behind a wide character skipped.
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..h {
        let mut row = String::new();
        let mut x = 0;
        while x < w {
            let symbol = buffer[(x, y)].symbol();
            row.push_str(symbol);
            x += (symbol.width() as u16).max(1);
        }
        assert_eq!(
            row.width(),
            usize::from(w),
            "row {y} {row:?} is not as wide as the screen"
        );
        text.push_str(row.trim_end());
        text.push('\n');
    }
    text
}

#[test]
fn reader_80x24() {
    insta::assert_snapshot!(screen(&app(80, 24)));
}

#[test]
fn reader_120x40() {
    let mut app = app(120, 40);
    app.update(Action::NextColumn);
    app.update(Action::NextColumn);
    app.update(Action::NextColumn);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn reader_40x12_hides_contents() {
    let mut app = app(40, 12);
    app.update(Action::PageDown);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn contents_overlay_40x12() {
    let mut app = app(40, 12);
    app.update(Action::ToggleContents);
    app.update(Action::SelectNext);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn contents_focus_and_message_80x24() {
    let mut app = app(80, 24);
    app.update(Action::FocusContents);
    app.update(Action::SelectLast);
    app.update(Action::JumpToColumn(7));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help_80x24() {
    let mut app = app(80, 24);
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help_120x40() {
    let mut app = app(120, 40);
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn too_small() {
    let mut app = app(80, 24);
    app.update(Action::Resize {
        width: 15,
        height: 4,
    });
    insta::assert_snapshot!(screen(&app));
    app.update(Action::Resize {
        width: 1,
        height: 1,
    });
    assert_eq!(screen(&app).lines().count(), 1);
}

#[test]
fn search_prompt_80x24() {
    let mut app = app(80, 24);
    app.update(Action::JumpToColumn(4));
    app.update(Action::StartSearch);
    for c in "党支部".chars() {
        app.update(Action::InsertChar(c));
    }
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn page_search_results_80x24() {
    let mut app = app(80, 24);
    app.update(Action::StartPageSearch);
    for c in "党支部".chars() {
        app.update(Action::InsertChar(c));
    }
    app.update(Action::SubmitSearch);
    app.update(Action::ResultNext);
    insta::assert_snapshot!(screen(&app));
}
