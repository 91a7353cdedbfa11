//! The Troubleshoot tab: what the card's token can do (Check token) and why a repository's jobs
//! are still waiting for a runner (Find waiting jobs), with Open group behind a confirmation.

mod open_dialog;
mod section;
mod token_check;
mod waiting;

pub use section::{troubleshoot_view, TroubleshootSection};
