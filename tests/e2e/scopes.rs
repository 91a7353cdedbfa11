//! Every scope × every action against the mock: the exact request (method, path, headers, body)
//! and the exact text on the clipboard; pasted addresses, deep links, the enterprise token
//! warning, the 409 path, and the just-in-time script run through a real `sh`.

use crate::page::{check, check_contains, lit, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::scenario::{self, org, DOWNLOAD_TOKEN, JIT_CONFIG, TOKEN};
use mock_github::Recorded;
use std::time::Duration;

/// The scopes the matrix runs: (radio label, field text, API path, path of the --url).
const SCOPES: [(&str, &str, &str, &str); 3] = [
    ("Repository", "octo-org/app", "/repos/octo-org/app", "/octo-org/app"),
    ("Organization", "octo-org", "/orgs/octo-org", "/octo-org"),
    ("Enterprise", "acme", "/enterprises/acme", "/enterprises/acme"),
];

const ACTIONS: [&str; 3] = ["Add a runner", "Add a just-in-time runner", "Remove a runner"];

const JIT_NAME: &str = "jit-e2e-1";

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        repository_add_sends_the_repository_path_and_copies_its_config_command,
        repository_jit_sends_the_default_group_and_labels_and_copies_run_sh,
        repository_remove_sends_the_remove_token_request_and_copies_config_remove,
        organization_add_sends_the_organization_path_and_copies_its_config_command,
        organization_jit_sends_the_default_group_and_labels_and_copies_run_sh,
        organization_remove_sends_the_remove_token_request_and_copies_config_remove,
        enterprise_add_sends_the_enterprise_path_and_copies_its_config_command,
        enterprise_jit_sends_the_default_group_and_labels_and_copies_run_sh,
        enterprise_remove_sends_the_remove_token_request_and_copies_config_remove,
        the_jit_script_runs_in_sh_and_run_sh_receives_the_configuration_byte_for_byte,
        a_chosen_runner_group_is_sent_by_its_id,
        a_github_hosted_group_refusing_a_jit_runner_is_explained_and_another_group_works,
        a_taken_jit_name_is_explained_and_the_name_can_be_changed,
        a_pasted_repository_address_picks_the_repository_scope,
        a_pasted_server_address_sets_the_api_url,
        an_enterprise_with_a_fine_grained_token_is_warned_before_sending_and_may_still_send,
        deep_links_preset_every_scope_and_mode,
        the_scope_and_its_name_are_remembered_after_reload_but_the_token_is_not,
        removal_with_a_service_shows_the_svc_steps_first,
        a_download_token_is_masked_on_screen_and_present_in_the_copy,
    ]
}

/// Opens the page on the mock, picks the scope and action, and fills scope and token.
fn prepare<'w>(world: &'w World, scope: usize, action: &str) -> Result<Page<'w>> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    let (label, value, _, _) = SCOPES[scope];
    page.radio("Runner scope", label)?.click()?;
    page.field(label)?.fill(value)?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.radio("Action", action)?.click()?;
    Ok(page)
}

/// The one request to `suffix`, waited for.
fn the_request(page: &Page, suffix: &str) -> Result<Recorded> {
    page.wait(&format!("a request to {suffix}"), Duration::from_secs(10), || {
        Ok(page
            .mock
            .api_requests()
            .iter()
            .any(|r| r.path.ends_with(suffix))
            .then_some(()))
    })?;
    let matching: Vec<Recorded> = page
        .mock
        .api_requests()
        .into_iter()
        .filter(|r| r.path.ends_with(suffix))
        .collect();
    check(
        matching.len() == 1,
        format!("one request to {suffix}, got {}", matching.len()),
    )?;
    Ok(matching[0].clone())
}

fn check_headers(r: &Recorded, json_body: bool) -> Result<()> {
    check(r.method == "POST", format!("{} is a POST", r.path))?;
    check(
        r.header("authorization") == Some(&*format!("Bearer {ACCESS_TOKEN}")),
        "the token goes as Bearer",
    )?;
    check(
        r.header("accept") == Some("application/vnd.github+json"),
        "Accept header",
    )?;
    check(
        r.header("x-github-api-version") == Some("2022-11-28"),
        "API version header",
    )?;
    let content_type = r.header("content-type");
    if json_body {
        check(
            content_type == Some("application/json"),
            format!("JSON body announced, got {content_type:?}"),
        )
    } else {
        check(
            r.body.is_empty() && content_type.is_none(),
            format!("no body for {}: {:?} {content_type:?}", r.path, r.body),
        )
    }
}

