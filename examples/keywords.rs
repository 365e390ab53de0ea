//! For reading keywords as a reader would: `cargo run --release --example
//! keywords [-- N]` prints the title and keywords of every N-th article of
//! the development corpus (days 1–20; default every 40th), to be read
//! against the article. `-- --generic` lists the words more than one
//! article in eight uses, with how many articles and how often in each:
//! the candidates for `src/text/generic.rs`.

#[path = "../tests/it/support/mod.rs"]
mod support;

use std::collections::{BTreeMap, BTreeSet};

use kanbao::text::Segmenter;
use kanbao::text::keywords::keywords;
use support::corpus;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let items = match corpus::load() {
        Ok(items) => items,
        Err(e) => {
            eprintln!("keywords: cannot read the corpus: {e}");
            std::process::exit(2);
        }
    };
    let seg = Segmenter::get();
    let articles: Vec<&corpus::Item> = items
        .iter()
        .filter(|i| corpus::DEV_DAYS.contains(&i.day()) && !i.paras.is_empty())
        .collect();
    if args.iter().any(|a| a == "--generic") {
        generic(&articles, seg);
        return;
    }
    let every: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(40);
    for item in articles.iter().step_by(every.max(1)) {
        let text = format!("{}\n{}", item.title, item.paras.join("\n"));
        println!(
            "{} {}\n    {}",
            item.id,
            item.title,
            keywords(seg, &text, 5).join("　")
        );
    }
}

fn generic(articles: &[&corpus::Item], seg: Segmenter) {
    let han = |w: &str| {
        w.chars().count() >= 2 && w.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    };
    let mut df: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for item in articles {
        let text = item.paras.join("\n");
        let bounds = seg.boundaries(&text);
        let words: Vec<&str> = bounds
            .windows(2)
            .map(|w| &text[w[0]..w[1]])
            .filter(|w| han(w))
            .collect();
        for w in &words {
            df.entry((*w).to_owned()).or_default().1 += 1;
        }
        for w in words.into_iter().collect::<BTreeSet<_>>() {
            df.entry(w.to_owned()).or_default().0 += 1;
        }
    }
    let floor = articles.len() / 8;
    let mut common: Vec<_> = df.into_iter().filter(|(_, (n, _))| *n > floor).collect();
    common.sort_by_key(|c| std::cmp::Reverse(c.1.0));
    for (word, (n, uses)) in common {
        println!("{word}\t{n} articles\t{:.1} a time", uses as f64 / n as f64);
    }
}
