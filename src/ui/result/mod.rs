//! What a request produced: a token (and what to run with it), a just-in-time runner, or an
//! error in words.

mod error_alert;
mod expiry_line;
mod jit_panel;
mod outcome;
mod repository_selection;
mod token_panel;

pub use error_alert::ErrorAlert;
pub use outcome::{rehearse_result, OutcomePanel};
