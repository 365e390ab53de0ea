//! An archive in the reader, one issue at a time: the loader lists the
//! folder's dates and reads only the first page's issue; `)` and `(` ask
//! for another (an effect), whose answer replaces the model — unless a
//! later request made it stale.

use crate::common;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use common::*;
use kanbao::action::{Action, Effect};
use kanbao::app::App;
use kanbao::layout::LayoutOptions;
use kanbao::message::{Listing, Msg};
use kanbao::page::{Issue, LoadOptions, date_in, parse};

fn page_text(title: &str) -> String {
    format!("{title}\n\n本报北京电 正文第一段，党支部开会。\n\n正文第二段。\n")
}

fn issue(pages: &[(&str, &str)]) -> Arc<Issue> {
    Arc::new(Issue {
        pages: pages
            .iter()
            .map(|(source, title)| parse(source, page_text(title), None))
            .collect(),
    })
}

/// Three dates, the first in the model.
fn reader(width: u16, height: u16) -> App {
    let first = issue(&[("a/20190201/01.txt", "一日头版")]);
    let mut app = App::new(
        Issue::clone(&first),
        width,
        height,
        LayoutOptions::default(),
    );
    let day = |d: &str| {
        let date = date_in(d).expect("a date");
        (date, vec![PathBuf::from(format!("a/{d}/01.txt"))])
    };
    app.update(Msg::Archive(Listing {
        issues: vec![day("20190201"), day("20190202"), day("20190203")],
        open: 0,
    }));
    app.update(Msg::Identified("k1".to_owned()));
    app
}

fn title(app: &App) -> String {
    app.article().map(|a| a.title_line()).unwrap_or_default()
}

/// The issue the app last asked for: its files and generation.
fn asked(app: &mut App) -> Option<(Vec<PathBuf>, u64)> {
    app.take_effects().into_iter().rev().find_map(|e| match e {
        Effect::OpenIssue { files, generation } => Some((files, generation)),
        _ => None,
    })
}

#[test]
fn the_next_issue_is_asked_for_and_replaces_the_model() {
    let mut app = reader(100, 30);
    app.update(Action::PrevIssue);
    assert_eq!(app.message.as_deref(), Some("this is the first issue"));
    app.update(Action::NextIssue);
    let (files, generation) = asked(&mut app).expect("the next issue asked for");
    assert_eq!(files, [PathBuf::from("a/20190202/01.txt")]);
    assert_eq!(
        app.pending.as_deref(),
        Some("opening the issue of 2019-02-02")
    );
    assert_eq!(title(&app), "一日头版", "the model stays until it comes");
    app.update(Msg::IssueOpened {
        generation,
        issue: issue(&[("a/20190202/01.txt", "二日头版")]),
        seg: None,
        key: "k2".to_owned(),
    });
    assert_eq!(title(&app), "二日头版");
    assert_eq!(app.pending, None);
    assert_eq!(app.input_key.as_deref(), Some("k2"), "the issue's own key");
    assert!(
        app.remembered.contains_key("k1"),
        "the issue left keeps its place"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("the issue of 2019-02-02 (2 of 3)")
    );
    let shown = screen(&app);
    assert!(shown.contains("2019-02-02 · 2/3"), "{shown}");
    // Keywords of the first model, late, are not this one's.
    let id = app.reading.article;
    app.update(Msg::Keywords(vec![(id, vec!["旧词".to_owned()])]));
    assert!(!app.keywords.contains_key(&id));
    app.update(Msg::IssueKeywords {
        generation,
        keywords: vec![(id, vec!["新词".to_owned()])],
    });
    assert_eq!(
        app.keywords.get(&id).map(Vec::as_slice),
        Some(&["新词".to_owned()][..])
    );
}

