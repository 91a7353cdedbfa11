//! What a pasted token can do, as far as a browser can tell: the facts gathered by read requests
//! (`GET /user`, `GET /rate_limit`, a read probe per permission) and the verdict drawn from them,
//! the first blocker that applies. Pure; the wording is in `words::troubleshoot`.

use super::access_token::classic_scope;
use super::actions::RateLimit;
use super::{ApiError, ErrorKind, ScopeKind, TokenKind};

/// One read request that stands for a permission the action needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    /// What it reads, for "can read runners": `runners`, `workflow runs`.
    pub what: &'static str,
    pub result: Result<(), ApiError>,
}

/// What the read requests found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenFacts {
    pub kind: TokenKind,
    pub scope_kind: ScopeKind,
    /// `GET /user`: the login; `None` when not asked (an installation token has no account).
    pub account: Option<Result<String, ApiError>>,
    /// `X-OAuth-Scopes` of an authenticated answer; `None` when no answer carried it.
    pub scopes: Option<Vec<String>>,
    pub probes: Vec<Probe>,
    pub rate: Option<Result<RateLimit, ApiError>>,
}

/// The first thing that keeps the token from the action, or that it can.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenVerdict {
    /// GitHub refused the token itself (401).
    BadCredentials,
    /// This kind of token cannot manage runners of this scope at all (enterprise, fine-grained).
    KindRefused,
    /// The organization requires SAML SSO authorization for this token, at this address.
    SsoRequired { authorize_url: Option<String> },
    /// A classic or OAuth token without these scopes.
    MissingScopes(Vec<&'static str>),
    /// A read probe was refused.
    ProbeRefused { what: &'static str, error: ApiError },
    /// Every probe reads, and the token's write permission cannot be seen from a browser
    /// (fine-grained and GitHub App tokens).
    ReadsOnlyKnown,
    /// Scopes held and every probe reads.
    Can,
}

impl TokenFacts {
    /// The scopes this scope's actions need that a classic or OAuth token lacks.
    pub fn missing_scopes(&self) -> Vec<&'static str> {
        let needed = classic_scope(self.scope_kind);
        match &self.scopes {
            Some(held) if !held.iter().any(|s| s == needed) => vec![needed],
            _ => Vec::new(),
        }
    }

    /// Every error the requests met.
    fn errors(&self) -> impl Iterator<Item = &ApiError> {
        let account = self.account.as_ref().and_then(|a| a.as_ref().err());
        let rate = self.rate.as_ref().and_then(|r| r.as_ref().err());
        let probes = self.probes.iter().filter_map(|p| p.result.as_ref().err());
        account.into_iter().chain(rate).chain(probes)
    }

    pub fn verdict(&self) -> TokenVerdict {
        if self.errors().any(|e| e.kind == ErrorKind::BadCredentials) {
            return TokenVerdict::BadCredentials;
        }
        if !self.kind.accepted_for(self.scope_kind) {
            return TokenVerdict::KindRefused;
        }
        if let Some(url) = self.errors().find_map(|e| match &e.kind {
            ErrorKind::SsoRequired { authorize_url } => Some(authorize_url.clone()),
            _ => None,
        }) {
            return TokenVerdict::SsoRequired { authorize_url: url };
        }
        let classic = matches!(self.kind, TokenKind::Classic | TokenKind::OAuth);
        let missing = self.missing_scopes();
        if classic && !missing.is_empty() {
            return TokenVerdict::MissingScopes(missing);
        }
        if let Some(p) = self.probes.iter().find(|p| p.result.is_err()) {
            if let Err(error) = &p.result {
                return TokenVerdict::ProbeRefused {
                    what: p.what,
                    error: error.clone(),
                };
            }
        }
        if classic || (self.kind == TokenKind::Unrecognised && self.scopes.is_some()) {
            TokenVerdict::Can
        } else {
            TokenVerdict::ReadsOnlyKnown
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(kind: ErrorKind, status: u16) -> ApiError {
        ApiError {
            kind,
            status: Some(status),
            message: Some("Resource not accessible by personal access token".into()),
            request_id: None,
        }
    }

    fn facts(kind: TokenKind, scopes: Option<&[&str]>, probe: Result<(), ApiError>) -> TokenFacts {
        TokenFacts {
            kind,
            scope_kind: ScopeKind::Organization,
            account: Some(Ok("octocat".into())),
            scopes: scopes.map(|s| s.iter().map(|s| s.to_string()).collect()),
            probes: vec![Probe {
                what: "runners",
                result: probe,
            }],
            rate: None,
        }
    }

    #[test]
    fn a_classic_token_needs_its_scope() {
        assert_eq!(
            facts(TokenKind::Classic, Some(&["repo"]), Ok(())).verdict(),
            TokenVerdict::MissingScopes(vec!["admin:org"])
        );
        assert_eq!(
            facts(TokenKind::Classic, Some(&["admin:org", "repo"]), Ok(())).verdict(),
            TokenVerdict::Can
        );
        // No scopes header at all: nothing to hold against it, the probe decides.
        assert_eq!(facts(TokenKind::Classic, None, Ok(())).verdict(), TokenVerdict::Can);
    }

    #[test]
    fn sso_bad_credentials_and_kinds_come_first() {
        let sso = refused(
            ErrorKind::SsoRequired {
                authorize_url: Some("https://github.com/orgs/o/sso".into()),
            },
            403,
        );
        assert_eq!(
            facts(TokenKind::Classic, Some(&["repo"]), Err(sso)).verdict(),
            TokenVerdict::SsoRequired {
                authorize_url: Some("https://github.com/orgs/o/sso".into())
            }
        );
        let bad = refused(ErrorKind::BadCredentials, 401);
        assert_eq!(
            facts(TokenKind::FineGrained, None, Err(bad)).verdict(),
            TokenVerdict::BadCredentials
        );
        let mut enterprise = facts(TokenKind::FineGrained, None, Ok(()));
        enterprise.scope_kind = ScopeKind::Enterprise;
        assert_eq!(enterprise.verdict(), TokenVerdict::KindRefused);
    }

    #[test]
    fn a_fine_grained_token_is_judged_by_its_probes() {
        assert_eq!(
            facts(TokenKind::FineGrained, None, Ok(())).verdict(),
            TokenVerdict::ReadsOnlyKnown
        );
        let denied = refused(ErrorKind::MissingPermission { token_scopes: None }, 403);
        assert!(matches!(
            facts(TokenKind::FineGrained, None, Err(denied)).verdict(),
            TokenVerdict::ProbeRefused { what: "runners", .. }
        ));
    }
}
