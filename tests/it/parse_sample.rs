//! The parser on the bundled page: the structure the issue specifies, each
//! mended layout break, and the line of dialogue that must stay apart.

use crate::common;

use common::*;
use kanbao::page::{Article, BlockKind, Page, parse};

fn all_articles(page: &Page) -> Vec<&Article> {
    page.columns
        .iter()
        .flat_map(|c| c.articles.iter())
        .collect()
}

/// A column's name and its articles' titles and bylines.
type ColumnShape<'a> = (Option<&'a str>, Vec<(&'a str, Option<&'a str>)>);

#[test]
fn five_columns_in_order_with_their_articles() {
    let page = sample();
    let got: Vec<ColumnShape> = page
        .columns
        .iter()
        .map(|c| {
            (
                c.name.as_ref().map(|n| n.text.as_str()),
                c.articles
                    .iter()
                    .map(|a| {
                        (
                            a.title.text.as_str(),
                            a.byline.as_ref().map(|b| b.text.as_str()),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    let want: Vec<ColumnShape> = vec![
        (
            Some("视点"),
            vec![("打一场祛除积弊自我净化的整风仗", Some("本报记者 陈春艳"))],
        ),
        (Some("观潮"), vec![("为官不为者耻!", Some("宋爽"))]),
        (Some("阵地"), vec![("传承红色基因", None)]),
        (
            Some("红船初心"),
            vec![
                ("头雁引领 群雁齐飞", Some("本报记者 陈春艳")),
                ("马扎驿站 响起解读者声", None),
                ("画出民族团结最大同心圆", Some("见习记者 郝佳丽")),
            ],
        ),
        (
            Some("五化协同 大抓基层⑤"),
            vec![("联学联创 聚合力 最强党支部 增活力", Some("辛凤娟"))],
        ),
    ];
    assert_eq!(got, want);
}

#[test]
fn subheadings_and_credit() {
    let page = sample();
    let arts = all_articles(&page);
    let subheadings: Vec<&str> = arts
        .iter()
        .flat_map(|a| a.blocks.iter())
        .filter(|b| b.kind == BlockKind::Subheading)
        .map(|b| b.text.text.as_str())
        .collect();
    assert_eq!(subheadings, ["做好样子", "迈好步子"]);
    assert!(arts[0].blocks.iter().any(|b| b.text.text == "做好样子"));

    let credits: Vec<(&str, &str)> = arts
        .iter()
        .flat_map(|a| a.blocks.iter().map(move |b| (a.title.text.as_str(), b)))
        .filter(|(_, b)| b.kind == BlockKind::Credit)
        .map(|(t, b)| (t, b.text.text.as_str()))
        .collect();
    assert_eq!(credits, [("传承红色基因", "见习记者 郝佳丽 摄")]);
}

/// Each cut as `left|right`: the mended paragraph must contain both sides
/// joined with nothing between, start on the left fragment's line, and no
/// block may start on the right fragment's line.
fn assert_mended(page: &Page, left: &str, right: &str, line: usize) {
    let joined = format!("{left}{right}");
    let blocks: Vec<_> = all_articles(page)
        .into_iter()
        .flat_map(|a| a.blocks.iter())
        .collect();
    let hit = blocks
        .iter()
        .find(|b| b.text.text.contains(&joined))
        .unwrap_or_else(|| panic!("{left}|{right} not mended"));
    assert_eq!(hit.kind, BlockKind::Paragraph);
    assert_eq!(hit.line(), line, "{left}|{right} starts on the wrong line");
    assert_eq!(hit.text.pieces.len(), 2);
    let rest_line = hit.text.pieces[1].line;
    assert_eq!(rest_line, line + 2, "{right} taken from the wrong line");
    assert!(
        !blocks.iter().any(|b| b.line() == rest_line),
        "{right} left apart"
    );
}

#[test]
fn break_guiding_action() {
    assert_mended(&sample(), "规定动", "作和自选动作", 29);
}

#[test]
fn break_said() {
    assert_mended(&sample(), "直接说", "道。", 19);
}

#[test]
fn break_party_committee_team() {
    assert_mended(&sample(), "对党委班", "子成员", 49);
}

#[test]
fn break_key_problem() {
    assert_mended(&sample(), "以问题检视为", "关键", 37);
}

#[test]
fn break_police_culture() {
    assert_mended(&sample(), "活动,加", "强公安文化", 59);
}

#[test]
fn break_village_committees() {
    assert_mended(&sample(), "嘎查两委", "党员干部", 137);
}

#[test]
fn break_general_office() {
    assert_mended(&sample(), "综合", "处室党支部", 141);
}

#[test]
fn dialogue_stays_its_own_paragraph() {
    let page = sample();
    let first = all_articles(&page)[0];
    let i = first
        .blocks
        .iter()
        .position(|b| b.text.text == "我想解释一下")
        .expect("我想解释一下 is a block of its own");
    assert_eq!(first.blocks[i].kind, BlockKind::Paragraph);
    assert!(first.blocks[i + 1].text.text.starts_with("你先别解释"));
}

#[test]
fn without_jieba_articles_are_the_same() {
    let cheap = parse("sample-page.txt", SAMPLE, None);
    let full = sample();
    let titles = |p: &Page| -> Vec<String> {
        all_articles(p)
            .iter()
            .map(|a| a.title.text.clone())
            .collect()
    };
    assert_eq!(titles(&cheap), titles(&full));
    assert_conserved(&cheap);
}

#[test]
fn sample_is_conserved() {
    let page = sample();
    assert_conserved_in_order(&page);
    assert_conserved(&page);
}

#[test]
fn lines_point_at_the_source() {
    let page = sample();
    let src_lines: Vec<&str> = SAMPLE.lines().collect();
    for a in all_articles(&page) {
        for b in &a.blocks {
            let first_piece = &b.text.text[..b.text.pieces[0].len];
            assert_eq!(src_lines[b.line() - 1].trim(), first_piece);
        }
    }
}
