//! `SetupScript`: download, verify, extract, then configure and start a runner, start a
//! just-in-time runner, or remove one, as numbered steps for the platform's shell. One model,
//! several jobs: every value that came from the user or from GitHub is quoted for that shell
//! (see [`super::quote`]); the package comes from GitHub's downloads answer, never a guess.
//! Its other renderings (cloud-init, Docker) are in [`super::render`].

use super::command::ConfigCommand;
use super::options::{Flag, RunnerOptions, OPTIONS};
use super::platform::{Os, RunnerPlatform, ScriptShell};
use super::quote;
use crate::github::{RunnerPackage, Secret};

/// The folder the runner is unpacked into, as in GitHub's own instructions.
pub const FOLDER: &str = "actions-runner";

/// What a step does; renderings pick steps by kind, never by their title or text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    CreateFolder,
    Download,
    Verify,
    Extract,
    Configure,
    Start,
    InstallService,
    StopService,
    Remove,
}

impl StepKind {
    pub fn title(self) -> &'static str {
        match self {
            Self::CreateFolder => "Create a folder",
            Self::Download => "Download the runner",
            Self::Verify => "Verify the checksum",
            Self::Extract => "Extract it",
            Self::Configure => "Configure the runner",
            Self::Start => "Start the runner",
            Self::InstallService => "Install and start the service",
            Self::StopService => "Stop and uninstall the service",
            Self::Remove => "Remove the runner",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub kind: StepKind,
    /// One or more command lines, without a trailing newline.
    pub text: String,
}

impl Step {
    pub fn title(&self) -> &'static str {
        self.kind.title()
    }
}

/// Which tool checks the download's SHA-256: `shasum` (macOS and most desktops) or coreutils'
/// `sha256sum` (on every Linux image, where perl's `shasum` may be missing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checksum {
    Shasum,
    Sha256sum,
}

/// What the script is for.
#[derive(Clone, Debug, PartialEq)]
pub enum Job {
    /// Register with `config.sh` and every chosen option, then run or install a service.
    Configure {
        command: ConfigCommand,
        options: RunnerOptions,
    },
    /// Start a runner GitHub already registered (as `name`): `run.sh --jitconfig`.
    JustInTime { config: Secret, name: String },
    /// Unregister a runner with a remove token, in its folder; stop its service first.
    Remove { token: Secret, service: bool },
}

/// A job that brings a runner up: what cloud-init and Docker can render.
#[derive(Clone, Copy, Debug)]
pub enum Registration<'a> {
    Configure {
        command: &'a ConfigCommand,
        options: &'a RunnerOptions,
    },
    JustInTime {
        config: &'a Secret,
        name: &'a str,
    },
}

impl Job {
    /// The job as a registration, or `None` for removal.
    pub fn registration(&self) -> Option<Registration<'_>> {
        match self {
            Self::Configure { command, options } => Some(Registration::Configure { command, options }),
            Self::JustInTime { config, name } => Some(Registration::JustInTime { config, name }),
            Self::Remove { .. } => None,
        }
    }
}

/// What the script is built from. `package` is `None` when the downloads answer could not be
/// used (or for removal): the script then starts in a runner folder the user prepared.
#[derive(Clone, Debug, PartialEq)]
pub struct SetupScript {
    pub platform: RunnerPlatform,
    pub package: Option<RunnerPackage>,
    pub job: Job,
}

impl SetupScript {
    pub fn shell(&self) -> ScriptShell {
        self.platform.os.shell()
    }

