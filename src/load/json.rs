//! Reading JSON documents: size and depth limits, exact numbers, and errors that name the JSON
//! path of the problem (through `serde_path_to_error`).

use std::collections::BTreeSet;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::structs_from_objects::ObjectsOnly;
use crate::error::{Error, ErrorKind, Result};

/// Largest document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Parses one JSON document into `T`. Documents nest at most 128 levels (serde_json's limit).
pub(crate) fn from_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::new(
            ErrorKind::Syntax,
            "",
            format!(
                "document too large: {} bytes, at most {MAX_DOCUMENT_BYTES}",
                bytes.len()
            ),
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // A stage that reads workbooks chooses them before JSON; this file kind is JSON only.
        return Err(Error::new(
            ErrorKind::Syntax,
            "",
            "this is a workbook (a zip file), not JSON: this kind of file is read only as JSON",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::new(ErrorKind::Syntax, "", "document is empty"));
    }
    // Structs only from objects: serde would otherwise read `[...]` as positional fields.
    // The path of a problem is only needed when there is one: read without tracking it first
    // (tracking allocates a segment per key), and read again with it to report a failure.
    let mut de = serde_json::Deserializer::from_slice(bytes);
    if let Ok(value) = T::deserialize(ObjectsOnly(&mut de))
        && de.end().is_ok()
    {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(ObjectsOnly(&mut de)).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let kind = if inner.is_data() {
            ErrorKind::Format
        } else {
            ErrorKind::Syntax
        };
        let path = if path == "." || kind == ErrorKind::Syntax {
            String::new()
        } else {
            path
        };
        Error::new(kind, path, inner.to_string())
    })?;
    de.end()
        .map_err(|e| Error::new(ErrorKind::Syntax, "", e.to_string()))?;
    Ok(value)
}

/// Reads `null` or a JSON array of exactly `N` elements into `Option<[T; N]>`
/// (`#[serde(default, deserialize_with = ...)]`). serde's own arrays stop reading after `N`
/// elements and leave serde_json to call the rest "trailing characters", a syntax error with no
/// path; here a wrong length is a format error at the array's path.
pub(crate) fn optional_array<'de, D, T, const N: usize>(
    d: D,
) -> std::result::Result<Option<[T; N]>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Vis<T, const N: usize>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for Vis<T, N> {
        type Value = Option<[T; N]>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "an array of length {N}")
        }
        fn visit_unit<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A: de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut items = Vec::with_capacity(N);
            while let Some(item) = seq.next_element()? {
                if items.len() == N {
                    // Count the rest without keeping it, for the message.
                    let mut len = N + 1;
                    while seq.next_element::<de::IgnoredAny>()?.is_some() {
                        len += 1;
                    }
                    return Err(de::Error::invalid_length(len, &self));
                }
                items.push(item);
            }
            let len = items.len();
            items
                .try_into()
                .map(Some)
                .map_err(|_| de::Error::invalid_length(len, &self))
        }
    }
    d.deserialize_any(Vis::<T, N>(PhantomData))
}

/// A JSON object read in document order, whose keys must be unique (serde_json would otherwise
/// keep the last of two equal keys silently). Serialised as an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UniqueMap<V>(pub Vec<(String, V)>);

impl<V> Default for UniqueMap<V> {
    fn default() -> Self {
        UniqueMap(Vec::new())
    }
}

impl<V: schemars::JsonSchema> schemars::JsonSchema for UniqueMap<V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "description": "An object whose keys are unique.",
            "additionalProperties": generator.subschema_for::<V>()
        })
    }
}

impl<V: Serialize> Serialize for UniqueMap<V> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for UniqueMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Vis<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Vis<V> {
            type Value = UniqueMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                let mut seen = BTreeSet::new();
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if !seen.insert(key.clone()) {
                        return Err(de::Error::custom(format!("duplicate key '{key}'")));
                    }
                    let value = map.next_value()?;
                    out.push((key, value));
                }
                Ok(UniqueMap(out))
            }
        }
        d.deserialize_map(Vis(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::decimal::Number;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        weight: Number,
    }

    fn err(s: &str) -> Error {
        match from_json::<Doc>(s.as_bytes()) {
            Ok(_) => Error::new(ErrorKind::Io, "", "parsed"),
            Err(e) => e,
        }
    }

    #[test]
    fn a_workbook_is_named_as_such_where_only_json_is_read() {
        let e = err("PK\u{3}\u{4}rest of a zip");
        assert_eq!(e.kind(), ErrorKind::Syntax);
        assert!(e.to_string().contains("workbook"), "{e}");
    }

    #[test]
    fn errors_name_the_path() {
        let e = err(r#"{"items": [{"weight": 1}, {"weight": "x"}]}"#);
        assert_eq!(e.kind(), ErrorKind::Format);
        assert_eq!(e.problems()[0].location, "items[1].weight");
        assert!(
            e.problems()[0]
                .message
                .contains("'x' is not a decimal number")
        );
        let e = err(r#"{"items": [{"wieght": 1}]}"#);
        assert_eq!(e.problems()[0].location, "items[0].wieght");
        assert!(e.problems()[0].message.contains("unknown field `wieght`"));
    }

    #[test]
    fn syntax_empty_trailing_and_deep() {
        assert_eq!(err("").kind(), ErrorKind::Syntax);
        assert!(err(" \n").problems()[0].message.contains("empty"));
        assert_eq!(err("{").kind(), ErrorKind::Syntax);
        assert_eq!(err(r#"{"items": []} x"#).kind(), ErrorKind::Syntax);
        // Deep nesting never overflows the stack: a typed document rejects the first
        // unexpected level, and even an untyped value stops at serde_json's recursion limit.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(err(&deep).kind(), ErrorKind::Format);
        let e = from_json::<serde_json::Value>(deep.as_bytes())
            .map(|_| ())
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax);
        assert!(e.problems()[0].message.contains("recursion limit"), "{e}");
        assert!(from_json::<Doc>("\u{feff}{\"items\": []}".as_bytes()).is_ok());
    }

    #[test]
    fn unique_map_rejects_duplicates_and_keeps_order() {
        let m: UniqueMap<u32> = serde_json::from_str(r#"{"b": 1, "a": 2}"#).unwrap_or_default();
        assert_eq!(m.0, vec![("b".to_string(), 1), ("a".to_string(), 2)]);
        let e = serde_json::from_str::<UniqueMap<u32>>(r#"{"a": 1, "a": 2}"#).unwrap_err();
        assert!(e.to_string().contains("duplicate key 'a'"));
    }
}
