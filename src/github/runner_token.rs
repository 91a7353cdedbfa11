//! The answer to `POST {scope}/actions/runners/registration-token` (and `remove-token`, which
//! has the same shape), read leniently where GitHub's schema is optional and strictly where the
//! page depends on it (token, expiry).

use super::body::{self, BodyProblem, Entries, LenientList, Scalar};
use super::secret::Secret;
use crate::expiry::Expiry;
use serde::Deserialize;

/// A registration (or remove) token as minted: one hour to run `config.sh` with it.
#[derive(Clone, Debug, PartialEq)]
pub struct RunnerToken {
    pub token: Secret,
    pub expires_at: Expiry,
    /// What the response said about repository access; all optional in GitHub's schema.
    pub scope: RepositoryScope,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RepositoryScope {
    /// `"all"` or `"selected"`, or whatever a server sends, shown as is.
    pub selection: Option<String>,
    /// `None` when the field was absent, `Some(vec![])` when it was an empty list.
    pub repositories: Option<Vec<Repository>>,
    /// Permission name and level, in the response's order.
    pub permissions: Vec<(String, String)>,
    pub single_file: Option<String>,
}

impl RepositoryScope {
    pub fn is_empty(&self) -> bool {
        self.selection.is_none()
            && self.repositories.is_none()
            && self.permissions.is_empty()
            && self.single_file.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repository {
    pub full_name: String,
    /// Only an `https://` or `http://` address is kept, so no other scheme ever becomes a link.
    pub html_url: Option<String>,
    pub private: bool,
}

/// The body as GitHub sends it (`authentication-token` in GitHub's schema).
#[derive(Deserialize)]
struct TokenBody {
    #[serde(default)]
    token: Scalar,
    #[serde(default)]
    expires_at: Scalar,
    #[serde(default)]
    permissions: Entries,
    #[serde(default)]
    repositories: LenientList<RepositoryBody>,
    #[serde(default)]
    single_file: Scalar,
    #[serde(default)]
    repository_selection: Scalar,
}

#[derive(Deserialize)]
struct RepositoryBody {
    #[serde(default)]
    full_name: Scalar,
    #[serde(default)]
    html_url: Scalar,
    #[serde(default)]
    private: Scalar,
}

/// Longest `expires_at` echoed back in an error message: a hostile server cannot flood the page.
const MAX_ECHO: usize = 60;

pub fn parse_runner_token(text: &str) -> Result<RunnerToken, BodyProblem> {
    let b: TokenBody = body::parse_object(text)?;
    let token = match b.token {
        Scalar::Null => return Err(BodyProblem::MissingToken),
        Scalar::Text(t) if t.trim().is_empty() => return Err(BodyProblem::EmptyToken),
        Scalar::Text(t) => Secret::new(t),
        _ => return Err(BodyProblem::TokenNotText),
    };
    let expires_at = match b.expires_at.text() {
        Some(s) => Expiry::parse_rfc3339(s).map_err(|_| BodyProblem::BadExpiry(s.chars().take(MAX_ECHO).collect()))?,
        None => return Err(BodyProblem::MissingExpiry),
    };
    let repositories = b
        .repositories
        .0
        .map(|list| list.into_iter().filter_map(repository).collect());
    let scope = RepositoryScope {
        selection: b.repository_selection.into_text(),
        repositories,
        permissions: b.permissions.0.unwrap_or_default(),
        single_file: b.single_file.into_text(),
    };
    Ok(RunnerToken {
        token,
        expires_at,
        scope,
    })
}

fn repository(r: RepositoryBody) -> Option<Repository> {
    let full_name = r.full_name.into_text()?;
    let html_url = r
        .html_url
        .into_text()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    Some(Repository {
        full_name,
        html_url,
        private: r.private.bool().unwrap_or(false),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::body::MAX_BODY;
    use proptest::prelude::*;
    use serde_json::{Map, Value};

    #[test]
    fn parses_the_documented_answer() {
        let t = parse_runner_token(
            r#"{"token":"LLBF3JGZDX3P5PMEXLND6TS6FCWO6","expires_at":"2020-01-22T12:13:35.123-08:00"}"#,
        )
        .unwrap();
        assert_eq!(t.token.expose(), "LLBF3JGZDX3P5PMEXLND6TS6FCWO6");
        assert_eq!(t.expires_at.utc_iso(), "2020-01-22T20:13:35Z");
        assert!(t.scope.is_empty());
    }

    #[test]
    fn keeps_every_optional_scope_field() {
        let body = r#"{"token":"T","expires_at":"2020-01-22T12:13:35Z","repository_selection":"selected",
            "permissions":{"administration":"write","metadata":"read","odd":3},"single_file":"config.yml",
            "repositories":[{"full_name":"octo-org/a","html_url":"https://github.com/octo-org/a","private":true},
                            {"full_name":"octo-org/b","html_url":"javascript:alert(1)"},{"name":"no-full-name"}]}"#;
        let scope = parse_runner_token(body).unwrap().scope;
        assert_eq!(scope.selection.as_deref(), Some("selected"));
        assert_eq!(scope.single_file.as_deref(), Some("config.yml"));
        assert_eq!(
            scope.permissions,
            vec![
                ("administration".into(), "write".into()),
                ("metadata".into(), "read".into()),
                ("odd".into(), "3".into()),
            ]
        );
        let repos = scope.repositories.unwrap();
        assert_eq!(repos.len(), 2);
        assert_eq!(
            repos[0],
            Repository {
                full_name: "octo-org/a".into(),
                html_url: Some("https://github.com/octo-org/a".into()),
                private: true
            }
        );
        assert_eq!(repos[1].html_url, None, "a javascript: URL must never become a link");
    }

    #[test]
    fn names_what_is_wrong_with_a_bad_body() {
        use BodyProblem::*;
        let cases: &[(&str, BodyProblem)] = &[
            ("", Empty),
            ("  \n", Empty),
            ("<html><body>Sign in</body></html>", NotJson),
            (r#"{"token":"T","expires_at":"2020-01-22T12:13:35Z""#, NotJson),
            ("[1,2]", NotAnObject),
            ("{}", MissingToken),
            (r#"{"token":null,"expires_at":"2020-01-22T12:13:35Z"}"#, MissingToken),
            (r#"{"token":42,"expires_at":"2020-01-22T12:13:35Z"}"#, TokenNotText),
            (r#"{"token":"  ","expires_at":"2020-01-22T12:13:35Z"}"#, EmptyToken),
            (r#"{"token":"T","expires_at":1579724015}"#, MissingExpiry),
            (r#"{"token":"T","expires_at":"tomorrow"}"#, BadExpiry("tomorrow".into())),
            (
                &format!(r#"{{"token":"T","pad":"{}"}}"#, "x".repeat(MAX_BODY)),
                TooLarge(MAX_BODY + 22),
            ),
        ];
        for (body, want) in cases {
            assert_eq!(
                parse_runner_token(body).map(|_| ()).as_ref(),
                Err(want),
                "body {body:?}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn no_text_makes_the_parser_panic(s in "\\PC{0,200}") {
            let _ = parse_runner_token(&s);
        }

        #[test]
        fn no_json_value_makes_the_parser_panic(v in arb_json()) {
            let _ = parse_runner_token(&v.to_string());
            let mut obj = Map::new();
            obj.insert("token".into(), Value::String("T".into()));
            obj.insert("expires_at".into(), Value::String("2020-01-22T12:13:35Z".into()));
            for key in ["permissions", "repositories", "repository_selection", "single_file"] {
                obj.insert(key.into(), v.clone());
            }
            prop_assert!(parse_runner_token(&Value::Object(obj).to_string()).is_ok());
        }
    }

    fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            "\\PC{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
