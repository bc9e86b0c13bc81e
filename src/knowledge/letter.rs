//! The repayment-negotiation letter (协商还款申请书). Its facts come from the engine; its proposal
//! paragraph is worded from the one proposal the call script also offers. Requests are written as
//! requests: a lender may refuse every one of them.

use crate::i18n::{Lang, en_count};

/// Everything the letter states, already in display form.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterFacts {
    pub lender: String,
    pub loan: String,
    pub product: Option<String>,
    /// Money already formatted with the currency.
    pub overdue_amount: String,
    pub days_overdue: i64,
    /// The due date of the oldest overdue installment, if any.
    pub overdue_since: Option<String>,
    pub remaining: String,
    /// `--reason`, else the loan's `hardship`; None leaves a line to fill in.
    pub reason: Option<String>,
    /// The proposal, worded (see report/letter.rs).
    pub proposal: String,
    pub today: String,
}

pub fn letter(f: &LetterFacts, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh(f),
        Lang::En => en(f),
    }
}

fn zh(f: &LetterFacts) -> String {
    let mut o: Vec<String> = vec![];
    o.push("协商还款申请书".into());
    o.push(String::new());
    o.push(format!("致：{}", f.lender));
    // For people: the loan as the lender knows it, never the loans file's id.
    o.push(format!("申请人：__________（借款人）    借款：{}", f.loan));
    o.push(String::new());
    o.push("一、借款情况".into());
    let product = f
        .product
        .as_deref()
        .map(|p| format!("，产品：{p}"))
        .unwrap_or_default();
    o.push(format!("平台：{}{product}。", f.lender));
    if f.days_overdue > 0 {
        o.push(format!(
            "目前逾期 {}，已逾期 {} 天{}；尚未还清的全部金额为 {}。",
            f.overdue_amount,
            f.days_overdue,
            f.overdue_since
                .as_deref()
                .map(|d| format!("（最早一期应还日 {d}）"))
                .unwrap_or_default(),
            f.remaining
        ));
    } else {
        o.push(format!(
            "目前没有逾期；尚未还清的全部金额为 {}。",
            f.remaining
        ));
    }
    o.push(String::new());
    o.push("二、无法按原计划还款的原因".into());
    o.push(match &f.reason {
        Some(r) => r.clone(),
        None => "__________（写明原因，例如收入减少、失业、生病）".into(),
    });
    o.push(String::new());
    o.push("三、还款方案".into());
    o.push(f.proposal.clone());
    o.push(String::new());
    o.push("四、请求（以下都是请求，是否同意由贵方决定）".into());
    // A loan not late has no calls to stop and no penalty to waive: those requests only when it
    // is overdue.
    let mut asks: Vec<&str> = vec![];
    if f.days_overdue > 0 {
        asks.push("请只与我本人联系，停止联系我的紧急联系人和其他第三方。");
    }
    asks.push("双方达成一致后，请以书面形式（短信、邮件或盖章文件）确认还款方案。");
    if f.days_overdue > 0 {
        asks.push("请考虑减免或降低逾期期间的罚息和费用。");
    }
    asks.push("如果贵方可以办理个性化分期或停息挂账，请告知条件，我愿意按能长期做到的金额申请。");
    for (i, a) in asks.iter().enumerate() {
        o.push(format!("{}. {a}", i + 1));
    }
    o.push(String::new());
    o.push("五、附件".into());
    o.push("1. 收入证明或工资条".into());
    o.push("2. 近几个月的银行流水".into());
    o.push("3. 每月必要支出清单".into());
    o.push("4. 其他能说明困难的材料（如有）".into());
    o.push(String::new());
    o.push("以上情况属实。我愿意积极还款，希望贵方予以考虑。".into());
    o.push(String::new());
    o.push("申请人（签名）：__________".into());
    o.push(format!("日期：{}", f.today));
    o.join("\n")
}

fn en(f: &LetterFacts) -> String {
    let mut o: Vec<String> = vec![];
    o.push("Request to negotiate repayment".into());
    o.push(String::new());
    o.push(format!("To: {}", f.lender));
    o.push(format!(
        "From: __________ (the borrower)    Loan: {}",
        f.loan
    ));
    o.push(String::new());
    o.push("1. The loan".into());
    let product = f
        .product
        .as_deref()
        .map(|p| format!(", product: {p}"))
        .unwrap_or_default();
    o.push(format!("Lender: {}{product}.", f.lender));
    if f.days_overdue > 0 {
        o.push(format!(
            "Overdue: {}, for {}{}; everything still owed: {}.",
            f.overdue_amount,
            en_count(f.days_overdue, "day", "days"),
            f.overdue_since
                .as_deref()
                .map(|d| format!(" (the oldest unpaid installment was due on {d})"))
                .unwrap_or_default(),
            f.remaining
        ));
    } else {
        o.push(format!(
            "Nothing is overdue yet; everything still owed: {}.",
            f.remaining
        ));
    }
    o.push(String::new());
    o.push("2. Why I cannot pay as agreed".into());
    o.push(match &f.reason {
        Some(r) => r.clone(),
        None => "__________ (say why: lower income, job loss, illness…)".into(),
    });
    o.push(String::new());
    o.push("3. What I propose".into());
    o.push(f.proposal.clone());
    o.push(String::new());
    o.push("4. What I ask (requests, which you may grant or not)".into());
    let mut asks: Vec<&str> = vec![];
    if f.days_overdue > 0 {
        asks.push(
            "Please contact only me, and stop calling my emergency contacts and other third parties.",
        );
    }
    asks.push(
        "Once we agree, please confirm the plan in writing (SMS, e-mail or a stamped letter).",
    );
    if f.days_overdue > 0 {
        asks.push(
            "Please consider reducing or waiving the penalty interest and fees for the overdue period.",
        );
    }
    asks.push("If you offer a personalised installment plan (个性化分期) or a stop on interest (停息挂账), please tell me the conditions; I will apply for an amount I can keep paying.");
    for (i, a) in asks.iter().enumerate() {
        o.push(format!("{}. {a}", i + 1));
    }
    o.push(String::new());
    o.push("5. Attached".into());
    o.push("1. Proof of income or pay slips".into());
    o.push("2. Bank statements for the last few months".into());
    o.push("3. A list of my necessary monthly expenses".into());
    o.push("4. Other papers that show the hardship (if any)".into());
    o.push(String::new());
    o.push("The above is true. I want to repay and ask you to consider this request.".into());
    o.push(String::new());
    o.push("Signature: __________".into());
    o.push(format!("Date: {}", f.today));
    o.join("\n")
}
