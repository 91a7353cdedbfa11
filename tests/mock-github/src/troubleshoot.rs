//! What the Troubleshoot tab reads, as GitHub answers it: the token's account with
//! `X-OAuth-Scopes` (classic and OAuth tokens only; fine-grained ones get no scopes header), the
//! rate limit, a repository (public or private), its queued workflow runs (paginated by `Link`)
//! and their jobs with `runs-on` labels, the repository's own runners, and an organization's
//! runner groups with their visibility (`visible_to_repository`), `allows_public_repositories`
//! and `selected_workflows`, each with its runners. Opening a group to a repository
//! (`PUT .../repositories/{id}`) answers 204 and is remembered: the group is visible from then on.
//!
//! The scenario: [`org::WAITING_ORG`]'s repository [`org::WAITING_REPO`] (public) has one
//! queued job per verdict the page knows; [`org::QUIET_REPO`] has none. A token with
//! [`NO_ORG_ACCESS`] in it cannot read the organization's runner groups; one with
//! [`REPO_ONLY`] holds the `repo` scope only.

use crate::scenario::{error, not_found, org, repository, user, Reply, REVOKED_SUFFIX};
use serde_json::{json, Value};
use std::collections::HashSet;
use time::OffsetDateTime;

/// A token with this in it cannot read organization runner groups (403).
pub const NO_ORG_ACCESS: &str = "NoOrgAccess";
/// A classic token with this in it holds only the `repo` scope.
pub const REPO_ONLY: &str = "RepoOnly";
/// The login `GET /user` answers.
pub const LOGIN: &str = "octocat";
/// The repository id of every repository the mock serves.
pub const REPOSITORY_ID: u64 = 1296269;
/// Queued runs per page: small, so that the list spans pages.
const RUNS_PER_PAGE: usize = 3;

/// Groups opened to a repository: (organization, group id, repository id).
pub type Opened = HashSet<(String, u64, u64)>;

