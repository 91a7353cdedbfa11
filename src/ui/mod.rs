//! Leptos components, one per file. `App` lays out the page; state lives in `FormState` and `SetupForm`; the rest receive signals and values.

mod app;
mod check;
mod choice_group;
mod command_block;
mod copy;
mod enterprise_section;
mod error_alert;
mod expiry_line;
mod field;
mod form_state;
mod jit_options;
mod jit_panel;
mod labels_field;
mod lazy;
mod lazy_results;
mod link_warning;
mod output_block;
mod platform_picker;
mod remove_dialog;
mod remove_setup;
mod repository_selection;
mod result_panel;
mod runner_options;
mod runner_setup;
mod runner_table;
mod runner_watch;
mod runners_section;
mod runners_state;
mod scope_field;
mod setup_state;
mod setup_steps;
mod toggle;
mod token_field;
mod workflow_snippet;

pub use app::App;
pub use error_alert::{explain, ErrorContext, Explanation};
