//! `repaydash export ics`: due dates and escalation milestones as an iCalendar file.
//!
//! Choices (README "Calendar"):
//! - Every unpaid installment due from today to today + `days`, and every overdue one at its own
//!   (past) due date marked overdue, without an alarm (an alarm in the past would ring on import).
//! - Milestones only for loans that are overdue, dated today or later within the horizon; where the
//!   sources disagree, the later report is a second event.
//! - UIDs name the loan, the installment or the stage, and the kind, never the date: importing a
//!   newer export updates the same events (a milestone moves when the overdue anchor moves).
//! - DTSTAMP is `today` at midnight UTC, so two runs on the same day give the same bytes.
//!
//! The calendar is streamed: each event is written as soon as it is made, one loan at a time, so
//! memory does not grow with the number of events (README "Performance"). The few content-line
//! rules this needs (RFC 5545 §3.1 folding, §3.3.11 TEXT escaping) are in `Ics`; the output is
//! byte for byte what the `icalendar` crate wrote before (a unit test holds the two together).

use std::io::{self, Write};

use chrono::{Duration, NaiveDate};

use super::Context;
use crate::clean::clean;
use crate::engine::LoanView;
use crate::engine::cashflow::{unpaid_items, upcoming_milestones};
use crate::model::StageKind;
use crate::money::grouped;

pub const DEFAULT_DAYS: u32 = 90;

pub fn due_uid(loan_id: &str, n: u32) -> String {
    format!("repaydash-{loan_id}-due-{n}@repaydash")
}

/// An agreement installment's event: its own UID, apart from the original schedule's.
pub fn agreement_uid(loan_id: &str, n: u32) -> String {
    format!("repaydash-{loan_id}-agreement-{n}@repaydash")
}

/// A promise's event, by its place in the loan's list.
pub fn promise_uid(loan_id: &str, i: usize) -> String {
    format!("repaydash-{loan_id}-promise-{}@repaydash", i + 1)
}

pub fn milestone_uid(loan_id: &str, kind: StageKind, typical: bool) -> String {
    let tail = if typical { "-typical" } else { "" };
    format!("repaydash-{loan_id}-{}{tail}@repaydash", kind.key())
}

fn day_after(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

/// Append `value` escaped as an iCalendar TEXT value (RFC 5545 §3.3.11).
pub fn escape_text_into(line: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '\\' => line.push_str("\\\\"),
            ',' => line.push_str("\\,"),
            ';' => line.push_str("\\;"),
            '\n' => line.push_str("\\n"),
            c => line.push(c),
        }
    }
}

/// Content lines longer than this many octets are folded (RFC 5545 §3.1).
const FOLD: usize = 75;

/// Write `line` folded, then CRLF. Folds where the `icalendar` crate (0.17) folds, quirks included
/// (it looks for whitespace by character index), so the output stays byte-identical to earlier
/// exports and calendar apps see no change.
fn write_folded(out: &mut impl Write, line: &str) -> io::Result<()> {
    let len = line.len();
    let mut remaining = len;
    let mut pos = 0;
    let mut next = FOLD;
    let whitespace_at = |i: usize| line.chars().nth(i).is_some_and(char::is_whitespace);
    while remaining > FOLD {
        if whitespace_at(next) {
            next -= 1;
        }
        while !line.is_char_boundary(next) {
            next -= 1;
            if whitespace_at(next) {
                next -= 1;
            }
        }
        out.write_all(&line.as_bytes()[pos..next])?;
        out.write_all(b"\r\n ")?;
        remaining -= next - pos;
        pos = next;
        next += FOLD - 1;
    }
    out.write_all(&line.as_bytes()[len - remaining..])?;
    out.write_all(b"\r\n")
}

/// A streaming iCalendar writer. One line buffer is reused for every content line.
pub struct Ics<W: Write> {
    out: W,
    line: String,
}

impl<W: Write> Ics<W> {
    pub fn new(out: W) -> Ics<W> {
        Ics {
            out,
            line: String::with_capacity(256),
        }
    }

    /// `BEGIN:…`, `END:…` and other lines that need neither escaping nor folding.
    pub fn raw(&mut self, line: &str) -> io::Result<()> {
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\r\n")
    }

