//! What each mode of the command line costs as a whole process: peak
//! resident memory and wall time, the median of seven runs, on the
//! bundled page and (given a path) on a big input — so that a mode that
//! starts loading what it does not need shows here. Not a test: nothing
//! is asserted.
//!
//! `cargo bench --bench modes` (the bundled page), or
//! `cargo bench --bench modes -- /tmp/issue20.txt` (also a 20 MB input:
//! `python3 benches/make_issue.py` writes one).

use std::process::Command;
use std::time::Instant;

const RUNS: usize = 7;

/// The modes measured, by name and arguments (the input follows).
const MODES: &[(&str, &[&str])] = &[
    ("--outline", &["--outline"]),
    ("--json", &["--json"]),
    ("--print 1", &["--print", "1", "--width", "80"]),
    ("--search 党支部", &["--search", "党支部"]),
    ("--kwic 党支部", &["--kwic", "党支部"]),
    ("--outline --keywords", &["--outline", "--keywords"]),
    ("--freq", &["--freq"]),
];

/// Modes that read no page.
const ALONE: &[(&str, &[&str])] = &[
    ("--define 看报", &["--define", "看报"]),
    ("--define xuexi", &["--define", "xuexi"]),
    ("--print-config", &["--print-config"]),
];

/// Runs kanbao once: its wall time in ms and peak resident set in MiB.
/// The child is reaped by `wait4`, which also gives its own rusage.
#[allow(clippy::zombie_processes)]
fn run(args: &[&str]) -> (f64, f64) {
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("kanbao runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value to be written over.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, writing into the two locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(waited, pid, "waited for kanbao");
    (wall, usage.ru_maxrss as f64 / 1024.0)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn measure(name: &str, args: &[&str]) {
    let (walls, peaks): (Vec<f64>, Vec<f64>) = (0..RUNS).map(|_| run(args)).unzip();
    println!(
        "| {name} | {:.0} MiB | {:.1} ms |",
        median(peaks),
        median(walls)
    );
}

fn main() {
    let bundled = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample-page.txt");
    let big: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    println!("| mode (bundled page, 17 KB) | peak RSS | wall |\n| --- | --- | --- |");
    for (name, args) in MODES {
        measure(name, &[args, &[bundled][..]].concat());
    }
    for (name, args) in ALONE {
        measure(name, args);
    }
    if let Some(path) = big {
        println!("\n| mode ({path}) | peak RSS | wall |\n| --- | --- | --- |");
        for (name, args) in MODES {
            measure(name, &[args, &[path.as_str()][..]].concat());
        }
    }
}
