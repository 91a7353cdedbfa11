//! The page as it meets the eye: the first screen at 1280×800 holds the whole form; after
//! Enter the result is brought into view (token, expiry and command) with its heading focused;
//! a runner's name is never broken inside a word; a message goes once what it was about has
//! changed, and a dialog opens fresh; the repository search survives a tick; Remove a runner
//! points a machine that is gone to the Runners tab. (No state scrolls sideways on a phone:
//! `a11y`, over every state.)

use crate::page::{check, lit, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::fleet::fleet_scope::FLEET;
use mock_github::groups::GROUPS;
use mock_github::scenario::{org, runner};
use serde_json::json;
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        the_first_screen_holds_the_scope_the_token_the_action_and_its_button_at_1280_by_800,
        after_enter_the_token_its_expiry_and_the_command_are_in_view_and_the_result_has_focus,
        an_error_after_enter_is_in_view_with_focus_on_what_to_do,
        a_thirteen_character_runner_name_stays_on_one_line_at_1280,
        an_alert_goes_once_its_scope_token_or_api_url_changes,
        a_watch_line_is_not_left_above_a_later_error,
        the_repository_search_survives_a_tick_and_the_chosen_ones_are_listed,
        a_groups_runners_dialog_opens_without_an_earlier_message,
        remove_a_runner_points_a_machine_that_is_gone_to_the_runners_tab,
    ]
}

const DESKTOP: (u32, u32) = (1280, 800);

/// Whether the first element matching `xpath` lies wholly inside the window, and where.
fn in_view(page: &Page, xpath: &str) -> Result<(bool, String)> {
    let element = page.session.find(xpath)?;
    let v = page.session.execute(
        "const r = arguments[0].getBoundingClientRect();\
         return [r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0, `top ${Math.round(r.top)}, bottom ${Math.round(r.bottom)} of ${window.innerHeight}`];",
        vec![element.as_arg()],
    )?;
    Ok((v[0] == json!(true), v[1].as_str().unwrap_or_default().to_string()))
}

fn check_in_view(page: &Page, xpath: &str, what: &str) -> Result<()> {
    let (shown, at) = in_view(page, xpath)?;
    check(shown, format!("{what} is not in view: {at}"))
}

