//! `RequestForm`: the card that names the scope and holds the token, and says what the page
//! does with it: the Action and the submit button.

use super::enterprise_section::EnterpriseSection;
use super::jit_options::JitOptions;
use super::scope_field::ScopeField;
use super::token_field::TokenField;
use crate::form::Action;
use crate::state::Session;
use crate::ui::widgets::ChoiceGroup;
use leptos::prelude::*;

#[component]
pub fn RequestForm() -> impl IntoView {
    let session = expect_context::<Session>();
    let form = session.form;
    let actions = Action::ALL.into_iter().map(|a| (a, a.label())).collect();
    let pending = session.pending;
    view! {
        <form class="card" novalidate on:submit=move |ev| {
            ev.prevent_default();
            session.submit();
        }>
            <ScopeField />
            <TokenField />
            <EnterpriseSection />
            <ChoiceGroup legend="Action" name="action" choices=actions selected=form.action />
            {move || (form.action.get() == Action::JustInTime).then(|| view! { <JitOptions /> })}
            <button type="submit" class="primary" disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
                {move || if pending.get() { form.action.get().pending() } else { form.action.get().button() }}
            </button>
            <p class="privacy">
                "Your access token stays in this tab's memory and is sent only to "
                <code>{move || form.api_shown()}</code> ". Nothing is stored but the scope's name and the API URL."
            </p>
        </form>
    }
}
