//! Search, from the matcher up: hits in the model, the reader's prompt,
//! n/N, highlights in the right cells, and `--search` against an
//! independent count.

use crate::common;

use std::process::Command;

use common::*;
use kanbao::action::Action;
use kanbao::app::App;
use kanbao::find::SearchIndex;
use kanbao::keymap::Mode;
use kanbao::layout::{LayoutOptions, part_text};
use kanbao::message::Msg;
use kanbao::page::Issue;
use kanbao::text::Segmenter;
use kanbao::text::query::Query;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

fn app() -> App {
    App::new(issue_of(sample()), 100, 30, LayoutOptions::default())
}

fn type_query(app: &mut App, query: &str) {
    for c in query.chars() {
        app.update(Action::InsertChar(c));
    }
}

fn count(query: &str, word: bool) -> usize {
    let issue = issue_of(sample());
    let q = Query::new(query, word).expect("query");
    SearchIndex::new(&issue)
        .search(&issue, &q, Some(Segmenter::get()))
        .len()
}

#[test]
fn a_phrase_across_a_mended_break_is_found() {
    assert!(!SAMPLE.contains("规定动作"), "the raw file splits it");
    assert_eq!(count("规定动作", false), 1);
    assert_eq!(count("直接说道", false), 1);
}

#[test]
fn whole_word_mode() {
    let any = count("支部", false);
    let words = count("支部", true);
    assert!(any > words, "{any} hits, {words} as a word");
    assert_eq!(count("党支部", true), count("党支部", false));
}

#[test]
fn empty_blank_and_overlong_queries() {
    let mut app = app();
    app.update(Action::StartSearch);
    assert_eq!(app.mode(), Mode::Prompt);
    type_query(&mut app, "   ");
    assert!(app.search.query.is_none());
    assert!(app.search.hits.is_empty());
    app.update(Action::SubmitSearch);
    assert_eq!(app.mode(), Mode::Reader);
    app.update(Action::NextHit);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("no search"))
    );

    let long: String = app
        .article()
        .map(|a| a.blocks.iter().map(|b| b.text.text.clone()).collect())
        .unwrap_or_default();
    app.update(Action::StartSearch);
    type_query(&mut app, &format!("{long}多"));
    assert!(app.search.hits.is_empty());
    app.update(Action::SubmitSearch);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("no match"))
    );
}

#[test]
fn incremental_search_jumps_and_escape_returns() {
    let mut app = app();
    app.update(Action::NextArticle);
    app.update(Action::NextArticle);
    app.update(Action::NextArticle); // 头雁引领 群雁齐飞: 党支部 five times
    app.update(Action::ScrollDown);
    app.update(Action::ScrollDown);
    let (scroll, anchor) = (app.reading.scroll, app.reading.anchor);
    app.update(Action::StartSearch);
    type_query(&mut app, "党支");
    assert_eq!(app.search.hits.len(), 5);
    type_query(&mut app, "部书记");
    assert_eq!(app.search.hits.len(), 4);
    // The first hit at or after the reading position is current.
    let current = app.search.current.expect("a current hit");
    let hit = app.search.hits[current];
    assert!((hit.part, hit.end) > anchor);
    app.update(Action::DeleteChar);
    app.update(Action::DeleteChar);
    app.update(Action::DeleteChar);
    assert_eq!(app.search.hits.len(), 5);
    app.update(Action::CancelSearch);
    assert_eq!(app.mode(), Mode::Reader);
    assert!(app.search.hits.is_empty() && app.search.query.is_none());
    assert_eq!((app.reading.scroll, app.reading.anchor), (scroll, anchor));
}

#[test]
fn n_and_shift_n_wrap_around() {
    let mut app = app();
    app.update(Action::JumpToColumn(4));
    app.update(Action::StartSearch);
    type_query(&mut app, "党支部");
    app.update(Action::SubmitSearch);
    assert_eq!(app.search.current, Some(0));
    assert_eq!(app.search.history, ["党支部"]);
    for i in 1..5 {
        app.update(Action::NextHit);
        assert_eq!(app.search.current, Some(i));
        assert_eq!(app.message, None);
    }
    app.update(Action::NextHit);
    assert_eq!(app.search.current, Some(0));
    assert_eq!(app.message.as_deref(), Some("search wrapped to the top"));
    app.update(Action::PrevHit);
    assert_eq!(app.search.current, Some(4));
    assert_eq!(app.message.as_deref(), Some("search wrapped to the bottom"));
    // The current hit is always on screen.
    let hit = app.search.hits[4];
    let article = app.article().expect("open");
    let (line, _) = app
        .reading
        .layout
        .locate(article, hit.part, hit.start)
        .expect("laid out");
    assert!(line >= app.reading.scroll && line < app.reading.scroll + app.text_height());
}

