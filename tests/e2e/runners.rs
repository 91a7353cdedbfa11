//! The Runners section: the list (names, status in words, labels, groups), pagination with
//! progress, the filter and summary, the live watch (If-None-Match and 304s, paused while the
//! tab is hidden, held back by a rate limit), removal behind a confirmation, and 5,000 runners.

use crate::page::{check, check_contains, lit, Page, ACCESS_TOKEN, OTHER_ACCESS_TOKEN, POLL};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::fleet::{fleet_scope, Fleet, FRESH_RUNNER};
use mock_github::scenario::org;
use serde_json::Value;
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        the_list_shows_name_status_in_words_labels_os_and_group,
        show_runners_loads_on_demand_once_the_form_is_valid_and_a_repository_has_no_group_column,
        the_filter_narrows_by_name_or_label_and_the_summary_follows,
        a_jit_runner_is_watched_from_waiting_to_online,
        an_added_runner_is_watched_by_the_name_typed_after_the_token,
        without_a_name_the_watch_spots_a_runner_the_list_did_not_have,
        without_a_name_a_new_runner_beyond_the_first_page_is_spotted_then_watched_by_name,
        polls_carry_if_none_match_and_a_304_keeps_the_view,
        polling_pauses_while_the_tab_is_hidden_and_resumes_when_shown,
        a_rate_limited_poll_says_when_watching_resumes,
        remove_then_cancel_sends_nothing,
        remove_then_confirm_sends_one_delete_and_the_row_goes,
        a_busy_runner_is_not_removed_and_the_refusal_is_explained,
        five_thousand_runners_load_page_by_page_render_in_steps_and_filter,
        forget_token_stops_the_watch_and_drops_the_list,
        a_token_typed_over_the_old_one_is_never_sent_by_what_the_old_one_started,
        a_list_for_another_scope_than_the_form_names_says_so,
    ]
}

/// The row of the runner named `name`.
fn row_xpath(name: &str) -> String {
    format!(
        "//table[caption]//tr[th[@scope='row'][starts-with(normalize-space(.), {})]]",
        lit(name)
    )
}

/// The text of the runner named `name`'s row (waits for it).
fn row(page: &Page, name: &str) -> Result<String> {
    page.open_tab("Runners")?;
    page.session.find(&row_xpath(name))?.text()
}

fn summary(page: &Page) -> Result<String> {
    page.open_tab("Runners")?;
    page.session.find("//p[@class='summary']")?.text()
}

fn wait_summary(page: &Page, want: &str) -> Result<()> {
    page.wait(&format!("the summary {want:?}"), Duration::from_secs(20), || {
        Ok((summary(page).ok().as_deref() == Some(want)).then_some(()))
    })
}

fn watch_status(page: &Page) -> Result<String> {
    page.open_tab("Register")?;
    page.session.find("//p[@class='watch']/span[@role='status']")?.text()
}

fn wait_watch(page: &Page, want: &str, limit: Duration) -> Result<()> {
    page.wait(&format!("the watch to say {want:?}"), limit, || {
        Ok(watch_status(page)?.contains(want).then_some(()))
    })
    .map_err(|e| {
        format!(
            "{}; it says {:?}",
            e.message().unwrap_or_default(),
            watch_status(page).unwrap_or_default()
        )
        .into()
    })
}

/// Mints a registration token for `org_name` on the mock.
fn added<'w>(world: &'w World, org_name: &str, extra_query: &str) -> Result<Page<'w>> {
    let page = Page::new(world)?;
    page.visit(&format!("?api={}{extra_query}", page.mock.ghes_url()))?;
    page.create(org_name, ACCESS_TOKEN)?;
    page.wait_for_text(&format!("Registration token for {org_name}"))?;
    Ok(page)
}

