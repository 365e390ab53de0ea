//! The parser on pages of other layouts (tests/pages/): their outlines,
//! the decisions that make them, and conservation of every character.

use crate::common;

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

fn titles(page: &Page) -> Vec<&str> {
    page.columns
        .iter()
        .flat_map(|c| c.articles.iter())
        .map(|a| a.title.text.as_str())
        .collect()
}

/// Parses an inline page (without jieba, as the first frame does), checks
/// that every character is kept in order, and returns it.
fn parsed(text: &str) -> Page {
    let page = kanbao::page::parse("page.txt", text, None);
    assert_conserved(&page);
    page
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
    "boxes-and-leads.txt",
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
    // Not in order: an in-title column (line-per-paragraph.txt,
    // boxes-and-leads.txt) and a byline after the intro
    // (stacked-headlines.txt) move to the fields of their article.
    let moved = [
        "line-per-paragraph.txt",
        "stacked-headlines.txt",
        "boxes-and-leads.txt",
    ];
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

#[test]
fn boxes_lead_ins_long_columns_and_sub_reports() {
    let (page, _) = outline_of("boxes-and-leads.txt");
    let articles: Vec<_> = page
        .columns
        .iter()
        .flat_map(|c| c.articles.iter().map(move |a| (c, a)))
        .collect();
    let titles: Vec<&str> = articles
        .iter()
        .map(|(_, a)| a.title.text.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "岁末年初看脱贫",
            "速览",
            "众筹的文化大院，火了",
            "那一刻，我们光荣接受检阅",
            "646项国家标准发布\n养老机构由低到高分为五级",
            "我国首次实现深海数据北斗卫星实时传输",
            "冬日里的守护者",
        ],
        "the page's first line is a lead-in, a box title no column, a news \
         item's unmarked subtitle part of its title, 我国 no speaker"
    );
    let text = |t: &Option<kanbao::page::Text>| t.as_ref().map(|t| t.text.clone());
    let name = |k: usize| articles[k].0.name.as_ref().map(|n| n.text.clone());
    assert_eq!(
        text(&articles[0].1.leadin).as_deref(),
        Some("上山进村，问寒问暖，到农家")
    );
    assert_eq!(name(2).as_deref(), Some("解码·城乡文化设施利用"));
    assert!(
        text(&articles[2].1.leadin).is_some_and(|l| l.ends_with("四川省丹棱县——")),
        "a lead-in ending on a dash may run long"
    );
    assert_eq!(name(3).as_deref(), Some("强军思想引领新征程"));
    let kinds = |k: usize| -> Vec<(BlockKind, &str)> {
        articles[k]
            .1
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.text.as_str()))
            .collect()
    };
    let items: Vec<&str> = kinds(1)
        .into_iter()
        .filter(|(k, _)| *k == BlockKind::Subheading)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(items, ["证监会鼓励券商权益类投资", "外汇储备规模继续稳定"]);
    assert!(kinds(5).contains(&(BlockKind::Credit, "统筹：郭雪岩")));
    let roundup = kinds(6);
    for head in [
        "生态环境部督察人员徐锡惠：",
        "“我们越来越有底气了”",
        "湖北黄柏河综合执法支队队长洪钧：",
        "“不仅管水里，还要管岸上”",
    ] {
        assert!(
            roundup.contains(&(BlockKind::Subheading, head)),
            "{head} heads a sub-report of the roundup"
        );
    }
    assert!(roundup.contains(&(BlockKind::Paragraph, "本报记者  范昊天")));
}

#[test]
fn web_copy_marks_set_heads_apart() {
    let text = "\u{3000}\u{3000}看变化的一年\n\u{3000}\u{3000}□本报记者王明\n\u{3000}\u{3000}第一段正文在这里，写得很长很长，讲述了一个故事。\n\u{3000}\u{3000}□甘肃定西元古堆村\n\u{3000}\u{3000}旱塬有了“解渴水”“致富水”\n\u{3000}\u{3000}轻转水龙头，就可以喝上甘甜的自来水了，老人很高兴。\n\u{3000}\u{3000}政治生态“绿水青山”\n\u{3000}\u{3000}一段时间内，这里的政治生态遭到严重破坏，如今正在修复。\n\u{3000}\u{3000}一\n\u{3000}\u{3000}走进寨子的时候，寨子里响起欢快的芦笙和歌儿。\n\u{3000}\u{3000}□版式设计：郭  祥\n";
    let page = parsed(text);
    assert_eq!(
        titles(&page),
        ["看变化的一年"],
        "the line under a marked head, a line ending on a quotation and a \
         numeral are text"
    );
    let b = blocks(&page);
    assert!(b.contains(&(BlockKind::Credit, "□版式设计：郭  祥")));
}

