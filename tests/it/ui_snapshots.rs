//! Whole-screen snapshots of the view (ratatui TestBackend) at three sizes,
//! with the help overlay, the narrow overlay and a too-small terminal.

use crate::common;

use common::*;
use kanbao::action::Action;
use kanbao::app::App;
use kanbao::layout::LayoutOptions;
use kanbao::message::Msg;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(width: u16, height: u16) -> App {
    App::new(issue_of(sample()), width, height, LayoutOptions::default())
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
    app.update(Msg::Resize {
        width: 15,
        height: 4,
    });
    insta::assert_snapshot!(screen(&app));
    app.update(Msg::Resize {
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
    let with = screen(&app);
    // The results cover the reading pane only: the contents pane's border
    // stays in its column on every row.
    app.update(Action::CloseResults);
    let without = screen(&app);
    let border = |s: &str| -> Vec<Option<usize>> {
        s.lines()
            .take(23)
            .map(|l| l.chars().position(|c| c == '│'))
            .collect()
    };
    assert_eq!(border(&with), border(&without), "{with}\n{without}");
    insta::assert_snapshot!(with);
}

/// At 40×12 the results keep each hit's place and the title its words:
/// cut with … at cell boundaries.
#[test]
fn page_search_results_40x12() {
    let mut app = app(40, 12);
    app.update(Action::StartPageSearch);
    for c in "党支部".chars() {
        app.update(Action::InsertChar(c));
    }
    app.update(Action::SubmitSearch);
    let screen = screen(&app);
    assert!(
        screen
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 40)
    );
    insta::assert_snapshot!(screen);
}

/// The distinct styles on screen, for snapshots that are about colour.
fn styles(app: &App) -> String {
    let (w, h) = app.panes.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal.draw(|f| kanbao::ui::draw(f, app)).expect("draws");
    let mut seen: Vec<String> = Vec::new();
    for cell in terminal.backend().buffer().content() {
        let s = format!("fg {:?} bg {:?} {:?}", cell.fg, cell.bg, cell.modifier);
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen.sort();
    seen.join("\n")
}

fn configured(width: u16, height: u16, config: &str) -> App {
    let (config, problems) = kanbao::config::Config::parse(config);
    assert!(problems.is_empty(), "{problems:?}");
    let (keymap, problems) = kanbao::keymap::Keymap::with_overrides(&config.keys);
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = app(width, height);
    app.configure(&config, keymap);
    app
}

/// NO_COLOR (the mono theme): no colour anywhere, hits still marked.
#[test]
fn mono_theme_80x24() {
    let mut app = configured(80, 24, "theme = \"mono\"");
    app.update(Action::JumpToColumn(4));
    app.update(Action::StartSearch);
    for c in "党支部".chars() {
        app.update(Action::InsertChar(c));
    }
    app.update(Action::SubmitSearch);
    let styles = styles(&app);
    assert!(!styles.contains("Rgb") && !styles.contains("Indexed"));
    for line in styles.lines() {
        assert!(line.starts_with("fg Reset bg Reset"), "a colour: {line}");
    }
    insta::assert_snapshot!(format!("{}\n{styles}", screen(&app)));
}

#[test]
fn settings_contents_width_and_no_indent_100x30() {
    let app = configured(100, 30, "contents_width = 24\nindent = false");
    insta::assert_snapshot!(screen(&app));
}

/// `max_width`: with the contents hidden on a wide terminal, the text
/// keeps to 30 characters, centred.
#[test]
fn settings_max_width_centred_120x30() {
    let mut app = configured(120, 30, "max_width = 30");
    app.update(Action::ToggleContents);
    let screen = screen(&app);
    let lines: Vec<&str> = screen.lines().collect();
    let widest = lines[..lines.len() - 1]
        .iter()
        .map(|l| l.trim().trim_end_matches(['┃', '│', '█']).trim())
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0);
    assert!(
        widest <= 60,
        "lines keep to 30 characters ({widest} cells):\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

/// A key override is what the help overlay shows.
#[test]
fn help_with_key_overrides_80x24() {
    let mut app = configured(80, 24, "[keys]\nnext_article = [\"J\", \"Ctrl-n\"]\n");
    app.update(Action::ToggleHelp);
    // To the keys that work everywhere.
    for _ in 0..16 {
        app.update(Action::ScrollDown);
    }
    let screen = screen(&app);
    assert!(screen.contains("J Ctrl-n"), "{screen}");
    assert!(!screen.contains("] "), "the old key is gone:\n{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn keywords_and_bookmarks_100x30() {
    let mut app = app(100, 30);
    app.update(Msg::Identified("sample".to_owned()));
    let seg = kanbao::text::Segmenter::get();
    let batch = app
        .issue
        .articles()
        .map(|(id, a)| (id, a.keywords(seg, 5)))
        .collect();
    app.update(Msg::Keywords(batch));
    app.update(Action::StartBookmark);
    for c in "罗书记".chars() {
        app.update(Action::InsertChar(c));
    }
    insta::assert_snapshot!("naming_a_bookmark", screen(&app));
    app.update(Action::SaveBookmark);
    app.update(Action::NextArticle);
    app.update(Action::StartBookmark);
    app.update(Action::SaveBookmark);
    app.update(Action::ShowBookmarks);
    insta::assert_snapshot!("bookmark_list", screen(&app));
}

/// At 40×12 the help is paged (a mark says there is more), its lines cut
/// with … at cell boundaries, never through a wide character.
#[test]
fn help_40x12() {
    let mut app = app(40, 12);
    app.update(Action::ToggleHelp);
    app.update(Action::PageDown);
    insta::assert_snapshot!(screen(&app));
}

/// A long bookmark name leaves its place (column › title) readable.
#[test]
fn long_bookmark_name_80x24() {
    let mut app = app(80, 24);
    app.update(Msg::Identified("sample".to_owned()));
    app.update(Action::StartBookmark);
    for c in "这是一个很长很长的书签名字，说的是公安队伍教育整顿的第一站和它的样本意义".chars()
    {
        app.update(Action::InsertChar(c));
    }
    app.update(Action::SaveBookmark);
    app.update(Action::ShowBookmarks);
    let screen = screen(&app);
    assert!(screen.contains("视点 › 打一场"), "{screen}");
    insta::assert_snapshot!(screen);
}

fn results_for(width: u16, height: u16, query: &str) -> App {
    let mut app = app(width, height);
    app.update(Action::StartPageSearch);
    for c in query.chars() {
        app.update(Action::InsertChar(c));
    }
    app.update(Action::SubmitSearch);
    app
}

/// Where each row's place starts, in cells (rows with a place).
fn place_columns(screen: &str, marks: &[&str]) -> Vec<usize> {
    screen
        .lines()
        .filter_map(|l| {
            let at = marks.iter().filter_map(|m| l.rfind(m)).max()?;
            Some(unicode_width::UnicodeWidthStr::width(&l[..at]))
        })
        .collect()
}

/// The concordance: every hit at the same cell, every place at the same
/// cell, sorted by the words after the hit.
#[test]
fn concordance_sorted_100x30() {
    let mut app = results_for(100, 30, "党支部");
    app.update(Action::CycleResultSort);
    let shown = screen(&app);
    let hits: Vec<usize> = shown
        .lines()
        .skip(1)
        .filter(|l| l.contains(" 党支部 "))
        .map(|l| unicode_width::UnicodeWidthStr::width(&l[..l.find(" 党支部 ").unwrap_or(0)]))
        .collect();
    assert!(hits.len() >= 20, "{shown}");
    assert!(
        hits.iter().all(|&c| c == hits[0]),
        "hits in one column:\n{shown}"
    );
    let places = place_columns(&shown, &["五化协同", "红船初心", "视点 ›"]);
    assert!(
        places.iter().all(|&c| c == places[0]),
        "places in one column:\n{shown}"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn concordance_40x12() {
    let mut app = results_for(40, 12, "党支部");
    app.update(Action::ToggleConcordance);
    insta::assert_snapshot!(screen(&app));
}

/// `T` on the bundled page set in traditional characters (Hong Kong's):
/// shown in simplified ones, and the status bar says so.
#[test]
fn traditional_page_shown_simplified_80x24() {
    let text = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::S2hk)
        .expect("OpenCC's built-in data")
        .convert(SAMPLE);
    let page = kanbao::page::parse("sample-page.txt", text.as_str(), None);
    let mut app = App::new(issue_of(page), 80, 24, LayoutOptions::default());
    app.update(Action::ToggleScript);
    let screen = screen(&app);
    assert!(screen.contains("打一场祛除积弊"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// Hints name keys as the keymap in force binds them: rebound, the status
/// bar's first-run hint, the help's title and T's message say so.
#[test]
fn hints_name_rebound_keys() {
    let mut app = configured(
        80,
        24,
        "[keys]\ntoggle_help = \"H\"\ntoggle_script = \"Z\"\n",
    );
    let first = screen(&app);
    assert!(kanbao_status(&first).contains("H keys"), "{first}");
    app.update(Action::ToggleHelp);
    let help = screen(&app);
    assert!(help.contains("Keys — H or Esc to close"), "{help}");
    app.update(Action::CloseHelp);
    app.update(Action::ToggleScript);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("— Z for simplified")),
        "{:?}",
        app.message
    );
}

/// The status bar: the screen's last line.
fn kanbao_status(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}
