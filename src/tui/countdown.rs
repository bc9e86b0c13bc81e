//! The countdown to emergency contacts (and to a credit-report record when that comes first), in
//! words, once for the header and the list. A loan that is late gets an alarm; a loan that is not
//! late gets a condition ("if 28 Nov is missed: contacts from 13 Dec"), because nothing has
//! happened yet and paying on time prevents it.

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::app::Entry;
use crate::dates;
use crate::engine::LoanStatus;
use crate::i18n::Lang;
use crate::model::StageKind;

/// Late loans get the alarm (⚠, status colours); the others a calm condition.
pub fn is_alarm(e: &Entry) -> bool {
    e.starts.is_none() && e.ledger.status == LoanStatus::Overdue
}

/// The credit-report day, when it is still ahead and nearer than the emergency-contact day
/// (or that day has passed): the nearer threat the header names as well.
pub fn credit_first(e: &Entry, today: NaiveDate) -> Option<NaiveDate> {
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
pub fn sentence(lang: Lang, e: &Entry, today: NaiveDate, dated: bool) -> Option<String> {
    if e.starts.is_some() || e.ledger.status == LoanStatus::PaidOff {
        return None;
    }
    let d = e.escalation.days_until_emergency_contact?;
    let date = e.escalation.emergency_contact_date?;
    let on = dates::day(lang, date, today);
    // A loan with neither name nor product would be called only by its platform: add its id.
    let name = &if e.name == e.platform {
        format!("{} ({})", e.label, e.platform)
    } else {
        e.name.clone()
    };
    if !is_alarm(e) {
        let due = e.escalation.anchor?;
        let due = dates::day(lang, due, today);
        return Some(match (lang, dated) {
            (Lang::Zh, true) => format!("{name}：若 {due} 未还，{on} 起可能联系紧急联系人"),
            (Lang::Zh, false) => format!("{name}：若 {due} 未还，{d} 天后可能联系紧急联系人"),
            (Lang::En, true) => {
                format!("{name}: if {due} is missed, emergency contacts may be called from {on}")
            }
            (Lang::En, false) => format!("{name}: if {due} is missed, contacts from {on}"),
        });
    }
    let n = -d;
    let mut s = match (lang, d, dated) {
        (Lang::Zh, d, true) if d > 0 => format!("{name}：{d} 天后（{on}）可能联系紧急联系人"),
        (Lang::Zh, d, false) if d > 0 => format!("{name}：{d} 天后可能联系紧急联系人"),
        (Lang::Zh, 0, _) => format!("{name}：今天起可能联系紧急联系人"),
        (Lang::Zh, _, true) => format!("{name}：{on} 起可能已在联系紧急联系人（已 {n} 天）"),
        (Lang::Zh, _, false) => format!("{name}：可能已在联系紧急联系人（已 {n} 天）"),
        (Lang::En, 1, _) => format!("{name}: emergency contacts may be called tomorrow"),
        (Lang::En, d, true) if d > 0 => {
            format!("{name}: emergency contacts may be called in {d} days ({on})")
        }
        (Lang::En, d, false) if d > 0 => {
            format!("{name}: emergency contacts may be called in {d} days")
        }
        (Lang::En, 0, _) => format!("{name}: emergency contacts may be called from today"),
        (Lang::En, _, true) => {
            format!("{name}: emergency contacts may already be called, since {on} ({n} days)")
        }
        (Lang::En, _, false) => {
            format!("{name}: emergency contacts may already be called, for {n} days")
        }
    };
    if let Some(credit) = credit_first(e, today) {
        let n = (credit - today).num_days();
        let on = dates::day(lang, credit, today);
        s += &match (lang, dated) {
            (Lang::Zh, true) => format!("；{n} 天后可能上报征信（{on}）"),
            (Lang::Zh, false) => format!("；{n} 天后可能上报征信"),
            (Lang::En, true) => format!("; credit report possible in {n} days ({on})"),
            (Lang::En, false) => format!("; credit report in {n}d"),
        };
    }
    Some(s)
}

/// The sentence with its dates when it fits `width` columns, else without.
pub fn fitted(lang: Lang, e: &Entry, today: NaiveDate, width: usize) -> Option<String> {
    let full = sentence(lang, e, today, true)?;
    if full.width() <= width {
        Some(full)
    } else {
        sentence(lang, e, today, false)
    }
}

/// The list's few words on the countdown, the longest wording that fits `width` columns.
pub fn short(lang: Lang, e: &Entry, today: NaiveDate, width: usize) -> String {
    if let Some(s) = e.starts {
        let on = dates::day(lang, s, today);
        return match lang {
            Lang::Zh => format!("{on} 借款"),
            Lang::En => format!("drawn {on}"),
        };
    }
    if e.ledger.status == LoanStatus::PaidOff {
        return String::new();
    }
    let (Some(d), Some(date)) = (
        e.escalation.days_until_emergency_contact,
        e.escalation.emergency_contact_date,
    ) else {
        return String::new();
    };
    let on = dates::day(lang, date, today);
    let options: Vec<String> = if !is_alarm(e) {
        let due = e
            .escalation
            .anchor
            .map(|a| dates::day(lang, a, today))
            .unwrap_or_default();
        match lang {
            Lang::Zh => vec![
                format!("若 {due} 未还：{on} 起可能联系紧急联系人"),
                format!("若未还：{on} 起联系紧急联系人"),
                format!("若未还：{on}起联系人"),
                format!("若未还 {on}◆"),
            ],
            Lang::En => vec![
                format!("if {due} is missed: contacts from {on}"),
                format!("if missed: contacts from {on}"),
                format!("if missed: contacts {on}"),
                format!("if missed: ◆ {on}"),
            ],
        }
    } else {
        match (lang, d) {
            (Lang::Zh, d) if d < 0 => vec!["紧急联系人 可能已联系".into()],
            (Lang::En, d) if d < 0 => vec!["contacts may be called".into()],
            (Lang::Zh, 0) => vec!["紧急联系人 今天起".into()],
            (Lang::En, 0) => vec!["contacts from today".into()],
            (Lang::Zh, d) => vec![
                format!("紧急联系人 {d}天后（{on}）"),
                format!("紧急联系人 {d}天后"),
            ],
            (Lang::En, d) => vec![
                format!("contacts in {d}d ({on})"),
                format!("contacts in {d}d"),
            ],
        }
    };
    options
        .iter()
        .find(|o| o.width() <= width)
        .or(options.last())
        .cloned()
        .unwrap_or_default()
}
