//! `TokenField`: the access-token input (a password field) with a hint that names the token's
//! kind, what it must be granted, and where to create one, and Forget token.

use super::REGISTER_FORM;
use crate::browser::focus::focus;
use crate::github::access_token::{new_classic_token_url, new_fine_grained_token_url};
use crate::github::{ApiBase, ScopeKind};
use crate::state::Shell;
use crate::ui::widgets::{Bound, Field};
use crate::words::errors::{new_classic_token_text, token_hint, token_not_accepted, FORGOTTEN, NEW_FINE_GRAINED_TOKEN};
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
    let hint = move || token_hint(credential.kind(), scope.get());
    let refused = move || credential.kind().and_then(|k| token_not_accepted(k, scope.get()));
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
