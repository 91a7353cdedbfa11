//! What the mock answers, by organization name. Every body and header below is GitHub's own.

use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};

/// Request headers GitHub's CORS preflight allows, verbatim.
pub const ALLOWED_HEADERS: &str = "Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, GraphQL-Features, X-Github-Next-Global-ID, X-GitHub-Api-Version, X-Fetch-Nonce";
/// The same list as an older Enterprise Server might send it: without X-GitHub-Api-Version.
pub const ALLOWED_HEADERS_OLD_GHES: &str = "Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent";
/// Response headers a browser may read, verbatim.
pub const EXPOSED_HEADERS: &str = "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset";

/// Organizations with a special answer. Any other valid name gets a token.
pub mod org {
    /// 201 with repository_selection, repositories, permissions and single_file.
    pub const SCOPED: &str = "scoped-org";
    /// 201 with a token that expires 4 seconds later.
    pub const EXPIRING: &str = "expiring-org";
    pub const SSO: &str = "sso-org";
    pub const NO_CLASSIC: &str = "no-classic-org";
    pub const LIFETIME: &str = "lifetime-org";
    pub const MISSING_PERMISSION: &str = "scope-org";
    pub const NOT_ADMIN: &str = "member-org";
    pub const RATE_LIMITED: &str = "rate-limited-org";
    pub const SECONDARY_LIMIT: &str = "secondary-org";
    pub const TOO_MANY: &str = "throttled-org";
    pub const MISSING: &str = "missing-org";
    pub const SERVER_ERROR: &str = "broken-org";
    pub const BAD_GATEWAY: &str = "gateway-org";
    pub const NOT_JSON: &str = "html-org";
    pub const NO_TOKEN: &str = "no-token-org";
    pub const EMPTY_BODY: &str = "empty-org";
    pub const BAD_EXPIRY: &str = "bad-expiry-org";
    /// Never answers; the client must give up.
    pub const HANG: &str = "hang-org";
    /// 502 on the first request, a token on the next.
    pub const FLAKY: &str = "flaky-org";
    /// A registration or remove token is minted, and the answer lost on the way back.
    pub const LOST_ANSWER: &str = "lost-answer-org";
    /// An organization on the older Enterprise Server (`MockGithub::old_ghes_url`), whose
    /// preflight refuses X-GitHub-Api-Version.
    pub const OLD_GHES: &str = "old-ghes-org";
    pub const REDIRECT: &str = "redirect-org";
    /// 201 headers at once, then the body one byte a second, forever: only a timeout that
    /// covers the body ends it.
    pub const DRIP: &str = "drip-org";
    /// A 201 whose body is 10 MB.
    pub const HUGE: &str = "huge-org";
    /// A 201 whose JSON stops mid-string.
    pub const TRUNCATED: &str = "truncated-org";
    /// A 201 with `"token": null`.
    pub const NULL_TOKEN: &str = "null-token-org";
    /// A 201 whose token holds markup, quotes and shell syntax no real token has.
    pub const ODD_TOKEN: &str = "odd-token-org";
    /// `expires_at` with a +05:45 offset (Nepal), an hour ahead.
    pub const OFFSET_0545: &str = "nepal-org";
    /// `expires_at` in `Z` form without a fraction, an hour ahead.
    pub const ZULU: &str = "zulu-org";
    /// `expires_at` long past: the token arrives expired.
    pub const PAST: &str = "past-org";
    /// `expires_at` centuries ahead.
    pub const FUTURE: &str = "future-org";
    /// 502 on every request.
    pub const DOWN: &str = "down-org";
    /// A downloads answer without `sha256_checksum` (optional in GitHub's schema).
    pub const NO_CHECKSUM: &str = "no-checksum-org";
    /// A token as usual, but the downloads call is refused (403).
    pub const DOWNLOADS_DENIED: &str = "no-downloads-org";
    /// A token as usual, but the runner-groups call is refused (403).
    pub const GROUPS_DENIED: &str = "no-groups-org";
    /// 205 runner groups: three pages of 100, linked by `Link: rel="next"`.
    pub const MANY_GROUPS: &str = "many-groups-org";
    /// A `Link: rel="next"` that points away from the API base; the client must not follow it.
    pub const LINK_ESCAPE: &str = "link-escape-org";
    /// Downloads that carry a `temp_download_token` (servers that serve packages themselves).
    pub const PRIVATE_DOWNLOADS: &str = "private-downloads-org";
    /// Runner groups answered 4 s late: well after the runner list.
    pub const SLOW_GROUPS: &str = "slow-groups-org";
    /// A token whose repository selection lists 1,000 repositories (for the benchmark).
    pub const THOUSAND_REPOS: &str = "thousand-repos-org";
    /// Has a fourth runner group of GitHub-hosted runners ([`HOSTED_GROUP`](super::HOSTED_GROUP)):
    /// a just-in-time runner asked for in it is refused with a 403.
    pub const HOSTED_RUNNERS: &str = "hosted-runners-org";
    /// Runner groups of every kind, kept as state (`groups.rs`): Default (public repositories
    /// allowed), Linux builders (two selected repositories), Release runners (private
    /// repositories, two workflows) and Enterprise pool (inherited); 130 repositories. As an
    /// enterprise slug: Default and Shared builders (three organizations).
    pub const GROUPS: &str = "groups-org";
    /// Runner groups for the Troubleshoot tab (`crate::troubleshoot`): one closed to
    /// [`WAITING_REPO`], one without public repositories, one restricted to a workflow.
    pub const WAITING_ORG: &str = "waiting-org";
    /// A public repository with a queued job for each reason a job waits (`crate::troubleshoot`).
    pub const WAITING_REPO: &str = "waiting-repo";
    /// A repository with no queued job.
    pub const QUIET_REPO: &str = "quiet-repo";
}

