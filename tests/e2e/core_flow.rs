//! The main flow: create a token, read it, copy the command; input checks before any request.

use crate::page::{check, check_contains, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::scenario::{org, TOKEN};
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        happy_path_shows_masked_token_expiry_and_copies_the_exact_command,
        request_carries_exactly_githubs_headers_and_passes_the_cors_preflight,
        show_token_reveals_it_everywhere_and_hide_token_masks_it_again,
        repository_selection_is_rendered_when_the_response_has_one,
        expired_token_is_marked_copy_warns_and_a_new_token_can_be_made,
        invalid_organization_is_explained_inline_and_sends_nothing,
        enter_in_a_field_submits_the_form,
        double_click_sends_one_request_and_the_button_shows_progress,
        a_quick_answer_goes_to_its_result_without_a_busy_button,
        unknown_api_layout_asks_for_the_server_url_and_uses_it_in_the_command,
        plain_http_to_a_remote_host_is_refused_before_any_request,
        an_ipv6_loopback_api_url_is_refused_with_what_to_use_instead,
    ]
}

fn happy_path_shows_masked_token_expiry_and_copies_the_exact_command(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    let token_field = page.field("Access token")?;
    check(
        token_field.accessible_name()? == "Access token",
        "the token input is labelled",
    )?;
    check(
        token_field.attribute("type")?.as_deref() == Some("password"),
        "the token input is a password field",
    )?;
    check(
        token_field.attribute("autocomplete")?.as_deref() == Some("off"),
        "no autocomplete",
    )?;
    check(
        token_field.attribute("spellcheck")?.as_deref() == Some("false"),
        "no spellcheck",
    )?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("Registration token for octo-org")?;
    let body = page.body_text()?;
    check(
        !body.contains(TOKEN),
        "the registration token must be masked until asked for",
    )?;
    check(
        body.contains("expires in 59 min") || body.contains("expires in 60 min"),
        format!("a fresh token has an hour:\n{body}"),
    )?;
    check_contains(&body, "GitHub's answer names no repository selection")?;
    let time = page.session.find("//time")?;
    let datetime = time.attribute("datetime")?.unwrap_or_default();
    check(
        datetime.ends_with('Z') && datetime.len() == 20,
        format!("<time datetime> is UTC: {datetime}"),
    )?;
    check_contains(&time.text()?, "UTC")?;

    page.button("Copy command")?.click()?;
    let status = page.session.find("//p[@role='status'][normalize-space(.)='Copied']")?;
    check(
        status.attribute("aria-live")?.as_deref() == Some("polite"),
        "the copy status is announced",
    )?;
    let clipboard = page.clipboard()?;
    check(
        clipboard == page.expected_command("octo-org"),
        format!("clipboard holds {clipboard:?}"),
    )
}

fn request_carries_exactly_githubs_headers_and_passes_the_cors_preflight(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create("octo-org", &format!("  Bearer {ACCESS_TOKEN}  "))?;
    page.wait_for_text("Registration token for octo-org")?;
    let requests = page.mock.requests();
    let preflight = requests
        .iter()
        .find(|r| r.method == "OPTIONS")
        .ok_or("the browser sent no CORS preflight")?;
    check(
        preflight.header("access-control-request-headers") == Some("authorization,x-github-api-version"),
        format!(
            "preflight asked for {:?}",
            preflight.header("access-control-request-headers")
        ),
    )?;
    let posts = page.mock.token_requests();
    check(posts.len() == 1, format!("one POST expected, got {}", posts.len()))?;
    let post = &posts[0];
    check(post.method == "POST", "method is POST")?;
    check(
        post.path == "/api/v3/orgs/octo-org/actions/runners/registration-token",
        format!("path {}", post.path),
    )?;
    check(
        post.header("authorization") == Some(&*format!("Bearer {ACCESS_TOKEN}")),
        "trimmed token sent as Bearer",
    )?;
    check(
        post.header("accept") == Some("application/vnd.github+json"),
        "Accept header",
    )?;
    check(
        post.header("x-github-api-version") == Some("2022-11-28"),
        "API version header",
    )?;
    check(
        post.header("referer").is_none() && post.header("cookie").is_none(),
        "no referrer, no cookies",
    )
}