/// A runner of the scenario: (name, online, busy, custom labels).
type MockRunner = (&'static str, bool, bool, &'static [&'static str]);

/// The repository's own runners.
const REPO_RUNNERS: [MockRunner; 4] = [
    ("arm-1", true, true, &["arm64"]),
    ("arm-2", true, true, &["arm64"]),
    ("mac-1", false, false, &["macOS"]),
    ("linux-1", true, false, &[]),
];

/// The organization's groups: (id, name, visibility, visible to the repository at first,
/// allows public repositories, selected workflows when restricted, runners).
struct Group {
    id: u64,
    name: &'static str,
    visibility: &'static str,
    visible: bool,
    public: bool,
    workflows: Option<&'static [&'static str]>,
    runners: &'static [MockRunner],
}

const GROUPS: [Group; 4] = [
    Group {
        id: 1,
        name: "Default",
        visibility: "all",
        visible: true,
        public: true,
        workflows: None,
        runners: &[],
    },
    Group {
        id: 2,
        name: "GPU",
        visibility: "selected",
        visible: false,
        public: true,
        workflows: None,
        runners: &[("gpu-1", true, false, &["gpu"])],
    },
    Group {
        id: 3,
        name: "Private only",
        visibility: "selected",
        visible: true,
        public: false,
        workflows: None,
        runners: &[("win-1", true, false, &["windows"])],
    },
    Group {
        id: 4,
        name: "Release",
        visibility: "selected",
        visible: true,
        public: true,
        workflows: Some(&["waiting-org/waiting-repo/.github/workflows/release.yml@refs/heads/main"]),
        runners: &[("deploy-1", true, false, &["deploy"])],
    },
];

/// The queued jobs of [`org::WAITING_REPO`], one run each: (run id, workflow file, job name,
/// labels). Newest first, as GitHub lists runs.
pub const JOBS: [(u64, &str, &str, &[&str]); 8] = [
    (108, "ci.yml", "test", &["self-hosted", "linux"]),
    (107, "ci.yml", "cuda", &["self-hosted", "linux", "cuda"]),
    (106, "deploy.yml", "deploy", &["self-hosted", "deploy"]),
    (105, "ci.yml", "windows", &["self-hosted", "windows"]),
    (104, "ci.yml", "gpu-train", &["self-hosted", "gpu"]),
    (103, "ci.yml", "mac", &["self-hosted", "macOS"]),
    (102, "ci.yml", "build-arm", &["self-hosted", "ARM64"]),
    (101, "ci.yml", "lint", &["ubuntu-latest"]),
];

fn is_classic(token: &str) -> bool {
    token.starts_with("ghp_") || token.starts_with("gho_")
}

/// The scopes header of a classic or OAuth token.
fn with_scopes(reply: Reply, token: &str) -> Reply {
    if !is_classic(token) {
        return reply;
    }
    let scopes = if token.contains(REPO_ONLY) {
        "repo"
    } else {
        "admin:org, repo, workflow"
    };
    reply.header("X-OAuth-Scopes", scopes)
}

/// Answers the Troubleshoot requests, or `None` for any other request. `base` is the API base
/// as requested (for `Link` headers).
pub fn answer(
    method: &str,
    route: &str,
    query: &str,
    token: Option<&str>,
    base: &str,
    opened: &mut Opened,
) -> Option<Reply> {
    let parts: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    let known = match (method, parts.as_slice()) {
        ("GET", ["user"] | ["rate_limit"]) => true,
        ("GET", ["repos", _, _]) => true,
        ("GET", ["repos", _, _, "actions", "runs"]) => true,
        ("GET", ["repos", _, _, "actions", "runs", _, "jobs"]) => true,
        ("GET", ["repos", _, name, "actions", "runners"]) => *name == org::WAITING_REPO || *name == org::QUIET_REPO,
        ("GET", ["orgs", o, "actions", "runner-groups"]) => *o == org::WAITING_ORG,
        // Other organizations' groups are the runner-group store's (`crate::groups`).
        ("GET", ["orgs", o, "actions", "runner-groups", _, "runners"]) => *o == org::WAITING_ORG,
        ("PUT", ["orgs", o, "actions", "runner-groups", _, "repositories", _]) => *o == org::WAITING_ORG,
        _ => false,
    };
    if !known {
        return None;
    }
    let Some(token) = token else {
        return Some(error(401, "Requires authentication", "https://docs.github.com/rest"));
    };
    if token.ends_with(REVOKED_SUFFIX) {
        return Some(error(401, "Bad credentials", "https://docs.github.com/rest"));
    }
    // An organization's own refusals (single sign-on, a missing scope...) hold for its groups too.
    if let ["orgs", o, ..] = parts.as_slice() {
        let refusal = crate::scenario::registration(o, Some(token), 1);
        if refusal.status != 201 && *o != org::WAITING_ORG {
            return Some(refusal);
        }
    }
    let reply = match (method, parts.as_slice()) {
        ("GET", ["user"]) if token.starts_with("ghs_") => error(
            403,
            "Resource not accessible by integration",
            "https://docs.github.com/rest/users/users#get-the-authenticated-user",
        ),
        ("GET", ["user"]) => Reply::json_text(200, account().to_string()),
        ("GET", ["rate_limit"]) => Reply::json_text(200, rate_limit().to_string()),
        ("GET", ["repos", owner, name]) => Reply::json_text(200, full_repository(owner, name).to_string()),
        ("GET", ["repos", owner, name, "actions", "runs"]) => runs(owner, name, query, base),
        ("GET", ["repos", owner, name, "actions", "runs", run, "jobs"]) => jobs(owner, name, run),
        ("GET", ["repos", _, _, "actions", "runners"]) => runners_json(&REPO_RUNNERS, 1, 10),
        ("GET", ["orgs", o, "actions", "runner-groups"]) => {
            if token.contains(NO_ORG_ACCESS) {
                error(
                    403,
                    "Must have admin rights to Repository.",
                    "https://docs.github.com/rest/actions/self-hosted-runner-groups",
                )
            } else {
                groups(o, query, opened)
            }
        }
        ("GET", ["orgs", o, "actions", "runner-groups", id, "runners"]) => {
            let group = GROUPS.iter().find(|g| id.parse() == Ok(g.id));
            match group {
                Some(g) if *o == org::WAITING_ORG && !token.contains(NO_ORG_ACCESS) => {
                    runners_json(g.runners, g.id, 20 + g.id * 10)
                }
                _ => runners_json(&[], 1, 0),
            }
        }
        ("PUT", ["orgs", o, "actions", "runner-groups", id, "repositories", repo]) => {
            match (id.parse(), repo.parse()) {
                (Ok(id), Ok(repo)) => {
                    opened.insert((o.to_string(), id, repo));
                    Reply::no_content()
                }
                _ => not_found(),
            }
        }
        _ => not_found(),
    };
    Some(with_scopes(reply, token))
}

/// A time `minutes_ago` and a half minutes before now, in whole seconds. The half minute keeps
/// the page's reading on the same whole minute, though its clock (a one-second ticker) may be up to
/// a second behind: "waiting 12 minutes" read "11 minutes" once at exactly 12:00.
fn now_text(minutes_ago: i64) -> String {
    let at = OffsetDateTime::now_utc() - time::Duration::minutes(minutes_ago) - time::Duration::seconds(30);
    at.format(time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
    ))
    .unwrap_or_else(|_| "2026-12-01T00:00:00Z".into())
}