#[test]
fn a_late_answer_to_an_earlier_request_is_dropped() {
    let mut app = reader(100, 30);
    app.update(Action::NextIssue);
    let (_, first) = asked(&mut app).expect("asked");
    app.update(Action::NextIssue);
    let (files, second) = asked(&mut app).expect("asked again");
    assert_eq!(files, [PathBuf::from("a/20190203/01.txt")], "two dates on");
    app.update(Action::NextIssue);
    assert_eq!(app.message.as_deref(), Some("this is the last issue"));
    app.update(Msg::IssueOpened {
        generation: first,
        issue: issue(&[("a/20190202/01.txt", "二日头版")]),
        seg: None,
        key: "k2".to_owned(),
    });
    assert_eq!(title(&app), "一日头版", "stale");
    app.update(Msg::IssueOpened {
        generation: second,
        issue: issue(&[("a/20190203/01.txt", "三日头版")]),
        seg: None,
        key: "k2".to_owned(),
    });
    assert_eq!(title(&app), "三日头版");
    app.update(Action::PrevIssue);
    let (files, _) = asked(&mut app).expect("back one");
    assert_eq!(files, [PathBuf::from("a/20190202/01.txt")]);
}

#[test]
fn the_contents_lists_every_issue_and_opens_one() {
    use kanbao::app::Row;
    let mut app = reader(60, 16);
    let issues: Vec<usize> = app
        .contents
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Issue(k) => Some(*k),
            _ => None,
        })
        .collect();
    assert_eq!(issues, [0, 1, 2], "the open one heads its pages");
    assert_eq!(app.contents.rows[0], Row::Issue(0));
    app.update(Action::FocusContents);
    app.update(Action::SelectNext);
    assert_eq!(app.contents.selected_issue(), Some(1), "past the article");
    app.update(Action::OpenSelected);
    let (files, generation) = asked(&mut app).expect("asked for");
    assert_eq!(files, [PathBuf::from("a/20190202/01.txt")]);
    insta::assert_snapshot!(screen(&app));
    app.update(Msg::IssueOpened {
        generation,
        issue: issue(&[("a/20190202/01.txt", "二日头版")]),
        seg: None,
        key: "k2".to_owned(),
    });
    let rows = &app.contents.rows;
    assert_eq!((rows[0], rows[1]), (Row::Issue(0), Row::Issue(1)));
    assert_eq!(rows.last(), Some(&Row::Issue(2)));
    insta::assert_snapshot!(screen(&app));
}

/// The loader on a real folder: the dates listed, only the first page's
/// issue read; the executor's reading of another issue.
#[test]
fn the_loader_reads_one_issue_of_a_folder_of_dates() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, title) in [
        ("2019-02-01/01.txt", "一日头版"),
        ("2019-02-01/02.txt", "一日二版"),
        ("2019-02-02/01.txt", "二日头版"),
    ] {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
        std::fs::write(path, page_text(title)).expect("page");
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let first = kanbao::loader::open_folder(dir.path(), LoadOptions::default(), tx.clone())
        .expect("opened");
    assert_eq!(first.issue.pages.len(), 1);
    let wait = || rx.recv_timeout(Duration::from_secs(20)).expect("a message");
    let mut archive = None;
    let refined = loop {
        match wait() {
            Msg::Archive(a) => archive = Some(a),
            Msg::Refined(issue, _) => break issue,
            _ => {}
        }
    };
    let archive = archive.expect("listed as an archive");
    assert_eq!(archive.issues.len(), 2);
    assert_eq!(archive.issues[archive.open].1.len(), 2);
    let titles: Vec<String> = refined.articles().map(|(_, a)| a.title_line()).collect();
    assert_eq!(
        titles,
        ["一日头版", "一日二版"],
        "only the first date's pages"
    );

    kanbao::loader::open_issue(archive.issues[1].1.clone(), LoadOptions::default(), 7, tx);
    let opened = loop {
        if let Msg::IssueOpened {
            generation, issue, ..
        } = wait()
        {
            break (generation, issue);
        }
    };
    assert_eq!(opened.0, 7);
    let titles: Vec<String> = opened.1.articles().map(|(_, a)| a.title_line()).collect();
    assert_eq!(titles, ["二日头版"]);
}
