//! The runner as a container: a `docker run` of GitHub's own runner image
//! (`ghcr.io/actions/actions-runner`, tagged with the runner version the downloads answer
//! names, never `latest`). A just-in-time runner starts with its configuration; with a
//! registration token the container configures an ephemeral runner, takes one job and leaves.

use super::Unavailable;
use crate::runner::platform::{Arch, Os};
use crate::runner::script::{Job, Registration, SetupScript};

pub const IMAGE: &str = "ghcr.io/actions/actions-runner";

impl SetupScript {
    /// `docker run --rm [--name NAME] IMAGE:VERSION ...`, or why this script has no container form.
    pub fn docker(&self, reveal: bool) -> Result<String, Unavailable> {
        if self.platform.os != Os::Linux || self.platform.arch == Arch::Arm {
            return Err(Unavailable::DockerNeedsImage);
        }
        let version = self
            .package
            .as_ref()
            .and_then(|p| p.version())
            .ok_or(Unavailable::DockerNeedsVersion)?;
        let registration = self.job.registration().ok_or(Unavailable::RemovalNeedsNoContainer)?;
        let mut line = String::from("docker run --rm");
        let name = match registration {
            Registration::Configure { options, .. } => options.name.as_deref(),
            Registration::JustInTime { name, .. } => Some(name),
        };
        if let Some(container) = name.and_then(container_name) {
            line.push_str(&format!(" --name {container}"));
        }
        line.push_str(&format!(" {IMAGE}:{version} "));
        match registration {
            Registration::JustInTime { config, .. } => {
                line.push_str(&format!("./run.sh --jitconfig {}", self.secret(config, reveal)));
            }
            Registration::Configure { command, options } => {
                // Inside the container: one ephemeral runner, no prompts, then run it.
                let mut options = options.clone();
                options.ephemeral = true;
                options.unattended = true;
                options.service = false;
                let inner = SetupScript {
                    job: Job::Configure {
                        command: command.clone(),
                        options,
                    },
                    ..self.clone()
                };
                let script = format!("{} && ./run.sh", inner.configure(reveal));
                // On screen the command's shape, the mask standing in for the token unquoted.
                let quoted = if reveal {
                    self.quote(&script)
                } else {
                    format!("'{script}'")
                };
                line.push_str(&format!("sh -c {quoted}"));
            }
        }
        Ok(line)
    }
}

/// A container name from the runner name: Docker takes `[a-zA-Z0-9][a-zA-Z0-9_.-]*`; anything
/// else becomes `-`. `None` when nothing usable is left.
pub fn container_name(runner: &str) -> Option<String> {
    let mapped: String = runner
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "_.-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = mapped.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    (!trimmed.is_empty()).then(|| trimmed.chars().take(63).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::Secret;
    use crate::runner::options::RunnerOptions;
    use crate::runner::platform::RunnerPlatform;
    use crate::runner::render::cloud_init::tests::{configure, linux};

    #[test]
    fn a_just_in_time_container_runs_the_configuration_with_the_versioned_image() {
        let s = linux(Job::JustInTime {
            config: Secret::new("QUJD"),
            name: "jit 1".into(),
        });
        assert_eq!(
            s.docker(true).unwrap(),
            "docker run --rm --name jit-1 ghcr.io/actions/actions-runner:2.336.0 ./run.sh --jitconfig QUJD"
        );
        assert!(!s.docker(false).unwrap().contains("QUJD"));
    }

    #[test]
    fn a_registration_container_configures_one_ephemeral_runner_then_runs_it() {
        let s = linux(configure(
            RunnerOptions {
                name: Some("ci-7".into()),
                labels: vec!["gpu".into()],
                ..RunnerOptions::default()
            },
            "TOKEN",
        ));
        assert_eq!(
            s.docker(true).unwrap(),
            "docker run --rm --name ci-7 ghcr.io/actions/actions-runner:2.336.0 sh -c './config.sh --url https://github.com/octo-org --token TOKEN --name ci-7 --labels gpu --ephemeral --unattended && ./run.sh'"
        );
    }

    #[test]
    fn only_linux_x64_and_arm64_have_an_image() {
        let mut s = linux(Job::JustInTime {
            config: Secret::new("Q"),
            name: "jit-1".into(),
        });
        s.platform = RunnerPlatform {
            os: Os::Linux,
            arch: Arch::Arm,
        };
        assert!(s.docker(true).unwrap_err().to_string().contains("x64 and ARM64"));
    }

    #[test]
    fn container_names_keep_what_docker_takes() {
        assert_eq!(container_name("build 01").as_deref(), Some("build-01"));
        assert_eq!(container_name("--x").as_deref(), Some("x"));
        assert_eq!(container_name("é"), None);
        assert_eq!(container_name("a.b_c-d").as_deref(), Some("a.b_c-d"));
    }
}
