//! Lazy sections (src/lazy.rs): what follows a click on the Register tab (the requests, the
//! results, the setup script, the just-in-time options) and the Runners tab live in the
//! `sections` chunk (src/lazy.rs says why one). None is fetched before the form
//! is interactive; once the first screen is idle the page prefetches them, so a click never
//! waits for a download. Every chunk is fetched under the page's Content-Security-Policy with its
//! integrity hash; one that cannot load says so in its place, the rest of the page keeps working,
//! and Try again loads it once it is back; the sub-path build fetches its chunks from there.
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
    crate::register![
        no_chunk_is_fetched_before_the_form_works_and_all_are_prefetched_once_idle,
        the_result_drawn_off_the_page_at_idle_sends_nothing_and_never_reaches_the_page,
        the_request_leaves_while_the_click_is_handled,
        a_blocked_chunk_sends_nothing_says_so_and_try_again_recovers,
        a_mistake_in_the_form_is_said_at_the_click_without_the_chunk,
        a_blocked_chunk_says_so_in_the_runners_tab_and_try_again_recovers,
        a_chunk_whose_bytes_changed_is_refused_by_its_integrity_hash,
        the_sub_path_build_fetches_its_chunks_from_the_sub_path,
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
    for function in ["submit_flow", "register_view", "runners_view"] {
        check(
            list.iter()
                .any(|c| c["functions"].as_array().is_some_and(|f| f.contains(&json!(function)))),
            format!("a chunk serves {function}: {text}"),
        )?;
    }
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

fn severe(page: &Page) -> Result<Vec<String>> {
    Ok(page
        .console()?
        .into_iter()
        .filter(|l| l.contains("SEVERE") || l.contains("Content Security Policy") || l.contains("integrity"))
        .collect())
}

/// Records, from the very start of the document, the moment the form becomes interactive (its
/// submit button is there), in the page's own clock.
fn record_interactive(page: &Page) -> Result<()> {
    page.session
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "new MutationObserver((_, o) => { if (!window.__interactive && document.querySelector('form button[type=submit]')) { window.__interactive = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true });" }),
        )
        .map(drop)
}

/// The files (last path segment) fetched from the page's origin before the form was interactive.
fn fetched_before_interactive(page: &Page) -> Result<Vec<String>> {
    let v = page.session.execute(
        "return performance.getEntriesByType('resource').filter(e => new URL(e.name).origin === location.origin && e.startTime <= window.__interactive).map(e => new URL(e.name).pathname.split('/').pop())",
        vec![],
    )?;
    Ok(v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str().map(str::to_string))
        .collect())
}

fn no_chunk_is_fetched_before_the_form_works_and_all_are_prefetched_once_idle(world: &World) -> Result<()> {
    let chunks = chunks(&built("RUNNER_TOKEN_DIST", "dist"))?;
    let page = Page::new(world)?;
    record_violations(&page)?;
    record_interactive(&page)?;
    page.visit_with_mock()?;
    page.button("Create registration token")?;
    let early = fetched_before_interactive(&page)?;
    for chunk in &chunks.all {
        let needed = chunks.first_screen.contains(chunk);
        check(
            early.contains(chunk) == needed,
            format!(
                "{chunk} is {}needed for the first screen, and before the form was interactive the page fetched: {early:?}",
                if needed { "" } else { "not " }
            ),
        )?;
    }
    // Once idle, every chunk a click or a tab will need is fetched ahead.
    for chunk in &chunks.all {
        wait_fetched(&page, chunk)?;
    }
    check(
        fetched(&page)?
            .iter()
            .any(|f| f.starts_with("__wasm_split-") && f.ends_with(".js")),
        "the chunk loader is part of the first load",
    )?;
    let before_clicks = fetched(&page)?.len();
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("Registration token for octo-org")?;
    page.wait_for_text("1. Create a folder")?;
    page.button("Copy command")?.click()?;
    check_contains(&page.clipboard()?, &page.expected_command("octo-org"))?;
    page.radio("Action", "Add a just-in-time runner")?.click()?;
    page.field("Runner name")?.fill("jit-lazy")?;
    page.button("Create just-in-time runner")?.click()?;
    page.wait_for_text("Just-in-time runner jit-lazy")?;
    page.open_tab("Runners")?;
    page.wait_for_text("4 runners")?;
    let after: Vec<String> = fetched(&page)?[before_clicks..]
        .iter()
        .filter(|f| f.ends_with(".wasm") || f.ends_with(".js"))
        .cloned()
        .collect();
    check(
        after.is_empty(),
        format!("the clicks and the tab fetched no code: {after:?}"),
    )?;
    let errors = severe(&page)?;
    check(
        errors.is_empty(),
        format!("no console errors, CSP or integrity complaints: {errors:?}"),
    )?;
    let violations = violations(&page)?;
    check(violations == "[]", format!("no CSP violations: {violations}"))
}

