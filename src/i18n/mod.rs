//! Languages as data: the [`Lang`] a caller asks for, one message catalogue per language
//! (`en.rs`, `fr.rs`; every message a report prints, with the language's plural and number
//! rules beside them), and the localised texts of framework files ([`Text`]).
//!
//! A catalogue is a value of the [`Catalogue`] struct, so the compiler refuses a catalogue that
//! lacks a message. A third language is one new file holding its catalogue and one line in
//! [`CATALOGUES`]. This module sits at the bottom of the house: it imports nothing of the
//! crate, so every stage may name a language, and only the report layer words messages.

mod catalogue;
mod en;
mod fr;
pub(crate) mod localised;
mod number;

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use catalogue::OfficeMessages;
pub use catalogue::{
    Catalogue, ChartMessages, CheckMessages, CommonMessages, DiffMessages, ExplainMessages,
    FrameworkMessages, GateMessages, HistoryMessages, Messages, NumberStyle, PlanMessages, Plural,
    ScorecardMessages, WarningMessages,
};
pub use localised::Text;

/// Every language the reports speak, English first (the fallback of every framework text).
pub const CATALOGUES: &[&Catalogue] = &[&en::CATALOGUE, &fr::CATALOGUE];

/// A language of the reports, parsed once from a tag such as `en`, `FR`, `fr-FR` or `fr_CA`.
///
/// ```
/// use gender_seal::i18n::Lang;
/// let fr: Lang = "fr-CA".parse().unwrap();
/// assert_eq!(fr, Lang::FR);
/// assert_eq!(fr.percent("74.3902".parse().unwrap()), "74,3902\u{202f}%");
/// assert_eq!(Lang::EN.number("14000".parse().unwrap()), "14,000");
/// assert!("de".parse::<Lang>().unwrap_err().contains("expected one of en, fr"));
/// ```
#[derive(Clone, Copy)]
pub struct Lang(&'static Catalogue);

impl Lang {
    /// English.
    pub const EN: Lang = Lang(&en::CATALOGUE);
    /// French.
    pub const FR: Lang = Lang(&fr::CATALOGUE);

    /// Every language, in [`CATALOGUES`] order.
    pub fn all() -> impl Iterator<Item = Lang> {
        CATALOGUES.iter().map(|c| Lang(c))
    }

    /// The language's code (`en`, `fr`): the key of its texts in framework files.
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The language's catalogue of messages.
    pub fn messages(self) -> &'static Messages {
        &self.0.messages
    }

    /// The singular or plural form of a message for the count `n`, by the language's rule
    /// (English: singular for exactly one; French: singular below two).
    pub fn plural(self, n: Decimal, forms: &Plural) -> &'static str {
        if (self.0.singular)(n) {
            forms.one
        } else {
            forms.other
        }
    }

    /// [`Lang::plural`] for a count of things.
    pub fn count(self, n: usize, forms: &Plural) -> &'static str {
        self.plural(Decimal::from(n), forms)
    }

    /// A decimal written for people in this language: `14,000.5` / `14 000,5` (thousands
    /// grouped, the language's decimal mark; normalised, no exponent).
    pub fn number(self, d: Decimal) -> String {
        number::write(d, &self.0.number)
    }

    /// A percentage: `74.3902 %` / `74,3902 %` (French puts a narrow no-break space before
    /// the sign).
    pub fn percent(self, d: Decimal) -> String {
        format!("{}{}%", self.number(d), self.0.number.percent_space)
    }

    /// An amount of money: `14,000 USD` / `14 000 USD`; the number alone without a currency.
    pub fn money(self, d: Decimal, currency: Option<&str>) -> String {
        match currency {
            Some(c) => format!("{} {c}", self.number(d)),
            None => self.number(d),
        }
    }

    /// A signed change: `+2`, `-1.5`, `0` / `+2`, `-1,5`.
    pub fn signed(self, d: Decimal) -> String {
        if d > Decimal::ZERO {
            format!("+{}", self.number(d))
        } else {
            self.number(d)
        }
    }
}

