//! `ScopeCard`: the scope and the access token, shared by every tab, and where the token goes.

use super::enterprise_section::EnterpriseSection;
use super::scope_field::ScopeField;
use super::token_field::TokenField;
use crate::state::Shell;
use leptos::prelude::*;

#[component]
pub fn ScopeCard() -> impl IntoView {
    let form = expect_context::<Shell>().form;
    view! {
        <section class="card scope-card" aria-label="Scope and access token">
            <div class="scope-grid">
                <div class="scope-column"><ScopeField /></div>
                <div class="token-column"><TokenField /></div>
            </div>
            <EnterpriseSection />
            <p class="privacy">
                "Your access token stays in this tab's memory and is sent only to "
                <code>{move || form.api_shown()}</code> ". Nothing is stored but the scope's name and the API URL."
            </p>
        </section>
    }
}
