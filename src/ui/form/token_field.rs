//! `TokenField`: the access-token input (a password field) with a hint that names the token's
//! kind, what it must be granted, and where to create one, and Forget token.

use super::REGISTER_FORM;
use crate::github::access_token::{new_classic_token_url, new_fine_grained_token_url};
use crate::github::{ApiBase, ScopeKind, TokenKind};
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
    let hint = move || {
        let scope = scope.get();
        match credential.kind() {
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
                " "
                <a href=move || new_classic_token_url(&web(), scope.get()) target="_blank" rel="noopener noreferrer">{move || new_classic_token_text(scope.get())}</a>
                {move || (scope.get() != ScopeKind::Enterprise).then(|| view! {
                    " · "
                    <a href=new_fine_grained_token_url(&web()) target="_blank" rel="noopener noreferrer">{NEW_FINE_GRAINED_TOKEN}</a>
                })}
            </p>
            <p class="token-warning" role="status">{move || refused().map(|w| view! { <strong>"Not accepted here: "</strong> {w} })}</p>
            <p class="forget">
                <button type="button" class="secondary" disabled=move || credential.is_empty() on:click=move |_| shell.forget_token()>
                    "Forget token"
                </button>
                " " <span class="hint" role="status">{move || shell.forgotten.get().then_some(FORGOTTEN)}</span>
            </p>
        </Field>
    }
}
