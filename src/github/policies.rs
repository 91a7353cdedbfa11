//! The Actions settings that decide who can reach self-hosted runners, as GitHub answers and
//! takes them (`{scope}/actions/permissions/...`, organizations and repositories): read by the
//! Security tab's review, and each fix's body. GitHub's settings-page words are in the docs of
//! each type. A field the review needs that is missing or of the wrong kind is a
//! [`BodyProblem`], so it shows as not checked, never as a pass.

use super::body::{self, BodyProblem, Scalar};
use serde::Deserialize;

/// **Repository-level self-hosted runners**: which repositories may add runners of their own
/// (`GET/PUT /orgs/{org}/actions/permissions/self-hosted-runners`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelfHostedRunners {
    /// `all`, `selected` or `none`.
    pub enabled_repositories: String,
}

/// **Fork pull request workflows from outside collaborators**: which outside contributors'
/// fork pull requests wait for approval (`.../permissions/fork-pr-contributor-approval`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForkApproval {
    /// `first_time_contributors_new_to_github`, `first_time_contributors` or
    /// `all_external_contributors`.
    pub approval_policy: String,
}

/// **Fork pull request workflows in private repositories**
/// (`.../permissions/fork-pr-workflows-private-repos`). A fix sends every field back as read,
/// but the two it turns off.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ForkPrivate {
    /// Run workflows from fork pull requests (the PUT requires it).
    pub run_workflows_from_fork_pull_requests: bool,
    /// **Send write tokens to workflows from fork pull requests**.
    pub send_write_tokens_to_workflows: bool,
    /// **Send secrets and variables to workflows from fork pull requests**.
    pub send_secrets_and_variables: bool,
    /// Require approval for fork pull request workflows (absent on some servers: then not sent).
    pub require_approval_for_fork_pr_workflows: Option<bool>,
}

/// **Workflow permissions** (`.../permissions/workflow`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkflowPermissions {
    /// `read` or `write` (**Read and write permissions**).
    pub default_workflow_permissions: String,
    /// **Allow GitHub Actions to create and approve pull requests**.
    pub can_approve_pull_request_reviews: bool,
}

/// The Actions permissions of a scope (`{scope}/actions/permissions`): which actions may run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionsPermissions {
    /// `all`, `local_only` or `selected`; `None` when Actions is off (no field).
    pub allowed_actions: Option<String>,
    /// Whether actions must be pinned to a full commit SHA (`None`: a server without it).
    pub sha_pinning_required: Option<bool>,
}

#[derive(Deserialize)]
struct Fields {
    #[serde(default)]
    enabled_repositories: Scalar,
    #[serde(default)]
    approval_policy: Scalar,
    #[serde(default)]
    run_workflows_from_fork_pull_requests: Scalar,
    #[serde(default)]
    send_write_tokens_to_workflows: Scalar,
    #[serde(default)]
    send_secrets_and_variables: Scalar,
    #[serde(default)]
    require_approval_for_fork_pr_workflows: Scalar,
    #[serde(default)]
    default_workflow_permissions: Scalar,
    #[serde(default)]
    can_approve_pull_request_reviews: Scalar,
    #[serde(default)]
    allowed_actions: Scalar,
    #[serde(default)]
    sha_pinning_required: Scalar,
}

fn text(s: Scalar, name: &'static str) -> Result<String, BodyProblem> {
    s.into_text().ok_or(BodyProblem::MissingField(name))
}

fn flag(s: &Scalar, name: &'static str) -> Result<bool, BodyProblem> {
    s.bool().ok_or(BodyProblem::MissingField(name))
}

pub fn parse_self_hosted_runners(text_: &str) -> Result<SelfHostedRunners, BodyProblem> {
    let f: Fields = body::parse_object(text_)?;
    Ok(SelfHostedRunners {
        enabled_repositories: text(f.enabled_repositories, "enabled_repositories")?,
    })
}

pub fn parse_fork_approval(text_: &str) -> Result<ForkApproval, BodyProblem> {
    let f: Fields = body::parse_object(text_)?;
    Ok(ForkApproval {
        approval_policy: text(f.approval_policy, "approval_policy")?,
    })
}

pub fn parse_fork_private(text_: &str) -> Result<ForkPrivate, BodyProblem> {
    let f: Fields = body::parse_object(text_)?;
    Ok(ForkPrivate {
        run_workflows_from_fork_pull_requests: flag(
            &f.run_workflows_from_fork_pull_requests,
            "run_workflows_from_fork_pull_requests",
        )?,
        send_write_tokens_to_workflows: flag(&f.send_write_tokens_to_workflows, "send_write_tokens_to_workflows")?,
        send_secrets_and_variables: flag(&f.send_secrets_and_variables, "send_secrets_and_variables")?,
        require_approval_for_fork_pr_workflows: f.require_approval_for_fork_pr_workflows.bool(),
    })
}

pub fn parse_workflow_permissions(text_: &str) -> Result<WorkflowPermissions, BodyProblem> {
    let f: Fields = body::parse_object(text_)?;
    Ok(WorkflowPermissions {
        default_workflow_permissions: text(f.default_workflow_permissions, "default_workflow_permissions")?,
        can_approve_pull_request_reviews: flag(
            &f.can_approve_pull_request_reviews,
            "can_approve_pull_request_reviews",
        )?,
    })
}

