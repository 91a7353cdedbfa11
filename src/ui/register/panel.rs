//! `RegisterPanel`: the Register tab's content. The form is the first screen's; the result
//! (with the watch line under its command) shows the session's state, so it is placed (from
//! the `sections` chunk) once the session exists.

use crate::lazy::split_view;
use crate::state::Shell;
use crate::ui::form::RegisterForm;
use crate::ui::result::OutcomePanel;
use crate::ui::widgets::LazySection;
use leptos::prelude::*;

#[component]
pub fn RegisterPanel() -> impl IntoView {
    let shell = expect_context::<Shell>();
    view! {
        <RegisterForm />
        // Placed once the session is made, by then from a chunk that is in: its loader answers
        // within the same task, so no loading line is painted.
        {move || shell.started.get().then(|| view! { <LazySection what="the result" load=register_view /> })}
        {move || shell.unloaded.get().then(|| view! {
            <div class="alert error" role="alert">
                <p class="alert-title"><strong>"The part of the page that sends requests could not be loaded, so nothing was sent."</strong></p>
                <p>"Check your connection, then try again."</p>
                <p><button type="button" class="secondary" on:click=move |_| shell.submit()>"Try again"</button></p>
            </div>
        })}
    }
}

split_view! {
    chunk = sections, prefetch = prefetch_register;
    /// The result, from the `sections` chunk.
    pub fn register_view() {
        view! { <OutcomePanel /> }
    }
}
