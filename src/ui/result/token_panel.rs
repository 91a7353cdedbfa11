//! `TokenPanel`: a minted registration or remove token (masked until asked), its expiry, the
//! repository selection, and what to run with it: the runner setup, or the removal steps.

use super::expiry_line::ExpiryLine;
use super::repository_selection::RepositorySelection;
use crate::browser::clock::local_date_time;
use crate::expiry::Remaining;
use crate::form::Action;
use crate::github::{RunnerToken, Scope};
use crate::runner::ConfigCommand;
use crate::state::use_session;
use crate::ui::setup::{RemoveSetup, RunnerSetup};
use crate::ui::widgets::RevealButton;
use leptos::prelude::*;

#[component]
pub fn TokenPanel(
    token: RunnerToken,
    /// Add (a registration token) or Remove (a remove token).
    action: Action,
    command: ConfigCommand,
    scope: Scope,
    /// The API URL for shared links, when not github.com's.
    api: Option<String>,
) -> impl IntoView {
    let session = use_session();
    let now = session.now;
    let revealed = RwSignal::new(false);
    let expires_at = token.expires_at;
    let expired = Memo::new(move |_| Remaining::at(expires_at, now.get()).is_expired());
    let secret = token.token.clone();
    let shown_token = move || {
        if revealed.get() {
            secret.expose().to_string()
        } else {
            secret.masked()
        }
    };
    let registering = action != Action::Remove;
    let what = if registering {
        "Registration token"
    } else {
        "Remove token"
    };
    let subject = scope.to_string();
    let next = if registering {
        view! {
            <RunnerSetup command=command scope=scope api=api revealed=revealed.into() expired=expired.into()
                expires=local_date_time(expires_at.unix_ms()) />
        }
        .into_any()
    } else {
        view! { <RemoveSetup token=command.token revealed=revealed.into() expired=expired.into() /> }.into_any()
    };
    view! {
        <section class="card result" aria-labelledby="result-heading">
            <h2 id="result-heading">{what} " for " {subject.clone()}</h2>
            <p class="visually-hidden" role="status">{format!("{what} created for {subject}.")}</p>
            <div class="token-row">
                <span class="label" id="registration-token-label">{what}</span>
                <code class="token" aria-labelledby="registration-token-label">{shown_token}</code>
                <RevealButton revealed=revealed what="token" />
            </div>
            <ExpiryLine expires_at=expires_at now=now.into() expired=expired.into() on_renew=Callback::new(move |()| session.submit()) />
            {registering.then(|| view! { <RepositorySelection scope=token.scope /> })}
            {next}
        </section>
    }
}
