//! The archive index is never silently wrong: after an interrupted build,
//! during a second builder's, with bits flipped in its files, with other
//! decoding options, with pages changed behind its back, with folders too
//! deep and names that are not UTF-8, an indexed search prints exactly
//! what a scan prints — or says why it scanned.

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::archive::{Archive, small_archive};
use crate::common::SAMPLE;

/// An archive big enough that building its index takes a while: 40 days
/// of 8 pages of the sample page.
fn big_archive() -> Archive {
    let archive = Archive::new();
    for day in 1..=40 {
        for page in 1..=8 {
            let date = 20190100 + (day - 1) % 28 + 1 + (day - 1) / 28 * 100;
            archive.write(&format!("{date}/{page:02}.txt"), SAMPLE);
        }
    }
    archive
}

/// The search with the index equals the scan, or the search said why it
/// scanned; either way, never fewer or more hits.
fn trusted(archive: &Archive, query: &str) -> String {
    let ((with, err), (without, _)) = archive.both(query);
    assert_eq!(with, without, "indexed search differs from a scan: {err}");
    assert!(!with.is_empty());
    err
}

fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < Duration::from_secs(60), "{what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_no_index_taken_for_whole() {
    let archive = big_archive();
    archive.index();
    for delay in [20, 150, 400, 1000] {
        // Damaged, so the next build starts anew, and is then killed.
        std::fs::write(archive.index_dir().join("files.bin"), "{").expect("damage");
        let mut child = archive
            .command(&["--index", &archive.root()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("a build");
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let err = trusted(&archive, "党支部");
        assert!(
            err.is_empty() || err.contains("searching every page"),
            "after {delay} ms: {err}"
        );
    }
    let healed = archive.index();
    assert!(
        healed.contains(" 320 unchanged") || healed.contains("320 new"),
        "{healed}"
    );
    assert_eq!(trusted(&archive, "党支部"), "");
}

#[test]
fn a_second_builder_is_refused_and_searches_meanwhile_scan() {
    let archive = big_archive();
    let marker = || {
        std::fs::read_dir(archive.cache().join("kanbao/index"))
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .any(|e| e.path().join("building").exists())
    };
    let mut first = archive
        .command(&["--index", &archive.root()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("a build");
    wait_for("the first build's marker", marker);
    let second = archive.kanbao(&["--index", &archive.root()]);
    let err = String::from_utf8_lossy(&second.stderr);
    if first.try_wait().expect("status").is_none() {
        assert_eq!(second.status.code(), Some(2), "{err}");
        assert!(err.contains("being built by another kanbao"), "{err}");
        let during = trusted(&archive, "党支部");
        assert!(
            during.is_empty() || during.contains("searching every page"),
            "{during}"
        );
    }
    assert!(first.wait().expect("the first build ends").success());
    assert!(!marker(), "the builder removed its own marker");
    assert_eq!(trusted(&archive, "党支部"), "");
}

#[test]
fn flipped_bits_in_any_file_of_the_index_are_caught() {
    let archive = small_archive();
    archive.index();
    let tantivy = archive.index_dir().join("tantivy");
    let files: Vec<PathBuf> = std::fs::read_dir(&tantivy)
        .expect("files")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x != "lock" && x != "json"))
        .collect();
    assert!(
        files
            .iter()
            .any(|f| f.extension().is_some_and(|x| x == "fieldnorm"))
    );
    for file in &files {
        let bytes = std::fs::read(file).expect("index file");
        if bytes.is_empty() {
            continue;
        }
        let mut flipped = bytes.clone();
        let at = flipped.len() / 2;
        flipped[at] ^= 0x55;
        std::fs::write(file, &flipped).expect("flip");
        let err = trusted(&archive, "党支部");
        assert!(
            err.contains("damaged") && !err.contains("internal error"),
            "{}: {err}",
            file.display()
        );
        std::fs::write(file, &bytes).expect("restore");
    }
    // Restored: its checksums hold again, and it is used.
    assert_eq!(trusted(&archive, "党支部"), "");
}

#[test]
fn an_index_built_with_other_options_is_not_used_by_a_search() {
    let archive = small_archive();
    archive.write("20190202/02.txt", &"党支部。".repeat(2000));
    let out = archive.kanbao(&["--index", &archive.root(), "--max-size", "10K"]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        stdout.contains("3 new") && stdout.contains("1 not readable"),
        "{stdout}"
    );
    assert!(stderr.contains("larger than the limit"), "{stderr}");
    let err = trusted(&archive, "党支部");
    assert!(
        err.contains("--max-size 10240") && err.contains("searching every page"),
        "{err}"
    );
    // With the options it was built with, it is used, and the page it
    // could not read is read again, as a scan reads it.
    let run = |extra: &[&str]| {
        let root = archive.root();
        let mut args = vec!["--search", "党支部", "--max-size", "10K"];
        args.extend_from_slice(extra);
        args.push(&root);
        let out = archive.kanbao(&args);
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(run(&[]), run(&["--no-index"]));
    let out = archive.kanbao(&["--index", &archive.root(), "--encoding", "big5"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("built anew"));
    assert!(trusted(&archive, "脱贫").contains("--encoding Big5"));
    let out = archive.kanbao(&["--index", &archive.root()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("built anew"));
    assert_eq!(trusted(&archive, "脱贫"), "");
    let out = archive.kanbao(&["--index", &archive.root(), "--since", "2019-02-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--index indexes every page"));
}

#[test]
fn pages_changed_behind_links_or_in_place_are_seen() {
    let archive = small_archive();
    let store = tempfile::tempdir().expect("a store outside the archive");
    let target = store.path().join("page.txt");
    std::fs::write(&target, "要闻\n\n今天没有新闻。\n").expect("target");
    let link = Path::new(&archive.root()).join("20190201/03.txt");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    archive.index();
    // Replaced behind the link: the archive's folders do not change.
    let new = store.path().join("page.new");
    std::fs::write(&new, "要闻\n\n党支部换了新页。\n").expect("new");
    std::fs::rename(&new, &target).expect("replace");
    let err = trusted(&archive, "党支部");
    assert!(err.contains("1 page changed"), "{err}");
    // Appended to in place, its time set back.
    let page = Path::new(&archive.root()).join("20190202/01.txt");
    let before = std::fs::metadata(&page)
        .and_then(|m| m.modified())
        .expect("time");
    let mut text = std::fs::read_to_string(&page).expect("page");
    text.push_str("\n党支部又开会。\n");
    std::fs::write(&page, text).expect("append");
    std::fs::File::options()
        .write(true)
        .open(&page)
        .and_then(|f| f.set_modified(before))
        .expect("time set back");
    assert!(trusted(&archive, "党支部").contains("2 pages changed"));
}

#[test]
fn pages_in_a_changed_folder_and_its_changed_parent_are_read_once() {
    let archive = Archive::new();
    archive.write("2019/20190201/01.txt", "要闻\n\n党支部开会。\n");
    archive.write("2019/20190202/01.txt", "要闻\n\n党支部学习。\n");
    archive.index();
    archive.write("2019/20190201/02.txt", "评论\n\n党支部带头。\n");
    archive.write("2019/20190203/01.txt", "要闻\n\n又是党支部。\n");
    let err = trusted(&archive, "党支部");
    assert!(err.contains("2 pages changed"), "{err}");
    let ((with, _), _) = archive.both("党支部");
    assert_eq!(with.lines().count(), 4, "{with}");
}

#[test]
fn folders_too_deep_are_named_by_every_mode_alike() {
    let archive = small_archive();
    let deep: String = (0..10).map(|i| format!("d{i}/")).collect();
    archive.write(&format!("{deep}01.txt"), "要闻\n\n党支部在深处。\n");
    let out = archive.kanbao(&["--outline", &archive.root()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("more than 8 folders deep"), "{err}");
    let index = archive.kanbao(&["--index", &archive.root()]);
    assert!(String::from_utf8_lossy(&index.stderr).contains("more than 8 folders deep"));
    let ((with, with_err), (without, without_err)) = archive.both("党支部");
    assert_eq!((with, with_err), (without, without_err));
}

#[test]
fn names_that_are_not_utf8_are_read_by_every_mode() {
    let archive = small_archive();
    let odd = Path::new(&archive.root())
        .join("20190201")
        .join(std::ffi::OsStr::from_bytes(b"03\xff.txt"));
    std::fs::write(&odd, "奇名\n\n党支部在此。\n").expect("page");
    let json = archive.kanbao(&["--json", &archive.root()]);
    assert!(String::from_utf8_lossy(&json.stdout).contains("党支部在此"));
    archive.index();
    let ((with, err), (without, _)) = archive.both("党支部");
    assert_eq!((with.as_str(), err.as_str()), (without.as_str(), ""));
    assert!(
        with.contains("03\u{fffd}.txt") && with.lines().count() == 3,
        "{with}"
    );
}

#[test]
fn a_date_range_without_hits_is_no_hit_not_an_error() {
    let archive = small_archive();
    archive.write("20190203/01.txt", "要闻\n\n乡村振兴。\n");
    archive.index();
    for mode in ["--search", "--kwic"] {
        let run = |extra: &[&str]| {
            let root = archive.root();
            let mut args = vec![mode, "党支部", "--since", "2019-02-03"];
            args.extend_from_slice(extra);
            args.push(&root);
            archive.kanbao(&args).status.code()
        };
        assert_eq!(run(&[]), Some(1), "{mode}");
        assert_eq!(run(&[]), run(&["--no-index"]), "{mode}");
    }
}

/// Undoes `chattr +i` when dropped, so the temporary folder can go.
struct Immutable(PathBuf);

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .args(["-R", "-i"])
            .arg(&self.0)
            .status();
    }
}

#[test]
fn an_index_that_cannot_be_written_is_not_called_damaged() {
    let archive = small_archive();
    archive.index();
    // Read-only even for root (tests run as root in CI): immutable.
    let made = std::process::Command::new("chattr")
        .args(["-R", "+i"])
        .arg(archive.index_dir())
        .status()
        .is_ok_and(|s| s.success());
    let _undo = Immutable(archive.index_dir());
    if !made {
        eprintln!("chattr +i is not possible here: skipping the read-only index test");
        return;
    }
    let err = trusted(&archive, "党支部");
    assert!(
        err.contains("cannot be used") && err.contains("permissions"),
        "{err}"
    );
    assert!(
        !err.contains("damaged") && !err.contains("builds it anew"),
        "{err}"
    );
}

/// A page over a megabyte is indexed in pieces; a hit across the seam of
/// two pieces, short or long, is still found as a scan finds it.
#[test]
fn a_hit_across_the_pieces_of_a_long_page_is_found() {
    let archive = Archive::new();
    let filler = "要闻评论。".repeat(80_000); // 1.2 MB, past one piece
    let short = "党支部书记带头开展主题教育活动";
    let long: String = (0..200)
        .map(|i| char::from_u32(0x4e00 + 7 * i).expect("a Han character"))
        .collect();
    // Each straddles the first piece's end (1 MiB).
    let seam = 1 << 20;
    let at = |phrase: &str| {
        let mut cut = seam - phrase.len() / 2;
        while !filler.is_char_boundary(cut) {
            cut -= 1;
        }
        cut
    };
    let mut page = filler.clone();
    page.insert_str(at(short), short);
    archive.write("20190201/01.txt", &page);
    let mut other = filler.clone();
    other.insert_str(at(&long), &long);
    archive.write("20190202/01.txt", &other);
    archive.write("20190203/01.txt", "要闻\n\n没有长句。\n");
    archive.index();
    for query in [short, long.as_str()] {
        let ((with, err), (without, _)) = archive.both(query);
        assert_eq!(with, without, "{query}: {err}");
        assert_eq!(with.lines().count(), 1, "{query}");
    }
}
