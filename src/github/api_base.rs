//! `ApiBase` and `WebBase`: where the REST API lives, and the web address `config.sh --url` needs.
//!
//! Three deployments are known (github.com, GitHub Enterprise Server at `/api/v3`, and GHE.com
//! data residency at `api.SUBDOMAIN.ghe.com`); for those the web base is derived, for anything
//! else the user names it. Only https is accepted, except plain http to this machine.
//! github.com's own address, however spelled, means its API; a server's web address typed for
//! its API URL gets [`ApiAdvice`] naming the API URL it most likely has.

use std::fmt;

pub const DEFAULT_API: &str = "https://api.github.com";

/// A checked API base URL without a trailing slash, e.g. `https://ghes.example.com/api/v3`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiBase {
    scheme: &'static str,
    /// Host, lower-cased, with `:port` when one was given.
    authority: String,
    /// Empty, or starting with `/` and not ending with one.
    path: String,
}

/// The web address of the GitHub instance, e.g. `https://github.com`; no trailing slash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebBase(String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    Empty,
    NotAUrl,
    UnsupportedScheme(String),
    /// `http://` to a host other than this machine: the token would cross the network in clear.
    InsecureHttp(String),
    /// `http://` to this machine under a name the page's Content-Security-Policy does not list
    /// (`[::1]`, `*.localhost`, `127.0.0.2`): the browser would block the request. The port, if any.
    BlockedByPolicy {
        host: String,
        port: Option<u16>,
    },
    Credentials,
    QueryOrFragment,
    InvalidHost,
    /// A web base has no path: `https://ghes.example.com`, not `.../orgs/x`.
    PathNotAllowed,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Enter a URL, e.g. https://api.github.com."),
            Self::NotAUrl => f.write_str("This is not a URL. Enter one starting with https://, e.g. https://ghes.example.com/api/v3."),
            Self::UnsupportedScheme(s) => write!(f, "\u{201c}{s}:\u{201d} URLs are not allowed here. Use an https:// URL."),
            Self::InsecureHttp(host) => write!(f, "Plain http:// would send your token to {host} unencrypted. Use https:// (plain http is allowed only for localhost)."),
            Self::BlockedByPolicy { host, port } => {
                let port = port.map(|p| format!(":{p}")).unwrap_or_default();
                write!(f, "This page's security policy lets it reach plain http:// only at localhost and 127.0.0.1, so the browser would block {host}. Use http://127.0.0.1{port} or http://localhost{port} instead.")
            }
            Self::Credentials => f.write_str("Remove the user name and password from the URL; the access token is the only credential sent."),
            Self::QueryOrFragment => f.write_str("Remove the ?query or #fragment from the URL."),
            Self::InvalidHost => f.write_str("The host name in this URL is not valid."),
            Self::PathNotAllowed => f.write_str("Enter only the server's address, e.g. https://ghes.example.com, without a path."),
        }
    }
}

/// The scheme, authority and path of an http(s) URL, checked but not yet interpreted.
struct Parts<'a> {
    scheme: &'static str,
    authority: String,
    path: &'a str,
}

fn split_url(input: &str) -> Result<Parts<'_>, UrlError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(UrlError::Empty);
    }
    let Some((scheme, rest)) = input.split_once(':') else {
        return Err(UrlError::NotAUrl);
    };
    let scheme = match scheme.to_ascii_lowercase().as_str() {
        "https" => "https",
        "http" => "http",
        s if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) => {
            return Err(UrlError::UnsupportedScheme(s.to_string()))
        }
        _ => return Err(UrlError::NotAUrl),
    };
    let Some(rest) = rest.strip_prefix("//") else {
        return Err(UrlError::NotAUrl);
    };
    if rest.contains(['?', '#']) {
        return Err(UrlError::QueryOrFragment);
    }
    let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
    if authority.contains('@') {
        return Err(UrlError::Credentials);
    }
    let (host, port) = split_port(authority)?;
    let host = host.to_ascii_lowercase();
    if !valid_host(&host) {
        return Err(UrlError::InvalidHost);
    }
    if scheme == "http" && !is_loopback(&host) {
        return Err(UrlError::InsecureHttp(host));
    }
    if scheme == "http" && !CSP_HTTP_HOSTS.contains(&host.as_str()) {
        return Err(UrlError::BlockedByPolicy { host, port });
    }
    if path.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\') {
        return Err(UrlError::NotAUrl);
    }
    let authority = match port {
        Some(p) => format!("{host}:{p}"),
        None => host.clone(),
    };
    Ok(Parts {
        scheme,
        authority,
        path,
    })
}

