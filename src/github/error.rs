//! `ApiError`: every way a call to GitHub can fail, decided once, here, from the status, the
//! readable response headers and the body. The view only turns it into words.

use super::body::{self, BodyProblem, Scalar};
use serde::Deserialize;

/// A failed API call, with what the user needs to act on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    /// HTTP status, when a response arrived at all.
    pub status: Option<u16>,
    /// GitHub's own `message`, when the body had one (cut to a sane length).
    pub message: Option<String>,
    /// `X-GitHub-Request-Id`, for a support ticket.
    pub request_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// 401: the token is wrong, expired or revoked.
    BadCredentials,
    /// 403 with `X-GitHub-SSO: required; url=...`: the token must be authorized for SAML SSO.
    SsoRequired { authorize_url: Option<String> },
    /// 403: the organization forbids classic personal access tokens.
    ClassicTokenForbidden,
    /// 403: the organization caps fine-grained token lifetime.
    TokenLifetimeTooLong,
    /// 403: the token lacks the scope or permission; `token_scopes` is `X-OAuth-Scopes`.
    MissingPermission { token_scopes: Option<String> },
    /// 403: the user is not an owner of the organization.
    NotOrgAdmin,
    /// Primary rate limit: `X-RateLimit-Remaining: 0`; `reset_at` in Unix seconds.
    PrimaryRateLimit { reset_at: Option<i64> },
    /// Secondary rate limit: wait `Retry-After` seconds, else at least a minute.
    SecondaryRateLimit { retry_after: Option<u64> },
    /// Any other 403.
    Forbidden,
    /// 404: no such organization, or the token's user cannot see it (GitHub does not say which).
    NotFound,
    /// 400, e.g. an API version the server does not support.
    BadRequest,
    /// 409: a just-in-time runner with that name already exists.
    Conflict,
    /// 422: GitHub refused the request's body; its message says why.
    Unprocessable,
    /// 5xx.
    ServerError,
    /// A redirect, which an API base URL should never produce.
    Redirected,
    /// Any other status.
    UnexpectedStatus,
    /// A success status whose body could not be used.
    BadBody(BodyProblem),
    /// No response at all: offline, DNS, CORS refused, mixed content, TLS.
    Network { url: String },
    /// No complete answer within the time limit; the request was aborted.
    Timeout { seconds: u32 },
    /// A request that changes something (POST, PUT, PATCH, DELETE) went out and no answer came
    /// back: the connection failed while the server stayed reachable, or the time limit passed
    /// (`timed_out`, in seconds). It may have reached GitHub and been carried out. Never sent
    /// again by itself.
    AnswerLost { url: String, timed_out: Option<u32> },
    /// The access token was forgotten (Forget token, or the field emptied) before this request
    /// was built: nothing was sent.
    TokenForgotten,
    /// The access token was replaced by another after this request's flow began (a watch, a
    /// list, a run): a flow sends only the token it started with, so nothing was sent.
    TokenChanged,
}

/// The response headers a browser lets the page read that matter for errors.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResponseMeta {
    pub request_id: Option<String>,
    pub sso: Option<String>,
    pub oauth_scopes: Option<String>,
    pub ratelimit_remaining: Option<String>,
    pub ratelimit_reset: Option<String>,
    pub retry_after: Option<String>,
    /// Pagination: `<url>; rel="next"`.
    pub link: Option<String>,
    /// The answer's version, for `If-None-Match` on the next poll.
    pub etag: Option<String>,
}

impl ResponseMeta {
    /// Reads the headers through any lookup (the browser's `Headers`, or a map in tests).
    pub fn from_headers(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            request_id: get("x-github-request-id"),
            sso: get("x-github-sso"),
            oauth_scopes: get("x-oauth-scopes"),
            ratelimit_remaining: get("x-ratelimit-remaining"),
            ratelimit_reset: get("x-ratelimit-reset"),
            retry_after: get("retry-after"),
            link: get("link"),
            etag: get("etag"),
        }
    }
}

/// Longest GitHub message shown: enough for any real one, bounded against a hostile server.
const MAX_MESSAGE: usize = 500;

impl ApiError {
    pub fn network(url: impl Into<String>) -> Self {
        Self::without_response(ErrorKind::Network { url: url.into() })
    }

    pub fn timeout(seconds: u32) -> Self {
        Self::without_response(ErrorKind::Timeout { seconds })
    }

    pub fn redirected() -> Self {
        Self::without_response(ErrorKind::Redirected)
    }

    pub fn answer_lost(url: impl Into<String>, timed_out: Option<u32>) -> Self {
        Self::without_response(ErrorKind::AnswerLost {
            url: url.into(),
            timed_out,
        })
    }

    pub fn token_forgotten() -> Self {
        Self::without_response(ErrorKind::TokenForgotten)
    }

    pub fn token_changed() -> Self {
        Self::without_response(ErrorKind::TokenChanged)
    }

