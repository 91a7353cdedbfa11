//! The GitHub client: one transport function that owns the headers, the time limit (a real
//! abort), redirects, and the status-to-`ApiError` mapping. Endpoints are thin calls of it.

use super::access_token::AccessToken;
use super::api_base::{path_segment, ApiBase};
use super::downloads::{next_link, parse_downloads, parse_runner_groups, RunnerGroup, RunnerPackage};
use super::error::{ApiError, ResponseMeta};
use super::jit::{parse_jit_config, JitConfig, JitRequest};
use super::registration::{parse_registration_token, RegistrationToken};
use super::runners::{parse_runners, RunnerPage};
use super::scope::Scope;
use gloo_net::http::{Request, Response};
use leptos::prelude::set_timeout_with_handle;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use web_sys::{AbortController, ReferrerPolicy, RequestCache, RequestCredentials, RequestRedirect, ResponseType};

/// GitHub's default REST API version; sent explicitly so an upgrade cannot change the answer.
pub const API_VERSION: &str = "2022-11-28";
/// A request that has not fully answered in this time is aborted.
pub const TIMEOUT_SECONDS: u32 = 30;

/// Everything a call needs: where the API is, which scope, and the admin's token.
#[derive(Clone, Debug, PartialEq)]
pub struct ScopeRequest {
    pub api: ApiBase,
    pub scope: Scope,
    pub token: AccessToken,
}

/// Which one-hour token to mint: one that adds runners or one that removes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    Registration,
    Removal,
}

impl TokenPurpose {
    fn path(self) -> &'static str {
        match self {
            Self::Registration => "/actions/runners/registration-token",
            Self::Removal => "/actions/runners/remove-token",
        }
    }
}

/// Most runner-group pages followed (100 groups each): far beyond any real organization.
const MAX_PAGES: usize = 20;

