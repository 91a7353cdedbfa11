//! `DeepLink`: what a shared link may preset (`?org=NAME&api=URL`, the runner platform and the
//! non-secret runner options), and what it must never carry: a secret. Any secret-looking
//! parameter is dropped unread and reported.

use crate::form::Action;
use crate::github::{PerScope, ScopeKind};
use crate::runner::options::{InputValue, RunnerOption, OPTIONS};
use crate::runner::{Arch, OptionsInput, Os, RunnerPlatform};

/// Parameter names that carry credentials.
const SECRET_NAMES: [&str; 9] = [
    "token",
    "access_token",
    "pat",
    "auth",
    "authorization",
    "password",
    "secret",
    "bearer",
    "key",
];

/// Value prefixes of GitHub credentials.
const SECRET_PREFIXES: [&str; 7] = ["ghp_", "github_pat_", "gho_", "ghu_", "ghs_", "ghr_", "Bearer "];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeepLink {
    /// `?repo=OWNER/NAME`, `?org=NAME` or `?enterprise=SLUG`: the first of them picks the scope.
    pub scope: Option<ScopeKind>,
    /// Each scope's name, when the link names it.
    pub names: PerScope<Option<String>>,
    /// `mode=add|jit|remove`.
    pub action: Option<Action>,
    pub api: Option<String>,
    /// `os` and `arch` (`arch` alone keeps the visitor's OS); `None` unless the link names one.
    pub os: Option<Os>,
    pub arch: Option<Arch>,
    /// Runner options, by the link keys of [`OPTIONS`]: `name`, `labels` (comma-separated),
    /// `group`, `work`, and the switches (`1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off`).
    pub options: OptionsInput,
    /// Names of parameters removed because they looked secret, in order, without duplicates.
    pub removed: Vec<String>,
    /// The query to put back in the address bar (`?a=b&c=d`, or empty), secrets gone.
    pub clean_query: String,
}

impl DeepLink {
    /// `pairs` are decoded query parameters in order; `encode` re-encodes one component.
    pub fn from_pairs(pairs: &[(String, String)], encode: impl Fn(&str) -> String) -> Self {
        let mut link = Self::default();
        let mut kept = Vec::new();
        for (name, value) in pairs {
            if is_secret(name, value) {
                if !link.removed.contains(name) {
                    link.removed.push(name.clone());
                }
                continue;
            }
            let kind = ScopeKind::from_key(name);
            match name.as_str() {
                _ if kind.is_some() => {
                    let slot = kind.map(|k| link.names.get_mut(k));
                    if let Some(slot @ None) = slot {
                        *slot = Some(value.clone());
                    }
                }
                "mode" => link.action = Action::from_key(value),
                "api" if link.api.is_none() => link.api = Some(value.clone()),
                "os" => link.os = Os::from_key(value),
                "arch" => link.arch = Arch::from_key(value),
                _ => {
                    if let Some(spec) = OPTIONS.iter().find(|s| s.link_key == name) {
                        set_option(&mut link.options, spec.option, value);
                    }
                }
            }
            if link.scope.is_none() {
                link.scope = kind;
            }
            kept.push(format!("{}={}", encode(name), encode(value)));
        }
        if !kept.is_empty() {
            link.clean_query = format!("?{}", kept.join("&"));
        }
        link
    }
}

/// One option from its link text: labels are comma-separated there, one per line in the form.
fn set_option(options: &mut OptionsInput, option: RunnerOption, value: &str) {
    match options.value(option) {
        InputValue::Text(_) if option == RunnerOption::Labels => {
            options.set_text(option, value.split(',').map(str::trim).collect::<Vec<_>>().join("\n"));
        }
        InputValue::Text(_) => options.set_text(option, value.to_string()),
        InputValue::Switch(_) => options.set_switch(option, switch(value)),
    }
}

