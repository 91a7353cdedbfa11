//! `Field`: a labelled text input with its inline error, tied together for assistive technology.

use leptos::prelude::*;

/// A text value and how to change it: a signal of the form, an option of the setup, the token.
#[derive(Clone, Copy)]
pub struct Bound {
    pub value: Signal<String>,
    pub set: Callback<String>,
}

impl From<RwSignal<String>> for Bound {
    fn from(signal: RwSignal<String>) -> Self {
        Self {
            value: signal.into(),
            set: Callback::new(move |text| signal.set(text)),
        }
    }
}

#[component]
pub fn Field(
    /// The input's id, given by the section that places it (a label's `for`, focus targets).
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Bound,
    /// The message to show, or `None` when the value is fine (or not yet checked).
    #[prop(into)]
    error: Signal<Option<String>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    /// The id of a hint element inside `children`, read after the label.
    #[prop(optional)]
    hint_id: Option<&'static str>,
    /// The id of the form the input submits, when it stands outside it (the scope card's fields
    /// submit the Register tab's form: Enter in them sends the request).
    #[prop(optional)]
    form: Option<&'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described_by = {
        let error_id = error_id.clone();
        move || {
            let ids: Vec<&str> = [hint_id, error.with(Option::is_some).then_some(error_id.as_str())]
                .into_iter()
                .flatten()
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <input
                id=id
                name=id
                form=form
                type=kind
                placeholder=placeholder
                autocomplete=autocomplete
                spellcheck="false"
                autocapitalize="off"
                prop:value=move || value.value.get()
                on:input=move |ev| value.set.run(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described_by
            />
            {children.map(|c| c())}
            <p class="field-error" id=error_id hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </div>
    }
}
