//! Accessibility as a gate: axe-core (from npm, installed by scripts/setup.sh) audits every state
//! a user meets, in the light and the dark colour scheme, and any violation fails the test with
//! its rule, its element and the state. The page's Content-Security-Policy is bypassed for the
//! audit's session only (DevTools `Page.setBypassCSP`), so axe can be injected. And the main
//! flow, done by keyboard alone.

use crate::page::{check, check_contains, Page, ACCESS_TOKEN};
use crate::tools;
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::fleet::fleet_scope::FLEET_LIMITED;
use mock_github::scenario::org;
use serde_json::{json, Value};
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        every_state_passes_axe_in_the_light_colour_scheme,
        every_state_passes_axe_in_the_dark_colour_scheme,
        no_state_scrolls_sideways_on_a_phone_in_the_light_colour_scheme,
        no_state_scrolls_sideways_on_a_phone_in_the_dark_colour_scheme,
        the_main_flow_works_by_keyboard_alone,
    ]
}

fn axe_source() -> Result<String> {
    let axe = tools::version("AXE_VERSION");
    let path = tools::folder().join(format!("axe-core-{axe}/node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (scripts/setup.sh test installs axe-core@{axe})",
            path.display()
        )
        .into()
    })
}

/// One audit session: a colour scheme, what is checked in each state (axe, or whether the page
/// fits a phone's width), and what was found so far, by state.
struct Audit<'p, 'w> {
    page: &'p Page<'w>,
    /// axe's source, when axe audits each state.
    axe: Option<String>,
    /// The emulated phone's width, when each state must fit it without sideways scrolling.
    phone: Option<u32>,
    scheme: &'static str,
    found: Vec<String>,
    states: usize,
}

/// A phone's screen in CSS pixels.
pub const PHONE: (u32, u32) = (375, 812);

impl<'p, 'w> Audit<'p, 'w> {
    /// axe audits every state, in `scheme`.
    fn new(page: &'p Page<'w>, scheme: &'static str) -> Result<Self> {
        page.session.cdp("Page.setBypassCSP", json!({ "enabled": true }))?;
        page.emulate(None, scheme)?;
        Ok(Self {
            page,
            axe: Some(axe_source()?),
            phone: None,
            scheme,
            found: Vec::new(),
            states: 0,
        })
    }

    /// Every state must fit a phone's width without sideways scrolling, in `scheme`.
    fn phone(page: &'p Page<'w>, scheme: &'static str) -> Result<Self> {
        page.emulate(Some(PHONE), scheme)?;
        Ok(Self {
            page,
            axe: None,
            phone: Some(PHONE.0),
            scheme,
            found: Vec::new(),
            states: 0,
        })
    }

    /// Audits the page as it is now, under the name `state`.
    fn state(&mut self, state: &str) -> Result<()> {
        self.page.settle()?;
        let dark = self
            .page
            .session
            .execute("return matchMedia('(prefers-color-scheme: dark)').matches", vec![])?;
        check(
            dark == (self.scheme == "dark"),
            format!("{state}: the page is not in the {} scheme", self.scheme),
        )?;
        if let Some(width) = self.phone {
            if let Some(wider) = self.page.wider_than(width)? {
                self.found.push(format!("[{} · {state}] {wider}", self.scheme));
            }
        }
        let Some(axe) = &self.axe else {
            self.states += 1;
            return Ok(());
        };
        let loaded = self.page.session.execute("return typeof window.axe", vec![])?;
        if loaded != "object" {
            // Into the page's own global scope, as a script tag would (the policy is bypassed).
            self.page
                .session
                .cdp("Runtime.evaluate", json!({ "expression": axe }))?;
        }
        let result = self.page.session.execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html.slice(0, 160), summary: n.failureSummary })) })))), e => done('AXE ERROR ' + e));",
            vec![],
        )?;
        let text = result.as_str().unwrap_or_default();
        let violations: Value = serde_json::from_str(text).map_err(|_| format!("{state}: axe did not run: {text}"))?;
        for v in violations.as_array().into_iter().flatten() {
            for n in v["nodes"].as_array().into_iter().flatten() {
                self.found.push(format!(
                    "[{} · {state}] {} ({}): {} at {} {}: {}",
                    self.scheme, v["id"], v["impact"], v["help"], n["target"], n["html"], n["summary"]
                ));
            }
        }
        self.states += 1;
        Ok(())
    }

    fn verdict(self) -> Result<()> {
        let what = if self.phone.is_some() {
            "states wider than a phone"
        } else {
            "axe violations"
        };
        eprintln!("a11y: {} states checked in the {} scheme", self.states, self.scheme);
        check(
            self.found.is_empty(),
            format!("{} {what}:\n{}", self.found.len(), self.found.join("\n")),
        )
    }
}

