//! The runner setup script: platform packages from the downloads answer, options as flags, the
//! runner-group list across pages, copy buttons, and what happens when a side call fails.

use crate::page::{check, check_contains, step_xpath, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::scenario::{self, org, TOKEN};
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        every_os_and_architecture_gets_its_file_url_and_checksum_from_the_api,
        each_option_appears_as_its_flag_quoted_for_the_shell,
        windows_gets_powershell_with_config_cmd_and_runasservice,
        invalid_combinations_are_explained_and_produce_no_script,
        runner_group_list_follows_pagination_and_preselects_the_default,
        a_next_link_away_from_the_api_is_not_followed,
        copy_buttons_copy_exactly_the_shown_text_with_the_real_token,
        a_failing_downloads_call_still_gives_configure_and_run_steps,
        a_failing_runner_groups_call_gives_a_text_input,
        a_package_without_a_checksum_is_said_to_be_unverified,
        a_link_presets_platform_and_options_but_never_a_token,
    ]
}

/// Mints a token for `org_name` against the mock and waits for the runner-group list.
fn minted<'w>(world: &'w World, org_name: &str) -> Result<Page<'w>> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create(org_name, ACCESS_TOKEN)?;
    page.wait_for_text(&format!("Registration token for {org_name}"))?;
    Ok(page)
}

fn wait_for_group_list(page: &Page) -> Result<()> {
    page.session
        .find("//select[@id=//label[normalize-space(.)='Runner group']/@for]")
        .map(drop)
}

fn every_os_and_architecture_gets_its_file_url_and_checksum_from_the_api(world: &World) -> Result<()> {
    let page = minted(world, "octo-org")?;
    page.wait_for_text("1. Create a folder")?;
    for (os, arch, _) in scenario::PACKAGES {
        let os_label = match os {
            "osx" => "macOS",
            "win" => "Windows",
            _ => "Linux",
        };
        let arch_label = match arch {
            "arm64" => "ARM64",
            "arm" => "ARM (32-bit)",
            _ => "x64",
        };
        page.choose("Operating system", os_label)?;
        page.choose("Architecture", arch_label)?;
        let (file, url, sha) = (
            scenario::package_filename(os, arch),
            scenario::package_url(os, arch),
            scenario::package_sha256(os, arch),
        );
        let download = page.step_code("Download the runner")?;
        let verify = page.step_code("Verify the checksum")?;
        let extract = page.step_code("Extract it")?;
        if os == "win" {
            check(
                download == format!("Invoke-WebRequest -Uri {url} -OutFile {file}"),
                format!("{os} {arch}: {download}"),
            )?;
            check_contains(&verify, &format!("Get-FileHash -Path {file} -Algorithm SHA256"))?;
            check_contains(&verify, &format!("-ne '{}'", sha.to_ascii_uppercase()))?;
            check_contains(&verify, "throw")?;
            check(
                extract.starts_with(&format!("Expand-Archive -Path {file}")),
                format!("{os} {arch}: {extract}"),
            )?;
        } else {
            check(
                download == format!("curl -fL -o {file} {url}"),
                format!("{os} {arch}: {download}"),
            )?;
            check(
                verify == format!("echo '{sha}  {file}' | shasum -a 256 -c"),
                format!("{os} {arch}: {verify}"),
            )?;
            check(
                extract == format!("tar xzf ./{file}"),
                format!("{os} {arch}: {extract}"),
            )?;
        }
    }
    // ARM (32-bit) exists only for Linux: the list offers exactly what GitHub ships.
    page.choose("Operating system", "macOS")?;
    let arches: Vec<String> = page
        .session
        .find_all("//select[@id='runner-arch']/option")?
        .iter()
        .map(|o| o.text())
        .collect::<Result<_>>()?;
    check(arches == ["x64", "ARM64"], format!("macOS architectures: {arches:?}"))
}

