//! The Register tab: the form that adds or removes a runner, its result, and the watch line
//! for the runner just added (placed by the result, under its command).

mod panel;
mod watch_line;

pub use panel::RegisterPanel;
pub use watch_line::WatchLine;