/// Fills the `{name}` placeholders of a message template in one pass; a placeholder without
/// a value stays as written.
///
/// ```
/// use gender_seal::i18n::fill;
/// assert_eq!(fill("{n} of {m}", &[("n", "1"), ("m", "2")]), "1 of 2");
/// ```
pub fn fill<V: AsRef<str>>(template: &str, args: &[(&str, V)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (v.as_ref(), close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Default for Lang {
    fn default() -> Self {
        Lang::EN
    }
}

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        self.code() == other.code()
    }
}

impl Eq for Lang {}

impl std::hash::Hash for Lang {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.code().hash(state);
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    /// Case-insensitive; a region (`fr-FR`, `fr_CA`) maps to its language. Anything else is
    /// an error naming the accepted values: never a silent fallback.
    fn from_str(tag: &str) -> Result<Lang, String> {
        let base = tag.split(['-', '_']).next().unwrap_or(tag);
        Lang::all()
            .find(|l| l.code().eq_ignore_ascii_case(base))
            .ok_or_else(|| {
                let codes: Vec<&str> = Lang::all().map(Lang::code).collect();
                format!(
                    "unknown language '{tag}'; expected one of {} (a region such as fr-FR is accepted)",
                    codes.join(", ")
                )
            })
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let tag = String::deserialize(d)?;
        tag.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Lang {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Lang".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = Lang::all().map(Lang::code).collect();
        schemars::json_schema!({
            "description": "Language of the labels and report text.",
            "type": "string",
            "enum": codes
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn tags_parse_case_insensitively_with_regions() {
        for tag in ["fr", "FR", "Fr", "fr-FR", "fr_CA", "fr-ch"] {
            assert_eq!(tag.parse::<Lang>(), Ok(Lang::FR), "{tag}");
        }
        for tag in ["en", "EN", "en-GB", "en_US"] {
            assert_eq!(tag.parse::<Lang>(), Ok(Lang::EN), "{tag}");
        }
        for tag in ["", "de", "french", "f", "fra"] {
            let e = tag.parse::<Lang>().unwrap_err();
            assert!(e.contains("expected one of en, fr"), "{tag}: {e}");
        }
    }

    #[test]
    fn french_uses_the_decimal_comma() {
        assert_eq!(Lang::FR.number(d("74.3902")), "74,3902");
        assert_eq!(Lang::EN.number(d("74.3902")), "74.3902");
        assert_eq!(Lang::FR.number(d("30.5")), "30,5");
    }

    #[test]
    fn french_groups_thousands_with_a_narrow_no_break_space() {
        assert_eq!(Lang::FR.number(d("14000")), "14\u{202f}000");
        assert_eq!(
            Lang::FR.number(d("1234567.25")),
            "1\u{202f}234\u{202f}567,25"
        );
        assert_eq!(Lang::EN.number(d("14000")), "14,000");
        assert_eq!(Lang::EN.number(d("-1000")), "-1,000");
        assert_eq!(Lang::EN.number(d("999")), "999");
    }

    #[test]
    fn french_puts_a_narrow_no_break_space_before_the_percent_sign() {
        assert_eq!(Lang::FR.percent(d("74")), "74\u{202f}%");
        assert_eq!(Lang::EN.percent(d("74.3902")), "74.3902 %");
    }

    #[test]
    fn french_money_groups_thousands_before_the_currency() {
        assert_eq!(Lang::FR.money(d("14000"), Some("USD")), "14\u{202f}000 USD");
        assert_eq!(Lang::EN.money(d("14000"), Some("USD")), "14,000 USD");
        assert_eq!(Lang::EN.money(d("5"), None), "5");
    }

    #[test]
    fn french_plurals_are_singular_below_two() {
        let forms = Plural {
            one: "one",
            other: "many",
        };
        assert_eq!(Lang::FR.count(0, &forms), "one");
        assert_eq!(Lang::FR.count(1, &forms), "one");
        assert_eq!(Lang::FR.plural(d("1.5"), &forms), "one");
        assert_eq!(Lang::FR.count(2, &forms), "many");
        assert_eq!(Lang::EN.count(0, &forms), "many");
        assert_eq!(Lang::EN.count(1, &forms), "one");
        assert_eq!(Lang::EN.plural(d("1.5"), &forms), "many");
    }

    #[test]
    fn numbers_are_normalised_and_signed() {
        assert_eq!(Lang::EN.number(d("2.50")), "2.5");
        assert_eq!(Lang::EN.number(d("0.000")), "0");
        assert_eq!(Lang::FR.signed(d("1.5")), "+1,5");
        assert_eq!(Lang::EN.signed(d("-2")), "-2");
        assert_eq!(Lang::EN.signed(d("0")), "0");
    }

    #[test]
    fn serialises_as_its_code() {
        assert_eq!(
            serde_json::to_string(&Lang::FR).unwrap_or_default(),
            "\"fr\""
        );
        let back: Lang = serde_json::from_str("\"fr-FR\"").unwrap_or_default();
        assert_eq!(back, Lang::FR);
    }
}