/// The id of the focused element.
fn focused_id(page: &Page) -> Result<String> {
    let v = page.session.execute("return document.activeElement.id", vec![])?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

fn the_first_screen_holds_the_scope_the_token_the_action_and_its_button_at_1280_by_800(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.emulate(Some(DESKTOP), "light")?;
    page.visit("")?;
    check_in_view(&page, "//fieldset[legend='Runner scope']", "the Runner scope")?;
    check_in_view(&page, "//input[@id='org']", "the Organization field")?;
    check_in_view(&page, "//input[@id='token']", "the Access token field")?;
    check_in_view(&page, "//fieldset[legend='Action']", "the Action choice")?;
    check_in_view(
        &page,
        "//button[normalize-space(.)='Create registration token']",
        "the Create registration token button",
    )
}

fn after_enter_the_token_its_expiry_and_the_command_are_in_view_and_the_result_has_focus(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.emulate(Some(DESKTOP), "light")?;
    page.visit_with_mock()?;
    page.field("Organization")?.fill("octo-org")?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.session.keys("\u{E007}")?;
    page.wait_for_text("Registration token for octo-org")?;
    page.wait("focus on the result's heading", Duration::from_secs(5), || {
        Ok((focused_id(&page)? == "result-heading").then_some(()))
    })?;
    check_in_view(&page, "//h2[@id='result-heading']", "the result's heading")?;
    check_in_view(&page, "//code[contains(@class,'token')]", "the token")?;
    check_in_view(&page, "//*[contains(@class,'expiry')]//time", "the expiry")?;
    let command = format!(
        "//section[@aria-labelledby=//h3[normalize-space(.)={}]/@id]//pre",
        lit("Configure the runner")
    );
    check_in_view(&page, &command, "the config.sh command")?;
    let text = page.session.find(&command)?.text()?;
    check(
        text.starts_with("./config.sh --url "),
        format!("the command in view reads {text:?}"),
    )
}

fn an_error_after_enter_is_in_view_with_focus_on_what_to_do(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.emulate(Some(DESKTOP), "light")?;
    page.visit_with_mock()?;
    page.field("Organization")?.fill(org::MISSING)?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.session.keys("\u{E007}")?;
    page.alert_containing("404")?;
    page.wait("focus on the alert's title", Duration::from_secs(5), || {
        Ok((focused_id(&page)? == "result-alert").then_some(()))
    })?;
    check_in_view(&page, "//div[@role='alert']", "the whole alert")
}

fn a_thirteen_character_runner_name_stays_on_one_line_at_1280(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.emulate(Some(DESKTOP), "light")?;
    let name = "ci-linux-0042";
    check(name.len() == 13, "thirteen characters")?;
    page.create_jit(&format!("org={FLEET}"), name)?;
    page.open_tab("Runners")?;
    let cell = format!(
        "//table[caption]//th[@scope='row'][.//*[normalize-space(.)={}]]//*[contains(@class,'runner-name')]",
        lit(name)
    );
    page.session.find(&cell)?;
    page.settle()?;
    let lines = page.session.execute(
        "return arguments[0].getClientRects().length",
        vec![page.session.find(&cell)?.as_arg()],
    )?;
    check(lines == json!(1), format!("{name} is drawn on {lines} lines"))?;
    // And every other name in the list too.
    let broken = page.session.execute(
        "return [...document.querySelectorAll('table .runner-name')].filter(e => e.getClientRects().length > 1).map(e => e.textContent)",
        vec![],
    )?;
    check(broken == json!([]), format!("names broken across lines: {broken}"))
}

fn an_alert_goes_once_its_scope_token_or_api_url_changes(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    let alert = "//div[@role='alert']";
    // The scope changes.
    page.create(org::MISSING, ACCESS_TOKEN)?;
    page.alert_containing("404")?;
    page.field("Organization")?.fill("octo-org")?;
    page.assert_absent(alert, "the alert about missing-org once the Organization says octo-org")?;
    // The token changes.
    page.create(org::MISSING, ACCESS_TOKEN)?;
    page.alert_containing("404")?;
    page.field("Access token")?.fill(crate::page::OTHER_ACCESS_TOKEN)?;
    page.assert_absent(alert, "the alert once another token is in the field")?;
    // The API URL changes: an address nothing answers at, then the mock's.
    page.field("API URL")?.fill("http://127.0.0.1:9/api/v3")?;
    page.field("Organization")?.fill("octo-org")?;
    page.button("Create registration token")?.click()?;
    page.alert_containing("Could not reach")?;
    page.field("API URL")?.fill(&page.mock.ghes_url())?;
    page.assert_absent(alert, "the unreachable API's alert once the API URL changed")?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Registration token for octo-org")?;
    page.assert_absent(alert, "an alert under the new result")
}

fn a_watch_line_is_not_left_above_a_later_error(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.create_jit("org=octo-org", "jit-01")?;
    page.wait_for_text("jit-01 is online.")?;
    page.field("Runner name")?.fill(runner::TAKEN)?;
    page.button("Create just-in-time runner")?.click()?;
    page.alert_containing("already exists")?;
    page.settle()?;
    let text = page.body_text()?;
    check(
        !text.contains("jit-01 is online."),
        format!("the earlier runner's watch line stays:\n{text}"),
    )
}

fn the_repository_search_survives_a_tick_and_the_chosen_ones_are_listed(world: &World) -> Result<()> {
    let page = crate::groups::groups_listed(world, &format!("org={GROUPS}"))?;
    page.button("New runner group")?.click()?;
    page.radio("Access", "Selected repositories")?.click()?;
    page.wait_for_text("app-001")?;
    page.field("Search repositories")?.fill("app-12")?;
    page.session
        .find("//dialog[@open]//fieldset[legend='Repositories']//label[normalize-space(.)='app-125']/input")?
        .click()?;
    page.session
        .find("//dialog[@open]//*[@role='status'][normalize-space(.)='1 chosen']")?;
    let search = page.field("Search repositories")?.property("value")?;
    check(search == json!("app-12"), format!("the search now reads {search}"))?;
    let chosen = "//dialog[@open]//ul[@aria-label='Chosen repositories']/li";
    page.session
        .find(&format!("{chosen}[starts-with(normalize-space(.), 'app-125')]"))?;
    // Removed from the chosen list, it is unticked in the results too.
    page.session
        .find("//dialog[@open]//button[@aria-label='Remove app-125']")?
        .click()?;
    page.session
        .find("//dialog[@open]//*[@role='status'][normalize-space(.)='None chosen yet']")?;
    let ticked = page
        .session
        .find("//dialog[@open]//label[normalize-space(.)='app-125']/input")?
        .property("checked")?;
    check(ticked == json!(false), "app-125 is still ticked")?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Cancel']")?
        .click()?;
    // Editing a group open to two repositories names both, whatever the search shows.
    page.session.find("//*[@aria-label='Edit Linux builders']")?.click()?;
    page.session
        .find("//dialog[@open]//*[@role='status'][normalize-space(.)='2 chosen']")?;
    let names: Vec<String> = page
        .session
        .find_all(chosen)?
        .iter()
        .map(|e| e.text())
        .collect::<Result<_>>()?;
    check(
        names.len() == 2 && names.iter().all(|n| n.starts_with("app-")),
        format!("the chosen repositories read {names:?}"),
    )
}

fn a_groups_runners_dialog_opens_without_an_earlier_message(world: &World) -> Result<()> {
    let page = crate::groups::groups_listed(world, &format!("org={GROUPS}"))?;
    page.session.find("//*[@aria-label='Runners of Default']")?.click()?;
    page.choose("Move build-01 to group", "Release runners")?;
    page.session
        .find("//dialog[@open]//li[strong='build-01']//button[normalize-space(.)='Move']")?
        .click()?;
    page.wait_for_text("Moved build-01 to Release runners.")?;
    page.session
        .find("//dialog[@open]//button[normalize-space(.)='Done']")?
        .click()?;
    page.session
        .find("//*[@aria-label='Runners of Linux builders']")?
        .click()?;
    page.session
        .find("//dialog[@open]//h3[normalize-space(.)='Runners of Linux builders']")?;
    page.settle()?;
    let text = page.session.find("//dialog[@open]")?.text()?;
    check(
        !text.contains("Moved build-01"),
        format!("the dialog opens with the last one's message:\n{text}"),
    )
}

fn remove_a_runner_points_a_machine_that_is_gone_to_the_runners_tab(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.radio("Action", "Remove a runner")?.click()?;
    page.wait_for_text("For a runner whose machine is still there")?;
    page.session
        .find("//form//a[normalize-space(.)='Runners tab']")?
        .click()?;
    page.wait("the Runners tab", Duration::from_secs(5), || {
        Ok(page
            .session
            .find_all("//*[@role='tab'][@aria-selected='true'][normalize-space(.)='Runners']")?
            .first()
            .map(drop))
    })?;
    // The remove token's result: one command, no architecture to choose.
    page.open_tab("Register")?;
    page.fill_form("octo-org", ACCESS_TOKEN)?;
    page.button("Create remove token")?.click()?;
    page.wait_for_text("Remove token for octo-org")?;
    page.assert_absent("//select[@id='runner-arch']", "an Architecture choice for removal")?;
    let commands = page.session.find_all("//section[contains(@class,'setup')]//pre")?;
    check(
        commands.len() == 1,
        format!("{} command blocks for removal", commands.len()),
    )
}