#[test]
fn a_page_of_one_roundup_keeps_its_sub_reports() {
    let text = "新春走基层 一起过大年\n\n大年三十，本报记者走进码头工地，坐上老乡炕头，体验了奋斗者的艰辛。\n\n——编 者\n\n北京交警\n\n过节守夜在路上\n\n本报记者 王明\n\n年三十的路，格外顺。20多公里的车程，记者只用了30多分钟。\n\n天津港集装箱码头\n\n别样“春运”一样忙\n\n本报记者 李博\n\n大年三十，下午两点半，一声汽笛长鸣。\n\n西藏拉萨三有村\n\n搬迁三年变化大\n\n本报记者 卓嘎\n\n6点半，尼玛家的年夜饭已准备完毕。\n";
    let page = parsed(text);
    assert_eq!(
        titles(&page),
        ["新春走基层 一起过大年"],
        "a title without a byline, one series of bylined heads and no wider \
         gap: one roundup"
    );
    assert!(blocks(&page).contains(&(BlockKind::Subheading, "过节守夜在路上")));
}

#[test]
fn short_halves_of_a_cut_paragraph_are_mended_on_a_word_across_the_seam() {
    let text = "改革落地见实效\n\n本报记者 王明\n\n村里成立了股份经济合作社，全村八百多户都入了股。\n\n协商确定入股各方权利义\n\n务和利益分配\n\n坚持问题导向\n\n我们一直在推动改革，村民的日子越过越好。\n\n合作社今年分红两次，每户平均分到三千多元。\n";
    let seg = Some(kanbao::text::Segmenter::get());
    let page = kanbao::page::parse("cut.txt", text, seg);
    let b = blocks(&page);
    assert!(
        b.iter()
            .any(|(_, t)| *t == "协商确定入股各方权利义务和利益分配"),
        "义务 runs across the seam: {b:?}"
    );
    assert!(
        b.iter().any(|(_, t)| *t == "坚持问题导向"),
        "no word runs from a subheading into its text: {b:?}"
    );
    assert_conserved(&page);
}

#[test]
fn web_copy_titles_that_end_on_a_quotation() {
    let i = "\u{3000}\u{3000}";
    let text = format!(
        "{i}欧盟加强反恐合作\n{i}□本报记者王明\n{i}欧洲刑警组织负责反恐的官员说，合作正在加强。\n{i}“最近几年，在日益猖獗的恐怖威胁下，欧盟各国加强了合作。”\n{i}（本报布鲁塞尔、巴黎2月14日电）\n{i}马其顿更名为“北马其顿共和国”\n{i}2月12日晚间，马其顿政府宣布，马其顿正式更名。\n{i}据当地媒体13日报道，马政府在声明中说，更名已经生效。\n{i}□看人民映像　　品百味人生\n{i}长江入河排污口将迎“大体检”\n{i}本报重庆2月17日电  （记者刘新吾）日前，生态环境部启动排查。\n{i}为打好长江保护修复攻坚战，生态环境部制定了方案。\n{i}政治生态“绿水青山”\n{i}一段时间内，这里的政治生态遭到严重破坏，如今正在修复。\n{i}□江西丰城市 徐新林\n{i}赴日游客素质不断提升（域外来风）\n{i}2018年赴日本旅游的中国大陆游客达到838万人次。\n"
    );
    let page = parsed(&text);
    assert_eq!(
        titles(&page),
        [
            "欧盟加强反恐合作",
            "马其顿更名为“北马其顿共和国”",
            "长江入河排污口将迎“大体检”",
            "赴日游客素质不断提升"
        ],
        "after a closing note and over a dateline a line ending on ” is a \
         title, and so is one naming its column under a marked line; \
         inside the text it is text"
    );
}