fn each_option_appears_as_its_flag_quoted_for_the_shell(world: &World) -> Result<()> {
    let page = minted(world, "octo-org")?;
    wait_for_group_list(&page)?;
    page.button("Show token")?.click()?;
    page.field("Runner name")?.fill("build 01; echo $HOME")?;
    page.field("Labels")?.fill("gpu\nlinux-large\nGPU\n")?;
    page.field("No default labels")?.click()?;
    page.choose("Runner group", "Release runners")?;
    page.field("Work folder")?.fill("/srv/runner work")?;
    page.field("Ephemeral")?.click()?;
    page.field("Replace existing runner")?.click()?;
    page.field("Disable auto-update")?.click()?;
    let url = format!("{}/octo-org", page.mock.url());
    let expected = format!(
        "./config.sh --url {url} --token {TOKEN} --name 'build 01; echo $HOME' --labels gpu,linux-large --runnergroup 'Release runners' --work '/srv/runner work' --no-default-labels --ephemeral --replace --unattended --disableupdate"
    );
    page.wait("the command with every flag", Duration::from_secs(5), || {
        Ok((page.step_code("Configure the runner")? == expected).then_some(()))
    })
    .map_err(|e| {
        format!(
            "{}: {}",
            e.message().unwrap_or_default(),
            page.step_code("Configure the runner").unwrap_or_default()
        )
    })?;
    check(
        page.field("Unattended")?.property("checked")? == true,
        "Unattended is on once a name is given",
    )?;
    // Unattended can be turned off by hand, and the flag goes.
    page.field("Unattended")?.click()?;
    page.wait("no --unattended", Duration::from_secs(5), || {
        Ok((!page.step_code("Configure the runner")?.contains("--unattended")).then_some(()))
    })?;
    // A service instead of run.sh (not ephemeral: that combination is refused).
    page.field("Ephemeral")?.click()?;
    page.field("Run as a service")?.click()?;
    page.wait("svc.sh steps", Duration::from_secs(5), || {
        Ok(page
            .step_code("Install and start the service")
            .ok()
            .filter(|c| c == "sudo ./svc.sh install\nsudo ./svc.sh start")
            .map(drop))
    })?;
    page.assert_absent(
        &step_xpath("Start the runner"),
        "./run.sh step when running as a service",
    )
}

fn windows_gets_powershell_with_config_cmd_and_runasservice(world: &World) -> Result<()> {
    let page = minted(world, "octo-org")?;
    page.choose("Operating system", "Windows")?;
    page.field("Runner name")?.fill("win 'runner' $env:USERNAME")?;
    page.field("Run as a service")?.click()?;
    page.button("Show token")?.click()?;
    let url = format!("{}/octo-org", page.mock.url());
    let expected = format!(
        ".\\config.cmd --url {url} --token {TOKEN} --name 'win ''runner'' $env:USERNAME' --unattended --runasservice"
    );
    page.wait("the PowerShell command", Duration::from_secs(5), || {
        Ok((page.step_code("Configure the runner")? == expected).then_some(()))
    })
    .map_err(|e| {
        format!(
            "{}: {}",
            e.message().unwrap_or_default(),
            page.step_code("Configure the runner").unwrap_or_default()
        )
    })?;
    check_contains(&page.body_text()?, "Run these in PowerShell")?;
    // config.cmd --runasservice starts the service itself.
    page.assert_absent(&step_xpath("Start the runner"), "start step on Windows with a service")?;
    // cmd.exe would misread these on Windows: refused inline.
    page.field("Runner name")?.fill("a&b")?;
    page.wait_for_text("which cmd.exe would misread")
}

fn invalid_combinations_are_explained_and_produce_no_script(world: &World) -> Result<()> {
    let page = minted(world, "octo-org")?;
    page.field("No default labels")?.click()?;
    page.wait_for_text("No default labels needs at least one label")?;
    let check_box = page.field("No default labels")?;
    check(
        check_box.attribute("aria-invalid")?.as_deref() == Some("true"),
        "the checkbox is marked invalid",
    )?;
    check(!page.button("Copy script")?.is_enabled()?, "no script to copy")?;
    check(!page.button("Copy command")?.is_enabled()?, "no command to copy")?;
    page.assert_absent("//li[contains(@class,'step')]", "steps for invalid options")?;
    page.field("Labels")?.fill("gpu")?;
    page.wait("the script again", Duration::from_secs(5), || {
        Ok(page.button("Copy script")?.is_enabled()?.then_some(()))
    })?;
    page.field("Ephemeral")?.click()?;
    page.field("Run as a service")?.click()?;
    page.wait_for_text("An ephemeral runner takes one job")?;
    check(
        !page.button("Copy script")?.is_enabled()?,
        "ephemeral and service together give no script",
    )?;
    page.field("Labels")?.fill("a,b")?;
    page.wait_for_text("contains a comma")
}