impl DeepLink {
    /// The platform the link asks for, on top of `detected` (an `arch` the OS lacks is ignored).
    pub fn platform(&self, detected: RunnerPlatform) -> RunnerPlatform {
        let os = self.os.unwrap_or(detected.os);
        let base = detected.with_os(os);
        self.arch.and_then(|a| RunnerPlatform::new(os, a)).unwrap_or(base)
    }
}

/// The query of a link that presets the scope (`repo`, `org` or `enterprise` = `name`), the
/// action, `api` (when not github.com's) and every non-empty runner option, never a token.
/// `encode` encodes one component.
pub fn share_query(
    scope: (ScopeKind, &str),
    action: Action,
    api: Option<&str>,
    platform: RunnerPlatform,
    o: &OptionsInput,
    encode: impl Fn(&str) -> String,
) -> String {
    let mode = (action != Action::Add).then(|| action.key());
    let fixed = [
        (scope.0.key(), Some(scope.1.trim().to_string())),
        ("mode", mode.map(String::from)),
        ("api", api.map(String::from)),
        ("os", Some(platform.os.key().to_string())),
        ("arch", Some(platform.arch.api_name().to_string())),
    ];
    let options = OPTIONS.iter().map(|spec| (spec.link_key, link_value(o, spec.option)));
    let kept: Vec<String> = fixed
        .into_iter()
        .chain(options)
        .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| format!("{k}={}", encode(&v))))
        .collect();
    format!("?{}", kept.join("&"))
}

/// An option as a link carries it: text trimmed (labels comma-separated), a switch `1` when on,
/// and Unattended, whose default follows the name, `1` or `0` once set.
fn link_value(o: &OptionsInput, option: RunnerOption) -> Option<String> {
    match o.value(option) {
        InputValue::Text(t) if option == RunnerOption::Labels => Some(
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(","),
        ),
        InputValue::Text(t) => Some(t.trim().to_string()),
        InputValue::Switch(Some(on)) if option == RunnerOption::Unattended => Some(if on { "1" } else { "0" }.into()),
        InputValue::Switch(on) => on.unwrap_or(false).then(|| "1".to_string()),
    }
}

