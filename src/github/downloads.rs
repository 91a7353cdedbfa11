//! The answer to `GET {scope}/actions/runners/downloads`: the runner packages the scope may use
//! (file name, URL and checksum). Whatever a server sends is checked before it can reach a shell
//! script.

use super::body::{self, BodyProblem, LenientList, Scalar};
use super::secret::Secret;
use serde::Deserialize;

/// One runner package from the downloads answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunnerPackage {
    /// GitHub's `os` (`linux`, `osx`, `win`) and `architecture` (`x64`, `arm64`, `arm`).
    pub os: String,
    pub architecture: String,
    /// A plain file name: letters, digits, `.`, `-` and `_`, not starting with `-` or `.`.
    pub filename: String,
    /// An `https://` URL (`http://` only on loopback, for the mock and local testing).
    pub download_url: String,
    /// 64 lower-case hex digits, when the answer had a well-formed checksum.
    pub sha256: Option<String>,
    /// A short-lived bearer token to send with the download (servers that serve the package
    /// themselves); a secret like any other.
    pub download_token: Option<Secret>,
}

impl RunnerPackage {
    /// The runner version in the file name (`actions-runner-linux-x64-2.336.0.tar.gz` → `2.336.0`).
    pub fn version(&self) -> Option<&str> {
        let stem = self
            .filename
            .strip_suffix(".tar.gz")
            .or_else(|| self.filename.strip_suffix(".zip"))?;
        let version = stem.rsplit('-').next()?;
        (!version.is_empty() && version.bytes().all(|b| b.is_ascii_digit() || b == b'.')).then_some(version)
    }
}

#[derive(Deserialize)]
struct PackageBody {
    #[serde(default)]
    os: Scalar,
    #[serde(default)]
    architecture: Scalar,
    #[serde(default)]
    download_url: Scalar,
    #[serde(default)]
    filename: Scalar,
    #[serde(default)]
    sha256_checksum: Scalar,
    #[serde(default)]
    temp_download_token: Scalar,
}

/// Every usable package in the downloads answer; entries that fail the checks below are left
/// out (the page then says the platform has no usable package).
pub fn parse_downloads(text: &str) -> Result<Vec<RunnerPackage>, BodyProblem> {
    let list: LenientList<PackageBody> = body::parse(text, BodyProblem::NotAList)?;
    let items = list.0.ok_or(BodyProblem::NotAList)?;
    Ok(items.into_iter().filter_map(package).collect())
}

fn package(v: PackageBody) -> Option<RunnerPackage> {
    let (os, architecture) = (v.os.into_text()?, v.architecture.into_text()?);
    let (filename, url) = (v.filename.into_text()?, v.download_url.into_text()?);
    let plain_name = !filename.is_empty()
        && filename.len() <= 200
        && !filename.starts_with(['-', '.'])
        && filename
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    let web_url = url.len() <= 2048
        && (url.starts_with("https://") || super::api_base::is_loopback_http(&url))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if !plain_name || !web_url {
        return None;
    }
    let sha256 = v
        .sha256_checksum
        .text()
        .filter(|s| s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_ascii_lowercase);
    // Goes into a header in a script: only what a bearer token can hold.
    let download_token = v
        .temp_download_token
        .into_text()
        .filter(|t| {
            !t.is_empty() && t.len() <= 4096 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-~+/=".contains(&b))
        })
        .map(Secret::new);
    Some(RunnerPackage {
        os,
        architecture,
        filename,
        download_url: url,
        sha256,
        download_token,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runner::platform::{Arch, Os, RunnerPlatform};
    use proptest::prelude::*;

    fn pick(body: &str, platform: RunnerPlatform) -> Option<RunnerPackage> {
        platform.package(&parse_downloads(body).ok()?).cloned()
    }

    const SHA: &str = "4B5A4A8A0E3F1B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4";

    fn downloads() -> String {
        let item = |os: &str, arch: &str, ext: &str| {
            format!(
                r#"{{"os":"{os}","architecture":"{arch}","download_url":"https://github.com/actions/runner/releases/download/v2.336.0/actions-runner-{os}-{arch}-2.336.0.{ext}","filename":"actions-runner-{os}-{arch}-2.336.0.{ext}","sha256_checksum":"{SHA}"}}"#
            )
        };
        format!(
            "[{},{},{}]",
            item("osx", "x64", "tar.gz"),
            item("linux", "arm", "tar.gz"),
            item("win", "arm64", "zip")
        )
    }

    #[test]
    fn picks_the_package_of_the_platform() {
        let p = pick(
            &downloads(),
            RunnerPlatform {
                os: Os::Linux,
                arch: Arch::Arm,
            },
        )
        .unwrap();
        assert_eq!(p.filename, "actions-runner-linux-arm-2.336.0.tar.gz");
        assert!(p
            .download_url
            .ends_with("/v2.336.0/actions-runner-linux-arm-2.336.0.tar.gz"));
        assert_eq!(p.sha256.as_deref(), Some(SHA.to_ascii_lowercase().as_str()));
        let w = pick(
            &downloads(),
            RunnerPlatform {
                os: Os::Windows,
                arch: Arch::Arm64,
            },
        )
        .unwrap();
        assert_eq!(w.filename, "actions-runner-win-arm64-2.336.0.zip");
        assert_eq!(
            pick(
                &downloads(),
                RunnerPlatform {
                    os: Os::Linux,
                    arch: Arch::X64
                }
            ),
            None
        );
    }

    #[test]
    fn refuses_names_and_urls_that_could_hurt_a_script() {
        let platform = RunnerPlatform {
            os: Os::Linux,
            arch: Arch::X64,
        };
        let with = |filename: &str, url: &str, sha: &str| {
            format!(
                r#"[{{"os":"linux","architecture":"x64","download_url":"{url}","filename":"{filename}","sha256_checksum":"{sha}"}}]"#
            )
        };
        let ok_url = "https://example.com/r.tar.gz";
        for bad in ["../etc/passwd", "-rf", "a b.tar.gz", "$(id).tar.gz", ".hidden", ""] {
            assert_eq!(pick(&with(bad, ok_url, SHA), platform), None, "{bad}");
        }
        for bad in [
            "javascript:alert(1)",
            "http://example.com/r.tar.gz",
            "https://e.com/a b",
            "ftp://e.com/r",
        ] {
            assert_eq!(pick(&with("r.tar.gz", bad, SHA), platform), None, "{bad}");
        }
        let loopback = pick(&with("r.tar.gz", "http://127.0.0.1:9/r.tar.gz", SHA), platform).unwrap();
        assert_eq!(loopback.download_url, "http://127.0.0.1:9/r.tar.gz");
        let no_sum = pick(&with("r.tar.gz", ok_url, "not-a-sum'; rm -rf ~"), platform).unwrap();
        assert_eq!(
            no_sum.sha256, None,
            "a malformed checksum is dropped, never quoted into the script"
        );
        assert_eq!(parse_downloads("{}"), Err(BodyProblem::NotAList));
    }

    proptest! {
        #[test]
        fn no_text_makes_these_parsers_panic(s in "\\PC{0,200}") {
            let _ = parse_downloads(&s);
        }
    }
}
