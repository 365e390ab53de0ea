//! `App::update` without a terminal: every action, and the edges (first and
//! last article, empty articles, tiny sizes, resizes, the refined parse).

use crate::common;

use common::*;
use kanbao::action::Action;
use kanbao::app::{App, Focus, Row};
use kanbao::keymap::Mode;
use kanbao::layout::{LayoutOptions, Part, part_text};
use kanbao::message::Msg;
use kanbao::page::{ArticleId, Issue, parse};

fn app(width: u16, height: u16) -> App {
    App::new(issue_of(sample()), width, height, LayoutOptions::default())
}

fn id(column: usize, article: usize) -> ArticleId {
    ArticleId {
        page: 0,
        column,
        article,
    }
}

fn title(app: &App) -> String {
    app.article().map(|a| a.title_line()).unwrap_or_default()
}

/// The text of the line at the top of the reading pane.
fn top_text(app: &App) -> String {
    let article = app.article().expect("an article is open");
    let layout = &app.reading.layout;
    let line = &layout.lines[app.reading.scroll];
    let text = match line.part {
        Part::Keywords => layout.keywords.as_str(),
        part => part_text(article, part),
    };
    text[line.line.start..line.line.end].to_owned()
}

#[test]
fn opens_on_the_first_article() {
    let app = app(100, 30);
    assert_eq!(app.reading.article, id(0, 0));
    assert_eq!(app.reading.scroll, 0);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.mode(), Mode::Reader);
    assert!(app.panes.contents.is_some());
    assert_eq!(app.contents.selected(), Some(id(0, 0)));
}

#[test]
fn scrolling_is_clamped() {
    let mut app = app(100, 30);
    let height = app.text_height();
    let max = app.reading.layout.lines.len() - height;
    app.update(Action::ScrollUp);
    assert_eq!(app.reading.scroll, 0);
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    assert_eq!(app.reading.scroll, 2);
    app.update(Action::ScrollUp);
    assert_eq!(app.reading.scroll, 1);
    app.update(Action::PageDown);
    assert_eq!(app.reading.scroll, 1 + height - 1);
    app.update(Action::PageUp);
    assert_eq!(app.reading.scroll, 1);
    app.update(Action::HalfPageDown);
    assert_eq!(app.reading.scroll, 1 + height / 2);
    app.update(Action::HalfPageUp);
    assert_eq!(app.reading.scroll, 1);
    app.update(Action::Bottom);
    assert_eq!(app.reading.scroll, max);
    app.update(Action::ScrollDown);
    assert_eq!(app.reading.scroll, max);
    app.update(Action::Top);
    assert_eq!(app.reading.scroll, 0);
}

/// Space at the end of an article goes on to the next one and says so; at
/// the end of the last, it says that.
#[test]
fn page_down_at_the_end_goes_on_to_the_next_article() {
    let mut app = app(100, 30);
    app.update(Action::Bottom);
    app.update(Msg::Key(kanbao::keymap::Key::ch(' ')));
    assert_eq!(app.reading.article, id(1, 0));
    assert_eq!(app.reading.scroll, 0);
    let message = app.message.clone().unwrap_or_default();
    assert!(message.starts_with("now: article 2/"), "{message}");
    assert_eq!(app.article_position().0, 2);
    let last = app
        .article_number(app.article_position().1)
        .expect("a last article");
    app.open(last);
    app.update(Action::Bottom);
    app.update(Action::PageDown);
    app.update(Action::PageDown);
    assert_eq!(app.reading.article, last);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("last article"))
    );
}

/// `:` and a number open that article, as `--print N` numbers it; a
/// number out of range says what the range is.
#[test]
fn colon_goes_to_article_n() {
    let mut app = app(100, 30);
    for c in ":5".chars() {
        app.update(Msg::Key(kanbao::keymap::Key::ch(c)));
    }
    assert_eq!(app.mode(), Mode::GoTo);
    assert_eq!(app.go_to_input(), Some("5"));
    app.update(Action::GoToArticle);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(app.article_position().0, 5);
    assert_eq!(Some(app.reading.article), app.article_number(5));
    for c in ":999".chars() {
        app.update(Msg::Key(kanbao::keymap::Key::ch(c)));
    }
    app.update(Action::GoToArticle);
    assert_eq!(app.article_position().0, 5, "stays where it was");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("there is no article 999"))
    );
    app.update(Action::StartGoTo);
    app.update(Action::CancelGoTo);
    assert_eq!(app.mode(), Mode::Reader);
}

