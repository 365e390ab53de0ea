//! The parser on pages of other layouts (tests/pages/): their outlines,
//! the decisions that make them, and conservation of every character.

mod common;

use common::*;
use kanbao::export::outline;
use kanbao::page::{BlockKind, Page};

fn outline_of(name: &str) -> (Page, String) {
    let (_, page) = page_file(name);
    let text = outline(&issue_of(page.clone()), None);
    (page, text)
}

fn blocks(page: &Page) -> Vec<(BlockKind, &str)> {
    page.columns
        .iter()
        .flat_map(|c| c.articles.iter())
        .flat_map(|a| a.blocks.iter())
        .map(|b| (b.kind, b.text.text.as_str()))
        .collect()
}

const PAGES: &[&str] = &[
    "line-per-paragraph.txt",
    "hard-wrapped.txt",
    "headings-and-credits.txt",
    "mixed-punct.txt",
    "no-heading.txt",
    "breaks.txt",
    "headline-parts.txt",
    "roundup.txt",
    "web-copy.txt",
    "stacked-headlines.txt",
    "lead-lines.txt",
];

#[test]
fn every_page_is_conserved() {
    for name in PAGES {
        let (_, page) = page_file(name);
        assert_conserved(&page);
    }
}

#[test]
fn pages_without_in_title_columns_are_conserved_in_order() {
    // Not in order: an in-title column (line-per-paragraph.txt) and a
    // byline after the intro (stacked-headlines.txt) move to the fields
    // of their article.
    let moved = ["line-per-paragraph.txt", "stacked-headlines.txt"];
    for name in PAGES.iter().filter(|n| !moved.contains(n)) {
        let (_, page) = page_file(name);
        assert_conserved_in_order(&page);
    }
}

#[test]
fn line_per_paragraph_with_crlf() {
    let (page, text) = outline_of("line-per-paragraph.txt");
    assert_eq!(
        text,
        "(no column)\n  1. 推动高质量发展 共建美好家园 坚定信心　真抓实干\n\
         人民时评\n  2. 让城市更有温度\n\
         (no column)\n  3. 乡村振兴见闻 高原上的“致富果”\n"
    );
    let first = &page.columns[0].articles[0];
    assert_eq!(
        first.title.text.lines().count(),
        2,
        "a title stacked over two lines that no mark tells apart"
    );
    assert_eq!(
        first.subtitle.as_ref().map(|s| s.text.as_str()),
        Some("——写在新春佳节之际")
    );
    assert!(
        first.blocks[0]
            .text
            .text
            .starts_with("本报北京1月14日电（记者 李明）")
    );
    assert_eq!(first.blocks[0].line(), 4);
    assert!(
        blocks(&page)
            .iter()
            .all(|(k, t)| *k == BlockKind::Paragraph && !t.starts_with('\u{3000}'))
    );
    assert_eq!(blocks(&page).len(), 7);
}

#[test]
fn hard_wrapped_paragraphs() {
    let (page, text) = outline_of("hard-wrapped.txt");
    assert_eq!(
        text,
        "要闻\n  1. 春运首日旅客发送量超千万人次 — 本报记者 王磊\n  \
         2. 冰雪经济持续升温 — 本报记者 刘洋 通讯员 赵敏\n"
    );
    let b = blocks(&page);
    assert_eq!(b.len(), 4);
    assert!(b[0].1.ends_with("客流总体平稳有序。"));
    assert!(
        b[0].1.contains("5.8%，民航"),
        "wrapped lines joined with nothing between"
    );
}

#[test]
fn headings_credits_and_enumerated_subheadings() {
    let (page, text) = outline_of("headings-and-credits.txt");
    assert_eq!(
        text,
        "视点\n  1. 让数据多跑路 让群众少跑腿 — 本报记者 孙强 通讯员 周婷\n\
         观察\n  2. 基层减负要动真格 — 李华\n"
    );
    let kinds: Vec<BlockKind> = blocks(&page).iter().map(|b| b.0).collect();
    use BlockKind::*;
    assert_eq!(
        kinds,
        [
            Paragraph, Subheading, Paragraph, Subheading, Paragraph, Caption, Credit, Paragraph,
            Paragraph, Credit
        ]
    );
}

#[test]
fn mixed_punctuation_and_stripped_quotes() {
    let (page, text) = outline_of("mixed-punct.txt");
    assert_eq!(
        text,
        "社会\n  1. 老街换新颜 居民笑开颜 — 记者 陈静\n  2. 夜市点亮烟火气\n"
    );
    let b = blocks(&page);
    assert!(b.contains(&(BlockKind::Paragraph, "这条路终于修好了")));
    assert!(b.contains(&(BlockKind::Paragraph, "你们辛苦了吧")));
    assert!(
        b[0].1.contains("居民们在小广场上下棋聊天!社区书记"),
        "kept as written"
    );
}

