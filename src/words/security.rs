//! What the Security tab says: each check's setting in GitHub's own words (as its settings page
//! names it), what a finding found and why it matters with a link to GitHub's documentation, a
//! fix's confirmation (the setting, what it applies to, the value now and after, what may stop
//! working), why a check could not be made, the summary, and the Markdown report.

use super::errors::short_reason;
use super::grammar::count;
use crate::github::{ApiError, ErrorKind, ScopeKind};
use crate::runner::review::{Check, Finding, Fix, Review, Severity, Subject};

const HARDENING: &str = "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#hardening-for-self-hosted-runners";
const GROUPS_DOC: &str = "https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/managing-access-to-self-hosted-runners-using-groups";
const JIT_DOC: &str = "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-just-in-time-runners";
const ORG_SETTINGS_DOC: &str = "https://docs.github.com/en/organizations/managing-organization-settings/disabling-or-limiting-github-actions-for-your-organization";
const REPO_SETTINGS_DOC: &str = "https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/enabling-features-for-your-repository/managing-github-actions-settings-for-a-repository";
const TOKEN_DOC: &str = "https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token";
const VERSIONS_DOC: &str = "https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#requirements-for-self-hosted-runner-machines";

/// The word shown for a severity (never colour alone).
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
    }
}

/// The setting a check reads, as GitHub's settings page names it.
pub fn setting(check: Check) -> &'static str {
    match check {
        Check::PublicGroups | Check::ReachableRunners => "Allow public repositories",
        Check::PublicRepository => "Self-hosted runners of a public repository",
        Check::RepositoryRunners => "Repository-level self-hosted runners",
        Check::ForkApproval => "Fork pull request workflows from outside collaborators",
        Check::ForkPrivate => "Fork pull request workflows in private repositories",
        Check::DefaultPermissions => "Workflow permissions",
        Check::ApprovePullRequests => "Allow GitHub Actions to create and approve pull requests",
        Check::AllowedActions => "Actions permissions",
        Check::RunnerVersions => "Runner version",
    }
}

/// What a finding applies to, for its line and the report: "runner group public-builders".
pub fn subject(s: &Subject, scope: &str) -> String {
    match s {
        Subject::Scope => scope.to_string(),
        Subject::Group(g) => format!("runner group {g}"),
        Subject::Runner(r) => format!("runner {r}"),
        Subject::Runners(list) => match list.as_slice() {
            [one] => format!("runner {one}"),
            _ => format!("runners {}", list.join(", ")),
        },
    }
}

/// What was found, in one sentence naming the setting and what it applies to.
pub fn found(f: &Finding, scope: &str) -> String {
    let on = subject(&f.subject, scope);
    match (&f.check, &f.fix) {
        (Check::PublicGroups, _) => format!("The {on} has Allow public repositories on."),
        (Check::ReachableRunners, _) => format!(
            "The {on} is not ephemeral and is in a runner group with Allow public repositories on, and {scope} has public repositories."
        ),
        (Check::PublicRepository, _) => format!("{scope} is public and has self-hosted runners of its own: {on}."),
        (Check::RepositoryRunners, _) => {
            format!("Repository-level self-hosted runners are allowed for all repositories in {scope}.")
        }
        (Check::ForkApproval, _) => format!(
            "Fork pull request workflows from outside collaborators in {scope} do not require approval for all outside collaborators."
        ),
        (Check::ForkPrivate, Some(Fix::StopSendingToForks(read))) => {
            let on: Vec<&str> = [
                (read.send_write_tokens_to_workflows, "Send write tokens to workflows from fork pull requests"),
                (read.send_secrets_and_variables, "Send secrets and variables to workflows from fork pull requests"),
            ]
            .into_iter()
            .filter_map(|(set, name)| set.then_some(name))
            .collect();
            format!("{} is on for private repositories in {scope}.", on.join(" and "))
        }
        (Check::ForkPrivate, _) => format!("Fork pull requests get write tokens or secrets in {scope}."),
        (Check::DefaultPermissions, _) => {
            format!("Workflow permissions in {scope} are Read and write permissions by default.")
        }
        (Check::ApprovePullRequests, _) => {
            format!("Allow GitHub Actions to create and approve pull requests is on in {scope}.")
        }
        (Check::AllowedActions, _) => {
            format!("{scope} allows all actions and reusable workflows, without requiring them to be pinned to a full-length commit SHA.")
        }
        (Check::RunnerVersions, _) => format!("The {on} run an outdated runner version."),
    }
}

