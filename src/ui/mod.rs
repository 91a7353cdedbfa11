//! Leptos components, one per file. `App` owns the state; the rest receive signals and values.

mod app;
mod command_block;
mod enterprise_section;
mod error_alert;
mod expiry_line;
mod field;
mod link_warning;
mod repository_selection;
mod result_panel;
mod token_field;

pub use app::App;
pub use error_alert::{explain, ErrorContext, Explanation};
