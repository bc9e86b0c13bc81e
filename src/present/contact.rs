//! Where a loan stands against its emergency-contact day, decided once (`Countdown::of`), and
//! the few words every face shows for it. Below the snapshot, which holds one per loan; the
//! header's longer sentences about a loan are in `countdown`.

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use crate::dates;
use crate::engine::{Escalation, Ledger, LoanStatus};
use crate::i18n::Lang;

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
        match self {
            Countdown::None => String::new(),
            Countdown::IfMissed { contact, .. } => lang.trf(
                "present.contact.if_missed",
                &[("on", &dates::day(lang, contact, today))],
            ),
            Countdown::Ahead { days: 1, .. } => lang.tr("present.contact.tomorrow").into(),
            Countdown::Ahead { days, .. } => {
                lang.trf("present.contact.in_days", &[("days", &days)])
            }
            Countdown::Today { .. } => lang.tr("present.contact.today").into(),
            Countdown::Passed { .. } => lang.tr("present.contact.passed").into(),
        }
    }

    /// The list's cell: the words with the date when they fit `width`, else the words, else a
    /// shorter form.
    pub fn fitted_words(self, lang: Lang, today: NaiveDate, width: usize) -> String {
        let words = self.words(lang, today);
        let options: Vec<String> = match self {
            Countdown::None => vec![],
            Countdown::IfMissed { contact, .. } => {
                let on = dates::day(lang, contact, today);
                vec![
                    words,
                    lang.trf("present.contact.if_missed_short", &[("on", &on)]),
                ]
            }
            Countdown::Ahead { days, date } => {
                let on = dates::day(lang, date, today);
                vec![
                    lang.trf(
                        "present.contact.with_date",
                        &[("words", &words), ("on", &on)],
                    ),
                    words,
                    lang.trf("present.contact.in_days_short", &[("days", &days)]),
                ]
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