/// `GET /user` for a user token: GitHub's `public-user` shape.
fn account() -> Value {
    let mut u = user(LOGIN, "User");
    for (k, v) in [
        ("name", json!("The Octocat")),
        ("company", json!("@github")),
        ("blog", json!("https://github.blog")),
        ("location", json!("San Francisco")),
        ("email", Value::Null),
        ("hireable", Value::Null),
        ("bio", Value::Null),
        ("public_repos", json!(8)),
        ("public_gists", json!(8)),
        ("followers", json!(20)),
        ("following", json!(0)),
        ("created_at", json!("2011-01-25T18:44:36Z")),
        ("updated_at", json!("2026-11-22T14:15:22Z")),
    ] {
        u[k] = v;
    }
    u
}

fn rate_limit() -> Value {
    let reset = OffsetDateTime::now_utc().unix_timestamp() + 1800;
    let budget =
        |limit: u64, used: u64| json!({ "limit": limit, "remaining": limit - used, "reset": reset, "used": used });
    json!({
        "resources": { "core": budget(5000, 13), "search": budget(30, 0), "graphql": budget(5000, 0) },
        "rate": budget(5000, 13),
    })
}

/// A repository as `GET /repos/{o}/{r}` answers it (`full-repository`): [`org::WAITING_REPO`],
/// `security-public-repo` and any name starting with `public-` are public, every other one
/// private.
fn full_repository(owner: &str, name: &str) -> Value {
    let public = name == org::WAITING_REPO
        || name == crate::security::security_scope::PUBLIC_REPO
        || name.starts_with("public-");
    let mut repo = repository(owner, name, REPOSITORY_ID, !public);
    repo["visibility"] = json!(if public { "public" } else { "private" });
    repo["has_discussions"] = json!(false);
    repo["network_count"] = json!(0);
    repo["subscribers_count"] = json!(1);
    repo
}

