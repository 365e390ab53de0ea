//! The user's word list (`words.txt` beside the configuration): its words
//! segment as one, so keywords and whole-word search see them; a bad line
//! is skipped and named.

use std::process::Command;

#[test]
fn a_word_list_makes_names_whole() {
    let home = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(home.path().join("kanbao")).expect("dir");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_kanbao"))
            .args(["--outline", "--keywords"])
            .env("XDG_CONFIG_HOME", home.path())
            .env("XDG_STATE_HOME", home.path())
            .output()
            .expect("kanbao runs")
    };
    let before = String::from_utf8_lossy(&run().stdout).into_owned();
    assert!(!before.contains("联学联创　"), "{before}");
    std::fs::write(
        home.path().join("kanbao/words.txt"),
        "# names of this page\n联学联创 20 nz\n察右后旗 10 ns\n坏行 x\n",
    )
    .expect("words");
    let out = run();
    let after = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(after.contains("关键词　联学联创"), "{after}");
    assert!(after.contains("察右后旗"), "{after}");
    assert!(
        err.contains("words.txt: line 4: the frequency x is not a number"),
        "{err}"
    );
}