fn runner_group_list_follows_pagination_and_preselects_the_default(world: &World) -> Result<()> {
    let page = minted(world, org::MANY_GROUPS)?;
    wait_for_group_list(&page)?;
    let options = page.session.find_all("//select[@id='runner-group']/option")?;
    check(
        options.len() == 205,
        format!("205 groups expected, the list has {}", options.len()),
    )?;
    let selected = page.session.find("//select[@id='runner-group']/option[@value='']")?;
    check(
        selected.text()? == "Default" && selected.property("selected")? == true,
        "the default group is preselected",
    )?;
    page.choose("Runner group", "group-205")?;
    page.wait("--runnergroup group-205", Duration::from_secs(5), || {
        Ok(page
            .step_code("Configure the runner")?
            .ends_with("--runnergroup group-205")
            .then_some(()))
    })?;
    let pages: Vec<String> = page.mock.group_requests().into_iter().map(|r| r.path).collect();
    let id = scenario::org_id(org::MANY_GROUPS);
    check(
        pages
            == [
                format!("/api/v3/orgs/{}/actions/runner-groups?per_page=100", org::MANY_GROUPS),
                format!("/api/v3/organizations/{id}/actions/runner-groups?per_page=100&page=2"),
                format!("/api/v3/organizations/{id}/actions/runner-groups?per_page=100&page=3"),
            ],
        format!("pages fetched: {pages:?}"),
    )
}

fn a_next_link_away_from_the_api_is_not_followed(world: &World) -> Result<()> {
    let page = minted(world, org::LINK_ESCAPE)?;
    wait_for_group_list(&page)?;
    let options = page.session.find_all("//select[@id='runner-group']/option")?.len();
    check(
        options == 3,
        format!("the first page's 3 groups expected, got {options}"),
    )?;
    std::thread::sleep(Duration::from_millis(300));
    check(page.mock.group_requests().len() == 1, "only the first page was fetched")?;
    let logs = page.console()?.join("\n");
    check(
        !logs.contains("attacker.invalid"),
        format!("no request left for the foreign link: {logs}"),
    )
}

fn copy_buttons_copy_exactly_the_shown_text_with_the_real_token(world: &World) -> Result<()> {
    let page = minted(world, "octo-org")?;
    page.wait_for_text("1. Create a folder")?;
    page.field("Runner name")?.fill("it's me")?;
    page.button("Show token")?.click()?;
    page.wait_for_text(TOKEN)?;
    let titles = [
        "Create a folder",
        "Download the runner",
        "Verify the checksum",
        "Extract it",
        "Configure the runner",
        "Start the runner",
    ];
    let mut shown = Vec::new();
    for (i, title) in titles.iter().enumerate() {
        let text = page.step_code(title)?;
        page.session
            .find(&format!("//button[@aria-label='Copy step {}: {title}']", i + 1))?
            .click()?;
        page.wait(&format!("clipboard = step {}", i + 1), Duration::from_secs(5), || {
            Ok((page.clipboard()? == text).then_some(()))
        })?;
        shown.push(text);
    }
    check(
        shown[4].contains(&format!("--token {TOKEN} --name 'it'\\''s me' --unattended")),
        format!("configure step: {}", shown[4]),
    )?;
    page.button("Copy script")?.click()?;
    page.wait_for_text("Copied the whole script")?;
    let script = page.clipboard()?;
    // The steps as shown, in a subshell that stops at the first failure; a failed cd ends it too
    // (exit leaves only the subshell, where a step pasted alone must not close the terminal).
    let mut steps = shown.clone();
    steps[0].push_str(" || exit");
    check(
        script == format!("(\nset -e\n{}\n)", steps.join("\n")),
        format!("Copy script gave:\n{script}"),
    )?;
    // Masked on screen, real on the clipboard.
    page.button("Hide token")?.click()?;
    check(!page.body_text()?.contains(TOKEN), "masked again everywhere")?;
    page.session
        .find("//button[@aria-label='Copy step 5: Configure the runner']")?
        .click()?;
    page.wait("the real token copied", Duration::from_secs(5), || {
        Ok(page.clipboard()?.contains(&format!("--token {TOKEN}")).then_some(()))
    })
}

