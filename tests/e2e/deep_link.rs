//! Deep links and remembered preferences: what may be preset, and what must never be.

use crate::page::{check, check_contains, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        org_and_api_in_the_link_prefill_the_form,
        token_in_the_link_is_removed_from_the_address_bar_and_never_used,
        org_and_api_are_remembered_after_reload_but_the_token_is_not,
    ]
}

fn org_and_api_in_the_link_prefill_the_form(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!("?org=octo-org&api={}", page.mock.ghes_url()))?;
    check(
        page.field("Organization")?.property("value")? == "octo-org",
        "org prefilled",
    )?;
    check(
        page.field("API URL")?.property("value")? == page.mock.ghes_url().as_str(),
        "API URL prefilled",
    )?;
    check(
        page.session.find("//details")?.property("open")? == true,
        "Enterprise section open",
    )?;
    check_contains(
        &page.body_text()?,
        &format!("Runners will register with {}", page.mock.url()),
    )?;
    page.assert_nothing_sent("opening a link sends nothing")
}

fn token_in_the_link_is_removed_from_the_address_bar_and_never_used(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    let leaked = "ghp_LeakedInTheLink0000000000000000000";
    let history_before = page
        .session
        .execute("return history.length", vec![])?
        .as_u64()
        .unwrap_or(0);
    page.visit(&format!(
        "?org=octo-org&token={leaked}&api={}&tab=1",
        page.mock.ghes_url()
    ))?;
    page.alert_containing("contained a secret")?;
    let url = page.session.current_url()?;
    check(
        !url.contains(leaked) && !url.contains("token="),
        format!("address bar still holds the token: {url}"),
    )?;
    check_contains(&url, "org=octo-org")?;
    check_contains(&url, "tab=1")?;
    // replaceState, not pushState: the entry holding the token is overwritten, not kept behind.
    let history_after = page
        .session
        .execute("return history.length", vec![])?
        .as_u64()
        .unwrap_or(0);
    check(
        history_after == history_before + 1,
        format!("history grew from {history_before} to {history_after}"),
    )?;
    check(
        page.field("Access token")?.property("value")? == "",
        "the token field stays empty",
    )?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Paste an access token")?;
    page.assert_nothing_sent("nothing may be sent with a token from the link")?;
    let traces = page.browser_traces()?;
    check(
        !traces.contains(leaked),
        format!("the leaked token is nowhere in the page's storage, URL or console:\n{traces}"),
    )
}

fn org_and_api_are_remembered_after_reload_but_the_token_is_not(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("Registration token for octo-org")?;
    page.visit("")?;
    check(
        page.field("Organization")?.property("value")? == "octo-org",
        "org remembered",
    )?;
    check(
        page.field("API URL")?.property("value")? == page.mock.ghes_url().as_str(),
        "API URL remembered",
    )?;
    check(
        page.field("Access token")?.property("value")? == "",
        "token forgotten on reload",
    )?;
    check(!page.browser_traces()?.contains(ACCESS_TOKEN), "token not stored")
}