/// The GitHub-hosted runner group of [`org::HOSTED_RUNNERS`]: self-hosted runners cannot join it.
pub const HOSTED_GROUP: &str = "GitHub-hosted larger runners";

/// Just-in-time runner names with a special answer.
pub mod runner {
    /// 409: a runner with this name exists already.
    pub const TAKEN: &str = "taken-runner";
    /// Registered, and the answer (with its configuration) lost on the way back.
    pub const LOST_REGISTERED: &str = "lost-after-registering";
    /// The answer lost and nothing registered: as if the request died on the way in.
    pub const LOST_UNREGISTERED: &str = "lost-before-registering";
}

/// The `temp_download_token` of [`org::PRIVATE_DOWNLOADS`]'s packages.
pub const DOWNLOAD_TOKEN: &str = "TDT.e2e-DownloadToken_0123456789";

/// What a just-in-time runner's `encoded_jit_config` is: base64, as GitHub's.
pub const JIT_CONFIG: &str = "eyJydW5uZXIiOiJqaXQiLCJ0b2tlbiI6IkFBQkYzSkdaIn0+/Zm9vYmFy==";

/// The id the mock gives every new just-in-time runner.
pub const JIT_RUNNER_ID: u64 = 4242;

/// The runner release the mock's downloads answer describes.
pub const RUNNER_VERSION: &str = "2.336.0";

/// The seven packages GitHub ships: (os, architecture, extension).
pub const PACKAGES: [(&str, &str, &str); 7] = [
    ("osx", "x64", "tar.gz"),
    ("osx", "arm64", "tar.gz"),
    ("linux", "x64", "tar.gz"),
    ("linux", "arm", "tar.gz"),
    ("linux", "arm64", "tar.gz"),
    ("win", "x64", "zip"),
    ("win", "arm64", "zip"),
];

/// The file name GitHub gives a package.
pub fn package_filename(os: &str, arch: &str) -> String {
    let ext = PACKAGES
        .iter()
        .find(|p| p.0 == os && p.1 == arch)
        .map_or("tar.gz", |p| p.2);
    format!("actions-runner-{os}-{arch}-{RUNNER_VERSION}.{ext}")
}

/// Where GitHub serves a package.
pub fn package_url(os: &str, arch: &str) -> String {
    format!(
        "https://github.com/actions/runner/releases/download/v{RUNNER_VERSION}/{}",
        package_filename(os, arch)
    )
}

/// A checksum per package, distinct for each, so a test can tell them apart.
pub fn package_sha256(os: &str, arch: &str) -> String {
    let index = PACKAGES.iter().position(|p| p.0 == os && p.1 == arch).unwrap_or(99);
    format!("{:x}{:0>60}", 0xa1c0 + index, index)
}

