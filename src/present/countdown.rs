//! The countdown to emergency contacts, with its one wording rule: where it stands is decided once
//! (`Countdown::of`), and every face words it from that: `words` for a table cell, a status line
//! or the list (both in `contact`, below the snapshot), `sentence` for the dashboard's header. A loan that is late gets an alarm; a loan
//! that is not late gets a condition ("if missed: contacts 13 Dec"), because nothing has
//! happened yet and paying on time prevents it.

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

pub use super::contact::Countdown;
use super::snapshot::LoanFacts;
use crate::dates;
use crate::engine::{Escalation, Ledger, LoanStatus};
use crate::i18n::Lang;
use crate::model::StageKind;

/// The title over a loan's stages in the dashboard's detail: for a loan not late every stage is
/// conditional, as the list's "if missed" says, so the title says on what ("If 6 Dec is missed").
pub fn stages_title(lang: Lang, ledger: &Ledger, e: &Escalation, today: NaiveDate) -> String {
    match e.anchor.filter(|_| ledger.status != LoanStatus::Overdue) {
        Some(due) => {
            let day = dates::day(lang, due, today);
            lang.trf("present.countdown.if_day_missed_stages", &[("day", &day)])
        }
        None => lang.tr("present.countdown.stages_estimates").to_string(),
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
            if dated {
                return Some(lang.trf(
                    "present.countdown.header.if_missed_dated",
                    &[("name", &name), ("due", &due), ("on", &on)],
                ));
            }
            // Without room for both dates, a language says either the days left or the day.
            let when = if lang.tr("present.countdown.header.if_missed_says") == "date" {
                on
            } else {
                (contact - today).num_days().to_string()
            };
            return Some(lang.trf(
                "present.countdown.header.if_missed",
                &[("name", &name), ("due", &due), ("when", &when)],
            ));
        }
        Countdown::Ahead { days: d, date } => {
            // A language whose "tomorrow" says the day already gives no date after it.
            let at = if !dated
                || (d == 1 && lang.tr("present.countdown.header.tomorrow_dated") != "yes")
            {
                String::new()
            } else {
                let on = dates::day(lang, date, today);
                lang.trf("present.countdown.header.at", &[("on", &on)])
            };
            lang.countf(
                "present.countdown.header.ahead",
                d,
                &[("name", &name), ("at", &at)],
            )
        }
        Countdown::Today { .. } => lang.trf(
            "present.countdown.name_emergency_contacts_may",
            &[("name", &name)],
        ),
        Countdown::Passed { days: n, date } => {
            if dated {
                let on = dates::day(lang, date, today);
                lang.countf(
                    "present.countdown.header.passed_dated",
                    n,
                    &[("name", &name), ("on", &on)],
                )
            } else {
                lang.countf("present.countdown.header.passed", n, &[("name", &name)])
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
        s += &if dated {
            let on = dates::day(lang, credit, today);
            lang.countf(
                "present.countdown.header.credit_dated",
                n,
                &[("approx", &approx), ("on", &on)],
            )
        } else {
            lang.countf("present.countdown.header.credit", n, &[("approx", &approx)])
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
        // Without its dates; cut with "…" if even that is too wide.
        sentence(lang, e, today, false).map(|s| crate::text::truncate(&s, width))
    }
}

/// When a loan not yet drawn on the day shown will be: the list, the detail and the advice say
/// it in these words.
pub fn drawn_on(lang: Lang, day: NaiveDate, today: NaiveDate) -> String {
    let on = dates::day(lang, day, today);
    lang.trf("present.countdown.drawn", &[("on", &on)])
}

/// The list's few words on the countdown, the longest wording that fits `width` columns.
pub fn short(lang: Lang, e: &LoanFacts, today: NaiveDate, width: usize) -> String {
    if let Some(s) = e.starts {
        return drawn_on(lang, s, today);
    }
    e.countdown.fitted_words(lang, today, width)
}
