//! Decimal text in JSON number syntax (`-12.5`, `1e2`, `2.50E-1`) read exactly into millionths,
//! with the input limits checked from the digits and the exponent, never by materialising the
//! value: a 10 MB mantissa cannot cancel a 10 MB exponent, however they are arranged.

/// Most decimal places an input number may have.
pub const MAX_DECIMALS: u32 = 6;
/// Most integer digits an input number may have.
pub const MAX_INT_DIGITS: usize = 12;
/// Millionths per unit: the fixed scale of `Number::micros`.
pub const MICROS: i64 = 1_000_000;

/// An exponent with more significant digits than this is at least 10^20, larger than any
/// string's length (< 2^64 < 1.9 × 10^19): it decides the number alone.
const EXPONENT_DIGITS: usize = 20;

/// Parses decimal text exactly into millionths, enforcing the input limits; the error is the
/// message for people.
///
/// Linear in the text's length, with no allocation beyond the at most 18 significant digits
/// of a number within the limits.
pub(crate) fn parse_micros(text: &str) -> Result<i64, String> {
    let bad = || format!("'{}' is not a decimal number", clip(text));
    let (neg, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let bytes = rest.as_bytes();
    let (mantissa, exponent) = match bytes.iter().position(|&b| b == b'e' || b == b'E') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int, frac) = match mantissa.as_bytes().iter().position(|&b| b == b'.') {
        Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
        None => (mantissa, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let frac = match frac {
        Some("") => return Err(bad()),
        Some(f) => f,
        None => "",
    };
    if int.is_empty() || !all_digits(int) || !all_digits(frac) {
        return Err(bad());
    }
    // The exponent: its sign, and its magnitude when it has at most 20 significant digits.
    let exp: Exponent = match exponent {
        None => Exponent::Small(0),
        Some(e) => {
            let negative = e.starts_with('-');
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !all_digits(digits) {
                return Err(bad());
            }
            let significant = digits.trim_start_matches('0');
            if significant.len() > EXPONENT_DIGITS {
                Exponent::Huge { negative }
            } else {
                // At most 20 digits: below 10^20, well inside i128.
                let mag = significant.parse::<i128>().unwrap_or(0);
                Exponent::Small(if negative { -mag } else { mag })
            }
        }
    };
    // The digits of int and frac side by side, as one digit string of length `len`: the first
    // and last non-zero digits bound the significant ones.
    let (ib, fb) = (int.as_bytes(), frac.as_bytes());
    let len = ib.len() + fb.len();
    let nonzero = |b: &u8| *b != b'0';
    let Some(first) = ib
        .iter()
        .position(nonzero)
        .or_else(|| fb.iter().position(nonzero).map(|i| i + ib.len()))
    else {
        return Ok(0); // zero, whatever the exponent
    };
    let last = fb
        .iter()
        .rposition(nonzero)
        .map(|i| i + ib.len())
        .or_else(|| ib.iter().rposition(nonzero))
        .unwrap_or(first);
    let digit = |i: usize| {
        if i < ib.len() {
            ib[i]
        } else {
            fb[i - ib.len()]
        }
    };
    let significant = (last - first + 1) as i128;
    // value = significant digits × 10^power, with power = exp − |frac| + trailing zeros.
    let power = match exp {
        Exponent::Small(e) => e - frac.len() as i128 + (len - 1 - last) as i128,
        Exponent::Huge { negative: true } => i128::MIN / 2,
        Exponent::Huge { negative: false } => i128::MAX / 2,
    };
    if power < -i128::from(MAX_DECIMALS) {
        return Err(format!(
            "'{}' is too precise: at most {MAX_DECIMALS} decimal places",
            clip(text)
        ));
    }
    if significant + power > MAX_INT_DIGITS as i128 {
        return Err(format!(
            "'{}' is too large: at most {MAX_INT_DIGITS} integer digits",
            clip(text)
        ));
    }
    // Now power is in [-6, 11] and at most 18 significant digits remain: |m| < 10^18.
    let m = (first..=last).fold(0i64, |m, i| m * 10 + i64::from(digit(i) - b'0'));
    let micros = m * 10i64.pow((power + i128::from(MAX_DECIMALS)) as u32);
    Ok(if neg { -micros } else { micros })
}

/// An exponent: small enough to count with, or too large to matter beyond its sign.
enum Exponent {
    Small(i128),
    Huge { negative: bool },
}

/// The text's first 40 characters, for a message.
pub(crate) fn clip(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        None => text.to_string(),
        Some((i, _)) => format!("{}…", &text[..i]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        parse_micros(s).map(|m| m.to_string()).unwrap_or_else(|e| e)
    }

    #[test]
    fn parses_exactly() {
        assert_eq!(n("0.1"), "100000");
        assert_eq!(n("1e2"), "100000000");
        assert_eq!(n("1E+2"), "100000000");
        assert_eq!(n("2.50E-1"), "250000");
        assert_eq!(n("-0"), "0");
        assert_eq!(n("0.000000"), "0");
        assert_eq!(n("123456789012"), "123456789012000000");
        assert_eq!(n("999999999999.999999"), "999999999999999999");
        assert_eq!(n("-999999999999.999999"), "-999999999999999999");
        assert_eq!(n("0.000001"), "1");
        assert_eq!(n("100.0000000"), "100000000");
        assert_eq!(n("1e-6"), "1");
        assert_eq!(n("0e999999999999"), "0");
        assert_eq!(n("0e99999999999999999999999999999"), "0");
        assert_eq!(n("1000000e-12"), "1");
        assert_eq!(n("0.00000000000000000001e26"), "1000000000000");
        assert_eq!(n("00000012.5e0000001"), "125000000");
    }

    #[test]
    fn rejects_beyond_limits_and_bad_syntax() {
        assert!(n("0.0000001").contains("too precise"));
        assert!(n("1e-7").contains("too precise"));
        assert!(n("1234567890123").contains("too large"));
        assert!(n("1e12").contains("too large"));
        assert!(n("1e99999999999999999999").contains("too large"));
        assert!(n("1e-99999999999999999999999").contains("too precise"));
        for bad in [
            "", "-", "1.", ".5", "1e", "1e+", "abc", "1,5", " 1", "0x10", "1.2.3", "+1", "1e1.5",
            "1e--1", "--1", "1é",
        ] {
            assert!(n(bad).contains("not a decimal"), "{bad:?} gave {}", n(bad));
        }
    }

    #[test]
    fn a_long_mantissa_cannot_cancel_a_large_exponent() {
        // 0.000…0001e2000000 is 10^1,000,000; 1000…000e-2000000 is 10^-1,000,000 (the CLI's
        // tests hold the 10 MB case).
        let tiny = format!("0.{}1e2000000", "0".repeat(999_999));
        assert!(n(&tiny).contains("too large"), "{}", n(&tiny));
        let huge = format!("1{}e-2000000", "0".repeat(1_000_000));
        assert!(n(&huge).contains("too precise"), "{}", n(&huge));
        // Cancelling exactly stays exact: 10^-k digits × 10^k.
        let one = format!("0.{}1e{}", "0".repeat(99_999), 100_000);
        assert_eq!(n(&one), "1000000");
        let one = format!("1{}e-{}", "0".repeat(100_000), 100_000);
        assert_eq!(n(&one), "1000000");
    }

    #[test]
    fn clips_long_text() {
        assert_eq!(clip("abc"), "abc");
        assert_eq!(clip(&"é".repeat(50)), format!("{}…", "é".repeat(40)));
    }
}