    /// A property whose value is written as given (dates, durations): `name` may carry
    /// parameters (`DTSTART;VALUE=DATE`).
    pub fn value(&mut self, name: &str, value: &str) -> io::Result<()> {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        self.line.push_str(value);
        write_folded(&mut self.out, &self.line)
    }

    /// A TEXT property: the value is escaped.
    pub fn text(&mut self, name: &str, value: &str) -> io::Result<()> {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        escape_text_into(&mut self.line, value);
        write_folded(&mut self.out, &self.line)
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

/// `YYYYMMDD`, as a DATE value.
fn ics_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    if (0..=9999).contains(&d.year()) {
        format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
    } else {
        d.format("%Y%m%d").to_string()
    }
}

/// One all-day event, and its display alarm when `trigger` is given (an RFC 5545 duration
/// relative to the start). Properties in the order earlier exports had them (by name).
struct EventOut<'a> {
    uid: &'a str,
    date: NaiveDate,
    summary: &'a str,
    description: &'a str,
    trigger: Option<&'a str>,
}

// Every text an event carries (names, notes from the file) passes through `clean` here: a
// calendar app shows it, and a terminal may print the file.
fn write_event<W: Write>(ics: &mut Ics<W>, e: &EventOut, stamp: &str) -> io::Result<()> {
    let summary = clean(e.summary);
    ics.raw("BEGIN:VEVENT")?;
    ics.text("DESCRIPTION", &clean(e.description))?;
    ics.value("DTEND;VALUE=DATE", &ics_date(day_after(e.date)))?;
    ics.value("DTSTAMP", stamp)?;
    ics.value("DTSTART;VALUE=DATE", &ics_date(e.date))?;
    ics.text("SUMMARY", &summary)?;
    ics.text("TRANSP", "TRANSPARENT")?;
    ics.text("UID", e.uid)?;
    if let Some(trigger) = e.trigger {
        ics.raw("BEGIN:VALARM")?;
        ics.text("ACTION", "DISPLAY")?;
        ics.text("DESCRIPTION", &summary)?;
        ics.value("DTSTAMP", stamp)?;
        ics.value("TRIGGER", trigger)?;
        ics.line.clear();
        ics.line.push_str("UID:");
        escape_text_into(&mut ics.line, e.uid);
        ics.line.push_str("-alarm");
        write_folded(&mut ics.out, &ics.line)?;
        ics.raw("END:VALARM")?;
    }
    ics.raw("END:VEVENT")
}

fn due_events<W: Write>(
    ctx: &Context,
    v: &LoanView,
    end: NaiveDate,
    stamp: &str,
    ics: &mut Ics<W>,
) -> io::Result<()> {
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let contact_day = v
        .escalation
        .milestones
        .iter()
        .find(|m| m.kind == StageKind::EmergencyContact)
        .and_then(|m| m.day);
    let mut name = None;
    for item in unpaid_items(v) {
        if !item.overdue && (item.due < ctx.today || item.due > end) {
            continue;
        }
        let name: &str = name.get_or_insert_with(|| ctx.display_name(v.loan));
        let amount = format!("{cur}{}", grouped(item.unpaid));
        if item.agreement {
            let words = crate::i18n::outcome::ics_agreement(name, item.n, &amount, item.overdue);
            let uid = agreement_uid(&v.loan.id, item.n);
            let event = EventOut {
                uid: &uid,
                date: item.due,
                summary: words.0.get(lang),
                description: words.1.get(lang),
                trigger: (!item.overdue).then_some("-PT15H"),
            };
            write_event(ics, &event, stamp)?;
            continue;
        }
        let summary = lang.trf(
            if item.overdue {
                "report.ics.event.overdue_summary"
            } else {
                "report.ics.event.due_summary"
            },
            &[("name", &name), ("n", &item.n), ("amount", &amount)],
        );
        let contact = contact_day
            .and_then(|d| item.due.checked_add_signed(Duration::days(i64::from(d))))
            .map(|d| lang.trf("report.ics.if_unpaid_emergency_contacts", &[("d", &d)]))
            .unwrap_or_default();
        let description = lang.trf(
            "report.ics.event.due_description",
            &[
                ("name", &name),
                ("n", &item.n),
                ("due", &item.due),
                ("amount", &amount),
                ("contact", &contact),
            ],
        );
        let uid = due_uid(&v.loan.id, item.n);
        let event = EventOut {
            uid: &uid,
            date: item.due,
            summary: &summary,
            description: description.trim_end(),
            // 09:00 the day before.
            trigger: (!item.overdue).then_some("-PT15H"),
        };
        write_event(ics, &event, stamp)?;
    }
    Ok(())
}

