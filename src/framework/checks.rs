//! The small checks every part of a framework's validation shares: ids, texts, unique ids,
//! rating references, and the numeric limits they are held to.

use std::collections::HashMap;

use crate::error::Problems;
use crate::i18n::localised::Text;

pub(super) const MAX_WEIGHT_MICROS: i64 = 1_000_000 * crate::num::decimal::MICROS;
pub(super) const HUNDRED_MICROS: i64 = 100 * crate::num::decimal::MICROS;
pub(super) const ONE_MICROS: i64 = crate::num::decimal::MICROS;
/// Most decimal places of the rounding policy.
pub(crate) const MAX_ROUNDING_DECIMALS: u32 = 6;

/// True when `id` matches `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`.
pub(crate) fn is_valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
}

pub(crate) fn check_id(p: &mut Problems, path: &str, what: &str, id: &str) {
    if !is_valid_id(id) {
        p.push(
            path,
            format!(
                "invalid {what} id '{}': ids are 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                id.chars().take(70).collect::<String>()
            ),
        );
    }
}

/// Whether a rule's unit is `percent` (its English text, or a plain string).
pub(crate) fn is_percent(unit: &Text) -> bool {
    &*unit.get(crate::i18n::Lang::EN) == "percent"
}

pub(super) fn check_text(p: &mut Problems, path: &str, text: &Text) {
    if text.is_blank() {
        p.push(path, "text is empty");
    }
}

/// Records `id` in `seen`, reporting a duplicate.
pub(super) fn check_unique<'a>(
    p: &mut Problems,
    seen: &mut HashMap<&'a str, String>,
    path: String,
    what: &str,
    id: &'a str,
) {
    if let Some(first) = seen.get(id) {
        p.push(
            path,
            format!("duplicate {what} id '{id}' (first at {first})"),
        );
    } else {
        seen.insert(id, path);
    }
}
pub(super) fn rating_ref(
    p: &mut Problems,
    path: &str,
    id: &str,
    ratings: &HashMap<&str, usize>,
) -> Option<usize> {
    let found = ratings.get(id).copied();
    if found.is_none() {
        let mut known: Vec<(&str, usize)> = ratings.iter().map(|(k, v)| (*k, *v)).collect();
        known.sort_by_key(|(_, i)| *i);
        let list: Vec<&str> = known.into_iter().map(|(k, _)| k).collect();
        p.push(
            path,
            format!("unknown rating '{id}'; expected one of {}", list.join(", ")),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for ok in [
            "IC1",
            "a",
            "undp-gender-seal-co",
            "2021.1",
            "x_y",
            &"a".repeat(64),
        ] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "-a", ".a", "a b", "é", &"a".repeat(65), "a/b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
