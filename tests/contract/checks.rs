//! The three checks, per deployment: (a) the page's requests against the described operations,
//! (b) the mock's answers against the described responses, (c) the page's readers against the
//! descriptions' own examples. Each finding lands in the trial it belongs to; every check that
//! passed counts in the coverage table.

use crate::coverage::{Coverage, Row};
use crate::expected::{self, OFF_CONTRACT};
use crate::mock::Answer;
use crate::spec::{self, Found, Subset};
use crate::validate::{Batch, CaseId, Verdicts};
use runner_token::github::actions::{parse_jobs, parse_rate_limit, parse_repository, parse_runs, parse_user};
use runner_token::github::call::catalogue;
use runner_token::github::downloads::parse_downloads;
use runner_token::github::error::ResponseMeta;
use runner_token::github::groups::parse_group_infos;
use runner_token::github::jit::parse_jit_config;
use runner_token::github::policies::{
    parse_actions_permissions, parse_fork_approval, parse_fork_private, parse_has_public_repositories,
    parse_self_hosted_runners, parse_workflow_permissions,
};
use runner_token::github::runner_token::parse_runner_token;
use runner_token::github::runners::parse_runners;
use runner_token::github::ApiError;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Findings by trial name.
pub type Problems = BTreeMap<String, Vec<String>>;

pub fn requests_trial(d: &str) -> String {
    format!("requests::{d}")
}
pub fn answers_trial(d: &str) -> String {
    format!("mock_answers::{d}")
}
pub fn examples_trial(d: &str) -> String {
    format!("examples::{d}")
}
pub const EXACT_LISTS: &str = "expected_lists_are_exact";
pub const MARKER: &str = "subset::written_by_this_extractor";

/// What a pending validation means once ajv has spoken.
enum Expect {
    /// Must validate; on success count `row` in the coverage table.
    Valid { row: Row, counts: Counts },
    /// Must NOT validate (a deliberate off-contract answer); counted in `row`.
    Invalid { entry: usize, row: Row },
    /// Either way; a failure is noted in the coverage table (GitHub's example and its schema).
    Note { row: Row },
}

#[derive(Clone, Copy)]
enum Counts {
    Request,
    Answer,
}

struct Pending {
    trial: String,
    context: String,
    case: CaseId,
    expect: Expect,
}

#[derive(Default)]
pub struct Run {
    pub problems: Problems,
    pub coverage: Coverage,
    batch: Batch,
    pending: Vec<Pending>,
    /// ABSENT entries (deployment, operation) some request hit.
    absences_hit: BTreeSet<(String, String)>,
    /// ALIASES some answer used.
    aliases_hit: BTreeSet<&'static str>,
    /// OFF_CONTRACT entries some answer matched.
    off_contract_hit: BTreeSet<usize>,
}

impl Run {
    fn problem(&mut self, trial: &str, text: String) {
        self.problems.entry(trial.to_string()).or_default().push(text);
    }

    fn expect(
        &mut self,
        trial: &str,
        context: String,
        subset: &Subset,
        pointer: Vec<String>,
        value: &Value,
        e: Expect,
    ) {
        let id = self.batch.value(&value.to_string(), || value.clone());
        self.expect_value(trial, context, subset, pointer, id, e);
    }

    fn expect_value(
        &mut self,
        trial: &str,
        context: String,
        subset: &Subset,
        pointer: Vec<String>,
        value: usize,
        e: Expect,
    ) {
        let why = !matches!(e, Expect::Invalid { .. });
        let case = self.batch.case(subset.name, &pointer, value, why);
        self.pending.push(Pending {
            trial: trial.to_string(),
            context,
            case,
            expect: e,
        });
    }