/// The first-run hint stays until the first key.
#[test]
fn the_hint_goes_at_the_first_key() {
    let mut app = app(100, 30);
    assert!(app.hint);
    assert!(
        app.update(Msg::Key(kanbao::keymap::Key::ch('x'))),
        "its going is drawn"
    );
    assert!(!app.hint);
}

#[test]
fn next_and_previous_article_cross_columns_and_stop_at_the_ends() {
    let mut app = app(100, 30);
    let mut titles = vec![title(&app)];
    for _ in 0..6 {
        app.update(Action::NextArticle);
        titles.push(title(&app));
    }
    assert_eq!(titles[2], "传承红色基因");
    assert_eq!(titles[6], "联学联创 聚合力 最强党支部 增活力");
    app.update(Action::NextArticle);
    assert_eq!(title(&app), titles[6]);
    assert_eq!(app.message.as_deref(), Some("this is the last article"));
    for _ in 0..6 {
        app.update(Action::PrevArticle);
    }
    assert_eq!(app.reading.article, id(0, 0));
    app.update(Action::PrevArticle);
    assert_eq!(app.message.as_deref(), Some("this is the first article"));
    app.update(Action::ScrollDown);
    assert_eq!(app.message, None, "messages last one action");
    // A key bound to nothing ends a message too, and asks for a redraw
    // (the message must leave the screen); without one, it asks for none.
    app.update(Action::PrevArticle);
    assert!(app.update(Msg::Key(kanbao::keymap::Key::ch('x'))));
    assert_eq!(app.message, None);
    assert!(!app.update(Msg::Key(kanbao::keymap::Key::ch('x'))));
}

#[test]
fn opening_an_article_starts_at_its_top() {
    let mut app = app(100, 30);
    app.update(Action::PageDown);
    app.update(Action::NextArticle);
    assert_eq!(app.reading.scroll, 0);
}

#[test]
fn columns_by_braces_and_digits() {
    let mut app = app(100, 30);
    app.update(Action::NextColumn);
    app.update(Action::NextColumn);
    assert_eq!(app.reading.article, id(2, 0));
    assert_eq!(title(&app), "传承红色基因");
    app.update(Action::NextColumn);
    app.update(Action::NextColumn);
    assert_eq!(app.reading.article, id(4, 0));
    app.update(Action::NextColumn);
    assert_eq!(app.message.as_deref(), Some("this is the last column"));
    app.update(Action::PrevColumn);
    assert_eq!(app.reading.article, id(3, 0));
    // From the middle of a column, { goes to the previous column's start.
    app.update(Action::NextArticle);
    assert_eq!(app.reading.article, id(3, 1));
    app.update(Action::PrevColumn);
    assert_eq!(app.reading.article, id(2, 0));

    let mut app = app_at_column(3);
    assert_eq!(app.reading.article, id(2, 0));
    app.update(Action::JumpToColumn(9));
    assert_eq!(app.reading.article, id(2, 0));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("no column 9"))
    );
    app.update(Action::JumpToColumn(1));
    assert_eq!(app.reading.article, id(0, 0));
    app.update(Action::PrevColumn);
    assert_eq!(app.message.as_deref(), Some("this is the first column"));
}

fn app_at_column(n: usize) -> App {
    let mut app = app(100, 30);
    app.update(Action::JumpToColumn(n));
    app
}

#[test]
fn contents_cursor_moves_over_articles_only() {
    let mut app = app(100, 30);
    app.update(Action::FocusContents);
    assert_eq!(app.mode(), Mode::Contents);
    app.update(Action::SelectNext);
    assert_eq!(
        app.contents.selected(),
        Some(id(1, 0)),
        "skips the 观潮 heading"
    );
    app.update(Action::SelectPrev);
    app.update(Action::SelectPrev);
    assert_eq!(app.contents.selected(), Some(id(0, 0)));
    app.update(Action::SelectLast);
    assert_eq!(app.contents.selected(), Some(id(4, 0)));
    app.update(Action::SelectNext);
    assert_eq!(app.contents.selected(), Some(id(4, 0)));
    assert_eq!(
        app.reading.article,
        id(0, 0),
        "moving the cursor does not open"
    );
    app.update(Action::OpenSelected);
    assert_eq!(app.reading.article, id(4, 0));
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::SelectFirst);
    assert_eq!(app.contents.selected(), Some(id(0, 0)));
}

