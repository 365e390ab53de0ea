//! Finds out whether tmux is installed, so that the end-to-end tests that
//! drive the reader in it are `#[ignore]`d, with the reason, where it is
//! not (`cfg(no_tmux)`), rather than passing without having run.

use std::process::Command;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(no_tmux)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=PATH");
    // Installing tmux changes a directory on the PATH.
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path).filter(|d| d.is_dir()) {
            println!("cargo::rerun-if-changed={}", dir.display());
        }
    }
    let tmux = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !tmux {
        println!("cargo::rustc-cfg=no_tmux");
    }
}
