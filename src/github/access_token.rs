//! `AccessToken`: the admin's token, cleaned of paste artefacts, typed by its prefix, never printed.

use super::scope::ScopeKind;
use std::fmt;

/// The kind of token, told by its prefix. Each needs a different grant to mint runner tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Classic,
    FineGrained,
    OAuth,
    AppUser,
    AppInstallation,
    /// No known prefix: an old 40-hex token (still issued by some GHES versions) or a typo.
    Unrecognised,
}

impl TokenKind {
    pub fn of(token: &str) -> Self {
        const PREFIXES: [(&str, TokenKind); 5] = [
            ("github_pat_", TokenKind::FineGrained),
            ("ghp_", TokenKind::Classic),
            ("gho_", TokenKind::OAuth),
            ("ghu_", TokenKind::AppUser),
            ("ghs_", TokenKind::AppInstallation),
        ];
        PREFIXES
            .iter()
            .find(|(p, _)| token.starts_with(p))
            .map_or(TokenKind::Unrecognised, |(_, k)| *k)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Classic => "Personal access token (classic)",
            Self::FineGrained => "Fine-grained personal access token",
            Self::OAuth => "OAuth app token",
            Self::AppUser => "GitHub App user token",
            Self::AppInstallation => "GitHub App installation token",
            Self::Unrecognised => "Unrecognised token format",
        }
    }

    /// The kind as the subject of a sentence, with its article.
    pub fn subject(self) -> &'static str {
        match self {
            Self::Classic => "A personal access token (classic)",
            Self::FineGrained => "A fine-grained personal access token",
            Self::OAuth => "An OAuth app token",
            Self::AppUser => "A GitHub App user token",
            Self::AppInstallation => "A GitHub App installation token",
            Self::Unrecognised => "This token",
        }
    }

    /// What this kind of token must be granted to manage runners of a scope of `kind`.
    pub fn requirement(self, kind: ScopeKind) -> &'static str {
        match (kind, self) {
            (_, Self::Unrecognised) => "does not start with ghp_, github_pat_, gho_, ghu_ or ghs_. Older GitHub Enterprise Server tokens have no prefix; otherwise check that the whole token was pasted.",
            (ScopeKind::Organization, Self::Classic | Self::OAuth) => "needs the admin:org scope, and its user must be an organization owner.",
            (ScopeKind::Organization, Self::FineGrained) => "needs the organization as its resource owner and the organization permission \u{201c}Self-hosted runners\u{201d}: Read and write.",
            (ScopeKind::Organization, Self::AppUser) => "needs an app with the organization permission \u{201c}Self-hosted runners\u{201d}: Read and write, used by an organization owner.",
            (ScopeKind::Organization, Self::AppInstallation) => "needs the app installed on the organization with \u{201c}Self-hosted runners\u{201d}: Read and write.",
            (ScopeKind::Repository, Self::Classic | Self::OAuth) => "needs the repo scope, and its user must be an admin of the repository.",
            (ScopeKind::Repository, Self::FineGrained) => "needs access to the repository and the repository permission \u{201c}Administration\u{201d}: Read and write.",
            (ScopeKind::Repository, Self::AppUser) => "needs an app with the repository permission \u{201c}Administration\u{201d}: Read and write, used by an admin of the repository.",
            (ScopeKind::Repository, Self::AppInstallation) => "needs the app installed on the repository with \u{201c}Administration\u{201d}: Read and write.",
            (ScopeKind::Enterprise, Self::Classic | Self::OAuth) => "needs the manage_runners:enterprise scope, and its user must be an enterprise owner.",
            (ScopeKind::Enterprise, Self::FineGrained | Self::AppUser | Self::AppInstallation) => {
                "cannot manage enterprise runners: GitHub accepts only a classic token (or OAuth token) with the manage_runners:enterprise scope here."
            }
        }
    }

    /// Whether GitHub can accept this kind of token for the scope at all (fine-grained and
    /// GitHub App tokens cannot manage enterprise runners). Unknown kinds get the benefit of the doubt.
    pub fn accepted_for(self, kind: ScopeKind) -> bool {
        !(kind == ScopeKind::Enterprise && matches!(self, Self::FineGrained | Self::AppUser | Self::AppInstallation))
    }
}

/// The classic-token scope a scope of `kind` needs.
pub fn classic_scope(kind: ScopeKind) -> &'static str {
    match kind {
        ScopeKind::Repository => "repo",
        ScopeKind::Organization => "admin:org",
        ScopeKind::Enterprise => "manage_runners:enterprise",
    }
}

/// The page that creates a classic token with the scope `kind` needs preselected, on the server at `web`.
pub fn new_classic_token_url(web: &str, kind: ScopeKind) -> String {
    format!(
        "{web}/settings/tokens/new?scopes={}&description=Runner%20registration",
        classic_scope(kind)
    )
}

/// The page that creates a fine-grained token, on the server at `web`.
pub fn new_fine_grained_token_url(web: &str) -> String {
    format!("{web}/settings/personal-access-tokens/new")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccessTokenError {
    Empty,
    /// White space or a line break inside the token: two values pasted, or a wrapped line.
    InnerWhitespace,
    /// A character that cannot be sent in an HTTP header (quotes, non-ASCII, control).
    InvalidChar(char),
}

impl fmt::Display for AccessTokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Paste an access token with permission to manage the runners."),
            Self::InnerWhitespace => f.write_str("The token contains a space or line break. Copy it again as a single word."),
            Self::InvalidChar(c) if c.is_ascii_graphic() => write!(f, "The token contains \u{201c}{c}\u{201d}, which no GitHub token has. Copy it again without surrounding quotes or punctuation."),
            Self::InvalidChar(c) => write!(f, "The token contains the character U+{:04X}, which no GitHub token has. Copy it again from GitHub.", *c as u32),
        }
    }
}

