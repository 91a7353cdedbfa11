//! Token hygiene: after a full session the access token is nowhere but the password input.

use crate::page::{check, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::scenario::org;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![access_token_leaves_no_trace_in_storage_cookies_url_or_console,]
}

fn access_token_leaves_no_trace_in_storage_cookies_url_or_console(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("Registration token for octo-org")?;
    page.button("Copy command")?.click()?;
    page.create(org::MISSING, ACCESS_TOKEN)?;
    page.alert_containing("404")?;
    page.create(org::SERVER_ERROR, ACCESS_TOKEN)?;
    page.alert_containing("internal error")?;
    let traces = page.browser_traces()?;
    check(
        !traces.contains(ACCESS_TOKEN),
        format!("the access token leaked:\n{traces}"),
    )?;
    check(!traces.contains("e2eSecret"), "not even part of the token leaked")?;
    // The page's DOM holds it only as the password input's value, never as text or attribute.
    let html = page
        .session
        .execute("return document.documentElement.outerHTML", vec![])?;
    check(
        !html.as_str().unwrap_or_default().contains(ACCESS_TOKEN),
        "the token is not in the DOM's markup",
    )?;
    let only_to_mock = page
        .mock
        .requests()
        .iter()
        .all(|r| r.header("authorization").is_none_or(|a| a.ends_with(ACCESS_TOKEN)));
    check(only_to_mock, "the mock received only this token")
}
