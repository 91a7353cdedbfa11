//! The Security tab's review, as pure rules: what was read of a scope's Actions settings
//! ([`Facts`]) in, the [`Review`] out: each check passed, found something (a [`Finding`], with its
//! [`Severity`] and, where one write fixes it, its [`Fix`]), or could not be checked (the token
//! or the server could not show the setting). Nothing is a pass by default: a check whose setting
//! was not read is [`NotChecked`], never passed. The words are `words::security`'s.

use crate::github::{
    actions::RepositoryInfo, ActionsPermissions, ApiError, Endpoint, ForkApproval, ForkPrivate, GroupFields, GroupInfo,
    Runner, ScopeKind, SelfHostedRunners, WorkflowPermissions,
};
use crate::runner::versions::is_outdated;

/// What a read gave: the setting, or why it could not be read.
pub type Read<T> = Result<T, ApiError>;

/// What the review read of one scope. `None`: not asked, since the scope kind has no such
/// setting (a repository has no runner groups; an enterprise's fork settings live in its
/// organizations).
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub kind: ScopeKind,
    pub groups: Option<Read<Vec<GroupInfo>>>,
    pub runners: Read<Vec<Runner>>,
    /// Whether the organization has a public repository.
    pub public_repositories: Option<Read<bool>>,
    /// The repository itself (repository scope): whether it is public.
    pub repository: Option<Read<RepositoryInfo>>,
    pub self_hosted: Option<Read<SelfHostedRunners>>,
    pub fork_approval: Option<Read<ForkApproval>>,
    pub fork_private: Option<Read<ForkPrivate>>,
    pub workflow: Option<Read<WorkflowPermissions>>,
    pub actions: Read<ActionsPermissions>,
    /// The runner version the scope's downloads answer names.
    pub current_version: Read<Option<String>>,
}

/// One rule of the review, in the order the review runs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    /// A runner group with **Allow public repositories** on.
    PublicGroups,
    /// A non-ephemeral runner public repositories can reach.
    ReachableRunners,
    /// A public repository with self-hosted runners of its own.
    PublicRepository,
    /// **Repository-level self-hosted runners** allowed for all repositories.
    RepositoryRunners,
    /// **Fork pull request workflows from outside collaborators** not approved for all.
    ForkApproval,
    /// **Send write tokens** or **Send secrets and variables** to fork pull request workflows.
    ForkPrivate,
    /// Default workflow permissions **Read and write permissions**.
    DefaultPermissions,
    /// **Allow GitHub Actions to create and approve pull requests**.
    ApprovePullRequests,
    /// Any action allowed, SHA pinning not required.
    AllowedActions,
    /// Runners on a version GitHub refuses or will soon refuse.
    RunnerVersions,
}

/// How much a finding matters: `High` first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    High,
    Medium,
    Low,
}

/// What a finding is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    /// The scope's own setting.
    Scope,
    Group(String),
    Runner(String),
    /// Several runners (named, in list order).
    Runners(Vec<String>),
}

/// One write that fixes a finding, with what it sends besides the fix: every other field of
/// the setting as it was read.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Fix {
    /// `PATCH` the group with `allows_public_repositories: false` (and its name, which GitHub's
    /// description requires, unchanged).
    GroupPrivate { group: u64, name: String },
    /// **Repository-level self-hosted runners**: none.
    NoRepositoryRunners,
    /// Approval for all outside contributors.
    ApproveAllOutside,
    /// Both fork sending switches off, the rest as read.
    StopSendingToForks(ForkPrivate),
    /// Default permissions read; pull request approval as read.
    ReadOnlyToken { can_approve: bool },
    /// Pull request approval off; default permissions as read.
    NoPullRequestApproval { default: String },
}

