//! Lazy sections (src/ui/lazy.rs): the result panels live in their own wasm chunk. It is not
//! fetched with the first screen, it is fetched once the form could be sent and shown on the
//! result, under the page's Content-Security-Policy and with its integrity hash; a chunk that
//! cannot load says so in the section's place, the rest of the page keeps working, and Try again
//! loads it once it is back; the sub-path build fetches its chunks from the sub-path.
//!
//! The chunk files come from dist/chunks.json, which scripts/post-build.mjs writes.

use crate::page::{check, check_contains, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::StaticSite;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    let t = |name: &str, f: Test| (format!("lazy::{name}"), f);
    vec![
        t(
            "the_results_chunk_is_fetched_on_demand_under_the_csp_with_its_integrity",
            on_demand,
        ),
        t(
            "a_chunk_that_cannot_load_says_so_in_its_place_and_try_again_recovers",
            blocked_then_back,
        ),
        t("a_chunk_whose_bytes_changed_is_refused_by_its_integrity_hash", tampered),
        t("the_sub_path_build_fetches_its_chunks_from_the_sub_path", sub_path),
    ]
}

fn built(var: &str, dir: &str) -> PathBuf {
    std::env::var_os(var).map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir), PathBuf::from)
}

/// The chunk files of a build, and which of them the first screen needs.
struct Chunks {
    all: Vec<String>,
    first_screen: Vec<String>,
}

fn chunks(dist: &Path) -> Result<Chunks> {
    let text = std::fs::read_to_string(dist.join("chunks.json")).map_err(|e| {
        format!(
            "{}: {e} (scripts/post-build.mjs writes it)",
            dist.join("chunks.json").display()
        )
    })?;
    let manifest: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let list = manifest["chunks"].as_array().cloned().unwrap_or_default();
    let file = |c: &Value| c["file"].as_str().unwrap_or_default().to_string();
    let chunks = Chunks {
        all: list.iter().map(file).collect(),
        first_screen: list.iter().filter(|c| c["first_screen"] == true).map(file).collect(),
    };
    check(
        list.iter().any(|c| {
            c["functions"]
                .as_array()
                .is_some_and(|f| f.contains(&json!("token_result")))
        }),
        format!("a chunk serves token_result: {text}"),
    )?;
    Ok(chunks)
}

/// The file names (last path segment) the page has fetched from its own origin, in order.
fn fetched(page: &Page) -> Result<Vec<String>> {
    Ok(fetched_paths(page)?
        .iter()
        .map(|p| p.rsplit('/').next().unwrap_or_default().to_string())
        .collect())
}

fn fetched_paths(page: &Page) -> Result<Vec<String>> {
    let v = page.session.execute(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name)).filter(u => u.origin === location.origin).map(u => u.pathname)",
        vec![],
    )?;
    Ok(v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str().map(str::to_string))
        .collect())
}

/// Records Content-Security-Policy violations from the very start of every document.
fn record_violations(page: &Page) -> Result<()> {
    page.session
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));" }),
        )
        .map(drop)
}

fn violations(page: &Page) -> Result<String> {
    Ok(page
        .session
        .execute("return JSON.stringify(window.__violations || 'not recorded')", vec![])?
        .as_str()
        .unwrap_or_default()
        .to_string())
}

/// Waits until the page has fetched `file`.
fn wait_fetched(page: &Page, file: &str) -> Result<()> {
    page.wait(&format!("{file} to be fetched"), Duration::from_secs(10), || {
        Ok(fetched(page)?.iter().any(|f| f == file).then_some(()))
    })
}

/// Gives the page's idle callbacks (prefetches) time to run.
fn settle(page: &Page) -> Result<()> {
    page.session.execute_async(
        "const done = arguments[arguments.length - 1]; setTimeout(() => requestIdleCallback(() => done(true), { timeout: 3000 }), 1500);",
        vec![],
    )?;
    Ok(())
}

fn severe(page: &Page) -> Result<Vec<String>> {
    Ok(page
        .session
        .console_log()?
        .into_iter()
        .filter(|l| l.contains("SEVERE") || l.contains("Content Security Policy") || l.contains("integrity"))
        .collect())
}

fn on_demand(world: &World) -> Result<()> {
    let chunks = chunks(&built("RUNNER_TOKEN_DIST", "dist"))?;
    let page = Page::new(world)?;
    record_violations(&page)?;
    page.visit_with_mock()?;
    settle(&page)?;
    let at_start = fetched(&page)?;
    for chunk in &chunks.all {
        let needed = chunks.first_screen.contains(chunk);
        check(
            at_start.contains(chunk) == needed,
            format!(
                "{chunk} is {}needed for the first screen, and the first screen fetched: {at_start:?}",
                if needed { "" } else { "not " }
            ),
        )?;
    }
    check(
        at_start
            .iter()
            .any(|f| f.starts_with("__wasm_split-") && f.ends_with(".js")),
        format!("the chunk loader is part of the first load: {at_start:?}"),
    )?;
    // A sendable form prefetches the results chunk; the result then needs no other fetch.
    page.fill_form("octo-org", ACCESS_TOKEN)?;
    let results = chunks
        .all
        .iter()
        .find(|c| c.starts_with("split_results-"))
        .ok_or_else(|| format!("no results chunk in {:?}", chunks.all))?;
    wait_fetched(&page, results)?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Registration token for octo-org")?;
    page.wait_for_text("1. Create a folder")?;
    page.button("Copy command")?.click()?;
    check_contains(&page.clipboard()?, &page.expected_command("octo-org"))?;
    // The other function of the chunk: a just-in-time runner.
    page.radio("Action", "Add a just-in-time runner")?.click()?;
    page.field("Runner name")?.fill("jit-lazy")?;
    page.button("Create just-in-time runner")?.click()?;
    page.wait_for_text("Just-in-time runner jit-lazy")?;
    let all = fetched(&page)?;
    for chunk in &chunks.all {
        check(
            all.iter().filter(|f| *f == chunk).count() <= 1,
            format!("{chunk} fetched at most once: {all:?}"),
        )?;
    }
    let errors = severe(&page)?;
    check(
        errors.is_empty(),
        format!("no console errors, CSP or integrity complaints: {errors:?}"),
    )?;
    let violations = violations(&page)?;
    check(violations == "[]", format!("no CSP violations: {violations}"))
}

