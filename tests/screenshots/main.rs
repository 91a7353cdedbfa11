//! `scripts/screenshots`: the README's pictures, made again after any change. The built release
//! page (dist/) in headless Chromium against the loopback mock GitHub API, driven as a person
//! would by the e2e tests' own `Page`: every tab in a state worth showing, on a desktop (1280×800)
//! and a phone (375×812), each in the light and the dark colour scheme. Each picture is what the
//! window shows, not the whole page: what a person sees at that moment.
//!
//! Writes `docs/screenshots/{state}-{desktop,phone}-{light,dark}.png` (or under
//! `SCREENSHOTS_DIR`; `SCREENSHOTS_ONLY=phone` or `=dark` for some of them). Not a test: `cargo test` skips it (Cargo.toml, `test = false`).

// The e2e tests' WebDriver client and page; the pictures use part of them.
#[allow(dead_code)]
#[path = "../e2e/webdriver.rs"]
mod webdriver;

#[allow(dead_code)]
#[path = "../e2e/page.rs"]
mod page;

use mock_github::fleet::fleet_scope::FLEET;
use mock_github::groups::GROUPS;
use mock_github::StaticSite;
use page::{Page, ACCESS_TOKEN};
use std::path::PathBuf;
use std::time::Duration;
use webdriver::Result;

/// What `page.rs` needs of the run: the page's origin and the WebDriver endpoint.
pub struct World {
    pub site: StaticSite,
    pub driver_url: String,
    pub chrome_bin: String,
}

const SCREENS: [(&str, (u32, u32)); 2] = [("desktop", (1280, 800)), ("phone", (375, 812))];
const SCHEMES: [&str; 2] = ["light", "dark"];

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dist = std::env::var_os("RUNNER_TOKEN_DIST").map_or_else(|| root.join("dist"), PathBuf::from);
    let out = std::env::var_os("SCREENSHOTS_DIR").map_or_else(|| root.join("docs/screenshots"), PathBuf::from);
    if !dist.join("index.html").exists() {
        eprintln!(
            "screenshots: no built page at {}; run scripts/screenshots",
            dist.display()
        );
        std::process::exit(1);
    }
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("screenshots: cannot create {}: {e}", out.display());
        std::process::exit(1);
    }
    let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let (mut driver, driver_url) = match webdriver::start_chromedriver(&chromedriver) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("screenshots: cannot start {chromedriver}: {e}");
            std::process::exit(1);
        }
    };
    let world = World {
        site: StaticSite::start(&dist).expect("serve dist/ on loopback"),
        driver_url,
        chrome_bin: std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into()),
    };
    let mut failed = false;
    let only = std::env::var("SCREENSHOTS_ONLY").unwrap_or_default();
    for (screen, size) in SCREENS {
        for scheme in SCHEMES {
            if !only.is_empty() && !only.split(',').any(|o| o == screen || o == scheme) {
                continue;
            }
            let suffix = format!("{screen}-{scheme}");
            match take(&world, size, scheme, &out, &suffix) {
                Ok(n) => eprintln!("screenshots: {n} pictures, {suffix}"),
                Err(e) => {
                    eprintln!("screenshots: {suffix}: {}", e.message().unwrap_or("failed"));
                    failed = true;
                }
            }
        }
    }
    drop(world);
    let _ = driver.kill();
    let _ = driver.wait();
    if failed {
        std::process::exit(1);
    }
    eprintln!("screenshots: written to {}", out.display());
}

/// Every state, on one screen size in one colour scheme: how many pictures were written.
fn take(world: &World, size: (u32, u32), scheme: &str, out: &std::path::Path, suffix: &str) -> Result<usize> {
    let page = Page::new(world)?;
    page.emulate(Some(size), scheme)?;
    let taken = walk(&page, out, suffix);
    if taken.is_err() {
        // What the window showed when it went wrong, to see why.
        if let Ok(png) = page.session.screenshot_png() {
            let _ = std::fs::write(
                std::env::temp_dir().join(format!("screenshots-failed-{suffix}.png")),
                png,
            );
        }
    }
    taken
}

