//! One corpus article made ready for a layout: its column note split off,
//! its byline picked out, and the gold outline the parser must give back.
//! The builder keeps its own simple rules for bylines, captions and credits
//! rather than the parser's, so that the measure never borrows from what it
//! measures.

use rand::Rng;
use rand::rngs::StdRng;
use serde::Serialize;

use super::corpus::Item;

/// The true structure of one article as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Gold {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leadin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// As the page writes it, without a □/◎ marker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Every other block of the article, in order: body paragraphs,
    /// subheadings, captions, credits, notes.
    pub paras: Vec<String>,
}

const BYLINE_ROLES: &[&str] = &[
    "本报记者",
    "本报通讯员",
    "本报特约记者",
    "新华社记者",
    "记者",
    "通讯员",
];

/// A paragraph the page prints as the article's byline.
pub fn is_byline(p: &str) -> bool {
    BYLINE_ROLES.iter().any(|r| p.starts_with(r))
        && p.chars().count() <= 30
        && !p.contains(['。', '，', '：', '；'])
        && !p.ends_with('摄')
        && !p.starts_with("记者手记")
        && p.chars().nth(2).is_some()
}

pub fn is_caption(p: &str) -> bool {
    p.starts_with("图为")
        || p.starts_with(['上', '下', '左', '右']) && p[3..].starts_with("图")
        || p.starts_with('图') && p[3..].starts_with(|c: char| ('①'..='⑳').contains(&c))
}

pub fn is_credit(p: &str) -> bool {
    let t = p.trim_end_matches(['）', ')']);
    p.chars().count() <= 40
        && !p.contains('。')
        && (t.ends_with('摄') || t.ends_with("新华社发") || t.ends_with("供图"))
}

/// Short, with no sentence-final mark: a subheading when it stands in the
/// body.
pub fn is_heading_like(p: &str) -> bool {
    let n = p.chars().count();
    (2..=28).contains(&n)
        && !p.contains(['。', '；'])
        && !p.ends_with(['！', '？', '…', '”', '：', '）', ')'])
        && !is_byline(p)
        && !is_credit(p)
}

/// A bracketed note at the end of a title, the way the scorer finds one:
/// `（体育大看台）` in `体育成富矿 供需都兴旺（体育大看台）`.
pub fn title_note(title: &str) -> Option<(&str, &str)> {
    let body = title.strip_suffix('）')?;
    let open = body.rfind('（')?;
    let note = &body[open + '（'.len_utf8()..];
    let n = note.chars().count();
    let plain = !note.contains(['（', '）', '(', ')']);
    ((2..=12).contains(&n) && plain && open > 0).then(|| (title[..open].trim_end(), note))
}

/// What a paragraph is, where the corpus says (学习时报's markup); People's
/// Daily's paragraphs are `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Unknown,
    Paragraph,
    Subheading,
    /// An author note in brackets: （作者系…）.
    Note,
    Caption,
}

impl Kind {
    fn of(name: &str) -> Kind {
        match name {
            "paragraph" => Kind::Paragraph,
            "subheading" => Kind::Subheading,
            "note" => Kind::Note,
            "caption" => Kind::Caption,
            _ => Kind::Unknown,
        }
    }
}

/// An article prepared for a layout.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub leadin: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
    /// A column heading to print before the article.
    pub column: Option<String>,
    pub byline: Option<String>,
    pub paras: Vec<String>,
    /// The kind of each paragraph, in step with `paras`.
    pub kinds: Vec<Kind>,
}

/// Applies `f` to an article's texts: its optional heads, title and
/// paragraphs.
fn map_texts(
    heads: [&mut Option<String>; 4],
    title: &mut String,
    paras: &mut [String],
    f: impl Fn(&str) -> String,
) {
    let texts = heads.into_iter().flat_map(Option::as_mut);
    for t in texts.chain([title]).chain(paras.iter_mut()) {
        *t = f(t);
    }
}

impl Gold {
    /// Applies `f` to every text (for a change of script).
    pub fn map(&mut self, f: impl Fn(&str) -> String) {
        let heads = [
            &mut self.leadin,
            &mut self.subtitle,
            &mut self.column,
            &mut self.byline,
        ];
        map_texts(heads, &mut self.title, &mut self.paras, f);
    }
}

impl Prepared {
    /// `column_odds`: how often a title's bracketed note is printed as a
    /// column heading instead; `take_byline`: whether the page prints a
    /// byline paragraph on a line of its own under the headline.
    pub fn new(item: &Item, rng: &mut StdRng, column_odds: f64, take_byline: bool) -> Self {
        let mut title = item.title.trim().to_owned();
        let mut column = None;
        if let Some((head, note)) = title_note(&title)
            && rng.gen_bool(column_odds)
        {
            column = Some(note.to_owned());
            title = head.to_owned();
        }
        let mut paras: Vec<String> = item.paras.iter().map(|p| p.trim().to_owned()).collect();
        let mut kinds: Vec<Kind> = if item.blocks.len() == paras.len() {
            item.blocks.iter().map(|b| Kind::of(&b.kind)).collect()
        } else {
            vec![Kind::Unknown; paras.len()]
        };
        // A byline the corpus knows is printed in every layout, as the
        // e-paper shows it; one found among the paragraphs only where the
        // layout takes it out.
        let mut byline = item.byline.as_ref().map(|b| b.trim().to_owned());
        if byline.is_none()
            && take_byline
            && let Some(at) = paras.iter().take(2).position(|p| is_byline(p))
        {
            byline = Some(paras.remove(at));
            kinds.remove(at);
        }
        Prepared {
            leadin: item.leadin.as_ref().map(|s| s.trim().to_owned()),
            title,
            subtitle: item.subtitle.as_ref().map(|s| s.trim().to_owned()),
            column,
            byline,
            paras,
            kinds,
        }
    }

    /// Whether paragraph `k` is a subheading: as the corpus says, or, where
    /// it does not, by its look.
    pub fn is_subheading(&self, k: usize) -> bool {
        match self.kinds.get(k) {
            Some(Kind::Subheading) => true,
            Some(Kind::Unknown) | None => {
                is_heading_like(&self.paras[k]) && !is_caption(&self.paras[k])
            }
            Some(_) => false,
        }
    }

    pub fn gold(&self) -> Gold {
        Gold {
            title: self.title.clone(),
            leadin: self.leadin.clone(),
            subtitle: self.subtitle.clone(),
            column: self.column.clone(),
            byline: self.byline.clone(),
            paras: self.paras.clone(),
        }
    }

    /// Applies `f` to every text (for a change of script).
    pub fn map(&mut self, f: impl Fn(&str) -> String) {
        let heads = [
            &mut self.leadin,
            &mut self.subtitle,
            &mut self.column,
            &mut self.byline,
        ];
        map_texts(heads, &mut self.title, &mut self.paras, f);
    }

    /// Moves photo captions and their credits to the top of the body, as web
    /// copies print them.
    pub fn captions_first(&mut self) {
        let (mut top, rest): (Vec<_>, Vec<_>) = self
            .paras
            .drain(..)
            .zip(self.kinds.drain(..))
            .partition(|(p, k)| *k == Kind::Caption || is_caption(p) || is_credit(p));
        top.extend(rest);
        (self.paras, self.kinds) = top.into_iter().unzip();
    }
}