#[test]
fn history_in_the_prompt() {
    let mut app = app();
    for q in ["公安", "党支部"] {
        app.update(Action::StartSearch);
        type_query(&mut app, q);
        app.update(Action::SubmitSearch);
    }
    app.update(Action::StartSearch);
    app.update(Action::HistoryPrev);
    assert_eq!(app.search.input, "党支部");
    app.update(Action::HistoryPrev);
    assert_eq!(app.search.input, "公安");
    app.update(Action::HistoryPrev);
    assert_eq!(app.search.input, "公安");
    app.update(Action::HistoryNext);
    assert_eq!(app.search.input, "党支部");
    app.update(Action::HistoryNext);
    assert_eq!(app.search.input, "");
}

#[test]
fn a_hit_across_wrapped_lines_is_highlighted_on_both_in_the_right_cells() {
    let mut app = app();
    let query = "教育整顿";
    app.update(Action::StartSearch);
    type_query(&mut app, query);
    app.update(Action::SubmitSearch);
    // Find a width at which some hit is split by a line end.
    let article = app.article().expect("open").clone();
    let mut found = None;
    'widths: for width in 40..100u16 {
        app.update(Msg::Resize { width, height: 40 });
        for (i, hit) in app.search.hits.iter().enumerate() {
            let (a, _) = app
                .reading
                .layout
                .locate(&article, hit.part, hit.start)
                .expect("start");
            let (b, _) = app
                .reading
                .layout
                .locate(&article, hit.part, hit.end - 1)
                .expect("end");
            if a != b {
                found = Some((width, i, a));
                break 'widths;
            }
        }
    }
    let (width, i, line) = found.expect("some width splits a hit");
    while app.search.current != Some(i) {
        app.update(Action::NextHit);
    }
    let mut terminal = Terminal::new(TestBackend::new(width, 40)).expect("terminal");
    terminal.draw(|f| kanbao::ui::draw(f, &app)).expect("draw");
    let buffer = terminal.backend().buffer();
    let text_area = app.panes.text;
    let highlighted: String = (line..line + 2)
        .flat_map(|l| {
            let y = text_area.y + (l - app.reading.scroll) as u16;
            (text_area.x..text_area.x + text_area.width).map(move |x| (x, y))
        })
        .filter(|&(x, y)| buffer[(x, y)].bg == Color::LightRed)
        .map(|(x, y)| buffer[(x, y)].symbol().to_owned())
        .collect();
    assert_eq!(highlighted.replace(' ', ""), query, "at width {width}");
    // The cells are where the layout says: the hit starts at the located cell.
    let hit = app.search.hits[i];
    let (_, cell) = app
        .reading
        .layout
        .locate(&article, hit.part, hit.start)
        .expect("start");
    let y = text_area.y + (line - app.reading.scroll) as u16;
    let x = text_area.x + cell as u16;
    assert_eq!(
        buffer[(x, y)].symbol(),
        &part_text(&article, hit.part)[hit.start..hit.start + 3]
    );
    assert_eq!(buffer[(x, y)].bg, Color::LightRed);
}

#[test]
fn page_wide_results_jump_into_the_article() {
    let mut app = app();
    app.update(Action::StartPageSearch);
    type_query(&mut app, "党支部");
    let results = app.results().expect("live results");
    assert_eq!(results.hits.len(), 21);
    app.update(Action::SubmitSearch);
    assert_eq!(app.mode(), Mode::Results);
    app.update(Action::ResultNext);
    app.update(Action::ResultNext);
    app.update(Action::OpenResult);
    assert_eq!(app.mode(), Mode::Reader);
    assert_eq!(
        app.article().map(|a| a.title.text.as_str()),
        Some("头雁引领 群雁齐飞")
    );
    assert_eq!(app.search.current, Some(1));
    assert_eq!(
        app.search.query.as_ref().map(|q| q.raw.as_str()),
        Some("党支部")
    );
    app.update(Action::NextHit);
    assert_eq!(app.search.current, Some(2));
}

