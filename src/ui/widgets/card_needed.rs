//! `CardNeeded`: beside a button that needs the scope card, what the card still lacks (nothing
//! once it is complete), so the button is never disabled without a reason.

use crate::state::use_session;
use crate::words::card::card_needed;
use leptos::prelude::*;

#[component]
pub fn CardNeeded() -> impl IntoView {
    let form = use_session().form;
    let needed = move || {
        form.validated
            .with(|v| v.as_ref().err().map(|e| card_needed(e, form.kind.get())))
    };
    view! { <span class="muted card-needed">{needed}</span> }
}