/// A workflow run as GitHub's `workflow-run` schema has it.
fn run_json(owner: &str, name: &str, id: u64, file: &str, minutes_ago: i64) -> Value {
    let api = format!("https://api.github.com/repos/{owner}/{name}/actions/runs/{id}");
    let created = now_text(minutes_ago);
    json!({
        "id": id, "name": if file == "deploy.yml" { "Deploy" } else { "CI" }, "node_id": "MDEyOldvcmtmbG93IFJ1bjI2OTI4OQ==",
        "head_branch": "main", "head_sha": "acb5820ced9479c074f688cc328bf03f341a511d", "path": format!(".github/workflows/{file}"),
        "display_title": "Update README.md", "run_number": id, "event": "push", "status": "queued", "conclusion": null,
        "workflow_id": 159038, "url": api, "html_url": format!("https://github.com/{owner}/{name}/actions/runs/{id}"),
        "pull_requests": [], "created_at": created, "updated_at": created,
        "jobs_url": format!("{api}/jobs"), "logs_url": format!("{api}/logs"), "check_suite_url": "https://api.github.com/repos/octo-org/hello-world/check-suites/414944374",
        "artifacts_url": format!("{api}/artifacts"), "cancel_url": format!("{api}/cancel"), "rerun_url": format!("{api}/rerun"),
        "workflow_url": format!("https://api.github.com/repos/{owner}/{name}/actions/workflows/159038"),
        "head_commit": { "id": "acb5820ced9479c074f688cc328bf03f341a511d", "tree_id": "d23f6eedb1e1b9610bbc754ddb5197bfe7271223",
            "message": "Create linter.yaml", "timestamp": created,
            "author": { "name": "Octo Cat", "email": "octocat@github.com" }, "committer": { "name": "GitHub", "email": "noreply@github.com" } },
        "repository": repository(owner, name, REPOSITORY_ID, false),
        "head_repository": repository(owner, name, REPOSITORY_ID, false),
    })
}

/// `GET .../actions/runs?status=queued`: [`JOBS`]' runs for [`org::WAITING_REPO`], none elsewhere,
/// [`RUNS_PER_PAGE`] a page.
fn runs(owner: &str, name: &str, query: &str, base: &str) -> Reply {
    let queued = query.split('&').any(|p| p == "status=queued");
    let all: Vec<(u64, &str)> = if name == org::WAITING_REPO && queued {
        JOBS.iter().map(|(id, file, _, _)| (*id, *file)).collect()
    } else {
        Vec::new()
    };
    let page: usize = query
        .split('&')
        .find_map(|p| p.strip_prefix("page=")?.parse().ok())
        .unwrap_or(1);
    let list: Vec<Value> = all
        .iter()
        .enumerate()
        .skip((page.max(1) - 1) * RUNS_PER_PAGE)
        .take(RUNS_PER_PAGE)
        .map(|(i, (id, file))| run_json(owner, name, *id, file, 5 + i as i64 * 7))
        .collect();
    let mut reply = Reply::json_text(
        200,
        json!({ "total_count": all.len(), "workflow_runs": list }).to_string(),
    );
    if page * RUNS_PER_PAGE < all.len() {
        let next = format!(
            "{base}/repos/{owner}/{name}/actions/runs?status=queued&per_page=100&page={}",
            page + 1
        );
        reply = reply.header("Link", format!("<{next}>; rel=\"next\""));
    }
    reply
}

