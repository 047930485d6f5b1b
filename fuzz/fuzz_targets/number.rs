//! Decimal reader: any text, as a bare JSON number, as a JSON string and through `FromStr`.
//! What reads is within the limits (12 integer digits, 6 decimals), reads the same every way,
//! and its normalised text reads back to the same value; a 10 MB mantissa and a 10 MB exponent
//! must never cancel into a wrong number (issue #10).
#![no_main]

use gender_seal::Number;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = text.parse::<Number>();
    if let Ok(n) = parsed {
        assert!(n.micros().unsigned_abs() < 1_000_000_000_000_000_000, "{text:?}");
        let shown = n.to_string();
        assert_eq!(shown.parse::<Number>(), Ok(n), "{text:?} shown as {shown:?}");
        let quoted = serde_json::to_string(text).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Number>(&quoted).ok(), Some(n), "{text:?}");
    }
    // As a bare JSON number, serde_json's own grammar decides what is a number; what both
    // accept must agree.
    if let Ok(bare) = serde_json::from_str::<Number>(text) {
        if text.trim().starts_with(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
            assert_eq!(parsed.ok(), Some(bare).filter(|_| text.trim() == text), "{text:?}");
        }
    }
});
