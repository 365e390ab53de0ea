//! An archive searched through its index: the corpus written as a folder
//! per day of page files, indexed; a search with the index prints exactly
//! what a scan of every page prints, for queries of one to six characters,
//! Chinese and Latin; the index follows a changed file, is rebuilt when
//! damaged or of another version, and a query while it is being built
//! scans and says so.
//!
//! Needs `../shared/corpus/` for the archive (or `$KANBAO_CORPUS`):
//! without it the corpus test says why and passes, except under CI.

use crate::support;

use std::path::Path;
use std::process::{Command, Output};

use support::corpus;
use support::layouts::{Builder, Layout};

pub(crate) struct Archive {
    dir: tempfile::TempDir,
    cache: tempfile::TempDir,
}

impl Archive {
    pub(crate) fn new() -> Archive {
        let temp = |prefix| {
            tempfile::Builder::new()
                .prefix(prefix)
                .tempdir()
                .expect("temp dir")
        };
        Archive {
            dir: temp("kanbao-archive-"),
            cache: temp("kanbao-cache-"),
        }
    }

    pub(crate) fn write(&self, name: &str, text: &str) {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folders");
        std::fs::write(path, text).expect("page");
    }

    /// Replaces a page as editors and sync tools do: a new file renamed
    /// over the old one.
    pub(crate) fn replace(&self, name: &str, text: &str) {
        let path = self.dir.path().join(name);
        let new = path.with_extension("new");
        std::fs::write(&new, text).expect("page");
        std::fs::rename(new, path).expect("rename");
    }

    pub(crate) fn cache(&self) -> &Path {
        self.cache.path()
    }

    pub(crate) fn root(&self) -> String {
        self.dir.path().display().to_string()
    }

