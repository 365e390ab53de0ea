//! `kanbao --print N --width W` for every article of the bundled page at
//! three widths, against committed snapshots; and plain-text guarantees.

use std::process::Command;

use unicode_width::UnicodeWidthStr;

fn print(number: usize, width: usize) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args([
            "--print",
            &number.to_string(),
            "--width",
            &width.to_string(),
        ])
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "--print {number} failed");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn every_article_at_three_widths() {
    for width in [20, 40, 80] {
        for number in 1..=7 {
            let text = print(number, width);
            for line in text.lines() {
                assert!(line.width() <= width, "{line:?} wider than {width}");
                assert!(!line.contains('\u{1b}'), "no escape codes");
            }
            insta::assert_snapshot!(format!("article_{number}_width_{width}"), text);
        }
    }
}

#[test]
fn print_without_a_width_off_a_terminal_uses_80() {
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--print", "2"])
        .output()
        .expect("the binary runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), print(2, 80));
}

#[test]
fn print_keeps_half_width_when_asked() {
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--print", "2", "--width", "60", "--halfwidth"])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("为官不为者耻!"));
    assert!(print(2, 60).contains("为官不为者耻！"));
}

#[test]
fn print_of_a_missing_article_is_an_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--print", "8"])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no article 8"));
}

#[test]
fn lead_in_and_subtitle_stand_around_the_title() {
    let page = format!(
        "{}/tests/pages/headline-parts.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--print", "1", "--width", "40", &page])
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    insta::assert_snapshot!(
        "headline_parts_width_40",
        String::from_utf8_lossy(&out.stdout)
    );
}