impl Fix {
    /// The one request this fix sends.
    pub fn endpoint(&self) -> Endpoint {
        match self {
            Self::GroupPrivate { group, name } => Endpoint::UpdateGroup {
                group: *group,
                fields: GroupFields {
                    name: Some(name.clone()),
                    allows_public_repositories: Some(false),
                    ..GroupFields::default()
                },
            },
            Self::NoRepositoryRunners => Endpoint::SetSelfHostedRunnersPolicy("none".into()),
            Self::ApproveAllOutside => Endpoint::SetForkPrApproval(APPROVE_ALL.into()),
            Self::StopSendingToForks(read) => Endpoint::SetForkPrPrivateRepos(read.without_sending()),
            Self::ReadOnlyToken { can_approve } => Endpoint::SetWorkflowPermissions(WorkflowPermissions {
                default_workflow_permissions: "read".into(),
                can_approve_pull_request_reviews: *can_approve,
            }),
            Self::NoPullRequestApproval { default } => Endpoint::SetWorkflowPermissions(WorkflowPermissions {
                default_workflow_permissions: default.clone(),
                can_approve_pull_request_reviews: false,
            }),
        }
    }

    /// The setting this fix changes, to be read again after it.
    pub fn setting(&self) -> Setting {
        match self {
            Self::GroupPrivate { .. } => Setting::Groups,
            Self::NoRepositoryRunners => Setting::SelfHosted,
            Self::ApproveAllOutside => Setting::ForkApproval,
            Self::StopSendingToForks(_) => Setting::ForkPrivate,
            Self::ReadOnlyToken { .. } | Self::NoPullRequestApproval { .. } => Setting::Workflow,
        }
    }
}

/// A setting the review reads with one request: what a fix reads again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    Groups,
    SelfHosted,
    ForkApproval,
    ForkPrivate,
    Workflow,
}

/// The approval policy that holds every outside contributor's fork pull request for approval.
pub const APPROVE_ALL: &str = "all_external_contributors";

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    pub check: Check,
    pub severity: Severity,
    pub subject: Subject,
    pub fix: Option<Fix>,
}

impl Finding {
    /// What identifies a finding across reviews (a fixed one is gone from the next).
    pub fn key(&self) -> (Check, Subject) {
        (self.check, self.subject.clone())
    }
}

/// A check the review could not make, and why: the first read it needed that failed.
#[derive(Clone, Debug, PartialEq)]
pub struct NotChecked {
    pub check: Check,
    pub error: ApiError,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    /// Most severe first; in the order of the checks within a severity.
    pub findings: Vec<Finding>,
    /// The checks that ran and found nothing.
    pub passed: Vec<Check>,
    pub not_checked: Vec<NotChecked>,
}

impl Review {
    /// Clean: every check ran and none found anything.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty() && self.not_checked.is_empty() && !self.passed.is_empty()
    }
}

/// What one check gave.
enum Verdict {
    Passed,
    Found(Vec<Finding>),
    NotChecked(ApiError),
}

/// The read, or the verdict that it could not be made.
fn need<T>(read: &Read<T>) -> Result<&T, Verdict> {
    read.as_ref().map_err(|e| Verdict::NotChecked(e.clone()))
}

/// Runs every check that applies to the scope's kind.
pub fn review(facts: &Facts) -> Review {
    let mut out = Review::default();
    for check in checks(facts.kind) {
        match verdict(check, facts) {
            Verdict::Passed => out.passed.push(check),
            Verdict::Found(found) if found.is_empty() => out.passed.push(check),
            Verdict::Found(found) => out.findings.extend(found),
            Verdict::NotChecked(error) => out.not_checked.push(NotChecked { check, error }),
        }
    }
    out.findings.sort_by_key(|f| f.severity);
    out
}

/// The checks for a scope kind.
pub fn checks(kind: ScopeKind) -> Vec<Check> {
    use Check::*;
    match kind {
        ScopeKind::Organization => vec![
            PublicGroups,
            ReachableRunners,
            RepositoryRunners,
            ForkApproval,
            ForkPrivate,
            DefaultPermissions,
            ApprovePullRequests,
            AllowedActions,
            RunnerVersions,
        ],
        ScopeKind::Repository => vec![
            PublicRepository,
            ForkApproval,
            ForkPrivate,
            DefaultPermissions,
            ApprovePullRequests,
            AllowedActions,
            RunnerVersions,
        ],
        ScopeKind::Enterprise => vec![PublicGroups, AllowedActions, RunnerVersions],
    }
}

