//! `--help` in any language but English (whose words are the doc comments in `cli.rs`): the about line of each command (`[cli.about]`, keyed by the command's
//! path: `repaydash` for repaydash itself, `"export ics"`) and the help of each argument
//! (`[cli.arg.<path>]` by the argument's id, its field name in `cli.rs`; `[cli.arg.any]` for an
//! argument every command shares). The English is the doc comments in `cli.rs`; the English
//! catalogue holds the same words so that both languages keep the same keys.

use super::Lang;
use super::catalogue::find;

/// A command's one-line description.
pub fn about(lang: Lang, path: &str) -> Option<&'static str> {
    let name = if path.is_empty() { "repaydash" } else { path };
    find(lang, &format!("cli.about.{name}"))
}

/// An argument's help: the command's own, else the one every command shares.
pub fn arg(lang: Lang, path: &str, id: &str) -> Option<&'static str> {
    find(lang, &format!("cli.arg.{path}.{id}")).or_else(|| find(lang, &format!("cli.arg.any.{id}")))
}

/// The headings clap prints.
pub fn usage(lang: Lang) -> &'static str {
    lang.tr("cli.heading.usage")
}
pub fn commands(lang: Lang) -> &'static str {
    lang.tr("cli.heading.commands")
}
pub fn arguments(lang: Lang) -> &'static str {
    lang.tr("cli.heading.arguments")
}
pub fn options(lang: Lang) -> &'static str {
    lang.tr("cli.heading.options")
}
/// clap's own `help` command.
pub fn help_command(lang: Lang) -> &'static str {
    lang.tr("cli.heading.help_command")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogue::{CATALOGUES, Catalogue};

    /// `(path, argument ids)` of every command clap knows.
    fn commands(cmd: &clap::Command, path: &str, out: &mut Vec<(String, Vec<String>)>) {
        let ids = cmd
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        out.push((path.to_string(), ids));
        for sub in cmd.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            commands(sub, &sub_path, out);
        }
    }

    /// The keys are built from a command's path, so no scan of the code can check them: every
    /// `cli.about` and `cli.arg` key must name a command and an argument that exist.
    #[test]
    fn every_help_key_names_a_command_and_an_argument_clap_has() {
        let (_, path, src) = CATALOGUES[0];
        let catalogue = Catalogue::parse(src, path).unwrap();
        let mut cmd = crate::cli::command(Lang::En);
        cmd.build();
        let mut all = vec![];
        commands(&cmd, "", &mut all);
        let mut stale = vec![];
        for key in catalogue.keys() {
            if let Some(name) = key.strip_prefix("cli.about.") {
                let path = if name == "repaydash" { "" } else { name };
                if !all.iter().any(|(p, _)| p == path) {
                    stale.push(key);
                }
            } else if let Some(rest) = key.strip_prefix("cli.arg.") {
                let (path, id) = rest.rsplit_once('.').unwrap_or_default();
                let known = all
                    .iter()
                    .any(|(p, ids)| (path == "any" || p == path) && ids.iter().any(|i| i == id));
                if !known {
                    stale.push(key);
                }
            }
        }
        assert!(stale.is_empty(), "keys naming nothing: {stale:?}");
        assert_eq!(
            about(Lang::Zh, ""),
            Some("还款看板：应还多少、逾期多久、距离催收各阶段还有几天。")
        );
        assert_eq!(
            arg(Lang::Zh, "export ics", "days"),
            Some("往后多少天（默认 90）")
        );
        assert_eq!(arg(Lang::Zh, "add", "id"), find(Lang::Zh, "cli.arg.add.id"));
        assert_eq!(arg(Lang::Zh, "pay", "id"), find(Lang::Zh, "cli.arg.any.id"));
        assert_eq!(arg(Lang::Zh, "pay", "nothing"), None);
        assert_eq!(about(Lang::Zh, "help"), None);
    }
}