#[test]
fn text_before_any_title() {
    let (page, text) = outline_of("no-heading.txt");
    assert_eq!(
        text,
        "(no column)\n  1. (untitled)\n  2. 科技创新赋能产业升级 — 本报记者 何伟\n"
    );
    assert!(page.columns[0].articles[0].title.is_empty());
    let b = blocks(&page);
    assert_eq!(b[0], (BlockKind::Paragraph, "（上接第一版）"));
    assert_eq!(b.last(), Some(&(BlockKind::Paragraph, "（下转第三版）")));
}

#[test]
fn breaks_mended_and_not() {
    let (page, _) = outline_of("breaks.txt");
    let b: Vec<&str> = blocks(&page).iter().map(|b| b.1).collect();
    assert!(b.iter().any(|t| t.contains("贸易结构持续优化,民营企业")));
    assert!(b.iter().any(|t| t.contains("企业订单明显增加。")));
    assert!(b.iter().any(|t| t.contains("推动形成稳定的国际营销网络")));
    assert!(
        b.contains(&"对于下一步工作,商务部新闻发言人表示:"),
        "a colon ends a paragraph"
    );
    assert!(
        b.contains(&"我们还要继续努力"),
        "speech is not glued to what follows"
    );
    assert_eq!(b.len(), 7);
}

#[test]
fn a_run_of_lead_lines_is_not_one_cut_paragraph() {
    let (page, _) = outline_of("lead-lines.txt");
    let b: Vec<&str> = blocks(&page).iter().map(|b| b.1).collect();
    assert_eq!(
        &b[..3],
        [
            "科技进步不断拓展着日常生活的边界，正是经济社会发展动力的重要源泉",
            "创新不仅应该是产业升级、结构调整的突破口，更应该是改善民生的加速器",
            "技术提升效率、拓展能力，而创新者则应该守护技术造福社会的初心",
        ],
        "each lead line a block of its own"
    );
    assert!(
        b[3].starts_with("前段时间") && b[3].ends_with("大大方便了日常生活。"),
        "the cut paragraph after them mended: {b:?}"
    );
    assert_eq!(b.len(), 5);
}

#[test]
fn lead_in_subtitle_caption_and_note() {
    let (page, _) = outline_of("headline-parts.txt");
    let article = &page.columns[0].articles[0];
    let text = |t: &Option<kanbao::page::Text>| t.as_ref().map(|t| t.text.clone());
    assert_eq!(text(&article.leadin).as_deref(), Some("四川昭觉县三河村——"));
    assert_eq!(article.title.text, "产业兴旺火塘暖 文明卫生气象新");
    assert_eq!(
        text(&article.subtitle).as_deref(),
        Some("——来自贫困乡村的精准脱贫故事")
    );
    assert_eq!(text(&article.byline).as_deref(), Some("本报记者 王明"));
    use BlockKind::*;
    let kinds: Vec<BlockKind> = blocks(&page).iter().map(|b| b.0).collect();
    assert_eq!(
        kinds,
        [Caption, Credit, Paragraph, Subheading, Paragraph, Paragraph],
        "caption, its credit, text, a box label, text, the dateline note"
    );
}

#[test]
fn a_roundup_keeps_its_sub_reports() {
    // Articles part by wider gaps here; a head with its own byline at the
    // paragraph gap is a sub-report, its lines and byline text of the
    // article.
    let (page, text) = outline_of("roundup.txt");
    assert_eq!(
        text,
        "新春走基层\n  1. 晒晒咱家新年货 — 本报记者 张明\n  2. 品味“年”的意蕴\n"
    );
    let roundup = &page.columns[0].articles[0];
    let kinds: Vec<(BlockKind, &str)> = roundup
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.text.as_str()))
        .collect();
    assert!(kinds.contains(&(BlockKind::Subheading, "云南玉溪李芳——")));
    assert!(kinds.contains(&(BlockKind::Subheading, "进口年货带回家，挺酷的")));
    assert!(kinds.contains(&(BlockKind::Paragraph, "本报记者 王一")));
}

#[test]
fn a_web_copy_keeps_questions_and_exclamations_in_the_text() {
    let (page, text) = outline_of("web-copy.txt");
    assert_eq!(
        text,
        "(no column)\n  1. 春运首日客流平稳\n  2. 冰雪旅游持续升温 — 本报记者李华\n"
    );
    let b = blocks(&page);
    assert!(b.contains(&(BlockKind::Paragraph, "“票好买吗？”")));
    assert!(b.contains(&(BlockKind::Paragraph, "“太好玩了！”")));
}

#[test]
fn stacked_headlines_stay_headlines() {
    let (page, text) = outline_of("stacked-headlines.txt");
    // Two lines with no blank line between them are one title, not a
    // column heading over a title.
    assert_eq!(
        text,
        "(no column)\n  1. 價格穩 品種多 供應足 — 記者：王明\n  \
         2. 習近平春節前夕在北京看望慰問基層幹部羣眾 向廣大幹部羣眾致以美好的新春祝福祝各族人民幸福安康\n"
    );
    // A headline of three lines between blank lines: the third is its
    // subtitle, not an article of its own without text.
    let second = &page.columns[0].articles[1];
    assert_eq!(
        second.subtitle.as_ref().map(|s| s.text.as_str()),
        Some("韓正陪同考察")
    );
    assert_eq!(second.blocks.len(), 2);
}
