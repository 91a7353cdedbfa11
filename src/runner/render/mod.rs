//! One setup script, several renderings: the shell script (its steps, in
//! [`super::script`]), cloud-init user-data and a `docker run` command. [`SetupScript::render`]
//! is the one way to get any of them, with secrets shown (to copy) or masked (on screen), or the
//! reason that form does not exist for this script.

pub mod cloud_init;
pub mod docker;

use super::script::SetupScript;

/// The forms of the setup script the page offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Output {
    #[default]
    Shell,
    CloudInit,
    Docker,
}

impl Output {
    pub const ALL: [Output; 3] = [Output::Shell, Output::CloudInit, Output::Docker];

    pub fn label(self) -> &'static str {
        match self {
            Self::Shell => "Shell script",
            Self::CloudInit => "cloud-init",
            Self::Docker => "Docker",
        }
    }
}

/// Why a form of the script does not exist; `words::setup` says it in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unavailable {
    CloudInitNeedsLinux,
    CloudInitNeedsPackage,
    RemovalNeedsNoUserData,
    DockerNeedsImage,
    DockerNeedsVersion,
    RemovalNeedsNoContainer,
}

impl SetupScript {
    /// The script as `output`, secrets shown when `reveal`, else masked.
    pub fn render(&self, output: Output, reveal: bool) -> Result<String, Unavailable> {
        match output {
            Output::Shell => Ok(self.full_text(reveal)),
            Output::CloudInit => self.cloud_init(reveal),
            Output::Docker => self.docker(reveal),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::Secret;
    use crate::runner::platform::{Arch, Os, RunnerPlatform};
    use crate::runner::script::Job;
    use cloud_init::tests::linux;

    #[test]
    fn every_output_renders_or_says_why_not() {
        let jit = linux(Job::JustInTime {
            config: Secret::new("QUJD"),
            name: "jit-1".into(),
        });
        for output in Output::ALL {
            let shown = jit.render(output, true).unwrap();
            assert!(
                shown.contains("QUJD") && !jit.render(output, false).unwrap().contains("QUJD"),
                "{output:?}"
            );
        }
        let removal = SetupScript {
            job: Job::Remove {
                token: Secret::new("RM"),
                service: false,
            },
            ..jit.clone()
        };
        assert_eq!(
            removal.render(Output::CloudInit, true),
            Err(Unavailable::RemovalNeedsNoUserData)
        );
        assert_eq!(
            removal.render(Output::Docker, true),
            Err(Unavailable::RemovalNeedsNoContainer)
        );
        assert!(removal
            .render(Output::Shell, true)
            .unwrap()
            .contains("remove --token RM"));
        let mac = SetupScript {
            platform: RunnerPlatform {
                os: Os::MacOs,
                arch: Arch::Arm64,
            },
            ..jit.clone()
        };
        assert_eq!(
            mac.render(Output::CloudInit, true),
            Err(Unavailable::CloudInitNeedsLinux)
        );
        assert_eq!(mac.render(Output::Docker, true), Err(Unavailable::DockerNeedsImage));
        let bare = SetupScript { package: None, ..jit };
        assert_eq!(
            bare.render(Output::CloudInit, true),
            Err(Unavailable::CloudInitNeedsPackage)
        );
        assert_eq!(bare.render(Output::Docker, true), Err(Unavailable::DockerNeedsVersion));
    }
}
