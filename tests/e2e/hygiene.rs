//! Token hygiene: after a full session the access token is nowhere but the password input.

use crate::page::{check, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::scenario::org;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        access_token_leaves_no_trace_in_storage_cookies_url_or_console,
        screenshot_of_a_result_is_written_for_the_readme,
    ]
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

fn screenshot_of_a_result_is_written_for_the_readme(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.session.set_window_size(1000, 3300)?;
    page.visit(&format!("?org=scoped-org&api={}", page.mock.ghes_url()))?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Selected repositories")?;
    page.field("Runner name")?.fill("build-01")?;
    page.field("Labels")?.fill("gpu")?;
    page.button("Copy command")?.click()?;
    page.wait_for_text("Copied")?;
    page.session.execute("window.scrollTo(0, 0)", vec![])?;
    let png = page.session.screenshot_png()?;
    check(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        format!("a real PNG ({} bytes)", png.len()),
    )?;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("result.png"), &png).map_err(|e| e.to_string())?;
    if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        std::fs::write(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshot.png"),
            &png,
        )
        .map_err(|e| e.to_string())?;
    }
    // The just-in-time flow, for a look at target/screenshots/jit.png.
    page.create_jit("repo=octo-org/app", "jit-build-01")?;
    page.wait_for_text("1. Create a folder")?;
    page.session.execute("window.scrollTo(0, 0)", vec![])?;
    let jit = page.session.screenshot_png()?;
    check(jit.starts_with(b"\x89PNG"), "a real PNG of the just-in-time flow")?;
    std::fs::write(dir.join("jit.png"), &jit).map_err(|e| e.to_string().into())
}