#[test]
fn focus_and_contents_visibility() {
    let mut app = app(100, 30);
    app.update(Action::SwitchFocus);
    assert_eq!(app.focus, Focus::Contents);
    app.update(Action::SwitchFocus);
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::ToggleContents);
    assert!(app.panes.contents.is_none());
    assert_eq!(app.panes.reader.x, 0);
    assert_eq!(app.mode(), Mode::Reader);
    app.update(Action::ToggleContents);
    assert!(app.panes.contents.is_some());
    assert_eq!(app.focus, Focus::Contents);
}

#[test]
fn narrow_screens_show_contents_as_an_overlay() {
    let mut app = app(50, 20);
    assert!(app.panes.contents.is_none());
    app.update(Action::ToggleContents);
    assert!(app.panes.overlay);
    assert_eq!(app.mode(), Mode::Contents);
    app.update(Action::SelectNext);
    app.update(Action::OpenSelected);
    assert_eq!(app.reading.article, id(1, 0));
    assert!(app.panes.contents.is_none(), "opening closes the overlay");
    app.update(Msg::Resize {
        width: 100,
        height: 30,
    });
    assert!(app.panes.contents.is_some(), "wide again: shown by default");
}

#[test]
fn punctuation_toggle_relays_out_and_keeps_the_place() {
    let mut app = app(100, 30);
    app.update(Action::PageDown);
    let before = top_text(&app);
    assert!(app.options.display.fullwidth_punct);
    app.update(Action::TogglePunctuation);
    assert!(!app.options.display.fullwidth_punct);
    assert!(!app.reading.layout.options.display.fullwidth_punct);
    assert!(app.message.is_some());
    // Lines break elsewhere now; the line at the top holds where reading was.
    let first: String = before.chars().take(1).collect();
    assert!(
        top_text(&app).contains(&first),
        "{} does not hold {first}",
        top_text(&app)
    );
}

#[test]
fn help_and_quit() {
    let mut app = app(100, 30);
    app.update(Action::ToggleHelp);
    assert_eq!(app.mode(), Mode::Help);
    app.update(Action::ScrollDown);
    assert_eq!(app.help_scroll(), Some(1));
    assert_eq!(
        app.reading.scroll, 0,
        "help scrolls itself, not the article"
    );
    app.update(Action::CloseHelp);
    assert_eq!(app.help_scroll(), None);
    app.update(Action::ToggleHelp);
    app.update(Action::ToggleHelp);
    assert_eq!(app.help_scroll(), None);
    assert!(!app.quit());
    app.update(Action::Quit);
    assert!(app.quit());
}

#[test]
fn resize_keeps_article_and_place() {
    let mut app = app(100, 30);
    app.update(Action::NextArticle);
    for _ in 0..7 {
        app.update(Action::ScrollDown);
    }
    let (part, at) = app.reading.anchor;
    for (w, h) in [(60, 20), (140, 50), (41, 13), (100, 30)] {
        app.update(Msg::Resize {
            width: w,
            height: h,
        });
        assert_eq!(app.reading.article, id(1, 0));
        assert_eq!(app.reading.layout.width, usize::from(app.panes.text.width));
        // The line holding the reading position is at the top, or in view
        // when the article ends before the screen does.
        let layout = &app.reading.layout;
        let anchor_line = layout.line_of(part, at);
        let line = &layout.lines[anchor_line];
        assert_eq!(line.part, part, "at {w}×{h}");
        assert!(line.line.start <= at && at < line.line.end, "at {w}×{h}");
        let max = layout.lines.len().saturating_sub(app.text_height());
        if anchor_line <= max {
            assert_eq!(app.reading.scroll, anchor_line, "at {w}×{h}");
        } else {
            assert_eq!(app.reading.scroll, max, "at {w}×{h}");
        }
    }
}

