//! The Security tab: Review security reads the scope's Actions settings and lists what it
//! found, most severe first, each with a Fix behind a confirmation where one write fixes it.

mod findings;
mod fix_dialog;
mod section;

pub use section::{security_view, SecuritySection};
