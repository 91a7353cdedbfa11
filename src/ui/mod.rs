//! Leptos components, one per file. `App` owns the state; the rest receive signals and values.

mod app;
mod check;
mod command_block;
mod copy;
mod enterprise_section;
mod error_alert;
mod expiry_line;
mod field;
mod link_warning;
mod platform_picker;
mod repository_selection;
mod result_panel;
mod runner_options;
mod runner_setup;
mod setup_state;
mod setup_steps;
mod token_field;

pub use app::App;
pub use error_alert::{explain, ErrorContext, Explanation};
