//! Reading the API's JSON bodies with serde: the size limit, the `BodyProblem` a bad body gets,
//! and two field types that make the serde models lenient where GitHub's schema is optional.
//!
//! - [`Scalar`] takes any JSON value without failing, keeping strings, booleans and integers:
//!   a field the page depends on is typed `Scalar` and checked after parsing, so a wrong type is
//!   named precisely (`TokenNotText`) instead of failing the whole body.
//! - [`Lenient<T>`] reads a list item that is an object into `T` (whose fields are all
//!   `Scalar`, `Lenient` or defaulted, so it cannot fail) and skips any other item.
//!
//! serde_json bounds nesting itself (128 levels, then an error): a hostile body cannot exhaust
//! the stack.

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Largest body parsed: a real answer is well under 100 KB even with many repositories.
pub const MAX_BODY: usize = 1 << 20;

/// Why a 2xx body could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyProblem {
    Empty,
    TooLarge(usize),
    NotJson,
    NotAnObject,
    MissingToken,
    TokenNotText,
    EmptyToken,
    MissingExpiry,
    BadExpiry(String),
    /// The downloads answer was not a list.
    NotAList,
    /// The runner-groups answer has no `runner_groups` list.
    MissingRunnerGroups,
    /// A labels answer without its `labels` list.
    MissingLabels,
    /// The just-in-time answer has no `encoded_jit_config` text.
    MissingJitConfig,
    /// The runner list has no `runners` list.
    MissingRunners,
    /// A runner-group (or organization) answer without its id or name.
    MissingGroup,
    /// A group's access list without its `repositories` or `organizations` list.
    MissingMembers,
    /// A field the answer must have is missing or of the wrong kind.
    MissingField(&'static str),
}

impl fmt::Display for BodyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the response body was empty"),
            Self::TooLarge(n) => write!(
                f,
                "the response was {n} bytes, far more than the API sends here (at most {MAX_BODY})"
            ),
            Self::NotJson => {
                f.write_str("the response was not JSON (a proxy or login page may have answered instead of the API)")
            }
            Self::NotAnObject => f.write_str("the response was JSON but not an object"),
            Self::MissingToken => f.write_str("the response has no \u{201c}token\u{201d} field"),
            Self::TokenNotText => f.write_str("the \u{201c}token\u{201d} field is not text"),
            Self::EmptyToken => f.write_str("the \u{201c}token\u{201d} field is empty"),
            Self::MissingExpiry => f.write_str("the response has no \u{201c}expires_at\u{201d} text"),
            Self::BadExpiry(v) => write!(f, "\u{201c}expires_at\u{201d} is not a date and time: {v}"),
            Self::NotAList => f.write_str("the response was not the expected list"),
            Self::MissingRunnerGroups => f.write_str("the response has no \u{201c}runner_groups\u{201d} list"),
            Self::MissingLabels => f.write_str("the response has no \u{201c}labels\u{201d} list"),
            Self::MissingJitConfig => f.write_str("the response has no \u{201c}encoded_jit_config\u{201d} text"),
            Self::MissingRunners => f.write_str("the response has no \u{201c}runners\u{201d} list"),
            Self::MissingGroup => f.write_str("the response has no \u{201c}id\u{201d} or \u{201c}name\u{201d}"),
            Self::MissingMembers => f.write_str("the response has no list of repositories or organizations"),
            Self::MissingField(name) => write!(f, "the response has no usable \u{201c}{name}\u{201d} field"),
        }
    }
}

/// The visitor methods for every JSON scalar, each answering `$none`: a value of the wrong kind
/// is read and dropped, never an error.
macro_rules! scalars_are {
    ($none:expr) => {
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok($none)
        }
    };
}

/// Parses `body` as `T`. An empty, oversized or non-JSON body gets its own problem; JSON of
/// the wrong shape gets `shape`.
pub fn parse<'de, T: Deserialize<'de>>(body: &'de str, shape: BodyProblem) -> Result<T, BodyProblem> {
    if body.len() > MAX_BODY {
        return Err(BodyProblem::TooLarge(body.len()));
    }
    if body.trim().is_empty() {
        return Err(BodyProblem::Empty);
    }
    serde_json::from_str(body).map_err(|e| if e.is_data() { shape } else { BodyProblem::NotJson })
}

/// [`parse`] for a body that must be a JSON object: serde's derived structs would also take
/// an array, field by field in order, which no GitHub answer is.
pub fn parse_object<'de, T: Deserialize<'de>>(body: &'de str) -> Result<T, BodyProblem> {
    parse::<Object<T>>(body, BodyProblem::NotAnObject).map(|o| o.0)
}

struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Object)
            }
        }
        d.deserialize_map(ObjectVisitor(std::marker::PhantomData))
    }
}

/// Any JSON value, reduced to what the page can show. Never fails to deserialize.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Scalar {
    /// `null`, or the field was absent (with `#[serde(default)]`).
    #[default]
    Null,
    Bool(bool),
    Int(i64),
    Text(String),
    /// A fraction, a number beyond i64, an array or an object.
    Other,
}