#[test]
fn tiny_sizes_do_not_panic() {
    let mut app = app(100, 30);
    for (w, h) in [(1, 1), (0, 0), (19, 4), (20, 5), (2, 40), (300, 2)] {
        app.update(Msg::Resize {
            width: w,
            height: h,
        });
        for action in [
            Msg::from(Action::ScrollDown),
            Msg::from(Action::PageDown),
            Msg::from(Action::Bottom),
            Msg::from(Action::NextArticle),
            Msg::from(Action::ToggleContents),
            Msg::from(Action::SelectNext),
            Msg::from(Action::OpenSelected),
            Msg::ScrollAt {
                column: 0,
                row: 0,
                lines: 3,
            },
            Msg::ClickAt { column: 0, row: 1 },
            Msg::from(Action::TogglePunctuation),
        ] {
            app.update(action);
        }
    }
}

#[test]
fn empty_articles() {
    let text = "视点\n\n标题一\n\n□本报记者 张三\n\n观潮\n\n标题二\n\n正文。\n";
    let page = parse("empty.txt", text, None);
    let mut app = App::new(issue_of(page), 80, 24, LayoutOptions::default());
    assert!(app.article().is_some_and(|a| a.blocks.is_empty()));
    app.update(Action::PageDown);
    app.update(Action::Bottom);
    app.update(Action::NextArticle);
    assert_eq!(title(&app), "标题二");
    let mut none = App::new(Issue::default(), 80, 24, LayoutOptions::default());
    none.update(Action::NextArticle);
    none.update(Action::PageDown);
    none.update(Action::FocusContents);
    none.update(Action::OpenSelected);
    assert!(none.article().is_none());
}

#[test]
fn mouse_wheel_and_clicks() {
    let mut app = app(100, 30);
    let reader = app.panes.reader;
    app.update(Msg::ScrollAt {
        column: reader.x + 5,
        row: 5,
        lines: 3,
    });
    assert_eq!(app.reading.scroll, 3);
    app.update(Msg::ScrollAt {
        column: reader.x + 5,
        row: 5,
        lines: -3,
    });
    assert_eq!(app.reading.scroll, 0);
    // Click on the row of 阵地's article in the contents pane.
    let row = app
        .contents
        .rows
        .iter()
        .position(|r| matches!(r, Row::Article { id: a, .. } if *a == id(2, 0)))
        .expect("row exists");
    app.update(Msg::ClickAt {
        column: 3,
        row: row as u16 + 1,
    });
    assert_eq!(app.reading.article, id(2, 0));
    // Clicking a column heading opens its first article.
    let heading = app
        .contents
        .rows
        .iter()
        .position(|r| matches!(r, Row::Column { column: 3, .. }))
        .expect("heading exists");
    app.update(Msg::ClickAt {
        column: 3,
        row: heading as u16 + 1,
    });
    assert_eq!(app.reading.article, id(3, 0));
    app.update(Msg::ClickAt {
        column: reader.x + 3,
        row: 3,
    });
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn refined_parse_keeps_the_place() {
    let cheap = parse("sample-page.txt", SAMPLE, None);
    let mut app = App::new(issue_of(cheap), 100, 30, LayoutOptions::default());
    // Scroll until the cheap parse's separate fragment 全区公安机关分级分批对党委班 is on top.
    while !top_text(&app).contains("对党委班") {
        app.update(Action::ScrollDown);
    }
    app.update(Msg::Refined(
        std::sync::Arc::new(issue_of(sample())),
        Some(kanbao::text::Segmenter::get()),
    ));
    assert_eq!(app.reading.article, id(0, 0));
    assert!(
        top_text(&app).contains("对党委班"),
        "top is {:?}",
        top_text(&app)
    );
    let Part::Block(i) = app.reading.layout.lines[app.reading.scroll].part else {
        panic!("the top line is body text");
    };
    let block = &app.article().expect("open").blocks[i];
    assert!(
        block.text.text.contains("对党委班子成员"),
        "the refined, mended model is shown"
    );
}

/// `:` and a word, a reading or English looks it up: the answer covers
/// the reading pane once the dictionary is here (it is asked for), is laid
/// out in the script shown, scrolls, and `Esc` gives the reader back.
#[test]
fn colon_looks_a_word_up() {
    let mut app = app(100, 30);
    for c in ":xue2xi2".chars() {
        press(&mut app, c);
    }
    app.update(Action::GoToArticle);
    assert_eq!(app.mode(), Mode::Lookup);
    kanbao::dict::Dictionary::get().expect("the bundled dictionary");
    app.update(Msg::DictionaryLoaded);
    let view = app.lookup().expect("the lookup is shown");
    // Headed by how the query was taken.
    assert_eq!(view.lines[0].1, "read so", "{:?}", view.lines);
    assert_eq!(view.lines[1].1, "学习 學習  xué xí");
    assert!(view.lines[2].1.contains("to learn; to study"));
    press(&mut app, 'q');
    assert_eq!(app.mode(), Mode::Reader);
    // In 繁體 the traditional headword comes first.
    press(&mut app, 'T');
    for c in ":study".chars() {
        press(&mut app, c);
    }
    app.update(Action::GoToArticle);
    let view = app.lookup().expect("the lookup is shown");
    assert!(view.count().is_some_and(|n| n > 10));
    assert!(
        view.lines
            .iter()
            .any(|(_, l)| l.starts_with("學習 学习  xué xí")),
        "{:?}",
        view.lines
    );
    let rows = app.lookup_rows();
    press(&mut app, 'G');
    let last = app.lookup().map_or(0, |v| v.lines.len()) - rows;
    assert_eq!(app.lookup().map(|v| v.scroll), Some(last));
    // `:` again asks for another word, from the answer.
    press(&mut app, ':');
    assert_eq!(app.mode(), Mode::GoTo);
    for c in "打".chars() {
        press(&mut app, c);
    }
    app.update(Action::GoToArticle);
    let view = app.lookup().expect("the lookup is shown");
    assert!(view.lines[0].1.starts_with("打  dǎ"), "{:?}", view.lines);
    app.update(Msg::Key(kanbao::keymap::Key::plain(
        kanbao::keymap::KeyCode::Esc,
    )));
    assert_eq!(app.mode(), Mode::Reader);
}

#[test]
fn the_reader_guide_lists_every_key_binding() {
    let readme = include_str!("../../docs/reader.md");
    let place = |mode: Mode| match mode {
        Mode::Reader => "reading",
        Mode::Contents => "contents",
        Mode::Global => "everywhere",
        Mode::Prompt => "search prompt",
        Mode::Results => "search results",
        Mode::Frequencies => "word frequencies",
        Mode::Naming => "bookmark name",
        Mode::GoTo => "go to article",
        Mode::Lookup => "lookup",
        Mode::Word => "word cursor",
        Mode::Bookmarks => "bookmarks",
        Mode::Help => "help",
    };
    // The rows of the key table, as (keys, where).
    let rows: Vec<(&str, &str)> = readme
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells.len() >= 4).then(|| (cells[1], cells[2]))
        })
        .collect();
    for entry in kanbao::keymap::help_entries() {
        for key in entry.keys.split(' ') {
            let key = format!("`{}`", key.replace('–', "`–`"));
            assert!(
                rows.iter()
                    .any(|(keys, at)| *at == place(entry.mode) && keys.contains(&key)),
                "docs/reader.md's key table does not list {key} under {} ({})",
                place(entry.mode),
                entry.description
            );
        }
    }
}

