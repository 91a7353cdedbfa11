//! `RegisterForm`: what the page does with the scope and token on the Register tab: the Action
//! (with the just-in-time runner's options) and the submit button. The scope card's fields
//! submit this form too (their `form` attribute), so Enter in any of them sends the request.

use super::jit_options::jit_options_view;
use crate::form::Action;
use crate::state::Shell;
use crate::ui::widgets::{ChoiceGroup, LazySection};
use leptos::prelude::*;

/// The form's id, for the fields outside it.
pub const REGISTER_FORM: &str = "register-form";

#[component]
pub fn RegisterForm() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let form = shell.form;
    let actions = Action::ALL.into_iter().map(|a| (a, a.label())).collect();
    let in_flight = shell.in_flight;
    view! {
        <form id=REGISTER_FORM class="card register" novalidate on:submit=move |ev| {
            ev.prevent_default();
            shell.submit();
        }>
            <ChoiceGroup legend="Action" name="action" choices=actions selected=form.action />
            // Said before the click: the remove token is for a machine that is still there.
            {move || (form.action.get() == Action::Remove).then(|| view! {
                <p class="hint remove-hint">
                    "For a runner whose machine is still there: a remove token and the command to run on it. "
                    "Machine gone? Remove the runner in the " <a href="#runners">"Runners tab"</a> "."
                </p>
            })}
            {move || (form.action.get() == Action::JustInTime).then(|| view! {
                <LazySection what="the just-in-time runner's options" load=jit_options_view />
            })}
            <button type="submit" class="primary" disabled=move || in_flight.busy() aria-busy=move || in_flight.busy().to_string()>
                {move || if in_flight.busy() { form.action.get().pending() } else { form.action.get().button() }}
            </button>
        </form>
    }
}
