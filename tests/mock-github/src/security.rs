//! The Actions settings the Security tab reviews, kept per scope as state: a `PUT` changes what
//! the next `GET` answers (`{scope}/actions/permissions`, `.../self-hosted-runners`,
//! `.../fork-pr-contributor-approval`, `.../fork-pr-workflows-private-repos`, `.../workflow`).
//! A scope without a scenario answers GitHub's defaults. The scenarios' runner groups
//! (`crate::groups`), runners (`crate::fleet`) and repositories are theirs too.

use crate::fleet::{runner, MockRunner};
use crate::scenario::{self, Reply};
use crate::ScopeKind;
use serde_json::{json, Map, Value};
use std::time::Instant;

/// Scopes with a Security scenario, by their key (an organization's login, a repository's name
/// under `octo-org`, an enterprise's slug).
pub mod security_scope {
    /// Every organization finding: a runner group open to public repositories with a
    /// non-ephemeral runner on an old version in it, a public repository, every repository may
    /// add its own runners, first-time contributors' fork PRs only wait for approval, fork PRs
    /// of private repositories get write tokens, workflows get write tokens and may approve
    /// pull requests, any action may run unpinned.
    pub const ORG: &str = "security-org";
    /// [`ORG`] whose every setting `PUT` and runner group `PATCH` is carried out, and its answer
    /// lost on the way back.
    pub const LOST: &str = "security-lost-org";
    /// [`ORG`] whose every setting `PUT` is refused by GitHub's secondary rate limit
    /// (`Retry-After: 60`), nothing applied.
    pub const LIMITED: &str = "security-limited-org";
    /// Nothing to find.
    pub const CLEAN: &str = "security-clean-org";
    /// [`CLEAN`]'s groups and runners, but the two fork PR settings are refused (403, a
    /// fine-grained token without the permission) and the self-hosted runner policy is not
    /// there (404, as on an older server).
    pub const UNREADABLE: &str = "security-unreadable-org";
    /// A public repository (`octo-org/security-public-repo`) with a runner of its own,
    /// non-ephemeral; workflows get write tokens.
    pub const PUBLIC_REPO: &str = "security-public-repo";
    /// A private repository (`octo-org/security-private-repo`) with nothing to find.
    pub const PRIVATE_REPO: &str = "security-private-repo";
    /// An enterprise with a runner group open to public repositories (`ent-public`, id 5) and a
    /// non-ephemeral runner in it.
    pub const ENTERPRISE: &str = "security-ent";
}

/// The runner version [`security_scope::ORG`]'s `pub-runner` has: long out of date.
pub const OLD_VERSION: &str = "2.300.0";

/// The id of [`security_scope::ORG`]'s group open to public repositories.
pub const PUBLIC_GROUP_ID: u64 = 2;
/// Its name.
pub const PUBLIC_GROUP: &str = "public-builders";
/// The id of [`security_scope::ENTERPRISE`]'s group open to public repositories.
pub const ENTERPRISE_PUBLIC_GROUP_ID: u64 = 5;
/// Its name.
pub const ENTERPRISE_PUBLIC_GROUP: &str = "ent-public";

/// The public repository of [`security_scope::ORG`] and [`security_scope::LOST`].
pub const ORG_PUBLIC_REPO: &str = "website";

const DOCS: &str = "https://docs.github.com/rest/actions/permissions";

/// Which setting a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// `{scope}/actions/permissions` (every kind).
    Permissions,
    /// `/orgs/{org}/actions/permissions/self-hosted-runners`.
    SelfHostedRunners,
    /// `.../actions/permissions/fork-pr-contributor-approval` (organizations, repositories).
    ForkApproval,
    /// `.../actions/permissions/fork-pr-workflows-private-repos` (organizations, repositories).
    ForkPrivate,
    /// `.../actions/permissions/workflow` (organizations, repositories).
    Workflow,
}

