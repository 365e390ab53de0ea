//! Helpers shared by the integration tests.
#![allow(dead_code)]

use kanbao::page::{Issue, Page, Text, parse};
use kanbao::text::Segmenter;

pub const SAMPLE: &str = include_str!("../../../assets/sample-page.txt");

pub fn sample() -> Page {
    parse("sample-page.txt", SAMPLE, Some(Segmenter::get()))
}

pub fn page_file(name: &str) -> (String, Page) {
    let path = format!("{}/tests/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("test page exists");
    let page = parse(name, text.as_str(), Some(Segmenter::get()));
    (text, page)
}

pub fn issue_of(page: Page) -> Issue {
    Issue { pages: vec![page] }
}

/// Byline markers and the brackets of bracketed column names: the only
/// non-blank source characters the model may leave out.
pub fn is_marker(c: char) -> bool {
    matches!(
        c,
        '□' | '◎'
            | '■'
            | '●'
            | '○'
            | '◆'
            | '（'
            | '）'
            | '('
            | ')'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '['
            | ']'
            | '［'
            | '］'
            | '「'
            | '」'
    )
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !is_marker(*c))
        .collect()
}

/// Every text of the page in model order.
pub fn texts(page: &Page) -> Vec<&Text> {
    let mut out = Vec::new();
    for col in &page.columns {
        out.extend(col.name.iter());
        for a in &col.articles {
            out.extend(a.leadin.iter());
            out.push(&a.title);
            out.extend(a.subtitle.iter());
            out.extend(a.byline.iter());
            out.extend(a.blocks.iter().map(|b| &b.text));
        }
    }
    out
}

/// The issue's conservation property: names + titles + bylines + blocks,
/// whitespace and markers removed, equal the source likewise reduced.
pub fn assert_conserved_in_order(page: &Page) {
    let model: String = texts(page).iter().map(|t| squeeze(&t.text)).collect();
    assert_eq!(model, squeeze(&page.text), "model text differs from source");
}

/// The stronger, order-free form: every piece is the source text it points
/// at, no two pieces overlap, what no piece covers is only whitespace and
/// markers, and each text is its pieces plus whitespace separators.
pub fn assert_conserved(page: &Page) {
    let src: &str = &page.text;
    let mut covered = vec![false; src.len()];
    for text in texts(page) {
        let mut rebuilt = String::new();
        let mut at = 0;
        for p in &text.pieces {
            let gap = &text.text[at..p.at];
            assert!(
                gap.chars().all(char::is_whitespace),
                "separator {gap:?} in {:?}",
                text.text
            );
            rebuilt.push_str(gap);
            let in_text = &text.text[p.at..p.at + p.len];
            assert_eq!(
                in_text,
                &src[p.source..p.source + p.len],
                "piece differs from source"
            );
            assert_eq!(p.line, line_of(src, p.source), "wrong line for {in_text:?}");
            for flag in &mut covered[p.source..p.source + p.len] {
                assert!(!*flag, "two pieces cover the same source bytes");
                *flag = true;
            }
            rebuilt.push_str(in_text);
            at = p.at + p.len;
        }
        rebuilt.push_str(&text.text[at..]);
        assert_eq!(rebuilt, text.text);
    }
    let mut lost = String::new();
    for (i, c) in src.char_indices() {
        if !covered[i] && !c.is_whitespace() && !is_marker(c) {
            lost.push(c);
        }
    }
    assert!(
        lost.is_empty(),
        "source text missing from the model: {lost:?}"
    );
}

/// The 1-based line of a byte offset, with `\n`, `\r\n` and lone `\r`
/// all ending lines.
pub fn line_of(src: &str, offset: usize) -> usize {
    let before = &src.as_bytes()[..offset];
    let newlines = before.iter().filter(|&&b| b == b'\n').count();
    let lone_cr = before
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && src.as_bytes().get(i + 1) != Some(&b'\n'))
        .count();
    newlines + lone_cr + 1
}

/// A directory for one test, removed (with all in it) when dropped: tests
/// leave nothing behind in the temporary directory.
pub struct Scratch(tempfile::TempDir);

/// A fresh scratch directory, its name starting `kanbao-{name}-`.
pub fn scratch(name: &str) -> Scratch {
    Scratch(
        tempfile::Builder::new()
            .prefix(&format!("kanbao-{name}-"))
            .tempdir()
            .expect("a temporary directory"),
    )
}

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        self.0.path()
    }
}

impl AsRef<std::path::Path> for Scratch {
    fn as_ref(&self) -> &std::path::Path {
        self.0.path()
    }
}

/// The screen as a terminal shows it after one frame of `app`: each
/// cell's symbol, the cells behind a wide character skipped, every row
/// exactly as wide as the screen.
pub fn screen(app: &kanbao::app::App) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use unicode_width::UnicodeWidthStr;
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

/// What `update` asked of the outside world, less the expiry of status
/// messages (asked whenever a message is shown).
pub fn asked(app: &mut kanbao::app::App) -> Vec<kanbao::action::Effect> {
    app.take_effects()
        .into_iter()
        .filter(|e| !matches!(e, kanbao::action::Effect::ExpireMessage { .. }))
        .collect()
}
