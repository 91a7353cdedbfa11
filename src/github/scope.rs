//! `Scope`: where runners are registered (a repository, an organization or an enterprise), each
//! name checked before any request, and the one place that turns a scope into API paths and the
//! `config.sh --url`. Also reads a pasted GitHub address into the scope it names, and holds
//! `Target`: a scope with the API base its requests go to.

use super::api_base::{path_segment, ApiBase, WebBase};
use super::organization::{Organization, OrganizationError};
use std::fmt;

/// Where requests go: the API base and the scope. It holds no token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub api: ApiBase,
    pub scope: Scope,
}

/// The three kinds of scope, as the page's radio group offers them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ScopeKind {
    Repository,
    #[default]
    Organization,
    Enterprise,
}

impl ScopeKind {
    pub const ALL: [ScopeKind; 3] = [ScopeKind::Repository, ScopeKind::Organization, ScopeKind::Enterprise];

    pub fn label(self) -> &'static str {
        match self {
            Self::Repository => "Repository",
            Self::Organization => "Organization",
            Self::Enterprise => "Enterprise",
        }
    }

    /// The lower-case noun, for sentences ("this repository").
    pub fn noun(self) -> &'static str {
        match self {
            Self::Repository => "repository",
            Self::Organization => "organization",
            Self::Enterprise => "enterprise",
        }
    }

    /// The link parameter that names a scope of this kind (`?repo=`, `?org=`, `?enterprise=`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Repository => "repo",
            Self::Organization => "org",
            Self::Enterprise => "enterprise",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Runner groups exist for organizations and enterprises; a repository has none.
    pub fn has_groups(self) -> bool {
        self != Self::Repository
    }
}

/// One value per scope kind: what the form holds for each (so switching loses nothing), what a
/// link presets, what was remembered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PerScope<T> {
    pub repository: T,
    pub organization: T,
    pub enterprise: T,
}

impl<T> PerScope<T> {
    pub fn from_fn(mut f: impl FnMut(ScopeKind) -> T) -> Self {
        Self {
            repository: f(ScopeKind::Repository),
            organization: f(ScopeKind::Organization),
            enterprise: f(ScopeKind::Enterprise),
        }
    }

    pub fn get(&self, kind: ScopeKind) -> &T {
        match kind {
            ScopeKind::Repository => &self.repository,
            ScopeKind::Organization => &self.organization,
            ScopeKind::Enterprise => &self.enterprise,
        }
    }

    pub fn get_mut(&mut self, kind: ScopeKind) -> &mut T {
        match kind {
            ScopeKind::Repository => &mut self.repository,
            ScopeKind::Organization => &mut self.organization,
            ScopeKind::Enterprise => &mut self.enterprise,
        }
    }

    pub fn map<U>(self, mut f: impl FnMut(ScopeKind, T) -> U) -> PerScope<U> {
        PerScope {
            repository: f(ScopeKind::Repository, self.repository),
            organization: f(ScopeKind::Organization, self.organization),
            enterprise: f(ScopeKind::Enterprise, self.enterprise),
        }
    }
}

/// A checked scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Repository { owner: Organization, name: RepositoryName },
    Organization(Organization),
    Enterprise(EnterpriseSlug),
}

/// A repository name: 1-100 of `A-Z a-z 0-9 . _ -`, not `.` or `..`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepositoryName(String);

/// An enterprise slug: lower-case letters, digits and hyphens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnterpriseSlug(String);

/// Why a scope's name was refused; the text says what to type instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopeError(pub String);

impl fmt::Display for ScopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub const MAX_REPOSITORY_NAME: usize = 100;
pub const MAX_ENTERPRISE_SLUG: usize = 100;