fn split_port(authority: &str) -> Result<(&str, Option<u16>), UrlError> {
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']').ok_or(UrlError::InvalidHost)?;
        let (h, rest) = authority.split_at(end + 1);
        (h, rest.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let port = match port {
        Some(p) => Some(p.parse::<u16>().map_err(|_| UrlError::InvalidHost)?),
        None => None,
    };
    Ok((host, port))
}

fn valid_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return !inner.is_empty() && inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.');
    }
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// The only hosts the page's Content-Security-Policy lets it reach over plain http
/// (`connect-src ... http://localhost:* http://127.0.0.1:*` in scripts/post-build.mjs; a unit
/// test keeps the two in step). Chromium accepts no IPv6 literal in a source list.
pub const CSP_HTTP_HOSTS: [&str; 2] = ["localhost", "127.0.0.1"];

/// This machine: `localhost`, `*.localhost`, 127.0.0.0/8 or `[::1]`.
pub fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "[::1]"
        || (host.starts_with("127.")
            && host.split('.').count() == 4
            && host.split('.').all(|o| o.parse::<u8>().is_ok()))
}

/// A page served with `protocol` (`"http:"`, `"https:"`) from `host` that is not protected in
/// transit: plain http from anywhere but this machine.
pub fn is_insecure_page(protocol: &str, host: &str) -> bool {
    protocol.eq_ignore_ascii_case("http:") && !is_loopback(&host.to_ascii_lowercase())
}

/// An `http://` URL whose host is this machine (the only plain-http URLs the page accepts).
pub fn is_loopback_http(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    !authority.contains('@') && split_port(authority).is_ok_and(|(host, _)| is_loopback(&host.to_ascii_lowercase()))
}

/// Percent-encodes one path segment: everything but RFC 3986's unreserved characters.
pub fn path_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The hosts of github.com whose address, at its root, can only mean github.com's API.
const GITHUB_HOSTS: [&str; 3] = ["github.com", "www.github.com", "api.github.com"];

/// The host of `input` when it is github.com's address at its root, with https://, http:// or no
/// scheme and any trailing slashes: `github.com`, `https://www.github.com/`, `http://api.github.com`.
fn github_host(input: &str) -> Option<String> {
    let text = input.trim();
    let rest = ["https://", "http://"]
        .into_iter()
        .find_map(|scheme| {
            text.get(..scheme.len())
                .filter(|s| s.eq_ignore_ascii_case(scheme))
                .map(|_| &text[scheme.len()..])
        })
        .unwrap_or(text);
    let host = rest.trim_end_matches('/').to_ascii_lowercase();
    GITHUB_HOSTS.contains(&host.as_str()).then_some(host)
}

/// Something worth saying about the API URL's text beyond whether it is valid: a likely mix-up
/// of a server's web address with its API URL, and the API URL meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiAdvice {
    /// `https://github.com` (or `www.`): taken as github.com's API, `https://api.github.com`.
    GithubWebAddress,
    /// A server at the root of its host, where GitHub Enterprise Server has no API: it is
    /// under `/api/v3` (the `ApiBase` held).
    MissingApiV3(ApiBase),
    /// `https://SUBDOMAIN.ghe.com`, the web address of a GHE.com enterprise: its API is at
    /// `https://api.SUBDOMAIN.ghe.com` (the `ApiBase` held).
    GheComWebAddress(ApiBase),
}

impl fmt::Display for ApiAdvice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::GithubWebAddress => write!(
                f,
                "That is github.com's web address; its API URL is {DEFAULT_API}, and that is the one used."
            ),
            Self::MissingApiV3(api) => write!(
                f,
                "GitHub Enterprise Server's API is under /api/v3: did you mean {api}?"
            ),
            Self::GheComWebAddress(api) => write!(f, "That is a GHE.com web address: did you mean its API URL, {api}?"),
        }
    }
}

/// What to say next to the API URL field about `input`, valid or not; `None` when nothing.
pub fn api_advice(input: &str) -> Option<ApiAdvice> {
    if github_host(input).is_some_and(|host| host != "api.github.com") {
        return Some(ApiAdvice::GithubWebAddress);
    }
    ApiBase::parse(input).ok()?.likely_meant()
}

