//! The fleet in the Runners tab: versions against the scope's current one with GitHub's schedule,
//! the Show choice, labels and groups edited in place, and removing many runners: confirmed,
//! each re-checked just before its removal, one at a time a second apart, paused by rate
//! limits, stoppable, and ending with a report.

use crate::page::{check, check_contains, lit, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::fleet::fleet_scope::{FLEET, FLEET_LIMITED};
use mock_github::Recorded;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        the_version_column_marks_outdated_runners_with_githubs_schedule_where_there_is_one,
        show_keeps_online_offline_busy_or_outdated_runners,
        labels_are_added_and_removed_in_place_and_a_comma_is_refused_before_sending,
        a_runner_moves_to_another_group_in_place,
        removing_the_offline_runners_rechecks_each_spaces_them_and_reports,
        rate_limits_pause_a_removal_run_and_it_goes_on_by_itself,
        stop_ends_a_removal_run_and_the_report_says_what_was_not_attempted,
        forget_token_ends_a_removal_run_and_the_report_says_why,
    ]
}

const ALL: &str = "8 runners \u{b7} 2 online \u{b7} 1 busy \u{b7} 4 outdated";

/// The page with `org`'s runners listed.
pub fn listed<'w>(world: &'w World, org: &str) -> Result<Page<'w>> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.fill_form(org, ACCESS_TOKEN)?;
    page.open_tab("Runners")?;
    page.button("Show runners")?.click()?;
    wait_summary(&page, ALL)?;
    Ok(page)
}

fn summary(page: &Page) -> Result<String> {
    page.session.find("//p[@class='summary']")?.text()
}

fn wait_summary(page: &Page, want: &str) -> Result<()> {
    page.wait(&format!("the summary {want:?}"), Duration::from_secs(20), || {
        Ok((summary(page).ok().as_deref() == Some(want)).then_some(()))
    })
    .map_err(|e| {
        let now = summary(page).unwrap_or_default();
        format!("{}; it reads {now:?}", e.message().unwrap_or_default()).into()
    })
}

fn row_xpath(name: &str) -> String {
    format!(
        "//table[caption]//tr[th[@scope='row'][starts-with(normalize-space(.), {})]]",
        lit(name)
    )
}

fn row(page: &Page, name: &str) -> Result<String> {
    page.session.find(&row_xpath(name))?.text()
}

/// The Version cell as a person reads it: the version, "Outdated" when it is, and (said on
/// demand, under the badge) the current version and GitHub's schedule, joined by " · ".
fn version_cell(page: &Page, name: &str) -> Result<String> {
    let cell = format!("{}/td[contains(@class, 'version')]", row_xpath(name));
    let mut parts = vec![page
        .session
        .find(&format!("{cell}/span[@class='version-number']"))?
        .text()?];
    if let Some(badge) = page
        .session
        .find_all(&format!("{cell}//summary/span[contains(@class, 'badge')]"))?
        .first()
    {
        parts.push(badge.text()?);
        // The details, read from the document (closed, they are not rendered text).
        let detail = page.session.execute(
            "return arguments[0].querySelector('.outdated-detail').textContent",
            vec![page.session.find(&cell)?.as_arg()],
        )?;
        parts.push(detail.as_str().unwrap_or_default().to_string());
    }
    Ok(parts.join(" \u{b7} "))
}

fn labelled(page: &Page, label: &str) -> Result<()> {
    page.session.find(&format!("//*[@aria-label={}]", lit(label)))?.click()
}

