//! Every request the page sends, as data: the method, the path under the API base (query
//! included) and the JSON body. Pure, so each one is checked natively against GitHub's own
//! description of the API (tests/contract/); `client` only carries them.

use super::api_base::path_segment;
use super::groups::{GroupFields, Visibility};
use super::jit::JitRequest;
use super::policies::{ForkPrivate, WorkflowPermissions};
use super::scope::{Scope, ScopeKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }

    /// Only a request that changes nothing may ever be sent twice.
    pub fn is_safe(self) -> bool {
        self == Self::Get
    }
}

/// One request, ready for the transport.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    pub method: Method,
    /// Under the API base, starting with `/`, every segment encoded, the query included.
    pub path: String,
    /// A JSON body, sent with `Content-Type: application/json`.
    pub body: Option<String>,
    /// The `ETag` of the last answer: a 304 then means nothing changed.
    pub if_none_match: Option<String>,
}

impl Call {
    pub fn get(path: String) -> Self {
        Self {
            method: Method::Get,
            path,
            body: None,
            if_none_match: None,
        }
    }

    /// `GET /`, the API's root ([`Endpoint::Root`]).
    pub fn root() -> Self {
        Self::get("/".into())
    }

    fn with(method: Method, path: String, body: Option<String>) -> Self {
        Self {
            method,
            path,
            body,
            if_none_match: None,
        }
    }
}

/// Which one-hour token to mint: one that adds runners or one that removes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    Registration,
    Removal,
}

/// Every endpoint the page calls. [`Endpoint::call`] is the one place a path is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// `POST {scope}/actions/runners/registration-token` or `.../remove-token`.
    RunnerToken(TokenPurpose),
    /// `POST {scope}/actions/runners/generate-jitconfig`.
    GenerateJitConfig(JitRequest),
    /// `GET {scope}/actions/runners/downloads`.
    Downloads,
    /// `GET {scope}/actions/runner-groups?per_page=100`: the first page (organizations and
    /// enterprises).
    RunnerGroups,
    /// `GET {scope}/actions/runners?per_page=100`: the first page.
    Runners,
    /// `GET {scope}/actions/runners?name=NAME`: the runner of that name, if any.
    RunnerNamed(String),
    /// `DELETE {scope}/actions/runners/{id}`.
    RemoveRunner(u64),
    /// `POST {scope}/actions/runners/{id}/labels` with `{"labels": [...]}`: adds custom labels.
    AddLabels { runner: u64, labels: Vec<String> },
    /// `DELETE {scope}/actions/runners/{id}/labels/{name}`: removes one custom label.
    RemoveLabel { runner: u64, label: String },
    /// `PUT {scope}/actions/runner-groups/{group}/runners/{runner}`: moves a runner into a group
    /// (organizations and enterprises).
    MoveToGroup { group: u64, runner: u64 },
    /// `GET {scope}/actions/runners/deprecations/{version}`.
    Deprecation(String),
    /// `POST {scope}/actions/runner-groups`: a new group with exactly the fields given.
    CreateGroup(GroupFields),
    /// `PATCH {scope}/actions/runner-groups/{group}`: what changed (`name` always).
    UpdateGroup { group: u64, fields: GroupFields },
    /// `DELETE {scope}/actions/runner-groups/{group}`: its runners go to the default group.
    DeleteGroup(u64),
    /// `GET {scope}/actions/runner-groups/{group}/runners?per_page=100`: the first page.
    GroupRunners(u64),
    /// `GET /orgs/{org}/actions/runner-groups/{group}/repositories?per_page=100` (organizations)
    /// or `GET /enterprises/{e}/actions/runner-groups/{group}/organizations?per_page=100`.
    GroupMembers(u64),
    /// `PUT .../runner-groups/{group}/repositories` with `{"selected_repository_ids": [...]}`
    /// (organizations) or `.../organizations` with `{"selected_organization_ids": [...]}`.
    SetGroupMembers { group: u64, ids: Vec<u64> },
    /// `GET /orgs/{org}/repos?per_page=100`: the first page of the organization's repositories.
    OrgRepositories,
    /// `GET /orgs/{login}`: an organization, for its id (an enterprise's groups name
    /// organizations by id).
    OrganizationNamed(String),
    /// `GET /`: the API's root, which needs no token. Asked with and without the API-version
    /// header, it tells whether the server's CORS preflight refuses that header.
    Root,
    /// `GET /user`: the token's account (user tokens).
    User,
    /// `GET /rate_limit`, which does not count against the rate limit.
    RateLimit,
    /// `GET /repos/{o}/{r}`: the repository itself (its id, and whether it is public).
    Repository,
    /// `GET /repos/{o}/{r}/actions/runs?status=queued&per_page=100`: the first page of queued runs.
    QueuedRuns,
    /// `GET /repos/{o}/{r}/actions/runs/{id}/jobs?filter=latest&per_page=100`.
    RunJobs(u64),
    /// `GET /orgs/{org}/actions/runner-groups?per_page=100&visible_to_repository=NAME`.
    GroupsVisibleTo(String),
    /// `PUT /orgs/{org}/actions/runner-groups/{group}/repositories/{repository}`: opens a group
    /// with selected repositories to one more.
    OpenGroupTo { group: u64, repository: u64 },
    /// `GET {scope}/actions/permissions`: which actions may run.
    ActionsPermissions,
    /// `GET /orgs/{org}/actions/permissions/self-hosted-runners`: **Repository-level
    /// self-hosted runners**.
    SelfHostedRunnersPolicy,
    /// `PUT /orgs/{org}/actions/permissions/self-hosted-runners` with
    /// `{"enabled_repositories": VALUE}`.
    SetSelfHostedRunnersPolicy(String),
    /// `GET {scope}/actions/permissions/fork-pr-contributor-approval` (organizations and
    /// repositories).
    ForkPrApproval,
    /// `PUT {scope}/actions/permissions/fork-pr-contributor-approval` with
    /// `{"approval_policy": VALUE}`.
    SetForkPrApproval(String),
    /// `GET {scope}/actions/permissions/fork-pr-workflows-private-repos`.
    ForkPrPrivateRepos,
    /// `PUT {scope}/actions/permissions/fork-pr-workflows-private-repos` with every field.
    SetForkPrPrivateRepos(ForkPrivate),
    /// `GET {scope}/actions/permissions/workflow`.
    WorkflowPermissions,
    /// `PUT {scope}/actions/permissions/workflow` with both fields.
    SetWorkflowPermissions(WorkflowPermissions),
    /// `GET /orgs/{org}`: whether the organization has a public repository, by its
    /// `public_repos` count (`/orgs/{org}/repos?type=public` is not described for Enterprise
    /// Cloud, whose `type` has no `public`).
    PublicRepositories,
}