/// One job: (job id, name, status, labels, minutes since it was queued).
type JobSpec<'a> = (u64, &'a str, &'a str, &'a [&'a str], i64);

/// A job as GitHub's `job` schema has it.
fn job_json(owner: &str, name: &str, run: u64, (id, job, status, labels, minutes_ago): JobSpec) -> Value {
    let created = now_text(minutes_ago);
    let done = status == "completed";
    json!({
        "id": id, "run_id": run, "run_url": format!("https://api.github.com/repos/{owner}/{name}/actions/runs/{run}"),
        "node_id": "MDg6Q2hlY2tSdW4zOTk0NDQ0OTY=", "head_sha": "f83a356604ae3c5d03e1b46ef4d1ca77d64a90b0", "head_branch": "main",
        "url": format!("https://api.github.com/repos/{owner}/{name}/actions/jobs/{id}"),
        "html_url": format!("https://github.com/{owner}/{name}/actions/runs/{run}/job/{id}"),
        "status": status, "conclusion": if done { json!("success") } else { Value::Null },
        "created_at": created, "started_at": created, "completed_at": if done { json!(created) } else { Value::Null },
        "name": job, "steps": [], "check_run_url": format!("https://api.github.com/repos/{owner}/{name}/check-runs/{id}"),
        "labels": labels, "runner_id": null, "runner_name": null, "runner_group_id": null, "runner_group_name": null,
        "workflow_name": if run == 106 { "Deploy" } else { "CI" },
    })
}

/// `GET .../runs/{id}/jobs`: each run of [`JOBS`] has its queued job and a finished one.
fn jobs(owner: &str, name: &str, run: &str) -> Reply {
    let found = JOBS.iter().enumerate().find(|(_, (id, ..))| run.parse() == Ok(*id));
    let list: Vec<Value> = match found {
        Some((i, (id, _, job, labels))) if name == org::WAITING_REPO => vec![
            job_json(
                owner,
                name,
                *id,
                (id * 10, "checkout", "completed", &["ubuntu-latest"], 40),
            ),
            job_json(owner, name, *id, (id * 10 + 1, job, "queued", labels, 5 + i as i64 * 7)),
        ],
        _ => Vec::new(),
    };
    Reply::json_text(200, json!({ "total_count": list.len(), "jobs": list }).to_string())
}

/// A runner list (`{total_count, runners}`), ids from `first_id`.
fn runners_json(list: &[MockRunner], group: u64, first_id: u64) -> Reply {
    let runners: Vec<Value> = list
        .iter()
        .enumerate()
        .map(|(i, (name, online, busy, custom))| {
            let os = if custom.contains(&"macOS") { "macOS" } else { "Linux" };
            let mut labels = vec![json!({ "id": 1, "name": "self-hosted", "type": "read-only" })];
            if os == "Linux" {
                labels.push(json!({ "id": 2, "name": "Linux", "type": "read-only" }));
            }
            labels.push(json!({ "id": 3, "name": "X64", "type": "read-only" }));
            labels.extend(custom.iter().enumerate().map(|(j, l)| json!({ "id": 10 + j, "name": l, "type": "custom" })));
            json!({
                "id": first_id + i as u64, "name": name, "os": os, "status": if *online { "online" } else { "offline" },
                "busy": busy, "ephemeral": false, "runner_group_id": group, "labels": labels, "version": crate::scenario::RUNNER_VERSION,
            })
        })
        .collect();
    Reply::json_text(
        200,
        json!({ "total_count": runners.len(), "runners": runners }).to_string(),
    )
}

/// `GET /orgs/{org}/actions/runner-groups[?visible_to_repository=NAME]` for [`org::WAITING_ORG`].
fn groups(org_name: &str, query: &str, opened: &Opened) -> Reply {
    let visible_to = query.split('&').find_map(|p| p.strip_prefix("visible_to_repository="));
    let list: Vec<Value> = GROUPS
        .iter()
        .filter(|g| visible_to.is_none() || g.visible || opened.contains(&(org_name.to_string(), g.id, REPOSITORY_ID)))
        .map(|g| {
            let runners_url = format!(
                "https://api.github.com/orgs/{org_name}/actions/runner-groups/{}/runners",
                g.id
            );
            let mut group = json!({
                "id": g.id, "name": g.name, "visibility": g.visibility, "default": g.id == 1, "inherited": false,
                "allows_public_repositories": g.public, "restricted_to_workflows": g.workflows.is_some(),
                "selected_workflows": g.workflows.unwrap_or_default(), "workflow_restrictions_read_only": false,
                "runners_url": runners_url,
            });
            if g.visibility == "selected" {
                group["selected_repositories_url"] = json!(format!(
                    "https://api.github.com/orgs/{org_name}/actions/runner-groups/{}/repositories",
                    g.id
                ));
            }
            group
        })
        .collect();
    Reply::json_text(
        200,
        json!({ "total_count": list.len(), "runner_groups": list }).to_string(),
    )
}
