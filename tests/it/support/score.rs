//! The parse scorer: a parsed input against its gold outline, with exactly
//! the definitions of `../shared/tools/score_page.py` (the reference; its
//! doc string says what each score means).

use kanbao::page::Issue;

use super::article::Gold;

/// One parsed article, as the scorer sees it.
struct Parsed {
    column: String,
    title: String,
    byline: Option<String>,
    blocks: Vec<String>,
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text without a bracketed note at its end: 标题（人民时评） → 标题.
fn core(t: &str) -> &str {
    let Some(body) = t.strip_suffix(['）', ')']) else {
        return t;
    };
    let Some(open) = body.rfind(['（', '(']) else {
        return t;
    };
    let note = &body[open + body[open..].chars().next().map_or(1, char::len_utf8)..];
    let n = note.chars().count();
    if (1..=24).contains(&n) && !note.contains(['（', '）', '(', ')']) {
        &t[..open]
    } else {
        t
    }
}

fn f1(tp: usize, np: usize, ng: usize) -> f64 {
    let p = if np == 0 { 1.0 } else { tp as f64 / np as f64 };
    let r = if ng == 0 { 1.0 } else { tp as f64 / ng as f64 };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Counts behind the scores, so that several inputs add up.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub gold_articles: usize,
    pub parsed_articles: usize,
    pub matched: usize,
    pub gold_paras: usize,
    pub blocks: usize,
    pub paras_found: usize,
    pub titles_exact: usize,
    pub bylines: usize,
    pub bylines_ok: usize,
    pub columns: usize,
    pub columns_ok: usize,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.gold_articles += o.gold_articles;
        self.parsed_articles += o.parsed_articles;
        self.matched += o.matched;
        self.gold_paras += o.gold_paras;
        self.blocks += o.blocks;
        self.paras_found += o.paras_found;
        self.titles_exact += o.titles_exact;
        self.bylines += o.bylines;
        self.bylines_ok += o.bylines_ok;
        self.columns += o.columns;
        self.columns_ok += o.columns_ok;
    }
}

fn share(ok: usize, n: usize) -> Option<f64> {
    (n > 0).then(|| ok as f64 / n as f64)
}

impl Tally {
    pub fn article_f1(&self) -> f64 {
        f1(self.matched, self.parsed_articles, self.gold_articles)
    }
    pub fn para_f1(&self) -> f64 {
        f1(self.paras_found, self.blocks, self.gold_paras)
    }
    pub fn title_exact(&self) -> f64 {
        share(self.titles_exact, self.gold_articles).unwrap_or(1.0)
    }
    pub fn byline(&self) -> Option<f64> {
        share(self.bylines_ok, self.bylines)
    }
    pub fn column(&self) -> Option<f64> {
        share(self.columns_ok, self.columns)
    }
}

fn parsed(issue: &Issue) -> Vec<Parsed> {
    let mut out = Vec::new();
    for page in &issue.pages {
        for col in &page.columns {
            for a in &col.articles {
                let mut blocks: Vec<String> =
                    a.blocks.iter().map(|b| squash(&b.text.text)).collect();
                let byline = a.byline.as_ref().map(|b| squash(&b.text));
                blocks.extend(byline.clone());
                out.push(Parsed {
                    column: col
                        .name
                        .as_ref()
                        .map(|n| squash(&n.text))
                        .unwrap_or_default(),
                    title: squash(&a.title.text),
                    byline,
                    blocks,
                });
            }
        }
    }
    out
}

/// Scores a parsed input against its gold; `failures` collects what did
/// not match, for reading.
pub fn score(issue: &Issue, gold: &[Gold], failures: &mut Vec<String>) -> Tally {
    let arts = parsed(issue);
    let mut t = Tally {
        gold_articles: gold.len(),
        parsed_articles: arts.len(),
        ..Tally::default()
    };
    // Articles: greedy, in reading order.
    let mut used = vec![false; arts.len()];
    let mut matched: Vec<Option<usize>> = vec![None; gold.len()];
    for (gi, g) in gold.iter().enumerate() {
        let full = squash(&format!(
            "{}{}{}",
            g.leadin.as_deref().unwrap_or(""),
            g.title,
            g.subtitle.as_deref().unwrap_or("")
        ));
        let gold_title = squash(&g.title);
        let want = core(&gold_title);
        let found = arts.iter().enumerate().position(|(pi, a)| {
            !used[pi]
                && !want.is_empty()
                && a.title.contains(want)
                && core(&a.title).chars().count() <= core(&full).chars().count() + 2
        });
        match found {
            Some(pi) => {
                used[pi] = true;
                matched[gi] = Some(pi);
                t.matched += 1;
                let title = &arts[pi].title;
                if *title == gold_title || title == want {
                    t.titles_exact += 1;
                }
            }
            None => failures.push(format!("article not found: {}", short(&g.title, 30))),
        }
    }
    for (pi, a) in arts.iter().enumerate() {
        if !used[pi] {
            failures.push(format!(
                "parsed article matches no gold one: title {:?}",
                short(&a.title, 40)
            ));
        }
    }
    // Paragraphs: a multiset of exact blocks, keyed as the reference keys
    // them (first 12 characters, last 6, length).
    let key = |s: &str| -> (String, String, usize) {
        let chars: Vec<char> = s.chars().collect();
        let n = chars.len();
        (
            chars[..n.min(12)].iter().collect(),
            chars[n.saturating_sub(6)..].iter().collect(),
            n,
        )
    };
    let mut pool: std::collections::HashMap<(String, String, usize), usize> = Default::default();
    for a in &arts {
        for b in a.blocks.iter().filter(|b| !b.is_empty()) {
            *pool.entry(key(b)).or_default() += 1;
            t.blocks += 1;
        }
    }
    for g in gold {
        for p in g.paras.iter().chain(g.byline.iter()) {
            let p = squash(p);
            t.gold_paras += 1;
            match pool.get_mut(&key(&p)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    t.paras_found += 1;
                }
                _ => failures.push(format!(
                    "paragraph not reproduced as one block: {} ({} chars) in {}",
                    short(&p, 16),
                    p.chars().count(),
                    short(&g.title, 16)
                )),
            }
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if let Some(b) = &g.byline {
            t.bylines += 1;
            if matched[gi].is_some_and(|pi| arts[pi].byline.as_deref() == Some(squash(b).as_str()))
            {
                t.bylines_ok += 1;
            } else {
                failures.push(format!(
                    "byline {:?} read as {:?}",
                    squash(b),
                    matched[gi].map(|pi| arts[pi].byline.clone())
                ));
            }
        }
        if let Some(c) = &g.column {
            t.columns += 1;
            if matched[gi].is_some_and(|pi| arts[pi].column == squash(c)) {
                t.columns_ok += 1;
            }
        }
    }
    t
}

fn short(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}