#[test]
fn web_copy_titles_after_what_closes_an_article() {
    let i = "  ";
    let text = format!(
        "{i}博物馆里年味儿浓\n{i}□本报记者王明\n{i}新春来临，去哪儿够时尚？不妨去博物馆过一个有意义的节日吧！\n{i}□版式设计：张丹峰\n{i}我们这样迎新春\n{i}12岁的蒙古族小朋友恩和来，在3年前成为一名小小讲解员。\n{i}“在博物院里，能够学习到各民族的年俗。”\n{i}（本报华盛顿、莫斯科、金边、布鲁塞尔、东京、开罗、里约热内卢、新德里、伦敦、巴黎、柏林、罗马、马德里、雅典、维也纳、华沙、布拉格、悉尼、惠灵顿、渥太华2月4日电）\n{i}咱们的春节\n{i}一封发自南苏丹中国维和步兵营的信，讲述了军人的春节。\n{i}地方各级党委和政府要切实履行领导责任。\n{i}看变化，问冷暖，听民声(新春走基层)\n{i}——重访习近平总书记春节前夕考察过的那些地方\n{i}问冷暖，听民声，谋发展，看变化。\n"
    );
    let page = parsed(&text);
    assert_eq!(
        titles(&page),
        [
            "博物馆里年味儿浓",
            "我们这样迎新春",
            "咱们的春节",
            "看变化，问冷暖，听民声"
        ],
        "after a credit or a note, however long, and over a dashed subtitle, \
         a line is a title even when it reads as speech"
    );
}

#[test]
fn a_numbered_line_heads_a_part_not_an_article() {
    let i = "  ";
    let text = format!(
        "{i}中共中央 国务院关于坚持农业农村优先发展做好“三农”工作的若干意见\n{i}（一）强化农村基层党组织领导作用。抓实建强农村基层党组织。\n{i}（二）发挥村级各类组织作用。理清村级各类组织功能定位。\n{i}八、加强党对“三农”工作的领导，落实农业农村优先发展总方针\n{i}（一）强化五级书记抓乡村振兴的制度保障。实行中央统筹。\n"
    );
    let page = parsed(&text);
    assert_eq!(
        titles(&page),
        ["中共中央 国务院关于坚持农业农村优先发展做好“三农”工作的若干意见"]
    );
    assert!(blocks(&page).contains(&(
        BlockKind::Subheading,
        "八、加强党对“三农”工作的领导，落实农业农村优先发展总方针"
    )));
}

#[test]
fn lead_ins_that_ask_or_run_long_stand_between_column_and_title() {
    let text = "第一篇文章的标题\n\n本报记者 王明\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n这是第一篇文章的第二段，也写得很长，讲完了这个故事。\n\n\n干部状态新观察\n\n干部节后收心了吗？服务热心了吗？办事尽心了吗？\n\n首个工作日 干事有状态\n\n本报记者 李博\n\n春节假期后的首个工作日，记者走进多地政务服务大厅。\n\n大厅里秩序井然，工作人员早早到岗。\n\n\n法治进行时\n\n司法部在网上开通证明事项清理投诉监督平台，接受群众对“奇葩证明”、循环证明、重复证明等问题的投诉，并积极回应群众和企业关切——\n\n不必要的证明，免了！\n\n一段时间以来，“奇葩证明”、循环证明等现象不时出现，成为群众办事的烦心事。\n\n今年以来，各地清理了一大批证明事项。\n";
    let page = parsed(text);
    let a = &page.columns[1].articles[0];
    assert_eq!(
        page.columns[1].name.as_ref().map(|n| n.text.as_str()),
        Some("干部状态新观察")
    );
    assert_eq!(a.title.text, "首个工作日 干事有状态");
    assert_eq!(
        a.leadin.as_ref().map(|l| l.text.as_str()),
        Some("干部节后收心了吗？服务热心了吗？办事尽心了吗？")
    );
    let a = &page.columns[2].articles[0];
    assert_eq!(
        a.title.text, "不必要的证明，免了！",
        "a lead-in that a dash pair ends may run long"
    );
}