fn the_list_shows_name_status_in_words_labels_os_and_group(world: &World) -> Result<()> {
    // This organization's groups answer comes after its runners: the Group cells must follow.
    let page = added(world, org::SLOW_GROUPS, "")?;
    wait_summary(&page, "3 runners \u{b7} 2 online \u{b7} 1 busy")?;
    page.open_tab("Runners")?;
    page.session.find(&format!(
        "//table/caption[normalize-space(.)='Runners of {}']",
        org::SLOW_GROUPS
    ))?;
    let headers: Vec<String> = page
        .session
        .find_all("//table[caption]/thead//th")?
        .iter()
        .map(|h| h.text())
        .collect::<Result<_>>()?;
    check(
        headers[..5] == ["Name", "Status", "Labels", "OS", "Group"],
        format!("column headers {headers:?}"),
    )?;
    check(
        row(&page, "build-01")?.contains("#1"),
        "before the groups arrive, the group's id",
    )?;
    page.wait("the group names", Duration::from_secs(10), || {
        Ok(row(&page, "build-01")?.contains("Default").then_some(()))
    })?;
    let build01 = row(&page, "build-01")?;
    check_contains(&build01, "Online")?;
    check(
        page.runner_labels("build-01")? == "self-hosted, Linux, X64, gpu",
        format!("build-01's labels: {}", page.runner_labels("build-01")?),
    )?;
    let build02 = row(&page, "build-02")?;
    check_contains(&build02, "Busy")?;
    check_contains(&build02, "Linux builders")?;
    let old = row(&page, "old-runner")?;
    check_contains(&old, "Offline")?;
    check_contains(&old, "Ephemeral")?;
    page.open_tab("Runners")?;
    page.session.find("//button[@aria-label='Remove build-01']").map(drop)
}

fn a_list_for_another_scope_than_the_form_names_says_so(world: &World) -> Result<()> {
    let page = added(world, "octo-org", "")?;
    wait_summary(&page, "3 runners \u{b7} 2 online \u{b7} 1 busy")?;
    let note = "This list shows the runners of octo-org; the form now names other-org. Show runners lists those.";
    check(
        !page.body_text()?.contains("This list shows"),
        "no note while the list is the form's scope",
    )?;
    page.field("Organization")?.fill("other-org")?;
    page.wait_for_text(note)?;
    page.open_tab("Runners")?;
    page.session
        .find("//table/caption[normalize-space(.)='Runners of octo-org']")?;
    page.open_tab("Runners")?;
    page.button("Show runners")?.click()?;
    page.open_tab("Runners")?;
    page.session
        .find("//table/caption[normalize-space(.)='Runners of other-org']")?;
    check(
        !page.body_text()?.contains("This list shows"),
        "the note goes once the list is the form's scope",
    )?;
    // The watch for the runner just added (octo-org, every 250 ms here) polls meanwhile.
    let lists: Vec<String> = page
        .mock
        .runner_list_requests()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| !p.contains("/orgs/octo-org/"))
        .collect();
    check(
        lists == ["/api/v3/orgs/other-org/actions/runners?per_page=100"],
        format!("Show runners asked for other-org's list, once: {lists:?}"),
    )
}

fn show_runners_loads_on_demand_once_the_form_is_valid_and_a_repository_has_no_group_column(
    world: &World,
) -> Result<()> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.open_tab("Runners")?;
    let show = page.button("Show runners")?;
    check(!show.is_enabled()?, "nothing to show before the form is valid")?;
    page.radio("Runner scope", "Repository")?.click()?;
    page.field("Repository")?.fill("octo-org/app")?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.wait("Show runners to be enabled", Duration::from_secs(5), || {
        Ok(page.button("Show runners")?.is_enabled()?.then_some(()))
    })?;
    page.open_tab("Runners")?;
    page.button("Show runners")?.click()?;
    wait_summary(&page, "3 runners \u{b7} 2 online \u{b7} 1 busy")?;
    let requests = page.mock.runner_list_requests();
    check(
        requests.len() == 1 && requests[0].path == "/api/v3/repos/octo-org/app/actions/runners?per_page=100",
        format!("{:?}", requests.iter().map(|r| &r.path).collect::<Vec<_>>()),
    )?;
    check(
        page.session
            .find_all("//table[caption]/thead//th[normalize-space(.)='Group']")?
            .is_empty(),
        "a repository has no runner groups",
    )?;
    check(page.mock.token_requests().is_empty(), "showing runners mints no token")
}