fn milestone_events<W: Write>(
    ctx: &Context,
    v: &LoanView,
    end: NaiveDate,
    stamp: &str,
    ics: &mut Ics<W>,
) -> io::Result<()> {
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let mut head = None;
    for m in upcoming_milestones(v, ctx.today) {
        if m.date > end {
            continue;
        }
        let Some(ms) = v.escalation.milestones.iter().find(|x| x.kind == m.kind) else {
            continue;
        };
        let (name, overdue): &(String, String) = head.get_or_insert_with(|| {
            (
                ctx.display_name(v.loan),
                format!("{cur}{}", grouped(v.ledger.overdue_amount)),
            )
        });
        let day = if m.typical { ms.day_typical } else { ms.day }.unwrap_or(0);
        let stage = lang.stage(m.kind);
        let summary = lang.trf(
            if m.typical {
                "report.ics.event.stage_summary_later"
            } else {
                "report.ics.event.stage_summary"
            },
            &[
                ("name", name),
                ("stage", &stage),
                ("day", &day),
                ("overdue", overdue),
            ],
        );
        let note = lang.t(&ms.note_zh, &ms.note_en);
        let description = lang.trf(
            "report.ics.event.stage_description",
            &[
                ("note", &note),
                ("source", &ms.source),
                ("basis", &crate::present::stage::basis_line(lang, ms.basis)),
            ],
        );
        let uid = milestone_uid(&v.loan.id, m.kind, m.typical);
        let event = EventOut {
            uid: &uid,
            date: m.date,
            summary: &summary,
            description: description.trim_end(),
            // 09:00 on the day.
            trigger: Some("PT9H"),
        };
        write_event(ics, &event, stamp)?;
    }
    Ok(())
}

/// Each pending promise on its `by` day, with an alarm at 09:00 the day before.
fn promise_events<W: Write>(
    ctx: &Context,
    v: &LoanView,
    end: NaiveDate,
    stamp: &str,
    ics: &mut Ics<W>,
) -> io::Result<()> {
    let Some(o) = v.ledger.outcome.as_deref() else {
        return Ok(());
    };
    let cur = &ctx.portfolio.settings.currency;
    for (i, p) in o.promises.iter().enumerate() {
        if p.status != crate::engine::agreement::PromiseStatus::Pending
            || p.promise.by < ctx.today
            || p.promise.by > end
        {
            continue;
        }
        let name = ctx.display_name(v.loan);
        let amount = format!("{cur}{}", grouped(p.left()));
        let (summary, description) = crate::i18n::outcome::ics_promise(
            &name,
            &amount,
            p.promise.to.as_deref(),
            p.promise.date,
        );
        let uid = promise_uid(&v.loan.id, i);
        let event = EventOut {
            uid: &uid,
            date: p.promise.by,
            summary: summary.get(ctx.lang),
            description: description.get(ctx.lang),
            trigger: Some("-PT15H"),
        };
        write_event(ics, &event, stamp)?;
    }
    Ok(())
}

/// Write the calendar to `out`, one loan at a time in the file's order (so the output is stable
/// for a given file). Nothing is kept once written; `out` should be buffered.
pub fn write(ctx: &Context, days: u32, out: impl Write) -> io::Result<()> {
    let end = ctx
        .today
        .checked_add_signed(Duration::days(i64::from(days)))
        .unwrap_or(NaiveDate::MAX);
    let stamp = format!("{}T000000Z", ics_date(ctx.today));
    let mut ics = Ics::new(out);
    ics.raw("BEGIN:VCALENDAR")?;
    ics.text("VERSION", "2.0")?;
    ics.text("PRODID", "ICALENDAR-RS")?;
    ics.text("CALSCALE", "GREGORIAN")?;
    let name = ctx.lang.tr("report.ics.repaydash_repayments");
    ics.text("NAME", name)?;
    ics.text("X-WR-CALNAME", name)?;
    for loan in &ctx.portfolio.loans {
        let v = ctx.view(loan);
        due_events(ctx, &v, end, &stamp, &mut ics)?;
        milestone_events(ctx, &v, end, &stamp, &mut ics)?;
        promise_events(ctx, &v, end, &stamp, &mut ics)?;
    }
    ics.raw("END:VCALENDAR")?;
    ics.into_inner().flush()
}