#[test]
fn a_roundup_under_its_title_keeps_its_dated_items() {
    let text = "第一篇文章的标题\n\n本报记者 王明\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n第二篇文章的标题\n\n这是第二篇文章的正文，也写得很长，讲完了这个故事。\n\n\n2019春运一线\n\n新通道\n\n“急客”服务通道开通\n\n本报北京2月11日电  （记者贺勇）为增加运力，北京局增开旅客列车75列。\n\n新闸机\n\n“刷脸”进站优化升级\n\n本报成都2月11日电  （记者王明峰）为了便于旅客出站换乘，车站启用了新闸机。\n\n\n第四篇文章的标题\n\n第四篇文章的正文也写得很长，讲述了另一个故事。\n";
    let page = parsed(text);
    assert_eq!(
        titles(&page),
        [
            "第一篇文章的标题",
            "第二篇文章的标题",
            "2019春运一线",
            "第四篇文章的标题"
        ],
        "the roundup's title is no column, and its items are no articles"
    );
    for head in ["新通道", "“急客”服务通道开通", "“刷脸”进站优化升级"] {
        assert!(
            blocks(&page).contains(&(BlockKind::Subheading, head)),
            "{head}"
        );
    }

    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n今年寒假怎么过\n\n北京交通大学\n\n关爱基金报销路费\n\n■学长关爱基金为困难本科生全额报销车费\n\n今年寒假，北京交通大学有近百名学生获得资助。\n\n西安交通大学\n\n“春节年货”带回家\n\n■为学生发放具有浓厚陕西特色的“春节返乡大礼包”\n\n为把学校的关怀落实落细，学校准备了年货。\n\n\n第三篇文章的标题\n\n第三篇文章的正文也写得很长，讲述了另一个故事。\n";
    let page = parsed(text);
    assert_eq!(
        titles(&page).len(),
        3,
        "an item over a caption is no article either"
    );
}

#[test]
fn a_deck_of_clauses_under_a_title_is_the_first_paragraph() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n纵横\n\n感恩“后备箱的爱”\n\n与其在朋友圈感动地“云孝顺”一番，还不如平时多分配一点时间给父母\n\n据报道，子女过完春节离开家乡之际，无数父母把土特产塞满了后备箱。\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["第一篇文章的标题", "感恩“后备箱的爱”"]);
    assert!(
        blocks(&page)
            .iter()
            .any(|(_, t)| *t == "与其在朋友圈感动地“云孝顺”一番，还不如平时多分配一点时间给父母"),
        "the deck is the text's, not the title's"
    );
}

#[test]
fn a_line_that_reads_as_speech_can_head_the_page() {
    let text = "咱们村，年味浓\n\n编者的话\n\n每到春节，从万里冰封的北疆到四季如春的南国，乡村里年味正浓。\n\n大年里，看上一场村民自编自导自演的“村晚”，是许多人的期盼。\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["咱们村，年味浓"]);
}

#[test]
fn a_column_heading_stands_over_a_title_that_reads_as_speech() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n民生观\n\n这里的公厕为啥有纸了\n\n不能因为厕纸有被拿走的可能就打退堂鼓。做好预防措施，把好事做好。\n\n今年春节长假，回到老家重庆，发现许多变化。\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["第一篇文章的标题", "这里的公厕为啥有纸了"]);
    assert_eq!(
        page.columns[1].name.as_ref().map(|n| n.text.as_str()),
        Some("民生观")
    );
}

#[test]
fn a_lead_in_that_opens_as_a_lead_does_stands_over_its_title() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n深阅读\n\n近期降水利农，专家建议各地抓住时机科学田间管理\n\n春来雨雪兆丰年 防灾减灾不松弦\n\n上周，北方雪花飘飘，南方阴雨连绵，出现全国入冬以来范围最大的雨雪天气。\n";
    let page = parsed(text);
    let titles = titles(&page);
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles[1].ends_with("春来雨雪兆丰年 防灾减灾不松弦"),
        "{titles:?}"
    );
    assert_eq!(
        page.columns[1].name.as_ref().map(|n| n.text.as_str()),
        Some("深阅读")
    );
}

