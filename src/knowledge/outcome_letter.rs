//! The letters after a loan is cleared: a request for a proof of settlement (结清证明) and a
//! credit-report dispute (征信异议申请). They state the loan's own facts (dates, amounts, the
//! agreement's and the settlement's records) and ask; they name no phone number of anyone.

use crate::i18n::Lang;

/// What the letters state, already in display form.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosingFacts {
    pub lender: String,
    pub loan: String,
    pub loan_id: String,
    /// The drawing day, for a loan with terms.
    pub drawn: Option<String>,
    /// Everything paid towards installments, with the currency.
    pub paid: String,
    pub payments: usize,
    /// The day the loan was cleared (the last payment, or the settlement), when it is.
    pub cleared: Option<String>,
    /// `date, months × amount, ref` of the agreement in force, worded.
    pub agreement: Option<String>,
    /// `amount on date (ref)` of a settlement, worded.
    pub settlement: Option<String>,
    pub today: String,
}

pub fn settlement_proof(f: &ClosingFacts, lang: Lang) -> String {
    let mut o: Vec<String> = vec![];
    match lang {
        Lang::Zh => {
            o.push("结清证明申请".into());
            o.push(String::new());
            o.push(format!("致：{}", f.lender));
            o.push(format!(
                "申请人：__________（借款人）    借款：{}（{}）",
                f.loan, f.loan_id
            ));
            o.push(String::new());
            o.push("一、借款与还款情况".into());
            facts_zh(f, &mut o);
            o.push(String::new());
            o.push("二、申请事项".into());
            o.push("1. 请出具这笔借款的书面结清证明（加盖公章或经官方渠道发送），写明借款信息、结清日期和“已结清、无剩余欠款”。".into());
            o.push("2. 请确认已按结清状态向征信机构报送，并告知报送时间。".into());
            o.push("3. 请确认此后不再就这笔借款向我或任何第三方催收。".into());
            o.push(String::new());
            o.push("申请人（签名）：__________".into());
            o.push(format!("日期：{}", f.today));
        }
        Lang::En => {
            o.push("Request for a proof of settlement (结清证明)".into());
            o.push(String::new());
            o.push(format!("To: {}", f.lender));
            o.push(format!(
                "From: __________ (the borrower)    Loan: {} ({})",
                f.loan, f.loan_id
            ));
            o.push(String::new());
            o.push("1. The loan and what was paid".into());
            facts_en(f, &mut o);
            o.push(String::new());
            o.push("2. What I ask".into());
            o.push("1. Please issue a written proof of settlement for this loan (stamped, or sent through your official channel), stating the loan, the date it was cleared and that nothing more is owed.".into());
            o.push("2. Please confirm that the loan has been reported to the credit bureau as settled, and when.".into());
            o.push("3. Please confirm that no one will be contacted about this loan again, neither I nor anyone else.".into());
            o.push(String::new());
            o.push("Signature: __________".into());
            o.push(format!("Date: {}", f.today));
        }
    }
    o.join("\n")
}

pub fn dispute(f: &ClosingFacts, lang: Lang) -> String {
    let mut o: Vec<String> = vec![];
    match lang {
        Lang::Zh => {
            o.push("征信异议申请".into());
            o.push(String::new());
            o.push(format!(
                "致：中国人民银行征信中心 / {}（数据报送机构）",
                f.lender
            ));
            o.push("申请人：__________    证件号码：__________".into());
            o.push(String::new());
            o.push("一、异议的记录".into());
            o.push(format!(
                "我的信用报告中关于 {}（{}）的记录：__________（写明报告中的哪一项、显示的内容）。",
                f.loan, f.loan_id
            ));
            o.push(String::new());
            o.push("二、事实".into());
            facts_zh(f, &mut o);
            o.push(String::new());
            o.push("三、申请事项".into());
            o.push("请核查并更正上述记录。依据《征信业管理条例》第25条，请在收到异议之日起 20 日内书面答复处理结果。".into());
            o.push(String::new());
            o.push("四、附件".into());
            o.push("1. 还款记录（银行流水或 App 截图）".into());
            o.push("2. 结清证明或平台的书面确认（如有）".into());
            o.push("3. 协议或结清的书面确认（如有）".into());
            o.push(String::new());
            o.push("如 20 日内未获答复或对结果有异议，我将向中国人民银行投诉（12363）。".into());
            o.push(String::new());
            o.push("申请人（签名）：__________".into());
            o.push(format!("日期：{}", f.today));
        }
        Lang::En => {
            o.push("Credit report dispute (征信异议申请)".into());
            o.push(String::new());
            o.push(format!(
                "To: the PBoC Credit Reference Center / {} (the lender that reports)",
                f.lender
            ));
            o.push("From: __________    ID number: __________".into());
            o.push(String::new());
            o.push("1. The record disputed".into());
            o.push(format!(
                "The record on my credit report about {} ({}): __________ (which entry, and what it shows).",
                f.loan, f.loan_id
            ));
            o.push(String::new());
            o.push("2. The facts".into());
            facts_en(f, &mut o);
            o.push(String::new());
            o.push("3. What I ask".into());
            o.push("Please check and correct the record. Under article 25 of the Regulation on the Administration of Credit Reporting Industry, please answer in writing within 20 days of receiving this dispute.".into());
            o.push(String::new());
            o.push("4. Attached".into());
            o.push("1. Payment records (bank statements or app screenshots)".into());
            o.push(
                "2. The proof of settlement or the lender's written confirmation (if any)".into(),
            );
            o.push("3. The written agreement or settlement (if any)".into());
            o.push(String::new());
            o.push("If there is no answer within 20 days, or I disagree with it, I will complain to the People's Bank of China (12363).".into());
            o.push(String::new());
            o.push("Signature: __________".into());
            o.push(format!("Date: {}", f.today));
        }
    }
    o.join("\n")
}

fn facts_zh(f: &ClosingFacts, o: &mut Vec<String>) {
    o.push(format!(
        "平台：{}；借款：{}（{}）{}。",
        f.lender,
        f.loan,
        f.loan_id,
        f.drawn
            .as_deref()
            .map(|d| format!("，借款日 {d}"))
            .unwrap_or_default()
    ));
    o.push(format!("已还款 {} 笔，合计 {}。", f.payments, f.paid));
    if let Some(a) = &f.agreement {
        o.push(format!("还款协议：{a}。"));
    }
    if let Some(s) = &f.settlement {
        o.push(format!("协商结清：{s}。"));
    }
    o.push(match &f.cleared {
        Some(d) => format!("这笔借款已于 {d} 结清。"),
        None => "这笔借款尚未结清：__________（说明情况）。".into(),
    });
}

fn facts_en(f: &ClosingFacts, o: &mut Vec<String>) {
    o.push(format!(
        "Lender: {}; loan: {} ({}){}.",
        f.lender,
        f.loan,
        f.loan_id,
        f.drawn
            .as_deref()
            .map(|d| format!(", drawn on {d}"))
            .unwrap_or_default()
    ));
    o.push(format!(
        "Paid: {} in {} payment{}.",
        f.paid,
        f.payments,
        if f.payments == 1 { "" } else { "s" }
    ));
    if let Some(a) = &f.agreement {
        o.push(format!("Repayment agreement: {a}."));
    }
    if let Some(s) = &f.settlement {
        o.push(format!("Settlement: {s}."));
    }
    o.push(match &f.cleared {
        Some(d) => format!("The loan was cleared on {d}."),
        None => "The loan is not cleared yet: __________ (say what happened).".into(),
    });
}
