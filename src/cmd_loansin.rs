//! The commands that get loans in and keep them current: `add`, `pay --through`, `init`'s next
//! steps. They write through `store::add`, as `pay` writes through `store::write`.

use std::io::IsTerminal;
use std::process::ExitCode;

use chrono::NaiveDate;

use repaydash::cli::{AddArgs, Cli};
use repaydash::i18n::{Lang, loansin as lt, phrases as ph};
use repaydash::intake::{self, prompt};
use repaydash::knowledge::Policies;
use repaydash::model::Policy;
use repaydash::present::preview::Preview;
use repaydash::report::Context;
use repaydash::store::{self, Source, add};

use super::{Failure, lang, out};

/// `init`: the dated template, then what to do next.
pub fn init(cli: &Cli, source: &Source, today: NaiveDate) -> Result<ExitCode, Failure> {
    let path = match source {
        Source::File(p) => p.clone(),
        Source::Demo => store::default_path().ok_or_else(|| Failure::bad(ph::no_home_dir()))?,
    };
    add::init_on(&path, today)?;
    let lang = lang(cli, None);
    let shown = path.display().to_string();
    let next = lt::init_wrote(
        &shown,
        &repaydash::launch::command("add"),
        repaydash::launch::command("").trim_end(),
    );
    out(&format!("{}\n", next.get(lang)));
    Ok(ExitCode::SUCCESS)
}

/// The file `add` writes to: the one found, else the default path (a first loan creates it).
fn target(source: &Source) -> Result<Source, Failure> {
    match source {
        Source::File(_) => Ok(source.clone()),
        Source::Demo => store::default_path()
            .map(Source::File)
            .ok_or_else(|| Failure::bad(ph::no_home_dir())),
    }
}

/// `add`: by flags, or (on a terminal, for whatever the flags leave out) one question a step.
pub fn add_loan(
    cli: &Cli,
    args: &AddArgs,
    builtin: &[Policy],
    source: &Source,
    today: NaiveDate,
) -> Result<ExitCode, Failure> {
    let source = target(source)?;
    // The file as it is, for its ids, platforms, currency and language (none yet: empty).
    let loaded = match &source {
        Source::File(p) if !p.exists() => None,
        s => Some(store::load(s, builtin, today)?),
    };
    let lang = lang(cli, loaded.as_ref());
    let portfolio = loaded
        .as_ref()
        .map(|l| l.portfolio.clone())
        .unwrap_or_default();
    let missing = intake::missing(args);
    let new = if missing.is_empty() {
        intake::from_flags(args)?
    } else if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        let setting = prompt::Setting {
            lang,
            builtin,
            portfolio: &portfolio,
            today,
        };
        prompt::run(&mut prompt::Prompts { lang }, args, &setting)?
    } else if args_empty(args) && piped_answers() {
        // Answers piped in, one a line: the same questions without a terminal.
        let setting = prompt::Setting {
            lang,
            builtin,
            portfolio: &portfolio,
            today,
        };
        let mut ask = prompt::Lines {
            input: std::io::stdin().lock(),
            output: std::io::stderr(),
            lang,
        };
        prompt::run(&mut ask, args, &setting)?
    } else {
        return Err(Failure::bad(lt::missing_flags(&missing)));
    };
    let model = intake::check(&new, builtin, &portfolio.platforms)?;
    let done = add::add(&source, builtin, &new, today)?;
    let loaded = &done.recorded.loaded;
    let lang = lang_after(cli, loaded, lang);
    warn(loaded, &source, lang);
    let policies = Policies::new(builtin, &loaded.portfolio.platforms);
    let ctx = Context {
        portfolio: &loaded.portfolio,
        policies: &policies,
        today,
        lang,
    };
    let loan = loaded.portfolio.loan(&done.id).unwrap_or(&model);
    let name = ctx.display_name(loan);
    let mut text = format!(
        "{}\n",
        lt::added(
            &done.id,
            &name,
            &source.label(),
            &done.recorded.backup.display().to_string(),
            &repaydash::launch::command("undo"),
        )
        .get(lang)
    );
    for line in Preview::of(loan, today).lines(&name, lang, &ctx.portfolio.settings.currency) {
        text.push_str(&line);
        text.push('\n');
    }
    if let Some(n) = new.paid_through {
        text.push_str(lt::added_paid(n).get(lang));
        text.push('\n');
    }
    if let Some(f) = ctx.snapshot().loan(&done.id) {
        text.push_str(&format!(
            "{} {}\n",
            f.id,
            repaydash::present::recorded::after(lang, f, &ctx.portfolio.settings.currency, today)
        ));
    }
    out(&text);
    Ok(ExitCode::SUCCESS)
}

/// Answers piped in (stdin is not a terminal and holds something): `add` reads them one a line.
fn piped_answers() -> bool {
    use std::io::BufRead;
    let stdin = std::io::stdin();
    !stdin.is_terminal() && stdin.lock().fill_buf().is_ok_and(|b| !b.is_empty())
}

fn args_empty(a: &AddArgs) -> bool {
    a.platform.is_none()
        && a.principal.is_none()
        && a.method.is_none()
        && a.bill.is_empty()
        && a.term.is_none()
        && a.start.is_none()
}

