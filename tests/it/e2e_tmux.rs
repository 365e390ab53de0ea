//! End to end: the real binary in a real terminal (tmux), read back from
//! the screen. Needs tmux (CI installs it); without it, and outside CI, the
//! test says so and does nothing.

use crate::tmux;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tmux::{Tmux, kanbao_pid, wait_until};

use unicode_width::UnicodeWidthStr;

/// The text drawn in the current-hit colour (background 9, light red), as
/// read back from tmux with its escape codes.
fn current_hit_text(screen: &str) -> String {
    let mut out = String::new();
    for row in screen.lines() {
        let mut rest = row;
        while let Some(at) = rest.find("48;5;9m") {
            rest = &rest[at + "48;5;9m".len()..];
            let end = rest.find('\u{1b}').unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

/// The display column of the contents pane's border on a row.
fn border_column(row: &str) -> Option<usize> {
    let at = row.find('│')?;
    Some(row[..at].width())
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn reader_in_a_real_terminal() {
    if !Tmux::ready_for("the end-to-end test") {
        return;
    }
    let tmux = Tmux::start(100, 30);
    // The whole frame: tmux may be read while it is still being drawn.
    let screen = tmux.wait_for("the first frame", |s| {
        s.contains("打一场祛除积弊自我净化的整风仗")
            && s.contains("五化协同")
            && Tmux::status_line(s).contains("min")
    });

    // The contents pane lists the five columns, each with the key that
    // jumps to it at its end, and the articles numbered as --outline does.
    for (key, heading) in ["视点", "观潮", "阵地", "红船初心", "五化协同 大抓基层⑤"]
        .iter()
        .enumerate()
    {
        let key = (key + 1).to_string();
        assert!(
            screen.lines().any(|l| l.starts_with(heading)
                && l.split('│')
                    .next()
                    .is_some_and(|pane| pane.trim_end().ends_with(&key))),
            "{heading} with key {key} missing:\n{screen}"
        );
    }
    assert!(
        screen.contains("▸1 打一场祛除积弊"),
        "article 1 open:\n{screen}"
    );
    assert!(Tmux::status_line(&screen).contains("article 1/"));
    assert!(
        Tmux::status_line(&screen).contains("? keys"),
        "the first-run hint"
    );
    // Its right border stands in one display column on every row.
    let rows: Vec<&str> = screen.lines().take(29).collect();
    let columns: Vec<Option<usize>> = rows.iter().map(|r| border_column(r)).collect();
    assert!(
        columns.iter().all(|c| *c == columns[0] && c.is_some()),
        "border moves: {columns:?}\n{screen}"
    );

    // } } reaches 阵地's article; 1 goes back, 3 jumps there again.
    tmux.keys(&["}", "}"]);
    tmux.wait_for("阵地 after }}", |s| {
        Tmux::status_line(s).contains("阵地 › 传承红色基因")
    });
    tmux.keys(&["1"]);
    tmux.wait_for("视点 after 1", |s| {
        Tmux::status_line(s).contains("视点 › 打一场")
    });
    tmux.keys(&["3"]);
    tmux.wait_for("阵地 after 3", |s| {
        Tmux::status_line(s).contains("阵地 › 传承红色基因")
    });

    // Search in 头雁引领 群雁齐飞, which has 党支部 five times.
    tmux.keys(&["4", "/"]);
    tmux.run(&["send-keys", "-t", "e2e", "-l", "党支部"]);
    tmux.wait_for("the hit counter", |s| {
        let status = Tmux::status_line(s);
        status.starts_with("/党支部") && status.contains("1/5")
    });
    // The current hit's cells, as drawn (tmux may be read mid-frame).
    tmux.wait_for_styled("the current hit drawn", |s| current_hit_text(s) == "党支部");
    tmux.keys(&["Enter", "n", "n"]);
    tmux.wait_for("the third hit", |s| Tmux::status_line(s).contains("3/5"));
    tmux.wait_for_styled("the third hit drawn", |s| current_hit_text(s) == "党支部");

    // Page-wide: 嘎查两委 is only in the last article.
    tmux.keys(&["s"]);
    tmux.run(&["send-keys", "-t", "e2e", "-l", "嘎查两委"]);
    tmux.wait_for("the results", |s| s.contains("“嘎查两委” — 1 hit ·"));
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for("the article of the hit", |s| {
        let status = Tmux::status_line(s);
        status.contains("联学联创 聚合力") && status.contains("1/1")
    });
    // A key sent right after Escape would reach the reader as Alt+key, so
    // each Escape is waited out.
    tmux.keys(&["Escape"]);
    tmux.wait_for("the highlights cleared", |s| {
        !Tmux::status_line(s).contains("1/1")
    });
    tmux.keys(&["3"]);
    tmux.wait_for("阵地 again", |s| {
        Tmux::status_line(s).contains("阵地 › 传承红色基因")
    });

    // A resize keeps the article.
    tmux.run(&["resize-window", "-t", "e2e", "-x", "60", "-y", "20"]);
    tmux.wait_for("the same article at 60×20", |s| {
        s.lines().count() <= 20
            && s.lines().all(|l| l.width() <= 60)
            && Tmux::status_line(s).contains("传承红色基因")
            && s.contains("近日，呼和浩特市")
    });

    // Space at the end of an article goes on to the next one.
    tmux.keys(&["G", "Space"]);
    tmux.wait_for("the next article after Space at the end", |s| {
        Tmux::status_line(s).contains("now: article 4/")
    });
    // ? then q closes the help and leaves the reader running.
    tmux.keys(&["?"]);
    tmux.wait_for("the help", |s| s.contains("Keys — ? or Esc to close"));
    tmux.keys(&["q"]);
    tmux.wait_for("the help closed", |s| {
        !s.contains("Keys — ? or Esc") && Tmux::status_line(s).contains("article 4/")
    });
    assert!(!tmux.exit_file.exists(), "q in the help does not quit");

    // q quits with status 0 and leaves the alternate screen.
    tmux.keys(&["q"]);
    let start = Instant::now();
    while !tmux.exit_file.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "kanbao did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    let status = std::fs::read_to_string(&tmux.exit_file).expect("exit status written");
    assert_eq!(status.trim(), "0");
    let alternate = tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(alternate.trim(), "0", "still on the alternate screen");
    let after = tmux.screen();
    assert!(
        !after.contains("Contents"),
        "the reader's screen was left behind:\n{after}"
    );
}

/// The pane's terminal as the shell finds it: alternate screen, cursor
/// and mouse reporting (from tmux), and whether the line discipline is in
/// cooked mode.
fn terminal_state(tmux: &Tmux, stty: &str) -> (String, bool) {
    let flags = tmux.run(&[
        "display-message",
        "-p",
        "-t",
        "e2e",
        "alternate #{alternate_on} cursor #{cursor_flag} mouse #{mouse_any_flag}",
    ]);
    let cooked = stty.split_whitespace().any(|w| w == "icanon")
        && stty.split_whitespace().any(|w| w == "echo");
    (flags.trim().to_owned(), cooked)
}

const RESTORED: &str = "alternate 0 cursor 1 mouse 0";

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn signals_restore_the_terminal_save_the_place_and_end_the_reader() {
    if !Tmux::ready_for("the end-to-end test") {
        return;
    }
    for (name, number) in [
        ("TERM", 15),
        ("HUP", 1),
        ("INT", 2),
        ("QUIT", 3),
        ("USR1", 10),
        ("ALRM", 14),
        // Every other signal whose default action ends a process.
        ("USR2", 12),
        ("STKFLT", 16),
        ("XCPU", 24),
        ("XFSZ", 25),
        ("VTALRM", 26),
        ("PROF", 27),
        ("IO", 29),
        ("PWR", 30),
        ("SYS", 31),
        ("RTMIN+1", 35),
        ("RTMAX", 64),
    ] {
        let dir = tmux::home(&format!("signal-{name}"));
        let home = dir.path();
        let tmux = Tmux::start_in(80, 24, home);
        tmux.wait_for("the first frame", |s| s.contains("打一场祛除积弊"));
        // Wait until the input is known, so that the place can be saved.
        tmux.wait_for("the keywords", |s| s.contains("关键词"));
        tmux.keys(&["]"]);
        tmux.wait_for("the second article", |s| {
            Tmux::status_line(s).contains("为官不为者耻")
        });
        let pid = kanbao_pid(&tmux);
        Command::new("kill")
            .args([&format!("-{number}"), &pid])
            .status()
            .expect("kill runs");
        wait_until("the exit status", || {
            std::fs::read_to_string(&tmux.exit_file).is_ok_and(|s| !s.is_empty())
        });
        let status = std::fs::read_to_string(&tmux.exit_file).expect("status");
        assert_eq!(status.trim(), (128 + number).to_string(), "SIG{name}");
        let stty = std::fs::read_to_string(tmux.exit_file.with_extension("exit.stty"))
            .expect("stty ran after kanbao");
        // tmux reads the pane's output on its own time: give it a moment.
        let settled = Instant::now();
        while terminal_state(&tmux, &stty).0 != RESTORED
            && settled.elapsed() < Duration::from_secs(3)
        {
            std::thread::sleep(Duration::from_millis(50));
        }
        let (flags, cooked) = terminal_state(&tmux, &stty);
        assert_eq!(flags, RESTORED, "SIG{name}");
        assert!(cooked, "SIG{name} leaves the terminal raw:\n{stty}");
        let state =
            std::fs::read_to_string(home.join("state/kanbao/state.json")).unwrap_or_default();
        assert!(
            state.contains("\"article\": 2"),
            "SIG{name} saves the reading place:\n{state}"
        );
        drop(tmux);
    }

    // The terminal goes away (SIGHUP): the reader ends instead of spinning.
    let tmux = Tmux::start(80, 24);
    tmux.wait_for("the first frame", |s| s.contains("打一场祛除积弊"));
    let pid = kanbao_pid(&tmux);
    tmux.run(&["kill-server"]);
    wait_until("the reader to end", || {
        !Path::new(&format!("/proc/{pid}")).exists()
    });
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn ctrl_z_and_sigtstp_suspend_and_fg_resumes() {
    let Some(tmux) = Tmux::reading(80, 24) else {
        return;
    };
    let pid = kanbao_pid(&tmux);
    let tty = tmux.run(&["display-message", "-p", "-t", "e2e", "#{pane_tty}"]);
    let stopped = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
            s.rsplit(')')
                .next()
                .is_some_and(|r| r.trim_start().starts_with('T'))
        })
    };
    for stop in ["key", "signal"] {
        if stop == "key" {
            tmux.keys(&["C-z"]);
        } else {
            Command::new("kill")
                .args(["-TSTP", &pid])
                .status()
                .expect("kill runs");
        }
        wait_until("the reader to stop", stopped);
        let stty = Command::new("stty")
            .arg("-a")
            .stdin(std::fs::File::open(tty.trim()).expect("the pane's tty"))
            .output()
            .expect("stty runs");
        let (flags, cooked) = terminal_state(&tmux, &String::from_utf8_lossy(&stty.stdout));
        assert_eq!(flags, RESTORED, "stopped by {stop}");
        assert!(cooked, "stopped by {stop}: the terminal is cooked");
        Command::new("kill")
            .args(["-CONT", &pid])
            .status()
            .expect("kill runs");
        tmux.wait_for("the reader back", |s| {
            s.contains("打一场祛除积弊") && s.contains("视点")
        });
        assert_eq!(
            tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"])
                .trim(),
            "1"
        );
    }
    tmux.keys(&["q"]);
    wait_until("the reader to quit", || {
        std::fs::read_to_string(&tmux.exit_file).is_ok_and(|s| s.trim() == "0")
    });
}

/// The first line of text in the reading pane (the contents pane hidden),
/// without the scrollbar: a blank line on top stands for the text after it.
fn top_line(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_end_matches(['│', '┃', ' ']).trim().to_owned())
        .find(|l| !l.is_empty())
        .unwrap_or_default()
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn reopening_goes_back_to_the_same_article_and_place() {
    if !Tmux::ready_for("the end-to-end test") {
        return;
    }
    let dir = tmux::home("reopen");
    let home = dir.path().to_owned();

    // Narrow enough that the third article scrolls; no contents pane.
    let tmux = Tmux::start_in(40, 8, &home);
    // Keywords add lines under the byline when they arrive: wait for them,
    // so that line numbers are final.
    tmux.wait_for("the keywords", |s| s.contains("关键词"));
    tmux.keys(&["]", "]"]);
    tmux.wait_for("the third article", |s| {
        Tmux::status_line(s).contains("传承红色基因")
    });
    let top = top_line(&tmux.screen());
    tmux.keys(&["Space"]);
    let before = tmux.wait_for("a page down", |s| {
        top_line(s) != top && Tmux::status_line(s).contains("传承红色基因")
    });
    tmux.keys(&["q"]);
    wait_until("the first run to quit", || tmux.exit_file.exists());
    drop(tmux);

    let tmux = Tmux::start_in(40, 8, &home);
    // The place is restored at once and kept when the keywords arrive.
    let want = top_line(&before);
    assert!(!want.is_empty());
    tmux.wait_for("the same place", |s| {
        Tmux::status_line(s).contains("back where you") && top_line(s) == want
    });
    tmux.keys(&["j"]);
    tmux.wait_for("the usual status", |s| {
        Tmux::status_line(s).contains("传承红色基因")
    });
}

/// For learners: `v` puts the word cursor on the page; moving it onto
/// 党支部 shows its dictionary entry with tone marks beside it.
#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn the_word_cursor_shows_the_dictionary() {
    let Some(tmux) = Tmux::reading(100, 30) else {
        return;
    };
    tmux.keys(&["4"]);
    tmux.wait_for("头雁引领", |s| {
        Tmux::status_line(s).contains("头雁引领")
    });
    // The dictionary and word boundaries load in the background.
    tmux.wait_for("the keywords", |s| s.contains("关键词　脱贫攻坚"));
    tmux.keys(&["v"]);
    // The first word, 头雁, with its entry once the dictionary is in: from
    // here on only keys change the screen.
    tmux.wait_for("头雁's entry", |s| s.contains("头雁  tóu yàn"));
    let mut found = false;
    let mut before = tmux.wait_for_styled("the cursor drawn", |_| true);
    for _ in 0..200 {
        tmux.keys(&["l"]);
        // Each step moves the highlight (and the entry beside it).
        let now = tmux.wait_for_styled("the cursor moved", |s| s != before);
        // The styled capture has escapes between spans: read the plain one.
        if tmux.screen().contains("党支部  dǎng zhī bù") {
            found = true;
            break;
        }
        before = now;
    }
    assert!(found, "never showed 党支部's entry:\n{}", tmux.screen());
    // Enter saves it to the word list, which --words prints for Anki.
    tmux.keys(&["Enter"]);
    tmux.wait_for("saved", |s| Tmux::status_line(s).contains("saved 党支部"));
    let home = tmux.home().expect("a home of its own");
    let words = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .arg("--words")
        .env("XDG_STATE_HOME", home.join("state"))
        .output()
        .expect("kanbao runs");
    let tsv = String::from_utf8_lossy(&words.stdout);
    let fields: Vec<&str> = tsv.lines().next().unwrap_or_default().split('\t').collect();
    assert_eq!(fields.len(), 6, "{tsv}");
    assert_eq!(fields[5], "simplified", "{tsv}");
    assert_eq!(&fields[..2], ["党支部", "dǎng zhī bù"], "{tsv}");
    assert!(
        fields[3].contains("党支部") && fields[4].contains("头雁引领"),
        "{tsv}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_for("the pop-up gone", |s| !s.contains("dǎng zhī bù"));
}

/// For researchers: the page-wide results as a concordance, sorted; the
/// frequency list, counted in the background, and `Enter` on a word.
#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn the_concordance_and_the_word_frequencies() {
    let Some(tmux) = Tmux::reading(100, 30) else {
        return;
    };
    tmux.keys(&["s"]);
    tmux.run(&["send-keys", "-t", "e2e", "-l", "党支部"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("the results", |s| s.contains("“党支部” — 21 hits"));
    tmux.keys(&["o"]);
    // Every hit starts at the same cell of its row (waited for whole: a
    // capture can fall between the title and the rows of a frame).
    let hit_columns = |s: &str| -> Vec<usize> {
        s.lines()
            .filter_map(|l| l.find(" 党支部 ").map(|at| l[..at].width()))
            .collect()
    };
    let screen = tmux.wait_for("the concordance", |s| {
        s.contains("concordance, by the words after") && hit_columns(s).len() >= 20
    });
    let columns = hit_columns(&screen);
    assert!(columns.iter().all(|&c| c == columns[0]), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("the results closed", |s| {
        !s.contains("concordance, by the words")
    });
    tmux.keys(&["F"]);
    tmux.wait_for("the word list", |s| {
        s.contains("Top words, whole input") && s.contains("党支部")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("the first word searched", |s| s.contains("“教育” —"));
}

/// An archive reopens where it was left: at the last issue read, at its
/// place, saying so.
#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed (CI installs it)")]
fn an_archive_reopens_at_the_issue_and_place_it_was_left() {
    if !Tmux::ready_for("the end-to-end test") {
        return;
    }
    let dir = tmux::home("archive-reopen");
    let home = dir.path();
    let archive = home.join("rmrb");
    for day in ["20190201", "20190202", "20190203"] {
        std::fs::create_dir_all(archive.join(day)).expect("day folder");
        std::fs::write(archive.join(day).join("01.txt"), crate::common::SAMPLE).expect("page");
    }
    let first = Tmux::start_with(80, 24, home, Some(archive.as_os_str()), None);
    first.wait_for("the archive", |s| s.contains("2019-02-01 · 1/3"));
    for date in ["2019-02-02 · 2/3", "2019-02-03 · 3/3"] {
        first.keys(&[")"]);
        first.wait_for(date, |s| s.lines().next().is_some_and(|l| l.contains(date)));
    }
    first.keys(&["]", "]"]);
    first.wait_for("article 3", |s| {
        Tmux::status_line(s).contains("article 3/7")
    });
    first.keys(&["q"]);
    wait_until("the reader to quit", || {
        std::fs::read_to_string(&first.exit_file).is_ok_and(|s| !s.is_empty())
    });
    drop(first);
    let again = Tmux::start_with(80, 24, home, Some(archive.as_os_str()), None);
    let screen = again.wait_for("the issue it was left at", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains("2019-02-03 · 3/3"))
            && Tmux::status_line(s).contains("article 3/7")
    });
    assert!(
        Tmux::status_line(&screen).contains("back where you stopped"),
        "{screen}"
    );
}
