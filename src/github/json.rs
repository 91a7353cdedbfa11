//! `Json`: a parsed JSON value, just what the response parsers need.
//!
//! In the browser the text is parsed by `JSON.parse` (no parser in the wasm: serde_json would
//! cost about 15 KB gzip); natively, for tests, by serde_json. Both feed the same pure parsers.
//! Nesting deeper than [`MAX_DEPTH`] becomes `Null`, so a hostile body cannot exhaust the stack.

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number as JSON.stringify / serde_json writes it: the parsers only ever show numbers,
    /// and formatting an f64 in Rust would link core's float printer (about 8 KB of wasm).
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

pub const MAX_DEPTH: usize = 32;

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Self::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Self::Object(o) => Some(o),
            _ => None,
        }
    }

    /// A short text for showing a value that is not a string.
    pub fn to_text(&self) -> String {
        match self {
            Self::Null => "null".into(),
            Self::Bool(b) => b.to_string(),
            Self::Number(n) => n.clone(),
            Self::String(s) => s.clone(),
            Self::Array(_) => "[…]".into(),
            Self::Object(_) => "{…}".into(),
        }
    }
}

/// Parses JSON text; `None` when it is not JSON.
#[cfg(target_arch = "wasm32")]
pub fn parse(text: &str) -> Option<Json> {
    let value = js_sys::JSON::parse(text).ok()?;
    Some(from_js(&value, 0))
}

#[cfg(target_arch = "wasm32")]
fn from_js(v: &wasm_bindgen::JsValue, depth: usize) -> Json {
    use js_sys::{Array, Object};
    use wasm_bindgen::JsCast;
    if depth > MAX_DEPTH {
        Json::Null
    } else if let Some(b) = v.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = v.dyn_ref::<js_sys::Number>() {
        Json::Number(String::from(n.to_string_with_radix(10).unwrap_or_else(|_| "NaN".into())))
    } else if let Some(s) = v.as_string() {
        Json::String(s)
    } else if Array::is_array(v) {
        Json::Array(Array::from(v).iter().map(|x| from_js(&x, depth + 1)).collect())
    } else if let Some(obj) = v.dyn_ref::<Object>() {
        let entries = Object::entries(obj);
        let pairs = entries.iter().filter_map(|pair| {
            let pair = Array::from(&pair);
            Some((pair.get(0).as_string()?, from_js(&pair.get(1), depth + 1)))
        });
        Json::Object(pairs.collect())
    } else {
        Json::Null
    }
}

/// Parses JSON text; `None` when it is not JSON.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Option<Json> {
    serde_json::from_str::<serde_json::Value>(text).ok().map(|v| from_serde(&v, 0))
}

#[cfg(not(target_arch = "wasm32"))]
fn from_serde(v: &serde_json::Value, depth: usize) -> Json {
    use serde_json::Value;
    match v {
        _ if depth > MAX_DEPTH => Json::Null,
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Number(n.to_string()),
        Value::String(s) => Json::String(s.clone()),
        Value::Array(a) => Json::Array(a.iter().map(|x| from_serde(x, depth + 1)).collect()),
        Value::Object(o) => Json::Object(o.iter().map(|(k, x)| (k.clone(), from_serde(x, depth + 1))).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_objects_arrays_and_scalars() {
        let v = parse(r#"{"a":[1,true,null,"x"],"b":{"c":2.5}}"#).unwrap();
        assert_eq!(v.get("a").unwrap().as_array().unwrap().len(), 4);
        assert_eq!(v.get("b").unwrap().get("c"), Some(&Json::Number("2.5".into())));
        assert_eq!(v.get("missing"), None);
        assert_eq!(parse("not json"), None);
    }

    #[test]
    fn deep_nesting_is_cut_off_not_followed() {
        let depth = MAX_DEPTH + 10;
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let mut v = parse(&text).unwrap();
        let mut seen = 0;
        while let Json::Array(mut inner) = v {
            seen += 1;
            v = inner.pop().unwrap_or(Json::Null);
        }
        assert_eq!(seen, MAX_DEPTH + 1);
    }
}
