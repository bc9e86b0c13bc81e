//! The only module that touches the user's loans file: find it, read it, validate it with
//! `line:col`, and (in `write`) change it safely.

pub mod add;
pub mod atomic;
pub mod change;
pub mod diag;
pub mod guard;
mod held;
pub mod lock;
pub mod overpaid;
pub mod perms;
pub mod schema;
pub mod segment;
pub mod undo;
pub mod write;
pub mod write_error;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use diag::Diagnostic;

use crate::i18n::{Lang, Text, phrases as ph};
use crate::knowledge::PLATFORMS_TOML;
use crate::model::{Policy, Portfolio};

/// The built-in platform asset failed the checks a user's `[platforms.*]` tables meet. The asset
/// is part of the program: a broken one fails the tests, and at run time is an error rather than
/// a panic.
#[derive(Debug, Clone, thiserror::Error)]
#[error("built-in platform policies are broken:\n{}", rendered(.0))]
pub struct BrokenAsset(pub Vec<Diagnostic>);

fn rendered(diags: &[Diagnostic]) -> String {
    let lines: Vec<String> = diags
        .iter()
        .map(|d| d.render("assets/platforms.toml"))
        .collect();
    lines.join("\n")
}

/// The built-in policies (`knowledge::PLATFORMS_TOML`), read by the same parser as the user's.
pub fn builtin_policies() -> Result<Vec<Policy>, BrokenAsset> {
    schema::parse_platforms(PLATFORMS_TOML, false).map_err(BrokenAsset)
}

/// The demo portfolio, written as if today were `DEMO_ANCHOR`; shifted to the real today on load.
pub const DEMO: &str = include_str!("../../data/sample.toml");
pub const TEMPLATE: &str = include_str!("../../assets/template.toml");
pub const DEMO_ANCHOR: (i32, u32, u32) = (2026, 11, 23);
pub const ENV_FILE: &str = "REPAYDASH_FILE";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    /// No file anywhere: the embedded demo, read-only.
    Demo,
}

impl Source {
    pub fn label(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Demo => "demo".to_string(),
        }
    }
}

/// Why the loans file could not be used. Shown in English by `Display`, in the reader's
/// language by `render_in`.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{}", self.render_in(Lang::En))]
    Io { path: String, message: Text },
    /// The file was read and has problems; every one is listed.
    #[error("{}", self.render_in(Lang::En))]
    Invalid {
        path: String,
        diagnostics: Vec<Diagnostic>,
    },
}

impl LoadError {
    pub fn render(&self) -> String {
        self.render_in(Lang::En)
    }

    /// One line per problem, each `path:line:col: message`.
    pub fn render_in(&self, lang: Lang) -> String {
        match self {
            LoadError::Io { path, message } => format!("{path}: {}", message.get(lang)),
            LoadError::Invalid { path, diagnostics } => diagnostics
                .iter()
                .map(|d| d.render_in(path, lang))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// Both languages at once, for a caller that shows it later.
    pub fn text(&self) -> Text {
        Text::by_lang(|lang| self.render_in(lang))
    }
}

#[derive(Debug, Clone)]
pub struct Loaded {
    pub portfolio: Portfolio,
    pub source: Source,
    pub warnings: Vec<Diagnostic>,
    /// What the file held when it was read, so a write can tell whether it changed since.
    pub read: Option<ReadStamp>,
}

/// A fingerprint of the bytes read: their length and a hash (mtimes can be too coarse to trust).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadStamp {
    pub len: u64,
    pub hash: u64,
}

impl ReadStamp {
    pub fn of(bytes: &[u8]) -> ReadStamp {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut h);
        ReadStamp {
            len: bytes.len() as u64,
            hash: h.finish(),
        }
    }
}

/// `~/.config/repaydash/loans.toml` on Linux (the platform's config dir elsewhere).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "repaydash").map(|d| d.config_dir().join("loans.toml"))
}

