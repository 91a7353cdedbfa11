//! `TokenField`: the access-token input (a password field) with a hint that names the token's
//! kind, what it must be granted, and where to create one.

use super::field::Field;
use crate::github::{AccessToken, ApiBase, TokenKind, UrlError};
use leptos::prelude::*;

#[component]
pub fn TokenField(
    value: RwSignal<String>,
    api_base: Memo<Result<ApiBase, UrlError>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let kind = Memo::new(move |_| value.with(|v| AccessToken::parse(v).ok().map(|t| t.kind())));
    // Token pages live on the same server as the API; github.com when that cannot be told.
    let web = move || {
        api_base.with(|a| a.as_ref().ok().and_then(ApiBase::web_base)).map_or_else(|| "https://github.com".to_string(), |w| w.to_string())
    };
    let hint = move || match kind.get() {
        Some(kind) => format!("{}: {}", kind.label(), kind.requirement()),
        None => format!(
            "A classic token {} A fine-grained token {}",
            TokenKind::Classic.requirement(),
            TokenKind::FineGrained.requirement()
        ),
    };
    view! {
        <Field id="token" label="Access token" value=value error=error kind="password"
            placeholder="ghp_… or github_pat_…" autocomplete="off" hint_id="token-hint">
            <p class="hint" id="token-hint">
                <span class="token-kind">{hint}</span>
                " "
                <a href=move || format!("{}/settings/tokens/new?scopes=admin:org&description=Runner%20registration", web())
                    target="_blank" rel="noopener noreferrer">"Create a classic token with admin:org"</a>
                " · "
                <a href=move || format!("{}/settings/personal-access-tokens/new", web())
                    target="_blank" rel="noopener noreferrer">"Create a fine-grained token"</a>
            </p>
        </Field>
    }
}