#[test]
fn a_roundup_of_signed_items_is_titled_by_its_first_line() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n新春走基层\n\n在粤务工人员乘坐扶贫专列返乡\n\n大凉山生长新梦想\n\n本报记者  李  刚\n\n1月27日9时43分，载着1000多名务工人员的扶贫专列驶入西昌站。\n\n贵州平塘县克度镇金科村搬迁脱贫\n\n为守护“天眼”出份力\n\n本报记者  汪志球\n\n临近春节，宋昌福顾不上休息，开着车穿行在大山之间。\n\n\n第三篇文章的标题\n\n第三篇文章的正文也写得很长，讲述了另一个故事。\n";
    let page = parsed(text);
    assert_eq!(
        titles(&page),
        ["第一篇文章的标题", "新春走基层", "第三篇文章的标题"]
    );
    let roundup = &page.columns.iter().flat_map(|c| &c.articles).nth(1);
    let roundup = roundup.expect("three articles");
    assert!(roundup.byline.is_none(), "each item has its own byline");
    let kinds: Vec<(BlockKind, &str)> = roundup
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.text.as_str()))
        .take(3)
        .collect();
    assert_eq!(
        kinds,
        [
            (BlockKind::Subheading, "在粤务工人员乘坐扶贫专列返乡"),
            (BlockKind::Subheading, "大凉山生长新梦想"),
            (BlockKind::Paragraph, "本报记者  李  刚"),
        ]
    );

    // One signed item is an article under its column.
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n新春走基层\n\n在粤务工人员乘坐扶贫专列返乡\n\n大凉山生长新梦想\n\n本报记者  李  刚\n\n1月27日9时43分，载着1000多名务工人员的扶贫专列驶入西昌站。\n\n\n第三篇文章的标题\n\n第三篇文章的正文也写得很长，讲述了另一个故事。\n";
    let page = parsed(text);
    assert_eq!(
        titles(&page)[1],
        "在粤务工人员乘坐扶贫专列返乡\n大凉山生长新梦想"
    );
    assert_eq!(
        page.columns[1].name.as_ref().map(|n| n.text.as_str()),
        Some("新春走基层")
    );
}

#[test]
fn a_column_heading_stands_over_a_lead_in_and_a_title_that_reads_as_speech() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n政策解读\n\n瞄准汽车、家电和5G\n\n促消费 24条新举措来了\n\n国家发改委等十部门近日联合印发实施方案，提出六个方面24项具体措施。\n";
    let page = parsed(text);
    let titles = titles(&page);
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles[1].contains("促消费 24条新举措来了"), "{titles:?}");
}

#[test]
fn a_title_of_clauses_over_a_dashed_subtitle_opens_an_article() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n地方各级党委和政府要切实履行领导责任，把这项工作列入重要议事日程。\n\n\n看变化，问冷暖，听民声(新春走基层)\n\n——重访习近平总书记春节前夕考察过的那些地方\n\n问冷暖，听民声，谋发展，看变化。\n\n春节将至，那些总书记牵挂的乡亲们，日子过得怎么样？\n";
    let page = parsed(text);
    let titles = titles(&page);
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles[1].starts_with("看变化，问冷暖，听民声"),
        "{titles:?}"
    );
}

#[test]
fn a_title_that_reads_as_speech_opens_an_article_after_a_credit() {
    let text = "博物馆里年味儿浓\n\n“亿万人增亿万寿，太平岁值太平春。”近日，各地博物馆推出了新春活动。\n\n让人惊喜的是，智能讲解机器人也加入了讲解的队伍。\n\n版式设计：张丹峰\n\n\n\n我们这样迎新春\n\n12岁的蒙古族小朋友恩和来，在3年前成为一名小小讲解员。\n\n“在博物院里，能够学习到汉族、蒙古族的传统文化。”\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["博物馆里年味儿浓", "我们这样迎新春"]);
    // At the paragraph gap it is a line of the text.
    let text = text.replace("\n\n\n\n我们", "\n\n我们");
    let page = parsed(&text);
    assert_eq!(titles(&page), ["博物馆里年味儿浓"]);
}

#[test]
fn a_lead_in_about_the_reporter_is_no_byline() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n社会治理在身边\n\n记者新春探访乡村治理\n\n村子大家管，日子更美满\n\n春节期间，记者走进安徽、河北、山东三地的村庄，来到村民家中。\n";
    let page = parsed(text);
    let article = page.columns.iter().flat_map(|c| &c.articles).nth(1);
    let article = article.expect("two articles");
    assert!(article.byline.is_none());
    assert!(
        article.title.text.ends_with("村子大家管，日子更美满"),
        "{:?}",
        article.title.text
    );
}

#[test]
fn one_wider_gap_shows_how_articles_stand_apart() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n坚持问题导向推动改革落地\n\n近日，有关部门出台了新的办法，写得也很长很长。\n\n\n\n第二篇文章的标题\n\n这是第二篇文章的正文，也写得很长，讲完了这个故事。\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["第一篇文章的标题", "第二篇文章的标题"]);
    assert!(blocks(&page).contains(&(BlockKind::Subheading, "坚持问题导向推动改革落地")));
}