fn the_filter_narrows_by_name_or_label_and_the_summary_follows(world: &World) -> Result<()> {
    let page = added(world, "octo-org", "")?;
    wait_summary(&page, "3 runners \u{b7} 2 online \u{b7} 1 busy")?;
    page.open_tab("Runners")?;
    page.field("Filter runners")?.fill("GPU")?;
    wait_summary(&page, "1 runner \u{b7} 1 online \u{b7} 0 busy")?;
    page.assert_absent(&row_xpath("build-02"), "row for a runner without the label")?;
    page.open_tab("Runners")?;
    page.field("Filter runners")?.fill("old")?;
    wait_summary(&page, "1 runner \u{b7} 0 online \u{b7} 0 busy")?;
    page.open_tab("Runners")?;
    page.field("Filter runners")?.fill("arm-pool")?;
    wait_summary(&page, "1 runner \u{b7} 0 online \u{b7} 0 busy")?;
    page.open_tab("Runners")?;
    page.field("Filter runners")?.fill("")?;
    wait_summary(&page, "3 runners \u{b7} 2 online \u{b7} 1 busy")
}

fn a_jit_runner_is_watched_from_waiting_to_online(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.create_jit("org=octo-org", "jit-watched")?;
    wait_watch(
        &page,
        "jit-watched is registered; waiting for it to connect",
        Duration::from_secs(5),
    )?;
    // The mock's runner comes online a second after it was created; the next poll sees it.
    wait_watch(&page, "jit-watched is online.", Duration::from_secs(12))?;
    check(
        page.session
            .find_all("//button[normalize-space(.)='Stop watching']")?
            .is_empty(),
        "watching stopped",
    )?;
    let polls = page
        .mock
        .runner_list_requests()
        .into_iter()
        .filter(|r| r.path.contains("name=jit-watched"))
        .count();
    page.open_tab("Runners")?;
    page.wait_for_text("4 runners")?;
    std::thread::sleep(POLL * 6);
    let after = page
        .mock
        .runner_list_requests()
        .into_iter()
        .filter(|r| r.path.contains("name=jit-watched"))
        .count();
    check(after == polls, format!("no polls after online: {polls} then {after}"))
}

fn an_added_runner_is_watched_by_the_name_typed_after_the_token(world: &World) -> Result<()> {
    let page = added(world, fleet_scope::WATCH, "")?;
    wait_watch(&page, "Waiting for a new runner to connect", Duration::from_secs(5))?;
    page.field("Runner name")?.fill("watched-runner")?;
    wait_watch(&page, "Waiting for watched-runner to connect", Duration::from_secs(5))?;
    // The mock's runner appears 0.5 s after the first poll for its name and is online at 1 s.
    wait_watch(&page, "watched-runner is online.", Duration::from_secs(15))?;
    let polls: Vec<String> = page
        .mock
        .runner_list_requests()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| p.contains("name="))
        .collect();
    // Before the name was typed, the watch may have spotted the mock's fresh-runner (it turns up
    // in this scope too) and asked for it by name; from the first poll for the typed name on,
    // only that name.
    let typed = polls
        .iter()
        .position(|p| p.ends_with("/api/v3/orgs/watch-org/actions/runners?name=watched-runner"));
    check(
        typed.is_some_and(|i| {
            polls[..i].iter().all(|p| p.ends_with(&format!("?name={FRESH_RUNNER}")))
                && polls[i..]
                    .iter()
                    .all(|p| p.ends_with("/api/v3/orgs/watch-org/actions/runners?name=watched-runner"))
        }),
        format!("polls {polls:?}"),
    )
}

