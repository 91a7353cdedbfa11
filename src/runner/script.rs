//! `SetupScript`: download, verify, extract, configure and start a runner, as numbered steps for
//! the platform's shell. Every value that came from the user or from GitHub is quoted for that
//! shell (see [`super::quote`]); the package comes from GitHub's downloads answer, never a guess.

use super::command::ConfigCommand;
use super::options::RunnerOptions;
use super::platform::{Os, RunnerPlatform, Shell};
use super::quote;
use crate::github::RunnerPackage;

/// The folder the runner is unpacked into, as in GitHub's own instructions.
pub const FOLDER: &str = "actions-runner";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub title: &'static str,
    /// One or more command lines, without a trailing newline.
    pub text: String,
}

/// What the script is built from. `package` is `None` when the downloads answer could not be
/// used: the script then starts at the configure step, in a runner folder the user prepared.
#[derive(Clone, Debug, PartialEq)]
pub struct SetupScript {
    pub platform: RunnerPlatform,
    pub package: Option<RunnerPackage>,
    pub command: ConfigCommand,
    pub options: RunnerOptions,
}

impl SetupScript {
    pub fn shell(&self) -> Shell {
        self.platform.os.shell()
    }

    /// The steps, with the real token or (for the screen) the masked one.
    pub fn steps(&self, reveal: bool) -> Vec<Step> {
        let mut steps = Vec::new();
        if let Some(package) = &self.package {
            steps.extend(self.download_steps(package));
        }
        steps.push(Step { title: "Configure the runner", text: self.configure(reveal) });
        if let Some(start) = self.start_step() {
            steps.push(start);
        }
        steps
    }

    /// The configure command alone: `./config.sh` (or `.\config.cmd`) with every chosen flag.
    pub fn configure(&self, reveal: bool) -> String {
        // The mask stands where the quoted token would, unquoted itself, so the screen shows the
        // command's shape as it will be pasted.
        let token = if reveal { self.quote(self.command.token.expose()) } else { self.command.token.masked() };
        let o = &self.options;
        let program = match self.shell() {
            Shell::Posix => "./config.sh",
            Shell::PowerShell => ".\\config.cmd",
        };
        let mut line = format!("{program} --url {} --token {token}", self.quote(&self.command.url()));
        let mut arg = |flag: &str, value: Option<&str>| {
            line.push(' ');
            line.push_str(flag);
            if let Some(v) = value {
                line.push(' ');
                line.push_str(&self.quote(v));
            }
        };
        let labels = o.labels.join(",");
        let valued = [
            ("--name", o.name.as_deref()),
            ("--labels", Some(labels.as_str()).filter(|l| !l.is_empty())),
            ("--runnergroup", o.group.as_deref()),
            ("--work", o.work.as_deref()),
        ];
        for (flag, value) in valued {
            if value.is_some() {
                arg(flag, value);
            }
        }
        let switches = [
            (o.no_default_labels, "--no-default-labels"),
            (o.ephemeral, "--ephemeral"),
            (o.replace, "--replace"),
            (o.unattended, "--unattended"),
            (o.disable_update, "--disableupdate"),
            (o.service && self.shell() == Shell::PowerShell, "--runasservice"),
        ];
        for (on, flag) in switches {
            if on {
                arg(flag, None);
            }
        }
        line
    }

    /// Every step in one block. POSIX: a subshell with `set -e`, so a failed step (a checksum
    /// mismatch above all) stops the rest without closing the terminal it was pasted into.
    /// PowerShell: a script block with `$ErrorActionPreference = 'Stop'`, so `throw` ends it.
    pub fn full_text(&self, reveal: bool) -> String {
        let body: Vec<String> = self.steps(reveal).into_iter().map(|s| s.text).collect();
        match self.shell() {
            Shell::Posix => format!("(\nset -e\n{}\n)", body.join("\n")),
            Shell::PowerShell => format!("& {{\n$ErrorActionPreference = 'Stop'\n{}\n}}", body.join("\n")),
        }
    }

    fn quote(&self, value: &str) -> String {
        match self.shell() {
            // Values are validated free of NUL; an impossible NUL becomes an empty argument.
            Shell::Posix => quote::posix(value).unwrap_or_else(|| "''".to_string()),
            Shell::PowerShell => quote::powershell(value),
        }
    }

    fn download_steps(&self, p: &RunnerPackage) -> Vec<Step> {
        let (file, url) = (self.quote(&p.filename), self.quote(&p.download_url));
        let posix = self.shell() == Shell::Posix;
        let mut steps = vec![
            Step {
                title: "Create a folder",
                text: if posix { format!("mkdir -p {FOLDER} && cd {FOLDER}") } else { format!("mkdir {FOLDER} -Force; cd {FOLDER}") },
            },
            Step {
                title: "Download the runner",
                text: if posix { format!("curl -fL -o {file} {url}") } else { format!("Invoke-WebRequest -Uri {url} -OutFile {file}") },
            },
        ];
        if let Some(sha) = &p.sha256 {
            steps.push(Step {
                title: "Verify the checksum",
                text: if posix {
                    format!("echo {} | shasum -a 256 -c", self.quote(&format!("{sha}  {}", p.filename)))
                } else {
                    format!(
                        "if ((Get-FileHash -Path {file} -Algorithm SHA256).Hash.ToUpper() -ne '{}') {{ throw 'Checksum mismatch: the download is not the file GitHub published.' }}",
                        sha.to_ascii_uppercase()
                    )
                },
            });
        }
        steps.push(Step {
            title: "Extract it",
            text: if posix { format!("tar xzf ./{file}") } else { format!("Expand-Archive -Path {file} -DestinationPath . -Force") },
        });
        steps
    }

