//! The terminal session: set-up and guaranteed restore (on quit, error,
//! panic, SIGTERM and SIGHUP), and the event loop.

use std::io::{self, stdout};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use crossterm::clipboard::CopyToClipboard;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use crate::action::{Action, Effect};
use crate::app::App;

/// How often the loop wakes without input, to take background results.
const TICK: Duration = Duration::from_millis(100);

fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}

/// Restores the terminal when dropped, however the loop ends.
struct Session;

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Runs the reader until the user quits or a signal ends it, and gives the
/// final state back. `background` delivers actions from other threads
/// (the refined parse); `keep` carries out the effects that are not the
/// terminal's (bookmarks to the state file), returning a problem to show.
pub fn run(
    mut app: App,
    background: Receiver<Action>,
    mut keep: impl FnMut(Effect) -> Option<String>,
) -> io::Result<App> {
    // SIGTERM and SIGHUP restore the terminal and end the process from a
    // thread of their own: when the terminal has gone away the main thread
    // may be inside crossterm's read, which then never returns.
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore();
            std::process::exit(128 + signal);
        }
    });

    let mut terminal = ratatui::try_init()?;
    let session = Session;
    // ratatui's hook restores raw mode and the screen; mouse capture too.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        hook(info);
    }));
    execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;

    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut background_open = true;
    while !app.quit {
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
                other => keep(other),
            };
            if let Some(problem) = problem {
                app.update(Action::Notice(problem));
            }
        }
    }
    drop(session);
    Ok(app)
}
