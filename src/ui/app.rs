//! `App`: builds the page's state once, hands it to every section through context, and lays
//! the sections out.

use crate::browser::{clock, location, platform, preferences};
use crate::lazy::prefetch_at_idle;
use crate::state::flows::prefetch_flows;
use crate::state::{FormState, Session, SetupForm, Tab, Tabs};
use crate::ui::form::{InsecurePageWarning, LinkWarning, ScopeCard};
use crate::ui::groups::groups_view;
use crate::ui::register::RegisterPanel;
use crate::ui::result::rehearse_result;
use crate::ui::runners::runners_view;
use crate::ui::tabs::{TabList, TabPanel};
use crate::ui::troubleshoot::troubleshoot_view;
use crate::ui::widgets::LazySection;
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn App() -> impl IntoView {
    let link = location::take_deep_link();
    let form = FormState::new(&link, preferences::load());
    let setup = SetupForm::new(&link, platform::detect());
    if link.arch.is_none() {
        platform::refine(setup.platform);
    }
    let session = Session::new(form, setup);
    provide_context(session);
    provide_context(Tabs::new());

    clock::prepare();
    // Once the first screen is idle, what a click will need: every lazy part of the page (the
    // code that sends requests and shows their results, the just-in-time options and the other
    // tabs) is in the one `sections` chunk (see src/lazy.rs), so one prefetch loads them all;
    // then a result is drawn once off the page, so the click's does not wait for the browser to
    // compile the code that draws it.
    prefetch_at_idle(prefetch_flows, move || rehearse_result(session));
    // One ticker drives every countdown on the page.
    let now = session.now;
    if let Ok(ticker) = set_interval_with_handle(move || now.set(clock::now_ms()), Duration::from_secs(1)) {
        on_cleanup(move || ticker.clear());
    }

    view! {
        <main class="page">
            <header class="masthead">
                <h1>"Self-hosted runners"</h1>
                <p class="lede">
                    "Add a GitHub Actions runner to a repository, an organization or an enterprise, watch it connect, "
                    "or retire it: the tokens, the ready-to-paste " <code>"config.sh"</code> " commands and the runner list."
                </p>
            </header>
            <InsecurePageWarning />
            <LinkWarning removed=link.removed />
            <ScopeCard />
            <TabList />
            <TabPanel tab=Tab::Register><RegisterPanel /></TabPanel>
            <TabPanel tab=Tab::Runners><LazySection what="the runner list" load=runners_view /></TabPanel>
            <TabPanel tab=Tab::Troubleshoot><LazySection what="the troubleshooting checks" load=troubleshoot_view /></TabPanel>
            <TabPanel tab=Tab::Groups><LazySection what="the runner groups" load=groups_view /></TabPanel>
        </main>
    }
}
