//! runner-token: add, watch and retire GitHub Actions self-hosted runners from a static page.
//!
//! Data flows left to right:
//! form input → [`form`] (validated request) → [`github::call`] (every request as data) →
//! [`github::client`] (the endpoints) over [`github::transport`] (one transport function) →
//! typed answer or [`github::ApiError`] → [`words`] (what to say, by the [`operation`] that
//! failed) → [`ui`] (Leptos).
//!
//! - [`github`]: the REST client: base URLs, scopes, requests, typed answers, `ApiError`.
//! - [`runner`]: pure runner knowledge: platforms, options, the setup script and its renderings,
//!   quoting, the watch, bulk removal, versions, why a job waits.
//! - [`words`]: every sentence the page says.
//! - [`state`]: the page's state and flows, signals with methods and no view.
//! - [`ui`]: the Leptos components, by tab and section.
//! - [`browser`]: the only modules besides `github::transport` that touch web-sys.
//! - [`lazy`]: the split points whose code lives in a separate wasm chunk.
//! - [`form`], [`deep_link`], [`expiry`], [`operation`]: form validation, link parameters, token
//!   expiry, and every request named by what it is about (for wording a failure).
//!
//! Everything but `ui`, `state`, `browser`, `lazy`, `github::transport` and `github::client` (the
//! endpoints over it) is pure Rust, tested natively with `cargo test`.

pub mod browser;
pub mod deep_link;
pub mod expiry;
pub mod form;
pub mod github;
pub mod lazy;
pub mod operation;
pub mod runner;
pub mod state;
pub mod ui;
pub mod words;
