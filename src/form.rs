//! The form as a model: raw field text in, a validated request (or one message per field) out.
//! Pure, so every rule is tested natively; the view only shows what this decides.

use crate::github::{AccessToken, ApiBase, PerScope, Scope, ScopeKind, Target, TokenKind, UrlError, WebBase};

/// What the page does with the scope: the radio group named Action.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Action {
    /// Mint a registration token for `config.sh`.
    #[default]
    Add,
    /// Register a single-use runner now and start it with `run.sh --jitconfig`.
    JustInTime,
    /// Mint a remove token for `config.sh remove`.
    Remove,
}

impl Action {
    pub const ALL: [Action; 3] = [Action::Add, Action::JustInTime, Action::Remove];

    pub fn label(self) -> &'static str {
        match self {
            Self::Add => "Add a runner",
            Self::JustInTime => "Add a just-in-time runner",
            Self::Remove => "Remove a runner",
        }
    }

    /// What the submit button says will happen.
    pub fn button(self) -> &'static str {
        match self {
            Self::Add => "Create registration token",
            Self::JustInTime => "Create just-in-time runner",
            Self::Remove => "Create remove token",
        }
    }

    /// The button while the request is in flight.
    pub fn pending(self) -> &'static str {
        match self {
            Self::Add => "Creating registration token\u{2026}",
            Self::JustInTime => "Creating just-in-time runner\u{2026}",
            Self::Remove => "Creating remove token\u{2026}",
        }
    }

    /// The `mode` link parameter.
    pub fn key(self) -> &'static str {
        match self {
            Self::Add => "add",
            Self::JustInTime => "jit",
            Self::Remove => "remove",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key().eq_ignore_ascii_case(key.trim()))
    }
}

/// What the user typed, as typed, but the access token (which lives in one place only,
/// `state::Credential`, and is lent to [`FormInput::validate`]). Each scope keeps its own text,
/// so switching back and forth loses nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormInput {
    pub kind: ScopeKind,
    pub scope: PerScope<String>,
    pub api: String,
    /// Only used when the web base cannot be derived from the API URL.
    pub server: String,
}

/// A request that may be sent: where it goes, the web base its `config.sh --url` will use, and
/// the kind of the token it will carry (the token itself stays where it is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidForm {
    pub target: Target,
    pub web_base: WebBase,
    pub token_kind: TokenKind,
}

/// One message per invalid field, in the order the fields appear.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors {
    /// The chosen scope's field (Repository, Organization or Enterprise).
    pub scope: Option<String>,
    pub token: Option<String>,
    pub api: Option<String>,
    pub server: Option<String>,
}

impl FieldErrors {
    /// The id of the first invalid input, to move focus there; the scope field's id is its
    /// kind's key (`repo`, `org`, `enterprise`).
    pub fn first_invalid(&self, kind: ScopeKind) -> Option<&'static str> {
        self.invalid(kind).next().map(|(id, _)| id)
    }

    /// Each invalid field in the card's order: its input's id and its label.
    pub fn invalid(&self, kind: ScopeKind) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        [
            (&self.scope, kind.key(), kind.label()),
            (&self.token, "token", "Access token"),
            (&self.api, "api", "API URL"),
            (&self.server, "server", "Server URL"),
        ]
        .into_iter()
        .filter_map(|(e, id, label)| e.as_ref().map(|_| (id, label)))
    }
}

/// Whether the web base comes from the API URL or must be typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WebBaseSource {
    Derived(WebBase),
    /// The API URL is valid but of no known layout: the Server URL field is needed.
    NeedsInput,
    /// The API URL itself is invalid; nothing to say about the web base yet.
    Unknown,
}

impl WebBaseSource {
    /// What the (already parsed) API URL says about the web base.
    pub fn of(api: &Result<ApiBase, UrlError>) -> Self {
        match api {
            Ok(api) => api.web_base().map_or(Self::NeedsInput, Self::Derived),
            Err(_) => Self::Unknown,
        }
    }
}

impl FormInput {
    /// The text of the chosen scope's field.
    pub fn scope_text(&self) -> &str {
        self.scope.get(self.kind)
    }

