//! Pages built from corpus articles in the surface layouts real dumps come
//! in, each with its gold outline. Details (cuts, markers, widths, gaps) are
//! drawn from an RNG seeded by the layout and the page, so a page is the
//! same on every run.

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use unicode_width::UnicodeWidthChar;

use super::article::{Gold, Kind, Prepared, is_caption, is_credit};
use super::corpus::Item;
use kanbao::text::Segmenter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// (a) The crawler's own: a line per paragraph indented with 　　,
    /// headline lines unindented, CRLF, a blank line between articles.
    Crawler,
    /// (b) A print dump: blocks between blank lines, more between articles,
    /// column headings, bylines on lines of their own, paragraphs cut where
    /// a printed column ended.
    Print,
    /// (c) Hard-wrapped at 20–30 characters, first lines indented, no blank
    /// line between paragraphs.
    Wrapped,
    /// (c) Hard-wrapped, with column breaks: a blank line inside a paragraph.
    WrappedBreaks,
    /// (d) A web copy: no blank lines, everything indented, □ section heads,
    /// photo captions first.
    Web,
    /// (f) Traditional characters, Hong Kong conventions.
    HongKong,
    /// (e) Every page of a day in one file.
    Day,
    /// (e) A folder of page files.
    Folder,
    /// Hard-wrapped as a typesetter sets it: a measure in cells (half-width
    /// characters half a full one), closing marks hanging or a character
    /// pushed down with them, numbers and Latin words kept whole, two
    /// measures on a page.
    Typeset,
    /// Hard-wrapped as OCR gives a printed column: fixed slices of
    /// characters, lines one or two short, numbers split.
    Ragged,
    /// Copied from a browser: no blank lines, no indent, CRLF.
    Browser,
    /// Every line followed by a blank one, heads included.
    Spaced,
}

impl Layout {
    pub const ALL: [Layout; 12] = [
        Layout::Crawler,
        Layout::Print,
        Layout::Wrapped,
        Layout::WrappedBreaks,
        Layout::Web,
        Layout::HongKong,
        Layout::Day,
        Layout::Folder,
        Layout::Typeset,
        Layout::Ragged,
        Layout::Browser,
        Layout::Spaced,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layout::Crawler => "line per paragraph",
            Layout::Print => "print dump",
            Layout::Wrapped => "hard-wrapped",
            Layout::WrappedBreaks => "hard-wrapped, column breaks",
            Layout::Web => "web copy",
            Layout::HongKong => "Traditional (HK)",
            Layout::Day => "whole day, one file",
            Layout::Folder => "folder of pages",
            Layout::Typeset => "typeset, hard-wrapped",
            Layout::Ragged => "ragged (OCR)",
            Layout::Browser => "browser copy",
            Layout::Spaced => "every line spaced",
        }
    }

    /// Layouts whose unit is a day rather than a page.
    pub fn is_day(self) -> bool {
        matches!(self, Layout::Day | Layout::Folder)
    }
}

/// A built input: its files (name, text) and the gold of every article in
/// reading order.
pub struct Built {
    pub files: Vec<(String, String)>,
    pub gold: Vec<Gold>,
}

/// The bytes a built page is written in, before kanbao decodes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bytes {
    Utf8,
    /// Simplified text as GB18030.
    Gb18030,
    /// The text in Traditional characters (Taiwan's), as Big5.
    Big5,
}

impl Bytes {
    pub const ALL: [Bytes; 3] = [Bytes::Utf8, Bytes::Gb18030, Bytes::Big5];

    pub fn name(self) -> &'static str {
        match self {
            Bytes::Utf8 => "UTF-8",
            Bytes::Gb18030 => "GB18030",
            Bytes::Big5 => "Big5 (Traditional)",
        }
    }
}

/// Builds inputs from corpus pages (see [`super::corpus::pages`]): one per
/// page, or one per day for the day layouts.
pub struct Builder {
    opencc: OpenCC,
    /// Simplified → Traditional as Taiwan writes it, for Big5 pages (whose
    /// encoder has none of Hong Kong's own characters).
    taiwan: OpenCC,
    /// Hong Kong's Traditional → simplified, for Big5 pages of the
    /// Traditional layout: written again in Taiwan's forms.
    from_hk: OpenCC,
    seg: Segmenter,
    /// Varies every page's RNG: the same articles set out again with other
    /// details, to develop on more pages than the days give.
    salt: u64,
    bytes: Bytes,
}

