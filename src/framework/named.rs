//! Ratings named as people write them: by id or by label in any language the framework (or,
//! for "not applicable", the catalogues) has, trimmed and without regard to case.

use crate::framework::{Framework, NOT_APPLICABLE};
use crate::i18n::Lang;

/// Whether `written` names `text`: equal once both are trimmed and lower-cased.
fn names(written: &str, text: &str) -> bool {
    let text = text.trim();
    written.len() == text.len() && written.eq_ignore_ascii_case(text)
        || written.to_lowercase() == text.to_lowercase()
}

impl Framework {
    /// The rating id (or [`NOT_APPLICABLE`]) a person's word names: a rating id or a rating
    /// label in any language of the framework, or "not applicable" as an id or in any
    /// language of the catalogues; trimmed, without regard to case. `None` for anything else
    /// (and for an empty text).
    ///
    /// ```
    /// let fw = gender_seal::Framework::builtin("undp-gender-seal-co", "2021.2").unwrap();
    /// assert_eq!(fw.rating_named(" Partiellement ATTEINT "), Some("partially_met"));
    /// assert_eq!(fw.rating_named("partially_met"), Some("partially_met"));
    /// assert_eq!(fw.rating_named("Non applicable"), Some("not_applicable"));
    /// assert_eq!(fw.rating_named("Partiellement"), None);
    /// ```
    pub fn rating_named(&self, written: &str) -> Option<&str> {
        let written = written.trim();
        if written.is_empty() {
            return None;
        }
        for r in self.ratings() {
            if names(written, &r.id) || r.label.texts().any(|t| names(written, t)) {
                return Some(&r.id);
            }
        }
        let na = std::iter::once(NOT_APPLICABLE)
            .chain(Lang::all().map(|l| l.messages().common.not_applicable_label));
        na.into_iter()
            .any(|t| names(written, t))
            .then_some(NOT_APPLICABLE)
    }

    /// The words a person chooses a rating by in `lang`: each rating's label, then "not
    /// applicable" (the choices of a template's drop-down list and of error messages).
    pub fn rating_choices(&self, lang: Lang) -> Vec<String> {
        let mut out: Vec<String> = self
            .ratings()
            .iter()
            .map(|r| r.label.get(lang).to_string())
            .collect();
        out.push(lang.messages().common.not_applicable_label.to_string());
        out
    }
}