fn a_failing_downloads_call_still_gives_configure_and_run_steps(world: &World) -> Result<()> {
    let page = minted(world, org::DOWNLOADS_DENIED)?;
    page.wait_for_text("The runner downloads could not be loaded")?;
    let note = page
        .session
        .find("//p[@role='status'][contains(., 'could not be loaded')]")?
        .text()?;
    check_contains(&note, "HTTP 403")?;
    check_contains(&note, "Resource not accessible by personal access token")?;
    check_contains(&note, "download and extract the runner into a folder first")?;
    let titles: Vec<String> = page
        .session
        .find_all("//li[contains(@class,'step')]/p")?
        .iter()
        .map(|p| p.text())
        .collect::<Result<_>>()?;
    check(
        titles == ["1. Configure the runner", "2. Start the runner"],
        format!("steps: {titles:?}"),
    )?;
    check(
        page.button("Copy script")?.is_enabled()?,
        "the shorter script can still be copied",
    )
}

fn a_package_without_a_checksum_is_said_to_be_unverified(world: &World) -> Result<()> {
    let page = minted(world, org::NO_CHECKSUM)?;
    page.wait_for_text("gave no usable SHA-256 for this package")?;
    let titles: Vec<String> = page
        .session
        .find_all("//li[contains(@class,'step')]/p")?
        .iter()
        .map(|p| p.text())
        .collect::<Result<_>>()?;
    check(
        titles
            == [
                "1. Create a folder",
                "2. Download the runner",
                "3. Extract it",
                "4. Configure the runner",
                "5. Start the runner",
            ],
        format!("steps: {titles:?}"),
    )
}

fn a_failing_runner_groups_call_gives_a_text_input(world: &World) -> Result<()> {
    let page = minted(world, org::GROUPS_DENIED)?;
    page.wait_for_text("The runner groups could not be loaded")?;
    let field = page.field("Runner group")?;
    check(
        field.attribute("type")?.as_deref() == Some("text"),
        "a text input instead of the list",
    )?;
    field.fill("Custom group")?;
    page.wait("--runnergroup from the text input", Duration::from_secs(5), || {
        Ok(page
            .step_code("Configure the runner")?
            .ends_with("--runnergroup 'Custom group'")
            .then_some(()))
    })
}

fn a_link_presets_platform_and_options_but_never_a_token(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.visit(&format!(
        "?api={}&os=linux&arch=arm&name=ci-7&labels=gpu,big&group=Release%20runners&disableupdate=1&token={ACCESS_TOKEN}",
        page.mock.ghes_url()
    ))?;
    page.wait_for_text("The link you opened contained a secret")?;
    page.create("octo-org", ACCESS_TOKEN)?;
    wait_for_group_list(&page)?;
    check(
        page.field("Operating system")?.property("value")? == "linux",
        "OS from the link",
    )?;
    check(
        page.field("Architecture")?.property("value")? == "arm",
        "architecture from the link",
    )?;
    check(
        page.field("Runner group")?.property("value")? == "Release runners",
        "group from the link, found in the list",
    )?;
    let command = page.step_code("Configure the runner")?;
    check(
        command.ends_with("--name ci-7 --labels gpu,big --runnergroup 'Release runners' --unattended --disableupdate"),
        command.clone(),
    )?;
    check_contains(
        &page.step_code("Download the runner")?,
        &scenario::package_filename("linux", "arm"),
    )?;
    check(
        !page.session.current_url()?.contains(ACCESS_TOKEN),
        "the token left the address bar",
    )?;

    // The page makes such links too: every setting, never a token, and they work.
    page.field("Ephemeral")?.click()?;
    page.button("Copy link to these settings")?.click()?;
    page.wait_for_text("Copied a link with these settings")?;
    let link = page.clipboard()?;
    check(
        !link.contains(ACCESS_TOKEN) && !link.contains(TOKEN) && !link.contains("token="),
        format!("no token in {link}"),
    )?;
    for part in [
        "org=octo-org",
        "os=linux",
        "arch=arm",
        "name=ci-7",
        "labels=gpu%2Cbig",
        "group=Release%20runners",
        "ephemeral=1",
        "disableupdate=1",
    ] {
        check_contains(&link, part)?;
    }
    page.session.goto(&link)?;
    page.create("octo-org", ACCESS_TOKEN)?;
    wait_for_group_list(&page)?;
    let again = page.step_code("Configure the runner")?;
    check(
        again == command.replace(" --unattended", " --ephemeral --unattended"),
        format!("the shared link gave: {again}"),
    )
}
