//! `LabelsField`: the runner's labels, one per line, with a hint and an inline message.

use leptos::prelude::*;

#[component]
pub fn LabelsField(
    /// The text shown (one label per line).
    #[prop(into)]
    value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    hint: &'static str,
    rows: u8,
) -> impl IntoView {
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for="runner-labels">"Labels"</label>
            <textarea id="runner-labels" rows=rows spellcheck="false" autocapitalize="off"
                aria-describedby="runner-labels-hint runner-labels-error"
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
            <p class="hint" id="runner-labels-hint">{hint}</p>
            <p class="field-error" id="runner-labels-error" hidden=move || error.with(Option::is_none)>{move || error.get()}</p>
        </div>
    }
}
