//! The Runners tab: the scope's runner list, the filter, and removal behind a confirmation.

mod bulk;
mod edit_dialog;
mod remove_dialog;
mod section;
mod table;
mod update;

pub use section::{runners_view, RunnersSection};