/// "stopped" once `day` (UTC midnight, Unix seconds) has passed, else `future`.
fn verb(day: u64, future: &'static str) -> &'static str {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    if day <= now {
        "stopped"
    } else {
        future
    }
}

fn paths(requests: &[Recorded]) -> Vec<String> {
    requests.iter().map(|r| format!("{} {}", r.method, r.path)).collect()
}

fn the_version_column_marks_outdated_runners_with_githubs_schedule_where_there_is_one(world: &World) -> Result<()> {
    let page = listed(world, FLEET)?;
    let headers: Vec<String> = page
        .session
        .find_all("//table[caption]/thead//th")?
        .iter()
        .map(|h| h.text())
        .collect::<Result<_>>()?;
    check(
        headers[..6] == ["Name", "Status", "Labels", "OS", "Group", "Version"],
        format!("column headers {headers:?}"),
    )?;
    // 1 Mar 2027 and 1 Jun 2026, 00:00 UTC.
    let idle = format!(
        "2.320.0 \u{b7} Outdated \u{b7} Current 2.336.0 \u{b7} registration stopped 1 Jun 2026 \u{b7} jobs {} 1 Mar 2027",
        verb(1_803_859_200, "stop")
    );
    page.wait("idle-old's schedule", Duration::from_secs(10), || {
        Ok((version_cell(&page, "idle-old")? == idle).then_some(()))
    })
    .map_err(|e| {
        format!(
            "{}; {:?}",
            e.message().unwrap_or_default(),
            version_cell(&page, "idle-old")
        )
    })?;
    page.wait("dead-old's schedule", Duration::from_secs(10), || {
        Ok(version_cell(&page, "dead-old")?.contains("jobs stopped").then_some(()))
    })?;
    check(
        version_cell(&page, "dead-old")?
            == "2.300.0 \u{b7} Outdated \u{b7} Current 2.336.0 \u{b7} registration stopped 1 Nov 2025 \u{b7} jobs stopped 1 Feb 2026",
        version_cell(&page, "dead-old")?,
    )?;
    page.settle()?;
    check(
        version_cell(&page, "dead-4")? == "2.310.0 \u{b7} Outdated \u{b7} Current 2.336.0",
        format!(
            "no schedule (404): the version and the current one only, not {:?}",
            version_cell(&page, "dead-4")?
        ),
    )?;
    check(
        version_cell(&page, "busy-new")? == "2.336.0",
        "an up-to-date runner: its version",
    )?;
    check(version_cell(&page, "never")? == "never connected", "no version yet")?;
    let mut asked = paths(
        &page
            .mock
            .requests()
            .into_iter()
            .filter(|r| r.method == "GET" && r.path.contains("/deprecations/"))
            .collect::<Vec<_>>(),
    );
    asked.sort();
    check(
        asked
            == [
                "GET /api/v3/orgs/fleet-org/actions/runners/deprecations/2.300.0",
                "GET /api/v3/orgs/fleet-org/actions/runners/deprecations/2.310.0",
                "GET /api/v3/orgs/fleet-org/actions/runners/deprecations/2.320.0",
            ],
        format!("one schedule request per outdated version: {asked:?}"),
    )?;
    // How to update: a disclosure in the outdated rows only.
    page.session
        .find(&format!(
            "{}//summary[normalize-space(.)='Outdated: how to update idle-old']",
            row_xpath("idle-old")
        ))?
        .click()?;
    let commands = page
        .session
        .find(&format!("{}//details//pre", row_xpath("idle-old")))?
        .text()?;
    check_contains(&commands, "sudo ./svc.sh stop")?;
    check_contains(&commands, "tar xzf ./actions-runner-linux-x64-2.336.0.tar.gz")?;
    check(
        commands.trim_end().ends_with("sudo ./svc.sh start"),
        format!("the service starts again last:\n{commands}"),
    )?;
    page.assert_absent(
        &format!("{}//details", row_xpath("busy-new")),
        "update commands for an up-to-date runner",
    )
}

fn show_keeps_online_offline_busy_or_outdated_runners(world: &World) -> Result<()> {
    let page = listed(world, FLEET)?;
    page.radio("Show", "Offline")?.click()?;
    wait_summary(&page, "6 runners \u{b7} 0 online \u{b7} 0 busy \u{b7} 3 outdated")?;
    page.assert_absent(&row_xpath("idle-old"), "an online runner's row under Offline")?;
    page.radio("Show", "Busy")?.click()?;
    wait_summary(&page, "1 runner \u{b7} 1 online \u{b7} 1 busy")?;
    row(&page, "busy-new")?;
    page.radio("Show", "Online")?.click()?;
    wait_summary(&page, "1 runner \u{b7} 1 online \u{b7} 0 busy \u{b7} 1 outdated")?;
    row(&page, "idle-old")?;
    page.radio("Show", "Outdated")?.click()?;
    wait_summary(&page, "4 runners \u{b7} 1 online \u{b7} 0 busy \u{b7} 4 outdated")?;
    // With the text filter too.
    page.field("Filter runners")?.fill("dead")?;
    wait_summary(&page, "2 runners \u{b7} 0 online \u{b7} 0 busy \u{b7} 2 outdated")?;
    page.radio("Show", "All")?.click()?;
    wait_summary(&page, "3 runners \u{b7} 0 online \u{b7} 0 busy \u{b7} 2 outdated")
}

fn labels_are_added_and_removed_in_place_and_a_comma_is_refused_before_sending(world: &World) -> Result<()> {
    let page = listed(world, FLEET)?;
    labelled(&page, "Edit idle-old")?;
    page.session
        .find("//dialog[@open]//h3[normalize-space(.)='Edit idle-old']")?;
    page.session.find(
        "//dialog[@open]//p[normalize-space(.)='Read-only labels (GitHub sets them): self-hosted, Linux, X64']",
    )?;
    page.field("New labels")?.fill("cuda\nbig-disk")?;
    page.button("Add labels")?.click()?;
    page.wait_for_text("Added cuda, big-disk to idle-old.")?;
    let posts: Vec<Recorded> = page
        .mock
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    check(
        paths(&posts) == ["POST /api/v3/orgs/fleet-org/actions/runners/21/labels"],
        format!("{:?}", paths(&posts)),
    )?;
    let body: serde_json::Value = serde_json::from_str(&posts[0].body).map_err(|e| e.to_string())?;
    check(
        body == serde_json::json!({ "labels": ["cuda", "big-disk"] }),
        format!("body {}", posts[0].body),
    )?;
    check(
        page.runner_labels("idle-old")? == "self-hosted, Linux, X64, gpu, cuda, big-disk",
        page.runner_labels("idle-old")?,
    )?;
    page.session
        .find("//dialog[@open]//code[normalize-space(.)='runs-on: [self-hosted, Linux, X64, gpu, cuda, big-disk]']")?;

    labelled(&page, "Remove label gpu")?;
    page.wait_for_text("Removed the label gpu from idle-old.")?;
    let deletes = paths(&page.mock.delete_requests());
    check(
        deletes == ["DELETE /api/v3/orgs/fleet-org/actions/runners/21/labels/gpu"],
        format!("{deletes:?}"),
    )?;
    page.wait("the row without gpu", Duration::from_secs(5), || {
        Ok((page.runner_labels("idle-old")? == "self-hosted, Linux, X64, cuda, big-disk").then_some(()))
    })?;
    page.assert_absent(
        "//dialog[@open]//*[@aria-label='Remove label gpu']",
        "a Remove for the removed label",
    )?;

    // A comma would make two labels of one in a workflow's runs-on: refused here, nothing sent.
    page.field("New labels")?.fill("a,b")?;
    page.button("Add labels")?.click()?;
    page.wait_for_text("comma")?;
    page.settle()?;
    check(
        page.mock.requests().iter().filter(|r| r.method == "POST").count() == 1,
        "no second POST for a refused label",
    )?;
    // Escape closes the dialog, and focus is back on the row's Edit button.
    page.session.keys("\u{e00c}")?;
    page.assert_absent("//dialog[@open]", "an open dialog after Escape")?;
    let focused = page
        .session
        .execute("return document.activeElement.getAttribute('aria-label')", vec![])?;
    check(focused == "Edit idle-old", format!("focus after Escape: {focused}"))
}

fn a_runner_moves_to_another_group_in_place(world: &World) -> Result<()> {
    let page = listed(world, FLEET)?;
    page.wait("the group names", Duration::from_secs(10), || {
        Ok(row(&page, "dead-old")?.contains("Default").then_some(()))
    })?;
    labelled(&page, "Edit dead-old")?;
    page.choose("Runner group", "Linux builders")?;
    page.button("Move to group")?.click()?;
    page.wait_for_text("Moved dead-old to Linux builders.")?;
    let puts: Vec<Recorded> = page.mock.requests().into_iter().filter(|r| r.method == "PUT").collect();
    check(
        paths(&puts) == ["PUT /api/v3/orgs/fleet-org/actions/runner-groups/2/runners/23"],
        format!("{:?}", paths(&puts)),
    )?;
    page.button("Done")?.click()?;
    page.assert_absent("//dialog[@open]", "an open dialog after Done")?;
    check_contains(&row(&page, "dead-old")?, "Linux builders")?;
    // What GitHub has, read again.
    page.button("Refresh")?.click()?;
    page.settle()?;
    check_contains(&row(&page, "dead-old")?, "Linux builders")
}

/// Selects the offline runners and confirms their removal.
fn remove_offline(page: &Page, org: &str) -> Result<()> {
    page.radio("Show", "Offline")?.click()?;
    wait_summary(page, "6 runners \u{b7} 0 online \u{b7} 0 busy \u{b7} 3 outdated")?;
    page.button("Select all shown")?.click()?;
    page.session
        .find("//*[@role='status'][normalize-space(.)='6 selected']")?;
    page.button("Remove selected (6)")?.click()?;
    page.session.find(&format!(
        "//dialog[@open]//h3[normalize-space(.)='Remove 6 runners from {org}?']"
    ))?;
    page.session
        .find("//dialog[@open]//p[normalize-space(.)='dead-old, never, dead-new, comes-back, stuck, dead-4']")?;
    dialog_button(page, "Remove 6 runners")?.click()
}

/// The button named `name` in the open dialog.
fn dialog_button<'p>(page: &'p Page, name: &str) -> Result<crate::webdriver::Element<'p>> {
    page.session
        .find(&format!("//dialog[@open]//button[normalize-space(.)={}]", lit(name)))
}