fn switch(value: &str) -> bool {
    matches!(value.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on")
}

fn is_secret(name: &str, value: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SECRET_NAMES
        .iter()
        .any(|s| lower == *s || lower.ends_with(&format!("_{s}")))
        || SECRET_PREFIXES.iter().any(|p| value.trim_start().starts_with(p))
        || looks_like_legacy_token(value.trim())
}

/// A 40-hex-digit value: the old, prefix-less token format.
fn looks_like_legacy_token(v: &str) -> bool {
    v.len() == 40 && v.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(pairs: &[(&str, &str)]) -> DeepLink {
        let pairs: Vec<_> = pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        DeepLink::from_pairs(&pairs, |s| s.replace(' ', "%20"))
    }

    #[test]
    fn presets_org_and_api() {
        let l = link(&[("org", "octo-org"), ("api", "https://ghes.example.com/api/v3")]);
        assert_eq!(l.names.organization.as_deref(), Some("octo-org"));
        assert_eq!(l.api.as_deref(), Some("https://ghes.example.com/api/v3"));
        assert!(l.removed.is_empty());
        assert_eq!(l.clean_query, "?org=octo-org&api=https://ghes.example.com/api/v3");
    }

    #[test]
    fn drops_secrets_by_name_or_by_look_and_keeps_the_rest() {
        let l = link(&[
            ("org", "octo-org"),
            ("token", "anything"),
            ("Access_Token", "x"),
            ("note", "ghp_abcdef"),
            ("x", "0123456789abcdef0123456789abcdef01234567"),
            ("token", "again"),
            ("tab", "two words"),
        ]);
        assert_eq!(l.removed, ["token", "Access_Token", "note", "x"]);
        assert_eq!(l.clean_query, "?org=octo-org&tab=two%20words");
        assert_eq!(l.names.organization.as_deref(), Some("octo-org"));
    }

    #[test]
    fn a_token_in_the_org_parameter_is_not_used_as_the_org() {
        let l = link(&[("org", "github_pat_11ABC")]);
        assert_eq!(l.names.organization, None);
        assert_eq!(l.removed, ["org"]);
        assert_eq!(l.clean_query, "");
    }

    #[test]
    fn presets_the_platform_and_runner_options() {
        let l = link(&[
            ("os", "windows"),
            ("arch", "arm64"),
            ("name", "build-"),
            ("labels", "gpu, linux-large"),
            ("group", "Release runners"),
            ("work", "_w"),
            ("ephemeral", "1"),
            ("unattended", "no"),
            ("service", "true"),
        ]);
        assert_eq!(
            l.platform(RunnerPlatform::default()),
            RunnerPlatform {
                os: Os::Windows,
                arch: Arch::Arm64
            }
        );
        assert_eq!(l.options.name, "build-");
        assert_eq!(l.options.labels, "gpu\nlinux-large");
        assert_eq!(l.options.group, "Release runners");
        assert!(l.options.ephemeral && l.options.service && !l.options.replace);
        assert_eq!(l.options.unattended, Some(false));
        // An architecture the OS lacks falls back to what that OS has.
        assert_eq!(
            link(&[("os", "macos"), ("arch", "arm")])
                .platform(RunnerPlatform::default())
                .arch,
            Arch::X64
        );
        assert_eq!(
            link(&[]).platform(RunnerPlatform {
                os: Os::MacOs,
                arch: Arch::Arm64
            }),
            RunnerPlatform {
                os: Os::MacOs,
                arch: Arch::Arm64
            }
        );
    }

    #[test]
    fn every_scope_and_mode_has_its_link() {
        let l = link(&[("repo", "octo-org/app"), ("mode", "jit")]);
        assert_eq!(
            (l.scope, l.names.repository.as_deref(), l.action),
            (
                Some(ScopeKind::Repository),
                Some("octo-org/app"),
                Some(Action::JustInTime)
            )
        );
        let l = link(&[("enterprise", "acme"), ("mode", "remove"), ("org", "octo-org")]);
        assert_eq!(
            (
                l.scope,
                l.names.enterprise.as_deref(),
                l.names.organization.as_deref(),
                l.action
            ),
            (
                Some(ScopeKind::Enterprise),
                Some("acme"),
                Some("octo-org"),
                Some(Action::Remove)
            )
        );
        assert_eq!(link(&[("mode", "nonsense")]).action, None);
        let q = share_query(
            (ScopeKind::Enterprise, "acme"),
            Action::Remove,
            Some("https://ghes.example.com/api/v3"),
            RunnerPlatform::default(),
            &OptionsInput::default(),
            |s| s.to_string(),
        );
        assert_eq!(
            q,
            "?enterprise=acme&mode=remove&api=https://ghes.example.com/api/v3&os=linux&arch=x64"
        );
    }

    #[test]
    fn a_shared_link_round_trips_and_never_holds_a_token() {
        let o = OptionsInput {
            name: "build 01".into(),
            labels: "gpu\n\nbig".into(),
            replace: true,
            unattended: Some(false),
            ..OptionsInput::default()
        };
        let platform = RunnerPlatform {
            os: Os::Linux,
            arch: Arch::Arm,
        };
        let q = share_query(
            (ScopeKind::Organization, "octo-org"),
            Action::Add,
            None,
            platform,
            &o,
            |s| s.replace(' ', "%20"),
        );
        assert_eq!(
            q,
            "?org=octo-org&os=linux&arch=arm&name=build%2001&labels=gpu,big&replace=1&unattended=0"
        );
        let pairs: Vec<(String, String)> = q[1..]
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_string(), v.replace("%20", " "))
            })
            .collect();
        let back = DeepLink::from_pairs(&pairs, |s| s.to_string());
        assert_eq!(back.platform(RunnerPlatform::default()), platform);
        assert_eq!(
            back.options,
            OptionsInput {
                labels: "gpu\nbig".into(),
                ..o
            }
        );
        assert!(back.removed.is_empty());
    }
}
