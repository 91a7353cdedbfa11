//! The Runners tab: the scope's runner list, the filter, a runner's labels and group edited in
//! place, outdated runners with their update commands, and removal (one, or many selected)
//! behind a confirmation.

mod bulk;
mod edit_dialog;
mod remove_dialog;
mod section;
mod table;
mod update;

pub use section::{runners_view, RunnersSection};
