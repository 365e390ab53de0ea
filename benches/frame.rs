//! One frame of the reader, drawn into a test backend at 120×40: a 1 MB
//! article scrolled to its middle, and the page-wide results list with
//! 25 000 hits. A frame only reads what `update` prepared.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use kanbao::action::Action;
use kanbao::app::App;
use kanbao::layout::LayoutOptions;
use kanbao::page::{Issue, parse};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn app_of(pages: Vec<kanbao::page::Page>) -> App {
    App::new(Issue { pages }, WIDTH, HEIGHT, LayoutOptions::default())
}

fn bench_draw(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    app: &App,
) {
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    group.bench_function(name, |b| {
        b.iter(|| {
            terminal
                .draw(|frame| kanbao::ui::draw(frame, black_box(app)))
                .map(|_| ())
        })
    });
}

fn bench_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");

    // A 1 MB article: one title over the sample's paragraphs, repeated.
    let body: String = common::SAMPLE
        .lines()
        .filter(|l| l.chars().count() > 40)
        .map(|l| format!("{l}\n\n"))
        .collect();
    let mut text = String::from("一篇很长的文章\n\n");
    while text.len() < 1 << 20 {
        text.push_str(&body);
    }
    let mut app = app_of(vec![parse("big.txt", text, None)]);
    for _ in 0..200 {
        app.update(Action::PageDown);
    }
    bench_draw(&mut group, "1 MB article", &app);

    // 25 000 hits of 党 across copies of the sample, the list scrolled in.
    let per_page = common::SAMPLE.matches('党').count();
    let pages = (0..25_000usize.div_ceil(per_page))
        .map(|i| parse(&format!("{i:04}版.txt"), common::SAMPLE, None))
        .collect();
    let mut app = app_of(pages);
    app.update(Action::StartPageSearch);
    app.update(Action::InsertChar('党'));
    app.update(Action::SubmitSearch);
    for _ in 0..12_000 {
        app.update(Action::ResultNext);
    }
    let hits = app.results().map_or(0, |r| r.hits.len());
    assert!(hits >= 25_000, "{hits} hits");
    bench_draw(&mut group, "results, 25 000 hits", &app);
    group.finish();
}

criterion_group!(benches, bench_frame);
criterion_main!(benches);
