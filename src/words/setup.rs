//! The words around the setup script: why a package or an output is missing, what each output
//! exposes, and the runner-group field's hints and choices.

use crate::github::{ApiError, RunnerPackage, ScopeKind};
use crate::runner::platform::RunnerPlatform;
use crate::runner::{Output, Unavailable};
use crate::words::errors::short_reason;
use crate::words::groups::says_default;
use std::fmt;

const START_AT_RUN: &str =
    "The steps start in the runner's folder: download and extract the runner into a folder first.";

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::CloudInitNeedsLinux => {
                "cloud-init user-data is for Linux virtual machines: choose Linux as the operating system."
            }
            Self::CloudInitNeedsPackage => {
                "cloud-init needs the runner package from GitHub's downloads answer, which is not available (see the note above)."
            }
            Self::RemovalNeedsNoUserData => "Removing a runner needs no user-data.",
            Self::DockerNeedsImage => "GitHub's runner image is built for Linux on x64 and ARM64: choose one of those.",
            Self::DockerNeedsVersion => {
                "The image tag is the runner version from GitHub's downloads answer, which is not available (see the note above)."
            }
            Self::RemovalNeedsNoContainer => "Removing a runner needs no container.",
        })
    }
}

/// Where the runner package stands for a platform: still loading, missing from the answer, or
/// not loadable at all. Each is said in words by [`package_problem`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackageProblem {
    Loading,
    NotOffered,
    Failed(ApiError),
}

/// Why the script for `platform` has no download steps.
pub fn package_problem(problem: &PackageProblem, platform: RunnerPlatform) -> String {
    let name = format!("{} {}", platform.os.label(), platform.arch.label());
    match problem {
        PackageProblem::Loading => format!("Loading the runner package for {name}\u{2026}"),
        PackageProblem::NotOffered => {
            format!("GitHub's downloads answer has no usable runner package for {name}. {START_AT_RUN}")
        }
        PackageProblem::Failed(e) => {
            format!(
                "The runner downloads could not be loaded ({}). {START_AT_RUN}",
                short_reason(e)
            )
        }
    }
}

/// What to say about the package of a script: why it is missing, or that it has no checksum.
pub fn download_note(package: &Result<RunnerPackage, PackageProblem>, platform: RunnerPlatform) -> Option<String> {
    match package {
        Ok(p) if p.sha256.is_none() => Some(
            "GitHub's downloads answer gave no usable SHA-256 for this package, so the script cannot verify it: compare it with the checksum on the runner's release page before running it.".to_string(),
        ),
        Ok(_) => None,
        Err(problem) => Some(package_problem(problem, platform)),
    }
}

/// What an output exposes, said above it. `expires`: when the registration token in it expires,
/// in local time (none for a just-in-time runner, whose configuration works once).
pub fn output_note(output: Output, just_in_time: bool, expires: Option<&str>) -> String {
    match output {
        Output::CloudInit => format!(
            "Any process on the VM can read user-data from its metadata service, so treat the VM as holding the secret. {} A just-in-time runner fits VMs best: its configuration registers one runner, once.",
            if just_in_time {
                "The configuration in it registers the runner when the VM first boots.".to_string()
            } else {
                expires.map_or_else(String::new, |at| {
                    format!("The registration token in it expires at {at}: the VM must boot and register before then.")
                })
            }
        ),
        Output::Docker => "Anyone who can run docker inspect or ps on that host can read the values on this command line. A just-in-time runner fits containers best: its configuration registers one runner, once.".to_string(),
        Output::Shell => String::new(),
    }
}

/// The heading and copy button's name of an output other than the shell script.
pub fn output_heading(output: Output) -> (&'static str, &'static str) {
    match output {
        Output::CloudInit => ("cloud-init user-data", "Copy the cloud-init user-data"),
        Output::Docker => ("Docker command", "Copy the docker command"),
        Output::Shell => ("Setup script", "Copy script"),
    }
}

