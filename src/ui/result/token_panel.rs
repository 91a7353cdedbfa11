//! `TokenPanel`: a minted registration or remove token (masked until asked), its expiry and,
//! right below them, what to run with it: the configure command (then the watch line, then the
//! runner's options and the whole setup script), or the removal steps. The repository selection
//! the answer carried comes last.

use super::expiry_line::ExpiryLine;
use super::repository_selection::RepositorySelection;
use crate::browser::clock::local_date_time;
use crate::expiry::Remaining;
use crate::form::Action;
use crate::github::{RunnerToken, Scope};
use crate::runner::ConfigCommand;
use crate::state::use_session;
use crate::ui::register::WatchLine;
use crate::ui::setup::{configure_script, CommandBlock, RemoveSetup, RunnerSetup};
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
        let (validated, script) = configure_script(command, &scope);
        view! {
            <CommandBlock script=script revealed=revealed.into() expired=expired.into() heading="Configure the runner"
                intro="In the runner's folder (after downloading and extracting it), run:" />
            <WatchLine />
            <RunnerSetup scope=scope api=api validated=validated script=script revealed=revealed.into() expired=expired.into()
                expires=local_date_time(expires_at.unix_ms()) />
            <RepositorySelection scope=token.scope />
        }
        .into_any()
    } else {
        view! { <RemoveSetup token=command.token revealed=revealed.into() expired=expired.into() /> }.into_any()
    };
    view! {
        <section class="card result" aria-labelledby="result-heading">
            <h2 id="result-heading" tabindex="-1">{what} " for " {subject.clone()}</h2>
            <p class="visually-hidden" role="status">{format!("{what} created for {subject}.")}</p>
            <div class="token-row">
                <span class="label" id="registration-token-label">{what}</span>
                <code class="token" aria-labelledby="registration-token-label">{shown_token}</code>
                <RevealButton revealed=revealed what="token" />
            </div>
            <ExpiryLine expires_at=expires_at now=now.into() expired=expired.into() on_renew=Callback::new(move |()| session.submit()) />
            {next}
        </section>
    }
}
