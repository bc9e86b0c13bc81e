//! The rules a collection log is held against, and the complaint draft built on its summary. The
//! rules are stated as reported (a recommended standard is not a law; a guideline is not a right).

use crate::engine::complaint::{DIAL_ATTEMPTS_PER_DAY, EFFECTIVE_CALLS_PER_DAY, Summary};
use crate::i18n::{Lang, en_count};
use crate::model::LogFlag;

/// The rules, one line each, with where the report comes from.
pub fn rules(lang: Lang) -> Vec<String> {
    match lang {
        Lang::Zh => vec![
            format!(
                "国家标准 GB/T 45251—2025《互联网金融 个人网络消费信贷 贷后催收风控指引》（推荐性标准，2025-02-28 起实施；据新京报 2025 年报道）：只向借款人本人催收；联系不上本人时才可联系紧急联系人，且不得向其透露债务；未经约定，22:00 至次日 08:00 不催收；每天有效通话不超过 {EFFECTIVE_CALLS_PER_DAY} 次。"
            ),
            format!(
                "中国银行业协会 2026-01-30 发布的消费贷催收指引（据新闻报道）：未经同意，22:00 至次日 08:00 不催收；对同一号码每天拨打不超过 {DIAL_ATTEMPTS_PER_DAY} 次；不向无关第三方催收。"
            ),
        ],
        Lang::En => vec![
            format!(
                "National standard GB/T 45251—2025 (internet finance, personal online consumer credit, post-loan collection risk control; a recommended standard, in force since 2025-02-28; as reported by 新京报 in 2025): collect from the borrower only; call emergency contacts only when the borrower cannot be reached, and do not tell them of the debt; no collection from 22:00 to 08:00 unless agreed; at most {EFFECTIVE_CALLS_PER_DAY} effective calls a day."
            ),
            format!(
                "China Banking Association guideline on consumer-loan collection of 2026-01-30 (as reported in the news): no collection from 22:00 to 08:00 without consent; at most {DIAL_ATTEMPTS_PER_DAY} dial attempts a day to one number; no collecting from unrelated third parties."
            ),
        ],
    }
}

pub fn flag_label(lang: Lang, f: LogFlag) -> &'static str {
    match f {
        LogFlag::Threat => lang.tr("knowledge.complaint.threat"),
        LogFlag::Insult => lang.tr("knowledge.complaint.insult"),
        LogFlag::ToldThirdParty => lang.tr("knowledge.complaint.told_third_party"),
        LogFlag::FakeLegal => lang.tr("knowledge.complaint.fake_legal_threat"),
        LogFlag::Night => lang.tr("knowledge.complaint.night"),
    }
}

/// What the draft is addressed about, all already printable.
pub struct DraftFacts<'a> {
    pub lender: &'a str,
    pub loan: &'a str,
    pub summary: &'a Summary,
}