/// Why the outputs that do not fit are disabled: "cloud-init: ... Docker: ...".
pub fn unavailable_outputs(reasons: &[(Output, Unavailable)]) -> Option<String> {
    let notes: Vec<String> = reasons.iter().map(|(o, r)| format!("{}: {r}", o.label())).collect();
    (!notes.is_empty()).then(|| notes.join(" "))
}

/// Where the runner-group list stands, for the hint under a text field that replaces it.
pub fn group_hint(kind: ScopeKind, failed: Option<&ApiError>, loading: bool) -> String {
    match (failed, loading) {
        (_, true) => format!(
            "Loading the {}'s runner groups\u{2026} Leave empty for the default group.",
            kind.noun()
        ),
        (Some(e), _) => format!(
            "The runner groups could not be loaded ({}). Type a group's name, or leave empty for the default group.",
            short_reason(e)
        ),
        (None, _) => {
            "GitHub listed no runner groups. Type a group's name, or leave empty for the default group.".to_string()
        }
    }
}

/// A group in the runner-group list: "Linux builders", and the default group marked "(default)"
/// unless its name already says so ("Default", not "Default (default)").
pub fn group_option(name: &str, default: bool) -> String {
    if default && !says_default(name) {
        format!("{name} (default)")
    } else {
        name.to_string()
    }
}

/// A hint shown when options are invalid and no script or command can be made.
pub const FIX_OPTIONS: &str = "Fix the runner options above first.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runner::platform::{Arch, Os};

    #[test]
    fn a_missing_package_says_why_and_where_the_steps_start() {
        let mac = RunnerPlatform {
            os: Os::MacOs,
            arch: Arch::Arm64,
        };
        assert_eq!(
            package_problem(&PackageProblem::Loading, mac),
            "Loading the runner package for macOS ARM64\u{2026}"
        );
        let missing = package_problem(&PackageProblem::NotOffered, mac);
        assert!(
            missing.contains("no usable runner package for macOS ARM64") && missing.ends_with("into a folder first.")
        );
        let failed = package_problem(&PackageProblem::Failed(ApiError::network("https://x")), mac);
        assert!(
            failed.starts_with("The runner downloads could not be loaded (could not reach https://x)."),
            "{failed}"
        );
    }

    #[test]
    fn each_output_says_what_it_exposes() {
        assert!(output_note(Output::CloudInit, false, Some("10:00")).contains("expires at 10:00"));
        assert!(output_note(Output::CloudInit, true, None).contains("when the VM first boots"));
        assert!(output_note(Output::Docker, false, None).contains("docker inspect"));
        let reasons = [
            (Output::CloudInit, Unavailable::CloudInitNeedsLinux),
            (Output::Docker, Unavailable::DockerNeedsImage),
        ];
        assert_eq!(
            unavailable_outputs(&reasons).unwrap(),
            "cloud-init: cloud-init user-data is for Linux virtual machines: choose Linux as the operating system. Docker: GitHub's runner image is built for Linux on x64 and ARM64: choose one of those."
        );
        assert_eq!(unavailable_outputs(&[]), None);
    }

    #[test]
    fn the_group_hint_follows_the_list() {
        assert!(group_hint(ScopeKind::Enterprise, None, true).starts_with("Loading the enterprise's runner groups"));
        assert!(
            group_hint(ScopeKind::Organization, Some(&ApiError::network("https://x")), false)
                .contains("could not reach")
        );
        assert!(group_hint(ScopeKind::Organization, None, false).starts_with("GitHub listed no runner groups"));
    }

    #[test]
    fn the_default_group_is_marked_once() {
        assert_eq!(group_option("Default", true), "Default");
        assert_eq!(group_option("Standard", true), "Standard (default)");
        assert_eq!(group_option("Linux builders", false), "Linux builders");
        assert_eq!(group_option("Default", false), "Default");
    }
}
