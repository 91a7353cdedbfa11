//! `App`: builds the page's state once, hands it to every section through context, and lays
//! the sections out.

use crate::browser::{clock, location, platform, preferences};
use crate::state::{FormState, Session, SetupForm, Tab, Tabs};
use crate::ui::form::{InsecurePageWarning, LinkWarning, ScopeCard};
use crate::ui::register::RegisterPanel;
use crate::ui::runners::RunnersSection;
use crate::ui::tabs::{TabList, TabPanel};
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
            <TabPanel tab=Tab::Runners><RunnersSection /></TabPanel>
        </main>
    }
}
