//! The locked-down page: its Content-Security-Policy is enforced, a whole session talks only to
//! its own origin and the chosen API, hostile answers are shown safely, bad input never turns
//! into a request, and the token can be forgotten.

use crate::page::{check, check_contains, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::scenario::{self, org};
use serde_json::Value;
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        csp_blocks_an_injected_inline_script_and_handler,
        a_whole_session_talks_only_to_its_own_origin_and_the_api_base,
        after_a_full_session_and_reload_the_token_is_only_in_memory,
        forget_token_clears_it_from_the_input_and_memory,
        plain_http_from_another_host_is_warned_about,
        older_ghes_refusing_the_version_header_is_retried_without_it,
        a_token_with_markup_and_shell_syntax_is_shown_as_text_and_quoted,
        expiry_offsets_and_extremes_are_read_right,
        bad_input_gets_an_inline_message_and_sends_nothing,
    ]
}

fn csp_blocks_an_injected_inline_script_and_handler(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    let policy = page
        .session
        .find("//meta[@http-equiv='Content-Security-Policy']")?
        .attribute("content")?
        .unwrap_or_default();
    for part in [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
        "style-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
    ] {
        check_contains(&policy, part)?;
    }
    // The page's own loading raises no policy complaint (a malformed source list would, and
    // Chromium's warning quotes the page URL).
    let console = page.console()?.join("\n");
    check(
        !console.contains("Content Security Policy") && !console.contains("integrity"),
        format!("console: {console}"),
    )?;
    page.session.execute(
        "window.__violations = [];\
         document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));\
         const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.head.appendChild(s);\
         const d = document.createElement('div'); d.setAttribute('onclick', 'window.__clicked = true'); document.body.appendChild(d); d.click();\
         const f = document.createElement('script'); f.src = 'data:text/javascript,window.__data = true'; document.head.appendChild(f);",
        vec![],
    )?;
    std::thread::sleep(Duration::from_millis(500));
    let state = page.session.execute(
        "return [window.__injected === true, window.__clicked === true, window.__data === true, window.__violations]",
        vec![],
    )?;
    check(state[0] == false, "an injected inline script must not run")?;
    check(state[1] == false, "an injected inline event handler must not run")?;
    check(state[2] == false, "a data: script must not run")?;
    let violations = state[3].to_string();
    check(
        violations.contains("script-src-elem") && violations.contains("script-src-attr"),
        format!("violations reported: {violations}"),
    )?;
    // The page itself still works under the policy.
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("Registration token for octo-org")
}

/// Success, an error, the setup script and copies, then a reload: what the browser fetched.
fn full_session(page: &Page) -> Result<()> {
    page.visit_with_mock()?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("1. Create a folder")?;
    page.button("Copy command")?.click()?;
    page.button("Copy script")?.click()?;
    page.choose("Operating system", "Windows")?;
    page.button("Show token")?.click()?;
    page.create(org::MISSING, ACCESS_TOKEN)?;
    page.alert_containing("404")?;
    page.create("octo-org", "ghp_e2eToken_revoked")?;
    page.alert_containing("401")?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("Registration token for octo-org")?;
    // The runner list, a filter and a removal, a just-in-time runner and its watch, a remove token.
    page.open_tab("Runners")?;
    page.wait_for_text("3 runners")?;
    page.field("Filter runners")?.fill("old")?;
    page.session
        .find("//button[@aria-label='Remove old-runner']")?
        .click()?;
    page.button("Remove runner")?.click()?;
    page.wait_for_text("Removed old-runner")?;
    page.open_tab("Register")?;
    page.radio("Action", "Add a just-in-time runner")?.click()?;
    page.field("Runner name")?.fill("jit-session")?;
    page.button("Create just-in-time runner")?.click()?;
    page.wait_for_text("jit-session is registered")?;
    page.radio("Action", "Remove a runner")?.click()?;
    page.button("Create remove token")?.click()?;
    page.wait_for_text("Remove token for octo-org")?;
    Ok(())
}

fn a_whole_session_talks_only_to_its_own_origin_and_the_api_base(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    full_session(&page)?;
    let urls = page.session.execute(
        "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])",
        vec![],
    )?;
    let urls: Vec<String> = urls
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u.as_str().map(str::to_string))
        .collect();
    let (site, api) = (
        format!("{}/", page.world.site.url()),
        format!("{}/", page.mock.ghes_url()),
    );
    let stray: Vec<&String> = urls
        .iter()
        .filter(|u| !u.starts_with(&site) && !u.starts_with(&api))
        .collect();
    check(
        stray.is_empty(),
        format!("requests outside the page's origin and the API base: {stray:?}"),
    )?;
    check(urls.iter().any(|u| u.starts_with(&api)), "the API was called")?;
    let outside_api = page
        .mock
        .requests()
        .into_iter()
        .filter(|r| !r.path.starts_with("/api/v3/"))
        .count();
    check(
        outside_api == 0,
        "every request to the mock was under the chosen API base",
    )
}

