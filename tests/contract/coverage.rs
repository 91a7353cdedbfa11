//! The coverage table: per deployment, each operation and status, and which checks covered it
//! (a request of the page, an answer of the mock, an example the page's reader read).

use crate::spec::Subset;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// One line of the table: an operation's request (`status` "request") or one of its statuses.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Row {
    deployment: String,
    key: String,
    status: String,
    /// A status the operation does not describe (checked against GitHub's error body).
    undescribed: bool,
}

impl Row {
    pub fn request(deployment: &str, key: &str) -> Self {
        Self::status(deployment, key, "request", false)
    }

    pub fn status(deployment: &str, key: &str, status: &str, undescribed: bool) -> Self {
        Self {
            deployment: deployment.into(),
            key: key.into(),
            status: status.into(),
            undescribed,
        }
    }
}

#[derive(Default)]
struct Cell {
    requests: usize,
    answers: usize,
    /// Answers that fail validation on purpose (`expected::OFF_CONTRACT`).
    off_contract: usize,
    examples: usize,
    readers: BTreeSet<&'static str>,
    /// GitHub's own examples that fail GitHub's own schema (informational).
    notes: Vec<String>,
}

#[derive(Default)]
pub struct Coverage {
    cells: BTreeMap<Row, Cell>,
    absent: BTreeSet<(String, String)>,
}

impl Coverage {
    pub fn absent(&mut self, deployment: &str, key: &str) {
        self.absent.insert((deployment.into(), key.into()));
    }

    pub fn count_request(&mut self, row: &Row) {
        self.cells.entry(row.clone()).or_default().requests += 1;
    }

    pub fn count_answer(&mut self, row: &Row) {
        self.cells.entry(row.clone()).or_default().answers += 1;
    }

    pub fn count_off_contract(&mut self, row: &Row) {
        self.cells.entry(row.clone()).or_default().off_contract += 1;
    }

    pub fn count_example(&mut self, row: &Row, reader: &'static str) {
        let cell = self.cells.entry(row.clone()).or_default();
        cell.examples += 1;
        cell.readers.insert(reader);
    }

    pub fn note_example(&mut self, row: &Row, note: &str) {
        self.cells.entry(row.clone()).or_default().notes.push(note.into());
    }

    /// The table in Markdown. `all`: also the operations nothing covers yet (extracted for the
    /// page's coming features).
    pub fn markdown(&self, subsets: &[Subset], all: bool) -> String {
        let mut out = String::new();
        for s in subsets {
            let _ = writeln!(
                out,
                "\n### {} ({} {}, {})\n",
                s.name,
                s.text("package"),
                s.text("version"),
                s.text("source")
            );
            out.push_str("| operation | status | request | mock answers | examples read |\n|---|---|---|---|---|\n");
            let mut notes = Vec::new();
            let mut unused = Vec::new();
            let absent = s.absent();
            let keys = s.operations().keys().map(String::as_str).chain(absent.iter().copied());
            for key in keys {
                if self.absent.contains(&(s.name.to_string(), key.to_string())) {
                    let _ = writeln!(out, "| `{key}` | absent | expected (ABSENT) | | |");
                    continue;
                }
                let Some(op) = s.operation(key) else {
                    if all {
                        unused.push(format!("`{key}` (absent)"));
                    }
                    continue;
                };
                let mut rows: Vec<(String, bool)> = vec![("request".into(), false)];
                let described: Vec<String> = op["responses"]
                    .as_object()
                    .map(|r| r.keys().cloned().collect())
                    .unwrap_or_default();
                rows.extend(described.iter().map(|st| (st.clone(), false)));
                for row in self
                    .cells
                    .keys()
                    .filter(|r| r.deployment == s.name && r.key == key && r.undescribed)
                {
                    rows.push((row.status.clone(), true));
                }
                rows[1..].sort();
                let cells: Vec<(&(String, bool), Option<&Cell>)> = rows
                    .iter()
                    .map(|r| (r, self.cells.get(&Row::status(s.name, key, &r.0, r.1))))
                    .collect();
                let covered = cells
                    .iter()
                    .any(|(_, c)| c.is_some_and(|c| c.requests + c.answers + c.off_contract + c.examples > 0));
                if !covered {
                    unused.push(format!("`{key}` ({})", described.join(", ")));
                    if all {
                        for ((status, _), cell) in &cells {
                            let cell_notes = cell.map(|c| c.notes.as_slice()).unwrap_or_default();
                            notes.extend(cell_notes.iter().map(|n| format!("`{key}` {status}: {n}")));
                        }
                    }
                    continue;
                }
                for (i, ((status, undescribed), cell)) in cells.into_iter().enumerate() {
                    let first = if i == 0 { format!("`{key}`") } else { String::new() };
                    let status = match (status.as_str(), undescribed) {
                        ("request", _) => "request".to_string(),
                        (st, true) => format!("{st}\u{a0}*"),
                        (st, false) => st.to_string(),
                    };
                    let tick = |n: usize| if n > 0 { format!("✓ {n}") } else { String::new() };
                    let (req, ans, ex) = cell.map_or_else(Default::default, |c| {
                        let readers = c.readers.iter().copied().collect::<Vec<_>>().join(", ");
                        let ex = if c.examples > 0 {
                            format!("✓ {} ({readers})", c.examples)
                        } else {
                            String::new()
                        };
                        let ans = match (c.answers, c.off_contract) {
                            (_, 0) => tick(c.answers),
                            (0, off) => format!("✗ {off} on purpose"),
                            (n, off) => format!("✓ {n}, ✗ {off} on purpose"),
                        };
                        (tick(c.requests), ans, ex)
                    });
                    let _ = writeln!(out, "| {first} | {status} | {req} | {ans} | {ex} |");
                    if let Some(c) = cell {
                        notes.extend(c.notes.iter().map(|n| format!("`{key}` {status}: {n}")));
                    }
                }
            }
            out.push_str(
                "\n\\* a status the operation does not describe: the body is checked against GitHub's \
                 `basic-error` schema (or must be empty, for a 304 or a 302). ✗ on purpose: answers of \
                 `expected::OFF_CONTRACT` scenarios, which must fail.\n",
            );
            if all && !unused.is_empty() {
                out.push_str("\nExtracted, not used yet (described statuses):\n\n");
                for u in unused {
                    let _ = writeln!(out, "- {u}");
                }
            }
            if !notes.is_empty() {
                let _ = writeln!(
                    out,
                    "\nGitHub's own examples that fail GitHub's own schema (informational):\n"
                );
                for n in notes {
                    let _ = writeln!(out, "- {n}");
                }
            }
        }
        out
    }
}
