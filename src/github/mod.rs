//! The GitHub REST client: base URLs, request inputs, response types and `ApiError`. No UI.
//!
//! Everything here but `client` is plain Rust, unit-tested natively; `client` is the browser
//! transport (fetch through gloo-net).

pub mod access_token;
pub mod api_base;
pub mod body;
pub mod client;
pub mod downloads;
pub mod error;
pub mod jit;
pub mod organization;
pub mod registration;
pub mod runners;
pub mod scope;
pub mod secret;

pub use access_token::{AccessToken, AccessTokenError, TokenKind};
pub use api_base::{ApiBase, UrlError, WebBase, DEFAULT_API};
pub use downloads::{RunnerGroup, RunnerPackage};
pub use error::{ApiError, ErrorKind};
pub use jit::{JitConfig, JitRequest};
pub use organization::{Organization, OrganizationError};
pub use registration::{RegistrationToken, Repository, RepositoryScope};
pub use runners::{Runner, RunnerPage, RunnerStatus};
pub use scope::{Scope, ScopeKind};
pub use secret::{Secret, MASK};