impl Builder {
    pub fn new() -> Self {
        Builder {
            opencc: OpenCC::from_config(BuiltinConfig::S2hk).expect("OpenCC's built-in data"),
            taiwan: OpenCC::from_config(BuiltinConfig::S2tw).expect("OpenCC's built-in data"),
            from_hk: OpenCC::from_config(BuiltinConfig::Hk2s).expect("OpenCC's built-in data"),
            seg: Segmenter::get(),
            salt: 0,
            bytes: Bytes::Utf8,
        }
    }

    /// A builder whose pages are written in `bytes` and read back as
    /// kanbao reads a file: detected and decoded.
    pub fn in_bytes(bytes: Bytes) -> Self {
        Builder {
            bytes,
            ..Self::new()
        }
    }

    /// A builder whose pages differ in their details from [`Builder::new`]'s.
    #[allow(dead_code)]
    pub fn salted(salt: u64) -> Self {
        Builder {
            salt,
            ..Self::new()
        }
    }

    pub fn build(&self, layout: Layout, pages: &[Vec<Item>]) -> Vec<Built> {
        let built = self.build_utf8(layout, pages);
        if self.bytes == Bytes::Utf8 {
            return built;
        }
        built.into_iter().map(|b| self.encoded(b)).collect()
    }

    /// A built input written in the builder's bytes and decoded back, as
    /// kanbao reads a file (the encoding detected, not given); for Big5,
    /// text and gold in Traditional characters first.
    fn encoded(&self, mut built: Built) -> Built {
        let (encoding, traditional) = match self.bytes {
            Bytes::Utf8 => return built,
            Bytes::Gb18030 => (encoding_rs::GB18030, false),
            Bytes::Big5 => (encoding_rs::BIG5, true),
        };
        let taiwanese = |t: &str| self.taiwan.convert(&self.from_hk.convert(t));
        if traditional {
            for gold in &mut built.gold {
                gold.map(taiwanese);
            }
        }
        for (name, text) in &mut built.files {
            let source = if traditional {
                taiwanese(text.as_str())
            } else {
                std::mem::take(text)
            };
            // Big5 has no no-break space: a page so written has a space.
            let source = source.replace('\u{a0}', " ");
            let (bytes, _, _) = encoding.encode(&source);
            *text = kanbao::page::load::decode(name, bytes.into_owned(), None)
                .map(|loaded| loaded.text)
                .unwrap_or_default();
        }
        built
    }

    fn build_utf8(&self, layout: Layout, pages: &[Vec<Item>]) -> Vec<Built> {
        if !layout.is_day() {
            return pages.iter().map(|p| self.page(layout, p)).collect();
        }
        let mut days: Vec<Vec<Vec<Item>>> = Vec::new();
        for page in pages {
            match days.last_mut() {
                Some(day) if day[0][0].date == page[0].date => day.push(page.clone()),
                _ => days.push(vec![page.clone()]),
            }
        }
        days.iter().map(|d| self.day(layout, d)).collect()
    }