/// Every state of the page a user meets, audited by axe in `scheme`.
fn audit_every_state(world: &World, scheme: &'static str) -> Result<()> {
    let page = Page::new(world)?;
    let audit = Audit::new(&page, scheme)?;
    walk_every_state(&page, audit)
}

/// Every state of the page a user meets, on a phone in `scheme`: none scrolls sideways.
fn every_state_on_a_phone(world: &World, scheme: &'static str) -> Result<()> {
    let page = Page::new(world)?;
    let audit = Audit::phone(&page, scheme)?;
    walk_every_state(&page, audit)
}

/// Goes through every state a user meets, every tab's, checking each with `audit`.
fn walk_every_state(page: &Page, mut audit: Audit) -> Result<()> {
    page.visit_with_mock()?;
    page.button("Create registration token")?;
    audit.state("the empty form")?;
    page.button("Create registration token")?.click()?;
    page.session.find("//p[contains(@class,'field-error')][not(@hidden)]")?;
    audit.state("invalid fields")?;
    // The Enterprise Server section is open: the API URL is the mock's, not github.com's.
    page.field("API URL")?.fill("http://ghes.example.com/api/v3")?;
    audit.state("an invalid API URL, the Enterprise Server section open")?;
    page.field("API URL")?.fill(&page.mock.ghes_url())?;
    for scope in ["Repository", "Enterprise", "Organization"] {
        page.radio("Runner scope", scope)?.click()?;
        audit.state(&format!("the {scope} scope"))?;
    }
    page.fill_form("octo-org", ACCESS_TOKEN)?;
    page.radio("Action", "Add a just-in-time runner")?.click()?;
    page.field("Runner name")?;
    audit.state("the just-in-time action with its options")?;
    page.radio("Action", "Remove a runner")?.click()?;
    audit.state("the remove action")?;
    page.radio("Action", "Add a runner")?.click()?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("1. Create a folder")?;
    page.wait_for_text("Runner group")?;
    audit.state("a registration token with the setup script")?;
    page.button("Show token")?.click()?;
    audit.state("the token shown")?;
    page.button("Copy command")?.click()?;
    page.wait_for_text("Copied")?;
    audit.state("a copy announced")?;
    page.radio("Output", "cloud-init")?.click()?;
    page.wait_for_text("cloud-init user-data")?;
    audit.state("the cloud-init output")?;
    page.radio("Output", "Docker")?.click()?;
    page.wait_for_text("Docker command")?;
    audit.state("the Docker output")?;
    page.radio("Output", "Shell script")?.click()?;
    page.choose("Operating system", "Windows")?;
    page.wait_for_text("Run these in PowerShell")?;
    audit.state("Windows, with cloud-init and Docker disabled")?;
    page.field("Labels")?.fill("a,b")?;
    page.wait_for_text("contains a comma")?;
    audit.state("an invalid runner option")?;
    page.field("Labels")?.fill("")?;
    page.radio("Action", "Remove a runner")?.click()?;
    page.button("Create remove token")?.click()?;
    page.wait_for_text("Remove token for octo-org")?;
    audit.state("a remove token with the removal steps")?;
    page.radio("Action", "Add a just-in-time runner")?.click()?;
    page.field("Runner name")?.fill("a11y-runner")?;
    page.button("Create just-in-time runner")?.click()?;
    page.wait_for_text("Just-in-time runner a11y-runner")?;
    audit.state("a just-in-time runner with its watch")?;
    page.radio("Action", "Add a runner")?.click()?;
    page.create(org::MISSING, ACCESS_TOKEN)?;
    page.alert_containing("404")?;
    audit.state("an error")?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("Registration token for octo-org")?;
    page.open_tab("Runners")?;
    page.wait_for_text("4 runners")?;
    audit.state("the Runners tab with the list")?;
    page.field("Filter runners")?.fill("old")?;
    page.wait_for_text("1 runner")?;
    audit.state("a filtered list")?;
    page.session
        .find("//button[@aria-label='Remove old-runner']")?
        .click()?;
    page.session.find("//dialog[@open]")?;
    audit.state("the removal dialog")?;
    page.button("Cancel")?.click()?;
    page.button("Forget token")?.click()?;
    page.wait_for_text("Forgotten:")?;
    audit.state("after Forget token")?;
    audit_the_fleet(page, &mut audit)?;
    audit_the_groups(page, &mut audit)?;
    audit_troubleshooting(page, &mut audit)?;
    audit_security(page, &mut audit)?;
    audit.verdict()
}