    /// When a rate-limited request may be tried again (Unix ms), or `None` when this is no rate
    /// limit: the `X-RateLimit-Reset` time of a primary limit, `Retry-After` seconds from `now_ms`
    /// for a secondary one, or a minute from `now_ms` when GitHub named neither.
    pub fn retry_at(&self, now_ms: i64) -> Option<i64> {
        const A_MINUTE: i64 = 60_000;
        match &self.kind {
            ErrorKind::PrimaryRateLimit { reset_at } => {
                Some(reset_at.map_or(now_ms + A_MINUTE, |s| s.saturating_mul(1000)))
            }
            ErrorKind::SecondaryRateLimit { retry_after } => Some(retry_after.map_or(now_ms + A_MINUTE, |s| {
                now_ms.saturating_add((s as i64).saturating_mul(1000))
            })),
            _ => None,
        }
    }

    /// No response at all arrived: offline, DNS, a refused CORS preflight.
    pub fn is_unanswered(&self) -> bool {
        matches!(self.kind, ErrorKind::Network { .. })
    }

    fn without_response(kind: ErrorKind) -> Self {
        Self {
            kind,
            status: None,
            message: None,
            request_id: None,
        }
    }

    /// A success status whose body was unusable.
    pub fn bad_body(status: u16, meta: &ResponseMeta, problem: BodyProblem) -> Self {
        Self {
            kind: ErrorKind::BadBody(problem),
            status: Some(status),
            message: None,
            request_id: meta.request_id.clone(),
        }
    }

    /// Classifies a non-success response.
    pub fn from_response(status: u16, meta: &ResponseMeta, body: &str) -> Self {
        let message = github_message(body);
        let text = message.as_deref().unwrap_or("").to_ascii_lowercase();
        let kind = match status {
            401 => ErrorKind::BadCredentials,
            403 | 429 => classify_refusal(status, meta, &text),
            404 => ErrorKind::NotFound,
            400 => ErrorKind::BadRequest,
            409 => ErrorKind::Conflict,
            422 => ErrorKind::Unprocessable,
            300..=399 => ErrorKind::Redirected,
            500..=599 => ErrorKind::ServerError,
            _ => ErrorKind::UnexpectedStatus,
        };
        Self {
            kind,
            status: Some(status),
            message,
            request_id: meta.request_id.clone(),
        }
    }
}

fn classify_refusal(status: u16, meta: &ResponseMeta, text: &str) -> ErrorKind {
    if let Some(sso) = meta.sso.as_deref().filter(|v| v.trim_start().starts_with("required")) {
        return ErrorKind::SsoRequired {
            authorize_url: sso_url(sso),
        };
    }
    if meta.ratelimit_remaining.as_deref().map(str::trim) == Some("0") {
        let reset_at = meta.ratelimit_reset.as_deref().and_then(|r| r.trim().parse().ok());
        return ErrorKind::PrimaryRateLimit { reset_at };
    }
    let retry_after = meta.retry_after.as_deref().and_then(|r| r.trim().parse().ok());
    if text.contains("secondary rate limit") || retry_after.is_some() || status == 429 {
        return ErrorKind::SecondaryRateLimit { retry_after };
    }
    if text.contains("lifetime") {
        ErrorKind::TokenLifetimeTooLong
    } else if text.contains("(classic)") && text.contains("forbid") {
        ErrorKind::ClassicTokenForbidden
    } else if text.contains("resource not accessible by") {
        ErrorKind::MissingPermission {
            token_scopes: meta.oauth_scopes.clone(),
        }
    } else if text.contains("must have admin rights") {
        ErrorKind::NotOrgAdmin
    } else {
        ErrorKind::Forbidden
    }
}