fn report(page: &Page) -> Result<String> {
    page.session
        .find("//section[@aria-labelledby=//h3[normalize-space(.)='Removal report']/@id]")?
        .text()
}

fn wait_report(page: &Page) -> Result<String> {
    page.session
        .wait_for("the removal report", Duration::from_secs(40), || {
            Ok(page
                .session
                .find_all("//h3[normalize-space(.)='Removal report']")?
                .first()
                .map(|_| ()))
        })?;
    report(page)
}

fn removing_the_offline_runners_rechecks_each_spaces_them_and_reports(world: &World) -> Result<()> {
    let page = listed(world, FLEET)?;
    // Cancel first: nothing is sent.
    page.radio("Show", "Offline")?.click()?;
    page.button("Select all shown")?.click()?;
    page.button("Remove selected (6)")?.click()?;
    dialog_button(&page, "Cancel")?.click()?;
    page.assert_absent("//dialog[@open]", "an open dialog after Cancel")?;
    check(page.mock.delete_requests().is_empty(), "Cancel removes nothing")?;
    page.button("Clear selection")?.click()?;
    page.session
        .find("//*[@role='status'][normalize-space(.)='0 selected']")?;

    remove_offline(&page, FLEET)?;
    // While it runs: progress, Stop, and no second run can start.
    page.session
        .find("//label[starts-with(normalize-space(.), 'Removed ')][following-sibling::progress]")?;
    page.button("Stop")?;
    let text = wait_report(&page)?;
    check_contains(
        &text,
        "Removed 4 \u{b7} skipped 2 \u{b7} failed 0 \u{b7} not attempted 0",
    )?;
    for line in [
        "dead-old (id 23): removed",
        "never (id 24): removed",
        "dead-new (id 25): removed",
        "comes-back (id 26): skipped: came online",
        "stuck (id 27): skipped: running a job",
        "dead-4 (id 28): removed",
    ] {
        check_contains(&text, line)?;
    }
    let deletes = page.mock.delete_requests();
    check(
        paths(&deletes) == [23, 24, 25, 27, 28].map(|id| format!("DELETE /api/v3/orgs/fleet-org/actions/runners/{id}")),
        format!(
            "each removable runner once, the one back online never: {:?}",
            paths(&deletes)
        ),
    )?;
    for pair in deletes.windows(2) {
        let gap = pair[1].at.duration_since(pair[0].at);
        check(
            gap >= Duration::from_millis(990),
            format!("removals {gap:?} apart: {} then {}", pair[0].path, pair[1].path),
        )?;
    }
    // Each removal was preceded by a fresh look at that runner, after the previous removal.
    let all = page.mock.requests();
    let names = [
        (23, "dead-old"),
        (24, "never"),
        (25, "dead-new"),
        (27, "stuck"),
        (28, "dead-4"),
    ];
    for (d, (_, name)) in deletes.iter().zip(names) {
        let at = all.iter().position(|r| r.at == d.at && r.path == d.path).unwrap_or(0);
        let looked = all[..at]
            .iter()
            .rev()
            .take_while(|r| r.method != "DELETE")
            .any(|r| r.method == "GET" && r.path.ends_with(&format!("actions/runners?name={name}")));
        check(looked, format!("no look at {name} just before its removal"))?;
    }
    // The table as GitHub has it now.
    page.radio("Show", "All")?.click()?;
    wait_summary(&page, "4 runners \u{b7} 3 online \u{b7} 1 busy \u{b7} 2 outdated")?;
    row(&page, "stuck")?;
    page.button("Copy report")?.click()?;
    page.wait_for_text("Copied the report")?;
    let copied = page.clipboard()?;
    check(
        copied
            == "dead-old\t23\tremoved\t\nnever\t24\tremoved\t\ndead-new\t25\tremoved\t\ncomes-back\t26\tskipped\tcame online\nstuck\t27\tskipped\trunning a job\ndead-4\t28\tremoved\t",
        format!("the report, tab-separated: {copied:?}"),
    )
}