/// Why it matters (one or two sentences) and GitHub's page about it.
pub fn why(f: &Finding, kind: ScopeKind) -> (&'static str, &'static str) {
    let settings = if kind == ScopeKind::Repository {
        REPO_SETTINGS_DOC
    } else {
        ORG_SETTINGS_DOC
    };
    match f.check {
        Check::PublicGroups => (
            "A fork of a public repository can open a pull request whose workflow runs on these runners, with any code it likes. GitHub advises using self-hosted runners only with private repositories.",
            GROUPS_DOC,
        ),
        Check::ReachableRunners => (
            "A non-ephemeral runner keeps what one job leaves behind for the next: code from a fork's pull request can stay on the machine. Turn off Allow public repositories for its group (the finding above), or use ephemeral or just-in-time runners.",
            JIT_DOC,
        ),
        Check::PublicRepository => (
            "Anyone can fork a public repository and open a pull request that runs on these runners. Move the runners to a private repository, or use GitHub-hosted runners here.",
            HARDENING,
        ),
        Check::RepositoryRunners => (
            "Any repository can add a runner of its own, outside the organization's runner groups and their access rules.",
            settings,
        ),
        Check::ForkApproval => (
            "A pull request from someone outside the organization runs its workflows without a maintainer looking first; on self-hosted runners that code runs on your machines.",
            settings,
        ),
        Check::ForkPrivate => (
            "A fork's pull request workflow can then push to the repository or read its secrets.",
            settings,
        ),
        Check::DefaultPermissions => (
            "Every workflow's GITHUB_TOKEN can write to the repository unless the workflow asks for less; a compromised step can push code or releases.",
            TOKEN_DOC,
        ),
        Check::ApprovePullRequests => (
            "A workflow can approve its own pull request, which gets around a required review.",
            TOKEN_DOC,
        ),
        Check::AllowedActions => (
            "Any action from anywhere may run, at a tag its owner can move. Tightening this can break workflows, so there is no Fix button: allow only the actions you need, or require pinning to a full-length commit SHA, under Actions permissions.",
            settings,
        ),
        Check::RunnerVersions => (
            "GitHub refuses jobs to runners too far behind the current version. Update them from the Runners tab (its Outdated filter lists them with the commands).",
            VERSIONS_DOC,
        ),
    }
}

/// What a fix changes: the setting's value now and after.
pub fn values(fix: &Fix) -> (String, String) {
    let on_off = |b: bool| if b { "on" } else { "off" };
    match fix {
        Fix::GroupPrivate { .. } => ("on".into(), "off".into()),
        Fix::NoRepositoryRunners => ("All repositories".into(), "Disabled (no repository)".into()),
        Fix::ApproveAllOutside => (
            "only some outside collaborators need approval".into(),
            "Require approval for all external contributors".into(),
        ),
        Fix::StopSendingToForks(read) => (
            format!(
                "write tokens {}, secrets and variables {}",
                on_off(read.send_write_tokens_to_workflows),
                on_off(read.send_secrets_and_variables)
            ),
            "write tokens off, secrets and variables off".into(),
        ),
        Fix::ReadOnlyToken { .. } => (
            "Read and write permissions".into(),
            "Read repository contents and packages permissions".into(),
        ),
        Fix::NoPullRequestApproval { .. } => ("on".into(), "off".into()),
    }
}

/// What may stop working once the fix is applied.
pub fn may_stop(fix: &Fix) -> &'static str {
    match fix {
        Fix::GroupPrivate { .. } => "Workflows in public repositories stop getting jobs on this group's runners.",
        Fix::NoRepositoryRunners => "Existing repository-level runners stop taking jobs: move them to the organization first if they are still needed.",
        Fix::ApproveAllOutside => "Every outside contributor's fork pull request waits until a maintainer approves its workflows.",
        Fix::StopSendingToForks(_) => "Workflows that run on fork pull requests lose their write token and secrets; those that need them fail.",
        Fix::ReadOnlyToken { .. } => "Workflows that write (push, release, comment) without asking for write permissions fail until they declare a permissions block.",
        Fix::NoPullRequestApproval { .. } => "Workflows can no longer approve or open pull requests with the GITHUB_TOKEN.",
    }
}