fn verdict(check: Check, f: &Facts) -> Verdict {
    let found = |severity, subject, fix| Finding {
        check,
        severity,
        subject,
        fix,
    };
    let result = (|| -> Result<Vec<Finding>, Verdict> {
        Ok(match check {
            Check::PublicGroups => need(applies(&f.groups)?)?
                .iter()
                .filter(|g| g.allows_public_repositories)
                .map(|g| {
                    // A group the enterprise shares is changed in the enterprise, not here.
                    let fix = (!g.inherited).then(|| Fix::GroupPrivate {
                        group: g.id,
                        name: g.name.clone(),
                    });
                    found(Severity::High, Subject::Group(g.name.clone()), fix)
                })
                .collect(),
            Check::ReachableRunners => {
                let groups = need(applies(&f.groups)?)?;
                let runners = need(&f.runners)?;
                if !*need(applies(&f.public_repositories)?)? {
                    return Ok(Vec::new());
                }
                runners
                    .iter()
                    .filter(|r| !r.ephemeral && in_public_group(r, groups))
                    .map(|r| found(Severity::High, Subject::Runner(r.name.clone()), None))
                    .collect()
            }
            Check::PublicRepository => {
                let repository = need(applies(&f.repository)?)?;
                let runners = need(&f.runners)?;
                if repository.private || runners.is_empty() {
                    return Ok(Vec::new());
                }
                vec![found(Severity::High, Subject::Runners(names(runners.iter())), None)]
            }
            Check::RepositoryRunners => {
                let policy = need(applies(&f.self_hosted)?)?;
                if policy.enabled_repositories != "all" {
                    return Ok(Vec::new());
                }
                vec![found(Severity::Medium, Subject::Scope, Some(Fix::NoRepositoryRunners))]
            }
            Check::ForkApproval => {
                let approval = need(applies(&f.fork_approval)?)?;
                if approval.approval_policy == APPROVE_ALL {
                    return Ok(Vec::new());
                }
                let severity = if exposed(f) { Severity::High } else { Severity::Medium };
                vec![found(severity, Subject::Scope, Some(Fix::ApproveAllOutside))]
            }
            Check::ForkPrivate => {
                let read = need(applies(&f.fork_private)?)?;
                if !read.send_write_tokens_to_workflows && !read.send_secrets_and_variables {
                    return Ok(Vec::new());
                }
                vec![found(
                    Severity::High,
                    Subject::Scope,
                    Some(Fix::StopSendingToForks(read.clone())),
                )]
            }
            Check::DefaultPermissions => {
                let read = need(applies(&f.workflow)?)?;
                if read.default_workflow_permissions != "write" {
                    return Ok(Vec::new());
                }
                let fix = Fix::ReadOnlyToken {
                    can_approve: read.can_approve_pull_request_reviews,
                };
                vec![found(Severity::Medium, Subject::Scope, Some(fix))]
            }
            Check::ApprovePullRequests => {
                let read = need(applies(&f.workflow)?)?;
                if !read.can_approve_pull_request_reviews {
                    return Ok(Vec::new());
                }
                let fix = Fix::NoPullRequestApproval {
                    default: read.default_workflow_permissions.clone(),
                };
                vec![found(Severity::Medium, Subject::Scope, Some(fix))]
            }
            Check::AllowedActions => {
                let read = need(&f.actions)?;
                if read.allowed_actions.as_deref() != Some("all") || read.sha_pinning_required == Some(true) {
                    return Ok(Vec::new());
                }
                vec![found(Severity::Low, Subject::Scope, None)]
            }
            Check::RunnerVersions => {
                let runners = need(&f.runners)?;
                let current = need(&f.current_version)?.as_deref();
                if current.is_none() {
                    // No current version named: nothing to compare with, so not checked.
                    return Err(Verdict::NotChecked(ApiError::bad_body(
                        200,
                        &Default::default(),
                        crate::github::body::BodyProblem::MissingField("version"),
                    )));
                }
                let old: Vec<&Runner> = runners
                    .iter()
                    .filter(|r| is_outdated(r.version.as_deref(), current))
                    .collect();
                if old.is_empty() {
                    return Ok(Vec::new());
                }
                vec![found(Severity::Medium, Subject::Runners(names(old.into_iter())), None)]
            }
        })
    })();
    match result {
        Ok(found) => Verdict::Found(found),
        Err(verdict) => verdict,
    }
}

/// A setting that applies to the scope kind; one that does not is a check that does not apply,
/// which [`checks`] never runs.
fn applies<T>(read: &Option<Read<T>>) -> Result<&Read<T>, Verdict> {
    read.as_ref().ok_or(Verdict::Passed)
}

