//! The browser edge: clipboard, address bar, non-secret preferences and the clock. The only
//! modules besides `github::client` that touch web-sys; each call is small and never panics.

pub mod clipboard;
pub mod clock;
pub mod focus;
pub mod location;
pub mod preferences;
