//! `GroupRunners`: a group's runners, each with Move to group (into another group of the scope,
//! the Runners tab's own request), and a link to the Runners tab filtered to the group.

use super::error::GroupError;
use crate::github::{GroupInfo, Runner};
use crate::operation::Operation;
use crate::state::{GroupsState, Load, Tabs};
use crate::ui::result::ErrorAlert;
use crate::ui::widgets::Modal;
use crate::words::groups::show_in_runners_tab;
use leptos::prelude::*;

#[component]
pub fn GroupRunners(state: GroupsState) -> impl IntoView {
    let tabs = expect_context::<Tabs>();
    let close = move || state.viewer.group.set(None);
    let name = move || {
        state
            .viewer
            .group
            .with(|g| g.as_ref().map(|g| g.name.clone()).unwrap_or_default())
    };
    // The groups a runner may move into: the scope's own, but the one shown.
    let targets = move || {
        let here = state.viewer.group.with(|g| g.as_ref().map(|g| g.id));
        state.list.groups.with(|list| {
            list.iter()
                .filter(|g| Some(g.id) != here && !g.inherited)
                .cloned()
                .collect::<Vec<GroupInfo>>()
        })
    };
    let row = move |r: Runner| {
        let chosen = RwSignal::new(None::<u64>);
        let select_id = format!("move-{}", r.id);
        let options = targets()
            .into_iter()
            .map(|g| view! { <option value=g.id.to_string()>{g.name.clone()}</option> })
            .collect_view();
        let runner = r.clone();
        view! {
            <li>
                <strong>{r.name.clone()}</strong> " " <span class="muted">{r.status().label()}</span> " "
                <label for=select_id.clone()>{format!("Move {} to group", r.name)}</label> " "
                <select id=select_id on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                    <option value="">"Choose a group"</option>
                    {options}
                </select> " "
                <button type="button" class="secondary" disabled=move || state.writes.busy.get() || chosen.get().is_none()
                    on:click=move |_| {
                        let into = chosen.get_untracked().and_then(|id| targets().into_iter().find(|g| g.id == id));
                        if let Some(into) = into { state.move_runner(runner.clone(), into) }
                    }>"Move"</button>
            </li>
        }
    };
    let body = move || {
        let group = state.viewer.group.get_untracked().map(|g| g.name).unwrap_or_default();
        let context = state
            .list
            .source
            .get_untracked()
            .map(|s| s.doing(Operation::LoadGroupRunners { group }));
        match state.viewer.runners.get() {
            None => ().into_any(),
            Some(Load::Loading) => {
                view! { <p class="muted" role="status">"Loading the group's runners\u{2026}"</p> }.into_any()
            }
            Some(Load::Failed(error)) => context
                .map(|c| view! { <ErrorAlert error=error context=c /> })
                .into_any(),
            Some(Load::Ready(list)) if list.is_empty() => view! { <p>"This group has no runners."</p> }.into_any(),
            Some(Load::Ready(list)) => {
                view! { <ul class="group-runners">{list.into_iter().map(row).collect_view()}</ul> }.into_any()
            }
        }
    };
    view! {
        <Modal open=Signal::derive(move || state.viewer.group.with(Option::is_some)) on_close=Callback::new(move |()| close())
            title_id="group-runners-title">
            <h3 id="group-runners-title">{move || format!("Runners of {}", name())}</h3>
            {body}
            <p><a href="#runners" on:click=move |ev| {
                ev.prevent_default();
                if let Some(g) = state.viewer.group.get_untracked() { state.show_in_runners_tab(&g, tabs) }
            }>{move || show_in_runners_tab(&name())}</a></p>
            <p class="copy-status" role="status" aria-live="polite">{move || state.writes.said.get()}</p>
            {move || state.viewer.group.with(Option::is_some).then(|| view! { <GroupError state=state /> })}
            <p class="dialog-actions"><button type="button" class="primary" on:click=move |_| close()>"Done"</button></p>
        </Modal>
    }
}
