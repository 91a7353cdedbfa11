//! `RunnerPlatform`: the seven runner packages GitHub ships (OS × architecture), and the
//! visitor's own platform as the default choice.

use crate::github::RunnerPackage;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Os {
    Linux,
    MacOs,
    Windows,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arch {
    X64,
    Arm64,
    Arm,
}

/// The shell a platform's script is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptShell {
    Posix,
    PowerShell,
}

impl Os {
    pub const ALL: [Os; 3] = [Os::Linux, Os::MacOs, Os::Windows];

    /// The `os` value of GitHub's downloads answer.
    pub fn api_name(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::MacOs => "osx",
            Os::Windows => "win",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Os::Linux => "Linux",
            Os::MacOs => "macOS",
            Os::Windows => "Windows",
        }
    }

    /// The value used in form controls and links.
    pub fn key(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::MacOs => "macos",
            Os::Windows => "windows",
        }
    }

    pub fn from_key(key: &str) -> Option<Os> {
        Os::ALL.into_iter().find(|o| o.key().eq_ignore_ascii_case(key))
    }

    /// The architectures GitHub ships for this OS (32-bit ARM only for Linux).
    pub fn arches(self) -> &'static [Arch] {
        match self {
            Os::Linux => &[Arch::X64, Arch::Arm64, Arch::Arm],
            Os::MacOs | Os::Windows => &[Arch::X64, Arch::Arm64],
        }
    }

    pub fn shell(self) -> ScriptShell {
        if self == Os::Windows {
            ScriptShell::PowerShell
        } else {
            ScriptShell::Posix
        }
    }
}

impl Arch {
    /// The `architecture` value of GitHub's downloads answer, also used in links.
    pub fn api_name(self) -> &'static str {
        match self {
            Arch::X64 => "x64",
            Arch::Arm64 => "arm64",
            Arch::Arm => "arm",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Arch::X64 => "x64",
            Arch::Arm64 => "ARM64",
            Arch::Arm => "ARM (32-bit)",
        }
    }

    pub fn from_key(key: &str) -> Option<Arch> {
        [Arch::X64, Arch::Arm64, Arch::Arm]
            .into_iter()
            .find(|a| a.api_name().eq_ignore_ascii_case(key))
    }

    /// The architecture from User-Agent Client Hints (`getHighEntropyValues(["architecture",
    /// "bitness"])`): `arm`/`64` is ARM64, `arm`/`32` ARM, `x86`/`64` x64. `None` for anything
    /// else (32-bit x86 has no runner package).
    pub fn from_client_hints(architecture: &str, bitness: &str) -> Option<Arch> {
        match (architecture.trim().to_ascii_lowercase().as_str(), bitness.trim()) {
            ("arm", "64") => Some(Arch::Arm64),
            ("arm", "32") => Some(Arch::Arm),
            ("x86", "64") => Some(Arch::X64),
            _ => None,
        }
    }
}

/// One of the seven packages: an OS and an architecture GitHub ships for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunnerPlatform {
    pub os: Os,
    pub arch: Arch,
}

impl Default for RunnerPlatform {
    fn default() -> Self {
        Self {
            os: Os::Linux,
            arch: Arch::X64,
        }
    }
}

impl RunnerPlatform {
    /// `None` for a pair GitHub does not ship (ARM on macOS or Windows).
    pub fn new(os: Os, arch: Arch) -> Option<Self> {
        os.arches().contains(&arch).then_some(Self { os, arch })
    }

    /// `os`, keeping the architecture when that OS has it, else x64.
    pub fn with_os(self, os: Os) -> Self {
        Self::new(os, self.arch).unwrap_or(Self { os, arch: Arch::X64 })
    }

    /// The labels `config.sh` gives a runner by default: `self-hosted`, the OS and the architecture.
    pub fn default_labels(self) -> [&'static str; 3] {
        let os = match self.os {
            Os::Linux => "Linux",
            Os::MacOs => "macOS",
            Os::Windows => "Windows",
        };
        let arch = match self.arch {
            Arch::X64 => "X64",
            Arch::Arm64 => "ARM64",
            Arch::Arm => "ARM",
        };
        ["self-hosted", os, arch]
    }

    /// A listed runner's platform, from its `os` and its architecture label (`X64`, `ARM64`,
    /// `ARM`); `None` when either cannot be told.
    pub fn of_runner(os: &str, labels: &[String]) -> Option<Self> {
        let os = os.to_ascii_lowercase();
        let os = if os.contains("linux") {
            Os::Linux
        } else if os.contains("mac") || os.contains("osx") || os.contains("darwin") {
            Os::MacOs
        } else if os.contains("win") {
            Os::Windows
        } else {
            return None;
        };
        let arch = labels.iter().find_map(|l| match l.to_ascii_uppercase().as_str() {
            "X64" => Some(Arch::X64),
            "ARM64" => Some(Arch::Arm64),
            "ARM" => Some(Arch::Arm),
            _ => None,
        })?;
        Self::new(os, arch)
    }