/// The access token as typed, cleaned of paste artefacts: a view into the one copy the page
/// holds (see `state::Credential`), never a copy of its own. Its `Debug` prints a mask.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AccessToken<'a>(&'a str);

impl<'a> AccessToken<'a> {
    /// Drops surrounding white space and a pasted `Bearer ` or `token ` scheme, then checks that
    /// what is left can be sent as a header value.
    pub fn parse(input: &'a str) -> Result<Self, AccessTokenError> {
        let token = strip_scheme(input.trim()).trim();
        if token.is_empty() {
            return Err(AccessTokenError::Empty);
        }
        if token.chars().any(char::is_whitespace) {
            return Err(AccessTokenError::InnerWhitespace);
        }
        if let Some(c) = token
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
        {
            return Err(AccessTokenError::InvalidChar(c));
        }
        Ok(Self(token))
    }

    pub fn kind(&self) -> TokenKind {
        TokenKind::of(self.0)
    }

    /// The `Authorization` header value: the one place the token leaves this type.
    pub fn authorization(&self) -> String {
        format!("Bearer {}", self.0)
    }
}

impl fmt::Debug for AccessToken<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccessToken({})", super::secret::MASK)
    }
}

fn strip_scheme(s: &str) -> &str {
    if s.eq_ignore_ascii_case("bearer") || s.eq_ignore_ascii_case("token") {
        return "";
    }
    for scheme in ["bearer ", "token "] {
        // `get` rather than indexing: the cut may fall inside a multi-byte character.
        if let (Some(head), Some(rest)) = (s.get(..scheme.len()), s.get(scheme.len()..)) {
            if head.eq_ignore_ascii_case(scheme) {
                return rest;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn raw(t: &AccessToken) -> String {
        t.authorization().trim_start_matches("Bearer ").to_string()
    }

    #[test]
    fn trims_space_and_pasted_scheme() {
        for input in [
            "ghp_abc123",
            "  ghp_abc123\n",
            "Bearer ghp_abc123",
            "bearer   ghp_abc123 ",
            "token ghp_abc123",
            "TOKEN ghp_abc123",
        ] {
            assert_eq!(raw(&AccessToken::parse(input).unwrap()), "ghp_abc123", "{input:?}");
        }
    }

    #[test]
    fn rejects_empty_inner_space_and_odd_characters() {
        assert_eq!(AccessToken::parse(" \n"), Err(AccessTokenError::Empty));
        assert_eq!(AccessToken::parse("Bearer "), Err(AccessTokenError::Empty));
        assert_eq!(AccessToken::parse("ghp_ab\ncd"), Err(AccessTokenError::InnerWhitespace));
        assert_eq!(AccessToken::parse("ghp_ab cd"), Err(AccessTokenError::InnerWhitespace));
        assert_eq!(
            AccessToken::parse("\"ghp_abcd\""),
            Err(AccessTokenError::InvalidChar('"'))
        );
        assert_eq!(AccessToken::parse("ghp_abcé"), Err(AccessTokenError::InvalidChar('é')));
    }

    #[test]
    fn kind_comes_from_the_prefix() {
        let kind = |t: &str| AccessToken::parse(t).unwrap().kind();
        assert_eq!(kind("ghp_x"), TokenKind::Classic);
        assert_eq!(kind("github_pat_11AB_x"), TokenKind::FineGrained);
        assert_eq!(kind("gho_x"), TokenKind::OAuth);
        assert_eq!(kind("ghu_x"), TokenKind::AppUser);
        assert_eq!(kind("ghs_x"), TokenKind::AppInstallation);
        assert_eq!(
            kind("0123456789abcdef0123456789abcdef01234567"),
            TokenKind::Unrecognised
        );
    }

    #[test]
    fn each_scope_names_its_own_grant_and_enterprise_refuses_fine_grained_and_app_tokens() {
        assert!(TokenKind::Classic
            .requirement(ScopeKind::Repository)
            .contains("repo scope"));
        assert!(TokenKind::FineGrained
            .requirement(ScopeKind::Repository)
            .contains("Administration"));
        assert!(TokenKind::Classic
            .requirement(ScopeKind::Enterprise)
            .contains("manage_runners:enterprise"));
        assert!(TokenKind::Classic
            .requirement(ScopeKind::Organization)
            .contains("admin:org"));
        for kind in [TokenKind::FineGrained, TokenKind::AppUser, TokenKind::AppInstallation] {
            assert!(!kind.accepted_for(ScopeKind::Enterprise) && kind.accepted_for(ScopeKind::Organization));
            assert!(kind
                .requirement(ScopeKind::Enterprise)
                .starts_with("cannot manage enterprise runners"));
        }
        assert!(
            TokenKind::Classic.accepted_for(ScopeKind::Enterprise)
                && TokenKind::Unrecognised.accepted_for(ScopeKind::Enterprise)
        );
        assert_eq!(
            new_classic_token_url("https://github.com", ScopeKind::Enterprise),
            "https://github.com/settings/tokens/new?scopes=manage_runners:enterprise&description=Runner%20registration"
        );
    }

    #[test]
    fn debug_output_hides_the_token() {
        let t = AccessToken::parse("ghp_verysecret").unwrap();
        assert!(!format!("{t:?}").contains("verysecret"));
    }

    proptest! {
        #[test]
        fn accepted_tokens_are_valid_header_values(s in "\\PC{0,80}") {
            if let Ok(t) = AccessToken::parse(&s) {
                let header = t.authorization();
                prop_assert!(header.bytes().all(|b| (0x21..0x7f).contains(&b) || b == b' '));
                prop_assert_eq!(header.matches(' ').count(), 1);
            }
        }
    }
}
