//! `ResultPanel`: the minted token (masked until asked), its expiry, the repository selection and
//! the runner setup (command and script) to paste.

use super::expiry_line::ExpiryLine;
use super::repository_selection::RepositorySelection;
use super::runner_setup::RunnerSetup;
use super::setup_state::SetupForm;
use crate::expiry::Remaining;
use crate::github::RegistrationToken;
use crate::runner::ConfigCommand;
use leptos::prelude::*;

#[component]
pub fn ResultPanel(
    token: RegistrationToken,
    command: ConfigCommand,
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
    let shown_token = move || if revealed.get() { secret.expose().to_string() } else { secret.masked() };
    let org = command.org.to_string();
    view! {
        <section class="card result" aria-labelledby="result-heading">
            <h2 id="result-heading">"Registration token for " {org.clone()}</h2>
            <p class="visually-hidden" role="status">{format!("Registration token created for {org}.")}</p>
            <div class="token-row">
                <span class="label" id="registration-token-label">"Registration token"</span>
                <code class="token" aria-labelledby="registration-token-label">{shown_token}</code>
                <button type="button" class="secondary" aria-pressed=move || revealed.get().to_string()
                    on:click=move |_| revealed.update(|r| *r = !*r)>
                    {move || if revealed.get() { "Hide token" } else { "Show token" }}
                </button>
            </div>
            <ExpiryLine expires_at=expires_at now=now expired=expired.into() on_renew=on_renew />
            <RepositorySelection scope=token.scope />
            <RunnerSetup command=command api=api setup=setup revealed=revealed.into() expired=expired.into() />
        </section>
    }
}
