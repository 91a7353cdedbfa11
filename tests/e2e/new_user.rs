//! What a new user trips on: the runs-on line for a workflow, and an Apple silicon Mac being
//! offered the right package.

use crate::page::{check, region, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use serde_json::json;
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        the_runs_on_line_follows_the_labels_live_and_copies_exactly,
        a_jit_runner_gets_the_runs_on_line_of_the_labels_it_was_created_with,
        an_apple_silicon_mac_is_offered_arm64,
        an_intel_mac_whose_browser_says_so_is_offered_x64,
    ]
}

fn copied_runs_on(page: &Page) -> Result<String> {
    page.session
        .find("//button[@aria-label='Copy the runs-on line']")?
        .click()?;
    page.session.find(&format!(
        "{}//*[@role='status'][normalize-space(.)='Copied']",
        region("Use it in a workflow")
    ))?;
    page.clipboard()
}

fn the_runs_on_line_follows_the_labels_live_and_copies_exactly(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.choose("Operating system", "Linux")?;
    page.choose("Architecture", "ARM64")?;
    page.field("Labels")?.fill("gpu\nyes")?;
    let want = "runs-on: [self-hosted, Linux, ARM64, gpu, \"yes\"]";
    page.wait("the labels in the runs-on line", Duration::from_secs(5), || {
        Ok(page
            .session
            .find_all(&format!(
                "{}//code[normalize-space(.)='{want}']",
                region("Use it in a workflow")
            ))?
            .first()
            .map(drop))
    })?;
    let copied = copied_runs_on(&page)?;
    check(copied == want, format!("clipboard holds {copied:?}"))?;
    page.field("No default labels")?.click()?;
    page.wait("only the custom labels", Duration::from_secs(5), || {
        Ok(page
            .session
            .find_all(&format!(
                "{}//code[normalize-space(.)='runs-on: [gpu, \"yes\"]']",
                region("Use it in a workflow")
            ))?
            .first()
            .map(drop))
    })
}

fn a_jit_runner_gets_the_runs_on_line_of_the_labels_it_was_created_with(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!("?repo=octo-org/app&mode=jit&api={}", page.mock.ghes_url()))?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.field("Runner name")?.fill("jit-1")?;
    page.choose("Operating system", "Linux")?;
    page.choose("Architecture", "x64")?;
    page.field("Labels")?.fill("self-hosted\ngpu large")?;
    page.button("Create just-in-time runner")?.click()?;
    page.wait_for_text("Just-in-time runner jit-1")?;
    let copied = copied_runs_on(&page)?;
    check(
        copied == "runs-on: [self-hosted, \"gpu large\"]",
        format!("clipboard holds {copied:?}"),
    )
}

/// Opens the page as a Mac whose browser reports `architecture` in its client hints.
fn mac_page<'w>(world: &'w World, architecture: &str) -> Result<Page<'w>> {
    let page = Page::new(world)?;
    page.session.goto("about:blank")?;
    page.session.cdp("Emulation.setUserAgentOverride", json!({
        "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
        "userAgentMetadata": {
            "brands": [{ "brand": "Chromium", "version": "156" }], "fullVersion": "156.0.0.0",
            "platform": "macOS", "platformVersion": "15.1.0", "architecture": architecture, "model": "", "mobile": false, "bitness": "64",
        },
    }))?;
    page.visit(&format!("?org=octo-org&mode=jit&api={}", page.mock.ghes_url()))?;
    Ok(page)
}

fn selected(page: &Page, label: &str) -> Result<String> {
    Ok(page
        .field(label)?
        .property("value")?
        .as_str()
        .unwrap_or_default()
        .to_string())
}

fn an_apple_silicon_mac_is_offered_arm64(world: &World) -> Result<()> {
    let page = mac_page(world, "arm")?;
    check(selected(&page, "Operating system")? == "macos", "macOS is chosen")?;
    check(selected(&page, "Architecture")? == "arm64", "ARM64 is chosen")?;
    check(
        page.field("Labels")?.property("value")? == "self-hosted\nmacOS\nARM64",
        "the default labels follow",
    )
}

fn an_intel_mac_whose_browser_says_so_is_offered_x64(world: &World) -> Result<()> {
    let page = mac_page(world, "x86")?;
    check(selected(&page, "Operating system")? == "macos", "macOS is chosen")?;
    page.wait("x64 from the client hints", Duration::from_secs(5), || {
        Ok((selected(&page, "Architecture")? == "x64").then_some(()))
    })?;
    // One click away either way.
    page.choose("Architecture", "ARM64")?;
    check(
        selected(&page, "Architecture")? == "arm64",
        "the choice stays the user's",
    )
}
