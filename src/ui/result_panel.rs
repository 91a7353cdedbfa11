//! `ResultPanel`: a minted registration or remove token (masked until asked), its expiry, the
//! repository selection, and what to run with it: the runner setup, or the removal steps.

use super::expiry_line::ExpiryLine;
use super::remove_setup::RemoveSetup;
use super::repository_selection::RepositorySelection;
use super::runner_setup::RunnerSetup;
use super::setup_state::SetupForm;
use super::toggle::RevealButton;
use crate::browser::clock::local_date_time;
use crate::expiry::Remaining;
use crate::github::client::TokenPurpose;
use crate::github::{RegistrationToken, Scope};
use crate::runner::ConfigCommand;
use leptos::prelude::*;

#[component]
pub fn ResultPanel(
    token: RegistrationToken,
    purpose: TokenPurpose,
    command: ConfigCommand,
    scope: Scope,
    /// The API URL for shared links, when not github.com's.
    api: Option<String>,
    setup: SetupForm,
    now: Signal<i64>,
    on_renew: Callback<()>,
) -> impl IntoView {
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
    let what = match purpose {
        TokenPurpose::Registration => "Registration token",
        TokenPurpose::Removal => "Remove token",
    };
    let subject = scope.to_string();
    let next = match purpose {
        TokenPurpose::Registration => view! {
            <RunnerSetup command=command scope=scope api=api setup=setup revealed=revealed.into() expired=expired.into()
                expires=local_date_time(expires_at.unix_ms()) />
        }
        .into_any(),
        TokenPurpose::Removal => view! {
            <RemoveSetup token=command.token setup=setup revealed=revealed.into() expired=expired.into() />
        }
        .into_any(),
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
            <ExpiryLine expires_at=expires_at now=now expired=expired.into() on_renew=on_renew />
            {(purpose == TokenPurpose::Registration).then(|| view! { <RepositorySelection scope=token.scope /> })}
            {next}
        </section>
    }
}