/// Blocks the browser's requests for the sections chunk (`split_sections-HASH.wasm`).
fn block_sections(page: &Page, blocked: bool) -> Result<()> {
    let urls = if blocked {
        json!(["*split_sections-*"])
    } else {
        json!([])
    };
    page.session
        .cdp("Network.setBlockedURLs", json!({ "urls": urls }))
        .map(drop)
}

/// Once the chunk is in, the page draws a sample result once, off the page (`rehearse` in
/// src/ui/result/outcome.rs), so that the browser has compiled its code before the click that
/// needs it. That rehearsal sends nothing, none of it is ever in the document (not even hidden),
/// and the result of the real click afterwards is the real one, drawn once.
fn the_result_drawn_off_the_page_at_idle_sends_nothing_and_never_reaches_the_page(world: &World) -> Result<()> {
    let chunks = chunks(&built("RUNNER_TOKEN_DIST", "dist"))?;
    let page = Page::new(world)?;
    record_violations(&page)?;
    // From the very start of the document: anything of a result added to it, at any moment.
    page.session.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "window.__resultSeen = []; new MutationObserver(records => { for (const r of records) for (const n of r.addedNodes) {\
            const t = n.textContent || ''; if ((n.querySelector && n.querySelector('#result-heading, #setup-heading')) || n.id === 'result-heading' || t.includes('AAAAAAAAAAAAAAAAAAAAAAAAAAAAA') || t.includes('Set up the runner')) window.__resultSeen.push(t.slice(0, 80)); } })\
            .observe(document, { childList: true, subtree: true });" }),
    )?;
    page.visit_with_mock()?;
    for chunk in &chunks.all {
        wait_fetched(&page, chunk)?;
    }
    // Idle twice over: the rehearsal runs at the first idle moment after the chunk is in, and
    // its panel is taken down two frames after it is drawn.
    page.settle()?;
    page.assert_nothing_sent("the page was loaded and left idle")?;
    let seen: Value = page.session.execute(
        "return window.__resultSeen === undefined ? 'not recorded' : window.__resultSeen;",
        vec![],
    )?;
    check(
        seen == json!([]),
        format!(
            "before any click, nothing of a result was ever in the document, hidden or not, even for a moment: {seen}"
        ),
    )?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("Registration token for octo-org")?;
    page.wait_for_text("1. Create a folder")?;
    let panels: Value = page
        .session
        .execute("return document.querySelectorAll('#result-heading').length;", vec![])?;
    check(
        panels == json!(1),
        format!("one result heading after the click, not {panels}"),
    )?;
    page.button("Copy command")?.click()?;
    check_contains(&page.clipboard()?, &page.expected_command("octo-org"))?;
    let errors = severe(&page)?;
    check(
        errors.is_empty(),
        format!("no console errors or CSP violations: {errors:?}"),
    )
}

/// Once the chunk is in, the click's request is sent while the click is being handled: `fetch`
/// is called before the click's handlers return, ahead of the busy button and the cleared
/// result they draw (`start_now`, src/state/start.rs), and exactly once.
fn the_request_leaves_while_the_click_is_handled(world: &World) -> Result<()> {
    let chunks = chunks(&built("RUNNER_TOKEN_DIST", "dist"))?;
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    for chunk in &chunks.all {
        wait_fetched(&page, chunk)?;
    }
    page.settle()?;
    page.fill_form("octo-org", ACCESS_TOKEN)?;
    // The button's synchronous click() runs its handlers (and the form's submit) before it
    // returns: what fetch saw by then is what the click's own turn sent.
    let during: Value = page.session.execute(
        "const seen = []; const fetch = window.fetch;\
         window.fetch = function (request, ...rest) { seen.push(`${request.method} ${new URL(request.url).pathname}`); return fetch.call(this, request, ...rest); };\
         const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === arguments[0]);\
         if (!button) return 'no button named ' + arguments[0];\
         button.click(); window.fetch = fetch; return seen;",
        vec![json!("Create registration token")],
    )?;
    check(
        during == json!(["POST /api/v3/orgs/octo-org/actions/runners/registration-token"]),
        format!("the click's own turn called fetch once, for the registration token: {during}"),
    )?;
    page.wait_for_text("Registration token for octo-org")?;
    let posts = page.sent_to_api()?.into_iter().filter(|s| s.method == "POST").count();
    check(posts == 1, format!("one POST reached the API, not {posts}"))
}

