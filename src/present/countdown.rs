//! The countdown to emergency contacts, with its one wording rule: where it stands is decided once
//! (`Countdown::of`), and every face words it from that: `words` for a table cell, a status line
//! or the list, `sentence` for the dashboard's header. A loan that is late gets an alarm; a loan
//! that is not late gets a condition ("if missed: contacts 13 Dec"), because nothing has
//! happened yet and paying on time prevents it.

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::snapshot::LoanFacts;
use crate::dates;
use crate::engine::{Escalation, Ledger, LoanStatus};
use crate::i18n::{Lang, en_count};
use crate::model::StageKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Countdown {
    /// Paid off, not yet drawn, or no emergency-contact stage: nothing to count.
    #[default]
    None,
    /// Not late: contacts may come from `contact` only if the installment due on `due` is missed.
    IfMissed { due: NaiveDate, contact: NaiveDate },
    /// Late; contacts may be called in `days` (at least 1) days, on `date`.
    Ahead { days: i64, date: NaiveDate },
    /// Late; contacts may be called from today.
    Today { date: NaiveDate },
    /// Late; contacts may have been called for `days` days, since `date`.
    Passed { days: i64, date: NaiveDate },
}

impl Countdown {
    pub fn of(ledger: &Ledger, e: &Escalation, not_drawn: bool) -> Countdown {
        if not_drawn || ledger.status.is_closed() {
            return Countdown::None;
        }
        let (Some(d), Some(date)) = (e.days_until_emergency_contact, e.emergency_contact_date)
        else {
            return Countdown::None;
        };
        if ledger.status != LoanStatus::Overdue {
            return match e.anchor {
                Some(due) => Countdown::IfMissed { due, contact: date },
                None => Countdown::None,
            };
        }
        match d {
            d if d > 0 => Countdown::Ahead { days: d, date },
            0 => Countdown::Today { date },
            d => Countdown::Passed { days: -d, date },
        }
    }

    /// Late, with a contact day: the alarm (⚠, status colours) rather than the calm condition.
    pub fn is_alarm(self) -> bool {
        matches!(
            self,
            Countdown::Ahead { .. } | Countdown::Today { .. } | Countdown::Passed { .. }
        )
    }

    /// The few words every face shows for the countdown (a `check` cell, `status`, the line
    /// after a write, the dashboard's list); empty for `None`.
    pub fn words(self, lang: Lang, today: NaiveDate) -> String {
        match (self, lang) {
            (Countdown::None, _) => String::new(),
            (Countdown::IfMissed { contact, .. }, Lang::Zh) => {
                format!("若未还：{} 起联系人", dates::day(lang, contact, today))
            }
            (Countdown::IfMissed { contact, .. }, Lang::En) => {
                format!("if missed: contacts {}", dates::day(lang, contact, today))
            }
            (Countdown::Ahead { days: 1, .. }, Lang::Zh) => "紧急联系人 明天".into(),
            (Countdown::Ahead { days: 1, .. }, Lang::En) => "contacts tomorrow".into(),
            (Countdown::Ahead { days, .. }, Lang::Zh) => format!("紧急联系人 {days} 天后"),
            (Countdown::Ahead { days, .. }, Lang::En) => format!("contacts in {days} days"),
            (Countdown::Today { .. }, Lang::Zh) => "紧急联系人 今天起".into(),
            (Countdown::Today { .. }, Lang::En) => "contacts from today".into(),
            (Countdown::Passed { .. }, Lang::Zh) => "紧急联系人 可能已联系".into(),
            (Countdown::Passed { .. }, Lang::En) => "contacts may be called".into(),
        }
    }

    /// The list's cell: the words with the date when they fit `width`, else the words, else a
    /// shorter form.
    pub fn fitted_words(self, lang: Lang, today: NaiveDate, width: usize) -> String {
        let words = self.words(lang, today);
        let options: Vec<String> = match (self, lang) {
            (Countdown::None, _) => vec![],
            (Countdown::IfMissed { contact, .. }, _) => {
                let on = dates::day(lang, contact, today);
                match lang {
                    Lang::Zh => vec![words, format!("若未还 {on}◆")],
                    Lang::En => vec![words, format!("if missed: ◆ {on}")],
                }
            }
            (Countdown::Ahead { days, date }, _) => {
                let on = dates::day(lang, date, today);
                match lang {
                    Lang::Zh => vec![
                        format!("{words}（{on}）"),
                        words,
                        format!("联系人 {days}天后"),
                    ],
                    Lang::En => vec![
                        format!("{words} ({on})"),
                        words,
                        format!("contacts in {days}d"),
                    ],
                }
            }
            _ => vec![words],
        };
        options
            .iter()
            .find(|o| o.width() <= width)
            .or(options.last())
            .cloned()
            .unwrap_or_default()
    }
}

/// Late loans get the alarm (⚠, status colours); the others a calm condition.
pub fn is_alarm(e: &LoanFacts) -> bool {
    e.countdown.is_alarm()
}

