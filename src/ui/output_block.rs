//! `OutputBlock`: the Output radio group (Shell script, cloud-init, Docker) and the chosen form
//! of the setup script. A form that does not fit the platform is disabled, with the reason.

use super::copy::copy_and_announce;
use crate::runner::{Job, SetupScript};
use leptos::prelude::*;

/// Which form of the setup script is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Output {
    #[default]
    Shell,
    CloudInit,
    Docker,
}

impl Output {
    const ALL: [Output; 3] = [Output::Shell, Output::CloudInit, Output::Docker];

    fn label(self) -> &'static str {
        match self {
            Self::Shell => "Shell script",
            Self::CloudInit => "cloud-init",
            Self::Docker => "Docker",
        }
    }

    /// Why `script` has no such form, if it has none.
    fn unavailable(self, script: &SetupScript) -> Option<&'static str> {
        match self {
            Self::Shell => None,
            Self::CloudInit => script.cloud_init_unavailable(),
            Self::Docker => script.docker_unavailable(),
        }
    }

    fn text(self, script: &SetupScript, reveal: bool) -> Option<String> {
        match self {
            Self::Shell => Some(script.full_text(reveal)),
            Self::CloudInit => script.cloud_init(reveal),
            Self::Docker => script.docker(reveal),
        }
    }
}

#[component]
pub fn OutputBlock(
    script: Signal<Option<SetupScript>>,
    output: RwSignal<Output>,
    revealed: Signal<bool>,
    expired: Signal<bool>,
    /// When the registration token expires, in local time (none for a just-in-time runner).
    #[prop(optional)]
    expires: Option<String>,
    /// The shell script form (the steps with their copy buttons).
    children: ChildrenFn,
) -> impl IntoView {
    let reason = move |o: Output| script.with(|s| s.as_ref().and_then(|s| o.unavailable(s)));
    let radios = Output::ALL
        .into_iter()
        .map(|o| {
            view! {
                <label class="choice">
                    <input type="radio" name="output" prop:checked=move || output.get() == o
                        disabled=move || reason(o).is_some() on:change=move |_| output.set(o) />
                    " " {o.label()}
                </label>
            }
        })
        .collect_view();
    let reasons = move || {
        let notes: Vec<String> = [Output::CloudInit, Output::Docker]
            .into_iter()
            .filter_map(|o| reason(o).map(|r| format!("{}: {r}", o.label())))
            .collect();
        (!notes.is_empty()).then(|| notes.join(" "))
    };
    let status = RwSignal::new(String::new());
    let jit = move || script.with(|s| s.as_ref().is_some_and(|s| matches!(s.job, Job::JustInTime { .. })));
    let expires = StoredValue::new(expires);
    let note = move |o: Output| {
        match o {
        Output::CloudInit => format!(
            "Any process on the VM can read user-data from its metadata service, so treat the VM as holding the secret. {} A just-in-time runner fits VMs best: its configuration registers one runner, once.",
            if jit() {
                "The configuration in it registers the runner when the VM first boots.".to_string()
            } else {
                expires.with_value(|e| e.as_ref().map_or_else(String::new, |at| format!("The registration token in it expires at {at}: the VM must boot and register before then.")))
            }
        ),
        _ => "Anyone who can run docker inspect or ps on that host can read the values on this command line. A just-in-time runner fits containers best: its configuration registers one runner, once.".to_string(),
    }
    };
    let other = move |o: Output| {
        let heading = if o == Output::CloudInit {
            "cloud-init user-data"
        } else {
            "Docker command"
        };
        let copy_label = if o == Output::CloudInit {
            "Copy the cloud-init user-data"
        } else {
            "Copy the docker command"
        };
        let shown = move || script.with(|s| s.as_ref().and_then(|s| o.text(s, revealed.get())));
        let copy = move |_| {
            if let Some(text) = script.with_untracked(|s| s.as_ref().and_then(|s| o.text(s, true))) {
                copy_and_announce(text, expired.get_untracked(), status, "Copied");
            }
        };
        view! {
            <section class="setup-script" aria-labelledby="output-heading">
                <h3 id="output-heading">{heading}</h3>
                <p class="note">{note(o)}</p>
                {move || match shown() {
                    Some(text) => view! {
                        <div class="code-row">
                            <pre><code>{text}</code></pre>
                            <button type="button" class="primary" aria-label=copy_label on:click=copy>"Copy"</button>
                        </div>
                    }.into_any(),
                    None => view! { <p class="muted">{reason(o).unwrap_or("Fix the runner options above first.")}</p> }.into_any(),
                }}
                <p class="copy-status" role="status" aria-live="polite" class:warn=move || expired.get()>{move || status.get()}</p>
            </section>
        }
    };
    view! {
        <fieldset class="choices">
            <legend>"Output"</legend>
            {radios}
            {move || reasons().map(|r| view! { <p class="hint">{r}</p> })}
        </fieldset>
        {move || match output.get() {
            Output::Shell => children().into_any(),
            o => other(o).into_any(),
        }}
    }
}