fn without_a_name_the_watch_spots_a_runner_the_list_did_not_have(world: &World) -> Result<()> {
    let page = added(world, fleet_scope::WATCH, "")?;
    wait_watch(&page, "Waiting for a new runner to connect", Duration::from_secs(5))?;
    // The mock's fresh-runner appears 0.5 s after the first look at the list, online at 1 s.
    wait_watch(&page, &format!("{FRESH_RUNNER} is online."), Duration::from_secs(15))?;
    let polls: Vec<String> = page.mock.runner_list_requests().into_iter().map(|r| r.path).collect();
    // Never told a name, the watch asks by name only for the runner it spotted in the list.
    check(
        polls
            .iter()
            .all(|p| !p.contains("name=") || p.ends_with(&format!("?name={FRESH_RUNNER}"))),
        format!("no name to ask for but the one spotted: {polls:?}"),
    )?;
    page.open_tab("Runners")?;
    page.wait_for_text(FRESH_RUNNER).map(drop)
}

fn without_a_name_a_new_runner_beyond_the_first_page_is_spotted_then_watched_by_name(world: &World) -> Result<()> {
    // 150 runners: the new one is on the second page of 100.
    let page = added(world, fleet_scope::WATCH_LARGE, "")?;
    wait_watch(&page, "Waiting for a new runner to connect", Duration::from_secs(5))?;
    wait_watch(&page, &format!("{FRESH_RUNNER} is online."), Duration::from_secs(15))?;
    let polls: Vec<String> = page.mock.runner_list_requests().into_iter().map(|r| r.path).collect();
    let by_name = format!("name={FRESH_RUNNER}");
    let spotted = polls.iter().position(|p| p.contains(&by_name));
    check(
        spotted.is_some_and(|i| polls[..i].iter().any(|p| p.contains("page=2"))),
        format!("found on the second page, then asked for by name: {polls:?}"),
    )
}

fn polls_carry_if_none_match_and_a_304_keeps_the_view(world: &World) -> Result<()> {
    let page = added(world, "octo-org", "&name=never-comes")?;
    wait_watch(&page, "Waiting for never-comes to connect", Duration::from_secs(5))?;
    let polls = || {
        page.mock
            .runner_list_requests()
            .into_iter()
            .filter(|r| r.path.contains("name=never-comes"))
            .collect::<Vec<_>>()
    };
    page.wait("a third poll", Duration::from_secs(17), || {
        Ok((polls().len() >= 3).then_some(()))
    })?;
    let (first, second, third) = (&polls()[0], &polls()[1], &polls()[2]);
    check(
        first.header("if-none-match").is_none(),
        "the first poll has no version to send",
    )?;
    let sent = second.header("if-none-match").unwrap_or_default().to_string();
    check(
        sent.starts_with('"') && sent.len() > 2,
        format!("the second poll names the first answer's ETag: {sent:?}"),
    )?;
    // The second answer was a 304 (nothing changed): the same version goes out again.
    check(
        third.header("if-none-match") == Some(sent.as_str()),
        "after a 304 the version stays",
    )?;
    // The page adds If-None-Match, which GitHub's preflight allows; the browser's own
    // Cache-Control: no-cache (added for cache mode no-store) is not part of the preflight.
    let asked: Vec<String> = page
        .mock
        .requests()
        .into_iter()
        .filter(|r| r.method == "OPTIONS" && r.path.contains("name=never-comes"))
        .filter_map(|r| r.header("access-control-request-headers").map(str::to_string))
        .collect();
    check(
        asked
            .iter()
            .any(|a| a == "authorization,if-none-match,x-github-api-version"),
        format!("the conditional poll's preflight asks for exactly these: {asked:?}"),
    )?;
    check(
        watch_status(&page)?.contains("Waiting for never-comes to connect"),
        "a 304 keeps the view",
    )?;
    page.button("Stop watching")?.click()?;
    wait_watch(&page, "Stopped watching.", Duration::from_secs(2))?;
    let stopped = polls().len();
    std::thread::sleep(POLL * 6);
    check(polls().len() == stopped, "no polls after Stop watching")
}

