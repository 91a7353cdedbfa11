//! Pure runner knowledge: the seven platforms, the `config.sh` options, the setup script, and
//! quoting for POSIX shells and PowerShell.

pub mod cloud_init;
pub mod command;
pub mod docker;
pub mod options;
pub mod platform;
pub mod quote;
pub mod script;
pub mod workflow;

pub use command::ConfigCommand;
pub use options::{OptionErrors, OptionsInput, RunnerOptions};
pub use platform::{Arch, Os, RunnerPlatform, Shell};
pub use script::{Job, SetupScript, Step};
pub use workflow::runs_on;
