//! A headline group — the short lines that open an article — split into
//! column heading, lead-in (引题), title and subtitle (副题).
//!
//! Only marks decide: a lead-in ends on —— or a colon, a subtitle opens
//! with —— or reads as a sentence, a bracketed note (（人民时评）) belongs to
//! the title. Lines that no mark tells apart stay together as a title
//! stacked over several lines: a lead-in taken for the title would lose
//! the article, while a two-line title loses nothing.

use super::columns::{bracketed_name, column_in_title, is_column_of_length};
use super::model::Text;
use crate::text::punct::is_colon;

#[derive(Debug, Default)]
pub(crate) struct Headline {
    pub column: Option<Text>,
    /// The column came from a note inside the title (（人民时评）).
    pub column_in_title: bool,
    pub leadin: Option<Text>,
    pub title: Text,
    pub subtitle: Option<Text>,
}

fn ends_as_leadin(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('—') || t.ends_with(is_colon)
}

fn opens_as_subtitle(text: &str) -> bool {
    text.starts_with(['—', '─'])
}

/// Reads as a sentence rather than a headline: a subtitle that summarises.
fn reads_as_sentence(text: &str) -> bool {
    text.contains(['。', '；'])
}

fn joined(lines: &[&Text]) -> Option<Text> {
    let mut out: Option<Text> = None;
    for line in lines {
        match &mut out {
            Some(t) => t.append("\n", line),
            None => out = Some((*line).clone()),
        }
    }
    out
}

