//! The terminal session: set-up and guaranteed restore (on quit, error,
//! panic and every signal that ends kanbao), suspend and resume (Ctrl-z,
//! SIGTSTP), and the event loop.

use std::io::{self, stdout};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use crossterm::clipboard::CopyToClipboard;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1};
use signal_hook::iterator::Signals;

use crate::action::{Action, Effect};
use crate::app::App;

/// How often the loop wakes without input, to take background results.
const TICK: Duration = Duration::from_millis(100);

/// Signals that end kanbao: each restores the terminal and saves the place.
const ENDING: [i32; 6] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGALRM];

/// How long a signal waits for the loop to end cleanly before the signal
/// thread restores the terminal and exits itself (the loop may be stuck in
/// a read from a terminal that has gone away).
const GRACE: Duration = Duration::from_secs(2);

/// Puts the terminal back as the shell had it: mouse reporting and
/// bracketed paste off, the cursor shown, the alternate screen left, cooked
/// mode.
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    // Shown on the main screen: a terminal may keep the cursor's state per
    // screen.
    let _ = execute!(stdout(), crossterm::cursor::Show);
}

/// Takes the terminal for the reader.
fn take_terminal() -> io::Result<ratatui::DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    Ok(terminal)
}

/// Restores the terminal when dropped, however the loop ends.
struct Session;

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// How the loop ended: the final state, and the signal that ended it.
pub struct Ended {
    pub app: App,
    pub signal: Option<i32>,
}

/// Runs the reader until the user quits or a signal ends it, and gives the
/// final state back. `background` delivers actions from other threads
/// (the refined parse); `keep` carries out the effects that are not the
/// terminal's (bookmarks to the state file), returning a problem to show.
pub fn run(
    mut app: App,
    background: Receiver<Action>,
    mut keep: impl FnMut(Effect) -> Option<String>,
) -> io::Result<Ended> {
    let signals = watch_signals()?;
    let mut terminal = take_terminal()?;
    let session = Session;
    // ratatui's hook restores raw mode and the screen; mouse capture too.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));

    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut background_open = true;
    let mut ended_by = None;
    while !app.quit {
        match signals.try_recv() {
            Ok(SIGTSTP) => app.update(Action::Suspend),
            Ok(signal) => {
                ended_by = Some(signal);
                break;
            }
            Err(_) => {}
        }
        terminal.draw(|frame| super::draw(frame, &app))?;
        if crossterm::event::poll(TICK)? {
            // Take every pending event before drawing again.
            loop {
                let event = crossterm::event::read()?;
                if let Some(action) = super::event::action(event, &app.keymap, app.mode()) {
                    app.update(action);
                }
                if app.quit || !crossterm::event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        while background_open {
            match background.try_recv() {
                Ok(action) => app.update(action),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => background_open = false,
            }
        }
        for effect in app.take_effects() {
            let problem = match effect {
                Effect::Copy(text) => execute!(stdout(), CopyToClipboard::to_clipboard_from(text))
                    .err()
                    .map(|e| format!("could not copy: {e}")),
                Effect::Suspend => {
                    terminal = suspend()?;
                    let size = terminal.size()?;
                    app.update(Action::Resize {
                        width: size.width,
                        height: size.height,
                    });
                    None
                }
                other => keep(other),
            };
            if let Some(problem) = problem {
                app.update(Action::Notice(problem));
            }
        }
    }
    drop(session);
    Ok(Ended {
        app,
        signal: ended_by,
    })
}

/// Starts a thread that passes the signals kanbao handles to the loop. An
/// ending signal also starts the grace period, after which the thread
/// restores the terminal and exits by itself.
fn watch_signals() -> io::Result<Receiver<i32>> {
    let mut signals = Signals::new(ENDING.iter().copied().chain([SIGTSTP]))?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            // The loop has ended and the process is on its way out.
            if tx.send(signal).is_err() {
                return;
            }
            if ENDING.contains(&signal) {
                std::thread::spawn(move || {
                    std::thread::sleep(GRACE);
                    restore();
                    std::process::exit(128 + signal);
                });
            }
        }
    });
    Ok(rx)
}

/// Ctrl-z or SIGTSTP, as less and vim do it: the terminal restored, the
/// process stopped; when the shell continues it (`fg`), the terminal is
/// taken back and redrawn.
fn suspend() -> io::Result<ratatui::DefaultTerminal> {
    restore();
    // Stops the process as SIGTSTP's default action would; returns on SIGCONT.
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    let mut terminal = take_terminal()?;
    terminal.clear()?;
    Ok(terminal)
}
