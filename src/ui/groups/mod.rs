//! The Runner groups tab: the scope's groups and who may use them; New, Edit and Delete; each
//! group's runners with Move to group.

mod delete_dialog;
mod error;
mod form_dialog;
mod members;
mod runners_dialog;
mod section;
mod table;

pub use section::{groups_view, GroupsSection};