/// What `GET /orgs/{org}/actions/runners/downloads` answers.
pub fn downloads(org_name: &str, token: Option<&str>) -> Reply {
    if let Some(refusal) = refusal(org_name, token, org::DOWNLOADS_DENIED) {
        return refusal;
    }
    let list: Vec<Value> = PACKAGES
        .iter()
        .map(|(os, arch, _)| {
            let mut package = json!({
                "os": os, "architecture": arch, "download_url": package_url(os, arch),
                "filename": package_filename(os, arch), "sha256_checksum": package_sha256(os, arch),
            });
            if org_name == org::NO_CHECKSUM {
                package.as_object_mut().map(|p| p.remove("sha256_checksum"));
            }
            if org_name == org::PRIVATE_DOWNLOADS {
                package["temp_download_token"] = json!(DOWNLOAD_TOKEN);
            }
            package
        })
        .collect();
    Reply::json(200, Value::Array(list))
}

/// The runner groups an organization has: `Default` first, then named ones.
pub fn runner_group_names(org_name: &str) -> Vec<String> {
    let mut names = vec!["Default".to_string()];
    if org_name == org::MANY_GROUPS {
        names.extend((2..=205).map(|i| format!("group-{i:03}")));
    } else {
        names.extend(["Linux builders", "Release runners"].map(String::from));
    }
    if org_name == org::HOSTED_RUNNERS {
        names.push(HOSTED_GROUP.to_string());
    }
    names
}

/// What `GET {scope}/actions/runner-groups?per_page=N&page=P` answers, for the scope's
/// `groups` (every one, as `groups.rs` keeps them). `list_url` is where GitHub's `Link` header
/// points for other pages (by organization id, or enterprise slug).
pub fn runner_groups(
    org_name: &str,
    token: Option<&str>,
    per_page: usize,
    page: usize,
    list_url: &str,
    all: Vec<Value>,
) -> Reply {
    if let Some(refusal) = refusal(org_name, token, org::GROUPS_DENIED) {
        return refusal;
    }
    let per_page = per_page.clamp(1, 100);
    let pages = all.len().div_ceil(per_page);
    let total = all.len();
    let groups: Vec<Value> = all
        .into_iter()
        .skip((page.max(1) - 1) * per_page)
        .take(per_page)
        .collect();
    let reply = Reply::json(200, json!({ "total_count": total, "runner_groups": groups }));
    let id = org_id(org_name);
    let link = |p: usize| format!("<{list_url}?per_page={per_page}&page={p}>");
    let mut rels = Vec::new();
    if org_name == org::LINK_ESCAPE {
        rels.push(format!(
            "<https://attacker.invalid/organizations/{id}/actions/runner-groups?page=2>; rel=\"next\""
        ));
    } else if page < pages {
        rels.push(format!("{}; rel=\"next\"", link(page + 1)));
        rels.push(format!("{}; rel=\"last\"", link(pages)));
    }
    if page > 1 {
        rels.push(format!("{}; rel=\"prev\"", link(page - 1)));
        rels.push(format!("{}; rel=\"first\"", link(1)));
    }
    if rels.is_empty() {
        reply
    } else {
        reply.header("Link", rels.join(", "))
    }
}

/// The refusal every group request of `org_name` gets before its own answer, if any: no
/// token, a revoked one, or [`org::GROUPS_DENIED`]'s 403.
pub fn groups_refusal(org_name: &str, token: Option<&str>) -> Option<Reply> {
    refusal(org_name, token, org::GROUPS_DENIED)
}

/// An organization's numeric id, as GitHub's `Link` headers use it (they link by id, not login).
pub fn org_id(org_name: &str) -> u64 {
    org_name.bytes().fold(7u64, |h, b| (h * 31 + u64::from(b)) % 9_000_000) + 1_000_000
}

fn refusal(org_name: &str, token: Option<&str>, denied_org: &str) -> Option<Reply> {
    let Some(token) = token else {
        return Some(error(401, "Requires authentication", "https://docs.github.com/rest"));
    };
    if token.ends_with(REVOKED_SUFFIX) {
        return Some(error(401, "Bad credentials", "https://docs.github.com/rest"));
    }
    (org_name == denied_org).then(|| {
        error(
            403,
            "Resource not accessible by personal access token",
            "https://docs.github.com/rest/actions/self-hosted-runners",
        )
    })
}

/// A token the mock treats as revoked: anything ending in `_revoked`.
pub const REVOKED_SUFFIX: &str = "_revoked";

/// One answer: status, extra headers, body (already serialised).
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The server acts on the request, then the answer is lost on the way back.
    pub lost: bool,
}

impl Reply {
    fn json(status: u16, body: Value) -> Self {
        Self::json_text(status, body.to_string())
    }

