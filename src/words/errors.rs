//! The words for an `ApiError`: what happened, what to do next, and a link that helps. Pure and
//! tested here, so the sentences a user reads for any failure are in one place.

use crate::form::ValidForm;
use crate::github::access_token::{classic_scope, new_classic_token_url, new_fine_grained_token_url};
use crate::github::{ApiError, ErrorKind, Runner, ScopeKind, TokenKind};
use crate::operation::Operation;
use crate::words::grammar::count;

/// Said after Forget token: only what is true of what the page holds and sends.
pub const FORGOTTEN: &str = "Forgotten: this page holds no reference to the access token any more and will not send it again. Your browser may keep copies in its own memory until this tab is closed: on a shared computer, close the tab.";

/// The link text for the fine-grained token page, shared with the token hint.
pub const NEW_FINE_GRAINED_TOKEN: &str = "Create a fine-grained token";

/// The link text for the classic token page with the scope `kind` needs.
pub fn new_classic_token_text(kind: ScopeKind) -> String {
    format!("Create a classic token with {}", classic_scope(kind))
}

/// The token field's hint: what a token of the pasted kind must be granted for a scope of
/// `scope`, or, in a line, what each kind needs while none is pasted. A kind GitHub refuses for
/// the scope is only named: the warning under the field ([`token_not_accepted`]) says why, and
/// saying it in both would read twice.
pub fn token_hint(kind: Option<TokenKind>, scope: ScopeKind) -> String {
    match kind {
        Some(kind) if !kind.accepted_for(scope) => format!("{}.", kind.label()),
        Some(kind) => format!("{}: {}", kind.label(), kind.requirement(scope)),
        None => token_needs(scope).to_string(),
    }
}

/// What a token needs for a scope of `kind`, in a line, before its kind is known.
fn token_needs(kind: ScopeKind) -> &'static str {
    match kind {
        ScopeKind::Repository => "A classic token with repo (of a repository admin), or a fine-grained token with Administration: Read and write.",
        ScopeKind::Organization => "A classic token with admin:org (of an owner), or a fine-grained token with Self-hosted runners: Read and write.",
        ScopeKind::Enterprise => "A classic token with manage_runners:enterprise (of an enterprise owner).",
    }
}

/// Said under the token field, before sending, when GitHub will refuse a token of `kind` for a
/// scope of `scope` (sending stays possible: GitHub has the last word).
pub fn token_not_accepted(kind: TokenKind, scope: ScopeKind) -> Option<String> {
    (!kind.accepted_for(scope)).then(|| {
        format!(
            "{} will be refused for {} runners: create a classic token with manage_runners:enterprise instead. You can still send it.",
            kind.subject(),
            scope.noun()
        )
    })
}

/// The request that failed, as far as the wording needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorContext {
    /// What the request was doing (with the runner or group it was about).
    pub operation: Operation,
    /// The scope for sentences: "octo-org", "octo-org/app", "the enterprise acme".
    pub subject: String,
    pub kind: ScopeKind,
    pub api: String,
    pub web: String,
    pub token_kind: TokenKind,
}

impl ErrorContext {
    /// `operation` in the scope, on the server and with the token kind of `form`.
    pub fn of(form: &ValidForm, operation: Operation) -> Self {
        Self {
            operation,
            subject: form.target.scope.to_string(),
            kind: form.target.scope.kind(),
            api: form.target.api.to_string(),
            web: form.web_base.to_string(),
            token_kind: form.token_kind,
        }
    }