    /// This platform's package in GitHub's downloads answer.
    pub fn package(self, packages: &[RunnerPackage]) -> Option<&RunnerPackage> {
        packages
            .iter()
            .find(|p| p.os == self.os.api_name() && p.architecture == self.arch.api_name())
    }

    /// The visitor's platform from `navigator.userAgentData.platform` (when the browser has it)
    /// and the user-agent string; Linux x64 when neither says. A Mac is taken for Apple silicon:
    /// browsers freeze its user agent at "Intel Mac OS X", and Apple has sold only Apple silicon
    /// Macs since 2023 (client hints, where the browser has them, correct this later).
    pub fn detect(ua_platform: Option<&str>, user_agent: &str) -> Self {
        let ua = user_agent.to_ascii_lowercase();
        let hint = ua_platform.unwrap_or("").to_ascii_lowercase();
        let os = if hint.contains("win") || (hint.is_empty() && ua.contains("windows")) {
            Os::Windows
        } else if hint.contains("mac") || (hint.is_empty() && ua.contains("mac os x")) {
            Os::MacOs
        } else {
            Os::Linux
        };
        let arch = if ua.contains("aarch64") || ua.contains("arm64") || os == Os::MacOs {
            Arch::Arm64
        } else if ua.contains("armv7") || ua.contains("armv6") || ua.contains("armhf") {
            Arch::Arm
        } else {
            Arch::X64
        };
        Self::new(os, arch).unwrap_or(Self { os, arch: Arch::X64 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_the_seven_packages_github_ships_are_valid() {
        let all: Vec<_> = Os::ALL
            .into_iter()
            .flat_map(|os| {
                [Arch::X64, Arch::Arm64, Arch::Arm]
                    .into_iter()
                    .filter_map(move |a| RunnerPlatform::new(os, a))
            })
            .collect();
        assert_eq!(all.len(), 7);
        assert_eq!(RunnerPlatform::new(Os::MacOs, Arch::Arm), None);
        assert_eq!(RunnerPlatform::new(Os::Windows, Arch::Arm), None);
    }

    #[test]
    fn detects_the_visitors_platform() {
        let win = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130 Safari/537.36";
        assert_eq!(
            RunnerPlatform::detect(None, win),
            RunnerPlatform {
                os: Os::Windows,
                arch: Arch::X64
            }
        );
        assert_eq!(RunnerPlatform::detect(Some("Windows"), win).os, Os::Windows);
        let mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1.15";
        assert_eq!(
            RunnerPlatform::detect(None, mac),
            RunnerPlatform {
                os: Os::MacOs,
                arch: Arch::Arm64
            },
            "a frozen Mac user agent means Apple silicon"
        );
        assert_eq!(RunnerPlatform::detect(Some("macOS"), mac).os, Os::MacOs);
        let pi = "Mozilla/5.0 (X11; Linux aarch64) AppleWebKit/537.36 Chrome/130 Safari/537.36";
        assert_eq!(
            RunnerPlatform::detect(Some("Linux"), pi),
            RunnerPlatform {
                os: Os::Linux,
                arch: Arch::Arm64
            }
        );
        let pi32 = "Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/537.36 Chrome/130 Safari/537.36";
        assert_eq!(
            RunnerPlatform::detect(None, pi32),
            RunnerPlatform {
                os: Os::Linux,
                arch: Arch::Arm
            }
        );
        assert_eq!(RunnerPlatform::detect(None, ""), RunnerPlatform::default());
        // A phone is no runner host: Linux x64 rather than a guess.
        assert_eq!(
            RunnerPlatform::detect(Some("Android"), "Mozilla/5.0 (Linux; Android 14) Mobile").os,
            Os::Linux
        );
    }

    #[test]
    fn client_hints_name_the_architecture() {
        assert_eq!(Arch::from_client_hints("arm", "64"), Some(Arch::Arm64));
        assert_eq!(Arch::from_client_hints("ARM", "32"), Some(Arch::Arm));
        assert_eq!(Arch::from_client_hints("x86", "64"), Some(Arch::X64));
        assert_eq!(Arch::from_client_hints("x86", "32"), None);
        assert_eq!(Arch::from_client_hints("", ""), None);
    }

    #[test]
    fn keys_round_trip_and_changing_os_keeps_a_valid_arch() {
        for os in Os::ALL {
            assert_eq!(Os::from_key(os.key()), Some(os));
            for &arch in os.arches() {
                assert_eq!(Arch::from_key(arch.api_name()), Some(arch));
            }
        }
        let pi = RunnerPlatform {
            os: Os::Linux,
            arch: Arch::Arm,
        };
        assert_eq!(
            pi.with_os(Os::MacOs),
            RunnerPlatform {
                os: Os::MacOs,
                arch: Arch::X64
            }
        );
        let m1 = RunnerPlatform {
            os: Os::MacOs,
            arch: Arch::Arm64,
        };
        assert_eq!(
            m1.with_os(Os::Linux),
            RunnerPlatform {
                os: Os::Linux,
                arch: Arch::Arm64
            }
        );
    }
}