    pub fn json_text(status: u16, body: String) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".into(), "application/json; charset=utf-8".into())],
            body,
            lost: false,
        }
    }

    /// The empty success of a DELETE or PUT.
    pub fn no_content() -> Self {
        Self {
            status: 204,
            headers: Vec::new(),
            body: String::new(),
            lost: false,
        }
    }

    /// This answer, lost on the way back after the server acted on the request.
    pub fn lost(self) -> Self {
        Self { lost: true, ..self }
    }

    fn text(status: u16, content_type: &str, body: &str) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            lost: false,
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

pub fn error(status: u16, message: &str, docs: &str) -> Reply {
    Reply::json(
        status,
        json!({ "message": message, "documentation_url": docs, "status": status.to_string() }),
    )
}

const DOCS: &str =
    "https://docs.github.com/rest/actions/self-hosted-runners#create-a-registration-token-for-an-organization";
pub const RUNNERS_DOCS: &str = "https://docs.github.com/rest/actions/self-hosted-runners";

/// GitHub's primary rate-limit refusal, resetting `reset_in` seconds from now.
pub fn rate_limited(reset_in: i64) -> Reply {
    let reset = OffsetDateTime::now_utc().unix_timestamp() + reset_in;
    error(
        403,
        "API rate limit exceeded for user ID 583231.",
        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
    )
    .header("X-RateLimit-Limit", "5000")
    .header("X-RateLimit-Remaining", "0")
    .header("X-RateLimit-Used", "5000")
    .header("X-RateLimit-Resource", "core")
    .header("X-RateLimit-Reset", reset.to_string())
}

/// A registration token as GitHub writes it: 29 upper-case letters and digits.
pub const TOKEN: &str = "AABF3JGZDX3P5PMEXLND6TS6FCWO6";

/// What [`org::ODD_TOKEN`] answers as its token.
pub const ODD_TOKEN: &str = "<img src=x onerror=alert(1)>'\"; $(touch /tmp/runner-token-pwned) `id` &amp; \u{202e}";

/// Size of [`org::HUGE`]'s body.
pub const HUGE_BODY: usize = 10 * 1024 * 1024;

/// `expires_at` as GitHub writes it: with a UTC offset (here -08:00) and milliseconds.
pub fn expires_at(from_now: Duration) -> String {
    let at = (OffsetDateTime::now_utc() + from_now).to_offset(time::macros::offset!(-8));
    at.format(time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]-08:00"
    ))
    .expect("a fixed format always formats")
}

/// The URL templates of a repository object, under its API URL.
const REPOSITORY_URLS: [(&str, &str); 36] = [
    ("archive_url", "/{archive_format}{/ref}"),
    ("assignees_url", "/assignees{/user}"),
    ("blobs_url", "/git/blobs{/sha}"),
    ("branches_url", "/branches{/branch}"),
    ("collaborators_url", "/collaborators{/collaborator}"),
    ("comments_url", "/comments{/number}"),
    ("commits_url", "/commits{/sha}"),
    ("compare_url", "/compare/{base}...{head}"),
    ("contents_url", "/contents/{+path}"),
    ("contributors_url", "/contributors"),
    ("deployments_url", "/deployments"),
    ("downloads_url", "/downloads"),
    ("events_url", "/events"),
    ("forks_url", "/forks"),
    ("git_commits_url", "/git/commits{/sha}"),
    ("git_refs_url", "/git/refs{/sha}"),
    ("git_tags_url", "/git/tags{/sha}"),
    ("hooks_url", "/hooks"),
    ("issue_comment_url", "/issues/comments{/number}"),
    ("issue_events_url", "/issues/events{/number}"),
    ("issues_url", "/issues{/number}"),
    ("keys_url", "/keys{/key_id}"),
    ("labels_url", "/labels{/name}"),
    ("languages_url", "/languages"),
    ("merges_url", "/merges"),
    ("milestones_url", "/milestones{/number}"),
    ("notifications_url", "/notifications{?since,all,participating}"),
    ("pulls_url", "/pulls{/number}"),
    ("releases_url", "/releases{/id}"),
    ("stargazers_url", "/stargazers"),
    ("statuses_url", "/statuses/{sha}"),
    ("subscribers_url", "/subscribers"),
    ("subscription_url", "/subscription"),
    ("tags_url", "/tags"),
    ("teams_url", "/teams"),
    ("trees_url", "/git/trees{/sha}"),
];

