//! `ConfigCommand`: what `config.sh --url <web base>/<org> --token <token>` is made of, kept
//! together from the scope that minted the token (a token pasted with another scope's URL fails
//! with a bare 404). [`super::SetupScript::configure`] writes it out for a shell.

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::{ApiBase, MASK};
    use crate::runner::SetupScript;

    /// The plain configure command (Linux, no options), as the page shows it first.
    fn text(c: &ConfigCommand, reveal: bool) -> String {
        SetupScript { platform: Default::default(), package: None, command: c.clone(), options: Default::default() }.configure(reveal)
    }

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
        assert_eq!(text(&c, true), "./config.sh --url https://github.com/octo-org --token AABBCCDDEEFF");
    }

    #[test]
    fn enterprise_server_commands_use_the_server_address() {
        let c = command("https://ghes.example.com/api/v3", "platform", "T0K3N");
        assert_eq!(text(&c, true), "./config.sh --url https://ghes.example.com/platform --token T0K3N");
    }

    #[test]
    fn masked_text_hides_only_the_token() {
        let c = command("https://api.github.com", "octo-org", "AABBCCDDEEFF");
        let masked = text(&c, false);
        assert!(!masked.contains("AABBCCDDEEFF"));
        assert!(masked.contains("https://github.com/octo-org"));
        assert!(masked.contains(MASK));
    }

    #[test]
    fn a_hostile_token_is_quoted_not_executed() {
        let c = command("https://api.github.com", "octo-org", "x; rm -rf ~ $(id) `id`");
        let args = crate::runner::quote::tests::run_in_sh(&text(&c, true));
        assert_eq!(args, ["--url", "https://github.com/octo-org", "--token", "x; rm -rf ~ $(id) `id`"]);
    }
}