/// Splits the lines of a headline group. `columns` allows the first line
/// to be a column heading of at most that many characters (more with a
/// series mark), and is `None` where every heading line is a title line;
/// `stacked` says the lines stand closer than the page's paragraphs, as the
/// halves of one title do (逢山开路 / 遇水架桥（观象台）).
pub(crate) fn split(lines: &[&Text], columns: Option<usize>, stacked: bool) -> Headline {
    let mut head = Headline::default();
    let mut rest: &[&Text] = lines;
    if let Some(first) = rest.first() {
        if let Some(range) = bracketed_name(&first.text) {
            head.column = Some(first.slice(range));
            rest = &rest[1..];
        } else if let Some(max) = columns
            && rest.len() >= 2
            && is_column_of_length(&first.text, max)
            && !ends_as_leadin(&first.text)
            && !opens_as_subtitle(&rest[1].text)
            && column_in_title(&first.text).is_none()
        {
            head.column = Some((*first).clone());
            rest = &rest[1..];
        }
    }
    // Lead-in lines end on a dash or colon; subtitle lines open with a dash.
    let lead = rest
        .iter()
        .take(rest.len().saturating_sub(1))
        .take_while(|l| ends_as_leadin(&l.text))
        .count();
    let mut title_lines: &[&Text] = &rest[lead..];
    head.leadin = joined(&rest[..lead]);
    let mut sub = title_lines
        .iter()
        .skip(1)
        .position(|l| opens_as_subtitle(&l.text))
        .map_or(title_lines.len(), |p| p + 1);
    if sub == title_lines.len()
        && title_lines.len() >= 2
        && title_lines
            .last()
            .is_some_and(|l| reads_as_sentence(&l.text))
    {
        sub = title_lines.len() - 1;
    }
    head.subtitle = joined(&title_lines[sub..]);
    title_lines = &title_lines[..sub];
    // A first line written in clauses over one that is not is the title's
    // lead-in (上兴安岭，进秦巴山，到独龙江 / 岁末年初探脱贫), and so is one
    // of questions (干部节后收心了吗？服务热心了吗？办事尽心了吗？ / 首个工作日
    // 干事有状态).
    if title_lines.len() == 2 && head.leadin.is_none() && !stacked {
        let clauses = |l: &Text| {
            l.text
                .chars()
                .filter(|&c| matches!(c, '，' | ',' | '？' | '?'))
                .count()
        };
        if clauses(title_lines[0]) >= 2 && clauses(title_lines[1]) == 0 {
            head.leadin = joined(&title_lines[..1]);
            title_lines = &title_lines[1..];
        }
    }
    // A title note (（体育大看台）) marks which of two lines is the title.
    if title_lines.len() == 2 && head.leadin.is_none() && head.subtitle.is_none() && !stacked {
        let noted = |l: &Text| column_in_title(&l.text).is_some_and(|(_, r)| r.start == 0);
        match (noted(title_lines[0]), noted(title_lines[1])) {
            (false, true) => {
                head.leadin = joined(&title_lines[..1]);
                title_lines = &title_lines[1..];
            }
            (true, false) => {
                head.subtitle = joined(&title_lines[1..]);
                title_lines = &title_lines[..1];
            }
            _ => {}
        }
    }
    // A column written into the title: （人民时评） at the end of its last
    // line, or 【视点】 at the start of its first.
    let mut parts: Vec<Text> = title_lines.iter().map(|t| (*t).clone()).collect();
    if head.column.is_none() {
        let last = parts.len().saturating_sub(1);
        for k in [last, 0] {
            if let Some(line) = parts.get(k)
                && let Some((name, keep)) = column_in_title(&line.text)
                && (k == last && keep.start == 0 || k == 0 && keep.start > 0)
            {
                head.column = Some(line.slice(name));
                head.column_in_title = true;
                parts[k] = line.slice(keep);
                break;
            }
        }
    }
    for part in &parts {
        head.title.append("\n", part);
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Text {
        Text::from_source(s, 0, 1)
    }

    fn parts(lines: &[&str], columns: bool) -> [String; 4] {
        let columns = columns.then_some(8);
        let texts: Vec<Text> = lines.iter().map(|l| t(l)).collect();
        let refs: Vec<&Text> = texts.iter().collect();
        let h = split(&refs, columns, false);
        let s = |x: &Option<Text>| x.as_ref().map(|t| t.text.clone()).unwrap_or_default();
        [s(&h.column), s(&h.leadin), h.title.text, s(&h.subtitle)]
    }

    #[test]
    fn marks_decide() {
        assert_eq!(
            parts(
                &["四川昭觉县三河村——", "产业兴旺火塘暖 文明卫生气象新"],
                false
            ),
            [
                "",
                "四川昭觉县三河村——",
                "产业兴旺火塘暖 文明卫生气象新",
                ""
            ]
        );
        assert_eq!(
            parts(
                &["深化改革开放", "——把握我国发展重要战略机遇新内涵述评之三"],
                true
            ),
            [
                "",
                "",
                "深化改革开放",
                "——把握我国发展重要战略机遇新内涵述评之三"
            ]
        );
        assert_eq!(
            parts(&["国台办：", "民进党当局打压支持统一政党人士"], false),
            ["", "国台办：", "民进党当局打压支持统一政党人士", ""]
        );
    }

    #[test]
    fn a_note_marks_the_title() {
        assert_eq!(
            parts(
                &["征战国际田联室内巡回赛", "2019，苏炳添3站3冠（体育大看台）"],
                false
            ),
            [
                "体育大看台",
                "征战国际田联室内巡回赛",
                "2019，苏炳添3站3冠",
                ""
            ]
        );
    }

    #[test]
    fn stacked_halves_are_one_title_whatever_the_note() {
        let texts = [t("逢山开路"), t("遇水架桥（观象台）")];
        let h = split(&[&texts[0], &texts[1]], None, true);
        assert_eq!(h.title.text, "逢山开路\n遇水架桥");
        assert_eq!(h.column.map(|c| c.text).as_deref(), Some("观象台"));
        assert!(h.leadin.is_none());
    }

    #[test]
    fn a_first_line_in_clauses_is_the_lead_in() {
        assert_eq!(
            parts(
                &[
                    "上兴安岭，进秦巴山，到独龙江",
                    "岁末年初探脱贫（人民眼·打赢脱贫攻坚战）"
                ],
                false
            ),
            [
                "人民眼·打赢脱贫攻坚战",
                "上兴安岭，进秦巴山，到独龙江",
                "岁末年初探脱贫",
                ""
            ]
        );
    }

    #[test]
    fn unmarked_lines_stay_one_title() {
        assert_eq!(
            parts(&["嫦娥四号再次月夜休眠", "第二月昼工作正常"], false),
            ["", "", "嫦娥四号再次月夜休眠\n第二月昼工作正常", ""]
        );
    }

    #[test]
    fn column_headings() {
        assert_eq!(
            parts(&["视点", "打一场整风仗"], true),
            ["视点", "", "打一场整风仗", ""]
        );
        assert_eq!(
            parts(&["【观察】", "打一场整风仗"], false),
            ["观察", "", "打一场整风仗", ""]
        );
    }
}
