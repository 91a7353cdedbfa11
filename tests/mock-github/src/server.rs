//! The HTTP side of the mock: routing, CORS, request recording, its own runtime.

use crate::fleet::Fleet;
use crate::groups::GroupStore;
use crate::loopback::Loopback;
use crate::scenario::{self, org, Reply};
use crate::security::{self, Setting, Settings};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::Frame;
use hyper::body::Incoming;
use hyper::{Method, Request, Response};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

/// One request as the mock received it (preflights included).
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// Path and query, as sent.
    pub path: String,
    /// Header names lower-cased, in arrival order.
    pub headers: Vec<(String, String)>,
    /// The request body as text (empty for GET and preflights).
    pub body: String,
    /// When it arrived.
    pub at: std::time::Instant,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct State {
    requests: Vec<Recorded>,
    attempts: HashMap<String, usize>,
    /// Organization ids handed out in `Link` headers, back to their names.
    org_ids: HashMap<u64, String>,
    /// Each scope's runners, by scope key, made on first use.
    fleets: HashMap<String, Fleet>,
    /// Each organization's and enterprise's runner groups, by kind and key, made on first use.
    groups: HashMap<(bool, String), GroupStore>,
    /// Runner groups opened to a repository (the Troubleshoot tab's Open group).
    opened_groups: crate::troubleshoot::Opened,
    /// Each scope's Actions settings, by kind and key, made on first use.
    settings: HashMap<(ScopeKind, String), Settings>,
}

/// Which scope a path names: `/repos/O/R`, `/orgs/O`, `/enterprises/E`. Scenarios are chosen
/// by `key`: the repository's name, the organization's login or the enterprise's slug.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MockScope {
    pub kind: ScopeKind,
    pub key: String,
    /// The scope's path as requested, e.g. `/orgs/octo-org` (for `Link` headers).
    pub path: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScopeKind {
    Repository,
    Organization,
    Enterprise,
}

/// What a request path asks for.
enum Endpoint {
    Registration(MockScope),
    Removal(MockScope),
    Jit(MockScope),
    Downloads(MockScope),
    RunnerGroups(MockScope),
    Runners(MockScope),
    Runner(MockScope, u64),
    /// `.../actions/runners/{id}/labels`, and `.../labels/{name}` (percent-decoded).
    Labels(MockScope, u64, Option<String>),
    /// `.../actions/runner-groups/{group}/runners/{id}`.
    GroupRunner(MockScope, u64, u64),
    /// `.../actions/runner-groups/{group}`.
    Group(MockScope, u64),
    /// `.../actions/runner-groups/{group}/runners`.
    GroupRunners(MockScope, u64),
    /// `.../actions/runner-groups/{group}/repositories` or `.../organizations`.
    GroupMembers(MockScope, u64),
    /// `/orgs/{org}/repos`.
    OrgRepos(MockScope),
    /// `/orgs/{org}`.
    Org(MockScope),
    /// `.../actions/runners/deprecations/{version}`.
    Deprecation(MockScope, String),
    /// `.../actions/permissions[/...]`: one of the Actions settings (`crate::security`).
    Setting(MockScope, Setting),
    /// `GET /`: the API's root.
    Root,
    Unknown,
}

