//! The mock's runners, per scope: listed (filtered by `name`, paginated by `Link`), versioned
//! with strong `ETag`s (a matching `If-None-Match` gets a 304), removed with `DELETE`, and
//! coming online a few seconds after they are created, as a real runner does once started.
//! Adding the label [`LOST_LABEL`] is carried out and its answer lost on the way back.

use crate::scenario::{self, Reply};
use serde_json::{json, Value};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::time::{Duration, Instant};

/// Scopes with special runner lists, by their key.
pub mod fleet_scope {
    /// 5,000 runners: fifty pages of a hundred.
    pub const HUGE: &str = "huge-fleet-org";
    /// A runner asked for by name appears half a second after the first poll, and is online a
    /// second after it: what a runner set up with `config.sh` and started looks like, sped up.
    /// Without a name, `fresh-runner` does the same after the first look at the whole list.
    pub const WATCH: &str = "watch-org";
    /// [`WATCH`] with 150 runners already: the first page (of 100) is not the whole list, and
    /// `fresh-runner` turns up on the second.
    pub const WATCH_LARGE: &str = "watch-large-org";
    /// Every poll by name is refused by the primary rate limit, resetting 3 seconds later.
    pub const POLL_LIMITED: &str = "poll-limited-org";
    /// A runner's removal is carried out, and its answer lost on the way back.
    pub const LOST_DELETE: &str = "lost-delete-org";
    /// Runners of old, current and no versions; custom labels; `comes-back`, offline until the
    /// scope's first removal and online from then on; `stuck`, offline, whose removal GitHub
    /// refuses with a 422 (a job started meanwhile).
    pub const FLEET: &str = "fleet-org";
    /// [`FLEET`] whose second removal meets the secondary rate limit (`Retry-After: 1`) and
    /// fourth the primary one (`X-RateLimit-Remaining: 0`, resetting 2 s later), once each.
    pub const FLEET_LIMITED: &str = "fleet-limited-org";
}

/// A label whose addition is carried out, and its answer lost on the way back (any scope).
pub const LOST_LABEL: &str = "lost-on-the-way";

/// The runner that turns up in [`fleet_scope::WATCH`] without the page naming it.
pub const FRESH_RUNNER: &str = "fresh-runner";

/// How long a runner the mock creates stays offline.
pub const COMES_ONLINE_AFTER: Duration = Duration::from_secs(1);

/// How many runners [`fleet_scope::WATCH_LARGE`] has before `fresh-runner`.
pub const WATCH_LARGE_COUNT: u64 = 150;

/// How many runners [`fleet_scope::HUGE`] has.
pub const HUGE_COUNT: usize = 5000;

#[derive(Clone, Debug)]
pub struct MockRunner {
    pub id: u64,
    pub name: String,
    pub os: String,
    pub busy: bool,
    pub ephemeral: bool,
    pub group: u64,
    pub labels: Vec<String>,
    /// Offline until then (`None`: offline for good, unless `online_from_start`).
    pub online_at: Option<Instant>,
    /// `None` until it first connected.
    pub version: Option<String>,
    /// How many of `labels` (the first ones) are read-only.
    pub read_only: usize,
}

impl MockRunner {
    fn online(&self, now: Instant) -> bool {
        self.online_at.is_some_and(|at| now >= at)
    }

    pub(crate) fn json(&self, now: Instant) -> Value {
        let labels: Vec<Value> = self
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| json!({ "id": i + 1, "name": l, "type": if i < self.read_only { "read-only" } else { "custom" } }))
            .collect();
        json!({
            "id": self.id, "name": self.name, "os": self.os,
            "status": if self.online(now) { "online" } else { "offline" },
            "busy": self.online(now) && self.busy, "ephemeral": self.ephemeral,
            "runner_group_id": self.group, "labels": labels, "version": self.version,
        })
    }

    /// The labels answer: `{total_count, labels}`.
    fn labels_json(&self) -> Value {
        let labels: Vec<Value> = self
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| json!({ "id": i + 1, "name": l, "type": if i < self.read_only { "read-only" } else { "custom" } }))
            .collect();
        json!({ "total_count": labels.len(), "labels": labels })
    }
}

/// One scope's runners.
#[derive(Debug)]
pub struct Fleet {
    pub runners: Vec<MockRunner>,
    next_id: u64,
    /// Names first polled in [`fleet_scope::WATCH`] (and `WATCH_LARGE`), and when.
    first_polled: HashMap<String, Instant>,
    /// Removals asked for so far ([`fleet_scope::FLEET_LIMITED`]'s limits follow them).
    removals: usize,
}