impl Endpoint {
    /// The request for this endpoint in `scope`.
    pub fn call(&self, scope: &Scope) -> Call {
        let at = |rest: &str| format!("{}{rest}", scope.api_path());
        match self {
            Self::RunnerToken(TokenPurpose::Registration) => {
                Call::with(Method::Post, at("/actions/runners/registration-token"), None)
            }
            Self::RunnerToken(TokenPurpose::Removal) => {
                Call::with(Method::Post, at("/actions/runners/remove-token"), None)
            }
            Self::GenerateJitConfig(runner) => Call::with(
                Method::Post,
                at("/actions/runners/generate-jitconfig"),
                Some(runner.to_json()),
            ),
            Self::Downloads => Call::get(at("/actions/runners/downloads")),
            Self::RunnerGroups => Call::get(at("/actions/runner-groups?per_page=100")),
            Self::Runners => Call::get(at("/actions/runners?per_page=100")),
            Self::RunnerNamed(name) => Call::get(at(&format!("/actions/runners?name={}", path_segment(name)))),
            Self::RemoveRunner(id) => Call::with(Method::Delete, at(&format!("/actions/runners/{id}")), None),
            Self::AddLabels { runner, labels } => {
                let body = serde_json::json!({ "labels": labels }).to_string();
                Call::with(
                    Method::Post,
                    at(&format!("/actions/runners/{runner}/labels")),
                    Some(body),
                )
            }
            Self::RemoveLabel { runner, label } => Call::with(
                Method::Delete,
                at(&format!("/actions/runners/{runner}/labels/{}", path_segment(label))),
                None,
            ),
            Self::MoveToGroup { group, runner } => Call::with(
                Method::Put,
                at(&format!("/actions/runner-groups/{group}/runners/{runner}")),
                None,
            ),
            Self::Deprecation(version) => {
                Call::get(at(&format!("/actions/runners/deprecations/{}", path_segment(version))))
            }
            Self::CreateGroup(fields) => Call::with(Method::Post, at("/actions/runner-groups"), Some(fields.to_json())),
            Self::UpdateGroup { group, fields } => Call::with(
                Method::Patch,
                at(&format!("/actions/runner-groups/{group}")),
                Some(fields.to_json()),
            ),
            Self::DeleteGroup(group) => {
                Call::with(Method::Delete, at(&format!("/actions/runner-groups/{group}")), None)
            }
            Self::GroupRunners(group) => Call::get(at(&format!("/actions/runner-groups/{group}/runners?per_page=100"))),
            Self::GroupMembers(group) => Call::get(at(&format!(
                "/actions/runner-groups/{group}/{}?per_page=100",
                members(scope)
            ))),
            Self::SetGroupMembers { group, ids } => {
                let key = match scope.kind() {
                    ScopeKind::Enterprise => "selected_organization_ids",
                    _ => "selected_repository_ids",
                };
                let body = serde_json::json!({ key: ids }).to_string();
                Call::with(
                    Method::Put,
                    at(&format!("/actions/runner-groups/{group}/{}", members(scope))),
                    Some(body),
                )
            }
            Self::OrgRepositories => Call::get(at("/repos?per_page=100")),
            Self::OrganizationNamed(login) => Call::get(format!("/orgs/{}", path_segment(login))),
            Self::Root => Call::root(),
            Self::User => Call::get("/user".into()),
            Self::RateLimit => Call::get("/rate_limit".into()),
            Self::Repository => Call::get(scope.api_path()),
            Self::QueuedRuns => Call::get(at("/actions/runs?status=queued&per_page=100")),
            Self::RunJobs(run) => Call::get(at(&format!("/actions/runs/{run}/jobs?filter=latest&per_page=100"))),
            Self::GroupsVisibleTo(name) => Call::get(at(&format!(
                "/actions/runner-groups?per_page=100&visible_to_repository={}",
                path_segment(name)
            ))),
            Self::OpenGroupTo { group, repository } => Call::with(
                Method::Put,
                at(&format!("/actions/runner-groups/{group}/repositories/{repository}")),
                None,
            ),
            Self::ActionsPermissions => Call::get(at("/actions/permissions")),
            Self::SelfHostedRunnersPolicy => Call::get(at("/actions/permissions/self-hosted-runners")),
            Self::SetSelfHostedRunnersPolicy(value) => Call::with(
                Method::Put,
                at("/actions/permissions/self-hosted-runners"),
                Some(serde_json::json!({ "enabled_repositories": value }).to_string()),
            ),
            Self::ForkPrApproval => Call::get(at("/actions/permissions/fork-pr-contributor-approval")),
            Self::SetForkPrApproval(value) => Call::with(
                Method::Put,
                at("/actions/permissions/fork-pr-contributor-approval"),
                Some(serde_json::json!({ "approval_policy": value }).to_string()),
            ),
            Self::ForkPrPrivateRepos => Call::get(at("/actions/permissions/fork-pr-workflows-private-repos")),
            Self::SetForkPrPrivateRepos(settings) => Call::with(
                Method::Put,
                at("/actions/permissions/fork-pr-workflows-private-repos"),
                Some(settings.to_json()),
            ),
            Self::WorkflowPermissions => Call::get(at("/actions/permissions/workflow")),
            Self::SetWorkflowPermissions(settings) => Call::with(
                Method::Put,
                at("/actions/permissions/workflow"),
                Some(settings.to_json()),
            ),
            Self::PublicRepositories => Call::get(scope.api_path()),
        }
    }

