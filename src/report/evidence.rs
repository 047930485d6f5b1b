//! The evidence status in human reports: how many benchmarks rest on documented, verified or
//! assumed evidence, the status beside each benchmark listed, and the benchmarks met on
//! assumed evidence. Nothing is shown for an assessment that gives no status.

use crate::assessment::EvidenceStatus;
use crate::framework::Framework;
use crate::i18n::{Lang, fill};
use crate::score::Scorecard;

/// The status in words, agreeing with a count of `n`: "documented", "assumed", "supposés".
fn label(status: EvidenceStatus, n: usize, lang: Lang) -> &'static str {
    let m = &lang.messages().scorecard;
    let forms = match status {
        EvidenceStatus::Documented => &m.documented,
        EvidenceStatus::Verified => &m.verified,
        EvidenceStatus::Assumed => &m.assumed,
    };
    lang.count(n, forms)
}

/// "MS1 Costed … (assumed)": a text with the evidence status, when the assessment gives one.
pub(crate) fn with_status(text: String, status: Option<EvidenceStatus>, lang: Lang) -> String {
    match status {
        Some(st) => fill(
            lang.messages().scorecard.with_status,
            &[("text", text.as_str()), ("status", label(st, 1, lang))],
        ),
        None => text,
    }
}

/// "9 documented, 32 assumed": how many benchmarks carry each evidence status; `None` when
/// the assessment gives no status at all (reports then look as they did before statuses).
pub(crate) fn counts(card: &Scorecard) -> Option<String> {
    let lang = card.lang();
    let statuses = [
        EvidenceStatus::Documented,
        EvidenceStatus::Verified,
        EvidenceStatus::Assumed,
    ];
    let mut counts = [0usize; 3];
    let mut without = 0usize;
    for e in card.entries() {
        match e.status {
            Some(EvidenceStatus::Documented) => counts[0] += 1,
            Some(EvidenceStatus::Verified) => counts[1] += 1,
            Some(EvidenceStatus::Assumed) => counts[2] += 1,
            None => without += 1,
        }
    }
    if without == card.entries().len() {
        return None;
    }
    let mut parts: Vec<String> = statuses
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(&st, n)| format!("{} {}", lang.number(n.into()), label(st, n, lang)))
        .collect();
    if without > 0 {
        parts.push(format!(
            "{without} {}",
            lang.messages().scorecard.without_status
        ));
    }
    Some(parts.join(", "))
}

/// Ids of the benchmarks earning full credit (the top rating's) on evidence marked assumed.
pub(crate) fn assumed_met(card: &Scorecard, fw: &Framework) -> Vec<String> {
    let full = fw.ratings().last().map(|r| r.credit);
    card.entries()
        .iter()
        .zip(fw.benchmarks())
        .filter(|(e, _)| e.is_assumed() && e.rating.map(|r| fw.ratings()[r].credit) == full)
        .map(|(_, b)| b.id.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Assessment, ScoreOptions, score};

    fn card_of<'a>(fw: &'a Framework, a: &'a Assessment, lang: Lang) -> Scorecard<'a> {
        let options = ScoreOptions {
            lang,
            ..ScoreOptions::default()
        };
        score(fw, a, &options).unwrap()
    }

    #[test]
    fn statuses_are_counted_listed_and_absent_when_none_is_given() {
        let fw = Framework::builtin_latest("undp-gender-seal-co").unwrap();
        let a = Assessment::from_json(
            br#"{"framework": {"id": "undp-gender-seal-co", "version": "2021.2"},
                 "office": "o", "evidence": {
                   "MS1": {"rating": "partially_met", "status": "documented"},
                   "MS2": {"rating": "met", "status": "assumed"},
                   "MS3": {"rating": "met", "status": "assumed"},
                   "IC1": {"rating": "met", "status": "verified"},
                   "IC2": {"rating": "not_met", "status": "assumed"}}}"#,
        )
        .unwrap();
        let card = card_of(&fw, &a, Lang::EN);
        assert_eq!(
            counts(&card).as_deref(),
            Some("1 documented, 1 verified, 3 assumed, 36 without status")
        );
        let fr = card_of(&fw, &a, Lang::FR);
        assert_eq!(
            counts(&fr).as_deref(),
            Some("1 documenté, 1 vérifié, 3 supposés, 36 sans statut")
        );
        // Only the assumed entries earning full credit: not IC2 (not met).
        assert_eq!(assumed_met(&card, &fw), ["MS2", "MS3"]);
        assert_eq!(
            with_status("IC2".into(), Some(EvidenceStatus::Assumed), Lang::FR),
            "IC2 (supposé)"
        );
        assert_eq!(with_status("IC2".into(), None, Lang::EN), "IC2");

        let plain = Assessment::from_json(
            br#"{"framework": {"id": "undp-gender-seal-co", "version": "2021.2"},
                 "office": "o", "evidence": {"MS1": {"rating": "met"}}}"#,
        )
        .unwrap();
        let card = card_of(&fw, &plain, Lang::EN);
        assert_eq!(counts(&card), None);
        assert!(assumed_met(&card, &fw).is_empty());
    }
}
