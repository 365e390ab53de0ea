//! Lines that only name who wrote the article (李庆刚, 杨芳　贺志琴, 本报评论员
//! 赵慧, 学习时报采访组): a byline without a marker or a role, told by the
//! shape of Chinese names — a common surname and one or two given
//! characters — or an organisation's name.

use crate::text::punct::is_han;

/// Common single-character surnames, simplified and traditional: they
/// cover the great majority of Chinese names (a lexicon of the language,
/// not of any paper).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧由張劉陳楊黃趙吳孫馬許韓馮鄧蕭董袁蔣葉蘇魏呂盧鍾譚陸範賈韋鄒薛閆龍陶賀顧龔萬錢嚴湯溫齊喬龐顏莊聶魯嶽殷歐關蘭焦寧紀畢單裴塗駱藍遊靳鮑華祁饒穆簡車項連蘆婁竇費衛師欒鄺譚聞鄔邊姬權";

/// Surnames of two characters.
const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "令狐", "夏侯", "端木", "呼延", "澹台", "轩辕", "独孤", "南宫", "西门", "歐陽", "司馬", "諸葛",
    "長孫", "尉遲",
];

/// Is `name` a Chinese name: a surname and one or two given characters (a
/// two-character surname may take two)?
pub(crate) fn is_name(name: &str) -> bool {
    let n = name.chars().count();
    if !name.chars().all(is_han) {
        return false;
    }
    if let Some(given) = COMPOUND_SURNAMES.iter().find_map(|s| name.strip_prefix(s)) {
        return (1..=2).contains(&given.chars().count());
    }
    (2..=3).contains(&n) && name.chars().next().is_some_and(|c| SURNAMES.contains(c))
}

/// Does `text` only name people — one to four names set apart by spaces
/// or 、 — or describe one person and then name them (本报评论员 赵慧,
/// 河南省委书记 刘宁)? A byline standing alone under a headline.
pub(crate) fn is_name_line(text: &str) -> bool {
    let text = text.trim();
    if text.chars().count() > 40 || text.contains(['。', '，', '；', '：', '！', '？', '“', '《'])
    {
        return false;
    }
    let parts: Vec<&str> = text
        .split([' ', '\u{3000}', '\u{a0}', '、'])
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [] => false,
        // One part alone is a name only when it is short: 张三 or 欧阳修文.
        [one] => is_name(one),
        [.., last] if parts.len() <= 4 && parts.iter().all(|p| is_name(p)) => is_name(last),
        // A description, then the name: the description is not a name.
        [.., last] => parts.len() == 2 && is_name(last) && parts[0].chars().count() >= 3,
    }
}

/// Endings of an organisation's name (学习时报采访组, 党的建设教研部,
/// 习近平新时代中国特色社会主义思想研究中心): nouns of the language.
const ORGANISATION_ENDINGS: &[&str] = &[
    "采访组",
    "调研组",
    "课题组",
    "写作组",
    "中心组",
    "编辑部",
    "评论部",
    "教研部",
    "研究部",
    "研究中心",
    "研究院",
    "研究所",
    "研究会",
    "学院",
    "委员会",
    "办公室",
];

/// Does `text` name an organisation as an author, the way a paper signs an
/// article a group wrote: a name ending on one of the endings above, with
/// no sentence marks?
pub(crate) fn is_organisation_line(text: &str) -> bool {
    let text = text.trim();
    let n = text.chars().count();
    (4..=40).contains(&n)
        && !text.contains(['。', '，', '；', '：', '！', '？', '“', '《', ' ', '\u{3000}'])
        // A name before the ending: 研究中心 alone names no one.
        && ORGANISATION_ENDINGS
            .iter()
            .any(|e| text.ends_with(e) && n >= e.chars().count() + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_that_sign_an_article() {
        for line in [
            "学习时报采访组",
            "中央党校（国家行政学院）党的建设教研部",
            "学习时报编辑部",
            "人类命运共同体研究中心",
        ] {
            assert!(is_organisation_line(line), "{line}");
        }
        for line in [
            "党支部",
            "研究中心",
            "加强理论学习中心组建设，提高水平",
            "走进社区服务中心",
        ] {
            assert!(!is_organisation_line(line), "{line}");
        }
    }

    #[test]
    fn names_alone_or_after_a_description() {
        for line in [
            "李庆刚",
            "罗蓉",
            "杨芳　贺志琴",
            "欧阳修文",
            "本报评论员 赵慧",
            "河南省委书记 刘宁",
            "張三　李四",
        ] {
            assert!(is_name_line(line), "{line}");
        }
        for line in [
            "重要言论",
            "新春走基层",
            "分歧何在",
            "在基层扎根",
            "高质量发展",
            "中国共产党的伟大人格力量",
            "王府井 新春忙",
            "张三说：好",
        ] {
            assert!(!is_name_line(line), "{line}");
        }
    }
}