    /// The scope kinds this endpoint exists for.
    pub fn kinds(&self) -> &'static [ScopeKind] {
        match self {
            Self::RunnerGroups
            | Self::MoveToGroup { .. }
            | Self::CreateGroup(_)
            | Self::UpdateGroup { .. }
            | Self::DeleteGroup(_)
            | Self::GroupRunners(_)
            | Self::GroupMembers(_)
            | Self::SetGroupMembers { .. } => &[ScopeKind::Organization, ScopeKind::Enterprise],
            Self::OrgRepositories => &[ScopeKind::Organization],
            Self::OrganizationNamed(_) => &[ScopeKind::Enterprise],
            Self::Repository | Self::QueuedRuns | Self::RunJobs(_) => &[ScopeKind::Repository],
            // `visible_to_repository` and repository access lists are organization-only.
            Self::GroupsVisibleTo(_) | Self::OpenGroupTo { .. } => &[ScopeKind::Organization],
            Self::SelfHostedRunnersPolicy | Self::SetSelfHostedRunnersPolicy(_) | Self::PublicRepositories => {
                &[ScopeKind::Organization]
            }
            Self::ForkPrApproval
            | Self::SetForkPrApproval(_)
            | Self::ForkPrPrivateRepos
            | Self::SetForkPrPrivateRepos(_)
            | Self::WorkflowPermissions
            | Self::SetWorkflowPermissions(_) => &[ScopeKind::Organization, ScopeKind::Repository],
            // Scope-free: asked once, not per kind.
            Self::User | Self::RateLimit => &[ScopeKind::Organization],
            _ => &ScopeKind::ALL,
        }
    }

    /// Each endpoint once, with sample arguments: what the contract tests check. A new endpoint
    /// must be added here; `samples_cover_every_endpoint` below fails until it is.
    pub fn samples() -> Vec<Endpoint> {
        vec![
            Self::RunnerToken(TokenPurpose::Registration),
            Self::RunnerToken(TokenPurpose::Removal),
            Self::GenerateJitConfig(JitRequest {
                name: "build-7".into(),
                runner_group_id: 1,
                labels: vec!["self-hosted".into(), "Linux".into(), "X64".into(), "gpu".into()],
                work_folder: "_work".into(),
            }),
            Self::Downloads,
            Self::RunnerGroups,
            Self::Runners,
            Self::RunnerNamed("build 7".into()),
            Self::RemoveRunner(23),
            Self::AddLabels {
                runner: 23,
                labels: vec!["gpu".into(), "linux-large".into()],
            },
            Self::RemoveLabel {
                runner: 23,
                label: "gpu large".into(),
            },
            Self::MoveToGroup { group: 2, runner: 23 },
            Self::Deprecation("2.320.0".into()),
            Self::CreateGroup(GroupFields {
                name: Some("Deploy runners".into()),
                visibility: Some(Visibility::Selected),
                repository_ids: Some(vec![1296269]),
                allows_public_repositories: Some(false),
                restricted_to_workflows: Some(true),
                selected_workflows: Some(vec!["octo-org/hello-world/.github/workflows/deploy.yml@main".into()]),
                ..GroupFields::default()
            }),
            Self::UpdateGroup {
                group: 2,
                fields: GroupFields {
                    name: Some("Linux builders".into()),
                    visibility: Some(Visibility::All),
                    ..GroupFields::default()
                },
            },
            Self::DeleteGroup(3),
            Self::GroupRunners(2),
            Self::GroupMembers(2),
            Self::SetGroupMembers {
                group: 2,
                ids: vec![1296269, 1296270],
            },
            Self::OrgRepositories,
            Self::OrganizationNamed("octo-org".into()),
            Self::Root,
            Self::User,
            Self::RateLimit,
            Self::Repository,
            Self::QueuedRuns,
            Self::RunJobs(30433642),
            Self::GroupsVisibleTo("hello-world".into()),
            Self::OpenGroupTo {
                group: 2,
                repository: 1296269,
            },
            Self::ActionsPermissions,
            Self::SelfHostedRunnersPolicy,
            Self::SetSelfHostedRunnersPolicy("none".into()),
            Self::ForkPrApproval,
            Self::SetForkPrApproval("all_external_contributors".into()),
            Self::ForkPrPrivateRepos,
            Self::SetForkPrPrivateRepos(ForkPrivate {
                run_workflows_from_fork_pull_requests: true,
                send_write_tokens_to_workflows: false,
                send_secrets_and_variables: false,
                require_approval_for_fork_pr_workflows: Some(true),
            }),
            Self::WorkflowPermissions,
            Self::SetWorkflowPermissions(WorkflowPermissions {
                default_workflow_permissions: "read".into(),
                can_approve_pull_request_reviews: false,
            }),
            Self::PublicRepositories,
        ]
    }
}

