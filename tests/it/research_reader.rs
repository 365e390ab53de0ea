//! The researcher's views in the reader, through `App::update` and the
//! view: the results as a concordance, sorted; the frequency list, counted
//! in the background (here, by carrying out the effect as the executor
//! would), its `Enter` searching the word.

use crate::common;

use common::*;
use kanbao::action::{Action, Effect};
use kanbao::app::{App, FrequencyScope};
use kanbao::concord::SortBy;
use kanbao::keymap::Mode;
use kanbao::layout::LayoutOptions;
use kanbao::message::Msg;
use kanbao::text::Segmenter;
use kanbao::wordfreq;

fn app(width: u16, height: u16) -> App {
    App::new(issue_of(sample()), width, height, LayoutOptions::default())
}

fn search_all(app: &mut App, query: &str) {
    app.update(Action::StartPageSearch);
    for c in query.chars() {
        app.update(Action::InsertChar(c));
    }
    app.update(Action::SubmitSearch);
}

/// Carries out the count the app asked for, as the executor's thread
/// does, and hands the result back.
fn count_words(app: &mut App) {
    let asked: Vec<Effect> = app.take_effects();
    for effect in asked {
        if let Effect::CountWords {
            issue,
            articles,
            top,
            generation,
        } = effect
        {
            let counts =
                wordfreq::top_words(&issue, articles.as_deref(), Segmenter::get(), Some(top));
            app.update(Msg::WordCounts { generation, counts });
        }
    }
}

#[test]
fn sorting_keeps_the_cursor_on_its_hit_and_shows_a_concordance() {
    let mut app = app(100, 30);
    search_all(&mut app, "党支部");
    app.update(Action::ResultNext);
    app.update(Action::ResultNext);
    let before = app.results().map(|r| r.hits[r.cursor]);
    app.update(Action::CycleResultSort);
    let r = app.results().expect("results");
    assert_eq!(r.sort, SortBy::Right);
    assert!(r.concordance, "a sorted list is shown as a concordance");
    assert_eq!(
        Some(r.hits[r.cursor]),
        before,
        "the cursor stays on its hit"
    );
    assert!(
        r.rows.iter().any(|row| row.index == r.cursor),
        "and in view"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("results sorted by the words after the hit")
    );
    app.update(Action::CycleResultSort);
    app.update(Action::CycleResultSort);
    let r = app.results().expect("results");
    assert_eq!(r.sort, SortBy::Source);
    let mut sorted = r.hits.clone();
    sorted.sort();
    assert_eq!(r.hits, sorted, "back in reading order");
    app.update(Action::ToggleConcordance);
    assert!(!app.results().expect("results").concordance);
}

#[test]
fn the_frequency_list_counts_in_the_background_and_searches_a_word() {
    let mut app = app(100, 30);
    app.update(Action::ShowWordFrequencies);
    assert_eq!(app.mode(), Mode::Frequencies);
    assert!(
        app.frequencies().is_some_and(|f| f.list.is_none()),
        "counting, not yet counted"
    );
    count_words(&mut app);
    let f = app.frequencies().expect("open");
    let list = f.list.as_ref().expect("counted");
    let at = list
        .iter()
        .position(|w| w.word == "党支部")
        .expect("党支部 is among the words");
    assert!(!f.rows.is_empty() && f.header.contains("count"));
    for _ in 0..at {
        app.update(Action::FrequencyNext);
    }
    app.update(Action::SearchFrequentWord);
    assert_eq!(app.mode(), Mode::Results);
    let r = app.results().expect("the word's hits");
    assert_eq!((r.query.raw.as_str(), r.hits.len()), ("党支部", 21));
    // The whole input's list is kept: opening it again counts nothing.
    app.update(Action::CloseResults);
    app.update(Action::ShowWordFrequencies);
    assert!(app.take_effects().is_empty());
    assert!(app.frequencies().is_some_and(|f| f.list.is_some()));
}

#[test]
fn the_open_article_is_counted_alone_and_late_counts_are_dropped() {
    let mut app = app(100, 30);
    app.update(Action::JumpToColumn(5));
    app.update(Action::ShowWordFrequencies);
    let stale = app.take_effects();
    app.update(Action::ToggleFrequencyScope);
    let f = app.frequencies().expect("open");
    assert!(matches!(f.scope, FrequencyScope::Article(_)));
    // The first request's answer comes after the second was made.
    for effect in stale {
        if let Effect::CountWords { generation, .. } = effect {
            app.update(Msg::WordCounts {
                generation,
                counts: Vec::new(),
            });
        }
    }
    assert!(
        app.frequencies().is_some_and(|f| f.list.is_none()),
        "dropped"
    );
    count_words(&mut app);
    let list = app
        .frequencies()
        .and_then(|f| f.list.clone())
        .expect("counted");
    assert!(list.iter().all(|w| w.articles == 1), "one article");
    assert!(
        list.iter()
            .any(|w| w.word == "联学联创" || w.word == "党支部")
    );
}

#[test]
fn frequency_list_80x24() {
    let mut app = app(80, 24);
    app.update(Action::ShowWordFrequencies);
    let counting = screen(&app);
    assert!(counting.contains("counting the words…"), "{counting}");
    count_words(&mut app);
    app.update(Action::FrequencyNext);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn frequency_list_40x12() {
    let mut app = app(40, 12);
    app.update(Action::ShowWordFrequencies);
    count_words(&mut app);
    app.update(Action::FrequencyLast);
    let shown = screen(&app);
    assert!(
        shown
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 40),
        "{shown}"
    );
    insta::assert_snapshot!(shown);
}

fn archive(width: u16, height: u16) -> App {
    use kanbao::page::{Issue, parse};
    let page = |source: &str, title: &str| {
        parse(
            source,
            format!("{title}\n\n本报北京电 正文第一段，党支部开会。\n\n正文第二段。\n"),
            None,
        )
    };
    let issue = Issue {
        pages: vec![
            page("rmrb/20190201/01.txt", "一日头版"),
            page("rmrb/20190201/02.txt", "一日二版"),
            page("rmrb/20190202/01.txt", "二日头版"),
            page("rmrb/20190203/01.txt", "三日头版"),
        ],
    };
    App::new(issue, width, height, LayoutOptions::default())
}

#[test]
fn an_archive_is_read_issue_by_issue() {
    use kanbao::app::Row;
    let mut app = archive(100, 30);
    let dates: Vec<usize> = app
        .contents
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Date(p) => Some(*p),
            _ => None,
        })
        .collect();
    assert_eq!(dates, [0, 2, 3], "a heading where each date starts");
    let title = |app: &App| app.article().map(|a| a.title_line()).unwrap_or_default();
    app.update(Action::NextIssue);
    assert_eq!(title(&app), "二日头版");
    assert_eq!(app.message.as_deref(), Some("the issue of 2019-02-02"));
    app.update(Action::NextIssue);
    app.update(Action::NextIssue);
    assert_eq!(title(&app), "三日头版");
    assert_eq!(app.message.as_deref(), Some("this is the last issue"));
    app.update(Action::NextArticle);
    app.update(Action::PrevIssue);
    assert_eq!(title(&app), "二日头版");
    app.update(Action::PrevIssue);
    assert_eq!(
        title(&app),
        "一日头版",
        "the first page of the date, not its last"
    );
}

#[test]
fn archive_contents_80x24() {
    let mut app = archive(80, 24);
    app.update(Action::FocusContents);
    insta::assert_snapshot!(screen(&app));
}