    /// The steps, with the real secrets or (for the screen) masked ones.
    pub fn steps(&self, reveal: bool) -> Vec<Step> {
        let step = |kind, text| Step { kind, text };
        let mut steps = Vec::new();
        if let (Some(package), Some(_)) = (&self.package, self.job.registration()) {
            steps.extend(self.download_steps(package, reveal, Checksum::Shasum));
        }
        match &self.job {
            Job::Configure { options, .. } => {
                steps.push(step(StepKind::Configure, self.configure(reveal)));
                steps.extend(self.start_step(options.service));
            }
            Job::JustInTime { config, .. } => {
                let program = self.posix_or(".\\run.cmd", "./run.sh");
                steps.push(step(
                    StepKind::Start,
                    format!("{program} --jitconfig {}", self.secret(config, reveal)),
                ));
            }
            Job::Remove { token, service } => {
                if *service && self.platform.os != Os::Windows {
                    let sudo = self.sudo();
                    steps.push(step(
                        StepKind::StopService,
                        format!("{sudo}./svc.sh stop\n{sudo}./svc.sh uninstall"),
                    ));
                }
                steps.push(step(StepKind::Remove, self.remove_command(token, reveal)));
            }
        }
        steps
    }

    /// The one command to show first: configure, start, or remove.
    pub fn main_command(&self, reveal: bool) -> String {
        match &self.job {
            Job::Configure { .. } => self.configure(reveal),
            Job::Remove { token, .. } => self.remove_command(token, reveal),
            Job::JustInTime { .. } => self.steps(reveal).pop().map(|s| s.text).unwrap_or_default(),
        }
    }

    /// The configure command alone: `./config.sh` (or `.\config.cmd`) with every chosen flag,
    /// in the order of the options table. Empty for a job that does not configure.
    pub fn configure(&self, reveal: bool) -> String {
        let Job::Configure { command, options } = &self.job else {
            return String::new();
        };
        let program = self.posix_or(".\\config.cmd", "./config.sh");
        let mut line = format!(
            "{program} --url {} --token {}",
            self.quote(&command.url),
            self.secret(&command.token, reveal)
        );
        for spec in &OPTIONS {
            let flag = match spec.flag {
                Flag::Valued(flag) | Flag::Switch(flag) => flag,
                Flag::WindowsSwitch(flag) if self.shell() == ScriptShell::PowerShell => flag,
                Flag::WindowsSwitch(_) => continue,
            };
            if let Some(value) = options.flag_value(spec.option) {
                line.push(' ');
                line.push_str(flag);
                if let Some(v) = value {
                    line.push(' ');
                    line.push_str(&self.quote(&v));
                }
            }
        }
        line
    }

    /// Every step in one block. POSIX: a subshell with `set -e`, so a failed step (a checksum
    /// mismatch above all) stops the rest without closing the terminal it was pasted into.
    /// PowerShell: a script block with `$ErrorActionPreference = 'Stop'`, so `throw` ends it.
    pub fn full_text(&self, reveal: bool) -> String {
        let posix = self.shell() == ScriptShell::Posix;
        let body: Vec<String> = self
            .steps(reveal)
            .into_iter()
            // In the script, a failed cd must end it (exit leaves only the subshell); a step
            // pasted alone keeps its interactive form, where exit would close the terminal.
            .map(|s| {
                if posix && s.kind == StepKind::CreateFolder {
                    format!("{} || exit", s.text)
                } else {
                    s.text
                }
            })
            .collect();
        match self.shell() {
            ScriptShell::Posix => format!("(\nset -e\n{}\n)", body.join("\n")),
            ScriptShell::PowerShell => format!("& {{\n$ErrorActionPreference = 'Stop'\n{}\n}}", body.join("\n")),
        }
    }

    fn remove_command(&self, token: &Secret, reveal: bool) -> String {
        format!(
            "{} remove --token {}",
            self.posix_or(".\\config.cmd", "./config.sh"),
            self.secret(token, reveal)
        )
    }

