//! `SecuritySection`: Review security, the summary, Copy report, the findings, what was not
//! checked, and the fix's confirmation, from the `sections` chunk.

use super::findings::Findings;
use super::fix_dialog::FixDialog;
use crate::lazy::split_view;
use crate::operation::Operation;
use crate::state::{listed_subject, use_session, Load};
use crate::ui::result::ErrorAlert;
use crate::ui::widgets::{copy_and_announce, CardNeeded};
use crate::words::security::{not_checked, report, summary};
use leptos::prelude::*;

split_view! {
    chunk = sections, prefetch = prefetch_security;
    /// [`SecuritySection`], from the `sections` chunk.
    pub fn security_view() {
        view! { <SecuritySection /> }
    }
}

#[component]
pub fn SecuritySection() -> impl IntoView {
    let session = use_session();
    let state = session.security();
    let ready = session.list_source();
    let scope = move || listed_subject(state.source);
    let kind = move || state.source.with(|s| s.as_ref().map(|s| s.target.scope.kind()));
    let reviewing = move || state.read.with(Load::is_loading);
    let copied = RwSignal::new(String::new());
    let elsewhere = session.elsewhere(state.source);
    let copy = move |_| {
        let text = state.review().zip(kind()).map(|(r, kind)| {
            let fixed = state.fixed.get_untracked();
            report(&r, &scope(), kind, &fixed)
        });
        if let Some(text) = text {
            copy_and_announce(text, false, copied, "Copied the review as Markdown");
        }
    };
    view! {
        <section class="card security-section" aria-labelledby="security-heading">
            <h2 id="security-heading" class="visually-hidden" tabindex="-1">"Security"</h2>
            <p class="muted">"Whether public repositories and forks can reach your self-hosted runners, and the Actions settings that decide it. The review only reads; a fix changes one setting, after you confirm it."</p>
            <p>
                <button type="button" class="primary" disabled=move || ready.with(Option::is_none) || reviewing()
                    on:click=move |_| if let Some(source) = ready.get_untracked() { state.start(source) }>
                    {move || if reviewing() { "Reviewing\u{2026}" } else { "Review security" }}
                </button>
                " " <CardNeeded />
            </p>
            <p class="note stale-list" role="status">{move || elsewhere.get()}</p>
            <p class="muted" role="status">{move || reviewing().then_some("Reading the scope's settings\u{2026}")}</p>
            {move || {
                let error = state.read.with(|r| r.error().cloned())?;
                let context = state.source.with(|s| s.as_ref().map(|s| s.doing(Operation::ReviewSecurity)))?;
                Some(view! { <ErrorAlert error=error context=context /> })
            }}
            {move || state.review().zip(kind()).map(|(review, kind)| {
                let scope = scope();
                let unread = review.not_checked.iter().map(|n| view! { <li>{not_checked(n.check, &n.error, kind)}</li> }).collect_view();
                let has_unread = !review.not_checked.is_empty();
                view! {
                    <div class="review-summary">
                        <p class="summary" role="status"><strong>{summary(&review, &scope)}</strong></p>
                        <p>
                            <button type="button" class="secondary" on:click=copy>"Copy report"</button>
                            " " <span class="copy-status" role="status" aria-live="polite">{move || copied.get()}</span>
                        </p>
                    </div>
                    <p class="copy-status" role="status">{move || state.writes.said.get()}</p>
                    {move || state.writes.refusal.get().map(|(error, context)| view! { <ErrorAlert error=error context=context /> })}
                    <Findings state=state />
                    {has_unread.then(|| view! {
                        <h3>"Not checked"</h3>
                        <ul class="not-checked">{unread}</ul>
                    })}
                }
            })}
            <FixDialog state=state />
        </section>
    }
}
