//! The Output choice: cloud-init user-data (checked by cloud-init itself once copied) and the
//! docker command, for registration tokens and just-in-time runners; disabled off Linux.

use crate::page::{check, check_contains, region, Page, ACCESS_TOKEN};
use crate::webdriver::Result;
use crate::{Test, World};
use mock_github::scenario::{JIT_CONFIG, RUNNER_VERSION, TOKEN};
use std::time::Duration;

pub fn tests() -> Vec<(String, Test)> {
    crate::register![
        cloud_init_user_data_is_copied_whole_and_passes_cloud_inits_schema,
        the_docker_command_runs_githubs_image_at_the_runner_version,
        a_jit_runner_gets_a_docker_command_with_its_configuration,
        off_linux_cloud_init_and_docker_are_disabled_with_the_reason,
    ]
}

/// The section of the output shown (cloud-init or Docker), by its heading.
fn output_region() -> String {
    format!("({} | {})", region("cloud-init user-data"), region("Docker command"))
}

fn minted(world: &World) -> Result<Page<'_>> {
    let page = Page::new(world)?;
    page.visit_with_mock()?;
    page.create("octo-org", ACCESS_TOKEN)?;
    page.wait_for_text("1. Create a folder")?;
    page.choose("Operating system", "Linux")?;
    page.choose("Architecture", "x64")?;
    Ok(page)
}

fn copy(page: &Page, label: &str) -> Result<String> {
    page.session
        .find(&format!("//button[@aria-label='{label}']"))?
        .click()?;
    page.session.find(&format!(
        "{}//*[@role='status'][normalize-space(.)='Copied']",
        output_region()
    ))?;
    page.clipboard()
}

fn cloud_init_user_data_is_copied_whole_and_passes_cloud_inits_schema(world: &World) -> Result<()> {
    let page = minted(world)?;
    page.field("Runner name")?.fill("vm 'one'")?;
    page.radio("Output", "cloud-init")?.click()?;
    let shown = page.session.find(&format!("{}//code", output_region()))?.text()?;
    check(
        shown.starts_with("#cloud-config") && !shown.contains(TOKEN),
        "user-data on screen, token masked",
    )?;
    check_contains(&page.body_text()?, "metadata service")?;
    let copied = copy(&page, "Copy the cloud-init user-data")?;
    check(
        copied.starts_with("#cloud-config\n") && copied.contains(TOKEN),
        "the copy carries the real token",
    )?;
    let file = std::env::temp_dir().join(format!("runner-token-e2e-user-data-{}.yaml", std::process::id()));
    std::fs::write(&file, &copied).map_err(|e| e.to_string())?;
    let out = std::process::Command::new("cloud-init")
        .arg("schema")
        .arg("--config-file")
        .arg(&file)
        .output()
        .map_err(|e| format!("cloud-init: {e}"))?;
    std::fs::remove_file(&file).ok();
    check(
        out.status.success(),
        format!(
            "cloud-init schema refused the copy: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    )?;
    // Back to the shell script: the steps are there again.
    page.radio("Output", "Shell script")?.click()?;
    page.wait_for_text("1. Create a folder")
}

fn the_docker_command_runs_githubs_image_at_the_runner_version(world: &World) -> Result<()> {
    let page = minted(world)?;
    page.field("Runner name")?.fill("ci-7")?;
    page.radio("Output", "Docker")?.click()?;
    check_contains(&page.body_text()?, "docker inspect")?;
    let copied = copy(&page, "Copy the docker command")?;
    let want = format!(
        "docker run --rm --name ci-7 ghcr.io/actions/actions-runner:{RUNNER_VERSION} sh -c './config.sh --url {}/octo-org --token {TOKEN} --name ci-7 --ephemeral --unattended && ./run.sh'",
        page.mock.url()
    );
    check(copied == want, format!("clipboard holds {copied:?}, expected {want:?}"))
}

fn a_jit_runner_gets_a_docker_command_with_its_configuration(world: &World) -> Result<()> {
    let page = Page::new(world)?;
    page.create_jit("org=octo-org&os=linux&arch=arm64", "jit-docker")?;
    page.wait("the downloads answer", Duration::from_secs(10), || {
        Ok(page.radio("Output", "Docker")?.is_enabled()?.then_some(()))
    })?;
    page.radio("Output", "Docker")?.click()?;
    let copied = copy(&page, "Copy the docker command")?;
    let want = format!("docker run --rm --name jit-docker ghcr.io/actions/actions-runner:{RUNNER_VERSION} ./run.sh --jitconfig {JIT_CONFIG}");
    check(copied == want, format!("clipboard holds {copied:?}"))
}

fn off_linux_cloud_init_and_docker_are_disabled_with_the_reason(world: &World) -> Result<()> {
    let page = minted(world)?;
    page.choose("Operating system", "macOS")?;
    page.wait("cloud-init to be disabled", Duration::from_secs(5), || {
        Ok((!page.radio("Output", "cloud-init")?.is_enabled()?).then_some(()))
    })?;
    check(
        !page.radio("Output", "Docker")?.is_enabled()?,
        "Docker is disabled off Linux",
    )?;
    let legend = page
        .session
        .find("//fieldset[legend[normalize-space(.)='Output']]")?
        .text()?;
    check_contains(&legend, "cloud-init user-data is for Linux virtual machines")?;
    check_contains(&legend, "built for Linux on x64 and ARM64")?;
    page.choose("Operating system", "Linux")?;
    page.choose("Architecture", "ARM (32-bit)")?;
    page.wait("cloud-init enabled for ARM", Duration::from_secs(5), || {
        Ok(page.radio("Output", "cloud-init")?.is_enabled()?.then_some(()))
    })?;
    check(
        !page.radio("Output", "Docker")?.is_enabled()?,
        "no image for 32-bit ARM",
    )
}
