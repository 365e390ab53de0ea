//! Daily use in a real terminal: hits stepped through across articles
//! and the results list reopened as left, messages that go, a status bar
//! that says what is, read articles that recede, a bounded text column,
//! whole-word search named in the results.

use crate::tmux;

use tmux::{Tmux, wait_until};

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn hits_across_articles_and_the_list_as_left() {
    let Some(tmux) = Tmux::reading(80, 24) else {
        return;
    };
    tmux.keys(&["s", "党支部", "Enter"]);
    tmux.wait_for("the results", |s| s.contains("“党支部” — 21 hits"));
    tmux.keys(&["c", "o"]);
    tmux.wait_for("the sorted concordance", |s| s.contains("concordance, by"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("an article at a hit", |s| {
        !s.contains("— 21 hits") && Tmux::status_line(s).contains("article")
    });
    let mut moved = 0;
    for _ in 0..40 {
        tmux.keys(&["n"]);
        let screen = tmux.screen();
        if Tmux::status_line(&screen).contains("now: article") {
            moved += 1;
            if moved == 3 {
                break;
            }
        }
    }
    assert_eq!(moved, 3, "n went on through three articles");
    tmux.keys(&["s", "党支部", "Enter"]);
    tmux.wait_for("the list as it was left", |s| {
        s.contains("— 21 hits") && s.contains("concordance, by")
    });
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn messages_go_and_the_status_says_what_is() {
    let Some(tmux) = Tmux::reading(100, 30) else {
        return;
    };
    tmux.keys(&["["]);
    tmux.wait_for("a message", |s| {
        Tmux::status_line(s).contains("this is the first article")
    });
    tmux.wait_for("the message to go by itself", |s| {
        !Tmux::status_line(s).contains("this is the first article")
    });
    tmux.keys(&["G", "Space"]);
    tmux.wait_for("now, not next", |s| {
        Tmux::status_line(s).contains("now: article 2/7")
    });
    tmux.keys(&["y"]);
    tmux.wait_for("what y did", |s| {
        Tmux::status_line(s).contains("to the terminal's clipboard")
    });
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn read_articles_recede_after_a_new_run() {
    if !Tmux::ready_for("the end-to-end test") {
        return;
    }
    let dir = tmux::home("read");
    let home = dir.path();
    let first = Tmux::start_in(100, 30, home);
    first.wait_for("the first frame", |s| s.contains("打一场祛除积弊"));
    // Identified, so that the marks are kept for this input.
    first.wait_for("the keywords", |s| s.contains("关键词"));
    first.keys(&["]", "G", "]"]);
    first.wait_for("article 3", |s| {
        Tmux::status_line(s).contains("article 3/7")
    });
    first.keys(&["q"]);
    wait_until("the reader to quit", || {
        std::fs::read_to_string(&first.exit_file).is_ok_and(|s| !s.is_empty())
    });
    drop(first);
    let again = Tmux::start_in(100, 30, home);
    // The read article's row is dimmed (SGR 2); an unread one is not.
    let screen = again.wait_for_styled("the read article dimmed", |s| {
        dim_at(s, "为官不为者耻") == Some(true)
    });
    assert_eq!(dim_at(&screen, "画出民族团结"), Some(false), "{screen}");
}

/// Is the text `what` drawn dim on `screen` (tmux's capture with escape
/// codes, which carry a style over from line to line)?
fn dim_at(screen: &str, what: &str) -> Option<bool> {
    let at = screen.find(what)?;
    let mut dim = false;
    let mut rest = &screen[..at];
    while let Some(start) = rest.find("\u{1b}[") {
        let after = &rest[start + 2..];
        let Some(end) = after.find(|c: char| c.is_ascii_alphabetic()) else {
            break;
        };
        if after[end..].starts_with('m') {
            let mut params = after[..end].split(';');
            while let Some(param) = params.next() {
                match param {
                    "" | "0" | "22" => dim = false,
                    "2" => dim = true,
                    // A colour's own numbers (38;5;2) are not styles.
                    "38" | "48" => {
                        let skip = if params.next() == Some("5") { 1 } else { 3 };
                        params.nth(skip - 1);
                    }
                    _ => {}
                }
            }
        }
        rest = &after[end..];
    }
    Some(dim)
}

/// The widest line of text on `screen`, in cells, with the scroll bar and
/// the status line left out.
fn widest_text(screen: &str) -> usize {
    let lines: Vec<&str> = screen.lines().collect();
    lines[..lines.len().saturating_sub(1)]
        .iter()
        .map(|l| l.trim_end().trim_end_matches(['┃', '│', '█']).trim())
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn the_text_keeps_to_max_width_through_a_resize() {
    if !Tmux::ready_for("the end-to-end test") {
        return;
    }
    let dir = tmux::home("max-width");
    let home = dir.path();
    let config = home.join("config/kanbao");
    std::fs::create_dir_all(&config).expect("config folder");
    std::fs::write(config.join("config.toml"), "max_width = 30\n").expect("config");
    let tmux = Tmux::start_in(120, 30, home);
    tmux.wait_for("the first frame", |s| s.contains("打一场祛除积弊"));
    tmux.keys(&["t"]);
    // 30 characters are 60 cells; the paragraphs fill that column and no
    // line passes it (frames drawn before the key are waited out).
    let bounded = |s: &str| !s.contains("Contents") && (56..=60).contains(&widest_text(s));
    tmux.wait_for("text 30 characters wide", bounded);
    tmux.run(&["resize-window", "-t", "e2e", "-x", "160", "-y", "30"]);
    // The paragraph's second line starts 50 columns in once the frame is
    // laid out for 160 (at 120 it started 30 in).
    let second_line = |s: &str| {
        s.lines()
            .find(|l| l.contains("旗帜、以党的方向"))
            .map(|l| l.len() - l.trim_start().len())
    };
    let screen = tmux.wait_for("the same column on a wider terminal", |s| {
        bounded(s) && second_line(s).is_some_and(|left| left >= 45)
    });
    // Centred: the text starts as far from the left as it ends from the bar.
    let line = screen
        .lines()
        .find(|l| l.contains("旗帜、以党的方向"))
        .expect("a line of the first paragraph");
    let text = line.trim_end().trim_end_matches(['┃', '│', '█']);
    let left = text.len() - text.trim_start().len();
    // The scroll bar takes the last column.
    let right = 159 - unicode_width::UnicodeWidthStr::width(text.trim_end());
    assert!(
        left.abs_diff(right) <= 4,
        "left {left}, right {right}:\n{screen}"
    );
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn whole_word_results_say_so() {
    let Some(tmux) = Tmux::reading(100, 30) else {
        return;
    };
    // Whole words need the word boundaries, which load after the frame.
    tmux.wait_for("the keywords", |s| s.contains("关键词"));
    tmux.keys(&["s", "支部", "Enter"]);
    tmux.wait_for("every hit", |s| s.contains("“支部” — 24 hits"));
    // Escape, then a key at once, would read as Alt and the key.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the results closed", |s| !s.contains("24 hits"));
    tmux.keys(&["s", "C-w", "支部", "Enter"]);
    let screen = tmux.wait_for("the whole-word results", |s| {
        s.contains("“支部”") && !s.contains("24 hits")
    });
    assert!(
        screen.contains("“支部” — 2 hits as whole words"),
        "the title says why there are fewer:\n{screen}"
    );
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn a_key_that_waited_for_loading_runs() {
    let Some(tmux) = Tmux::reading(100, 30) else {
        return;
    };
    // At once, while the word boundaries may still be loading: the key is
    // kept and the word cursor opens when they are there.
    tmux.keys(&["v"]);
    let screen = tmux.wait_for("the word cursor", |s| s.contains("┌") && s.contains("│打"));
    assert!(
        !Tmux::status_line(&screen).contains("still loading"),
        "the waiting message went with the wait:\n{screen}"
    );
}
