//! Which lines form a headline group: a column heading, lead-in, title
//! over one or two lines and subtitle stand together at the top of an
//! article, and the group ends where the article's text begins.

use super::{Builder, MAX_HEADLINE_LINES};
use crate::page::classify::{Shape, opens_like_a_dateline, opens_like_a_lead};
use crate::page::columns::{column_in_title, is_box_title, is_column_like};
use crate::page::counting::more_chars_than;
use crate::page::fragments::{dangles_alone, ends_on_a_stub, left_open, opens_with_a_scene};
use crate::text::punct::{ends_sentence, is_colon, is_han};

impl Builder<'_> {
    /// The end of the headline group starting at `i`.
    pub(super) fn group_end(&self, i: usize) -> usize {
        let mut end = i + 1;
        if is_box_title(self.text(i)) {
            return end;
        }
        let max_gap = self.conv.body_gap.max(1);
        while end < self.blocks.len() && end - i < MAX_HEADLINE_LINES {
            // A subtitle set off by a dash (——写在…之际) ends the headline,
            // and a line that only names people (李庆刚) is the byline
            // under it.
            if self.text(end - 1).starts_with("——") && end - 1 > i || self.names_only(end) {
                break;
            }
            let within = self.gap(end) <= max_gap && self.can_head(end);
            let subtitle = self.text(end).starts_with('—') && self.shape(end) == Some(Shape::Body);
            // Where headings are the unindented lines, a long unindented
            // line right under the title is its subtitle.
            let unindented = self.conv.body_indented
                && self.gap(end) == 0
                && self.shape(end) == Some(Shape::Body)
                && !self.blocks[end].indented;
            // Under a column heading, a line that no mark places but a
            // headline follows is the title's lead-in (干部状态新观察 / 干部节
            // 后收心了吗？服务热心了吗？办事尽心了吗 / 首个工作日 干事有状态).
            // A dash lets it run long (自家院坝改造成舞台，没成想吸引了十
            // 里八乡的乡亲，四川省丹棱县——).
            let dashed = self.text(end).trim_end().ends_with('—');
            let under_column = end == i + 1
                && is_column_like(self.text(i))
                && matches!(self.shape(end), Some(Shape::Body | Shape::Dialogue))
                && (self.blocks[end].chars <= 40 && !self.text(end).contains('。')
                    || dashed && self.blocks[end].chars <= 80)
                && self.titles_leadin(end + 1)
                && self.gap(end + 1) <= max_gap;
            // A numeral (一, 二) under a title opens its first part, and a
            // title said again (a decree's name over its text) opens the text.
            let opens_text =
                !more_chars_than(self.text(end), 1) || self.text(end) == self.text(end - 1);
            // A lead-in that a dash pair ends may run long (司法部在网上开通…，
            // 并积极回应群众和企业关切—— / 不必要的证明，免了！).
            let led = (self.facts.dashed[end - 1] || self.text(end - 1).trim_end().ends_with("——"))
                && self.titles_leadin(end);
            // A column heading stands over a title, even one that reads as
            // speech (民生观 / 这里的公厕为啥有纸了), and over a lead-in and
            // such a title (政策解读 / 瞄准汽车、家电和5G / 促消费 24条新举措来了).
            let titles_column = end <= i + 2
                && is_column_like(self.text(i))
                && self.shape(end) == Some(Shape::Dialogue)
                && !ends_sentence(self.text(end))
                && !self.marked(end);
            let joins = !opens_text && (self.heads(end) || led || titles_column)
                || subtitle
                || unindented
                || under_column
                || self.leadin_line(end);
            // Under two headline lines, a long line of clauses is the text's
            // first paragraph, a deck (纵横 / 感恩“后备箱的爱” / 与其在朋友圈感动
            // 地“云孝顺”一番，还不如平时多分配一点时间给父母): of the corpus's
            // subtitles, five are so written, of its first paragraphs 51.
            // Where indentation alone sets the text apart, the deck is
            // indented and an unindented line is the subtitle.
            let deck = end - i >= 2
                && (self.conv.body_gap >= 1 || !self.conv.body_indented)
                && !self.text(end).starts_with('—')
                && self.text(end).contains('，')
                && more_chars_than(self.text(end), 24);
            // A label in lenticular brackets (【人物】…, 【故事】…) opens a part
            // of the text: no title, lead-in or subtitle of the corpus opens
            // so, and 19 of its paragraphs do.
            let labelled = self.text(end).starts_with('【');
            if within
                && joins
                && !deck
                && !labelled
                && self.fits_group(i, end)
                && !self.opens_body(end)
            {
                end += 1;
            } else {
                break;
            }
        }
        end
    }

    /// A body-shaped lead-in inside a headline group: short, ending on a
    /// dash or colon, right before a headline line.
    pub(super) fn leadin_line(&self, k: usize) -> bool {
        let text = self.text(k).trim_end();
        (text.ends_with('—') || text.ends_with(is_colon))
            && !self.marked(k)
            && self.blocks[k].chars <= 60
            && !text.contains('。')
            && self.titles_leadin(k + 1)
            && self.gap(k + 1) <= self.conv.body_gap.max(1)
    }

    /// Can block `k` be the title under a lead-in: a headline line, or one
    /// that would read as speech alone (众筹的文化大院，火了) — a lead-in
    /// is followed by its title.
    fn titles_leadin(&self, k: usize) -> bool {
        self.heads(k) || self.shape(k) == Some(Shape::Dialogue) && !self.marked(k)
    }

    /// Does block `k` read as the start of the article's text rather than
    /// its headline: a news lead (本报北京2月11日电…), or the first piece of
    /// a paragraph cut by the layout?
    pub(super) fn opens_body(&self, k: usize) -> bool {
        let text = self.text(k);
        // A line that opens as a lead does but has a headline right under
        // it is a lead-in (近期降水利农，专家建议各地抓住时机科学田间管理 /
        // 春来雨雪兆丰年 防灾减灾不松弦).
        let over_head = self.heads(k + 1)
            && self.gap(k + 1) <= self.conv.body_gap.max(1)
            && !opens_like_a_dateline(text);
        if (opens_like_a_lead(text) || opens_with_a_scene(text)) && !over_head {
            return true;
        }
        if is_figure(text) {
            return true;
        }
        // A dash ends a lead-in, never a piece of a cut paragraph. Nor does
        // a headline end on a clause of one character, or go on in a
        // paragraph of a few characters (彩灯耀新春，共迎军 / 运会。).
        let goes_on = k + 1 < self.blocks.len() && self.gap(k + 1) <= self.conv.body_gap;
        self.conv.body_gap >= 1
            && !ends_sentence(text)
            && !text.trim_end().ends_with('—')
            && (ends_on_a_stub(text) && goes_on
                || left_open(text).next().is_some() && goes_on && self.gap(k + 1) >= 1
                // A piece of a few characters that a word joins to the line
                // under it, whatever its shape (一带一 / 路彻底改变了我的生活).
                || goes_on
                    && !more_chars_than(text, 4)
                    && self.shape(k + 1) == Some(Shape::Headline)
                    && self.seg.is_some_and(|s| s.word_spans_join(text, self.text(k + 1)))
                || self.continuation(k + 1).is_some_and(|next| {
                    dangles_alone(text, self.seg)
                        || !more_chars_than(next, 4) && ends_sentence(next) && text.contains('，')
                        || self.seg.is_some_and(|s| s.word_spans_join(text, next))
                }))
    }

    /// May block `end` join the headline group `i..end`? Where blank lines
    /// part the blocks, a group holds at most two lines that no mark places
    /// (a lead-in ends on ——, a subtitle opens with it): a third short line
    /// is more likely the article's first subheading than its headline.
    pub(super) fn fits_group(&self, i: usize, end: usize) -> bool {
        if self.conv.body_gap == 0 || self.gap(end) < self.conv.body_gap {
            return true;
        }
        let text = |k: usize| self.text(k).trim_end();
        let leads = |k: usize| text(k).ends_with('—') || text(k).ends_with(is_colon);
        let subtitle = |k: usize| text(k).starts_with('—');
        if subtitle(end) {
            return !(i..end).any(subtitle);
        }
        let column = usize::from(is_column_like(text(i)) && !leads(i));
        let plain = (i + column..end)
            .filter(|&k| !leads(k) && !subtitle(k))
            .count();
        // A title note (（人民时评）) closes the title.
        let noted = (i..end).any(|k| text(k).ends_with(['）', ')']) && !leads(k));
        if leads(end) {
            return plain == 0;
        }
        plain < 2 && !noted
    }

    /// Does block `i` stand right under a marked section head (□甘肃定西元
    /// 古堆村 / 旱塬有了“解渴水”), of which it is the second line? A line
    /// that names its column (呵护城市的文化财富（新论）) is a title: no
    /// section head carries a column's name.
    pub(super) fn under_marked_head(&self, i: usize) -> bool {
        i > 0
            && self.gap(i) == 0
            && self.facts.marked_head[i - 1]
            && column_in_title(self.text(i)).is_none()
    }
}

/// A figure that heads the text (3.57万亿, 8—10架次飞机, 252件): under a
/// title, never a line of the headline. Of the corpus's lines so written,
/// 121 are paragraphs, and the six headline lines open their group (2019春
/// 运一线, 1月PMI为49.5%).
fn is_figure(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(|c: char| c.is_ascii_digit())
        && !more_chars_than(text, 12)
        && text.chars().filter(|&c| is_han(c)).count() <= 4
}

/// A figure that ends on a unit or a percent sign (10.5%, 3.57万亿, 252件,
/// 13.95亿人次), as the figures heading a box's items do; a title that
/// opens on a number (2019春运一线) ends otherwise.
pub(super) fn is_amount(text: &str) -> bool {
    let text = text.trim();
    is_figure(text)
        && text.ends_with([
            '%', '％', '亿', '万', '件', '家', '次', '元', '个', '项', '人', '吨', '倍',
        ])
}