impl Endpoint {
    fn of(route: &str, state: &Mutex<State>) -> Self {
        if route.is_empty() || route == "/" {
            return Self::Root;
        }
        let scoped = |kind: ScopeKind, key: &str, tail: &str| {
            let path = route
                .strip_suffix(tail)
                .unwrap_or(route)
                .trim_end_matches('/')
                .to_string();
            MockScope {
                kind,
                key: key.to_string(),
                path,
            }
        };
        let (scope, tail) = if let Some(rest) = route.strip_prefix("/orgs/") {
            let (org, tail) = rest.split_once('/').unwrap_or((rest, ""));
            (scoped(ScopeKind::Organization, org, tail), tail)
        } else if let Some(rest) = route.strip_prefix("/enterprises/") {
            let (slug, tail) = rest.split_once('/').unwrap_or((rest, ""));
            (scoped(ScopeKind::Enterprise, slug, tail), tail)
        } else if let Some(rest) = route.strip_prefix("/repos/") {
            let mut parts = rest.splitn(3, '/');
            let (_owner, name, tail) = (
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
            );
            (scoped(ScopeKind::Repository, name, tail), tail)
        } else {
            // Pages after the first come by organization id, as GitHub's Link headers give them.
            let by_id = route
                .strip_prefix("/organizations/")
                .and_then(|rest| rest.strip_suffix("/actions/runner-groups"))
                .and_then(|id| id.parse::<u64>().ok())
                .and_then(|id| state.lock().ok()?.org_ids.get(&id).cloned());
            return by_id.map_or(Self::Unknown, |org| {
                Self::RunnerGroups(MockScope {
                    kind: ScopeKind::Organization,
                    path: format!("/orgs/{org}"),
                    key: org,
                })
            });
        };
        match tail {
            "actions/runners/registration-token" => Self::Registration(scope),
            "actions/runners/remove-token" => Self::Removal(scope),
            "actions/runners/generate-jitconfig" => Self::Jit(scope),
            "actions/runners/downloads" => Self::Downloads(scope),
            "actions/runner-groups" if scope.kind != ScopeKind::Repository => Self::RunnerGroups(scope),
            "actions/runners" => Self::Runners(scope),
            "repos" if scope.kind == ScopeKind::Organization => Self::OrgRepos(scope),
            "" if scope.kind == ScopeKind::Organization => Self::Org(scope),
            other => {
                if let Some(setting) = Setting::of(other, scope.kind) {
                    return Self::Setting(scope, setting);
                }
                let parts: Vec<&str> = other.split('/').collect();
                match parts.as_slice() {
                    ["actions", "runners", "deprecations", version] => Self::Deprecation(scope, version.to_string()),
                    ["actions", "runners", id] => id.parse().map_or(Self::Unknown, |id| Self::Runner(scope, id)),
                    ["actions", "runners", id, "labels"] => {
                        id.parse().map_or(Self::Unknown, |id| Self::Labels(scope, id, None))
                    }
                    ["actions", "runners", id, "labels", name] => id.parse().map_or(Self::Unknown, |id| {
                        Self::Labels(scope, id, Some(crate::fleet::percent_decode(name)))
                    }),
                    ["actions", "runner-groups", group] if scope.kind != ScopeKind::Repository => {
                        group.parse().map_or(Self::Unknown, |g| Self::Group(scope, g))
                    }
                    ["actions", "runner-groups", group, "runners"] if scope.kind != ScopeKind::Repository => {
                        group.parse().map_or(Self::Unknown, |g| Self::GroupRunners(scope, g))
                    }
                    ["actions", "runner-groups", group, "repositories"] if scope.kind == ScopeKind::Organization => {
                        group.parse().map_or(Self::Unknown, |g| Self::GroupMembers(scope, g))
                    }
                    ["actions", "runner-groups", group, "organizations"] if scope.kind == ScopeKind::Enterprise => {
                        group.parse().map_or(Self::Unknown, |g| Self::GroupMembers(scope, g))
                    }
                    ["actions", "runner-groups", group, "runners", id] => match (group.parse(), id.parse()) {
                        (Ok(g), Ok(i)) => Self::GroupRunner(scope, g, i),
                        _ => Self::Unknown,
                    },
                    _ => Self::Unknown,
                }
            }
        }
    }
}

/// Where [`MockGithub::old_ghes_url`] serves.
const OLD_GHES_PREFIX: &str = "/old-ghes/api/v3";

/// A running mock. Dropping it stops the server and every connection it holds.
pub struct MockGithub {
    server: Loopback,
    state: Arc<Mutex<State>>,
}