impl Setting {
    /// The setting at `tail` (after the scope's path) for a scope of `kind`, if GitHub has it there.
    pub fn of(tail: &str, kind: ScopeKind) -> Option<Self> {
        let org_or_repo = kind != ScopeKind::Enterprise;
        match tail {
            "actions/permissions" => Some(Self::Permissions),
            "actions/permissions/self-hosted-runners" if kind == ScopeKind::Organization => {
                Some(Self::SelfHostedRunners)
            }
            "actions/permissions/fork-pr-contributor-approval" if org_or_repo => Some(Self::ForkApproval),
            "actions/permissions/fork-pr-workflows-private-repos" if org_or_repo => Some(Self::ForkPrivate),
            "actions/permissions/workflow" if org_or_repo => Some(Self::Workflow),
            _ => None,
        }
    }
}

/// One scope's settings, as GitHub answers them (the fields of each answer).
#[derive(Clone, Debug)]
pub struct Settings {
    kind: ScopeKind,
    key: String,
    /// `{scope}/actions/permissions`, without its URLs.
    permissions: Map<String, Value>,
    self_hosted: String,
    approval: String,
    fork_private: Map<String, Value>,
    workflow: Map<String, Value>,
}

fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

fn fork_private(run: bool, write_tokens: bool, secrets: bool, approval: bool) -> Map<String, Value> {
    object(json!({
        "run_workflows_from_fork_pull_requests": run, "send_write_tokens_to_workflows": write_tokens,
        "send_secrets_and_variables": secrets, "require_approval_for_fork_pr_workflows": approval,
    }))
}

fn workflow(permissions: &str, approve: bool) -> Map<String, Value> {
    object(json!({ "default_workflow_permissions": permissions, "can_approve_pull_request_reviews": approve }))
}

/// Whether `key` loses the answers of its writes ([`security_scope::LOST`]).
pub fn loses_writes(key: &str) -> bool {
    key == security_scope::LOST
}

/// The repositories of a Security organization, `(id, name, private)`, or `None` for any other.
pub fn org_repositories(key: &str) -> Option<Vec<(u64, String, bool)>> {
    use security_scope::*;
    match key {
        ORG | LOST | LIMITED => Some(vec![
            (3101, ORG_PUBLIC_REPO.into(), false),
            (3102, "internal-tools".into(), true),
        ]),
        CLEAN | UNREADABLE => Some(vec![(3201, "internal-tools".into(), true)]),
        _ => None,
    }
}

/// The runners of a Security scope, or `None` for any other.
pub fn runners(key: &str, now: Instant) -> Option<Vec<MockRunner>> {
    use security_scope::*;
    let ephemeral = |r: MockRunner| MockRunner { ephemeral: true, ..r };
    match key {
        ORG | LOST | LIMITED => Some(vec![
            MockRunner {
                version: Some(OLD_VERSION.into()),
                ..runner(31, "pub-runner", true, false, &[], PUBLIC_GROUP_ID, now)
            },
            ephemeral(runner(32, "pub-ephemeral", true, false, &[], PUBLIC_GROUP_ID, now)),
            runner(33, "private-runner", true, false, &[], 1, now),
        ]),
        CLEAN | UNREADABLE => Some(vec![
            ephemeral(runner(34, "ephemeral-1", true, false, &[], 1, now)),
            ephemeral(runner(35, "ephemeral-2", true, false, &[], 2, now)),
        ]),
        PUBLIC_REPO => Some(vec![runner(41, "repo-runner", true, false, &[], 1, now)]),
        PRIVATE_REPO => Some(Vec::new()),
        ENTERPRISE => Some(vec![runner(
            51,
            "ent-runner",
            true,
            false,
            &[],
            ENTERPRISE_PUBLIC_GROUP_ID,
            now,
        )]),
        _ => None,
    }
}