fn a_blocked_chunk_sends_nothing_says_so_and_try_again_recovers(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.session.cdp("Network.enable", json!({}))?;
    block_sections(&page, true)?;
    page.visit_with_mock()?;
    page.create("octo-org", ACCESS_TOKEN)?;
    let alert = page.alert_containing("could not be loaded")?.text()?;
    check_contains(&alert, "nothing was sent")?;
    check_contains(&alert, "Check your connection")?;
    page.assert_nothing_sent("without the code that sends it, no request")?;
    // The page lives on: another tab says what it lacks in its own place, the form works again.
    page.open_tab("Runners")?;
    let in_tab = page
        .alert_containing("This part of the page could not be loaded")?
        .text()?;
    check_contains(&in_tab, "The rest of the page keeps working")?;
    page.open_tab("Register")?;
    check(
        page.button("Create registration token")?.is_enabled()?,
        "the submit button is enabled again",
    )?;
    let console = page.console()?.join("\n");
    check(
        !console.contains("unreachable") && !console.contains("panicked"),
        format!("the wasm did not abort: {console}"),
    )?;
    // Back online: Try again sends it, once.
    block_sections(&page, false)?;
    page.button("Try again")?.click()?;
    page.wait_for_text("Registration token for octo-org")?;
    page.wait_for_text("1. Create a folder")?;
    check(page.mock.token_requests().len() == 1, "one POST, on Try again")?;
    page.assert_absent(
        "//*[@role='alert'][contains(., 'could not be loaded')]",
        "failure message after Try again",
    )
}

/// The form's own checks are the first screen's: a mistake is said (and its field focused) at
/// the click, from the main wasm, whether or not the code that sends requests is in. Nothing is
/// marked busy and nothing is sent; it is not reported as a chunk that could not be loaded.
fn a_mistake_in_the_form_is_said_at_the_click_without_the_chunk(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.session.cdp("Network.enable", json!({}))?;
    block_sections(&page, true)?;
    page.visit_with_mock()?;
    page.submit("-octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("An organization name cannot start with a hyphen.")?;
    let focused: Value = page
        .session
        .execute("return document.activeElement && document.activeElement.labels && document.activeElement.labels[0] ? document.activeElement.labels[0].textContent.trim() : '';", vec![])?;
    check(
        focused.as_str().is_some_and(|l| l.starts_with("Organization")),
        format!("the organization field has the focus, not {focused}"),
    )?;
    // Well past the busy button's delay: the button was never marked busy.
    std::thread::sleep(Duration::from_millis(300));
    check(
        page.button("Create registration token")?.is_enabled()?,
        "the submit button is not busy",
    )?;
    page.assert_absent(
        "//*[@role='alert'][contains(., 'could not be loaded')]",
        "a chunk failure message for a form that was never going to be sent",
    )?;
    page.assert_nothing_sent("a form with a mistake")
}

fn a_blocked_chunk_says_so_in_the_runners_tab_and_try_again_recovers(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.session.cdp("Network.enable", json!({}))?;
    block_sections(&page, true)?;
    page.visit(&format!("?api={}#runners", page.mock.ghes_url()))?;
    let alert = page
        .alert_containing("This part of the page could not be loaded")?
        .text()?;
    check_contains(&alert, "The rest of the page keeps working")?;
    // The card and the form are in the main wasm: they work without the chunk.
    page.open_tab("Register")?;
    page.fill_form("octo-org", ACCESS_TOKEN)?;
    page.open_tab("Register")?;
    check(
        page.button("Create registration token")?.is_enabled()?,
        "the form is usable while the chunk is blocked",
    )?;
    page.open_tab("Runners")?;
    block_sections(&page, false)?;
    page.button("Try again")?.click()?;
    page.button("Show runners")?.click()?;
    page.wait_for_text("3 runners")?;
    page.open_tab("Register")?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("Registration token for octo-org")?;
    Ok(())
}

fn a_chunk_whose_bytes_changed_is_refused_by_its_integrity_hash(world: &World) -> Result<()> {
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
        page.alert_containing("could not be loaded")?;
        page.settle()?;
        let to_api: Vec<String> = page
            .sent()?
            .into_iter()
            .filter(|r| r.url.starts_with(&page.mock.url()))
            .map(|r| r.url)
            .collect();
        check(
            to_api.is_empty(),
            format!("a tampered chunk runs nothing, yet the browser sent: {to_api:?}"),
        )?;
        let console = page.console()?.join("\n");
        check_contains(&console, "integrity")
    })();
    std::fs::remove_dir_all(&root).ok();
    result
}

fn the_sub_path_build_fetches_its_chunks_from_the_sub_path(world: &World) -> Result<()> {
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
        page.open_tab("Runners")?;
        page.wait_for_text("3 runners")?;
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
