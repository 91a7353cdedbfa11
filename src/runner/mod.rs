//! Pure runner knowledge: the `config.sh` command that registers a runner, quoted for its shell.

pub mod command;
pub mod quote;

pub use command::ConfigCommand;
