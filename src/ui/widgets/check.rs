//! `Check`: a labelled checkbox with an optional hint and inline error.

use leptos::prelude::*;

#[component]
pub fn Check(
    id: &'static str,
    label: &'static str,
    checked: Signal<bool>,
    on_change: Callback<bool>,
    #[prop(optional)] hint: &'static str,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="check" class:invalid=move || error.with(Option::is_some)>
            <input type="checkbox" id=id prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone()) />
            <label for=id>{label}</label>
            {(!hint.is_empty()).then(|| view! { <span class="hint">" " {hint}</span> })}
            <p class="field-error" id=error_id hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
        </div>
    }
}