fn rate_limits_pause_a_removal_run_and_it_goes_on_by_itself(world: &World) -> Result<()> {
    let page = listed(world, FLEET_LIMITED)?;
    remove_offline(&page, FLEET_LIMITED)?;
    page.wait_for_text("Paused by GitHub's rate limit until")?;
    let text = wait_report(&page)?;
    check_contains(
        &text,
        "Removed 4 \u{b7} skipped 2 \u{b7} failed 0 \u{b7} not attempted 0",
    )?;
    let deletes = page.mock.delete_requests();
    let ids: Vec<&str> = deletes
        .iter()
        .map(|r| r.path.rsplit('/').next().unwrap_or_default())
        .collect();
    // The 2nd removal met the secondary limit (Retry-After: 1), the 4th the primary one (reset
    // 2 s on): each refused runner tried again after the pause, nothing else twice.
    check(
        ids == ["23", "24", "24", "25", "25", "27", "28"],
        format!("removals sent: {ids:?}"),
    )?;
    let gap = |i: usize| deletes[i + 1].at.duration_since(deletes[i].at);
    check(
        gap(1) >= Duration::from_millis(990),
        format!("Retry-After: 1 waited {:?}", gap(1)),
    )?;
    check(
        gap(3) >= Duration::from_millis(990),
        format!("X-RateLimit-Reset waited {:?}", gap(3)),
    )
}