/// `--file`, else `$REPAYDASH_FILE`, else the default path if a file is there, else the demo.
pub fn locate(cli_file: Option<&Path>) -> Source {
    if let Some(p) = cli_file {
        return Source::File(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(ENV_FILE).filter(|p| !p.is_empty()) {
        return Source::File(PathBuf::from(p));
    }
    match default_path() {
        Some(p) if p.exists() => Source::File(p),
        _ => Source::Demo,
    }
}

/// The largest loans file read: far beyond any real portfolio (100,000 loans take about 40 MB),
/// small enough that a wrong path never eats the machine's memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What a loans file must be before anything reads it or creates a file beside it: a regular
/// file of at most `MAX_FILE_BYTES`. A FIFO or a device is refused before it is opened (opening a
/// FIFO would wait for a writer; /dev/zero never ends).
pub fn check_file(path: &Path) -> Result<std::fs::Metadata, LoadError> {
    let shown = path.display().to_string();
    let fail = |message| LoadError::Io {
        path: shown.clone(),
        message,
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        fail(match e.kind() {
            std::io::ErrorKind::NotFound => ph::no_such_file(&crate::launch::command("init")),
            _ => ph::cannot_read(e),
        })
    })?;
    if meta.is_dir() {
        return Err(fail(ph::is_directory()));
    }
    if !meta.is_file() {
        return Err(fail(ph::not_regular_file()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(ph::file_too_large()));
    }
    Ok(meta)
}

/// The bytes of a regular file of at most `MAX_FILE_BYTES` (`check_file`'s rules).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    check_file(path)?;
    let file = std::fs::File::open(path).map_err(|e| cannot_read(path, e))?;
    read_open(path, file)
}

fn cannot_read(path: &Path, e: std::io::Error) -> LoadError {
    LoadError::Io {
        path: path.display().to_string(),
        message: ph::cannot_read(e),
    }
}

/// The bytes of an opened file, held to `MAX_FILE_BYTES` even when it grows while it is read.
pub(crate) fn read_open(path: &Path, file: std::fs::File) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let meta = file.metadata().map_err(|e| cannot_read(path, e))?;
    // Checked again on what was opened: the path may have been replaced since `check_file`.
    if !meta.is_file() {
        return Err(LoadError::Io {
            path: path.display().to_string(),
            message: ph::not_regular_file(),
        });
    }
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_FILE_BYTES) as usize);
    (&file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::Io {
            path: path.display().to_string(),
            message: ph::file_too_large(),
        });
    }
    Ok(bytes)
}

/// Read a file as UTF-8 text; a byte that is not UTF-8 is reported at its line and column.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    text_of(path, read_bytes(path)?)
}

/// The bytes read from `path` as UTF-8 text, or where they stop being UTF-8.
fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    let shown = path.display().to_string();
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..good]).into_owned();
        let (line, col) = diag::LineIndex::new(&text).position(text.len());
        LoadError::Invalid {
            path: shown,
            diagnostics: vec![Diagnostic {
                line,
                col,
                key: String::new(),
                message: ph::not_utf8(),
            }],
        }
    })
}

/// Parse loans-file text; `path` only names the file in messages.
pub fn parse(text: &str, path: &str, builtin: &[Policy]) -> Result<Loaded, LoadError> {
    schema::parse_portfolio(text, builtin)
        .map(|p| Loaded {
            portfolio: p.portfolio,
            source: Source::File(PathBuf::from(path)),
            warnings: p.warnings,
            read: Some(ReadStamp::of(text.as_bytes())),
        })
        .map_err(|diagnostics| LoadError::Invalid {
            path: path.to_string(),
            diagnostics,
        })
}

/// Load the portfolio from its source. The demo's dates are moved so that it looks, on `today`,
/// as it did on the day it was written.
pub fn load(source: &Source, builtin: &[Policy], today: NaiveDate) -> Result<Loaded, LoadError> {
    match source {
        Source::File(path) => {
            let text = read_text(path)?;
            parse(&text, &path.display().to_string(), builtin)
        }
        Source::Demo => {
            let mut loaded = parse(DEMO, "demo", builtin)?;
            let (y, m, d) = DEMO_ANCHOR;
            if let Some(anchor) = NaiveDate::from_ymd_opt(y, m, d) {
                loaded.portfolio.shift_dates((today - anchor).num_days());
            }
            loaded.source = Source::Demo;
            loaded.read = None;
            Ok(loaded)
        }
    }
}

/// Read the file again for a dashboard that shows what `known` stamped, and parse it only when its
/// bytes differ: `Ok(None)` when they are the same (an editor's save without a change, `touch`, the
/// watcher seeing a write the dashboard made itself), so such an event costs one read and one hash
/// instead of a parse of the whole file. The demo, which has no stamp, is always loaded.
pub fn reload(
    source: &Source,
    builtin: &[Policy],
    today: NaiveDate,
    known: Option<ReadStamp>,
) -> Result<Option<Loaded>, LoadError> {
    match (source, known) {
        (Source::File(path), Some(known)) => {
            let bytes = read_bytes(path)?;
            if ReadStamp::of(&bytes) == known {
                return Ok(None);
            }
            let text = text_of(path, bytes)?;
            parse(&text, &path.display().to_string(), builtin).map(Some)
        }
        _ => load(source, builtin, today).map(Some),
    }
}

/// Write the commented template to `path`; never over an existing file.
pub fn init(path: &Path) -> Result<(), Text> {
    let shown = path.display().to_string();
    if path.exists() {
        return Err(ph::already_exists(&shown));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| ph::io_error(&dir.display().to_string(), e))?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    // Private from the first byte: it will hold debts and other people's phone numbers.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(path).map_err(|e| ph::io_error(&shown, e))?;
    std::io::Write::write_all(&mut f, TEMPLATE.as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(|e| ph::io_error(&shown, e))
}
