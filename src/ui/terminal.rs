//! The terminal session: set-up and guaranteed restore (on quit, error,
//! panic and every signal that ends kanbao), suspend and resume (Ctrl-z,
//! SIGTSTP), and the event loop.

use std::io::{self, stdout};
use std::sync::mpsc::{Receiver, Sender};
use std::time::Duration;

use crossterm::clipboard::CopyToClipboard;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use signal_hook::consts::SIGTSTP;
use signal_hook::iterator::Signals;

use crate::app::App;
use crate::effects::{Executor, Screen};
use crate::message::Msg;

/// Signals whose default action ends the process: each, caught, restores
/// the terminal and saves the place. Not among them: SIGKILL and SIGSTOP
/// (they cannot be caught), the faults (SIGSEGV, SIGBUS, SIGILL, SIGFPE,
/// SIGTRAP, SIGABRT: the process cannot go on after one; the panic hook
/// covers Rust's own), and SIGPIPE (ignored by Rust's runtime: a write
/// fails instead).
fn ending() -> Vec<i32> {
    use libc::*;
    let mut ending = vec![
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT, SIGSYS,
    ];
    // The real-time signals the C library leaves to programs.
    ending.extend(SIGRTMIN()..=SIGRTMAX());
    ending
}

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

/// Runs the reader until the user quits or a signal ends it, and gives the
/// final state back (`App::exit` says whether a signal ended it).
///
/// One channel feeds the loop: `messages` carries what the loader sends,
/// and the loop adds an input thread (terminal events) and a signal
/// thread to it through `sender`. The loop blocks until a message arrives
/// and redraws only when `update` says the screen may have changed: an
/// idle reader uses no CPU. `executor` carries out the effects `update`
/// asks for; the terminal's part of them is done here.
pub fn run(
    mut app: App,
    sender: Sender<Msg>,
    messages: Receiver<Msg>,
    executor: &Executor,
) -> io::Result<App> {
    watch_signals(sender.clone())?;
    let mut terminal = take_terminal()?;
    let session = Session;
    // ratatui's hook restores raw mode and the screen; mouse capture too.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // The loader reports its own panics in the status bar and the
        // reader goes on: only the others end the session.
        if std::thread::current().name() == Some(crate::loader::BACKGROUND) {
            return;
        }
        restore();
        hook(info);
    }));
    watch_input(sender);

    let size = terminal.size()?;
    app.update(Msg::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    while !app.quit() {
        if dirty {
            terminal.draw(|frame| super::screen::draw(frame, &app))?;
            dirty = false;
        }
        // Every sender lives as long as its thread; the input thread's
        // sender is gone only when the terminal is.
        let Ok(first) = messages.recv() else {
            break;
        };
        dirty |= app.update(first);
        // Take whatever else is waiting before drawing again.
        while let Ok(msg) = messages.try_recv() {
            dirty |= app.update(msg);
        }
        for effect in app.take_effects() {
            dirty = true;
            let mut screen = TerminalScreen {
                terminal: &mut terminal,
                resized: None,
            };
            let problem = executor.run(effect, &mut screen);
            if let Some((width, height)) = screen.resized {
                app.update(Msg::Resize { width, height });
            }
            if let Some(problem) = problem {
                app.update(Msg::Notice(problem));
            }
        }
    }
    drop(session);
    Ok(app)
}

/// Starts the thread that reads the terminal's events and sends them on
/// as messages. It ends when the terminal fails (it has gone away) or the
/// loop has ended.
fn watch_input(sender: Sender<Msg>) {
    std::thread::spawn(move || {
        while let Ok(event) = crossterm::event::read() {
            if let Some(msg) = super::event::message(event)
                && sender.send(msg).is_err()
            {
                return;
            }
        }
    });
}

/// Starts a thread that passes the signals kanbao handles to the loop. An
/// ending signal also starts the grace period, after which the thread
/// restores the terminal and exits by itself.
fn watch_signals(sender: Sender<Msg>) -> io::Result<()> {
    let ending = ending();
    let mut signals = Signals::new(ending.iter().copied().chain([SIGTSTP]))?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            // The loop has ended and the process is on its way out.
            if sender.send(Msg::Signal(signal)).is_err() {
                return;
            }
            if ending.contains(&signal) {
                std::thread::spawn(move || {
                    std::thread::sleep(GRACE);
                    restore();
                    std::process::exit(128 + signal);
                });
            }
        }
    });
    Ok(())
}

/// Ctrl-z or SIGTSTP, as less and vim do it: the terminal restored, the
/// process stopped; when the shell continues it (`fg`), the terminal is
/// taken back and redrawn.
/// The terminal's part of the effects; a suspend notes the size the
/// terminal came back with (it may have changed meanwhile).
struct TerminalScreen<'a> {
    terminal: &'a mut ratatui::DefaultTerminal,
    resized: Option<(u16, u16)>,
}

impl Screen for TerminalScreen<'_> {
    fn copy(&mut self, text: &str) -> Result<(), String> {
        execute!(stdout(), CopyToClipboard::to_clipboard_from(text)).map_err(|e| e.to_string())
    }

    fn suspend(&mut self) -> Result<(), String> {
        suspend(self.terminal).map_err(|e| e.to_string())?;
        let size = self.terminal.size().map_err(|e| e.to_string())?;
        self.resized = Some((size.width, size.height));
        Ok(())
    }
}

fn suspend(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    restore();
    // Stops the process as SIGTSTP's default action would; returns on SIGCONT.
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    // The terminal is taken back by hand: a new ratatui terminal would ask
    // for the cursor's position, and the input thread would read the reply.
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        crossterm::cursor::Hide,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    // ratatui draws what changed since its last frame: a blank frame makes
    // the next one draw every cell on the cleared screen.
    terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))?;
    Ok(())
}
