//! The transport: [`send`], the one function that puts a request on the network. It owns the
//! headers, the time limit (a real abort), redirects, the status-to-`ApiError` mapping, and the
//! rule that a request that changes something is never sent twice. Its success is an [`Answer`],
//! read into a typed answer by [`Answer::parse`]; a list is read page by page by [`all_pages`].
//! The endpoints over it are in `client`; paths come from [`Endpoint::call`].
//!
//! [`Endpoint::call`]: super::Endpoint::call

use super::access_token::AccessToken;
use super::api_base::ApiBase;
use super::body::BodyProblem;
use super::call::{Call, Method};
use super::error::{ApiError, ResponseMeta};
use super::pagination::next_link;
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

impl Answer {
    /// The body read by `parse` (one of the `parse_*` functions beside each answer type), or
    /// `ApiError::bad_body` with this answer's status and headers.
    pub fn parse<T>(&self, parse: impl FnOnce(&str) -> Result<T, BodyProblem>) -> Result<T, ApiError> {
        parse(&self.body).map_err(|p| ApiError::bad_body(self.status, &self.meta, p))
    }

    /// The request for the `rel="next"` page of a list, only while it stays under the API base
    /// (a `Link` header must not lead the token elsewhere).
    pub fn next_page(&self, api: &ApiBase) -> Option<Call> {
        let next = self.meta.link.as_deref().and_then(next_link)?;
        api.relative(next).map(|path| Call::get(path.to_string()))
    }
}

/// Every page of a list, each read by `parse`, in order: `first`, then each `rel="next"` page
/// ([`Answer::next_page`]), at most `max_pages` in all. The first page that fails ends the list
/// with its error. Each endpoint passes its own limit (the `MAX_*_PAGES` in `client`).
pub async fn all_pages<P>(
    api: &ApiBase,
    token: &impl TokenSource,
    first: Call,
    max_pages: usize,
    parse: impl Fn(&str) -> Result<P, BodyProblem>,
) -> Result<Vec<P>, ApiError> {
    let mut pages = Vec::new();
    each_page(api, token, first, max_pages, &mut |answer| {
        pages.push(answer.parse(&parse)?);
        Ok(())
    })
    .await?;
    Ok(pages)
}

/// The loop of [`all_pages`], once for every list (not once per answer type: the loop and the
/// `send` it awaits are the larger part, measured in the wasm).
async fn each_page(
    api: &ApiBase,
    token: &impl TokenSource,
    first: Call,
    max_pages: usize,
    on_page: &mut dyn FnMut(&Answer) -> Result<(), ApiError>,
) -> Result<(), ApiError> {
    let mut call = first;
    for _ in 0..max_pages {
        let answer = send(api, token, &call).await?;
        on_page(&answer)?;
        match answer.next_page(api) {
            Some(next) => call = next,
            None => break,
        }
    }
    Ok(())
}

/// Builds the request [`send`] would send for `call`, without a token, and drops it unsent: what
/// runs before the network, run at idle so its code is compiled before the first click (see
/// `client::rehearse_create_token`). `None` when the browser would not make an abort controller.
pub fn rehearse(api: &ApiBase, call: &Call) -> Option<()> {
    let controller = AbortController::new().ok()?;
    drop(build(api, call, None, true, &controller).build());
    Some(())
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