    fn rng(&self, layout: Layout, item: &Item) -> StdRng {
        let date: u64 = item.date.parse().unwrap_or(0);
        let seed = date * 1000 + u64::from(item.page) * 10 + layout as u64;
        StdRng::seed_from_u64(seed ^ self.salt.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    fn page(&self, layout: Layout, items: &[Item]) -> Built {
        let mut rng = self.rng(layout, &items[0]);
        let name = format!("{}-{:02}.txt", items[0].date, items[0].page);
        let mut page = Page::default();
        match layout {
            Layout::Crawler => self.crawler(&mut page, items, &mut rng),
            Layout::Print => self.print(&mut page, items, &mut rng),
            Layout::Wrapped | Layout::WrappedBreaks => {
                let breaks = layout == Layout::WrappedBreaks;
                self.wrapped(&mut page, items, &mut rng, breaks)
            }
            Layout::Web => self.web(&mut page, items, &mut rng),
            Layout::HongKong => self.hong_kong(&mut page, items, &mut rng),
            Layout::Typeset | Layout::Ragged => {
                self.measured(&mut page, items, &mut rng, layout == Layout::Ragged)
            }
            Layout::Browser => self.browser(&mut page, items, &mut rng),
            Layout::Spaced => {
                self.crawler(&mut page, items, &mut rng);
                page.text = page.text.replace("\r\n", "\r\n\r\n");
            }
            Layout::Day | Layout::Folder => unreachable!("built by day"),
        }
        Built {
            files: vec![(name, page.text)],
            gold: page.gold,
        }
    }

    fn day(&self, layout: Layout, pages: &[Vec<Item>]) -> Built {
        let date = &pages[0][0].date;
        let mut built = Built {
            files: Vec::new(),
            gold: Vec::new(),
        };
        let mut whole = Page::default();
        for items in pages {
            let mut rng = self.rng(layout, &items[0]);
            if layout == Layout::Folder {
                let mut page = Page::default();
                self.crawler(&mut page, items, &mut rng);
                built
                    .files
                    .push((format!("{date}/{:02}.txt", items[0].page), page.text));
                built.gold.extend(page.gold);
            } else {
                whole.gap(&mut rng, 3, 4);
                whole.line(&format!("第{:02}版", items[0].page));
                self.print(&mut whole, items, &mut rng);
            }
        }
        if layout == Layout::Day {
            built.files.push((format!("{date}.txt"), whole.text));
            built.gold = whole.gold;
        }
        built
    }

    fn crawler(&self, page: &mut Page, items: &[Item], rng: &mut StdRng) {
        page.eol = "\r\n";
        for (i, item) in items.iter().enumerate() {
            let a = Prepared::new(item, rng, 0.0, false);
            if i > 0 {
                page.gap(rng, 1, 1);
            }
            for h in [&a.leadin, &Some(a.title.clone()), &a.subtitle]
                .into_iter()
                .flatten()
            {
                page.line(h);
            }
            if let Some(b) = &a.byline {
                page.line(b);
            }
            for p in &a.paras {
                page.line(&format!("\u{3000}\u{3000}{p}"));
            }
            page.gold.push(a.gold());
        }
    }

    /// The column heading line, printed once for a run of articles.
    fn column_heading(page: &mut Page, a: &Prepared) {
        if let Some(column) = &a.column
            && page.last_column.as_ref() != Some(column)
        {
            page.line(column);
            page.gap_exact(1);
        }
        page.last_column = a.column.clone();
    }

    fn headlines(page: &mut Page, a: &Prepared, between: usize) {
        for h in [&a.leadin, &Some(a.title.clone()), &a.subtitle]
            .into_iter()
            .flatten()
        {
            page.line(h);
            page.gap_exact(between);
        }
    }

    fn print(&self, page: &mut Page, items: &[Item], rng: &mut StdRng) {
        for (i, item) in items.iter().enumerate() {
            let a = Prepared::new(item, rng, 0.6, true);
            if i > 0 {
                page.gap(rng, 2, 4);
            }
            Self::column_heading(page, &a);
            Self::headlines(page, &a, 1);
            if let Some(b) = &a.byline {
                let marker = ["", "□", "◎"][rng.gen_range(0..3)];
                page.line(&format!("{marker}{b}"));
                page.gap_exact(1);
            }
            for (k, p) in a.paras.iter().enumerate() {
                if k > 0 {
                    page.gap_exact(1);
                }
                let cut = if a.is_subheading(k) {
                    None
                } else {
                    self.column_cut(p, rng)
                };
                match cut {
                    Some(at) => {
                        page.line(&p[..at]);
                        page.gap_exact(1);
                        page.line(&p[at..]);
                    }
                    None => page.line(p),
                }
            }
            page.gold.push(a.gold());
        }
    }

    /// Where the foot of a printed column cuts this paragraph, if it does:
    /// inside a word, or between two characters of running text. A cut just
    /// after a sentence-final mark is not made: no dump can tell it from a
    /// paragraph break.
    fn column_cut(&self, p: &str, rng: &mut StdRng) -> Option<usize> {
        if p.chars().count() < 12 || !rng.gen_bool(0.12) {
            return None;
        }
        let inside_word = rng.gen_bool(0.6);
        let bounds = self.seg.boundaries(p);
        let cands: Vec<usize> = p
            .char_indices()
            .skip(2)
            .map(|(i, _)| i)
            .filter(|&i| {
                let before = p[..i].chars().next_back();
                let after = p[i..].chars().next();
                let han =
                    |c: Option<char>| c.is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                han(before) && han(after) && (!inside_word || !bounds.contains(&i))
            })
            .filter(|&i| p[i..].chars().nth(1).is_some())
            .collect();
        (!cands.is_empty()).then(|| cands[rng.gen_range(0..cands.len())])
    }

    fn wrapped(&self, page: &mut Page, items: &[Item], rng: &mut StdRng, breaks: bool) {
        let measure = rng.gen_range(20..=30) * 2;
        // Drawn from the measure, so that pages without subheadings are
        // built as they were before the kinds were known.
        let heads_indented = measure % 4 == 0;
        for (i, item) in items.iter().enumerate() {
            let a = Prepared::new(item, rng, 0.0, true);
            if i > 0 && rng.gen_bool(0.5) {
                page.gap_exact(1);
            }
            Self::hard_wrapped(page, &a, rng, heads_indented, breaks, |p, _| {
                wrap(p, measure)
            });
            page.gold.push(a.gold());
        }
    }

    /// An article set in hard-wrapped lines: its headline, a byline alone,
    /// subheadings on lines of their own, each paragraph as `lines_of`
    /// wraps it (with `breaks`, now and then broken by a printed column's
    /// foot: a blank line inside it).
    fn hard_wrapped(
        page: &mut Page,
        a: &Prepared,
        rng: &mut StdRng,
        heads_indented: bool,
        breaks: bool,
        lines_of: impl Fn(&str, &mut StdRng) -> Vec<String>,
    ) {
        Self::headlines(page, a, 0);
        Self::byline_alone(page, a, rng);
        for (k, p) in a.paras.iter().enumerate() {
            if a.kinds[k] == Kind::Subheading {
                Self::subheading(page, p, heads_indented);
                continue;
            }
            let lines = lines_of(p, rng);
            let cut = (breaks && lines.len() >= 3 && rng.gen_bool(0.25))
                .then(|| rng.gen_range(1..lines.len()));
            for (k, l) in lines.iter().enumerate() {
                if Some(k) == cut {
                    page.gap_exact(1);
                }
                page.line(l);
            }
        }
    }

    /// A byline on its own line under the headline: flush, or indented as
    /// a paragraph is.
    fn byline_alone(page: &mut Page, a: &Prepared, rng: &mut StdRng) {
        if let Some(b) = &a.byline {
            let indent = if rng.gen_bool(0.3) {
                "\u{3000}\u{3000}"
            } else {
                ""
            };
            page.line(&format!("{indent}{b}"));
        }
    }

    /// A subheading the corpus knows, on a line of its own, unwrapped.
    fn subheading(page: &mut Page, text: &str, indented: bool) {
        let indent = if indented { "\u{3000}\u{3000}" } else { "" };
        page.line(&format!("{indent}{text}"));
    }

    /// Typeset or OCR'd columns: every paragraph hard-wrapped at the
    /// article's measure (a page sets its articles in one of two).
    fn measured(&self, page: &mut Page, items: &[Item], rng: &mut StdRng, ragged: bool) {
        let measures = [rng.gen_range(16..=22) * 2, rng.gen_range(23..=30) * 2];
        let heads_indented = rng.gen_bool(0.5);
        for (i, item) in items.iter().enumerate() {
            let a = Prepared::new(item, rng, 0.0, true);
            let measure = measures[rng.gen_range(0..2)];
            if i > 0 && rng.gen_bool(0.5) {
                page.gap_exact(1);
            }
            Self::hard_wrapped(page, &a, rng, heads_indented, false, |p, rng| {
                if ragged {
                    ragged_wrap(p, measure / 2, rng)
                } else {
                    typeset(p, measure, rng)
                }
            });
            page.gold.push(a.gold());
        }
    }

    /// A browser's copy of an e-paper article page: a line per paragraph,
    /// heads included, no blank lines and no indent.
    fn browser(&self, page: &mut Page, items: &[Item], rng: &mut StdRng) {
        page.eol = "\r\n";
        for item in items {
            let a = Prepared::new(item, rng, 0.0, true);
            for h in [&a.leadin, &Some(a.title.clone()), &a.subtitle, &a.byline]
                .into_iter()
                .flatten()
            {
                page.line(h);
            }
            for p in &a.paras {
                page.line(p);
            }
            page.gold.push(a.gold());
        }
    }

    fn web(&self, page: &mut Page, items: &[Item], rng: &mut StdRng) {
        let indent = ["\u{3000}\u{3000}", "  ", "    "][rng.gen_range(0..3)];
        for item in items {
            let mut a = Prepared::new(item, rng, 0.0, true);
            a.captions_first();
            for k in 0..a.paras.len() {
                if a.is_subheading(k) {
                    a.paras[k] = format!("□{}", a.paras[k]);
                }
            }
            for h in [&a.leadin, &Some(a.title.clone()), &a.subtitle]
                .into_iter()
                .flatten()
            {
                page.line(&format!("{indent}{h}"));
            }
            if let Some(b) = &mut a.byline {
                b.retain(|c| !c.is_whitespace());
                page.line(&format!("{indent}□{b}"));
            }
            for p in &a.paras {
                page.line(&format!("{indent}{p}"));
            }
            page.gold.push(a.gold());
        }
    }

    fn hong_kong(&self, page: &mut Page, items: &[Item], rng: &mut StdRng) {
        for (i, item) in items.iter().enumerate() {
            let mut a = Prepared::new(item, rng, 0.0, true);
            a.map(|s| self.opencc.convert(s));
            // Captions (■…) carry their credit (…攝) and stand first.
            let mut paras = Vec::new();
            let mut rest = Vec::new();
            let mut it = a.paras.drain(..).peekable();
            while let Some(p) = it.next() {
                if is_caption_hk(&p) {
                    let mut cap = format!("■{}", p.trim_end_matches('。'));
                    if let Some(credit) = it.next_if(|n| n.ends_with('攝')) {
                        cap.push('\u{3000}');
                        cap.push_str(&credit);
                    }
                    paras.push(cap);
                } else {
                    rest.push(p);
                }
            }
            drop(it);
            let mut intro_done = false;
            for p in rest {
                if !intro_done && !p.starts_with("本報") && !is_credit(&p) {
                    paras.push(format!("【本報訊】{p}"));
                } else {
                    paras.push(p);
                }
                intro_done = true;
            }
            a.kinds = vec![Kind::Unknown; paras.len()];
            a.paras = paras;
            if let Some(b) = &mut a.byline {
                let names: Vec<&str> = b
                    .trim_start_matches(|c: char| "本報記者新華社通訊員特約".contains(c))
                    .split_whitespace()
                    .collect();
                *b = format!("記者：{}", names.join("\u{3000}"));
            }
            if i > 0 {
                page.gap(rng, 1, 2);
            }
            if let Some(l) = &a.leadin {
                page.line(l);
                page.gap_exact(1);
            }
            let split = a
                .title
                .char_indices()
                .filter(|&(_, c)| c == ' ' || c == '\u{3000}')
                .map(|(i, _)| i)
                .next();
            match split {
                Some(at) if rng.gen_bool(0.7) => {
                    page.line(&a.title[..at]);
                    page.line(&a.title[at..]);
                }
                _ => page.line(&a.title),
            }
            page.gap_exact(1);
            if let Some(s) = &a.subtitle {
                page.line(s);
                page.gap_exact(1);
            }
            for (k, p) in a.paras.iter().enumerate() {
                if k > 0 {
                    page.gap_exact(1);
                }
                page.line(p);
                if k == 0
                    && let Some(b) = &a.byline
                {
                    page.gap_exact(1);
                    page.line(b);
                }
            }
            page.gold.push(a.gold());
        }
    }
}

fn is_caption_hk(p: &str) -> bool {
    p.starts_with("圖爲") || p.starts_with("圖為") || is_caption(p)
}

/// Text being laid out as a page.
#[derive(Default)]
struct Page {
    text: String,
    gold: Vec<Gold>,
    eol: &'static str,
    last_column: Option<String>,
}

impl Page {
    fn line(&mut self, s: &str) {
        self.text.push_str(s);
        self.text
            .push_str(if self.eol.is_empty() { "\n" } else { self.eol });
    }

    fn gap_exact(&mut self, n: usize) {
        for _ in 0..n {
            self.line("");
        }
    }

    fn gap(&mut self, rng: &mut StdRng, min: usize, max: usize) {
        let n = rng.gen_range(min..=max);
        self.gap_exact(n);
    }
}

/// Characters that may not start a line; typesetting hangs them at the end
/// of the line before.
fn no_start(c: char) -> bool {
    "，。、；：？！）」』》”’…—％,.;:?!)".contains(c)
}

/// Hard-wraps a paragraph at `measure` cells, the first line indented with
/// 　　, closing marks hanging at the line end.
pub fn wrap(p: &str, measure: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::from("\u{3000}\u{3000}");
    let mut width = 4;
    for c in p.chars() {
        let w = c.width().unwrap_or(0);
        if width + w > measure && !no_start(c) {
            lines.push(std::mem::take(&mut line));
            width = 0;
        }
        line.push(c);
        width += w;
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

/// Characters of a number or a Latin word, which a typesetter keeps on one
/// line.
fn unbreakable(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | '-' | '/')
}

/// Hard-wraps a paragraph as a typesetter does at `measure` cells: the
/// first line indented with 　　, a closing mark that would start a line
/// hung at the end of the one before or pushed down with the character
/// before it (the line one short), numbers and Latin words kept whole.
pub fn typeset(p: &str, measure: usize, rng: &mut StdRng) -> Vec<String> {
    // Units: a run of number or Latin characters, or one character.
    let mut units: Vec<&str> = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, c)| c);
        if !(unbreakable(c) && next.is_some_and(unbreakable)) {
            let end = chars.get(k + 1).map_or(p.len(), |&(j, _)| j);
            units.push(&p[start..end]);
            start = end;
        }
        let _ = i;
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::from("\u{3000}\u{3000}");
    let mut width = 4;
    for unit in units {
        let w = unicode_width::UnicodeWidthStr::width(unit);
        let first = unit.chars().next().unwrap_or(' ');
        if width + w > measure && !line.trim().is_empty() {
            if no_start(first) {
                if rng.gen_bool(0.5) {
                    // Hung: the mark stays on this line, past the measure.
                    line.push_str(unit);
                    width += w;
                    continue;
                }
                // Pushed down: the last character goes with the mark.
                if let Some(last) = line.pop() {
                    lines.push(std::mem::take(&mut line));
                    line.push(last);
                    width = last.width().unwrap_or(0);
                }
            } else {
                lines.push(std::mem::take(&mut line));
                width = 0;
            }
        }
        line.push_str(unit);
        width += w;
    }
    if !line.trim().is_empty() {
        lines.push(line);
    }
    lines
}

/// Slices a paragraph as OCR reads a printed column: `n` characters a line,
/// now and then one or two fewer (where the print hung a mark or spaced a
/// line out), numbers split where the slice falls.
pub fn ragged_wrap(p: &str, n: usize, rng: &mut StdRng) -> Vec<String> {
    let chars: Vec<char> = p.chars().collect();
    let mut lines = Vec::new();
    let mut at = 0;
    let mut first = true;
    while at < chars.len() {
        let room = if first { n - 2 } else { n } - [0, 0, 0, 1, 2][rng.gen_range(0..5)];
        let end = (at + room).min(chars.len());
        let indent = if first { "\u{3000}\u{3000}" } else { "" };
        lines.push(format!(
            "{indent}{}",
            chars[at..end].iter().collect::<String>()
        ));
        at = end;
        first = false;
    }
    lines
}
