//! `TabList` and `TabPanel`: the page's sections as WAI-ARIA tabs. Arrow keys (and Home, End)
//! move between tabs and open them; only the open tab is in the Tab order; each panel is named
//! by its tab. The address's fragment follows the open tab (`state::Tabs`).

use crate::browser::focus::focus;
use crate::state::{Tab, Tabs};
use leptos::prelude::*;

/// The id of a tab's button and of its panel.
fn tab_id(tab: Tab) -> String {
    format!("tab-{}", tab.key())
}

fn panel_id(tab: Tab) -> String {
    format!("panel-{}", tab.key())
}

#[component]
pub fn TabList() -> impl IntoView {
    let tabs = expect_context::<Tabs>();
    let active = tabs.active;
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        let current = active.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" => current.step(1),
            "ArrowLeft" => current.step(-1),
            "Home" => Tab::ALL[0],
            "End" => Tab::ALL[Tab::ALL.len() - 1],
            _ => return,
        };
        ev.prevent_default();
        tabs.open(next);
        focus(&tab_id(next));
    };
    let buttons = Tab::ALL
        .into_iter()
        .map(|tab| {
            let selected = move || active.get() == tab;
            view! {
                <button type="button" role="tab" id=tab_id(tab) aria-controls=panel_id(tab)
                    aria-selected=move || selected().to_string() tabindex=move || if selected() { "0" } else { "-1" }
                    on:click=move |_| tabs.open(tab)>
                    {tab.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="tabs" role="tablist" aria-label="Sections" on:keydown=keydown>
            {buttons}
        </div>
    }
}

/// The open tab's panel: `children` for `tab`, rendered only while it is open.
#[component]
pub fn TabPanel(tab: Tab, children: ChildrenFn) -> impl IntoView {
    let active = expect_context::<Tabs>().active;
    move || {
        (active.get() == tab).then(|| {
            view! {
                <div role="tabpanel" class="tab-panel" id=panel_id(tab) aria-labelledby=tab_id(tab)>
                    {children()}
                </div>
            }
        })
    }
}
