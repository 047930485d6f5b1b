//! Text inside HTML and SVG: the five characters markup gives a meaning escaped, control
//! characters (which neither allows) dropped.

/// `text` safe as element content and as a quoted attribute value.
pub(crate) fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            '\n' | '\t' => s.push(' '),
            c if c.is_control() => {}
            c => s.push(c),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_drops_controls() {
        assert_eq!(
            escape("<b a=\"x\">&'\u{0}\nz</b>"),
            "&lt;b a=&quot;x&quot;&gt;&amp;&#39; z&lt;/b&gt;"
        );
    }
}
