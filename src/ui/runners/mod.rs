//! The Runners section: the scope's runner list, the watch for a runner just added, the filter,
//! and removal behind a confirmation.

mod remove_dialog;
mod section;
mod table;
mod watch_line;

pub use section::RunnersSection;
