//! Setting a runner up (or removing one): the platform, the options, the configure command,
//! the setup script and its other forms, and the workflow's `runs-on` line.

mod command_block;
mod option_fields;
mod output_block;
mod platform_picker;
mod remove_setup;
mod runner_setup;
mod setup_steps;
mod workflow_snippet;

pub use command_block::CommandBlock;
pub use option_fields::GroupField;
pub use output_block::OutputBlock;
pub use platform_picker::PlatformPicker;
pub use remove_setup::RemoveSetup;
pub use runner_setup::{configure_script, RunnerSetup};
pub use setup_steps::SetupSteps;
pub use workflow_snippet::WorkflowSnippet;