    /// Checks every field; `token` is the Access token field's text, read where it is kept.
    pub fn validate(&self, token: &str) -> Result<ValidForm, FieldErrors> {
        self.validate_with(ApiBase::parse(&self.api), token)
    }

    /// [`Self::validate`] with the API URL already parsed (the page parses it once per edit and
    /// shares the result); `api` must be `ApiBase::parse(&self.api)`.
    pub fn validate_with(&self, api: Result<ApiBase, UrlError>, token: &str) -> Result<ValidForm, FieldErrors> {
        let scope = Scope::parse(self.kind, self.scope_text());
        let token = AccessToken::parse(token).map(|t| t.kind());
        let server_missing = self.server.trim().is_empty();
        // A server's web address typed as its API URL is the likely mistake, so the API URL
        // field says which one was meant (and is focused first); a Server URL typed for an API
        // really served at a host's root (a proxy) is the way to keep it.
        let advice = match &api {
            Ok(api) if server_missing => api.likely_meant().map(|a| (api.to_string(), a)),
            _ => None,
        };
        let web_base = match WebBaseSource::of(&api) {
            WebBaseSource::Derived(w) => Ok(w),
            WebBaseSource::NeedsInput if server_missing => Err(Some(match &advice {
                Some((api, _)) => format!("If the API really is at {api}, enter the server's web address here, e.g. https://ghes.example.com."),
                None => "This API URL is not one whose web address can be worked out: enter the server's web address, e.g. https://ghes.example.com.".to_string(),
            })),
            WebBaseSource::NeedsInput => WebBase::parse(&self.server).map_err(|e| Some(e.to_string())),
            WebBaseSource::Unknown => Err(None),
        };
        match (scope, token, api, web_base) {
            (Ok(scope), Ok(token_kind), Ok(api), Ok(web_base)) => Ok(ValidForm {
                target: Target { api, scope },
                web_base,
                token_kind,
            }),
            (scope, token, api, web_base) => Err(FieldErrors {
                scope: scope.err().map(|e| e.to_string()),
                token: token.err().map(|e| e.to_string()),
                api: api.err().map(|e| e.to_string()).or(advice.map(|(_, a)| a.to_string())),
                server: web_base.err().flatten(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::{ScopeKind, DEFAULT_API};

    fn input(org: &str, api: &str, server: &str) -> FormInput {
        let mut form = FormInput {
            api: api.into(),
            server: server.into(),
            ..FormInput::default()
        };
        form.scope.organization = org.into();
        form
    }

    #[test]
    fn a_complete_form_yields_the_request_and_web_base() {
        let valid = input(" octo-org ", DEFAULT_API, "").validate("Bearer ghp_abc").unwrap();
        assert_eq!(valid.target.scope.name(), "octo-org");
        assert_eq!(valid.token_kind, TokenKind::Classic);
        assert_eq!(valid.target.api.to_string(), "https://api.github.com");
        assert_eq!(valid.web_base.as_str(), "https://github.com");
    }

    #[test]
    fn every_invalid_field_gets_its_own_message() {
        let errors = input("bad org", "http://ghes.example.com", "")
            .validate("")
            .unwrap_err();
        assert!(errors.scope.unwrap().contains("no spaces"));
        assert!(errors.token.unwrap().contains("Paste an access token"));
        assert!(errors.api.unwrap().contains("unencrypted"));
        assert_eq!(
            errors.server, None,
            "no web-base complaint while the API URL is itself wrong"
        );
    }

    #[test]
    fn an_unknown_api_layout_needs_the_server_url() {
        let form = input("octo-org", "https://proxy.example.com/github", "");
        assert_eq!(WebBaseSource::of(&ApiBase::parse(&form.api)), WebBaseSource::NeedsInput);
        let errors = form.validate("ghp_abc").unwrap_err();
        assert!(errors.server.as_deref().unwrap().contains("web address"));
        assert_eq!(errors.first_invalid(ScopeKind::Organization), Some("server"));

        let form = FormInput {
            server: "https://ghes.example.com/".into(),
            ..form
        };
        assert_eq!(
            form.validate("ghp_abc").unwrap().web_base.as_str(),
            "https://ghes.example.com"
        );
    }

    #[test]
    fn github_coms_web_address_as_api_url_sends_to_its_api() {
        for web in [
            "https://github.com",
            "github.com/",
            "http://github.com",
            "https://www.github.com/",
        ] {
            let valid = input("octo-org", web, "").validate("ghp_abc").unwrap();
            assert_eq!(valid.target.api.to_string(), DEFAULT_API, "{web}");
            assert_eq!(valid.web_base.as_str(), "https://github.com", "{web}");
        }
    }

    #[test]
    fn a_server_web_address_as_api_url_is_pointed_to_its_api() {
        for (web, meant) in [
            ("https://ghe.example.com", "https://ghe.example.com/api/v3"),
            ("https://ghe.example.com/", "https://ghe.example.com/api/v3"),
            ("https://octocorp.ghe.com", "https://api.octocorp.ghe.com"),
        ] {
            let errors = input("octo-org", web, "").validate("ghp_abc").unwrap_err();
            let api = errors.api.as_deref().unwrap_or_default();
            assert!(
                api.contains("did you mean") && api.ends_with(&format!("{meant}?")),
                "{web}: {api}"
            );
            assert_eq!(errors.first_invalid(ScopeKind::Organization), Some("api"), "{web}");
            let server = errors.server.unwrap();
            assert!(server.starts_with("If the API really is at "), "{server}");
            // The suggestion, taken, is a complete form.
            assert!(input("octo-org", meant, "").validate("ghp_abc").is_ok(), "{meant}");
        }
        // A Server URL says the API really is at the host's root (a proxy): nothing is asked.
        let valid = input("octo-org", "https://ghe.example.com", "https://ghe.example.com")
            .validate("ghp_abc")
            .unwrap();
        assert_eq!(valid.target.api.to_string(), "https://ghe.example.com");
    }

    #[test]
    fn a_local_api_at_its_root_asks_only_for_the_server_url_as_before() {
        let errors = input("octo-org", "http://127.0.0.1:9000", "")
            .validate("ghp_abc")
            .unwrap_err();
        assert_eq!(errors.api, None);
        assert_eq!(
            errors.server.as_deref(),
            Some("This API URL is not one whose web address can be worked out: enter the server's web address, e.g. https://ghes.example.com.")
        );
        let valid = input("octo-org", "http://127.0.0.1:9000/api/v3", "")
            .validate("ghp_abc")
            .unwrap();
        assert_eq!(valid.web_base.as_str(), "http://127.0.0.1:9000");
    }

    #[test]
    fn the_first_invalid_field_is_named_in_page_order() {
        let errors = input("ok", "nope", "").validate("").unwrap_err();
        assert_eq!(errors.first_invalid(ScopeKind::Organization), Some("token"));
    }

    #[test]
    fn only_the_chosen_scopes_field_counts_and_each_keeps_its_text() {
        let mut form = input("not valid!", DEFAULT_API, "");
        form.kind = ScopeKind::Repository;
        form.scope.repository = "octo-org/app".into();
        let valid = form.validate("ghp_abc").unwrap();
        assert_eq!(valid.target.scope.api_path(), "/repos/octo-org/app");
        form.kind = ScopeKind::Enterprise;
        let errors = form.validate("ghp_abc").unwrap_err();
        assert!(errors.scope.unwrap().contains("slug"));
        assert_eq!(
            form.validate("ghp_abc")
                .unwrap_err()
                .first_invalid(ScopeKind::Enterprise),
            Some("enterprise")
        );
        form.kind = ScopeKind::Organization;
        assert_eq!(
            form.validate("ghp_abc")
                .unwrap_err()
                .first_invalid(ScopeKind::Organization),
            Some("org")
        );
    }

    #[test]
    fn actions_round_trip_through_their_link_keys() {
        for a in Action::ALL {
            assert_eq!(Action::from_key(a.key()), Some(a));
        }
        assert_eq!(Action::from_key("JIT"), Some(Action::JustInTime));
        assert_eq!(Action::from_key("delete"), None);
    }
}
