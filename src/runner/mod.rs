//! Pure runner knowledge: the seven platforms, the `config.sh` options (one table) and command,
//! the setup script and its renderings, quoting for POSIX shells, PowerShell and YAML, the
//! `runs-on` line, the runner watch's decisions, removing many runners (`bulk`), outdated
//! runners (`versions`), a runner group as its forms hold it (`group_draft`), why a queued
//! job waits (`waiting`), and the Security tab's review of a scope's settings (`review`).

pub mod bulk;
pub mod command;
pub mod group_draft;
pub mod options;
pub mod platform;
pub mod quote;
pub mod render;
pub mod review;
pub mod script;
pub mod versions;
pub mod waiting;
pub mod watch;
pub mod workflow;

pub use command::ConfigCommand;
pub use options::{OptionErrors, OptionsInput, RunnerOption, RunnerOptions};
pub use platform::{Arch, Os, RunnerPlatform, ScriptShell};
pub use render::{Output, Unavailable};
pub use script::{Job, SetupScript, Step, StepKind};
pub use workflow::runs_on;