fn show_token_reveals_it_everywhere_and_hide_token_masks_it_again(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create("octo-org", ACCESS_TOKEN)?;
    let show = page.button("Show token")?;
    check(
        show.attribute("aria-pressed")?.as_deref() == Some("false"),
        "toggle starts unpressed",
    )?;
    show.click()?;
    page.wait_for_text(TOKEN)?;
    check_contains(&page.session.find("//pre/code")?.text()?, TOKEN)?;
    let hide = page.button("Hide token")?;
    check(
        hide.attribute("aria-pressed")?.as_deref() == Some("true"),
        "toggle is pressed while shown",
    )?;
    hide.click()?;
    page.button("Show token")?;
    check(!page.body_text()?.contains(TOKEN), "hidden again everywhere")?;
    page.button("Copy command")?.click()?;
    page.session.find("//p[@role='status'][normalize-space(.)='Copied']")?;
    check(
        page.clipboard()? == page.expected_command("octo-org"),
        "a masked copy still carries the real token",
    )
}

fn repository_selection_is_rendered_when_the_response_has_one(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create(org::SCOPED, ACCESS_TOKEN)?;
    page.wait_for_text("Selected repositories")?;
    let link = page.session.find("//a[normalize-space(.)='scoped-org/secret-sauce']")?;
    check(
        link.attribute("href")?.as_deref() == Some("https://github.com/scoped-org/secret-sauce"),
        "repository is linked",
    )?;
    let item = page
        .session
        .find("//li[a[normalize-space(.)='scoped-org/secret-sauce']]")?
        .text()?;
    check_contains(&item, "Private")?;
    let public = page
        .session
        .find("//li[a[normalize-space(.)='scoped-org/hello-world']]")?
        .text()?;
    check(!public.contains("Private"), "a public repository is not marked private")?;
    let body = page.body_text()?;
    check_contains(&body, "organization_self_hosted_runners: write")?;
    check_contains(&body, "runner.yml")
}

fn expired_token_is_marked_copy_warns_and_a_new_token_can_be_made(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create(org::EXPIRING, ACCESS_TOKEN)?;
    page.wait_for_text("expires in")?;
    check(!page.body_text()?.contains("Expired"), "not expired at first")?;
    page.session.wait_for("the Expired mark", Duration::from_secs(10), || {
        Ok(page
            .session
            .find_all("//strong[normalize-space(.)='Expired']")?
            .into_iter()
            .next()
            .map(drop))
    })?;
    page.button("Copy command")?.click()?;
    page.wait_for_text("Copied, but this token has expired")?;
    let before = page.mock.token_requests().len();
    page.button("Create a new token")?.click()?;
    page.wait("a second request", Duration::from_secs(10), || {
        Ok((page.mock.token_requests().len() == before + 1).then_some(()))
    })?;
    page.wait_for_text("expires in")
}

fn invalid_organization_is_explained_inline_and_sends_nothing(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    for (input, message) in [
        ("octo org", "contain no spaces"),
        ("octo/org", "not a URL or path"),
        ("octo--org", "two hyphens"),
        ("-octo", "start with a hyphen"),
        ("a234567890123456789012345678901234567890", "at most 39 characters"),
        ("\u{043e}cto", "U+043E"),
    ] {
        page.submit(input, ACCESS_TOKEN)?;
        let field = page.field("Organization")?;
        page.wait(&format!("aria-invalid for {input:?}"), Duration::from_secs(5), || {
            Ok((field.attribute("aria-invalid")?.as_deref() == Some("true")).then_some(()))
        })?;
        let described = field.attribute("aria-describedby")?.unwrap_or_default();
        check(
            described.split(' ').any(|id| id == "org-error"),
            format!("aria-describedby={described:?}"),
        )?;
        let error = page.session.find("//*[@id='org-error']")?.text()?;
        check_contains(&error, message)?;
        let focused = page.session.execute("return document.activeElement.id", vec![])?;
        check(
            focused == "org",
            format!("focus moved to the invalid field, not {focused}"),
        )?;
    }
    page.assert_nothing_sent("no request may be sent for invalid input")
}

fn enter_in_a_field_submits_the_form(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.fill_form("octo-org", ACCESS_TOKEN)?;
    page.field("Access token")?.type_text("\u{E007}")?;
    page.wait_for_text("Registration token for octo-org")?;
    check(page.mock.token_requests().len() == 1, "Enter sent one request")
}

