//! `DeepLink`: what a shared link may preset (`?org=NAME&api=URL`), and what it must never
//! carry: a secret. Any secret-looking parameter is dropped unread and reported.

/// Parameter names that carry credentials.
const SECRET_NAMES: [&str; 9] =
    ["token", "access_token", "pat", "auth", "authorization", "password", "secret", "bearer", "key"];

/// Value prefixes of GitHub credentials.
const SECRET_PREFIXES: [&str; 7] = ["ghp_", "github_pat_", "gho_", "ghu_", "ghs_", "ghr_", "Bearer "];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeepLink {
    pub org: Option<String>,
    pub api: Option<String>,
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
            match name.as_str() {
                "org" if link.org.is_none() => link.org = Some(value.clone()),
                "api" if link.api.is_none() => link.api = Some(value.clone()),
                _ => {}
            }
            kept.push(format!("{}={}", encode(name), encode(value)));
        }
        if !kept.is_empty() {
            link.clean_query = format!("?{}", kept.join("&"));
        }
        link
    }
}

fn is_secret(name: &str, value: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SECRET_NAMES.iter().any(|s| lower == *s || lower.ends_with(&format!("_{s}")))
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
        assert_eq!(l.org.as_deref(), Some("octo-org"));
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
        assert_eq!(l.org.as_deref(), Some("octo-org"));
    }

    #[test]
    fn a_token_in_the_org_parameter_is_not_used_as_the_org() {
        let l = link(&[("org", "github_pat_11ABC")]);
        assert_eq!(l.org, None);
        assert_eq!(l.removed, ["org"]);
        assert_eq!(l.clean_query, "");
    }
}
