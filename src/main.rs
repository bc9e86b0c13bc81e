//! CLI entry: parse arguments, pick the command, map errors to exit codes (0 ok, 1 the terminal
//! or the disk failed, 2 bad input: a bad file, argument or value).

use std::io::IsTerminal;
use std::process::ExitCode;

use chrono::{NaiveDate, Timelike};

use repaydash::clean::clean;
use repaydash::cli::{Cli, Command, ExportCommand, FailOn};
use repaydash::engine::{self, LoanStatus};
use repaydash::i18n::{Lang, Text, phrases as ph};
use repaydash::input::{self, InputError};
use repaydash::knowledge::Policies;
use repaydash::model::{LogEntry, Policy};
use repaydash::present::recorded;
use repaydash::report::{self, Context};
use repaydash::store::write::{self, Edit};
use repaydash::store::{self, Loaded, Source};

mod cmd_loansin;

/// A failure that ends the program: its message (shown in the user's language) and exit code.
pub(crate) struct Failure {
    message: Text,
    code: u8,
}

impl Failure {
    /// Exit 2: the user's file, argument or value is at fault.
    pub(crate) fn bad(message: Text) -> Self {
        Failure { message, code: 2 }
    }
}

impl From<Text> for Failure {
    fn from(message: Text) -> Self {
        Failure::bad(message)
    }
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Self {
        Failure::bad(e.text())
    }
}

impl From<report::notice::NoticeError> for Failure {
    fn from(e: report::notice::NoticeError) -> Self {
        match e {
            report::notice::NoticeError::NoSuchContact(message) => Failure::bad(message),
        }
    }
}

impl From<store::LoadError> for Failure {
    fn from(e: store::LoadError) -> Self {
        Failure::bad(e.text())
    }
}

impl From<write::WriteError> for Failure {
    fn from(e: write::WriteError) -> Self {
        // A disk that fails is not the user's mistake.
        let code = if e.kind == write::ErrorKind::Io { 1 } else { 2 };
        Failure {
            message: e.message,
            code,
        }
    }
}

fn main() -> ExitCode {
    restore_sigpipe();
    // The help is in the language asked for on the command line, else the locale's (the file is
    // not read before the arguments are).
    let help_lang = help_lang(std::env::args());
    let parsed = repaydash::cli::command(help_lang)
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let early = lang(&cli, None);
    match run(cli) {
        Ok(code) => code,
        Err((Failure { message, code }, lang)) => {
            eprintln!("repaydash: {}", clean(message.get(lang.unwrap_or(early))));
            ExitCode::from(code)
        }
    }
}

/// `--lang zh|en` (or `--lang=…`) among the arguments, else the locale, else Chinese: the
/// language of `--help`.
fn help_lang(args: impl Iterator<Item = String>) -> Lang {
    let args: Vec<String> = args.collect();
    let given = args.iter().enumerate().find_map(|(i, a)| {
        if a == "--lang" {
            args.get(i + 1).cloned()
        } else {
            a.strip_prefix("--lang=").map(str::to_string)
        }
    });
    given
        .and_then(|v| Lang::from_locale(&v))
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|k| std::env::var(k).ok())
                .find(|v| !v.is_empty())
                .and_then(|v| Lang::from_locale(&v))
        })
        .unwrap_or_default()
}

/// Rust ignores SIGPIPE, which turns `repaydash check | head` into a panic on the next print.
/// Restoring the default makes a closed pipe end the program quietly, as it does for other tools.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn today(cli: &Cli) -> Result<NaiveDate, Failure> {
    match &cli.today {
        Some(s) => arg("--today", input::date(s)),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

/// A typed value from the command line, its error naming the option it was given to.
fn arg<T>(name: &str, r: Result<T, InputError>) -> Result<T, Failure> {
    r.map_err(|e| Failure::bad(ph::for_argument(name, &e.text())))
}

/// A command's JSON on stdout. A value that cannot be serialised is the program's failure, not
/// the user's: it is said on stderr with exit 1, and stdout gets nothing a script could take for
/// the answer.
fn print_json(json: Result<String, serde_json::Error>) -> Result<(), Failure> {
    let text = json.map_err(json_failed)?;
    println!("{text}");
    Ok(())
}

fn json_failed(e: serde_json::Error) -> Failure {
    Failure {
        message: ph::output_failed(e),
        code: 1,
    }
}

/// An optional `--date`, else today.
fn date_or(given: Option<&str>, today: NaiveDate) -> Result<NaiveDate, Failure> {
    given.map_or(Ok(today), |s| arg("--date", input::date(s)))
}

/// `--lang`, else the file's setting, else the locale, else Chinese.
pub(crate) fn lang(cli: &Cli, loaded: Option<&Loaded>) -> Lang {
    cli.lang
        .or_else(|| loaded.and_then(|l| l.portfolio.settings.lang))
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|k| std::env::var(k).ok())
                .find(|v| !v.is_empty())
                .and_then(|v| Lang::from_locale(&v))
        })
        .unwrap_or_default()
}