pub(crate) fn runner(
    id: u64,
    name: &str,
    online: bool,
    busy: bool,
    labels: &[&str],
    group: u64,
    started: Instant,
) -> MockRunner {
    MockRunner {
        id,
        name: name.to_string(),
        os: "Linux".into(),
        busy,
        ephemeral: false,
        group,
        labels: ["self-hosted", "Linux", "X64"]
            .iter()
            .chain(labels)
            .map(|s| s.to_string())
            .collect(),
        online_at: online.then_some(started),
        version: Some(scenario::RUNNER_VERSION.to_string()),
        read_only: 3,
    }
}

impl Fleet {
    /// What a scope starts with.
    pub fn new(key: &str) -> Self {
        let now = Instant::now();
        let runners = if key == fleet_scope::HUGE {
            (1..=HUGE_COUNT as u64)
                .map(|i| {
                    let pool = format!("pool-{}", i % 7);
                    let mut r = runner(
                        i,
                        &format!("runner-{i:04}"),
                        i % 3 != 0,
                        i % 10 == 0,
                        &[&pool],
                        1 + i % 3,
                        now,
                    );
                    r.ephemeral = i % 50 == 0;
                    r
                })
                .collect()
        } else if key == fleet_scope::WATCH_LARGE {
            (1..=WATCH_LARGE_COUNT)
                .map(|i| runner(i, &format!("pool-{i:03}"), true, false, &[], 1, now))
                .collect()
        } else if key == fleet_scope::FLEET || key == fleet_scope::FLEET_LIMITED {
            let aged = |mut r: MockRunner, version: Option<&str>| {
                r.version = version.map(String::from);
                r
            };
            vec![
                aged(runner(21, "idle-old", true, false, &["gpu"], 1, now), Some("2.320.0")),
                runner(22, "busy-new", true, true, &[], 2, now),
                aged(runner(23, "dead-old", false, false, &[], 1, now), Some("2.300.0")),
                aged(runner(24, "never", false, false, &[], 1, now), None),
                runner(25, "dead-new", false, false, &["arm-pool"], 1, now),
                runner(26, "comes-back", false, false, &[], 1, now),
                aged(runner(27, "stuck", false, true, &[], 1, now), Some("2.300.0")),
                aged(runner(28, "dead-4", false, false, &[], 1, now), Some("2.310.0")),
            ]
        } else if let Some(runners) = crate::security::runners(key, now) {
            runners
        } else {
            vec![
                runner(11, "build-01", true, false, &["gpu"], 1, now),
                runner(12, "build-02", true, true, &[], 2, now),
                MockRunner {
                    ephemeral: true,
                    ..runner(13, "old-runner", false, false, &["arm-pool"], 1, now)
                },
            ]
        };
        Self {
            next_id: 1000 + runners.len() as u64,
            runners,
            first_polled: HashMap::new(),
            removals: 0,
        }
    }

    /// A just-in-time runner GitHub registered: offline until it starts.
    pub fn add_jit(&mut self, name: &str, group: u64, labels: Vec<String>) -> MockRunner {
        self.next_id += 1;
        let r = MockRunner {
            id: self.next_id,
            name: name.to_string(),
            os: "unknown".into(),
            busy: false,
            ephemeral: true,
            group,
            labels,
            online_at: Some(Instant::now() + COMES_ONLINE_AFTER),
            version: None,
            read_only: 0,
        };
        self.runners.push(r.clone());
        r
    }