    /// kanbao with this archive's cache, not yet started.
    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kanbao"));
        command.args(args).env("XDG_CACHE_HOME", self.cache.path());
        command
    }

    pub(crate) fn kanbao(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("the binary runs")
    }

    pub(crate) fn index(&self) -> String {
        let out = self.kanbao(&["--index", &self.root()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// `--search` with the index and without: (stdout, stderr) of each.
    pub(crate) fn both(&self, query: &str) -> ((String, String), (String, String)) {
        let run = |extra: &[&str]| {
            let mut args = vec!["--search", query, "--color", "never"];
            args.extend_from_slice(extra);
            let root = self.root();
            args.push(&root);
            let out = self.kanbao(&args);
            (
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        };
        (run(&[]), run(&["--no-index"]))
    }

    pub(crate) fn index_dir(&self) -> std::path::PathBuf {
        let dirs: Vec<_> = std::fs::read_dir(self.cache.path().join("kanbao").join("index"))
            .expect("an index folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        assert_eq!(dirs.len(), 1);
        dirs[0].clone()
    }
}

/// Queries of one to six characters, Chinese and Latin, rare and common.
const QUERIES: [&str; 20] = [
    "党",
    "年",
    "習",
    "脱贫",
    "春节",
    "CPI",
    "APP",
    "5G",
    "党支部",
    "互联网",
    "一带一路",
    "新时代",
    "高质量发展",
    "乡村振兴",
    "人民日报",
    "冬奥会",
    "习近平总书记",
    "粤港澳大湾区",
    "ＧＤＰ",
    "wifi",
];

#[test]
fn the_index_finds_what_a_scan_finds() {
    let Some(items) = corpus::load_or_skip() else {
        return;
    };
    let archive = Archive::new();
    let pages = corpus::pages(&items, 1..=27);
    let mut files = 0;
    for built in Builder::new().build(Layout::Folder, &pages) {
        for (name, text) in &built.files {
            archive.write(name, text);
            files += 1;
        }
    }
    let report = archive.index();
    assert!(report.contains(&format!("{files} new")), "{report}");
    let mut narrowed = 0;
    for query in QUERIES {
        let ((with, with_err), (without, _)) = archive.both(query);
        assert_eq!(with, without, "{query}: the index changed what was found");
        assert!(with_err.is_empty(), "{query}: {with_err}");
        // The index is not a scan in disguise: rare queries read few pages.
        narrowed += usize::from(with.lines().count() < 200);
    }
    assert!(narrowed >= 5);
}

pub(crate) fn small_archive() -> Archive {
    let archive = Archive::new();
    archive.write("20190201/01.txt", "要闻\n\n党支部开会。\n");
    archive.write("20190201/02.txt", "评论\n\n脱贫攻坚。\n");
    archive.write("20190202/01.txt", "要闻\n\n黨支部與脱贫攻坚。\n");
    archive
}

#[test]
fn the_index_follows_a_changed_file() {
    let archive = small_archive();
    assert!(archive.index().contains("3 new"));
    archive.replace("20190201/02.txt", "评论\n\n脱贫攻坚，党支部带头。\n");
    let ((with, err), (without, _)) = archive.both("党支部");
    assert_eq!(with, without, "a changed page is read in full");
    assert_eq!(with.lines().count(), 3, "{with}");
    assert!(err.contains("1 page changed since"), "{err}");
    let again = archive.index();
    assert!(
        again.contains("0 new, 1 changed, 0 removed, 2 unchanged"),
        "{again}"
    );
    std::fs::remove_file(Path::new(&archive.root()).join("20190202/01.txt")).expect("rm");
    let ((with, _), (without, _)) = archive.both("党支部");
    assert_eq!(with, without, "a removed page is not read");
    assert!(archive.index().contains("1 removed"));
    let ((with, err), (without, _)) = archive.both("党支部");
    assert_eq!((with.as_str(), err.as_str()), (without.as_str(), ""));
    // A new day's folder, and a page of the index edited in place.
    archive.write("20190203/01.txt", "要闻\n\n又是党支部。\n");
    archive.write("20190201/01.txt", "要闻\n\n党支部开会，党支部学习。\n");
    let ((with, _), (without, _)) = archive.both("党支部");
    assert_eq!(with, without);
    assert_eq!(with.lines().count(), 4, "{with}");
}

#[test]
fn a_damaged_index_or_one_of_another_version_is_not_read_and_is_rebuilt() {
    let archive = small_archive();
    archive.index();
    let manifest = archive.index_dir().join("manifest.json");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    std::fs::write(
        &manifest,
        text.replacen(
            &format!("\"version\":{}", kanbao::archive::INDEX_VERSION),
            "\"version\":999",
            1,
        ),
    )
    .expect("w");
    let ((with, err), (without, _)) = archive.both("脱贫");
    assert_eq!(with, without);
    assert!(
        err.contains("of version 999") && err.contains("searching every page"),
        "{err}"
    );
    let out = archive.kanbao(&["--index", &archive.root()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("built anew"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("3 new"));
    // Damaged files inside the index.
    for entry in std::fs::read_dir(archive.index_dir().join("tantivy")).expect("files") {
        let path = entry.expect("entry").path();
        std::fs::write(&path, b"not an index").expect("damage");
    }
    let ((with, err), (without, _)) = archive.both("脱贫");
    assert_eq!(with, without);
    assert!(err.contains("damaged"), "{err}");
    assert!(archive.index().contains("3 new"), "rebuilt from nothing");
    let ((_, err), _) = archive.both("脱贫");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn a_query_while_the_index_is_built_scans_and_says_so() {
    let archive = small_archive();
    archive.index();
    // The marker a build leaves while it runs, naming a live process.
    std::fs::write(
        archive.index_dir().join("building"),
        std::process::id().to_string(),
    )
    .expect("marker");
    let ((with, err), (without, _)) = archive.both("党支部");
    assert_eq!(with, without);
    assert!(
        err.contains("is being built: searching every page"),
        "{err}"
    );
    // A marker left by a build that died is not believed.
    std::fs::write(archive.index_dir().join("building"), "999999999").expect("marker");
    let ((_, err), _) = archive.both("党支部");
    assert!(err.is_empty(), "{err}");
}

/// `--freq=WORD,… --by date` on an indexed archive reads only the pages
/// that can hold a word, and gives the table a scan gives, every date a
/// row, zeros included.
#[test]
fn counts_by_date_come_from_the_pages_the_index_names() {
    let archive = small_archive();
    archive.write("20190203/01.txt", "要闻\n\n乡村振兴。\n");
    archive.index();
    let table = |extra: &[&str]| {
        let root = archive.root();
        let mut args = vec!["--freq=党支部,脱贫攻坚", "--by", "date", "--format", "tsv"];
        args.extend_from_slice(extra);
        args.push(&root);
        let out = archive.kanbao(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let with = table(&[]);
    assert_eq!(with, table(&["--no-index"]));
    assert_eq!(
        with,
        "date\t党支部\t脱贫攻坚\n2019-02-01\t1\t1\n2019-02-02\t1\t1\n2019-02-03\t0\t0\n"
    );
    // A page edited in place (its folder's time unchanged) is seen by
    // its own stamp and read in full: the index never hides it.
    std::fs::write(
        Path::new(&archive.root()).join("20190203/01.txt"),
        "要闻\n\n党支部。\n",
    )
    .expect("edit in place");
    assert!(table(&[]).ends_with("2019-02-03\t1\t0\n"));
    assert!(table(&["--no-index"]).ends_with("2019-02-03\t1\t0\n"));
}
