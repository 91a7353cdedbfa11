//! `OutputBlock`: the Output radio group (Shell script, cloud-init, Docker) and the chosen form
//! of the setup script, each rendered by `SetupScript::render`. A form that does not fit the
//! script is disabled, with the reason.

use crate::runner::{Job, Output, SetupScript};
use crate::state::use_session;
use crate::ui::widgets::{copy_and_announce, ids};
use crate::words::setup::{output_heading, output_note, unavailable_outputs, FIX_OPTIONS};
use leptos::prelude::*;

#[component]
pub fn OutputBlock(
    script: Signal<Option<SetupScript>>,
    revealed: Signal<bool>,
    expired: Signal<bool>,
    /// When the registration token expires, in local time (none for a just-in-time runner).
    #[prop(optional)]
    expires: Option<String>,
    /// The shell script form (the steps with their copy buttons).
    children: ChildrenFn,
) -> impl IntoView {
    let output = use_session().setup.output;
    // Why cloud-init and Docker are unavailable, if they are: rendered once per script, not for
    // each radio and hint that asks. (The shell script always exists.)
    let unavailable = Memo::new(move |_| {
        script.with(|s| [Output::CloudInit, Output::Docker].map(|o| s.as_ref().and_then(|s| s.render(o, false).err())))
    });
    let reason = move |o: Output| match o {
        Output::Shell => None,
        Output::CloudInit => unavailable.with(|u| u[0]),
        Output::Docker => unavailable.with(|u| u[1]),
    };
    let name = ids::unique("output");
    let radios = Output::ALL
        .into_iter()
        .map(|o| {
            view! {
                <label class="choice">
                    <input type="radio" name=name.clone() prop:checked=move || output.get() == o
                        disabled=move || reason(o).is_some() on:change=move |_| output.set(o) />
                    " " {o.label()}
                </label>
            }
        })
        .collect_view();
    let reasons = move || {
        let reasons: Vec<_> = [Output::CloudInit, Output::Docker]
            .into_iter()
            .filter_map(|o| reason(o).map(|r| (o, r)))
            .collect();
        unavailable_outputs(&reasons)
    };
    let status = RwSignal::new(String::new());
    let jit = move || script.with(|s| s.as_ref().is_some_and(|s| matches!(s.job, Job::JustInTime { .. })));
    let expires = StoredValue::new(expires);
    let other = move |o: Output| {
        let heading_id = ids::unique("output-heading");
        let labelled_by = heading_id.clone();
        let (heading, copy_label) = output_heading(o);
        let shown = move || script.with(|s| s.as_ref().map(|s| s.render(o, revealed.get())));
        let copy = move |_| {
            if let Some(Ok(text)) = script.with_untracked(|s| s.as_ref().map(|s| s.render(o, true))) {
                copy_and_announce(text, expired.get_untracked(), status, "Copied");
            }
        };
        let note = expires.with_value(|e| output_note(o, jit(), e.as_deref()));
        view! {
            <section class="setup-script" aria-labelledby=labelled_by>
                <h3 id=heading_id>{heading}</h3>
                <p class="note">{note}</p>
                {move || match shown() {
                    Some(Ok(text)) => view! {
                        <div class="code-row">
                            <pre><code>{text}</code></pre>
                            <button type="button" class="primary" aria-label=copy_label on:click=copy>"Copy"</button>
                        </div>
                    }.into_any(),
                    Some(Err(why)) => view! { <p class="muted">{why.to_string()}</p> }.into_any(),
                    None => view! { <p class="muted">{FIX_OPTIONS}</p> }.into_any(),
                }}
                <p class="copy-status" role="status" aria-live="polite" class:warn=move || expired.get()>{move || status.get()}</p>
            </section>
        }
    };
    view! {
        <fieldset class="choices">
            <legend>"Output"</legend>
            {radios}
            {move || reasons().map(|r| view! { <p class="hint">{r}</p> })}
        </fieldset>
        {move || match output.get() {
            Output::Shell => children().into_any(),
            o => other(o).into_any(),
        }}
    }
}