impl Scope {
    /// Parses the text typed for `kind`: `OWNER/NAME`, an organization login or an enterprise slug.
    pub fn parse(kind: ScopeKind, input: &str) -> Result<Self, ScopeError> {
        let text = input.trim();
        match kind {
            ScopeKind::Organization => Organization::parse(text)
                .map(Self::Organization)
                .map_err(|e| ScopeError(e.to_string())),
            ScopeKind::Enterprise => EnterpriseSlug::parse(text).map(Self::Enterprise),
            ScopeKind::Repository => {
                if text.is_empty() {
                    return Err(ScopeError(
                        "Enter the repository as OWNER/NAME, as in github.com/OWNER/NAME.".into(),
                    ));
                }
                let Some((owner, name)) = text.split_once('/') else {
                    return Err(ScopeError(format!(
                        "Enter the repository with its owner: OWNER/{text}."
                    )));
                };
                let owner = Organization::parse(owner).map_err(|e| ScopeError(owner_message(&e)))?;
                let name = RepositoryName::parse(name)?;
                Ok(Self::Repository { owner, name })
            }
        }
    }

    pub fn kind(&self) -> ScopeKind {
        match self {
            Self::Repository { .. } => ScopeKind::Repository,
            Self::Organization(_) => ScopeKind::Organization,
            Self::Enterprise(_) => ScopeKind::Enterprise,
        }
    }

    /// The scope's API path prefix, every segment encoded: `/repos/O/N`, `/orgs/O`, `/enterprises/E`.
    pub fn api_path(&self) -> String {
        match self {
            Self::Repository { owner, name } => format!(
                "/repos/{}/{}",
                path_segment(owner.as_str()),
                path_segment(name.as_str())
            ),
            Self::Organization(org) => format!("/orgs/{}", path_segment(org.as_str())),
            Self::Enterprise(slug) => format!("/enterprises/{}", path_segment(slug.as_str())),
        }
    }

    /// The `config.sh --url` for this scope: `WEB/OWNER/NAME`, `WEB/ORG`, `WEB/enterprises/SLUG`.
    pub fn runner_url(&self, web: &WebBase) -> String {
        match self {
            Self::Repository { owner, name } => format!("{web}/{owner}/{}", name.as_str()),
            Self::Organization(org) => format!("{web}/{org}"),
            Self::Enterprise(slug) => format!("{web}/enterprises/{}", slug.as_str()),
        }
    }

    /// The scope's own name as typed in its field: `OWNER/NAME`, `ORG` or `SLUG`.
    pub fn name(&self) -> String {
        match self {
            Self::Repository { owner, name } => format!("{owner}/{}", name.as_str()),
            Self::Organization(org) => org.to_string(),
            Self::Enterprise(slug) => slug.as_str().to_string(),
        }
    }
}

impl fmt::Display for Scope {
    /// For sentences: "octo-org/app", "octo-org", "the enterprise acme".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Enterprise(slug) => write!(f, "the enterprise {}", slug.as_str()),
            other => f.write_str(&other.name()),
        }
    }
}

/// The organization wording, turned to speak of a repository's owner.
fn owner_message(e: &OrganizationError) -> String {
    match e {
        OrganizationError::Empty => "Enter the repository's owner before the slash: OWNER/NAME.".into(),
        other => other
            .to_string()
            .replace("Organization names", "Owner names")
            .replace("organization names", "owner names")
            .replace("organization name", "owner name")
            .replace("organization's name", "owner's name"),
    }
}

