//! Indexes the bundled dictionary (CC-CEDICT) once, at build time: the
//! start of each entry's line and the entries in order of headword, as
//! tables of little-endian u32 the binary carries and reads in place —
//! so a lookup reads a few pages of them, and nothing is parsed or sorted
//! at run time (see `src/dict/format.rs`).
//!
//! Finds out whether tmux is installed, so that the end-to-end tests that
//! drive the reader in it are `#[ignore]`d, with the reason, where it is
//! not (`cfg(no_tmux)`), rather than passing without having run.
//!
//! It is asked once per build of the crate, not on every change to the
//! PATH's folders: watching them rebuilt everything after any package
//! install. After installing tmux, `touch build.rs` (CI installs it first).

use std::process::Command;

#[path = "src/dict/format.rs"]
#[allow(dead_code)]
mod format;

/// Writes `values` as little-endian u32 to `name` in the build's output.
fn write_table(name: &str, values: &[u32]) {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
    std::fs::write(std::path::Path::new(&out).join(name), bytes).expect("OUT_DIR is writable");
}

fn main() {
    println!("cargo::rerun-if-changed=assets/cedict_ts.u8");
    println!("cargo::rerun-if-changed=src/dict/format.rs");
    let text = std::fs::read_to_string("assets/cedict_ts.u8").expect("assets/cedict_ts.u8 is read");
    let (lines, keys) = format::tables(&text);
    write_table("cedict.lines", &lines);
    write_table("cedict.keys", &keys);

    println!("cargo::rustc-check-cfg=cfg(no_tmux)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    let tmux = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !tmux {
        println!("cargo::rustc-cfg=no_tmux");
    }
}