/// The credit-report day, when it is still ahead and nearer than the emergency-contact day
/// (or that day has passed): the nearer threat the header names as well.
pub fn credit_first(e: &LoanFacts, today: NaiveDate) -> Option<NaiveDate> {
    let credit = e
        .escalation
        .milestones
        .iter()
        .find(|m| m.kind == StageKind::CreditReport)?
        .date
        .filter(|d| *d > today)?;
    match e.escalation.emergency_contact_date {
        Some(c) if c > today && c <= credit => None,
        _ => Some(credit),
    }
}

/// The header's sentence about one loan, or None when it has no contact day to count to.
/// `dated` adds the dates (left out when the line is too narrow).
pub fn sentence(lang: Lang, e: &LoanFacts, today: NaiveDate, dated: bool) -> Option<String> {
    // A loan with neither name nor product would be called only by its platform: add its id.
    let name = &if e.name == e.platform {
        format!("{} ({})", e.label, e.platform)
    } else {
        e.name.clone()
    };
    let mut s = match e.countdown {
        Countdown::None => return None,
        Countdown::IfMissed { due, contact } => {
            let due = dates::day(lang, due, today);
            let on = dates::day(lang, contact, today);
            let d = (contact - today).num_days();
            return Some(match (lang, dated) {
                (Lang::Zh, true) => format!("{name}：若 {due} 未还，{on} 起可能联系紧急联系人"),
                (Lang::Zh, false) => format!("{name}：若 {due} 未还，{d} 天后可能联系紧急联系人"),
                (Lang::En, true) => format!(
                    "{name}: if {due} is missed, emergency contacts may be called from {on}"
                ),
                (Lang::En, false) => format!("{name}: if {due} is missed, contacts from {on}"),
            });
        }
        Countdown::Ahead { days: d, date } => {
            let on = dates::day(lang, date, today);
            match (lang, d, dated) {
                (Lang::Zh, d, true) => format!("{name}：{d} 天后（{on}）可能联系紧急联系人"),
                (Lang::Zh, d, false) => format!("{name}：{d} 天后可能联系紧急联系人"),
                (Lang::En, 1, _) => format!("{name}: emergency contacts may be called tomorrow"),
                (Lang::En, d, true) => {
                    format!("{name}: emergency contacts may be called in {d} days ({on})")
                }
                (Lang::En, d, false) => {
                    format!("{name}: emergency contacts may be called in {d} days")
                }
            }
        }
        Countdown::Today { .. } => match lang {
            Lang::Zh => format!("{name}：今天起可能联系紧急联系人"),
            Lang::En => format!("{name}: emergency contacts may be called from today"),
        },
        Countdown::Passed { days: n, date } => {
            let on = dates::day(lang, date, today);
            match (lang, dated) {
                (Lang::Zh, true) => format!("{name}：{on} 起可能已在联系紧急联系人（已 {n} 天）"),
                (Lang::Zh, false) => format!("{name}：可能已在联系紧急联系人（已 {n} 天）"),
                (Lang::En, true) => {
                    format!(
                        "{name}: emergency contacts may already be called, since {on} ({})",
                        en_count(n, "day", "days")
                    )
                }
                (Lang::En, false) => {
                    format!(
                        "{name}: emergency contacts may already be called, for {}",
                        en_count(n, "day", "days")
                    )
                }
            }
        }
    };
    if let Some(credit) = credit_first(e, today) {
        let n = (credit - today).num_days();
        // Another platform's day used as an estimate is marked ≈, as in the detail.
        let approx = e
            .escalation
            .milestones
            .iter()
            .find(|m| m.kind == StageKind::CreditReport)
            .map(|m| super::stage::mark(m.basis))
            .unwrap_or_default();
        let on = dates::day(lang, credit, today);
        s += &match (lang, dated) {
            (Lang::Zh, true) => format!("；{approx}{n} 天后可能上报征信（{approx}{on}）"),
            (Lang::Zh, false) => format!("；{approx}{n} 天后可能上报征信"),
            (Lang::En, true) => {
                format!(
                    "; credit report possible in {approx}{} ({approx}{on})",
                    en_count(n, "day", "days")
                )
            }
            (Lang::En, false) => format!("; credit report in {approx}{n}d"),
        };
    }
    Some(s)
}

/// The sentence with its dates when it fits `width` columns, else without.
pub fn fitted(lang: Lang, e: &LoanFacts, today: NaiveDate, width: usize) -> Option<String> {
    let full = sentence(lang, e, today, true)?;
    if full.width() <= width {
        Some(full)
    } else {
        sentence(lang, e, today, false)
    }
}

/// When a loan not yet drawn on the day shown will be: the list, the detail and the advice say
/// it in these words.
pub fn drawn_on(lang: Lang, day: NaiveDate, today: NaiveDate) -> String {
    let on = dates::day(lang, day, today);
    match lang {
        Lang::Zh => format!("{on} 借出"),
        Lang::En => format!("drawn on {on}"),
    }
}

/// The list's few words on the countdown, the longest wording that fits `width` columns.
pub fn short(lang: Lang, e: &LoanFacts, today: NaiveDate, width: usize) -> String {
    if let Some(s) = e.starts {
        return drawn_on(lang, s, today);
    }
    e.countdown.fitted_words(lang, today, width)
}
