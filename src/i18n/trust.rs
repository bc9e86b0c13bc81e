//! Messages of the first week's fixes (issue 21): a stale screen after a failed reload, money
//! that cannot go where it was written, words that fit the screen. Read from the catalogue
//! (`[trust]`).

use super::{Lang, Text};

/// The header's mark while the data shown is older than the file, with the first problem.
pub fn stale_data(why: &Text) -> Text {
    Text::around("trust.stale_data", ("why", why), &[])
}

/// The header's mark while the file has turned empty under loans on show (an editor mid-save).
pub fn stale_empty(name: &str) -> Text {
    Text::trf("trust.stale_empty", &[("name", &name)])
}

/// The footer's line for the same case.
pub fn file_now_empty(name: &str) -> Text {
    Text::trf("trust.file_now_empty", &[("name", &name)])
}

/// One problem and how many more the file has.
pub fn and_more_problems(first: &Text, more: usize) -> Text {
    Text::around(
        "trust.and_more_problems",
        ("first", first),
        &[("more", &more)],
    )
}

/// The demo's name where a file's name would go ("reloaded the demo").
pub fn the_demo() -> Text {
    Text::tr("trust.the_demo")
}

/// A payment in the file beyond everything owed on its day (money already written with its
/// currency); `penalty` when one is estimated.
pub fn payment_beyond_owed_in_file(
    amount: &str,
    owed: &str,
    excess: &str,
    penalty: Option<(&str, &str)>,
) -> Text {
    let owed = match penalty {
        Some((unpaid, penalty)) => Text::trf(
            "trust.owed_with_penalty",
            &[("owed", &owed), ("unpaid", &unpaid), ("penalty", &penalty)],
        ),
        None => Text::same(owed),
    };
    Text::around(
        "trust.payment_beyond_owed_in_file",
        ("owed", &owed),
        &[("amount", &amount), ("excess", &excess)],
    )
}

/// A late loan whose penalty rate is 0 (its own `penalty_rate = 0`, or a 0 % loan's default):
/// said, rather than left blank as if nothing were known.
pub fn no_penalty_rate_zero() -> Text {
    Text::tr("trust.no_penalty_rate_zero")
}

/// The footer's count of load warnings when the keys need the room: still says `!` opens them.
pub fn load_warnings_count_short(n: usize) -> Text {
    Text::trf("trust.load_warnings_count_short", &[("n", &n)])
}

/// A repayment method, named for people (`schedule`'s first line): the file's key when unknown.
pub fn method_name(key: &str) -> Text {
    match key {
        "equal_installment" => Text::tr("trust.method.equal_installment"),
        "equal_principal" => Text::tr("trust.method.equal_principal"),
        "interest_first" => Text::tr("trust.method.interest_first"),
        "bullet" => Text::tr("trust.method.bullet"),
        "fixed_fee" => Text::tr("trust.method.fixed_fee"),
        "bills" => Text::tr("trust.method.bills"),
        other => Text::same(other),
    }
}

/// The annual rate by IRR, as both faces label it.
pub fn apr_label() -> Text {
    Text::tr("trust.apr_label")
}

/// A flag that is none of the known ones: each named by its key and its Chinese word.
pub fn unknown_flag(value: &str) -> Text {
    Text::trf("trust.unknown_flag", &[("value", &value)])
}

/// The form's flags field, when a word is not a flag.
pub fn flags_field_hint() -> Text {
    Text::tr("trust.flags_field_hint")
}

/// The form's flags field, empty: the words it takes.
pub fn flags_field_words() -> Text {
    Text::tr("trust.flags_field_words")
}

/// `log --who NAME` where NAME is none of the loan's contacts (`contacts` empty: it has none).
pub fn who_not_a_contact(name: &str, contacts: &[&str]) -> Text {
    if contacts.is_empty() {
        return Text::trf("trust.who_no_contacts", &[("name", &name)]);
    }
    let say = |lang: Lang| {
        let contacts = contacts.join(lang.tr("common.comma"));
        lang.trf(
            "trust.who_not_a_contact",
            &[("name", &name), ("contacts", &contacts)],
        )
    };
    Text::by_lang(say)
}