/// The fleet's states: versions, the update commands, the Show choice with a selection, the
/// edit dialog with an invalid label, the bulk confirmation, a run paused by a rate limit, and
/// its report.
fn audit_the_fleet(page: &Page, audit: &mut Audit) -> Result<()> {
    page.fill_form(FLEET_LIMITED, ACCESS_TOKEN)?;
    page.open_tab("Runners")?;
    page.button("Show runners")?.click()?;
    page.field("Filter runners")?.fill("")?;
    let all = "8 runners \u{b7} 2 online \u{b7} 1 busy \u{b7} 4 outdated";
    page.wait_for_text(all).map_err(|e| {
        let now = page
            .session
            .find("//p[@class='summary']")
            .and_then(|s| s.text())
            .unwrap_or_default();
        format!("{}; the summary reads {now:?}", e.message().unwrap_or_default())
    })?;
    page.wait_for_text("Outdated")?;
    audit.state("the fleet with versions")?;
    page.session
        .find("//summary[normalize-space(.)='Outdated: how to update idle-old']")?
        .click()?;
    page.wait_for_text("registration stopped")?;
    page.wait_for_text("sudo ./svc.sh stop")?;
    audit.state("an outdated runner's update commands")?;
    page.session.find("//*[@aria-label='Edit idle-old']")?.click()?;
    page.session
        .find("//dialog[@open]//h3[normalize-space(.)='Edit idle-old']")?;
    audit.state("the edit dialog")?;
    page.field("New labels")?.fill("a,b")?;
    page.button("Add labels")?.click()?;
    page.session
        .find("//dialog[@open]//p[contains(@class,'field-error')][not(@hidden)]")?;
    audit.state("the edit dialog with an invalid label")?;
    page.button("Done")?.click()?;
    page.radio("Show", "Offline")?.click()?;
    page.button("Select all shown")?.click()?;
    page.wait_for_text("6 selected")?;
    audit.state("offline runners shown and selected")?;
    page.button("Remove selected (6)")?.click()?;
    page.session
        .find("//dialog[@open]//h3[starts-with(normalize-space(.), 'Remove 6 runners')]")?;
    audit.state("the removal of many runners, to confirm")?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Remove 6 runners']")?
        .click()?;
    page.wait_for_text("Paused by GitHub's rate limit until")?;
    audit.state("a removal run paused by a rate limit")?;
    page.session
        .wait_for("the removal report", Duration::from_secs(40), || {
            Ok(page
                .session
                .find_all("//h3[normalize-space(.)='Removal report']")?
                .first()
                .map(drop))
        })?;
    audit.state("a removal run's report")
}

