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

use crate::clean::clean;
use chrono::{Duration, NaiveDate};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property};

use super::Context;
use crate::engine::LoanView;
use crate::engine::cashflow::{unpaid_items, upcoming_milestones};
use crate::i18n::Lang;
use crate::model::StageKind;
use crate::money::grouped;

pub const DEFAULT_DAYS: u32 = 90;

pub fn due_uid(loan_id: &str, n: u32) -> String {
    format!("repaydash-{loan_id}-due-{n}@repaydash")
}

pub fn milestone_uid(loan_id: &str, kind: StageKind, typical: bool) -> String {
    let tail = if typical { "-typical" } else { "" };
    format!("repaydash-{loan_id}-{}{tail}@repaydash", kind.key())
}

fn day_after(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

/// The crate would stamp an alarm with the clock and a random UID; both are fixed here so that
/// two exports of the same day are identical.
// Every text an event carries (names, notes from the file) passes through `clean` here: a
// calendar app shows it, and a terminal may print the file.
fn alarm(uid: &str, description: &str, trigger: &str, stamp: &str) -> Alarm {
    let mut a = Alarm::display(&clean(description), Duration::zero());
    // RFC 5545 duration text, rather than chrono's own form.
    a.append_property(Property::new("TRIGGER", trigger))
        .add_property("UID", format!("{uid}-alarm"))
        .add_property("DTSTAMP", stamp);
    a.done()
}

fn event(uid: &str, date: NaiveDate, summary: &str, description: &str, stamp: &str) -> Event {
    let mut e = Event::new();
    e.uid(uid)
        .summary(&clean(summary))
        .description(&clean(description))
        .starts(date)
        .ends(day_after(date))
        .add_property("DTSTAMP", stamp)
        .add_property("TRANSP", "TRANSPARENT");
    e
}

fn due_events(ctx: &Context, v: &LoanView, end: NaiveDate, stamp: &str, cal: &mut Calendar) {
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let name = ctx.display_name(v.loan);
    let contact_day = v
        .escalation
        .milestones
        .iter()
        .find(|m| m.kind == StageKind::EmergencyContact)
        .and_then(|m| m.day);
    for item in unpaid_items(v) {
        if !item.overdue && (item.due < ctx.today || item.due > end) {
            continue;
        }
        let amount = format!("{cur}{}", grouped(item.unpaid));
        let summary = match (lang, item.overdue) {
            (Lang::Zh, false) => format!("还款：{name} 第{}期 {amount}", item.n),
            (Lang::Zh, true) => format!("已逾期：{name} 第{}期 {amount}", item.n),
            (Lang::En, false) => format!("Repay {name} #{}: {amount}", item.n),
            (Lang::En, true) => format!("Overdue: {name} #{}: {amount}", item.n),
        };
        let contact = contact_day
            .and_then(|d| item.due.checked_add_signed(Duration::days(i64::from(d))))
            .map(|d| match lang {
                Lang::Zh => format!("如未按时还款，最早 {d} 可能联系紧急联系人。"),
                Lang::En => format!("If unpaid, emergency contacts may be called from {d}."),
            })
            .unwrap_or_default();
        let description = match lang {
            Lang::Zh => format!(
                "{name} 第{}期，{} 到期，待还 {amount}。{contact}",
                item.n, item.due
            ),
            Lang::En => format!(
                "{name} installment {}, due {}, unpaid {amount}. {contact}",
                item.n, item.due
            ),
        };
        let uid = due_uid(&v.loan.id, item.n);
        let mut e = event(&uid, item.due, &summary, description.trim_end(), stamp);
        if !item.overdue {
            // 09:00 the day before.
            e.alarm(alarm(&uid, &summary, "-PT15H", stamp));
        }
        cal.push(e.done());
    }
}

fn milestone_events(ctx: &Context, v: &LoanView, end: NaiveDate, stamp: &str, cal: &mut Calendar) {
    let lang = ctx.lang;
    let cur = &ctx.portfolio.settings.currency;
    let name = ctx.display_name(v.loan);
    let overdue = format!("{cur}{}", grouped(v.ledger.overdue_amount));
    for m in upcoming_milestones(v, ctx.today) {
        if m.date > end {
            continue;
        }
        let Some(ms) = v.escalation.milestones.iter().find(|x| x.kind == m.kind) else {
            continue;
        };
        let day = if m.typical { ms.day_typical } else { ms.day }.unwrap_or(0);
        let stage = lang.stage(m.kind);
        let summary = match (lang, m.typical) {
            (Lang::Zh, false) => format!("{name}：{stage}（逾期第{day}天，逾期 {overdue}）"),
            (Lang::Zh, true) => {
                format!("{name}：{stage}（较晚的报道，逾期第{day}天，逾期 {overdue}）")
            }
            (Lang::En, false) => {
                format!("{name}: {stage} from overdue day {day} ({overdue} overdue)")
            }
            (Lang::En, true) => {
                format!("{name}: {stage} from overdue day {day}, later report ({overdue} overdue)")
            }
        };
        let note = lang.t(&ms.note_zh, &ms.note_en);
        let description = match lang {
            Lang::Zh => format!(
                "按文章和用户反馈估计的日子，不是规定。{note} 来源：{}\n{}",
                ms.source,
                crate::present::stage::basis_line(lang, ms.basis)
            ),
            Lang::En => format!(
                "An estimate from articles and user reports, not a rule. {note} Source: {}\n{}",
                ms.source,
                crate::present::stage::basis_line(lang, ms.basis)
            ),
        };
        let uid = milestone_uid(&v.loan.id, m.kind, m.typical);
        let mut e = event(&uid, m.date, &summary, description.trim_end(), stamp);
        // 09:00 on the day.
        e.alarm(alarm(&uid, &summary, "PT9H", stamp));
        cal.push(e.done());
    }
}

pub fn render(ctx: &Context, days: u32) -> String {
    let end = ctx
        .today
        .checked_add_signed(Duration::days(i64::from(days)))
        .unwrap_or(NaiveDate::MAX);
    let stamp = format!("{}T000000Z", ctx.today.format("%Y%m%d"));
    let mut cal = Calendar::new();
    cal.name(ctx.lang.t("repaydash 还款日历", "repaydash repayments"));
    // The file order, so the output is stable for a given file.
    for loan in &ctx.portfolio.loans {
        let v = ctx.view(loan);
        due_events(ctx, &v, end, &stamp, &mut cal);
        milestone_events(ctx, &v, end, &stamp, &mut cal);
    }
    cal.done().to_string()
}
