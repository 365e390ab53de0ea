//! Finds out whether tmux is installed, so that the end-to-end tests that
//! drive the reader in it are `#[ignore]`d, with the reason, where it is
//! not (`cfg(no_tmux)`), rather than passing without having run.
//!
//! It is asked once per build of the crate, not on every change to the
//! PATH's folders: watching them rebuilt everything after any package
//! install. After installing tmux, `touch build.rs` (CI installs it first).

use std::process::Command;

fn main() {
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