fn double_click_sends_one_request_and_the_button_shows_progress(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    // The mock never answers for this org, so the request stays in flight.
    page.fill_form(org::HANG, ACCESS_TOKEN)?;
    let button = page.button("Create registration token")?;
    page.session
        .execute("arguments[0].click(); arguments[0].click();", vec![button.as_arg()])?;
    let busy = page.button("Creating registration token…")?;
    check(
        !busy.is_enabled()?,
        "the button is disabled while the request is in flight",
    )?;
    check(
        busy.attribute("aria-busy")?.as_deref() == Some("true"),
        "aria-busy while in flight",
    )?;
    busy.click().ok();
    page.field("Access token")?.type_text("\u{E007}")?;
    std::thread::sleep(Duration::from_millis(500));
    let posts = page.mock.token_requests().len();
    check(
        posts == 1,
        format!("exactly one request expected, the mock received {posts}"),
    )
}

/// The busy state is said only once a request has taken a tenth of a second: the mock on
/// loopback answers well within that, so the button never turns busy on the way to the result.
fn a_quick_answer_goes_to_its_result_without_a_busy_button(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.fill_form("octo-org", ACCESS_TOKEN)?;
    let button = page.button("Create registration token")?;
    // Records every state the button is ever in, from before the click on.
    page.session.execute(
        "const b = arguments[0]; window.__buttonStates = [];\
         const note = () => window.__buttonStates.push([b.textContent.trim(), b.disabled, b.getAttribute('aria-busy')].join('|'));\
         new MutationObserver(note).observe(b, { subtree: true, childList: true, characterData: true, attributes: true });",
        vec![button.as_arg()],
    )?;
    button.click()?;
    page.wait_for_text("Registration token for octo-org")?;
    page.settle()?;
    let states = page.session.execute("return window.__buttonStates;", vec![])?;
    let busy: Vec<&str> = states
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str())
        .filter(|s| s.contains("Creating") || s.contains("|true|") || s.ends_with("|true"))
        .collect();
    check(
        busy.is_empty(),
        format!("the button turned busy for an answer that came at once: {busy:?}"),
    )?;
    check(page.mock.token_requests().len() == 1, "one request")
}

fn unknown_api_layout_asks_for_the_server_url_and_uses_it_in_the_command(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!("?api={}", page.mock.url()))?;
    page.fill_form("octo-org", ACCESS_TOKEN)?;
    page.button("Create registration token")?.click()?;
    let server = page.field("Server URL")?;
    page.wait("a Server URL error", Duration::from_secs(5), || {
        Ok((server.attribute("aria-invalid")?.as_deref() == Some("true")).then_some(()))
    })?;
    page.assert_nothing_sent("nothing may be sent without a web address")?;
    server.fill("https://ghes.example.com/")?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Registration token for octo-org")?;
    page.button("Show token")?.click()?;
    let command = page.session.find("//pre/code")?.text()?;
    check(
        command == format!("./config.sh --url https://ghes.example.com/octo-org --token {TOKEN}"),
        command,
    )
}

fn plain_http_to_a_remote_host_is_refused_before_any_request(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit("?api=http://ghes.example.com/api/v3")?;
    let open = page.session.find("//details")?.property("open")?;
    check(open == true, "the Enterprise section is open for a non-default API URL")?;
    page.submit("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("unencrypted")?;
    let api = page.field("API URL")?;
    check(
        api.attribute("aria-invalid")?.as_deref() == Some("true"),
        "API URL marked invalid",
    )?;
    page.assert_nothing_sent("nothing may be sent")
}

fn an_ipv6_loopback_api_url_is_refused_with_what_to_use_instead(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    let port = page.mock.url().rsplit(':').next().unwrap_or_default().to_string();
    page.visit(&format!("?api=http://[::1]:{port}/api/v3"))?;
    page.submit("octo-org", ACCESS_TOKEN)?;
    let api = page.field("API URL")?;
    page.wait("the API URL refused", Duration::from_secs(5), || {
        Ok((api.attribute("aria-invalid")?.as_deref() == Some("true")).then_some(()))
    })?;
    let message = page.session.find("//*[@id='api-error']")?.text()?;
    check_contains(
        &message,
        &format!("Use http://127.0.0.1:{port} or http://localhost:{port} instead"),
    )?;
    check(
        !page.body_text()?.contains("Could not reach"),
        "never the untrue network error",
    )?;
    page.assert_nothing_sent("nothing may be sent")?;
    // The suggested address works.
    api.fill(&page.mock.ghes_url())?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Registration token for octo-org")
}
