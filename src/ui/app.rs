//! `App`: the form's state, the submit flow, and what follows it (a result or an error).

use super::enterprise_section::EnterpriseSection;
use super::error_alert::{ErrorAlert, ErrorContext};
use super::field::Field;
use super::link_warning::LinkWarning;
use super::result_panel::ResultPanel;
use super::setup_state::{Load, SetupForm};
use super::token_field::TokenField;
use crate::browser::{clock, focus::focus, location, platform, preferences};
use crate::form::{FieldErrors, FormInput};
use crate::github::client::{create_registration_token, runner_downloads, runner_groups, OrgRequest};
use crate::github::{ApiBase, ApiError, RegistrationToken, DEFAULT_API};
use crate::runner::ConfigCommand;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// What the last request produced.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A token, and the command for the same scope that minted it.
    /// `api` is the request's API URL when it is not github.com's, for links that preset it.
    Minted { token: RegistrationToken, command: ConfigCommand, api: Option<String> },
    Failed { error: ApiError, context: ErrorContext },
}

#[component]
pub fn App() -> impl IntoView {
    let link = location::take_deep_link();
    let saved = preferences::load();
    let setup = SetupForm::new(&link, platform::detect());
    let org = RwSignal::new(link.org.or(saved.org).unwrap_or_default());
    let api = RwSignal::new(link.api.or(saved.api).unwrap_or_else(|| DEFAULT_API.to_string()));
    let token = RwSignal::new(String::new());
    let server = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    // The API URL and org whose downloads and runner groups were loaded (or are loading).
    let setup_for = StoredValue::new(None::<String>);

    // One ticker drives every countdown on the page.
    let now = RwSignal::new(clock::now_ms());
    if let Ok(ticker) = set_interval_with_handle(move || now.set(clock::now_ms()), Duration::from_secs(1)) {
        on_cleanup(move || ticker.clear());
    }

    // The API URL is parsed once per edit; the form, the token hint, the Enterprise section and
    // the privacy note all read this one result.
    let api_base = Memo::new(move |_| api.with(|a| ApiBase::parse(a)));
    let validated = Memo::new(move |_| {
        let input = FormInput { org: org.get(), token: token.get(), api: api.get(), server: server.get() };
        input.validate_with(api_base.get())
    });
    // Messages appear once the user has tried to submit, then follow every keystroke.
    let error_of = move |pick: fn(&FieldErrors) -> Option<String>| {
        Signal::derive(move || if attempted.get() { validated.with(|v| v.as_ref().err().and_then(pick)) } else { None })
    };

    let submit = move || {
        if pending.get_untracked() {
            return;
        }
        attempted.set(true);
        let valid = match validated.get_untracked() {
            Ok(valid) => valid,
            Err(errors) => {
                if let Some(id) = errors.first_invalid() {
                    focus(id);
                }
                return;
            }
        };
        preferences::save(valid.request.org.as_str(), &valid.request.api.to_string());
        pending.set(true);
        outcome.set(None);
        spawn_local(async move {
            let result = create_registration_token(&valid.request).await;
            let context = ErrorContext::of(&valid);
            // The countdown starts from this instant, not the last tick.
            now.set(clock::now_ms());
            if result.is_ok() {
                load_setup_data(&valid.request, setup, setup_for);
            }
            outcome.set(Some(match result {
                Ok(token) => Outcome::Minted {
                    api: (!valid.request.api.is_default()).then(|| valid.request.api.to_string()),
                    command: ConfigCommand { web_base: valid.web_base, org: valid.request.org, token: token.token.clone() },
                    token,
                },
                Err(error) => Outcome::Failed { error, context },
            }));
            pending.set(false);
        });
    };

    let api_shown = move || api_base.get().map_or_else(|_| api.get(), |a| a.to_string());

    view! {
        <main class="page">
            <header class="masthead">
                <h1>"Runner registration token"</h1>
                <p class="lede">
                    "Create a token that registers a self-hosted GitHub Actions runner with your organization, "
                    "and copy the ready-to-paste " <code>"config.sh"</code> " command."
                </p>
            </header>
            {location::insecure_host().map(|host| view! {
                <div class="alert warning" role="alert">
                    <p><strong>{format!("This page was loaded over plain http from {host}.")}</strong></p>
                    <p>"Anyone on the network path could have altered it or could read what you type. Open it over https before pasting an access token."</p>
                </div>
            })}
            <LinkWarning removed=link.removed />
            <form class="card" novalidate on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }>
                <Field id="org" label="Organization" value=org error=error_of(|e| e.org.clone())
                    placeholder="octo-org" autocomplete="organization" />
                <TokenField value=token api_base=api_base error=error_of(|e| e.token.clone()) />
                <EnterpriseSection api=api api_base=api_base server=server
                    api_error=error_of(|e| e.api.clone()) server_error=error_of(|e| e.server.clone()) />
                <button type="submit" class="primary" disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
                    {move || if pending.get() { "Creating registration token…" } else { "Create registration token" }}
                </button>
                <p class="privacy">
                    "Your access token stays in this tab's memory and is sent only to "
                    <code>{api_shown}</code> ". Nothing is stored but the organization and API URL."
                </p>
            </form>
            {move || outcome.get().map(|o| match o {
                Outcome::Minted { token, command, api } => view! {
                    <ResultPanel token=token command=command api=api setup=setup now=now.into() on_renew=Callback::new(move |()| submit()) />
                }.into_any(),
                Outcome::Failed { error, context } => view! { <ErrorAlert error=error context=context /> }.into_any(),
            })}
        </main>
    }
}

/// Fetches the runner downloads and groups for `req`'s org, once per API URL and org: a new
/// token for the same org reuses them unless loading failed. Answers for an org the user has
/// since left are dropped.
fn load_setup_data(req: &OrgRequest, setup: SetupForm, setup_for: StoredValue<Option<String>>) {
    let key = format!("{} {}", req.api, req.org);
    let reuse = setup_for.get_value().as_deref() == Some(key.as_str())
        && !setup.downloads.with_untracked(Load::failed)
        && !setup.groups.with_untracked(Load::failed);
    if reuse {
        return;
    }
    setup_for.set_value(Some(key.clone()));
    setup.downloads.set(Load::Loading);
    setup.groups.set(Load::Loading);
    let current = move |key: &str| setup_for.get_value().as_deref() == Some(key);
    let (req2, key2) = (req.clone(), key.clone());
    let req = req.clone();
    spawn_local(async move {
        let answer = runner_downloads(&req).await;
        if current(&key) {
            setup.downloads.set(answer.map_or_else(Load::Failed, Load::Ready));
        }
    });
    spawn_local(async move {
        let answer = runner_groups(&req2).await;
        if current(&key2) {
            setup.groups.set(answer.map_or_else(Load::Failed, Load::Ready));
        }
    });
}
