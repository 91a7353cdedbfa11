//! Small components every section uses: labelled fields and checkboxes, radio groups, the
//! confirmation dialog, the reveal toggle, copying with an announcement, and per-instance element ids.

pub mod card_needed;
pub mod check;
pub mod choice_group;
pub mod confirm_dialog;
pub mod copy;
pub mod field;
pub mod focus_trap;
pub mod ids;
pub mod labels_field;
pub mod lazy_section;
pub mod reveal;

pub use card_needed::CardNeeded;
pub use check::Check;
pub use choice_group::ChoiceGroup;
pub use confirm_dialog::ConfirmDialog;
pub use copy::copy_and_announce;
pub use field::{Bound, Field};
pub use focus_trap::trap_focus;
pub use labels_field::LabelsField;
pub use lazy_section::LazySection;
pub use reveal::RevealButton;