fn polling_pauses_while_the_tab_is_hidden_and_resumes_when_shown(world: &World) -> Result<()> {
    let page = added(world, "octo-org", "&name=never-comes")?;
    let polls = || {
        page.mock
            .runner_list_requests()
            .into_iter()
            .filter(|r| r.path.contains("name=never-comes"))
            .count()
    };
    page.wait("the first poll", Duration::from_secs(5), || {
        Ok((polls() >= 1).then_some(()))
    })?;
    // Minimised, the window's page is hidden, as when a person switches away.
    page.session.minimize()?;
    let hidden = page.session.execute("return document.visibilityState", vec![])?;
    check(hidden == "hidden", format!("the page is hidden ({hidden})"))?;
    let before = polls();
    std::thread::sleep(POLL * 8);
    check(
        polls() == before,
        format!("no polls while hidden: {before} then {}", polls()),
    )?;
    page.session.set_window_size(1100, 1400)?;
    page.wait("polls to resume", Duration::from_secs(5), || {
        Ok((polls() > before).then_some(()))
    })
}

fn a_rate_limited_poll_says_when_watching_resumes(world: &World) -> Result<()> {
    let page = added(world, fleet_scope::POLL_LIMITED, "&name=limited-runner")?;
    wait_watch(
        &page,
        "rate limit was reached; watching for limited-runner resumes at",
        Duration::from_secs(5),
    )?;
    let polls = || {
        page.mock
            .runner_list_requests()
            .into_iter()
            .filter(|r| r.path.contains("name=limited-runner"))
            .count()
    };
    check(polls() == 1, "one poll so far")?;
    std::thread::sleep(Duration::from_millis(1500));
    check(polls() == 1, "no poll before the limit resets")?;
    // The mock's limit resets 3 s after each refusal: the watch tries again then, not 5 s later.
    page.wait("the poll after the reset", Duration::from_secs(6), || {
        Ok((polls() >= 2).then_some(()))
    })
}

fn remove_then_cancel_sends_nothing(world: &World) -> Result<()> {
    let page = added(world, "octo-org", "")?;
    wait_summary(&page, "3 runners \u{b7} 2 online \u{b7} 1 busy")?;
    page.open_tab("Runners")?;
    page.session
        .find("//button[@aria-label='Remove old-runner']")?
        .click()?;
    let dialog = page.session.find("//dialog[@open]")?;
    check_contains(&dialog.text()?, "Remove old-runner from octo-org?")?;
    let modal = page
        .session
        .execute("return document.querySelector('dialog').matches(':modal')", vec![])?;
    check(modal == true, "the dialog is modal: the page behind is inert")?;
    let focused = page
        .session
        .execute("return document.activeElement.textContent", vec![])?;
    check(focused == "Cancel", format!("focus starts on Cancel, not {focused}"))?;
    page.button("Cancel")?.click()?;
    page.wait("the dialog to close", Duration::from_secs(5), || {
        Ok(page.session.find_all("//dialog[@open]")?.is_empty().then_some(()))
    })?;
    let focused = page
        .session
        .execute("return document.activeElement.getAttribute('aria-label')", vec![])?;
    check(
        focused == "Remove old-runner",
        format!("focus returns to the button that opened the dialog, not {focused}"),
    )?;
    // Escape cancels too.
    page.open_tab("Runners")?;
    page.session
        .find("//button[@aria-label='Remove old-runner']")?
        .click()?;
    page.session.find("//dialog[@open]")?;
    page.button("Cancel")?.type_text("\u{E00C}")?;
    page.wait("Escape to close the dialog", Duration::from_secs(5), || {
        Ok(page.session.find_all("//dialog[@open]")?.is_empty().then_some(()))
    })?;
    std::thread::sleep(Duration::from_millis(300));
    check(
        page.mock.delete_requests().is_empty(),
        "nothing is removed without the confirmation",
    )?;
    row(&page, "old-runner").map(drop)
}

