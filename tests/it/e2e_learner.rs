//! The learner's reader in a real terminal, at a common and a small size:
//! pinyin over the text in tone colours, and the lookup prompt.

use crate::tmux;

use kanbao::text::width::{DisplayOptions, display_width};
use tmux::Tmux;

/// Every row of the screen fits the terminal, in cells.
fn fits(screen: &str, width: usize) {
    for line in screen.lines() {
        let cells = display_width(line, DisplayOptions::AS_WRITTEN);
        assert!(cells <= width, "{cells} cells: {line:?}\n{screen}");
    }
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn pinyin_over_the_text() {
    for (width, height) in [(80, 24), (40, 12)] {
        let Some(tmux) = Tmux::reading(width, height) else {
            return;
        };
        tmux.keys(&["p"]);
        let screen = tmux.wait_for("the title's reading", |s| s.contains("dǎ yīchǎng"));
        fits(&screen, usize::from(width));
        // The reading stands on the row above its words.
        let rows: Vec<&str> = screen.lines().collect();
        let title = rows
            .iter()
            .position(|r| r.contains("打  一场"))
            .unwrap_or_else(|| panic!("the title set in slots:\n{screen}"));
        assert!(rows[title - 1].contains("dǎ yīchǎng"), "{screen}");
        // Tones in colour: 打 dǎ is tone 3, blue; 一 yī tone 1, red.
        let styled = tmux.wait_for_styled("tone colours", |s| s.contains("4mdǎ"));
        assert!(styled.contains("1myī"), "a first tone in red: {styled}");
        tmux.keys(&["j", "j", "j"]);
        let screen = tmux.wait_for("scrolled", |s| !s.contains("打  一场"));
        fits(&screen, usize::from(width));
        tmux.keys(&["p"]);
        tmux.wait_for("pinyin off", |s| s.contains("pinyin off"));
    }
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn the_lookup_prompt() {
    for (width, height) in [(80, 24), (40, 12)] {
        let Some(tmux) = Tmux::reading(width, height) else {
            return;
        };
        tmux.keys(&[":"]);
        tmux.wait_for("the prompt", |s| {
            Tmux::status_line(s).contains("go to or look up:")
        });
        tmux.keys(&["xue2xi2", "Enter"]);
        let screen = tmux.wait_for("the answer", |s| s.contains("学习 學習  xué xí"));
        fits(&screen, usize::from(width));
        assert!(screen.contains("to learn; to study"), "{screen}");
        tmux.keys(&[":", "study", "Enter"]);
        let screen = tmux.wait_for("English looked up", |s| s.contains("“study” —"));
        fits(&screen, usize::from(width));
        tmux.keys(&["Escape"]);
        tmux.wait_for("the reader again", |s| !s.contains("“study”"));
        tmux.keys(&[":", "5", "Enter"]);
        tmux.wait_for("article 5", |s| {
            Tmux::status_line(s).contains("article 5/7")
        });
    }
}