/// Run the command; on failure, also the language the file asked for when it was read.
fn run(cli: Cli) -> Result<ExitCode, (Failure, Option<Lang>)> {
    let mut file_lang = None;
    run_in(&cli, &mut file_lang).map_err(|f| {
        // A write refused before or after reading the file (an unknown id, a busy lock, an
        // extension that does not fit) still speaks the file's language, as `schedule` does.
        let lang = file_lang.or_else(|| file_lang_of(&cli));
        (f, lang)
    })
}

/// The language rule (`lang`) with the file's setting, when the file can be read.
fn file_lang_of(cli: &Cli) -> Option<Lang> {
    let Source::File(path) = store::locate(cli.file.as_deref()) else {
        return None;
    };
    let builtin = store::builtin_policies().ok()?;
    let today = chrono::Local::now().date_naive();
    let loaded = store::load(&Source::File(path), &builtin, today).ok()?;
    Some(lang(cli, Some(&loaded)))
}

fn run_in(cli: &Cli, file_lang: &mut Option<Lang>) -> Result<ExitCode, Failure> {
    let builtin = store::builtin_policies().map_err(|e| Failure::bad(Text::same(e.to_string())))?;
    let today = today(cli)?;
    let source = store::locate(cli.file.as_deref());

    if let Some(Command::Init) = &cli.command {
        return cmd_loansin::init(cli, &source, today);
    }
    if let Some(Command::Completions { shell }) = &cli.command {
        return cmd_loansin::completions(*shell);
    }
    if let Some(Command::Man) = &cli.command {
        return cmd_loansin::man();
    }
    if let Some(Command::Archive { id } | Command::Unarchive { id }) = &cli.command {
        let on = matches!(cli.command, Some(Command::Archive { .. }));
        return cmd_loansin::archive(cli, &builtin, &source, id, on);
    }
    if let Some(Command::Edit { id }) = &cli.command {
        return cmd_loansin::edit(cli, &builtin, &source, id.as_deref(), today);
    }
    if let Some(Command::Add(args)) = &cli.command {
        return cmd_loansin::add_loan(cli, args, &builtin, &source, today);
    }
    if let Some(Command::Pay {
        id,
        through: Some(n),
        ..
    }) = &cli.command
    {
        return cmd_loansin::pay_through(cli, &builtin, &source, id, *n, today);
    }

    // A write reads the file itself, under the file's lock: loading it here first would parse it
    // once more for nothing.
    if let Some(edit) = edit_of(cli, today)? {
        return record(cli, &builtin, &source, &edit, today, file_lang);
    }
    if let Some(Command::Undo) = &cli.command {
        return undo(cli, &builtin, &source, file_lang);
    }

    let mut loaded = store::load(&source, &builtin, today)?;
    // Archived loans leave every output but `check --all` and the commands that name a loan.
    if matches!(
        cli.command,
        None | Some(Command::Check { all: false, .. })
            | Some(Command::Status)
            | Some(Command::Plan { .. })
            | Some(Command::Export { .. })
    ) {
        loaded.portfolio.drop_archived();
    }
    *file_lang = Some(lang(cli, Some(&loaded)));
    let path_label = source.label();
    let warning = |w: &store::Diagnostic| {
        ph::warning(&w.text(&path_label))
            .get(lang(cli, Some(&loaded)))
            .to_string()
    };
    if !matches!(cli.command, Some(Command::Validate)) {
        for w in &loaded.warnings {
            eprintln!("{}", clean(&warning(w)));
        }
    }
    if cli.command.is_none() && std::io::stdout().is_terminal() {
        return dashboard(cli, loaded, builtin, today, &source);
    }
    let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
    let ctx = Context {
        portfolio: &loaded.portfolio,
        policies: &policies,
        today,
        lang: lang(cli, Some(&loaded)),
    };

    match &cli.command {
        None | Some(Command::Check { json: false, .. }) => {
            if source == Source::Demo {
                let init = repaydash::launch::command("init");
                eprintln!("{}", ph::demo_no_file(&init).get(ctx.lang));
            }
            out(&report::check::text_fit(&ctx, check_width()));
        }
        Some(Command::Check { json: true, .. }) => print_json(report::check::json(&ctx))?,
        Some(Command::Schedule { id, json }) => {
            let loan = find_loan(&ctx, id)?;
            let view = ctx.view(loan);
            if *json {
                print_json(report::schedule::json(&view))?;
            } else {
                out(&report::schedule::text(&ctx, &view));
            }
        }
        Some(Command::Advice { id, json }) => {
            let loan = find_loan(&ctx, id)?;
            let view = ctx.view(loan);
            let panels = report::advice::panels(&ctx, &view, &ctx.proposal(&view))
                .map_err(|e| Failure::bad(Text::same(e.to_string())))?;
            if *json {
                print_json(report::advice::json(&panels))?;
            } else {
                out(&report::advice::text(
                    &ctx,
                    &view,
                    &panels,
                    terminal_width(),
                ));
            }
        }
        Some(Command::Validate) => {
            for w in &loaded.warnings {
                out(&format!("{}\n", warning(w)));
            }
            let n = loaded.portfolio.loans.len();
            let count = ctx.lang.count("main.validate.loans", n as i64);
            out(&format!("{path_label}: ok, {count}\n"));
        }
        Some(Command::Init) => {}
        Some(Command::Plan {
            cash,
            json,
            strategy,
        }) => {
            let plan = report::plan::compute(
                &ctx,
                arg("--cash", input::amount(cash))?,
                (*strategy).into(),
            );
            if *json {
                print_json(report::plan::json(&ctx, &plan))?;
            } else {
                out(&report::plan::text(&ctx, &plan));
            }
        }
        Some(Command::Export {
            what: ExportCommand::Ics { days },
        }) => {
            // Streamed: the calendar of a large file is never held in memory whole.
            let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            // Not the user's input at fault: exit 1, as for a failing disk.
            report::ics::write(&ctx, *days, out).map_err(|e| Failure {
                message: ph::output_failed(e),
                code: 1,
            })?;
        }
        // The demo's fake debts have no place in a real prompt.
        Some(Command::Status) if source == Source::Demo => {}
        Some(Command::Status) => {
            let line = report::status::line(&ctx);
            if !line.is_empty() {
                out(&format!("{line}\n"));
            }
        }
        Some(Command::Notice { id, contact }) => {
            let loan = find_loan(&ctx, id)?;
            let view = ctx.view(loan);
            out(&report::notice::text(&ctx, &view, contact.as_deref())?);
        }
        Some(Command::Complaint { id, from, to, json }) => {
            let loan = find_loan(&ctx, id)?;
            let view = ctx.view(loan);
            let to = match to {
                Some(s) => arg("--to", input::date(s))?,
                None => today,
            };
            let from = match from {
                Some(s) => arg("--from", input::date(s))?,
                None => engine::complaint::default_from(loan, to),
            };
            if from > to {
                return Err(Failure::bad(ph::from_after_to(from, to)));
            }
            let summary = engine::complaint::summarize(loan, from, to);
            if *json {
                print_json(report::complaint::json(&summary))?;
            } else {
                out(&report::complaint::text(&ctx, &view, &summary));
            }
        }
        Some(Command::Letter { id, reason, kind }) => {
            let loan = find_loan(&ctx, id)?;
            let view = ctx.view(loan);
            let kind = letter_kind(*kind);
            let negotiation = kind == repaydash::present::outcome::LetterKind::Negotiation;
            let text = if negotiation
                && !repaydash::present::outcome::LetterKind::fitting(&view.ledger).contains(&kind)
                && view.ledger.status == LoanStatus::InAgreement
            {
                repaydash::i18n::outcome::no_negotiation_while_kept()
                    .get(ctx.lang)
                    .to_string()
            } else {
                repaydash::present::outcome::letter(&ctx, &view, kind, reason.as_deref())
            };
            out(&format!("{text}\n"));
            let blank = |r: Option<&str>| r.is_none_or(|r| r.trim().is_empty());
            if negotiation && blank(reason.as_deref()) && blank(loan.hardship.as_deref()) {
                eprintln!("{}", ph::letter_reason_hint().get(ctx.lang));
            }
        }
        Some(
            Command::Pay { .. }
            | Command::Log { .. }
            | Command::Extend { .. }
            | Command::Undo
            | Command::Agree { .. }
            | Command::Promise { .. }
            | Command::Settle { .. },
        ) => {}
        Some(
            Command::Add(_)
            | Command::Completions { .. }
            | Command::Man
            | Command::Archive { .. }
            | Command::Edit { .. }
            | Command::Unarchive { .. },
        ) => {}
    }
    if let Some(Command::Check {
        fail_on: Some(state),
        ..
    }) = &cli.command
    {
        let hit = ctx.views().iter().any(|v| match state {
            FailOn::Overdue => v.ledger.status == LoanStatus::Overdue,
            // A loan in an agreement is due soon when its next agreement payment is.
            FailOn::DueSoon => {
                matches!(v.ledger.status, LoanStatus::Overdue | LoanStatus::DueSoon)
                    || (v.ledger.status == LoanStatus::InAgreement
                        && v.ledger
                            .days_until_due
                            .is_some_and(|d| d <= i64::from(ctx.portfolio.settings.alert_days)))
            }
        });
        if hit {
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every non-JSON output goes through here: text from the file never reaches the terminal with
/// control characters in it.
pub(crate) fn out(text: &str) {
    print!("{}", clean(text));
}

/// `$COLUMNS` when the shell exports it, else 80: only the dashboard asks the terminal itself.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| (report::advice::MIN_WIDTH..=400).contains(w))
        .unwrap_or(report::advice::DEFAULT_WIDTH)
}

/// The width `check` fits its table to: `$COLUMNS` when set, else the terminal's when stdout is
/// one; piped without `$COLUMNS`, None (the full table, for a file or another program).
fn check_width() -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w > 0);
    columns.or_else(|| {
        std::io::stdout()
            .is_terminal()
            .then(|| ratatui::crossterm::terminal::size().ok())
            .flatten()
            .map(|(w, _)| usize::from(w))
            .filter(|w| *w > 0)
    })
}

