//! runner-token: mint a GitHub Actions self-hosted runner registration token in the browser.
//!
//! Data flows left to right:
//! form input → [`form`] (validated request) → [`github::client`] → typed response or
//! [`github::ApiError`] → [`ui`]. Everything but `ui`, `browser` and `github::client` is pure
//! Rust, tested natively with `cargo test`.

pub mod browser;
pub mod deep_link;
pub mod expiry;
pub mod form;
pub mod github;
pub mod runner;
pub mod ui;
