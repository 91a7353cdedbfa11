//! `TokenField`: the access-token input (a password field) with a hint that names the token's
//! kind, what it must be granted, and where to create one, and Forget token.

use super::REGISTER_FORM;
use crate::browser::focus::focus;
use crate::github::access_token::{new_classic_token_url, new_fine_grained_token_url};
use crate::github::{ApiBase, ScopeKind};
use crate::state::Shell;
use crate::ui::widgets::{Bound, Field};
use crate::words::errors::{new_classic_token_text, FORGOTTEN, NEW_FINE_GRAINED_TOKEN};
use leptos::prelude::*;

#[component]
pub fn TokenField() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let form = shell.form;
    let credential = form.credential;
    let scope = form.kind;
    let value = Bound {
        value: credential.text(),
        set: Callback::new(move |text| credential.set(text)),
    };
    // Token pages live on the same server as the API; github.com when that cannot be told.
    let web = move || {
        form.api_base
            .with(|a| a.as_ref().ok().and_then(ApiBase::web_base))
            .map_or_else(|| "https://github.com".to_string(), |w| w.to_string())
    };
    // Before a token is typed, what each kind needs in a line; once one is, what that kind needs.
    let hint = move || {
        let scope = scope.get();
        match credential.kind() {
            Some(kind) => format!("{}: {}", kind.label(), kind.requirement(scope)),
            None => token_needs(scope).to_string(),
        }
    };
    // Said before sending, while sending stays possible: GitHub has the last word.
    let refused = move || {
        let scope = scope.get();
        credential.kind().filter(|k| !k.accepted_for(scope)).map(|k| {
            format!(
                "{} will be refused for {} runners: create a classic token with manage_runners:enterprise instead. You can still send it.",
                k.subject(),
                scope.noun()
            )
        })
    };
    view! {
        <Field id="token" label="Access token" form=REGISTER_FORM value=value error=form.error(|e| e.token.clone()) kind="password"
            placeholder="ghp_… or github_pat_…" autocomplete="off" hint_id="token-hint">
            <p class="hint" id="token-hint">
                <span class="token-kind">{hint}</span>
                " Create one: "
                <a href=move || new_classic_token_url(&web(), scope.get()) target="_blank" rel="noopener noreferrer"
                    aria-label=move || new_classic_token_text(scope.get())>"classic"</a>
                {move || (scope.get() != ScopeKind::Enterprise).then(|| view! {
                    " \u{b7} "
                    <a href=new_fine_grained_token_url(&web()) target="_blank" rel="noopener noreferrer" aria-label=NEW_FINE_GRAINED_TOKEN>"fine-grained"</a>
                })}
            </p>
            <p class="token-warning" role="status">{move || refused().map(|w| view! { <strong>"Not accepted here: "</strong> {w} })}</p>
            // Only while there is a token to forget; what happened stays said after it.
            <p class="forget">
                {move || (!credential.is_empty()).then(|| view! {
                    <button type="button" class="secondary small" on:click=move |_| {
                        shell.forget_token();
                        focus("token");
                    }>"Forget token"</button>
                    " "
                })}
                <span class="hint" role="status">{move || shell.forgotten.get().then_some(FORGOTTEN)}</span>
            </p>
        </Field>
    }
}

/// What a token needs for a scope of `kind`, in a line, before its kind is known.
fn token_needs(kind: ScopeKind) -> &'static str {
    match kind {
        ScopeKind::Repository => "A classic token with repo (of a repository admin), or a fine-grained token with Administration: Read and write.",
        ScopeKind::Organization => "A classic token with admin:org (of an owner), or a fine-grained token with Self-hosted runners: Read and write.",
        ScopeKind::Enterprise => "A classic token with manage_runners:enterprise (of an enterprise owner).",
    }
}