impl Settings {
    /// What a scope starts with: GitHub's defaults, or its scenario's settings.
    pub fn new(kind: ScopeKind, key: &str) -> Self {
        use security_scope::*;
        let mut s = Self {
            kind,
            key: key.to_string(),
            permissions: match kind {
                ScopeKind::Repository => {
                    object(json!({ "enabled": true, "allowed_actions": "all", "sha_pinning_required": false }))
                }
                ScopeKind::Organization => object(
                    json!({ "enabled_repositories": "all", "allowed_actions": "all", "sha_pinning_required": false }),
                ),
                ScopeKind::Enterprise => object(json!({ "enabled_organizations": "all", "allowed_actions": "all" })),
            },
            self_hosted: "all".into(),
            approval: "first_time_contributors".into(),
            fork_private: fork_private(false, false, false, false),
            workflow: workflow("read", false),
        };
        match (kind, key) {
            (ScopeKind::Organization, ORG | LOST | LIMITED) => {
                s.fork_private = fork_private(true, true, false, false);
                s.workflow = workflow("write", true);
            }
            (ScopeKind::Organization, CLEAN | UNREADABLE) => {
                s.permissions["allowed_actions"] = json!("selected");
                s.permissions["sha_pinning_required"] = json!(true);
                s.self_hosted = "none".into();
                s.approval = "all_external_contributors".into();
            }
            (ScopeKind::Repository, PUBLIC_REPO) => s.workflow = workflow("write", false),
            (ScopeKind::Repository, PRIVATE_REPO) => {
                s.permissions["allowed_actions"] = json!("selected");
                s.permissions["sha_pinning_required"] = json!(true);
                s.approval = "all_external_contributors".into();
            }
            _ => {}
        }
        s
    }

    /// `GET` or `PUT` of `setting`; `scope_url` is the scope's API URL (for the answers' URLs).
    pub fn answer(&mut self, method: &str, setting: Setting, body: &str, scope_url: &str) -> Reply {
        if let Some(refusal) = self.refusal(setting) {
            return refusal;
        }
        if method == "PUT" && self.kind == ScopeKind::Organization && self.key == security_scope::LIMITED {
            return scenario::error(
                403,
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
            )
            .header("Retry-After", "60");
        }
        match method {
            "GET" => Reply::json_text(200, self.read(setting, scope_url).to_string()),
            "PUT" => match self.write(setting, body) {
                Ok(()) if loses_writes(&self.key) => Reply::no_content().lost(),
                Ok(()) => Reply::no_content(),
                Err(problem) => problem,
            },
            _ => scenario::not_found(),
        }
    }

    /// [`security_scope::UNREADABLE`]'s refusals.
    fn refusal(&self, setting: Setting) -> Option<Reply> {
        if self.kind != ScopeKind::Organization || self.key != security_scope::UNREADABLE {
            return None;
        }
        match setting {
            Setting::ForkApproval | Setting::ForkPrivate => Some(scenario::error(
                403,
                "Resource not accessible by personal access token",
                DOCS,
            )),
            Setting::SelfHostedRunners => Some(scenario::error(404, "Not Found", DOCS)),
            _ => None,
        }
    }

    fn read(&self, setting: Setting, scope_url: &str) -> Value {
        match setting {
            Setting::Permissions => {
                let mut p = Value::Object(self.permissions.clone());
                if p["allowed_actions"] == "selected" {
                    p["selected_actions_url"] = json!(format!("{scope_url}/actions/permissions/selected-actions"));
                }
                if p["enabled_repositories"] == "selected" {
                    p["selected_repositories_url"] = json!(format!("{scope_url}/actions/permissions/repositories"));
                }
                if p["enabled_organizations"] == "selected" {
                    p["selected_organizations_url"] = json!(format!("{scope_url}/actions/permissions/organizations"));
                }
                p
            }
            Setting::SelfHostedRunners => json!({
                "enabled_repositories": self.self_hosted,
                "selected_repositories_url": format!("{scope_url}/actions/permissions/self-hosted-runners/repositories"),
            }),
            Setting::ForkApproval => json!({ "approval_policy": self.approval }),
            Setting::ForkPrivate => Value::Object(self.fork_private.clone()),
            Setting::Workflow => Value::Object(self.workflow.clone()),
        }
    }

