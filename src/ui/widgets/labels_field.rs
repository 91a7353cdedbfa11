//! `LabelsField`: the runner's labels, one per line, with a hint and an inline message.

use leptos::prelude::*;

#[component]
pub fn LabelsField(
    id: &'static str,
    /// The text shown (one label per line).
    #[prop(into)]
    value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    hint: &'static str,
    rows: u8,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = format!("{hint_id} {error_id}");
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>"Labels"</label>
            <textarea id=id rows=rows spellcheck="false" autocapitalize="off"
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
            <p class="hint" id=hint_id>{hint}</p>
            <p class="field-error" id=error_id hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
        </div>
    }
}
