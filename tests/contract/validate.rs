//! Validation by ajv, through scripts/contract.mjs: every case of a run goes to one node process
//! (each value sent once however many schemas it is checked against), which compiles each schema
//! once.

use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};

/// A case's number in its [`Batch`].
pub type CaseId = usize;

#[derive(Default)]
pub struct Batch {
    values: Vec<Value>,
    value_ids: HashMap<String, usize>,
    cases: Vec<Value>,
    case_ids: HashMap<(String, String, usize, bool), CaseId>,
}

/// What ajv said about each case, and the SHA-256 of scripts/openapi-extract.mjs as it is now.
pub struct Verdicts {
    pub extractor_sha256: String,
    results: Vec<Result<(), Vec<String>>>,
}

impl Verdicts {
    pub fn of(&self, id: CaseId) -> Result<(), Vec<String>> {
        self.results
            .get(id)
            .cloned()
            .unwrap_or_else(|| Err(vec!["no verdict".into()]))
    }
}

impl Batch {
    /// The number of a value, `text` being its JSON: each value travels once.
    pub fn value(&mut self, text: &str, value: impl FnOnce() -> Value) -> usize {
        if let Some(&id) = self.value_ids.get(text) {
            return id;
        }
        self.values.push(value());
        self.value_ids.insert(text.to_string(), self.values.len() - 1);
        self.values.len() - 1
    }

    /// Asks for value number `value` (see [`Batch::value`]) to be checked against the schema at
    /// `pointer` in `deployment`'s subset. `why`: list the errors if it fails (not needed for an
    /// answer that must fail, and slow for one with a thousand bad items).
    pub fn case(&mut self, deployment: &str, pointer: &[String], value: usize, why: bool) -> CaseId {
        let key = (deployment.to_string(), pointer.join("\u{1f}"), value, why);
        let next = self.cases.len();
        let id = *self.case_ids.entry(key).or_insert(next);
        if id == next {
            self.cases
                .push(json!({ "deployment": deployment, "pointer": pointer, "value": value, "why": why }));
        }
        id
    }

    pub fn run(self) -> Result<Verdicts, String> {
        let input = json!({ "values": self.values, "cases": self.cases }).to_string();
        let mut child = Command::new("node")
            .arg("scripts/contract.mjs")
            .current_dir(crate::spec::root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run node scripts/contract.mjs: {e}"))?;
        let mut stdin = child.stdin.take().ok_or("no stdin")?;
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().map_err(|e| e.to_string())?;
        let _ = writer.join();
        if !out.status.success() {
            return Err(format!(
                "scripts/contract.mjs failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let v: Value = serde_json::from_slice(&out.stdout).map_err(|e| format!("scripts/contract.mjs printed {e}"))?;
        let results = v["results"]
            .as_array()
            .ok_or("scripts/contract.mjs printed no results")?
            .iter()
            .map(|r| {
                if r["valid"] == true {
                    Ok(())
                } else {
                    Err(r["errors"]
                        .as_array()
                        .map(|e| e.iter().map(|e| e.as_str().unwrap_or("?").to_string()).collect())
                        .unwrap_or_default())
                }
            })
            .collect::<Vec<_>>();
        if results.len() != self.cases.len() {
            return Err(format!("{} verdicts for {} cases", results.len(), self.cases.len()));
        }
        Ok(Verdicts {
            extractor_sha256: v["extractor_sha256"].as_str().unwrap_or_default().to_string(),
            results,
        })
    }
}