/// The dictionary may arrive at any moment: a refined parse must neither
/// close the results list nor lose the current hit (a race CI once hit).
#[test]
fn a_refined_parse_keeps_results_and_the_current_hit() {
    let refined = || {
        Msg::Refined(
            std::sync::Arc::new(issue_of(sample())),
            Some(Segmenter::get()),
        )
    };
    let mut app = App::new(
        issue_of(kanbao::page::parse("sample-page.txt", SAMPLE, None)),
        100,
        30,
        LayoutOptions::default(),
    );
    app.update(Action::StartPageSearch);
    type_query(&mut app, "党支部");
    app.update(Action::SubmitSearch);
    app.update(Action::ResultNext);
    app.update(refined());
    assert_eq!(app.mode(), Mode::Results, "the list stays open");
    let results = app.results().expect("results");
    assert_eq!((results.hits.len(), results.cursor), (21, 1));

    app.update(Action::ResultNext);
    app.update(Action::OpenResult);
    app.update(Action::NextHit);
    assert_eq!(app.search.current, Some(2));
    let before = app.search.hits[2];
    app.update(refined());
    assert_eq!(app.search.current, Some(2), "the current hit survives");
    assert_eq!(app.search.hits[2], before);
}

#[test]
fn cli_counts_match_an_independent_count_over_json() {
    let bin = env!("CARGO_BIN_EXE_kanbao");
    let json = Command::new(bin).arg("--json").output().expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let mut texts: Vec<String> = Vec::new();
    for col in doc["pages"][0]["columns"].as_array().expect("columns") {
        for art in col["articles"].as_array().expect("articles") {
            texts.push(art["title"].as_str().unwrap_or("").to_owned());
            texts.push(art["byline"].as_str().unwrap_or("").to_owned());
            for b in art["blocks"].as_array().expect("blocks") {
                texts.push(b["text"].as_str().unwrap_or("").to_owned());
            }
        }
    }
    for query in [
        "党支部",
        "公安",
        "教育整顿",
        "规定动作",
        "群众",
        "嘎查",
        "陈春艳",
    ] {
        let independent: usize = texts.iter().map(|t| t.matches(query).count()).sum();
        let out = Command::new(bin)
            .args(["--search", query])
            .output()
            .expect("runs");
        let lines = String::from_utf8_lossy(&out.stdout).lines().count();
        assert_eq!(lines, independent, "{query}");
        assert_eq!(out.status.code(), Some(0));
    }
    let none = Command::new(bin)
        .args(["--search", "不存在的词"])
        .output()
        .expect("runs");
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    let blank = Command::new(bin)
        .args(["--search", "  "])
        .output()
        .expect("runs");
    assert_eq!(blank.status.code(), Some(2));
    let bad = Command::new(bin)
        .args(["--search", "x", "/nonexistent"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn cli_line_format() {
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--search", "规定动作"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text,
        "sample-page.txt:29: 视点 › 打一场祛除积弊自我净化的整风仗: …面20项教育整顿任务落实见效,圆满完成了规定动作和自选动作,实现了党的领导更加有力、忠诚…\n"
    );
}

/// Either script finds both: a traditional query finds the simplified
/// page, a simplified query a traditional page; and the page shown in
/// traditional characters keeps its hits where they were.
#[test]
fn simplified_and_traditional_find_each_other() {
    assert_eq!(count("黨支部", false), count("党支部", false));
    assert!(count("黨支部", false) > 0);
    let traditional =
        kanbao::page::parse("hk.txt", "標題\n\n黨支部書記說，要把黨支部建設好。\n", None);
    let issue = issue_of(traditional);
    let index = SearchIndex::new(&issue);
    for query in ["党支部", "黨支部"] {
        let q = Query::new(query, false).expect("a query");
        assert_eq!(index.search(&issue, &q, None).len(), 2, "{query}");
    }

    let mut app = app();
    app.update(Action::JumpToColumn(4));
    app.update(Action::StartSearch);
    type_query(&mut app, "党支部");
    app.update(Action::SubmitSearch);
    let hits = app.search.hits.clone();
    let lines = app.reading.layout.lines.len();
    app.update(Action::ToggleScript);
    assert!(app.options.display.traditional);
    assert_eq!(app.search.hits, hits, "the hits stay where they were");
    assert_eq!(app.reading.layout.lines.len(), lines, "the same lines");
    let screen = screen(&app);
    assert!(
        screen.contains("黨支部") && !screen.contains("党支部"),
        "{screen}"
    );
}

/// A column name split off a title (这个年，真有味儿（大数据观察·关注春节消费）)
/// is searched as every text the reader shows is: `--search` finds what
/// `grep -o` finds.
#[test]
fn column_names_are_searched() {
    let page = "这个年，真有味儿（大数据观察·关注春节消费）\n\n本报记者 张三\n\n今年春节，消费旺。\n\n春节期间，人们出游。\n";
    let issue = Issue {
        pages: vec![kanbao::page::parse("col.txt", page, None)],
    };
    assert_eq!(
        issue.pages[0].columns[0]
            .name
            .as_ref()
            .map(|t| t.text.as_str()),
        Some("大数据观察·关注春节消费")
    );
    let query = Query::new("春节", false).expect("query");
    let index = SearchIndex::new(&issue);
    let hits = index.search(&issue, &query, None);
    assert_eq!(hits.len(), page.matches("春节").count());
    assert_eq!(hits[0].hit.part, kanbao::page::Part::Column);
    // Inside the article, only what its pane shows.
    let id = hits[0].article;
    assert_eq!(index.search_article(&issue, id, &query, None).len(), 2);
}

/// 党\u{200b}支部 is shown as 党支部, and found as 党支部; a query of
/// characters that are not shown is no query.
#[test]
fn what_is_not_shown_does_not_hide_a_hit() {
    let page = "视点\n\n打一场整风仗\n\n党\u{200b}支部开会，党\u{2060}支部学习，党支部。\n";
    let issue = Issue {
        pages: vec![kanbao::page::parse("zw.txt", page, None)],
    };
    let query = Query::new("党支部", false).expect("query");
    let hits = SearchIndex::new(&issue).search(&issue, &query, None);
    assert_eq!(hits.len(), 3);
    let text = &issue
        .text_of(hits[0].article, hits[0].hit.part)
        .expect("text")
        .text;
    assert_eq!(&text[hits[0].hit.start..hits[0].hit.end], "党\u{200b}支部");
    assert!(Query::new("\u{200b}\u{feff}", false).is_none());
}

/// After a page-wide search, n and N go on from article to article with
/// hits, saying where they went; the same search again reopens the list
/// as it was left (view, order, place).
#[test]
fn page_wide_hits_are_stepped_through_across_articles() {
    let mut app = app();
    app.update(Action::StartPageSearch);
    type_query(&mut app, "党支部");
    app.update(Action::SubmitSearch);
    app.update(Action::ToggleConcordance);
    app.update(Action::CycleResultSort);
    app.update(Action::ResultFirst);
    app.update(Action::ResultNext);
    let (sort, cursor) = app.results().map(|r| (r.sort, r.cursor)).expect("results");
    let shown = app.results().map(|r| r.rows.clone()).expect("rows");
    app.update(Action::OpenResult);
    let first = app.reading.article;
    let in_first = app.search.hits.len();
    assert!(in_first > 0);
    for _ in 0..in_first {
        app.update(Action::NextHit);
        if app.reading.article != first {
            break;
        }
    }
    assert_ne!(
        app.reading.article, first,
        "n past the last hit opens the next article"
    );
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("now: article") && message.contains("党支部"),
        "{message}"
    );
    assert_eq!(app.search.current, Some(0));
    // N from the first hit goes back to the previous article's last hit.
    app.update(Action::PrevHit);
    assert_eq!(app.reading.article, first);
    assert_eq!(app.search.current, Some(app.search.hits.len() - 1));
    // The same search again: the list as it was left.
    app.update(Action::StartPageSearch);
    type_query(&mut app, "党支部");
    app.update(Action::SubmitSearch);
    let reopened = app.results().expect("results");
    assert!(reopened.concordance);
    assert_eq!((reopened.sort, reopened.cursor), (sort, cursor));
    assert_eq!(
        reopened.rows, shown,
        "the rows drawn are the list as it was left"
    );
    // A search inside the article keeps n/N to it.
    app.update(Action::CloseResults);
    app.update(Action::StartSearch);
    type_query(&mut app, "嘎查");
    app.update(Action::SubmitSearch);
    let here = app.reading.article;
    for _ in 0..10 {
        app.update(Action::NextHit);
    }
    assert_eq!(app.reading.article, here);
}

/// A page written in traditional characters is shown in simplified ones
/// by T, and back as written: never "in traditional characters" again.
#[test]
fn t_shows_a_traditional_page_in_simplified_characters() {
    let page = kanbao::page::parse(
        "hk.txt",
        "港大校長回應學生\n\n港大校長李國強前晚主動回應學生訴求，黨支部書記說，要把黨支部建設好。\n",
        None,
    );
    let mut app = kanbao::app::App::new(
        issue_of(page),
        80,
        24,
        kanbao::layout::LayoutOptions::default(),
    );
    let before = screen(&app);
    assert!(before.contains("李國強"), "{before}");
    app.update(Action::ToggleScript);
    let simplified = screen(&app);
    assert!(
        simplified.contains("李国强")
            && simplified.contains("党支部")
            && !simplified.contains("李國強"),
        "{simplified}"
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("simplified characters")),
        "{:?}",
        app.message
    );
    app.update(Action::ToggleScript);
    let again = screen(&app);
    assert!(again.contains("李國強"), "back as written: {again}");
}