/// The interactive dashboard; when stdout is not a terminal, `run` prints `check` instead.
fn dashboard(
    cli: &Cli,
    loaded: Loaded,
    builtin: Vec<repaydash::model::Policy>,
    today: NaiveDate,
    source: &Source,
) -> Result<ExitCode, Failure> {
    // The language and sort last chosen in the dashboard, unless --lang says otherwise.
    let ui_path = repaydash::tui::effects::ui_path();
    let ui = ui_path
        .as_deref()
        .map(repaydash::tui::effects::load_ui)
        .unwrap_or_default();
    let lang = match (cli.lang, ui.lang) {
        (None, Some(l)) => l,
        _ => lang(cli, Some(&loaded)),
    };
    let mut app = repaydash::tui::App::new(loaded, builtin, today, lang);
    if let Some(s) = ui.sort {
        app.set_sort(s);
    }
    app.ui_state = ui_path;
    // Load warnings are counted in the footer and listed behind `!` (all of them, not the first).
    app.init_command = repaydash::launch::command("init");
    repaydash::tui::effects::watch_perms(&mut app);
    let file = match source {
        Source::File(p) => Some(p.as_path()),
        Source::Demo => None,
    };
    // The terminal failing is not the user's mistake: exit 1, not 2.
    repaydash::tui::run::run_terminal(app, file).map_err(|e| Failure {
        message: ph::terminal_failed(&e),
        code: 1,
    })?;
    Ok(ExitCode::SUCCESS)
}