/// A repository as GitHub's `repository` schema has it: every required field, as in GitHub's
/// own example (the page reads `full_name`, `html_url` and `private`).
pub fn repository(owner: &str, name: &str, id: u64, private: bool) -> Value {
    let api = format!("https://api.github.com/repos/{owner}/{name}");
    let web = format!("https://github.com/{owner}/{name}");
    let mut repo = json!({
        "id": id, "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5", "name": name, "full_name": format!("{owner}/{name}"),
        "owner": user(owner, "Organization"), "private": private, "html_url": web, "description": null,
        "fork": false, "url": api, "git_url": format!("git:github.com/{owner}/{name}.git"),
        "ssh_url": format!("git@github.com:{owner}/{name}.git"), "clone_url": format!("{web}.git"),
        "svn_url": web, "mirror_url": null, "homepage": null, "language": null,
        "forks_count": 0, "forks": 0, "stargazers_count": 0, "watchers_count": 0, "watchers": 0, "size": 108,
        "default_branch": "main", "open_issues_count": 0, "open_issues": 0,
        "has_issues": true, "has_projects": true, "has_wiki": true, "has_pages": false, "has_downloads": true,
        "archived": false, "disabled": false, "license": null,
        "pushed_at": "2026-11-20T18:06:43Z", "created_at": "2011-01-26T19:01:12Z", "updated_at": "2026-11-20T18:14:10Z",
    });
    for (field, tail) in REPOSITORY_URLS {
        repo[field] = json!(format!("{api}{tail}"));
    }
    repo
}

/// An account as GitHub's `simple-user` schema has it.
pub fn user(login: &str, kind: &str) -> Value {
    let api = format!("https://api.github.com/users/{login}");
    json!({
        "login": login, "id": 583231, "node_id": "MDEyOk9yZ2FuaXphdGlvbjU4MzIzMQ==",
        "avatar_url": "https://avatars.githubusercontent.com/u/583231?v=4", "gravatar_id": "",
        "url": api, "html_url": format!("https://github.com/{login}"), "followers_url": format!("{api}/followers"),
        "following_url": format!("{api}/following{{/other_user}}"), "gists_url": format!("{api}/gists{{/gist_id}}"),
        "starred_url": format!("{api}/starred{{/owner}}{{/repo}}"), "subscriptions_url": format!("{api}/subscriptions"),
        "organizations_url": format!("{api}/orgs"), "repos_url": format!("{api}/repos"),
        "events_url": format!("{api}/events{{/privacy}}"), "received_events_url": format!("{api}/received_events"),
        "type": kind, "site_admin": false,
    })
}

fn minted(from_now: Duration) -> Reply {
    Reply::json(201, json!({ "token": TOKEN, "expires_at": expires_at(from_now) }))
}

