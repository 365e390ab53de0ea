//! `--search`: one line per hit, `SOURCE:LINE: COLUMN › TITLE: …context…`,
//! LINE being the source line the hit starts on.

use rayon::prelude::*;

use crate::find::{IssueHit, snippet};
use crate::page::{ArticleId, Issue};
use crate::text::sanitize::{Paint, paint, safe};

/// Writes hit lines, every piece made safe here (they go out as they
/// are); the part of a line that names the article is worked out once per
/// article (hits come in reading order), not once per hit.
#[derive(Default)]
pub struct HitLines {
    /// Colour the fields as grep does.
    color: bool,
    article: Option<ArticleId>,
    /// `SOURCE:`, then after the line number `: COLUMN › TITLE: `.
    source: String,
    place: String,
}

impl HitLines {
    pub fn new(color: bool) -> HitLines {
        HitLines {
            color,
            ..HitLines::default()
        }
    }

    /// `text` made safe, coloured if the lines are.
    fn paint(&self, text: &str, how: Paint) -> String {
        if self.color {
            paint(text, how)
        } else {
            safe(text).into_owned()
        }
    }

    /// The line for `hit`, with its newline, appended to `out`.
    pub fn write(&mut self, issue: &Issue, hit: &IssueHit, out: &mut String) {
        if self.article != Some(hit.article) {
            self.article = Some(hit.article);
            let source = issue
                .pages
                .get(hit.article.page)
                .map_or("", |p| p.source.as_str());
            self.source = format!(
                "{}{}",
                self.paint(source, Paint::Source),
                self.paint(":", Paint::Separator)
            );
            self.place = format!(
                "{} {}{} ",
                self.paint(":", Paint::Separator),
                safe(&issue.place_of(hit.article)),
                self.paint(":", Paint::Separator)
            );
        }
        let s = snippet(issue, hit);
        out.push_str(&self.source);
        let line = source_line(issue, hit).to_string();
        out.push_str(&self.paint(&line, Paint::Line));
        out.push_str(&self.place);
        out.push_str(&safe(&s.before));
        out.push_str(&self.paint(&s.hit, Paint::Hit));
        out.push_str(&safe(&s.after));
        out.push('\n');
    }
}

/// Writes the lines for `hits` through `write`, in order. A long list is
/// made on every core, a batch at a time, so what waits to be written
/// stays small however many hits there are.
pub fn write_hit_lines(
    issue: &Issue,
    hits: &[IssueHit],
    color: bool,
    mut write: impl FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    // About 64 KB of lines a run.
    const RUN: usize = 512;
    let batch = RUN * 2 * rayon::current_num_threads();
    for hits in hits.chunks(batch) {
        let runs: Vec<String> = hits
            .par_chunks(RUN)
            .map(|run| {
                let mut lines = HitLines::new(color);
                let mut out = String::with_capacity(run.len() * 160);
                for hit in run {
                    lines.write(issue, hit, &mut out);
                }
                out
            })
            .collect();
        for run in runs {
            write(&run)?;
        }
    }
    Ok(())
}

/// The 1-based source line a hit starts on.
fn source_line(issue: &Issue, hit: &IssueHit) -> usize {
    let Some(text) = issue.text_of(hit.article, hit.hit.part) else {
        return 0;
    };
    text.pieces
        .iter()
        .take_while(|p| p.at <= hit.hit.start)
        .last()
        .map_or(text.line, |p| p.line)
}

/// The line for one hit, without its newline.
pub fn search_line(issue: &Issue, hit: &IssueHit) -> String {
    let mut out = String::new();
    HitLines::default().write(issue, hit, &mut out);
    out.pop();
    out
}
