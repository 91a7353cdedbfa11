//! The committed subsets of GitHub's OpenAPI description (tests/contract/openapi/, written by
//! scripts/openapi-extract.mjs), and which of their operations a concrete request names.

use crate::expected::ALIASES;
use serde_json::{Map, Value};
use std::path::PathBuf;

/// Every deployment the page supports, by the file name of its description.
pub const DEPLOYMENTS: [&str; 5] = ["api.github.com", "ghec", "ghes-3.17", "ghes-3.18", "ghes-3.19"];

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn subset_dir() -> PathBuf {
    root().join("tests/contract/openapi")
}

/// Where a deployment serves its API: at the host's root, or under `/api/v3` (Enterprise Server).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    Cloud,
    Server,
}

impl Layout {
    pub const ALL: [Layout; 2] = [Layout::Cloud, Layout::Server];
}

/// One deployment's subset.
pub struct Subset {
    pub name: &'static str,
    pub doc: Value,
}

impl Subset {
    pub fn load(name: &'static str) -> Result<Self, String> {
        let path = subset_dir().join(format!("{name}.json"));
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Self { name, doc })
    }

    pub fn operations(&self) -> &Map<String, Value> {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        self.doc["operations"]
            .as_object()
            .unwrap_or_else(|| EMPTY.get_or_init(Map::new))
    }

    pub fn operation(&self, key: &str) -> Option<&Value> {
        self.operations().get(key)
    }

    /// The operations scripts/openapi-extract.mjs asked for that this description lacks.
    pub fn absent(&self) -> Vec<&str> {
        self.doc["absent"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }

    pub fn text(&self, key: &str) -> &str {
        self.doc[key].as_str().unwrap_or("?")
    }

    pub fn layout(&self) -> Layout {
        let server = self.doc["servers"]
            .as_array()
            .is_some_and(|s| s.iter().any(|u| u.as_str().is_some_and(|u| u.ends_with("/api/v3"))));
        if server {
            Layout::Server
        } else {
            Layout::Cloud
        }
    }
}

/// What a request names in a deployment's description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A described operation (`METHOD /template`), with the path parameters' decoded values.
    /// `alias` names the entry of [`ALIASES`] that mapped an undescribed path onto it.
    Present {
        key: String,
        params: Vec<(String, String)>,
        alias: Option<&'static str>,
    },
    /// An operation scripts/openapi-extract.mjs asked for that this description lacks.
    Absent { key: String },
    /// Nothing in the subset: neither described nor on the extraction's list.
    Unknown,
}

/// Which operation `method path` (path without query, segments percent-encoded) is: the
/// template that matches with the most literal segments, as OpenAPI orders them.
pub fn find(subset: &Subset, method: &str, path: &str) -> Found {
    let present = subset.operations().keys().map(|k| (k.as_str(), true));
    let absent = subset.absent().into_iter().map(|k| (k, false));
    let best = present
        .chain(absent)
        .filter_map(|(key, here)| {
            let (m, template) = key.split_once(' ')?;
            (m == method).then_some(())?;
            let (literals, params) = matches(template, path)?;
            Some((literals, key, here, params))
        })
        .max_by_key(|(literals, ..)| *literals);
    match best {
        Some((_, key, true, params)) => Found::Present {
            key: key.to_string(),
            params,
            alias: None,
        },
        Some((_, key, false, _)) => Found::Absent { key: key.to_string() },
        None => ALIASES
            .iter()
            .find(|a| a.method == method && matches(a.path, path).is_some())
            .map_or(Found::Unknown, |a| match find(subset, method, a.described_path) {
                Found::Present { key, .. } => Found::Present {
                    key,
                    params: Vec::new(),
                    alias: Some(a.path),
                },
                other => other,
            }),
    }
}

/// The number of literal segments and the parameters, when `path` fits `template`.
fn matches(template: &str, path: &str) -> Option<(usize, Vec<(String, String)>)> {
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    let mut literals = 0;
    let mut params = Vec::new();
    for (t, p) in t.iter().zip(&p) {
        match t.strip_prefix('{').and_then(|n| n.strip_suffix('}')) {
            Some(name) if !p.is_empty() => params.push((name.to_string(), percent_decode(p))),
            Some(_) => return None,
            None if t == p => literals += 1,
            None => return None,
        }
    }
    Some((literals, params))
}

/// `name=value` pairs of a query, decoded.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A parameter's value as its schema types it: `"100"` is the number 100 for an integer.
pub fn typed(schema: &Value, value: &str) -> Value {
    let number = || value.parse::<i64>().ok().map(Value::from);
    match schema["type"].as_str() {
        Some("integer" | "number") => number().unwrap_or_else(|| Value::from(value)),
        Some("boolean") => match value {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::from(value),
        },
        _ => Value::from(value),
    }
}

/// The JSON pointer steps to a response's JSON schema, or `None` when the response has no body.
pub fn response_schema(op: &Value, status: &str) -> Option<Vec<String>> {
    op["responses"][status]["content"]["application/json"]["schema"]
        .is_object()
        .then(|| {
            ["responses", status, "content", "application/json", "schema"]
                .map(String::from)
                .to_vec()
        })
}