impl Scalar {
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn into_text(self) -> Option<String> {
        match self {
            Self::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn bool(&self) -> Option<bool> {
        match self {
            Self::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A non-negative integer (GitHub's ids).
    pub fn id(&self) -> Option<u64> {
        match self {
            Self::Int(n) => u64::try_from(*n).ok(),
            _ => None,
        }
    }

    /// A short text for showing any value. Fractions are not printed: formatting an f64 would
    /// link core's float printer into the wasm for a case no real answer has.
    pub fn show(&self) -> String {
        match self {
            Self::Null => "null".into(),
            Self::Bool(b) => if *b { "true" } else { "false" }.into(),
            Self::Int(n) => n.to_string(),
            Self::Text(s) => s.clone(),
            Self::Other => "\u{2026}".into(),
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
        Ok(i64::try_from(v).map_or(Scalar::Other, Scalar::Int))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Scalar, E> {
        Ok(Scalar::Other)
    }
    fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

/// A list item read as `T` when it is an object, skipped (`None`) when it is anything else.
/// `T` must not fail on any object: all its fields `Scalar`, `Lenient` or defaulted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lenient<T>(pub Option<T>);

impl<T> Default for Lenient<T> {
    fn default() -> Self {
        Self(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LenientVisitor(std::marker::PhantomData))
    }
}

struct LenientVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for LenientVisitor<T> {
    type Value = Lenient<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|t| Lenient(Some(t)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Lenient(None))
    }
    scalars_are!(Lenient(None));
}

/// A list of `T` where the field may be absent or not a list at all (`None` then), and where
/// items that are not objects are skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LenientList<T>(pub Option<Vec<T>>);

impl<T> Default for LenientList<T> {
    fn default() -> Self {
        Self(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for LenientList<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ListVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
            type Value = LenientList<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(Lenient(item)) = seq.next_element::<Lenient<T>>()? {
                    items.extend(item);
                }
                Ok(LenientList(Some(items)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(LenientList(None))
            }
            scalars_are!(LenientList(None));
        }
        d.deserialize_any(ListVisitor(std::marker::PhantomData))
    }
}

/// An object's entries in the order the answer gave them, each value shown as text; `None`
/// when the field is not an object.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entries(pub Option<Vec<(String, String)>>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Scalar>()? {
                    entries.push((k, v.show()));
                }
                Ok(Entries(Some(entries)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entries, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Entries(None))
            }
            scalars_are!(Entries(None));
        }
        d.deserialize_any(EntriesVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Item {
        #[serde(default)]
        name: Scalar,
    }

    #[derive(Deserialize)]
    struct Doc {
        #[serde(default)]
        items: LenientList<Item>,
        #[serde(default)]
        entries: Entries,
        #[serde(default)]
        n: Scalar,
    }

    #[test]
    fn lenient_fields_keep_what_they_can_and_never_fail() {
        let doc: Doc = parse(r#"{"items":[{"name":"a"},3,"x",[1],{"name":7},{}],"entries":{"b":"write","a":true,"c":1.5},"n":18446744073709551615}"#, BodyProblem::NotAnObject).unwrap();
        let names: Vec<Scalar> = doc.items.0.unwrap().into_iter().map(|i| i.name).collect();
        assert_eq!(names, [Scalar::Text("a".into()), Scalar::Int(7), Scalar::Null]);
        assert_eq!(
            doc.entries.0.unwrap(),
            [
                ("b".into(), "write".into()),
                ("a".into(), "true".into()),
                ("c".into(), "\u{2026}".into())
            ]
        );
        assert_eq!(doc.n, Scalar::Other);
        let odd: Doc = parse(r#"{"items":{"k":1},"entries":[1,2],"n":"t"}"#, BodyProblem::NotAnObject).unwrap();
        assert_eq!(
            (odd.items.0, odd.entries.0, odd.n),
            (None, None, Scalar::Text("t".into()))
        );
    }

    #[test]
    fn bad_bodies_are_named() {
        let p = |s: &str| parse_object::<Doc>(s).map(|_| ()).unwrap_err();
        assert_eq!(p(""), BodyProblem::Empty);
        assert_eq!(p("<html>"), BodyProblem::NotJson);
        assert_eq!(p(r#"{"n":"#), BodyProblem::NotJson);
        assert_eq!(p("[1]"), BodyProblem::NotAnObject);
        assert_eq!(p(&" ".repeat(MAX_BODY + 1)), BodyProblem::TooLarge(MAX_BODY + 1));
    }

    #[test]
    fn deep_nesting_is_skipped_or_refused_never_a_crash() {
        let depth = 100_000;
        let text = format!(r#"{{"n":{}{}}}"#, "[".repeat(depth), "]".repeat(depth));
        // A value the page ignores is skipped without recursing.
        assert_eq!(
            parse::<Doc>(&text, BodyProblem::NotAnObject).map(|d| d.n),
            Ok(Scalar::Other)
        );
        let nested = format!(r#"{{"items":{}{}}}"#, "[".repeat(depth), "]".repeat(depth));
        assert!(matches!(
            parse::<Doc>(&nested, BodyProblem::NotAnObject).map(|d| d.items.0.map(|i| i.len())),
            Ok(Some(0)) | Err(BodyProblem::NotJson)
        ));
    }
}
