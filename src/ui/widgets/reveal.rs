//! `RevealButton`: the Show/Hide toggle for a masked secret, its state in `aria-pressed`.

use leptos::prelude::*;

#[component]
pub fn RevealButton(revealed: RwSignal<bool>, what: &'static str) -> impl IntoView {
    view! {
        <button type="button" class="secondary" aria-pressed=move || revealed.get().to_string()
            on:click=move |_| revealed.update(|r| *r = !*r)>
            {move || format!("{} {what}", if revealed.get() { "Hide" } else { "Show" })}
        </button>
    }
}