    /// (a) Every request of the page's catalogue, in every deployment.
    pub fn requests(&mut self, subset: &Subset) {
        let trial = requests_trial(subset.name);
        for (kind, call) in catalogue() {
            let (route, query) = call.path.split_once('?').unwrap_or((&call.path, ""));
            let method = call.method.as_str();
            let context = format!("{method} {} ({})", call.path, kind.noun());
            let (key, params) = match spec::find(subset, method, route) {
                Found::Unknown => {
                    self.problem(
                        &trial,
                        format!(
                            "{context}: no operation of the subset fits (add it to OPERATIONS in \
                             scripts/openapi-extract.mjs, if GitHub describes it)"
                        ),
                    );
                    continue;
                }
                Found::Absent { key } => {
                    match expected::absence(subset.name, &key) {
                        Some(_) => {
                            self.absences_hit.insert((subset.name.to_string(), key.clone()));
                            self.coverage.absent(subset.name, &key);
                        }
                        None => self.problem(
                            &trial,
                            format!(
                                "{context}: `{key}` is absent from {}'s description and not in ABSENT \
                                 (tests/contract/expected.rs): the page needs a deliberate message there; \
                                 list it with the reason",
                                subset.name
                            ),
                        ),
                    }
                    continue;
                }
                Found::Present { key, params, .. } => (key, params),
            };
            let Some(op) = subset.operation(&key).cloned() else {
                continue;
            };
            let row = Row::request(subset.name, &key);
            let parameters = op["parameters"].as_array().cloned().unwrap_or_default();
            let position =
                |place: &str, name: &str| parameters.iter().position(|p| p["in"] == place && p["name"] == name);
            let mut checked = false;
            let query = spec::query_pairs(query);
            for (place, pairs) in [("path", &params), ("query", &query)] {
                for (name, value) in pairs {
                    let Some(i) = position(place, name) else {
                        self.problem(
                            &trial,
                            format!("{context}: {place} parameter `{name}` is not described"),
                        );
                        continue;
                    };
                    let typed = spec::typed(&parameters[i]["schema"], value);
                    let pointer = ["operations", &key, "parameters", &i.to_string(), "schema"].map(String::from);
                    self.expect(
                        &trial,
                        format!("{context}: {place} parameter `{name}={value}`"),
                        subset,
                        pointer.to_vec(),
                        &typed,
                        Expect::Valid {
                            row: row.clone(),
                            counts: Counts::Request,
                        },
                    );
                    checked = true;
                }
            }
            for p in &parameters {
                let sent = |list: &Vec<(String, String)>| list.iter().any(|(n, _)| p["name"] == n.as_str());
                let missing = match p["in"].as_str() {
                    Some("query") => !sent(&query),
                    Some("path") => !sent(&params),
                    _ => false,
                };
                if p["required"] == true && missing {
                    self.problem(
                        &trial,
                        format!("{context}: required parameter {} is not sent", p["name"]),
                    );
                }
            }
            let body_schema = &op["requestBody"]["content"]["application/json"]["schema"];
            match &call.body {
                Some(body) if body_schema.is_object() => match serde_json::from_str::<Value>(body) {
                    Ok(v) => {
                        let pointer = [
                            "operations",
                            &key,
                            "requestBody",
                            "content",
                            "application/json",
                            "schema",
                        ];
                        self.expect(
                            &trial,
                            format!("{context}: body {body}"),
                            subset,
                            pointer.map(String::from).to_vec(),
                            &v,
                            Expect::Valid {
                                row: row.clone(),
                                counts: Counts::Request,
                            },
                        );
                        checked = true;
                    }
                    Err(e) => self.problem(&trial, format!("{context}: the body is not JSON ({e})")),
                },
                Some(_) => self.problem(&trial, format!("{context}: sends a body; `{key}` takes none")),
                None if op["requestBody"]["required"] == true => {
                    self.problem(&trial, format!("{context}: `{key}` requires a body; none is sent"))
                }
                None => {}
            }
            if !checked {
                // Nothing for ajv (GET /): existing is the whole check.
                self.coverage.count_request(&row);
            }
        }
    }

    /// (b) Every answer the mock gave, in each deployment of its layout. Each body is read once.
    pub fn answers(&mut self, subsets: &[Subset], answers: &[Answer]) {
        for a in answers {
            let parsed = serde_json::from_str::<Value>(&a.body).map(|v| self.batch.value(&a.body, || v));
            for subset in subsets.iter().filter(|s| s.layout() == a.layout) {
                self.answer(subset, a, &parsed);
            }
        }
    }

