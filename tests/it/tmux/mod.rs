//! A terminal for end-to-end tests: the real binary in tmux, with a state
//! and config directory of its own, read back from the screen.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Tests run in parallel: each gets its own tmux server.
static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

pub struct Tmux {
    socket: String,
    pub exit_file: PathBuf,
    /// The home made for this terminal by [`Tmux::start`], removed with it.
    _home: Option<tempfile::TempDir>,
    /// The server's socket file, removed with it (a killed server leaves
    /// it behind).
    socket_path: String,
}

/// A temporary home for the reader (state and config), removed when
/// dropped.
pub fn home(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("kanbao-e2e-{name}-"))
        .tempdir()
        .expect("a temporary home")
}

impl Tmux {
    /// Is tmux here to run `test`? CI must have it; elsewhere its absence
    /// is said, and the test does nothing.
    pub fn ready_for(test: &str) -> bool {
        if Tmux::available() {
            return true;
        }
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install tmux for {test}"
        );
        eprintln!("tmux is not installed: skipping {test}");
        false
    }

    /// The home [`Tmux::start`] made (state in `state/`, config in
    /// `config/`).
    pub fn home(&self) -> Option<&Path> {
        self._home.as_ref().map(tempfile::TempDir::path)
    }

    pub fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// The reader in a fresh terminal, with a state and config directory
    /// of its own (the user's remembered places must not leak in).
    pub fn start(width: u16, height: u16) -> Tmux {
        let dir = home("home");
        let mut tmux = Tmux::start_in(width, height, dir.path());
        tmux._home = Some(dir);
        tmux
    }

    /// The reader on the bundled page in a fresh terminal, at its first
    /// frame; `None` (the test skips) where tmux is not installed.
    pub fn reading(width: u16, height: u16) -> Option<Tmux> {
        if !Tmux::ready_for("the end-to-end test") {
            return None;
        }
        let tmux = Tmux::start(width, height);
        tmux.wait_for("the first frame", |s| s.contains("打一场祛除积弊"));
        Some(tmux)
    }

    /// The reader in a fresh terminal, keeping its state in `home`.
    pub fn start_in(width: u16, height: u16, home: &Path) -> Tmux {
        Tmux::start_with(width, height, home, None, None)
    }

    /// The reader on `path` (any bytes: it reaches kanbao through the
    /// environment, not a shell), with every byte it writes to the
    /// terminal copied to `log`.
    pub fn start_with(
        width: u16,
        height: u16,
        home: &Path,
        path: Option<&std::ffi::OsStr>,
        log: Option<&Path>,
    ) -> Tmux {
        let socket = format!(
            "kanbao-e2e-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        let exit_file = std::env::temp_dir().join(format!("{socket}.exit"));
        let _ = std::fs::remove_file(&exit_file);
        // After kanbao: the terminal's modes, then the exit status (last,
        // so that a test waiting for it finds both). The pane then stays
        // alive: tmux reports a dead pane's cursor as hidden.
        let wait = if log.is_some() { "sleep 0.5; " } else { "" };
        let arg = if path.is_some() {
            " \"$KANBAO_PATH\""
        } else {
            ""
        };
        let command = format!(
            "{wait}XDG_STATE_HOME='{home}/state' XDG_CONFIG_HOME='{home}/config' {}{arg}; s=$?; stty -a > {exit}.stty; echo $s > {exit}; sleep 60",
            env!("CARGO_BIN_EXE_kanbao"),
            exit = exit_file.display(),
            home = home.display(),
        );
        let mut tmux = Tmux {
            socket,
            exit_file,
            _home: None,
            socket_path: String::new(),
        };
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-s",
            "e2e",
        ]);
        tmux.socket_path = tmux
            .run(&["display-message", "-p", "#{socket_path}"])
            .trim()
            .to_owned();
        tmux.run(&["set-option", "-g", "remain-on-exit", "on"]);
        let mut respawn: Vec<std::ffi::OsString> =
            ["respawn-pane", "-k", "-t", "e2e"].map(Into::into).to_vec();
        if let Some(path) = path {
            let mut env = std::ffi::OsString::from("KANBAO_PATH=");
            env.push(path);
            respawn.extend(["-e".into(), env]);
        }
        respawn.push(command.into());
        tmux.run_os(&respawn);
        if let Some(log) = log {
            let pipe = format!("cat >> '{}'", log.display());
            tmux.run(&["pipe-pane", "-o", "-t", "e2e", &pipe]);
        }
        tmux
    }

    pub fn run(&self, args: &[&str]) -> String {
        let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
        self.run_os(&args)
    }

    pub fn run_os(&self, args: &[std::ffi::OsString]) -> String {
        let out = Command::new("tmux")
            .args(["-u", "-L", &self.socket])
            .args(args)
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "e2e", key]);
        }
    }

    /// Like [`Tmux::wait_for`], on the screen with its escape codes.
    pub fn wait_for_styled(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_on(&["capture-pane", "-p", "-e", "-t", "e2e"], what, ok)
    }

    /// Waits until the screen satisfies `ok`, or fails with the screen.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_on(&["capture-pane", "-p", "-t", "e2e"], what, ok)
    }

    fn wait_on(&self, capture: &[&str], what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.run(capture);
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn status_line(screen: &str) -> String {
        screen
            .lines()
            .rfind(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_owned()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
        if !self.socket_path.is_empty() {
            let _ = std::fs::remove_file(&self.socket_path);
        }
        let _ = std::fs::remove_file(&self.exit_file);
        let _ = std::fs::remove_file(self.exit_file.with_extension("exit.stty"));
    }
}

pub fn wait_until(what: &str, ok: impl Fn() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The PID of kanbao inside the pane (the pane runs a shell around it).
pub fn kanbao_pid(tmux: &Tmux) -> String {
    let shell = tmux.run(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
    let out = Command::new("pgrep")
        .args(["-P", shell.trim()])
        .output()
        .expect("pgrep runs");
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(!pid.is_empty(), "kanbao is running under the pane's shell");
    pid
}
