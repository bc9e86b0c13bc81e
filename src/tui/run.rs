//! The event loop, generic over ratatui's Backend so tests drive it on a TestBackend, and the
//! terminal set-up for the real thing: one channel fed by a thread blocked on terminal input and
//! by a file watcher, waited on until the next local midnight. Idle, nothing runs.

use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use super::app::App;
use super::effects::dispatch;
use super::keys;
use super::msg::Msg;
use super::views::{MIN_HEIGHT, MIN_WIDTH};

#[derive(Debug)]
pub enum Event {
    Term(event::Event),
    FileChanged,
    /// SIGTERM or SIGHUP (`kill`, a closed terminal window): quit as `q` does, so the terminal
    /// is restored on the way out.
    Terminate,
}

/// How long the file must stay untouched after a change before it is read: an editor that saves
/// in place truncates the file and then writes it, and the empty file in between is not what the
/// user saved.
pub const SETTLE: Duration = Duration::from_millis(300);

/// Handle one event; a file change is not read here but (re)starts the wait in `settle_at`.
fn handle(app: &mut App, ev: Event, too_small: bool, settle_at: &mut Option<Instant>) {
    let msg = match ev {
        Event::Term(e) if too_small => keys::event_when_too_small(app.views.kind(), &e),
        Event::Term(e) => keys::event_in(app.views.kind(), &e),
        Event::FileChanged => {
            *settle_at = Some(Instant::now() + SETTLE);
            None
        }
        Event::Terminate => Some(Msg::Quit),
    };
    if let Some(m) = msg {
        dispatch(app, m);
    }
}

/// The terminal is below the size the dashboard draws in (it shows "terminal too small").
fn too_small<B: Backend>(terminal: &Terminal<B>) -> bool {
    terminal
        .size()
        .is_ok_and(|s| s.width < MIN_WIDTH || s.height < MIN_HEIGHT)
}

/// Time from `now` to the next local midnight (plus a moment, so the date has surely turned).
pub fn until_midnight(now: NaiveDateTime) -> Duration {
    let next = now
        .date()
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 1))
        .unwrap_or(now + chrono::Duration::hours(24));
    (next - now).to_std().unwrap_or(Duration::from_secs(60))
}

/// Draw, then wait for an event or midnight; until the app quits or every sender is gone.
/// Text the app asks to copy is dropped: see [`run_copying`].
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    rx: &Receiver<Event>,
    clock: &dyn Fn() -> NaiveDateTime,
) -> Result<(), B::Error> {
    run_copying(terminal, app, rx, clock, &mut |_| {})
}

/// `run`, handing every text the app asks to copy (`y`) to `copy` before the next frame.
pub fn run_copying<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    rx: &Receiver<Event>,
    clock: &dyn Fn() -> NaiveDateTime,
    copy: &mut dyn FnMut(&str),
) -> Result<(), B::Error> {
    run_editing(terminal, app, rx, clock, copy, &mut |_, _, _| {})
}

/// `run_copying`, handing the terminal to `edit` when the app asks for the editor (`E`): it
/// gives the file and line, and the app reloads when `edit` returns.
pub fn run_editing<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    rx: &Receiver<Event>,
    clock: &dyn Fn() -> NaiveDateTime,
    copy: &mut dyn FnMut(&str),
    edit: &mut dyn FnMut(&mut Terminal<B>, &Path, usize),
) -> Result<(), B::Error> {
    let mut seen: NaiveDate = clock().date();
    // A file change waits here until the file has been quiet for `SETTLE`.
    let mut settle_at: Option<Instant> = None;
    loop {
        if let Some(text) = app.clipboard.take() {
            copy(&text);
        }
        // A fading notice ("reloaded") starts its time now, or goes if its time is up.
        dispatch(app, Msg::Tick(Instant::now()));
        let area = terminal.draw(|f| super::views::draw(f, app))?.area;
        // Mouse positions are matched against this frame's layout.
        app.screen = area;
        if app.quit {
            return Ok(());
        }
        // The fading notice's end is the only timer besides midnight, and only while such a
        // notice is on screen, so idle the loop still sleeps.
        let mut wait = until_midnight(clock());
        if let Some(at) = app.notice_goes_at() {
            wait = wait.min(at.saturating_duration_since(Instant::now()));
        }
        if let Some(at) = settle_at {
            wait = wait.min(at.saturating_duration_since(Instant::now()));
        }
        match rx.recv_timeout(wait) {
            Ok(ev) => {
                // Take everything already waiting (a burst of file events, a held key) before
                // drawing again.
                handle(app, ev, too_small(terminal), &mut settle_at);
                while !app.quit
                    && let Ok(ev) = rx.try_recv()
                {
                    handle(app, ev, too_small(terminal), &mut settle_at);
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            // The watcher may still have a change waiting to be read.
            Err(RecvTimeoutError::Disconnected) if settle_at.is_none() => return Ok(()),
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(settle_at.map_or(Duration::ZERO, |at| {
                    at.saturating_duration_since(Instant::now())
                }));
            }
        }
        if settle_at.is_some_and(|at| Instant::now() >= at) {
            settle_at = None;
            dispatch(app, Msg::FileChanged);
        }
        if let Some((path, line)) = app.editor_request.take() {
            edit(terminal, &path, line);
            dispatch(app, Msg::EditorReturned);
        }
        let now = clock().date();
        if now != seen {
            dispatch(app, Msg::DaysPassed((now - seen).num_days()));
            seen = now;
        }
    }
}

/// Watch the directory that holds `file` (editors often replace a file rather than write it in
/// place) and report changes to that file.
fn watch(file: &Path, tx: Sender<Event>) -> notify::Result<notify::RecommendedWatcher> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let dir = file
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| ".".into());
    let name = file.file_name().map(|n| n.to_os_string());
    let mut w = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res
            && matches!(
                ev.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            )
            && ev.paths.iter().any(|p| p.file_name() == name.as_deref())
        {
            let _ = tx.send(Event::FileChanged);
        }
    })?;
    w.watch(&dir, RecursiveMode::NonRecursive)?;
    Ok(w)
}