/// The Runner groups tab's states: the table, the form with an invalid workflow, the deletion's
/// confirmation and a group's runners.
fn audit_the_groups(page: &Page, audit: &mut Audit) -> Result<()> {
    page.fill_form(mock_github::groups::GROUPS, ACCESS_TOKEN)?;
    page.open_tab("Runner groups")?;
    page.button("Show runner groups")?.click()?;
    page.session
        .find("//table[caption[starts-with(normalize-space(.), 'Runner groups of')]]")?;
    page.wait_for_text("Selected repositories (2)")?;
    audit.state("the Runner groups table")?;
    page.button("New runner group")?.click()?;
    page.radio("Access", "Selected repositories")?.click()?;
    page.wait_for_text("app-001")?;
    page.field("Restrict to selected workflows")?.click()?;
    page.field("Workflows")?.fill("nope")?;
    page.button("Create group")?.click()?;
    page.session
        .find("//dialog[@open]//p[contains(@class,'field-error')][not(@hidden)]")?;
    audit.state("the new group form with repositories and an invalid workflow")?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Cancel']")?
        .click()?;
    page.session
        .find("//*[@aria-label='Delete Release runners']")?
        .click()?;
    page.session
        .find("//dialog[@open]//h3[starts-with(normalize-space(.), 'Delete the group')]")?;
    audit.state("a group's deletion, to confirm")?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Cancel']")?
        .click()?;
    page.session.find("//*[@aria-label='Runners of Default']")?.click()?;
    page.wait_for_text("Move build-01 to group")?;
    audit.state("a group's runners")?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Done']")?
        .click()
}

/// The Troubleshoot tab's states: a token report, the waiting jobs with their reasons, and the
/// confirmation before a group is opened to the repository.
fn audit_troubleshooting(page: &Page, audit: &mut Audit) -> Result<()> {
    page.radio("Runner scope", "Repository")?.click()?;
    page.field("Repository")?.fill("waiting-org/waiting-repo")?;
    page.open_tab("Troubleshoot")?;
    page.button("Check token")?.click()?;
    page.wait_for_text("Rate limit:")?;
    audit.state("the Troubleshoot tab with a token report")?;
    page.button("Find waiting jobs")?.click()?;
    page.wait_for_text("8 jobs waiting")?;
    audit.state("the waiting jobs and why each waits")?;
    page.button("Open GPU to waiting-org/waiting-repo")?.click()?;
    page.session.find("//dialog[@open]")?;
    audit.state("the confirmation before a group is opened")?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Cancel']")?
        .click()
}

/// The Security tab's states: a review with findings, a fix's confirmation, a fix applied, a
/// review with settings not checked, and a clean one.
fn audit_security(page: &Page, audit: &mut Audit) -> Result<()> {
    use mock_github::security::security_scope::{CLEAN as CLEAN_ORG, ORG as EXPOSED_ORG, UNREADABLE as UNREADABLE_ORG};
    page.radio("Runner scope", "Organization")?.click()?;
    page.fill_form(EXPOSED_ORG, ACCESS_TOKEN)?;
    page.open_tab("Security")?;
    page.button("Review security")?.click()?;
    page.wait_for_text("9 findings")?;
    audit.state("the Security tab with findings")?;
    let fix = format!("Fix Workflow permissions for {EXPOSED_ORG}");
    page.session.find(&format!("//button[@aria-label='{fix}']"))?.click()?;
    page.session.find("//dialog[@open]")?;
    audit.state("a fix's confirmation")?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Apply fix']")?
        .click()?;
    page.wait_for_text("Fixed: Workflow permissions")?;
    audit.state("a fix applied")?;
    page.fill_form(UNREADABLE_ORG, ACCESS_TOKEN)?;
    page.button("Review security")?.click()?;
    page.wait_for_text("not checked")?;
    audit.state("a review with settings not checked")?;
    page.fill_form(CLEAN_ORG, ACCESS_TOKEN)?;
    page.button("Review security")?.click()?;
    page.wait_for_text("No findings")?;
    audit.state("a clean review")
}