    /// `GET {scope}/actions/runners?...`; `list_url` is the path the `Link` header points to.
    pub fn list(
        &mut self,
        key: &str,
        token: Option<&str>,
        query: &str,
        list_url: &str,
        if_none_match: Option<&str>,
    ) -> Reply {
        let refusal = scenario::registration(key, token, 1);
        if refusal.status != 201 {
            return refusal;
        }
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|p| p.strip_prefix(name)?.strip_prefix('='))
                .map(percent_decode)
        };
        let number = |name: &str, default: usize| param(name).and_then(|v| v.parse().ok()).unwrap_or(default);
        let now = Instant::now();
        let name = param("name");
        if key == fleet_scope::WATCH || key == fleet_scope::WATCH_LARGE {
            // The runner turns up half a second after the first look for it (by name, or at the
            // whole list for fresh-runner, whose name the page is never told) and is online at
            // a second: what a runner set up and started looks like, sped up for the tests.
            let wanted = name.clone().unwrap_or_else(|| FRESH_RUNNER.to_string());
            if !self.runners.iter().any(|r| r.name == wanted) {
                let first = *self.first_polled.entry(wanted.clone()).or_insert(now);
                if now >= first + Duration::from_millis(500) {
                    self.next_id += 1;
                    let mut r = runner(self.next_id, &wanted, false, false, &[], 1, now);
                    r.online_at = Some(first + Duration::from_secs(1));
                    self.runners.push(r);
                }
            }
        }
        if name.is_some() && key == fleet_scope::POLL_LIMITED {
            return scenario::rate_limited(3);
        }
        let matching: Vec<&MockRunner> = self
            .runners
            .iter()
            .filter(|r| name.as_ref().is_none_or(|n| &r.name == n))
            .collect();
        let per_page = number("per_page", 30).clamp(1, 100);
        let page = number("page", 1).max(1);
        let pages = matching.len().div_ceil(per_page).max(1);
        let items: Vec<Value> = matching
            .iter()
            .skip((page - 1) * per_page)
            .take(per_page)
            .map(|r| r.json(now))
            .collect();
        let body = json!({ "total_count": matching.len(), "runners": items }).to_string();
        let etag = format!("\"{:016x}\"", {
            let mut h = DefaultHasher::new();
            (query, &body).hash(&mut h);
            h.finish()
        });
        let mut links = Vec::new();
        if page < pages {
            links.push(format!(
                "<{list_url}?per_page={per_page}&page={}>; rel=\"next\"",
                page + 1
            ));
            links.push(format!("<{list_url}?per_page={per_page}&page={pages}>; rel=\"last\""));
        }
        let reply = if if_none_match == Some(etag.as_str()) {
            Reply {
                status: 304,
                ..Reply::no_content()
            }
        } else {
            Reply::json_text(200, body)
        };
        let reply = reply.header("ETag", etag);
        if links.is_empty() {
            reply
        } else {
            reply.header("Link", links.join(", "))
        }
    }

    /// `POST {scope}/actions/runners/{id}/labels` (add) and `DELETE .../labels/{name}` (remove
    /// one): the runner's whole label list, as GitHub answers both.
    pub fn labels(
        &mut self,
        key: &str,
        token: Option<&str>,
        id: u64,
        add: Option<&str>,
        remove: Option<&str>,
    ) -> Reply {
        let refusal = scenario::registration(key, token, 1);
        if refusal.status != 201 {
            return refusal;
        }
        const DOCS: &str = "https://docs.github.com/rest/actions/self-hosted-runners";
        let Some(r) = self.runners.iter_mut().find(|r| r.id == id) else {
            return scenario::error(404, "Not Found", DOCS);
        };
        let mut lost = false;
        if let Some(body) = add {
            let wanted: Vec<String> = serde_json::from_str::<Value>(body)
                .ok()
                .and_then(|b| {
                    b["labels"]
                        .as_array()
                        .map(|l| l.iter().filter_map(|v| v.as_str().map(String::from)).collect())
                })
                .unwrap_or_default();
            if wanted.is_empty() || wanted.iter().any(|l| l.is_empty() || l.len() > 256 || l.contains(',')) {
                return scenario::error(422, "Validation Failed", DOCS);
            }
            lost = wanted.iter().any(|l| l == LOST_LABEL);
            for label in wanted {
                if !r.labels.iter().any(|l| l.eq_ignore_ascii_case(&label)) {
                    r.labels.push(label);
                }
            }
        }
        if let Some(name) = remove {
            let at = r.labels.iter().position(|l| l.eq_ignore_ascii_case(name));
            match at {
                Some(i) if i >= r.read_only => {
                    r.labels.remove(i);
                }
                Some(_) => return scenario::error(422, "Validation Failed", DOCS),
                None => return scenario::error(404, "Not Found", DOCS),
            }
        }
        let answer = Reply::json_text(200, r.labels_json().to_string());
        if lost {
            answer.lost()
        } else {
            answer
        }
    }

    /// `PUT {scope}/actions/runner-groups/{group}/runners/{id}`: 204. `group_exists`: the
    /// scope has that group.
    pub fn move_to_group(&mut self, key: &str, token: Option<&str>, group: u64, id: u64, group_exists: bool) -> Reply {
        let refusal = scenario::registration(key, token, 1);
        if refusal.status != 201 {
            return refusal;
        }
        match self.runners.iter_mut().find(|r| r.id == id) {
            Some(r) if group_exists => {
                r.group = group;
                Reply::no_content()
            }
            _ => scenario::error(
                404,
                "Not Found",
                "https://docs.github.com/rest/actions/self-hosted-runner-groups",
            ),
        }
    }

    /// `DELETE {scope}/actions/runners/{id}`.
    pub fn remove(&mut self, key: &str, token: Option<&str>, id: u64) -> Reply {
        let refusal = scenario::registration(key, token, 1);
        if refusal.status != 201 {
            return refusal;
        }
        let now = Instant::now();
        self.removals += 1;
        if self.removals == 1 {
            // `comes-back` was offline when the page listed it; it is online from now on, while
            // a removal run is under way.
            if let Some(r) = self.runners.iter_mut().find(|r| r.name == "comes-back") {
                r.online_at = Some(now);
            }
        }
        if key == fleet_scope::FLEET_LIMITED && self.removals == 2 {
            return scenario::error(
                403,
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                scenario::RUNNERS_DOCS,
            )
            .header("Retry-After", "1");
        }
        if key == fleet_scope::FLEET_LIMITED && self.removals == 4 {
            return scenario::rate_limited(2);
        }
        match self.runners.iter().position(|r| r.id == id) {
            None => scenario::error(404, "Not Found", scenario::RUNNERS_DOCS),
            Some(i) if self.runners[i].name == "stuck" => scenario::error(
                422,
                "Bad request - Runner \"stuck\" is still running a job\"",
                scenario::RUNNERS_DOCS,
            ),
            Some(i) if self.runners[i].online(now) && self.runners[i].busy => {
                let name = self.runners[i].name.clone();
                scenario::error(
                    422,
                    &format!("Bad request - Runner \"{name}\" is still running a job\""),
                    scenario::RUNNERS_DOCS,
                )
            }
            Some(i) => {
                self.runners.remove(i);
                let gone = Reply::no_content();
                // This scope's removals happen, and their answers are lost.
                if key == fleet_scope::LOST_DELETE {
                    gone.lost()
                } else {
                    gone
                }
            }
        }
    }
}

