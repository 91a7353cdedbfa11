//! Leptos components, grouped by the page's tabs and sections: the scope card and the Register
//! tab's form (`form`), the Register tab (`register`), the result, the runner setup, the Runners,
//! Runner groups, Troubleshoot and Security tabs, the tab list, and shared widgets. `App` lays them out; the
//! state they read and change lives in [`crate::state`], the words they show in [`crate::words`].

mod app;
pub mod form;
pub mod groups;
pub mod register;
pub mod result;
pub mod runners;
pub mod security;
pub mod setup;
pub mod tabs;
pub mod troubleshoot;
pub mod widgets;

pub use app::App;