fn every_state_passes_axe_in_the_light_colour_scheme(world: &World) -> Result<()> {
    audit_every_state(world, "light")
}

fn every_state_passes_axe_in_the_dark_colour_scheme(world: &World) -> Result<()> {
    audit_every_state(world, "dark")
}

fn no_state_scrolls_sideways_on_a_phone_in_the_light_colour_scheme(world: &World) -> Result<()> {
    every_state_on_a_phone(world, "light")
}

fn no_state_scrolls_sideways_on_a_phone_in_the_dark_colour_scheme(world: &World) -> Result<()> {
    every_state_on_a_phone(world, "dark")
}

/// What has focus: its id, or its text and label when it has none.
fn focused(page: &Page) -> Result<String> {
    let v = page.session.execute(
        "const e = document.activeElement; return e.id || (e.getAttribute('aria-label') || e.textContent || e.tagName).trim();",
        vec![],
    )?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// Presses Tab until `want` has focus, at most `limit` times.
fn tab_to(page: &Page, want: &str, limit: usize) -> Result<()> {
    let mut seen = Vec::new();
    for _ in 0..limit {
        page.session.keys("\u{E004}")?;
        let now = focused(page)?;
        if now == want {
            return Ok(());
        }
        seen.push(now);
    }
    Err(format!("Tab never reached {want:?}; focus went: {seen:?}").into())
}

fn the_main_flow_works_by_keyboard_alone(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!("?api={}", page.mock.ghes_url()))?;
    page.session.execute("document.activeElement.blur()", vec![])?;
    tab_to(&page, "org", 8)?;
    page.session.keys("octo-org")?;
    tab_to(&page, "token", 4)?;
    page.session.keys(ACCESS_TOKEN)?;
    page.session.keys("\u{E007}")?; // Enter sends the form
    page.wait_for_text("Registration token for octo-org")?;
    tab_to(&page, "Copy command", 80)?;
    page.session.keys("\u{E007}")?;
    page.wait_for_text("Copied")?;
    check(
        page.clipboard()? == page.expected_command("octo-org"),
        "Enter on Copy command copied it",
    )?;
    // The tab list: Shift+Tab back to it, the arrow key opens Runners.
    page.session
        .execute("document.getElementById('tab-register').focus()", vec![])?;
    page.session.keys("\u{E014}")?;
    page.wait("the Runners tab by keyboard", Duration::from_secs(5), || {
        Ok((focused(&page)? == "tab-runners").then_some(()))
    })?;
    page.wait_for_text("3 runners")?;
    tab_to(&page, "Remove old-runner", 40)?;
    page.session.keys("\u{E007}")?;
    page.session.find("//dialog[@open]")?;
    check(focused(&page)? == "Cancel", "the dialog opens with focus on Cancel")?;
    // Focus stays in the dialog: Tab moves between its buttons.
    page.session.keys("\u{E004}")?;
    let inside = page.session.execute(
        "return document.querySelector('dialog[open]').contains(document.activeElement)",
        vec![],
    )?;
    check(
        inside == true || focused(&page)? == "Remove runner",
        format!("focus left the dialog: {}", focused(&page)?),
    )?;
    page.session.keys("\u{E00C}")?; // Escape
    page.wait("the dialog to close", Duration::from_secs(5), || {
        Ok(page.session.find_all("//dialog[@open]")?.is_empty().then_some(()))
    })?;
    check_contains(&focused(&page)?, "Remove old-runner")?;
    check(page.mock.delete_requests().is_empty(), "nothing removed")
}