/// What a group's access list holds in `scope`: repositories, or an enterprise's organizations.
fn members(scope: &Scope) -> &'static str {
    match scope.kind() {
        ScopeKind::Enterprise => "organizations",
        _ => "repositories",
    }
}

/// Every request [`Endpoint::samples`] makes, for every scope kind it exists for, with the sample
/// scope named: `(kind, call)`. The contract tests read this.
pub fn catalogue() -> Vec<(ScopeKind, Call)> {
    let scope = |kind| match kind {
        ScopeKind::Repository => Scope::parse(kind, "octo-org/hello-world"),
        ScopeKind::Organization => Scope::parse(kind, "octo-org"),
        ScopeKind::Enterprise => Scope::parse(kind, "acme"),
    };
    Endpoint::samples()
        .iter()
        .flat_map(|e| {
            e.kinds()
                .iter()
                .filter_map(move |&k| Some((k, e.call(&scope(k).ok()?))))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The variants of `Endpoint` as declared in this file, so no second list has to be kept: a
    /// line indented once in the enum's body that starts with a capital is a variant.
    fn declared_endpoints() -> BTreeSet<&'static str> {
        let source = include_str!("call.rs");
        let body = source.split_once("pub enum Endpoint {").map_or("", |(_, rest)| rest);
        let body = &body[..body.find("\n}\n").unwrap_or(0)];
        body.lines()
            .filter_map(|line| line.strip_prefix("    "))
            .filter(|line| line.starts_with(|c: char| c.is_ascii_uppercase()))
            .map(variant_name)
            .collect()
    }

    /// `RunnerNamed` for `RunnerNamed("build 7")` (its `Debug` text, or its declaration).
    fn variant_name(text: &str) -> &str {
        text.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or(text)
    }

    #[test]
    fn samples_cover_every_endpoint() {
        let samples = Endpoint::samples();
        let debug: Vec<String> = samples.iter().map(|e| format!("{e:?}")).collect();
        let sampled: BTreeSet<&str> = debug.iter().map(|d| variant_name(d)).collect();
        let declared = declared_endpoints();
        assert_eq!(
            declared.difference(&sampled).collect::<Vec<_>>(),
            Vec::<&&str>::new(),
            "Endpoint::samples has no sample of these endpoints"
        );
        // The other way too, so a misread declaration cannot pass unnoticed.
        assert_eq!(sampled, declared);
        for purpose in [TokenPurpose::Registration, TokenPurpose::Removal] {
            assert!(samples.contains(&Endpoint::RunnerToken(purpose)), "{purpose:?}");
        }
    }

    #[test]
    fn paths_are_built_under_the_scope_with_segments_encoded() {
        let org = Scope::parse(ScopeKind::Organization, "octo-org").unwrap();
        let repo = Scope::parse(ScopeKind::Repository, "octo-org/app").unwrap();
        assert_eq!(
            Endpoint::RunnerToken(TokenPurpose::Removal).call(&repo).path,
            "/repos/octo-org/app/actions/runners/remove-token"
        );
        let named = Endpoint::RunnerNamed("a b/c".into()).call(&org);
        assert_eq!(
            (named.method, named.path.as_str()),
            (Method::Get, "/orgs/octo-org/actions/runners?name=a%20b%2Fc")
        );
        let delete = Endpoint::RemoveRunner(7).call(&org);
        assert_eq!((delete.method, delete.body), (Method::Delete, None));
        assert_eq!(Endpoint::Root.call(&org).path, "/");
        let jit = &Endpoint::samples()[2];
        assert!(jit.call(&org).body.unwrap().starts_with("{\"name\":\"build-7\""));
    }

    #[test]
    fn group_access_lists_are_repositories_for_organizations_and_organizations_for_enterprises() {
        let org = Scope::parse(ScopeKind::Organization, "octo-org").unwrap();
        let ent = Scope::parse(ScopeKind::Enterprise, "acme").unwrap();
        let set = Endpoint::SetGroupMembers { group: 4, ids: vec![7] };
        let (o, e) = (set.call(&org), set.call(&ent));
        assert_eq!(o.path, "/orgs/octo-org/actions/runner-groups/4/repositories");
        assert_eq!(o.body.as_deref(), Some(r#"{"selected_repository_ids":[7]}"#));
        assert_eq!(e.path, "/enterprises/acme/actions/runner-groups/4/organizations");
        assert_eq!(e.body.as_deref(), Some(r#"{"selected_organization_ids":[7]}"#));
        assert_eq!((o.method, e.method), (Method::Put, Method::Put));
        assert_eq!(
            Endpoint::OrganizationNamed("octo-org".into()).call(&ent).path,
            "/orgs/octo-org"
        );
        assert_eq!(
            Endpoint::OrgRepositories.call(&org).path,
            "/orgs/octo-org/repos?per_page=100"
        );
        let patch = Endpoint::UpdateGroup {
            group: 4,
            fields: GroupFields {
                name: Some("A".into()),
                ..GroupFields::default()
            },
        }
        .call(&org);
        assert_eq!(
            (patch.method, patch.body.as_deref()),
            (Method::Patch, Some(r#"{"name":"A"}"#))
        );
    }

    #[test]
    fn only_gets_are_safe() {
        for (_, call) in catalogue() {
            assert_eq!(call.method.is_safe(), call.method == Method::Get, "{call:?}");
        }
        assert!(catalogue().iter().all(|(_, c)| c.path.starts_with('/')));
        assert!(!catalogue()
            .iter()
            .any(|(k, c)| *k == ScopeKind::Repository && c.path.contains("runner-groups")));
    }
}