fn after_a_full_session_and_reload_the_token_is_only_in_memory(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    full_session(&page)?;
    let traces = page.browser_traces()?;
    check(
        !traces.contains(ACCESS_TOKEN) && !traces.contains("e2eSecret"),
        format!("the access token leaked:\n{traces}"),
    )?;
    let html = page
        .session
        .execute("return document.documentElement.outerHTML", vec![])?;
    check(
        !html.as_str().unwrap_or_default().contains("e2eSecret"),
        "not in the DOM's markup",
    )?;
    let inputs = page.session.execute(
        "return [...document.querySelectorAll('input, textarea, select')].filter(e => e.type !== 'password').map(e => e.value).join('\\n')",
        vec![],
    )?;
    check(
        !inputs.as_str().unwrap_or_default().contains("e2eSecret"),
        "only the password input holds it",
    )?;
    page.session.refresh()?;
    page.button("Create registration token")?;
    let after = page.browser_traces()?;
    check(!after.contains("e2eSecret"), format!("after a reload:\n{after}"))?;
    check(
        page.field("Access token")?.property("value")? == "",
        "a reload forgets the token",
    )?;
    let dbs = page.session.execute_async(
        "const done = arguments[arguments.length - 1]; indexedDB.databases().then(d => done(JSON.stringify(d)), e => done(String(e)));",
        vec![],
    )?;
    check(dbs.as_str() == Some("[]"), format!("no IndexedDB databases: {dbs}"))?;
    let by_mock: Vec<String> = page
        .mock
        .requests()
        .into_iter()
        .filter_map(|r| r.header("authorization").map(str::to_string))
        .collect();
    check(
        by_mock
            .iter()
            .all(|a| a == &format!("Bearer {ACCESS_TOKEN}") || a.ends_with("_revoked")),
        "only the typed tokens reached the API",
    )
}

fn forget_token_clears_it_from_the_input_and_memory(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.fill_form("octo-org", ACCESS_TOKEN)?;
    page.button("Forget token")?.click()?;
    page.wait_for_text(
        "Forgotten: this page holds no reference to the access token any more and will not send it again.",
    )?;
    check(
        page.field("Access token")?.property("value")? == "",
        "the input is empty",
    )?;
    page.assert_absent(
        "//button[normalize-space(.)='Forget token']",
        "Forget token with nothing left to forget",
    )?;
    // Memory too: submitting now has no token to send.
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Paste an access token")?;
    page.assert_nothing_sent("nothing may be sent after forgetting")
}

fn plain_http_from_another_host_is_warned_about(world: &World) -> Result<()> {
    let page = Page::with_args(world, &["--host-resolver-rules=MAP runner-token.test 127.0.0.1"])?;
    let port = page.world.site.url().rsplit(':').next().unwrap_or_default().to_string();
    page.session.goto(&format!("http://runner-token.test:{port}/"))?;
    page.alert_containing("loaded over plain http from runner-token.test")?;
    // On this machine (the usual `scripts/serve`) there is no such warning.
    let local = Page::new(world)?;
    local.visit("")?;
    check(!local.body_text()?.contains("plain http"), "no warning on loopback")
}

fn older_ghes_refusing_the_version_header_is_retried_without_it(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!("?api={}", page.mock.old_ghes_url()))?;
    // Its API URL is not of a layout the web address can be derived from.
    page.field("Server URL")?.fill("https://ghes.example.com")?;
    page.create(org::OLD_GHES, ACCESS_TOKEN)?;
    page.wait_for_text(&format!("Registration token for {}", org::OLD_GHES))?;
    let posts = page.mock.token_requests();
    check(
        posts.len() == 1,
        format!("one POST reached the server, got {}", posts.len()),
    )?;
    check(
        posts[0].header("x-github-api-version").is_none(),
        "the retry left out X-GitHub-Api-Version",
    )?;
    check(
        posts[0].header("authorization") == Some(&*format!("Bearer {ACCESS_TOKEN}")),
        "and still authenticated",
    )
}

