//! `OutcomePanel`: the last request's outcome, whichever it was.

use super::error_alert::{ErrorAlert, JitLostAlert};
use super::jit_panel::JitPanel;
use super::token_panel::TokenPanel;
use crate::state::{Outcome, Session};
use leptos::prelude::*;

#[component]
pub fn OutcomePanel() -> impl IntoView {
    let session = expect_context::<Session>();
    move || {
        session.outcome.get().map(|o| match o {
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
            } => {
                view! { <JitPanel runner=runner requested=requested labels=labels subject=subject platform=platform /> }
                    .into_any()
            }
            Outcome::JitLost {
                name,
                registered,
                context,
            } => view! { <JitLostAlert name=name registered=registered context=context /> }.into_any(),
            Outcome::Failed { error, context } => view! { <ErrorAlert error=error context=context /> }.into_any(),
        })
    }
}