/// The complaint draft: first to the lender's own complaint channel, then where to go next. It
/// is the last part of one document (`present::complaint::document`, printed by `complaint` and shown
/// and copied whole by the dashboard), so what it cites — the flagged entries, the per-day
/// counts, the rules — stands above it under the headings it names.
pub fn draft(f: &DraftFacts, lang: Lang) -> String {
    let s = f.summary;
    let threat = s.flagged.iter().any(|e| e.flags.contains(&LogFlag::Threat));
    let told: Vec<&str> = s
        .contacts_called
        .iter()
        .filter(|c| c.told_debt)
        .map(|c| c.name.as_str())
        .collect();
    let called: Vec<&str> = s.contacts_called.iter().map(|c| c.name.as_str()).collect();
    let mut out = vec![];
    match lang {
        Lang::Zh => {
            out.push(format!("致{}（客服 / 投诉渠道）：", f.lender));
            out.push(format!(
                "本人是贵方借款（{}）的借款人。{} 至 {}，我记录到贵方或受托催收方的催收电话 {} 次。",
                f.loan, s.from, s.to, s.calls
            ));
            let mut facts = vec![];
            if s.night_calls > 0 {
                facts.push(format!(
                    "其中 {} 次在 22:00 至次日 08:00 之间",
                    s.night_calls
                ));
            }
            if s.days_over_3 > 0 {
                facts.push(format!(
                    "有 {} 天每天超过 {EFFECTIVE_CALLS_PER_DAY} 次",
                    s.days_over_3
                ));
            }
            if s.days_over_6_any() > 0 {
                facts.push(format!(
                    "有 {} 天对同一号码拨打超过 {DIAL_ATTEMPTS_PER_DAY} 次",
                    s.days_over_6_any()
                ));
            }
            if !called.is_empty() {
                facts.push(format!("联系了我的联系人 {}", called.join("、")));
            }
            if !told.is_empty() {
                facts.push(format!("并向 {} 透露了我的债务", told.join("、")));
            }
            if s.abusive_entries() > 0 {
                facts.push(format!(
                    "有 {} 条记录涉及威胁、辱骂或冒充法律程序（见上方“标记的记录”）",
                    s.abusive_entries()
                ));
            }
            if told.is_empty() && s.told_entries() > 0 {
                facts.push(format!(
                    "有 {} 条记录显示向他人透露了我的债务",
                    s.told_entries()
                ));
            }
            if s.night_flagged_uncounted() > 0 {
                facts.push(format!(
                    "另有 {} 条记录标记为夜间（22:00 至次日 08:00）",
                    s.night_flagged_uncounted()
                ));
            }
            if !facts.is_empty() {
                out.push(format!("{}。", facts.join("；")));
                out.push(
                    "据报道，上述做法不符合国家推荐性标准 GB/T 45251—2025 和中国银行业协会 2026-01-30 的催收指引（见上方“依据”一节）。"
                        .to_string(),
                );
            }
            out.push("我愿意沟通还款。请贵方：核查上述催收行为并予以纠正；只与我本人联系，停止联系我的联系人；在合理时间内以书面形式答复。".to_string());
            // Only the parts the document above holds: no per-day table without calls.
            let mut cited = vec![];
            if s.calls > 0 {
                cited.push("上方按日统计");
            }
            if !s.flagged.is_empty() {
                cited.push("“标记的记录”列出日期、时间、来电方和内容");
            }
            out.push(format!(
                "证据：我本人的催收记录{}，以及我保存的通话记录、短信截图和录音（如有）。",
                if cited.is_empty() {
                    String::new()
                } else {
                    format!("（{}）", cited.join("；"))
                }
            ));
            out.push("借款人：__________    日期：__________".to_string());
            out.push(String::new());
            out.push("如果平台没有处理：可以拨打 12378（国家金融监督管理总局消费者投诉热线）投诉；骚扰电话和短信可以向 12321 举报。".to_string());
            out.push(if threat {
                "记录里有威胁：人身安全受到威胁时，请直接报警（110）。".to_string()
            } else {
                "如果受到威胁或恐吓，请直接报警（110）。".to_string()
            });
            out.push(
                "以上是一般性信息，不是法律意见；标准和指引的内容来自报道，推荐性标准不是法律。"
                    .to_string(),
            );
        }
        Lang::En => {
            out.push(format!("To {} (customer service / complaints):", f.lender));
            out.push(format!(
                "I am the borrower of your loan ({}). From {} to {} I logged {} from you or your collection agent.",
                f.loan,
                s.from,
                s.to,
                en_count(s.calls, "collection call", "collection calls")
            ));
            let mut facts = vec![];
            if s.night_calls > 0 {
                facts.push(format!("{} between 22:00 and 08:00", s.night_calls));
            }
            if s.days_over_3 > 0 {
                facts.push(format!(
                    "more than {EFFECTIVE_CALLS_PER_DAY} a day on {}",
                    en_count(s.days_over_3, "day", "days")
                ));
            }
            if s.days_over_6_any() > 0 {
                facts.push(format!(
                    "more than {DIAL_ATTEMPTS_PER_DAY} a day to one number on {}",
                    en_count(s.days_over_6_any(), "day", "days")
                ));
            }
            if !called.is_empty() {
                facts.push(format!("my contacts were called ({})", called.join(", ")));
            }
            if !told.is_empty() {
                facts.push(format!(
                    "{} {} told of my debt",
                    told.join(", "),
                    if told.len() == 1 { "was" } else { "were" }
                ));
            }
            if s.abusive_entries() > 0 {
                facts.push(format!(
                    "{} threats, insults or false claims of legal action (listed under \"Flagged entries\" above)",
                    en_count(s.abusive_entries(), "entry records", "entries record")
                ));
            }
            if told.is_empty() && s.told_entries() > 0 {
                facts.push(format!(
                    "{} my debt told to someone else",
                    en_count(s.told_entries(), "entry records", "entries record")
                ));
            }
            if s.night_flagged_uncounted() > 0 {
                facts.push(format!(
                    "{} more flagged as at night (22:00–08:00)",
                    en_count(s.night_flagged_uncounted(), "entry", "entries")
                ));
            }
            if !facts.is_empty() {
                out.push(format!("Of these: {}.", facts.join("; ")));
                out.push("As reported, this does not meet the recommended national standard GB/T 45251—2025 or the China Banking Association's collection guideline of 2026-01-30 (see \"Rules (as reported)\" above).".to_string());
            }
            out.push("I am willing to talk about repayment. I ask you to look into and correct this collection; to contact me only, and stop calling my contacts; and to answer in writing within a reasonable time.".to_string());
            let mut cited = vec![];
            if s.calls > 0 {
                cited.push("counted by day above");
            }
            if !s.flagged.is_empty() {
                cited.push("\"Flagged entries\" gives their date, time, caller and what was said");
            }
            out.push(format!(
                "Evidence: my own log of the calls{}, and the call records, SMS screenshots and recordings I kept (if any).",
                if cited.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", cited.join("; "))
                }
            ));
            out.push("Borrower: __________    Date: __________".to_string());
            out.push(String::new());
            out.push("If the lender does not act: complain to 12378 (the National Financial Regulatory Administration's consumer line); report harassing calls and SMS to 12321.".to_string());
            out.push(if threat {
                "Your log records a threat: if your safety is threatened, call the police (110)."
                    .to_string()
            } else {
                "If you are threatened or intimidated, call the police (110).".to_string()
            });
            out.push("This is general information, not legal advice; the standard and the guideline are as reported, and a recommended standard is not a law.".to_string());
        }
    }
    out.join("\n")
}