    /// The same scope, server and token kind, for another operation.
    pub fn doing(&self, operation: Operation) -> Self {
        Self {
            operation,
            ..self.clone()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub title: String,
    pub next: String,
    /// A link that helps with the next step: (text, href).
    pub link: Option<(String, String)>,
}

/// Words for `error`. `local_time` turns Unix milliseconds into the reader's local time.
pub fn explain(error: &ApiError, cx: &ErrorContext, local_time: &dyn Fn(i64) -> String) -> Explanation {
    let ErrorContext {
        operation,
        subject,
        kind,
        api,
        web,
        token_kind,
    } = cx;
    let jit = matches!(operation, Operation::JustInTime { .. });
    let removing = match operation {
        Operation::RemoveRunner { runner } => Some(runner.as_str()),
        _ => None,
    };
    let new_classic = || (new_classic_token_text(*kind), new_classic_token_url(web, *kind));
    let new_fine_grained = || (NEW_FINE_GRAINED_TOKEN.to_string(), new_fine_grained_token_url(web));
    let new_token = || {
        if *token_kind == TokenKind::FineGrained && token_kind.accepted_for(*kind) {
            new_fine_grained()
        } else {
            new_classic()
        }
    };
    let status = error.status.map_or_else(String::new, |s| format!(" ({s})"));
    let (title, next, link) = match &error.kind {
        ErrorKind::BadCredentials => (
            "GitHub rejected the access token (401 Bad credentials).".to_string(),
            "The token is mistyped, expired or revoked. Paste it again in full, or create a new one.".to_string(),
            Some(new_token()),
        ),
        ErrorKind::SsoRequired { authorize_url } => (
            format!("{subject} is protected by SAML single sign-on, and this token is not authorized for it."),
            "Authorize the token for the organization (Configure SSO, then Authorize), then try again.".to_string(),
            Some(match authorize_url {
                Some(url) => ("Authorize this token for single sign-on".to_string(), url.clone()),
                None => ("Open your tokens to authorize single sign-on".to_string(), format!("{web}/settings/tokens")),
            }),
        ),
        ErrorKind::ClassicTokenForbidden => (
            format!("{subject} does not accept personal access tokens (classic)."),
            format!("Use a fine-grained token or a GitHub App token instead: it {}", TokenKind::FineGrained.requirement(*kind)),
            Some(new_fine_grained()),
        ),
        ErrorKind::TokenLifetimeTooLong => (
            format!("{subject} refuses fine-grained tokens that live longer than its policy allows."),
            "Create a token with a shorter expiration (within the organization's limit, at most 366 days) and try again.".to_string(),
            Some(new_fine_grained()),
        ),
        ErrorKind::MissingPermission { token_scopes } => {
            let has = match token_scopes.as_deref().map(str::trim) {
                Some("") => " This token has no scopes at all.".to_string(),
                Some(scopes) => format!(" This token has: {scopes}."),
                None => String::new(),
            };
            (
                format!("The token is not allowed to manage the runners of {subject}."),
                format!("{} {}{has}", token_kind.subject(), token_kind.requirement(*kind)),
                Some(new_token()),
            )
        }
        ErrorKind::NotOrgAdmin => match kind {
            ScopeKind::Repository => (
                format!("The token's account is not an admin of {subject}."),
                "Only repository admins can manage a repository's runners. Ask an admin, or use a token of an admin's account.".to_string(),
                None,
            ),
            _ => (
                format!("The token's account is not an owner of {subject}."),
                format!("Only {} owners can manage its runners. Ask an owner, or use a token of an owner's account.", kind.noun()),
                None,
            ),
        },
        ErrorKind::PrimaryRateLimit { reset_at } => (
            "The API rate limit for this token is used up.".to_string(),
            match reset_at {
                Some(secs) => format!("Try again after {}.", local_time(secs.saturating_mul(1000))),
                None => "Try again in an hour, when the limit resets.".to_string(),
            },
            None,
        ),
        ErrorKind::SecondaryRateLimit { retry_after } => (
            "GitHub is throttling requests from this token (secondary rate limit).".to_string(),
            match retry_after {
                Some(secs) => format!("Wait {}, then try again.", count(*secs, "second", "seconds")),
                None => "Wait at least a minute, then try again.".to_string(),
            },
            None,
        ),
        ErrorKind::Forbidden if jit => (
            format!("GitHub refused to register the runner{status}."),
            "The token may not use the chosen runner group (GitHub-hosted groups and groups not open to this scope refuse runners), or lacks the permission: pick another group, or see GitHub's message.".to_string(),
            None,
        ),
        ErrorKind::Forbidden => (
            format!("GitHub refused the request{status}."),
            format!("Check the token's permissions and the {}'s token policies; GitHub's message says more.", kind.noun()),
            None,
        ),
        ErrorKind::NotFound if removing.is_some() => (
            format!("GitHub has no runner \u{201c}{}\u{201d} in {subject} any more (404).", removing.unwrap_or_default()),
            "It was probably removed already: refresh the list.".to_string(),
            None,
        ),
        ErrorKind::NotFound => (
            format!("No {} \u{201c}{}\u{201d} that this token can administer was found (404).", kind.noun(), cx.name()),
            format!(
                "Check the {noun}'s spelling and the API URL ({api}). If both are right, the token's account cannot administer the {noun} or the token cannot see it: GitHub does not say which.{group}",
                noun = kind.noun(),
                group = if jit && kind.has_groups() { " The chosen runner group may also no longer exist." } else { "" },
            ),
            None,
        ),
        ErrorKind::Conflict => (
            format!("A runner named \u{201c}{}\u{201d} already exists in {subject}.", operation.runner().unwrap_or("this")),
            "Runner names are unique within their scope: change the Runner name and try again, or remove the old runner first.".to_string(),
            None,
        ),
        ErrorKind::Unprocessable if removing.is_some() => (
            format!("GitHub refused to remove \u{201c}{}\u{201d}{status}.", removing.unwrap_or_default()),
            "A runner that is running a job cannot be removed: wait for the job to finish (or cancel the workflow run), then try again. GitHub's message says more.".to_string(),
            None,
        ),
        ErrorKind::Unprocessable => (
            format!("GitHub refused the runner's settings{status}."),
            "GitHub's message below says which setting it could not accept: correct it and try again.".to_string(),
            None,
        ),
        ErrorKind::BadRequest => (
            format!("The server rejected the request as malformed{status}."),
            "An older GitHub Enterprise Server may not support API version 2022-11-28: check the API URL and the server's version.".to_string(),
            None,
        ),
        ErrorKind::ServerError => (
            format!("The server had an internal error{status}."),
            "This is usually temporary: try again in a minute. If it keeps happening, check the service's status page.".to_string(),
            None,
        ),
        ErrorKind::Redirected => (
            format!("{api} answered with a redirect instead of the API."),
            "Check the API URL: for GitHub Enterprise Server it is https://HOST/api/v3.".to_string(),
            None,
        ),
        ErrorKind::UnexpectedStatus => (
            format!("The server answered with an unexpected status{status}."),
            "Check the API URL, then try again.".to_string(),
            None,
        ),
        ErrorKind::BadBody(problem) => (
            format!("The server's answer could not be used: {problem}."),
            format!("Check that {api} is a GitHub API address, then try again."),
            None,
        ),
        ErrorKind::Network { url } => (
            format!("Could not reach {url}."),
            "Check your connection and the API URL. If the address works elsewhere, a proxy or firewall may block it, or the server may refuse requests from this page (CORS).".to_string(),
            None,
        ),
        ErrorKind::Timeout { seconds } => (
            format!(
                "{api} did not answer within {}; the request was cancelled.",
                count(u64::from(*seconds), "second", "seconds")
            ),
            "Try again. If it keeps happening, the server or a proxy in between is too slow or stuck.".to_string(),
            None,
        ),
        ErrorKind::AnswerLost { url, timed_out } => lost(cx, url, *timed_out),
        ErrorKind::TokenForgotten => (
            "The access token was cleared, so nothing was sent.".to_string(),
            "Paste the token into Access token again to go on.".to_string(),
            None,
        ),
        ErrorKind::TokenChanged => (
            "The access token was changed after this started, so nothing was sent.".to_string(),
            "Start it again to use the token now in Access token.".to_string(),
            None,
        ),
    };
    Explanation { title, next, link }
}

/// A request whose answer never came: say what it may have done, and what follows.
fn lost(cx: &ErrorContext, url: &str, timed_out: Option<u32>) -> (String, String, Option<(String, String)>) {
    let (what, next) = match lost_change(&cx.operation, cx.kind) {
        Some((what, next)) => (format!(": {what}"), next),
        None => (String::new(), READ_ONLY.to_string()),
    };
    let title = match timed_out {
        Some(seconds) => format!(
            "{url} did not answer within {} and the request was cancelled, but it had gone out{what}.",
            count(u64::from(seconds), "second", "seconds")
        ),
        None => format!("No answer came back from {url}{what}."),
    };
    (title, next, None)
}

/// The next step after a lost answer to a request that only reads.
const READ_ONLY: &str = "The request only reads, so nothing was changed: try again.";

/// After a lost answer to a token request: another one is harmless.
const ANOTHER_TOKEN: &str =
    "Nothing was sent twice. A token that did get created is harmless and expires within an hour: create another one.";

/// After a lost answer to a runner's labels or group: the page reads the runner again.
const RUNNER_READ_AGAIN: &str = "The page has read the runner again: the list shows what GitHub has now.";

/// After a lost answer to a group's write: the page reads the groups again.
const GROUPS_READ_AGAIN: &str = "The page has read the groups again: the table shows what GitHub has now.";

/// What a write whose answer was lost may have done ("the labels gpu, cuda may have been added
/// to build-01"), and the next step that fits it; `None` for a request that only reads.
/// `scope` says whose access list a group has (an enterprise's groups list organizations).
pub fn lost_change(operation: &Operation, scope: ScopeKind) -> Option<(String, String)> {
    let change = match operation {
        Operation::RegistrationToken => (
            "the registration token may have been created".to_string(),
            ANOTHER_TOKEN.to_string(),
        ),
        Operation::RemoveToken => (
            "the remove token may have been created".to_string(),
            ANOTHER_TOKEN.to_string(),
        ),
        Operation::JustInTime { runner } => (
            format!("{runner} may have been registered"),
            "Look for the runner in the list below before you create it again.".to_string(),
        ),
        Operation::RemoveRunner { runner } => (
            format!("{runner} may have been removed"),
            "The page has looked the runner up again: the list shows whether it is still there.".to_string(),
        ),
        Operation::AddLabels { runner, labels } => (
            match labels.as_slice() {
                [label] => format!("the label {label} may have been added to {runner}"),
                _ => format!("the labels {} may have been added to {runner}", labels.join(", ")),
            },
            RUNNER_READ_AGAIN.to_string(),
        ),
        Operation::RemoveLabel { runner, label } => (
            format!("the label {label} may have been removed from {runner}"),
            RUNNER_READ_AGAIN.to_string(),
        ),
        Operation::MoveRunner { runner, group } => (
            format!("{runner} may have been moved to {group}"),
            "The page has read the runners again: they show what GitHub has now.".to_string(),
        ),
        Operation::CreateGroup { group } => (
            format!("the group {group} may have been created"),
            "The page has read the groups again: look for it in the table before you create it again.".to_string(),
        ),
        Operation::UpdateGroup { group } => (
            format!("the group {group} may have been saved"),
            GROUPS_READ_AGAIN.to_string(),
        ),
        Operation::SetGroupMembers { group } => (
            format!(
                "the {} of the group {group} may have been saved",
                if scope == ScopeKind::Enterprise {
                    "organizations"
                } else {
                    "repositories"
                }
            ),
            GROUPS_READ_AGAIN.to_string(),
        ),
        Operation::DeleteGroup { group } => (
            format!("the group {group} may have been deleted"),
            GROUPS_READ_AGAIN.to_string(),
        ),
        Operation::OpenGroup { group, repository } => (
            format!("runner group {group} may have been opened to {repository}"),
            "The page has checked again: the jobs below show what GitHub has now.".to_string(),
        ),
        Operation::ApplyFix { setting, subject } => (
            format!("the change to {setting} for {subject} may have been applied"),
            "The page has read the setting again: the review shows what GitHub has now.".to_string(),
        ),
        Operation::ListRunners
        | Operation::FindRunner { .. }
        | Operation::LoadGroups
        | Operation::LoadGroupMembers { .. }
        | Operation::LoadGroupRunners { .. }
        | Operation::LoadRepositories
        | Operation::FindOrganization { .. }
        | Operation::CheckToken
        | Operation::FindWaitingJobs
        | Operation::ReviewSecurity => return None,
    };
    Some(change)
}

/// A just-in-time request whose answer was lost, once the runner list has said whether GitHub
/// registered the runner (`registered`).
pub fn jit_lost(name: &str, registered: Option<&Runner>, cx: &ErrorContext) -> Explanation {
    let subject = &cx.subject;
    let (title, next) = match registered {
        Some(runner) => (
            format!(
                "GitHub registered {name} (id {}) in {subject}, but its answer, with the configuration that starts the runner, was lost on the way.",
                runner.id
            ),
            "Without that configuration the runner cannot start. Remove it and create it again (one click below), or create a runner with another name.".to_string(),
        ),
        None => (
            format!("No answer came back, and GitHub has no runner named {name} in {subject}: it was not registered."),
            "Nothing was created, so it is safe to try again.".to_string(),
        ),
    };
    Explanation {
        title,
        next,
        link: None,
    }
}

impl ErrorContext {
    /// The scope's own name, without "the enterprise" before it.
    fn name(&self) -> &str {
        self.subject.strip_prefix("the enterprise ").unwrap_or(&self.subject)
    }
}

/// A short phrase for an error of a secondary request (downloads, runner groups), where the
/// full explanation would crowd out the result: what failed, with GitHub's message if any.
pub fn short_reason(error: &ApiError) -> String {
    let what = match &error.kind {
        ErrorKind::Network { url } => format!("could not reach {url}"),
        ErrorKind::Timeout { seconds } => {
            format!("no answer within {}", count(u64::from(*seconds), "second", "seconds"))
        }
        ErrorKind::AnswerLost { url, .. } => format!("no answer came back from {url}"),
        ErrorKind::TokenForgotten => "the access token was cleared".to_string(),
        ErrorKind::TokenChanged => "the access token was changed".to_string(),
        ErrorKind::Redirected => "the server answered with a redirect".to_string(),
        ErrorKind::BadBody(problem) => problem.to_string(),
        ErrorKind::SsoRequired { .. } => "the token is not authorized for single sign-on".to_string(),
        ErrorKind::PrimaryRateLimit { .. } | ErrorKind::SecondaryRateLimit { .. } => "rate limited".to_string(),
        _ => match error.status {
            Some(status) => format!("HTTP {status}"),
            None => "no answer".to_string(),
        },
    };
    match &error.message {
        Some(m) => format!("{what}: \u{201c}{m}\u{201d}"),
        None => what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::body::BodyProblem;
    use crate::github::error::ResponseMeta;

    fn cx(kind: TokenKind) -> ErrorContext {
        ErrorContext {
            operation: Operation::RegistrationToken,
            subject: "octo-org".into(),
            kind: ScopeKind::Organization,
            api: "https://api.github.com".into(),
            web: "https://github.com".into(),
            token_kind: kind,
        }
    }

    fn words(kind: ErrorKind, token: TokenKind) -> Explanation {
        let error = ApiError {
            kind,
            status: Some(403),
            message: None,
            request_id: None,
        };
        explain(&error, &cx(token), &|ms| format!("T{ms}"))
    }

    #[test]
    fn every_kind_says_what_happened_and_what_to_do() {
        let kinds = [
            ErrorKind::BadCredentials,
            ErrorKind::SsoRequired { authorize_url: None },
            ErrorKind::ClassicTokenForbidden,
            ErrorKind::TokenLifetimeTooLong,
            ErrorKind::MissingPermission { token_scopes: None },
            ErrorKind::NotOrgAdmin,
            ErrorKind::PrimaryRateLimit { reset_at: None },
            ErrorKind::SecondaryRateLimit { retry_after: None },
            ErrorKind::Forbidden,
            ErrorKind::NotFound,
            ErrorKind::BadRequest,
            ErrorKind::Conflict,
            ErrorKind::Unprocessable,
            ErrorKind::ServerError,
            ErrorKind::Redirected,
            ErrorKind::UnexpectedStatus,
            ErrorKind::BadBody(BodyProblem::NotJson),
            ErrorKind::Network {
                url: "https://api.github.com".into(),
            },
            ErrorKind::Timeout { seconds: 30 },
            ErrorKind::AnswerLost {
                url: "https://api.github.com".into(),
                timed_out: None,
            },
            ErrorKind::TokenForgotten,
            ErrorKind::TokenChanged,
        ];
        let mut titles = std::collections::HashSet::new();
        for kind in kinds {
            let e = words(kind.clone(), TokenKind::Classic);
            assert!(e.title.ends_with('.') && e.next.ends_with('.'), "{kind:?}: {e:?}");
            assert!(
                titles.insert(e.title.clone()),
                "two kinds share the title {:?}",
                e.title
            );
        }
    }

    #[test]
    fn missing_permission_names_the_grant_for_the_token_kind_and_what_it_has() {
        let classic = words(
            ErrorKind::MissingPermission {
                token_scopes: Some("repo, read:org".into()),
            },
            TokenKind::Classic,
        );
        assert!(
            classic.next.contains("admin:org") && classic.next.contains("This token has: repo, read:org."),
            "{}",
            classic.next
        );
        let fine = words(
            ErrorKind::MissingPermission { token_scopes: None },
            TokenKind::FineGrained,
        );
        assert!(
            fine.next.contains("Self-hosted runners") && fine.next.contains("Read and write"),
            "{}",
            fine.next
        );
        assert_eq!(
            fine.link.unwrap().1,
            "https://github.com/settings/personal-access-tokens/new"
        );
        let none = words(
            ErrorKind::MissingPermission {
                token_scopes: Some(String::new()),
            },
            TokenKind::Classic,
        );
        assert!(none.next.contains("no scopes"));
        let oauth = words(ErrorKind::MissingPermission { token_scopes: None }, TokenKind::OAuth);
        assert!(
            oauth.next.starts_with("An OAuth app token needs the admin:org scope"),
            "{}",
            oauth.next
        );
        let app = words(ErrorKind::MissingPermission { token_scopes: None }, TokenKind::AppUser);
        assert!(app.next.starts_with("A GitHub App user token needs"), "{}", app.next);
    }

    #[test]
    fn sso_links_to_githubs_authorization_page() {
        let url = "https://github.com/orgs/octo-org/sso?authorization_request=AB";
        let e = words(
            ErrorKind::SsoRequired {
                authorize_url: Some(url.into()),
            },
            TokenKind::Classic,
        );
        assert_eq!(e.link.unwrap().1, url);
    }

    #[test]
    fn a_refused_token_kind_is_explained_once_under_the_field_not_again_in_the_hint() {
        let fine = Some(TokenKind::FineGrained);
        let hint = token_hint(fine, ScopeKind::Enterprise);
        assert_eq!(hint, "Fine-grained personal access token.");
        let warning = token_not_accepted(TokenKind::FineGrained, ScopeKind::Enterprise).unwrap();
        assert_eq!(
            warning,
            "A fine-grained personal access token will be refused for enterprise runners: create a classic token with manage_runners:enterprise instead. You can still send it."
        );
        assert_eq!(
            token_not_accepted(TokenKind::FineGrained, ScopeKind::Organization),
            None
        );
        assert_eq!(token_not_accepted(TokenKind::Classic, ScopeKind::Enterprise), None);
        assert!(token_hint(fine, ScopeKind::Organization).starts_with("Fine-grained personal access token: needs"));
        assert!(token_hint(Some(TokenKind::Classic), ScopeKind::Enterprise)
            .starts_with("Personal access token (classic): needs the manage_runners:enterprise scope"));
        assert_eq!(
            token_hint(None, ScopeKind::Enterprise),
            "A classic token with manage_runners:enterprise (of an enterprise owner)."
        );
    }

    #[test]
    fn rate_limits_say_when_to_retry() {
        assert_eq!(
            words(
                ErrorKind::PrimaryRateLimit {
                    reset_at: Some(1_700_000_000)
                },
                TokenKind::Classic
            )
            .next,
            "Try again after T1700000000000."
        );
        assert_eq!(
            words(
                ErrorKind::SecondaryRateLimit { retry_after: Some(42) },
                TokenKind::Classic
            )
            .next,
            "Wait 42 seconds, then try again."
        );
    }

    #[test]
    fn a_wait_or_a_timeout_of_one_second_is_said_in_the_singular() {
        assert_eq!(
            words(
                ErrorKind::SecondaryRateLimit { retry_after: Some(1) },
                TokenKind::Classic
            )
            .next,
            "Wait 1 second, then try again."
        );
        assert_eq!(
            words(ErrorKind::Timeout { seconds: 1 }, TokenKind::Classic).title,
            "https://api.github.com did not answer within 1 second; the request was cancelled."
        );
        assert_eq!(
            words(ErrorKind::Timeout { seconds: 30 }, TokenKind::Classic).title,
            "https://api.github.com did not answer within 30 seconds; the request was cancelled."
        );
        assert_eq!(short_reason(&ApiError::timeout(1)), "no answer within 1 second");
        let lost = words(
            ErrorKind::AnswerLost {
                url: "https://api.github.com/x".into(),
                timed_out: Some(1),
            },
            TokenKind::Classic,
        );
        assert!(
            lost.title
                .starts_with("https://api.github.com/x did not answer within 1 second and"),
            "{}",
            lost.title
        );
    }

    #[test]
    fn short_reasons_name_the_failure_and_quote_github() {
        let e = ApiError::from_response(
            403,
            &ResponseMeta::default(),
            r#"{"message":"Resource not accessible by integration"}"#,
        );
        assert_eq!(
            short_reason(&e),
            "HTTP 403: \u{201c}Resource not accessible by integration\u{201d}"
        );
        assert_eq!(
            short_reason(&ApiError::network("https://api.github.com")),
            "could not reach https://api.github.com"
        );
    }

    #[test]
    fn words_follow_the_scope_and_the_operation() {
        let repo = ErrorContext {
            subject: "octo-org/app".into(),
            kind: ScopeKind::Repository,
            ..cx(TokenKind::Classic)
        };
        let e = |kind: ErrorKind, cx: &ErrorContext| {
            explain(
                &ApiError {
                    kind,
                    status: Some(403),
                    message: None,
                    request_id: None,
                },
                cx,
                &|_| String::new(),
            )
        };
        assert_eq!(
            e(ErrorKind::NotOrgAdmin, &repo).title,
            "The token's account is not an admin of octo-org/app."
        );
        let missing = e(
            ErrorKind::MissingPermission {
                token_scopes: Some("read:org".into()),
            },
            &repo,
        );
        assert!(
            missing.next.contains("repo scope") && missing.link.unwrap().1.contains("scopes=repo&"),
            "{}",
            missing.next
        );
        assert!(e(ErrorKind::NotFound, &repo)
            .title
            .starts_with("No repository \u{201c}octo-org/app\u{201d}"));
        let ent = ErrorContext {
            subject: "the enterprise acme".into(),
            kind: ScopeKind::Enterprise,
            token_kind: TokenKind::FineGrained,
            ..cx(TokenKind::Classic)
        };
        let refused = e(ErrorKind::MissingPermission { token_scopes: None }, &ent);
        assert!(
            refused.next.contains("cannot manage enterprise runners"),
            "{}",
            refused.next
        );
        assert!(
            refused.link.unwrap().1.contains("manage_runners:enterprise"),
            "a classic token is the only way for an enterprise"
        );
        assert!(e(ErrorKind::NotFound, &ent)
            .title
            .contains("enterprise \u{201c}acme\u{201d}"));
        let jit = cx(TokenKind::Classic).doing(Operation::JustInTime {
            runner: "build-7".into(),
        });
        assert_eq!(
            e(ErrorKind::Conflict, &jit).title,
            "A runner named \u{201c}build-7\u{201d} already exists in octo-org."
        );
        assert!(e(ErrorKind::Forbidden, &jit).next.contains("runner group"));
        assert!(e(ErrorKind::NotFound, &jit).next.contains("runner group"));
        let removal = cx(TokenKind::Classic).doing(Operation::RemoveRunner {
            runner: "build-02".into(),
        });
        assert!(e(ErrorKind::Unprocessable, &removal)
            .title
            .starts_with("GitHub refused to remove \u{201c}build-02\u{201d}"));
        assert!(e(ErrorKind::Unprocessable, &removal).next.contains("running a job"));
        assert!(e(ErrorKind::NotFound, &removal).next.contains("refresh the list"));
        // A label's 404 or 422 is not a removal's, and no label is a runner group.
        let labels = cx(TokenKind::Classic).doing(Operation::AddLabels {
            runner: "build-02".into(),
            labels: vec!["gpu".into()],
        });
        assert!(!e(ErrorKind::Unprocessable, &labels).title.contains("remove"));
        assert!(!e(ErrorKind::NotFound, &labels).next.contains("runner group"));
        assert!(!e(ErrorKind::Forbidden, &labels).next.contains("runner group"));
    }

    #[test]
    fn a_real_404_names_the_org_and_the_api() {
        let error = ApiError::from_response(404, &ResponseMeta::default(), r#"{"message":"Not Found"}"#);
        let e = explain(&error, &cx(TokenKind::Classic), &|_| String::new());
        assert!(e.title.contains("octo-org") && e.next.contains("https://api.github.com"));
    }

    /// The words for a lost answer to `operation` in octo-org.
    fn lost(operation: Operation) -> Explanation {
        let cx = cx(TokenKind::Classic).doing(operation);
        explain(&ApiError::answer_lost("https://api.github.com", None), &cx, &|_| {
            String::new()
        })
    }

    fn runner(name: &str) -> String {
        name.to_string()
    }

    #[test]
    fn a_lost_token_or_runner_answer_is_said_as_before() {
        let add = lost(Operation::RegistrationToken);
        assert_eq!(
            add.title,
            "No answer came back from https://api.github.com: the registration token may have been created."
        );
        assert_eq!(
            add.next,
            "Nothing was sent twice. A token that did get created is harmless and expires within an hour: create another one."
        );
        let remove = lost(Operation::RemoveToken);
        assert!(remove.title.ends_with(": the remove token may have been created."));
        assert!(remove.next.contains("create another one"), "{}", remove.next);
        let removal = lost(Operation::RemoveRunner {
            runner: runner("build-02"),
        });
        assert!(removal.title.ends_with(": build-02 may have been removed."));
        assert_eq!(
            removal.next,
            "The page has looked the runner up again: the list shows whether it is still there."
        );
        let jit = lost(Operation::JustInTime {
            runner: runner("jit-7"),
        });
        assert!(
            jit.title.ends_with(": jit-7 may have been registered.") && !jit.title.contains("taken"),
            "{}",
            jit.title
        );
        assert_eq!(
            jit.next,
            "Look for the runner in the list below before you create it again."
        );
        let cx = cx(TokenKind::Classic);
        let slow = explain(&ApiError::answer_lost("https://api.github.com", Some(30)), &cx, &|_| {
            String::new()
        });
        assert!(
            slow.title
                .contains("did not answer within 30 seconds and the request was cancelled, but it had gone out"),
            "{}",
            slow.title
        );
    }

    #[test]
    fn a_lost_answer_to_a_runners_labels_or_group_names_that_change_and_the_read_that_followed() {
        let base = "No answer came back from https://api.github.com: ";
        let read_again = "The page has read the runner again: the list shows what GitHub has now.";
        let added = lost(Operation::AddLabels {
            runner: runner("build-01"),
            labels: vec!["cuda".into(), "big-disk".into()],
        });
        assert_eq!(
            added.title,
            format!("{base}the labels cuda, big-disk may have been added to build-01.")
        );
        assert_eq!(added.next, read_again);
        let one = lost(Operation::AddLabels {
            runner: runner("build-01"),
            labels: vec!["cuda".into()],
        });
        assert_eq!(
            one.title,
            format!("{base}the label cuda may have been added to build-01.")
        );
        let removed = lost(Operation::RemoveLabel {
            runner: runner("build-01"),
            label: "gpu".into(),
        });
        assert_eq!(
            removed.title,
            format!("{base}the label gpu may have been removed from build-01.")
        );
        assert_eq!(removed.next, read_again);
        let moved = lost(Operation::MoveRunner {
            runner: runner("build-01"),
            group: "Linux builders".into(),
        });
        assert_eq!(
            moved.title,
            format!("{base}build-01 may have been moved to Linux builders.")
        );
        assert_eq!(
            moved.next,
            "The page has read the runners again: they show what GitHub has now."
        );
    }

    #[test]
    fn a_lost_answer_to_a_groups_write_names_that_change_and_the_read_that_followed() {
        let base = "No answer came back from https://api.github.com: ";
        let table = "The page has read the groups again: the table shows what GitHub has now.";
        let group = || "Deploy".to_string();
        let created = lost(Operation::CreateGroup { group: group() });
        assert_eq!(created.title, format!("{base}the group Deploy may have been created."));
        assert_eq!(
            created.next,
            "The page has read the groups again: look for it in the table before you create it again."
        );
        let saved = lost(Operation::UpdateGroup { group: group() });
        assert_eq!(saved.title, format!("{base}the group Deploy may have been saved."));
        assert_eq!(saved.next, table);
        let members = lost(Operation::SetGroupMembers { group: group() });
        assert_eq!(
            members.title,
            format!("{base}the repositories of the group Deploy may have been saved.")
        );
        assert_eq!(members.next, table);
        let enterprise = ErrorContext {
            kind: ScopeKind::Enterprise,
            subject: "the enterprise acme".into(),
            ..cx(TokenKind::Classic)
        }
        .doing(Operation::SetGroupMembers { group: group() });
        let orgs = explain(
            &ApiError::answer_lost("https://api.github.com", None),
            &enterprise,
            &|_| String::new(),
        );
        assert!(orgs
            .title
            .ends_with("the organizations of the group Deploy may have been saved."));
        let deleted = lost(Operation::DeleteGroup { group: group() });
        assert_eq!(deleted.title, format!("{base}the group Deploy may have been deleted."));
        assert_eq!(deleted.next, table);
        let opened = lost(Operation::OpenGroup {
            group: group(),
            repository: "octo-org/app".into(),
        });
        assert_eq!(
            opened.title,
            format!("{base}runner group Deploy may have been opened to octo-org/app.")
        );
        assert_eq!(
            opened.next,
            "The page has checked again: the jobs below show what GitHub has now."
        );
    }

    #[test]
    fn no_lost_answer_but_a_tokens_offers_another_token_and_a_read_says_nothing_changed() {
        let group = || "Deploy".to_string();
        let every = [
            Operation::RegistrationToken,
            Operation::RemoveToken,
            Operation::JustInTime { runner: runner("j") },
            Operation::ListRunners,
            Operation::FindRunner { runner: runner("r") },
            Operation::RemoveRunner { runner: runner("r") },
            Operation::AddLabels {
                runner: runner("r"),
                labels: vec!["gpu".into()],
            },
            Operation::RemoveLabel {
                runner: runner("r"),
                label: "gpu".into(),
            },
            Operation::MoveRunner {
                runner: runner("r"),
                group: group(),
            },
            Operation::LoadGroups,
            Operation::LoadGroupMembers { group: group() },
            Operation::LoadGroupRunners { group: group() },
            Operation::LoadRepositories,
            Operation::FindOrganization { login: "acme".into() },
            Operation::CreateGroup { group: group() },
            Operation::UpdateGroup { group: group() },
            Operation::SetGroupMembers { group: group() },
            Operation::DeleteGroup { group: group() },
            Operation::OpenGroup {
                group: group(),
                repository: "octo-org/app".into(),
            },
            Operation::CheckToken,
            Operation::FindWaitingJobs,
            Operation::ReviewSecurity,
            Operation::ApplyFix {
                setting: "Workflow permissions".into(),
                subject: "octo-org".into(),
            },
        ];
        let mut titles = std::collections::HashSet::new();
        for operation in every {
            let token = operation.is_token();
            let reads = lost_change(&operation, ScopeKind::Organization).is_none();
            let e = lost(operation.clone());
            assert_eq!(
                e.title.contains("token may have been created"),
                token,
                "{operation:?}: {}",
                e.title
            );
            assert_eq!(
                e.next.contains("create another one"),
                token,
                "{operation:?}: {}",
                e.next
            );
            assert!(e.title.ends_with('.') && e.next.ends_with('.'), "{operation:?}: {e:?}");
            if reads {
                assert_eq!(e.title, "No answer came back from https://api.github.com.");
                assert_eq!(e.next, "The request only reads, so nothing was changed: try again.");
            } else {
                assert!(e.title.contains("may have been"), "{operation:?}: {}", e.title);
                assert!(titles.insert(e.title.clone()), "two writes share {:?}", e.title);
            }
        }
    }
}
