//! `ScopeField`: the Runner scope radio group and the input for the chosen scope (Repository
//! `OWNER/NAME`, Organization, Enterprise slug). A GitHub address pasted into any of them (or
//! typed, once the field is left) picks the scope and fills the right field. Not on every
//! keystroke: `https://github.com/o` would be taken before the rest was typed.

use super::REGISTER_FORM;
use crate::github::ScopeKind;
use crate::state::Shell;
use crate::ui::widgets::{ChoiceGroup, Field};
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn ScopeField() -> impl IntoView {
    let form = expect_context::<Shell>().form;
    let error = form.error(|e| e.scope.clone());
    let choices = ScopeKind::ALL.into_iter().map(|k| (k, k.label())).collect();
    let field = move || {
        let kind = form.kind.get();
        let (placeholder, hint) = match kind {
            ScopeKind::Repository => (
                "OWNER/NAME",
                "The repository as OWNER/NAME, or paste its address. Personal accounts register runners here.",
            ),
            // No sample name: one that looks like a value is taken for one.
            ScopeKind::Organization => (
                "",
                "The organization's login, as in github.com/NAME, or paste its address.",
            ),
            ScopeKind::Enterprise => (
                "",
                "The enterprise's slug, as in github.com/enterprises/SLUG, or paste its address.",
            ),
        };
        view! {
            <Field id=kind.key() label=kind.label() form=REGISTER_FORM value=form.text(kind) error=error placeholder=placeholder
                autocomplete="off" hint_id="scope-hint">
                <p class="hint" id="scope-hint">{hint}</p>
            </Field>
        }
    };
    view! {
        <ChoiceGroup legend="Runner scope" name="scope" choices=choices selected=form.kind />
        // The input event that follows a paste has updated the text by the time this runs.
        <div on:paste=move |_| set_timeout(move || form.take_pasted_address(), Duration::ZERO)
            on:change=move |_| form.take_pasted_address()>
            {field}
        </div>
    }
}