pub(crate) fn percent_decode(s: &str) -> String {
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
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_paginate_and_an_unchanged_answer_is_a_304() {
        let mut fleet = Fleet::new(fleet_scope::HUGE);
        let first = fleet.list(
            fleet_scope::HUGE,
            Some("ghp_x"),
            "per_page=100",
            "http://m/orgs/huge-fleet-org/actions/runners",
            None,
        );
        assert_eq!(first.status, 200);
        let link = first
            .headers
            .iter()
            .find(|(k, _)| k == "Link")
            .map(|(_, v)| v.clone())
            .unwrap();
        assert!(
            link.contains("page=2>; rel=\"next\"") && link.contains("page=50>; rel=\"last\""),
            "{link}"
        );
        let etag = first
            .headers
            .iter()
            .find(|(k, _)| k == "ETag")
            .map(|(_, v)| v.clone())
            .unwrap();
        let again = fleet.list(
            fleet_scope::HUGE,
            Some("ghp_x"),
            "per_page=100",
            "http://m/x",
            Some(&etag),
        );
        assert_eq!((again.status, again.body.as_str()), (304, ""));
    }

    #[test]
    fn the_lost_label_is_added_before_its_answer_is_lost() {
        let mut fleet = Fleet::new("octo-org");
        let body = format!("{{\"labels\":[\"{LOST_LABEL}\"]}}");
        let reply = fleet.labels("octo-org", Some("ghp_x"), 11, Some(&body), None);
        assert!(reply.lost && reply.status == 200);
        assert!(fleet.runners[0].labels.iter().any(|l| l == LOST_LABEL));
        let plain = fleet.labels("octo-org", Some("ghp_x"), 11, Some(r#"{"labels":["cuda"]}"#), None);
        assert!(!plain.lost);
    }

    #[test]
    fn a_busy_runner_cannot_be_removed_and_an_idle_one_can() {
        let mut fleet = Fleet::new("octo-org");
        assert_eq!(fleet.remove("octo-org", Some("ghp_x"), 12).status, 422);
        assert_eq!(fleet.remove("octo-org", Some("ghp_x"), 11).status, 204);
        assert_eq!(fleet.remove("octo-org", Some("ghp_x"), 11).status, 404);
    }
}