fn find_loan<'a>(ctx: &Context<'a>, id: &str) -> Result<&'a repaydash::model::Loan, Failure> {
    ctx.portfolio.loan(id).ok_or_else(|| {
        let ids: Vec<&str> = ctx.portfolio.loans.iter().map(|l| l.id.as_str()).collect();
        Failure::bad(ph::no_loan_with_id(id, &ids))
    })
}

/// The edit a recording command asks for; None for the other commands.
fn edit_of(cli: &Cli, today: NaiveDate) -> Result<Option<Edit>, Failure> {
    Ok(Some(match &cli.command {
        Some(Command::Pay {
            id,
            amount,
            date,
            penalty: true,
            ..
        }) => Edit::PayPenalty {
            id: id.clone(),
            date: date_or(date.as_deref(), today)?,
            amount: input::amount(
                amount
                    .as_deref()
                    .ok_or_else(|| Failure::bad(repaydash::i18n::loansin::amount_or_through()))?,
            )?,
        },
        Some(Command::Pay {
            id, amount, date, ..
        }) => Edit::Pay {
            id: id.clone(),
            date: date_or(date.as_deref(), today)?,
            amount: input::amount(
                amount
                    .as_deref()
                    .ok_or_else(|| Failure::bad(repaydash::i18n::loansin::amount_or_through()))?,
            )?,
        },
        Some(Command::Agree {
            id,
            from,
            months,
            amount,
            total,
            date,
            stop_interest,
            waive_penalty,
            reference,
            text,
        }) => Edit::Agree {
            id: id.clone(),
            agreement: repaydash::model::Agreement {
                date: date_or(date.as_deref(), today)?,
                from: arg("--from", input::date(from))?,
                months: *months,
                amount: input::amount(amount)?,
                total: total.as_deref().map(input::amount).transpose()?,
                stop_interest: *stop_interest,
                waive_penalty: *waive_penalty,
                reference: reference.clone().filter(|r| !r.trim().is_empty()),
                text: text.clone().filter(|r| !r.trim().is_empty()),
            },
        },
        Some(Command::Promise {
            id,
            amount,
            by,
            date,
            to,
            text,
        }) => Edit::Promise {
            id: id.clone(),
            promise: repaydash::model::Promise {
                date: date_or(date.as_deref(), today)?,
                by: arg("--by", input::date(by))?,
                amount: input::amount(amount)?,
                to: to.clone().filter(|r| !r.trim().is_empty()),
                text: text.clone().filter(|r| !r.trim().is_empty()),
            },
        },
        Some(Command::Settle {
            id,
            amount,
            date,
            reference,
        }) => Edit::Settle {
            id: id.clone(),
            settlement: repaydash::model::Settlement {
                date: date_or(date.as_deref(), today)?,
                amount: input::amount(amount)?,
                reference: reference.clone().filter(|r| !r.trim().is_empty()),
            },
        },
        Some(Command::Log {
            id,
            kind,
            text,
            date,
            time,
            who,
            channel,
            caller,
            flags,
        }) => Edit::Log {
            id: id.clone(),
            entry: LogEntry {
                date: date_or(date.as_deref(), today)?,
                time: match time.as_deref() {
                    Some(t) if t.trim().eq_ignore_ascii_case("now") => Some(now_to_the_second()),
                    Some(t) => Some(arg("--time", input::time(t))?),
                    None => None,
                },
                kind: input::log_kind(kind)?,
                who: who.clone().filter(|w| !w.trim().is_empty()),
                channel: channel.as_deref().map(input::channel).transpose()?,
                caller: caller.clone().filter(|c| !c.trim().is_empty()),
                flags: flags
                    .as_deref()
                    .map(input::flags)
                    .transpose()?
                    .unwrap_or_default(),
                text: text.clone(),
            },
        },
        Some(Command::Extend {
            id,
            installment,
            to,
        }) => Edit::Extend {
            id: id.clone(),
            installment: *installment,
            due: arg("--to", input::date(to))?,
        },
        _ => return Ok(None),
    }))
}

