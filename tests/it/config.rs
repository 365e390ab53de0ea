//! The configuration file: what it sets, what it says about bad lines, and
//! `--print-config`, which prints a file that reads back the same.

use std::process::Command;

use kanbao::config::{Config, Theme};
use kanbao::keymap::{Key, Keymap, Mode};

#[test]
fn settings_are_read() {
    let (config, problems) = Config::parse(
        "# mine\ntheme = \"light\"\nindent = false\nfullwidth_punctuation = false\n\
         keywords = false\ncontents_width = 28\n[keys]\nquit = \"Q\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.theme, Theme::Light);
    assert!(!config.indent && !config.fullwidth_punctuation && !config.keywords);
    assert_eq!(config.contents_width, Some(28));
    assert_eq!(config.keys.len(), 1);
    assert_eq!(config.keys[0].line, 8);
}

/// Pinyin may start on, in the tone colours a learner is used to.
#[test]
fn pinyin_and_tone_colours_are_read() {
    use kanbao::config::colour::Colour;
    let (config, problems) = Config::parse(
        "pinyin = true\ntone_colours = [\"red\", \"208\", \"#00aa00\", \"magenta\"]\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert!(config.pinyin);
    assert_eq!(
        config.tone_colours,
        [
            Colour::Named(1),
            Colour::Indexed(208),
            Colour::Rgb(0, 0xaa, 0),
            Colour::Named(5)
        ]
    );
    let (config, problems) = Config::parse("tone_colours = [\"red\", \"orange\"]\n");
    assert_eq!(config.tone_colours, kanbao::config::colour::TONES);
    assert!(
        problems[0].starts_with("line 1: tone_colours must be four colours"),
        "{problems:?}"
    );
}

#[test]
fn bad_lines_are_named_and_skipped() {
    let (config, problems) = Config::parse(
        "theme = \"sepia\"\ncolour = \"red\"\nindent = \"yes\"\ncontents_width = 3\n\
         keywords = false\n[keys]\nquit = 3\n",
    );
    assert_eq!(
        problems,
        [
            "line 1: theme must be \"dark\", \"light\" or \"mono\"",
            "line 2: unknown setting \"colour\" (known: theme, indent, fullwidth_punctuation, traditional, keywords, contents_width, max_width, pinyin, tone_colours, [keys])",
            "line 3: indent must be true or false",
            "line 4: contents_width must be a number of cells from 10 to 200",
            "line 7: keys.quit must be a key or a list of keys, like \"J\" or [\"J\", \"Ctrl-n\"]",
        ]
    );
    // The good line still applies; the bad ones keep their defaults.
    assert!(!config.keywords);
    assert_eq!(
        config,
        Config {
            keywords: false,
            ..Config::default()
        }
    );
}

#[test]
fn a_line_toml_cannot_read_is_skipped_and_the_rest_applies() {
    let (config, problems) = Config::parse("indent = false\ntheme = \nkeywords = false\n");
    assert_eq!(
        config,
        Config {
            indent: false,
            keywords: false,
            ..Config::default()
        }
    );
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("line 2: ") && problems[0].contains("skipped"),
        "{problems:?}"
    );
    // A key given twice: the second line is skipped, the first holds.
    let (config, problems) = Config::parse(
        "theme = \"mono\"\n[keys]\nquit = \"x\"\nquit = \"y\"\nnext_article = \"J\"\n",
    );
    assert_eq!(config.theme, Theme::Mono);
    let keys: Vec<(&str, &[String])> = config
        .keys
        .iter()
        .map(|o| (o.action.as_str(), o.keys.as_slice()))
        .collect();
    assert_eq!(
        keys,
        [
            ("quit", &["x".to_owned()][..]),
            ("next_article", &["J".to_owned()][..])
        ]
    );
    assert!(
        problems.len() == 1 && problems[0].starts_with("line 4: "),
        "{problems:?}"
    );
}

#[test]
fn a_configuration_cannot_lock_the_reader_in() {
    let (config, _) = Config::parse("[keys]\nquit = \"j\"\nnext_article = \"j\"\n");
    let (keymap, problems) = Keymap::with_overrides(&config.keys);
    assert_eq!(
        problems,
        ["line 3: j is already given to quit on line 2; next_article does not get it"]
    );
    assert_eq!(
        keymap.resolve(Key::ch('j'), Mode::Reader),
        Some(kanbao::action::Action::Quit)
    );
    for mode in [
        Mode::Reader,
        Mode::Contents,
        Mode::Prompt,
        Mode::Naming,
        Mode::Help,
        Mode::Results,
    ] {
        assert_eq!(
            keymap.resolve(Key::ctrl('c'), mode),
            Some(kanbao::action::Action::Quit),
            "Ctrl-c quits in {mode:?}"
        );
    }
    let printed = config.to_toml(&keymap);
    assert!(printed.contains("\nquit = [\"j\"]  # quit\n"), "{printed}");
    let (again, problems) = Config::parse(&printed);
    assert!(problems.is_empty(), "{problems:?}");
    let (keymap_again, _) = Keymap::with_overrides(&again.keys);
    for b in keymap.bindings() {
        assert_eq!(
            keymap_again.resolve(b.key, b.mode),
            keymap.resolve(b.key, b.mode)
        );
    }

    // Ctrl-c cannot be given away; key names must be keys.
    let (config, _) = Config::parse(
        "[keys]\nnext_article = [\"Ctrl-c\", \"J\"]\nprev_article = \"\\u009b\"\nscroll_down = \"\\u001b]0;X\\u0007\"\n",
    );
    let (keymap, problems) = Keymap::with_overrides(&config.keys);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].contains("Ctrl-c always quits"), "{problems:?}");
    assert!(problems[1].contains("is not a key") && problems[2].contains("is not a key"));
    assert_eq!(
        keymap.resolve(Key::ctrl('c'), Mode::Reader),
        Some(kanbao::action::Action::Quit)
    );
    assert_eq!(
        keymap.resolve(Key::ch('J'), Mode::Reader),
        Some(kanbao::action::Action::NextArticle)
    );

    // Taking the only key of an action the file does not name is reported.
    let (config, _) = Config::parse("[keys]\nquit = \"?\"\n");
    let (_, problems) = Keymap::with_overrides(&config.keys);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("line 2: ? was the last key of toggle_help"),
        "{problems:?}"
    );
}

