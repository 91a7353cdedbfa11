//! `App`: the page's layout, the submit flow for each action, and what follows it (a result or
//! an error). The form's state lives in [`FormState`], the runner setup's in [`SetupForm`].

use super::choice_group::ChoiceGroup;
use super::enterprise_section::EnterpriseSection;
use super::error_alert::{ErrorAlert, ErrorContext};
use super::form_state::FormState;
use super::jit_options::JitOptions;
use super::lazy::{prefetch_when, LazySection};
use super::lazy_results::{jit_result, prefetch_results, token_result};
use super::link_warning::LinkWarning;
use super::runner_watch::{Watch, WatchTarget};
use super::runners_section::RunnersSection;
use super::runners_state::{ListSource, RunnersState};
use super::scope_field::ScopeField;
use super::setup_state::{Load, SetupForm};
use super::token_field::TokenField;
use crate::browser::{clock, focus::focus, location, platform, preferences};
use crate::form::{Action, FieldErrors};
use crate::github::client::{
    create_token, generate_jit_config, runner_downloads, runner_groups, ScopeRequest, TokenPurpose,
};
use crate::github::{ApiBase, ApiError, JitConfig, RegistrationToken, Scope};
use crate::runner::{ConfigCommand, OptionErrors, RunnerPlatform};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// What the last request produced.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A registration or remove token, and the command for the same scope that minted it.
    /// `api` is the request's API URL when it is not github.com's, for links that preset it.
    Token {
        purpose: TokenPurpose,
        token: RegistrationToken,
        command: ConfigCommand,
        scope: Scope,
        api: Option<String>,
    },
    /// A just-in-time runner, registered for `platform`.
    Jit {
        runner: JitConfig,
        requested: String,
        labels: Vec<String>,
        subject: String,
        platform: RunnerPlatform,
    },
    Failed {
        error: ApiError,
        context: ErrorContext,
    },
}

/// Waits this long after the last edit before acting on it (loading runner groups for a
/// just-in-time runner, watching for a newly typed runner name): not a request per keystroke.
const TYPING_PAUSE: Duration = Duration::from_millis(600);

/// Runs `f` once typing pauses: `TYPING_PAUSE` after this call, unless a newer call on the same
/// `counter` came meanwhile (then only that one runs).
fn after_typing_pauses(counter: StoredValue<u32>, f: impl FnOnce() + 'static) {
    let generation = counter.get_value().wrapping_add(1);
    counter.set_value(generation);
    set_timeout(
        move || {
            if counter.get_value() == generation {
                f();
            }
        },
        TYPING_PAUSE,
    );
}

/// Runs `f` once the browser has painted the next frame (a task queued from that frame's
/// animation callback runs after its paint).
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

