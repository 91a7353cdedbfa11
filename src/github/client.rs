//! The GitHub client: one transport function ([`send`]) that owns the headers, the time limit (a
//! real abort), redirects, the status-to-`ApiError` mapping, and the rule that a request that
//! changes something is never sent twice. Endpoints are thin calls of it; their paths come from
//! [`Endpoint::call`].

use super::access_token::AccessToken;
use super::actions::{
    parse_jobs, parse_rate_limit, parse_repository, parse_runs, parse_user, Job, RateLimit, RepositoryInfo, WorkflowRun,
};
use super::api_base::ApiBase;
use super::body::BodyProblem;
use super::call::{Call, Endpoint, Method, TokenPurpose};
use super::deprecations::{parse_deprecation, Deprecation};
use super::downloads::{parse_downloads, RunnerPackage};
use super::error::{ApiError, ResponseMeta};
use super::groups::{
    parse_group_info, parse_group_infos, parse_members, parse_organization_id, parse_repository_list, parse_total,
    GroupFields, GroupInfo, Member,
};
use super::jit::{parse_jit_config, JitConfig, JitRequest};
use super::pagination::next_link;
use super::runner_token::{parse_runner_token, RunnerToken};
use super::runners::{parse_labels, parse_runners, Polled, Runner, RunnerLabels, RunnerPage};
use super::scope::{Scope, Target};
use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::set_timeout_with_handle;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use web_sys::{AbortController, ReferrerPolicy, RequestCache, RequestCredentials, RequestRedirect, ResponseType};

/// GitHub's default REST API version; sent explicitly so an upgrade cannot change the answer.
pub const API_VERSION: &str = "2022-11-28";
/// A request that has not fully answered in this time is aborted.
pub const TIMEOUT_SECONDS: u32 = 30;
/// Most pages followed for a list that is only read to pick from (100 groups each).
const MAX_GROUP_PAGES: usize = 20;
/// Most pages of an organization's repositories followed (100 each).
const MAX_REPO_PAGES: usize = 100;

/// Where the access token is read from, at the moment a request is built. The page keeps the
/// token in one place (`state::Credential`); requests read it there, through the token their
/// flow started with (`state::PinnedToken`), and hold no copy.
pub trait TokenSource {
    /// `Authorization: Bearer ...` for the token, or why none may be sent: it was forgotten
    /// ([`ErrorKind::TokenForgotten`]) or replaced by another since the flow began
    /// ([`ErrorKind::TokenChanged`]).
    ///
    /// [`ErrorKind::TokenForgotten`]: crate::github::ErrorKind::TokenForgotten
    /// [`ErrorKind::TokenChanged`]: crate::github::ErrorKind::TokenChanged
    fn authorization(&self) -> Result<String, ApiError>;
}

impl TokenSource for AccessToken<'_> {
    fn authorization(&self) -> Result<String, ApiError> {
        Ok(AccessToken::authorization(self))
    }
}

/// A response with a success status, its body read in full.
pub struct Answer {
    pub status: u16,
    pub meta: ResponseMeta,
    pub body: String,
}