impl ApiBase {
    /// Checks the API URL field's text. github.com's address, in any of its spellings (scheme or
    /// none, `www.`, trailing slashes, even `http://`), is taken as `https://api.github.com`:
    /// it can mean nothing else (github.com serves no API at its root), and nothing is sent
    /// over plain http. [`api_advice`] says so next to the field.
    pub fn parse(input: &str) -> Result<Self, UrlError> {
        if github_host(input).is_some() {
            return Ok(Self::default_api());
        }
        let parts = split_url(input)?;
        Ok(Self {
            scheme: parts.scheme,
            authority: parts.authority,
            path: parts.path.trim_end_matches('/').to_string(),
        })
    }

    /// The part of `url` under this API base (`/orgs/x/...?page=2`), when it is under it: only
    /// then may the access token be sent to it (a `Link` header from a hostile server must not
    /// lead the token elsewhere).
    pub fn relative<'u>(&self, url: &'u str) -> Option<&'u str> {
        url.strip_prefix(&self.to_string()).filter(|rest| rest.starts_with('/'))
    }

    /// The full URL of an API path such as `/orgs/x/actions/runners/registration-token`.
    pub fn endpoint(&self, path: &str) -> String {
        format!("{self}{path}")
    }

    /// The web base for `config.sh --url`, where the deployment tells it.
    pub fn web_base(&self) -> Option<WebBase> {
        let host = self.authority.as_str();
        let web = |authority: &str| Some(WebBase(format!("{}://{authority}", self.scheme)));
        match self.path.as_str() {
            "" if host == "api.github.com" => web("github.com"),
            "" => host
                .strip_prefix("api.")
                .filter(|rest| rest.ends_with(".ghe.com"))
                .and_then(web),
            "/api/v3" => web(host),
            _ => None,
        }
    }

    pub fn is_default(&self) -> bool {
        self.to_string() == DEFAULT_API
    }

    fn default_api() -> Self {
        Self {
            scheme: "https",
            authority: "api.github.com".to_string(),
            path: String::new(),
        }
    }

    /// The API URL this one was most likely meant to be, when it is a server's web address: the
    /// root of a host other than this machine or one named `api.*` (those are taken as the API
    /// itself, as a proxy or a local mock serves it). Still a valid API URL: a proxy may serve
    /// the API at its root, so the form only insists while the Server URL is empty.
    pub fn likely_meant(&self) -> Option<ApiAdvice> {
        let (host, _) = split_port(&self.authority).ok()?;
        if !self.path.is_empty() || is_loopback(host) || host.starts_with("api.") || self.web_base().is_some() {
            return None;
        }
        let meant = |authority: String, path: &str| Self {
            scheme: self.scheme,
            authority,
            path: path.to_string(),
        };
        if host.ends_with(".ghe.com") {
            Some(ApiAdvice::GheComWebAddress(meant(
                format!("api.{}", self.authority),
                "",
            )))
        } else if host == "ghe.com" {
            None
        } else {
            Some(ApiAdvice::MissingApiV3(meant(self.authority.clone(), "/api/v3")))
        }
    }
}

impl fmt::Display for ApiBase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}{}", self.scheme, self.authority, self.path)
    }
}