    /// `windows` in PowerShell, `posix` elsewhere.
    fn posix_or(&self, windows: &'static str, posix: &'static str) -> &'static str {
        if self.shell() == ScriptShell::PowerShell {
            windows
        } else {
            posix
        }
    }

    /// svc.sh runs as root on Linux (systemd); on macOS it installs a launchd agent of the
    /// logged-in user and refuses sudo.
    fn sudo(&self) -> &'static str {
        if self.platform.os == Os::MacOs {
            ""
        } else {
            "sudo "
        }
    }

    /// The secret quoted for the shell, or the mask in its place, unquoted itself, so the screen
    /// shows the command's shape as it will be pasted. The one place any rendering shows or
    /// masks a secret.
    pub(crate) fn secret(&self, secret: &Secret, reveal: bool) -> String {
        if reveal {
            self.quote(secret.expose())
        } else {
            secret.masked()
        }
    }

    /// `value` quoted for this script's shell.
    pub(crate) fn quote(&self, value: &str) -> String {
        match self.shell() {
            ScriptShell::Posix => quote::posix_arg(value),
            ScriptShell::PowerShell => quote::powershell(value),
        }
    }

    pub(crate) fn download_steps(&self, p: &RunnerPackage, reveal: bool, checksum: Checksum) -> Vec<Step> {
        let (file, url) = (self.quote(&p.filename), self.quote(&p.download_url));
        let posix = self.shell() == ScriptShell::Posix;
        let auth = p.download_token.as_ref().map(|t| {
            // The quoted header value carries the token: "Bearer " is part of the quoted text.
            let header = if reveal {
                self.quote(&format!("Authorization: Bearer {}", t.expose()))
            } else {
                format!("'Authorization: Bearer {}'", t.masked())
            };
            let ps = if reveal {
                self.quote(&format!("Bearer {}", t.expose()))
            } else {
                format!("'Bearer {}'", t.masked())
            };
            if posix {
                format!(" -H {header}")
            } else {
                format!(" -Headers @{{ Authorization = {ps} }}")
            }
        });
        let auth = auth.unwrap_or_default();
        let step = |kind, text| Step { kind, text };
        let mut steps = vec![
            step(
                StepKind::CreateFolder,
                if posix {
                    format!("mkdir -p {FOLDER} && cd {FOLDER}")
                } else {
                    format!("mkdir {FOLDER} -Force; cd {FOLDER}")
                },
            ),
            step(
                StepKind::Download,
                if posix {
                    format!("curl -fL{auth} -o {file} {url}")
                } else {
                    format!("Invoke-WebRequest -Uri {url}{auth} -OutFile {file}")
                },
            ),
        ];
        if let Some(sha) = &p.sha256 {
            let tool = match checksum {
                Checksum::Shasum => "shasum -a 256 -c",
                Checksum::Sha256sum => "sha256sum -c",
            };
            steps.push(step(
                StepKind::Verify,
                if posix {
                    format!("echo {} | {tool}", self.quote(&format!("{sha}  {}", p.filename)))
                } else {
                    format!(
                        "if ((Get-FileHash -Path {file} -Algorithm SHA256).Hash.ToUpper() -ne '{}') {{ throw 'Checksum mismatch: the download is not the file GitHub published.' }}",
                        sha.to_ascii_uppercase()
                    )
                },
            ));
        }
        steps.push(step(
            StepKind::Extract,
            if posix {
                format!("tar xzf ./{file}")
            } else {
                format!("Expand-Archive -Path {file} -DestinationPath . -Force")
            },
        ));
        steps
    }

    /// The steps that update a runner in place to this script's package: stop its service,
    /// download and verify the package, extract it over the runner's folder, start the service
    /// again. Empty without a package.
    pub fn update_steps(&self) -> Vec<Step> {
        let Some(package) = &self.package else {
            return Vec::new();
        };
        let step = |kind, text: String| Step { kind, text };
        let (stop, start) = match self.platform.os {
            Os::Windows => (
                "Stop-Service \"actions.runner.*\"".to_string(),
                "Start-Service \"actions.runner.*\"".to_string(),
            ),
            _ => (
                format!("{}./svc.sh stop", self.sudo()),
                format!("{}./svc.sh start", self.sudo()),
            ),
        };
        let mut steps = vec![step(StepKind::StopService, stop)];
        steps.extend(
            self.download_steps(package, true, Checksum::Shasum)
                .into_iter()
                .filter(|s| s.kind != StepKind::CreateFolder),
        );
        steps.push(step(StepKind::Start, start));
        steps
    }

    fn start_step(&self, service: bool) -> Option<Step> {
        let step = |kind, text: &str| {
            Some(Step {
                kind,
                text: text.to_string(),
            })
        };
        match (self.platform.os, service) {
            // config.cmd --runasservice installs and starts the service itself.
            (Os::Windows, true) => None,
            (Os::Windows, false) => step(StepKind::Start, ".\\run.cmd"),
            (_, true) => {
                let sudo = self.sudo();
                step(
                    StepKind::InstallService,
                    &format!("{sudo}./svc.sh install\n{sudo}./svc.sh start"),
                )
            }
            (_, false) => step(StepKind::Start, "./run.sh"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::Secret;
    use crate::runner::options::OptionsInput;
    use crate::runner::platform::Arch;
    use crate::runner::quote::tests::run_in_sh;
    use proptest::prelude::*;

    const SHA: &str = "4b5a4a8a0e3f1b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4";

    fn script(os: Os, arch: Arch, options: RunnerOptions) -> SetupScript {
        let filename = format!(
            "actions-runner-{}-{}-2.336.0.{}",
            os.api_name(),
            arch.api_name(),
            if os == Os::Windows { "zip" } else { "tar.gz" }
        );
        SetupScript {
            platform: RunnerPlatform::new(os, arch).unwrap(),
            package: Some(RunnerPackage {
                os: os.api_name().into(),
                architecture: arch.api_name().into(),
                download_url: format!("https://github.com/actions/runner/releases/download/v2.336.0/{filename}"),
                filename,
                sha256: Some(SHA.into()),
                download_token: None,
            }),
            job: Job::Configure {
                command: ConfigCommand {
                    url: "https://github.com/octo-org".into(),
                    token: Secret::new("AABBCC"),
                },
                options,
            },
        }
    }

    #[test]
    fn linux_script_is_githubs_steps_with_a_checksum_that_stops_it() {
        let s = script(Os::Linux, Arch::X64, RunnerOptions::default());
        let titles: Vec<_> = s.steps(true).iter().map(|s| s.title()).collect();
        assert_eq!(
            titles,
            [
                "Create a folder",
                "Download the runner",
                "Verify the checksum",
                "Extract it",
                "Configure the runner",
                "Start the runner"
            ]
        );
        let text = s.full_text(true);
        assert!(
            text.starts_with("(\nset -e\nmkdir -p actions-runner && cd actions-runner || exit\n"),
            "{text}"
        );
        assert!(text.contains("curl -fL -o actions-runner-linux-x64-2.336.0.tar.gz https://github.com/actions/runner/releases/download/v2.336.0/actions-runner-linux-x64-2.336.0.tar.gz"));
        assert!(text.contains(&format!(
            "echo '{SHA}  actions-runner-linux-x64-2.336.0.tar.gz' | shasum -a 256 -c"
        )));
        assert!(text.contains("tar xzf ./actions-runner-linux-x64-2.336.0.tar.gz"));
        assert!(text.ends_with("./config.sh --url https://github.com/octo-org --token AABBCC\n./run.sh\n)"));
    }

    #[test]
    fn an_update_stops_the_service_replaces_the_files_and_starts_it_again() {
        let update = script(Os::Linux, Arch::X64, RunnerOptions::default()).update_steps();
        let kinds: Vec<_> = update.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                StepKind::StopService,
                StepKind::Download,
                StepKind::Verify,
                StepKind::Extract,
                StepKind::Start
            ]
        );
        assert_eq!(update[0].text, "sudo ./svc.sh stop");
        assert_eq!(update[3].text, "tar xzf ./actions-runner-linux-x64-2.336.0.tar.gz");
        let mac = script(Os::MacOs, Arch::Arm64, RunnerOptions::default()).update_steps();
        assert_eq!(mac.last().unwrap().text, "./svc.sh start");
        let win = script(Os::Windows, Arch::X64, RunnerOptions::default()).update_steps();
        assert_eq!(win[0].text, "Stop-Service \"actions.runner.*\"");
        assert!(win[3].text.starts_with("Expand-Archive") && win[3].text.ends_with("-Force"));
        assert!(SetupScript {
            package: None,
            ..script(Os::Linux, Arch::X64, RunnerOptions::default())
        }
        .update_steps()
        .is_empty());
    }

    #[test]
    fn windows_script_is_powershell_and_throws_on_a_bad_checksum() {
        let s = script(Os::Windows, Arch::Arm64, RunnerOptions::default());
        let text = s.full_text(true);
        assert!(text.starts_with("& {\n$ErrorActionPreference = 'Stop'\n"));
        assert!(text.contains("Invoke-WebRequest -Uri https://github.com/actions/runner/releases/download/v2.336.0/actions-runner-win-arm64-2.336.0.zip -OutFile actions-runner-win-arm64-2.336.0.zip"));
        assert!(text.contains(&format!("-ne '{}') {{ throw", SHA.to_ascii_uppercase())));
        assert!(text.contains("Expand-Archive -Path actions-runner-win-arm64-2.336.0.zip"));
        assert!(text.contains(".\\config.cmd --url https://github.com/octo-org --token AABBCC\n.\\run.cmd\n}"));
    }

    #[test]
    fn each_option_becomes_its_flag() {
        let o = RunnerOptions {
            name: Some("build 01".into()),
            labels: vec!["gpu".into(), "linux-large".into()],
            no_default_labels: true,
            group: Some("Release runners".into()),
            work: Some("/srv/work".into()),
            ephemeral: true,
            replace: true,
            unattended: true,
            disable_update: true,
            service: false,
        };
        let line = script(Os::Linux, Arch::X64, o).configure(true);
        assert_eq!(
            line,
            "./config.sh --url https://github.com/octo-org --token AABBCC --name 'build 01' --labels gpu,linux-large --runnergroup 'Release runners' --work /srv/work --no-default-labels --ephemeral --replace --unattended --disableupdate"
        );
    }

    #[test]
    fn a_service_replaces_run_sh_and_is_a_flag_on_windows() {
        let service = RunnerOptions {
            service: true,
            ..RunnerOptions::default()
        };
        let linux = script(Os::Linux, Arch::Arm, service.clone()).steps(true);
        assert_eq!(linux.last().unwrap().text, "sudo ./svc.sh install\nsudo ./svc.sh start");
        let windows = script(Os::Windows, Arch::X64, service);
        assert!(windows.configure(true).ends_with(" --runasservice"));
        assert_eq!(windows.steps(true).last().unwrap().title(), "Configure the runner");
    }

    #[test]
    fn without_a_package_the_script_starts_at_configure() {
        let s = SetupScript {
            package: None,
            ..script(Os::MacOs, Arch::Arm64, RunnerOptions::default())
        };
        let titles: Vec<_> = s.steps(true).iter().map(|s| s.title()).collect();
        assert_eq!(titles, ["Configure the runner", "Start the runner"]);
    }

    #[test]
    fn the_token_is_masked_unless_revealed() {
        let s = script(Os::Linux, Arch::X64, RunnerOptions::default());
        assert!(!s.full_text(false).contains("AABBCC") && s.full_text(true).contains("AABBCC"));
        // The mask takes the token's place as is: not quoted as if it were the value.
        assert!(!s.configure(false).contains('\''), "{}", s.configure(false));
    }

    #[test]
    fn the_posix_script_stops_at_a_checksum_mismatch() {
        // Stand-ins for curl, tar and config.sh; the real shasum checks a file whose content does
        // not match the published checksum. Nothing after the check may run.
        let dir = std::env::temp_dir().join(format!("runner-token-script-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let s = script(Os::Linux, Arch::X64, RunnerOptions::default());
        let stubs = "curl() { printf 'not the runner' > \"$3\"; }\ntar() { echo EXTRACTED; }\n";
        let text = s
            .full_text(true)
            .replace("./config.sh", "echo CONFIGURED")
            .replace("./run.sh", "echo RAN");
        let out = std::process::Command::new("sh")
            .current_dir(&dir)
            .arg("-c")
            .arg(format!("{stubs}{text}\necho AFTER $?"))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        std::fs::remove_dir_all(&dir).ok();
        assert!(
            !stdout.contains("EXTRACTED") && !stdout.contains("CONFIGURED"),
            "{stdout}"
        );
        assert!(
            stdout.contains("AFTER 1"),
            "the pasting shell survives and sees the failure: {stdout}"
        );
    }

    fn with_job(os: Os, arch: Arch, job: Job) -> SetupScript {
        SetupScript {
            job,
            ..script(os, arch, RunnerOptions::default())
        }
    }

    #[test]
    fn macos_installs_its_service_without_sudo_and_linux_with_it() {
        let service = RunnerOptions {
            service: true,
            ..RunnerOptions::default()
        };
        let mac = script(Os::MacOs, Arch::Arm64, service.clone()).steps(true);
        assert_eq!(mac.last().unwrap().text, "./svc.sh install\n./svc.sh start");
        let linux = script(Os::Linux, Arch::X64, service).steps(true);
        assert_eq!(linux.last().unwrap().text, "sudo ./svc.sh install\nsudo ./svc.sh start");
    }

    #[test]
    fn a_just_in_time_script_downloads_then_runs_with_the_configuration() {
        let s = with_job(
            Os::Linux,
            Arch::X64,
            Job::JustInTime {
                config: Secret::new("ZXlK+/=="),
                name: "jit-1".into(),
            },
        );
        let steps = s.steps(true);
        let titles: Vec<_> = steps.iter().map(|s| s.title()).collect();
        assert_eq!(
            titles,
            [
                "Create a folder",
                "Download the runner",
                "Verify the checksum",
                "Extract it",
                "Start the runner"
            ]
        );
        assert_eq!(steps.last().unwrap().text, "./run.sh --jitconfig ZXlK+/==");
        assert!(
            !s.full_text(false).contains("ZXlK"),
            "the configuration is masked on screen"
        );
        let win = with_job(
            Os::Windows,
            Arch::X64,
            Job::JustInTime {
                config: Secret::new("QUJD"),
                name: "jit-1".into(),
            },
        );
        assert_eq!(win.main_command(true), ".\\run.cmd --jitconfig QUJD");
        assert!(!win.full_text(true).contains("config.cmd"));
    }

    #[test]
    fn the_just_in_time_configuration_arrives_in_run_sh_byte_for_byte() {
        let config = "eyJydW5uZXIiOnsiaWQiOjF9fQ+/=";
        let s = with_job(
            Os::Linux,
            Arch::X64,
            Job::JustInTime {
                config: Secret::new(config),
                name: "jit-1".into(),
            },
        );
        let args = run_in_sh(&s.main_command(true).replace("./run.sh", "./config.sh"));
        assert_eq!(args, ["--jitconfig", config]);
    }

    #[test]
    fn removal_stops_the_service_first_with_sudo_only_on_linux() {
        let remove = |os, service| {
            with_job(
                os,
                Arch::X64,
                Job::Remove {
                    token: Secret::new("RMTOKEN"),
                    service,
                },
            )
        };
        assert_eq!(
            remove(Os::Linux, false).full_text(true),
            "(\nset -e\n./config.sh remove --token RMTOKEN\n)"
        );
        let linux: Vec<_> = remove(Os::Linux, true)
            .steps(true)
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(
            linux,
            [
                "sudo ./svc.sh stop\nsudo ./svc.sh uninstall",
                "./config.sh remove --token RMTOKEN"
            ]
        );
        let mac: Vec<_> = remove(Os::MacOs, true)
            .steps(true)
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(
            mac,
            [
                "./svc.sh stop\n./svc.sh uninstall",
                "./config.sh remove --token RMTOKEN"
            ]
        );
        // config.cmd remove takes the Windows service down itself.
        assert_eq!(
            remove(Os::Windows, true).main_command(true),
            ".\\config.cmd remove --token RMTOKEN"
        );
        assert_eq!(remove(Os::Windows, true).steps(true).len(), 1);
        assert!(!remove(Os::Linux, false).main_command(false).contains("RMTOKEN"));
    }

    #[test]
    fn a_download_token_goes_with_the_download_and_is_masked_on_screen() {
        let mut s = script(Os::Linux, Arch::X64, RunnerOptions::default());
        if let Some(p) = s.package.as_mut() {
            p.download_token = Some(Secret::new("dl-TOKEN.1"));
        }
        let shown = s.steps(false)[1].text.clone();
        assert!(
            shown.starts_with("curl -fL -H 'Authorization: Bearer ") && !shown.contains("dl-TOKEN"),
            "{shown}"
        );
        let real = s.steps(true)[1].text.clone();
        assert!(
            real.starts_with("curl -fL -H 'Authorization: Bearer dl-TOKEN.1' -o actions-runner-linux-x64"),
            "{real}"
        );
        let mut w = script(Os::Windows, Arch::X64, RunnerOptions::default());
        if let Some(p) = w.package.as_mut() {
            p.download_token = Some(Secret::new("dl-TOKEN.1"));
        }
        assert!(
            w.steps(true)[1]
                .text
                .contains(" -Headers @{ Authorization = 'Bearer dl-TOKEN.1' } -OutFile"),
            "{}",
            w.steps(true)[1].text
        );
    }

    /// Characters that mean something to a shell, plus arbitrary printable text. Control
    /// characters are refused by validation (tested in options.rs), so they are left out here to
    /// keep every case running through sh; `quote::posix` itself is tested with newlines.
    fn hostile(comma: bool) -> impl Strategy<Value = String> {
        let mut specials = vec![
            '\'',
            '"',
            '$',
            '`',
            '\\',
            ';',
            '&',
            '|',
            '<',
            '>',
            '(',
            ')',
            '{',
            '}',
            '*',
            '?',
            '[',
            ']',
            '~',
            '#',
            '!',
            ' ',
            '-',
            '=',
            '%',
            '^',
            'é',
            '\u{2019}',
            '\u{1F600}',
        ];
        if comma {
            specials.push(',');
        }
        let printable = any::<char>().prop_filter("printable", move |c| !c.is_control() && (comma || *c != ','));
        prop::collection::vec(prop_oneof![3 => prop::sample::select(specials), 2 => printable], 1..24)
            .prop_map(|v| v.into_iter().collect::<String>())
            .prop_filter("not blank", |s| !s.trim().is_empty())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// The configure command, built from arbitrary user values, run through a real `sh` with a
        /// stand-in config.sh: every argument arrives byte for byte.
        #[test]
        fn every_configure_argument_arrives_in_sh_byte_for_byte(
            name in hostile(true), label in hostile(false), group in hostile(true), work in hostile(true), token in "[A-Z0-9]{29}",
        ) {
            let input = OptionsInput { name, labels: label, group, work, ..OptionsInput::default() };
            let options = input.validate(ScriptShell::Posix).expect("printable values without commas in labels are valid");
            let mut s = script(Os::Linux, Arch::X64, options.clone());
            s.job = Job::Configure { command: ConfigCommand { url: "https://github.com/octo-org".into(), token: Secret::new(&token) }, options: options.clone() };
            let mut expected = vec!["--url".to_string(), "https://github.com/octo-org".into(), "--token".into(), token.clone()];
            let pairs = [("--name", options.name.clone()), ("--labels", Some(options.labels.join(",")).filter(|l| !l.is_empty())),
                ("--runnergroup", options.group.clone()), ("--work", options.work.clone())];
            for (flag, value) in pairs {
                if let Some(v) = value {
                    expected.push(flag.into());
                    expected.push(v);
                }
            }
            if options.unattended {
                expected.push("--unattended".into());
            }
            prop_assert_eq!(run_in_sh(&s.configure(true)), expected);
        }
    }
}
