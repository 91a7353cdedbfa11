//! A loopback stand-in for api.github.com, for runner-token's end-to-end tests and demo.
//!
//! It answers like the real API for the endpoints the page uses: CORS preflight with GitHub's
//! exact allow-list (the browser then refuses any other request header), the documented success
//! body, and the real error bodies and headers. Which answer comes back is chosen by the
//! scope's name (the organization, the repository's name or the enterprise slug; see [`scenario`]) or by the token (`..._revoked` → 401). It serves both
//! at `/` (github.com layout) and under `/api/v3` (Enterprise Server layout), records every
//! request, and also serves a static folder (the built page) on a second origin.

pub mod fleet;
pub mod groups;
mod loopback;
pub mod scenario;
pub mod security;
mod server;
pub mod static_site;
pub mod troubleshoot;

pub use server::{MockGithub, MockScope, Recorded, ScopeKind};
pub use static_site::StaticSite;