/// The clock's time of day, without the fraction a TOML time would carry.
fn now_to_the_second() -> chrono::NaiveTime {
    let t = chrono::Local::now().time();
    chrono::NaiveTime::from_hms_opt(t.hour(), t.minute(), t.second()).unwrap_or(t)
}

/// `pay`, `log`, `extend`: write the entry, then print the loan's new status.
fn record(
    cli: &Cli,
    builtin: &[Policy],
    source: &Source,
    edit: &Edit,
    today: NaiveDate,
    file_lang: &mut Option<Lang>,
) -> Result<ExitCode, Failure> {
    let done = write::apply_at(source, None, builtin, edit, today)?;
    let lang = lang(cli, Some(&done.loaded));
    *file_lang = Some(lang);
    for w in &done.loaded.warnings {
        eprintln!("{}", clean(ph::warning(&w.text(&source.label())).get(lang)));
    }
    if let Source::File(p) = source
        && let Some(w) = store::perms::warning(p, lang)
    {
        eprintln!("{}", clean(&w));
    }
    let policies = Policies::new(builtin, &done.loaded.portfolio.platforms);
    let ctx = Context {
        portfolio: &done.loaded.portfolio,
        policies: &policies,
        today,
        lang,
    };
    let loan = find_loan(&ctx, edit.id())?;
    // A name that is none of the loan's contacts is written as given (it may be someone the
    // lender called), but said, with the names the loan has, in case it is a typo.
    if let Edit::Log { entry, .. } = edit
        && let Some(who) = entry.contact()
        && !loan.contacts.iter().any(|c| c.name.trim() == who)
    {
        let names: Vec<&str> = loan.contacts.iter().map(|c| c.name.as_str()).collect();
        eprintln!(
            "{}",
            clean(repaydash::i18n::trust::who_not_a_contact(who, &names).get(lang))
        );
    }
    let cur = &ctx.portfolio.settings.currency;
    let mut text = format!(
        "{}{}{}{}{}{}\n",
        recorded::what(lang, edit, cur),
        lang.tr("main.previous_file_kept_as"),
        done.backup.display(),
        lang.tr("main.open"),
        ph::undo_hint(&repaydash::launch::command("undo")).get(lang),
        lang.tr("main.close"),
    );
    if let Some(f) = ctx.snapshot().loan(edit.id()) {
        text.push_str(&format!(
            "{} {}\n",
            f.id,
            recorded::after(lang, f, cur, today)
        ));
        if f.ledger.status == LoanStatus::PaidOff {
            let archive = repaydash::launch::command(&format!("archive {}", f.id));
            let offer = repaydash::i18n::loansin::paid_off_offer_archive(&f.id, &archive);
            text.push_str(&format!("{}\n", offer.get(lang)));
        }
    }
    // What a recorded outcome asks of the borrower next.
    match edit {
        Edit::Settle { .. } => {
            text.insert_str(
                0,
                &format!(
                    "{}\n",
                    repaydash::i18n::outcome::settle_in_writing_first().get(lang)
                ),
            );
        }
        Edit::Agree { agreement, .. } if agreement.reference.is_none() => {
            text.push_str(repaydash::i18n::outcome::agreement_without_ref().get(lang));
            text.push('\n');
        }
        _ => {}
    }
    out(&text);
    Ok(ExitCode::SUCCESS)
}