    fn answer(&mut self, subset: &Subset, a: &Answer, parsed: &Result<usize, serde_json::Error>) {
        let trial = answers_trial(subset.name);
        let context = format!(
            "{} [{}]: {} {} answered {}",
            a.what, a.scenario, a.method, a.path, a.status
        );
        if a.status == 0 {
            self.problem(&trial, format!("{context}: {}", a.body));
            return;
        }
        let (key, alias) = match spec::find(subset, a.method, a.route()) {
            Found::Present { key, alias, .. } => (key, alias),
            // Nothing to check it against; requests::D judges whether the absence is expected.
            Found::Absent { .. } => return,
            Found::Unknown => {
                self.problem(&trial, format!("{context}: no operation of the subset fits this path"));
                return;
            }
        };
        if let Some(alias) = alias {
            self.aliases_hit.insert(alias);
        }
        let Some(op) = subset.operation(&key) else {
            return;
        };
        let status = a.status.to_string();
        let described = op["responses"].get(&status).is_some();
        let off = expected::off_contract(&a.scenario, a.status, a.is_token_endpoint());
        let row = Row::status(subset.name, &key, &status, !described);
        // The page's reader on the mock's success answer, as on GitHub's examples; but not on one
        // past the page's body limit, which it refuses on purpose (huge-org's 10 MB token).
        let readable = a.body.len() <= runner_token::github::body::MAX_BODY;
        let parsed_body = serde_json::from_str(&a.body);
        if let (None, true, Some((name, read)), Ok(v)) = (off, readable, reader(&key, &status), parsed_body) {
            if let Err(e) = read(&a.body, &v) {
                self.problem(&trial, format!("{context}: {name}: {e}"));
            }
        }
        let pointer = if described {
            spec::response_schema(op, &status).map(|p| [vec!["operations".to_string(), key.clone()], p].concat())
        } else if a.body.is_empty() && a.status < 400 {
            // A 304 or 302 without a body: nothing to validate.
            None
        } else {
            // A status the operation does not describe: GitHub's error body.
            Some(vec!["schemas".to_string(), "basic-error".to_string()])
        };
        let Some(pointer) = pointer else {
            match (a.body.is_empty(), off) {
                (true, None) => self.coverage.count_answer(&row),
                (true, Some(i)) => self.problem(
                    &trial,
                    format!(
                        "{context}: answers as described, yet OFF_CONTRACT says {} does not: remove the entry",
                        OFF_CONTRACT[i].scenario
                    ),
                ),
                (false, None) => self.problem(
                    &trial,
                    format!("{context}: a body where GitHub describes none: {}", cut(&a.body)),
                ),
                (false, Some(i)) => {
                    self.off_contract_hit.insert(i);
                }
            }
            return;
        };
        match (parsed, off) {
            (Ok(v), None) => {
                let expect = Expect::Valid {
                    row,
                    counts: Counts::Answer,
                };
                self.expect_value(&trial, context, subset, pointer, *v, expect);
            }
            (Ok(v), Some(entry)) => {
                self.expect_value(&trial, context, subset, pointer, *v, Expect::Invalid { entry, row })
            }
            (Err(_), Some(entry)) => {
                self.off_contract_hit.insert(entry);
                self.coverage.count_off_contract(&row);
            }
            (Err(e), None) => self.problem(&trial, format!("{context}: not JSON ({e}): {}", cut(&a.body))),
        }
    }

    /// (c) The page's readers on every example of every operation it reads.
    pub fn examples(&mut self, subset: &Subset) {
        let trial = examples_trial(subset.name);
        let operations: Vec<(String, Value)> = subset
            .operations()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (key, op) in operations {
            let Some(responses) = op["responses"].as_object() else {
                continue;
            };
            for (status, response) in responses {
                let Some(examples) = response["content"]["application/json"]["examples"].as_object() else {
                    continue;
                };
                let code: u16 = status.parse().unwrap_or(0);
                let reader = reader(&key, status);
                let row = Row::status(subset.name, &key, status, false);
                for (name, example) in examples {
                    let value = &example["value"];
                    let text = value.to_string();
                    let context = format!("{key} {status}, example `{name}`");
                    if let Some(pointer) = spec::response_schema(&op, status) {
                        let pointer = [vec!["operations".to_string(), key.clone()], pointer].concat();
                        self.expect(
                            &trial,
                            context.clone(),
                            subset,
                            pointer,
                            value,
                            Expect::Note { row: row.clone() },
                        );
                    }
                    let outcome = match (&reader, code) {
                        (Some((_, read)), _) => Some(read(&text, value)),
                        (None, 400..=599) => Some(read_error(code, &text, value)),
                        _ => None,
                    };
                    match outcome {
                        Some(Ok(())) => {
                            let name = reader.as_ref().map_or("ApiError::from_response", |r| r.0);
                            self.coverage.count_example(&row, name);
                        }
                        Some(Err(e)) => self.problem(&trial, format!("{context}: {e}")),
                        None => {}
                    }
                }
            }
        }
    }