fn in_public_group(runner: &Runner, groups: &[GroupInfo]) -> bool {
    groups
        .iter()
        .any(|g| g.allows_public_repositories && Some(g.id) == runner.group_id)
}

/// Whether public repositories can reach self-hosted runners: an organization with a public
/// repository and a runner group open to public repositories with a runner in it, or a public
/// repository with runners of its own. Unread means unknown, taken as exposed: the stricter case.
fn exposed(f: &Facts) -> bool {
    match f.kind {
        ScopeKind::Repository => match (&f.repository, &f.runners) {
            (Some(Ok(repository)), Ok(runners)) => !repository.private && !runners.is_empty(),
            _ => true,
        },
        _ => match (&f.public_repositories, &f.groups, &f.runners) {
            (Some(Ok(public)), Some(Ok(groups)), Ok(runners)) => {
                *public && runners.iter().any(|r| in_public_group(r, groups))
            }
            _ => true,
        },
    }
}

fn names<'a>(runners: impl Iterator<Item = &'a Runner>) -> Vec<String> {
    runners.map(|r| r.name.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::{ErrorKind, Visibility};

    fn group(id: u64, name: &str, public: bool) -> GroupInfo {
        GroupInfo {
            id,
            name: name.into(),
            visibility: Visibility::All,
            allows_public_repositories: public,
            ..GroupInfo::default()
        }
    }

    fn runner(name: &str, group: u64, ephemeral: bool, version: &str) -> Runner {
        Runner {
            id: name.len() as u64,
            name: name.into(),
            os: "Linux".into(),
            online: true,
            busy: false,
            ephemeral,
            group_id: Some(group),
            labels: Vec::new(),
            custom_labels: Vec::new(),
            version: Some(version.into()),
        }
    }

    fn forbidden() -> ApiError {
        ApiError {
            kind: ErrorKind::Forbidden,
            status: Some(403),
            message: Some("Resource not accessible by personal access token".into()),
            request_id: None,
        }
    }

    /// An organization with nothing to find.
    fn clean_org() -> Facts {
        Facts {
            kind: ScopeKind::Organization,
            groups: Some(Ok(vec![group(1, "Default", false)])),
            runners: Ok(vec![runner("a", 1, false, "2.336.0")]),
            public_repositories: Some(Ok(true)),
            repository: None,
            self_hosted: Some(Ok(SelfHostedRunners {
                enabled_repositories: "selected".into(),
            })),
            fork_approval: Some(Ok(ForkApproval {
                approval_policy: APPROVE_ALL.into(),
            })),
            fork_private: Some(Ok(ForkPrivate {
                run_workflows_from_fork_pull_requests: true,
                send_write_tokens_to_workflows: false,
                send_secrets_and_variables: false,
                require_approval_for_fork_pr_workflows: Some(true),
            })),
            workflow: Some(Ok(WorkflowPermissions {
                default_workflow_permissions: "read".into(),
                can_approve_pull_request_reviews: false,
            })),
            actions: Ok(ActionsPermissions {
                allowed_actions: Some("selected".into()),
                sha_pinning_required: Some(true),
            }),
            current_version: Ok(Some("2.336.0".into())),
        }
    }

    fn only(review: &Review) -> Vec<(Check, Severity, Subject)> {
        review
            .findings
            .iter()
            .map(|f| (f.check, f.severity, f.subject.clone()))
            .collect()
    }

    #[test]
    fn a_clean_organization_passes_every_check_and_says_clean() {
        let r = review(&clean_org());
        assert!(r.findings.is_empty() && r.not_checked.is_empty());
        assert_eq!(r.passed, checks(ScopeKind::Organization));
        assert!(r.is_clean());
    }

    #[test]
    fn a_group_open_to_public_repositories_is_high_and_fixed_by_one_patch_naming_it() {
        let mut f = clean_org();
        f.groups = Some(Ok(vec![group(1, "Default", false), group(2, "public-builders", true)]));
        let r = review(&f);
        assert_eq!(
            only(&r),
            vec![(
                Check::PublicGroups,
                Severity::High,
                Subject::Group("public-builders".into())
            )]
        );
        let call = r.findings[0]
            .fix
            .as_ref()
            .unwrap()
            .endpoint()
            .call(&crate::github::Scope::parse(ScopeKind::Organization, "o").unwrap());
        assert_eq!(call.path, "/orgs/o/actions/runner-groups/2");
        assert_eq!(
            call.body.as_deref(),
            Some(r#"{"allows_public_repositories":false,"name":"public-builders"}"#)
        );
        // An enterprise's group seen from the organization: found, but fixed in the enterprise.
        let mut shared = group(3, "ent", true);
        shared.inherited = true;
        f.groups = Some(Ok(vec![shared]));
        assert_eq!(review(&f).findings[0].fix, None);
    }

    #[test]
    fn a_non_ephemeral_runner_public_repositories_reach_is_high_by_name_without_a_fix() {
        let mut f = clean_org();
        f.groups = Some(Ok(vec![group(2, "pub", true)]));
        f.runners = Ok(vec![
            runner("kept", 2, false, "2.336.0"),
            runner("once", 2, true, "2.336.0"),
            runner("elsewhere", 9, false, "2.336.0"),
        ]);
        let r = review(&f);
        let reach: Vec<_> = r
            .findings
            .iter()
            .filter(|x| x.check == Check::ReachableRunners)
            .collect();
        assert_eq!(reach.len(), 1);
        assert_eq!(reach[0].subject, Subject::Runner("kept".into()));
        assert_eq!((reach[0].severity, &reach[0].fix), (Severity::High, &None));
        // No public repository: nothing reaches it, and fork approval is only Medium.
        f.public_repositories = Some(Ok(false));
        f.fork_approval = Some(Ok(ForkApproval {
            approval_policy: "first_time_contributors".into(),
        }));
        let r = review(&f);
        assert!(r.passed.contains(&Check::ReachableRunners));
        let fork = r.findings.iter().find(|x| x.check == Check::ForkApproval).unwrap();
        assert_eq!(fork.severity, Severity::Medium);
        // With public repositories reaching the runners it is High.
        f.public_repositories = Some(Ok(true));
        let r = review(&f);
        let fork = r.findings.iter().find(|x| x.check == Check::ForkApproval).unwrap();
        assert_eq!(
            (fork.severity, &fork.fix),
            (Severity::High, &Some(Fix::ApproveAllOutside))
        );
    }

    #[test]
    fn each_setting_rule_finds_its_value_with_its_severity_and_fix() {
        let mut f = clean_org();
        f.self_hosted = Some(Ok(SelfHostedRunners {
            enabled_repositories: "all".into(),
        }));
        let read = ForkPrivate {
            run_workflows_from_fork_pull_requests: true,
            send_write_tokens_to_workflows: false,
            send_secrets_and_variables: true,
            require_approval_for_fork_pr_workflows: None,
        };
        f.fork_private = Some(Ok(read.clone()));
        f.workflow = Some(Ok(WorkflowPermissions {
            default_workflow_permissions: "write".into(),
            can_approve_pull_request_reviews: true,
        }));
        f.actions = Ok(ActionsPermissions {
            allowed_actions: Some("all".into()),
            sha_pinning_required: Some(false),
        });
        let r = review(&f);
        let by = |c| r.findings.iter().find(|x| x.check == c).cloned().unwrap();
        assert_eq!(
            (by(Check::RepositoryRunners).severity, by(Check::RepositoryRunners).fix),
            (Severity::Medium, Some(Fix::NoRepositoryRunners))
        );
        assert_eq!(
            (by(Check::ForkPrivate).severity, by(Check::ForkPrivate).fix),
            (Severity::High, Some(Fix::StopSendingToForks(read)))
        );
        assert_eq!(
            by(Check::DefaultPermissions).fix,
            Some(Fix::ReadOnlyToken { can_approve: true })
        );
        assert_eq!(
            by(Check::ApprovePullRequests).fix,
            Some(Fix::NoPullRequestApproval {
                default: "write".into()
            })
        );
        assert_eq!(
            (by(Check::AllowedActions).severity, by(Check::AllowedActions).fix),
            (Severity::Low, None)
        );
        // Most severe first.
        let severities: Vec<Severity> = r.findings.iter().map(|x| x.severity).collect();
        let mut sorted = severities.clone();
        sorted.sort();
        assert_eq!(severities, sorted);
        assert_eq!(r.findings[0].severity, Severity::High);
        // SHA pinning required: any action may run, but pinned: passed.
        f.actions = Ok(ActionsPermissions {
            allowed_actions: Some("all".into()),
            sha_pinning_required: Some(true),
        });
        assert!(review(&f).passed.contains(&Check::AllowedActions));
    }

    #[test]
    fn each_fix_sends_the_other_field_as_it_was_read() {
        let org = crate::github::Scope::parse(ScopeKind::Organization, "o").unwrap();
        let body = |fix: Fix| fix.endpoint().call(&org).body.unwrap_or_default();
        assert_eq!(
            body(Fix::ReadOnlyToken { can_approve: true }),
            r#"{"can_approve_pull_request_reviews":true,"default_workflow_permissions":"read"}"#
        );
        assert_eq!(
            body(Fix::NoPullRequestApproval {
                default: "write".into()
            }),
            r#"{"can_approve_pull_request_reviews":false,"default_workflow_permissions":"write"}"#
        );
        assert_eq!(body(Fix::NoRepositoryRunners), r#"{"enabled_repositories":"none"}"#);
        assert_eq!(
            body(Fix::ApproveAllOutside),
            r#"{"approval_policy":"all_external_contributors"}"#
        );
    }

    #[test]
    fn nothing_unread_is_a_pass_and_an_unread_setting_is_not_checked_with_its_reason() {
        let mut f = clean_org();
        f.fork_approval = Some(Err(forbidden()));
        f.groups = Some(Err(forbidden()));
        f.current_version = Ok(None);
        let r = review(&f);
        let not: Vec<Check> = r.not_checked.iter().map(|n| n.check).collect();
        // The groups feed two checks; the version check has nothing to compare with.
        assert_eq!(
            not,
            vec![
                Check::PublicGroups,
                Check::ReachableRunners,
                Check::ForkApproval,
                Check::RunnerVersions
            ]
        );
        assert_eq!(r.not_checked[0].error, forbidden());
        assert!(!r.is_clean());
        assert!(!r.passed.contains(&Check::ForkApproval));
    }

    #[test]
    fn a_public_repository_with_its_own_runners_is_high_naming_them() {
        let f = Facts {
            kind: ScopeKind::Repository,
            groups: None,
            runners: Ok(vec![runner("repo-runner", 1, false, "2.336.0")]),
            public_repositories: None,
            repository: Some(Ok(RepositoryInfo {
                id: 1,
                full_name: "o/r".into(),
                private: false,
                org_owned: true,
            })),
            self_hosted: None,
            ..clean_org()
        };
        let r = review(&f);
        assert_eq!(
            only(&r),
            vec![(
                Check::PublicRepository,
                Severity::High,
                Subject::Runners(vec!["repo-runner".into()])
            )]
        );
        assert_eq!(r.passed.len() + r.findings.len(), checks(ScopeKind::Repository).len());
        let private = Facts {
            repository: Some(Ok(RepositoryInfo {
                private: true,
                ..match &f.repository {
                    Some(Ok(r)) => r.clone(),
                    _ => unreachable!(),
                }
            })),
            ..f
        };
        assert!(review(&private).is_clean());
    }

    #[test]
    fn outdated_runners_are_one_medium_finding_naming_them_and_enterprises_get_their_checks() {
        let mut f = clean_org();
        f.runners = Ok(vec![
            runner("old", 1, true, "2.300.0"),
            runner("new", 1, true, "2.336.0"),
        ]);
        let r = review(&f);
        assert_eq!(
            only(&r),
            vec![(
                Check::RunnerVersions,
                Severity::Medium,
                Subject::Runners(vec!["old".into()])
            )]
        );
        let ent = Facts {
            kind: ScopeKind::Enterprise,
            groups: Some(Ok(vec![group(5, "ent-public", true)])),
            public_repositories: None,
            self_hosted: None,
            fork_approval: None,
            fork_private: None,
            workflow: None,
            ..clean_org()
        };
        let r = review(&ent);
        assert_eq!(
            only(&r),
            vec![(Check::PublicGroups, Severity::High, Subject::Group("ent-public".into()))]
        );
        assert_eq!(r.passed, vec![Check::AllowedActions, Check::RunnerVersions]);
    }
}