#[test]
fn a_label_in_lenticular_brackets_opens_a_part_of_the_text() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n暖闻热评\n\n有爱的旅途不孤独\n\n【人物】北京313路公交车司机刘宝中\n\n【故事】北京313路公交车全程往返要4个多小时，他一开就是很多年。\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["第一篇文章的标题", "有爱的旅途不孤独"]);
    assert!(
        blocks(&page)
            .iter()
            .any(|(_, t)| *t == "【人物】北京313路公交车司机刘宝中")
    );
}

#[test]
fn a_first_paragraph_cut_short_is_no_line_of_the_headline() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n“打磨”确保春运高铁平稳运行\n\n春运期间，广袤的祖国大地\n\n上，一趟趟高铁列车飞驰而过，承载着无数旅客回家的期盼。\n";
    let page = parsed(text);
    assert_eq!(
        titles(&page),
        ["第一篇文章的标题", "“打磨”确保春运高铁平稳运行"]
    );
}

#[test]
fn a_page_that_opens_on_questions_opens_on_a_lead_in() {
    let text = "干部节后收心了吗？服务热心了吗？办事尽心了吗？\n\n首个工作日 干事有状态\n\n状态体现担当，状态折射作风。11日是春节假期后第一个工作日，记者兵分多路探访。\n";
    let page = parsed(text);
    let article = &page.columns[0].articles[0];
    assert_eq!(article.title.text, "首个工作日 干事有状态");
    assert_eq!(
        article.leadin.as_ref().map(|l| l.text.as_str()),
        Some("干部节后收心了吗？服务热心了吗？办事尽心了吗？")
    );
}

#[test]
fn a_figure_under_a_title_heads_the_text() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n金融对实体经济支持力度继续加大\n\n3.57万亿\n\n1月对实体经济发放的人民币贷款增加3.57万亿元，同比多增9000亿元。\n";
    let page = parsed(text);
    assert_eq!(
        titles(&page),
        ["第一篇文章的标题", "金融对实体经济支持力度继续加大"]
    );
}

#[test]
fn a_title_with_its_series_note_may_run_in_clauses() {
    let text = "一带一路，“互利共赢、共同发展的全球公共产品”（风从东方来——国际人士谈一带一路合作）\n\n世界上越来越多国家同声相应、相向而行，加入了“一带一路”建设的大合唱。\n";
    let page = parsed(text);
    assert_eq!(
        titles(&page),
        ["一带一路，“互利共赢、共同发展的全球公共产品”（风从东方来——国际人士谈一带一路合作）"]
    );
}

#[test]
fn items_signed_by_a_spaced_name_stay_in_their_roundup() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n今年寒假怎么过\n\n北京交通大学\n\n关爱基金报销路费\n\n林 芳\n\n今年寒假，北京交通大学有近百名家庭经济困难同学留校过春节。\n\n西安交通大学\n\n“春节年货”带回家\n\n王 欢\n\n为把学校对家庭经济困难学生的关怀落实落细，西安交通大学发放大礼包。\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["第一篇文章的标题", "今年寒假怎么过"]);
}

#[test]
fn a_word_across_the_cut_keeps_a_dated_piece_in_its_paragraph() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n\n整治“保健”市场乱象见成效\n\n截至1月30日，联合整治“保健”市场乱象百日行动立案1298件，案\n\n值21.8亿元\n\n本报北京2月13日电  （记者林丽鹂）联合整治“保健”市场乱象百日行动取得阶段性成效。\n";
    let page = kanbao::page::parse("page.txt", text, Some(kanbao::text::Segmenter::get()));
    assert_conserved(&page);
    assert_eq!(
        titles(&page),
        ["第一篇文章的标题", "整治“保健”市场乱象见成效"]
    );
    assert!(
        blocks(&page)
            .iter()
            .any(|(_, t)| t.ends_with("案值21.8亿元")),
        "the two pieces are mended into one paragraph"
    );
}