/// `POST {scope}/actions/runners/registration-token` or `.../remove-token`.
pub async fn create_token(req: &ScopeRequest, purpose: TokenPurpose) -> Result<RegistrationToken, ApiError> {
    let answer = send(req, Call::post(req.endpoint(purpose.path()), None)).await?;
    parse_registration_token(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// `POST {scope}/actions/runners/generate-jitconfig`: registers a single-use runner.
pub async fn generate_jit_config(req: &ScopeRequest, runner: &JitRequest) -> Result<JitConfig, ApiError> {
    let body = runner.to_json();
    let answer = send(
        req,
        Call::post(req.endpoint("/actions/runners/generate-jitconfig"), Some(body)),
    )
    .await?;
    parse_jit_config(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// Every usable runner package the scope may download, for all platforms.
pub async fn runner_downloads(req: &ScopeRequest) -> Result<Vec<RunnerPackage>, ApiError> {
    let answer = send(req, Call::get(req.endpoint("/actions/runners/downloads"))).await?;
    parse_downloads(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))
}

/// Every runner group of an organization or enterprise, following `Link: <...>; rel="next"`
/// while it stays under the API base.
pub async fn runner_groups(req: &ScopeRequest) -> Result<Vec<RunnerGroup>, ApiError> {
    let mut url = req.endpoint("/actions/runner-groups?per_page=100");
    let mut groups = Vec::new();
    for _ in 0..MAX_PAGES {
        let answer = send(req, Call::get(url)).await?;
        groups
            .extend(parse_runner_groups(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))?);
        match req.next_page(&answer.meta) {
            Some(next) => url = next,
            None => break,
        }
    }
    Ok(groups)
}

/// One page of the scope's runners: the first (`url` `None`) or the `next` a previous page
/// named. Also returns the next page's URL, when there is one under the API base.
pub async fn runners_page(req: &ScopeRequest, url: Option<String>) -> Result<(RunnerPage, Option<String>), ApiError> {
    let url = url.unwrap_or_else(|| req.endpoint("/actions/runners?per_page=100"));
    let answer = send(req, Call::get(url)).await?;
    let page = parse_runners(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))?;
    Ok((page, req.next_page(&answer.meta)))
}

/// A poll's answer: unchanged since the version named, or a new page and its version.
#[derive(Clone, Debug, PartialEq)]
pub enum Polled {
    NotModified,
    Changed { page: RunnerPage, etag: Option<String> },
}

/// Polls the runner named `name` (or, without a name, the first page of runners). With
/// `etag`, an unchanged answer is a 304 that does not count against the rate limit.
pub async fn poll_runners(req: &ScopeRequest, name: Option<&str>, etag: Option<String>) -> Result<Polled, ApiError> {
    let url = match name {
        Some(name) => req.endpoint(&format!("/actions/runners?name={}", path_segment(name))),
        None => req.endpoint("/actions/runners?per_page=100"),
    };
    let answer = send(
        req,
        Call {
            if_none_match: etag,
            ..Call::get(url)
        },
    )
    .await?;
    if answer.status == 304 {
        return Ok(Polled::NotModified);
    }
    let page = parse_runners(&answer.body).map_err(|p| ApiError::bad_body(answer.status, &answer.meta, p))?;
    Ok(Polled::Changed {
        page,
        etag: answer.meta.etag,
    })
}

/// `DELETE {scope}/actions/runners/{id}`: 204 when the runner is gone.
pub async fn remove_runner(req: &ScopeRequest, id: u64) -> Result<(), ApiError> {
    send(
        req,
        Call {
            method: Method::Delete,
            ..Call::get(req.endpoint(&format!("/actions/runners/{id}")))
        },
    )
    .await
    .map(drop)
}

impl ScopeRequest {
    /// `{api}{scope path}{rest}`, each of the scope's segments encoded.
    fn endpoint(&self, rest: &str) -> String {
        self.api.endpoint(&format!("{}{rest}", self.scope.api_path()))
    }

    /// The `rel="next"` page of an answer, only while it stays under the API base.
    fn next_page(&self, meta: &ResponseMeta) -> Option<String> {
        meta.link
            .as_deref()
            .and_then(next_link)
            .filter(|next| self.api.owns(next))
            .map(str::to_string)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Post,
    Delete,
}

/// One request: what the transport needs besides where the API is and the token.
struct Call {
    method: Method,
    url: String,
    /// A JSON body, sent with `Content-Type: application/json` (on GitHub's CORS allow-list).
    body: Option<String>,
    /// The `ETag` of the last answer: a 304 then means nothing changed.
    if_none_match: Option<String>,
}

impl Call {
    fn get(url: String) -> Self {
        Self {
            method: Method::Get,
            url,
            body: None,
            if_none_match: None,
        }
    }

    fn post(url: String, body: Option<String>) -> Self {
        Self {
            method: Method::Post,
            url,
            body,
            if_none_match: None,
        }
    }
}

/// A response with a success status, its body read in full.
struct Answer {
    status: u16,
    meta: ResponseMeta,
    body: String,
}

/// Sends one request to `url` (always under `api`). A refused preflight looks like any network failure (status 0), and older
/// GitHub Enterprise Server versions may refuse the API version header there, so a network
/// failure is retried once without it.
async fn send(req: &ScopeRequest, call: Call) -> Result<Answer, ApiError> {
    match send_once(&req.api, &call, &req.token, true).await {
        Err(ApiError {
            kind: super::error::ErrorKind::Network { .. },
            ..
        }) => send_once(&req.api, &call, &req.token, false).await,
        other => other,
    }
}

async fn send_once(api: &ApiBase, call: &Call, token: &AccessToken, with_version: bool) -> Result<Answer, ApiError> {
    let Call {
        method,
        url,
        body,
        if_none_match,
    } = call;
    let network_error = || ApiError::network(api.to_string());
    let controller = AbortController::new().map_err(|_| network_error())?;
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
    // gloo-net joins the URL's own query and its query parameters with `&`, leaving a stray
    // `&` when it has none: hand it the query as parameters so the URL goes out as built.
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let decode = |s: &str| js_sys::decode_uri_component(s).map_or_else(|_| s.to_string(), String::from);
    let params: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect();
    let request = match method {
        Method::Get => Request::get(path),
        Method::Post => Request::post(path),
        Method::Delete => Request::delete(path),
    };
    let mut request = request
        .query(params.iter().map(|(k, v)| (k.as_str(), v)))
        .header("Accept", "application/vnd.github+json")
        .header("Authorization", &token.authorization());
    if with_version {
        request = request.header("X-GitHub-Api-Version", API_VERSION);
    }
    if body.is_some() {
        request = request.header("Content-Type", "application/json");
    }
    // Set by the page, so the browser (in no-store mode) neither adds validators of its own nor
    // answers from its cache: a 304 reaches the page as is.
    if let Some(etag) = if_none_match {
        request = request.header("If-None-Match", etag);
    }
    let request = request
        .abort_signal(Some(&controller.signal()))
        .credentials(RequestCredentials::Omit)
        .referrer_policy(ReferrerPolicy::NoReferrer)
        .cache(RequestCache::NoStore)
        .redirect(RequestRedirect::Manual);
    // The body is read under the same time limit: a server that drips bytes is cut off too.
    let result = async {
        let response = match body {
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
    if (200..300).contains(&status) || (status == 304 && if_none_match.is_some()) {
        Ok(Answer { status, meta, body })
    } else {
        Err(ApiError::from_response(status, &meta, &body))
    }
}

fn read_meta(response: &Response) -> ResponseMeta {
    let headers = response.headers();
    ResponseMeta::from_headers(|name| headers.get(name))
}
