//! What a headline group is: an article's headline, a subheading, a
//! roundup's sub-report, or a fragment of a cut paragraph — decided from
//! the group's shape, the page's conventions and the neighbours.

use super::group::is_amount;
use super::{Builder, Role, TITLE_EVIDENCE};
use crate::page::classify::{Shape, opens_like_a_dateline, opens_like_a_lead, title_evidence};
use crate::page::columns::is_column_like;
use crate::page::counting::more_chars_than;
use crate::page::fragments::{dangles_alone, opens_mid_phrase};
use crate::page::labels::is_enumerated;
use crate::page::lines::START_GAP;
use crate::page::model::BlockKind;
use crate::text::punct::{ends_sentence, is_colon};

impl Builder<'_> {
    /// Does the body-shaped block `i` open an article? Either it is a
    /// lead-in — a short line ending on a colon, dash or ellipsis, or any
    /// short unfinished line at an article gap — right before a headline
    /// (国台办：, 写春联、赏年画、进博物馆……), or a title too long for a
    /// headline's shape standing alone at an article gap.
    pub(super) fn opens_with_long_line(&self, i: usize) -> bool {
        let text = self.text(i).trim_end();
        let at_gap = self.gap(i) > self.conv.body_gap;
        // At an article gap, a lead-in that ends on a dash may run to
        // sentences (过去除了串门聊天打牌，就是在家看电视；如今锻炼有去处、
        // 娱乐有场所。山东农村——).
        let long_leadin = at_gap
            && text.ends_with('—')
            && self.blocks[i].chars <= 80
            && self.heads(i + 1)
            && self.gap(i + 1) <= self.conv.body_gap.max(1);
        if long_leadin && self.can_head(i) && !self.marked(i) {
            return true;
        }
        // A numbered line (八、加强党对“三农”工作的领导) heads a part of the
        // text: none of the corpus's titles or lead-ins is numbered.
        if self.blocks[i].chars > 60 || !self.can_head(i) || self.marked(i) || is_enumerated(text) {
            return false;
        }
        if text.contains('。') {
            return false;
        }
        if self.conv.body_indented && !self.blocks[i].indented && !ends_sentence(text) {
            // Body text is indented here: an unindented line is a headline,
            // however long (十三届全国人大二次会议3月5日…在北京开幕).
            return true;
        }
        let starts = at_gap || !self.has_article() || self.conv.body_indented;
        let marked = text.ends_with(is_colon) || text.ends_with(['—', '…']);
        let next_heads = self.heads(i + 1) && self.gap(i + 1) <= self.conv.body_gap.max(1);
        if next_heads && marked && starts && self.blocks[i].chars <= 40 {
            let end = self.group_end(i + 1);
            return !self.leads_sub_report(i) && (at_gap || self.role(i + 1, end) == Role::Article);
        }
        // Right under a headline that has no text yet, a long line is its
        // subtitle or the text's first line, not another article.
        if self.flat() && (self.under_marked_head(i) || self.gap(i) == 0 && self.bare_headline()) {
            return false;
        }
        if self.flat() && !self.follows_open_paragraph(i) && !ends_sentence(text) {
            // Where only marks set headings apart (a web copy), an unfinished
            // line before an unmarked headline is its lead-in, and one before
            // a byline, a caption, a dateline or a subtitle set off by a dash
            // (看变化，问冷暖，听民声(新春走基层) / ——重访…的那些地方) is a long
            // title.
            let next = self.shape(i + 1);
            let subtitle = self.dash_subtitle(i + 1);
            let news = matches!(next, Some(Shape::Byline | Shape::Caption))
                || subtitle
                || self.next_body(i + 1).is_some_and(opens_like_a_dateline);
            return (next_heads && self.role(i + 1, self.group_end(i + 1)) == Role::Article)
                || (news && !text.contains('；') && !text.ends_with(is_colon));
        }
        // A long title, of names and 、 only, stands over a dateline (习近平
        // 主席特使、科技部部长王志刚会见阿联酋副总统兼总理、迪拜酋长穆罕默德 /
        // 新华社迪拜2月11日电…); a summary over one is written in clauses.
        let over_dateline = i + 1 < self.blocks.len()
            && self.gap(i + 1) <= self.conv.body_gap.max(1)
            && self.next_body(i + 1).is_some_and(opens_like_a_dateline);
        if over_dateline
            && !text.contains(['，', ',', '；', '：', ':', '？', '！'])
            && !ends_sentence(text)
            && !self.follows_open_paragraph(i)
        {
            return true;
        }
        // The page's first line, unfinished or a question, over a headline
        // is its lead-in (上兴安岭，进秦巴山，到独龙江; 干部节后收心了吗？服务热心
        // 了吗？), not an article without a title.
        let asks = text.ends_with(['？', '?']);
        if !self.has_article()
            && next_heads
            && self.blocks[i].chars <= 40
            && (!ends_sentence(text) || asks)
        {
            return true;
        }
        // At a wider gap, an unfinished line over a subtitle set off by a
        // dash is a title, on a page of too few articles to show its gaps
        // (看变化，问冷暖，听民声(新春走基层) / ——重访…的那些地方).
        if at_gap
            && self.conv.body_gap >= 1
            && self.blocks[i].chars <= 40
            && !ends_sentence(text)
            && self.dash_subtitle(i + 1)
        {
            return true;
        }
        if !(self.conv.article_gaps && at_gap) || text.ends_with(is_colon) {
            return false;
        }
        if next_heads {
            return self.blocks[i].chars <= 40;
        }
        !ends_sentence(text)
            && !text.contains('；')
            && matches!(self.shape(i + 1), Some(Shape::Body | Shape::Byline))
            && self.gap(i + 1) <= self.conv.body_gap
    }

    /// Is block `k` a subtitle set off by a dash (——重访…的那些地方)?
    fn dash_subtitle(&self, k: usize) -> bool {
        k < self.blocks.len()
            && self.text(k).starts_with("——")
            && !more_chars_than(self.text(k), 40)
            && self.gap(k) <= self.conv.body_gap.max(1)
    }

    /// Is block `i` the lead-in of a roundup's sub-report: a short line
    /// ending on a dash or a colon (内蒙古阿尔山市西口村——), at the
    /// paragraph gap, over a head and a byline (see `role`)?
    pub(super) fn leads_sub_report(&self, i: usize) -> bool {
        self.facts.dashed[i]
            && self.gap(i) <= self.conv.body_gap
            && self.has_article()
            && self.heads(i + 1)
            && self.gap(i + 1) <= self.conv.body_gap.max(1)
            && self.shape(self.group_end(i + 1)) == Some(Shape::Byline)
    }

    /// Does block `i`, at the paragraph gap, go on from the text cut
    /// mid-sentence above it: a dictionary word spans the seam, or what
    /// was cut is a form's value (场景：挨个往11头害病的 / 牦牛脖子上打针)?
    fn joins_open_paragraph(&self, i: usize) -> bool {
        let field = i > 0 && self.facts.fields[i - 1] && self.follows_open_paragraph(i);
        self.conv.body_gap >= 1
            && self.gap(i) <= self.conv.body_gap
            && (self.facts.seam_word[i] || field)
    }

    /// Does block `i` stand at the paragraph gap right under a figure that
    /// heads a box's item (10.5% / 2018年旅游总收入同比增长10.5%)? It is
    /// that item's text.
    fn under_amount(&self, i: usize) -> bool {
        self.conv.body_gap >= 1
            && self.gap(i) <= self.conv.body_gap
            && self
                .last_article()
                .and_then(|a| a.blocks.last())
                .is_some_and(|b| {
                    b.text.line + 1 + self.gap(i) == self.blocks[i].text.line
                        && is_amount(&b.text.text)
                })
    }

    /// Subheading, or a fragment of a cut paragraph? With the rule that
    /// decided it.
    pub(super) fn lone_line(&self, i: usize) -> (Role, &'static str) {
        if self.conv.body_gap >= 1 && self.follows_open_paragraph(i) {
            return (Role::Body, "the text above stopped mid-sentence");
        }
        let text = self.text(i);
        let fragment = self.conv.body_gap >= 1
            && self.continuation(i + 1).is_some_and(|next| {
                !ends_sentence(text)
                    && (dangles_alone(text, self.seg)
                        || self.seg.is_some_and(|s| s.word_spans_join(text, next)))
            });
        if fragment {
            (Role::Body, "a fragment: a word runs on into the text below")
        } else {
            (
                Role::Subheading,
                "a lone head inside the text, no sign of a new article",
            )
        }
    }

    /// Does the headline group `i..end` open an article?
    pub(super) fn role(&self, i: usize, end: usize) -> Role {
        self.role_why(i, end).0
    }

    /// [`Self::role`], with the rule that decided it (for `--explain`).
    pub(super) fn role_why(&self, i: usize, end: usize) -> (Role, &'static str) {
        if !self.has_article() || self.gap(i) == START_GAP {
            return (Role::Article, "the page's first headline");
        }
        if self.facts.fields[i] || opens_mid_phrase(self.text(i)) {
            return (Role::Body, "a form's value or a phrase cut mid-way: text");
        }
        if is_enumerated(self.text(i)) {
            return (
                Role::Subheading,
                "numbered (一、 （二）): a part of the text",
            );
        }
        // A line opening with a dash after the text is its attribution
        // (——辽宁省委常委、沈阳市委书记张雷日前在市委经济工作会议上说); a
        // subtitle stands in its headline's group.
        if self.text(i).starts_with("——") && !self.bare_headline() {
            return (
                Role::Body,
                "opens with a dash after the text: its attribution",
            );
        }
        // The heads under a box's title (速览) are its items'.
        // An item's head stands over its summary; one over a dateline
        // (【本報訊】) opens the next article.
        if self.conv.body_gap >= 1
            && self.gap(i) <= self.conv.body_gap
            && self.in_box
            && !self.next_body(end).is_some_and(opens_like_a_dateline)
        {
            return (Role::SubReport, "a head inside a box of items (速览)");
        }
        // A numeral or a lone character (一, 二; 东, 西) numbers or names
        // the parts of the text: no title is so short. Nor is the second
        // line of a marked section head a title.
        // Over a dateline, the line under a mark is a news item's title (□看
        // 人民映像　　品百味人生 / 华北等地将再迎春雪 / 本报北京2月12日电…).
        let dated = self.next_body(end).is_some_and(opens_like_a_dateline);
        if end == i + 1 && !more_chars_than(self.text(i), 1) || self.under_marked_head(i) && !dated
        {
            return (
                Role::Subheading,
                "a numeral or a lone character, or a marked head's second line",
            );
        }
        let after = self.shape(end);
        if after == Some(Shape::Byline) {
            // Where articles stand apart by wider gaps, a head with its own
            // byline at the paragraph gap is a sub-report of a roundup
            // (云南玉溪顾芸—— / 买上鲜花过大年，心情好 / 本报记者 徐元锋).
            // A head under a lead-in that names a place or a person with a
            // dash or a colon (内蒙古阿尔山市西口村——, 督察人员徐锡惠：) is
            // such a sub-report wherever it stands: of the corpus's 125
            // articles with such a lead-in, none has a byline, and 51
            // sub-reports are so headed.
            let led =
                |k: usize| self.facts.dashed[k] && self.gap(k + 1) <= self.conv.body_gap.max(1);
            let dashed = (i..end).any(|k| self.facts.dashed[k]) || (i > 0 && led(i - 1));
            // So is one under a roundup's title (今年寒假怎么过 / 北京交通大学 /
            // 关爱基金报销路费 / 林 芳 …; 西安交通大学 / “春节年货”带回家 /
            // 王 欢).
            // And so is one after an article whose text opened on a head
            // under its byline, the first item's (舌尖上的博物馆 / 本报记者 宋豪新
            // / 成都川菜博物馆 / … / 淮扬菜文化博物馆 / 本报记者 姚雪青).
            let items = self.last_article().is_some_and(|a| {
                a.byline.is_some()
                    && a.blocks
                        .first()
                        .is_some_and(|b| b.kind == BlockKind::Subheading)
            });
            let roundup = (self.under_column_line || items) && self.conv.body_gap >= 1;
            return if (self.conv.sub_reports || dashed || roundup)
                && self.gap(i) <= self.conv.body_gap
            {
                (
                    Role::SubReport,
                    "a head with its own byline at the paragraph gap: a roundup's sub-report",
                )
            } else {
                (Role::Article, "a byline follows: an article's headline")
            };
        }
        // Without a byline, a dashed lead-in and its head inside an
        // article's text still head a part of it, unless a dateline opens
        // an item under them.
        let dashed_group =
            (i..end).any(|k| self.facts.dashed[k] && self.text(k).trim_end().ends_with('—'));
        if dashed_group
            && self.conv.body_gap >= 1
            && self.gap(i) <= self.conv.body_gap
            && end - i >= 2
            && !self.bare_headline()
            && !self.next_body(end).is_some_and(opens_like_a_dateline)
        {
            return (
                Role::SubReport,
                "a dashed lead-in and its head inside the text: a sub-report",
            );
        }
        if self.conv.body_indented {
            // Body lines are indented here, so an unindented line is a
            // heading: a subheading inside a signed article's text, when it
            // is one line, at the paragraph gap, over text that no byline or
            // dateline opens (a next article on a page of signed ones has
            // its own byline).
            let signed = self.last_article().is_some_and(|a| a.byline.is_some());
            let inside = end == i + 1
                && self.gap(i) <= self.conv.body_gap
                && after == Some(Shape::Body)
                && !dated;
            return if signed && inside {
                (
                    Role::Subheading,
                    "one line inside a signed article's text, no byline or dateline under it",
                )
            } else {
                (Role::Article, "unindented where body text is indented")
            };
        }
        // Without blank lines or indentation to go by (a web copy), a
        // headline line is a title unless section heads are marked.
        // Where blank lines part the paragraphs, they set the headings
        // apart; marks there are a box's own (◆选桩 粗细匀称有力量).
        if self.conv.marked_heads && self.conv.body_gap == 0 || self.flat() {
            // Section heads are marked here, so an unmarked line is a title
            // — but a question, an exclamation or a quotation standing alone
            // is far more often a line of the text than a title (113 short
            // paragraphs of the corpus end in ？, one title does).
            // A line right under a marked head is the head's second line.
            // Over a dateline, though, it opens a news item (长江入河排污口将
            // 迎“大体检” / 本报重庆2月17日电…).
            // So it does after a closing note (（本报布鲁塞尔、巴黎2月14日电） /
            // 马其顿更名为“北马其顿共和国”).
            let subtitled = (i + 1..end).any(|k| self.text(k).starts_with('—'));
            if self.follows_open_paragraph(i) && !dated
                || (!subtitled && !dated && !self.follows_closing(i) && speaks(self.text(i)))
            {
                return (
                    Role::Body,
                    "a question, exclamation or quotation, or text left open above it",
                );
            }
            return if self.under_marked_head(i) && !dated {
                (Role::Subheading, "under a marked head: its second line")
            } else {
                (
                    Role::Article,
                    "section heads are marked here and this line is not",
                )
            };
        }
        if self.gap(i) > self.conv.body_gap {
            return (Role::Article, "at a wider gap than the paragraphs'");
        }
        // Under a headline and its byline with no text yet, a head at the
        // paragraph gap heads the text's first part (新春走基层 一起过大年 /
        // 本报记者 郑少忠 / 脱贫脱单 双喜临门 / 罗小强真有名！), unless a
        // dateline opens a news item under it, or it names a column as the
        // headline above did (视点 / 标题一 / □本报记者 张三 / 观潮 / 标题二).
        let signed_only = self
            .last_article()
            .is_some_and(|a| a.byline.is_some() && a.blocks.is_empty());
        let new_column = end - i >= 2
            && is_column_like(self.text(i))
            && self.columns.last().is_some_and(|c| c.name.is_some());
        if signed_only && !dated && !new_column {
            return (
                Role::SubReport,
                "under a headline and its byline with no text yet: the text's first part",
            );
        }
        if end - i >= 2 && (i..end).all(|k| is_enumerated(self.text(k))) {
            return (
                Role::Subheading,
                "several numbered lines: parts of the text",
            );
        }
        // Where blank lines part the paragraphs, headline lines with none
        // between them are one stacked headline; without blank lines, two
        // headline lines in a row are a headline too.
        let stacked = end - i >= 2 && (i + 1..end).all(|k| self.gap(k) < self.conv.body_gap);
        if stacked || (end - i >= 2 && self.conv.body_gap == 0) {
            return (Role::Article, "headline lines stacked together");
        }
        let text = self.text(i);
        let next = self.next_body(end);
        // A line that goes on from the text above it, or is the text of a
        // figure, stays text even over a dateline (…立案1298件，案 / 值21.8
        // 亿元 / 本报北京2月13日电…: 案值).
        if self.joins_open_paragraph(i) || self.under_amount(i) {
            return (
                Role::Body,
                "goes on from the text above it, or a figure's text",
            );
        }
        // A photo caption or a dateline (本报北京2月1日电, 【本報訊】) opens
        // a news item, even after a line that a dash leaves open (一项工程，
        // 让2400平方公里土地变成了湿地——).
        if after == Some(Shape::Caption) || next.is_some_and(opens_like_a_dateline) {
            // Under a roundup's title, a head over a dateline at the paragraph
            // gap is its next item's (新闸机 / “刷脸”进站优化升级 / 本报成都
            // 2月11日电…).
            if self.under_column_line && self.conv.body_gap >= 1 && end - i >= 2 {
                return (
                    Role::SubReport,
                    "under a roundup's title, over a dateline: its next item",
                );
            }
            return (
                Role::Article,
                "over a caption or a dateline: a news item's headline",
            );
        }
        if self.follows_open_paragraph(i) {
            return (Role::Body, "the text above stopped mid-sentence");
        }
        // Where articles stand apart by wider gaps, weaker evidence does not
        // make one.
        if self.conv.article_gaps {
            return self.lone_line(i);
        }
        // A column heading over a title, right after a byline: an article
        // with no text yet has no subheadings.
        if end - i >= 2 && is_column_like(text) && self.shape(i - 1) == Some(Shape::Byline) {
            return (
                Role::Article,
                "a column heading over a title, right after a byline",
            );
        }
        if next.is_some_and(opens_like_a_lead) && self.conv.body_gap >= 1 {
            return (
                Role::Article,
                "over a lead (本报北京…电): a news item's headline",
            );
        }
        if title_evidence(text, next) >= TITLE_EVIDENCE {
            return (
                Role::Article,
                "enough evidence of a title in its shape and what follows",
            );
        }
        self.lone_line(i)
    }
}

/// A line that asks, exclaims or ends on a quotation (“吃得咋样？”, 三沙，
/// 年后再见！, 政治生态“绿水青山”): of the corpus's short lines that end on
/// ” without opening with “, 49 are paragraphs and 14 titles.
fn speaks(text: &str) -> bool {
    let text = text.trim();
    ends_sentence(text) || text.ends_with('”')
}