#[test]
fn a_head_under_a_signed_headline_heads_its_first_part() {
    let text = "新春走基层 一起过大年\n\n本报记者 郑少忠\n\n脱贫脱单 双喜临门\n\n罗小强真有名！\n\n以前出名，是因为穷，身体残疾，47岁了还光棍一个。如今出名，是因为脱了贫，还娶上了媳妇。\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["新春走基层 一起过大年"]);
    assert_eq!(
        blocks(&page)[..2],
        [
            (BlockKind::Subheading, "脱贫脱单 双喜临门"),
            (BlockKind::Subheading, "罗小强真有名！")
        ]
    );
}

#[test]
fn items_headed_under_the_byline_are_one_roundup() {
    let text = "舌尖上的博物馆（非遗年集·美食）\n\n本报记者 宋豪新\n\n成都川菜博物馆\n\n民以食为天。四川人民尤其钟爱美食。\n\n2007年5月，博物馆正式开馆。\n\n淮扬菜文化博物馆\n\n本报记者 姚雪青\n\n在淮扬菜发源地之一的江苏淮安，坐落着一座博物馆。\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["舌尖上的博物馆"]);
}

#[test]
fn a_first_paragraph_cut_a_word_in_is_no_line_of_the_headline() {
    let text = "一带一路·中国情缘\n\n“很荣幸参与到一带一路建设中来”\n\n一带一\n\n路彻底改变了我的生活\n\n安娜塔西亚·希奇科娃\n\n我在莫斯科出生长大，大学学的是汉语。\n";
    let page = kanbao::page::parse("page.txt", text, Some(kanbao::text::Segmenter::get()));
    assert_conserved(&page);
    assert_eq!(titles(&page), ["“很荣幸参与到一带一路建设中来”"]);
    assert!(
        blocks(&page)
            .iter()
            .any(|(_, t)| *t == "一带一路彻底改变了我的生活")
    );
}

#[test]
fn a_point_of_a_summary_is_cut_as_a_paragraph_is() {
    let text = "第一篇文章的标题\n\n这是第一篇文章的正文，写得很长很长，讲述了一个故事。\n\n\n水煮蔬菜更有营养\n\n■植物激素与人体激素是两回事。大部分瓜果蔬菜使用的植物激素对人体没有影响。\n\n■植物激素在植物体内会发生降解，随着时间推移浓度会降低，不会对人体产生作\n\n用，蔬菜的食用安全性是有保障的\n\n■与其在吃与不吃中纠结，不如在怎么清洗、怎么烹调等方面多下功夫。\n\n专家介绍，蔬菜水果是膳食的重要组成部分。\n";
    let page = kanbao::page::parse("page.txt", text, Some(kanbao::text::Segmenter::get()));
    assert_conserved(&page);
    assert_eq!(titles(&page), ["第一篇文章的标题", "水煮蔬菜更有营养"]);
}

#[test]
fn the_text_under_a_figure_is_no_title_over_a_dateline() {
    let text = "去年我国服务进出口规模创新高\n\n52402亿\n\n去年我国服务进出口规模达52402亿元。\n\n10.5%\n\n2018年旅游总收入同比增长10.5%\n\n本报北京2月12日电  （记者王珂）商务部服贸司负责人介绍了去年服务贸易的情况。\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["去年我国服务进出口规模创新高"]);
}

#[test]
fn a_form_value_cut_by_the_column_goes_on_under_it() {
    let text = "“下午我得找厂家，再进点儿料”\n\n本报记者  姜  峰\n\n时间：上午9点半\n\n地点：村养牛场\n\n场景：挨个往11头害病的\n\n牦牛脖子上打针\n\n2月11日一早，乡兽医站的田大夫前脚刚上班，第一书记刘文慧就来了。\n\n来到下胡丹农牧生态开发有限责任公司，她先看了看牛棚。\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["“下午我得找厂家，再进点儿料”"]);
}

#[test]
fn an_editors_note_standing_alone_is_an_article_of_its_own() {
    let text = "编者按\n\n本期主题：世界多极化\n\n当前，人类社会正处在大发展大变革大调整时期。世界多极化深入发展。\n\n——编  者\n\n\n人民观察\n\n共同推动世界多极化深入发展\n\n内容提要：世界多极化是一个长期而复杂的历史进程。\n";
    let page = parsed(text);
    assert_eq!(titles(&page), ["编者按", "共同推动世界多极化深入发展"]);
    assert_eq!(page.columns[0].name, None);
}
