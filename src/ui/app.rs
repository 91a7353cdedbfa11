//! `App`: builds the first screen's state (the [`Shell`]) once, hands it to every section
//! through context, and lays the sections out. The rest of the page's state (the session) is
//! made in the `sections` chunk the first time something needs it.

use crate::browser::{location, preferences};
use crate::lazy::prefetch_at_idle;
use crate::state::flows::prefetch_flows;
use crate::state::{FormState, Shell, Tab, Tabs};
use crate::ui::form::{InsecurePageWarning, LinkWarning, ScopeCard};
use crate::ui::groups::groups_view;
use crate::ui::register::RegisterPanel;
use crate::ui::result::rehearse_result;
use crate::ui::runners::runners_view;
use crate::ui::security::security_view;
use crate::ui::tabs::{TabList, TabPanel};
use crate::ui::troubleshoot::troubleshoot_view;
use crate::ui::widgets::LazySection;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let link = location::take_deep_link();
    let removed = link.removed.clone();
    let form = FormState::new(&link, preferences::load());
    let shell = Shell::new(form, link);
    provide_context(shell);
    provide_context(Tabs::new());

    // Once the first screen is idle, what a click will need: every lazy part of the page (the
    // session and the code that sends requests and shows their results, the just-in-time
    // options and the other tabs) is in the one `sections` chunk (see src/lazy.rs), so one
    // prefetch loads them all; then the session is made and a result is drawn once off the
    // page, so the click's does not wait for the browser to compile the code that draws it.
    prefetch_at_idle(prefetch_flows, move || rehearse_result(shell));

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
            <LinkWarning removed=removed />
            <ScopeCard />
            <TabList />
            <TabPanel tab=Tab::Register><RegisterPanel /></TabPanel>
            <TabPanel tab=Tab::Runners><LazySection what="the runner list" load=runners_view /></TabPanel>
            <TabPanel tab=Tab::Troubleshoot><LazySection what="the troubleshooting checks" load=troubleshoot_view /></TabPanel>
            <TabPanel tab=Tab::Groups><LazySection what="the runner groups" load=groups_view /></TabPanel>
            <TabPanel tab=Tab::Security><LazySection what="the security review" load=security_view /></TabPanel>
        </main>
    }
}
