//! Numbers written for people: one formatter for every report, by the language's
//! [`NumberStyle`]. JSON output never comes here: it stays locale-free.

use rust_decimal::Decimal;

use super::NumberStyle;

/// `d` normalised (no exponent, no trailing zeros), its integer part grouped by threes with
/// the style's separator and its decimal mark the style's.
pub(crate) fn write(d: Decimal, style: &NumberStyle) -> String {
    let n = d.normalize();
    let text = if n.is_zero() {
        "0".to_string()
    } else {
        n.to_string()
    };
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |rest| ("-", rest));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::with_capacity(text.len() + int.len() / 3 * 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push_str(style.group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(style.decimal);
        out.push_str(frac);
    }
    out
}