impl RepositoryName {
    pub fn parse(input: &str) -> Result<Self, ScopeError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(ScopeError(
                "Enter the repository's name after the slash: OWNER/NAME.".into(),
            ));
        }
        if name.contains('/') {
            return Err(ScopeError(
                "A repository is OWNER/NAME with one slash; paste its address or type just those two parts.".into(),
            ));
        }
        if let Some(c) = name
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
        {
            return Err(ScopeError(if c.is_whitespace() {
                "Repository names contain no spaces.".to_string()
            } else {
                format!("\u{201c}{c}\u{201d} cannot appear in a repository name: use letters, digits, dots, hyphens and underscores.")
            }));
        }
        if name == "." || name == ".." {
            return Err(ScopeError(format!("\u{201c}{name}\u{201d} is not a repository name.")));
        }
        if name.len() > MAX_REPOSITORY_NAME {
            return Err(ScopeError(format!(
                "A repository name has at most {MAX_REPOSITORY_NAME} characters; this one has {}.",
                name.len()
            )));
        }
        Ok(Self(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl EnterpriseSlug {
    pub fn parse(input: &str) -> Result<Self, ScopeError> {
        let slug = input.trim();
        if slug.is_empty() {
            return Err(ScopeError(
                "Enter the enterprise's slug, as in github.com/enterprises/SLUG.".into(),
            ));
        }
        if slug.contains(['/', ':']) {
            return Err(ScopeError(
                "Enter just the enterprise's slug (the part after /enterprises/), or paste its address.".into(),
            ));
        }
        if slug.bytes().any(|b| b.is_ascii_uppercase()) && slug.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(ScopeError(format!(
                "Enterprise slugs are lower-case: enter \u{201c}{}\u{201d}.",
                slug.to_ascii_lowercase()
            )));
        }
        if let Some(c) = slug
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            return Err(ScopeError(format!(
                "\u{201c}{c}\u{201d} cannot appear in an enterprise slug: use lower-case letters, digits and hyphens."
            )));
        }
        if slug.len() > MAX_ENTERPRISE_SLUG {
            return Err(ScopeError(format!(
                "An enterprise slug has at most {MAX_ENTERPRISE_SLUG} characters; this one has {}.",
                slug.len()
            )));
        }
        Ok(Self(slug.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a pasted GitHub address says: the scope kind, the text for its field, and (for a server
/// other than github.com) the API URL that goes with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedAddress {
    pub kind: ScopeKind,
    pub value: String,
    /// `https://HOST/api/v3` for Enterprise Server, `https://api.SUB.ghe.com` for GHE.com; `None` for github.com.
    pub api: Option<String>,
}

/// Reads `https://HOST/OWNER/NAME[.git][/...]`, `https://HOST/orgs/NAME/...`,
/// `https://HOST/organizations/NAME/...`, `https://HOST/enterprises/SLUG/...`, a bare
/// `https://HOST/ORG`, and `git@HOST:OWNER/NAME.git`; the same without `https://`
/// (`github.com/octo-org`) when HOST has a dot. `None` when the text is not such an address.
pub fn parse_address(input: &str) -> Option<PastedAddress> {
    let text = input.trim();
    let (scheme, rest) = if let Some(rest) = text.strip_prefix("https://") {
        ("https", rest)
    } else if let Some(rest) = text.strip_prefix("http://") {
        ("http", rest)
    } else if let Some(rest) = text.strip_prefix("git@") {
        let (host, path) = rest.split_once(':')?;
        return address_from(scheme_host("https", host)?, path);
    } else if bare_host(text) {
        ("https", text)
    } else {
        return None;
    };
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    let rest = &rest[..end];
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    address_from(scheme_host(scheme, host)?, path)
}

/// Whether `text` starts with a host name and a slash, as an address typed without `https://`
/// does (`github.com/octo-org`). A dot tells the host: no login (the OWNER of `OWNER/NAME`, an
/// organization, an enterprise slug) has one, so such text cannot be a name typed as asked.
fn bare_host(text: &str) -> bool {
    let Some((authority, _)) = text.split_once('/') else {
        return false;
    };
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => host,
        Some(_) => return false,
        None => authority,
    };
    host.contains('.')
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// The scheme and a plausible host (no user info, no spaces).
fn scheme_host<'a>(scheme: &'a str, host: &'a str) -> Option<(&'a str, &'a str)> {
    let ok = !host.is_empty() && !host.contains(['@', ' ', '\\']) && host.chars().all(|c| c.is_ascii_graphic());
    ok.then_some((scheme, host))
}

fn address_from((scheme, host): (&str, &str), path: &str) -> Option<PastedAddress> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let (kind, value) = match segments.as_slice() {
        ["orgs" | "organizations", name, ..] => (ScopeKind::Organization, name.to_string()),
        ["enterprises", slug, ..] => (ScopeKind::Enterprise, slug.to_string()),
        [owner, name, ..] => (
            ScopeKind::Repository,
            format!("{owner}/{}", name.strip_suffix(".git").unwrap_or(name)),
        ),
        [owner] => (ScopeKind::Organization, owner.to_string()),
        [] => return None,
    };
    let lower = host.to_ascii_lowercase();
    let api = if lower == "github.com" || lower == "www.github.com" {
        None
    } else if let Some(sub) = lower.strip_suffix(".ghe.com") {
        Some(format!("{scheme}://api.{sub}.ghe.com"))
    } else {
        Some(format!("{scheme}://{lower}/api/v3"))
    };
    Some(PastedAddress { kind, value, api })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::ApiBase;
    use proptest::prelude::*;

    fn web() -> WebBase {
        ApiBase::parse("https://api.github.com").unwrap().web_base().unwrap()
    }

    #[test]
    fn each_scope_has_its_own_paths_and_runner_url() {
        let repo = Scope::parse(ScopeKind::Repository, " octo-org/hello.world_1 ").unwrap();
        assert_eq!(repo.api_path(), "/repos/octo-org/hello.world_1");
        assert_eq!(repo.runner_url(&web()), "https://github.com/octo-org/hello.world_1");
        let org = Scope::parse(ScopeKind::Organization, "octo-org").unwrap();
        assert_eq!(org.api_path(), "/orgs/octo-org");
        assert_eq!(org.runner_url(&web()), "https://github.com/octo-org");
        let ent = Scope::parse(ScopeKind::Enterprise, "acme-corp").unwrap();
        assert_eq!(ent.api_path(), "/enterprises/acme-corp");
        assert_eq!(ent.runner_url(&web()), "https://github.com/enterprises/acme-corp");
        assert_eq!(ent.to_string(), "the enterprise acme-corp");
        assert!(!repo.kind().has_groups() && org.kind().has_groups() && ent.kind().has_groups());
    }

    #[test]
    fn repository_names_follow_githubs_rules() {
        let err = |s: &str| Scope::parse(ScopeKind::Repository, s).unwrap_err().0;
        assert!(err("").contains("OWNER/NAME"));
        assert!(err("hello").contains("OWNER/hello"));
        assert!(err("octo-org/").contains("after the slash"));
        assert!(err("/hello").contains("owner"));
        assert_eq!(err("octo org/x"), "Owner names contain no spaces.");
        assert!(err("octo-org/a b").contains("no spaces"));
        assert!(err("octo-org/a/b").contains("one slash"));
        assert!(err("octo-org/..").contains("not a repository name"));
        assert!(err("octo-org/.").contains("not a repository name"));
        assert!(err("octo-org/a%2Fb").contains("\u{201c}%\u{201d}"));
        assert!(err(&format!("o/{}", "a".repeat(101))).contains("at most 100"));
        assert!(Scope::parse(ScopeKind::Repository, &format!("o/{}", "a".repeat(100))).is_ok());
        assert!(Scope::parse(ScopeKind::Repository, "o/.github").is_ok());
    }

    #[test]
    fn enterprise_slugs_are_lower_case_letters_digits_and_hyphens() {
        let err = |s: &str| EnterpriseSlug::parse(s).unwrap_err().0;
        assert!(err("").contains("slug"));
        assert!(err("Acme").contains("\u{201c}acme\u{201d}"));
        assert!(err("acme_corp").contains("\u{201c}_\u{201d}"));
        assert!(err("https://github.com/enterprises/acme").contains("paste its address"));
        assert_eq!(EnterpriseSlug::parse(" acme-2 ").unwrap().as_str(), "acme-2");
    }

    #[test]
    fn pasted_addresses_pick_the_scope() {
        let cases = [
            (
                "https://github.com/octo-org/hello",
                ScopeKind::Repository,
                "octo-org/hello",
                None,
            ),
            (
                "https://github.com/octo-org/hello.git",
                ScopeKind::Repository,
                "octo-org/hello",
                None,
            ),
            (
                "https://github.com/octo-org/hello/",
                ScopeKind::Repository,
                "octo-org/hello",
                None,
            ),
            (
                "https://github.com/octo-org/hello/settings/actions/runners",
                ScopeKind::Repository,
                "octo-org/hello",
                None,
            ),
            (
                "git@github.com:octo-org/hello.git",
                ScopeKind::Repository,
                "octo-org/hello",
                None,
            ),
            (
                "https://github.com/orgs/octo-org/settings/actions/runners",
                ScopeKind::Organization,
                "octo-org",
                None,
            ),
            (
                "https://github.com/organizations/octo-org/settings/actions",
                ScopeKind::Organization,
                "octo-org",
                None,
            ),
            ("https://github.com/octo-org", ScopeKind::Organization, "octo-org", None),
            (
                "https://github.com/enterprises/acme/settings/actions/runners?tab=x",
                ScopeKind::Enterprise,
                "acme",
                None,
            ),
            (
                "https://ghes.example.com/octo-org/hello",
                ScopeKind::Repository,
                "octo-org/hello",
                Some("https://ghes.example.com/api/v3"),
            ),
            (
                "https://GHES.example.com:8443/enterprises/acme",
                ScopeKind::Enterprise,
                "acme",
                Some("https://ghes.example.com:8443/api/v3"),
            ),
            (
                "https://octocorp.ghe.com/orgs/octo-org",
                ScopeKind::Organization,
                "octo-org",
                Some("https://api.octocorp.ghe.com"),
            ),
        ];
        for (input, kind, value, api) in cases {
            let got = parse_address(input).unwrap_or_else(|| panic!("{input}"));
            assert_eq!(
                got,
                PastedAddress {
                    kind,
                    value: value.into(),
                    api: api.map(String::from)
                },
                "{input}"
            );
        }
        for not_an_address in [
            "octo-org",
            "octo-org/hello",
            "octo-org/hello.world",
            "github.com",
            "github.com/",
            "../octo-org",
            "github..com/octo-org",
            "github.com:x/octo-org",
            "-github.com/octo-org",
            "https://github.com/",
            "https://",
            "ftp://github.com/a/b",
            "https://u@evil.com/a/b",
        ] {
            assert_eq!(parse_address(not_an_address), None, "{not_an_address}");
        }
    }

    #[test]
    fn addresses_typed_without_https_are_read_as_with_it() {
        let cases = [
            ("github.com/octo-org", ScopeKind::Organization, "octo-org", None),
            ("GitHub.com/octo-org/", ScopeKind::Organization, "octo-org", None),
            (
                "github.com/octo-org/octo-repo",
                ScopeKind::Repository,
                "octo-org/octo-repo",
                None,
            ),
            (
                "www.github.com/orgs/octo-org",
                ScopeKind::Organization,
                "octo-org",
                None,
            ),
            (
                " github.com/enterprises/acme/settings/actions/runners ",
                ScopeKind::Enterprise,
                "acme",
                None,
            ),
            (
                "ghe.example.com/octo-org/repo",
                ScopeKind::Repository,
                "octo-org/repo",
                Some("https://ghe.example.com/api/v3"),
            ),
            (
                "ghe.example.com:8443/orgs/octo-org",
                ScopeKind::Organization,
                "octo-org",
                Some("https://ghe.example.com:8443/api/v3"),
            ),
            (
                "octocorp.ghe.com/enterprises/acme",
                ScopeKind::Enterprise,
                "acme",
                Some("https://api.octocorp.ghe.com"),
            ),
        ];
        for (input, kind, value, api) in cases {
            let got = parse_address(input).unwrap_or_else(|| panic!("{input}"));
            let with_https = parse_address(&format!("https://{}", input.trim()));
            assert_eq!(Some(&got), with_https.as_ref(), "{input}");
            assert_eq!(
                got,
                PastedAddress {
                    kind,
                    value: value.into(),
                    api: api.map(String::from)
                },
                "{input}"
            );
            assert!(Scope::parse(got.kind, &got.value).is_ok(), "{input}");
        }
    }

    proptest! {
        #[test]
        fn an_org_typed_after_github_com_reads_as_its_address(
            org in "[A-Za-z0-9]([A-Za-z0-9]|-[A-Za-z0-9]){0,18}",
            host in prop::sample::select(vec!["github.com", "www.github.com", "GitHub.com", "ghe.example.com"]),
            page in prop::sample::select(vec!["", "/", "/orgs/{}", "/orgs/{}/settings/actions/runners", "/organizations/{}"]),
        ) {
            let path = if page.contains("{}") { page.replace("{}", &org) } else { format!("/{org}{page}") };
            let bare = parse_address(&format!("{host}{path}"));
            prop_assert_eq!(&bare, &parse_address(&format!("https://{host}{path}")));
            let pasted = bare.unwrap();
            prop_assert_eq!(pasted.kind, ScopeKind::Organization);
            prop_assert_eq!(Scope::parse(pasted.kind, &pasted.value), Ok(Scope::Organization(Organization::parse(&org).unwrap())));
        }

        #[test]
        fn a_repository_typed_after_github_com_reads_as_its_address(
            owner in "[A-Za-z0-9]([A-Za-z0-9]|-[A-Za-z0-9]){0,18}",
            name in "[A-Za-z0-9_][A-Za-z0-9._-]{0,20}",
        ) {
            let bare = parse_address(&format!("github.com/{owner}/{name}"));
            prop_assert_eq!(&bare, &parse_address(&format!("https://github.com/{owner}/{name}")));
            prop_assert_eq!(bare.map(|p| p.kind), Some(ScopeKind::Repository));
        }

        #[test]
        fn a_name_typed_as_asked_is_never_taken_for_an_address(
            owner in "[A-Za-z0-9]([A-Za-z0-9]|-[A-Za-z0-9]){0,18}",
            name in "[A-Za-z0-9._-]{0,20}",
        ) {
            prop_assert_eq!(parse_address(&owner), None);
            prop_assert_eq!(parse_address(&format!("{owner}/{name}")), None);
        }

        #[test]
        fn hostile_text_never_panics_and_accepted_scopes_stay_in_their_segments(s in "\\PC{0,80}", k in 0usize..3) {
            let _ = parse_address(&s);
            if let Ok(scope) = Scope::parse(ScopeKind::ALL[k], &s) {
                let path = scope.api_path();
                prop_assert!(!path.contains(['?', '#', ' ', '%']));
                prop_assert!(!path.contains("/../") && !path.ends_with("/.."));
                prop_assert_eq!(path.matches('/').count(), if k == 0 { 3 } else { 2 });
            }
        }

        #[test]
        fn a_repository_address_round_trips(owner in "[a-z][a-z0-9]{0,10}", name in "[A-Za-z0-9_][A-Za-z0-9._-]{0,20}") {
            let pasted = parse_address(&format!("https://github.com/{owner}/{name}/settings")).unwrap();
            let scope = Scope::parse(pasted.kind, &pasted.value).unwrap();
            let want = name.strip_suffix(".git").unwrap_or(&name);
            prop_assert_eq!(scope.runner_url(&web()), format!("https://github.com/{owner}/{want}"));
        }
    }
}