#[test]
fn the_printed_configuration_reads_back_the_same() {
    let (config, _) = Config::parse(
        "theme = \"mono\"\ncontents_width = 30\n[keys]\nnext_article = [\"J\", \"]\"]\n",
    );
    let (keymap, _) = Keymap::with_overrides(&config.keys);
    let printed = config.to_toml(&keymap);
    let (again, problems) = Config::parse(&printed);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((again.theme, again.contents_width), (Theme::Mono, Some(30)));
    let strip = |c: &Config| -> Vec<(String, Vec<String>)> {
        c.keys
            .iter()
            .map(|o| (o.action.clone(), o.keys.clone()))
            .collect()
    };
    assert_eq!(strip(&again), strip(&config));
    let (keymap_again, problems) = Keymap::with_overrides(&again.keys);
    assert!(problems.is_empty(), "{problems:?}");
    for b in keymap.bindings() {
        assert_eq!(
            keymap_again.resolve(b.key, b.mode),
            keymap.resolve(b.key, b.mode)
        );
    }
    assert_eq!(
        keymap_again.resolve(Key::ch('J'), Mode::Reader),
        Some(kanbao::action::Action::NextArticle)
    );
    assert!(
        printed.contains("\n# quit = [\"q\"]  # quit\n"),
        "{printed}"
    );
}

fn kanbao(home: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .env("XDG_CONFIG_HOME", home)
        .env_remove("NO_COLOR")
        .envs(env.iter().copied())
        .output()
        .expect("kanbao runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_uses_the_file_and_no_color() {
    let home_dir = tempfile::tempdir().expect("dir");
    let home = home_dir.path().to_owned();
    std::fs::create_dir_all(home.join("kanbao")).expect("dir");
    std::fs::write(
        home.join("kanbao/config.toml"),
        "indent = false\nshade = 1\n[keys]\nnext_article = \"J\"\n",
    )
    .expect("config");
    let (out, err) = kanbao(&home, &[], &["--print-config"]);
    assert!(
        out.contains("theme = \"dark\"") && out.contains("indent = false"),
        "{out}"
    );
    assert!(out.contains("next_article = [\"J\"]"), "{out}");
    assert!(
        err.contains("config.toml: line 2: unknown setting \"shade\""),
        "the warning names the file and line: {err}"
    );
    let (out, _) = kanbao(&home, &[("NO_COLOR", "1")], &["--print-config"]);
    assert!(out.contains("theme = \"mono\""), "{out}");
    // --print sets text as configured: no first-line indent.
    let (out, _) = kanbao(&home, &[], &["--print", "3", "--width", "40"]);
    assert!(out.lines().any(|l| l.starts_with("近日")), "{out}");
}
