//! `ConfigCommand`: `./config.sh --url <web base>/<org> --token <token>`, built from the same
//! scope that minted the token (a token pasted with another scope's URL fails with a bare 404).

use super::quote;
use crate::github::{Organization, Secret, WebBase};

#[derive(Clone, Debug, PartialEq)]
pub struct ConfigCommand {
    pub web_base: WebBase,
    pub org: Organization,
    pub token: Secret,
}

impl ConfigCommand {
    /// The registration URL for the organization.
    pub fn url(&self) -> String {
        format!("{}/{}", self.web_base, self.org)
    }

    /// The exact text to paste into a shell.
    pub fn text(&self) -> String {
        self.render(self.token.expose())
    }

    /// The same command with the token masked, for the screen.
    pub fn masked_text(&self) -> String {
        self.render(&self.token.masked())
    }

    fn render(&self, token: &str) -> String {
        // Neither value can hold NUL (both came through header-safe or JSON-string checks);
        // an empty pair of quotes would make config.sh fail loudly rather than misbehave.
        let q = |v: &str| quote::posix(v).unwrap_or_else(|| "''".to_string());
        format!("./config.sh --url {} --token {}", q(&self.url()), q(token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::{ApiBase, MASK};

    fn command(api: &str, org: &str, token: &str) -> ConfigCommand {
        ConfigCommand {
            web_base: ApiBase::parse(api).unwrap().web_base().unwrap(),
            org: Organization::parse(org).unwrap(),
            token: Secret::new(token),
        }
    }

    #[test]
    fn builds_the_command_github_documents() {
        let c = command("https://api.github.com", "octo-org", "AABBCCDDEEFF");
        assert_eq!(c.text(), "./config.sh --url https://github.com/octo-org --token AABBCCDDEEFF");
    }

    #[test]
    fn enterprise_server_commands_use_the_server_address() {
        let c = command("https://ghes.example.com/api/v3", "platform", "T0K3N");
        assert_eq!(c.text(), "./config.sh --url https://ghes.example.com/platform --token T0K3N");
    }

    #[test]
    fn masked_text_hides_only_the_token() {
        let c = command("https://api.github.com", "octo-org", "AABBCCDDEEFF");
        let masked = c.masked_text();
        assert!(!masked.contains("AABBCCDDEEFF"));
        assert!(masked.contains("https://github.com/octo-org"));
        assert!(masked.contains(MASK));
    }

    #[test]
    fn a_hostile_token_is_quoted_not_executed() {
        let c = command("https://api.github.com", "octo-org", "x; rm -rf ~ $(id) `id`");
        let args = crate::runner::quote::tests::run_in_sh(&c.text());
        assert_eq!(args, ["--url", "https://github.com/octo-org", "--token", "x; rm -rf ~ $(id) `id`"]);
    }
}