fn remove_then_confirm_sends_one_delete_and_the_row_goes(world: &World) -> Result<()> {
    let page = added(world, "octo-org", "")?;
    wait_summary(&page, "3 runners \u{b7} 2 online \u{b7} 1 busy")?;
    page.open_tab("Runners")?;
    page.session
        .find("//button[@aria-label='Remove old-runner']")?
        .click()?;
    page.session.find("//dialog[@open]")?;
    page.button("Remove runner")?.click()?;
    wait_summary(&page, "2 runners \u{b7} 2 online \u{b7} 1 busy")?;
    let deletes = page.mock.delete_requests();
    check(
        deletes.len() == 1 && deletes[0].path == "/api/v3/orgs/octo-org/actions/runners/13",
        format!("{:?}", deletes.iter().map(|r| &r.path).collect::<Vec<_>>()),
    )?;
    check(
        deletes[0].header("authorization") == Some(&*format!("Bearer {ACCESS_TOKEN}")),
        "the DELETE carries the token",
    )?;
    page.session
        .find("//*[@role='status'][normalize-space(.)='Removed old-runner from octo-org.']")?;
    let focused = page.session.execute("return document.activeElement.id", vec![])?;
    check(
        focused == "runners-heading",
        format!("with its row gone, focus is on the list's heading, not {focused}"),
    )?;
    page.assert_absent(&row_xpath("old-runner"), "row of the removed runner")
}

fn a_busy_runner_is_not_removed_and_the_refusal_is_explained(world: &World) -> Result<()> {
    let page = added(world, "octo-org", "")?;
    wait_summary(&page, "3 runners \u{b7} 2 online \u{b7} 1 busy")?;
    page.open_tab("Runners")?;
    page.session.find("//button[@aria-label='Remove build-02']")?.click()?;
    page.button("Remove runner")?.click()?;
    page.alert_containing("GitHub refused to remove \u{201c}build-02\u{201d} (422)")?;
    page.alert_containing("running a job")?;
    page.alert_containing("is still running a job")?;
    row(&page, "build-02").map(drop)?;
    check(
        summary(&page)? == "3 runners \u{b7} 2 online \u{b7} 1 busy",
        "the row stays",
    )
}

fn five_thousand_runners_load_page_by_page_render_in_steps_and_filter(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!("?org={}&api={}", fleet_scope::HUGE, page.mock.ghes_url()))?;
    page.field("Access token")?.fill(ACCESS_TOKEN)?;
    page.open_tab("Runners")?;
    page.wait("Show runners to be enabled", Duration::from_secs(5), || {
        Ok(page.button("Show runners")?.is_enabled()?.then_some(()))
    })?;
    let fleet = Fleet::new(fleet_scope::HUGE).runners;
    let online = fleet.iter().filter(|r| r.online_at.is_some()).count();
    let busy = fleet.iter().filter(|r| r.online_at.is_some() && r.busy).count();
    let want = format!(
        "5,000 runners \u{b7} {},{:03} online \u{b7} {busy} busy",
        online / 1000,
        online % 1000
    );
    // Clicked from the script that times it: from the last page's arrival (its responseEnd) to
    // the frame where the whole list is summed up and the table shown.
    let timing: Value = page.session.execute_async(
        "const [want, done] = [arguments[0], arguments[arguments.length - 1]];\
         let progressSeen = false;\
         const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Show runners');\
         button.click();\
         const check = () => {\
           if (/Loading runners: [0-9,]+ of 5,000/.test(document.body.textContent)) progressSeen = true;\
           const s = document.querySelector('.summary');\
           const loading = document.body.textContent.includes('Loading runners');\
           if (s && s.textContent === want && !loading) {\
             const rendered = performance.now();\
             const last = performance.getEntriesByType('resource').filter(e => e.name.includes('/actions/runners?') && e.name.endsWith('page=50'));\
             done({ ms: last.length ? rendered - last[0].responseEnd : -1, rows: document.querySelectorAll('table.runners tbody tr').length, progressSeen });\
           } else requestAnimationFrame(check);\
         };\
         check();",
        vec![want.clone().into()],
    )?;
    let rows = timing["rows"].as_u64().unwrap_or(0);
    check(
        rows == 50,
        format!("one step of rows is rendered, not all 5,000: {rows}"),
    )?;
    check(
        timing["progressSeen"] == true,
        "a progress line counted the runners in as pages arrived",
    )?;
    check(
        page.mock.runner_list_requests().len() == 50,
        format!("50 pages: {}", page.mock.runner_list_requests().len()),
    )?;
    let keystroke: Value = page.session.execute_async(
        "const done = arguments[arguments.length - 1];\
         const input = document.getElementById('runner-filter');\
         const before = document.querySelector('.summary').textContent;\
         const t0 = performance.now();\
         input.value = 'pool-3';\
         input.dispatchEvent(new Event('input', { bubbles: true }));\
         const check = () => document.querySelector('.summary').textContent !== before ? done(performance.now() - t0) : requestAnimationFrame(check);\
         check();",
        vec![],
    )?;
    let pool3 = fleet.iter().filter(|r| r.labels.iter().any(|l| l == "pool-3")).count();
    page.wait_for_text(&format!("{pool3} runners"))?;
    eprintln!(
        "runners: 5,000 runners rendered {:.1} ms after the last page arrived; one filter keystroke {:.1} ms to the next frame",
        timing["ms"].as_f64().unwrap_or(-1.0),
        keystroke.as_f64().unwrap_or(-1.0)
    );
    page.open_tab("Runners")?;
    page.button("Show 50 more")?.click()?;
    page.wait("100 rows", Duration::from_secs(5), || {
        Ok((page.session.find_all("//table[caption]/tbody/tr")?.len() == 100).then_some(()))
    })
}

