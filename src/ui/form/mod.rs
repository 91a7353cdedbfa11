//! The scope card (scope, access token, API URL) every tab shares, the Register tab's form
//! (Action, the just-in-time runner's options, submit), and the warnings above them.

mod enterprise_section;
mod jit_options;
mod link_warning;
mod register_form;
mod scope_card;
mod scope_field;
mod token_field;

pub use link_warning::{InsecurePageWarning, LinkWarning};
pub use register_form::{RegisterForm, REGISTER_FORM};
pub use scope_card::ScopeCard;
