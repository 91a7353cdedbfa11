//! `ChoiceGroup`: a radio group in a fieldset whose legend names it, each choice a labelled
//! radio button. Used for Runner scope and Action.

use leptos::prelude::*;

#[component]
pub fn ChoiceGroup<T>(
    legend: &'static str,
    /// The radios' shared `name`.
    name: &'static str,
    /// Each choice and its label, in order.
    choices: Vec<(T, &'static str)>,
    selected: RwSignal<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let radios = choices
        .into_iter()
        .map(|(value, label)| {
            view! {
                <label class="choice">
                    <input type="radio" name=name prop:checked=move || selected.get() == value
                        on:change=move |_| selected.set(value) />
                    " " {label}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {radios}
        </fieldset>
    }
}
