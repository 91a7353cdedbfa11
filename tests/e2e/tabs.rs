//! The page's sections as tabs: the WAI-ARIA tabs pattern (arrow keys, Home, End, one tab in
//! the Tab order, each panel named by its tab), the address's fragment opening a tab and
//! following it, and one token in the card serving every tab.

use crate::page::{check, lit, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        the_tabs_follow_the_wai_aria_pattern_by_keyboard_and_the_address_follows,
        a_fragment_in_the_address_opens_its_tab_and_back_returns,
        a_token_pasted_once_serves_every_tab,
    ]
}

/// The tab named `name`.
fn tab_xpath(name: &str) -> String {
    format!("//*[@role='tablist']/*[@role='tab'][normalize-space(.)={}]", lit(name))
}

/// The name of the selected tab, and the id of the element with focus.
fn selected_and_focused(page: &Page) -> Result<(String, String)> {
    let v = page.session.execute(
        "const t = document.querySelector('[role=tab][aria-selected=true]');\
         return [t ? t.textContent.trim() : '', document.activeElement.id];",
        vec![],
    )?;
    Ok((
        v[0].as_str().unwrap_or_default().to_string(),
        v[1].as_str().unwrap_or_default().to_string(),
    ))
}

fn the_tabs_follow_the_wai_aria_pattern_by_keyboard_and_the_address_follows(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    let tabs = page.session.find_all("//*[@role='tablist']/*[@role='tab']")?;
    let names: Vec<String> = tabs.iter().map(|t| t.text()).collect::<Result<_>>()?;
    check(
        names.starts_with(&["Register".to_string(), "Runners".to_string()]),
        format!("tabs {names:?}"),
    )?;
    check(
        selected_and_focused(&page)?.0 == "Register",
        "Register is open by default",
    )?;
    // Only the open tab is in the Tab order.
    let order: Vec<Option<String>> = tabs.iter().map(|t| t.attribute("tabindex")).collect::<Result<_>>()?;
    check(
        order[0].as_deref() == Some("0") && order[1].as_deref() == Some("-1"),
        format!("tabindex {order:?}"),
    )?;
    // The panel is named by its tab.
    let panel = page.session.find("//*[@role='tabpanel']")?;
    check(
        panel.accessible_name()? == "Register",
        format!("panel named {:?}", panel.accessible_name()?),
    )?;
    let register = page.session.find(&tab_xpath("Register"))?;
    check(
        panel.attribute("id")? == register.attribute("aria-controls")?,
        "the tab controls its panel",
    )?;
    register.click()?;
    register.type_text("\u{E014}")?; // ArrowRight
    page.wait("Runners to open by keyboard", Duration::from_secs(5), || {
        Ok((selected_and_focused(&page)? == ("Runners".into(), "tab-runners".into())).then_some(()))
    })?;
    page.button("Show runners")?;
    check(
        page.session.current_url()?.ends_with("#runners"),
        "the address names the open tab",
    )?;
    // The last tab, whichever it is: End opens it, ArrowRight from it wraps to the first.
    let last = names.last().cloned().unwrap_or_default();
    let last_id = tabs
        .last()
        .map(|t| t.attribute("id"))
        .transpose()?
        .flatten()
        .unwrap_or_default();
    page.session.find(&tab_xpath("Runners"))?.type_text("\u{E010}")?; // End
    page.wait("End to open the last tab", Duration::from_secs(5), || {
        Ok((selected_and_focused(&page)? == (last.clone(), last_id.clone())).then_some(()))
    })?;
    page.session.find(&tab_xpath(&last))?.type_text("\u{E014}")?; // ArrowRight wraps
    page.wait("Register again, wrapping around", Duration::from_secs(5), || {
        Ok((selected_and_focused(&page)?.0 == "Register").then_some(()))
    })?;
    page.session.find(&tab_xpath("Register"))?.type_text("\u{E010}")?; // End
    page.wait("End to open the last tab", Duration::from_secs(5), || {
        Ok((selected_and_focused(&page)?.1 == last_id).then_some(()))
    })?;
    page.session.find(&tab_xpath(&last))?.type_text("\u{E011}")?; // Home
    page.wait("Home to open the first tab", Duration::from_secs(5), || {
        Ok((selected_and_focused(&page)? == ("Register".into(), "tab-register".into())).then_some(()))
    })?;
    page.session.find(&tab_xpath("Register"))?.type_text("\u{E012}")?; // ArrowLeft wraps
    page.wait("ArrowLeft to wrap to the last tab", Duration::from_secs(5), || {
        Ok((selected_and_focused(&page)?.0 == last).then_some(()))
    })
}

fn a_fragment_in_the_address_opens_its_tab_and_back_returns(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!("?api={}#runners", page.mock.ghes_url()))?;
    check(
        selected_and_focused(&page)?.0 == "Runners",
        "#runners opens the Runners tab",
    )?;
    page.button("Show runners")?;
    page.session.find(&tab_xpath("Register"))?.click()?;
    page.button("Create registration token")?;
    check(
        page.session.current_url()?.ends_with("#register"),
        "switching updates the address",
    )?;
    page.session.execute("history.back()", vec![])?;
    page.wait("Back to return to the Runners tab", Duration::from_secs(5), || {
        Ok((selected_and_focused(&page)?.0 == "Runners").then_some(()))
    })?;
    // Switching tabs never reloads the page: what was typed stays.
    page.field("Organization")?.fill("octo-org")?;
    page.session.find(&tab_xpath("Register"))?.click()?;
    page.session.find(&tab_xpath("Runners"))?.click()?;
    check(
        page.field("Organization")?.property("value")? == "octo-org",
        "typed text stays across tabs",
    )
}

fn a_token_pasted_once_serves_every_tab(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.fill_form("octo-org", ACCESS_TOKEN)?;
    page.open_tab("Runners")?;
    page.wait("Show runners to be enabled", Duration::from_secs(5), || {
        Ok(page.button("Show runners")?.is_enabled()?.then_some(()))
    })?;
    page.button("Show runners")?.click()?;
    page.wait_for_text("3 runners")?;
    page.open_tab("Register")?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Registration token for octo-org")?;
    let tokens: Vec<String> = page
        .mock
        .api_requests()
        .into_iter()
        .filter_map(|r| r.header("authorization").map(str::to_string))
        .collect();
    check(
        !tokens.is_empty() && tokens.iter().all(|t| *t == format!("Bearer {ACCESS_TOKEN}")),
        "both tabs sent the one token from the card",
    )
}