/// A removal run of the six offline runners that `button` interrupts once the first is removed:
/// the page and the run's report.
fn interrupted_run<'w>(world: &'w World, button: &str) -> Result<(Page<'w>, String)> {
    let page = listed(world, FLEET)?;
    remove_offline(&page, FLEET)?;
    page.session.find("//label[normalize-space(.)='Removed 1 of 6']")?;
    page.button(button)?.click()?;
    let text = wait_report(&page)?;
    Ok((page, text))
}

/// Leaves the settled page alone for longer than the run's spacing, then checks that `count`
/// (of the mock's requests) is still `sent`.
fn nothing_more_sent(page: &Page, count: impl Fn() -> usize, sent: usize, what: &str) -> Result<()> {
    page.settle()?;
    std::thread::sleep(Duration::from_millis(1_500));
    check(count() == sent, what)
}

fn stop_ends_a_removal_run_and_the_report_says_what_was_not_attempted(world: &World) -> Result<()> {
    let (page, text) = interrupted_run(world, "Stop")?;
    let sent = page.mock.delete_requests().len();
    check(
        (1..=2).contains(&sent),
        format!("{sent} removals sent after Stop at the first"),
    )?;
    check_contains(&text, &format!("not attempted {}", 6 - sent))?;
    check_contains(&text, "dead-4 (id 28): not attempted")?;
    nothing_more_sent(
        &page,
        || page.mock.delete_requests().len(),
        sent,
        "nothing sent after the run stopped",
    )?;
    // The checkboxes are usable again, the selection empty: nothing is acted on twice.
    page.session
        .find("//*[@role='status'][normalize-space(.)='0 selected']")?;
    check(
        page.button("Select all shown")?.is_enabled()?,
        "Select all shown usable after the run",
    )
}

fn forget_token_ends_a_removal_run_and_the_report_says_why(world: &World) -> Result<()> {
    let (page, text) = interrupted_run(world, "Forget token")?;
    let sent = page.mock.requests().len();
    check_contains(
        &text,
        "The run ended early: the access token was cleared. Paste the token again to remove the runners not attempted.",
    )?;
    check_contains(&text, "dead-4 (id 28): not attempted")?;
    nothing_more_sent(
        &page,
        || page.mock.requests().len(),
        sent,
        "nothing sent after the token was forgotten",
    )?;
    check(
        page.mock.delete_requests().len() <= 2,
        "at most the removal in flight when the token went",
    )
}