/// What `POST /orgs/{org}/actions/runners/registration-token` answers. `token` is the bearer
/// token sent; `attempt` counts this org's earlier requests to this mock (0 for the first).
pub fn registration(org_name: &str, token: Option<&str>, attempt: usize) -> Reply {
    let Some(token) = token else {
        return error(401, "Requires authentication", "https://docs.github.com/rest");
    };
    if token.ends_with(REVOKED_SUFFIX) {
        return error(401, "Bad credentials", "https://docs.github.com/rest");
    }
    let now = OffsetDateTime::now_utc().unix_timestamp();
    match org_name {
        org::SCOPED => Reply::json(201, json!({
            "token": TOKEN,
            "expires_at": expires_at(Duration::hours(1)),
            "repository_selection": "selected",
            "permissions": { "organization_self_hosted_runners": "write", "metadata": "read" },
            "single_file": "runner.yml",
            "repositories": [
                repository(org_name, "hello-world", 1296269, false),
                repository(org_name, "secret-sauce", 1296270, true),
            ],
        })),
        org::THOUSAND_REPOS => {
            let repositories: Vec<Value> = (1..=1000)
                .map(|i| json!({ "id": i, "name": format!("repo-{i:04}"), "full_name": format!("{org_name}/repo-{i:04}"), "private": i % 3 == 0,
                                 "html_url": format!("https://github.com/{org_name}/repo-{i:04}"), "owner": { "login": org_name } }))
                .collect();
            Reply::json(201, json!({ "token": TOKEN, "expires_at": expires_at(Duration::hours(1)), "repository_selection": "selected", "repositories": repositories }))
        }
        org::EXPIRING => minted(Duration::seconds(4)),
        org::LOST_ANSWER => minted(Duration::hours(1)).lost(),
        org::SSO => error(403, "Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.", "https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/")
            .header("X-GitHub-SSO", format!("required; url=https://github.com/orgs/{org_name}/sso?authorization_request=AZ1SAML0TOKEN")),
        org::NO_CLASSIC => error(403, &format!("`{org_name}` forbids access via a personal access tokens (classic). Please use a GitHub App, OAuth App, or a personal access token with fine-grained permissions."), DOCS),
        org::LIFETIME => error(403, &format!("The `{org_name}` organization forbids access via a fine-grained personal access tokens if the token's lifetime is greater than 366 days. Please adjust your token's lifetime at the following URL: https://github.com/settings/personal-access-tokens/1234"), DOCS),
        org::MISSING_PERMISSION => {
            let integration = token.starts_with("ghs_") || token.starts_with("ghu_");
            let by = if integration { "integration" } else { "personal access token" };
            let reply = error(403, &format!("Resource not accessible by {by}"), DOCS)
                .header("X-Accepted-GitHub-Permissions", "organization_self_hosted_runners=write");
            if token.starts_with("ghp_") || token.starts_with("gho_") {
                reply.header("X-OAuth-Scopes", "read:org, repo").header("X-Accepted-OAuth-Scopes", "admin:org")
            } else {
                reply
            }
        }
        org::NOT_ADMIN => error(403, "Must have admin rights to Repository.", DOCS),
        org::RATE_LIMITED => error(403, "API rate limit exceeded for user ID 583231. If you reach out to GitHub Support for help, please include the request ID MOCK:1 and timestamp 2026-11-21 12:00:00 UTC.", "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api")
            .header("X-RateLimit-Limit", "5000").header("X-RateLimit-Remaining", "0").header("X-RateLimit-Used", "5000")
            .header("X-RateLimit-Resource", "core").header("X-RateLimit-Reset", (now + 1800).to_string()),
        org::SECONDARY_LIMIT => error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID MOCK:2.", "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")
            .header("Retry-After", "60").header("X-RateLimit-Remaining", "4990"),
        org::TOO_MANY => error(429, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")
            .header("Retry-After", "30"),
        org::MISSING => error(404, "Not Found", DOCS),
        org::SERVER_ERROR => Reply::text(500, "text/html; charset=utf-8",
            "<html><body><h1>500 Internal Server Error</h1><pre>NoMethodError: undefined method `runners' for nil:NilClass\n  app/controllers/api/actions_controller.rb:42</pre></body></html>"),
        org::BAD_GATEWAY => Reply::text(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>"),
        org::FLAKY if attempt == 0 => Reply::text(502, "text/html", "<html><body>Bad Gateway</body></html>"),
        org::NOT_JSON => Reply::text(201, "text/html", "<!DOCTYPE html><html><body>Sign in to your proxy</body></html>"),
        org::NO_TOKEN => Reply::json(201, json!({ "expires_at": expires_at(Duration::hours(1)) })),
        org::EMPTY_BODY => Reply::text(201, "application/json", ""),
        org::BAD_EXPIRY => Reply::json(201, json!({ "token": TOKEN, "expires_at": 1_700_000_000 })),
        org::REDIRECT => Reply::text(302, "text/html", "").header("Location", "https://example.invalid/login"),
        org::HUGE => {
            let head = format!(r#"{{"token":"{TOKEN}","expires_at":"{}","padding":""#, expires_at(Duration::hours(1)));
            let mut body = head + &"x".repeat(HUGE_BODY);
            body.push_str("\"}");
            Reply::text(201, "application/json; charset=utf-8", &body)
        }
        org::TRUNCATED => Reply::text(201, "application/json; charset=utf-8", r#"{"token":"AABF3JGZDX3P5PM"#),
        org::NULL_TOKEN => Reply::json(201, json!({ "token": null, "expires_at": expires_at(Duration::hours(1)) })),
        org::ODD_TOKEN => Reply::json(201, json!({ "token": ODD_TOKEN, "expires_at": expires_at(Duration::hours(1)) })),
        org::OFFSET_0545 => {
            let at = (OffsetDateTime::now_utc() + Duration::hours(1)).to_offset(time::macros::offset!(+5:45));
            let text = at.format(time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]+05:45")).unwrap_or_default();
            Reply::json(201, json!({ "token": TOKEN, "expires_at": text }))
        }
        org::ZULU => {
            let at = OffsetDateTime::now_utc() + Duration::hours(1);
            let text = at.format(time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z")).unwrap_or_default();
            Reply::json(201, json!({ "token": TOKEN, "expires_at": text }))
        }
        org::PAST => Reply::json(201, json!({ "token": TOKEN, "expires_at": "2001-01-01T00:00:00Z" })),
        org::FUTURE => Reply::json(201, json!({ "token": TOKEN, "expires_at": "2999-12-31T23:59:59.999+14:00" })),
        org::DOWN => Reply::text(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>"),
        _ => minted(Duration::hours(1)),
    }
}

/// What `POST {scope}/actions/runners/generate-jitconfig` answers for `body`: the scope's own
/// refusals first (as for registration tokens), then GitHub's checks of the body.
pub fn jit(scope: &crate::MockScope, token: Option<&str>, body: &str, fleet: &mut crate::fleet::Fleet) -> Reply {
    let refusal = registration(&scope.key, token, 1);
    if refusal.status != 201 {
        return refusal;
    }
    let docs = "https://docs.github.com/rest/actions/self-hosted-runners#create-configuration-for-a-just-in-time-runner-for-an-organization";
    let Ok(request) = serde_json::from_str::<Value>(body) else {
        return error(400, "Problems parsing JSON", docs);
    };
    let name = request["name"].as_str().unwrap_or_default();
    let labels: Vec<&str> = request["labels"]
        .as_array()
        .map(|l| l.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(group) = request["runner_group_id"].as_u64() else {
        return error(422, "Invalid request.\n\n\"runner_group_id\" wasn't supplied.", docs);
    };
    if name.is_empty() {
        return error(422, "Invalid request.\n\n\"name\" wasn't supplied.", docs);
    }
    if labels.is_empty() || labels.len() > 100 {
        return error(
            422,
            "Invalid request.\n\nFor 'properties/labels', nil is not an array of 1 to 100 items.",
            docs,
        );
    }
    let groups = if scope.kind == crate::ScopeKind::Repository {
        1
    } else {
        runner_group_names(&scope.key).len() as u64
    };
    if group == 0 || group > groups {
        return error(404, "Not Found", docs);
    }
    if runner_group_names(&scope.key)
        .get(group as usize - 1)
        .is_some_and(|g| g == HOSTED_GROUP)
        && scope.kind != crate::ScopeKind::Repository
    {
        // GitHub's documentation says only "403 Forbidden" for a group the token cannot use.
        return error(403, "Forbidden", docs);
    }
    if name == runner::LOST_UNREGISTERED {
        return minted(Duration::hours(1)).lost();
    }
    if name == runner::TAKEN || fleet.runners.iter().any(|r| r.name == name) {
        return error(
            409,
            &format!("Already exists - A runner with the name {name} already exists."),
            docs,
        );
    }
    let mut created = fleet.add_jit(name, group, labels.iter().map(|l| l.to_string()).collect());
    // The first runner a scope gets has a fixed id, for tests to name.
    if !fleet.runners.iter().any(|r| r.id == JIT_RUNNER_ID) {
        if let Some(last) = fleet.runners.last_mut() {
            last.id = JIT_RUNNER_ID;
        }
        created.id = JIT_RUNNER_ID;
    }
    let labels: Vec<Value> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| json!({ "id": i + 1, "name": l, "type": if i < 3 { "read-only" } else { "custom" } }))
        .collect();
    let reply = Reply::json(
        201,
        json!({
            "runner": {
                "id": created.id, "name": name, "os": "unknown", "status": "offline", "busy": false,
                "runner_group_id": group, "labels": labels,
            },
            "encoded_jit_config": JIT_CONFIG,
        }),
    );
    if name == runner::LOST_REGISTERED {
        reply.lost()
    } else {
        reply
    }
}

/// `GET /`: the API root, GitHub's map of URL templates (every name GitHub's schema requires).
pub fn root(base: &str) -> Reply {
    let body = json!({
        "current_user_url": format!("{base}/user"),
        "current_user_authorizations_html_url": format!("{base}/settings/connections/applications{{/client_id}}"),
        "authorizations_url": format!("{base}/authorizations"),
        "code_search_url": format!("{base}/search/code?q={{query}}{{&page,per_page,sort,order}}"),
        "commit_search_url": format!("{base}/search/commits?q={{query}}{{&page,per_page,sort,order}}"),
        "emails_url": format!("{base}/user/emails"),
        "emojis_url": format!("{base}/emojis"),
        "events_url": format!("{base}/events"),
        "feeds_url": format!("{base}/feeds"),
        "followers_url": format!("{base}/user/followers"),
        "following_url": format!("{base}/user/following{{/target}}"),
        "gists_url": format!("{base}/gists{{/gist_id}}"),
        "hub_url": format!("{base}/hub"),
        "issue_search_url": format!("{base}/search/issues?q={{query}}{{&page,per_page,sort,order}}"),
        "issues_url": format!("{base}/issues"),
        "keys_url": format!("{base}/user/keys"),
        "label_search_url": format!("{base}/search/labels?q={{query}}&repository_id={{repository_id}}{{&page,per_page}}"),
        "notifications_url": format!("{base}/notifications"),
        "organization_url": format!("{base}/orgs/{{org}}"),
        "organization_repositories_url": format!("{base}/orgs/{{org}}/repos{{?type,page,per_page,sort}}"),
        "organization_teams_url": format!("{base}/orgs/{{org}}/teams"),
        "public_gists_url": format!("{base}/gists/public"),
        "rate_limit_url": format!("{base}/rate_limit"),
        "repository_url": format!("{base}/repos/{{owner}}/{{repo}}"),
        "repository_search_url": format!("{base}/search/repositories?q={{query}}{{&page,per_page,sort,order}}"),
        "current_user_repositories_url": format!("{base}/user/repos{{?type,page,per_page,sort}}"),
        "starred_url": format!("{base}/user/starred{{/owner}}{{/repo}}"),
        "starred_gists_url": format!("{base}/gists/starred"),
        "topic_search_url": format!("{base}/search/topics?q={{query}}{{&page,per_page}}"),
        "user_url": format!("{base}/users/{{user}}"),
        "user_organizations_url": format!("{base}/user/orgs"),
        "user_repositories_url": format!("{base}/users/{{user}}/repos{{?type,page,per_page,sort}}"),
        "user_search_url": format!("{base}/search/users?q={{query}}{{&page,per_page,sort,order}}"),
    });
    Reply::json(200, body)
}

/// The answer for any path the mock does not know.
/// `GET {scope}/actions/runners/deprecations/{version}`: a schedule for 2.320.0 (registration
/// stopped 1 Jun 2026, jobs stop 1 Mar 2027) and 2.300.0 (both past); 404 for other versions, as
/// servers without a schedule answer.
pub fn deprecation(version: &str, token: Option<&str>, key: &str) -> Reply {
    let refusal = registration(key, token, 1);
    if refusal.status != 201 {
        return refusal;
    }
    let (registration_at, runtime_at) = match version {
        "2.320.0" => ("2026-06-01T00:00:00Z", "2027-03-01T00:00:00Z"),
        "2.300.0" => ("2025-11-01T00:00:00Z", "2026-02-01T00:00:00Z"),
        _ => return not_found(),
    };
    Reply::json(
        200,
        json!({ "runner_version": version, "registration_deprecates_at": registration_at, "runtime_deprecates_at": runtime_at }),
    )
}

pub fn not_found() -> Reply {
    error(404, "Not Found", "https://docs.github.com/rest")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_are_distinct_hex_of_githubs_length() {
        let sums: std::collections::HashSet<_> = PACKAGES.iter().map(|(o, a, _)| package_sha256(o, a)).collect();
        assert_eq!(sums.len(), 7);
        assert!(sums
            .iter()
            .all(|s| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())));
    }

    #[test]
    fn runner_groups_paginate_like_github() {
        let first = runner_groups(
            org::MANY_GROUPS,
            Some("ghp_x"),
            100,
            1,
            "http://127.0.0.1:1/organizations/9/actions/runner-groups",
            crate::groups::GroupStore::new(org::MANY_GROUPS, false).list("http://127.0.0.1:1/x"),
        );
        let link = first
            .headers
            .iter()
            .find(|(k, _)| k == "Link")
            .map(|(_, v)| v.clone())
            .unwrap();
        assert!(
            link.contains("page=2>; rel=\"next\"") && link.contains("page=3>; rel=\"last\""),
            "{link}"
        );
        let last = runner_groups(
            org::MANY_GROUPS,
            Some("ghp_x"),
            100,
            3,
            "http://127.0.0.1:1/organizations/9/actions/runner-groups",
            crate::groups::GroupStore::new(org::MANY_GROUPS, false).list("http://127.0.0.1:1/x"),
        );
        let body: Value = serde_json::from_str(&last.body).unwrap();
        assert_eq!(body["runner_groups"].as_array().unwrap().len(), 5);
        assert!(!last
            .headers
            .iter()
            .any(|(k, v)| k == "Link" && v.contains("rel=\"next\"")));
    }

    #[test]
    fn expires_at_has_githubs_offset_form() {
        let s = expires_at(Duration::hours(1));
        assert_eq!(s.len(), "2020-01-22T12:13:35.123-08:00".len(), "{s}");
        assert!(s.ends_with("-08:00"));
    }
}