fn lang_after(cli: &Cli, loaded: &store::Loaded, before: Lang) -> Lang {
    if cli.lang.is_some() || loaded.portfolio.settings.lang.is_some() {
        lang(cli, Some(loaded))
    } else {
        before
    }
}

/// `pay ID --through N`.
pub fn pay_through(
    cli: &Cli,
    builtin: &[Policy],
    source: &Source,
    id: &str,
    n: u32,
    today: NaiveDate,
) -> Result<ExitCode, Failure> {
    let (done, paid) = add::pay_through(source, builtin, id, n, today)?;
    let lang = lang(cli, Some(&done.loaded));
    warn(&done.loaded, source, lang);
    let policies = Policies::new(builtin, &done.loaded.portfolio.platforms);
    let ctx = Context {
        portfolio: &done.loaded.portfolio,
        policies: &policies,
        today,
        lang,
    };
    let cur = &ctx.portfolio.settings.currency;
    let total: rust_decimal::Decimal = paid.iter().map(|p| p.amount).sum();
    let mut text = format!(
        "{}\n",
        lt::through_recorded(
            paid.len(),
            &format!("{cur}{}", repaydash::money::grouped(total)),
            &done.backup.display().to_string(),
            &repaydash::launch::command("undo"),
        )
        .get(lang)
    );
    if let Some(f) = ctx.snapshot().loan(id) {
        text.push_str(&format!(
            "{} {}\n",
            f.id,
            repaydash::present::recorded::after(lang, f, cur, today)
        ));
    }
    out(&text);
    Ok(ExitCode::SUCCESS)
}

/// The file's warnings after a write, as `pay` shows them.
fn warn(loaded: &store::Loaded, source: &Source, lang: Lang) {
    for w in &loaded.warnings {
        eprintln!(
            "{}",
            repaydash::clean::clean(ph::warning(&w.text(&source.label())).get(lang))
        );
    }
}

/// `completions SHELL`: the completion script for the shell, from the same definitions `--help` uses.
pub fn completions(shell: repaydash::cli::ShellArg) -> Result<ExitCode, Failure> {
    use clap::CommandFactory;
    use clap_complete::Shell;
    use repaydash::cli::ShellArg;
    let shell = match shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
        ShellArg::Powershell => Shell::PowerShell,
    };
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "repaydash", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}

/// `man`: the manual page (options, and a line for each command).
pub fn man() -> Result<ExitCode, Failure> {
    use clap::CommandFactory;
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Failure::bad(ph::output_failed(e)))?;
    use std::io::Write;
    std::io::stdout()
        .write_all(&page)
        .map_err(|e| Failure::bad(ph::output_failed(e)))?;
    Ok(ExitCode::SUCCESS)
}

/// `archive ID` / `unarchive ID`.
pub fn archive(
    cli: &Cli,
    builtin: &[Policy],
    source: &Source,
    id: &str,
    on: bool,
) -> Result<ExitCode, Failure> {
    let done = add::set_archived(source, builtin, id, on)?;
    let lang = lang(cli, Some(&done.loaded));
    warn(&done.loaded, source, lang);
    let backup = done.backup.display().to_string();
    let undo = repaydash::launch::command("undo");
    let said = if on {
        lt::archived(id, &backup, &undo)
    } else {
        lt::unarchived(id, &backup, &undo)
    };
    out(&format!("{}\n", said.get(lang)));
    Ok(ExitCode::SUCCESS)
}

/// `edit [ID]`: the editor at the loan's line (`+LINE`, which vi, vim, nano, emacs and most
/// others read), then the file checked as `validate` checks it.
pub fn edit(
    cli: &Cli,
    builtin: &[Policy],
    source: &Source,
    id: Option<&str>,
    today: NaiveDate,
) -> Result<ExitCode, Failure> {
    let path = match source {
        Source::File(p) => p.clone(),
        Source::Demo => {
            return Err(Failure::bad(ph::demo_read_only(
                &repaydash::launch::command("init"),
            )));
        }
    };
    let text = store::read_text(&path)?;
    let line = match add::edit_line(&text, id, builtin) {
        Some(l) => l,
        None => {
            let ids: Vec<String> = store::parse(&text, &path.display().to_string(), builtin)
                .map(|l| l.portfolio.loans.iter().map(|l| l.id.clone()).collect())
                .unwrap_or_default();
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            return Err(Failure::bad(ph::no_loan_with_id(
                id.unwrap_or_default(),
                &ids,
            )));
        }
    };
    let editor = repaydash::editor::command();
    let status = repaydash::editor::open(&path, line)
        .map_err(|e| Failure::bad(lt::editor_failed(&editor, e)))?;
    if !status.success() {
        return Err(Failure::bad(lt::editor_failed(&editor, status)));
    }
    let shown = path.display().to_string();
    match store::load(source, builtin, today) {
        Ok(loaded) => {
            let lang = lang(cli, Some(&loaded));
            warn(&loaded, source, lang);
            out(&format!(
                "{}\n",
                lt::edit_ok(&shown, loaded.portfolio.loans.len()).get(lang)
            ));
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let lang = lang(cli, None);
            eprintln!("{}", repaydash::clean::clean(&e.render_in(lang)));
            Err(Failure::bad(lt::edit_left_problems(
                &shown,
                &repaydash::launch::command("edit"),
            )))
        }
    }
}