impl MockGithub {
    /// Starts on a free loopback port.
    pub fn start() -> std::io::Result<Self> {
        Self::start_on(SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    pub fn start_on(addr: SocketAddr) -> std::io::Result<Self> {
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        let server = Loopback::start(addr, move |req| handle(req, shared.clone()))?;
        Ok(Self { server, state })
    }

    /// `http://127.0.0.1:PORT`, the github.com-style API base.
    pub fn url(&self) -> String {
        self.server.url()
    }

    /// `http://127.0.0.1:PORT/api/v3`, the Enterprise Server-style API base.
    pub fn ghes_url(&self) -> String {
        format!("{}/api/v3", self.url())
    }

    /// An older Enterprise Server's API base: its CORS preflight refuses `X-GitHub-Api-Version`
    /// for every path, as such a server would.
    pub fn old_ghes_url(&self) -> String {
        format!("{}{OLD_GHES_PREFIX}", self.url())
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.state.lock().map(|s| s.requests.clone()).unwrap_or_default()
    }

    /// Requests other than CORS preflights.
    pub fn api_requests(&self) -> Vec<Recorded> {
        self.requests().into_iter().filter(|r| r.method != "OPTIONS").collect()
    }

    /// The POSTs that ask for a registration token.
    pub fn token_requests(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/actions/runners/registration-token"))
            .collect()
    }

    /// The POSTs that ask for a remove token.
    pub fn remove_requests(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/actions/runners/remove-token"))
            .collect()
    }

    /// The POSTs that create a just-in-time runner.
    pub fn jit_requests(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/actions/runners/generate-jitconfig"))
            .collect()
    }

    /// The GETs of the runner list (every page, every poll).
    pub fn runner_list_requests(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == "GET" && r.path.contains("/actions/runners?"))
            .collect()
    }

    /// The DELETEs of runners.
    pub fn delete_requests(&self) -> Vec<Recorded> {
        self.requests().into_iter().filter(|r| r.method == "DELETE").collect()
    }

    /// The writes to runner groups (POST, PATCH, PUT, DELETE under `.../runner-groups`), in order.
    pub fn group_writes(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| !matches!(r.method.as_str(), "GET" | "OPTIONS") && r.path.contains("/actions/runner-groups"))
            .collect()
    }

    /// The writes to Actions settings (PUTs under `.../actions/permissions`), in order.
    pub fn setting_writes(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == "PUT" && r.path.contains("/actions/permissions"))
            .collect()
    }

    /// The PUTs that open a runner group to a repository.
    pub fn open_group_requests(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| {
                r.method == "PUT" && r.path.contains("/actions/runner-groups/") && r.path.contains("/repositories/")
            })
            .collect()
    }

    /// The GETs of runner groups, every page.
    pub fn group_requests(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == "GET" && r.path.contains("/actions/runner-groups"))
            .collect()
    }
}

/// A body that can fail midway: how the mock loses an answer ([`Reply::lost`]).
type Body = http_body_util::combinators::BoxBody<Bytes, std::io::Error>;

fn full(body: impl Into<Bytes>) -> Body {
    Full::new(body.into()).map_err(|never| match never {}).boxed()
}

