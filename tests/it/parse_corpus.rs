//! The parser measured on real pages it was not tuned on: the held-out days
//! (21–27) of the development corpus, built in every layout, scored against
//! their true structure. The floors are the scores measured when they were
//! set (README, "Parser accuracy"), less a hair for rounding: a change that
//! loses structure on any layout fails here.
//!
//! Needs `../shared/corpus/` (or `$KANBAO_CORPUS`): without it the test says
//! why and passes, except under CI, which always has it.

use crate::support;

use support::corpus;
use support::layouts::{Builder, Layout};

/// (layout, article F1 floor, paragraph F1 floor).
const FLOORS: [(Layout, f64, f64); 8] = [
    (Layout::Crawler, 0.99, 0.99),
    (Layout::Print, 0.97, 0.97),
    (Layout::Wrapped, 0.98, 0.99),
    (Layout::WrappedBreaks, 0.98, 0.99),
    (Layout::Web, 0.97, 0.99),
    (Layout::HongKong, 0.985, 0.985),
    (Layout::Day, 0.97, 0.97),
    (Layout::Folder, 0.99, 0.99),
];

#[test]
fn held_out_days_parse_above_their_floors_in_every_layout() {
    let Some(items) = corpus::load_or_skip() else {
        return;
    };
    let pages = corpus::pages(&items, corpus::HELD_OUT_DAYS);
    assert!(pages.len() > 50, "held-out days give {} pages", pages.len());
    let builder = Builder::new();
    let mut report = Vec::new();
    let mut below = Vec::new();
    for (layout, article_floor, para_floor) in FLOORS {
        let mut failures = Vec::new();
        let t = support::measure(&builder, layout, &pages, &mut failures);
        assert!(
            t.gold_articles > 400,
            "{}: only {} articles",
            layout.name(),
            t.gold_articles
        );
        let line = format!(
            "{}: article F1 {:.3} (floor {article_floor}), paragraph F1 {:.3} (floor {para_floor})",
            layout.name(),
            t.article_f1(),
            t.para_f1()
        );
        if t.article_f1() < article_floor || t.para_f1() < para_floor {
            below.push(format!(
                "{line}; first failures: {:?}",
                &failures[..failures.len().min(5)]
            ));
        }
        report.push(line);
    }
    eprintln!("{}", report.join("\n"));
    assert!(below.is_empty(), "below the floor:\n{}", below.join("\n"));
}

#[test]
fn the_builder_makes_what_each_layout_promises() {
    let Ok(items) = corpus::load() else {
        eprintln!("skipped: the development corpus is not here");
        return;
    };
    let pages = corpus::pages(&items, 21..=21);
    let builder = Builder::new();
    let text = |layout| -> String {
        builder
            .build(layout, &pages)
            .into_iter()
            .flat_map(|b| b.files.into_iter().map(|(_, t)| t))
            .collect()
    };
    assert!(text(Layout::Crawler).contains("\r\n\u{3000}\u{3000}"));
    let wrapped = text(Layout::Wrapped);
    // Paragraphs wrap at 20–30 characters, a hanging mark past it;
    // headlines stand on lines of their own.
    let widest = wrapped
        .lines()
        .filter(|l| l.starts_with('\u{3000}'))
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0);
    assert!((40..=62).contains(&widest), "wrapped at {widest} cells");
    assert!(
        !text(Layout::Web).contains("\n\n"),
        "a web copy has no blank line"
    );
    let hk = text(Layout::HongKong);
    assert!(hk.contains("【本報訊】") && hk.contains("記者："));
    assert!(!hk.contains("记者"), "Traditional characters throughout");
    let day = builder.build(Layout::Day, &pages);
    assert_eq!(day.len(), 1, "one file for the day");
    assert!(day[0].files[0].1.contains("第01版"));
    assert!(builder.build(Layout::Folder, &pages)[0].files.len() > 5);
}