/// Copies with the button and returns what the clipboard then holds.
fn copy(page: &Page, button: &str) -> Result<String> {
    page.session
        .find(&format!(
            "//button[normalize-space(.)={} or @aria-label={}]",
            lit(button),
            lit(button)
        ))?
        .click()?;
    page.session
        .find("//*[@role='status'][starts-with(normalize-space(.), 'Copied')]")?;
    page.clipboard()
}

fn scope_action(world: &World, scope: usize, action: usize) -> Result<()> {
    let (_, value, api_path, url_path) = SCOPES[scope];
    let page = prepare(world, scope, ACTIONS[action])?;
    let prefix = format!("/api/v3{api_path}/actions/runners");
    match action {
        0 => {
            page.button("Create registration token")?.click()?;
            page.wait_for_text(&format!("Registration token for {}", subject(scope, value)))?;
            check_headers(&the_request(&page, &format!("{prefix}/registration-token"))?, false)?;
            let expected = format!("./config.sh --url {}{url_path} --token {TOKEN}", page.mock.url());
            let copied = copy(&page, "Copy command")?;
            check(
                copied == expected,
                format!("clipboard holds {copied:?}, expected {expected:?}"),
            )?;
            // Runner groups are offered exactly where the scope has them.
            let group_fields = page
                .session
                .find_all("//label[normalize-space(.)='Runner group']")?
                .len();
            check(
                (group_fields == 1) == (scope != 0),
                format!("{group_fields} Runner group fields for scope {value}"),
            )
        }
        1 => {
            page.field("Runner name")?.fill(JIT_NAME)?;
            if scope != 0 {
                // Organizations and enterprises name the group by id: the list loads first.
                page.session
                    .find("//select[@id=//label[normalize-space(.)='Runner group']/@for]")?;
            } else {
                check(
                    page.session
                        .find_all("//label[normalize-space(.)='Runner group']")?
                        .is_empty(),
                    "a repository has no runner groups",
                )?;
            }
            check(
                page.field("Labels")?.property("value")? == "self-hosted\nLinux\nX64",
                "the default labels are prefilled",
            )?;
            page.button("Create just-in-time runner")?.click()?;
            page.wait_for_text(&format!("Just-in-time runner {JIT_NAME}"))?;
            let request = the_request(&page, &format!("{prefix}/generate-jitconfig"))?;
            check_headers(&request, true)?;
            let body = r#"{"name":"jit-e2e-1","runner_group_id":1,"labels":["self-hosted","Linux","X64"],"work_folder":"_work"}"#;
            check(request.body == body, format!("JIT body {:?}", request.body))?;
            let text = page.body_text()?;
            check_contains(&text, "(id 4242) is registered in")?;
            check_contains(&text, "shows as offline until it starts")?;
            check(!text.contains(JIT_CONFIG), "the configuration is masked until shown")?;
            page.wait_for_text("1. Create a folder")?;
            let copied = copy(&page, "Copy step 5: Start the runner")?;
            check(
                copied == format!("./run.sh --jitconfig {JIT_CONFIG}"),
                format!("clipboard holds {copied:?}"),
            )?;
            page.button("Show configuration")?.click()?;
            page.wait_for_text(JIT_CONFIG)
        }
        _ => {
            page.button("Create remove token")?.click()?;
            page.wait_for_text(&format!("Remove token for {}", subject(scope, value)))?;
            check_headers(&the_request(&page, &format!("{prefix}/remove-token"))?, false)?;
            let text = page.body_text()?;
            check_contains(&text, "in the runner's folder")?;
            check(!text.contains(TOKEN), "the remove token is masked")?;
            let setup_calls = page
                .mock
                .api_requests()
                .into_iter()
                .filter(|r| r.path.contains("/downloads") || r.path.contains("/runner-groups"))
                .count();
            check(setup_calls == 0, "removal loads no downloads or groups")?;
            let copied = copy(&page, "Copy command")?;
            check(
                copied == format!("./config.sh remove --token {TOKEN}"),
                format!("clipboard holds {copied:?}"),
            )
        }
    }
}

fn subject(scope: usize, value: &str) -> String {
    if scope == 2 {
        format!("the enterprise {value}")
    } else {
        value.to_string()
    }
}

