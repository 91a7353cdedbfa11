//! The sentences the page says, as pure functions with native tests: errors, the runner list
//! and watch, the setup script's notes, the Runner groups, Troubleshoot and Security tabs, what the scope
//! card still lacks (`card`), the link warning (`link`), and the grammar they share (counts,
//! possessives: `grammar`). Components lay them out; they do not write them.

pub mod card;
pub mod errors;
pub mod grammar;
pub mod groups;
pub mod link;
pub mod runners;
pub mod security;
pub mod setup;
pub mod troubleshoot;

pub use errors::{explain, short_reason, ErrorContext, Explanation};