pub fn parse_actions_permissions(text_: &str) -> Result<ActionsPermissions, BodyProblem> {
    let f: Fields = body::parse_object(text_)?;
    Ok(ActionsPermissions {
        allowed_actions: f.allowed_actions.into_text(),
        sha_pinning_required: f.sha_pinning_required.bool(),
    })
}

/// Whether an organization (`GET /orgs/{org}`) has any public repository: its `public_repos`
/// count, which every deployment's description requires. The list `GET /orgs/{org}/repos?type=public`
/// would say the same, but Enterprise Cloud's description has no `public` type.
pub fn parse_has_public_repositories(text_: &str) -> Result<bool, BodyProblem> {
    let f: Organization = body::parse_object(text_)?;
    f.public_repos
        .id()
        .map(|count| count > 0)
        .ok_or(BodyProblem::MissingField("public_repos"))
}

#[derive(Deserialize)]
struct Organization {
    #[serde(default)]
    public_repos: Scalar,
}

impl ForkPrivate {
    /// The fix's body: both sending switches off, every other field as read.
    pub fn without_sending(&self) -> Self {
        Self {
            send_write_tokens_to_workflows: false,
            send_secrets_and_variables: false,
            ..self.clone()
        }
    }

    pub fn to_json(&self) -> String {
        let mut body = serde_json::json!({
            "run_workflows_from_fork_pull_requests": self.run_workflows_from_fork_pull_requests,
            "send_write_tokens_to_workflows": self.send_write_tokens_to_workflows,
            "send_secrets_and_variables": self.send_secrets_and_variables,
        });
        if let (Some(require), Some(map)) = (self.require_approval_for_fork_pr_workflows, body.as_object_mut()) {
            map.insert("require_approval_for_fork_pr_workflows".into(), require.into());
        }
        body.to_string()
    }
}

impl WorkflowPermissions {
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "default_workflow_permissions": self.default_workflow_permissions,
            "can_approve_pull_request_reviews": self.can_approve_pull_request_reviews,
        })
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_and_a_missing_field_is_a_problem_not_a_pass() {
        assert_eq!(
            parse_self_hosted_runners(r#"{"enabled_repositories":"all","selected_repositories_url":"x"}"#),
            Ok(SelfHostedRunners {
                enabled_repositories: "all".into()
            })
        );
        assert_eq!(
            parse_self_hosted_runners("{}"),
            Err(BodyProblem::MissingField("enabled_repositories"))
        );
        assert_eq!(
            parse_fork_approval(r#"{"approval_policy":"first_time_contributors"}"#).map(|a| a.approval_policy),
            Ok("first_time_contributors".into())
        );
        let private = parse_fork_private(
            r#"{"run_workflows_from_fork_pull_requests":true,"send_write_tokens_to_workflows":true,"send_secrets_and_variables":false,"require_approval_for_fork_pr_workflows":true}"#,
        )
        .unwrap();
        assert_eq!(private.require_approval_for_fork_pr_workflows, Some(true));
        assert_eq!(
            parse_fork_private(
                r#"{"run_workflows_from_fork_pull_requests":true,"send_write_tokens_to_workflows":"yes"}"#
            ),
            Err(BodyProblem::MissingField("send_write_tokens_to_workflows"))
        );
        assert_eq!(
            parse_workflow_permissions(
                r#"{"default_workflow_permissions":"write","can_approve_pull_request_reviews":true}"#
            ),
            Ok(WorkflowPermissions {
                default_workflow_permissions: "write".into(),
                can_approve_pull_request_reviews: true
            })
        );
        assert_eq!(
            parse_actions_permissions(r#"{"enabled_repositories":"all","allowed_actions":"all"}"#),
            Ok(ActionsPermissions {
                allowed_actions: Some("all".into()),
                sha_pinning_required: None
            })
        );
        assert_eq!(
            parse_has_public_repositories(r#"{"login":"o","public_repos":0}"#),
            Ok(false)
        );
        assert_eq!(parse_has_public_repositories(r#"{"public_repos":2}"#), Ok(true));
        assert_eq!(
            parse_has_public_repositories("{}"),
            Err(BodyProblem::MissingField("public_repos"))
        );
        assert_eq!(
            parse_has_public_repositories(r#"{"public_repos":"2"}"#),
            Err(BodyProblem::MissingField("public_repos"))
        );
    }

    #[test]
    fn the_fork_fix_turns_off_only_the_two_switches_and_sends_the_rest_back() {
        let read = ForkPrivate {
            run_workflows_from_fork_pull_requests: true,
            send_write_tokens_to_workflows: true,
            send_secrets_and_variables: true,
            require_approval_for_fork_pr_workflows: Some(false),
        };
        assert_eq!(
            read.without_sending().to_json(),
            r#"{"require_approval_for_fork_pr_workflows":false,"run_workflows_from_fork_pull_requests":true,"send_secrets_and_variables":false,"send_write_tokens_to_workflows":false}"#
        );
        let older = ForkPrivate {
            require_approval_for_fork_pr_workflows: None,
            ..read
        };
        assert!(!older.without_sending().to_json().contains("require_approval"));
    }
}