/// Goes through the states, writing a picture of each.
fn walk(page: &Page, out: &std::path::Path, suffix: &str) -> Result<usize> {
    let mut written = 0;
    let mut shoot = |state: &str| -> Result<()> {
        page.settle()?;
        let png = page.session.screenshot_png()?;
        let path = out.join(format!("{state}-{suffix}.png"));
        std::fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))?;
        written += 1;
        Ok(())
    };
    // The first screen: a scope named, the token still to paste. The Enterprise Server section
    // (open, since the API is the mock's) is closed, as it is for github.com.
    page.visit(&format!("?org=octo-org&api={}", page.mock.ghes_url()))?;
    close_enterprise_section(&page)?;
    shoot("first-screen")?;
    // Paste, Enter: the result, brought into view by the page itself.
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.session.keys("\u{E007}")?;
    page.wait_for_text("Registration token for octo-org")?;
    page.wait_for_text("1. Create a folder")?;
    shoot("register-result")?;
    // The Runners tab with a fleet: versions, an outdated runner's details open.
    page.field("Organization")?.fill(FLEET)?;
    page.open_tab("Runners")?;
    page.button("Show runners")?.click()?;
    page.wait_for_text("8 runners")?;
    page.wait_for_text("Outdated")?;
    scroll_to_tabs(&page)?;
    shoot("runners")?;
    // The Runner groups tab.
    page.field("Organization")?.fill(GROUPS)?;
    page.open_tab("Runner groups")?;
    page.button("Show runner groups")?.click()?;
    page.wait_for_text("Selected repositories (2)")?;
    scroll_to_tabs(&page)?;
    shoot("groups")?;
    // Troubleshoot: the token checked, and why each waiting job waits.
    page.radio("Runner scope", "Repository")?.click()?;
    page.field("Repository")?.fill("waiting-org/waiting-repo")?;
    page.open_tab("Troubleshoot")?;
    page.button("Check token")?.click()?;
    page.wait_for_text("Rate limit:")?;
    page.button("Find waiting jobs")?.click()?;
    page.wait_for_text("jobs waiting")?;
    scroll_to_tabs(&page)?;
    shoot("troubleshoot")?;
    // Security: an exposed organization's review, most severe first, with its fixes.
    page.radio("Runner scope", "Organization")?.click()?;
    page.field("Organization")?
        .fill(mock_github::security::security_scope::ORG)?;
    page.open_tab("Security")?;
    page.button("Review security")?.click()?;
    page.wait_for_text("9 findings")?;
    scroll_to_tabs(&page)?;
    shoot("security")?;
    Ok(written)
}

/// Closes the Enterprise Server section, as it is on github.com's page.
fn close_enterprise_section(page: &Page) -> Result<()> {
    let summary = page.session.find("//details[contains(@class,'enterprise')]/summary")?;
    if page
        .session
        .find("//details[contains(@class,'enterprise')]")?
        .property("open")?
        == true
    {
        summary.click()?;
    }
    page.wait("the section closed", Duration::from_secs(5), || {
        Ok((page
            .session
            .find("//details[contains(@class,'enterprise')]")?
            .property("open")?
            == false)
            .then_some(()))
    })?;
    page.session
        .execute("document.activeElement.blur(); window.scrollTo(0, 0)", vec![])?;
    Ok(())
}

/// Scrolls the tab list to the top of the window: the open tab's content below it.
fn scroll_to_tabs(page: &Page) -> Result<()> {
    page.session.execute(
        "document.activeElement.blur(); document.querySelector('[role=tablist]').scrollIntoView({ block: 'start' }); window.scrollBy(0, -8)",
        vec![],
    )?;
    Ok(())
}