fn press(app: &mut App, c: char) {
    app.update(Msg::Key(kanbao::keymap::Key::ch(c)));
}

/// The help pages like the reader, stops at its last line, and `q` closes
/// it rather than quitting.
#[test]
fn help_pages_and_q_closes_it() {
    let mut app = app(80, 24);
    press(&mut app, '?');
    let rows = app.help_rows();
    assert!(
        app.help_lines() > rows,
        "the help is longer than a 24-row screen"
    );
    press(&mut app, ' ');
    assert_eq!(app.help_scroll(), Some(rows - 1));
    press(&mut app, 'G');
    assert_eq!(app.help_scroll(), Some(app.help_lines() - rows));
    press(&mut app, ' ');
    assert_eq!(
        app.help_scroll(),
        Some(app.help_lines() - rows),
        "stops at the end"
    );
    press(&mut app, 'g');
    assert_eq!(app.help_scroll(), Some(0));
    press(&mut app, 'q');
    assert_eq!(app.mode(), Mode::Reader);
    assert!(!app.quit(), "q closes the help, not the reader");
}

/// The help lists every mode's keys, the prompt's and the lists' too.
#[test]
fn help_has_a_section_for_every_mode() {
    let app = app(80, 24);
    for mode in [
        Mode::Reader,
        Mode::Contents,
        Mode::Global,
        Mode::Prompt,
        Mode::Results,
        Mode::Frequencies,
        Mode::GoTo,
        Mode::Lookup,
        Mode::Word,
        Mode::Naming,
        Mode::Bookmarks,
        Mode::Help,
    ] {
        assert!(
            app.help().iter().any(|e| e.mode == mode),
            "no help for {mode:?}"
        );
    }
}