/// The fix's button ("Fix Allow public repositories for runner group public-builders"): its
/// accessible name starts with "Fix".
pub fn fix_label(f: &Finding, scope: &str) -> String {
    format!("Fix {} for {}", setting(f.check), subject(&f.subject, scope))
}

/// The confirmation's title.
pub fn confirm_title(f: &Finding, scope: &str) -> String {
    format!("Change {} for {}?", setting(f.check), subject(&f.subject, scope))
}

/// Why a check could not be made, and what would let it.
pub fn not_checked(check: Check, error: &ApiError, kind: ScopeKind) -> String {
    let needs = match kind {
        ScopeKind::Repository => "the repo scope (classic token) or the repository permission Administration: read",
        ScopeKind::Organization => {
            "the admin:org scope (classic token, by an organization owner) or the organization permission Administration: read"
        }
        ScopeKind::Enterprise => "the admin:enterprise scope (classic token, by an enterprise owner)",
    };
    let what = setting(check);
    match &error.kind {
        ErrorKind::NotFound => format!(
            "{what}: GitHub answered 404. The server may not have this setting (GitHub Enterprise Server before 3.19 has no repository-level runner or fork pull request settings), or the token cannot see it: it needs {needs}."
        ),
        ErrorKind::Forbidden | ErrorKind::MissingPermission { .. } | ErrorKind::NotOrgAdmin => {
            format!("{what}: the token cannot read it ({}). It needs {needs}.", short_reason(error))
        }
        _ => format!("{what}: could not be read ({}).", short_reason(error)),
    }
}

/// The review's summary: checks passed, findings, not checked; clean only when everything was
/// checked and nothing found.
pub fn summary(r: &Review, scope: &str) -> String {
    let passed = count(r.passed.len() as u64, "check passed", "checks passed");
    if r.is_clean() {
        return format!("No findings in {scope}: all {passed}.");
    }
    let mut parts = vec![count(r.findings.len() as u64, "finding", "findings"), passed];
    if !r.not_checked.is_empty() {
        parts.push(format!("{} not checked", r.not_checked.len()));
    }
    let mut said = format!("{}.", parts.join(", "));
    if r.findings.is_empty() && !r.not_checked.is_empty() {
        said.push_str(" Nothing was found in what could be read, but the review is not complete.");
    }
    said
}