/// `POST {scope}/actions/runners/registration-token` or `.../remove-token`.
pub async fn create_token(
    to: &Target,
    token: &impl TokenSource,
    purpose: TokenPurpose,
) -> Result<RunnerToken, ApiError> {
    let answer = send(&to.api, token, &Endpoint::RunnerToken(purpose).call(&to.scope)).await?;
    parse_runner_token(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// What a registration-token request runs before and after the network, run without the network
/// (see `ui::result::rehearse_result`): the request is built, without a token, and dropped
/// unsent; the answer is a sample, read as GitHub's would be.
pub fn rehearse_create_token(api: &ApiBase, scope: &Scope) -> Option<RunnerToken> {
    let controller = AbortController::new().ok()?;
    let call = Endpoint::RunnerToken(TokenPurpose::Registration).call(scope);
    drop(build(api, &call, None, true, &controller).build());
    parse_runner_token(r#"{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAA","expires_at":"2100-01-01T00:00:00.000+00:00"}"#).ok()
}

/// `POST {scope}/actions/runners/generate-jitconfig`: registers a single-use runner.
pub async fn generate_jit_config(
    to: &Target,
    token: &impl TokenSource,
    runner: &JitRequest,
) -> Result<JitConfig, ApiError> {
    let call = Endpoint::GenerateJitConfig(runner.clone()).call(&to.scope);
    let answer = send(&to.api, token, &call).await?;
    parse_jit_config(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// Every usable runner package the scope may download, for all platforms.
pub async fn runner_downloads(to: &Target, token: &impl TokenSource) -> Result<Vec<RunnerPackage>, ApiError> {
    let answer = send(&to.api, token, &Endpoint::Downloads.call(&to.scope)).await?;
    parse_downloads(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// Every runner group of the scope with its access settings, every page (`Link: rel="next"` under
/// the API base): the groups a runner is put in, the Runner groups tab's list, and the groups
/// whose runners Troubleshoot reads.
pub async fn runner_groups(to: &Target, token: &impl TokenSource) -> Result<Vec<GroupInfo>, ApiError> {
    all_pages(
        &to.api,
        token,
        Endpoint::RunnerGroups.call(&to.scope),
        parse_group_infos,
        usize::MAX,
    )
    .await
}

/// `POST {scope}/actions/runner-groups`: the new group as GitHub made it.
pub async fn create_group(to: &Target, token: &impl TokenSource, fields: GroupFields) -> Result<GroupInfo, ApiError> {
    let answer = send(&to.api, token, &Endpoint::CreateGroup(fields).call(&to.scope)).await?;
    parse_group_info(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// `PATCH {scope}/actions/runner-groups/{group}`: the group as GitHub has it now.
pub async fn update_group(
    to: &Target,
    token: &impl TokenSource,
    group: u64,
    fields: GroupFields,
) -> Result<GroupInfo, ApiError> {
    let answer = send(&to.api, token, &Endpoint::UpdateGroup { group, fields }.call(&to.scope)).await?;
    parse_group_info(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// `DELETE {scope}/actions/runner-groups/{group}` (204).
pub async fn delete_group(to: &Target, token: &impl TokenSource, group: u64) -> Result<(), ApiError> {
    send(&to.api, token, &Endpoint::DeleteGroup(group).call(&to.scope))
        .await
        .map(drop)
}

/// How many runners a group has (`total_count` of its first page).
pub async fn group_runner_count(to: &Target, token: &impl TokenSource, group: u64) -> Result<u64, ApiError> {
    let answer = send(&to.api, token, &Endpoint::GroupRunners(group).call(&to.scope)).await?;
    parse_total(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// Every runner of a group, every page.
pub async fn group_runners(to: &Target, token: &impl TokenSource, group: u64) -> Result<Vec<Runner>, ApiError> {
    let parse = |body: &str| parse_runners(body).map(|p| p.runners);
    all_pages(
        &to.api,
        token,
        Endpoint::GroupRunners(group).call(&to.scope),
        parse,
        usize::MAX,
    )
    .await
}

/// A group's repositories (organizations) or organizations (enterprises): `(total, members)`,
/// every page.
pub async fn group_members(to: &Target, token: &impl TokenSource, group: u64) -> Result<(u64, Vec<Member>), ApiError> {
    let mut call = Endpoint::GroupMembers(group).call(&to.scope);
    let (mut total, mut members) = (None, Vec::new());
    for _ in 0..MAX_GROUP_PAGES {
        let answer = send(&to.api, token, &call).await?;
        let (count, page) =
            parse_members(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))?;
        total = total.or(count);
        members.extend(page);
        match next_page(&to.api, &answer.meta) {
            Some(next) => call = next,
            None => break,
        }
    }
    let total = total.unwrap_or(members.len() as u64);
    Ok((total, members))
}

/// `PUT .../runner-groups/{group}/repositories` (or `.../organizations`): the whole new list (204).
pub async fn set_group_members(
    to: &Target,
    token: &impl TokenSource,
    group: u64,
    ids: Vec<u64>,
) -> Result<(), ApiError> {
    send(
        &to.api,
        token,
        &Endpoint::SetGroupMembers { group, ids }.call(&to.scope),
    )
    .await
    .map(drop)
}

/// Every repository of the organization, every page.
pub async fn org_repositories(to: &Target, token: &impl TokenSource) -> Result<Vec<Member>, ApiError> {
    let mut call = Endpoint::OrgRepositories.call(&to.scope);
    let mut repos = Vec::new();
    for _ in 0..MAX_REPO_PAGES {
        let answer = send(&to.api, token, &call).await?;
        repos.extend(
            parse_repository_list(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))?,
        );
        match next_page(&to.api, &answer.meta) {
            Some(next) => call = next,
            None => break,
        }
    }
    Ok(repos)
}

/// The id of the organization `login` (`GET /orgs/{login}`).
pub async fn organization_id(to: &Target, token: &impl TokenSource, login: &str) -> Result<u64, ApiError> {
    let answer = send(
        &to.api,
        token,
        &Endpoint::OrganizationNamed(login.to_string()).call(&to.scope),
    )
    .await?;
    parse_organization_id(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// One page of the scope's runners: the first (`next` `None`) or the one a previous page named.
/// Also returns the request for the page after it, when there is one under the API base.
pub async fn runners_page(
    to: &Target,
    token: &impl TokenSource,
    next: Option<Call>,
) -> Result<(RunnerPage, Option<Call>), ApiError> {
    let call = next.unwrap_or_else(|| Endpoint::Runners.call(&to.scope));
    let answer = send(&to.api, token, &call).await?;
    let page = parse_runners(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))?;
    Ok((page, next_page(&to.api, &answer.meta)))
}

/// Polls the runner named `name` (or, without a name, the first page of runners). With
/// `etag`, an unchanged answer is a 304 that does not count against the rate limit.
pub async fn poll_runners(
    to: &Target,
    token: &impl TokenSource,
    name: Option<&str>,
    etag: Option<String>,
) -> Result<Polled, ApiError> {
    let endpoint = name.map_or(Endpoint::Runners, |n| Endpoint::RunnerNamed(n.to_string()));
    let call = Call {
        if_none_match: etag,
        ..endpoint.call(&to.scope)
    };
    let answer = send(&to.api, token, &call).await?;
    if answer.status == 304 {
        return Ok(Polled::NotModified);
    }
    let page = parse_runners(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))?;
    Ok(Polled::Changed {
        page,
        etag: answer.meta.etag,
    })
}

/// The runner named `name` in the scope, if GitHub has one (names compare without case).
pub async fn find_runner(to: &Target, token: &impl TokenSource, name: &str) -> Result<Option<Runner>, ApiError> {
    let answer = send(&to.api, token, &Endpoint::RunnerNamed(name.to_string()).call(&to.scope)).await?;
    let page = parse_runners(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))?;
    Ok(page.runners.into_iter().find(|r| r.name.eq_ignore_ascii_case(name)))
}

/// `DELETE {scope}/actions/runners/{id}`: 204 when the runner is gone.
pub async fn remove_runner(to: &Target, token: &impl TokenSource, id: u64) -> Result<(), ApiError> {
    send(&to.api, token, &Endpoint::RemoveRunner(id).call(&to.scope))
        .await
        .map(drop)
}

/// Adds custom labels to a runner; GitHub answers with its whole label list.
pub async fn add_labels(
    to: &Target,
    token: &impl TokenSource,
    runner: u64,
    labels: Vec<String>,
) -> Result<RunnerLabels, ApiError> {
    let answer = send(&to.api, token, &Endpoint::AddLabels { runner, labels }.call(&to.scope)).await?;
    parse_labels(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// Removes one custom label from a runner; GitHub answers with its whole label list.
pub async fn remove_label(
    to: &Target,
    token: &impl TokenSource,
    runner: u64,
    label: &str,
) -> Result<RunnerLabels, ApiError> {
    let call = Endpoint::RemoveLabel {
        runner,
        label: label.to_string(),
    }
    .call(&to.scope);
    let answer = send(&to.api, token, &call).await?;
    parse_labels(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// Moves a runner into a runner group (204).
pub async fn move_to_group(to: &Target, token: &impl TokenSource, group: u64, runner: u64) -> Result<(), ApiError> {
    send(&to.api, token, &Endpoint::MoveToGroup { group, runner }.call(&to.scope))
        .await
        .map(drop)
}

/// When GitHub stops registering, and stops sending jobs to, runners of `version`.
pub async fn runner_deprecation(to: &Target, token: &impl TokenSource, version: &str) -> Result<Deprecation, ApiError> {
    let answer = send(
        &to.api,
        token,
        &Endpoint::Deprecation(version.to_string()).call(&to.scope),
    )
    .await?;
    parse_deprecation(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// Every item of a list, page after page (`Link: rel="next"` under the API base), until `most`
/// items or [`MAX_GROUP_PAGES`] pages.
async fn all_pages<T>(
    api: &ApiBase,
    token: &impl TokenSource,
    first: Call,
    parse: fn(&str) -> Result<Vec<T>, BodyProblem>,
    most: usize,
) -> Result<Vec<T>, ApiError> {
    let mut call = first;
    let mut items = Vec::new();
    for _ in 0..MAX_GROUP_PAGES {
        let answer = send(api, token, &call).await?;
        items.extend(parse(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))?);
        match next_page(api, &answer.meta) {
            Some(next) if items.len() < most => call = next,
            _ => break,
        }
    }
    items.truncate(most);
    Ok(items)
}

/// `GET /user`: the token's account, and the answer's headers (`X-OAuth-Scopes`).
pub async fn account(to: &Target, token: &impl TokenSource) -> Result<(String, ResponseMeta), ApiError> {
    let answer = send(&to.api, token, &Endpoint::User.call(&to.scope)).await?;
    let login = parse_user(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))?;
    Ok((login, answer.meta))
}

/// `GET /rate_limit` (free of charge).
pub async fn rate_limit(to: &Target, token: &impl TokenSource) -> Result<RateLimit, ApiError> {
    let answer = send(&to.api, token, &Endpoint::RateLimit.call(&to.scope)).await?;
    parse_rate_limit(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// A read request that stands for a permission: its answer's headers when it reads.
pub async fn probe_read(to: &Target, token: &impl TokenSource, endpoint: &Endpoint) -> Result<ResponseMeta, ApiError> {
    send(&to.api, token, &endpoint.call(&to.scope)).await.map(|a| a.meta)
}

/// `GET /repos/{o}/{r}`.
pub async fn repository(to: &Target, token: &impl TokenSource) -> Result<RepositoryInfo, ApiError> {
    let answer = send(&to.api, token, &Endpoint::Repository.call(&to.scope)).await?;
    parse_repository(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// The repository's queued workflow runs, newest first (GitHub's order), at most the 100 newest.
pub async fn queued_runs(to: &Target, token: &impl TokenSource) -> Result<Vec<WorkflowRun>, ApiError> {
    all_pages(&to.api, token, Endpoint::QueuedRuns.call(&to.scope), parse_runs, 100).await
}

/// The latest attempt's jobs of a run.
pub async fn run_jobs(to: &Target, token: &impl TokenSource, run: u64) -> Result<Vec<Job>, ApiError> {
    all_pages(&to.api, token, Endpoint::RunJobs(run).call(&to.scope), parse_jobs, 1000).await
}

/// The organization's runner groups, with their access settings, that the repository of that
/// name may use. All of them, with the same settings, are [`runner_groups`].
pub async fn groups_visible_to(
    to: &Target,
    token: &impl TokenSource,
    repository: &str,
) -> Result<Vec<GroupInfo>, ApiError> {
    let endpoint = Endpoint::GroupsVisibleTo(repository.to_string());
    all_pages(&to.api, token, endpoint.call(&to.scope), parse_group_infos, 2000).await
}

/// Every runner of the scope (the repository's own, for a repository).
pub async fn all_runners(to: &Target, token: &impl TokenSource) -> Result<Vec<Runner>, ApiError> {
    let parse = |body: &str| parse_runners(body).map(|p| p.runners);
    all_pages(&to.api, token, Endpoint::Runners.call(&to.scope), parse, 2000).await
}

/// `PUT .../runner-groups/{group}/repositories/{repository}` (204): sent once, never again by itself.
pub async fn open_group_to(to: &Target, token: &impl TokenSource, group: u64, repository: u64) -> Result<(), ApiError> {
    send(
        &to.api,
        token,
        &Endpoint::OpenGroupTo { group, repository }.call(&to.scope),
    )
    .await
    .map(drop)
}

/// The `rel="next"` page of an answer, only while it stays under the API base (a `Link` header
/// must not lead the token elsewhere).
fn next_page(api: &ApiBase, meta: &ResponseMeta) -> Option<Call> {
    let next = meta.link.as_deref().and_then(next_link)?;
    api.relative(next).map(|path| Call::get(path.to_string()))
}

thread_local! {
    /// API bases whose CORS preflight refuses `X-GitHub-Api-Version` (older GitHub Enterprise
    /// Server versions may): learnt once per page, from a safe request, never from a write.
    static REFUSE_VERSION: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn refuses_version(api: &ApiBase) -> bool {
    let api = api.to_string();
    REFUSE_VERSION.with(|r| r.borrow().contains(&api))
}

fn remember_refuses_version(api: &ApiBase) {
    let api = api.to_string();
    REFUSE_VERSION.with(|r| {
        if !r.borrow().contains(&api) {
            r.borrow_mut().push(api);
        }
    });
}

/// Sends `call` to `api` with the token from `token`.
///
/// A refused CORS preflight looks like any network failure (no response at all), and older
/// GitHub Enterprise Server versions may refuse the API-version header there. So:
/// - a safe request (GET) with no answer at all is tried once more without the header; if that
///   works, the server is remembered as refusing it and later requests leave it out;
/// - a request that changes something is never sent twice by itself. When it gets no answer at
///   all, the API's root is asked (a safe request, without the token) with and without the
///   header. Only the plain request answered: the preflight refused the header, so the write
///   never left the browser, and it is sent for the first time without it. Nothing answered:
///   the server cannot be reached (a network error). The root answered: the write's answer was
///   lost ([`ErrorKind::AnswerLost`](super::ErrorKind::AnswerLost)), as after a timeout; it may
///   have been carried out, and the caller must find out before anything is sent again.
pub async fn send(api: &ApiBase, token: &impl TokenSource, call: &Call) -> Result<Answer, ApiError> {
    let with_version = !refuses_version(api);
    let first = send_once(api, Some(token), call, with_version).await;
    let lost = |e: ApiError| match e.kind {
        super::ErrorKind::Timeout { seconds } => ApiError::answer_lost(api.to_string(), Some(seconds)),
        super::ErrorKind::Network { .. } => ApiError::answer_lost(api.to_string(), None),
        _ => e,
    };
    match first {
        Err(e) if e.is_unanswered() && call.method.is_safe() && with_version => {
            let again = send_once(api, Some(token), call, false).await;
            if again.is_ok() {
                remember_refuses_version(api);
            }
            again
        }
        Err(e) if e.is_unanswered() && !call.method.is_safe() => match probe(api, with_version).await {
            RootProbe::HeaderRefused => {
                remember_refuses_version(api);
                send_once(api, Some(token), call, false).await.map_err(lost)
            }
            RootProbe::Answered => Err(lost(e)),
            RootProbe::Unreachable => Err(e),
        },
        Err(e) if !call.method.is_safe() => Err(lost(e)),
        other => other,
    }
}

/// What the API's root says about a server a write got no answer from.
enum RootProbe {
    /// It answers a plain request but not one with the API-version header.
    HeaderRefused,
    /// It answers (with the header, when the write carried it).
    Answered,
    /// Nothing answers.
    Unreachable,
}

/// Asks the API's root, without the token: with the version header (when the write carried
/// it), then without.
async fn probe(api: &ApiBase, with_version: bool) -> RootProbe {
    let root = Call::root();
    let none: Option<&AccessToken> = None;
    let answered = |r: &Result<Answer, ApiError>| !r.as_ref().is_err_and(ApiError::is_unanswered);
    if with_version && answered(&send_once(api, none, &root, true).await) {
        return RootProbe::Answered;
    }
    match (answered(&send_once(api, none, &root, false).await), with_version) {
        (true, true) => RootProbe::HeaderRefused,
        (true, false) => RootProbe::Answered,
        (false, _) => RootProbe::Unreachable,
    }
}

/// Sends one request; `token` `None` sends none (the root probe). A token source that has no
/// token fails before anything is sent.
async fn send_once(
    api: &ApiBase,
    token: Option<&impl TokenSource>,
    call: &Call,
    with_version: bool,
) -> Result<Answer, ApiError> {
    let network_error = || ApiError::network(api.to_string());
    let controller = AbortController::new().map_err(|_| network_error())?;
    // The token is read here, synchronously, straight into the request's headers.
    let authorization = match token {
        Some(source) => Some(source.authorization()?),
        None => None,
    };
    let request = build(api, call, authorization.as_deref(), with_version, &controller);
    drop(authorization);
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            Duration::from_secs(TIMEOUT_SECONDS.into()),
        )
        .ok()
    };
    // The body is read under the same time limit: a server that drips bytes is cut off too.
    let result = async {
        let response = match &call.body {
            Some(json) => request.body(json.clone())?.send().await?,
            None => request.send().await?,
        };
        let body = response.text().await?;
        Ok::<_, gloo_net::Error>((response, body))
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let (response, body) = match result {
        Ok(ok) => ok,
        Err(_) if timed_out.get() => return Err(ApiError::timeout(TIMEOUT_SECONDS)),
        Err(_) => return Err(network_error()),
    };
    if response.type_() == ResponseType::Opaqueredirect {
        return Err(ApiError::redirected());
    }
    let status = response.status();
    let meta = read_meta(&response);
    // 304 only ever answers an If-None-Match this page sent: "unchanged", not an error.
    if (200..300).contains(&status) || (status == 304 && call.if_none_match.is_some()) {
        Ok(Answer { status, meta, body })
    } else {
        Err(ApiError::from_response(status, &meta, &body))
    }
}

fn build(
    api: &ApiBase,
    call: &Call,
    authorization: Option<&str>,
    with_version: bool,
    controller: &AbortController,
) -> RequestBuilder {
    // gloo-net joins the URL's own query and its query parameters with `&`, leaving a stray
    // `&` when it has none: hand it the query as parameters so the URL goes out as built.
    let url = api.endpoint(&call.path);
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let decode = |s: &str| js_sys::decode_uri_component(s).map_or_else(|_| s.to_string(), String::from);
    let params: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect();
    let request = match call.method {
        Method::Get => Request::get(path),
        Method::Post => Request::post(path),
        Method::Put => Request::put(path),
        Method::Patch => Request::patch(path),
        Method::Delete => Request::delete(path),
    };
    let mut request = request
        .query(params.iter().map(|(k, v)| (k.as_str(), v)))
        .header("Accept", "application/vnd.github+json");
    if let Some(authorization) = authorization {
        request = request.header("Authorization", authorization);
    }
    if with_version {
        request = request.header("X-GitHub-Api-Version", API_VERSION);
    }
    if call.body.is_some() {
        request = request.header("Content-Type", "application/json");
    }
    // Set by the page, so the browser (in no-store mode) neither adds validators of its own nor
    // answers from its cache: a 304 reaches the page as is.
    if let Some(etag) = &call.if_none_match {
        request = request.header("If-None-Match", etag);
    }
    request
        .abort_signal(Some(&controller.signal()))
        .credentials(RequestCredentials::Omit)
        .referrer_policy(ReferrerPolicy::NoReferrer)
        .cache(RequestCache::NoStore)
        .redirect(RequestRedirect::Manual)
}

fn read_meta(response: &Response) -> ResponseMeta {
    let headers = response.headers();
    ResponseMeta::from_headers(|name| headers.get(name))
}
