//! `RegisterPanel`: the Register tab's content.

use super::watch_line::WatchLine;
use crate::ui::form::RegisterForm;
use crate::ui::result::OutcomePanel;
use leptos::prelude::*;

#[component]
pub fn RegisterPanel() -> impl IntoView {
    view! {
        <RegisterForm />
        <WatchLine />
        <OutcomePanel />
    }
}