fn the_jit_script_runs_in_sh_and_run_sh_receives_the_configuration_byte_for_byte(world: &World) -> Result<()> {
    let page = prepare(world, 1, "Add a just-in-time runner")?;
    page.field("Runner name")?.fill(JIT_NAME)?;
    page.button("Create just-in-time runner")?.click()?;
    page.wait_for_text("1. Create a folder")?;
    let script = copy(&page, "Copy script")?;
    let dir = std::env::temp_dir().join(format!(
        "runner-token-jit-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let runner = dir.join("actions-runner");
    std::fs::create_dir_all(&runner).map_err(|e| e.to_string())?;
    // Stand-ins: curl records its arguments and writes a file, shasum and tar succeed, and
    // run.sh records every argument it receives, NUL-terminated.
    let run_sh = runner.join("run.sh");
    std::fs::write(
        &run_sh,
        "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > ../run-args\n",
    )
    .map_err(|e| e.to_string())?;
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&run_sh)
        .status()
        .map_err(|e| e.to_string())?;
    let stubs = "curl() { printf '%s\\n' \"$@\" > ../curl-args; printf x > \"$3\"; }\nshasum() { cat > /dev/null; }\ntar() { :; }\n";
    let out = std::process::Command::new("sh")
        .current_dir(&dir)
        .arg("-c")
        .arg(format!("{stubs}{script}"))
        .output()
        .map_err(|e| e.to_string())?;
    let args = std::fs::read(dir.join("run-args")).unwrap_or_default();
    let curl = std::fs::read_to_string(dir.join("curl-args")).unwrap_or_default();
    std::fs::remove_dir_all(&dir).ok();
    check(
        out.status.success(),
        format!("the script failed: {}", String::from_utf8_lossy(&out.stderr)),
    )?;
    let args: Vec<String> = String::from_utf8_lossy(&args)
        .split_terminator('\0')
        .map(str::to_string)
        .collect();
    check(args == ["--jitconfig", JIT_CONFIG], format!("run.sh received {args:?}"))?;
    check_contains(&curl, &scenario::package_url("linux", "x64"))
}

fn a_chosen_runner_group_is_sent_by_its_id(world: &World) -> Result<()> {
    let page = prepare(world, 1, "Add a just-in-time runner")?;
    page.field("Runner name")?.fill(JIT_NAME)?;
    page.choose("Runner group", "Release runners")?;
    page.field("Labels")?.fill("self-hosted\ngpu")?;
    page.button("Create just-in-time runner")?.click()?;
    page.wait_for_text(&format!("Just-in-time runner {JIT_NAME}"))?;
    let request = the_request(&page, "/generate-jitconfig")?;
    let body = r#"{"name":"jit-e2e-1","runner_group_id":3,"labels":["self-hosted","gpu"],"work_folder":"_work"}"#;
    check(request.body == body, format!("JIT body {:?}", request.body))
}

fn a_github_hosted_group_refusing_a_jit_runner_is_explained_and_another_group_works(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.field("Organization")?.fill(scenario::org::HOSTED_RUNNERS)?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.radio("Action", "Add a just-in-time runner")?.click()?;
    page.field("Runner name")?.fill(JIT_NAME)?;
    page.choose("Runner group", scenario::HOSTED_GROUP)?;
    page.button("Create just-in-time runner")?.click()?;
    page.alert_containing("GitHub refused to register the runner")?;
    page.alert_containing("The token may not use the chosen runner group (GitHub-hosted groups and groups not open to this scope refuse runners)")?;
    let sent = the_request(&page, "/generate-jitconfig")?;
    check(
        sent.body.contains(r#""runner_group_id":4"#),
        format!("the hosted group's id was sent: {}", sent.body),
    )?;
    page.choose("Runner group", "Linux builders")?;
    page.button("Create just-in-time runner")?.click()?;
    page.wait_for_text(&format!("Just-in-time runner {JIT_NAME}"))
}

fn a_taken_jit_name_is_explained_and_the_name_can_be_changed(world: &World) -> Result<()> {
    let page = prepare(world, 1, "Add a just-in-time runner")?;
    // The groups list replaces the group text field when it arrives, moving what is below it:
    // wait for it, so the click on the alert's button below cannot land where the button was.
    page.session
        .find("//select[@id=//label[normalize-space(.)='Runner group']/@for]")?;
    page.field("Runner name")?.fill(scenario::runner::TAKEN)?;
    page.button("Create just-in-time runner")?.click()?;
    page.alert_containing("A runner named \u{201c}taken-runner\u{201d} already exists in octo-org")?;
    page.alert_containing("Already exists - A runner with the name taken-runner already exists.")?;
    page.button("Change the runner name")?.click()?;
    let focused = page.session.execute("return document.activeElement.id", vec![])?;
    check(
        focused == "runner-name",
        format!("focus moves to the runner name, not {focused}"),
    )?;
    page.field("Runner name")?.fill("jit-e2e-2")?;
    page.button("Create just-in-time runner")?.click()?;
    page.wait_for_text("Just-in-time runner jit-e2e-2")?;
    check(
        page.mock.jit_requests().len() == 2,
        "two requests: the refused one and the retry",
    )
}

fn a_pasted_repository_address_picks_the_repository_scope(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    // Pasted, as people do: the clipboard holds the address, Ctrl+V puts it in the field.
    page.field("Organization")?.click()?;
    let written = page.session.execute_async(
        "const done = arguments[arguments.length - 1]; navigator.clipboard.writeText(arguments[0]).then(() => done('ok'), e => done(String(e)));",
        vec!["https://github.com/octo-org/hello-world/settings/actions/runners".into()],
    )?;
    check(written == "ok", format!("the clipboard took the address: {written}"))?;
    page.field("Organization")?.type_text("\u{E009}v\u{E000}")?;
    page.wait("the Repository scope", Duration::from_secs(5), || {
        Ok(page.is_checked("Runner scope", "Repository")?.then_some(()))
    })?;
    check(
        page.field("Repository")?.property("value")? == "octo-org/hello-world",
        "the repository is filled in",
    )?;
    check(
        page.field("API URL")?.property("value")? == page.mock.ghes_url(),
        "a github.com address leaves the chosen API URL alone",
    )?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Registration token for octo-org/hello-world")?;
    the_request(
        &page,
        "/api/v3/repos/octo-org/hello-world/actions/runners/registration-token",
    )
    .map(drop)
}

fn a_pasted_server_address_sets_the_api_url(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit("")?;
    // Typed, then the field left with Tab.
    page.field("Organization")?
        .fill("https://ghes.example.com/enterprises/acme/settings\u{E004}")?;
    page.wait("the Enterprise scope", Duration::from_secs(5), || {
        Ok(page.is_checked("Runner scope", "Enterprise")?.then_some(()))
    })?;
    check(
        page.field("Enterprise")?.property("value")? == "acme",
        "the slug is filled in",
    )?;
    check(
        page.field("API URL")?.property("value")? == "https://ghes.example.com/api/v3",
        "the server's API URL is set",
    )?;
    check_contains(
        &page.body_text()?,
        "Runners will register with https://ghes.example.com",
    )
}

fn an_enterprise_with_a_fine_grained_token_is_warned_before_sending_and_may_still_send(world: &World) -> Result<()> {
    let page = prepare(world, 2, "Add a runner")?;
    page.field("Access token")?
        .fill("github_pat_11AAAAAAA0e2eFineGrained")?;
    let warning = page
        .session
        .find("//*[contains(normalize-space(.), 'Not accepted here')]")?
        .text()?;
    check_contains(&warning, "classic token with manage_runners:enterprise")?;
    check_contains(&warning, "You can still send it")?;
    page.assert_nothing_sent("the warning comes before anything is sent")?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Registration token for the enterprise acme")?;
    the_request(&page, "/api/v3/enterprises/acme/actions/runners/registration-token").map(drop)?;
    // An organization takes fine-grained tokens: no warning there.
    page.radio("Runner scope", "Organization")?.click()?;
    page.wait("the warning to go", Duration::from_secs(5), || {
        Ok(page
            .session
            .find_all("//*[contains(normalize-space(.), 'Not accepted here')]")?
            .is_empty()
            .then_some(()))
    })
}

fn deep_links_preset_every_scope_and_mode(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    let cases = [
        (
            "?repo=octo-org/app&mode=jit",
            "Repository",
            "octo-org/app",
            "Add a just-in-time runner",
            "Create just-in-time runner",
        ),
        (
            "?org=octo-org&mode=add",
            "Organization",
            "octo-org",
            "Add a runner",
            "Create registration token",
        ),
        (
            "?enterprise=acme&mode=remove",
            "Enterprise",
            "acme",
            "Remove a runner",
            "Create remove token",
        ),
    ];
    for (query, scope, value, action, button) in cases {
        page.visit(query)?;
        check(
            page.is_checked("Runner scope", scope)?,
            format!("{query}: {scope} is chosen"),
        )?;
        check(
            page.field(scope)?.property("value")? == value,
            format!("{query}: {scope} is {value}"),
        )?;
        check(
            page.is_checked("Action", action)?,
            format!("{query}: {action} is chosen"),
        )?;
        page.button(button)?;
        check(page.field("Access token")?.property("value")? == "", "never a token")?;
    }
    Ok(())
}

fn the_scope_and_its_name_are_remembered_after_reload_but_the_token_is_not(world: &World) -> Result<()> {
    let page = prepare(world, 0, "Add a runner")?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("Registration token for octo-org/app")?;
    page.visit("")?;
    check(
        page.is_checked("Runner scope", "Repository")?,
        "the repository scope is remembered",
    )?;
    check(
        page.field("Repository")?.property("value")? == "octo-org/app",
        "its name is remembered",
    )?;
    check(page.field("Access token")?.property("value")? == "", "the token is not")?;
    let stored = page
        .session
        .execute("return JSON.stringify(Object.entries(localStorage))", vec![])?;
    check(
        !stored.as_str().unwrap_or_default().contains(ACCESS_TOKEN),
        format!("storage holds no token: {stored}"),
    )
}

fn removal_with_a_service_shows_the_svc_steps_first(world: &World) -> Result<()> {
    let page = prepare(world, 1, "Remove a runner")?;
    page.button("Create remove token")?.click()?;
    page.wait_for_text("Remove token for octo-org")?;
    page.choose("Operating system", "Linux")?;
    page.field("Run as a service")?.click()?;
    // One command block: the service's steps first, then config.sh remove.
    let block = |want: &'static str| {
        let page = &page;
        move || {
            Ok(page
                .session
                .find_all("//section[contains(@class,'setup')]//pre")?
                .first()
                .map(|b| b.text())
                .transpose()?
                .filter(|t| t.starts_with(want))
                .map(drop))
        }
    };
    page.wait(
        "the service steps",
        Duration::from_secs(5),
        block("sudo ./svc.sh stop\nsudo ./svc.sh uninstall\n./config.sh remove --token "),
    )?;
    page.choose("Operating system", "macOS")?;
    page.wait(
        "macOS without sudo",
        Duration::from_secs(5),
        block("./svc.sh stop\n./svc.sh uninstall\n./config.sh remove --token "),
    )?;
    // config.cmd remove takes the Windows service down itself.
    page.choose("Operating system", "Windows")?;
    page.wait("config.cmd remove alone", Duration::from_secs(5), || {
        Ok(page
            .session
            .find("//section[contains(@class,'setup')]//pre")?
            .text()?
            .starts_with(".\\config.cmd remove --token ")
            .then_some(()))
    })?;
    let copied = copy(&page, "Copy command")?;
    check(
        copied.starts_with(".\\config.cmd remove --token ") && !copied.contains("svc"),
        format!("the copy holds {copied:?}"),
    )
}

fn a_download_token_is_masked_on_screen_and_present_in_the_copy(world: &World) -> Result<()> {
    let page = prepare(world, 1, "Add a runner")?;
    page.field("Organization")?.fill(org::PRIVATE_DOWNLOADS)?;
    page.button("Create registration token")?.click()?;
    page.wait_for_text("1. Create a folder")?;
    page.choose("Operating system", "Linux")?;
    page.choose("Architecture", "x64")?;
    let shown = page.step_code("Download the runner")?;
    check(
        shown.contains("-H 'Authorization: Bearer ") && !shown.contains(DOWNLOAD_TOKEN),
        format!("masked on screen: {shown}"),
    )?;
    let copied = copy(&page, "Copy step 2: Download the runner")?;
    let expected = format!(
        "curl -fL -H 'Authorization: Bearer {DOWNLOAD_TOKEN}' -o {} {}",
        scenario::package_filename("linux", "x64"),
        scenario::package_url("linux", "x64")
    );
    check(copied == expected, format!("clipboard holds {copied:?}"))
}

fn repository_add_sends_the_repository_path_and_copies_its_config_command(world: &World) -> Result<()> {
    scope_action(world, 0, 0)
}

fn repository_jit_sends_the_default_group_and_labels_and_copies_run_sh(world: &World) -> Result<()> {
    scope_action(world, 0, 1)
}

fn repository_remove_sends_the_remove_token_request_and_copies_config_remove(world: &World) -> Result<()> {
    scope_action(world, 0, 2)
}

fn organization_add_sends_the_organization_path_and_copies_its_config_command(world: &World) -> Result<()> {
    scope_action(world, 1, 0)
}

fn organization_jit_sends_the_default_group_and_labels_and_copies_run_sh(world: &World) -> Result<()> {
    scope_action(world, 1, 1)
}

fn organization_remove_sends_the_remove_token_request_and_copies_config_remove(world: &World) -> Result<()> {
    scope_action(world, 1, 2)
}

fn enterprise_add_sends_the_enterprise_path_and_copies_its_config_command(world: &World) -> Result<()> {
    scope_action(world, 2, 0)
}

fn enterprise_jit_sends_the_default_group_and_labels_and_copies_run_sh(world: &World) -> Result<()> {
    scope_action(world, 2, 1)
}

fn enterprise_remove_sends_the_remove_token_request_and_copies_config_remove(world: &World) -> Result<()> {
    scope_action(world, 2, 2)
}
