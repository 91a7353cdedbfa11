//! The Runners tab: the scope's runner list, the filter, and removal behind a confirmation.

mod remove_dialog;
mod section;
mod table;

pub use section::{prefetch_runners, runners_view, RunnersSection};