    /// The marker and the lists of expected exceptions: each entry still needed.
    pub fn exact_lists(&mut self, subsets: &[Subset]) {
        for a in expected::ABSENT {
            for d in a.deployments {
                for op in a.operations {
                    let present = subsets.iter().any(|s| s.name == *d && s.operation(op).is_some());
                    if present {
                        self.problem(
                            EXACT_LISTS,
                            format!("ABSENT lists `{op}` for {d}, which describes it now"),
                        );
                    } else if !self.absences_hit.contains(&(d.to_string(), op.to_string())) {
                        self.problem(
                            EXACT_LISTS,
                            format!("ABSENT lists `{op}` for {d}; no request of the page needs it"),
                        );
                    }
                }
            }
        }
        for a in expected::ALIASES {
            if !self.aliases_hit.contains(a.path) {
                self.problem(EXACT_LISTS, format!("ALIASES lists {}; no mock answer used it", a.path));
            }
        }
    }

    /// Runs ajv on everything pending and sorts the verdicts into findings and coverage.
    pub fn finish(&mut self, subsets: &[Subset]) -> Result<Verdicts, String> {
        let verdicts = std::mem::take(&mut self.batch).run()?;
        for s in subsets {
            if s.text("extractor_sha256") != verdicts.extractor_sha256 {
                self.problem(
                    MARKER,
                    format!(
                        "tests/contract/openapi/{}.json was written by another version of scripts/openapi-extract.mjs: \
                         run `node scripts/openapi-extract.mjs` and commit the result",
                        s.name
                    ),
                );
            }
            let pinned = crate::tools::version("OPENAPI_VERSION");
            if s.text("version") != pinned {
                self.problem(
                    MARKER,
                    format!(
                        "tests/contract/openapi/{}.json comes from @octokit/openapi {}, scripts/versions.env pins {pinned}: \
                         run `node scripts/openapi-extract.mjs` and commit the result",
                        s.name,
                        s.text("version")
                    ),
                );
            }
        }
        for p in std::mem::take(&mut self.pending) {
            match (verdicts.of(p.case), p.expect) {
                (Ok(()), Expect::Valid { row, counts }) => match counts {
                    Counts::Request => self.coverage.count_request(&row),
                    Counts::Answer => self.coverage.count_answer(&row),
                },
                (Err(errors), Expect::Valid { .. }) => {
                    self.problem(&p.trial, format!("{}: {}", p.context, summary(&errors)));
                }
                (Ok(()), Expect::Invalid { entry, .. }) => self.problem(
                    &p.trial,
                    format!(
                        "{}: validates, yet OFF_CONTRACT says {} answers unlike GitHub here ({}): remove the entry",
                        p.context, OFF_CONTRACT[entry].scenario, OFF_CONTRACT[entry].reason
                    ),
                ),
                (Err(_), Expect::Invalid { entry, row }) => {
                    self.off_contract_hit.insert(entry);
                    self.coverage.count_off_contract(&row);
                }
                (Ok(()), Expect::Note { .. }) => {}
                (Err(errors), Expect::Note { row }) => self.coverage.note_example(&row, &summary(&errors)),
            }
        }
        for (i, o) in OFF_CONTRACT.iter().enumerate() {
            if !self.off_contract_hit.contains(&i) {
                self.problem(
                    EXACT_LISTS,
                    format!(
                        "OFF_CONTRACT lists {} ({}), but no answer of it fails validation",
                        o.scenario, o.status
                    ),
                );
            }
        }
        Ok(verdicts)
    }
}

/// ajv's first few errors: one missing object can make a hundred.
fn summary(errors: &[String]) -> String {
    const SHOWN: usize = 6;
    let mut out = errors.iter().take(SHOWN).cloned().collect::<Vec<_>>().join("; ");
    if errors.len() > SHOWN {
        out.push_str(&format!("; and {} more", errors.len() - SHOWN));
    }
    out
}

