//! CLI entry: parse arguments, pick the command, map errors to exit codes (0 ok, 2 bad input).

use std::io::IsTerminal;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;

use repaydash::cli::{Cli, Command};
use repaydash::i18n::Lang;
use repaydash::knowledge::{self, Policies};
use repaydash::report::{self, Context};
use repaydash::store::{self, Loaded, Source};

/// A failure that ends the program with exit code 2 and this message on stderr.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Failure(msg)) => {
            eprintln!("repaydash: {msg}");
            ExitCode::from(2)
        }
    }
}

fn today(cli: &Cli) -> NaiveDate {
    cli.today
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// `--lang`, else the file's setting, else the locale, else Chinese.
fn lang(cli: &Cli, loaded: Option<&Loaded>) -> Lang {
    cli.lang
        .map(Lang::from)
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

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let builtin = knowledge::builtin_policies()?;
    let today = today(&cli);
    let source = store::locate(cli.file.as_deref());

    if let Some(Command::Init) = &cli.command {
        let path = match &source {
            Source::File(p) => p.clone(),
            Source::Demo => store::default_path().ok_or_else(|| {
                Failure("no home directory to put the file in; use --file".into())
            })?,
        };
        store::init(&path)?;
        println!("{}", path.display());
        return Ok(ExitCode::SUCCESS);
    }

    let loaded = store::load(&source, &builtin, today)?;
    let path_label = source.label();
    if !matches!(cli.command, Some(Command::Validate)) {
        for w in &loaded.warnings {
            eprintln!("warning: {}", w.render(&path_label));
        }
    }
    if cli.command.is_none() && std::io::stdout().is_terminal() {
        return dashboard(&cli, loaded, builtin, today, &source);
    }
    let policies = Policies::new(&builtin, &loaded.portfolio.platforms);
    let ctx = Context {
        portfolio: &loaded.portfolio,
        policies: &policies,
        today,
        lang: lang(&cli, Some(&loaded)),
    };

    match &cli.command {
        None | Some(Command::Check { json: false }) => {
            if source == Source::Demo {
                eprintln!(
                    "{}",
                    ctx.lang.t(
                        "（演示数据：还没有你自己的文件。运行 `repaydash init` 创建一个。）",
                        "(Demo data: you have no file yet. Run `repaydash init` to create one.)"
                    )
                );
            }
            print!("{}", report::check::text(&ctx));
        }
        Some(Command::Check { json: true }) => println!("{}", report::check::json(&ctx)),
        Some(Command::Schedule { id, json }) => {
            let loan = find_loan(&ctx, id)?;
            let view = ctx.view(loan);
            if *json {
                println!("{}", report::schedule::json(&view));
            } else {
                print!("{}", report::schedule::text(&ctx, &view));
            }
        }
        Some(Command::Validate) => {
            for w in &loaded.warnings {
                println!("warning: {}", w.render(&path_label));
            }
            println!(
                "{path_label}: ok, {} {}",
                loaded.portfolio.loans.len(),
                ctx.lang.t("笔借款", "loans")
            );
        }
        Some(Command::Init) => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// The interactive dashboard; when stdout is not a terminal, `run` prints `check` instead.
fn dashboard(
    cli: &Cli,
    loaded: Loaded,
    builtin: Vec<repaydash::model::Policy>,
    today: NaiveDate,
    source: &Source,
) -> Result<ExitCode, Failure> {
    let lang = lang(cli, Some(&loaded));
    let first_warning = loaded.warnings.first().map(|w| w.render(&source.label()));
    let mut app = repaydash::tui::App::new(loaded, builtin, today, lang);
    app.status = first_warning;
    let file = match source {
        Source::File(p) => Some(p.as_path()),
        Source::Demo => None,
    };
    repaydash::tui::run::run_terminal(app, file)?;
    Ok(ExitCode::SUCCESS)
}

fn find_loan<'a>(ctx: &Context<'a>, id: &str) -> Result<&'a repaydash::model::Loan, Failure> {
    ctx.portfolio.loan(id).ok_or_else(|| {
        let ids: Vec<&str> = ctx.portfolio.loans.iter().map(|l| l.id.as_str()).collect();
        Failure(format!(
            "no loan with id {id:?}; expected one of: {}",
            if ids.is_empty() {
                "(none)".to_string()
            } else {
                ids.join(", ")
            }
        ))
    })
}
