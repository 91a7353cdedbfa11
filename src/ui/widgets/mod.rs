//! Small components every section uses: labelled fields, checkboxes and the labels field, radio
//! groups, the confirmation dialog and its focus trap, the reveal toggle, copying with an
//! announcement, what the scope card still lacks beside a button, a section loaded from a wasm
//! chunk, and per-instance element ids.

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
pub mod modal;
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
pub use modal::Modal;
pub use reveal::RevealButton;