#[component]
pub fn App() -> impl IntoView {
    let link = location::take_deep_link();
    let form = FormState::new(&link, preferences::load());
    let setup = SetupForm::new(&link, platform::detect());
    if link.arch.is_none() {
        platform::refine(setup.platform);
    }
    let attempted = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    // The API URL and scope whose downloads and runner groups were loaded (or are loading).
    let setup_for = StoredValue::new(None::<String>);
    let runners = RunnersState::new();
    let watch = Watch::new(runners);
    // The registration being watched (request and token expiry): its runner's name is typed
    // after the token is minted, so the watch follows the Runner name option.
    let watched_registration = StoredValue::new(None::<(ScopeRequest, i64)>);
    // Forget token (or an emptied field) leaves no copy of the token behind: the watch stops
    // and the runner list drops the request it holds for Refresh and Remove.
    Effect::new(move |_| {
        if form.token.with(String::is_empty) {
            if watch.active.get_untracked() {
                watch.stop_with("Stopped watching: the access token was cleared.".into());
            }
            watched_registration.set_value(None);
            runners.forget();
        }
    });
    let renamed = StoredValue::new(0u32);
    Effect::new(move |previous: Option<String>| {
        let name = setup.name.with(|n| n.trim().to_string());
        if previous.is_some_and(|p| p != name) && watch.active.get_untracked() {
            let typed = name.clone();
            after_typing_pauses(renamed, move || {
                if let Some((request, until)) = watched_registration.get_value() {
                    watch.start(WatchTarget {
                        request,
                        name: Some(typed).filter(|n| !n.is_empty()),
                        until_ms: Some(until),
                    });
                }
            });
        }
        name
    });

    clock::prepare();
    // One ticker drives every countdown on the page.
    let now = RwSignal::new(clock::now_ms());
    if let Ok(ticker) = set_interval_with_handle(move || now.set(clock::now_ms()), Duration::from_secs(1)) {
        on_cleanup(move || ticker.clear());
    }

    // The API URL is parsed once per edit; the form, the token hint, the Enterprise section and
    // the privacy note all read this one result.
    let api_base = Memo::new(move |_| form.api.with(|a| ApiBase::parse(a)));
    let validated = Memo::new(move |_| form.input().validate_with(api_base.get()));
    let jit_validated = Memo::new(move |_| {
        setup.input().jit_request(
            &setup.jit_labels_text(),
            form.kind.get().has_groups(),
            setup.known_groups().as_deref(),
        )
    });
    // Messages appear once the user has tried to submit, then follow every keystroke.
    let error_of = move |pick: fn(&FieldErrors) -> Option<String>| {
        Signal::derive(move || {
            if attempted.get() {
                validated.with(|v| v.as_ref().err().and_then(pick))
            } else {
                None
            }
        })
    };
    let jit_errors = Signal::derive(move || {
        if attempted.get() {
            jit_validated.get().err()
        } else {
            None
        }
    });
    // What Show runners loads: the scope as the form names it now.
    let list_source = Signal::derive(move || validated.with(|v| v.as_ref().ok().map(ListSource::of)));
    // The Group column names groups when the listed scope has them.
    let list_groups = Signal::derive(move || {
        let has_groups = runners
            .source
            .with(|s| s.as_ref().is_some_and(|s| s.request.scope.kind().has_groups()));
        has_groups.then(|| setup.known_groups().unwrap_or_default())
    });

    // A result for one action is not left under the form of another.
    Effect::new(move |previous: Option<Action>| {
        let action = form.action.get();
        if previous.is_some_and(|p| p != action) {
            outcome.set(None);
            attempted.set(false);
        }
        action
    });
    // Just-in-time runners name their group by id: load the groups once scope and token are valid.
    let debounce = StoredValue::new(0u32);
    Effect::new(move |_| {
        let wanted = form.action.get() == Action::JustInTime;
        let Some(valid) = validated
            .get()
            .ok()
            .filter(|v| wanted && v.request.scope.kind().has_groups())
        else {
            return;
        };
        after_typing_pauses(debounce, move || load_setup_data(&valid.request, setup, setup_for));
    });

    let submit = move || {
        if pending.get_untracked() {
            return;
        }
        // An address typed and sent with Enter has not been read yet (no change event).
        form.take_pasted_address();
        attempted.set(true);
        let action = form.action.get_untracked();
        let valid = match validated.get_untracked() {
            Ok(valid) => valid,
            Err(errors) => {
                if let Some(id) = errors.first_invalid(form.kind.get_untracked()) {
                    focus(id);
                }
                return;
            }
        };
        let jit = match (action, jit_validated.get_untracked()) {
            (Action::JustInTime, Ok(request)) => Some(request),
            (Action::JustInTime, Err(errors)) => {
                focus(first_invalid_option(&errors));
                return;
            }
            _ => None,
        };
        let scope = valid.request.scope.clone();
        preferences::save(scope.kind(), &scope.name(), &valid.request.api.to_string());
        let platform = setup.platform.get_untracked();
        let named = setup
            .name
            .with_untracked(|n| Some(n.trim().to_string()).filter(|n| !n.is_empty()));
        pending.set(true);
        outcome.set(None);
        spawn_local(async move {
            let req = &valid.request;
            let runner_name = jit.as_ref().map(|j| j.name.clone());
            let context = ErrorContext::of(&valid, action, runner_name.clone());
            let result = match (action, jit) {
                (Action::JustInTime, Some(jit)) => generate_jit_config(req, &jit).await.map(|runner| Outcome::Jit {
                    runner,
                    requested: jit.name,
                    labels: jit.labels,
                    subject: scope.to_string(),
                    platform,
                }),
                _ => {
                    let purpose = if action == Action::Remove {
                        TokenPurpose::Removal
                    } else {
                        TokenPurpose::Registration
                    };
                    create_token(req, purpose).await.map(|token| Outcome::Token {
                        purpose,
                        command: ConfigCommand::new(&valid.web_base, &scope, token.token.clone()),
                        api: (!req.api.is_default()).then(|| req.api.to_string()),
                        scope: scope.clone(),
                        token,
                    })
                }
            };
            // The countdown starts from this instant, not the last tick.
            now.set(clock::now_ms());
            if result.is_ok() && action != Action::Remove {
                load_setup_data(req, setup, setup_for);
            }
            if let Ok(outcome) = &result {
                // Watch for the runner just added: by name when it has one.
                watched_registration.set_value(None);
                let watched = match outcome {
                    Outcome::Token {
                        purpose: TokenPurpose::Registration,
                        token,
                        ..
                    } => {
                        watched_registration.set_value(Some((req.clone(), token.expires_at.unix_ms())));
                        Some(WatchTarget {
                            request: req.clone(),
                            name: named,
                            until_ms: Some(token.expires_at.unix_ms()),
                        })
                    }
                    Outcome::Jit { requested, .. } => Some(WatchTarget {
                        request: req.clone(),
                        name: Some(requested.clone()),
                        until_ms: None,
                    }),
                    _ => None,
                };
                // The runner list and the watch start once the result is on screen: the token
                // first, then what follows it (scripts/bench: click to result).
                let source = ListSource::of(&valid);
                after_paint(move || {
                    if form.token.with_untracked(String::is_empty) {
                        return; // Forgotten meanwhile: nothing may use it.
                    }
                    runners.load(source);
                    if let Some(target) = watched {
                        watch.start(target);
                    }
                });
            }
            outcome.set(Some(result.unwrap_or_else(|error| Outcome::Failed { error, context })));
            pending.set(false);
        });
    };

    // The result panels' chunk, once the form could be sent.
    prefetch_when(move || validated.with(Result::is_ok), prefetch_results);

    let api_shown = move || api_base.get().map_or_else(|_| form.api.get(), |a| a.to_string());
    let actions = Action::ALL.into_iter().map(|a| (a, a.label())).collect();

    view! {
        <main class="page">
            <header class="masthead">
                <h1>"Runner registration token"</h1>
                <p class="lede">
                    "Register a self-hosted GitHub Actions runner with a repository, an organization or an enterprise, "
                    "or remove one: create the token and copy the ready-to-paste " <code>"config.sh"</code> " commands."
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
                <ScopeField form=form error=error_of(|e| e.scope.clone()) />
                <TokenField value=form.token api_base=api_base scope=form.kind error=error_of(|e| e.token.clone()) />
                <EnterpriseSection api=form.api api_base=api_base server=form.server
                    api_error=error_of(|e| e.api.clone()) server_error=error_of(|e| e.server.clone()) />
                <ChoiceGroup legend="Action" name="action" choices=actions selected=form.action />
                {move || (form.action.get() == Action::JustInTime).then(|| view! { <JitOptions setup=setup scope=form.kind errors=jit_errors /> })}
                <button type="submit" class="primary" disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
                    {move || if pending.get() { form.action.get().pending() } else { form.action.get().button() }}
                </button>
                <p class="privacy">
                    "Your access token stays in this tab's memory and is sent only to "
                    <code>{api_shown}</code> ". Nothing is stored but the scope's name and the API URL."
                </p>
            </form>
            {move || outcome.get().map(|o| match o {
                // Both panels come from the `results` wasm chunk (src/ui/lazy_results.rs).
                Outcome::Token { purpose, token, command, scope, api } => view! {
                    <LazySection what="the result" load=move || token_result(token.clone(), purpose, command.clone(),
                        scope.clone(), api.clone(), setup, now.into(), Callback::new(move |()| submit())) />
                }.into_any(),
                Outcome::Jit { runner, requested, labels, subject, platform } => view! {
                    <LazySection what="the result" load=move || jit_result(runner.clone(), requested.clone(), labels.clone(),
                        subject.clone(), platform, setup) />
                }.into_any(),
                Outcome::Failed { error, context } => view! { <ErrorAlert error=error context=context /> }.into_any(),
            })}
            <RunnersSection state=runners watch=watch ready=list_source groups=list_groups />
        </main>
    }
}

