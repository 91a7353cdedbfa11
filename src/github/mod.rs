//! The GitHub REST client: base URLs, scopes, the requests the page sends (`call`), the typed
//! answers and `ApiError`. No UI.
//!
//! Everything here but `transport` and `client` is plain Rust, unit-tested natively.
//! `transport` is the browser transport (fetch through gloo-net): `send`, the one place a request
//! is sent, the raw `Answer` and its one parse, and the one paginator. `client` holds the
//! endpoint functions over it, one per thing the page asks GitHub, and each list's page limit.

pub mod access_token;
pub mod actions;
pub mod api_base;
pub mod body;
pub mod call;
pub mod client;
pub mod deprecations;
pub mod downloads;
pub mod error;
pub mod groups;
pub mod jit;
pub mod organization;
pub mod pagination;
pub mod policies;
pub mod runner_token;
pub mod runners;
pub mod scope;
pub mod secret;
pub mod token_check;
pub mod transport;

pub use access_token::{AccessToken, AccessTokenError, TokenKind};
pub use api_base::{api_advice, ApiAdvice, ApiBase, UrlError, WebBase, DEFAULT_API};
pub use call::{Call, Endpoint, Method, TokenPurpose};
pub use deprecations::Deprecation;
pub use downloads::RunnerPackage;
pub use error::{ApiError, ErrorKind};
pub use groups::{GroupFields, GroupInfo, Member, Visibility};
pub use jit::{JitConfig, JitRequest};
pub use organization::{Organization, OrganizationError};
pub use policies::{ActionsPermissions, ForkApproval, ForkPrivate, SelfHostedRunners, WorkflowPermissions};
pub use runner_token::{Repository, RepositoryScope, RunnerToken};
pub use runners::{Polled, Runner, RunnerLabels, RunnerPage, RunnerStatus};
pub use scope::{PerScope, Scope, ScopeKind, Target};
pub use secret::{Secret, MASK};
pub use transport::TokenSource;
