//! `--explain` as a library call: every text's line is where that text
//! stands in the source, on a big page parsed in regions too.

use kanbao::page::load::BUNDLED_PAGE;
use kanbao::page::{Issue, explain, parse};

/// The source line `line` (1-based) of `text`.
fn source_line(text: &str, line: usize) -> &str {
    text.lines().nth(line - 1).unwrap_or("")
}

#[test]
fn each_explained_text_stands_on_its_line() {
    let issue = Issue {
        pages: vec![parse("sample-page.txt", BUNDLED_PAGE, None)],
    };
    let lines = explain(&issue, None, None);
    assert!(lines.len() > 50);
    for e in &lines {
        let opening: String = e.text.chars().take(4).collect();
        assert!(
            source_line(BUNDLED_PAGE, e.line).contains(&opening),
            "line {} is not where {:?} stands",
            e.line,
            e.text
        );
        assert!(!e.why.is_empty());
    }
}

#[test]
fn a_page_parsed_in_regions_is_explained_as_it_was_parsed() {
    // Over 4 MB: parsed in regions, one thread each.
    let text = format!("{BUNDLED_PAGE}\n\n\n").repeat(260);
    let issue = Issue {
        pages: vec![parse("big.txt", text.as_str(), None)],
    };
    let total = issue.articles().count();
    let last = explain(&issue, Some(&[total]), None);
    assert!(!last.is_empty());
    let title = last.iter().find(|e| e.label == "title").expect("a title");
    assert_eq!(
        source_line(&text, title.line).trim(),
        "联学联创 聚合力 最强党支部 增活力"
    );
    assert!(
        !title.why.starts_with("text before"),
        "the rule that opened it, found in its region: {}",
        title.why
    );
}