/// The review as Markdown, for a ticket: a heading, one item per finding (severity, setting,
/// subject, fix), then what was not checked. Holds nothing but the review.
pub fn report(r: &Review, scope: &str, kind: ScopeKind, fixed: &[Finding]) -> String {
    let mut out = format!("# Security review of {scope}\n\n{}\n", summary(r, scope));
    if !r.findings.is_empty() || !fixed.is_empty() {
        out.push_str("\n## Findings\n\n");
    }
    for f in &r.findings {
        let fix = match &f.fix {
            Some(fix) => {
                let (now, after) = values(fix);
                format!("Fix: {now} \u{2192} {after}.")
            }
            None => why(f, kind).0.to_string(),
        };
        out.push_str(&format!(
            "- **{}**: {} ({}). {} {}\n",
            severity(f.severity),
            setting(f.check),
            subject(&f.subject, scope),
            found(f, scope),
            fix
        ));
    }
    for f in fixed {
        out.push_str(&format!(
            "- **Fixed**: {} ({}).\n",
            setting(f.check),
            subject(&f.subject, scope)
        ));
    }
    if !r.not_checked.is_empty() {
        out.push_str("\n## Not checked\n\n");
        for n in &r.not_checked {
            out.push_str(&format!("- {}\n", not_checked(n.check, &n.error, kind)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::ForkPrivate;
    use crate::runner::review::NotChecked;

    fn finding(check: Check, severity: Severity, subject: Subject, fix: Option<Fix>) -> Finding {
        Finding {
            check,
            severity,
            subject,
            fix,
        }
    }

    #[test]
    fn a_finding_names_the_setting_in_githubs_words_and_what_it_applies_to() {
        let group = finding(
            Check::PublicGroups,
            Severity::High,
            Subject::Group("public-builders".into()),
            Some(Fix::GroupPrivate {
                group: 2,
                name: "public-builders".into(),
            }),
        );
        assert_eq!(
            found(&group, "octo-org"),
            "The runner group public-builders has Allow public repositories on."
        );
        assert_eq!(
            fix_label(&group, "octo-org"),
            "Fix Allow public repositories for runner group public-builders"
        );
        let fork = finding(
            Check::ForkPrivate,
            Severity::High,
            Subject::Scope,
            Some(Fix::StopSendingToForks(ForkPrivate {
                run_workflows_from_fork_pull_requests: true,
                send_write_tokens_to_workflows: true,
                send_secrets_and_variables: false,
                require_approval_for_fork_pr_workflows: None,
            })),
        );
        assert_eq!(
            found(&fork, "octo-org"),
            "Send write tokens to workflows from fork pull requests is on for private repositories in octo-org."
        );
        assert_eq!(
            values(fork.fix.as_ref().unwrap()),
            (
                "write tokens on, secrets and variables off".to_string(),
                "write tokens off, secrets and variables off".to_string()
            )
        );
        for check in crate::runner::review::checks(ScopeKind::Organization) {
            let f = finding(
                check,
                Severity::Low,
                Subject::Runners(vec!["a".into(), "b".into()]),
                None,
            );
            let (why_, link) = why(&f, ScopeKind::Organization);
            assert!(
                why_.ends_with('.') && link.starts_with("https://docs.github.com/"),
                "{check:?}"
            );
            assert!(found(&f, "octo-org").ends_with('.'), "{check:?}");
        }
    }

    #[test]
    fn the_summary_never_says_clean_while_anything_was_not_checked() {
        let clean = Review {
            findings: Vec::new(),
            passed: vec![Check::PublicGroups, Check::AllowedActions],
            not_checked: Vec::new(),
        };
        assert_eq!(
            summary(&clean, "octo-org"),
            "No findings in octo-org: all 2 checks passed."
        );
        let partial = Review {
            not_checked: vec![NotChecked {
                check: Check::ForkApproval,
                error: ApiError {
                    kind: ErrorKind::NotFound,
                    status: Some(404),
                    message: Some("Not Found".into()),
                    request_id: None,
                },
            }],
            ..clean.clone()
        };
        let said = summary(&partial, "octo-org");
        assert_eq!(
            said,
            "0 findings, 2 checks passed, 1 not checked. Nothing was found in what could be read, but the review is not complete."
        );
        assert!(!said.contains("No findings"));
        let why404 = not_checked(
            Check::ForkApproval,
            &partial.not_checked[0].error,
            ScopeKind::Organization,
        );
        assert!(
            why404.contains("3.19") && why404.contains("Administration: read"),
            "{why404}"
        );
    }

    #[test]
    fn the_report_is_markdown_with_one_item_per_finding() {
        let r = Review {
            findings: vec![
                finding(
                    Check::PublicGroups,
                    Severity::High,
                    Subject::Group("pub".into()),
                    Some(Fix::GroupPrivate {
                        group: 2,
                        name: "pub".into(),
                    }),
                ),
                finding(Check::AllowedActions, Severity::Low, Subject::Scope, None),
            ],
            passed: vec![Check::RunnerVersions],
            not_checked: Vec::new(),
        };
        let md = report(&r, "octo-org", ScopeKind::Organization, &[]);
        assert!(md.starts_with("# Security review of octo-org\n"), "{md}");
        let items: Vec<&str> = md.lines().filter(|l| l.starts_with("- ")).collect();
        assert_eq!(items.len(), 2, "{md}");
        assert!(items[0].starts_with("- **High**: Allow public repositories (runner group pub)."));
        assert!(items[0].ends_with("Fix: on \u{2192} off."), "{}", items[0]);
        assert!(items[1].starts_with("- **Low**: Actions permissions (octo-org)."));
    }
}
