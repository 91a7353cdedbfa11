//! The request form: scope, access token, API URL, action (with the just-in-time runner's
//! options) and the submit button, and the warnings shown above it.

mod enterprise_section;
mod jit_options;
mod link_warning;
mod request_form;
mod scope_field;
mod token_field;

pub use link_warning::{InsecurePageWarning, LinkWarning};
pub use request_form::RequestForm;
