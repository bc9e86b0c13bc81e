//! The user's log of collection contacts for one loan, counted against the collection rules: calls
//! a day, night calls, contacts called, flagged entries. Pure: the draft around it is in knowledge/.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use crate::model::{Channel, Loan, LogEntry, LogFlag, LogKind, WHO_ME};

/// GB/T 45251—2025 (recommended national standard, as reported): at most 3 effective calls a day.
pub const EFFECTIVE_CALLS_PER_DAY: u32 = 3;
/// China Banking Association guideline of 2026-01-30 (as reported): at most 6 dial attempts a day
/// to one number. Counted per number called (the borrower's, each contact's), never calls to
/// different people added together.
pub const DIAL_ATTEMPTS_PER_DAY: u32 = 6;

/// Both rules, as reported, keep collection out of 22:00–08:00: 22:00:00 is night, 08:00:00 is not.
pub fn is_night(t: NaiveTime) -> bool {
    let (start, end) = night_bounds();
    t >= start || t < end
}

fn night_bounds() -> (NaiveTime, NaiveTime) {
    (
        NaiveTime::from_hms_opt(22, 0, 0).unwrap_or(NaiveTime::MIN),
        NaiveTime::from_hms_opt(8, 0, 0).unwrap_or(NaiveTime::MIN),
    )
}

/// A call is a collection entry by phone; an entry without a channel is taken as a call, since
/// that is what `collection_call` says. SMS and visits are contacts, not calls.
pub fn is_call(e: &LogEntry) -> bool {
    e.kind == LogKind::CollectionCall && matches!(e.channel, None | Some(Channel::Call))
}

/// An entry without a time counts as a call but never as a night call: the log cannot tell.
pub fn is_night_call(e: &LogEntry) -> bool {
    is_call(e) && e.time.is_some_and(is_night)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    pub date: NaiveDate,
    pub calls: u32,
    pub night_calls: u32,
    /// The most calls that day to any one number (the 6-a-day limit is per number).
    pub most_to_one_number: u32,
}

/// One number called (`who`: "me" for the borrower, else the contact's name as logged) and the
/// days it got more than [`DIAL_ATTEMPTS_PER_DAY`] calls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberDays {
    pub who: String,
    pub days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactCalled {
    pub name: String,
    /// Calls logged with this contact as `who`.
    pub calls: u32,
    /// Some entry about this contact carries `told_third_party`: the collector told them of the debt.
    pub told_debt: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flagged {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub flags: Vec<LogFlag>,
    pub text: String,
    #[serde(skip)]
    pub who: Option<String>,
    #[serde(skip)]
    pub caller: Option<String>,
    /// A call the night-call count already holds.
    #[serde(skip)]
    pub night_call: bool,
}

/// What `complaint --json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub id: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub calls: u32,
    pub night_calls: u32,
    /// Days with more than [`EFFECTIVE_CALLS_PER_DAY`] calls.
    pub days_over_3: u32,
    /// Per number called, the days it got more than [`DIAL_ATTEMPTS_PER_DAY`] calls (every
    /// logged call is one attempt), in the order first called.
    pub days_over_6: Vec<NumberDays>,
    pub contacts_called: Vec<ContactCalled>,
    pub flagged: Vec<Flagged>,
    /// Days with at least one call, oldest first.
    pub days: Vec<DayCount>,
    /// SMS, visits and other collection contacts (not calls) in the range.
    #[serde(skip)]
    pub other_contacts: u32,
}

/// The range a summary covers by default: from the first collection entry in the log (else `to`)
/// to `to`.
pub fn default_from(loan: &Loan, to: NaiveDate) -> NaiveDate {
    loan.log
        .iter()
        .filter(|e| e.kind == LogKind::CollectionCall && e.date <= to)
        .map(|e| e.date)
        .min()
        .unwrap_or(to)
}

impl Summary {
    /// Days on which some one number got more than [`DIAL_ATTEMPTS_PER_DAY`] calls.
    pub fn days_over_6_any(&self) -> u32 {
        self.days
            .iter()
            .filter(|d| d.most_to_one_number > DIAL_ATTEMPTS_PER_DAY)
            .count() as u32
    }