/// `undo`: put FILE.bak back and say what that took out (or put back).
fn undo(
    cli: &Cli,
    builtin: &[Policy],
    source: &Source,
    file_lang: &mut Option<Lang>,
) -> Result<ExitCode, Failure> {
    let done = store::undo::undo(source, builtin)?;
    let lang = lang(cli, Some(&done.loaded));
    *file_lang = Some(lang);
    let mut text = format!("{}\n", ph::undid_last_write(&source.label()).get(lang));
    for l in done.describe(lang) {
        text.push_str(&l);
        text.push('\n');
    }
    text.push_str(
        ph::undo_kept_as(
            &done.backup.display().to_string(),
            &repaydash::launch::command("undo"),
        )
        .get(lang),
    );
    text.push('\n');
    out(&text);
    Ok(ExitCode::SUCCESS)
}

fn letter_kind(k: repaydash::cli::LetterKindArg) -> repaydash::present::outcome::LetterKind {
    use repaydash::cli::LetterKindArg;
    use repaydash::present::outcome::LetterKind;
    match k {
        LetterKindArg::Negotiation => LetterKind::Negotiation,
        LetterKindArg::SettlementProof => LetterKind::SettlementProof,
        LetterKindArg::Dispute => LetterKind::Dispute,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_that_cannot_be_serialised_is_a_failure_with_exit_1_not_an_answer() {
        // serde_json refuses a map whose keys are not strings.
        let map = std::collections::BTreeMap::from([((1, 2), 3)]);
        let e = serde_json::to_string(&map).unwrap_err();
        let Err(f) = print_json(Err(e)) else {
            panic!("a failed serialisation printed an answer");
        };
        assert_eq!(f.code, 1);
        assert_eq!(
            f.message.get(Lang::En),
            "writing the output failed: key must be a string"
        );
        assert_eq!(
            f.message.get(Lang::Zh),
            "写出结果失败：key must be a string"
        );
    }
}
