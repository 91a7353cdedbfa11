//! The form as a model: raw field text in, a validated request (or one message per field) out.
//! Pure, so every rule is tested natively; the view only shows what this decides.

use crate::github::client::OrgRequest;
use crate::github::{AccessToken, ApiBase, Organization, UrlError, WebBase};

/// What the user typed, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormInput {
    pub org: String,
    pub token: String,
    pub api: String,
    /// Only used when the web base cannot be derived from the API URL.
    pub server: String,
}

/// A request that may be sent, and the web base its `config.sh --url` will use.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidForm {
    pub request: OrgRequest,
    pub web_base: WebBase,
}

/// One message per invalid field, in the order the fields appear.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors {
    pub org: Option<String>,
    pub token: Option<String>,
    pub api: Option<String>,
    pub server: Option<String>,
}

impl FieldErrors {
    /// The id of the first invalid input, to move focus there.
    pub fn first_invalid(&self) -> Option<&'static str> {
        [(&self.org, "org"), (&self.token, "token"), (&self.api, "api"), (&self.server, "server")]
            .into_iter()
            .find_map(|(e, id)| e.as_ref().map(|_| id))
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
    pub fn validate(&self) -> Result<ValidForm, FieldErrors> {
        self.validate_with(ApiBase::parse(&self.api))
    }

    /// [`Self::validate`] with the API URL already parsed (the page parses it once per edit and
    /// shares the result); `api` must be `ApiBase::parse(&self.api)`.
    pub fn validate_with(&self, api: Result<ApiBase, UrlError>) -> Result<ValidForm, FieldErrors> {
        let org = Organization::parse(&self.org);
        let token = AccessToken::parse(&self.token);
        let web_base = match WebBaseSource::of(&api) {
            WebBaseSource::Derived(w) => Ok(w),
            WebBaseSource::NeedsInput if self.server.trim().is_empty() => Err(Some(
                "This API URL is not one whose web address can be worked out: enter the server's web address, e.g. https://ghes.example.com.".to_string(),
            )),
            WebBaseSource::NeedsInput => WebBase::parse(&self.server).map_err(|e| Some(e.to_string())),
            WebBaseSource::Unknown => Err(None),
        };
        match (org, token, api, web_base) {
            (Ok(org), Ok(token), Ok(api), Ok(web_base)) => Ok(ValidForm { request: OrgRequest { api, org, token }, web_base }),
            (org, token, api, web_base) => Err(FieldErrors {
                org: org.err().map(|e| e.to_string()),
                token: token.err().map(|e| e.to_string()),
                api: api.err().map(|e| e.to_string()),
                server: web_base.err().flatten(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::DEFAULT_API;

    fn input(org: &str, token: &str, api: &str, server: &str) -> FormInput {
        FormInput { org: org.into(), token: token.into(), api: api.into(), server: server.into() }
    }

    #[test]
    fn a_complete_form_yields_the_request_and_web_base() {
        let valid = input(" octo-org ", "Bearer ghp_abc", DEFAULT_API, "").validate().unwrap();
        assert_eq!(valid.request.org.as_str(), "octo-org");
        assert_eq!(valid.request.token.authorization(), "Bearer ghp_abc");
        assert_eq!(valid.request.api.to_string(), "https://api.github.com");
        assert_eq!(valid.web_base.as_str(), "https://github.com");
    }

    #[test]
    fn every_invalid_field_gets_its_own_message() {
        let errors = input("bad org", "", "http://ghes.example.com", "").validate().unwrap_err();
        assert!(errors.org.unwrap().contains("no spaces"));
        assert!(errors.token.unwrap().contains("Paste an access token"));
        assert!(errors.api.unwrap().contains("unencrypted"));
        assert_eq!(errors.server, None, "no web-base complaint while the API URL is itself wrong");
    }

    #[test]
    fn an_unknown_api_layout_needs_the_server_url() {
        let form = input("octo-org", "ghp_abc", "https://proxy.example.com/github", "");
        assert_eq!(WebBaseSource::of(&ApiBase::parse(&form.api)), WebBaseSource::NeedsInput);
        let errors = form.validate().unwrap_err();
        assert!(errors.server.as_deref().unwrap().contains("web address"));
        assert_eq!(errors.first_invalid(), Some("server"));

        let form = FormInput { server: "https://ghes.example.com/".into(), ..form };
        assert_eq!(form.validate().unwrap().web_base.as_str(), "https://ghes.example.com");
    }

    #[test]
    fn the_first_invalid_field_is_named_in_page_order() {
        let errors = input("ok", "", "nope", "").validate().unwrap_err();
        assert_eq!(errors.first_invalid(), Some("token"));
    }
}