    fn start_step(&self) -> Option<Step> {
        match (self.platform.os, self.options.service) {
            // config.cmd --runasservice installs and starts the service itself.
            (Os::Windows, true) => None,
            (Os::Windows, false) => Some(Step { title: "Start the runner", text: ".\\run.cmd".into() }),
            (_, true) => Some(Step { title: "Install and start the service", text: "sudo ./svc.sh install\nsudo ./svc.sh start".into() }),
            (_, false) => Some(Step { title: "Start the runner", text: "./run.sh".into() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::{ApiBase, Organization, Secret};
    use crate::runner::options::OptionsInput;
    use crate::runner::platform::Arch;
    use crate::runner::quote::tests::run_in_sh;
    use proptest::prelude::*;

    const SHA: &str = "4b5a4a8a0e3f1b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4";

    fn script(os: Os, arch: Arch, options: RunnerOptions) -> SetupScript {
        let filename = format!("actions-runner-{}-{}-2.336.0.{}", os.api_name(), arch.api_name(), if os == Os::Windows { "zip" } else { "tar.gz" });
        SetupScript {
            platform: RunnerPlatform::new(os, arch).unwrap(),
            package: Some(RunnerPackage {
                os: os.api_name().into(),
                architecture: arch.api_name().into(),
                download_url: format!("https://github.com/actions/runner/releases/download/v2.336.0/{filename}"),
                filename,
                sha256: Some(SHA.into()),
            }),
            command: ConfigCommand {
                web_base: ApiBase::parse("https://api.github.com").unwrap().web_base().unwrap(),
                org: Organization::parse("octo-org").unwrap(),
                token: Secret::new("AABBCC"),
            },
            options,
        }
    }

    #[test]
    fn linux_script_is_githubs_steps_with_a_checksum_that_stops_it() {
        let s = script(Os::Linux, Arch::X64, RunnerOptions::default());
        let titles: Vec<_> = s.steps(true).iter().map(|s| s.title).collect();
        assert_eq!(titles, ["Create a folder", "Download the runner", "Verify the checksum", "Extract it", "Configure the runner", "Start the runner"]);
        let text = s.full_text(true);
        assert!(text.starts_with("(\nset -e\nmkdir -p actions-runner && cd actions-runner\n"), "{text}");
        assert!(text.contains("curl -fL -o actions-runner-linux-x64-2.336.0.tar.gz https://github.com/actions/runner/releases/download/v2.336.0/actions-runner-linux-x64-2.336.0.tar.gz"));
        assert!(text.contains(&format!("echo '{SHA}  actions-runner-linux-x64-2.336.0.tar.gz' | shasum -a 256 -c")));
        assert!(text.contains("tar xzf ./actions-runner-linux-x64-2.336.0.tar.gz"));
        assert!(text.ends_with("./config.sh --url https://github.com/octo-org --token AABBCC\n./run.sh\n)"));
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
        let service = RunnerOptions { service: true, ..RunnerOptions::default() };
        let linux = script(Os::Linux, Arch::Arm, service.clone()).steps(true);
        assert_eq!(linux.last().unwrap().text, "sudo ./svc.sh install\nsudo ./svc.sh start");
        let windows = script(Os::Windows, Arch::X64, service);
        assert!(windows.configure(true).ends_with(" --runasservice"));
        assert_eq!(windows.steps(true).last().unwrap().title, "Configure the runner");
    }

    #[test]
    fn without_a_package_the_script_starts_at_configure() {
        let s = SetupScript { package: None, ..script(Os::MacOs, Arch::Arm64, RunnerOptions::default()) };
        let titles: Vec<_> = s.steps(true).iter().map(|s| s.title).collect();
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
        let text = s.full_text(true).replace("./config.sh", "echo CONFIGURED").replace("./run.sh", "echo RAN");
        let out = std::process::Command::new("sh").current_dir(&dir).arg("-c").arg(format!("{stubs}{text}\necho AFTER $?")).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        std::fs::remove_dir_all(&dir).ok();
        assert!(!stdout.contains("EXTRACTED") && !stdout.contains("CONFIGURED"), "{stdout}");
        assert!(stdout.contains("AFTER 1"), "the pasting shell survives and sees the failure: {stdout}");
    }

    /// Characters that mean something to a shell, plus arbitrary printable text. Control
    /// characters are refused by validation (tested in options.rs), so they are left out here to
    /// keep every case running through sh; `quote::posix` itself is tested with newlines.
    fn hostile(comma: bool) -> impl Strategy<Value = String> {
        let mut specials = vec![
            '\'', '"', '$', '`', '\\', ';', '&', '|', '<', '>', '(', ')', '{', '}', '*', '?', '[', ']', '~', '#', '!', ' ', '-', '=', '%', '^',
            'é', '\u{2019}', '\u{1F600}',
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
            let options = input.validate(Shell::Posix).expect("printable values without commas in labels are valid");
            let mut s = script(Os::Linux, Arch::X64, options.clone());
            s.command.token = Secret::new(&token);
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