fn blocked_then_back(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.session.cdp("Network.enable", json!({}))?;
    page.session
        .cdp("Network.setBlockedURLs", json!({ "urls": ["*split_results-*"] }))?;
    page.visit_with_mock()?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.alert_containing("This part of the page could not be loaded")?;
    let alert = page.alert_containing("could not be loaded")?.text()?;
    check_contains(&alert, "Check your connection")?;
    // The page lives on: the runner list that follows a success loads, the form still sends.
    page.wait_for_text("3 runners")?;
    check(
        page.button("Create registration token")?.is_enabled()?,
        "the submit button is enabled again",
    )?;
    let console = page.session.console_log()?.join("\n");
    check(
        !console.contains("unreachable") && !console.contains("panicked"),
        format!("the wasm did not abort: {console}"),
    )?;
    // Back online: Try again loads it.
    page.session.cdp("Network.setBlockedURLs", json!({ "urls": [] }))?;
    page.button("Try again")?.click()?;
    page.wait_for_text("Registration token for octo-org")?;
    page.wait_for_text("1. Create a folder")?;
    check(
        page.session
            .find_all("//*[@role='alert'][contains(., 'could not be loaded')]")?
            .is_empty(),
        "the failure message is gone",
    )?;
    // And it keeps working: a second result needs no new fetch and shows at once.
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Registration token for octo-org")
}

fn tampered(world: &World) -> Result<()> {
    let dist = built("RUNNER_TOKEN_DIST", "dist");
    let chunks = chunks(&dist)?;
    let root = std::env::temp_dir().join(format!("runner-token-tampered-{}", std::process::id()));
    std::fs::create_dir_all(&root).map_err(|e| e.to_string())?;
    let result = (|| {
        for entry in std::fs::read_dir(&dist).map_err(|e| e.to_string())? {
            let entry = entry.map_err(|e| e.to_string())?;
            std::fs::copy(entry.path(), root.join(entry.file_name())).map_err(|e| e.to_string())?;
        }
        // One byte of a custom section's name changed: still a valid module, another hash.
        for chunk in &chunks.all {
            let path = root.join(chunk);
            let mut bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
            let at = bytes
                .windows(9)
                .position(|w| w == b"producers")
                .ok_or("no producers section to alter")?;
            bytes[at] = b'P';
            std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
        }
        let site = StaticSite::start(&root).map_err(|e| e.to_string())?;
        let page = Page::new(world)?;
        page.session
            .goto(&format!("{}/?api={}", site.url(), page.mock.ghes_url()))?;
        page.create("octo-org", ACCESS_TOKEN)?;
        page.alert_containing("This part of the page could not be loaded")?;
        let console = page.session.console_log()?.join("\n");
        check_contains(&console, "integrity")
    })();
    std::fs::remove_dir_all(&root).ok();
    result
}

fn sub_path(world: &World) -> Result<()> {
    let built = built("RUNNER_TOKEN_DIST_SUBPATH", "dist-subpath");
    let chunks = chunks(&built)?;
    // A static host whose site lives under /runner-token/, nothing at its root.
    let root = std::env::temp_dir().join(format!("runner-token-lazy-subpath-{}", std::process::id()));
    let site_dir = root.join("runner-token");
    std::fs::create_dir_all(&site_dir).map_err(|e| e.to_string())?;
    let result = (|| {
        for entry in std::fs::read_dir(&built).map_err(|e| e.to_string())? {
            let entry = entry.map_err(|e| e.to_string())?;
            std::fs::copy(entry.path(), site_dir.join(entry.file_name())).map_err(|e| e.to_string())?;
        }
        let site = StaticSite::start(&root).map_err(|e| e.to_string())?;
        let page = Page::new(world)?;
        record_violations(&page)?;
        page.session
            .goto(&format!("{}/runner-token/?api={}", site.url(), page.mock.ghes_url()))?;
        page.create("octo-org", ACCESS_TOKEN)?;
        page.wait_for_text("Registration token for octo-org")?;
        page.wait_for_text("1. Create a folder")?;
        let paths = fetched_paths(&page)?;
        for chunk in &chunks.all {
            check(
                paths.contains(&format!("/runner-token/{chunk}")),
                format!("{chunk} fetched from the sub-path: {paths:?}"),
            )?;
        }
        check(
            paths.iter().all(|p| p.starts_with("/runner-token/")),
            format!("every asset from the sub-path: {paths:?}"),
        )?;
        let errors = severe(&page)?;
        check(
            errors.is_empty(),
            format!("no console errors, CSP or integrity complaints: {errors:?}"),
        )?;
        let violations = violations(&page)?;
        check(violations == "[]", format!("no CSP violations: {violations}"))
    })();
    std::fs::remove_dir_all(&root).ok();
    result
}