/// `required; url=https://github.com/orgs/ORG/sso?authorization_request=...` → the url, if https.
fn sso_url(header: &str) -> Option<String> {
    header
        .split(';')
        .filter_map(|part| part.trim().strip_prefix("url="))
        .map(str::trim)
        .find(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(str::to_string)
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    message: Scalar,
}

fn github_message(text: &str) -> Option<String> {
    let parsed: ErrorBody = body::parse_object(text).ok()?;
    let message = parsed.message.text()?.trim();
    if message.is_empty() {
        return None;
    }
    let mut cut: String = message.chars().take(MAX_MESSAGE).collect();
    if cut.len() < message.len() {
        cut.push('…');
    }
    Some(cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn meta(pairs: &[(&str, &str)]) -> ResponseMeta {
        ResponseMeta::from_headers(|name| {
            pairs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.to_string())
        })
    }

    fn body(message: &str) -> String {
        serde_json::json!({"message": message, "documentation_url": "https://docs.github.com/rest", "status": "403"})
            .to_string()
    }

    fn kind(status: u16, headers: &[(&str, &str)], message: &str) -> ErrorKind {
        ApiError::from_response(status, &meta(headers), &body(message)).kind
    }

    #[test]
    fn every_documented_failure_maps_to_its_own_kind() {
        use ErrorKind::*;
        assert_eq!(kind(401, &[], "Bad credentials"), BadCredentials);
        assert_eq!(
            kind(
                403,
                &[(
                    "X-GitHub-SSO",
                    "required; url=https://github.com/orgs/acme/sso?authorization_request=AB12"
                )],
                "Resource protected by organization SAML enforcement."
            ),
            SsoRequired {
                authorize_url: Some("https://github.com/orgs/acme/sso?authorization_request=AB12".into())
            }
        );
        assert_eq!(
            kind(403, &[], "`acme` forbids access via a personal access tokens (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions."),
            ClassicTokenForbidden
        );
        assert_eq!(
            kind(403, &[], "The `acme` organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 366 days."),
            TokenLifetimeTooLong
        );
        assert_eq!(
            kind(
                403,
                &[
                    ("X-OAuth-Scopes", "repo, read:org"),
                    ("X-Accepted-OAuth-Scopes", "admin:org")
                ],
                "Resource not accessible by personal access token"
            ),
            MissingPermission {
                token_scopes: Some("repo, read:org".into())
            }
        );
        assert_eq!(
            kind(403, &[], "Resource not accessible by integration"),
            MissingPermission { token_scopes: None }
        );
        assert_eq!(kind(403, &[], "Must have admin rights to Repository."), NotOrgAdmin);
        assert_eq!(
            kind(
                403,
                &[("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1700000000")],
                "API rate limit exceeded for user ID 1."
            ),
            PrimaryRateLimit {
                reset_at: Some(1_700_000_000)
            }
        );
        assert_eq!(
            kind(429, &[("X-RateLimit-Remaining", "0")], "API rate limit exceeded"),
            PrimaryRateLimit { reset_at: None }
        );
        assert_eq!(
            kind(
                403,
                &[("Retry-After", "60"), ("X-RateLimit-Remaining", "4999")],
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
            ),
            SecondaryRateLimit { retry_after: Some(60) }
        );
        assert_eq!(
            kind(403, &[], "You have exceeded a secondary rate limit."),
            SecondaryRateLimit { retry_after: None }
        );
        assert_eq!(
            kind(429, &[("Retry-After", "30")], "Too many requests"),
            SecondaryRateLimit { retry_after: Some(30) }
        );
        assert_eq!(kind(403, &[], "Something else"), Forbidden);
        assert_eq!(kind(404, &[], "Not Found"), NotFound);
        assert_eq!(kind(400, &[], "Unsupported 'X-GitHub-Api-Version'"), BadRequest);
        assert_eq!(kind(302, &[], ""), Redirected);
        assert_eq!(kind(502, &[], "Server Error"), ServerError);
        assert_eq!(
            kind(
                409,
                &[],
                "Already exists - A runner with the name build-1 already exists."
            ),
            Conflict
        );
        assert_eq!(kind(422, &[], "Invalid request."), Unprocessable);
        assert_eq!(kind(418, &[], "teapot"), UnexpectedStatus);
    }

    #[test]
    fn sso_partial_results_header_is_not_an_sso_demand() {
        let k = kind(
            403,
            &[("X-GitHub-SSO", "partial-results; organizations=21955855,20582480")],
            "Must have admin rights to Repository.",
        );
        assert_eq!(k, ErrorKind::NotOrgAdmin);
    }

    #[test]
    fn sso_link_must_be_a_web_url() {
        let k = kind(403, &[("X-GitHub-SSO", "required; url=javascript:alert(1)")], "");
        assert_eq!(k, ErrorKind::SsoRequired { authorize_url: None });
    }

    #[test]
    fn keeps_githubs_message_and_request_id() {
        let e = ApiError::from_response(
            404,
            &meta(&[("X-GitHub-Request-Id", "CAFE:1234:5678")]),
            &body("Not Found"),
        );
        assert_eq!(e.message.as_deref(), Some("Not Found"));
        assert_eq!(e.request_id.as_deref(), Some("CAFE:1234:5678"));
        assert_eq!(e.status, Some(404));
    }

    #[test]
    fn html_or_empty_bodies_yield_no_message() {
        let m = ResponseMeta::default();
        assert_eq!(
            ApiError::from_response(502, &m, "<html>Bad gateway</html>").message,
            None
        );
        assert_eq!(ApiError::from_response(500, &m, "").message, None);
        assert_eq!(ApiError::from_response(500, &m, r#"{"message":42}"#).message, None);
    }

    #[test]
    fn an_enormous_message_is_cut() {
        let e = ApiError::from_response(500, &ResponseMeta::default(), &body(&"x".repeat(10_000)));
        assert_eq!(e.message.unwrap().chars().count(), MAX_MESSAGE + 1);
    }

    proptest! {
        #[test]
        fn classification_never_panics(status in 0u16..1000, b in "\\PC{0,100}", sso in proptest::option::of("\\PC{0,40}"),
                                       remaining in proptest::option::of("\\PC{0,5}"), retry in proptest::option::of("\\PC{0,5}")) {
            let m = ResponseMeta { sso, ratelimit_remaining: remaining, retry_after: retry, ..Default::default() };
            let e = ApiError::from_response(status, &m, &b);
            prop_assert_eq!(e.status, Some(status));
        }
    }
}
