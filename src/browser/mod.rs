//! The browser edge: clipboard, address bar, non-secret preferences, the clock, the visitor's
//! platform, tab visibility, keyboard focus, and the timings the end-to-end tests may
//! shorten (`tuning`). The only modules besides `github::transport` that touch web-sys; each call
//! is small and never panics.

pub mod clipboard;
pub mod clock;
pub mod focus;
pub mod location;
pub mod platform;
pub mod preferences;
pub mod tuning;
pub mod visibility;
