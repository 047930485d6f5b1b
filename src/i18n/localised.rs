//! Localised text in files: an object of language code → string, or a plain string taken as
//! English.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::Lang;

/// The language a plain string is taken to be in, and the fallback of every lookup.
const DEFAULT_LANG: &str = "en";

/// A localised text. Serialised as an object of language → string.
///
/// ```
/// use gender_seal::{i18n::Lang, Text};
/// let t: Text = serde_json::from_str(r#"{"en": "Gold", "fr": "Or"}"#).unwrap();
/// assert_eq!(&*t.get(Lang::FR), "Or");
/// let english_only: Text = serde_json::from_str(r#""Gold""#).unwrap();
/// assert_eq!(&*english_only.get(Lang::FR), "Gold"); // falls back to English
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(BTreeMap<String, Arc<str>>);

impl Text {
    /// A text in English only.
    pub fn en(s: &str) -> Text {
        Text(BTreeMap::from([(DEFAULT_LANG.to_string(), Arc::from(s))]))
    }

    /// The text in `lang`, else in English, else in the first language it has, else empty.
    pub fn get(&self, lang: Lang) -> Arc<str> {
        self.0
            .get(lang.code())
            .or_else(|| self.0.get(DEFAULT_LANG))
            .or_else(|| self.0.values().next())
            .cloned()
            .unwrap_or_else(|| Arc::from(""))
    }

    /// True when no language has a non-blank text.
    pub fn is_blank(&self) -> bool {
        self.0.values().all(|s| s.trim().is_empty())
    }

    /// Every language's text, in the byte order of the language codes.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.0.values().map(|s| &**s)
    }

    /// The languages present, in byte order.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Localised text: an object of language → string, or a plain string taken as English.",
            "anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": {"type": "string"}}
            ]
        })
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an object of language → string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::en(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(lang) = map.next_key::<String>()? {
                    let text: String = map.next_value()?;
                    if out.insert(lang.clone(), Arc::from(text)).is_some() {
                        return Err(de::Error::custom(format!("duplicate language '{lang}'")));
                    }
                }
                Ok(Text(out))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_string_is_english_and_lookups_fall_back() {
        let t: Text = serde_json::from_str("\"Gold\"").unwrap_or_default();
        assert_eq!(&*t.get(Lang::FR), "Gold");
        let t: Text = serde_json::from_str(r#"{"fr": "Or"}"#).unwrap_or_default();
        assert_eq!(&*t.get(Lang::EN), "Or");
        assert_eq!(&*Text::default().get(Lang::EN), "");
        assert!(Text::default().is_blank());
    }

    #[test]
    fn duplicate_language_and_wrong_type_are_errors() {
        let e = serde_json::from_str::<Text>(r#"{"en": "a", "en": "b"}"#).unwrap_err();
        assert!(e.to_string().contains("duplicate language 'en'"), "{e}");
        assert!(serde_json::from_str::<Text>("3").is_err());
    }
}