impl WebBase {
    /// A server address typed by the user: scheme and host only.
    pub fn parse(input: &str) -> Result<Self, UrlError> {
        let parts = split_url(input)?;
        if !parts.path.trim_end_matches('/').is_empty() {
            return Err(UrlError::PathNotAllowed);
        }
        Ok(Self(format!("{}://{}", parts.scheme, parts.authority)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WebBase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn web(api: &str) -> Option<String> {
        ApiBase::parse(api).unwrap().web_base().map(|w| w.0)
    }

    /// The API URL an advice names.
    fn suggested(advice: &ApiAdvice) -> String {
        match advice {
            ApiAdvice::GithubWebAddress => DEFAULT_API.to_string(),
            ApiAdvice::MissingApiV3(api) | ApiAdvice::GheComWebAddress(api) => api.to_string(),
        }
    }

    #[test]
    fn derives_the_web_base_of_each_known_deployment() {
        assert_eq!(web("https://api.github.com").as_deref(), Some("https://github.com"));
        assert_eq!(web("https://API.GitHub.com/").as_deref(), Some("https://github.com"));
        assert_eq!(
            web("https://ghes.example.com/api/v3").as_deref(),
            Some("https://ghes.example.com")
        );
        assert_eq!(
            web("https://ghes.example.com:8443/api/v3/").as_deref(),
            Some("https://ghes.example.com:8443")
        );
        assert_eq!(
            web("https://api.octocorp.ghe.com").as_deref(),
            Some("https://octocorp.ghe.com")
        );
        assert_eq!(
            web("http://127.0.0.1:9000/api/v3").as_deref(),
            Some("http://127.0.0.1:9000")
        );
    }

    #[test]
    fn unknown_layouts_have_no_derived_web_base() {
        assert_eq!(web("https://proxy.example.com/github"), None);
        assert_eq!(web("https://api.example.com"), None);
        assert_eq!(web("http://localhost:9000"), None);
    }

    #[test]
    fn trailing_slashes_are_dropped_and_endpoints_joined_once() {
        let api = ApiBase::parse("https://ghes.example.com/api/v3/").unwrap();
        assert_eq!(api.to_string(), "https://ghes.example.com/api/v3");
        assert_eq!(api.endpoint("/orgs/x"), "https://ghes.example.com/api/v3/orgs/x");
        assert!(ApiBase::parse(" https://api.github.com/ ").unwrap().is_default());
    }

    #[test]
    fn refuses_unsafe_or_malformed_urls_with_a_reason() {
        use UrlError::*;
        let cases: &[(&str, UrlError)] = &[
            ("", Empty),
            ("ghes.example.com/api/v3", NotAUrl),
            ("javascript:alert(1)", UnsupportedScheme("javascript".into())),
            ("data:text/html,hi", UnsupportedScheme("data".into())),
            ("ftp://example.com", UnsupportedScheme("ftp".into())),
            (
                "http://ghes.example.com/api/v3",
                InsecureHttp("ghes.example.com".into()),
            ),
            ("http://10.0.0.5/api/v3", InsecureHttp("10.0.0.5".into())),
            ("https://user:pass@ghes.example.com/api/v3", Credentials),
            ("https://ghes.example.com/api/v3?x=1", QueryOrFragment),
            ("https://ghes.example.com/#top", QueryOrFragment),
            ("https://bad_host.example.com", InvalidHost),
            ("https://ghes.example.com:99999", InvalidHost),
            ("https://", InvalidHost),
            ("https://ghes.example.com/api v3", NotAUrl),
        ];
        for (input, want) in cases {
            assert_eq!(ApiBase::parse(input).as_ref(), Err(want), "input {input:?}");
        }
    }

    #[test]
    fn github_com_as_typed_for_its_web_address_means_its_api() {
        for web in [
            "github.com",
            "github.com/",
            "https://github.com",
            "https://github.com/",
            "http://github.com",
            "http://github.com/",
            "https://www.github.com",
            "https://www.github.com/",
            " HTTPS://GitHub.com// ",
        ] {
            let api = ApiBase::parse(web).unwrap_or_else(|e| panic!("{web}: {e}"));
            assert!(api.is_default(), "{web}: {api}");
            assert_eq!(api.web_base().map(|w| w.0).as_deref(), Some("https://github.com"));
            let advice = api_advice(web);
            assert_eq!(advice, Some(ApiAdvice::GithubWebAddress), "{web}");
            assert_eq!(
                advice.unwrap().to_string(),
                "That is github.com's web address; its API URL is https://api.github.com, and that is the one used."
            );
        }
        // Its API's own address, spelled loosely, is taken too, with nothing to say about it.
        for api in ["api.github.com", "http://api.github.com/", "https://api.github.com"] {
            assert!(ApiBase::parse(api).unwrap().is_default(), "{api}");
            assert_eq!(api_advice(api), None, "{api}");
        }
        for other in [
            "https://github.com.evil.com",
            "https://gist.github.com",
            "https://github.com:8443",
            "https://github.com/octo-org",
        ] {
            assert!(!ApiBase::parse(other).is_ok_and(|a| a.is_default()), "{other}");
        }
    }

    #[test]
    fn a_server_web_address_suggests_its_api_url() {
        let suggested_for = |input: &str| api_advice(input).map(|a| suggested(&a));
        for (input, want) in [
            ("https://ghe.example.com", "https://ghe.example.com/api/v3"),
            ("https://ghe.example.com/", "https://ghe.example.com/api/v3"),
            ("https://GHE.example.com:8443", "https://ghe.example.com:8443/api/v3"),
            ("https://10.0.0.5", "https://10.0.0.5/api/v3"),
            ("https://octocorp.ghe.com", "https://api.octocorp.ghe.com"),
            ("https://octocorp.ghe.com/", "https://api.octocorp.ghe.com"),
        ] {
            assert_eq!(suggested_for(input).as_deref(), Some(want), "{input}");
            // What is suggested is itself an API URL whose web address is known.
            assert!(ApiBase::parse(want).unwrap().web_base().is_some(), "{want}");
        }
        assert_eq!(
            api_advice("https://ghe.example.com").unwrap().to_string(),
            "GitHub Enterprise Server's API is under /api/v3: did you mean https://ghe.example.com/api/v3?"
        );
        assert_eq!(
            api_advice("https://octocorp.ghe.com").unwrap().to_string(),
            "That is a GHE.com web address: did you mean its API URL, https://api.octocorp.ghe.com?"
        );
        for nothing_to_say in [
            "https://api.github.com",
            "https://ghe.example.com/api/v3",
            "https://api.octocorp.ghe.com",
            "https://proxy.example.com/github",
            // A host named api.* is taken for the API itself, as is a mock or proxy on this machine.
            "https://api.example.com",
            "http://127.0.0.1:9000",
            "http://127.0.0.1:9000/api/v3",
            "http://localhost:9000",
            "https://localhost:8443",
            "https://ghe.com",
            "not a url",
            "",
        ] {
            assert_eq!(api_advice(nothing_to_say), None, "{nothing_to_say}");
        }
    }

    #[test]
    fn plain_http_is_allowed_to_loopback_only() {
        for ok in ["http://localhost:8080", "http://127.0.0.1:1", "http://LOCALHOST/api/v3"] {
            assert!(ApiBase::parse(ok).is_ok(), "{ok}");
        }
        assert!(ApiBase::parse("http://127.0.0.1.evil.com").is_err());
        // https reaches any host under the policy, IPv6 literals included.
        assert!(ApiBase::parse("https://[::1]:9000/api/v3").is_ok());
    }

    #[test]
    fn loopback_names_the_policy_blocks_are_refused_with_what_to_use_instead() {
        let blocked = |url: &str| match ApiBase::parse(url) {
            Err(e @ UrlError::BlockedByPolicy { .. }) => e.to_string(),
            other => panic!("{url}: {other:?}"),
        };
        let ipv6 = blocked("http://[::1]:9000/api/v3");
        assert!(
            ipv6.contains("[::1]") && ipv6.contains("http://127.0.0.1:9000 or http://localhost:9000"),
            "{ipv6}"
        );
        assert!(blocked("http://app.localhost").contains("http://127.0.0.1 or http://localhost instead"));
        blocked("http://127.0.0.2:8080");
    }

    #[test]
    fn the_plain_http_hosts_are_exactly_the_policys() {
        let hook = include_str!("../../scripts/post-build.mjs");
        let connect = hook
            .lines()
            .find(|l| l.contains("connect-src"))
            .expect("post-build.mjs sets connect-src");
        let http: Vec<&str> = connect
            .split([' ', '"', '\'', ','])
            .filter(|t| t.starts_with("http://"))
            .collect();
        let want: Vec<String> = CSP_HTTP_HOSTS.iter().map(|h| format!("http://{h}:*")).collect();
        assert_eq!(
            http, want,
            "connect-src in scripts/post-build.mjs and CSP_HTTP_HOSTS must name the same hosts"
        );
    }

    #[test]
    fn web_base_input_takes_an_origin_only() {
        assert_eq!(
            WebBase::parse("https://ghes.example.com/").unwrap().as_str(),
            "https://ghes.example.com"
        );
        assert_eq!(
            WebBase::parse("https://ghes.example.com/orgs/x"),
            Err(UrlError::PathNotAllowed)
        );
        assert_eq!(
            WebBase::parse("javascript:alert(1)"),
            Err(UrlError::UnsupportedScheme("javascript".into()))
        );
    }

    #[test]
    fn path_segments_cannot_escape_their_segment() {
        assert_eq!(path_segment("octo-org"), "octo-org");
        assert_eq!(path_segment("../x/y z"), "..%2Fx%2Fy%20z");
        assert_eq!(path_segment("é"), "%C3%A9");
    }

    proptest! {
        #[test]
        fn encoded_segments_hold_no_separator(s in "\\PC{0,30}") {
            let e = path_segment(&s);
            prop_assert!(!e.contains(['/', '?', '#', ' ']));
        }

        #[test]
        fn accepted_api_bases_are_https_or_loopback_and_reparse_to_themselves(s in "\\PC{0,60}") {
            if let Ok(api) = ApiBase::parse(&s) {
                let text = api.to_string();
                prop_assert!(text.starts_with("https://") || text.starts_with("http://"));
                prop_assert!(!text.ends_with('/'));
                prop_assert!(!text.contains(['@', '?', '#', ' ']));
                prop_assert_eq!(ApiBase::parse(&text), Ok(api));
            }
        }

        #[test]
        fn any_server_at_its_root_is_pointed_to_its_api_v3(host in "[a-z][a-z0-9]{0,10}(\\.[a-z][a-z0-9]{0,10}){1,3}") {
            prop_assume!(!host.starts_with("api.") && !host.ends_with("ghe.com") && !host.ends_with("localhost") && !GITHUB_HOSTS.contains(&host.as_str()));
            let advice = api_advice(&format!("https://{host}/"));
            prop_assert_eq!(advice.clone(), Some(ApiAdvice::MissingApiV3(ApiBase::parse(&format!("https://{host}/api/v3")).unwrap())));
            let meant = ApiBase::parse(&suggested(&advice.unwrap())).unwrap();
            prop_assert_eq!(meant.web_base().map(|w| w.0), Some(format!("https://{host}")));
        }

        #[test]
        fn any_spelling_of_github_com_at_its_root_is_its_api(
            scheme in prop::sample::select(vec!["", "https://", "http://", "HTTPS://", "Http://"]),
            host in prop::sample::select(vec!["github.com", "www.github.com", "api.github.com"]),
            upper in prop::collection::vec(any::<bool>(), 14),
            slashes in 0usize..3,
        ) {
            let host: String = host.chars().zip(upper.iter().cycle()).map(|(c, &u)| if u { c.to_ascii_uppercase() } else { c }).collect();
            let input = format!("{scheme}{host}{}", "/".repeat(slashes));
            prop_assert!(ApiBase::parse(&input).is_ok_and(|a| a.is_default()), "{}", input);
        }

        #[test]
        fn any_https_host_with_api_v3_derives_its_own_origin(host in "[a-z][a-z0-9]{0,10}(\\.[a-z][a-z0-9]{0,10}){0,3}") {
            let api = ApiBase::parse(&format!("https://{host}/api/v3")).unwrap();
            prop_assert_eq!(api.web_base().map(|w| w.0), Some(format!("https://{host}")));
        }
    }

    #[test]
    fn only_urls_under_the_api_base_are_relative_to_it() {
        let api = ApiBase::parse("https://ghes.example.com/api/v3").unwrap();
        assert_eq!(
            api.relative("https://ghes.example.com/api/v3/organizations/1/actions/runner-groups?page=2"),
            Some("/organizations/1/actions/runner-groups?page=2")
        );
        assert_eq!(api.relative("https://ghes.example.com/api/v30/x"), None);
        assert_eq!(api.relative("https://ghes.example.com.evil.com/api/v3/x"), None);
        assert_eq!(api.relative("https://evil.com/https://ghes.example.com/api/v3/x"), None);
        let dotcom = ApiBase::parse("https://api.github.com").unwrap();
        assert_eq!(
            dotcom.relative("https://api.github.com/organizations/9/actions/runner-groups?page=2"),
            Some("/organizations/9/actions/runner-groups?page=2")
        );
        assert_eq!(dotcom.relative("https://api.github.com.evil.com/x"), None);
    }

    #[test]
    fn plain_http_pages_are_insecure_except_on_this_machine() {
        assert!(is_insecure_page("http:", "runner-token.example.com"));
        assert!(is_insecure_page("HTTP:", "10.0.0.5"));
        assert!(!is_insecure_page("http:", "127.0.0.1"));
        assert!(!is_insecure_page("http:", "localhost"));
        assert!(!is_insecure_page("https:", "runner-token.example.com"));
    }

    #[test]
    fn loopback_http_urls() {
        assert!(is_loopback_http("http://127.0.0.1:8787/r.tar.gz"));
        assert!(is_loopback_http("http://localhost/r"));
        assert!(!is_loopback_http("http://example.com/r"));
        assert!(!is_loopback_http("http://127.0.0.1@evil.com/r"));
        assert!(!is_loopback_http("https://127.0.0.1/r"));
    }
}
