//! Identifiers: benchmark, dimension, rating, tier and activity ids.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smol_str::SmolStr;

/// String equality for short ids: lengths first, then at most two overlapping loads of 2, 4 or
/// 8 bytes from each side (no call to `memcmp` and no byte loop for ids up to 16 bytes).
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1 => a.first() == b.first(),
        2..=3 => word::<2>(a, 0) == word::<2>(b, 0) && word::<2>(a, n - 2) == word::<2>(b, n - 2),
        4..=7 => word::<4>(a, 0) == word::<4>(b, 0) && word::<4>(a, n - 4) == word::<4>(b, n - 4),
        8..=16 => word::<8>(a, 0) == word::<8>(b, 0) && word::<8>(a, n - 8) == word::<8>(b, n - 8),
        _ => a == b,
    }
}

/// The `N` bytes of `s` from `i` (zeros past the end, which callers never reach).
fn word<const N: usize>(s: &[u8], i: usize) -> [u8; N] {
    s.get(i..i + N)
        .and_then(|w| w.try_into().ok())
        .unwrap_or([0; N])
}

/// An identifier. Ids are short (docs/formats.md: at most 64 characters, usually a handful), and a
/// scorecard repeats the framework's ids in every row, so an `Id` keeps up to 23 bytes inline:
/// cloning one copies 24 bytes, with no allocation and no atomic reference count. It reads as a
/// `&str` and is a plain string in JSON.
///
/// ```
/// use gender_seal::Id;
/// let id = Id::from("IC1");
/// assert_eq!(&*id, "IC1");
/// assert_eq!(serde_json::to_string(&id).unwrap(), "\"IC1\"");
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Id(SmolStr);

impl Id {
    /// An id from a static string, usable in constants.
    pub const fn from_static(s: &'static str) -> Id {
        Id(SmolStr::new_static(s))
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

// Hash as the string does, so a `HashMap<Id, _>` can be searched with a `&str`.
impl Hash for Id {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.as_str().hash(state);
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id(SmolStr::new(s))
    }
}

impl From<&String> for Id {
    fn from(s: &String) -> Id {
        Id(SmolStr::new(s))
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0.as_str() == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.0.as_str() == *other
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0.as_str(), f)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.as_str())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        SmolStr::deserialize(d).map(Id)
    }
}

impl schemars::JsonSchema for Id {
    // A plain string in the published schemas, as before ids had their own type.
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string"})
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn same_is_string_equality() {
        let ids = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "abd",
            "xbc",
            "MS1",
            "MS2",
            "met",
            "not_met",
            "not_mex",
            "partially_met",
            "partially_mat",
            "abcdefgh",
            "abcdefgi",
            "bbcdefgh",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "bbcdefghijklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmnopr",
            "é",
            "e\u{301}",
        ];
        for a in ids {
            for b in ids {
                assert_eq!(same(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn reads_as_str_and_finds_by_str() {
        let long = "a".repeat(64);
        for s in ["IC1", "not_applicable", long.as_str()] {
            let id = Id::from(s);
            assert_eq!(id.as_str(), s);
            assert_eq!(id.clone(), id);
            assert_eq!(format!("{id}"), s);
            assert_eq!(format!("{id:?}"), format!("{s:?}"));
        }
        let map: HashMap<Id, usize> = [(Id::from("MS1"), 3)].into();
        assert_eq!(map.get("MS1"), Some(&3));
        assert_eq!(Id::from_static("met"), "met");
    }

    #[test]
    fn json_is_a_plain_string() {
        let id: Id = serde_json::from_str("\"PR3\"").unwrap_or_default();
        assert_eq!(id, "PR3");
        assert_eq!(serde_json::to_string(&id).unwrap_or_default(), "\"PR3\"");
        assert!(serde_json::from_str::<Id>("3").is_err());
    }
}