    /// Entries flagged threat, insult or fake_legal: what "threats, insults or the like" counts.
    pub fn abusive_entries(&self) -> usize {
        self.flagged
            .iter()
            .filter(|f| {
                f.flags
                    .iter()
                    .any(|x| matches!(x, LogFlag::Threat | LogFlag::Insult | LogFlag::FakeLegal))
            })
            .count()
    }

    /// Entries flagged told_third_party.
    pub fn told_entries(&self) -> usize {
        self.flagged
            .iter()
            .filter(|f| f.flags.contains(&LogFlag::ToldThirdParty))
            .count()
    }

    /// Entries flagged night that the night-call count does not hold (no time logged, or not a
    /// call): named as flagged, not counted twice.
    pub fn night_flagged_uncounted(&self) -> usize {
        self.flagged
            .iter()
            .filter(|f| f.flags.contains(&LogFlag::Night) && !f.night_call)
            .count()
    }
}

/// Count the loan's log between `from` and `to`, both included.
pub fn summarize(loan: &Loan, from: NaiveDate, to: NaiveDate) -> Summary {
    let in_range: Vec<&LogEntry> = loan
        .log
        .iter()
        .filter(|e| (from..=to).contains(&e.date))
        .collect();

    let mut days: Vec<DayCount> = vec![];
    // (number, date) → calls; numbers in the order first called.
    let mut numbers: Vec<String> = vec![];
    let mut per_number: Vec<(usize, NaiveDate, u32)> = vec![];
    for e in in_range.iter().filter(|e| is_call(e)) {
        let night = u32::from(is_night_call(e));
        match days.iter_mut().find(|d| d.date == e.date) {
            Some(d) => {
                d.calls += 1;
                d.night_calls += night;
            }
            None => days.push(DayCount {
                date: e.date,
                calls: 1,
                night_calls: night,
                most_to_one_number: 0,
            }),
        }
        let who = e.contact().unwrap_or(WHO_ME);
        let n = match numbers.iter().position(|w| w == who) {
            Some(n) => n,
            None => {
                numbers.push(who.to_string());
                numbers.len() - 1
            }
        };
        match per_number
            .iter_mut()
            .find(|(m, d, _)| *m == n && *d == e.date)
        {
            Some(x) => x.2 += 1,
            None => per_number.push((n, e.date, 1)),
        }
    }
    for d in &mut days {
        d.most_to_one_number = per_number
            .iter()
            .filter(|(_, date, _)| *date == d.date)
            .map(|x| x.2)
            .max()
            .unwrap_or(0);
    }
    days.sort_by_key(|d| d.date);
    let days_over_6 = numbers
        .iter()
        .enumerate()
        .map(|(n, who)| NumberDays {
            who: who.clone(),
            days: per_number
                .iter()
                .filter(|(m, _, c)| *m == n && *c > DIAL_ATTEMPTS_PER_DAY)
                .count() as u32,
        })
        .collect();

    let mut contacts_called: Vec<ContactCalled> = vec![];
    for e in in_range
        .iter()
        .filter(|e| e.kind == LogKind::CollectionCall)
    {
        let Some(name) = e.contact() else { continue };
        let i = match contacts_called.iter().position(|c| c.name == name) {
            Some(i) => i,
            None => {
                contacts_called.push(ContactCalled {
                    name: name.to_string(),
                    calls: 0,
                    told_debt: false,
                });
                contacts_called.len() - 1
            }
        };
        let c = &mut contacts_called[i];
        c.calls += u32::from(is_call(e));
        c.told_debt |= e.flags.contains(&LogFlag::ToldThirdParty);
    }

    let mut flagged: Vec<Flagged> = in_range
        .iter()
        .filter(|e| !e.flags.is_empty())
        .map(|e| Flagged {
            date: e.date,
            time: e.time,
            flags: e.flags.clone(),
            text: e.text.clone(),
            who: e.who.clone(),
            caller: e.caller.clone(),
            night_call: is_night_call(e),
        })
        .collect();
    // Stable: entries of the same moment keep the file's order.
    flagged.sort_by_key(|f| (f.date, f.time));

    Summary {
        id: loan.id.clone(),
        from,
        to,
        calls: days.iter().map(|d| d.calls).sum(),
        night_calls: days.iter().map(|d| d.night_calls).sum(),
        days_over_3: days
            .iter()
            .filter(|d| d.calls > EFFECTIVE_CALLS_PER_DAY)
            .count() as u32,
        days_over_6,
        contacts_called,
        flagged,
        days,
        other_contacts: in_range
            .iter()
            .filter(|e| e.kind == LogKind::CollectionCall && !is_call(e))
            .count() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn t(s: &str) -> Option<NaiveTime> {
        Some(NaiveTime::parse_from_str(s, "%H:%M:%S").unwrap())
    }

    fn call(date: &str, time: Option<NaiveTime>, who: Option<&str>, flags: &[LogFlag]) -> LogEntry {
        LogEntry {
            date: d(date),
            time,
            kind: LogKind::CollectionCall,
            who: who.map(str::to_string),
            channel: Some(Channel::Call),
            caller: Some("95xxx".into()),
            flags: flags.to_vec(),
            text: "call".into(),
        }
    }

    #[test]
    fn night_is_22_to_8_with_both_edges_checked() {
        assert!(is_night(t("22:00:00").unwrap()));
        assert!(is_night(t("07:59:59").unwrap()));
        assert!(is_night(t("00:00:00").unwrap()));
        assert!(!is_night(t("08:00:00").unwrap()));
        assert!(!is_night(t("21:59:59").unwrap()));
    }

    /// The fixture log, worked by hand:
    /// - 11-18: 21:59:59 (day), 22:00:00 (night) → 2 calls, 1 night;
    /// - 11-19: 07:59:59 (night), 08:00:00, 12:00:00, and one without a time → 4 calls, 1 night:
    ///   over 3, not over 6;
    /// - 11-20: one call to 李芳 who was told of the debt (told_third_party) at 23:10:00 → 1, 1 night;
    /// - 11-20: an SMS (a contact, not a call), a note (not a contact), and a call on 11-25,
    ///   after `to`, left out.
    ///
    /// Totals: 7 calls, 3 night calls, 1 day over 3, 0 over 6.
    #[test]
    fn hand_worked_fixture_log() {
        let mut loan = crate::engine::schedule::tests::loan(
            crate::model::Method::EqualInstallment,
            rust_decimal::Decimal::from(12000),
            rust_decimal::Decimal::from(18),
            12,
        );
        loan.log = vec![
            call("2026-11-18", t("21:59:59"), Some(WHO_ME), &[]),
            call("2026-11-18", t("22:00:00"), None, &[LogFlag::Night]),
            call("2026-11-19", t("07:59:59"), Some(WHO_ME), &[]),
            call("2026-11-19", t("08:00:00"), Some(WHO_ME), &[]),
            call(
                "2026-11-19",
                t("12:00:00"),
                Some(WHO_ME),
                &[LogFlag::Insult],
            ),
            call("2026-11-19", None, Some(WHO_ME), &[]),
            call(
                "2026-11-20",
                t("23:10:00"),
                Some("李芳"),
                &[LogFlag::ToldThirdParty, LogFlag::Threat],
            ),
            LogEntry {
                channel: Some(Channel::Sms),
                ..call("2026-11-20", t("10:00:00"), Some("王小明"), &[])
            },
            LogEntry {
                kind: LogKind::Note,
                ..call("2026-11-20", t("23:30:00"), None, &[])
            },
            call("2026-11-25", t("23:00:00"), None, &[]),
        ];
        let s = summarize(&loan, d("2026-11-01"), d("2026-11-23"));
        assert_eq!(s.calls, 7);
        assert_eq!(s.night_calls, 3);
        assert_eq!(s.days_over_3, 1);
        assert_eq!(s.days_over_6_any(), 0);
        assert_eq!(s.other_contacts, 1);
        assert_eq!(
            s.days,
            vec![
                DayCount {
                    date: d("2026-11-18"),
                    calls: 2,
                    night_calls: 1,
                    most_to_one_number: 2
                },
                DayCount {
                    date: d("2026-11-19"),
                    calls: 4,
                    night_calls: 1,
                    most_to_one_number: 4
                },
                DayCount {
                    date: d("2026-11-20"),
                    calls: 1,
                    night_calls: 1,
                    most_to_one_number: 1
                },
            ]
        );
        assert_eq!(
            s.contacts_called,
            vec![
                ContactCalled {
                    name: "李芳".into(),
                    calls: 1,
                    told_debt: true
                },
                ContactCalled {
                    name: "王小明".into(),
                    calls: 0,
                    told_debt: false
                },
            ]
        );
        let flagged: Vec<(NaiveDate, Option<NaiveTime>, Vec<LogFlag>)> = s
            .flagged
            .iter()
            .map(|f| (f.date, f.time, f.flags.clone()))
            .collect();
        assert_eq!(
            flagged,
            vec![
                (d("2026-11-18"), t("22:00:00"), vec![LogFlag::Night]),
                (d("2026-11-19"), t("12:00:00"), vec![LogFlag::Insult]),
                (
                    d("2026-11-20"),
                    t("23:10:00"),
                    vec![LogFlag::ToldThirdParty, LogFlag::Threat]
                ),
            ]
        );
        // The default range starts at the first collection entry.
        assert_eq!(default_from(&loan, d("2026-11-23")), d("2026-11-18"));
        // A narrower range: only 11-19.
        let one = summarize(&loan, d("2026-11-19"), d("2026-11-19"));
        assert_eq!((one.calls, one.night_calls, one.days_over_3), (4, 1, 1));
    }

    #[test]
    fn seven_calls_in_a_day_break_both_limits() {
        let mut loan = crate::engine::schedule::tests::loan(
            crate::model::Method::EqualInstallment,
            rust_decimal::Decimal::from(12000),
            rust_decimal::Decimal::from(18),
            12,
        );
        loan.log = (0..7)
            .map(|h| call("2026-11-19", t(&format!("1{h}:00:00")), None, &[]))
            .collect();
        let s = summarize(&loan, d("2026-11-19"), d("2026-11-19"));
        assert_eq!((s.calls, s.days_over_3, s.days_over_6_any()), (7, 1, 1));
        assert_eq!(
            s.days_over_6,
            vec![NumberDays {
                who: "me".into(),
                days: 1
            }]
        );
        assert_eq!(s.night_calls, 0);
    }

    // Issue 21: the 6-a-day limit is per number. On 11-19: 4 calls to me and 4 to 李芳 (8 in
    // all, yet no number got more than 6); on 11-20: 7 to 李芳. So one day over 6, for 李芳 only;
    // the old count added the people together and said two days. The flags: a threat, an insult
    // and a fake legal claim are "threats, insults or the like" (3 entries); a told-third-party
    // entry and a night flag on an entry without a time are named for what they are.
    #[test]
    fn six_a_day_is_counted_per_number_and_flags_are_named() {
        let mut loan = crate::engine::schedule::tests::loan(
            crate::model::Method::EqualInstallment,
            rust_decimal::Decimal::from(12000),
            rust_decimal::Decimal::from(18),
            12,
        );
        let mut log: Vec<LogEntry> = vec![];
        for h in 0..4 {
            log.push(call(
                "2026-11-19",
                t(&format!("1{h}:00:00")),
                Some(WHO_ME),
                &[],
            ));
            log.push(call(
                "2026-11-19",
                t(&format!("1{h}:30:00")),
                Some("李芳"),
                &[],
            ));
        }
        for h in 0..7 {
            log.push(call(
                "2026-11-20",
                t(&format!("1{h}:00:00")),
                Some("李芳"),
                &[],
            ));
        }
        log.push(call("2026-11-21", t("12:00:00"), None, &[LogFlag::Threat]));
        log.push(call("2026-11-21", t("12:10:00"), None, &[LogFlag::Insult]));
        log.push(call(
            "2026-11-21",
            t("12:20:00"),
            None,
            &[LogFlag::FakeLegal],
        ));
        log.push(call(
            "2026-11-21",
            t("12:30:00"),
            Some("李芳"),
            &[LogFlag::ToldThirdParty],
        ));
        log.push(call("2026-11-21", None, None, &[LogFlag::Night]));
        loan.log = log;
        let s = summarize(&loan, d("2026-11-01"), d("2026-11-23"));
        assert_eq!(s.days_over_6_any(), 1);
        assert_eq!(
            s.days_over_6,
            vec![
                NumberDays {
                    who: "me".into(),
                    days: 0
                },
                NumberDays {
                    who: "李芳".into(),
                    days: 1
                },
            ]
        );
        assert_eq!(s.days[0].calls, 8);
        assert_eq!(s.days[0].most_to_one_number, 4);
        assert_eq!(s.abusive_entries(), 3);
        assert_eq!(s.told_entries(), 1);
        assert_eq!(s.night_flagged_uncounted(), 1);
        assert_eq!(s.flagged.len(), 5);
    }
}