/// Answers one request. `Err` breaks the connection without a byte of answer (a lost answer
/// that has no body to cut short).
async fn handle(req: Request<Incoming>, state: Arc<Mutex<State>>) -> Result<Response<Body>, std::io::Error> {
    let method = req.method().clone();
    let path = req
        .uri()
        .path_and_query()
        .map_or_else(|| req.uri().path().to_string(), |p| p.to_string());
    let headers: Vec<(String, String)> = req
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = read_body(req).await;
    let recorded = Recorded {
        method: method.to_string(),
        path: path.clone(),
        headers,
        body,
        at: std::time::Instant::now(),
    };
    let (route, query) = path.split_once('?').unwrap_or((path.as_str(), ""));
    let (prefix, route) = if let Some(rest) = route.strip_prefix(OLD_GHES_PREFIX) {
        (OLD_GHES_PREFIX, rest)
    } else if let Some(rest) = route.strip_prefix("/api/v3") {
        ("/api/v3", rest)
    } else {
        ("", route)
    };
    let endpoint = Endpoint::of(route, &state);
    let attempt = {
        let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
        s.requests.push(recorded.clone());
        match (&endpoint, &method) {
            (Endpoint::Registration(scope) | Endpoint::Removal(scope), &Method::POST) => {
                let n = s.attempts.entry(scope.key.clone()).or_default();
                *n += 1;
                *n - 1
            }
            _ => 0,
        }
    };

    if method == Method::OPTIONS {
        let old = prefix == OLD_GHES_PREFIX;
        let allowed = if old {
            scenario::ALLOWED_HEADERS_OLD_GHES
        } else {
            scenario::ALLOWED_HEADERS
        };
        let connection = if one_exchange_per_connection(route) {
            "close"
        } else {
            "keep-alive"
        };
        return Ok(with_cors(Response::builder().status(204))
            .header("Connection", connection)
            .header("Access-Control-Allow-Headers", allowed)
            .header("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE")
            .header("Access-Control-Max-Age", "86400")
            .header("Vary", "Accept-Encoding, Accept, X-Requested-With")
            .body(full(Bytes::new()))
            .unwrap_or_else(|_| Response::new(full(Bytes::new()))));
    }

    let token = recorded.header("authorization").and_then(bearer);
    let troubleshoot = {
        let host = recorded.header("host").unwrap_or("127.0.0.1");
        let base = format!("http://{host}{prefix}");
        let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
        crate::troubleshoot::answer(method.as_str(), route, query, token, &base, &mut s.opened_groups)
    };
    if let Some(reply) = troubleshoot {
        return Ok(respond(reply));
    }
    let reply = match (&method, endpoint) {
        (&Method::POST, Endpoint::Registration(scope) | Endpoint::Removal(scope)) => {
            if scope.key == org::HANG {
                // Hold the connection open until the client gives up (or the mock is dropped).
                std::future::pending::<()>().await;
            }
            if scope.key == org::DRIP {
                return Ok(drip());
            }
            scenario::registration(&scope.key, token, attempt)
        }
        (&Method::POST, Endpoint::Jit(scope)) => with_fleet(&state, &scope.key, |fleet| {
            scenario::jit(&scope, token, &recorded.body, fleet)
        }),
        (&Method::GET, Endpoint::Runners(scope)) => {
            let host = recorded.header("host").unwrap_or("127.0.0.1");
            let list_url = format!("http://{host}{prefix}{}/actions/runners", scope.path);
            let etag = recorded.header("if-none-match");
            with_fleet(&state, &scope.key, |fleet| {
                fleet.list(&scope.key, token, query, &list_url, etag)
            })
        }
        (&Method::DELETE, Endpoint::Runner(scope, id)) => {
            with_fleet(&state, &scope.key, |fleet| fleet.remove(&scope.key, token, id))
        }
        (&Method::GET, Endpoint::Downloads(scope)) => scenario::downloads(&scope.key, token),
        (&Method::GET, Endpoint::RunnerGroups(scope)) => {
            if scope.key == org::SLOW_GROUPS {
                tokio::time::sleep(std::time::Duration::from_secs(4)).await;
            }
            let host = recorded.header("host").unwrap_or("127.0.0.1");
            let number = |key: &str, default: usize| {
                query
                    .split('&')
                    .find_map(|p| p.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
                    .unwrap_or(default)
            };
            let base = format!("http://{host}{prefix}");
            // GitHub links an organization's later pages by its id, an enterprise's by its slug.
            let list_url = match scope.kind {
                ScopeKind::Enterprise => format!("{base}/enterprises/{}/actions/runner-groups", scope.key),
                _ => format!(
                    "{base}/organizations/{}/actions/runner-groups",
                    scenario::org_id(&scope.key)
                ),
            };
            let all = with_groups(&state, &scope, |groups, _| groups.list(&list_url));
            let reply = scenario::runner_groups(
                &scope.key,
                token,
                number("per_page", 30),
                number("page", 1),
                &list_url,
                all,
            );
            state
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .org_ids
                .insert(scenario::org_id(&scope.key), scope.key);
            reply
        }
        (&Method::POST, Endpoint::Labels(scope, id, None)) => with_fleet(&state, &scope.key, |fleet| {
            fleet.labels(&scope.key, token, id, Some(&recorded.body), None)
        }),
        (&Method::DELETE, Endpoint::Labels(scope, id, Some(name))) => with_fleet(&state, &scope.key, |fleet| {
            fleet.labels(&scope.key, token, id, None, Some(&name))
        }),
        (&Method::PUT, Endpoint::GroupRunner(scope, group, id)) if scope.kind != ScopeKind::Repository => {
            with_groups(&state, &scope, |groups, fleet| {
                let exists = groups.exists(group);
                fleet.move_to_group(&scope.key, token, group, id, exists)
            })
        }
        (&Method::POST, Endpoint::RunnerGroups(scope)) => {
            let list_url = groups_url(&recorded, prefix, &scope);
            guarded(&scope, token, || {
                with_groups(&state, &scope, |groups, _| groups.create(&recorded.body, &list_url))
            })
        }
        (&Method::PATCH, Endpoint::Group(scope, group)) => {
            let list_url = groups_url(&recorded, prefix, &scope);
            let reply = guarded(&scope, token, || {
                with_groups(&state, &scope, |groups, _| {
                    groups.update(group, &recorded.body, &list_url)
                })
            });
            // security-lost-org: the group is saved, and the answer lost on the way back.
            if security::loses_writes(&scope.key) && reply.status == 200 {
                reply.lost()
            } else {
                reply
            }
        }
        (&Method::DELETE, Endpoint::Group(scope, group)) => guarded(&scope, token, || {
            with_groups(&state, &scope, |groups, fleet| groups.delete(group, fleet))
        }),
        (&Method::GET, Endpoint::GroupRunners(scope, group)) => guarded(&scope, token, || {
            with_groups(&state, &scope, |groups, fleet| groups.runners(group, fleet))
        }),
        (&Method::GET, Endpoint::GroupMembers(scope, group)) => guarded(&scope, token, || {
            with_groups(&state, &scope, |groups, _| groups.members(group, &scope.key))
        }),
        (&Method::PUT, Endpoint::GroupMembers(scope, group)) => guarded(&scope, token, || {
            with_groups(&state, &scope, |groups, _| groups.set_members(group, &recorded.body))
        }),
        (&Method::GET, Endpoint::OrgRepos(scope)) => guarded(&scope, token, || {
            let host = recorded.header("host").unwrap_or("127.0.0.1");
            let list_url = format!("http://{host}{prefix}{}/repos", scope.path);
            let number = |key: &str, default: usize| {
                query
                    .split('&')
                    .find_map(|p| p.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
                    .unwrap_or(default)
            };
            let kind = query.split('&').find_map(|p| p.strip_prefix("type="));
            crate::groups::repositories_page(&scope.key, kind, number("per_page", 30), number("page", 1), &list_url)
        }),
        (&Method::GET, Endpoint::Org(scope)) => guarded(&scope, token, || crate::groups::organization(&scope.key)),
        (&Method::GET, Endpoint::Deprecation(scope, version)) => scenario::deprecation(&version, token, &scope.key),
        (&Method::GET | &Method::PUT, Endpoint::Setting(scope, setting)) => {
            // The scope's own refusals (single sign-on, a revoked token...) first, as for runners.
            let refusal = scenario::registration(&scope.key, token, 1);
            if refusal.status == 201 {
                let host = recorded.header("host").unwrap_or("127.0.0.1");
                let scope_url = format!("http://{host}{prefix}{}", scope.path);
                let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
                s.settings
                    .entry((scope.kind, scope.key.clone()))
                    .or_insert_with(|| Settings::new(scope.kind, &scope.key))
                    .answer(method.as_str(), setting, &recorded.body, &scope_url)
            } else {
                refusal
            }
        }
        (&Method::GET, Endpoint::Root) => {
            let host = recorded.header("host").unwrap_or("127.0.0.1");
            scenario::root(&format!("http://{host}{prefix}"))
        }
        _ => scenario::not_found(),
    };
    if reply.lost && reply.status == 204 {
        return Err(std::io::Error::other("the mock loses this answer"));
    }
    let close = one_exchange_per_connection(route);
    let mut response = respond(reply);
    if close {
        // Every connection of this scope carries one exchange, so a lost answer breaks a fresh
        // connection, which Chromium never retries by itself (it retries only reused ones).
        response.headers_mut().insert(
            hyper::header::CONNECTION,
            hyper::header::HeaderValue::from_static("close"),
        );
    }
    Ok(response)
}

/// Whether every connection of the route's scope carries one exchange (its preflights and
/// answers say `Connection: close`): the scopes whose writes' answers are lost, so that a lost
/// 204 breaks a fresh connection, which Chromium never re-sends on by itself.
fn one_exchange_per_connection(route: &str) -> bool {
    route_scope_key(route).is_some_and(|k| k == crate::fleet::fleet_scope::LOST_DELETE || security::loses_writes(k))
}

/// The scope key a route names (`/orgs/KEY/...`, `/enterprises/KEY/...`, `/repos/O/KEY/...`).
fn route_scope_key(route: &str) -> Option<&str> {
    let mut parts = route.trim_start_matches('/').split('/');
    match parts.next()? {
        "orgs" | "enterprises" => parts.next(),
        "repos" => parts.nth(1),
        _ => None,
    }
}

/// Runs `f` on the scope's runner groups and its runners, each made on first use.
fn with_groups<T>(state: &Mutex<State>, scope: &MockScope, f: impl FnOnce(&mut GroupStore, &mut Fleet) -> T) -> T {
    let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
    let enterprise = scope.kind == ScopeKind::Enterprise;
    let s = &mut *s;
    let groups = s
        .groups
        .entry((enterprise, scope.key.clone()))
        .or_insert_with(|| GroupStore::new(&scope.key, enterprise));
    let fleet = s
        .fleets
        .entry(scope.key.clone())
        .or_insert_with(|| Fleet::new(&scope.key));
    f(groups, fleet)
}

/// `f`'s answer, unless the token or the scope is refused first.
fn guarded(scope: &MockScope, token: Option<&str>, f: impl FnOnce() -> Reply) -> Reply {
    scenario::groups_refusal(&scope.key, token).unwrap_or_else(f)
}

/// Where a scope's groups are, for `runners_url`.
fn groups_url(recorded: &Recorded, prefix: &str, scope: &MockScope) -> String {
    let host = recorded.header("host").unwrap_or("127.0.0.1");
    format!("http://{host}{prefix}{}/actions/runner-groups", scope.path)
}

/// Runs `f` on the scope's runners, made on first use.
fn with_fleet(state: &Mutex<State>, key: &str, f: impl FnOnce(&mut Fleet) -> Reply) -> Reply {
    let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
    f(s.fleets.entry(key.to_string()).or_insert_with(|| Fleet::new(key)))
}

/// A 201 whose body starts like a token answer and then sends one space a second, forever.
fn drip() -> Response<Body> {
    let start = futures_util::stream::once(async { Ok(Frame::data(Bytes::from_static(b"{\"token\":"))) });
    let spaces = futures_util::stream::unfold((), |()| async {
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        Some((Ok::<_, std::io::Error>(Frame::data(Bytes::from_static(b" "))), ()))
    });
    let body = StreamBody::new(futures_util::StreamExt::chain(start, spaces)).boxed();
    with_cors(Response::builder().status(201))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("X-GitHub-Request-Id", "C0DE:D41P:5E1F:000001:6740B2A1")
        .body(body)
        .unwrap_or_else(|_| Response::new(full(Bytes::new())))
}

/// The token from `Bearer X` or `token X`.
fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") || scheme.eq_ignore_ascii_case("token")).then_some(token.trim())
}

/// Reads the whole request body (which also lets the connection be reused).
async fn read_body(req: Request<Incoming>) -> String {
    match req.into_body().collect().await {
        Ok(collected) => String::from_utf8_lossy(&collected.to_bytes()).into_owned(),
        Err(_) => String::new(),
    }
}

fn with_cors(builder: hyper::http::response::Builder) -> hyper::http::response::Builder {
    builder
        .header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Expose-Headers", scenario::EXPOSED_HEADERS)
}

static REQUEST_COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn respond(reply: Reply) -> Response<Body> {
    let id = REQUEST_COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut builder = with_cors(Response::builder().status(reply.status))
        .header("X-GitHub-Media-Type", "github.v3; format=json")
        .header("X-GitHub-Api-Version-Selected", "2022-11-28")
        .header(
            "X-GitHub-Request-Id",
            format!("C0DE:{id:04X}:5E1F:{:06X}:6740B2A1", id * 7919),
        );
    for (name, value) in &reply.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    if reply.lost {
        // The status line, the headers and a few bytes, then the connection breaks: the page
        // gets a network error after the request reached the server. (Closing before any byte
        // would make Chromium re-send the request by itself.)
        // The pause lets hyper flush what came before the break onto the wire.
        let start: Vec<u8> = reply.body.bytes().take(8).collect();
        let first = futures_util::stream::once(async move { Ok(Frame::data(Bytes::from(start))) });
        let broken = futures_util::stream::once(async {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            Err(std::io::Error::other("the mock loses this answer"))
        });
        let frames = futures_util::StreamExt::chain(first, broken);
        return builder
            .body(StreamBody::new(frames).boxed())
            .unwrap_or_else(|_| Response::new(full(Bytes::new())));
    }
    builder
        .body(full(reply.body))
        .unwrap_or_else(|_| Response::new(full(Bytes::new())))
}