/// The id of the first just-in-time option with a message, in page order.
fn first_invalid_option(errors: &OptionErrors) -> &'static str {
    [
        (&errors.name, "runner-name"),
        (&errors.labels, "runner-labels"),
        (&errors.group, "runner-group"),
        (&errors.work, "runner-work"),
    ]
    .into_iter()
    .find_map(|(e, id)| e.as_ref().map(|_| id))
    .unwrap_or("runner-name")
}

/// Fetches the runner downloads and (for organizations and enterprises) groups for `req`'s
/// scope, once per API URL and scope: later requests reuse them unless loading failed. Answers
/// for a scope the user has since left are dropped.
fn load_setup_data(req: &ScopeRequest, setup: SetupForm, setup_for: StoredValue<Option<String>>) {
    let key = format!("{}{}", req.api, req.scope.api_path());
    let reuse = setup_for.get_value().as_deref() == Some(key.as_str())
        && !setup.downloads.with_untracked(Load::failed)
        && !setup.groups.with_untracked(Load::failed);
    if reuse {
        return;
    }
    setup_for.set_value(Some(key.clone()));
    setup.downloads.set(Load::Loading);
    let has_groups = req.scope.kind().has_groups();
    setup.groups.set(if has_groups {
        Load::Loading
    } else {
        Load::Ready(Vec::new())
    });
    let current = move |key: &str| setup_for.get_value().as_deref() == Some(key);
    let (req2, key2) = (req.clone(), key.clone());
    let req = req.clone();
    spawn_local(async move {
        let answer = runner_downloads(&req).await;
        if current(&key) {
            setup.downloads.set(answer.map_or_else(Load::Failed, Load::Ready));
        }
    });
    if has_groups {
        spawn_local(async move {
            let answer = runner_groups(&req2).await;
            if current(&key2) {
                setup.groups.set(answer.map_or_else(Load::Failed, Load::Ready));
            }
        });
    }
}