fn cut(s: &str) -> String {
    let mut out: String = s.chars().take(160).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

type Read = fn(&str, &Value) -> Result<(), String>;

/// The page's reader for an operation's success answer, if it reads one. Extend this when the
/// page reads a new endpoint.
fn reader(key: &str, status: &str) -> Option<(&'static str, Read)> {
    const READERS: &[(&str, &str, &str, &str, Read)] = &[
        (
            "POST",
            "/actions/runners/registration-token",
            "201",
            "parse_runner_token",
            read_token,
        ),
        (
            "POST",
            "/actions/runners/remove-token",
            "201",
            "parse_runner_token",
            read_token,
        ),
        (
            "POST",
            "/actions/runners/generate-jitconfig",
            "201",
            "parse_jit_config",
            read_jit,
        ),
        (
            "GET",
            "/actions/runners/downloads",
            "200",
            "parse_downloads",
            read_downloads,
        ),
        ("GET", "/actions/runner-groups", "200", "parse_group_infos", read_groups),
        ("GET", "/actions/runners", "200", "parse_runners", read_runners),
        (
            "GET",
            "/runner-groups/{runner_group_id}/runners",
            "200",
            "parse_runners",
            read_runners,
        ),
        ("GET", "/user", "200", "parse_user", read_user),
        ("GET", "/rate_limit", "200", "parse_rate_limit", read_rate_limit),
        (
            "GET",
            "/repos/{owner}/{repo}",
            "200",
            "parse_repository",
            read_repository,
        ),
        ("GET", "/actions/runs", "200", "parse_runs", read_runs),
        ("GET", "/actions/runs/{run_id}/jobs", "200", "parse_jobs", read_jobs),
        (
            "GET",
            "/actions/permissions",
            "200",
            "parse_actions_permissions",
            read_actions_permissions,
        ),
        (
            "GET",
            "/actions/permissions/self-hosted-runners",
            "200",
            "parse_self_hosted_runners",
            read_self_hosted_runners,
        ),
        (
            "GET",
            "/actions/permissions/fork-pr-contributor-approval",
            "200",
            "parse_fork_approval",
            read_fork_approval,
        ),
        (
            "GET",
            "/actions/permissions/fork-pr-workflows-private-repos",
            "200",
            "parse_fork_private",
            read_fork_private,
        ),
        (
            "GET",
            "/actions/permissions/workflow",
            "200",
            "parse_workflow_permissions",
            read_workflow_permissions,
        ),
        (
            "GET",
            "/orgs/{org}",
            "200",
            "parse_has_public_repositories",
            read_has_public_repositories,
        ),
    ];
    let (method, path) = key.split_once(' ')?;
    READERS
        .iter()
        .find(|(m, tail, s, ..)| *m == method && path.ends_with(tail) && *s == status)
        .map(|(.., name, read)| (*name, *read))
}

fn count(v: &Value) -> usize {
    v.as_array().map_or(0, Vec::len)
}

fn kept(what: &str, read: usize, sent: usize) -> Result<(), String> {
    (read == sent)
        .then_some(())
        .ok_or_else(|| format!("the reader kept {read} of the {sent} {what}"))
}

fn read_token(text: &str, _: &Value) -> Result<(), String> {
    parse_runner_token(text).map(drop).map_err(|e| e.to_string())
}

fn read_jit(text: &str, v: &Value) -> Result<(), String> {
    let config = parse_jit_config(text).map_err(|e| e.to_string())?;
    match (config.runner_id, v["runner"]["id"].as_u64()) {
        (None, Some(id)) => Err(format!("the reader lost the runner's id {id}")),
        _ => Ok(()),
    }
}

fn read_downloads(text: &str, v: &Value) -> Result<(), String> {
    kept(
        "packages",
        parse_downloads(text).map_err(|e| e.to_string())?.len(),
        count(v),
    )
}

fn read_groups(text: &str, v: &Value) -> Result<(), String> {
    let groups = parse_group_infos(text).map_err(|e| e.to_string())?;
    kept("runner groups", groups.len(), count(&v["runner_groups"]))
}

fn read_user(text: &str, v: &Value) -> Result<(), String> {
    let login = parse_user(text).map_err(|e| e.to_string())?;
    (v["login"].as_str() == Some(login.as_str()))
        .then_some(())
        .ok_or_else(|| format!("the login was read as {login:?}"))
}

fn read_rate_limit(text: &str, v: &Value) -> Result<(), String> {
    let rate = parse_rate_limit(text).map_err(|e| e.to_string())?;
    (v["resources"]["core"]["remaining"].as_u64() == Some(rate.remaining))
        .then_some(())
        .ok_or_else(|| format!("the core budget was read as {rate:?}"))
}

fn read_repository(text: &str, v: &Value) -> Result<(), String> {
    let repo = parse_repository(text).map_err(|e| e.to_string())?;
    (v["private"].as_bool() == Some(repo.private))
        .then_some(())
        .ok_or_else(|| format!("the repository was read as {repo:?}"))
}

fn read_runs(text: &str, v: &Value) -> Result<(), String> {
    kept(
        "workflow runs",
        parse_runs(text).map_err(|e| e.to_string())?.len(),
        count(&v["workflow_runs"]),
    )
}

fn read_jobs(text: &str, v: &Value) -> Result<(), String> {
    kept(
        "jobs",
        parse_jobs(text).map_err(|e| e.to_string())?.len(),
        count(&v["jobs"]),
    )
}

fn read_runners(text: &str, v: &Value) -> Result<(), String> {
    let page = parse_runners(text).map_err(|e| e.to_string())?;
    kept("runners", page.runners.len(), count(&v["runners"]))
}

/// `Ok` when the reader's `read` is what the answer `sent`, else what it read.
fn same<T: std::fmt::Debug + PartialEq>(what: &str, read: T, sent: T) -> Result<(), String> {
    (read == sent)
        .then_some(())
        .ok_or_else(|| format!("{what} was read as {read:?}, the answer says {sent:?}"))
}

fn read_actions_permissions(text: &str, v: &Value) -> Result<(), String> {
    let p = parse_actions_permissions(text).map_err(|e| e.to_string())?;
    same(
        "allowed_actions",
        p.allowed_actions.as_deref(),
        v["allowed_actions"].as_str(),
    )?;
    same(
        "sha_pinning_required",
        p.sha_pinning_required,
        v["sha_pinning_required"].as_bool(),
    )
}

fn read_self_hosted_runners(text: &str, v: &Value) -> Result<(), String> {
    let p = parse_self_hosted_runners(text).map_err(|e| e.to_string())?;
    same(
        "enabled_repositories",
        Some(p.enabled_repositories.as_str()),
        v["enabled_repositories"].as_str(),
    )
}

fn read_fork_approval(text: &str, v: &Value) -> Result<(), String> {
    let p = parse_fork_approval(text).map_err(|e| e.to_string())?;
    same(
        "approval_policy",
        Some(p.approval_policy.as_str()),
        v["approval_policy"].as_str(),
    )
}

fn read_fork_private(text: &str, v: &Value) -> Result<(), String> {
    let p = parse_fork_private(text).map_err(|e| e.to_string())?;
    let flag = |name: &str| v[name].as_bool();
    same(
        "the four switches",
        [
            Some(p.run_workflows_from_fork_pull_requests),
            Some(p.send_write_tokens_to_workflows),
            Some(p.send_secrets_and_variables),
            p.require_approval_for_fork_pr_workflows,
        ],
        [
            flag("run_workflows_from_fork_pull_requests"),
            flag("send_write_tokens_to_workflows"),
            flag("send_secrets_and_variables"),
            flag("require_approval_for_fork_pr_workflows"),
        ],
    )
}

fn read_workflow_permissions(text: &str, v: &Value) -> Result<(), String> {
    let p = parse_workflow_permissions(text).map_err(|e| e.to_string())?;
    same(
        "the workflow permissions",
        (
            Some(p.default_workflow_permissions.as_str()),
            Some(p.can_approve_pull_request_reviews),
        ),
        (
            v["default_workflow_permissions"].as_str(),
            v["can_approve_pull_request_reviews"].as_bool(),
        ),
    )
}

fn read_has_public_repositories(text: &str, v: &Value) -> Result<(), String> {
    let any = parse_has_public_repositories(text).map_err(|e| e.to_string())?;
    same(
        "whether there is a public repository",
        Some(any),
        v["public_repos"].as_u64().map(|n| n > 0),
    )
}

/// Any error example: the page shows GitHub's message.
fn read_error(status: u16, text: &str, v: &Value) -> Result<(), String> {
    let error = ApiError::from_response(status, &ResponseMeta::default(), text);
    match (v["message"].as_str(), error.message.as_deref()) {
        (Some(m), Some(got)) if m.starts_with(got.trim_end_matches('…')) => Ok(()),
        (Some(m), got) => Err(format!("the message {m:?} was read as {got:?}")),
        (None, _) => Ok(()),
    }
}
