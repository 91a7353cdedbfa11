//! runner-token: add, watch and retire GitHub Actions self-hosted runners from a static page.
//!
//! Data flows left to right:
//! form input → [`form`] (validated request) → [`github::client`] (one transport function) →
//! typed answer or [`github::ApiError`] → [`words`] (what to say, by the [`operation`] that
//! failed) → [`ui`] (Leptos). The page's state and flows live in [`state`]. Everything but `ui`, `state`, `browser` and
//! `github::client` is pure Rust, tested natively with `cargo test`.

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
