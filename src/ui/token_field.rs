//! `TokenField`: the access-token input (a password field) with a hint that names the token's
//! kind, what it must be granted, and where to create one.

use super::error_alert::{new_classic_token_text, NEW_FINE_GRAINED_TOKEN};
use super::field::Field;
use crate::github::access_token::{new_classic_token_url, new_fine_grained_token_url};
use crate::github::{AccessToken, ApiBase, ScopeKind, TokenKind, UrlError};
use leptos::prelude::*;

#[component]
pub fn TokenField(
    value: RwSignal<String>,
    api_base: Memo<Result<ApiBase, UrlError>>,
    /// The chosen scope's kind: each needs its own grant.
    scope: RwSignal<ScopeKind>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let kind = move || value.with(|v| AccessToken::parse(v).ok().map(|t| t.kind()));
    // Token pages live on the same server as the API; github.com when that cannot be told.
    let web = move || {
        api_base
            .with(|a| a.as_ref().ok().and_then(ApiBase::web_base))
            .map_or_else(|| "https://github.com".to_string(), |w| w.to_string())
    };
    let forgotten = RwSignal::new(false);
    Effect::new(move |_| {
        if value.with(|v| !v.is_empty()) {
            forgotten.set(false);
        }
    });
    let forget = move |value: RwSignal<String>| {
        // Overwrite the text before letting it go, so the wasm heap keeps no copy of it.
        value.update(|t| {
            let mut bytes = std::mem::take(t).into_bytes();
            bytes.fill(0);
            std::hint::black_box(&bytes);
        });
        forgotten.set(true);
    };
    let hint = move || {
        let scope = scope.get();
        match kind() {
            Some(kind) => format!("{}: {}", kind.label(), kind.requirement(scope)),
            None if scope == ScopeKind::Enterprise => {
                format!("A classic token {}", TokenKind::Classic.requirement(scope))
            }
            None => format!(
                "A classic token {} A fine-grained token {}",
                TokenKind::Classic.requirement(scope),
                TokenKind::FineGrained.requirement(scope)
            ),
        }
    };
    // Said before sending, while sending stays possible: GitHub has the last word.
    let refused = move || {
        let scope = scope.get();
        kind().filter(|k| !k.accepted_for(scope)).map(|k| {
            format!("{} will be refused for {} runners: create a classic token with manage_runners:enterprise instead. You can still send it.", k.subject(), scope.noun())
        })
    };
    view! {
        <Field id="token" label="Access token" value=value error=error kind="password"
            placeholder="ghp_… or github_pat_…" autocomplete="off" hint_id="token-hint">
            <p class="hint" id="token-hint">
                <span class="token-kind">{hint}</span>
                " "
                <a href=move || new_classic_token_url(&web(), scope.get()) target="_blank" rel="noopener noreferrer">{move || new_classic_token_text(scope.get())}</a>
                {move || (scope.get() != ScopeKind::Enterprise).then(|| view! {
                    " · "
                    <a href=new_fine_grained_token_url(&web()) target="_blank" rel="noopener noreferrer">{NEW_FINE_GRAINED_TOKEN}</a>
                })}
            </p>
            <p class="token-warning" role="status">{move || refused().map(|w| view! { <strong>"Not accepted here: "</strong> {w} })}</p>
            <p class="forget">
                <button type="button" class="secondary" disabled=move || value.with(String::is_empty) on:click=move |_| forget(value)>
                    "Forget token"
                </button>
                " " <span class="hint" role="status">{move || forgotten.get().then_some("The access token was cleared from this page.")}</span>
            </p>
        </Field>
    }
}
