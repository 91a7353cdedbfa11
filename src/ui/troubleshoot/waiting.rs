//! `WaitingJobs`: the Repository field, Find waiting jobs, and one verdict per waiting job
//! (with Open group where a closed group holds the only matching runner).

use crate::browser::clock::local_date_time;
use crate::runner::waiting::Verdict;
use crate::state::troubleshoot::WaitingJob;
use crate::state::{use_session, TroubleshootState};
use crate::ui::widgets::CardNeeded;
use crate::words::troubleshoot::{jobs_waiting, none_waiting, verdict, waited};
use leptos::prelude::*;

#[component]
pub fn WaitingJobs(state: TroubleshootState) -> impl IntoView {
    let session = use_session();
    let ready = session.form.validated;
    let now = session.now;
    let result = move || {
        let w = state.waiting.get()?;
        let repo = w.repository.full_name.clone();
        let unread = w
            .unread
            .iter()
            .map(|u| view! { <p class="note">{u.clone()}</p> })
            .collect_view();
        let body = if w.jobs.is_empty() {
            view! {
                <p role="status">{none_waiting(&repo, &local_date_time(w.checked_at))}</p>
                <p><button type="button" class="secondary" disabled=move || state.finding.get()
                    on:click=move |_| state.find_waiting()>"Check again"</button></p>
            }
            .into_any()
        } else {
            let heading = jobs_waiting(w.jobs.len());
            let items = w
                .jobs
                .into_iter()
                .map(|job| view! { <JobItem job=job repository=repo.clone() repository_id=w.repository.id state=state now=now /> })
                .collect_view();
            view! {
                <h4>{heading}</h4>
                <ul class="waiting-jobs" aria-label="Waiting jobs">{items}</ul>
                <p><button type="button" class="secondary" disabled=move || state.finding.get()
                    on:click=move |_| state.find_waiting()>"Check again"</button></p>
            }
            .into_any()
        };
        Some(view! { {unread} {body} })
    };
    view! {
        <h3>"Why is a job waiting?"</h3>
        <div class="field">
            <label for="troubleshoot-repo">"Repository"</label>
            <input id="troubleshoot-repo" type="text" autocomplete="off" spellcheck="false" placeholder="OWNER/NAME"
                aria-describedby="troubleshoot-repo-error"
                prop:value=move || state.repository.get()
                on:input=move |ev| state.repository.set(event_target_value(&ev))
                on:change=move |_| state.take_pasted_address() />
            <p id="troubleshoot-repo-error" class="field-error">{move || state.field_error.get()}</p>
        </div>
        <p>
            <button type="button" class="secondary" disabled=move || ready.with(Result::is_err) || state.finding.get()
                on:click=move |_| state.find_waiting()>"Find waiting jobs"</button>
            " " <CardNeeded />
        </p>
        <p class="muted" role="status">{move || state.finding.get().then_some("Reading the queued jobs and the runners\u{2026}")}</p>
        <p role="status">{move || state.writes.said.get()}</p>
        {move || state.failed.get().map(|m| view! { <div class="alert error" role="alert"><p>{m}</p></div> })}
        {result}
    }
}

#[component]
fn JobItem(
    job: WaitingJob,
    repository: String,
    repository_id: u64,
    state: TroubleshootState,
    now: RwSignal<i64>,
) -> impl IntoView {
    let WaitingJob {
        job,
        workflow,
        verdict: v,
    } = job;
    let said = verdict(&v, &repository);
    let created = job.created_ms;
    let age = move || created.map(|c| waited(now.get() - c)).unwrap_or_default();
    let labels = if job.labels.is_empty() {
        "no labels".to_string()
    } else {
        job.labels.join(", ")
    };
    let link = job
        .html_url
        .clone()
        .map(|href| view! { " " <a href=href target="_blank" rel="noopener noreferrer">"Open the job"</a> });
    let open = match &v {
        Verdict::GroupClosed { group, group_id, can_open: true, .. } => {
            let (group, id) = (group.clone(), *group_id);
            let text = format!("Open {group} to {repository}");
            Some(view! {
                <p><button type="button" class="secondary"
                    disabled=move || state.writes.busy.get() || state.was_sent(id, repository_id)
                    on:click=move |_| state.ask_open(id, group.clone())>{text}</button></p>
            }
            .into_any())
        }
        Verdict::GroupClosed { can_open: false, .. } => Some(
            view! { <p class="muted">"The group is open to no selected list of repositories: change its visibility in the organization's runner group settings."</p> }
                .into_any(),
        ),
        _ => None,
    };
    view! {
        <li>
            <p><strong>{job.name.clone()}</strong>" \u{b7} "{workflow}" \u{b7} "{labels}" \u{b7} "{age}{link}</p>
            <p class="verdict">{said}</p>
            {open}
        </li>
    }
}