fn a_token_with_markup_and_shell_syntax_is_shown_as_text_and_quoted(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create(org::ODD_TOKEN, ACCESS_TOKEN)?;
    page.wait_for_text("Registration token for")?;
    page.button("Show token")?.click()?;
    let shown = page.session.find("//code[contains(@class,'token')]")?.text()?;
    check(
        shown.contains("<img src=x onerror=alert(1)>"),
        format!("shown as text: {shown}"),
    )?;
    let images = page.session.find_all("//img")?.len();
    check(images == 0, "no markup from the token reached the DOM")?;
    page.button("Copy command")?.click()?;
    page.wait_for_text("Copied")?;
    let command = page.clipboard()?;
    // Run the copied command in a real sh with a stand-in config.sh: the token arrives whole.
    let script = format!(
        "config_sh() {{ for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }}\n{}",
        command.replacen("./config.sh", "config_sh", 1)
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .output()
        .map_err(|e| e.to_string())?;
    let args: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .split_terminator('\0')
        .map(str::to_string)
        .collect();
    check(
        args.get(3).map(String::as_str) == Some(scenario::ODD_TOKEN),
        format!("sh received {args:?}"),
    )?;
    check(
        !std::path::Path::new("/tmp/runner-token-pwned").exists(),
        "nothing in the token was executed",
    )
}

fn expiry_offsets_and_extremes_are_read_right(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    for (org_name, expect) in [
        (org::OFFSET_0545, "expires in 59 min"),
        (org::ZULU, "expires in 59 min"),
        (org::FUTURE, "2999-12-31 09:59 UTC"),
        (org::PAST, "Expired"),
    ] {
        page.create(org_name, ACCESS_TOKEN)?;
        page.wait_for_text(&format!("Registration token for {org_name}"))?;
        page.wait(&format!("{org_name}: {expect}"), Duration::from_secs(5), || {
            Ok(page.body_text()?.contains(expect).then_some(()))
        })
        .map_err(|e| {
            format!(
                "{}\n{}",
                e.message().unwrap_or_default(),
                page.session
                    .find("//div[contains(@class,'expiry')]")
                    .and_then(|d| d.text())
                    .unwrap_or_default()
            )
        })?;
    }
    let datetime = page.session.find("//time")?.attribute("datetime")?.unwrap_or_default();
    check(
        datetime == "2001-01-01T00:00:00Z",
        format!("far past in UTC: {datetime}"),
    )
}

fn bad_input_gets_an_inline_message_and_sends_nothing(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit("")?;
    page.session
        .find("//summary[normalize-space(.)='GitHub Enterprise Server']")?
        .click()?;
    // (A line break cannot reach the password input: browsers strip it from one-line inputs.)
    let rows: [(&str, &str, &str, &str); 15] = [
        ("octo org", ACCESS_TOKEN, "https://api.github.com", "contain no spaces"),
        ("octo/org", ACCESS_TOKEN, "https://api.github.com", "not a URL or path"),
        (
            "..",
            ACCESS_TOKEN,
            "https://api.github.com",
            "\u{201c}.\u{201d} cannot appear",
        ),
        (
            "octo%2Forg",
            ACCESS_TOKEN,
            "https://api.github.com",
            "\u{201c}%\u{201d} cannot appear",
        ),
        ("\u{043e}cto-org", ACCESS_TOKEN, "https://api.github.com", "U+043E"),
        (
            "a234567890123456789012345678901234567890",
            ACCESS_TOKEN,
            "https://api.github.com",
            "at most 39 characters",
        ),
        (
            "octo-org",
            ACCESS_TOKEN,
            "javascript:alert(1)",
            "\u{201c}javascript:\u{201d} URLs are not allowed",
        ),
        (
            "octo-org",
            ACCESS_TOKEN,
            "data:text/html,hi",
            "\u{201c}data:\u{201d} URLs are not allowed",
        ),
        (
            "octo-org",
            ACCESS_TOKEN,
            "http://ghes.example.com/api/v3",
            "unencrypted",
        ),
        (
            "octo-org",
            ACCESS_TOKEN,
            "https://user:pass@ghes.example.com/api/v3",
            "user name and password",
        ),
        ("octo-org", ACCESS_TOKEN, "https://ghes.example.com/api/v3?x=1", "query"),
        (
            "octo-org",
            "ghp_abc def",
            "https://api.github.com",
            "space or line break",
        ),
        (
            "octo-org",
            "\"ghp_abc\"",
            "https://api.github.com",
            "without surrounding quotes",
        ),
        ("octo-org", "", "https://api.github.com", "Paste an access token"),
        ("octo-org", "Bearer ", "https://api.github.com", "Paste an access token"),
    ];
    for (org_name, token, api, message) in rows {
        page.field("API URL")?.fill(api)?;
        page.submit(org_name, token)?;
        page.wait(
            &format!("{org_name:?} / {token:?} / {api:?} → {message:?}"),
            Duration::from_secs(5),
            || {
                let errors: Vec<String> = page
                    .session
                    .find_all("//p[contains(@class,'field-error')][not(@hidden)]")?
                    .iter()
                    .map(|e| e.text())
                    .collect::<Result<_>>()?;
                Ok(errors.iter().any(|e| e.contains(message)).then_some(()))
            },
        )?;
    }
    page.assert_nothing_sent("no request may go out for any bad input")?;
    // Forms that are only unusual, not wrong, are accepted: trailing slashes and /api/v3/.
    for api in ["https://ghes.example.com/api/v3/", "https://api.github.com/"] {
        page.field("API URL")?.fill(api)?;
        page.fill_form("octo-org", &format!("Bearer {ACCESS_TOKEN}"))?;
        let invalid: Value = page.session.execute(
            "return [...document.querySelectorAll('[aria-invalid=true]')].map(e => e.id)",
            vec![],
        )?;
        check(
            invalid.as_array().is_some_and(Vec::is_empty),
            format!("{api}: marked invalid: {invalid}"),
        )?;
    }
    Ok(())
}