/// A watch, a list and their follow-ups send only the token they started with: another token
/// typed over it (select all, type; the field is never empty) stops the watch, saying why, and
/// drops the list, and the new token reaches the API only through what the user starts next.
fn a_token_typed_over_the_old_one_is_never_sent_by_what_the_old_one_started(world: &World) -> Result<()> {
    let page = added(world, "octo-org", "&name=never-comes")?;
    wait_summary(&page, "3 runners \u{b7} 2 online \u{b7} 1 busy")?;
    wait_watch(&page, "Waiting for never-comes to connect", Duration::from_secs(5))?;
    page.field("Access token")?.fill(OTHER_ACCESS_TOKEN)?;
    wait_watch(
        &page,
        "Stopped watching: the access token was changed, and a watch sends only the token it started with.",
        Duration::from_secs(5),
    )?;
    page.open_tab("Runners")?;
    page.assert_absent("//table[caption]", "the list loaded with the old token")?;
    page.assert_absent(
        "//button[normalize-space(.)='Refresh']",
        "Refresh of the old token's list",
    )?;
    std::thread::sleep(POLL * 6);
    check(
        page.sent_with_token(OTHER_ACCESS_TOKEN) == 0,
        "no request carried the new token by itself",
    )?;
    // What the user starts now goes with the new token.
    page.button("Show runners")?.click()?;
    wait_summary(&page, "3 runners \u{b7} 2 online \u{b7} 1 busy")?;
    check(
        page.sent_with_token(OTHER_ACCESS_TOKEN) >= 1,
        "Show runners sent the new token",
    )
}

fn forget_token_stops_the_watch_and_drops_the_list(world: &World) -> Result<()> {
    let page = added(world, "octo-org", "&name=never-comes")?;
    wait_summary(&page, "3 runners \u{b7} 2 online \u{b7} 1 busy")?;
    wait_watch(&page, "Waiting for never-comes to connect", Duration::from_secs(5))?;
    page.button("Forget token")?.click()?;
    wait_watch(
        &page,
        "Stopped watching: the access token was cleared.",
        Duration::from_secs(5),
    )?;
    page.open_tab("Runners")?;
    page.assert_absent("//table[caption]", "runner list after Forget token")?;
    page.assert_absent("//button[normalize-space(.)='Refresh']", "Refresh after Forget token")?;
    let polls = page.mock.runner_list_requests().len();
    std::thread::sleep(POLL * 6);
    check(
        page.mock.runner_list_requests().len() == polls,
        "no request after the token was forgotten",
    )
}
