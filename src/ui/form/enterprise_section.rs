//! `EnterpriseSection`: the API URL for GitHub Enterprise Server or GHE.com, the web address
//! derived from it, and a Server URL input when it cannot be derived.

use super::REGISTER_FORM;
use crate::form::WebBaseSource;
use crate::github::{api_advice, ApiAdvice, ApiBase, DEFAULT_API};
use crate::state::Shell;
use crate::ui::widgets::Field;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn EnterpriseSection() -> impl IntoView {
    let form = expect_context::<Shell>().form;
    let api_base = form.api_base;
    let is_default = move || api_base.with(|a| a.as_ref().is_ok_and(ApiBase::is_default));
    let open = RwSignal::new(!is_default());
    // Open whenever the value is not github.com's; closing is left to the user.
    Effect::new(move |_| {
        if !is_default() {
            open.set(true);
        }
    });
    // A memo, so typing in the API URL does not rebuild the Server URL field while it stays needed.
    let needs_server = Memo::new(move |_| api_base.with(|a| WebBaseSource::of(a) == WebBaseSource::NeedsInput));
    let api_advice_shown = Memo::new(move |_| form.api.with(|a| api_advice(a) == Some(ApiAdvice::GithubWebAddress)));
    let derived = move || api_base.with(|a| a.as_ref().ok().and_then(ApiBase::web_base));
    view! {
        <details class="enterprise" prop:open=move || open.get() on:toggle=move |ev| {
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                open.set(d.open());
            }
        }>
            <summary>"GitHub Enterprise Server"</summary>
            <Field id="api" label="API URL" form=REGISTER_FORM value=form.api error=form.error(|e| e.api.clone()) placeholder=DEFAULT_API autocomplete="url" hint_id="api-hint">
                <p class="hint" id="api-hint">
                    "github.com: " <code>"https://api.github.com"</code>
                    " · Enterprise Server: " <code>"https://HOST/api/v3"</code>
                    " · GHE.com: " <code>"https://api.SUBDOMAIN.ghe.com"</code>
                </p>
            </Field>
            // github.com's web address is taken as its API URL: said, with the field's fix.
            {move || (api_advice_shown.get()).then(|| view! {
                <p class="hint api-advice" role="status">
                    {ApiAdvice::GithubWebAddress.to_string()} " "
                    <button type="button" class="secondary small" on:click=move |_| form.api.set(DEFAULT_API.to_string())>
                        {format!("Use {DEFAULT_API}")}
                    </button>
                </p>
            })}
            {move || derived().map(|web| view! {
                <p class="derived">"Runners will register with " <code>{web.to_string()}</code></p>
            })}
            {move || needs_server.get().then(|| view! {
                <Field id="server" label="Server URL" form=REGISTER_FORM value=form.server error=form.error(|e| e.server.clone())
                    placeholder="https://ghes.example.com" autocomplete="url" hint_id="server-hint">
                    <p class="hint" id="server-hint">
                        "The web address of your GitHub server, used for " <code>"config.sh --url"</code> "."
                    </p>
                </Field>
            })}
        </details>
    }
}