/// The help opens over the results list and gives it back as it was.
#[test]
fn help_over_the_results_gives_them_back() {
    let mut app = app(100, 30);
    app.update(Action::StartPageSearch);
    for c in "党支部".chars() {
        app.update(Action::InsertChar(c));
    }
    app.update(Action::SubmitSearch);
    app.update(Action::ResultNext);
    press(&mut app, '?');
    assert_eq!(app.mode(), Mode::Help);
    assert!(app.results().is_some(), "still drawn beneath");
    press(&mut app, 'j');
    assert_eq!(
        app.results().map(|r| r.cursor),
        Some(1),
        "j scrolls the help"
    );
    press(&mut app, '?');
    assert_eq!(app.mode(), Mode::Results);
    assert_eq!(app.results().map(|r| r.cursor), Some(1));
}

/// A message goes at the next key or after a few seconds: the expiry is
/// asked for each new message, and ends only the message it was for.
#[test]
fn messages_expire_and_only_their_own() {
    let mut app = app(100, 30);
    app.update(Action::NextArticle);
    app.update(Action::PrevArticle);
    let serial = |app: &mut App| {
        app.take_effects().into_iter().rev().find_map(|e| match e {
            kanbao::action::Effect::ExpireMessage { serial } => Some(serial),
            _ => None,
        })
    };
    app.update(Action::PrevArticle); // "this is the first article"
    let first = serial(&mut app).expect("an expiry is asked for");
    assert!(app.message.is_some());
    app.update(Msg::Resize {
        width: 90,
        height: 30,
    });
    assert!(app.message.is_some(), "a resize leaves it");
    assert!(app.update(Msg::MessageExpired(first)), "the screen changes");
    assert!(app.message.is_none(), "it goes after its time");
    // A newer message is not ended by an older expiry.
    app.update(Action::PrevArticle);
    let second = serial(&mut app).expect("a second expiry");
    assert_ne!(first, second);
    assert!(!app.update(Msg::MessageExpired(first)));
    assert!(app.message.is_some());
}

/// `v` pressed while the word boundaries load is not dropped: it opens
/// the word cursor when they arrive.
#[test]
fn a_key_that_waited_for_loading_runs_when_it_ends() {
    let cheap = parse("sample-page.txt", SAMPLE, None);
    let mut app = App::new(issue_of(cheap), 100, 30, LayoutOptions::default());
    app.update(Action::StartWordCursor);
    assert_ne!(app.mode(), Mode::Word);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("still loading")
    );
    app.update(Msg::Refined(
        std::sync::Arc::new(issue_of(sample())),
        Some(kanbao::text::Segmenter::get()),
    ));
    assert_eq!(app.mode(), Mode::Word, "the word cursor opened");
}

/// An article read to its end is marked read; `u` marks it either way,
/// in the reader or on the contents' cursor; marks come back with the
/// input's key.
#[test]
fn articles_are_marked_read_and_unread() {
    let mut app = app(100, 30);
    app.update(Action::NextArticle);
    app.update(Action::Bottom);
    assert!(app.is_read(2), "read to its end");
    assert!(!app.is_read(3));
    app.update(Action::ToggleRead);
    assert!(!app.is_read(2), "u: unread");
    app.update(Action::ScrollUp);
    assert!(
        !app.is_read(2),
        "marked unread by hand, it stays so as it is read on"
    );
    app.update(Action::ToggleRead);
    assert!(app.is_read(2), "u again: read");
    // On the contents' cursor.
    app.update(Action::FocusContents);
    app.update(Action::SelectNext);
    let selected = app.contents.selected().expect("an article");
    let number = app
        .issue
        .articles()
        .position(|(id, _)| id == selected)
        .expect("in the issue")
        + 1;
    app.update(Action::ToggleRead);
    assert!(app.is_read(number));
    // Kept by input key: a new session of the same input has them.
    app.update(Msg::Identified("sample".to_owned()));
    let kept = app.read_marks();
    let mut again = self::app(100, 30);
    again.start(kanbao::app::Startup {
        read: kept.into_iter().collect(),
        ..Default::default()
    });
    again.update(Msg::Identified("sample".to_owned()));
    assert!(again.is_read(2) && again.is_read(number));
}
