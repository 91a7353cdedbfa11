//! `OutcomePanel`: the last request's outcome, whichever it was. Its panels come from the
//! `sections` wasm chunk (prefetched once the first screen is idle); a request whose code could
//! not be loaded is said here, in main.

use super::error_alert::{ErrorAlert, JitLostAlert};
use super::jit_panel::JitPanel;
use super::token_panel::TokenPanel;
use crate::lazy::split_view;
use crate::state::{Outcome, Session};
use crate::ui::widgets::LazySection;
use leptos::prelude::*;

#[component]
pub fn OutcomePanel() -> impl IntoView {
    let session = expect_context::<Session>();
    move || {
        session.outcome.get().map(|outcome| match outcome {
            Outcome::Unloaded => view! {
                <div class="alert error" role="alert">
                    <p class="alert-title"><strong>"The part of the page that sends requests could not be loaded, so nothing was sent."</strong></p>
                    <p>"Check your connection, then try again."</p>
                    <p><button type="button" class="secondary" on:click=move |_| session.submit()>"Try again"</button></p>
                </div>
            }
            .into_any(),
            outcome => {
                view! { <LazySection what="the result" load=move || outcome_view(outcome.clone()) /> }.into_any()
            }
        })
    }
}

split_view! {
    chunk = sections, prefetch = prefetch_results;
    /// The panel for `outcome`, from the `sections` chunk.
    pub fn outcome_view(outcome: Outcome) {
        view! { <OutcomeContent outcome=outcome /> }
    }
}

#[component]
fn OutcomeContent(outcome: Outcome) -> impl IntoView {
    match outcome {
        Outcome::Token {
            action,
            token,
            command,
            scope,
            api,
        } => view! { <TokenPanel token=token action=action command=command scope=scope api=api /> }.into_any(),
        Outcome::Jit {
            runner,
            requested,
            labels,
            subject,
            platform,
        } => view! { <JitPanel runner=runner requested=requested labels=labels subject=subject platform=platform /> }
            .into_any(),
        Outcome::JitLost {
            name,
            registered,
            context,
        } => view! { <JitLostAlert name=name registered=registered context=context /> }.into_any(),
        Outcome::Failed { error, context } => view! { <ErrorAlert error=error context=context /> }.into_any(),
        Outcome::Unloaded => ().into_any(),
    }
}
