//! Python `repr` spellings for the classes' `__repr__`: strings in quotes, booleans.

/// A string as Python's `repr` writes it: in single quotes, with `\\`, `'` and control
/// characters escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A bool as Python's `repr` writes it.
pub fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}