/// SIGTERM and SIGHUP become an `Event::Terminate` instead of ending the process on the spot
/// with the terminal still raw, on the alternate screen and capturing the mouse.
fn on_terminate(tx: Sender<Event>) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) {
            std::thread::spawn(move || {
                for _ in signals.forever() {
                    if tx.send(Event::Terminate).is_err() {
                        break;
                    }
                }
            });
        }
    }
    #[cfg(not(unix))]
    drop(tx);
}

/// Run the dashboard in the real terminal. The terminal is restored on quit, on error, and (by
/// ratatui's panic hook, which restores before printing) on panic.
pub fn run_terminal(mut app: App, file: Option<&Path>) -> std::io::Result<()> {
    let (tx, rx) = channel();
    let input_tx = tx.clone();
    let gate = Gate::default();
    let input_gate = gate.clone();
    std::thread::spawn(move || {
        loop {
            // While the editor has the terminal, nothing here reads it (a key read here would
            // be lost to the editor).
            if input_gate.hold() {
                continue;
            }
            match event::poll(Gate::POLL) {
                Ok(true) => match event::read() {
                    Ok(ev) => {
                        if input_tx.send(Event::Term(ev)).is_err() {
                            break;
                        }
                    }
                    Err(_) => break,
                },
                Ok(false) => {}
                Err(_) => break,
            }
        }
    });
    // Without a watcher the dashboard still works; `r` reloads by hand.
    let _watcher = file.and_then(|f| watch(f, tx.clone()).ok());
    on_terminate(tx.clone());
    drop(tx);

    let mut terminal = ratatui::try_init()?;
    // Mouse capture and bracketed paste are switched off again by the panic hook below and
    // after the loop.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            std::io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste
        );
        hook(info);
    }));
    // Bracketed paste: a pasted amount or note arrives as one event, not as keys (a pasted
    // line break would otherwise submit a form).
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    // OSC 52 goes to the same terminal ratatui draws on; terminals (and tmux with
    // `set-clipboard on`, and SSH, which passes it through) put the text on the clipboard.
    let mut copy = |text: &str| {
        use std::io::Write;
        let mut out = std::io::stdout();
        let _ = out.write_all(osc52(text).as_bytes());
        let _ = out.flush();
    };
    let mut edit = |terminal: &mut ratatui::DefaultTerminal, path: &Path, line: usize| {
        use ratatui::crossterm::terminal::{
            EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
        };
        gate.close();
        let _ = execute!(
            std::io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            LeaveAlternateScreen
        );
        let _ = disable_raw_mode();
        // What the editor says when it fails is on the terminal it was given; the reload says
        // what the file holds.
        let _ = crate::editor::open(path, line);
        let _ = enable_raw_mode();
        let _ = execute!(
            std::io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        );
        // A blank frame, so the next one is drawn whole on the fresh screen. (`Terminal::clear`
        // would ask the terminal where its cursor is and wait for an answer nothing reads.)
        let _ = execute!(
            std::io::stdout(),
            ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
        );
        let _ = terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()));
        gate.open();
    };
    let result = run_editing(
        &mut terminal,
        &mut app,
        &rx,
        &|| chrono::Local::now().naive_local(),
        &mut copy,
        &mut edit,
    );
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
    result
}

/// Stops the input thread from reading the terminal while the editor has it: `close` returns
/// once the thread is no longer polling; `open` lets it go on.
#[derive(Clone, Default)]
struct Gate(std::sync::Arc<(std::sync::atomic::AtomicBool, std::sync::atomic::AtomicBool)>);

impl Gate {
    /// How long the input thread waits for input before looking at the gate again: idle, it
    /// wakes twice a second and does nothing.
    const POLL: Duration = Duration::from_millis(500);

    /// In the input thread: true (after a short sleep) while the gate is closed.
    fn hold(&self) -> bool {
        use std::sync::atomic::Ordering::SeqCst;
        let (closed, parked) = &*self.0;
        if closed.load(SeqCst) {
            parked.store(true, SeqCst);
            std::thread::sleep(Duration::from_millis(20));
            true
        } else {
            parked.store(false, SeqCst);
            false
        }
    }

    fn close(&self) {
        use std::sync::atomic::Ordering::SeqCst;
        let (closed, parked) = &*self.0;
        parked.store(false, SeqCst);
        closed.store(true, SeqCst);
        let start = Instant::now();
        while !parked.load(SeqCst) && start.elapsed() < Self::POLL * 3 {
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn open(&self) {
        self.0.0.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard. The text is
/// cleaned as the screen is (`clean`): a paste must not carry an escape, a bell or a bidi
/// override from the user's file into wherever it is pasted.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(crate::clean::clean(text).as_bytes())
    )
}
