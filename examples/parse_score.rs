//! Measures the parser on pages built from the development corpora, in
//! every layout: `cargo run --release --example parse_score [-- OPTIONS]`.
//!
//! By default it scores the development part of both papers (People's
//! Daily days 1–20, 学习时报's July issues). `--sealed` scores the sealed
//! part (days 21–27, the August issues): once, when a change is finished,
//! never to choose a rule. `--paper rmrb|xxsb` scores one paper.
//! `--failures N` prints what went wrong in layout N (1-based, in table
//! order). `--dump DIR` writes each built input with its gold
//! (`*.gold.json`), for `../shared/tools/score_page.py`. `--salt N` sets
//! the same articles out with other details (cuts, gaps, markers).
//! `--bytes gb18030|big5` writes every page in those bytes (Big5 in
//! Traditional characters) and reads it back as kanbao reads a file.

#[path = "../tests/it/support/mod.rs"]
mod support;

use support::corpus::{self, Paper, Split};
use support::layouts::{Builder, Bytes, Layout};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = if args.iter().any(|a| a == "--sealed") {
        Split::Sealed
    } else {
        Split::Dev
    };
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let show: Option<usize> = opt("--failures").and_then(|n| n.parse().ok());
    let dump = opt("--dump");
    let papers: Vec<Paper> = match opt("--paper").as_deref() {
        Some("rmrb") => vec![Paper::PeoplesDaily],
        Some("xxsb") => vec![Paper::StudyTimes],
        None => Paper::ALL.to_vec(),
        Some(other) => {
            eprintln!("parse_score: --paper is rmrb or xxsb, not {other}");
            std::process::exit(2);
        }
    };
    let bytes = match opt("--bytes").as_deref() {
        None | Some("utf-8") => Bytes::Utf8,
        Some("gb18030") => Bytes::Gb18030,
        Some("big5") => Bytes::Big5,
        Some(other) => {
            eprintln!("parse_score: --bytes is utf-8, gb18030 or big5, not {other}");
            std::process::exit(2);
        }
    };
    let builder = match opt("--salt").and_then(|n| n.parse().ok()) {
        Some(salt) => Builder::salted(salt),
        None => Builder::in_bytes(bytes),
    };
    for paper in papers {
        let items = match corpus::load_paper(paper) {
            Ok(items) => items,
            Err(e) => {
                eprintln!("parse_score: cannot read the corpus: {e}");
                std::process::exit(2);
            }
        };
        let pages = corpus::split_pages(&items, paper, split);
        println!(
            "\n{}, {} part ({} pages, {} articles), {}\n",
            paper.name(),
            if split == Split::Sealed {
                "sealed"
            } else {
                "development"
            },
            pages.len(),
            pages.iter().map(Vec::len).sum::<usize>(),
            bytes.name()
        );
        table(&builder, &pages, show, dump.as_deref(), paper);
    }
}

fn table(
    builder: &Builder,
    pages: &[Vec<corpus::Item>],
    show: Option<usize>,
    dump: Option<&str>,
    paper: Paper,
) {
    println!("| layout | article F1 | paragraph F1 | title exact | byline | column |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let pct = |v: Option<f64>| v.map_or("–".to_owned(), |v| format!("{v:.3}"));
    let mut all = support::score::Tally::default();
    for (n, layout) in Layout::ALL.into_iter().enumerate() {
        let mut failures = Vec::new();
        if let Some(dir) = dump {
            let dir = format!("{dir}/{paper:?}");
            for (k, built) in builder.build(layout, pages).iter().enumerate() {
                let base = format!("{dir}/{}-{k}", n + 1);
                std::fs::create_dir_all(&base).expect("dump dir");
                for (name, text) in &built.files {
                    let path = format!("{base}/{}", name.replace('/', "_"));
                    std::fs::write(path, text).expect("write page");
                }
                let gold = serde_json::json!({ "articles": built.gold.iter().map(reference_gold).collect::<Vec<_>>() });
                std::fs::write(format!("{base}.gold.json"), gold.to_string()).expect("write gold");
            }
        }
        let t = support::measure(builder, layout, pages, &mut failures);
        all += t;
        println!(
            "| {} | {:.3} | {:.3} | {:.3} | {} | {} |",
            layout.name(),
            t.article_f1(),
            t.para_f1(),
            t.title_exact(),
            pct(t.byline()),
            pct(t.column())
        );
        if show == Some(n + 1) {
            for f in &failures {
                eprintln!("  {f}");
            }
        }
    }
    println!(
        "| **all layouts** | {:.3} | {:.3} | {:.3} | {} | {} |",
        all.article_f1(),
        all.para_f1(),
        all.title_exact(),
        pct(all.byline()),
        pct(all.column())
    );
}

/// A gold article in the reference scorer's form: whitespace removed,
/// paragraphs as [first 12 characters, last 6, length].
fn reference_gold(g: &support::article::Gold) -> serde_json::Value {
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let anchor = |p: &String| {
        let chars: Vec<char> = squash(p).chars().collect();
        let n = chars.len();
        serde_json::json!([
            chars[..n.min(12)].iter().collect::<String>(),
            chars[n.saturating_sub(6)..].iter().collect::<String>(),
            n
        ])
    };
    let mut v = serde_json::json!({
        "title": squash(&g.title),
        "paras": g.paras.iter().map(anchor).collect::<Vec<_>>(),
    });
    for (key, value) in [
        ("leadin", &g.leadin),
        ("subtitle", &g.subtitle),
        ("column", &g.column),
        ("byline", &g.byline),
    ] {
        if let Some(text) = value {
            v[key] = serde_json::Value::String(squash(text));
        }
    }
    v
}
