//! The setup script as cloud-init user-data: on a Linux VM's first boot, with nobody at a
//! terminal, create an unprivileged `runner` user (config.sh refuses root), download and verify
//! the package, extract it into that user's home, install the runner's dependencies, configure
//! it as that user, and install and start the service (or start a just-in-time runner).
//!
//! The commands are one POSIX script, every value quoted for the shell it ends up in (twice
//! where it passes through `su -c`), carried in `runcmd` as a YAML double-quoted string.

use super::Unavailable;
use crate::runner::platform::Os;
use crate::runner::quote;
use crate::runner::script::{Checksum, Job, Registration, SetupScript, StepKind, FOLDER};

/// The unprivileged user the runner runs as.
pub const USER: &str = "runner";
/// That user's home, where the runner is unpacked.
pub const HOME: &str = "/home/runner";

impl SetupScript {
    /// The commands cloud-init runs, as one POSIX script (run as root, with `sh -c`), or why
    /// this script has no cloud-init form.
    pub fn cloud_init_commands(&self, reveal: bool) -> Result<String, Unavailable> {
        if self.platform.os != Os::Linux {
            return Err(Unavailable::CloudInitNeedsLinux);
        }
        let package = self.package.as_ref().ok_or(Unavailable::CloudInitNeedsPackage)?;
        let registration = self.job.registration().ok_or(Unavailable::RemovalNeedsNoUserData)?;
        let dir = format!("{HOME}/{FOLDER}");
        let mut lines = vec![
            "set -e".to_string(),
            format!("mkdir -p {dir}"),
            format!("cd {dir} || exit"),
        ];
        let downloads = self.download_steps(package, reveal, Checksum::Sha256sum);
        lines.extend(
            downloads
                .into_iter()
                .filter(|s| s.kind != StepKind::CreateFolder)
                .map(|s| s.text),
        );
        lines.push(format!("chown -R {USER}:{USER} {dir}"));
        lines.push("./bin/installdependencies.sh".into());
        let as_runner = |command: &str| format!("su {USER} -c {}", quote::posix_arg(&format!("cd {dir} && {command}")));
        match registration {
            Registration::Configure { command, options } => {
                // Nobody answers prompts at first boot; the service is installed below, as root.
                let mut unattended = options.clone();
                unattended.unattended = true;
                unattended.service = false;
                let job = Job::Configure {
                    command: command.clone(),
                    options: unattended,
                };
                lines.push(as_runner(&SetupScript { job, ..self.clone() }.configure(reveal)));
                if options.ephemeral {
                    // One job, then the runner unregisters: a service would restart it for nothing.
                    lines.push(as_runner("nohup ./run.sh > ../runner.log 2>&1 &"));
                } else {
                    lines.push(format!("./svc.sh install {USER}"));
                    lines.push("./svc.sh start".into());
                }
            }
            Registration::JustInTime { config, .. } => {
                let config = self.secret(config, reveal);
                lines.push(as_runner(&format!(
                    "nohup ./run.sh --jitconfig {config} > ../runner.log 2>&1 &"
                )));
            }
        }
        Ok(lines.join("\n"))
    }

    /// The whole `#cloud-config` document.
    pub fn cloud_init(&self, reveal: bool) -> Result<String, Unavailable> {
        let commands = self.cloud_init_commands(reveal)?;
        Ok(format!(
            "#cloud-config\nusers:\n  - default\n  - name: {USER}\n    shell: /bin/bash\n    lock_passwd: true\nruncmd:\n  - [sh, -c, {}]\n",
            quote::yaml(&commands)
        ))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::github::{RunnerPackage, Secret};
    use crate::runner::options::RunnerOptions;
    use crate::runner::platform::{Arch, RunnerPlatform};
    use crate::runner::ConfigCommand;

    pub(crate) const SHA: &str = "4b5a4a8a0e3f1b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4";

    pub(crate) fn linux(job: Job) -> SetupScript {
        let filename = "actions-runner-linux-x64-2.336.0.tar.gz".to_string();
        SetupScript {
            platform: RunnerPlatform {
                os: Os::Linux,
                arch: Arch::X64,
            },
            package: Some(RunnerPackage {
                os: "linux".into(),
                architecture: "x64".into(),
                download_url: format!("https://github.com/actions/runner/releases/download/v2.336.0/{filename}"),
                filename,
                sha256: Some(SHA.into()),
                download_token: None,
            }),
            job,
        }
    }

    pub(crate) fn configure(options: RunnerOptions, token: &str) -> Job {
        Job::Configure {
            command: ConfigCommand {
                url: "https://github.com/octo-org".into(),
                token: Secret::new(token),
            },
            options,
        }
    }

    #[test]
    fn first_boot_creates_the_user_verifies_configures_as_that_user_and_starts_the_service() {
        let s = linux(configure(
            RunnerOptions {
                name: Some("vm 1".into()),
                ..RunnerOptions::default()
            },
            "TOKEN",
        ));
        let commands = s.cloud_init_commands(true).unwrap();
        let lines: Vec<&str> = commands.lines().collect();
        assert_eq!(
            lines[..3],
            [
                "set -e",
                "mkdir -p /home/runner/actions-runner",
                "cd /home/runner/actions-runner || exit"
            ]
        );
        assert!(commands.contains(&format!(
            "echo '{SHA}  actions-runner-linux-x64-2.336.0.tar.gz' | sha256sum -c"
        )));
        assert!(commands.contains("chown -R runner:runner /home/runner/actions-runner\n./bin/installdependencies.sh\n"));
        assert!(commands.contains("su runner -c 'cd /home/runner/actions-runner && ./config.sh --url https://github.com/octo-org --token TOKEN --name '\\''vm 1'\\'' --unattended'"), "{commands}");
        assert!(commands.ends_with("./svc.sh install runner\n./svc.sh start"));
        let doc = s.cloud_init(true).unwrap();
        assert!(doc.starts_with("#cloud-config\nusers:\n  - default\n  - name: runner\n"));
        assert!(!s.cloud_init(false).unwrap().contains("TOKEN"), "masked on screen");
    }

    #[test]
    fn a_just_in_time_runner_starts_in_the_background_as_the_runner_user() {
        let s = linux(Job::JustInTime {
            config: Secret::new("QUJD+/=="),
            name: "jit-1".into(),
        });
        assert!(s.cloud_init_commands(true).unwrap().ends_with("su runner -c 'cd /home/runner/actions-runner && nohup ./run.sh --jitconfig QUJD+/== > ../runner.log 2>&1 &'"));
    }

    #[test]
    fn only_linux_with_a_package_has_user_data() {
        let mut s = linux(Job::JustInTime {
            config: Secret::new("Q"),
            name: "jit-1".into(),
        });
        s.platform = RunnerPlatform {
            os: Os::MacOs,
            arch: Arch::Arm64,
        };
        assert!(s.cloud_init(true).unwrap_err().to_string().contains("Linux"));
        let no_package = SetupScript {
            package: None,
            ..linux(Job::JustInTime {
                config: Secret::new("Q"),
                name: "jit-1".into(),
            })
        };
        assert!(no_package
            .cloud_init(true)
            .unwrap_err()
            .to_string()
            .contains("downloads"));
    }
}