    /// Takes a `PUT` body as GitHub checks it: the fields it requires, each of its type and
    /// values; a field left out keeps its value.
    fn write(&mut self, setting: Setting, body: &str) -> Result<(), Reply> {
        let Ok(Value::Object(b)) = serde_json::from_str::<Value>(body) else {
            return Err(scenario::error(400, "Problems parsing JSON", DOCS));
        };
        let invalid = |field: &str| {
            scenario::error(
                422,
                &format!("Invalid request.\n\n\"{field}\" wasn't supplied or is not valid."),
                DOCS,
            )
        };
        let choice = |field: &str, allowed: &[&str]| -> Result<Option<String>, Reply> {
            match b.get(field) {
                None => Ok(None),
                Some(Value::String(v)) if allowed.contains(&v.as_str()) => Ok(Some(v.clone())),
                Some(_) => Err(invalid(field)),
            }
        };
        let flags = |into: &mut Map<String, Value>, fields: &[&str]| -> Result<(), Reply> {
            for field in fields {
                match b.get(*field) {
                    None => {}
                    Some(Value::Bool(v)) => {
                        into.insert((*field).into(), json!(v));
                    }
                    Some(_) => return Err(invalid(field)),
                }
            }
            Ok(())
        };
        match setting {
            Setting::Permissions => return Err(scenario::not_found()),
            Setting::SelfHostedRunners => {
                self.self_hosted = choice("enabled_repositories", &["all", "selected", "none"])?
                    .ok_or_else(|| invalid("enabled_repositories"))?;
            }
            Setting::ForkApproval => {
                let allowed = [
                    "first_time_contributors_new_to_github",
                    "first_time_contributors",
                    "all_external_contributors",
                ];
                self.approval = choice("approval_policy", &allowed)?.ok_or_else(|| invalid("approval_policy"))?;
            }
            Setting::ForkPrivate => {
                if !matches!(b.get("run_workflows_from_fork_pull_requests"), Some(Value::Bool(_))) {
                    return Err(invalid("run_workflows_from_fork_pull_requests"));
                }
                let mut next = self.fork_private.clone();
                flags(
                    &mut next,
                    &[
                        "run_workflows_from_fork_pull_requests",
                        "send_write_tokens_to_workflows",
                        "send_secrets_and_variables",
                        "require_approval_for_fork_pr_workflows",
                    ],
                )?;
                self.fork_private = next;
            }
            Setting::Workflow => {
                let mut next = self.workflow.clone();
                if let Some(p) = choice("default_workflow_permissions", &["read", "write"])? {
                    next.insert("default_workflow_permissions".into(), json!(p));
                }
                flags(&mut next, &["can_approve_pull_request_reviews"])?;
                self.workflow = next;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::security_scope::*;
    use super::*;

    fn get(s: &mut Settings, setting: Setting) -> Value {
        let reply = s.answer("GET", setting, "", "http://m/orgs/x");
        assert_eq!(reply.status, 200, "{}", reply.body);
        serde_json::from_str(&reply.body).unwrap()
    }

    #[test]
    fn a_put_changes_what_the_next_get_answers() {
        let mut s = Settings::new(ScopeKind::Organization, ORG);
        assert_eq!(get(&mut s, Setting::Workflow)["default_workflow_permissions"], "write");
        let put = s.answer(
            "PUT",
            Setting::Workflow,
            r#"{"default_workflow_permissions":"read","can_approve_pull_request_reviews":false}"#,
            "",
        );
        assert_eq!((put.status, put.lost), (204, false));
        assert_eq!(
            get(&mut s, Setting::Workflow),
            json!({"default_workflow_permissions":"read","can_approve_pull_request_reviews":false})
        );
        let put = s.answer(
            "PUT",
            Setting::ForkPrivate,
            r#"{"run_workflows_from_fork_pull_requests":true,"send_write_tokens_to_workflows":false}"#,
            "",
        );
        assert_eq!(put.status, 204);
        let fork = get(&mut s, Setting::ForkPrivate);
        assert_eq!(
            (
                fork["send_write_tokens_to_workflows"].as_bool(),
                fork["run_workflows_from_fork_pull_requests"].as_bool()
            ),
            (Some(false), Some(true))
        );
        assert_eq!(
            s.answer(
                "PUT",
                Setting::SelfHostedRunners,
                r#"{"enabled_repositories":"none"}"#,
                ""
            )
            .status,
            204
        );
        assert_eq!(get(&mut s, Setting::SelfHostedRunners)["enabled_repositories"], "none");
        // A body GitHub refuses changes nothing.
        assert_eq!(
            s.answer("PUT", Setting::ForkApproval, r#"{"approval_policy":"nobody"}"#, "")
                .status,
            422
        );
        assert_eq!(
            s.answer(
                "PUT",
                Setting::ForkPrivate,
                r#"{"send_secrets_and_variables":true}"#,
                ""
            )
            .status,
            422
        );
        assert_eq!(
            get(&mut s, Setting::ForkApproval)["approval_policy"],
            "first_time_contributors"
        );
    }

    #[test]
    fn the_lost_org_applies_each_write_and_loses_its_answer() {
        let mut s = Settings::new(ScopeKind::Organization, LOST);
        let put = s.answer(
            "PUT",
            Setting::ForkApproval,
            r#"{"approval_policy":"all_external_contributors"}"#,
            "",
        );
        assert_eq!((put.status, put.lost), (204, true));
        assert_eq!(
            get(&mut s, Setting::ForkApproval)["approval_policy"],
            "all_external_contributors"
        );
        assert!(!s.answer("GET", Setting::Workflow, "", "").lost);
    }

    #[test]
    fn the_unreadable_org_refuses_the_fork_settings_and_lacks_the_runner_policy() {
        let mut s = Settings::new(ScopeKind::Organization, UNREADABLE);
        assert_eq!(s.answer("GET", Setting::ForkApproval, "", "").status, 403);
        assert_eq!(s.answer("GET", Setting::ForkPrivate, "", "").status, 403);
        assert_eq!(s.answer("GET", Setting::SelfHostedRunners, "", "").status, 404);
        assert_eq!(get(&mut s, Setting::Workflow)["default_workflow_permissions"], "read");
    }

    /// One request on a fresh connection, and every byte the mock sent before it closed or broke.
    fn exchange(mock: &crate::MockGithub, method: &str, path: &str, body: &str) -> String {
        use std::io::{Read, Write};
        let addr = mock.url().trim_start_matches("http://").to_string();
        let mut stream = std::net::TcpStream::connect(&addr).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(5)))
            .unwrap();
        // The lost scope must close every connection by itself; any other is asked to.
        let close = if path.contains(LOST) {
            ""
        } else {
            "Connection: close\r\n"
        };
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer ghp_test\r\n{close}\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut got = Vec::new();
        let mut buf = [0u8; 4096];
        // Until the mock closes (0) or breaks (an error) the connection.
        while let Ok(n) = stream.read(&mut buf) {
            if n == 0 {
                break;
            }
            got.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&got).into_owned()
    }

    #[test]
    fn over_http_the_lost_org_breaks_each_writes_connection_after_applying_it() {
        let mock = crate::MockGithub::start().unwrap();
        let workflow = format!("/orgs/{LOST}/actions/permissions/workflow");
        let preflight = exchange(&mock, "OPTIONS", &workflow, "");
        assert!(
            preflight.to_ascii_lowercase().contains("connection: close"),
            "{preflight}"
        );
        let body = r#"{"default_workflow_permissions":"read","can_approve_pull_request_reviews":false}"#;
        // A 204 lost: the connection breaks before a byte.
        assert_eq!(exchange(&mock, "PUT", &workflow, body), "");
        let read = exchange(&mock, "GET", &workflow, "");
        assert!(read.starts_with("HTTP/1.1 200"), "{read}");
        assert!(read.to_ascii_lowercase().contains("connection: close"), "{read}");
        assert!(read.contains(r#""default_workflow_permissions":"read""#), "{read}");
        // A group's save lost: the status line, the headers and a few bytes, then a break.
        let group = format!("/orgs/{LOST}/actions/runner-groups/{PUBLIC_GROUP_ID}");
        let patch = format!(r#"{{"name":"{PUBLIC_GROUP}","allows_public_repositories":false}}"#);
        let saved = exchange(&mock, "PATCH", &group, &patch);
        assert!(saved.starts_with("HTTP/1.1 200"), "{saved}");
        assert!(!saved.contains(PUBLIC_GROUP), "the body was cut: {saved}");
        let groups = exchange(&mock, "GET", &format!("/orgs/{LOST}/actions/runner-groups"), "");
        let groups: Value = serde_json::from_str(groups.split_once("\r\n\r\n").unwrap().1).unwrap();
        assert_eq!(
            groups["runner_groups"][1]["allows_public_repositories"], false,
            "{groups}"
        );
        let writes: Vec<(String, String, String)> = mock
            .api_requests()
            .into_iter()
            .filter(|r| r.method != "GET")
            .map(|r| (r.method, r.path, r.body))
            .collect();
        assert_eq!(
            writes,
            vec![
                ("PUT".into(), workflow.clone(), body.into()),
                ("PATCH".into(), group, patch),
            ]
        );
        assert_eq!(mock.setting_writes().len(), 1);
        assert_eq!(mock.group_writes().len(), 1);
        // security-org keeps its answers.
        let plain = exchange(&mock, "PUT", &format!("/orgs/{ORG}/actions/permissions/workflow"), body);
        assert!(plain.starts_with("HTTP/1.1 204"), "{plain}");
    }

    #[test]
    fn over_http_each_scenario_has_its_repositories_and_runners() {
        let mock = crate::MockGithub::start().unwrap();
        let public = exchange(&mock, "GET", &format!("/orgs/{ORG}/repos?type=public&per_page=1"), "");
        assert!(
            public.contains(&format!(r#""full_name":"{ORG}/{ORG_PUBLIC_REPO}""#)),
            "{public}"
        );
        let none = exchange(&mock, "GET", &format!("/orgs/{CLEAN}/repos?type=public&per_page=1"), "");
        assert!(none.ends_with("\r\n\r\n[]"), "{none}");
        // The page asks the organization's `public_repos` count.
        let org = exchange(&mock, "GET", &format!("/orgs/{ORG}"), "");
        assert!(org.contains(r#""public_repos":1"#), "{org}");
        let clean = exchange(&mock, "GET", &format!("/orgs/{CLEAN}"), "");
        assert!(clean.contains(r#""public_repos":0"#), "{clean}");
        let repo = exchange(&mock, "GET", &format!("/repos/octo-org/{PUBLIC_REPO}"), "");
        assert!(repo.contains(r#""private":false"#), "{repo}");
        let private = exchange(&mock, "GET", &format!("/repos/octo-org/{PRIVATE_REPO}"), "");
        assert!(private.contains(r#""private":true"#), "{private}");
        let in_group = exchange(
            &mock,
            "GET",
            &format!("/orgs/{ORG}/actions/runner-groups/{PUBLIC_GROUP_ID}/runners"),
            "",
        );
        assert!(
            in_group.contains(r#""total_count":2"#) && in_group.contains(OLD_VERSION),
            "{in_group}"
        );
        let ent = exchange(
            &mock,
            "GET",
            &format!("/enterprises/{ENTERPRISE}/actions/permissions"),
            "",
        );
        assert!(ent.contains(r#""enabled_organizations":"all""#), "{ent}");
        let unreadable = exchange(
            &mock,
            "GET",
            &format!("/orgs/{UNREADABLE}/actions/permissions/self-hosted-runners"),
            "",
        );
        assert!(unreadable.starts_with("HTTP/1.1 404"), "{unreadable}");
    }

    #[test]
    fn other_scopes_answer_githubs_defaults() {
        let mut s = Settings::new(ScopeKind::Organization, "octo-org");
        assert_eq!(get(&mut s, Setting::SelfHostedRunners)["enabled_repositories"], "all");
        assert_eq!(
            get(&mut s, Setting::ForkApproval)["approval_policy"],
            "first_time_contributors"
        );
        assert_eq!(get(&mut s, Setting::Permissions)["allowed_actions"], "all");
        let mut repo = Settings::new(ScopeKind::Repository, "hello-world");
        assert_eq!(get(&mut repo, Setting::Permissions)["enabled"], true);
        let mut ent = Settings::new(ScopeKind::Enterprise, ENTERPRISE);
        assert_eq!(
            get(&mut ent, Setting::Permissions),
            json!({"enabled_organizations":"all","allowed_actions":"all"})
        );
    }
}
