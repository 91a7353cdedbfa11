//! The Register tab: the form that adds or removes a runner, its result, and the watch line
//! for the runner just added.

mod panel;
mod watch_line;

pub use panel::RegisterPanel;