#[cfg(test)]
mod tests {
    //! The writer against the `icalendar` crate that wrote every export before it (a test-only
    //! dependency now): same bytes for the same events, folding and escaping included.
    use super::*;
    use crate::i18n::Lang;
    use crate::knowledge::Policies;
    use crate::model::Portfolio;
    use crate::store::builtin_policies;
    use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property};
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The event as the crate built it (the code this writer replaced).
    fn by_crate(e: &EventOut, stamp: &str) -> String {
        let mut ev = Event::new();
        ev.uid(e.uid)
            .summary(&clean(e.summary))
            .description(&clean(e.description))
            .starts(e.date)
            .ends(day_after(e.date))
            .add_property("DTSTAMP", stamp)
            .add_property("TRANSP", "TRANSPARENT");
        if let Some(trigger) = e.trigger {
            let mut a = Alarm::display(&clean(e.summary), chrono::Duration::zero());
            a.append_property(Property::new("TRIGGER", trigger))
                .add_property("UID", format!("{}-alarm", e.uid))
                .add_property("DTSTAMP", stamp);
            ev.alarm(a.done());
        }
        ev.done().to_string()
    }

    fn by_writer(e: &EventOut, stamp: &str) -> String {
        let mut ics = Ics::new(Vec::new());
        write_event(&mut ics, e, stamp).unwrap();
        String::from_utf8(ics.into_inner()).unwrap()
    }

    fn same(summary: &str, description: &str, uid: &str, trigger: Option<&str>) {
        let e = EventOut {
            uid,
            date: d(2026, 12, 31),
            summary,
            description,
            trigger,
        };
        assert_eq!(
            by_writer(&e, "20261123T000000Z"),
            by_crate(&e, "20261123T000000Z")
        );
    }

    #[test]
    fn events_match_the_crate_on_hand_picked_text() {
        // Escapes, a fold that lands on a space, on the middle of a CJK character, at exactly 75
        // octets, long runs of spaces, and a year end (DTEND in the next year).
        let long = "x".repeat(64);
        let cases = [
            (
                "Repay a #1: ¥1,100.16",
                "a; b, c\\d\ne",
                "repaydash-a-due-1@repaydash",
            ),
            (
                &*format!("{long} spaces   and more spaces after it"),
                "",
                "u",
            ),
            (
                &*format!("{long}老虎老虎老虎老虎老虎老虎老虎老虎老虎老虎"),
                "老 虎 老  虎",
                "u;2",
            ),
            (&*"y".repeat(66), &*"z".repeat(150), "u,3"),
            (&*"老虎 ".repeat(40), &*" ".repeat(200), "u\\4"),
        ];
        for (s, desc, uid) in cases {
            same(s, desc, uid, None);
            same(s, desc, uid, Some("-PT15H"));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn events_match_the_crate(
            s in "[a 老,;\\\\\n#¥0-9]{0,120}",
            desc in "[b 虎,;\\\\\n。]{0,200}",
            uid in "[a-z0-9,;-]{1,40}",
            alarm in any::<bool>(),
        ) {
            let e = EventOut {
                uid: &uid,
                date: d(2026, 11, 23),
                summary: &s,
                description: &desc,
                trigger: alarm.then_some("PT9H"),
            };
            prop_assert_eq!(by_writer(&e, "20261123T000000Z"), by_crate(&e, "20261123T000000Z"));
        }
    }

    #[test]
    fn an_empty_calendar_matches_the_crate() {
        let builtin = builtin_policies().unwrap();
        let portfolio = Portfolio::default();
        let policies = Policies::new(&builtin, &portfolio.platforms);
        for lang in [Lang::Zh, Lang::En] {
            let ctx = Context {
                portfolio: &portfolio,
                policies: &policies,
                today: d(2026, 11, 23),
                lang,
            };
            let mut out = Vec::new();
            write(&ctx, DEFAULT_DAYS, &mut out).unwrap();
            let mut cal = Calendar::new();
            cal.name(lang.tr("report.ics.repaydash_repayments"));
            assert_eq!(String::from_utf8(out).unwrap(), cal.done().to_string());
        }
    }
}
